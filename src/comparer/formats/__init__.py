"""Loaders: bytes of a file in, a ``Version`` out.

``load_path`` is the one entry point the window and the command line use. Each format has a
module with a ``…Loader`` class; ``registry.py`` decides which loader reads a file, by its
content first and its extension second.
"""

from comparer.formats.base import LoadOptions
from comparer.formats.errors import LoadError
from comparer.formats.registry import MAX_FILE_BYTES, choose_loader, load_bytes, load_path

__all__ = ["MAX_FILE_BYTES", "LoadError", "LoadOptions", "choose_loader", "load_bytes", "load_path"]
