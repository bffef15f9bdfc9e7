"""Tests of the HTML report and the before/after text."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import comparer
from comparer.core.blocks import Block, join_blocks, make_paragraphs, sha256_hex
from comparer.core.compare import compare
from comparer.core.model import Category, Comparison, Role, Speaker, Version
from comparer.export.html_report import LAYOUTS, Flavour, before_after_text, render_html
from comparer.formats import load_bytes
from tests.core import flood_story

V1 = """Flood waters cut off Ravenmoor village

At least 40 people were killed when the river burst its banks on Sunday, officials said.

The council said 300 homes were flooded.

"We lost everything," said farmer Ellen Marsh.

Roads into the village remain closed until Friday.

The army sent two helicopters.
"""

V2 = """Flood waters cut off Ravenmoor village

At least 48 people were killed when the river burst its banks on Sunday, officials said.

The army sent two helicopters.

The council said 300 homes were flooded and schools were shut.

“We lost everything,” said farmer Ellen Marsh.

A relief fund has raised £20,000 for the families.
"""

V3 = """Flood waters cut off Ravenmoor village

At least 51 people were killed when the river burst its banks on Sunday, police said.

The army sent two helicopters.

The council said 300 homes were flooded and schools were shut.

“We lost everything,” said farmer Ellen Marsh.

A relief fund has raised £20,000 for the families.
"""

WHEN = datetime(2025, 3, 4, 10, 30, 0, tzinfo=UTC)
CSP = (
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
)


def _comparison(*texts: str) -> Comparison:
    versions = [
        load_bytes(text.encode("utf-8"), f"v{i}.txt", mtime=1741000000.0 + i)
        for i, text in enumerate(texts, start=1)
    ]
    return compare(versions)


def _version(paragraphs: list[str], name: str) -> Version:
    """A version built straight from paragraphs, bypassing the loaders' sniffing."""
    text, spans = join_blocks(Block(p, Role.BODY) for p in paragraphs)
    data = text.encode("utf-8")
    return Version(
        text=text,
        paragraphs=make_paragraphs(text, spans),
        path=name,
        sha256=sha256_hex(data),
        size=len(data),
    )


@pytest.fixture(scope="module")
def flood() -> Comparison:
    return _comparison(V1, V2)


