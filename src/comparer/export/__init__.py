"""Exports: a ``Comparison`` in, text or bytes out (JSON, terminal text, HTML report)."""
