"""Typographic folding: the form of a text with quote marks, dashes and spacing evened out.

Two texts whose folded forms are equal differ only typographically (straight vs curly
quotes, ``...`` vs ``…``, hyphen vs dash, spacing, soft hyphens, Unicode compatibility
forms). Folding never changes words, so it is safe to match paragraphs on.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u301d": '"',
        "\u301e": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u2039": "'",
        "\u203a": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\ufe58": "-",
        "\ufe63": "-",
        "\uff0d": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u200e": None,
        "\u200f": None,
    }
)
_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"[^\S ]| {2}")
_DASH_SPACING = re.compile(r" ?(-+) ?")
_ELLIPSIS_SPACING = re.compile(r" ?\.\.\.")
_HAS_SPECIAL = re.compile(r"[^\x20-\x7e]|\s\s|[\t\n\r`]|-|\.\.\.")


def fold(text: str, ignore_case: bool = False) -> str:
    """The typographically neutral form of ``text``.

    Args:
        text: any text.
        ignore_case: also fold letter case.

    Returns:
        The text with compatibility forms decomposed (NFKC: ``…`` becomes ``...``),
        curly quotes, primes and guillemets made straight, dashes made hyphens, invisible
        characters (soft hyphens, zero-width spaces, direction marks) removed, whitespace
        runs made single spaces, spaces around dashes and before ellipses removed, and
        leading/trailing space stripped.
    """
    if _HAS_SPECIAL.search(text):
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = text.translate(_TRANSLATE)
        if _ODD_SPACE.search(text):
            text = _SPACES.sub(" ", text)
        if "-" in text:
            text = _DASH_SPACING.sub(r"\1", text)
        if "..." in text:
            text = _ELLIPSIS_SPACING.sub("...", text)
    text = text.strip()
    if ignore_case:
        text = text.casefold()
    return text


def is_typographic(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ at most typographically."""
    return a == b or fold(a) == fold(b)


def only_whitespace_differs(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the same once all whitespace is removed."""
    return "".join(a.split()) == "".join(b.split())
