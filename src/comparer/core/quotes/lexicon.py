"""Word lists as regular expressions that reject a non-matching word at its first letter.

Quote extraction looks for a few hundred speech words ("said", "tweeted", "according to")
in every sentence. Written as a plain alternation (``said|says|…``), Python's ``re`` tries
each word in turn at every word start; the same words written as a trie (``sa(?:id|ys)``)
are rejected after one or two letters, several times faster on long texts.

Hand-written: the standard library has no trie builder for ``re``, and the third-party
ones are a dependency for some thirty lines; the tests check the result against the plain
alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from comparer.core.names.lexicon import word_set

GAP = r"\W+"
"""Stands between the two words of a pair ("pointed out") that may be apart by any
non-word characters."""

# A trie node: edge (one escaped character or GAP) -> child; the keys below mark ends.
_Node = dict[str, "_Node"]
_WORD_END = ""  # a whole word ends here (a word boundary must follow)
_PREFIX_END = "\x00"  # a prefix ends here: anything may follow


def _atoms(word: str) -> list[str]:
    return [re.escape(ch) for ch in word]


def word_trie(
    words: Iterable[str],
    prefixes: Iterable[str] = (),
    pairs: Iterable[tuple[str, str]] = (),
) -> str:
    r"""A pattern that matches where ``(?:w1|w2|…)\b|p1|p2|…`` would, as a trie.

    Args:
        words: whole words (a word boundary must follow); may hold spaces ("went on").
        prefixes: starts of words ("describ"), which match whatever follows them.
        pairs: two words apart by any non-word characters (``first\W+second``), whole.

    Returns:
        A non-capturing group. Where one whole word is the start of another ("wrote",
        "wrote in"), the shorter one matches, as it would in an alternation listing it
        first; the callers' lists are written that way (``check_order`` says whether a
        list is).
    """
    root: _Node = {}

    def add(atoms: list[str], end: str) -> None:
        node = root
        for atom in atoms:
            if _PREFIX_END in node:
                return  # a shorter prefix already matches all that this one would
            node = node.setdefault(atom, {})
        if end == _PREFIX_END:
            node.clear()  # longer words under a prefix add nothing
        node[end] = {}

    for word in words:
        add(_atoms(word), _WORD_END)
    for prefix in prefixes:
        add(_atoms(prefix), _PREFIX_END)
    for first, second in pairs:
        add([*_atoms(first), GAP, *_atoms(second)], _WORD_END)

    def emit(node: _Node) -> str:
        if _PREFIX_END in node:
            return ""
        # the word boundary before the longer words: the shorter word is taken first
        alts = [r"\b"] if _WORD_END in node else []
        alts += [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        return "(?:" + "|".join(alts) + ")" if len(alts) > 1 else alts[0]

    return "(?:" + emit(root) + ")" if root else "(?!)"


def check_order(words: Iterable[str]) -> bool:
    """Whether no word of ``words`` is the start of an earlier one followed by a non-word.

    When this holds, an alternation of ``words`` in this order and ``word_trie(words)``
    pick the same word wherever one matches.
    """
    seen: list[str] = []
    for word in words:
        for earlier in seen:
            if (
                len(word) < len(earlier)
                and earlier.startswith(word)
                and not re.match(r"\w", earlier[len(word)])
            ):
                return False
        seen.append(word)
    return True


# the verbs of reported speech ("X said that …")
INDIRECT_WORDS = sorted(
    word_set(
        "said says say told tells added adds explained explains argued argues insisted insists "
        "claimed claims warned warns stated states noted notes acknowledged acknowledges admitted "
        "admits announced announces suggested suggests reported reports wrote writes confirmed "
        "confirms denied denies predicted predicts believes believed thinks thought contends "
        "contended maintains maintained stressed stresses emphasized emphasised asserted asserts "
        "promised promises vowed vows conceded concedes"
    ),
    key=lambda w: (-len(w), w),  # longer first: "says" is not read as "say"
)
# any word that can make a sentence reported speech (what the quote rules look for),
# found with the non-word character before it: ``re`` then skips from one such character
# to the next in C (a pattern that opens with a character class is scanned that way), and
# the look-ahead names the possible first letters
_REPORTING_WORD = word_trie([*INDIRECT_WORDS, "according to", "According to"])
_REPORTING = re.compile(
    r"\W(?=["
    + "".join(sorted({w[0] for w in INDIRECT_WORDS} | {"a", "A"}))
    + "])("
    + _REPORTING_WORD
    + ")"
)
_REPORTING_AT_START = re.compile(_REPORTING_WORD)


def reporting_words(text: str, start: int, end: int) -> list[int]:
    r"""Where the words that can make a sentence reported speech start in ``text[start:end]``.

    The same offsets as a scan for ``\b(?:said|…|[Aa]ccording to)\b``: a word
    starts where a non-word character or the text's start stands before it.
    """
    hits: list[int] = []
    if start == 0:
        first = _REPORTING_AT_START.match(text, 0, end)
        if first is not None:
            hits.append(0)
            start = first.end()
    # from the character before ``start``: it is what the first word's boundary looks at
    hits.extend(m.start(1) for m in _REPORTING.finditer(text, max(start - 1, 0), end))
    return hits
