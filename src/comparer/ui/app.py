"""Starting the window: ``run_app`` is what ``comparer [FILE …]`` calls."""

from __future__ import annotations

import ctypes
import os
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from comparer.core.model import Version
from comparer.ui.compare_task import Source
from comparer.ui.focus_style import install as install_focus_style
from comparer.ui.main_window import MainWindow, app_icon
from comparer.ui.pane_accessible import install_pane_accessibility
from comparer.ui.theme import apply_palette

SCREENSHOT_TIMEOUT_MS = 180_000
_GUARD = {"done": False}


def guard_none_refcount() -> bool:
    """Keep Python from freeing ``None`` under PySide6 builds that leak its references.

    Some PySide6 builds return ``None`` (and ``True``/``False``) from methods without
    taking a reference to it. Python 3.12+ never frees them, but on 3.11 a few thousand
    painter calls bring the count to zero and the interpreter aborts ("none_dealloc").
    When the leak is detected, they get a reference count no session can use up.

    Returns:
        Whether the work-around was needed.
    """
    if sys.version_info >= (3, 12) or _GUARD["done"]:
        return False
    _GUARD["done"] = True
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")
    if sys.getrefcount(None) > before - 32:
        return False
    # The same builds drop references to True and False returned by bool methods.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 48
    return True


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with the Fusion style and the app's names."""
    guard_none_refcount()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_pane_accessibility()
        return app
    app = QApplication(argv if argv is not None else [sys.argv[0]])
    # The panes' text, for screen readers; only once the application exists: a factory
    # installed before it is never asked (PySide6).
    install_pane_accessibility()
    app.setApplicationName("Comparer")
    app.setOrganizationName("comparer")
    app.setApplicationDisplayName("Comparer")
    app.setDesktopFileName("comparer")
    install_focus_style(app, "#1F2328")  # Fusion, with a focus ring that can be seen
    app.setWindowIcon(app_icon())
    return app


def run_app(
    files: list[str],
    *,
    sample: bool = False,
    screenshot: str | None = None,
    size: tuple[int, int] | None = None,
    order: str = "auto",
    web_address: str | None = None,
    archive_url: str | None = None,
    versions: Sequence[Version] | None = None,
    results: str | None = None,
) -> int:
    """Open the reader window and run until it closes.

    Args:
        files: versions to open, oldest first (may be empty).
        sample: open the bundled sample instead of ``files``.
        screenshot: save a PNG of the window here once the comparison is painted, then exit.
        size: window size in pixels (width, height).
        order: "auto" (the articles' dates when every version has one, else as given),
            "given" or "date".
        web_address: a page whose captures to offer (the "Open Web Address" dialog).
        archive_url: the web archive to ask, instead of the configured one.
        versions: versions already loaded (one story of an archive), oldest first;
            opened instead of ``files``.
        results: a ``comparer batch`` results folder whose story list to show.

    Returns:
        The exit status: 0, or 2 when a screenshot could not be made.
    """
    app = make_application()
    # A screenshot shows the comparison; finding speakers would only delay the exit.
    window = MainWindow(persist=screenshot is None, find_quotes=screenshot is None)
    theme = os.environ.get("COMPARER_THEME")
    if theme in ("light", "dark"):
        window.set_theme_choice(theme)
    else:
        apply_palette(app, window.theme)
    if size:
        window.resize(*size)
    status = {"code": 0}
    # A screenshot run waits in a loop of its own, so quitting it leaves the application
    # usable (tests call run_app inside their QApplication).
    loop = QEventLoop() if screenshot else None
    if screenshot and loop is not None:
        expect = bool(files or sample or versions)
        _arrange_screenshot(loop, window, screenshot, status, expect=expect)
    if os.environ.get("COMPARER_REPORT_PAINT"):
        _report_paint(window)
    if web_address or archive_url:
        from comparer.web.options import WebOptions

        window.web_options = WebOptions.from_env(archive_url)
    if versions:
        window.opener.add_sources([Source(version=v, path=v.path) for v in versions])
        window.show()
    elif results:
        window.show()
        window.opener.open_batch_results(results)
    elif web_address:
        window.show()
        window.opener.open_web_address(web_address)
    else:
        # The files are read and compared in the background while the window is shown.
        if sample:
            window.opener.open_sample()
        elif files:
            window.opener.open_files(files, order)
        window.show()
    if loop is not None:
        loop.exec()
        window.close()
        return status["code"]
    return int(app.exec())


def _report_paint(window: MainWindow) -> None:
    """Print to standard error when the window and then the comparison are first painted.

    For ``benchmarks/bench_window.py``: each line carries the wall-clock time, so the
    benchmark can time start-up from outside the process, as it times other programs.
    """

    def report(what: str) -> None:
        print(f"comparer: {what} painted at {time.time():.6f}", file=sys.stderr, flush=True)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                report("window")
            return False

    window.installEventFilter(FirstPaint(window))

    def after_ready() -> None:
        window.view.painted.connect(
            lambda: report("comparison"), type=Qt.ConnectionType.SingleShotConnection
        )
        window.view.viewport().update()

    window.comparison_ready.connect(after_ready, type=Qt.ConnectionType.SingleShotConnection)


def _arrange_screenshot(
    loop: QEventLoop, window: MainWindow, path: str, status: dict[str, int], expect: bool
) -> None:
    """Save the window to ``path`` once the comparison is shown and painted, then quit."""

    def shoot() -> None:
        if status.get("shot"):
            return
        status["shot"] = 1
        window.view.ensure_visible_laid_out()
        QApplication.processEvents()
        image = window.grab()
        if image.isNull() or not image.save(path, "PNG"):
            print(f"comparer: {path}: the screenshot could not be saved", file=sys.stderr)
            status["code"] = 2
        loop.quit()

    def timed_out() -> None:
        print("comparer: the window took too long to show the comparison", file=sys.stderr)
        status["code"] = 2
        loop.quit()

    def after_ready() -> None:
        window.view.painted.connect(
            lambda: QTimer.singleShot(50, shoot), type=Qt.ConnectionType.SingleShotConnection
        )
        window.view.viewport().update()
        QTimer.singleShot(400, shoot)

    if expect:
        window.comparison_ready.connect(after_ready)
    else:
        QTimer.singleShot(300, shoot)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timed_out)
