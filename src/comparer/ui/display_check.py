"""Before the window opens on Linux: is there a display, and are Qt's X11 libraries there?

Qt's X11 platform plugin (xcb) needs a dozen system libraries that pip cannot install
(``libxcb-cursor0``, ``libxcb-icccm4``, ``libxcb-keysyms1``, …). Without them Qt prints
"Could not load the Qt platform plugin" and aborts the process. This module finds the
missing ones first, by trying to load each library the plugin links against, so that
``comparer`` can stop with one line naming the packages and the command that installs them.
It imports no Qt, so it costs nothing when the window is not opened, and
``python -m comparer.ui.display_check`` prints the missing Debian packages for the set-up
scripts. Qt itself offers no way to ask this: a failed plugin load ends the process.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

# What Qt 6's xcb platform plugin and the widgets it draws load, with the Debian/Ubuntu
# package that ships each library (the names are the same on both).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libdbus-1.so.3": "libdbus-1-3",
}

# Libraries an app bundle leaves to the system, as PyInstaller does: they go with the
# display drivers and the X server. The app folder carries every other one of the table.
SYSTEM_ONLY = frozenset({"libxcb.so.1", "libEGL.so.1", "libGL.so.1"})


@dataclass(frozen=True)
class DisplayProblem:
    """Why the window cannot open here, as one line, and the packages that would fix it."""

    message: str
    packages: tuple[str, ...] = ()


def _loads(name: str) -> bool:
    """Whether the dynamic linker finds the library ``name`` (or a bundled copy of it)."""
    for folder in _bundled_folders():
        if (folder / name).exists():
            return True
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _bundled_folders() -> list[Path]:
    """Folders an app bundle keeps its own copies of libraries in."""
    frozen = getattr(sys, "_MEIPASS", None)
    return [Path(frozen)] if frozen else []


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will draw through X11 here (Linux, and no other platform chosen)."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    wayland = environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY")
    return not wayland


def missing_libraries(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The libraries Qt's X11 plugin needs that cannot be loaded, in the table's order."""
    loads = loads or _loads
    return [name for name in XCB_LIBRARIES if not loads(name)]


def install_command(packages: list[str] | tuple[str, ...]) -> str:
    """The command that installs ``packages`` on Debian or Ubuntu."""
    return "sudo apt-get install " + " ".join(packages)


def display_problem(
    environ: Mapping[str, str] | None = None, loads: Callable[[str], bool] | None = None
) -> DisplayProblem | None:
    """What stops the window from opening, or None when nothing is known to.

    Args:
        environ: the environment to judge (the process's own by default).
        loads: tells whether a shared library can be loaded (tests pass a fake).
    """
    env = os.environ if environ is None else environ
    if not uses_xcb(env):
        return None
    missing = missing_libraries(loads)
    if missing:
        packages = tuple(dict.fromkeys(XCB_LIBRARIES[name] for name in missing))
        return DisplayProblem(
            "the window needs system libraries that are missing ("
            + ", ".join(missing)
            + "); install them with: "
            + install_command(packages),
            packages,
        )
    if not env.get("DISPLAY"):
        return DisplayProblem(
            "there is no display to open the window on (DISPLAY is not set); "
            "run it on a desktop, or use 'comparer compare FILE FILE' in a terminal"
        )
    return None


def main() -> int:
    """Print the Debian packages the window still needs, space-separated (nothing if none)."""
    environ = dict(os.environ)
    environ["QT_QPA_PLATFORM"] = "xcb"
    environ.setdefault("DISPLAY", ":0")
    problem = display_problem(environ) if sys.platform.startswith("linux") else None
    if problem and problem.packages:
        print(" ".join(problem.packages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
