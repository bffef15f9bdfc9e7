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
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]")
_OTHER_SPACE = re.compile(r"[^\S ]")  # tabs, newlines and other spaces than " "
_SPACE_RUN = re.compile(r"  +")
# a space after a punctuation mark before a word ("capital. A" / "capital.A"), and spaces
# beside a straight quote mark (a quote mark moved across a space: '" we' / '"we')
_SPACE_AFTER_MARK = re.compile(r"(?<=[.,;:!?])\s+(?=[^\W\d_])")
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
        # Substituting only the characters that change is much faster than translating
        # every character through a table.
        text = _TRANSLATED.sub(lambda m: m.group().translate(_TRANSLATE), text)
        text = _SPACE_RUN.sub(" ", _OTHER_SPACE.sub(" ", text))
        text = text.replace(" -", "-").replace("- ", "-").replace(" ...", "...")
    text = text.strip()
    if ignore_case:
        text = text.casefold()
    return text


def fold_spacing(text: str) -> str:
    """``fold`` of ``text``, also without the spaces whose presence is typography.

    A space after punctuation before a word ("capital.A" / "capital. A") and a space
    beside a quote mark (a mark moved across a space) are set by the typist, not the
    writer. Kept out of ``fold`` itself, which keys every paragraph for the alignment:
    this is needed only to judge a change.
    """
    text = fold(text)
    if " " not in text:
        return text
    text = _SPACE_AFTER_MARK.sub("", text)
    if '"' in text or "'" in text:
        text = text.replace(' "', '"').replace('" ', '"').replace(" '", "'").replace("' ", "'")
    return text


def fold_many(texts: list[str], ignore_case: bool = False) -> list[str]:
    """``fold`` of each text, done in one pass over all of them (much faster for many).

    Folding never reaches across a NUL character, so the texts are joined with one,
    folded together and split again; a text holding a NUL itself is folded on its own.
    """
    if not texts:
        return []
    if any("\0" in t for t in texts):
        return [fold(t, ignore_case) for t in texts]
    # Normalising only the texts that need it spares a pass over the whole document.
    texts = [
        t if unicodedata.is_normalized("NFKC", t) else unicodedata.normalize("NFKC", t)
        for t in texts
    ]
    joined = fold("\0".join(texts), ignore_case)
    return [part.strip() for part in joined.split("\0")]


def fold_cached(texts: list[str], cache: dict[str, str], ignore_case: bool = False) -> list[str]:
    """``fold`` of each text, reusing and filling ``cache`` (text → folded text).

    Versions of one article share most paragraphs word for word, so each distinct text
    is folded once for both. Most paragraphs are printable ASCII, for which folding
    comes down to a few string replacements (no regular expression, no normalisation);
    the rest are folded together in one pass.

    Args:
        texts: the texts to fold.
        cache: folded forms found so far; it must only ever be used with the same
            ``ignore_case``.
        ignore_case: also fold letter case.
    """
    special: dict[str, None] = {}  # in order of first appearance, without repeats
    for text in texts:
        if text in cache or text in special:
            continue
        if not (text.isascii() and text.isprintable()):
            special[text] = None
            continue
        # Printable ASCII is its own NFKC form and holds no other space than " ": of
        # all ``fold`` does, only these steps can change it.
        folded = text
        if "`" in folded:
            folded = folded.replace("`", "'")
        if "  " in folded:
            folded = _SPACE_RUN.sub(" ", folded)
        if "-" in folded:
            folded = folded.replace(" -", "-").replace("- ", "-")
        if "..." in folded:
            folded = folded.replace(" ...", "...")
        folded = folded.strip()
        cache[text] = folded.casefold() if ignore_case else folded
    if special:
        todo = list(special)
        cache.update(zip(todo, fold_many(todo, ignore_case), strict=True))
    return [cache[text] for text in texts]


def is_typographic(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ at most typographically."""
    return a == b or fold_spacing(a) == fold_spacing(b)


def only_whitespace_differs(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the same once all whitespace is removed."""
    return "".join(a.split()) == "".join(b.split())
