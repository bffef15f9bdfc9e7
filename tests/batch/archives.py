"""Small archives written for the tests: the same stories in every archive form.

The stories are fictional and made for these tests: a death toll that rises and a
source who is dropped, an election story whose headline figure changes hours later, a
quote given to another speaker, and a story with a single version.
"""

from __future__ import annotations

import json
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class V:
    """One version: headline, date, paragraphs."""

    title: str
    date: str
    paragraphs: tuple[str, ...]


QUAKE = (
    V(
        "Earthquake kills 40 in coastal town",
        "2021-03-01T06:00:00+00:00",
        (
            "An earthquake killed 40 people in the coastal town of Marisol on Monday, "
            "officials said.",
            "\u201cWe are still searching the rubble,\u201d said Ana Ruiz, the town\u2019s mayor.",
            "The quake struck shortly before dawn, when most residents were asleep.",
        ),
    ),
    V(
        "Earthquake kills at least 48 in coastal town",
        "2021-03-01T06:45:00+00:00",
        (
            "An earthquake killed at least 48 people in the coastal town of Marisol on "
            "Monday, officials said.",
            "\u201cWe are still searching the rubble,\u201d said Ana Ruiz, the town\u2019s mayor.",
            "The quake struck shortly before dawn, when most residents were asleep.",
            "Rescue teams from the capital arrived by noon.",
        ),
    ),
    V(
        "Earthquake kills at least 48 in coastal town",
        "2021-03-01T08:30:00+00:00",
        (
            "An earthquake killed at least 52 people in the coastal town of Marisol on "
            "Monday, officials said.",
            "The quake struck shortly before dawn, when most residents were asleep.",
            "Rescue teams from the capital arrived by noon.",
        ),
    ),
)

VOTE = (
    V(
        "Turnout reaches 61% in city vote",
        "2022-05-08T20:00:00+00:00",
        (
            "Turnout in the city council election reached 61% by the close of polls.",
            "Counting began at nine and was expected to last through the night.",
            "The Green list held 12 seats before the vote.",
        ),
    ),
    V(
        "Turnout reaches 64% in city vote",
        "2022-05-08T22:30:00+00:00",
        (
            "Counting began at nine and was expected to last through the night.",
            "Turnout in the city council election reached 64% by the close of polls.",
            "The Green list held 12 seats before the vote.",
            "\u201cThis is a record for a spring election,\u201d said Tomas Berg, the city\u2019s "
            "returning officer.",
        ),
    ),
)

BRIDGE = (
    V(
        "Bridge to reopen in June",
        "2020-01-10T09:00:00+00:00",
        (
            'The old river bridge will reopen in June after "extensive repairs", the council said.',
            "\u201cThe bridge is safe and the work is on schedule,\u201d said Maria Lind, the "
            "council\u2019s engineer.",
        ),
    ),
    V(
        "Bridge to reopen in June",
        "2020-01-10T11:00:00+00:00",
        (
            "The old river bridge will reopen in June after \u201cextensive repairs\u201d, the "
            "council said.",
            "\u201cThe bridge is safe and the work is on schedule,\u201d said Peter Holm, the "
            "council\u2019s spokesman.",
        ),
    ),
)

SINGLE = (
    V(
        "Library extends opening hours",
        "2023-02-01T10:00:00+00:00",
        ("The central library will open until 9pm on weekdays from March.",),
    ),
)

STORIES: dict[str, tuple[V, ...]] = {"101": QUAKE, "102": VOTE, "103": BRIDGE, "104": SINGLE}


def html_summary(version: V) -> str:
    """The text as diffengine and NewsEdits keep it: ``<p>`` paragraphs."""
    return "".join(f"<p>{p}</p>" for p in version.paragraphs)


