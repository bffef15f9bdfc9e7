"""Everyone quoted across the versions, with what changed in their quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comparer.core.quotes import Quote


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person or body quoted in at least one version."""

    name: str
    quotes_per_version: tuple[int, ...]
    badges: tuple[str, ...] = ()  # "new", "dropped", "reworded", "re-attributed"


def list_speakers(quotes_per_version: Sequence[Sequence[Quote]]) -> tuple[Speaker, ...]:
    """Speakers over all versions. (Not written yet.)"""
    return ()
