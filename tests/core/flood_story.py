"""Two versions of a short flood report, written for the tests of moved sentences and figures.

Between them: one figure changed (40 → 48), two added (200 injured, 3,000 homes), one
removed (12 shelters); a sentence moved to another paragraph and edited on the way
("Rescue teams …"), one moved to another paragraph as it was ("Roads into the valley …"),
one moved within its paragraph ("We are doing …"), and one moved with its figure
unchanged ("Another 30 millimetres …"), which adds and removes nothing.
"""

from __future__ import annotations

from pathlib import Path

from comparer.core.model import Version
from tests.core.factories import body, write_versions

OLD = [
    "Flood waters rise across the valley",
    "Heavy rain fell across the northern valley on Tuesday, and the river burst its banks "
    "near the old mill. At least 40 people were killed, officials said. Rescue teams worked "
    "through the night to reach villages cut off by the water.",
    "The regional governor, Anna Keller, said the army had been asked to help. “We are doing "
    "everything we can,” she said. Roads into the valley remain closed to all but emergency "
    "traffic.",
    "Schools in the district will stay shut until Friday. Some 12 shelters have opened in "
    "church halls and sports centres.",
    "Forecasters expect more rain over the weekend, though lighter than before, and warn "
    "that the rivers will stay high for days. Another 30 millimetres of rain may fall tonight.",
]
NEW = [
    "Flood waters rise across the valley",
    "Heavy rain fell across the northern valley on Tuesday, and the river burst its banks "
    "near the old mill. At least 48 people were killed, officials said, and 200 were injured.",
    "The regional governor, Anna Keller, said the army had been asked to help. Rescue teams "
    "worked through the night to reach the villages cut off by the water. “We are doing "
    "everything we can,” she said.",
    "Schools in the district will stay shut until Friday. Shelters have opened in church "
    "halls and sports centres. Roads into the valley remain closed to all but emergency "
    "traffic.",
    "Another 30 millimetres of rain may fall tonight. Forecasters expect more rain over the "
    "weekend, though lighter than before, and warn that the rivers will stay high for days. "
    "About 3,000 homes are without power.",
]


def versions() -> tuple[Version, Version]:
    """The two versions, as the engine's tests take them."""
    return body(OLD, "flood-1.txt"), body(NEW, "flood-2.txt")


def write(folder: Path) -> list[str]:
    """Write the two versions as text files (paragraphs apart by blank lines); their paths."""
    return write_versions(folder, [("flood-1.txt", OLD), ("flood-2.txt", NEW)])
