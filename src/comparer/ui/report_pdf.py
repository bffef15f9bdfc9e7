"""The comparison report as PDF, printed with a preview, or exported from File > Export.

The report is the HTML of ``comparer.export.html_report`` in its Qt flavour, laid out by
``QTextDocument`` and painted page by page with a footer (title, page N of M) onto a
``QPdfWriter`` or a ``QPrinter``. ``comparison_pdf_bytes`` works without a display: it
starts an offscreen ``QGuiApplication`` when none is running.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QToolBar,
    QWidget,
)

import comparer
from comparer.core.model import Comparison
from comparer.export.html_report import LAYOUTS, render_html, report_title
from comparer.export.report_css import TYPO_SENTINEL
from comparer.export.story_report import StoryContext

ReportFormat = Literal["html", "pdf"]

# Kept alive for the process when this module had to start the application itself.
_OWN_APP: QGuiApplication | None = None

_TYPO_GREY = QColor("#6b6b6b")
_FOOTER_POINT_SIZE = 7.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportExport", text)


def _ensure_gui_application() -> None:
    """Start an offscreen ``QGuiApplication`` when none runs (the command line's case)."""
    global _OWN_APP
    running = QCoreApplication.instance()
    if isinstance(running, QGuiApplication):
        return
    if running is not None:
        raise RuntimeError("PDF reports need a QGuiApplication, not a QCoreApplication")
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _OWN_APP = QGuiApplication(["comparer"])


def report_document(
    comparison: Comparison, layout: str = "side-by-side", story: StoryContext | None = None
) -> QTextDocument:
    """The report laid out by Qt, with typographic marks drawn as dotted underlines.

    Args:
        comparison: what to report.
        layout: "side-by-side" or "inline".
        story: the story the comparison is part of, for its timeline, figures and speakers.
    """
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 9))
    document.setHtml(render_html(comparison, layout, flavour="qt", story=story))
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, report_title(comparison)
    )
    _dot_typographic(document)
    return document


