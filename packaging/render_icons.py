"""Render the app icon master (resources/comparer.svg) into the PNG, ICO and ICNS files.

Run from the repository root after changing the SVG, then commit the results:

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

Writes ``src/comparer/resources/icons/`` (the SVG and PNGs the app and the wheel carry)
and ``packaging/icons/`` (``comparer.ico`` for Windows, ``comparer.icns`` for macOS, both
holding PNG images, which current Windows and macOS read).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "resources" / "comparer.svg"
RUNTIME = ROOT / "src" / "comparer" / "resources" / "icons"
PLATFORM = ROOT / "packaging" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon at ``size`` × ``size`` pixels as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon file whose entries are PNG images."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        png = images[size]
        side = 0 if size >= 256 else size  # 0 stands for 256 in the directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon file whose elements are PNG images."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size]
        for kind, size in ICNS_TYPES
        if size in images
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Render every size and write the files."""
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        print(f"cannot read {MASTER}", file=sys.stderr)
        return 1
    RUNTIME.mkdir(parents=True, exist_ok=True)
    PLATFORM.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, RUNTIME / "comparer.svg")
    images = {size: render_png(renderer, size) for size in {*SIZES, *ICO_SIZES, 512, 1024}}
    for size in SIZES:
        (RUNTIME / f"comparer-{size}.png").write_bytes(images[size])
    (PLATFORM / "comparer.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    (PLATFORM / "comparer.icns").write_bytes(icns(images))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
