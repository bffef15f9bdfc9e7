"""Keeps the toolbar whole on small screens: labelled buttons while they fit, else icons.

With the default font a 1280-pixel window has room for every button's label and the
legend beside them; with text at 150%, or zoomed, it has not, and Qt would push the last
items (the legend first) into an overflow menu. ``ToolbarFitter`` watches the toolbar's
width and font and shows the buttons as icons only (their names stay in tooltips and for
screen readers) whenever the labels and the legend's two-row form would not fit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget
from shiboken6 import isValid

from comparer.ui.legend import STACKED, Legend

LABELLED = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
ICONS = Qt.ToolButtonStyle.ToolButtonIconOnly


class ToolbarFitter(QObject):
    """Switches ``toolbar`` between labelled and icon-only buttons to keep ``legend`` whole."""

    def __init__(self, toolbar: QToolBar, legend: Legend) -> None:
        super().__init__(toolbar)
        self._toolbar = toolbar
        self._legend = legend
        self._busy = False
        self._pending = False
        self._probe: QToolButton | None = None
        toolbar.installEventFilter(self)
        legend.installEventFilter(self)  # shown with a comparison, or pushed out of sight

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102
        watched_events = (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.LayoutRequest,
        )
        if not (isValid(self._toolbar) and isValid(self._legend)):
            return False  # the window is being torn down
        # After the toolbar has laid itself out: a change of style from inside its own
        # layout pass would leave items in the overflow menu until the next one.
        if event.type() in watched_events and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._fit_later)
        return False

    def _fit_later(self) -> None:
        self._pending = False
        if isValid(self._toolbar) and isValid(self._legend):
            self.fit()

    def needed_width(self) -> int:
        """The width the toolbar needs with labelled buttons and the two-row legend."""
        toolbar = self._toolbar
        layout = toolbar.layout()
        spacing = layout.spacing() if layout is not None else 0
        width = 0
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if widget is None or not action.isVisible() or widget is self._legend:
                continue
            if isinstance(widget, QToolButton):
                hint = self._labelled_width(widget)
            else:
                hint = max(0, widget.sizeHint().width())
            width += hint + spacing
        if self._legend_shown():
            width += round(self._legend.width_of(STACKED)) + spacing
        margins = toolbar.contentsMargins()
        extension = 16  # the handle or the room Qt keeps at the end of a toolbar
        return width + margins.left() + margins.right() + extension

    def _labelled_width(self, button: QToolButton) -> int:
        """How wide ``button`` is with its label beside its icon (measured on a twin)."""
        if self._probe is None:
            self._probe = QToolButton()
            self._probe.setToolButtonStyle(LABELLED)
        probe = self._probe
        probe.setFont(button.font())
        probe.setIconSize(self._toolbar.iconSize())
        probe.setIcon(button.icon())
        probe.setText(button.text())
        probe.setAutoRaise(button.autoRaise())
        return probe.sizeHint().width()

    def _legend_shown(self) -> bool:
        for action in self._toolbar.actions():
            if self._toolbar.widgetForAction(action) is self._legend:
                return action.isVisible()
        return False

    def fit(self) -> None:
        """Choose the button style for the toolbar's present width."""
        if self._busy:
            return
        self._busy = True
        try:
            style = LABELLED if self.needed_width() <= self._toolbar.width() else ICONS
            if self._toolbar.toolButtonStyle() != style:
                self._toolbar.setToolButtonStyle(style)
        finally:
            self._busy = False


def labels_shown(toolbar: QWidget) -> bool:
    """Whether ``toolbar``'s buttons show their labels."""
    return isinstance(toolbar, QToolBar) and toolbar.toolButtonStyle() == LABELLED
