"""What the user (or a test) can set about going to the network, with safe defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import comparer

DEFAULT_ARCHIVE_URL = "https://web.archive.org"
ARCHIVE_URL_VARIABLE = "COMPARER_ARCHIVE_URL"
CACHE_DIR_VARIABLE = "COMPARER_CACHE_DIR"
USER_AGENT = (
    f"Comparer/{comparer.__version__} (compares versions of news articles; "
    "fetches only addresses its user gives it)"
)


@dataclass(frozen=True)
class WebOptions:
    """Limits and places for fetching pages and captures.

    Attributes:
        archive_url: the Wayback Machine (or a mirror) to ask: its index lives at
            ``{archive_url}/cdx/search/cdx`` and captures at ``{archive_url}/web/…``.
        timeout: seconds to wait for a server to connect or to send the next bytes.
        max_bytes: the largest page or capture read; a larger one is refused.
        max_redirects: how many redirects are followed before giving up.
        parallel: how many captures are fetched at the same time.
        max_retries: how many times a request refused with HTTP 429 is tried again.
        max_wait: the longest pause, in seconds, Comparer accepts when asked to wait;
            a server asking for longer gets an error instead.
        cache_dir: where captures are kept; None for the user's cache folder.
        use_cache: whether captures are read from and kept in the cache.
        max_listed: the most distinct captures asked of the archive's index.
        user_agent: how Comparer introduces itself to servers.
        trust_env: whether proxy settings from the environment apply.
    """

    archive_url: str = DEFAULT_ARCHIVE_URL
    timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    parallel: int = 3
    max_retries: int = 3
    max_wait: float = 60.0
    cache_dir: Path | None = None
    use_cache: bool = True
    max_listed: int = 10_000
    user_agent: str = USER_AGENT
    trust_env: bool = True

    @classmethod
    def from_env(cls, archive_url: str | None = None) -> WebOptions:
        """Defaults, with ``COMPARER_ARCHIVE_URL`` and ``COMPARER_CACHE_DIR`` applied.

        Args:
            archive_url: the ``--archive-url`` given on the command line; it wins over
                the environment.
        """
        options = cls()
        chosen = archive_url or os.environ.get(ARCHIVE_URL_VARIABLE, "").strip()
        if chosen:
            options = replace(options, archive_url=chosen)
        cache = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
        if cache:
            options = replace(options, cache_dir=Path(cache))
        return options

    @property
    def archive_base(self) -> str:
        """The archive's address without a trailing slash."""
        return self.archive_url.rstrip("/")

    def cache_folder(self) -> Path:
        """The folder the cache lives in (not created here)."""
        if self.cache_dir is not None:
            return self.cache_dir
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("comparer", appauthor=False)) / "web"
