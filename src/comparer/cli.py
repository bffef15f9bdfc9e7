"""The ``comparer`` command: opens the window, or compares and lists quotes headless.

``comparer [FILE …]`` opens the window (empty without files; ``comparer ARCHIVE --story ID``
opens one story of an archive); ``comparer compare …``, ``comparer quotes …`` and
``comparer batch …`` never need a display. Heavy modules are imported only by the
sub-command that needs them, so the headless commands start quickly.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparer.core.model import Version

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2
_DEBUG_HELP = "when a file cannot be read, also print what went wrong inside (for bug reports)"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2, as ``diff``'s."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_TROUBLE, f"{self.prog}: {message}\n")


def _add_web_options(p: argparse.ArgumentParser, history: bool = True) -> None:
    """The options of commands that take a web address (see docs/network.md)."""
    p.add_argument(
        "--archive-url",
        metavar="URL",
        help="the web archive to ask (default: $COMPARER_ARCHIVE_URL, else the Wayback Machine)",
    )
    if not history:
        return
    p.add_argument("--from", dest="since", metavar="DATE", help="web address: captures from DATE")
    p.add_argument("--to", dest="until", metavar="DATE", help="web address: captures until DATE")
    p.add_argument(
        "--captures",
        type=int,
        metavar="N",
        help="web address: open at most N captures (default 20: the first, the last, "
        "and others spread between them)",
    )
    p.add_argument("--no-live", action="store_true", help="web address: leave out the live page")


def _compare_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="comparer compare",
        description="Compare two or more versions of an article, or the archived captures "
        "and live page of one web address.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="versions (ordered as --order says); or one web address",
    )
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
    p.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
    _add_web_options(p)
    _add_order(p)
    return p


def _add_order(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--order",
        choices=("auto", "given", "date"),
        default="auto",
        help="order of the versions: by the articles' own dates when every version has one "
        "and they differ, else as given (auto); always as given; or by date",
    )


def _history_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="comparer history",
        description="A story's whole history: timeline, paragraph lineages, figures, "
        "speakers. With a web address instead of files: the page's archived captures.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="two or more versions of the story; or one web address (its archived captures "
        "and the live page, in capture order)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    p.add_argument(
        "--full-page", action="store_true", help="web pages: compare all the page's text"
    )
    p.add_argument(
        "--no-quotes", action="store_true", help="skip finding quotes (speakers stay empty)"
    )
    p.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
    _add_order(p)
    _add_web_options(p)
    return p


def _captures_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="comparer captures",
        description="List a web page's distinct captures in the web archive (nothing is "
        "downloaded but the list).",
    )
    p.add_argument("url", metavar="URL", help="the page's address (http:// or https://)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--from", dest="since", metavar="DATE", help="captures from DATE")
    p.add_argument("--to", dest="until", metavar="DATE", help="captures until DATE")
    _add_web_options(p, history=False)
    return p


def _clear_cache_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="comparer clear-cache",
        description="Delete the web captures and capture lists Comparer keeps in its cache.",
    )
    return p


def _quotes_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="comparer quotes", description="List who is quoted in an article.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--full-page", action="store_true", help="web pages: read all the page's text")
    p.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
    return p


class _VersionAction(argparse.Action):
    """``--version``: reads the installed version only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from comparer import __version__

        print(f"comparer {__version__}")  # on standard output, as argparse's own action
        parser.exit(0)


def _window_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="comparer",
        description="Compare versions of a news article side by side. "
        "Sub-commands work headless: 'comparer compare FILE FILE …', 'comparer history "
        "FILE FILE …' (or URL), 'comparer quotes FILE', 'comparer captures URL', "
        "'comparer clear-cache' and 'comparer batch ARCHIVE -o RESULTS'.",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="versions to open (ordered as --order says); or a web address to choose its captures",
    )
    _add_web_options(p, history=False)
    p.add_argument("--sample", action="store_true", help="open the bundled sample article versions")
    p.add_argument(
        "--screenshot", metavar="PNG", help="save a PNG of the window once painted, then exit"
    )
    p.add_argument("--size", metavar="WxH", help="window size, e.g. 1400x900")
    _add_order(p)
    p.add_argument(
        "--story", metavar="ID", help="open this story of an archive (FILE is the archive)"
    )
    p.add_argument("--version", action=_VersionAction)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "compare":
            return _run_compare(_compare_parser().parse_args(args[1:]))
        if args and args[0] == "history":
            return _run_history(_history_parser().parse_args(args[1:]))
        if args and args[0] == "quotes":
            return _run_quotes(_quotes_parser().parse_args(args[1:]))
        if args and args[0] == "captures":
            return _run_captures(_captures_parser().parse_args(args[1:]))
        if args and args[0] == "clear-cache":
            return _run_clear_cache(_clear_cache_parser().parse_args(args[1:]))
        if args and args[0] == "batch":
            try:
                from comparer.batch.command import main as batch_main
            except ImportError as exc:  # the desktop app leaves out Dask and Parquet
                return _fail(f"batch is not available in this build ({exc}); pip install comparer")
            return batch_main(args[1:])
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


