"""The web package's error: one line for the user, and cancelling caught as any failure."""

from __future__ import annotations

import pytest

from comparer.web.errors import WebCancelled, WebError


def test_a_web_error_is_its_message() -> None:
    assert str(WebError("the archive did not answer within 20 s")) == (
        "the archive did not answer within 20 s"
    )


def test_cancelling_is_a_web_error_that_says_cancelled() -> None:
    # callers catch WebError alone, so a cancelled fetch must be one
    with pytest.raises(WebError, match="^cancelled$"):
        raise WebCancelled
