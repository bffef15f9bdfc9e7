"""Versions made from plain strings, for core tests that must not depend on loaders."""

from __future__ import annotations

from pathlib import Path

from comparer.core.blocks import Block, join_blocks, make_paragraphs, sha256_hex
from comparer.core.model import Role, Version


def version_from_paragraphs(
    paragraphs: list[str], path: str = "test.txt", roles: list[Role | None] | None = None
) -> Version:
    """A version whose paragraphs are ``paragraphs`` (blank-line separated in its text)."""
    roles = roles or [None] * len(paragraphs)
    text, spans = join_blocks(Block(p, r) for p, r in zip(paragraphs, roles, strict=True))
    data = text.encode("utf-8", "surrogatepass")
    return Version(
        text, make_paragraphs(text, spans), path=path, sha256=sha256_hex(data), size=len(data)
    )


def body(paragraphs: list[str], path: str = "test.txt") -> Version:
    """A version of body paragraphs only, whatever they look like."""
    return version_from_paragraphs(paragraphs, path, [Role.BODY] * len(paragraphs))


def write_versions(folder: Path, named: list[tuple[str, list[str]]]) -> list[str]:
    """Write each (file name, paragraphs) as a text file, paragraphs apart by blank lines.

    Returns:
        The files' paths, in the order given.
    """
    paths = []
    for name, paragraphs in named:
        path = folder / name
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths
