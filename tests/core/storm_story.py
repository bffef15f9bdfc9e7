"""Two versions of a short storm report, written for the tests of figures in moved sentences.

Between them: a sentence moved to another paragraph with its figure changed on the way
("At least 40 people died …" in ¶2 is "At least 48 …" in ¶5), one moved within its
paragraph with its figure changed ("Around 60 boats …" → "Around 75 boats …", from the
end of ¶3 to its start), and an unrelated sentence removed in one place ("About 300
people slept …") while another with a different figure came in elsewhere ("Some 12
schools …"): those two are not one sentence moved, so their figures are one removed and
one added, not one changed.
"""

from __future__ import annotations

from pathlib import Path

from comparer.core.model import Version
from tests.core.factories import body, write_versions

OLD = [
    "Storm batters the coast",
    "A powerful storm struck the southern coast overnight, flattening trees and tearing roofs "
    "from homes. At least 40 people died in the storm, the coastguard said. Power lines were "
    "brought down across the region.",
    "The harbour master, Tomas Reyes, said the damage was the worst he had seen. Fishermen "
    "gathered on the quay at dawn. Around 60 boats were sunk or badly damaged in the harbour "
    "overnight.",
    "Volunteers handed out blankets and hot food in the town hall. About 300 people slept in "
    "the hall on Monday night. The mayor thanked them for their work.",
    "Insurers have begun counting the cost of the storm.",
]
NEW = [
    "Storm batters the coast",
    "A powerful storm struck the southern coast overnight, flattening trees and tearing roofs "
    "from homes. Power lines were brought down across the region.",
    "Around 75 boats were sunk or badly damaged in the harbour overnight. The harbour "
    "master, Tomas Reyes, said the damage was the worst he had seen. Fishermen gathered on "
    "the quay at dawn.",
    "Volunteers handed out blankets and hot food in the town hall. The mayor thanked them "
    "for their work.",
    "Insurers have begun counting the cost of the storm. At least 48 people died in the "
    "storm, the coastguard said. Some 12 schools will stay closed until the weekend, the "
    "council said.",
]


def versions() -> tuple[Version, Version]:
    """The two versions, as the engine's tests take them."""
    return body(OLD, "storm-1.txt"), body(NEW, "storm-2.txt")


def write(folder: Path) -> list[str]:
    """Write the two versions as text files (paragraphs apart by blank lines); their paths."""
    return write_versions(folder, [("storm-1.txt", OLD), ("storm-2.txt", NEW)])
