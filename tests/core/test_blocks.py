"""Building a version's text and paragraphs from the blocks a loader reads."""

from __future__ import annotations

from comparer.core.blocks import Block, join_blocks, make_paragraphs, sha256_hex
from comparer.core.model import Role


def test_blocks_are_stripped_and_joined_and_empty_ones_dropped() -> None:
    text, spans = join_blocks([Block("  Title \n"), Block("   "), Block("Body text.", Role.BODY)])
    assert text == "Title\n\nBody text."
    assert [text[s:e] for s, e, _ in spans] == ["Title", "Body text."]
    assert [role for _, _, role in spans] == [None, Role.BODY]


def test_paragraphs_without_a_role_are_classified_and_given_roles_kept() -> None:
    blocks = [
        Block("Last Modified: 19 May 2013"),
        Block("Rescue teams reached the village before dawn on Thursday, officials said."),
        Block("Last Modified: kept as the loader says", Role.BODY),
    ]
    text, spans = join_blocks(blocks)
    roles = [p.role for p in make_paragraphs(text, spans)]
    assert roles == [Role.METADATA, Role.BODY, Role.BODY]


def test_a_long_prose_paragraph_is_body_without_classifying() -> None:
    prose = "The river rose through the night and the bridge closed at dawn. " * 5
    text, spans = join_blocks([Block(prose)])
    (paragraph,) = make_paragraphs(text, spans)
    assert (paragraph.role, text[paragraph.start : paragraph.end]) == (Role.BODY, prose.strip())


def test_the_digest_is_sha256_in_hex() -> None:
    assert sha256_hex(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
