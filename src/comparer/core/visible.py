r"""Control characters from files made visible, so a terminal never obeys them.

Text and file names come from files Comparer did not write. Printed raw, an escape
sequence in them could set the terminal's title (``ESC ] 0 ; … BEL``), write the
clipboard (``ESC ] 52 ; …``) or clear the screen and print something else (``ESC [ 2 J``).
Like ``git`` and ``less``, Comparer shows such characters as text instead: ``\x1b``,
``\x07``. The C0 and C1 control characters and DEL are escaped everywhere; line breaks
and tabs are kept in article text and escaped in what must stay on one line (a file name,
an error message), where the bidirectional overrides and isolates that can make a name
read as another (``\u202e``) are escaped too, and so are the bytes of a file name that is
not UTF-8 (kept by Python as lone surrogates): ``caf\xe9.txt``, the byte as it is on disk.
"""

from __future__ import annotations

import re

_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_text(text: str) -> str:
    r"""``text`` with its control characters written out (``\x1b``); line breaks and tabs kept."""
    return _IN_TEXT.sub(_escape, text)


def visible_line(text: str) -> str:
    r"""``text`` for one line: control characters, line breaks and tabs written out (``\n``)."""
    return _IN_LINE.sub(_escape, text)


def visible_name(name: str) -> str:
    r"""A file name fit for a one-line message: as it is, or quoted with its controls escaped.

    Quoted as ``git`` quotes such names: in double quotes, with backslashes and double
    quotes escaped too, so ``"a\\nb"`` (a backslash) and ``"a\nb"`` (a line break) differ.
    """
    if not _IN_LINE.search(name):
        return name
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{visible_line(quoted)}"'
