"""Build test fixtures in every format from one short invented article.

The article (a fictional flood in a fictional town) is written for these tests. Each
builder writes it with the format's usual tools: python-docx, odfpy, hand-written RTF,
HTML and Markdown strings, and the small PDF writer in ``pdf_maker``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from .pdf_maker import PAGE_HEIGHT, Line, make_pdf, wrap


@dataclass(frozen=True)
class Article:
    """A fictional article: title, then paragraphs; a paragraph starting "## " is a heading."""

    title: str
    paragraphs: tuple[str, ...]

    @property
    def expected(self) -> list[str]:
        """The paragraphs every loader should find, title first, heading marks removed."""
        return [self.title] + [p.removeprefix("## ") for p in self.paragraphs]


ARTICLE = Article(
    title="Floodwater reaches Marlow Bridge",
    paragraphs=(
        "Floodwater from the River Tamsin reached the old Marlow Bridge on Sunday morning, "
        "forcing 240 families to leave their homes, the county council said.",
        "The water rose 1.8 metres in six hours, the highest level recorded in the town "
        "since 1987, according to the council\u2019s engineers.",
        "\u201cWe moved everyone we could before dawn,\u201d said Petra Lund, who leads the "
        "volunteer rescue team. \u201cSome people refused to go.\u201d",
        "## Rescue crews stretched",
        "Crews from three neighbouring towns joined the effort, and the army sent 12 boats "
        "to help carry the elderly and the sick to the school hall.",
        "Forecasters expect the rain to ease by Tuesday, but warned that the river could "
        "stay high for at least a week.",
    ),
)
# The same story, updated: two numbers changed.
ARTICLE_V2 = replace(
    ARTICLE,
    paragraphs=tuple(
        p.replace("240 families", "260 families").replace("12 boats", "15 boats")
        for p in ARTICLE.paragraphs
    ),
)


def _is_heading(paragraph: str) -> bool:
    return paragraph.startswith("## ")


def make_docx(article: Article = ARTICLE, saved: datetime | None = None) -> bytes:
    """The article as a Word document: Title style, Heading 2, Normal paragraphs.

    ``saved``: when the document's properties say it was last saved (UTC), as Word records.
    """
    import docx

    document = docx.Document()
    if saved is not None:
        document.core_properties.modified = saved
    document.add_heading(article.title, 0)
    for paragraph in article.paragraphs:
        if _is_heading(paragraph):
            document.add_heading(paragraph[3:], 2)
        else:
            document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_word_drafts(folder: Path) -> tuple[Path, Path]:
    """Two Word drafts of the article, neither with an article date, in ``folder``.

    ``old.docx`` (240 families) was saved at 09:00, ``new.docx`` (260) at 15:30 that day.
    """
    old, new = folder / "old.docx", folder / "new.docx"
    old.write_bytes(make_docx(ARTICLE, saved=datetime(2025, 3, 1, 9, 0)))
    new.write_bytes(make_docx(ARTICLE_V2, saved=datetime(2025, 3, 1, 15, 30)))
    return old, new


def make_odt(article: Article = ARTICLE, saved: str | None = None) -> bytes:
    """The article as an OpenDocument text written by odfpy.

    ``saved``: the ``dc:date`` its metadata gives for its last save, as LibreOffice writes it.
    """
    from odf import dc
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=article.title))
    if saved is not None:
        document.meta.addElement(dc.Date(text=saved))
    document.text.addElement(H(outlinelevel=1, text=article.title))
    for paragraph in article.paragraphs:
        if _is_heading(paragraph):
            document.text.addElement(H(outlinelevel=2, text=paragraph[3:]))
        else:
            document.text.addElement(P(text=paragraph))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def rtf_escape(text: str) -> str:
    """Text as RTF: cp1252 characters as hex escapes, others as Unicode escapes."""
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                code = ord(ch)
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def make_rtf(article: Article = ARTICLE) -> bytes:
    """The article as RTF with a style sheet, as a word processor writes it."""
    lines = [
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}}",
        r"{\stylesheet{\s0 Normal;}{\s1\outlinelevel0\b\fs36 heading 1;}"
        r"{\s2\outlinelevel1\b\fs28 heading 2;}}",
        r"{\info{\title " + rtf_escape(article.title) + r"}}",
        r"\pard\plain\s1\outlinelevel0\b\fs36 " + rtf_escape(article.title) + r"\par",
    ]
    for paragraph in article.paragraphs:
        if _is_heading(paragraph):
            lines.append(
                r"\pard\plain\s2\outlinelevel1\b\fs28 " + rtf_escape(paragraph[3:]) + r"\par"
            )
        else:
            lines.append(r"\pard\plain\s0\fs24 " + rtf_escape(paragraph) + r"\par")
    lines.append("}")
    return "\n".join(lines).encode("ascii")


def article_html(article: Article = ARTICLE, charset: str = "utf-8") -> str:
    """The article inside a news page's furniture: menus, banners, scripts, a footer."""
    body = []
    for paragraph in article.paragraphs:
        if _is_heading(paragraph):
            body.append(f"<h2>{paragraph[3:]}</h2>")
        else:
            body.append(f"<p>{paragraph}</p>")
    paragraphs = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{article.title} | The Tamsin Valley Courier</title>
