from comparer.core.model import Role
from comparer.formats import load_bytes

SOURCE = """---
title: "Bridge closed after flood"
date: 2024-02-11T09:40:00Z
author: Oskar Brenner
---
# Bridge closed after flood

The **old bridge** at [Marlow](https://example.org/marlow) was closed on *Sunday*,
officials said. ![A photo](bridge.jpg)

## Background

- Sandbags
- Pumps

> "We moved everyone," she said.

| Town | Homes |
|------|-------|
| Marlow | 240 |

Some <span class="x">inline html</span> and `code`.

<div class="advert">raw html block</div>
"""


def test_markdown_structure_and_front_matter():
    version = load_bytes(SOURCE.encode(), "bridge.md")
    texts = [version.text[p.start : p.end] for p in version.paragraphs]
    assert texts == [
        "Bridge closed after flood",
        "The old bridge at Marlow was closed on Sunday, officials said.",
        "Background",
        "Sandbags",
        "Pumps",
        '"We moved everyone," she said.',
        "Town | Homes",
        "Marlow | 240",
        "Some inline html and code.",
    ]
    roles = [p.role for p in version.paragraphs]
    assert roles[0] is Role.HEADING and roles[2] is Role.HEADING
    assert roles[3] is Role.BODY
    assert version.title == "Bridge closed after flood"
    assert version.date == "2024-02-11T09:40"
    assert version.byline == "Oskar Brenner"


def test_markdown_in_cp1252():
    version = load_bytes(
        "# Caf\u00e9\n\nThe caf\u00e9\u2019s owner said so, na\u00efvely.\n".encode("cp1252"),
        "c.md",
    )
    assert version.encoding == "cp1252"
    assert version.title == "Caf\u00e9"


def test_markup_heavy_file_is_bounded():
    version = load_bytes(b"**a [" * 400_000, "hostile.md")
    assert version.text.startswith("a [a [a")


def test_entities_and_escapes():
    version = load_bytes(b"Fish &amp; chips \\*not emphasis\\*.\n", "e.md")
    assert version.text == "Fish & chips *not emphasis*."
