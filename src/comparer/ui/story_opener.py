"""Where versions come from, and the task that reads and compares them.

``StoryOpener`` takes versions from the Open dialog, files named on the command line or
dropped, the clipboard, a web address, a batch's results, the samples and the recent
menu, and starts a ``CompareTask`` for them off the GUI thread. Only the latest task's
result is passed on: a newer request, Cancel or closing drops the older ones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from comparer.core.model import CompareOptions, Version
from comparer.core.story import ORDER_AUTO, ORDER_GIVEN
from comparer.ui.compare_task import CompareTask, Source, TaskResult
from comparer.ui.message_bar import MessageBar
from comparer.ui.plain_text import menu_text, plain_tooltip
from comparer.ui.settings import Settings
from comparer.ui.story_loader import StoryLoader

FILE_FILTER = (
    "Articles (*.txt *.text *.md *.html *.htm *.xhtml *.docx *.docm *.dotx *.odt *.rtf *.pdf);;"
    "All files (*)"
)


def web_address(text: str) -> bool:
    """Whether ``text`` is one web address (and nothing else)."""
    from comparer.web.address import is_web_address  # cheap: no HTTP library is loaded

    return is_web_address(text) and len(text.split()) == 1


class StoryOpener(QObject):
    """Opens versions for the window and compares them in the background.

    Signals:
        started(): a task was started for ``sources``.
        progress(str): what the task is doing ("Reading…", "Comparing…").
        finished(object): the latest task's ``TaskResult``.
    """

    started = Signal()
    progress = Signal(str)
    finished = Signal(object)

    def __init__(
        self,
        window: QWidget,
        loader: StoryLoader,
        settings: Settings,
        message_bar: MessageBar,
        options: Callable[[], CompareOptions],
        versions: Callable[[], list[Version]],
    ) -> None:
        """Open for ``window`` (the dialogs' parent).

        Args:
            window: the dialogs' parent.
            loader: the story's background work, stopped when a new task starts.
            settings: where the recent comparisons are kept.
            message_bar: where problems are said.
            options: the comparison options chosen now.
            versions: the versions open now, in reading order.
        """
        super().__init__(window)
        self._window = window
        self._loader = loader
        self._settings = settings
        self._message_bar = message_bar
        self._options = options
        self._versions = versions
        self.sources: list[Source] = []  # what the latest task was asked to read
        self.generation = 0  # the latest task's; older results are dropped
        self.story_list: QWidget | None = None  # the batch results' list, once opened

    # ------------------------------------------------------------------ the task
    def start(
        self, sources: list[Source], order: str = ORDER_AUTO, pair: tuple[int, int] | None = None
    ) -> None:
        """Read and compare ``sources``.

        Args:
            sources: the versions to read, in the order given.
            order: "auto", "given" or "date".
            pair: the pair to show first (None: the last two).
        """
        self.generation += 1
        self._loader.cancel()
        self.sources = sources
        task = CompareTask(self.generation, sources, self._options(), order, pair)
        task.signals.finished.connect(self._on_finished)
        task.signals.progress.connect(self.progress)
        self.started.emit()
        QThreadPool.globalInstance().start(task)

    def _on_finished(self, result: TaskResult) -> None:
        if result.generation == self.generation:
            self.finished.emit(result)

    def stop(self, forget: bool = False) -> None:
        """Drop the running work's results (``forget``: and what it was asked to read)."""
        self.generation += 1
        self._loader.cancel()
        if forget:
            self.sources = []

    def title(self) -> str:
        """What the progress card says is being compared."""
        names = [s.label or Path(s.path or "").name for s in self.sources]
        names = [n for n in names if n]
        if 0 < len(names) <= 2:
            return self.tr("Comparing {0}").format(" and ".join(names[:2]))
        return (
            self.tr("Comparing {0} versions").format(len(names)) if names else self.tr("Comparing")
        )

    def recompare(self, pair: tuple[int, int]) -> None:
        """Compare the open versions again (after an option changed), in the same order."""
        versions = self._versions()
        if len(versions) >= 2:
            self.start([Source(version=v, path=v.path) for v in versions], ORDER_GIVEN, pair)

    # ------------------------------------------------------------------ where versions come from
    def open_dialog(self) -> None:
        """Ask for files and compare them (one file: show it and wait for the next)."""
        start = (
            str(Path(self.sources[0].path).parent)
            if self.sources and (self.sources[0].path)
            else str(Path.home())
        )
        paths, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("Open versions of an article"), start, FILE_FILTER
        )
        if not paths:
            return
        if len(paths) == 1 and len(self._versions()) == 1:
            self.add_sources([Source(path=paths[0])])
        else:
            self.open_files(paths)  # in the order chosen, never by file name

    def open_files(self, paths: list[str], order: str = ORDER_AUTO) -> None:
        """Compare these files (a single file is shown on its own).

        They are read in the order of their own dates when every one has a date and they
        differ, else in the order given ("given" or "date" in ``order`` decide instead).
        """
        paths = [str(p) for p in paths]
        if not paths:
            return
        self.start([Source(path=p) for p in paths], order)

    def open_web_address(self, address: str = "") -> None:
        """Ask which captures of a web address to open (the dialog fetches them)."""
        from comparer.ui.web_dialog import open_web_dialog

        open_web_dialog(self._window, address if isinstance(address, str) else "")

    def open_batch_results(self, path: str = "") -> None:
        """List the stories of a ``comparer batch`` results folder (asks for it without one)."""
        from comparer.ui.story_list import open_story_list

        if not isinstance(path, str) or not path:
            path = QFileDialog.getExistingDirectory(self._window, self.tr("Open Batch Results"))
            if not path:
                return
        found = open_story_list(self._window, path, self.open_versions)
        if isinstance(found, str):
            self._message_bar.show_message(found, "error")
        else:
            self.story_list = found

    def open_versions(self, versions: list[Version]) -> None:
        """Compare versions already loaded (from a web address), in the order given."""
        self.start([Source(version=v, path=v.path) for v in versions])

    def open_sample(self) -> None:
        """Open the bundled sample story."""
        from comparer.sample import sample_paths

        paths = [str(p) for p in sample_paths()]
        if not paths:
            self._message_bar.show_message(
                self.tr("The sample is missing from this build."), "error"
            )
            return
        self.open_files(paths)

    def open_sample_story(self) -> None:
        """Open the bundled sample story of ten versions."""
        from comparer.sample import sample_story_paths

        paths = [str(p) for p in sample_story_paths()]
        if paths:
            self.open_files(paths)

    def add_sources(self, sources: list[Source], replace: int | None = None) -> None:
        """Add versions after the open ones, or put one in place of version ``replace``."""
        current = [Source(version=v, path=v.path) for v in self._versions()]
        if replace is not None and 0 <= replace < len(current) and len(sources) == 1:
            current[replace] = sources[0]
        else:
            current.extend(sources)
        self.start(current)

    def paste_version(self) -> None:
        """Add the clipboard's contents (HTML or text) as the newest version."""
        mime = QGuiApplication.clipboard().mimeData()
        data: bytes | None = None
        if mime is not None and mime.hasHtml() and mime.html().strip():
            data = mime.html().encode("utf-8")
        elif mime is not None and mime.hasText() and mime.text().strip():
            data = mime.text().encode("utf-8")
        if data is None:
            self._message_bar.show_message(
                self.tr("The clipboard holds no text to compare."), "error"
            )
            return
        if mime is not None and web_address(mime.text()):
            self.open_web_address(mime.text().strip())
            return
        taken = [v.name.removeprefix("Pasted ") for v in self._versions()]
        number = max((int(n) for n in taken if n.isdigit()), default=0) + 1
        self.add_sources([Source(data=data, label=self.tr("Pasted {0}").format(number))])

    def fill_recent_menu(self, menu: QMenu) -> None:
        """List the recent comparisons in ``menu``, each reopened when chosen."""
        menu.clear()
        entries = self._settings.recent_files
        for paths in entries:
            label = "  ·  ".join(Path(p).name for p in paths)
            action = menu.addAction(menu_text(label))
            action.setToolTip(plain_tooltip("\n".join(paths)))
            action.triggered.connect(lambda _=False, p=paths: self.open_files(p))
        if not entries:
            none = menu.addAction(self.tr("No recent comparisons"))
            none.setEnabled(False)
        else:
            menu.addSeparator()
            clear = menu.addAction(self.tr("Clear Menu"))
            clear.triggered.connect(self._settings.clear_recent)
