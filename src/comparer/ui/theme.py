"""Colours of the reader window, light and dark, from the Okabe–Ito palette.

Every text colour is declared with the backgrounds it is drawn on (``TEXT_ON_BACKGROUND``)
so that a test can hold each pair to WCAG AA's 4.5:1 contrast in both themes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Theme:
    """Named colours every view paints with (hex strings, so tests can compare them)."""

    dark: bool
    base: str
    text: str
    dim_text: str
    window: str
    panel: str
    divider: str
    placeholder_fill: str
    placeholder_text: str
    deleted: str
    deleted_tint: str
    added: str
    added_tint: str
    number: str
    number_text: str
    typographic: str
    moved: str
    moved_text: str
    moved_tint: str  # behind a sentence that moved, at both of its places
    figure_tint: str  # behind a number added or removed (a changed one is filled orange)
    find: str
    find_text: str
    focus: str
    selection: str
    selection_text: str
    message_error: str
    message_info: str
    quote: str
    quote_tint: str
    badge_new: str
    badge_dropped: str
    badge_reworded: str
    badge_reattributed: str

    @classmethod
    def light(cls) -> Theme:
        """The light theme."""
        return cls(
            dark=False,
            base="#FFFFFF",
            text="#1F2328",
            dim_text="#5F656D",
            window="#F3F4F6",
            panel="#FAFAFB",
            divider="#D9DCE1",
            placeholder_fill="#F4F5F7",
            placeholder_text="#5F656D",
            deleted="#B34700",
            deleted_tint="#FBE6DA",
            added="#0067A3",
            added_tint="#DDEEF8",
            number="#E69F00",
            number_text="#1A1300",
            typographic="#8F959C",
            moved="#CC79A7",
            moved_text="#A3487C",
            moved_tint="#F5E4ED",
            figure_tint="#FAECCC",
            find="#F0E442",
            find_text="#1A1A00",
            focus="#1F2328",
            selection="#B9D7F5",
            selection_text="#1F2328",
            message_error="#FBE6DA",
            message_info="#DDEEF8",
            quote="#007A5A",
            quote_tint="#D9F2E8",
            badge_new="#0067A3",
            badge_dropped="#A33F00",
            badge_reworded="#8A5A00",
            badge_reattributed="#94406F",
        )

    @classmethod
    def dark_theme(cls) -> Theme:
        """The dark theme."""
        return cls(
            dark=True,
            base="#1D2025",
            text="#E3E5E8",
            dim_text="#8B9097",
            window="#25282E",
            panel="#22252A",
            divider="#3A3F47",
            placeholder_fill="#24282E",
            placeholder_text="#9AA0A7",
            deleted="#FF9A5C",
            deleted_tint="#4A2A1A",
            added="#56B4E9",
            added_tint="#15364D",
            number="#E69F00",
            number_text="#1A1300",
            typographic="#80868E",
            moved="#CC79A7",
            moved_text="#CC79A7",
            moved_tint="#49364A",
            figure_tint="#45391E",
            find="#BFB52E",
            find_text="#111100",
            focus="#F0F2F4",
            selection="#2E5A87",
            selection_text="#FFFFFF",
            message_error="#4A2A1A",
            message_info="#15364D",
            quote="#3FC29B",
            quote_tint="#173D32",
            badge_new="#56B4E9",
            badge_dropped="#FF9A5C",
            badge_reworded="#E69F00",
            badge_reattributed="#E08DBB",
        )


# How strongly a speaker's badge pill is tinted with its colour, over the list's base.
BADGE_FILL_ALPHA = 0.16

# Every text colour (first) and each background it is drawn on (second). A badge's label
# is drawn on its own pill: its colour at BADGE_FILL_ALPHA over the base.
TEXT_ON_BACKGROUND: tuple[tuple[str, str], ...] = (
    ("text", "base"),
    ("text", "window"),
    ("text", "panel"),
    ("text", "divider"),  # a quote's version tag
    ("text", "deleted_tint"),  # a removed paragraph
    ("text", "added_tint"),  # an added paragraph
    ("text", "quote_tint"),  # a highlighted quote
    ("text", "message_error"),
    ("text", "message_info"),
    ("base", "text"),  # the version badges over the panes
    ("dim_text", "base"),  # captions, page markup, "reported speech"
    ("dim_text", "panel"),  # pane dates, the start screen
    ("dim_text", "window"),  # the legend in the toolbar, the status bar
    ("dim_text", "placeholder_fill"),
    ("placeholder_text", "placeholder_fill"),  # "removed" / "added" in a placeholder
    ("moved_text", "placeholder_fill"),  # "moved from ¶11"
    ("moved_text", "base"),
    ("deleted", "deleted_tint"),  # removed words
    ("added", "added_tint"),  # added words
    ("added", "base"),  # links on the start screen
    ("added", "panel"),
    ("number_text", "number"),  # changed numbers
    ("deleted", "figure_tint"),  # a number removed
    ("added", "figure_tint"),  # a number added
    ("text", "moved_tint"),  # a sentence that moved
    ("find_text", "find"),  # find matches
    ("selection_text", "selection"),
    ("quote", "base"),  # "direct quote" in the Speakers tab
    ("badge_new", "badge_new:pill"),
    ("badge_dropped", "badge_dropped:pill"),
    ("badge_reworded", "badge_reworded:pill"),
    ("badge_reattributed", "badge_reattributed:pill"),
)


def mix(colour: str, under: str, alpha: float) -> str:
    """``colour`` painted at ``alpha`` over ``under``, as a hex string."""
    top, bottom = QColor(colour), QColor(under)
    channels = (
        round(a * alpha + b * (1 - alpha))
        for a, b in (
            (top.red(), bottom.red()),
            (top.green(), bottom.green()),
            (top.blue(), bottom.blue()),
        )
    )
    return "#" + "".join(f"{c:02X}" for c in channels)


def background(theme: Theme, name: str) -> str:
    """The colour of a background named in ``TEXT_ON_BACKGROUND`` ("x:pill" is x's pill)."""
    if name.endswith(":pill"):
        return mix(getattr(theme, name[:-5]), theme.base, BADGE_FILL_ALPHA)
    return str(getattr(theme, name))


def system_prefers_dark() -> bool:
    """Whether the desktop asks for a dark colour scheme (Qt 6.5+ style hints)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def resolve_theme(choice: str) -> Theme:
    """The theme for a setting value: "light", "dark" or "system"."""
    if choice == "dark" or (choice == "system" and system_prefers_dark()):
        return Theme.dark_theme()
    return Theme.light()


def apply_palette(app: QApplication, theme: Theme) -> None:
    """Give the application's widgets a palette that matches ``theme``."""
    pal = QPalette()
    window, base, text = QColor(theme.window), QColor(theme.base), QColor(theme.text)
    pal.setColor(QPalette.ColorRole.Window, window)
    pal.setColor(QPalette.ColorRole.WindowText, text)
    pal.setColor(QPalette.ColorRole.Base, base)
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor(theme.panel))
    pal.setColor(QPalette.ColorRole.Text, text)
    pal.setColor(QPalette.ColorRole.Button, window)
    pal.setColor(QPalette.ColorRole.ButtonText, text)
    pal.setColor(QPalette.ColorRole.ToolTipBase, base)
    pal.setColor(QPalette.ColorRole.ToolTipText, text)
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.dim_text))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(theme.selection))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor(theme.selection_text))
    pal.setColor(QPalette.ColorRole.Link, QColor(theme.added))
    pal.setColor(QPalette.ColorRole.Mid, QColor(theme.divider))
    pal.setColor(QPalette.ColorRole.Midlight, QColor(theme.divider))
    if theme.dark:
        pal.setColor(QPalette.ColorRole.Light, QColor("#3A3F47"))
        pal.setColor(QPalette.ColorRole.Dark, QColor("#121417"))
        pal.setColor(QPalette.ColorRole.Shadow, QColor("#000000"))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.dim_text))
    app.setPalette(pal)
    from comparer.ui.focus_style import install

    install(app, theme.focus)
