"""Both themes: every text colour reaches WCAG AA contrast on what it is drawn on."""

from __future__ import annotations

from dataclasses import fields

import pytest

from comparer.ui.main_window import MainWindow
from comparer.ui.theme import TEXT_ON_BACKGROUND, Theme, background
from tests.ui.conftest import LOAD_TIMEOUT_MS

THEMES = [pytest.param(Theme.light(), id="light"), pytest.param(Theme.dark_theme(), id="dark")]


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of a "#RRGGBB" colour."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2's contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_gives_wcag_s_reference_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(("text", "under"), TEXT_ON_BACKGROUND)
def test_every_text_colour_reaches_4_5_to_1(theme: Theme, text: str, under: str) -> None:
    ratio = contrast(getattr(theme, text), background(theme, under))
    assert ratio >= 4.5, f"{text} on {under}: {ratio:.2f}:1"


def test_every_text_colour_of_the_theme_is_checked() -> None:
    text_colours = {
        f.name
        for f in fields(Theme)
        if f.name.endswith("text") or f.name.startswith("badge_")
    }
    text_colours |= {"deleted", "added", "quote"}
    assert text_colours <= {text for text, _ in TEXT_ON_BACKGROUND}


def test_a_badge_pill_is_its_colour_faintly_over_the_base() -> None:
    theme = Theme.light()
    pill = background(theme, "badge_new:pill")
    assert pill not in (theme.base, theme.badge_new)
    assert contrast(pill, theme.base) < 1.5


def test_pane_titles_follow_the_theme_both_ways(qtbot, sample) -> None:
    window = MainWindow(persist=False, find_quotes=False)
    qtbot.addWidget(window)
    window.set_theme_choice("dark")  # as `COMPARER_THEME=dark comparer` does, before showing
    window.show()
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(sample[:2])
    qtbot.wait(10)  # the application palette's change reaches the widgets
    for choice, theme in (("", Theme.dark_theme()), ("light", Theme.light())):
        if choice:
            window.set_theme_choice(choice)
            qtbot.wait(10)
        for title in window.view.header.titles():
            shown = title.name.palette().windowText().color().name().upper()
            assert shown == theme.text
            assert title.date.palette().windowText().color().name().upper() == theme.dim_text
            assert contrast(shown, theme.panel) >= 4.5
