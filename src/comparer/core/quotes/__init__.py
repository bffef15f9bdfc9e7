"""Quotes in an article: who said what, directly or indirectly.

- ``marks``: quote marks paired per paragraph, sentence ends;
- ``lexicon``: the speech verbs and reporting words, and the word tries built from them;
- ``scans``: each paragraph's marks, names, pronouns and reporting words, scanned once
  and shared by versions that hold the same paragraph;
- ``reuse``: each quote's attribution and each sentence's reported speech, shared by
  versions whose text they read is the same;
- ``extractor``: ``extract_quotes`` and ``extract_quotes_many``, the method in its
  docstring.

The result types, ``Quote`` and ``QuoteKind``, live in ``core.model``.
"""

from comparer.core.quotes.extractor import extract_quotes, extract_quotes_many

__all__ = ["extract_quotes", "extract_quotes_many"]
