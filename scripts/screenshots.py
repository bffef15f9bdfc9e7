"""Take the window screenshots kept in docs/: small screens, large text, dark mode.

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR] [--only NAME]

Each shot opens the bundled sample (three versions), goes to the first change and saves
the window: at 1280 × 720 with the default font, at 1366 × 768 with text at 150% (the
application font one and a half times its size, as a desktop's text scaling sets it),
and at 1280 × 720 in the dark theme.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SHOTS = {
    "window-1280x720": ((1280, 720), 1.0, "light"),
    "window-1366x768-text150": ((1366, 768), 1.5, "light"),
    "window-dark": ((1280, 720), 1.0, "dark"),
}


def take(name: str, out: Path) -> Path:
    """Save the shot ``name`` into ``out``; returns the PNG's path."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from comparer.sample import sample_paths
    from comparer.ui.app import make_application
    from comparer.ui.main_window import MainWindow

    (width, height), text_scale, theme = SHOTS[name]
    app = make_application()
    default = QFont(QApplication.font())
    font = QFont(default)
    font.setPointSizeF(default.pointSizeF() * text_scale)
    QApplication.setFont(font)
    window = MainWindow(persist=False, find_quotes=True)
    window.set_theme_choice(theme)
    window.resize(width, height)
    window.show()
    loop = QEventLoop()
    window.speakers_ready.connect(loop.quit)
    window.opener.open_files([str(p) for p in sample_paths()])
    loop.exec()
    window.go_change(True)
    window.view.ensure_visible_laid_out()
    for _ in range(5):
        app.processEvents()
    path = out / f"{name}.png"
    window.grab().save(str(path))
    window.close()
    QApplication.setFont(default)
    return path


def main() -> int:
    """Take every shot (or one) and print where each went."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs")
    parser.add_argument("--only", choices=sorted(SHOTS))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in [args.only] if args.only else SHOTS:
        print(take(name, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