def _fail(message: str, detail: str = "") -> int:
    """Print the one-line ``message`` (and, for ``--debug``, ``detail`` below it); exit 2."""
    from comparer.core.visible import visible_line, visible_text

    print(f"comparer: {visible_line(message)}", file=sys.stderr)
    if detail:
        print(visible_text(detail).rstrip(), file=sys.stderr)
    return EXIT_TROUBLE


def _load_all(paths: Sequence[str], full_page: bool) -> list[object] | tuple[str, str]:
    """The versions in ``paths``, or (message, detail) for the first that cannot be read."""
    import traceback

    from comparer.core.visible import visible_name
    from comparer.formats import LoadError, load_path
    from comparer.formats.base import LoadOptions

    options = LoadOptions(full_page=full_page)
    versions: list[object] = []
    for path in paths:
        try:
            versions.append(load_path(path, options))
        except LoadError as exc:
            return str(exc), exc.detail
        except Exception as exc:  # noqa: BLE001 - a loader bug must not show a traceback
            return (
                f"{visible_name(path)}: could not be read because of an error in Comparer "
                "(--debug shows it; please report it)",
                "".join(traceback.format_exception(exc)),
            )
    return versions


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _is_web_address(text: str) -> bool:
    from comparer.web.address import is_web_address  # cheap: no HTTP library is loaded

    return is_web_address(text)


def _web_request(args: argparse.Namespace) -> object:
    """The history request the web options ask for, or an error message."""
    from comparer.web.address import archive_timestamp
    from comparer.web.errors import WebError
    from comparer.web.history import DEFAULT_CAPTURES, HistoryRequest

    captures = DEFAULT_CAPTURES if args.captures is None else args.captures
    if captures < 1:
        return f"--captures {captures}: give a number of captures, 1 or more"
    try:
        since = archive_timestamp(args.since) if args.since else None
        until = archive_timestamp(args.until, end=True) if args.until else None
    except WebError as exc:
        return str(exc)
    return HistoryRequest(
        since=since,
        until=until,
        captures=captures,
        live=not args.no_live,
        full_page=bool(getattr(args, "full_page", False)),
    )


def _load_web(url: str, args: argparse.Namespace) -> list[object] | str:
    """The versions of a web address (captures, then the live page), or an error message.

    Captures left out (not a page, too large, gone from the archive) are named on stderr.
    """
    from comparer.web.errors import WebError
    from comparer.web.history import HistoryRequest, load_versions
    from comparer.web.options import WebOptions

    request = _web_request(args)
    if not isinstance(request, HistoryRequest):
        return str(request)
    options = WebOptions.from_env(args.archive_url)
    try:
        history = load_versions(url, options, request)
    except WebError as exc:
        return f"{url}: {exc}"
    for note in history.notes:
        print(f"comparer: note: {note}", file=sys.stderr)
    if not history.versions:
        return f"{url}: no version could be read"
    return list(history.versions)


def _web_only_options(args: argparse.Namespace) -> str | None:
    """The web options given to a command that has no web address, if any."""
    for flag, value in (
        ("--from", args.since),
        ("--to", args.until),
        ("--captures", args.captures),
        ("--no-live", args.no_live or None),
        ("--archive-url", args.archive_url),
    ):
        if value is not None:
            return f"{flag} applies to a web address only"
    return None


