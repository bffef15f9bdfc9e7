"""Quote marks paired per paragraph, and where sentences end."""

from __future__ import annotations

from comparer.core.quotes.marks import scan_paragraph, sentence_ends


def test_sentence_ends_before_a_line_break() -> None:
    text = "\u201cNot one,\u201d he said.\nBut Paul Green said it would work."
    quoted = [(s.start, s.end) for s in scan_paragraph(text, 0, len(text), 0)]
    assert text.index("\nBut") in sentence_ends(text, 0, len(text), quoted)


def test_one_huge_paragraph_keeps_every_quote() -> None:
    chunk = 'The river rose again. "We are ready," said Tomas Berg. '
    text = chunk * 5000
    spans = scan_paragraph(text, 0, len(text), 0)
    assert len(spans) == 5000
    assert all(text[s.start] == '"' and text[s.end - 1] == '"' for s in spans)
