"""The window's actions, menus and toolbar: what can be done, by which keys, from where.

``MainActions`` makes every ``QAction`` with its text, shortcuts and tip, lays the menus
and the toolbar out, and enables what fits the story open; the window connects each
action to what it does (``bind``), so this module knows no view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from comparer.ui.legend import Legend
from comparer.ui.settings import Settings
from comparer.ui.toolbar_fit import ToolbarFitter


class MainActions(QObject):
    """The main window's actions, each an attribute (``open_action``, ``next_pair_action``…).

    Every action is added to the window, so its shortcuts work wherever the focus is.

    Signals:
        theme_chosen(str): "system", "light" or "dark" was picked in View ▸ Theme.
    """

    theme_chosen = Signal(str)

    def __init__(self, window: QMainWindow, reports: bool = True) -> None:
        """Make the actions of ``window``; ``reports``: whether Export and Print can work."""
        super().__init__(window)
        self._window = window
        self._build_actions(reports)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | list[QKeySequence] | None = None,
        tip: str = "",
        icon: str | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self._window)
        if icon is not None:
            action.setProperty("icon_name", icon)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        self._window.addAction(action)
        return action

    @staticmethod
    def bind(pairs: Iterable[tuple[QAction, Callable[..., object]]]) -> None:
        """Connect each action to what it does (a checkable one's slot gets its state)."""
        for action, slot in pairs:
            if action.isCheckable():
                action.toggled.connect(slot)
            else:
                action.triggered.connect(slot)

    def _build_actions(self, reports: bool) -> None:
        tr = self.tr
        self.open_action = self._action(
            tr("&Open…"),
            QKeySequence.StandardKey.Open,
            tr("Open two or more versions of an article"),
            "open",
        )
        self.web_action = self._action(
            tr("Open &Web Address…"),
            "Ctrl+Shift+O",
            tr("Read a page's history: its captures in the web archive and the live page"),
        )
        self.batch_action = self._action(
            tr("Open &Batch Results…"),
            None,
            tr("List the stories of a 'comparer batch' results folder, filter them, open one"),
        )
        self.sample_action = self._action(tr("Open the &Sample"))
        self.sample_story_action = self._action(tr("Open the Sample S&tory (10 Versions)"))
        self.close_action = self._action(tr("&Close Comparison"), QKeySequence.StandardKey.Close)
        self.export_action = self._action(
            tr("&Export…"),
            "Ctrl+E",
            tr("Export a report of the changes"),
            "export",
        )
        self.print_action = self._action(
            tr("&Print…"),
            QKeySequence.StandardKey.Print,
            tr("Print the comparison"),
            "print",
        )
        self.quit_action = self._action(tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.copy_action = self._action(tr("&Copy"), QKeySequence.StandardKey.Copy)
        self.copy_change_action = self._action(
            tr("Copy as &Before/After"),
            "Ctrl+Shift+C",
            tr("Copy the current change as “Before: … / After: …”"),
        )
        self.paste_action = self._action(
            tr("&Paste as New Version"),
            "Ctrl+Shift+V",
            tr("Add the clipboard's text or web page as the newest version"),
        )
        self.select_all_action = self._action(tr("Select &All"), QKeySequence.StandardKey.SelectAll)
        self.find_action = self._action(
            tr("&Find…"),
            QKeySequence.StandardKey.Find,
            tr("Find text in all versions"),
            "find",
        )
        self.find_next_action = self._action(tr("Find &Next"), QKeySequence.StandardKey.FindNext)
        self.find_previous_action = self._action(
            tr("Find Pre&vious"),
            QKeySequence.StandardKey.FindPrevious,
        )
        self.next_action = self._action(
            tr("&Next Change"),
            [QKeySequence("F7"), QKeySequence("Alt+Down")],
            tr("Next change"),
            "next",
        )
        self.previous_action = self._action(
            tr("&Previous Change"),
            [QKeySequence("Shift+F7"), QKeySequence("Alt+Up")],
            tr("Previous change"),
            "previous",
        )
        self.next_number_action = self._action(
            tr("Next N&umber Change"),
            [QKeySequence("F8"), QKeySequence("Alt+N")],
            tr("Next changed number"),
            "number",
        )
        self.previous_number_action = self._action(
            tr("Previous Nu&mber Change"),
            [QKeySequence("Shift+F8"), QKeySequence("Alt+Shift+N")],
            tr("Previous changed number"),
        )
        self.previous_pair_action = self._action(
            tr("P&revious Pair"),
            QKeySequence("Ctrl+PgUp"),
            tr("Read the pair of versions before this one"),
            "previous",
        )
        self.next_pair_action = self._action(
            tr("Ne&xt Pair"),
            QKeySequence("Ctrl+PgDown"),
            tr("Read the pair of versions after this one"),
            "next",
        )
        self.first_latest_action = self._action(
            tr("&First ↔ Latest"),
            QKeySequence("Ctrl+Shift+Home"),
            tr("Read the first version against the latest"),
        )
        self.choose_versions_action = self._action(
            tr("C&hoose Versions…"),
            QKeySequence("Ctrl+4"),
            tr("Pick any two versions in the timeline (Ctrl+click, or Shift with the arrows)"),
        )
        self.move_earlier_action = self._action(
            tr("Move Version &Earlier"),
            QKeySequence("Ctrl+Shift+Up"),
            tr("Put the version selected in the timeline one place earlier"),
        )
        self.move_later_action = self._action(
            tr("Move Version &Later"),
            QKeySequence("Ctrl+Shift+Down"),
            tr("Put the version selected in the timeline one place later"),
        )
        self.swap_action = self._action(
            tr("&Swap the Two Shown"),
            None,
            tr("Exchange the places of the two versions shown"),
        )
        self.date_order_action = self._action(
            tr("Put in &Date Order"),
            None,
            tr("Order the versions by the dates the articles carry"),
        )
        self.three_action = self._action(
            tr("Show &Three Versions"),
            None,
            tr("Show the version before the pair too"),
            checkable=True,
        )
        self.typography_action = self._action(
            tr("Ignore &Typography"),
            "Ctrl+Shift+T",
            tr("Hide changes of quote marks, dashes and ellipses"),
            "typography",
            checkable=True,
        )
        self.whitespace_action = self._action(
            tr("Ignore &Whitespace"),
            None,
            tr("Leave out changes of spacing (compares again)"),
            checkable=True,
        )
        self.case_action = self._action(
            tr("Ignore &Case"),
            None,
            tr("Leave out changes of letter case (compares again)"),
            checkable=True,
        )
        self.redline_action = self._action(
            tr("&Redline (One Pane)"),
            "Ctrl+Shift+R",
            tr("The pair as one text: deletions struck through, insertions underlined"),
            checkable=True,
        )
        self.markup_action = self._action(
            tr("Show Page &Markup in Full"),
            None,
            tr("Expand metadata and page-markup paragraphs"),
            checkable=True,
        )
        self.zoom_in_action = self._action(
            tr("Zoom &In"),
            [
                QKeySequence("Ctrl+="),
                QKeySequence("Ctrl++"),
                QKeySequence(QKeySequence.StandardKey.ZoomIn),
            ],
        )
        self.zoom_out_action = self._action(
            tr("Zoom &Out"),
            [QKeySequence("Ctrl+-"), QKeySequence(QKeySequence.StandardKey.ZoomOut)],
        )
        self.zoom_reset_action = self._action(tr("&Actual Size"), "Ctrl+0")
        self.focus_text_action = self._action(tr("Focus the &Text"), "Ctrl+1")
        self.focus_changes_action = self._action(tr("Focus the Changes &List"), "Ctrl+2")
        self.focus_speakers_action = self._action(tr("Focus the &Speakers List"), "Ctrl+3")
        self.show_all_action = self._action(
            tr("Show All &Paragraphs"),
            None,
            tr("Lift the speaker filter"),
        )
        self.show_all_action.setEnabled(False)
        self.theme_group = QActionGroup(self._window)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in (
            ("system", tr("Follow &System")),
            ("light", tr("&Light")),
            ("dark", tr("&Dark")),
        ):
            action = QAction(label, self._window, checkable=True)
            action.triggered.connect(lambda _=False, k=key: self.theme_chosen.emit(k))
            self.theme_group.addAction(action)
            self.theme_actions[key] = action
        self.about_action = self._action(tr("&About Comparer"))
        if not reports:
            for action in (self.export_action, self.print_action):
                action.setEnabled(False)
                action.setToolTip(self.tr("Reports are not available in this build"))

    def build_menus(self, changes_dock: QDockWidget, story_dock: QDockWidget) -> None:
        """Fill the window's menu bar; the docks give their show/hide toggles."""
        bar = self._window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.web_action)
        file_menu.addAction(self.batch_action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self._window)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.sample_action)
        file_menu.addAction(self.sample_story_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu(self.tr("&Edit"))
        for action in (self.copy_action, self.copy_change_action, self.select_all_action):
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(self.paste_action)
        edit.addSeparator()
        for action in (self.find_action, self.find_next_action, self.find_previous_action):
            edit.addAction(action)
        story = bar.addMenu(self.tr("&Story"))
        for action in (
            self.previous_pair_action,
            self.next_pair_action,
            self.first_latest_action,
            self.choose_versions_action,
        ):
            story.addAction(action)
        story.addSeparator()
        for action in (
            self.move_earlier_action,
            self.move_later_action,
            self.swap_action,
            self.date_order_action,
        ):
            story.addAction(action)
        story.addSeparator()
        story.addAction(self.three_action)
        story_toggle = story_dock.toggleViewAction()
        story_toggle.setText(self.tr("Show the Story &Panel"))
        story.addAction(story_toggle)
        self.story_menu = story
        view = bar.addMenu(self.tr("&View"))
        for action in (
            self.next_action,
            self.previous_action,
            self.next_number_action,
            self.previous_number_action,
        ):
            view.addAction(action)
        view.addSeparator()
        for action in (
            self.redline_action,
            self.typography_action,
            self.whitespace_action,
            self.case_action,
            self.markup_action,
        ):
            view.addAction(action)
        view.addSeparator()
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view.addAction(action)
        view.addSeparator()
        theme_menu = view.addMenu(self.tr("T&heme"))
        for action in self.theme_actions.values():
            theme_menu.addAction(action)
        view.addSeparator()
        toggle = changes_dock.toggleViewAction()
        toggle.setText(self.tr("Show Changes &Panel"))
        view.addAction(toggle)
        view.addAction(self.show_all_action)
        view.addAction(self.focus_text_action)
        view.addAction(self.focus_changes_action)
        view.addAction(self.focus_speakers_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def build_toolbar(self, legend: Legend) -> QToolBar:
        """Add the main toolbar to the window, with the key (``legend``) at its right end."""
        window = self._window
        tb = QToolBar(self.tr("Main toolbar"), window)
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setAccessibleName(self.tr("Main toolbar"))
        window.addToolBar(tb)
        tb.addAction(self.open_action)
        tb.addSeparator()
        tb.addAction(self.previous_action)
        tb.addAction(self.next_action)
        tb.addAction(self.next_number_action)
        tb.addSeparator()
        self.pair_label = QLabel(window)
        self.pair_label.setAccessibleName(self.tr("Versions shown"))
        self.pair_label.setToolTip(self.tr("The two versions shown, among all of the story's"))
        # the toolbar's own pair buttons, hidden for two versions (the menu's stay listed)
        self.pair_actions: list[QAction] = []
        for action in (self.previous_pair_action, None, self.next_pair_action):
            if action is None:
                self.pair_actions.append(tb.addWidget(self.pair_label))
                continue
            proxy = QAction("◀" if action is self.previous_pair_action else "▶", window)
            proxy.setToolTip(action.toolTip())
            proxy.triggered.connect(action.trigger)
            action.changed.connect(lambda a=action, p=proxy: p.setEnabled(a.isEnabled()))
            tb.addAction(proxy)
            self.pair_actions.append(proxy)
        self.pair_actions.append(tb.addSeparator())
        tb.addAction(self.typography_action)
        tb.addSeparator()
        tb.addAction(self.find_action)
        tb.addAction(self.export_action)
        spacer = QWidget(window)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.legend_action = tb.addWidget(legend)
        tb.addWidget(QLabel("  ", window))
        for action in tb.actions():
            widget = tb.widgetForAction(action)
            if widget is not None and not widget.accessibleName():
                widget.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        self.toolbar = tb
        self.toolbar_fitter = ToolbarFitter(tb, legend)
        return tb

    # ------------------------------------------------------------------ following the story
    def follow_versions(self, has: bool, compared: bool, reports: bool) -> None:
        """Enable what needs a version open (``has``) or two compared (``compared``)."""
        for action in (
            self.next_action,
            self.previous_action,
            self.next_number_action,
            self.previous_number_action,
            self.copy_change_action,
        ):
            action.setEnabled(compared)
        for action in (self.find_action, self.close_action, self.select_all_action):
            action.setEnabled(has)
        for action in (self.export_action, self.print_action):
            action.setEnabled(compared and reports)
        self.legend_action.setVisible(compared)

    def follow_pair(
        self, count: int, pair: tuple[int, int], shown: Iterable[int], misordered: bool
    ) -> None:
        """Say which versions are shown and enable the story's steps that lead somewhere.

        Args:
            count: how many versions the story has.
            pair: the two shown (story indices).
            shown: every version shown (three when the one before the pair is too).
            misordered: whether the order contradicts the articles' own dates.
        """
        n = count
        self.pair_label.setText(
            "  " + " ↔ ".join(f"v{i + 1}" for i in shown) + self.tr(" of {0}  ").format(n)
            if n >= 2
            else ""
        )
        a, b = pair
        self.previous_pair_action.setEnabled(n >= 3 and (a > 0 or b - a > 1))
        self.next_pair_action.setEnabled(n >= 3 and (b < n - 1 or b - a > 1))
        self.first_latest_action.setEnabled(n >= 3 and (a, b) != (0, n - 1))
        for action in (self.move_earlier_action, self.move_later_action, self.swap_action):
            action.setEnabled(n >= 2)
        self.date_order_action.setEnabled(n >= 2 and misordered)
        self.three_action.setEnabled(n >= 3)
        for action in self.pair_actions:
            action.setVisible(n >= 3)

    # ------------------------------------------------------------------ settings
    def restore(self, settings: Settings, theme: str) -> None:
        """Check the options as the settings have them, without acting on them."""
        for action, value in (
            (self.typography_action, settings.ignore_typography),
            (self.whitespace_action, settings.ignore_whitespace),
            (self.case_action, settings.ignore_case),
            (self.markup_action, settings.show_markup),
        ):
            action.blockSignals(True)
            action.setChecked(value)
            action.blockSignals(False)
        self.theme_actions[theme].setChecked(True)

    def save(self, settings: Settings) -> None:
        """Write the options' states to ``settings``."""
        settings.ignore_typography = self.typography_action.isChecked()
        settings.ignore_whitespace = self.whitespace_action.isChecked()
        settings.ignore_case = self.case_action.isChecked()
        settings.show_markup = self.markup_action.isChecked()
