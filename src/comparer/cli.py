"""The ``comparer`` command: opens the window, or compares and lists quotes headless.

``comparer [FILE …]`` opens the window (empty without files); ``comparer compare …`` and
``comparer quotes …`` never need a display. Heavy modules are imported only by the
sub-command that needs them, so the headless commands start quickly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2, as ``diff``'s."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_TROUBLE, f"{self.prog}: {message}\n")


def _compare_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="comparer compare", description="Compare two or more versions of an article.")
    p.add_argument("files", nargs="+", metavar="FILE", help="versions, oldest first")
    p.add_argument("--format", choices=("text", "json", "html", "pdf"), default="text")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    p.add_argument(
        "--ignore-case", action="store_true", help="do not report changes of letter case"
    )
    p.add_argument("--ignore-whitespace", action="store_true", help="do not report spacing changes")
    p.add_argument(
        "--full-page", action="store_true", help="web pages: compare all the page's text"
    )
    p.add_argument(
        "--layout",
        choices=("side-by-side", "inline"),
        default="side-by-side",
        help="reports: versions side by side or inline",
    )
    p.add_argument("--show-equal", action="store_true", help="text: print unchanged paragraphs too")
    p.add_argument(
        "--no-quotes",
        action="store_true",
        help="skip finding quotes and speakers (faster on very long texts; lists stay empty)",
    )
    p.add_argument("--color", "--colour", choices=("auto", "always", "never"), default="auto")
    return p


def _quotes_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="comparer quotes", description="List who is quoted in an article.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--full-page", action="store_true", help="web pages: read all the page's text")
    return p


class _VersionAction(argparse.Action):
    """``--version``: reads the installed version only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from comparer import __version__

        parser.exit(0, f"comparer {__version__}\n")


def _window_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="comparer",
        description="Compare versions of a news article side by side. "
        "Sub-commands: 'comparer compare FILE FILE …' and 'comparer quotes FILE' work headless.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="versions to open, oldest first")
    p.add_argument("--sample", action="store_true", help="open the bundled sample article versions")
    p.add_argument(
        "--screenshot", metavar="PNG", help="save a PNG of the window once painted, then exit"
    )
    p.add_argument("--size", metavar="WxH", help="window size, e.g. 1400x900")
    p.add_argument("--version", action=_VersionAction)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "compare":
            return _run_compare(_compare_parser().parse_args(args[1:]))
        if args and args[0] == "quotes":
            return _run_quotes(_quotes_parser().parse_args(args[1:]))
        return _run_window(_window_parser().parse_args(args))
    except SystemExit as exc:  # argparse: --help, --version, or a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_TROUBLE
    except KeyboardInterrupt:
        return EXIT_TROUBLE
    except BrokenPipeError:
        return EXIT_TROUBLE
    except MemoryError:
        print("comparer: out of memory", file=sys.stderr)
        return EXIT_TROUBLE


def _fail(message: str) -> int:
    print(f"comparer: {message}", file=sys.stderr)
    return EXIT_TROUBLE