class _Html(HTMLParser):
    """Collects elements, attributes and the text inside del/ins elements."""

    VOID = {"meta", "br", "col", "img", "hr", "input", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marked: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with {self.stack[-3:]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if "del" in self.stack or "ins" in self.stack:
            self.marked.append(data)


def _parse(document: str) -> _Html:
    parser = _Html()
    parser.feed(document)
    parser.close()
    return parser


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("flavour", ["browser", "qt"])
def test_report_is_well_formed_and_self_contained(
    flood: Comparison, layout: str, flavour: str
) -> None:
    document = render_html(flood, layout, flavour=flavour, exported_at=WHEN)  # type: ignore[arg-type]
    parsed = _parse(document)
    assert parsed.errors == []
    assert parsed.stack == []
    assert document.count(CSP) == 1
    rest = document.replace(CSP, "").lower()
    for needle in ("http", "//", "src=", "@import", "url(", "<script", "<link", "<img"):
        assert needle not in rest, needle


def test_numbers_table(flood: Comparison) -> None:
    document = render_html(flood, exported_at=WHEN)
    table = document[document.index('<table class="numbers">') :]
    table = table[: table.index("</table>")]
    assert "Changed numbers" in table
    assert '<del class="num-old">40</del>' in table
    assert '<ins class="num-new">48</ins>' in table
    assert "▲ +8, +20%" in table


def _table(document: str, css_class: str) -> list[list[str]]:
    """The text of each body row of a table, cell by cell."""
    table = document[document.index(f'<table class="{css_class}">') :]
    table = table[table.index("<tbody>") : table.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in rows
    ]


def test_numbers_added_or_removed_and_moved_sentences_have_tables_of_their_own() -> None:
    document = render_html(compare(list(flood_story.versions())), exported_at=WHEN)
    assert "1 number changed, 2 added, 1 removed" in document
    figures = _table(document, "figures")
    assert [row[:3] for row in figures] == [
        ["¶2 (v2)", "200", "added"],
        ["¶4 (v1)", "12", "removed"],
        ["¶5 (v2)", "3,000", "added"],
    ]
    moves = _table(document, "moves")
    assert [row[:2] for row in moves] == [["¶2", "¶3"], ["¶3", "¶3"], ["¶3", "¶4"], ["¶5", "¶5"]]
    assert moves[0][2].endswith("cut off by the water. (edited)")


def test_summary_and_versions(flood: Comparison) -> None:
    document = render_html(flood, exported_at=WHEN)
    assert "<h1>Flood waters cut off Ravenmoor village</h1>" in document
    assert "v1 · v1.txt → v2 · v2.txt" in document
    assert "1 number changed" in document
    assert "typographic only" in document


def test_evidence_block(flood: Comparison) -> None:
    document = render_html(flood, exported_at=WHEN)
    evidence = document[document.index('<section class="evidence">') :]
    for version in flood.versions:
        assert version.sha256 in evidence
        assert f"{version.size:,} bytes" in evidence
    assert "2025-03-03T11:06:41Z" in evidence  # v1's modification time, in UTC
    assert "utf-8" in evidence
    assert "2025-03-04T10:30:00Z" in evidence
    assert f"<dd>{comparer.__version__}</dd>" in evidence
    assert "ignore case: no, ignore whitespace: no" in evidence


def test_speakers_table_only_when_there_are_speakers(flood: Comparison) -> None:
    bare = dataclasses.replace(flood, speakers=())
    assert "Who is quoted" not in render_html(bare, exported_at=WHEN)
    quoted = dataclasses.replace(
        flood,
        speakers=(
            Speaker("Ellen Marsh", (1, 1)),
            Speaker("Chief <Inspector> O'Hara", (0, 2), ("new",)),
        ),
    )
    document = render_html(quoted, exported_at=WHEN)
    table = document[document.index('<table class="speakers">') :]
    table = table[: table.index("</table>")]
    assert "<th>v1</th><th>v2</th>" in table
    assert "<td>Ellen Marsh</td>" in table
    assert "Chief &lt;Inspector&gt; O&#x27;Hara" in table
    assert '<td class="count">0</td><td class="count">2</td>' in table
    assert '<span class="badge">new</span>' in table


@pytest.mark.parametrize("flavour", ["browser", "qt"])
def test_unnamed_sources_are_a_group_of_their_own_in_the_speakers_table(
    flood: Comparison, flavour: Flavour
) -> None:
    quoted = dataclasses.replace(
        flood,
        speakers=(
            Speaker("Ellen Marsh", (1, 1)),
            Speaker("Officials", (1, 0), ("dropped", "unnamed source")),
            Speaker("a spokesman", (0, 1), ("new", "unnamed source")),
        ),
    )
    document = render_html(quoted, exported_at=WHEN, flavour=flavour)
    table = document[document.index('<table class="speakers"') :]
    table = table[: table.index("</table>")]
    heading = '<tr class="group"><th colspan="4" scope="rowgroup">Unnamed sources</th></tr>'
    assert table.index("Ellen Marsh") < table.index(heading) < table.index("Officials")
    assert table.index("Officials") < table.index("a spokesman")
    # the heading says it: no row repeats "unnamed source"
    assert "unnamed source" not in table.replace(heading, "")
    assert '<span class="badge">dropped</span>' in table
    # with nobody unnamed, no heading
    plain = dataclasses.replace(flood, speakers=(Speaker("Ellen Marsh", (1, 1)),))
    assert "Unnamed sources" not in render_html(plain, exported_at=WHEN, flavour=flavour)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_changed_word_is_shown_marked(flood: Comparison, layout: str) -> None:
    document = render_html(flood, layout, exported_at=WHEN)
    body = document[document.index('<section class="pair"') :]
    marked = "".join(_parse(body).marked)
    pair = flood.pairs[0]
    words = [
        word
        for change in pair.changes
        if change.category is not Category.TYPOGRAPHIC
        for word in (change.from_text + " " + change.to_text).split()
    ]
    assert {"40", "48", "schools", "Roads", "relief"} <= set(words)
    for word in words:
        assert word in marked, word


def test_side_by_side_has_one_row_per_alignment_entry(flood: Comparison) -> None:
    document = render_html(flood, "side-by-side", exported_at=WHEN)
    table = document[document.index('<table class="sbs">') :]
    table = table[: table.index("</table>")]
    assert table.count('<tr class="k-') == len(flood.pairs[0].alignment)
    assert "moved from ¶6" in table
    assert "(removed)" in table
    assert "(added)" in table


def test_typographic_changes_are_dotted_not_struck(flood: Comparison) -> None:
    document = render_html(flood, "inline", exported_at=WHEN)
    assert '<span class="typo" title="was: &quot;">“</span>' in document
    assert "underline dotted" in document


def test_hostile_article_text_is_inert() -> None:
    hostile = "<script>alert('x')</script> <img src=x onerror=alert(1)> & </td></table>"
    old = _version(["Storm update", f"Officials said {hostile} 10 roads closed."], "a.html")
    new = _version(["Storm update", f"Officials said {hostile} 12 roads closed <b>now</b>."], "b")
    comparison = compare([old, new])
    for layout in LAYOUTS:
        for flavour in ("browser", "qt"):
            document = render_html(comparison, layout, flavour=flavour, exported_at=WHEN)  # type: ignore[arg-type]
            parsed = _parse(document)
            assert parsed.errors == []
            assert "script" not in parsed.tags
            assert "img" not in parsed.tags
            assert "b" not in parsed.tags
            assert not [name for name, _ in parsed.attrs if name.startswith("on")]
            assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in document
            assert hostile in "".join(parsed.text)


def test_control_characters_are_replaced() -> None:
    old = _version(["Title", "Bad\x00byte and \x1b[31m escape 5"], "a.txt")
    new = _version(["Title", "Bad\x00byte and \x1b[31m escape 6"], "b.txt")
    document = render_html(compare([old, new]), exported_at=WHEN)
    assert "\x00" not in document
    assert "\x1b" not in document
    assert "Bad\ufffdbyte" in document


def test_three_versions_give_one_section_per_pair() -> None:
    comparison = _comparison(V1, V2, V3)
    document = render_html(comparison, exported_at=WHEN)
    assert document.count('<section class="pair"') == 2
    assert 'id="pair-1"' in document and 'id="pair-2"' in document
    assert 'href="#pair-2"' in document
    assert "v2 · v2.txt → v3 · v3.txt" in document
    assert '<ins class="num-new">51</ins>' in document
    assert "<td>v3</td><td>v3.txt</td>" in document


def test_identical_versions_say_no_differences() -> None:
    comparison = _comparison(V1, V1)
    document = render_html(comparison, exported_at=WHEN)
    assert "no differences" in document
    assert '<table class="numbers">' not in document


def test_unknown_layout_is_refused(flood: Comparison) -> None:
    with pytest.raises(ValueError, match="layout"):
        render_html(flood, "diagonal")


def _change_index(comparison: Comparison, from_text: str) -> int:
    for index, change in enumerate(comparison.pairs[0].changes):
        if change.from_text == from_text:
            return index
    raise AssertionError(f"no change from {from_text!r}")


def test_before_after_text_of_a_number(flood: Comparison) -> None:
    text = before_after_text(flood, 0, _change_index(flood, "40"))
    assert text == (
        "Before: At least 40 people were killed when the river burst its banks on Sunday, "
        "officials said.\n"
        "After: At least 48 people were killed when the river burst its banks on Sunday, "
        "officials said."
    )


def test_before_after_text_is_cut_in_a_long_sentence() -> None:
    long_tail = " ".join(f"word{i}" for i in range(40))
    old = _version(["Title", f"Rescuers found 7 survivors {long_tail}."], "a.txt")
    new = _version(["Title", f"Rescuers found 9 survivors {long_tail}."], "b.txt")
    comparison = compare([old, new])
    index = next(i for i, c in enumerate(comparison.pairs[0].changes) if c.from_text == "7")
    before, after = before_after_text(comparison, 0, index).split("\n")
    assert before.startswith("Before: Rescuers found 7 survivors word0")
    assert before.endswith("…")
    assert after.startswith("After: Rescuers found 9 survivors")
    assert "word39" not in after


def test_before_after_text_of_added_and_removed_paragraphs(flood: Comparison) -> None:
    pair = flood.pairs[0]
    texts = [before_after_text(flood, 0, i) for i in range(len(pair.changes))]
    assert any(t.startswith("Before: (not in this version") and "relief fund" in t for t in texts)
    assert any("Roads into the village" in t and "After: (not in this version" in t for t in texts)


def test_before_after_text_bad_index(flood: Comparison) -> None:
    with pytest.raises(IndexError):
        before_after_text(flood, 0, 999)
    assert re.match(r"Before: .*\nAfter: .*", before_after_text(flood, 0, 0))


_WORDS = ["the", "river", "rose", "40", "48", "three", "people", "said", "“quoted”", "<b>", "&"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8), min_size=1, max_size=5),
    st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8), min_size=1, max_size=5),
)
def test_any_two_texts_give_a_well_formed_report_showing_every_change(
    old_paragraphs: list[list[str]], new_paragraphs: list[list[str]]
) -> None:
    old = _version([" ".join(p) for p in old_paragraphs], "a.txt")
    new = _version([" ".join(p) for p in new_paragraphs], "b.txt")
    comparison = compare([old, new])
    for layout in LAYOUTS:
        document = render_html(comparison, layout, exported_at=WHEN)
        body = document[
            document.index('<section class="pair"') : document.index('<section class="evidence"')
        ]
        parsed = _parse(body)
        assert parsed.errors == []
        assert parsed.stack == []
        marked = "".join(parsed.marked)
        for change in comparison.pairs[0].changes:
            if change.category is Category.TYPOGRAPHIC:
                continue
            for word in (change.from_text + " " + change.to_text).split():
                assert word in marked, (layout, word)
    for index in range(len(comparison.pairs[0].changes)):
        before, after = before_after_text(comparison, 0, index).split("\n")
        assert before.startswith("Before: ") and after.startswith("After: ")