<meta property="article:modified_time" content="2024-02-11T09:40:00+00:00">
<meta name="author" content="Oskar Brenner">
<script>window.tracker = "tracking code that is not article text";</script>
<style>.banner {{ color: red; }}</style>
<link rel="stylesheet" href="http://127.0.0.1:9/never-fetched.css">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local news</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>{article.title}</h1>
<p class="byline">By Oskar Brenner</p>
<img src="http://127.0.0.1:9/never-fetched.jpg" alt="The bridge under water">
{paragraphs}
<iframe src="http://127.0.0.1:9/never-fetched-video"></iframe>
</article></main>
<aside class="most-read"><h3>Most read</h3><ol>
<li><a href="/a">Council approves new car park plan</a></li>
<li><a href="/b">Bakery wins regional award for its rye bread</a></li></ol></aside>
<div class="advert">Advertisement: Buy three sofas for the price of two</div>
<footer><p>Copyright 2024 The Tamsin Valley Courier. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a></p></footer>
<script>document.write("more script text");</script>
</body></html>
"""


def make_html(article: Article = ARTICLE) -> bytes:
    """The article as a saved UTF-8 web page."""
    return article_html(article).encode("utf-8")


def make_mhtml(article: Article = ARTICLE, transfer: str = "quoted-printable") -> bytes:
    """The article as a browser's single-file web archive (MIME multipart/related)."""
    import base64
    import quopri

    html = article_html(article, charset="windows-1252").encode("cp1252")
    if transfer == "base64":
        encoded = base64.encodebytes(html)
    else:
        encoded = quopri.encodestring(html)
    boundary = b"----MultipartBoundary--tamsin0123456789----"
    return b"\r\n".join(
        [
            b"From: <Saved by Blink>",
            b"Snapshot-Content-Location: https://courier.example/local/flood",
            b"Subject: " + article.title.encode("ascii"),
            b"Date: Sun, 11 Feb 2024 09:45:00 -0000",
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/related; type="text/html"; boundary="' + boundary + b'"',
            b"",
            b"",
            b"--" + boundary,
            b"Content-Type: text/html; charset=windows-1252",
            b"Content-ID: <frame-1@mhtml.blink>",
            b"Content-Transfer-Encoding: " + transfer.encode("ascii"),
            b"Content-Location: https://courier.example/local/flood",
            b"",
            encoded.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"),
            b"--" + boundary,
            b"Content-Type: image/png",
            b"Content-Transfer-Encoding: base64",
            b"Content-Location: https://courier.example/bridge.png",
            b"",
            base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(64)).replace(b"\n", b"\r\n"),
            b"--" + boundary + b"--",
            b"",
        ]
    )


def make_markdown(article: Article = ARTICLE) -> bytes:
    """The article as Markdown, with some inline markup and a link."""
    lines = [f"# {article.title}", ""]
    for paragraph in article.paragraphs:
        if paragraph.startswith("Crews"):
            paragraph = paragraph.replace(
                "three neighbouring towns", "[three neighbouring towns](https://example.org/towns)"
            )
            paragraph = paragraph.replace("12 boats", "**12 boats**").replace(
                "15 boats", "**15 boats**"
            )
        lines.extend([paragraph, ""])
    return "\n".join(lines).encode("utf-8")


def make_text(article: Article = ARTICLE, encoding: str = "cp1252", newline: str = "\r\n") -> bytes:
    """The article as plain text, blank lines between paragraphs."""
    text = "\n\n".join(article.expected) + "\n"
    return text.replace("\n", newline).encode(encoding)


def make_article_pdf(article: Article = ARTICLE, width: int = 78) -> bytes:
    """The article as a two-page PDF with a running header and page numbers."""
    pages: list[list[Line]] = []
    lines: list[Line] = []
    y = 0.0

    def new_page() -> None:
        nonlocal lines, y
        lines = [Line(72, PAGE_HEIGHT - 40, "The Tamsin Valley Courier \u2013 Local news", 8)]
        pages.append(lines)
        y = PAGE_HEIGHT - 90

    new_page()
    lines.append(Line(72, y, article.title, 20))
    y -= 36
    half = len(article.paragraphs) // 2
    for index, paragraph in enumerate(article.paragraphs):
        if index == half:
            new_page()
        if _is_heading(paragraph):
            y -= 6
            lines.append(Line(72, y, paragraph[3:], 14))
            y -= 22
            continue
        for row in wrap(paragraph, width):
            lines.append(Line(72, y, row))
            y -= 14
        y -= 10
    for number, page in enumerate(pages, start=1):
        page.append(Line(300, 30, str(number), 9))
    return make_pdf(pages, title=article.title)