def _load_versions(args: argparse.Namespace, command: str, too_few: str) -> list[Version] | int:
    """The versions ``args.files`` name (files, or one web address), or the exit status.

    Shared by ``compare`` and ``history``: one web address or two or more files, never
    an input file as the output, and at least two versions to compare.
    """
    from comparer.core.model import Version
    from comparer.core.visible import visible_name

    web = [f for f in args.files if _is_web_address(f)]
    if web and len(args.files) > 1:
        return _fail(f"{command} takes one web address, or files; not both, nor several addresses")
    if not web:
        if len(args.files) < 2:
            return _fail(too_few)
        misplaced = _web_only_options(args)
        if misplaced:
            return _fail(misplaced)
    if args.output and any(_same_file(args.output, f) for f in args.files if f not in web):
        return _fail(
            f"{visible_name(args.output)}: is one of the input files; Comparer never writes to them"
        )
    loaded = _load_web(web[0], args) if web else _load_all(args.files, args.full_page)
    if isinstance(loaded, str):
        return _fail(loaded)
    if isinstance(loaded, tuple):
        return _fail(loaded[0], loaded[1] if args.debug else "")
    versions = [v for v in loaded if isinstance(v, Version)]
    if len(versions) < 2:
        return _fail(
            f"{web[0]}: only one distinct version could be read ({versions[0].name}); "
            "there is nothing to compare"
        )
    return versions


def _run_compare(args: argparse.Namespace) -> int:
    if args.format == "pdf" and not args.output:
        return _fail("--format pdf needs -o OUT.pdf")
    loaded = _load_versions(
        args, "compare", "compare needs at least two files (versions, oldest first)"
    )
    if isinstance(loaded, int):
        return loaded
    return _report(loaded, args)


def _report(loaded: Sequence[object], args: argparse.Namespace, prefix: str = "") -> int:
    """Compare the versions and write the report ``args`` ask for; returns the exit status."""
    from comparer.core.compare import compare
    from comparer.core.model import CompareOptions, Version

    # web captures keep their capture order; files follow --order
    order = getattr(args, "order", "given")
    versions, _given = _in_order([v for v in loaded if isinstance(v, Version)], order)
    options = CompareOptions(
        ignore_case=getattr(args, "ignore_case", False),
        ignore_whitespace=getattr(args, "ignore_whitespace", False),
    )
    story_context = None
    if len(versions) >= 3 and args.format in ("html", "pdf"):
        # a story's report opens with its timeline, figures and speakers over time
        from comparer.core.history import build_history
        from comparer.core.story import Story
        from comparer.export.story_report import StoryContext

        story = Story(versions, options)
        history = build_history(story, with_quotes=not args.no_quotes, parallel=True)
        story_context = StoryContext(history, tuple(range(len(versions))))
        comparison = story.whole(with_quotes=not args.no_quotes)
    else:
        comparison = compare(versions, options, with_quotes=not args.no_quotes, parallel=True)
    status = EXIT_DIFFERENT if comparison.differs else EXIT_SAME

    if args.format == "json":
        from comparer.export.json_export import dumps

        payload: str | bytes = dumps(comparison)
    elif args.format == "text":
        from comparer.export.text_report import render

        choice = getattr(args, "color", "auto")
        colour = choice == "always" or (
            choice == "auto"
            and not args.output
            and sys.stdout.isatty()
            and "NO_COLOR" not in os.environ
        )
        payload = prefix + render(
            comparison, colour=colour, show_equal=getattr(args, "show_equal", False)
        )
    elif args.format == "html":
        try:
            from comparer.export.html_report import render_html
        except ImportError:
            return _fail("HTML reports are not available in this build")
        payload = render_html(
            comparison, layout=getattr(args, "layout", "side-by-side"), story=story_context
        )
    else:
        try:
            from comparer.ui.report_pdf import comparison_pdf_bytes
        except ImportError:
            return _fail("PDF reports are not available in this build")
        payload = comparison_pdf_bytes(
            comparison, layout=getattr(args, "layout", "side-by-side"), story=story_context
        )
    error = _write(payload, args.output)
    if error:
        return _fail(error)
    return status