def write_newsedits(path: Path, stories: dict[str, tuple[V, ...]] = STORIES) -> Path:
    """A NewsEdits database: ``entryversion`` with version numbers and ``split_sentences``.

    Rows go in shuffled, so the order must come from the version numbers.
    """
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE entryversion (id INTEGER PRIMARY KEY, entry_id INTEGER, version INTEGER, "
        "title TEXT, created TEXT, url TEXT, source TEXT, summary TEXT, num_versions INTEGER)"
    )
    connection.execute(
        "CREATE TABLE split_sentences (entry_id INTEGER, version INTEGER, sent_idx INTEGER, "
        "sentence TEXT)"
    )
    rows, sentences = [], []
    for story_id, versions in stories.items():
        for number, version in enumerate(versions, start=1):
            created = version.date.replace("T", " ").replace("+00:00", "")
            rows.append(
                (
                    int(story_id),
                    number,
                    version.title,
                    created,
                    f"https://example.org/{story_id}",
                    "test",
                    html_summary(version),
                    len(versions),
                )
            )
            for index, paragraph in enumerate(version.paragraphs):
                sentences.append((int(story_id), number, index, paragraph))
    random.Random(4).shuffle(rows)
    random.Random(5).shuffle(sentences)
    connection.executemany(
        "INSERT INTO entryversion (entry_id, version, title, created, url, source, summary, "
        "num_versions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.executemany("INSERT INTO split_sentences VALUES (?, ?, ?, ?)", sentences)
    connection.execute("CREATE INDEX entryversion_entry ON entryversion (entry_id)")
    connection.commit()
    connection.close()
    return path


def write_diffengine(path: Path, stories: dict[str, tuple[V, ...]] = STORIES) -> Path:
    """A diffengine database: ``entryversion`` without version numbers, ordered by ``created``."""
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE entryversion (id INTEGER PRIMARY KEY, title VARCHAR(255), url VARCHAR(255), "
        "summary VARCHAR(255), created DATETIME, archive_url VARCHAR(255), entry_id INTEGER)"
    )
    rows = []
    for story_id, versions in stories.items():
        for version in versions:
            created = version.date.replace("T", " ").replace("+00:00", ".000000")
            rows.append(
                (
                    version.title,
                    "https://example.org",
                    html_summary(version),
                    created,
                    None,
                    int(story_id),
                )
            )
    rows.reverse()  # newest first: the dates must put them in order
    connection.executemany(
        "INSERT INTO entryversion (title, url, summary, created, archive_url, entry_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.commit()
    connection.close()
    return path


def write_jsonl(path: Path, stories: dict[str, tuple[V, ...]] = STORIES) -> Path:
    """A JSON Lines file, the stories' lines interleaved and shuffled."""
    lines = []
    for story_id, versions in stories.items():
        for number, version in enumerate(versions, start=1):
            record = {
                "story": story_id,
                "version": number,
                "date": version.date,
                "title": version.title,
                "text": "\n\n".join(version.paragraphs),
            }
            lines.append(json.dumps(record, ensure_ascii=False))
    random.Random(6).shuffle(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_folder(path: Path, stories: dict[str, tuple[V, ...]] = STORIES) -> Path:
    """A folder of story folders; versions as web pages and text files named v1, v2, …."""
    for story_id, versions in stories.items():
        folder = path / story_id
        folder.mkdir(parents=True)
        for number, version in enumerate(versions, start=1):
            if number % 2:
                body = "".join(f"<p>{p}</p>\n" for p in version.paragraphs)
                page = (
                    f"<!DOCTYPE html><html><head><title>{version.title}</title>"
                    f'<meta property="article:published_time" content="{version.date}">'
                    f"</head><body><article><h1>{version.title}</h1>\n{body}</article>"
                    "</body></html>"
                )
                (folder / f"v{number}.html").write_text(page, encoding="utf-8")
            else:
                text = version.title + "\n\n" + "\n\n".join(version.paragraphs) + "\n"
                (folder / f"v{number}.txt").write_text(text, encoding="utf-8")
    return path
