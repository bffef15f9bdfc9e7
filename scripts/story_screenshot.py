"""Make docs/story.png: the window on the sample story of ten versions, its history shown.

Usage: QT_QPA_PLATFORM=offscreen python scripts/story_screenshot.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    """Open the sample story, wait for its history, step back one pair, save the PNG."""
    from PySide6.QtWidgets import QApplication

    from comparer.sample import sample_story_paths
    from comparer.ui.app import make_application
    from comparer.ui.main_window import MainWindow

    out = sys.argv[1] if len(sys.argv) > 1 else "docs/story.png"
    app = make_application()
    window = MainWindow(persist=False)
    window.set_theme_choice("light")
    window.resize(1280, 720)
    window.show()
    done = {"history": 0}
    window.speakers_ready.connect(lambda: done.update(history=1))
    window.opener.open_files([str(p) for p in sample_story_paths()])
    deadline = time.time() + 120
    while not done["history"] and time.time() < deadline:
        app.processEvents()
        time.sleep(0.02)
    window.go_change(True)  # the first change of the latest pair, current
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    window.view.ensure_visible_laid_out()
    QApplication.processEvents()
    ok = window.grab().save(out, "PNG")
    window.close()
    return 0 if ok else 2


if __name__ == "__main__":
    raise SystemExit(main())
