"""The reader window: it builds the views and the parts below and wires them together.

The parts each live in a module of their own: the actions, menus and toolbar
(``MainActions``), opening versions and the comparison task (``StoryOpener``), drops
(``DropHandler``), Find (``FindNavigator``), the clipboard (``ChangeCopier``), reports
(``ReportExporter``), the status bar (``StatusBar``), the story pane (``StoryPane``) and the
versions' order (``StoryOrder``). The window reacts to what they and the reader state
report, and keeps the settings, the theme and zoom.
"""

from __future__ import annotations

import os

from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from comparer.core.history import StoryHistory
from comparer.core.model import CompareOptions, Version
from comparer.ui.change_copier import ChangeCopier
from comparer.ui.changes_panel import ChangesPanel
from comparer.ui.compare_task import TaskResult
from comparer.ui.compare_view import CompareView
from comparer.ui.document_model import DocumentModel
from comparer.ui.drop_handler import DropHandler
from comparer.ui.drop_overlay import DropOverlay
from comparer.ui.empty_state import EmptyState
from comparer.ui.find_bar import FindBar
from comparer.ui.find_navigator import FindNavigator
from comparer.ui.icons import themed_icon
from comparer.ui.legend import Legend
from comparer.ui.main_actions import MainActions
from comparer.ui.message_bar import MessageBar
from comparer.ui.overview_strip import OverviewStrip
from comparer.ui.progress_panel import ProgressPanel
from comparer.ui.reader_state import CURRENT, PAIR, STORY, Cursor, ReaderState
from comparer.ui.redline_view import RedlineView
from comparer.ui.report_exporter import ReportExporter
from comparer.ui.settings import ZOOM_DEFAULT, Settings
from comparer.ui.speakers_model import SPEAKER_ROLE
from comparer.ui.speakers_panel import FAILED, FINDING, FOUND
from comparer.ui.status_bar import StatusBar
from comparer.ui.story_loader import StoryLoader
from comparer.ui.story_opener import StoryOpener
from comparer.ui.story_order import StoryOrder
from comparer.ui.story_pane import StoryPane
from comparer.ui.theme import apply_palette, resolve_theme
from comparer.ui.zoom import text_scale, zoom_widgets

CLOSE_WAIT_MS = 10_000  # the longest a closing window waits for its background work
FOLLOW_WAIT_MS = 500  # the longest the story's background work waits for its first paint


