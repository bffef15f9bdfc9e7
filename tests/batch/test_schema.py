"""The results' schemas: what docs/batch-format.md promises readers, column for column."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pytest

from comparer.batch.schema import FORMAT, NUMBER, PAIRS, STORIES, TABLES, to_table

DOC = (Path(__file__).resolve().parents[2] / "docs" / "batch-format.md").read_text(encoding="utf-8")


def _documented(table: str) -> dict[str, str]:
    """Column name → type, from the table under the heading "## `table`" of the format doc."""
    section = DOC.split(f"## `{table}`", 1)[1].split("\n## ", 1)[0]
    columns = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].startswith("`"):
            kind = cells[1].replace("&lt;", "<").replace("&gt;", ">")
            for name in re.findall(r"`([^`]+)`", cells[0]):
                columns[name] = kind
    return columns


def _type_name(kind: pa.DataType) -> str:
    if pa.types.is_list(kind):
        inner = kind.value_type
        return f"list<{'struct' if pa.types.is_struct(inner) else _type_name(inner)}>"
    # the doc writes Arrow's names for the types; str() says "double" for float64
    return {"double": "float64"}.get(str(kind), str(kind))


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_column_is_documented_with_its_type_in_order(table: str) -> None:
    schema = TABLES[table]
    documented = _documented(table)
    assert list(documented) == schema.names
    assert documented == {f.name: _type_name(f.type) for f in schema}
    assert schema.metadata == {b"format": FORMAT.encode(), b"table": table.encode()}


def test_the_fields_of_a_number_change_are_documented() -> None:
    row = next(line for line in DOC.splitlines() if line.startswith("| `numbers` |"))
    assert [f.name for f in NUMBER] == [
        name for name in re.findall(r"`([^`]+)`", row) if name in NUMBER.names
    ]
    assert set(NUMBER.names) <= set(re.findall(r"`([^`]+)`", row))


def test_missing_keys_are_nulls_and_the_schema_is_kept() -> None:
    table = to_table(
        [{"story_id": "7", "versions": 1}, {"story_id": "8", "error": "empty"}], STORIES
    )
    assert table.schema == STORIES
    rows = table.to_pylist()
    assert rows[0]["error"] is None and rows[0]["speakers_new"] is None
    assert rows[1]["versions"] is None and rows[1]["error"] == "empty"


def test_a_value_of_the_wrong_type_is_refused() -> None:
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
        to_table([{"story_id": "7", "pair": "first"}], PAIRS)
