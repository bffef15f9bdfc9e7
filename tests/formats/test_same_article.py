import pytest

from comparer.core.model import Role
from comparer.formats import load_bytes

from .builders import (
    ARTICLE,
    ARTICLE_V2,
    Article,
    make_article_pdf,
    make_docx,
    make_html,
    make_markdown,
    make_mhtml,
    make_odt,
    make_rtf,
    make_text,
)

FORMATS = {
    "story.docx": make_docx,
    "story.html": make_html,
    "story.mhtml": make_mhtml,
    "story.pdf": make_article_pdf,
    "story.odt": make_odt,
    "story.rtf": make_rtf,
    "story.md": make_markdown,
    "story.txt": make_text,
}


def _paragraphs(name: str, article=ARTICLE):
    version = load_bytes(FORMATS[name](article), name)
    return version, [version.text[p.start : p.end] for p in version.paragraphs]


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_gives_the_same_paragraphs(name):
    version, paragraphs = _paragraphs(name)
    assert [p.split() for p in paragraphs] == [p.split() for p in ARTICLE.expected]
    assert version.title == ARTICLE.title
    roles = [p.role for p in version.paragraphs]
    assert roles[0] is Role.HEADING
    assert roles[4] is Role.HEADING  # "Rescue crews stretched"
    assert all(r is Role.BODY for i, r in enumerate(roles) if i not in (0, 4))
    assert version.source_format == {"md": "markdown", "txt": "text"}.get(
        name.rsplit(".", 1)[1], name.rsplit(".", 1)[1]
    )


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_shows_the_same_changed_numbers(name):
    compare = pytest.importorskip(
        "comparer.core.compare", reason="the comparison engine is not there yet"
    )
    old = load_bytes(FORMATS[name](ARTICLE), name)
    new = load_bytes(FORMATS[name](ARTICLE_V2), name)
    pair = compare.compare([old, new], with_quotes=False).pairs[0]
    assert sorted((n.from_text, n.to_text) for n in pair.numbers) == [("12", "15"), ("240", "260")]


ARABIC = Article(
    title="الفيضان يصل إلى جسر مارلو",
    paragraphs=(
        "وصلت مياه الفيضان إلى الجسر القديم صباح الأحد، وأجبرت 240 عائلة على مغادرة منازلها.",
        "## فرق الإنقاذ",
        "قال رئيس البلدية إن فرق الإنقاذ عملت طوال الليل لنقل السكان إلى المدرسة.",
    ),
)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("ar.docx", make_docx),
        ("ar.odt", make_odt),
        ("ar.rtf", make_rtf),
        ("ar.html", make_html),
        ("ar.md", make_markdown),
        ("ar.txt", lambda article: make_text(article, encoding="cp1256")),
        ("ar-utf16.txt", lambda article: make_text(article, encoding="utf-16")),
    ],
)
def test_right_to_left_article_in_every_text_format(name, make):
    version = load_bytes(make(ARABIC), name)
    assert [version.text[p.start : p.end] for p in version.paragraphs] == ARABIC.expected
    if version.source_format != "text":
        # plain text: the title is guessed by comparer.core.roles, which looks for a
        # capital letter that Arabic does not have
        assert version.title == ARABIC.title
