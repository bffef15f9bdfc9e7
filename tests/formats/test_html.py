import pytest

from comparer.core.model import Role
from comparer.formats import LoadError, load_bytes
from comparer.formats.base import LoadOptions

from .builders import ARTICLE, article_html, make_html

FURNITURE = [
    "cookies",
    "Local news",
    "Most read",
    "Bakery wins",
    "sofas",
    "Copyright",
    "Privacy policy",
    "tracking code",
    "script text",
    "color: red",
    "By Oskar Brenner",
]


def _texts(version):
    return [version.text[p.start : p.end] for p in version.paragraphs]


def test_article_without_page_furniture():
    version = load_bytes(make_html(), "story.html")
    assert _texts(version) == ARTICLE.expected
    for junk in FURNITURE:
        assert junk not in version.text
    assert version.title == ARTICLE.title
    assert version.date == "2024-02-11T09:40"
    assert version.byline == "Oskar Brenner"
    assert version.encoding == "utf-8"


def test_the_pages_furniture_is_kept_apart_from_the_article_line_by_line():
    version = load_bytes(make_html(), "story.html")
    assert version.furniture == (
        "Home",
        "Local news",
        "Sport",
        "Weather",
        "Most read",
        "Council approves new car park plan",
        "Bakery wins regional award for its rye bread",
        "Copyright 2024 The Tamsin Valley Courier. All rights reserved.",
        "Privacy policy",
    )
    article = set(_texts(version))
    assert not article & set(version.furniture)


def test_an_articles_own_header_is_not_furniture():
    page = (
        "<html><body><nav>Home | World</nav><article><header><h1>Bridge reopens</h1>"
        "<p class='standfirst'>Repairs took six weeks.</p></header>"
        "<p>The bridge over the Tamsin reopened on Monday after six weeks of repairs, "
        "the council said, and buses will use it again from Tuesday morning.</p>"
        "<p>Engineers replaced two of its steel beams and the whole of its deck.</p>"
        "</article></body></html>"
    )
    version = load_bytes(page.encode(), "bridge.html")
    assert version.furniture == ("Home | World",)
    assert load_bytes(page.encode(), "bridge.html", LoadOptions(full_page=True)).furniture == ()


_NO_DATE_MARKUP = article_html().replace(
    '<meta property="article:modified_time" content="2024-02-11T09:40:00+00:00">\n', ""
)
_BYLINE = '<p class="byline">By Oskar Brenner</p>'


def test_a_page_without_a_date_in_its_markup_has_none():
    # years in the text or the footer's copyright line are not the page's date
    page = _NO_DATE_MARKUP.replace(
        _BYLINE, _BYLINE + "<p>The bridge was built in 1995 and last repaired on 3 May 2003.</p>"
    )
    assert load_bytes(page.encode("utf-8"), "story.html").date is None


def test_a_time_element_dates_the_page():
    page = _NO_DATE_MARKUP.replace(
        _BYLINE,
        '<p class="byline">By Oskar Brenner, <time datetime="2024-03-14T06:50:00Z">'
        "14 March 2024</time></p>",
    )
    assert load_bytes(page.encode("utf-8"), "story.html").date == "2024-03-14T06:50"


@pytest.mark.parametrize(
    ("stamp", "offset"),
    [
        ("2024-02-11T09:40:00+00:00", 0),
        ("2024-02-11T09:40:00-05:00", -300),
        ("2024-02-11T09:40:00.000+05:30", 330),
        ("2024-02-11T09:40:00", None),  # no zone given: none is guessed
    ],
)
def test_a_page_keeps_its_dates_offset_from_utc(stamp, offset):
    page = article_html().replace("2024-02-11T09:40:00+00:00", stamp)
    version = load_bytes(page.encode("utf-8"), "story.html")
    assert (version.date, version.utc_offset) == ("2024-02-11T09:40", offset)


def test_full_page_keeps_visible_text_but_no_scripts_or_styles():
    version = load_bytes(make_html(), "story.html", LoadOptions(full_page=True))
    for visible in ("Local news", "Most read", "Bakery wins", "Copyright", ARTICLE.paragraphs[0]):
        assert visible in version.text
    for hidden in ("tracking code", "script text", "color: red"):
        assert hidden not in version.text
    headings = [version.text[p.start : p.end] for p in version.paragraphs if p.role is Role.HEADING]
    assert headings == [ARTICLE.title, "Rescue crews stretched", "Most read"]
    assert version.title == f"{ARTICLE.title} | The Tamsin Valley Courier"


def test_meta_charset_windows_1252():
    data = article_html(charset="windows-1252").encode("cp1252")
    version = load_bytes(data, "story.htm")
    assert version.encoding == "windows-1252"
    assert "\u201cWe moved everyone" in version.text


