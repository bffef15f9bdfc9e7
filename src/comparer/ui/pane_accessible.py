"""What a screen reader finds in the text panes: one text document per version.

The compare view paints its panes itself, so Qt's accessibility would give assistive
technology nothing but the view's name. This module installs an accessibility factory that
gives the view's viewport one child per pane (role Document), named after its version, with:

- Qt's text interface (``QAccessibleTextInterface``) over the whole text of that version:
  character count, text of any range, the text at an offset by character, word, sentence,
  paragraph or line (Qt's own implementation, working on the text this module gives it;
  its lines end at line breaks, so a line is a paragraph, not a line as wrapped on screen),
  the caret, where a character is drawn and which character is at a point. Screen readers
  (Orca through AT-SPI) read and navigate the pane with it as they would a read-only editor.
- the caret at the reader's cursor: the start of the change when next and previous change
  move to one, or where the reader clicked (or a screen reader put it). Each move is sent
  as a caret event (AT-SPI's text-caret-moved); a move to a change also changes the pane's
  description to that change, "Change 3 of 26: v2 ¶1  40 → 48 (+8, +20%)", sent as a
  description-changed event; and while the view has the keyboard focus, the pane holding
  the caret is the focused object (a focus event when the caret changes pane).
- as its value, the text of the rows on screen (what a reader without the text interface
  reads when the pane is reached).

Offsets are Qt's: UTF-16 code units, which differ from Python's string indices only past
a character outside the Basic Multilingual Plane; ``Utf16`` maps between the two.

Two functions of Qt's text interface cannot be given from Python: PySide6 binds neither
``selection()`` nor ``attributes()`` (their results come back through ``int*``). So the
panes report no selection to assistive technology (``selectionCount()`` is 0; setting a
selection from a screen reader still selects in the pane) and no text attributes (an
empty set, whose start and end Qt's AT-SPI bridge leaves unset).

How Qt gets the text interface, and why it is safe: Qt asks the interface for it with
``interface_cast(TextInterface)`` and uses the pointer it gets as a C++
``QAccessibleTextInterface``. The pane's interface is one Python object made of two C++
objects (one per wrapped base class); ``interface_cast`` returns the address of its
``QAccessibleTextInterface`` part as a ``VoidPtr`` (returning a plain int, as the
binding's signature suggests, crashes). Qt's accessibility cache owns the interface and
deletes it when the pane's anchor object is destroyed; ``_REGISTRY`` keeps a strong
reference to every interface handed to Qt and lets go of it only once Qt has deleted it,
so Python never frees what Qt still holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleObject,
    QAccessibleTextCursorEvent,
    QAccessibleTextInterface,
    QWindow,
)
from PySide6.QtWidgets import QWidget

_INSTALLED = {"done": False}
MAX_VALUE_CHARS = 20_000  # a screenful is far less; a pathological row is cut here
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16:
    """Maps a text's Python indices (code points) to Qt's offsets (UTF-16 units) and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # where each astral character starts, in UTF-16 units
        self._unit_starts = [i + k for k, i in enumerate(self._astral)]
        self.units = len(text) + len(self._astral)

    def to_units(self, index: int) -> int:
        """The UTF-16 offset of Python index ``index``."""
        index = max(0, min(index, len(self.text)))
        return index + bisect_left(self._astral, index)

    def to_index(self, units: int) -> int:
        """The Python index at UTF-16 offset ``units`` (inside a surrogate pair: its start)."""
        units = max(0, min(units, self.units))
        return units - bisect_left(self._unit_starts, units)


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
    """The label "Version 2: name" for the pane ``column``."""
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


