"""Quote extraction pauses the garbage collector only while it runs."""

from __future__ import annotations

import gc
import threading

import pytest

from comparer.core.model import Paragraph, Role
from comparer.core.quotes.extractor import _collector_paused, extract_quotes

TEXT = '"We will rebuild the bridge," Mayor Lena Ortiz said.'
PARAGRAPHS = [Paragraph(0, len(TEXT), Role.BODY)]


def test_collector_runs_again_after_extraction() -> None:
    assert gc.isenabled()
    assert extract_quotes(TEXT, PARAGRAPHS)[0].speaker == "Lena Ortiz"
    assert gc.isenabled()


def test_collector_left_off_when_the_caller_turned_it_off() -> None:
    gc.disable()
    try:
        extract_quotes(TEXT, PARAGRAPHS)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_runs_again_after_an_error() -> None:
    with pytest.raises(ValueError), _collector_paused():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()


def test_collector_left_running_for_other_threads_when_called_from_a_worker() -> None:
    seen: list[bool] = []

    def work() -> None:
        with _collector_paused():
            seen.append(gc.isenabled())

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert seen == [True]
    assert gc.isenabled()
