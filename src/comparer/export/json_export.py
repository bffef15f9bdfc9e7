"""The comparison as JSON, in the stable ``comparer/1`` format (shared/design/json-format.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from comparer.core.comparison import Comparison, PairComparison
from comparer.core.quotes import Quote
from comparer.core.version import Version

FORMAT = "comparer/1"


def quote_dict(quote: Quote) -> dict[str, Any]:
    """One quote as JSON."""
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": str(quote.kind),
        "speaker": quote.speaker,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "continues": quote.continues,
    }


def version_dict(version: Version, quotes: Sequence[Quote] = ()) -> dict[str, Any]:
    """One version as JSON."""
    return {
        "path": version.path,
        "title": version.title,
        "date": version.date,
        "sha256": version.sha256,
        "encoding": version.encoding,
        "size": version.size,
        "format": version.source_format,
        "text": version.text,
        "paragraphs": [
            {"start": p.start, "end": p.end, "role": str(p.role)} for p in version.paragraphs
        ],
        "quotes": [quote_dict(q) for q in quotes],
    }


def pair_dict(pair: PairComparison) -> dict[str, Any]:
    """One consecutive pair's comparison as JSON."""
    return {
        "from": pair.from_index,
        "to": pair.to_index,
        "alignment": [
            {
                "kind": str(e.kind),
                "from": list(e.from_),
                "to": list(e.to),
                "similarity": e.similarity,
            }
            for e in pair.alignment
        ],
        "changes": [
            {
                "kind": str(c.kind),
                "category": str(c.category),
                "from_start": c.from_start,
                "from_end": c.from_end,
                "to_start": c.to_start,
                "to_end": c.to_end,
                "from_text": c.from_text,
                "to_text": c.to_text,
                "entry": c.entry,
            }
            for c in pair.changes
        ],
        "numbers": [
            {
                "from": n.from_text,
                "to": n.to_text,
                "from_start": n.from_start,
                "to_start": n.to_start,
            }
            for n in pair.numbers
        ],
        "summary": {
            "paragraphs_added": pair.summary.paragraphs_added,
            "paragraphs_deleted": pair.summary.paragraphs_deleted,
            "paragraphs_changed": pair.summary.paragraphs_changed,
            "paragraphs_moved": pair.summary.paragraphs_moved,
            "numbers_changed": pair.summary.numbers_changed,
            "typographic_only": pair.summary.typographic_only,
        },
    }


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as JSON-ready data."""
    quotes = comparison.quotes or tuple(() for _ in comparison.versions)
    return {
        "format": FORMAT,
        "versions": [version_dict(v, q) for v, q in zip(comparison.versions, quotes, strict=True)],
        "pairs": [pair_dict(p) for p in comparison.pairs],
        "speakers": [
            {
                "name": s.name,
                "quotes_per_version": list(s.quotes_per_version),
                "badges": list(s.badges),
                "quotes": [list(q) for q in s.quotes],
            }
            for s in comparison.speakers
        ],
        "options": {
            "ignore_case": comparison.options.ignore_case,
            "ignore_whitespace": comparison.options.ignore_whitespace,
        },
    }


def dumps(comparison: Comparison) -> str:
    """The comparison as a JSON document (UTF-8 text, non-ASCII kept as is)."""
    return json.dumps(comparison_dict(comparison), ensure_ascii=False, separators=(",", ":")) + "\n"


def quotes_dumps(quotes: Sequence[Quote]) -> str:
    """The output of ``comparer quotes --format json``."""
    return (
        json.dumps({"quotes": [quote_dict(q) for q in quotes]}, ensure_ascii=False, indent=1) + "\n"
    )
