"""What a screen reader finds in the text panes: one object per version, with its text.

The compare view paints its panes itself, so Qt's accessibility gives assistive technology
nothing but the view's name. This module installs an accessibility factory that gives the
view's viewport one child per pane (role Document), named after its version, whose value
is the text of that version on screen, row by row, and whose description is the change
under the cursor when it lies in that pane.

Qt's own text interface (``QAccessibleTextInterface``) cannot be implemented from Python
in PySide6: its ``selection`` and ``text…Offset`` functions are not bound, and handing Qt
a Python object as that interface crashes; so the text is given as each pane's value,
which screen readers read out when a pane is reached.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAccessibleObject, QWindow
from PySide6.QtWidgets import QWidget

_INSTALLED = {"done": False}
MAX_VALUE_CHARS = 20_000  # a screenful is far less; a pathological row is cut here


class PaneAnchor(QObject):
    """Stands for one pane in Qt's accessibility tree (panes are painted, not widgets)."""

    def __init__(self, viewport: QWidget, column: int) -> None:
        super().__init__(viewport)
        self.column = column
        self.setObjectName(f"pane{column + 1}")


def _view_of(viewport: QObject | None) -> QWidget | None:
    """The compare view whose viewport ``viewport`` is, or None."""
    from comparer.ui.compare_view import CompareView

    parent = viewport.parent() if viewport is not None else None
    if isinstance(parent, CompareView) and parent.viewport() is viewport:
        return parent
    return None


def _anchors(viewport: QWidget) -> list[PaneAnchor]:
    """One anchor per pane shown, made as needed."""
    view = _view_of(viewport)
    count = 0
    if view is not None and getattr(view, "model", None) is not None:
        count = len(view.model.versions)  # type: ignore[attr-defined]
    anchors = sorted(
        (c for c in viewport.children() if isinstance(c, PaneAnchor)), key=lambda a: a.column
    )
    while len(anchors) < count:
        anchors.append(PaneAnchor(viewport, len(anchors)))
    return anchors[:count]


def pane_text(view: QWidget, column: int) -> str:
    """The text of version ``column`` in the rows on screen, one paragraph a line."""
    model = getattr(view, "model", None)
    if model is None or not 0 <= column < len(model.versions):
        return ""
    version = model.versions[column]
    lines: list[str] = []
    size = 0
    for row in view.visible_rows():  # type: ignore[attr-defined]
        for paragraph in model.rows[row].cells[column]:
            text = version.paragraph_text(paragraph)
            lines.append(text)
            size += len(text) + 1
        if size > MAX_VALUE_CHARS:
            break
    return "\n".join(lines)[:MAX_VALUE_CHARS]


def pane_name(view: QWidget, column: int) -> str:
    """"Version 2: name" for the pane ``column``."""
    model = getattr(view, "model", None)
    if model is None or not 0 <= column < len(model.versions):
        return ""
    number = model.number(column) if hasattr(model, "number") else column
    return view.tr("Version {0}: {1}").format(number + 1, model.versions[column].name)


class _Interface(QAccessibleObject):
    """The parts both accessible objects share."""

    def isValid(self) -> bool:  # noqa: D102
        return self.object() is not None

    def window(self) -> QWindow | None:  # type: ignore[override]  # noqa: D102
        widget = self._widget()
        handle = widget.window().windowHandle() if widget is not None else None
        return handle

    def _widget(self) -> QWidget | None:
        raise NotImplementedError

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: D102
        for i in range(self.childCount()):
            child = self.child(i)
            if child is not None and child.rect().contains(x, y):
                return child
        return None


