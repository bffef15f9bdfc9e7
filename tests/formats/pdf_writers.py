"""Write the PDF fixtures in ``tests/data/pdf`` with the programs people save PDFs from.

Run ``python -m tests.formats.pdf_writers`` from the repository root to write them again.
It needs Chromium (``chromium``, headless ``--print-to-pdf``), LibreOffice (``soffice``,
``--convert-to pdf``) and PySide6 (``QPdfWriter``). The PDFs are committed so the tests
need none of these programs; they are small and made only from the story below, which
was written for these tests (a fictional town, people and events).

The story is chosen to catch what goes wrong when words are rebuilt from character boxes:
kerned pairs ("Fo", "Va", "r,", "y,"), ligatures ("fi", "fl", "ffi"), curly quotes, a
dash, hyphenated compounds and paragraphs long enough to wrap over several lines.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "pdf"


@dataclass(frozen=True)
class Story:
    """A fictional article: a title, then its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]

    @property
    def expected(self) -> list[str]:
        """The paragraphs a reader of the PDF should find, title first."""
        return [self.title, *self.paragraphs]

    def as_text(self) -> str:
        """The story as a plain-text file, one paragraph per blank-line-separated block."""
        return "\n\n".join(self.expected) + "\n"


STORY = Story(
    title="Rebels hold the river town of Fordham Vale",
    paragraphs=(
        "Government forces shelled the rebel-held central town of Fordham Vale on Tuesday, "
        "killing at least 40 people in an apparent preparation for a ground assault, "
        "activists said.",
        "\u201cWe have been under fire since dawn,\u201d said Yvette Varga, a teacher who "
        "fled the town with her family. \u201cThere is no bread left, and the officers\u2019 "
        "trucks block the only road.\u201d",
        "The army\u2019s offensive \u2014 its fifth this year \u2014 follows weeks of "
        "fighting along the valley, where the river flows past the old flour mill.",
        "Officials said 1,200 soldiers had been sent to the area and that the efficient, "
        "well-supplied units would stay until the town was secure.",
        "Aid agencies warned that 15,000 civilians were trapped, many of them without "
        "water, and called for a ceasefire to let convoys through by Friday.",
    ),
)
# The same story a day later: the toll rose and one paragraph was added.
STORY_V2 = Story(
    title=STORY.title,
    paragraphs=(
        STORY.paragraphs[0].replace("at least 40 people", "at least 48 people"),
        *STORY.paragraphs[1:4],
        "Yesterday a convoy of seven lorries reached the outskirts, the Red Crescent said.",
        STORY.paragraphs[4],
    ),
)


# Long enough to run over more than one printed page.
LONG_STORY = Story(
    title=STORY.title,
    paragraphs=tuple(f"{p} (Part {n}.)" for n in range(1, 5) for p in STORY.paragraphs),
)

# Written the way breaking news is: a dateline, then paragraphs of one or two lines, so that
# the space between paragraphs is as common on the page as the step from line to line.
SHORT_STORY = Story(
    title="Ferry fire off Kestrel Point",
    paragraphs=(
        "Last updated: 9 June 2025, 14:00",
        "At least 6 people were killed when a passenger ferry caught fire off Kestrel Point "
        "early on Monday, the coastguard said.",
        "Several others were taken to hospital in Port Ellery with burns.",
        "\u201cWe saw flames coming out of the back of the ship,\u201d said Tom Harker, a "
        "fisherman who was mooring his boat nearby.",
        "Lifeboats from four stations were sent to the scene.",
        "The Marlow Star was carrying 214 passengers and crew from Port Ellery to the islands "
        "when smoke was seen coming from its engine room.",
        "Tideway Lines said it was working with the coastguard.",
    ),
)


def story_html(story: Story, columns: int = 1) -> str:
    """The story as a simple web page, in one or more newspaper columns."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    style = (
        'body { font-family: "DejaVu Serif", serif; font-size: 12pt; margin: 2em; }'
        f" .body {{ column-count: {columns}; column-gap: 2em; }}"
        " p { margin: 0 0 0.8em; }"
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(story.title)}</title><style>{style}</style></head>"
        f"<body><h1>{html.escape(story.title)}</h1><div class='body'>{body}</div></body></html>"
    )


def page_html(story: Story) -> str:
    """The story as a news site serves it: a menu, the article, a side list and a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(story.title)}</title></head><body>"
        "<header><nav><a href='/'>Home</a> | <a href='/news'>News</a> | "
        "<a href='/sport'>Sport</a></nav></header>"
        f"<main><article><h1>{html.escape(story.title)}</h1>{body}</article>"
        "<aside><h2>Most read</h2><ul><li>Council approves harbour wall repairs</li>"
        "<li>Weather: storms expected</li></ul></aside></main>"
        "<footer>\u00a9 The Harbour Gazette 2025. All rights reserved.</footer>"
        "</body></html>"
    )


def chromium_pdf(
    story: Story, out: Path, columns: int = 1, stamps: bool = False, page: bool = False
) -> None:
    """Print the story's web page to PDF with headless Chromium ("Save as PDF").

    ``stamps`` keeps what the browser prints in the margins by default: the date and
    time, the title, the page's address and the page count. ``page`` prints the whole
    page of ``page_html``, menu and footer included, as "Save as PDF" does.
    """
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp, "story.html")
        source = page_html(story) if page else story_html(story, columns)
        page_file.write_text(source, encoding="utf-8")
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                *([] if stamps else ["--no-pdf-header-footer"]),
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={out}",
                page_file.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def qt_pdf(story: Story, out: Path) -> None:
    """Write the story with Qt's ``QPdfWriter`` (a ``QTextDocument`` printed to it)."""
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication(["pdf_writers", "-platform", "offscreen"])
    document = QTextDocument()
    document.setHtml(story_html(story))
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(story.title)
    document.print_(writer)
    del writer


def libreoffice_pdf(story: Story, out: Path) -> None:
    """Convert the story, as an OpenDocument text, to PDF with LibreOffice."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise SystemExit("LibreOffice is not installed")
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=story.title))
    for paragraph in story.paragraphs:
        document.text.addElement(P(text=paragraph))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, out.stem + ".odt")
        document.save(str(source))
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.move(Path(tmp, out.stem + ".pdf"), out)


def main() -> None:
    """Write every fixture PDF into ``tests/data/pdf``."""
    FIXTURES.mkdir(parents=True, exist_ok=True)
    chromium_pdf(STORY, FIXTURES / "chromium.pdf")
    chromium_pdf(STORY_V2, FIXTURES / "chromium-v2.pdf")
    chromium_pdf(STORY, FIXTURES / "chromium-columns.pdf", columns=2)
    chromium_pdf(STORY, FIXTURES / "chromium-stamps.pdf", stamps=True)
    chromium_pdf(LONG_STORY, FIXTURES / "chromium-stamps-pages.pdf", stamps=True)
    qt_pdf(STORY, FIXTURES / "qt.pdf")
    libreoffice_pdf(STORY, FIXTURES / "libreoffice.pdf")
    chromium_pdf(SHORT_STORY, FIXTURES / "chromium-short.pdf")
    chromium_pdf(SHORT_STORY, FIXTURES / "chromium-page.pdf", page=True)
    qt_pdf(SHORT_STORY, FIXTURES / "qt-short.pdf")
    libreoffice_pdf(SHORT_STORY, FIXTURES / "libreoffice-short.pdf")
    for path in sorted(FIXTURES.glob("*.pdf")):
        print(f"{path.name}: {path.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