EMBED = (
    '<embed src="http://video.example/player?isVid=1&amp;isUI=1" bgcolor="#FFFFFF" '
    'flashvars="videoId=2393249560001&amp;playerID=664965303001&amp;playerKey=AQ~~,AAAA" '
    'base="http://admin.example" name="flashObj" width="480" height="270" seamlessTabbing="false" '
    'type="application/x-shockwave-flash" allowFullScreen="true" pluginspage="http://get.example">'
    "</embed>"
)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("flavour", ["browser", "qt"])
def test_page_debris_is_one_short_dim_line_as_in_the_window(layout: str, flavour: str) -> None:
    with_debris = V1.replace("\n\nThe council", f"\n\n{EMBED}\n\nThe council")
    comparison = _comparison(with_debris, V2)
    document = render_html(comparison, layout, flavour=flavour, exported_at=WHEN)  # type: ignore[arg-type]
    text = "".join(_parse(document).text)
    assert '<embed src="http://video.example/player' in text
    assert "playerKey" not in text and "allowFullScreen" not in text
    assert "people were killed when the river burst its banks" in text  # article text: whole
    assert 'class="k-ignored"' in document or 'para k-ignored"' in document


def test_the_versions_dates_say_on_which_clock_they_are() -> None:
    # two pages stamped in different zones, read in the order they were written: their
    # clock times alone would seem to run backwards (01:00, then 23:30 the day before)
    london = dataclasses.replace(
        load_bytes(V1.encode(), "london.txt"), date="2025-06-10T01:00", utc_offset=0
    )
    new_york = dataclasses.replace(
        load_bytes(V2.encode(), "new-york.txt"), date="2025-06-09T23:30", utc_offset=-300
    )
    page = render_html(compare([london, new_york]))
    cells = re.findall(r"<td>(2025-[^<]*)</td>", page)
    assert cells[:2] == ["2025-06-10T01:00+00:00", "2025-06-09T23:30-05:00"]