def _dot_typographic(document: QTextDocument) -> None:
    # Qt's CSS has no dotted underline; the Qt stylesheet paints typographic marks in a
    # sentinel grey, found here and given the window's mark (grey, dotted underline).
    sentinel = QColor(TYPO_SENTINEL)
    spans: list[tuple[int, int]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().foreground().color() == sentinel:
                spans.append((fragment.position(), fragment.position() + fragment.length()))
            it += 1
        block = block.next()
    mark = QTextCharFormat()
    mark.setForeground(_TYPO_GREY)
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    mark.setUnderlineColor(_TYPO_GREY)
    cursor = QTextCursor(document)
    for start, end in spans:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(mark)


def paint_report(
    comparison: Comparison,
    device: QPagedPaintDevice,
    layout: str = "side-by-side",
    story: StoryContext | None = None,
) -> int:
    """Paint the report onto a PDF writer or a printer, page by page, with a footer.

    Args:
        comparison: what to report.
        device: a ``QPdfWriter`` or a ``QPrinter`` (whose page layout is used as set).
        layout: "side-by-side" or "inline".
        story: the story the comparison is part of, for its timeline, figures and speakers.

    Returns:
        The number of pages painted.
    """
    document = report_document(comparison, layout, story)
    title = report_title(comparison)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the PDF or printer device could not be opened for painting")
    try:
        return _paint_pages(document, painter, device, title)
    finally:
        painter.end()


def _paint_pages(
    document: QTextDocument, painter: QPainter, device: QPagedPaintDevice, title: str
) -> int:
    document.documentLayout().setPaintDevice(device)
    footer_font = QFont("DejaVu Sans")
    footer_font.setPointSizeF(_FOOTER_POINT_SIZE)
    painter.setFont(footer_font)
    line = painter.fontMetrics().height()
    width = float(device.width())
    body_height = float(device.height()) - 2.5 * line
    document.setPageSize(QSizeF(width, body_height))
    pages = max(1, document.pageCount())
    for page in range(pages):
        if page:
            device.newPage()
        painter.save()
        painter.translate(QPointF(0.0, -page * body_height))
        document.drawContents(painter, QRectF(0.0, page * body_height, width, body_height))
        painter.restore()
        footer = QRectF(0.0, body_height + line, width, line * 1.4)
        painter.setPen(QColor("#5c5c5c"))
        painter.drawText(
            footer,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(
                f"{title} · Comparer {comparer.__version__}",
                Qt.TextElideMode.ElideRight,
                int(width * 0.75),
            ),
        )
        painter.drawText(
            footer,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"page {page + 1} of {pages}",
        )
    return pages


def _page_layout(layout: str) -> QPageLayout:
    orientation = (
        QPageLayout.Orientation.Landscape
        if layout == "side-by-side"
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(14.0, 12.0, 14.0, 10.0),
        QPageLayout.Unit.Millimeter,
    )


def comparison_pdf_bytes(
    comparison: Comparison, layout: str = "side-by-side", story: StoryContext | None = None
) -> bytes:
    """The report as a PDF document (A4; landscape side by side, portrait inline).

    Works headless: starts an offscreen ``QGuiApplication`` when none is running.

    Args:
        comparison: what to report.
        layout: "side-by-side" or "inline".
        story: the story the comparison is part of, for its timeline, figures and speakers.

    Raises:
        ValueError: ``layout`` is not one of the report layouts.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    _ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(_page_layout(layout))
    writer.setTitle(report_title(comparison))
    writer.setCreator(f"Comparer {comparer.__version__}")
    paint_report(comparison, writer, layout, story)
    del writer
    buffer.close()
    return bytes(data.data())


def write_report(
    comparison: Comparison,
    path: str | os.PathLike[str],
    fmt: ReportFormat,
    layout: str,
    story: StoryContext | None = None,
) -> None:
    """Write the report to ``path`` as HTML (UTF-8) or PDF.

    Raises:
        OSError: the file cannot be written.
    """
    if fmt == "pdf":
        payload = comparison_pdf_bytes(comparison, layout, story)
    else:
        payload = render_html(comparison, layout, story=story).encode("utf-8")
    Path(path).write_bytes(payload)


# File > Export… offers one filter per format and layout, so one dialog asks everything.
EXPORT_FILTERS: tuple[tuple[str, ReportFormat, str], ...] = (
    ("HTML report, side by side (*.html *.htm)", "html", "side-by-side"),
    ("HTML report, inline (*.html *.htm)", "html", "inline"),
    ("PDF report, side by side (*.pdf)", "pdf", "side-by-side"),
    ("PDF report, inline (*.pdf)", "pdf", "inline"),
)


def export_choice(path: str, selected_filter: str) -> tuple[str, ReportFormat, str]:
    """The path, format and layout meant by a save dialog's answer.

    The file's extension wins over the chosen filter (typing ``report.pdf`` under an HTML
    filter writes a PDF); a path without a known extension gets the filter's.
    """
    fmt: ReportFormat = "html"
    layout = "side-by-side"
    for label, filter_fmt, filter_layout in EXPORT_FILTERS:
        if label == selected_filter:
            fmt, layout = filter_fmt, filter_layout
            break
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        fmt = "pdf"
    elif suffix in (".html", ".htm"):
        fmt = "html"
    else:
        path += f".{fmt}"
    return path, fmt, layout


def _suggested_path(comparison: Comparison, folder: str = "") -> str:
    """Where the save dialog starts: ``folder`` (the last export's) or the newest version's."""
    if not comparison.versions:
        return str(Path(folder) / "comparison.html") if folder else "comparison.html"
    newest = comparison.versions[-1]
    stem = Path(newest.name).stem or "comparison"
    name = f"{stem}-comparison.html"
    if folder and Path(folder).is_dir():
        return str(Path(folder) / name)
    source = Path(newest.path).parent if newest.path and Path(newest.path).is_file() else None
    return str(source / name) if source else name


def export_dialog(
    parent: QWidget | None,
    comparison: Comparison,
    story: StoryContext | None = None,
    folder: str = "",
) -> str | None:
    """File > Export…: ask where, which format and which layout; write the report.

    Args:
        parent: the dialog's parent window.
        comparison: what to report.
        story: the story the pair belongs to, for the report's header.
        folder: where to suggest saving (the last export's folder); by default the
            newest version's folder.

    Returns:
        The path written, or None when the user cancelled or the file could not be written
        (the user has then been told why).
    """
    labels = [label for label, _, _ in EXPORT_FILTERS]
    path, selected = QFileDialog.getSaveFileName(
        parent,
        _tr("Export comparison report"),
        _suggested_path(comparison, folder),
        ";;".join(labels),
        labels[0],
    )
    if not path:
        return None
    path, fmt, layout = export_choice(path, selected)
    try:
        write_report(comparison, path, fmt, layout, story)
    except OSError as exc:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Export failed"),
            _tr("The report could not be written to {0}:\n{1}").format(
                path, exc.strerror or str(exc)
            ),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the path is the user's, not markup
        box.exec()
        return None
    return path


def make_print_preview(
    parent: QWidget | None,
    comparison: Comparison,
    layout: str = "side-by-side",
    story: StoryContext | None = None,
) -> QPrintPreviewDialog:
    """A print preview of the report, with a Layout choice added to its toolbar.

    The caller shows it (``exec()`` for File > Print…); tests may ``show()`` and close it.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_page_layout(layout))
    printer.setDocName(report_title(comparison))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(dialog.tr("Print comparison report"))
    # The dialog does not own the printer: keep it alive as long as the dialog.
    dialog.setProperty("comparer_layout", layout)
    dialog._comparer_printer = printer  # type: ignore[attr-defined]

    def paint(device: QPrinter) -> None:
        paint_report(comparison, device, str(dialog.property("comparer_layout")), story)

    dialog.paintRequested.connect(paint)

    choice = QComboBox(dialog)
    choice.setObjectName("report_layout")
    choice.addItem(dialog.tr("Side by side"), "side-by-side")
    choice.addItem(dialog.tr("Inline"), "inline")
    choice.setCurrentIndex(max(0, choice.findData(layout)))

    def relayout(index: int) -> None:
        chosen = str(choice.itemData(index))
        dialog.setProperty("comparer_layout", chosen)
        printer.setPageOrientation(_page_layout(chosen).orientation())
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.updatePreview()

    choice.currentIndexChanged.connect(relayout)
    toolbar = dialog.findChild(QToolBar)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(dialog.tr("Layout: "), dialog))
        toolbar.addWidget(choice)
    return dialog


def print_dialog(
    parent: QWidget | None,
    comparison: Comparison,
    layout: str = "side-by-side",
    story: StoryContext | None = None,
) -> bool:
    """File > Print…: show the print preview; True when the user printed."""
    dialog = make_print_preview(parent, comparison, layout, story)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
