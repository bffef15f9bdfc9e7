"""Text from files and file names is shown as typed: never as Qt rich text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from comparer.ui.plain_text import menu_text, plain_tooltip
from tests.ui.conftest import LOAD_TIMEOUT_MS, write

FAKE_NAME = '<h1 style="color:red">FAKE NAME<h1>.txt'
CRAFTED = '<h1 style="color:green">No differences: the versions are identical<h1>'


def shown(text: str) -> str:
    """What Qt shows for a label or tooltip text when it guesses the format."""
    if not Qt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_shows(label: QLabel) -> str:
    """What ``label`` shows the reader."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    if label.textFormat() == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()
    return shown(label.text())


def model_tooltips(view: QAbstractItemView) -> list[str]:
    """Every tooltip an item view's model gives, its children included."""
    model = view.model()
    out: list[str] = []
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
            for column in range(columns):
                index = model.index(row, column, parent)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and tip:
                    out.append(tip)
            pending.append(model.index(row, 0, parent))
    return out


def test_a_tooltip_says_exactly_what_the_text_says() -> None:
    text = 'Title: <b>bold?</b> & "quotes"\n<h1>second line</h1>'
    assert shown(plain_tooltip(text)) == text
    assert plain_tooltip("") == ""


def test_an_ampersand_in_a_menu_item_is_shown() -> None:
    assert menu_text("Q&A.txt") == "Q&&A.txt"


def test_a_file_named_like_markup_is_shown_by_its_name(qtbot, window, tmp_path) -> None:
    older = write(tmp_path, FAKE_NAME, "The toll rose to 40.\n\nOfficials said so.\n")
    newer = write(
        tmp_path,
        "b.txt",
        "The toll rose to 48.\n\nOfficials said so.\n\n"
        '"<h1>We are safe</h1>," said Mayor Jan Novak on <b>Friday</b>.\n',
    )
    with qtbot.waitSignal(window.speakers_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files([older, newer])
    window.resize(1900, 900)  # room for the whole name over the pane
    title = window.view.header.titles()[0]
    qtbot.waitUntil(lambda: title.name.text() == FAKE_NAME)
    texts = [label_shows(label) for label in window.findChildren(QLabel) if label.isVisible()]
    assert FAKE_NAME in texts
    assert not any("FAKE NAME" in t and FAKE_NAME not in t for t in texts)
    tips = [widget.toolTip() for widget in window.findChildren(QWidget)]
    for view in window.findChildren(QAbstractItemView):
        tips += model_tooltips(view)
    marked = [tip for tip in tips if "FAKE NAME" in tip or "We are safe" in tip]
    assert len(marked) >= 3  # the pane title, the change, the speaker's quote
    for tip in marked:
        assert FAKE_NAME in shown(tip) or "<h1>We are safe</h1>" in shown(tip)


def test_crafted_text_reaches_the_message_bar_as_text(qtbot, window, tmp_path) -> None:
    crafted = tmp_path / f"{CRAFTED}.docx"
    crafted.write_bytes(b"PK\x03\x04 not really a document")
    good = write(tmp_path, "a.txt", "One paragraph.\n")
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files([str(crafted), good])
    bar = window.message_bar
    assert bar.isVisible() and bar.kind() == "error"
    assert CRAFTED in label_shows(bar.label)
    window.message_bar.show_message(CRAFTED, "info")
    assert label_shows(bar.label) == CRAFTED


def test_recent_comparisons_show_markup_names_as_typed(qtbot, window, tmp_path) -> None:
    older = write(tmp_path, FAKE_NAME, "The toll rose to 40.\n")
    newer = write(tmp_path, "b&c.txt", "The toll rose to 48.\n")
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files([older, newer])
    window.close_comparison()
    buttons = window.empty_state._recent_buttons
    assert buttons and FAKE_NAME in buttons[0].text()
    assert "b&&c.txt" in buttons[0].text()  # shown as "b&c.txt", not as a shortcut on "c"
    assert str(Path(older)) in shown(buttons[0].toolTip())