class PaneAccessible(_Interface, QAccessibleTextInterface):
    """One pane: a read-only document with its version's text, caret at the reader's cursor."""

    def __init__(self, anchor: PaneAnchor) -> None:
        _Interface.__init__(self, anchor)
        QAccessibleTextInterface.__init__(self)
        self._anchor = anchor
        self._column = anchor.column
        self._map = Utf16("")
        self._starts: tuple[object, list[int]] = (None, [])  # model, paragraph starts
        # The address of this object's QAccessibleTextInterface part (the second base
        # class): what Qt must get from interface_cast.
        self._text_part = shiboken6.VoidPtr(shiboken6.getCppPointer(self)[1])

    # --------------------------------------------------------- QAccessibleInterface
    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:  # noqa: D102
        if kind == QAccessible.InterfaceType.TextInterface:
            return self._text_part
        return shiboken6.VoidPtr(0)

    def _viewport(self) -> QWidget | None:
        parent = self._anchor.parent()
        return parent if isinstance(parent, QWidget) else None

    def _widget(self) -> QWidget | None:
        return self._viewport()

    def _view(self) -> Any:
        return _view_of(self._viewport())

    def role(self) -> QAccessible.Role:  # noqa: D102
        return QAccessible.Role.Document

    def state(self) -> QAccessible.State:  # noqa: D102
        state = QAccessible.State()
        state.readOnly = True
        state.multiLine = True
        state.selectableText = True
        viewport = self._viewport()
        state.invisible = viewport is None or not viewport.isVisible()
        view = self._view()
        if view is not None:
            state.focusable = True
            state.focused = view.hasFocus() and _caret_column(view) == self._column
        return state

    def text(self, *args: Any) -> str:
        """Both interfaces' ``text``: ``text(kind)`` of the object, ``text(start, end)``."""
        if len(args) == 2:
            return self._range(int(args[0]), int(args[1]))
        kind = args[0]
        view = self._view()
        if view is None:
            return ""
        if kind == QAccessible.Text.Name:
            return pane_name(view, self._column)
        if kind == QAccessible.Text.Value:
            return pane_text(view, self._column)
        if kind == QAccessible.Text.Description:
            return current_change(view, self._column)
        return ""

    def rect(self) -> QRect:  # noqa: D102
        view = self._view()
        viewport = self._viewport()
        if view is None or viewport is None:
            return QRect()
        local = view.column_rect(self._column)
        return QRect(viewport.mapToGlobal(local.topLeft()), local.size())

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: D102
        return QAccessible.queryAccessibleInterface(self._viewport())  # type: ignore[arg-type]

    def childCount(self) -> int:  # noqa: D102
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: D102
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: D102
        return -1

    # ---------------------------------------------------- QAccessibleTextInterface
    def _mapping(self) -> Utf16:
        """The pane's whole text and its offset map (remade when the version changes)."""
        view = self._view()
        model = view.model if view is not None else None
        text = ""
        if model is not None and self._column < len(model.versions):
            text = model.versions[self._column].text
        if text is not self._map.text:
            self._map = Utf16(text)
        return self._map

    def _range(self, start: int, end: int) -> str:
        mapping = self._mapping()
        if end < 0:
            end = mapping.units
        return mapping.text[mapping.to_index(start) : mapping.to_index(end)]

    def characterCount(self) -> int:  # noqa: D102
        return self._mapping().units

    def cursorPosition(self) -> int:  # noqa: D102
        view = self._view()
        offset = caret_offset(view, self._column) if view is not None else 0
        return self._mapping().to_units(offset)

    def setCursorPosition(self, position: int) -> None:  # noqa: D102
        view = self._view()
        if view is not None:
            offset = self._mapping().to_index(position)
            view.select_range(self._column, offset, offset)
            view.scroll_to_offset(self._column, offset)

    def selectionCount(self) -> int:  # noqa: D102
        return 0  # selection() cannot be given from Python (see the module docstring)

    def addSelection(self, startOffset: int, endOffset: int) -> None:  # noqa: D102, N803
        self.setSelection(0, startOffset, endOffset)

    def setSelection(self, selectionIndex: int, startOffset: int, endOffset: int) -> None:  # noqa: D102, N803
        view = self._view()
        if view is not None:
            mapping = self._mapping()
            view.select_range(
                self._column, mapping.to_index(startOffset), mapping.to_index(endOffset)
            )

    def removeSelection(self, selectionIndex: int) -> None:  # noqa: D102, N803
        view = self._view()
        where = view.cursor_position() if view is not None else None
        if where is not None and where[0] == self._column:
            view.select_range(self._column, where[1], where[1])

    def characterRect(self, offset: int) -> QRect:
        """Where the character is on screen; empty when it is not on screen.

        Qt's AT-SPI bridge asks this once per character of a range, so a character
        scrolled out of view is answered without laying anything out.
        """
        view = self._view()
        viewport = self._viewport()
        if view is None or viewport is None:
            return QRect()
        index = self._mapping().to_index(offset)
        if self._row_of(view, index) not in view.visible_rows():
            return QRect()
        local = view.offset_rect(self._column, index).toAlignedRect()
        if local.isEmpty():
            return QRect()
        return QRect(viewport.mapToGlobal(local.topLeft()), local.size())

    def _row_of(self, view: Any, index: int) -> int:
        """The row showing Python index ``index`` of this pane's version."""
        model = view.model
        if model is None or self._column >= len(model.versions):
            return -1
        if self._starts[0] is not model:
            paragraphs = model.versions[self._column].paragraphs
            self._starts = (model, [p.start for p in paragraphs])
        starts = self._starts[1]
        if not starts:
            return -1
        return int(model.paragraph_rows[self._column][max(0, bisect_right(starts, index) - 1)])

    def offsetAtPoint(self, point: QPoint) -> int:  # noqa: D102
        view = self._view()
        viewport = self._viewport()
        if view is None or viewport is None:
            return -1
        hit = view.hit(QPointF(viewport.mapFromGlobal(point)))
        if hit is None or hit.column != self._column or hit.offset is None:
            return -1
        return self._mapping().to_units(hit.offset)

    def scrollToSubstring(self, startIndex: int, endIndex: int) -> None:  # noqa: D102, N803
        view = self._view()
        if view is not None:
            view.scroll_to_offset(self._column, self._mapping().to_index(startIndex))