def _load_all(paths: Sequence[str], full_page: bool) -> list[object] | str:
    from comparer.formats import LoadError, load_path
    from comparer.formats.base import LoadOptions

    options = LoadOptions(full_page=full_page)
    versions: list[object] = []
    for path in paths:
        try:
            versions.append(load_path(path, options))
        except LoadError as exc:
            return str(exc)
        except Exception as exc:  # noqa: BLE001 - a loader bug must not show a traceback
            return f"{path}: could not be read ({type(exc).__name__}: {exc})"
    return versions


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _run_compare(args: argparse.Namespace) -> int:
    if len(args.files) < 2:
        return _fail("compare needs at least two files (versions, oldest first)")
    if args.output and any(_same_file(args.output, f) for f in args.files):
        return _fail(f"{args.output}: is one of the input files; Comparer never writes to them")
    if args.format == "pdf" and not args.output:
        return _fail("--format pdf needs -o OUT.pdf")
    loaded = _load_all(args.files, args.full_page)
    if isinstance(loaded, str):
        return _fail(loaded)
    from comparer.core.compare import compare
    from comparer.core.comparison import CompareOptions
    from comparer.core.version import Version

    versions = [v for v in loaded if isinstance(v, Version)]
    options = CompareOptions(ignore_case=args.ignore_case, ignore_whitespace=args.ignore_whitespace)
    comparison = compare(versions, options, with_quotes=not args.no_quotes, parallel=True)
    status = EXIT_DIFFERENT if comparison.differs else EXIT_SAME

    if args.format == "json":
        from comparer.export.json_export import dumps

        payload: str | bytes = dumps(comparison)
    elif args.format == "text":
        from comparer.export.text_report import render

        colour = args.color == "always" or (
            args.color == "auto"
            and not args.output
            and sys.stdout.isatty()
            and "NO_COLOR" not in os.environ
        )
        payload = render(comparison, colour=colour, show_equal=args.show_equal)
    elif args.format == "html":
        try:
            from comparer.export.html_report import render_html
        except ImportError:
            return _fail("HTML reports are not available in this build")
        payload = render_html(comparison, layout=args.layout)
    else:
        try:
            from comparer.ui.report_pdf import comparison_pdf_bytes
        except ImportError:
            return _fail("PDF reports are not available in this build")
        payload = comparison_pdf_bytes(comparison, layout=args.layout)
    error = _write(payload, args.output)
    if error:
        return _fail(error)
    return status


def _write(payload: str | bytes, output: str | None) -> str | None:
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    if not output:
        out = sys.stdout
        if isinstance(payload, str):
            try:
                out.write(payload)
            except UnicodeEncodeError:
                out.buffer.write(data)
        else:
            out.buffer.write(data)
        out.flush()
        return None
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        return f"{output}: cannot be written ({exc.strerror or exc})"
    return None


def _run_quotes(args: argparse.Namespace) -> int:
    loaded = _load_all([args.file], args.full_page)
    if isinstance(loaded, str):
        return _fail(loaded)
    from comparer.core.quotes import extract_quotes
    from comparer.core.version import Version

    version = loaded[0]
    assert isinstance(version, Version)
    quotes = extract_quotes(version.text, version.paragraphs)
    if args.format == "json":
        from comparer.export.json_export import quotes_dumps

        _write(quotes_dumps(quotes), None)
    else:
        lines = []
        for q in quotes:
            who = q.speaker or "(unattributed)"
            lines.append(f"{who} [{q.kind}]: {q.text}")
        _write("\n".join(lines) + ("\n" if lines else "no quotes found\n"), None)
    return EXIT_SAME


def _parse_size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        w, h = text.lower().split("x")
        size = int(w), int(h)
    except ValueError:
        return None
    return size if size[0] > 0 and size[1] > 0 else None


def _warm_up_comparing() -> None:
    """Import the loaders and the engine in the background while Qt starts.

    The window reads and compares its files on a worker thread once it is built; with the
    modules already imported the comparison is painted sooner (about 0.1 s, measured by
    ``benchmarks/bench_window.py``). An import that fails here fails again, and is reported,
    where the window needs it.
    """

    def warm() -> None:
        try:
            import comparer.core.compare
            import comparer.formats  # noqa: F401
        except Exception:  # noqa: BLE001, S110 - reported where the window imports them
            pass

    import threading

    threading.Thread(target=warm, name="comparer-warm-up", daemon=True).start()


def _run_window(args: argparse.Namespace) -> int:
    size = _parse_size(args.size)
    if args.size and size is None:
        return _fail(f"--size {args.size}: expected WIDTHxHEIGHT, e.g. 1400x900")
    files = list(args.files)
    if files or args.sample:
        _warm_up_comparing()
    from comparer.ui.display_check import display_problem

    problem = display_problem()
    if problem is not None:
        return _fail(problem.message)
    try:
        from comparer.ui.app import run_app
    except ImportError as exc:
        # Qt cannot load here (no graphics libraries): show the comparison in the terminal.
        from comparer.sample import sample_paths

        if args.sample:
            files = [str(p) for p in sample_paths()]
        if len(files) < 2 or args.screenshot:
            return _fail(f"the window cannot open ({exc}); use 'comparer compare FILE FILE'")
        return _run_compare(_compare_parser().parse_args(files))
    return int(run_app(files, sample=args.sample, screenshot=args.screenshot, size=size))
