"""The window's actions, menus and toolbar, on a bare window: keys, menus, what is enabled."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from comparer.ui.legend import Legend
from comparer.ui.main_actions import MainActions
from comparer.ui.settings import Settings
from comparer.ui.theme import Theme


@pytest.fixture
def bare(qtbot) -> tuple[QMainWindow, MainActions]:
    """A plain window with the actions, menus and toolbar (nothing connected)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = MainActions(window)
    changes, story = QDockWidget("Changes", window), QDockWidget("Story", window)
    actions.build_menus(changes, story)
    actions.build_toolbar(Legend(Theme.light(), window))
    return window, actions


def _menus(window: QMainWindow) -> dict[str, list[str]]:
    return {
        menu.title().replace("&", ""): [
            a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()
        ]
        for menu in (a.menu() for a in window.menuBar().actions())
    }


def test_the_menus_list_every_action_in_its_place(bare) -> None:
    window, _actions = bare
    menus = _menus(window)
    assert list(menus) == ["File", "Edit", "Story", "View", "Help"]
    assert menus["File"][:3] == ["Open…", "Open Web Address…", "Open Batch Results…"]
    assert "Open Recent" in menus["File"] and menus["File"][-1] == "Quit"
    assert menus["Story"][:4] == [
        "Previous Pair",
        "Next Pair",
        "First ↔ Latest",
        "Choose Versions…",
    ]
    assert "Show the Story Panel" in menus["Story"]
    assert "Show Changes Panel" in menus["View"] and "Theme" in menus["View"]
    assert menus["Help"] == ["About Comparer"]


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("open_action", QKeySequence.StandardKey.Open),
        ("next_action", "F7"),
        ("previous_action", "Shift+F7"),
        ("next_number_action", "F8"),
        ("next_pair_action", "Ctrl+PgDown"),
        ("previous_pair_action", "Ctrl+PgUp"),
        ("first_latest_action", "Ctrl+Shift+Home"),
        ("paste_action", "Ctrl+Shift+V"),
        ("redline_action", "Ctrl+Shift+R"),
        ("focus_changes_action", "Ctrl+2"),
    ],
)
def test_shortcuts_follow_desktop_conventions_and_tips_name_them(bare, name, keys) -> None:
    window, actions = bare
    action = getattr(actions, name)
    if isinstance(keys, QKeySequence.StandardKey):
        keys = QKeySequence(keys).toString()  # the platform's own (Ctrl+O here)
    assert action.shortcut().toString() == keys
    assert action in window.actions()  # the shortcut works wherever the focus is
    if action.statusTip():
        assert action.toolTip().endswith(
            f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        )


def test_bound_actions_run_their_slot_and_checkable_ones_get_the_state(bare) -> None:
    _window, actions = bare
    calls: list[object] = []
    actions.bind(
        [
            (actions.open_action, lambda: calls.append("open")),
            (actions.redline_action, lambda on: calls.append(("redline", on))),
        ]
    )
    actions.open_action.trigger()
    actions.redline_action.trigger()
    assert calls == ["open", ("redline", True)]


def test_the_story_steps_are_enabled_only_where_they_lead(bare) -> None:
    _window, actions = bare
    actions.follow_pair(2, (0, 1), (0, 1), misordered=False)
    assert not actions.next_pair_action.isEnabled() and not actions.three_action.isEnabled()
    assert actions.swap_action.isEnabled() and not actions.date_order_action.isEnabled()
    assert not any(a.isVisible() for a in actions.pair_actions)  # toolbar pair buttons
    actions.follow_pair(5, (3, 4), (3, 4), misordered=True)
    assert actions.previous_pair_action.isEnabled() and not actions.next_pair_action.isEnabled()
    assert actions.first_latest_action.isEnabled() and actions.date_order_action.isEnabled()
    assert actions.pair_label.text().strip() == "v4 ↔ v5 of 5"
    actions.follow_pair(5, (0, 4), (0, 4), misordered=False)
    assert not actions.first_latest_action.isEnabled()


def test_what_needs_a_comparison_waits_for_one(bare) -> None:
    _window, actions = bare
    actions.follow_versions(has=True, compared=False, reports=True)
    assert actions.find_action.isEnabled() and not actions.next_action.isEnabled()
    assert not actions.export_action.isEnabled()
    actions.follow_versions(has=True, compared=True, reports=False)
    assert actions.next_action.isEnabled() and not actions.print_action.isEnabled()


def test_without_reports_export_and_print_say_why(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = MainActions(window, reports=False)
    assert not actions.export_action.isEnabled()
    assert actions.print_action.toolTip() == "Reports are not available in this build"


def test_options_and_theme_are_restored_and_saved_without_acting(bare) -> None:
    _window, actions = bare
    settings = Settings()
    settings.ignore_case = True
    toggled: list[bool] = []
    actions.case_action.toggled.connect(toggled.append)
    actions.restore(settings, "dark")
    assert actions.case_action.isChecked() and toggled == []
    assert actions.theme_actions["dark"].isChecked()
    actions.markup_action.setChecked(True)
    actions.save(settings)
    assert settings.show_markup and settings.ignore_case


def test_picking_a_theme_says_which(qtbot, bare) -> None:
    _window, actions = bare
    with qtbot.waitSignal(actions.theme_chosen) as blocker:
        actions.theme_actions["light"].trigger()
    assert blocker.args == ["light"]
