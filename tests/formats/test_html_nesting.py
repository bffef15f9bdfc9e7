"""Deeply nested pages written shallow: every character of text kept, the depth bounded."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from lxml import html as lxml_html

from comparer.formats.html_nesting import MAX_DEPTH, flatten, too_deep


class _Depth(HTMLParser):
    """The deepest nesting of a page, as a tokenizer without a depth limit sees it."""

    def __init__(self) -> None:
        super().__init__()
        self.open = self.deepest = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in ("br", "img", "hr", "meta", "link", "input", "wbr"):
            self.open += 1
            self.deepest = max(self.deepest, self.open)

    def handle_endtag(self, tag: str) -> None:
        self.open -= 1


def _deepest(page: str) -> int:
    parser = _Depth()
    parser.feed(page)
    return parser.deepest


def _text(page: str) -> str:
    return " ".join(lxml_html.fromstring(page).text_content().split())


def _blocks(page: str) -> list[str]:
    root = lxml_html.fromstring(page)
    texts = (" ".join(e.text_content().split()) for e in root.iter("p", "h2"))
    return [t for t in texts if t]  # deep divs become paragraphs, most of them empty


def test_a_shallow_page_comes_back_as_it_was() -> None:
    page = (
        '<html><body><p class="lead">One &amp; two</p>'
        "<script>if (a<b) x();</script><br><p>Three</p></body></html>"
    )
    assert flatten(page) == page


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 400, 3000])
def test_a_deep_page_keeps_all_its_text_in_order_within_the_limit(depth: int) -> None:
    page = (
        "<html><body><p>Before the nest.</p>"
        + "<div>" * depth
        + "<h2>Deep heading</h2><p>Deep <b>bold</b> text &amp; more.</p>"
        + "</div>" * depth
        + "<p>After the nest.</p></body></html>"
    )
    flat = flatten(page)
    assert _deepest(flat) <= MAX_DEPTH + 1
    assert _blocks(flat) == [
        "Before the nest.",
        "Deep heading",
        "Deep bold text & more.",
        "After the nest.",
    ]
    assert "<h2>Deep heading</h2>" in flat  # a heading past the limit stays a heading


def test_script_past_the_limit_never_becomes_text() -> None:
    page = "<div>" * 50 + "<script>var hidden = 1;</script><p>Shown.</p>" + "</div>" * 50
    assert _text(flatten(page, max_depth=10)) == "Shown."


def test_unclosed_elements_are_closed_at_the_end() -> None:
    flat = flatten("<div><p>Cut short", max_depth=10)
    assert flat.endswith("</p></div>")


def test_the_parsers_depth_complaint_is_recognised() -> None:
    assert too_deep(["htmlParseStartTag: Excessive depth in document: 256 use XML_PARSE_HUGE"])
    assert not too_deep(["Tag nav invalid", "Unexpected end tag : p"])
