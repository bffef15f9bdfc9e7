"""The web options: safe defaults, the environment, and the command line winning over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparer.web.options import (
    ARCHIVE_URL_VARIABLE,
    CACHE_DIR_VARIABLE,
    DEFAULT_ARCHIVE_URL,
    WebOptions,
)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv(ARCHIVE_URL_VARIABLE, raising=False)
    monkeypatch.delenv(CACHE_DIR_VARIABLE, raising=False)
    return monkeypatch


def test_without_settings_the_wayback_machine_and_the_users_cache(
    clean_env: pytest.MonkeyPatch,
) -> None:
    options = WebOptions.from_env()
    assert options.archive_url == DEFAULT_ARCHIVE_URL
    assert options.cache_dir is None
    assert options.cache_folder().name == "web"


def test_the_environment_sets_the_archive_and_the_cache(
    clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clean_env.setenv(ARCHIVE_URL_VARIABLE, " http://127.0.0.1:9/ ")
    clean_env.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    options = WebOptions.from_env()
    assert options.archive_url == "http://127.0.0.1:9/"
    assert options.archive_base == "http://127.0.0.1:9"
    assert options.cache_folder() == tmp_path / "cache"
    assert not (tmp_path / "cache").exists()  # only named, never created here


def test_the_archive_given_on_the_command_line_wins(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(ARCHIVE_URL_VARIABLE, "http://127.0.0.1:9")
    assert WebOptions.from_env("http://127.0.0.1:10").archive_url == "http://127.0.0.1:10"


def test_blank_variables_are_ignored(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(ARCHIVE_URL_VARIABLE, "  ")
    clean_env.setenv(CACHE_DIR_VARIABLE, "")
    assert WebOptions.from_env() == WebOptions()