class PanesAccessible(_Interface):
    """The compare view's viewport: a grouping of one document per version."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self._viewport = viewport

    def _widget(self) -> QWidget | None:
        return self._viewport

    def role(self) -> QAccessible.Role:  # noqa: D102
        return QAccessible.Role.Grouping

    def state(self) -> QAccessible.State:  # noqa: D102
        state = QAccessible.State()
        state.invisible = not self._viewport.isVisible()
        return state

    def text(self, kind: QAccessible.Text) -> str:  # noqa: D102
        view = _view_of(self._viewport)
        if view is None:
            return ""
        if kind == QAccessible.Text.Name:
            return view.accessibleName()
        if kind == QAccessible.Text.Description:
            return view.accessibleDescription()
        return ""

    def rect(self) -> QRect:  # noqa: D102
        vp = self._viewport
        return QRect(vp.mapToGlobal(QPoint(0, 0)), vp.size())

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: D102
        return QAccessible.queryAccessibleInterface(self._viewport.parent())  # type: ignore[arg-type]

    def childCount(self) -> int:  # noqa: D102
        return len(_anchors(self._viewport))

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: D102
        anchors = _anchors(self._viewport)
        if 0 <= index < len(anchors):
            return QAccessible.queryAccessibleInterface(anchors[index])
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: D102
        target = child.object() if child is not None else None
        for i, anchor in enumerate(_anchors(self._viewport)):
            if anchor is target:
                return i
        return -1


class PaneAccessible(_Interface):
    """One pane: a read-only document named after its version, its text as its value."""

    def __init__(self, anchor: PaneAnchor) -> None:
        super().__init__(anchor)
        self._anchor = anchor

    def _viewport(self) -> QWidget | None:
        parent = self._anchor.parent()
        return parent if isinstance(parent, QWidget) else None

    def _widget(self) -> QWidget | None:
        return self._viewport()

    def _view(self) -> QWidget | None:
        return _view_of(self._viewport())

    def role(self) -> QAccessible.Role:  # noqa: D102
        return QAccessible.Role.Document

    def state(self) -> QAccessible.State:  # noqa: D102
        state = QAccessible.State()
        state.readOnly = True
        state.multiLine = True
        viewport = self._viewport()
        state.invisible = viewport is None or not viewport.isVisible()
        return state

    def text(self, kind: QAccessible.Text) -> str:  # noqa: D102
        view = self._view()
        if view is None:
            return ""
        column = self._anchor.column
        if kind == QAccessible.Text.Name:
            return pane_name(view, column)
        if kind == QAccessible.Text.Value:
            return pane_text(view, column)
        if kind == QAccessible.Text.Description:
            return self._current_change(view, column)
        return ""

    @staticmethod
    def _current_change(view: QWidget, column: int) -> str:
        """The change under the cursor, when it is marked in this pane."""
        stops = getattr(view, "stops", [])
        current = view.current_stop() if hasattr(view, "current_stop") else -1
        if 0 <= current < len(stops) and stops[current].version == column:
            return view.accessibleDescription()
        return ""

    def rect(self) -> QRect:  # noqa: D102
        view = self._view()
        viewport = self._viewport()
        if view is None or viewport is None:
            return QRect()
        local = view.column_rect(self._anchor.column)  # type: ignore[attr-defined]
        return QRect(viewport.mapToGlobal(local.topLeft()), local.size())

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: D102
        return QAccessible.queryAccessibleInterface(self._viewport())  # type: ignore[arg-type]

    def childCount(self) -> int:  # noqa: D102
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: D102
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: D102
        return -1


def _factory(key: str, obj: QObject | None) -> QAccessibleInterface | None:
    """Qt's accessibility factory: our interfaces for panes and the view's viewport."""
    if isinstance(obj, PaneAnchor):
        interface: QAccessibleInterface = PaneAccessible(obj)
    elif isinstance(obj, QWidget) and _view_of(obj) is not None:
        interface = PanesAccessible(obj)
    else:
        return None
    handle = id(interface)
    _KEEP[handle] = interface  # Qt's cache holds it as long as ``obj`` lives; so do we
    obj.destroyed.connect(lambda *_args: _KEEP.pop(handle, None))
    return interface


_KEEP: dict[int, QAccessibleInterface] = {}


def install_pane_accessibility() -> None:
    """Install the factory that gives the compare view's panes to assistive technology."""
    if not _INSTALLED["done"]:
        QAccessible.installFactory(_factory)
        _INSTALLED["done"] = True
