"""Tests of the PDF report, the print preview and File > Export."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QFileDialog

from comparer.core.compare import compare
from comparer.core.model import Comparison
from comparer.formats import load_bytes
from comparer.ui import report_pdf
from comparer.ui.report_pdf import (
    EXPORT_FILTERS,
    comparison_pdf_bytes,
    export_choice,
    export_dialog,
    make_print_preview,
    paint_report,
    report_document,
)

pytestmark = pytest.mark.gui

V1 = (
    "Storm closes Harwick harbour\n\n"
    "At least 40 boats were damaged overnight, the harbour master said.\n\n"
    'The ferry will not sail on Tuesday, the company said. "It is too dangerous."\n'
)
V2 = (
    "Storm closes Harwick harbour\n\n"
    "At least 48 boats were damaged overnight, the harbour master said.\n\n"
    "The ferry will not sail on Tuesday or Wednesday, the company said. “It is too dangerous.”\n"
)


@pytest.fixture(scope="module")
def storm() -> Comparison:
    versions = [
        load_bytes(text.encode("utf-8"), f"storm-v{i}.txt", mtime=1741000000.0)
        for i, text in enumerate((V1, V2), start=1)
    ]
    return compare(versions)


def _pdf_text(data: bytes) -> tuple[int, str]:
    pdf = pdfium.PdfDocument(data)
    try:
        pages = len(pdf)
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(pages))
    finally:
        pdf.close()
    return pages, text


@pytest.mark.parametrize("layout", ["side-by-side", "inline"])
def test_pdf_has_pages_and_the_changed_number(qapp: object, storm: Comparison, layout: str) -> None:
    data = comparison_pdf_bytes(storm, layout)
    assert data.startswith(b"%PDF")
    pages, text = _pdf_text(data)
    assert pages >= 1
    assert "48" in text and "40" in text
    assert "Wednesday" in text
    assert "page 1 of" in text
    assert storm.versions[0].sha256 in text.replace("\r", "").replace("\n", "")


def test_comparer_reads_its_own_pdf_report_back_with_the_article_intact(
    qapp: object, storm: Comparison
) -> None:
    report = load_bytes(comparison_pdf_bytes(storm, "side-by-side"), "report.pdf")
    paragraphs = {report.text[p.start : p.end] for p in report.paragraphs}
    # the earlier version as it was; the later one with its changed number marked
    for paragraph in V1.strip().split("\n\n")[1:]:
        assert paragraph in paragraphs
    assert V2.strip().split("\n\n")[2] in paragraphs
    assert "At least 48\u25b2 +8, +20% boats were damaged overnight" in report.text
    assert report.title == "Storm closes Harwick harbour"


def test_pdf_refuses_unknown_layout(qapp: object, storm: Comparison) -> None:
    with pytest.raises(ValueError, match="layout"):
        comparison_pdf_bytes(storm, "diagonal")


def test_typographic_marks_become_dotted_underlines(qapp: object, storm: Comparison) -> None:
    document = report_document(storm, "side-by-side")
    dotted = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            style = fragment.charFormat().underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.DotLine:
                dotted.append(fragment.text())
            it += 1
        block = block.next()
    assert "“" in dotted


def test_paint_report_on_a_pdf_printer(qapp: object, storm: Comparison, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    pages = paint_report(storm, printer, "inline")
    assert pages >= 1
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert _pdf_text(data)[0] == pages


def test_print_preview_opens_paints_and_switches_layout(qtbot, storm: Comparison) -> None:  # type: ignore[no-untyped-def]
    dialog = make_print_preview(None, storm)
    qtbot.addWidget(dialog)
    painted: list[int] = []
    dialog.paintRequested.connect(lambda printer: painted.append(1))
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() >= 1)
    choice = dialog.findChild(QComboBox, "report_layout")
    assert choice is not None
    assert choice.currentData() == "side-by-side"
    before = len(painted)
    choice.setCurrentIndex(choice.findData("inline"))
    qtbot.waitUntil(lambda: len(painted) > before)
    assert dialog.property("comparer_layout") == "inline"
    dialog.close()


@pytest.mark.parametrize(
    ("path", "selected", "expected"),
    [
        ("r.html", EXPORT_FILTERS[0][0], ("r.html", "html", "side-by-side")),
        ("r", EXPORT_FILTERS[1][0], ("r.html", "html", "inline")),
        ("r", EXPORT_FILTERS[3][0], ("r.pdf", "pdf", "inline")),
        ("r.pdf", EXPORT_FILTERS[0][0], ("r.pdf", "pdf", "side-by-side")),
        ("r.HTM", EXPORT_FILTERS[2][0], ("r.HTM", "html", "side-by-side")),
        ("r", "", ("r.html", "html", "side-by-side")),
    ],
)
def test_export_choice(path: str, selected: str, expected: tuple[str, str, str]) -> None:
    assert export_choice(path, selected) == expected


@pytest.mark.parametrize("index", [1, 2])
def test_export_dialog_writes_the_chosen_report(
    qapp: object, storm: Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, index: int
) -> None:
    label, fmt, _layout = EXPORT_FILTERS[index]
    asked: list[str] = []

    def fake_save(*args: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(tmp_path / "report"), label

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    written = export_dialog(None, storm)
    assert written == str(tmp_path / f"report.{fmt}")
    assert asked == ["storm-v2-comparison.html"]
    data = Path(written).read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
    else:
        assert b'<body class="inline">' in data


def test_export_dialog_cancelled(
    qapp: object, storm: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert export_dialog(None, storm) is None


def test_export_dialog_reports_a_write_error(
    qapp: object, storm: Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing-folder" / "r.html"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), EXPORT_FILTERS[0][0]))
    )
    warnings: list[tuple[str, Qt.TextFormat]] = []
    monkeypatch.setattr(
        report_pdf.QMessageBox, "exec", lambda box: warnings.append((box.text(), box.textFormat()))
    )
    assert export_dialog(None, storm) is None
    assert len(warnings) == 1
    text, text_format = warnings[0]
    assert "could not be written" in text and str(target) in text
    assert text_format == Qt.TextFormat.PlainText  # a path with markup in it shows as typed


def test_export_dialog_suggests_the_last_export_folder(
    qapp: object, storm: Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_save(*args: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    assert export_dialog(None, storm, folder=str(tmp_path)) is None
    assert asked == [str(tmp_path / "storm-v2-comparison.html")]


@pytest.mark.slow
def test_pdf_bytes_start_their_own_headless_application(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        from comparer.core.compare import compare
        from comparer.formats import load_bytes
        from comparer.ui.report_pdf import comparison_pdf_bytes
        from PySide6.QtGui import QGuiApplication
        assert QGuiApplication.instance() is None
        versions = [load_bytes(t.encode(), n) for t, n in (({V1!r}, "a.txt"), ({V2!r}, "b.txt"))]
        data = comparison_pdf_bytes(compare(versions), "inline")
        assert data.startswith(b"%PDF"), data[:20]
        print("ok", len(data))
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok ")
