"""Choose the loader for a file and guard against input that is not an article at all."""

from __future__ import annotations

import os
from pathlib import Path

from comparer.core.version import Version
from comparer.formats.base import Loader, LoadOptions, build_version
from comparer.formats.errors import LoadError
from comparer.formats.text import TextLoader

MAX_FILE_BYTES = 50 * 1024 * 1024


def loaders() -> list[Loader]:
    """Every loader, most specific first; the text loader comes last as the fallback."""
    found: list[Loader] = []
    # Other formats register here as their modules land.
    found.append(TextLoader())
    return found


def load_path(path: str | os.PathLike[str], options: LoadOptions | None = None) -> Version:
    """Read the file at ``path`` (never writing to it) and load it as a version.

    Raises:
        LoadError: the file is missing, a folder, unreadable, empty, too large, binary,
            or not a format Comparer reads.
    """
    label = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise LoadError(label, "no such file") from None
    except OSError as exc:
        raise LoadError(label, f"cannot be read ({exc.strerror or exc})") from None
    if p.is_dir():
        raise LoadError(label, "is a folder, not a file")
    if st.st_size > MAX_FILE_BYTES:
        raise LoadError(
            label, f"is too large ({st.st_size / 1048576:.0f} MB; the limit is {MAX_FILE_BYTES // 1048576} MB)"
        )
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LoadError(label, f"cannot be read ({exc.strerror or exc})") from None
    return load_bytes(data, label, options, mtime=st.st_mtime)


def load_bytes(
    data: bytes,
    path: str,
    options: LoadOptions | None = None,
    mtime: float | None = None,
) -> Version:
    """Load ``data`` read from ``path`` (or pasted: ``path`` is then a label)."""
    options = options or LoadOptions()
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(path, f"is too large (the limit is {MAX_FILE_BYTES // 1048576} MB)")
    if not data.strip():
        raise LoadError(path, "is empty")
    loader = choose_loader(data, path)
    extracted = loader.extract(data, path, options)
    version = build_version(extracted, data, path, loader.name, mtime)
    if not version.paragraphs:
        raise LoadError(path, "has no text in it")
    return version


def choose_loader(data: bytes, path: str) -> Loader:
    """The loader for ``data``: by content when it is unambiguous, else by extension."""
    suffix = Path(path).suffix.lower()
    candidates = loaders()
    for loader in candidates:
        if loader.name != "text" and loader.sniff(data):
            return loader
    for loader in candidates:
        if suffix and suffix in loader.extensions and loader.sniff(data):
            return loader
    text_loader = candidates[-1]
    if text_loader.sniff(data):
        return text_loader
    raise LoadError(path, "is binary data, not text or a document format Comparer reads")
