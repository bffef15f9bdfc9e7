"""Edits within one sentence of a paragraph, for the property tests of what is kept.

Shared by the names' and the quotes' tests: each asks that an edited paragraph, whose
other sentences stay as they were, is read as if no version had been read before.
"""

from __future__ import annotations

import re

# what ``sentence_edit`` can do, in the order the quotes' tests number them
SENTENCE_EDITS = ("sentence", "boundary", "join", "initial", "quote")


def sentence_edit(paragraph: str, what: str, fallback: str) -> str:
    """An edit within one sentence of ``paragraph``, or at the boundary between two.

    Args:
        paragraph: the paragraph's text.
        what: one of ``SENTENCE_EDITS``.
        fallback: added to a paragraph of one sentence, which has no boundary to edit at.
    """
    ends = [m.end() for m in re.finditer(r"[.!?]\s", paragraph)]
    if not ends:
        return paragraph + fallback
    cut = ends[len(ends) // 2]  # just after the end of a middle sentence
    before, after = paragraph[:cut], paragraph[cut:]
    if what == "sentence":
        # one word of the sentence after the cut, the others unchanged
        return before + re.sub(r"\b[a-z]{3,}\b", "crews", after, count=1)
    if what == "boundary":
        # the word that ends the sentence before the cut
        return re.sub(r"(\w+)([.!?]\s)$", r"\1 again\2", before) + after
    if what == "join":
        # the sentence joined to the next: "hurt. They" becomes "hurt, they"
        return before[:-2] + ", " + after[:1].lower() + after[1:]
    if what == "initial":
        # a capitalised word mid-sentence made to open one
        return before + re.sub(r" (?=[A-Z])", ". ", after, count=1)
    # a quote mark opening the sentence after the cut, or the first one removed
    if '"' in paragraph:
        return paragraph.replace('"', "", 1)
    return before + '"' + after
