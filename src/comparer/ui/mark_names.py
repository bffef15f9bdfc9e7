"""Typographic changes in words: which quote, dash or dot became which, told apart by name.

In a list's font the straight quote ``"`` and the curly ``“`` can look the same, so a
typography-only change reads ``" → “`` and says nothing. ``describe`` names each mark
("straight quote", "opening curly quote"), and ``summarise`` turns a paragraph's many such
changes into one line: ``4 quote marks curled ("→“ ×2, "→” ×2)``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

# The marks typography changes are made of, with a name a reader can tell apart.
_NAMES: dict[str, str] = {
    '"': "straight double quote",
    "'": "straight single quote",
    "“": "opening curly quote",
    "”": "closing curly quote",
    "‘": "opening curly single quote",
    "’": "closing curly single quote (apostrophe)",
    "„": "low opening quote",
    "«": "opening guillemet",
    "»": "closing guillemet",
    "-": "hyphen",
    "–": "en dash",
    "—": "em dash",
    "−": "minus sign",
    "…": "ellipsis",
    "...": "three dots",
    " ": "space",
    "\u00a0": "no-break space",
    "\u2009": "thin space",
    "\u202f": "narrow no-break space",
}
_QUOTES = set('"\'“”‘’„«»')
_DASHES = set("-–—−")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MarkNames", text)


def shown(text: str) -> str:
    """``text`` with invisible marks made visible (spaces as ␣, no-break spaces as ⍽)."""
    return (
        text.replace("\u00a0", "⍽")
        .replace("\u202f", "⍽")
        .replace("\u2009", "␣")
        .replace(" ", "␣")
        or "∅"
    )


def describe(before: str, after: str) -> str:
    """``"→“ (straight double quote → opening curly quote)`` for one typographic change."""
    arrow = f"{shown(before)} → {shown(after)}"
    names = [_NAMES.get(before.strip() or before), _NAMES.get(after.strip() or after)]
    if all(names):
        return f"{arrow} ({_tr(str(names[0]))} → {_tr(str(names[1]))})"
    return arrow


def _kind(before: str, after: str) -> str:
    marks = set(before + after) - {" "}
    if marks and marks <= _QUOTES:
        return _tr("quote marks")
    if marks and marks <= _DASHES:
        return _tr("dashes")
    if marks and marks <= {".", "…"}:
        return _tr("ellipses")
    if not marks:
        return _tr("spaces")
    return _tr("typographic changes")


def summarise(changes: Iterable[tuple[str, str]]) -> str:
    """One line for a paragraph's typographic changes, each kind counted once.

    A single change is described in full (``describe``); several are counted by what
    became what: ``4 quote marks ("→“ ×2, "→” ×2)``.
    """
    pairs = [(before, after) for before, after in changes]
    if not pairs:
        return ""
    if len(pairs) == 1:
        return describe(*pairs[0])
    counts = Counter(pairs)
    kinds = {_kind(before, after) for before, after in pairs}
    kind = kinds.pop() if len(kinds) == 1 else _tr("typographic changes")
    parts = [
        f"{shown(before)}→{shown(after)}" + (f" ×{n}" if n > 1 else "")
        for (before, after), n in counts.most_common()
    ]
    return f"{len(pairs)} {kind} ({', '.join(parts)})"
