"""Write the fuzzer's seed inputs: small files in every format, made by the project's builders.

Usage: python fuzz/seeds.py FOLDER

Writes FOLDER/<target>/seed-*. Nothing here is copied from real files: the inputs come
from the test builders (a short invented article in every format), the hostile-input
generators at a small size, and a few constructs each loader has had trouble with.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.formats import builders  # noqa: E402
from tests.hostile_inputs import (  # noqa: E402
    many_paragraphs_text,
    many_styles_docx,
    speakers_text,
    styled_paragraph,
    word_file,
)

from fuzz.targets import PART_BREAK  # noqa: E402


def _members(package: bytes, *names: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        present = set(archive.namelist())
        return PART_BREAK.join(archive.read(n) if n in present else b"" for n in names)


def seeds() -> dict[str, list[bytes]]:
    """Seed inputs by target name."""
    a, b = builders.ARTICLE, builders.ARTICLE_V2
    text_a, text_b = builders.make_text(a, "utf-8", "\n"), builders.make_text(b, "utf-8", "\n")
    docx_parts = ("word/document.xml", "word/styles.xml", "word/footnotes.xml")
    return {
        "text": [
            text_a,
            builders.make_text(a),
            builders.make_text(a, "utf-16"),
            speakers_text(12).encode(),
            many_paragraphs_text(12).encode(),
            b"Title\n\n\x1b]0;owned\x07Clear \x1b[2J it.\n",
        ],
        "markdown": [builders.make_markdown(a)],
        "html": [builders.make_html(a), builders.article_html(a).encode()[:2000]],
        "mhtml": [builders.make_mhtml(a), builders.make_mhtml(a, "base64")],
        "rtf": [
            builders.make_rtf(a),
            rb"{\rtf1\ansi{\fonttbl{\f0\fcharset78 X;}}\uc1 A \u233? \u-10179?\u-8704? B\par}",
        ],
        "pdf": [builders.make_article_pdf(a)],
        "docx": [
            _members(builders.make_docx(a), "word/document.xml"),  # its style sheet is big
            _members(many_styles_docx(40), *docx_parts),
            _members(word_file(styled_paragraph("Before &x; after."),
                               doctype='<!DOCTYPE w:document SYSTEM "x.dtd">'), *docx_parts),
        ],
        "odt": [_members(builders.make_odt(a), "content.xml", "styles.xml", "meta.xml")],
        "compare": [
            text_a + b"\x00" + text_b,
            speakers_text(8).encode() + b"\x00" + speakers_text(9).encode(),
        ],
    }


def main() -> int:
    """Write the seeds into the folder named on the command line."""
    if len(sys.argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    folder = Path(sys.argv[1])
    for target, inputs in seeds().items():
        (folder / target).mkdir(parents=True, exist_ok=True)
        for n, data in enumerate(inputs):
            (folder / target / f"seed-{n}").write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