class MainWindow(QMainWindow):
    """The application window.

    Signals:
        comparison_ready(): a load or comparison finished and its first pair is shown.
        speakers_ready(): the people quoted were found (after ``comparison_ready``).
        history_ready(): more of the story's history is known (figures, lineages, speakers).
        pair_ready(): a pair compared on demand is shown.
        place_shown(): a place asked for from the history (a figure's step) is shown.
    """

    comparison_ready = Signal()
    speakers_ready = Signal()
    history_ready = Signal()
    pair_ready = Signal()
    place_shown = Signal()

    def __init__(
        self, settings: Settings | None = None, persist: bool = True, find_quotes: bool = True
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.persist = persist
        self.find_quotes = find_quotes
        self._theme_choice = self.settings.theme
        self.theme = resolve_theme(self._theme_choice)
        self.versions: list[Version] = []  # the story's versions, in reading order
        self.state = ReaderState()
        self.loader = StoryLoader(self.state, find_quotes, self)
        self._busy = False
        self._follow_pending = False  # the story's background work awaits the first paint
        self._was_compared = True
        self.web_options: object | None = None  # comparer.web's WebOptions; None: defaults
        self.setWindowTitle(self.tr("Comparer"))
        self.setMinimumSize(640, 420)
        self._build_widgets()
        self.reports = ReportExporter(
            self, self.view, self.state, self.settings, self.message_bar, self.show_note
        )
        self.copier = ChangeCopier(self.view, self.panel, self.find_bar.field, self.show_note)
        self.commands = MainActions(self, ReportExporter.available())
        self.commands.build_menus(self.dock, self.story_dock)
        self.toolbar = self.commands.build_toolbar(self.legend)
        self._bind_actions()
        self._apply_settings()
        self._apply_theme()
        self._update_state()
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_system_scheme)

    # ------------------------------------------------------------------ building
    def _build_widgets(self) -> None:
        self.message_bar = MessageBar(self.theme, self)
        self.opener = StoryOpener(
            self, self.loader, self.settings, self.message_bar, self._options, lambda: self.versions
        )
        self.opener.started.connect(lambda: self._set_busy(True, self.tr("Reading…")))
        self.opener.progress.connect(self._on_progress)
        self.opener.finished.connect(self._on_task_finished)
        self.view = CompareView(self.theme, self)
        self.view.bind(self.state)
        self.strip = OverviewStrip(self.view, self.theme, self)
        self.empty_state = EmptyState(self.theme, self)
        self.find_bar = FindBar(self)
        self.finder = FindNavigator(self.view, self.find_bar, self.state)
        compare_page = QWidget(self)
        row = QHBoxLayout(compare_page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.view, 1)
        row.addWidget(self.strip)
        self.redline = RedlineView(self.theme, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(compare_page)
        self.stack.addWidget(self.redline)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        column.addWidget(self.stack, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)
        # While versions are read and compared: a card with Cancel over the main area.
        self.progress_panel = ProgressPanel(self.theme, self.stack)
        self.progress_panel.cancelled.connect(self.cancel_work)
        # While files are dragged over the window: where they will land.
        self.drop_overlay = DropOverlay(self.theme, central)
        self.drops = DropHandler(
            self, self.view, self.stack, self.drop_overlay, self.opener, lambda: self.versions
        )

        self.panel = ChangesPanel(self.view, self.theme, self)
        self.dock = self._dock(self.tr("Changes"), "changesDock", self.panel, right=True)
        self.story_pane = StoryPane(self.state, self.theme, self)
        self.story_dock = self._dock(self.tr("Story"), "storyDock", self.story_pane, right=False)
        self.story_dock.hide()
        self.order = StoryOrder(self.state, self.message_bar, self.story_pane.timeline)
        self.order.reordered.connect(self._update_story_dock)
        self.order.reordered.connect(self._update_state)
        self._story_shown_for = 0  # versions count the dock was last shown or hidden for
        self.story_pane.history_panel.place_requested.connect(self.go_to_place)
        self.state.subscribe(self._on_state)
        self.loader.model_ready.connect(self._on_model_ready)
        self.loader.working.connect(self._on_working)
        self.loader.history_ready.connect(self._on_history)
        self.loader.failed.connect(lambda text: self.message_bar.show_message(text, "error"))

        self.legend = Legend(self.theme, self)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)

        self.empty_state.open_requested.connect(self.opener.open_dialog)
        self.empty_state.sample_requested.connect(self.opener.open_sample)
        self.empty_state.paste_requested.connect(self.opener.paste_version)
        self.empty_state.recent_requested.connect(self.opener.open_files)
        self.strip.stop_clicked.connect(self.view.set_current_stop)
        self.panel.stop_activated.connect(self.view.set_current_stop)
        self.view.current_stop_changed.connect(self._on_stop_changed)
        self.view.selection_changed.connect(self._on_cursor_moved)
        self.view.row_filter_changed.connect(self._on_row_filter_changed)
        self.view.quote_highlight_changed.connect(self._on_quote_highlight_changed)
        self.status.show_all_button.clicked.connect(lambda: self.view.set_row_filter(None))

    def _dock(self, title: str, name: str, widget: QWidget, right: bool) -> QDockWidget:
        """A side dock for ``widget``, closable and movable, with no title bar of its own."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.setTitleBarWidget(QWidget(dock))
        area = (
            Qt.DockWidgetArea.RightDockWidgetArea if right else Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.addDockWidget(area, dock)
        self.resizeDocks([dock], [300 if right else 270], Qt.Orientation.Horizontal)
        return dock

    def _bind_actions(self) -> None:
        """Connect each action of the menus and toolbar to what it does."""
        c = self.commands
        c.bind(
            [
                (c.open_action, self.opener.open_dialog),
                (c.web_action, self.opener.open_web_address),
                (c.batch_action, self.opener.open_batch_results),
                (c.sample_action, self.opener.open_sample),
                (c.sample_story_action, self.opener.open_sample_story),
                (c.close_action, self.close_comparison),
                (c.export_action, self.reports.export_report),
                (c.print_action, self.reports.print_report),
                (c.quit_action, self.close),
                (c.copy_action, self.copier.copy),
                (c.copy_change_action, self.copier.copy_before_after),
                (c.paste_action, self.opener.paste_version),
                (c.select_all_action, self.view.select_all),
                (c.find_action, self.find_bar.open_bar),
                (c.find_next_action, lambda: self.finder.step(True)),
                (c.find_previous_action, lambda: self.finder.step(False)),
                (c.next_action, lambda: self.go_change(True)),
                (c.previous_action, lambda: self.go_change(False)),
                (c.next_number_action, lambda: self.go_change(True, numeric=True)),
                (c.previous_number_action, lambda: self.go_change(False, numeric=True)),
                (c.previous_pair_action, lambda: self.step_pair(False)),
                (c.next_pair_action, lambda: self.step_pair(True)),
                (c.first_latest_action, self.state.first_and_latest),
                (c.choose_versions_action, self._focus_timeline),
                (c.move_earlier_action, lambda: self.order.move_version(-1)),
                (c.move_later_action, lambda: self.order.move_version(1)),
                (c.swap_action, self.order.swap_shown),
                (c.date_order_action, self.order.put_in_date_order),
                (c.three_action, self.state.set_three),
                (c.typography_action, self.set_ignore_typography),
                (c.whitespace_action, self._on_compare_option),
                (c.case_action, self._on_compare_option),
                (c.redline_action, self.set_redline),
                (c.markup_action, self.set_show_markup),
                (c.zoom_in_action, lambda: self.set_zoom(self.view.zoom() + 10)),
                (c.zoom_out_action, lambda: self.set_zoom(self.view.zoom() - 10)),
                (c.zoom_reset_action, lambda: self.set_zoom(ZOOM_DEFAULT)),
                (c.focus_text_action, lambda: self.view.setFocus()),
                (c.focus_changes_action, self._focus_changes),
                (c.focus_speakers_action, self._focus_speakers),
                (c.show_all_action, lambda: self.view.set_row_filter(None)),
                (c.about_action, self.show_about),
            ]
        )
        c.theme_chosen.connect(self.set_theme_choice)
        c.recent_menu.aboutToShow.connect(lambda: self.opener.fill_recent_menu(c.recent_menu))

    # ------------------------------------------------------------------ settings, theme
    def _apply_settings(self) -> None:
        s = self.settings
        if not s.geometry.isEmpty():
            self.restoreGeometry(s.geometry)
        else:
            self.resize(1320, 860)
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)
        self.commands.restore(s, self._theme_choice)
        self.view.set_ignore_typography(s.ignore_typography)
        self.legend.set_ignore_typography(s.ignore_typography)
        self.view.set_show_markup(s.show_markup)
        # The sidebar keeps the width the user gave it; a first start sizes it to the text.
        self._zoom_chrome(s.zoom, resize_dock=s.window_state.isEmpty())
        self.view.set_zoom(s.zoom)
        self.empty_state.set_recent(s.recent_files)

    def save_settings(self) -> None:
        """Remember geometry, options, theme and zoom."""
        if not self.persist:
            return
        s = self.settings
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        self.commands.save(s)
        s.theme = self._theme_choice
        s.zoom = self.view.zoom()
        s.sync()

    def set_theme_choice(self, choice: str) -> None:
        """Use the "system", "light" or "dark" theme."""
        self._theme_choice = choice
        self.commands.theme_actions[choice].setChecked(True)
        self.theme = resolve_theme(choice)
        self._apply_theme()
        if self.persist:
            self.settings.theme = choice

    def _on_system_scheme(self, _scheme: object) -> None:
        if self._theme_choice == "system":
            self.set_theme_choice("system")

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, self.theme)
        for widget in (
            self.view,
            self.strip,
            self.empty_state,
            self.message_bar,
            self.panel,
            self.legend,
            self.story_pane,
            self.redline,
            self.progress_panel,
            self.drop_overlay,
        ):
            widget.set_theme(self.theme)
        self.view.header.set_theme(self.theme)
        for action in self.findChildren(QAction):
            name = action.property("icon_name")
            if name:
                action.setIcon(themed_icon(str(name), self.theme.text))

    # ------------------------------------------------------------------ opening
    def close_comparison(self) -> None:
        """Go back to the empty start screen."""
        self.opener.stop(forget=True)
        self.versions = []
        self.state.set_story(None)
        self.view.set_model(None)
        self.panel.refresh()
        self.message_bar.hide()
        self._set_busy(False)
        self.empty_state.set_recent(self.settings.recent_files)
        self._update_state()

    def _options(self) -> CompareOptions:
        return CompareOptions(
            ignore_case=self.commands.case_action.isChecked(),
            ignore_whitespace=self.commands.whitespace_action.isChecked(),
        )

    def is_busy(self) -> bool:
        """Whether a load or comparison is running."""
        return self._busy

    def _set_busy(self, busy: bool, text: str = "") -> None:
        was_busy, self._busy = self._busy, busy
        self.status.set_busy(busy, text)
        if busy:
            if not was_busy:
                self.progress_panel.start(self.opener.title())
            self.progress_panel.set_step(text)
        else:
            self.progress_panel.stop()

    def _on_progress(self, text: str) -> None:
        self.status.set_step(text)
        self.progress_panel.set_step(text)

    def cancel_work(self) -> None:
        """Stop reading and comparing; what was shown before stays."""
        self.opener.stop()
        self._set_busy(False)
        self.show_note(self.tr("Cancelled"))
        self._update_state()

    def _on_task_finished(self, result: TaskResult) -> None:
        self._set_busy(False)
        self.versions = list(result.versions)
        self.order.by_date = result.by_date
        self.order.rearranged = False
        story = result.story
        if story is not None and len(story) >= 2:
            self.loader.begin(self.opener.generation, story, result.model)
            self.state.set_story(story, result.pair)
        else:
            self.state.set_story(story)
            self.view.set_model(result.model)
        seek_quotes = self.find_quotes and story is not None and len(story) >= 2
        self.panel.speakers.set_state(FINDING if seek_quotes else FOUND)
        self.panel.refresh()
        if result.errors and result.model is not None and len(self.versions) >= 2:
            # the story opens without what could not be read: say so, and how it is
            # numbered now, and still warn of an order against the dates
            self.order.warn(
                "\n".join(result.errors)
                + "\n"
                + self.tr(
                    "Left out: the {0} versions that could be read are shown, numbered v1 to v{0}."
                ).format(len(self.versions))
            )
        elif result.errors:
            self.message_bar.show_message("\n".join(result.errors), "error")
        elif len(self.versions) == 1:
            self.message_bar.show_message(
                self.tr("Showing one version. Add a newer one to see what changed."),
                "info",
                self.tr("Open…"),
                self.opener.open_dialog,
            )
        else:
            self.order.warn()
        paths = [v.path for v in self.versions if v.path and os.path.isfile(v.path)]
        if len(paths) >= 2 and self.persist:
            self.settings.add_recent(paths)
        self._update_state()
        self.finder.search_again()
        self.comparison_ready.emit()

    # ------------------------------------------------------------------ the story
    def _on_history(self, history: StoryHistory | None) -> None:
        if history is None:
            self.panel.speakers.set_state(FAILED)
            return
        if history.quotes:
            if self.view.model is not None:
                self._show_quotes(self.view.model)
            self.panel.speakers.set_state(FOUND)
            self.panel.refresh()
            self.speakers_ready.emit()
        self.history_ready.emit()

    def _show_quotes(self, model: DocumentModel) -> None:
        """Mark the quotes found in the panes, once they are known."""
        quoted = self.loader.with_quotes(model)
        if quoted is not None:
            self.view.update_model(quoted)

    def _on_working(self, text: str) -> None:
        self._set_busy(bool(text), text)

    def _follow_after_paint(self) -> None:
        """Work the story out in the background once the pair shown is painted.

        Started at once, the background comparisons would share the interpreter with the
        first paint of a story of many versions and hold it back; a window not on screen
        starts them at once, and one whose pair is slow to come after ``FOLLOW_WAIT_MS``.
        """
        if not self.isVisible():
            self.loader.follow_story()
            return
        self._follow_pending = True
        QTimer.singleShot(FOLLOW_WAIT_MS, self._follow)

    def _follow(self) -> None:
        if self._follow_pending:
            self._follow_pending = False
            self.loader.follow_story()

    def _on_model_ready(self, model: DocumentModel) -> None:
        if self._follow_pending:
            self.view.painted.connect(self._follow, type=Qt.ConnectionType.SingleShotConnection)
        first = self.view.model is not model
        if first:
            self.view.set_model(model)
            self._show_quotes(model)
            self.panel.refresh()
        self.status.show_summary(self.view.model, self.state.count)
        self._update_pair_label()
        self._update_position()
        self._refresh_redline()
        self.finder.search_again()
        self.pair_ready.emit()

    def _on_state(self, changed: frozenset[str]) -> None:
        if STORY in changed:
            story = self.state.story
            self.versions = list(story.versions) if story is not None else []
            self._follow_after_paint()
            self._update_story_dock()
        if PAIR in changed or STORY in changed:
            self.loader.show_shown()
        if CURRENT in changed or PAIR in changed or STORY in changed:
            self._update_position()

    def _update_story_dock(self) -> None:
        n = self.state.count
        if n != self._story_shown_for and (n >= 3) != (self._story_shown_for >= 3):
            self.story_dock.setVisible(n >= 3)
        self._story_shown_for = n
        self.story_pane.show_order(
            n,
            self.order.in_date_order(),
            self.order.rearranged,
            undated=self.order.undated(),
            saved=self.order.by_saved_times(),
        )

    def _update_pair_label(self) -> None:
        self.commands.follow_pair(
            self.state.count,
            self.state.pair,
            self.state.shown,
            self.order.misordered(),
        )

    def step_pair(self, forward: bool) -> None:
        """Show the next (or previous) pair of versions."""
        if not self.state.step_pair(forward):
            self.show_note(
                self.tr("This is the latest pair")
                if forward
                else self.tr("This is the first pair"),
                3000,
            )

    def go_to_place(self, a: int, b: int, at: int, offset: int) -> None:
        """Show versions ``a`` and ``b`` and go to ``offset`` of version ``at`` there."""
        self.state.show_pair(a, b)
        self._go_when_shown(at, offset)

    def _go_when_shown(self, at: int, offset: int, tries: int = 0) -> None:
        model = self.view.model
        if model is None or at not in model.numbers:
            if tries < 200 and self.state.story is not None:
                QTimer.singleShot(25, lambda: self._go_when_shown(at, offset, tries + 1))
            return
        column = model.numbers.index(at)
        found = self.view.stop_at(column, offset)
        if found >= 0:
            self.view.set_current_stop(found)
        else:
            self.view.scroll_to_offset(column, offset)
        self.state.set_cursor(Cursor(at, offset))
        self.place_shown.emit()

    def _focus_timeline(self) -> None:
        self.story_dock.show()
        self.story_pane.timeline.setFocus()

    def show_note(self, text: str, ms: int = 3000) -> None:
        """A passing message in the status bar, beside (never over) the summary."""
        self.status.show_note(text, ms)

    def _update_position(self) -> None:
        self.status.show_position(self.view.current_stop(), len(self.view.stops))

    def event(self, event: QEvent) -> bool:  # noqa: D102
        if event.type() == QEvent.Type.StatusTip:
            return True  # hovering a button or menu never covers the summary
        return super().event(event)

    # ------------------------------------------------------------------ state
    def _update_state(self) -> None:
        has = bool(self.versions)
        compared = len(self.versions) >= 2
        redline = compared and self.commands.redline_action.isChecked()
        self.stack.setCurrentIndex((2 if redline else 1) if has else 0)
        self._refresh_redline()
        self.strip.setVisible(compared)
        if compared != self._was_compared:
            self.dock.setVisible(compared)
            self._was_compared = compared
        self.commands.follow_versions(has, compared, ReportExporter.available())
        if has:
            names = " → ".join(v.name for v in self.versions)
            title = next((v.title for v in reversed(self.versions) if v.title), None)
            label = title or names
            self.setWindowTitle(
                self.tr("{0} ({1} versions) — Comparer").format(label, len(self.versions))
                if compared
                else self.tr("{0} — Comparer").format(label)
            )
        else:
            self.setWindowTitle(self.tr("Comparer"))
        self.status.show_summary(self.view.model, self.state.count)

    # ------------------------------------------------------------------ navigation
    def go_change(self, forward: bool, numeric: bool = False) -> None:
        """Go to the next or previous change (or changed number)."""
        if not self.view.step(forward, numeric):
            what = self.tr("number change") if numeric else self.tr("change")
            where = self.tr("after") if forward else self.tr("before")
            self.show_note(self.tr("No {0} {1} this point").format(what, where), 3000)

    def _on_stop_changed(self, index: int) -> None:
        self.commands.copy_change_action.setEnabled(index >= 0)
        self._announce_stop(index)
        model = self.view.model
        if model is not None and 0 <= index < len(self.view.stops):
            stop = self.view.stops[index]
            self.state.set_cursor(Cursor(model.number(stop.version), stop.start))

    def _on_cursor_moved(self) -> None:
        """The reader clicked in a pane: the paragraph there is the one whose history shows."""
        model, where = self.view.model, self.view.cursor_position()
        if model is not None and where is not None and where[0] < len(model.versions):
            self.state.set_cursor(Cursor(model.number(where[0]), where[1]))

    def _announce_stop(self, index: int) -> None:
        """Tell a screen reader which change is now highlighted: the panes are painted."""
        changes = self.panel.changes_model
        row = changes.row_of_stop(index) if index >= 0 else -1
        if row < 0:
            self.view.setAccessibleDescription("")
            return
        text = self.tr("Change {0} of {1}: {2}").format(
            index + 1, len(self.view.stops), changes.label(row)
        )
        self.view.setAccessibleDescription(text)
        announcement = getattr(QtGui, "QAccessibleAnnouncementEvent", None)  # Qt 6.8+
        if announcement is not None and QAccessible.isActive():
            QAccessible.updateAccessibility(announcement(self.view, text))

    def _focus_changes(self) -> None:
        self.dock.show()
        self.panel.setCurrentIndex(0)
        self.panel.list.setFocus()

    def _focus_speakers(self) -> None:
        self.show_speakers()
        self.panel.speakers.tree.setFocus()

    def show_speakers(self) -> None:
        """Bring the Speakers tab of the sidebar to the front."""
        self.dock.show()
        self.panel.setCurrentWidget(self.panel.speakers)

    def _on_row_filter_changed(self) -> None:
        self.finder.refresh_count()
        label = self.view.row_filter()
        self.commands.show_all_action.setEnabled(bool(label))
        total = len(self.view.model.rows) if self.view.model else 0
        self.status.show_filter(
            label, len(self.view.shown_rows()) if label else 0, total, self.theme
        )

    def _on_quote_highlight_changed(self) -> None:
        quote = self.view.quote_highlight()
        if quote is None:
            return
        version, _ranges = quote
        speaker = self.panel.speakers.tree.currentIndex().data(SPEAKER_ROLE)
        who = self.tr(" by {0}").format(speaker) if speaker else ""
        number = self.view.model.number(version) if self.view.model else version
        self.show_note(
            self.tr("Quote{0} highlighted in v{1} — Esc in the text clears it").format(
                who, number + 1
            ),
            6000,
        )

    # ------------------------------------------------------------------ options
    def set_ignore_typography(self, ignore: bool) -> None:
        """Hide or show typographic-only changes."""
        self.view.set_ignore_typography(ignore)
        self.legend.set_ignore_typography(ignore)
        self.redline.set_ignore_typography(ignore)
        self.panel.refresh()
        if self.persist:
            self.settings.ignore_typography = ignore

    def set_redline(self, on: bool) -> None:
        """Show the pair as one redlined text (``on``) or side by side."""
        self._update_state()
        if on and self.stack.currentWidget() is self.redline:
            self.redline.setFocus()

    def _refresh_redline(self) -> None:
        """Give the redline the pair on show, when it is the view in front."""
        if self.stack.currentWidget() is not self.redline:
            return
        model = self.view.model
        comparison = model.comparison if model is not None else None
        shown = (self.redline.comparison_shown(), self.redline.pair())
        if shown != (comparison, len(comparison.pairs) - 1 if comparison else -1):
            self.redline.set_comparison(comparison, numbers=model.numbers if model else ())

    def set_show_markup(self, show: bool) -> None:
        """Expand or collapse page markup and metadata."""
        self.view.set_show_markup(show)
        if self.persist:
            self.settings.show_markup = show

    def _on_compare_option(self, _checked: bool) -> None:
        if self.persist:
            self.settings.ignore_whitespace = self.commands.whitespace_action.isChecked()
            self.settings.ignore_case = self.commands.case_action.isChecked()
        self.opener.recompare(self.state.pair)

    def set_zoom(self, percent: int) -> None:
        """Scale the text."""
        percent = max(60, min(250, percent))
        self._zoom_chrome(percent)
        self.view.set_zoom(percent)
        self.redline.set_zoom(percent)
        self.show_note(self.tr("Zoom {0}%").format(percent), 1500)
        if self.persist:
            self.settings.zoom = percent

    def _zoom_chrome(self, percent: int, resize_dock: bool = True) -> None:
        """Grow the lists, headers, toolbar and status bar (and the sidebar) with the text."""
        zoom_widgets(
            [
                self.toolbar,
                self.dock,
                self.status,
                self.view.header,
                self.find_bar,
                self.message_bar,
                self.empty_state,
            ],
            percent,
        )
        if resize_dock:
            # The sidebar widens with its text, up to a third of the window.
            width = min(round(300 * percent / 100 * text_scale()), max(300, self.width() // 3))
            self.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    # ------------------------------------------------------------------ about
    def show_about(self) -> None:
        """Show the About box."""
        from comparer import __version__

        QMessageBox.about(
            self,
            self.tr("About Comparer"),
            self.tr(
                "<h3>Comparer {0}</h3><p>See at a glance how a news article changed between "
                "versions.</p><p>Colours from the Okabe–Ito palette, safe for colour-blind "
                "readers; every mark also has a shape.</p>"
            ).format(__version__),
        )

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: D102
        self.opener.stop()
        # Work in the background stops at its next step; wait for it, so that nothing is
        # left running against a window (or an interpreter) that is going away.
        QThreadPool.globalInstance().waitForDone(CLOSE_WAIT_MS)
        self.save_settings()
        super().closeEvent(event)


def app_icon() -> QIcon:
    """The application icon, from the package's resources."""
    from importlib.resources import files

    path = files("comparer") / "resources" / "icons" / "comparer.svg"
    return QIcon(str(path))
