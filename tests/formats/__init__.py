"""Tests of the loaders in ``comparer.formats``."""
