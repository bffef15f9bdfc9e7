"""Read Comparer's panes through AT-SPI, as the Orca screen reader does, and print JSON.

Run inside a D-Bus session and an X server (``dbus-run-session -- xvfb-run -a python
tests/ui/atspi_probe.py OLD NEW``). It starts the app on Qt's xcb platform with its
accessibility bridge on, finds the two panes on the accessibility bus, reads them through
the AT-SPI Text interface (the calls Orca makes), goes to the first change by pressing the
"Next change" button through AT-SPI, records the events the app sends, moves the caret
from outside, and prints what it found as one JSON object. ``test_pane_atspi.py`` runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

ACCESSIBLE = "org.a11y.atspi.Accessible"
TEXT = "org.a11y.atspi.Text"
ROOT = "/org/a11y/atspi/accessible/root"
BOUNDARY = {"word": 1, "sentence": 3, "line": 5}  # AT-SPI's *_START boundaries
ROLE_PUSH_BUTTON = 43


class Bus:
    """The accessibility bus, with the few calls a screen reader makes."""

    def __init__(self) -> None:
        session = open_dbus_connection(bus="SESSION")
        reply = session.send_and_get_reply(
            new_method_call(
                DBusAddress("/org/a11y/bus", "org.a11y.Bus", "org.a11y.Bus"), "GetAddress"
            )
        )
        session.close()
        self.connection: DBusConnection = open_dbus_connection(bus=reply.body[0])

    def call(
        self,
        ref: tuple[str, str],
        interface: str,
        method: str,
        signature: str | None = None,
        body: tuple[Any, ...] = (),
    ) -> Any:
        message = new_method_call(DBusAddress(ref[1], ref[0], interface), method, signature, body)
        reply = self.connection.send_and_get_reply(message, timeout=20)
        if reply.header.message_type is MessageType.error:
            raise RuntimeError(f"{interface}.{method}: {reply.body}")
        return reply.body[0] if len(reply.body) == 1 else reply.body

    def prop(self, ref: tuple[str, str], interface: str, name: str) -> Any:
        return self.call(ref, "org.freedesktop.DBus.Properties", "Get", "ss", (interface, name))[1]

    def walk(self, ref: tuple[str, str], depth: int = 0):
        yield ref
        if depth < 40:
            for child in self.call(ref, ACCESSIBLE, "GetChildren"):
                yield from self.walk(tuple(child), depth + 1)


BUTTONS = ("next change", "next number change")


def find(bus: Bus, deadline: float) -> tuple[list[tuple[str, str]], dict[str, tuple[str, str]]]:
    """The panes (objects named "Version n: …") and the buttons that go to a change."""
    while time.monotonic() < deadline:
        panes, buttons = [], {}
        for app in bus.call(("org.a11y.atspi.Registry", ROOT), ACCESSIBLE, "GetChildren"):
            try:
                for ref in bus.walk(tuple(app)):
                    name = bus.prop(ref, ACCESSIBLE, "Name")
                    if name.startswith("Version "):
                        panes.append(ref)
                    elif (
                        name.lower() in BUTTONS
                        and bus.call(ref, ACCESSIBLE, "GetRole") == ROLE_PUSH_BUTTON
                    ):
                        buttons[name.lower()] = ref
            except RuntimeError:
                continue  # the tree changed under the walk: walk again
        if len(panes) >= 2 and len(buttons) == len(BUTTONS):
            return panes, buttons
        time.sleep(0.5)
    return [], {}


def read_pane(bus: Bus, ref: tuple[str, str], needle: str) -> dict[str, Any]:
    """What a screen reader reads of one pane."""
    text = bus.call(ref, TEXT, "GetText", "ii", (0, -1))
    out: dict[str, Any] = {
        "name": bus.prop(ref, ACCESSIBLE, "Name"),
        "role": bus.call(ref, ACCESSIBLE, "GetRoleName"),
        "interfaces": bus.call(ref, ACCESSIBLE, "GetInterfaces"),
        "count": bus.prop(ref, TEXT, "CharacterCount"),
        "text": text,
        "caret": bus.prop(ref, TEXT, "CaretOffset"),
        "pane": list(bus.call(ref, "org.a11y.atspi.Component", "GetExtents", "u", (0,))),
    }
    at = text.find(needle)
    out["needle_at"] = at
    if at >= 0:
        out["range"] = bus.call(ref, TEXT, "GetText", "ii", (at, at + len(needle)))
        for kind, boundary in BOUNDARY.items():
            out[kind] = list(bus.call(ref, TEXT, "GetTextAtOffset", "iu", (at + 2, boundary)))
        out["extents"] = list(bus.call(ref, TEXT, "GetCharacterExtents", "iu", (at, 0)))
        x, y, w, h = out["extents"]
        out["offset_at_point"] = bus.call(
            ref, TEXT, "GetOffsetAtPoint", "iiu", (x + w // 2, y + h // 2, 0)
        )
    return out


def listen(bus: Bus, events: list[str]) -> Any:
    """Ask the registry for these events, as a screen reader does; returns their queue.

    The queue fills while other calls wait for their replies (a signal the app sends while
    it answers a call would otherwise be read and dropped with that call's reply).
    """
    registry = ("org.a11y.atspi.Registry", "/org/a11y/atspi/registry")
    for event in events:
        bus.call(registry, "org.a11y.atspi.Registry", "RegisterEvent", "s", (event,))
    rule = MatchRule(type="signal", interface="org.a11y.atspi.Event.Object")
    bus.connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=20)
    return bus.connection.filter(rule, bufsize=1000)


def collect(bus: Bus, queue: Any, seconds: float) -> list[dict[str, Any]]:
    """The events received so far and within ``seconds``, as dicts."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            bus.connection.recv_messages(timeout=left)
        except TimeoutError:
            break
    out = []
    while queue:
        message = queue.popleft()
        body = message.body
        out.append(
            {
                "path": message.header.fields.get(HeaderFields.path),
                "member": message.header.fields.get(HeaderFields.member),
                "detail": body[0] if body else "",
                "detail1": body[1] if len(body) > 1 else 0,
            }
        )
    return out


def main(paths: list[str]) -> int:
    bus = Bus()
    config = tempfile.mkdtemp(prefix="comparer-atspi-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "XDG_CONFIG_HOME": config,  # the app's settings stay out of the user's
        "COMPARER_THEME": "light",
    }
    app = subprocess.Popen([sys.executable, "-m", "comparer", *paths], env=env)
    result: dict[str, Any] = {}
    try:
        panes, buttons = find(bus, time.monotonic() + 90)
        result["found"] = [bus.prop(p, ACCESSIBLE, "Name") for p in panes]
        if len(panes) < 2 or not buttons:
            print("ATSPI-RESULT " + json.dumps(result), flush=True)
            return 1
        result["panes"] = [read_pane(bus, p, "killing at least") for p in panes]
        with listen(bus, ["object:text-caret-moved", "object:property-change"]) as events:
            time.sleep(1.0)  # the app hears of the new listener
            result["paths"] = [p[1] for p in panes]
            for name in BUTTONS:  # as a screen-reader user pressing the button
                bus.call(buttons[name], "org.a11y.atspi.Action", "DoAction", "i", (0,))
                result[name] = {
                    "events": collect(bus, events, 3.0),
                    "panes": [
                        {
                            "caret": bus.prop(p, TEXT, "CaretOffset"),
                            "description": bus.prop(p, ACCESSIBLE, "Description"),
                        }
                        for p in panes
                    ],
                }
            collect(bus, events, 0.1)
            target = result["panes"][1]["needle_at"]
            bus.call(panes[1], TEXT, "SetCaretOffset", "i", (target,))
            result["set_caret"] = {
                "asked": target,
                "now": bus.prop(panes[1], TEXT, "CaretOffset"),
                "events": collect(bus, events, 2.0),
            }
        print("ATSPI-RESULT " + json.dumps(result), flush=True)
        return 0
    finally:
        app.terminate()
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
