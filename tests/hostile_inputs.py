"""Hostile and huge inputs, made by code: for the tests, the hard-input benchmark and the fuzzer.

Nothing here is copied from real files: every input is generated, deterministically, from
a seed and the prose of ``tests/data``.

- ``many_styles_docx``: a Word document with thousands of paragraph styles, each based on
  the one before (following base styles used to search every style each step);
- ``speakers_text``: thousands of lines ``"…," said Name.``, each a different speaker
  (merging speaker names used to compare every name with every other);
- ``many_paragraphs_text``: a plain text of very many short paragraphs;
- ``word_file``: a minimal ``.docx`` around a body of raw WordprocessingML, for crafted XML.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)

GIVEN = (
    "Ana", "Bram", "Carla", "Dev", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    "Kira", "Lars", "Mira", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tara", "Viktor",
)
_SYLLABLES = (
    "bar", "ken", "dor", "vel", "mun", "ster", "lin", "gar", "tho", "rix",
    "wen", "pol", "dra", "sel", "mak", "tor", "nis", "quel", "hal", "bre",
)


def prose_words() -> list[str]:
    """The words of the project's own test stories, a vocabulary for generated prose."""
    source = " ".join(p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.txt")))
    return [w.lower() for w in re.findall(r"[A-Za-z]+", source)] or ["news"]


def word_file(body: str, styles: str = "", doctype: str = "") -> bytes:
    """A minimal ``.docx`` around ``body`` (the inside of ``w:body``) and ``styles``."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        archive.writestr(
            "word/styles.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">{styles}</w:styles>',
        )
    return buffer.getvalue()


def styled_paragraph(text: str, style_id: str = "") -> str:
    """One ``w:p`` holding ``text``, in the style ``style_id`` when given."""
    ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>' if style_id else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def many_styles_docx(count: int) -> bytes:
    """A short article in a ``.docx`` whose style sheet holds ``count`` paragraph styles.

    Style ``S0`` is "heading 1"; every later style is based on the one before, except
    every eighth, based on ``S0``: each is a heading by inheritance, at most eight steps
    from ``S0``. The body uses the first, the middle and the last style, for headings
    between paragraphs of plain text.
    """
    styles = ['<w:style w:type="paragraph" w:styleId="S0"><w:name w:val="heading 1"/></w:style>']
    styles += [
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="Custom {i}"/>'
        f'<w:basedOn w:val="S{i - 1 if i % 8 else 0}"/></w:style>'
        for i in range(1, count)
    ]
    body = "".join(
        styled_paragraph(f"Section {n}", f"S{n}") + styled_paragraph(f"Text of section {n}.")
        for n in (0, count // 2, count - 1)
    )
    return word_file(body, "".join(styles))


def speaker_name(i: int) -> str:
    """The ``i``-th of many invented names: a given name and a surname of its own."""
    given = GIVEN[i % len(GIVEN)]
    parts = []
    for _ in range(4):
        parts.append(_SYLLABLES[i % len(_SYLLABLES)])
        i //= len(_SYLLABLES)
    return f"{given} {''.join(parts).capitalize()}{'e' * i}"


def speakers_text(count: int, seed: int = 3) -> str:
    """``count`` paragraphs ``"…," said Name.``, each a different speaker."""
    rng = random.Random(seed)
    words = prose_words()
    lines = []
    for i in range(count):
        said = " ".join(rng.choice(words) for _ in range(rng.randint(4, 7)))
        lines.append(f'"{said.capitalize()}," said {speaker_name(i)}.')
    return "\n\n".join(lines) + "\n"


def many_paragraphs_text(count: int, seed: int = 4) -> str:
    """``count`` short paragraphs of one sentence each (about 100 characters)."""
    rng = random.Random(seed)
    words = prose_words()
    paragraphs = []
    for _ in range(count):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(12, 18)))
        paragraphs.append(f"{sentence.capitalize()} at {rng.randint(2, 999)} sites.")
    return "\n\n".join(paragraphs) + "\n"


def edited(text: str, share: float = 0.01, seed: int = 6) -> str:
    """``text`` with about ``share`` of its paragraphs edited: a number or a word changed."""
    rng = random.Random(seed)
    out = []
    for paragraph in text.split("\n\n"):
        if rng.random() < share:
            changed = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), paragraph, count=1)
            paragraph = changed if changed != paragraph else paragraph.replace(" ", " also ", 1)
        out.append(paragraph)
    return "\n\n".join(out)


# Terminal escape sequences a hostile article or file name might carry.
ESCAPES = {
    "title": "\x1b]0;You have been owned\x07",  # OSC 0: sets the terminal's title
    "clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",  # OSC 52: writes the clipboard
    "clear": "\x1b[2J\x1b[H",  # clears the screen, cursor home
    "c1": "\x9b31m",  # CSI as one C1 character
}


def escape_story(escape: str, edited: bool = False) -> str:
    """A short story with ``escape`` in its title, text and a quote.

    Four times only: a text file with more control characters than that is taken for
    binary data.
    """
    change = "twelve" if edited else "ten"
    return (
        f"Bridge reopens {escape}after repairs\n\n"
        f"The bridge reopened on Monday after {change} weeks.{escape}\n\n"
        f'"It is safe{escape}," said Mira Lund.\n\n'
        f"{escape}no differences\n\n"
        "Engineers spent the winter replacing the cables and the deck of the old bridge, "
        "which carries some 9,000 vehicles a day between the two halves of the town.\n\n"
        "The council said the work came in on budget, and thanked residents for their "
        "patience during the long closure and the detours it forced on them.\n"
    )