def _in_order(versions: list[Version], order: str) -> tuple[list[Version], list[int]]:
    """The versions in reading order, with a warning when that order contradicts their dates.

    Returns the versions in order and, for each, its place in the order given.
    """
    from comparer.core.story import DOCUMENT, choose_order, contradiction

    chosen = choose_order(versions, order)
    ordered = [versions[i] for i in chosen]
    clash = contradiction(ordered)
    if clash is not None:
        saved = clash.basis == DOCUMENT
        whose = "the times the documents were saved" if saved else "the articles' dates"
        into = "the order they were saved in" if saved else "date order"
        print(
            f"comparer: warning: the order given contradicts {whose}: "
            f"{clash.describe(ordered)}; --order date puts them in {into}",
            file=sys.stderr,
        )
    return ordered, chosen


def _run_history(args: argparse.Namespace) -> int:
    loaded = _load_versions(
        args,
        "history",
        "history needs two or more files (versions of one story), "
        "or a web address (http:// or https://)",
    )
    if isinstance(loaded, int):
        return loaded
    from comparer.core.history import build_history
    from comparer.core.story import Story, dates_decide

    web = loaded[0].web is not None
    if web:
        # captures come in capture order, the live page last: that is their date order
        versions, given, by_date = loaded, list(range(len(loaded))), False
    else:
        versions, given = _in_order(loaded, args.order)
        by_date = args.order == "date" or (args.order == "auto" and dates_decide(loaded))
    history = build_history(Story(versions), with_quotes=not args.no_quotes, parallel=True)
    order = "date" if by_date else "given"
    if args.format == "json":
        from comparer.export.history_json import history_dumps

        payload = history_dumps(history, order, given)
    else:
        from comparer.export.history_json import history_text

        payload = history_text(history, order)
        if web:
            payload = _web_evidence(args.files[0], versions) + payload
    error = _write(payload, args.output)
    return _fail(error) if error else EXIT_SAME


def _web_evidence(url: str, versions: Sequence[Version]) -> str:
    """Where each version of a web address came from: the lines a text history opens with."""
    from comparer.core.visible import visible_line

    lines = [f"{visible_line(url)}: {len(versions)} distinct versions, oldest first", ""]
    for index, version in enumerate(versions):
        web = version.web
        if web is None:
            continue
        where = web.archive_url or f"live page, fetched from {web.received_from}"
        lines += [
            f"v{index + 1}  {visible_line(version.name)}",
            f"    {visible_line(where)}",
            f"    sha256 {version.sha256}  ({version.size:,} bytes received)",
        ]
    return "\n".join(lines) + "\n\n"


# A file name that is not UTF-8 ("\xff.txt" from an old archive) is read by Python with its
# bytes kept as lone surrogates, which UTF-8 cannot write: they are written as U+FFFD, as
# the HTML report writes them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _write(payload: str | bytes, output: str | None) -> str | None:
    if isinstance(payload, str):
        try:
            data = payload.encode("utf-8")
        except UnicodeEncodeError:
            payload = _LONE_SURROGATE.sub("\ufffd", payload)
            data = payload.encode("utf-8")
    else:
        data = payload
    if not output:
        out = sys.stdout
        try:
            if isinstance(payload, str):
                try:
                    out.write(payload)
                except UnicodeEncodeError:
                    out.buffer.write(data)
            else:
                out.buffer.write(data)
            out.flush()
        except BrokenPipeError:
            raise  # the reader went away (``| head``): nothing to tell
        except OSError as exc:  # a full disk, a closed terminal: told, not a traceback
            _drop_stdout()
            return f"standard output: cannot be written ({exc.strerror or exc})"
        return None
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        from comparer.core.visible import visible_name

        return f"{visible_name(output)}: cannot be written ({exc.strerror or exc})"
    return None


