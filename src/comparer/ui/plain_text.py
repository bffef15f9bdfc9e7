"""Text from files and file names shown verbatim: never read by Qt as rich text.

Qt guesses whether a label's or a tooltip's text is HTML (``Qt::mightBeRichText``): a file
named ``<h1>FAKE</h1>.txt`` or a crafted paragraph would be shown as a big heading, in any
colour its markup asks for. Labels are told their text is plain (``Qt.PlainText``);
tooltips have no such switch, so their text is escaped into rich text that says exactly
what the plain text says.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text as typed, whatever it holds; returns it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows it verbatim, line breaks kept."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def menu_text(text: str) -> str:
    """``text`` for a menu item or a button: '&' is shown, not taken as a shortcut mark."""
    return text.replace("&", "&&")
