"""The results' columns, as Arrow schemas: the versioned format ``docs/batch-format.md`` describes.

Keep it stable: add columns freely (readers ignore what they do not know), never rename
or drop one without bumping ``FORMAT``.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

FORMAT = "comparer-batch/1"

NUMBER = pa.struct(
    [
        ("from", pa.string()),
        ("to", pa.string()),
        ("from_value", pa.float64()),
        ("to_value", pa.float64()),
        ("delta", pa.float64()),
        ("delta_label", pa.string()),
        ("unit", pa.string()),
    ]
)
NAMES = pa.list_(pa.string())

PAIRS = pa.schema(
    [
        ("story_id", pa.string()),
        ("pair", pa.int32()),
        ("from_version", pa.int64()),
        ("to_version", pa.int64()),
        ("from_name", pa.string()),
        ("to_name", pa.string()),
        ("from_date", pa.string()),
        ("to_date", pa.string()),
        ("minutes_since_first", pa.float64()),
        ("minutes_since_previous", pa.float64()),
        ("differs", pa.bool_()),
        ("paragraphs_added", pa.int32()),
        ("paragraphs_removed", pa.int32()),
        ("paragraphs_changed", pa.int32()),
        ("paragraphs_moved", pa.int32()),
        ("typographic_only", pa.int32()),
        ("numbers_changed", pa.int32()),
        ("numbers", pa.list_(NUMBER)),
        ("speakers_new", NAMES),
        ("speakers_dropped", NAMES),
        ("speakers_reattributed", NAMES),
        ("from_headline", pa.string()),
        ("to_headline", pa.string()),
        ("headline_changed", pa.bool_()),
        ("headline_numbers", pa.list_(NUMBER)),
    ],
    metadata={"format": FORMAT, "table": "pairs"},
)

STORIES = pa.schema(
    [
        ("story_id", pa.string()),
        ("versions", pa.int32()),
        ("pairs", pa.int32()),
        ("first_version", pa.int64()),
        ("last_version", pa.int64()),
        ("first_date", pa.string()),
        ("last_date", pa.string()),
        ("minutes_first_to_last", pa.float64()),
        ("pairs_differing", pa.int32()),
        ("paragraphs_added", pa.int32()),
        ("paragraphs_removed", pa.int32()),
        ("paragraphs_changed", pa.int32()),
        ("paragraphs_moved", pa.int32()),
        ("numbers_changed", pa.int32()),
        ("headline_changes", pa.int32()),
        ("speakers_new", NAMES),
        ("speakers_dropped", NAMES),
        ("speakers_reattributed", NAMES),
        ("first_headline", pa.string()),
        ("last_headline", pa.string()),
        ("error", pa.string()),
    ],
    metadata={"format": FORMAT, "table": "stories"},
)

TABLES = {"stories": STORIES, "pairs": PAIRS}


def to_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """``rows`` as an Arrow table of ``schema`` (missing keys are nulls)."""
    return pa.Table.from_pylist(rows, schema=schema)