def _drop_stdout() -> None:
    """Send what is left in standard output's buffers nowhere, so exiting cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor: nothing to flush
        pass


def _run_captures(args: argparse.Namespace) -> int:
    """``comparer captures URL``: the archive's distinct captures (time, type, size, digest)."""
    from comparer.web.address import archive_timestamp
    from comparer.web.errors import WebError
    from comparer.web.history import list_captures
    from comparer.web.options import WebOptions

    if not _is_web_address(args.url):
        return _fail(f"{args.url}: captures needs a web address (http:// or https://)")
    options = WebOptions.from_env(args.archive_url)
    try:
        since = archive_timestamp(args.since) if args.since else None
        until = archive_timestamp(args.until, end=True) if args.until else None
        listing = list_captures(args.url, options, since, until)
    except WebError as exc:
        return _fail(f"{args.url}: {exc}")
    if listing.saved:
        print(
            "comparer: note: the archive could not be reached; this list was saved on "
            f"{listing.saved.replace('T', ' ')[:16]} UTC",
            file=sys.stderr,
        )
    base = options.archive_base
    if args.format == "json":
        import json

        rows = [
            {
                "captured": c.captured,
                "timestamp": c.timestamp,
                "mimetype": c.mimetype,
                "length": c.length,
                "digest": c.digest,
                "archive_url": c.archive_url(base),
                "raw_url": c.raw_url(base),
            }
            for c in listing.captures
        ]
        payload = {"url": listing.url, "truncated": listing.truncated, "captures": rows}
        _write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", None)
        return EXIT_SAME
    lines = [
        f"{c.label}  {c.mimetype:<10} {c.length:>10,} bytes archived  {c.digest}  "
        f"{c.archive_url(base)}"
        for c in listing.captures
    ]
    if not lines:
        return _fail(f"{args.url}: the archive has no capture of this address")
    if listing.truncated:
        lines.append(f"(more captures than {options.max_listed}; narrow with --from/--to)")
    _write("\n".join(lines) + "\n", None)
    return EXIT_SAME


def _run_clear_cache(_args: argparse.Namespace) -> int:
    """``comparer clear-cache``: delete cached captures and lists of captures."""
    from comparer.web.cache import WebCache
    from comparer.web.options import WebOptions

    folder = WebOptions.from_env().cache_folder()
    removed = WebCache(folder).clear()
    _write(
        f"removed {removed.captures} cached captures ({removed.size / 1048576:.1f} MB) "
        f"from {folder}\n",
        None,
    )
    return EXIT_SAME


def _run_quotes(args: argparse.Namespace) -> int:
    loaded = _load_all([args.file], args.full_page)
    if isinstance(loaded, tuple):
        return _fail(loaded[0], loaded[1] if args.debug else "")
    from comparer.core.model import Version
    from comparer.core.quotes import extract_quotes

    version = loaded[0]
    assert isinstance(version, Version)
    quotes = extract_quotes(version.text, version.paragraphs)
    if args.format == "json":
        from comparer.export.json_export import quotes_dumps

        _write(quotes_dumps(quotes), None)
    else:
        from comparer.core.visible import visible_line, visible_text

        lines = []
        for q in quotes:
            who = visible_line(q.speaker or "(unattributed)")
            lines.append(f"{who} [{q.kind}]: {visible_text(q.text)}")
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
    files = [f for f in args.files if not _is_web_address(f)]
    web = [f for f in args.files if _is_web_address(f)]
    if len(web) > 1 or (web and files):
        return _fail("give one web address, or files; not both, nor several addresses")
    versions = None
    if args.story is not None:
        if len(files) != 1 or args.sample:
            return _fail("--story ID needs one archive: comparer ARCHIVE --story ID")
        from comparer.batch.archive import story_versions
        from comparer.batch.partition import BatchError

        try:
            versions = story_versions(files[0], args.story)
        except BatchError as exc:
            return _fail(str(exc))
        files = []
    results = None
    one_folder = args.story is None and len(files) == 1 and not args.sample
    if one_folder and os.path.isfile(os.path.join(files[0], "manifest.json")):  # batch -o
        try:
            from comparer.batch.partition import BatchError
            from comparer.batch.result_store import read_results
        except ImportError as exc:  # the desktop app leaves out Parquet
            return _fail(f"batch results cannot be read in this build ({exc})")
        try:
            read_results(files[0])  # a bad folder is one line here, not a window
        except BatchError as exc:
            return _fail(str(exc))
        results, files = files[0], []
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
        if len(files) < 2 or args.screenshot or versions is not None or results:
            return _fail(f"the window cannot open ({exc}); use 'comparer compare FILE FILE'")
        return _run_compare(_compare_parser().parse_args(files))
    if web:
        return int(run_app([], web_address=web[0], archive_url=args.archive_url, size=size))
    if versions is not None:
        return int(run_app([], versions=versions, screenshot=args.screenshot, size=size))
    if results is not None:
        return int(run_app([], results=results, screenshot=args.screenshot, size=size))
    return int(
        run_app(files, sample=args.sample, screenshot=args.screenshot, size=size, order=args.order)
    )
