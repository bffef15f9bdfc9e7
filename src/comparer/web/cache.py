"""Captures and capture lists kept on disk, so a page's history opens offline the second time.

A capture never changes once archived, so a cached one is used as is. A list of captures
does change (the archive keeps capturing), so it is fetched afresh each time and the saved
one is used only when the archive cannot be reached. Files are written to a temporary
name and renamed, so an interrupted write never leaves half a capture behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from comparer.web.client import Fetched

_CAPTURES = "captures"
_LISTS = "lists"


@dataclass(frozen=True)
class CacheUsage:
    """How much the cache holds."""

    captures: int
    size: int


class WebCache:
    """The cache folder: one file of bytes and one of facts per capture, one per list."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def _key(*parts: str) -> str:
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()

    def _capture_paths(self, key: str) -> tuple[Path, Path]:
        base = self.folder / _CAPTURES / key[:2] / key
        return base.with_suffix(".bin"), base.with_suffix(".json")

    def get_capture(self, archive_base: str, timestamp: str, original: str) -> Fetched | None:
        """The capture as first received, or None when it is not cached (or unreadable)."""
        data_path, meta_path = self._capture_paths(self._key(archive_base, timestamp, original))
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            data = data_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or hashlib.sha256(data).hexdigest() != meta.get("sha256"):
            return None
        return Fetched(
            requested=str(meta.get("requested", "")),
            url=str(meta.get("url", "")),
            content_type=str(meta.get("content_type", "")),
            charset=meta.get("charset") if isinstance(meta.get("charset"), str) else None,
            data=data,
            fetched=str(meta.get("fetched", "")),
        )

    def put_capture(
        self, archive_base: str, timestamp: str, original: str, fetched: Fetched
    ) -> None:
        """Keep a capture; a failure to write only means it will be fetched again."""
        data_path, meta_path = self._capture_paths(self._key(archive_base, timestamp, original))
        meta = {
            "requested": fetched.requested,
            "url": fetched.url,
            "content_type": fetched.content_type,
            "charset": fetched.charset,
            "fetched": fetched.fetched,
            "sha256": hashlib.sha256(fetched.data).hexdigest(),
        }
        with contextlib.suppress(OSError):
            _write_atomic(data_path, fetched.data)
            _write_atomic(meta_path, json.dumps(meta).encode("utf-8"))

    def get_list(self, archive_base: str, query: dict[str, str]) -> dict[str, Any] | None:
        """A saved answer of the archive's index for ``query``, or None."""
        path = self._list_path(archive_base, query)
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return saved if isinstance(saved, dict) else None

    def put_list(self, archive_base: str, query: dict[str, str], saved: dict[str, Any]) -> None:
        """Keep the index's answer for ``query``."""
        with contextlib.suppress(OSError):
            _write_atomic(self._list_path(archive_base, query), json.dumps(saved).encode("utf-8"))

    def _list_path(self, archive_base: str, query: dict[str, str]) -> Path:
        key = self._key(archive_base, json.dumps(query, sort_keys=True))
        return self.folder / _LISTS / f"{key}.json"

    def usage(self) -> CacheUsage:
        """How many captures the cache holds, and its size in bytes."""
        count = size = 0
        if not self.folder.is_dir():
            return CacheUsage(0, 0)
        for path in self.folder.rglob("*"):
            if path.is_file():
                size += path.stat().st_size
                if path.suffix == ".bin":
                    count += 1
        return CacheUsage(count, size)

    def clear(self) -> CacheUsage:
        """Delete everything cached; returns what was there.

        Only the cache's own sub-folders are removed, never anything else in the folder.
        """
        before = self.usage()
        for name in (_CAPTURES, _LISTS):
            shutil.rmtree(self.folder / name, ignore_errors=True)
        return before


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
