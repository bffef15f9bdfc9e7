"""Old page layouts and deep nesting: the story as the page shows it, furniture left out."""

from __future__ import annotations

import pytest

from comparer.core.compare import compare
from comparer.core.model import Comparison
from comparer.formats import load_bytes
from comparer.formats.base import LoadOptions

from .old_pages import FURNITURE, STORY, STORY_V2, OldStory, old_page


def _texts(version):
    return [version.text[p.start : p.end] for p in version.paragraphs]


@pytest.mark.parametrize("breaks", [True, False], ids=["br-paragraphs", "unclosed-p"])
def test_old_layout_gives_the_story_paragraph_by_paragraph(breaks: bool) -> None:
    version = load_bytes(old_page(STORY, breaks), "minister.stm.html")
    assert _texts(version) == STORY.expected
    assert version.title == STORY.title


@pytest.mark.parametrize("breaks", [True, False], ids=["br-paragraphs", "unclosed-p"])
def test_old_layout_furniture_is_left_out(breaks: bool) -> None:
    text = load_bytes(old_page(STORY, breaks), "minister.stm.html").text
    assert [junk for junk in FURNITURE if junk in text] == []


def test_last_updated_line_gives_the_page_date_with_its_time() -> None:
    assert load_bytes(old_page(STORY), "a.html").date == "2009-06-04T19:26"
    assert load_bytes(old_page(STORY_V2), "b.html").date == "2009-06-05T08:05"


def test_a_json_ld_date_keeps_its_time() -> None:
    page = (
        "<html><head><title>T</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "datePublished": "2016-10-12T14:05:00Z"}</script></head>'
        "<body><article><h1>T</h1><p>One paragraph of the story, long enough to be one.</p>"
        "<p>Another paragraph of the story follows it here.</p></article></body></html>"
    )
    assert load_bytes(page.encode(), "p.html").date == "2016-10-12T14:05"


def _findings(comparison: Comparison) -> tuple[object, ...]:
    pair = comparison.pairs[0]
    return (
        [(e.kind, e.from_, e.to) for e in pair.alignment],
        [(c.category, c.from_text, c.to_text) for c in pair.changes],
        [(n.from_text, n.to_text, n.delta_label) for n in pair.numbers],
        [(s.name, s.quotes_per_version, s.badges) for s in comparison.speakers],
    )


def _compare(stories: tuple[OldStory, ...], as_html: bool) -> Comparison:
    if as_html:
        versions = [load_bytes(old_page(s), f"v{i}.html") for i, s in enumerate(stories)]
    else:
        versions = [
            load_bytes(s.as_text().encode("utf-8"), f"v{i}.txt") for i, s in enumerate(stories)
        ]
    return compare(versions)


def test_a_page_and_its_plain_text_give_the_same_findings_speakers_included() -> None:
    from_html = _compare((STORY, STORY_V2), as_html=True)
    from_text = _compare((STORY, STORY_V2), as_html=False)
    assert _findings(from_html) == _findings(from_text)
    names = [s.name for s in from_html.speakers]
    assert "Ruth Ingram" in names and "Geoff Holm" in names
    assert [n.to_text for n in from_html.pairs[0].numbers] == ["\u00a321,000"]


def test_a_page_and_its_plain_text_do_not_differ() -> None:
    page = load_bytes(old_page(STORY), "v1.html")
    text = load_bytes(STORY.as_text().encode("utf-8"), "v1.txt")
    assert not compare([page, text]).differs


def _deep_page(depth: int, spans: int | None = None) -> bytes:
    paragraphs = "".join(f"<p>Paragraph {n} of the deep page.</p>" for n in range(1, 6))
    spans = depth if spans is None else spans
    return (
        "<html><body><p>Before the nest.</p>"
        + "<div>" * depth
        + paragraphs
        + "<p>"
        + "<span>" * spans
        + "Words in the deepest span."
        + "</span>" * spans
        + "</p>"
        + "</div>" * depth
        + "<p>After the nest.</p></body></html>"
    ).encode()


DEEP_EXPECTED = [
    "Before the nest.",
    *[f"Paragraph {n} of the deep page." for n in range(1, 6)],
    "Words in the deepest span.",
    "After the nest.",
]


@pytest.mark.parametrize("depth", [300, 3000, 100_000])
@pytest.mark.parametrize("full_page", [False, True], ids=["article", "full-page"])
def test_a_deeply_nested_page_keeps_every_paragraph(depth: int, full_page: bool) -> None:
    version = load_bytes(_deep_page(depth), "deep.html", LoadOptions(full_page=full_page))
    assert _texts(version) == DEEP_EXPECTED
    assert any("nested" in note for note in version.notes)


def test_a_shallow_page_carries_no_nesting_note() -> None:
    version = load_bytes(_deep_page(200, spans=20), "deep.html")
    assert _texts(version) == DEEP_EXPECTED
    assert not any("nested" in note for note in version.notes)


def test_a_deep_page_keeps_headings_entities_and_drops_deep_scripts() -> None:
    page = (
        "<html><body>"
        + "<div>" * 400
        + "<h2>Deep heading</h2><p>Caf&eacute; &amp; bar &#8212; open.</p>"
        + "<script>var hidden = 'script text';</script><p>Last words.</p>"
        + "</div>" * 400
        + "</body></html>"
    ).encode()
    version = load_bytes(page, "deep.html", LoadOptions(full_page=True))
    assert _texts(version) == ["Deep heading", "Caf\u00e9 & bar \u2014 open.", "Last words."]
    assert version.paragraphs[0].role.value == "heading"


def test_a_paragraph_made_mostly_of_links_stays_when_it_reads_as_a_sentence() -> None:
    page = (
        b"<html><body><article><h1>Leaders meet</h1>"
        b"<p>The two leaders met for the first time since the summit last year, aides said.</p>"
        b'<p><a href="/w/Obama">Barack Obama</a> met <a href="/w/Merkel">Angela Merkel</a> '
        b'in <a href="/w/Berlin">Berlin</a>.</p>'
        b"<p>They spoke for two hours about trade and the war, and will meet again in May.</p>"
        b'<p><a href="/a">Home</a> | <a href="/b">World news</a> | <a href="/c">Contact</a></p>'
        b"</article></body></html>"
    )
    texts = _texts(load_bytes(page, "wiki.html"))
    assert "Barack Obama met Angela Merkel in Berlin." in texts
    assert not any("World news" in t for t in texts)


def test_a_paragraph_beside_an_image_is_not_taken_for_its_caption() -> None:
    page = (
        b"<html><body><article><h1>Bridge reopens</h1>"
        b'<div class="lead"><img src="/b.jpg" alt=""><p>The old bridge reopened on Friday.</p>'
        b"</div>"
        b"<p>Engineers spent two years replacing the cables, the council said on Friday.</p>"
        b'<figure><img src="/c.jpg" alt=""><figcaption>The bridge at dawn</figcaption></figure>'
        b"<p>Traffic is expected to return to normal by the end of the month, it added.</p>"
        b"</article></body></html>"
    )
    texts = _texts(load_bytes(page, "bridge.html"))
    assert "The old bridge reopened on Friday." in texts
    assert not any("at dawn" in t for t in texts)
