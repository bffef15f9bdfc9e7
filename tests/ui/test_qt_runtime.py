"""The installed Qt binding must not corrupt the interpreter during long painting runs."""

from __future__ import annotations

import subprocess
import sys

PAINT_LOOP = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
app = QGuiApplication([])
image = QImage(64, 64, QImage.Format.Format_ARGB32)
painter = QPainter(image)
for _ in range(20000):  # far more calls than Python 3.11's references to None
    painter.setPen(QColor(1, 2, 3))
    painter.fillRect(QRectF(0, 0, 8, 8), QColor(9, 9, 9))
    painter.save()
    painter.restore()
painter.end()
print("painted")
"""


def test_painting_many_times_does_not_abort_python() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PAINT_LOOP], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "painted"