def test_undeclared_legacy_encoding_is_detected():
    data = article_html().replace('<meta charset="utf-8">', "").encode("cp1252")
    version = load_bytes(data, "story.html")
    assert "\u201cWe moved everyone" in version.text
    assert version.encoding == "cp1252"


def test_right_to_left_page():
    paragraphs = [
        "\u0642\u0627\u0644 \u0631\u0626\u064a\u0633 \u0627\u0644\u0628\u0644\u062f\u064a\u0629 "
        "\u0625\u0646 \u0627\u0644\u0641\u064a\u0636\u0627\u0646 \u062f\u0645\u0631 "
        "\u0623\u0631\u0628\u0639\u064a\u0646 \u0645\u0646\u0632\u0644\u0627 \u0641\u064a "
        "\u0627\u0644\u0628\u0644\u062f\u0629 \u0627\u0644\u0635\u063a\u064a\u0631\u0629 "
        "\u0635\u0628\u0627\u062d \u0627\u0644\u0623\u062d\u062f.",
        "\u0648\u0623\u0636\u0627\u0641 \u0623\u0646 \u0641\u0631\u0642 \u0627\u0644\u0625\u0646"
        "\u0642\u0627\u0630 \u0639\u0645\u0644\u062a \u0637\u0648\u0627\u0644 \u0627\u0644\u0644"
        "\u064a\u0644 \u0644\u0646\u0642\u0644 \u0627\u0644\u0633\u0643\u0627\u0646 \u0625\u0644"
        "\u0649 \u0627\u0644\u0645\u062f\u0631\u0633\u0629.",
    ]
    page = (
        '<html dir="rtl" lang="ar"><head><meta charset="windows-1256"><title>\u0641\u064a\u0636'
        "\u0627\u0646</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs * 3)
        + "</article></body></html>"
    )
    version = load_bytes(page.encode("cp1256"), "arabic.html")
    assert version.encoding == "windows-1256"
    assert paragraphs[0] in version.text and paragraphs[1] in version.text


def test_page_without_article_falls_back_to_full_text():
    version = load_bytes(b"<html><body><div>Just a tiny note.</div></body></html>", "note.html")
    assert version.text == "Just a tiny note."
    assert version.notes


def test_windows_clipboard_html_header_is_skipped():
    fragment = (
        b"<html><body><!--StartFragment--><p>Pasted paragraph of words.</p>"
        b"<!--EndFragment--></body></html>"
    )
    header = b"Version:0.9\r\nStartHTML:%010d\r\nEndHTML:%010d\r\n"
    start = len(header % (0, 0))
    data = (header % (start, start + len(fragment))) + fragment
    version = load_bytes(data, "clipboard", LoadOptions(full_page=True))
    assert version.text == "Pasted paragraph of words."


def test_tables_lists_and_line_breaks_in_full_page():
    page = (
        b"<html><body><h1>Results</h1><table><tr><th>Town</th><th>Homes</th></tr>"
        b"<tr><td>Marlow</td><td>240</td></tr></table><ul><li>One item</li><li>Two</li></ul>"
        b"<p>Line one<br>line two</p></body></html>"
    )
    version = load_bytes(page, "t.html", LoadOptions(full_page=True))
    assert _texts(version) == [
        "Results",
        "Town | Homes",
        "Marlow | 240",
        "One item",
        "Two",
        "Line one\nline two",
    ]


@pytest.mark.parametrize("full_page", [False, True])
def test_deeply_nested_page_is_bounded(full_page):
    depth = 20000
    page = (
        b"<html><body>"
        + b"<div>" * depth
        + b"<p>Deep words in the page.</p>"
        + b"</div>" * depth
        + b"</body></html>"
    )
    try:
        version = load_bytes(page, "deep.html", LoadOptions(full_page=full_page))
    except LoadError as exc:
        assert "deep" in str(exc) or "nested" in str(exc)
    else:
        assert version.paragraphs


def test_hidden_elements_are_not_visible_text():
    page = (
        b'<html><body><p>Seen words.</p><p style="display: none">Unseen words.</p>'
        b"<p hidden>Also unseen.</p></body></html>"
    )
    version = load_bytes(page, "h.html", LoadOptions(full_page=True))
    assert version.text == "Seen words."


def test_huge_page_skips_article_extraction_but_loads():
    page = (
        b"<html><body><p>Start of a page of many tags.</p>"
        + b"<b>x</b>" * 70_000
        + b"</body></html>"
    )
    version = load_bytes(page, "tags.html")
    assert version.text.startswith("Start of a page")
    assert any("too large" in note for note in version.notes)


def test_text_file_starting_with_a_tag_stays_text():
    data = b'<object id="player">Move the cursor over the video\n\nFirst paragraph of the story.\n'
    version = load_bytes(data, "story.txt")
    assert version.source_format == "text"
    assert "<object" in version.text