def current_change(view: Any, column: int) -> str:
    """The change under the cursor ("Change 3 of 26: …"), when it is marked in ``column``."""
    stops = getattr(view, "stops", [])
    current = view.current_stop() if hasattr(view, "current_stop") else -1
    if 0 <= current < len(stops) and stops[current].version == column:
        return str(view.accessibleDescription())
    return ""


def _caret(view: Any) -> tuple[int, int] | None:
    """The pane and offset of the reader's cursor: the change last gone to, or the click.

    Read from the view each time, so that a new pair of versions leaves no stale caret.
    """
    tracker = view.findChild(_CaretTracker)
    clicked = view.cursor_position()
    if tracker is not None and tracker.last == "click" and clicked is not None:
        return int(clicked[0]), int(clicked[1])
    stops, current = view.stops, view.current_stop()
    if 0 <= current < len(stops):
        return stops[current].version, stops[current].start
    return (int(clicked[0]), int(clicked[1])) if clicked is not None else None


def _caret_column(view: Any) -> int:
    caret = _caret(view)
    return caret[0] if caret is not None else -1


def caret_offset(view: Any, column: int) -> int:
    """Where the caret is in pane ``column`` (a Python index; 0 when it is elsewhere)."""
    caret = _caret(view)
    return caret[1] if caret is not None and caret[0] == column else 0


class _CaretTracker(QObject):
    """Follows the reader's cursor in one view and tells assistive technology of its moves.

    A child of the view, so it goes when the view goes.
    """

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self._view = view
        self.last = ""  # what moved the caret last: "stop" or "click"
        self._column = -1  # the pane the caret was last announced in
        view.current_stop_changed.connect(self._on_stop)
        view.selection_changed.connect(self._on_selection)
        view.installEventFilter(self)

    def _on_stop(self, index: int) -> None:
        if index >= 0:
            self.last = "stop"
            self._announce(described=True)

    def _on_selection(self) -> None:
        if self._view.cursor_position() is not None:
            self.last = "click"
            self._announce(described=False)

    def _announce(self, described: bool) -> None:
        """Tell assistive technology the caret moved (and, to a change, what it is).

        Sent once control returns to the event loop: the window sets the view's
        description (the change's label) in the same signal, after this slot.
        """
        if QAccessible.isActive():
            QTimer.singleShot(0, self, lambda: self._send(described))

    def _send(self, described: bool) -> None:
        caret = _caret(self._view)
        if caret is None or not QAccessible.isActive():
            return
        before, column = self._column, caret[0]
        self._column = column
        pane = _pane_interface(self._view, column)
        if pane is None:
            return
        if self._view.hasFocus() and before != column:
            QAccessible.updateAccessibility(QAccessibleEvent(pane, QAccessible.Event.Focus))
        QAccessible.updateAccessibility(QAccessibleTextCursorEvent(pane, pane.cursorPosition()))
        if described:
            event = QAccessibleEvent(pane, QAccessible.Event.DescriptionChanged)
            QAccessible.updateAccessibility(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102
        caret = _caret(self._view) if event.type() == QEvent.Type.FocusIn else None
        if caret is not None:
            QTimer.singleShot(0, self, lambda: self._focus(caret[0]))
        return False

    def _focus(self, column: int) -> None:
        pane = _pane_interface(self._view, column)
        if pane is not None and QAccessible.isActive() and self._view.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(pane, QAccessible.Event.Focus))


def _pane_interface(view: Any, column: int) -> PaneAccessible | None:
    anchors = _anchors(view.viewport())
    if not 0 <= column < len(anchors):
        return None
    interface = QAccessible.queryAccessibleInterface(anchors[column])
    return interface if isinstance(interface, PaneAccessible) else None


def track_caret(view: QWidget) -> None:
    """Follow the reader's cursor in ``view`` (once per view)."""
    if view.findChild(_CaretTracker) is None:
        _CaretTracker(view)


def _factory(key: str, obj: QObject | None) -> QAccessibleInterface | None:
    """Qt's accessibility factory: our interfaces for panes and the view's viewport."""
    if isinstance(obj, PaneAnchor):
        interface: QAccessibleInterface = PaneAccessible(obj)
    elif isinstance(obj, QWidget) and (view := _view_of(obj)) is not None:
        interface = PanesAccessible(obj)
        track_caret(view)
    else:
        return None
    _keep(interface)
    return interface


_REGISTRY: list[QAccessibleInterface] = []


def _keep(interface: QAccessibleInterface) -> None:
    """Hold ``interface`` until Qt has deleted it."""
    sweep()
    _REGISTRY.append(interface)


def sweep() -> None:
    """Let go of the interfaces Qt has deleted (their C++ part is no longer valid)."""
    _REGISTRY[:] = [i for i in _REGISTRY if shiboken6.isValid(i)]


def install_pane_accessibility() -> None:
    """Install the factory that gives the compare view's panes to assistive technology."""
    if not _INSTALLED["done"]:
        QAccessible.installFactory(_factory)
        _INSTALLED["done"] = True
