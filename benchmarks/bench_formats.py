"""Time loading a 100-page PDF and a 1 MB web page (targets: under 2 s each).

Run: ``python benchmarks/bench_formats.py [--runs N]``. The inputs are generated here from
invented text; the PDF is written with the tests' small PDF writer.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from comparer.formats import load_bytes
from comparer.formats.base import LoadOptions

ROOT = Path(__file__).resolve().parent.parent
_STORY = (
    "the council said on Sunday that floodwater from the river had reached the old bridge "
    "forcing families to leave their homes while volunteers carried sandbags through the "
    "market square and engineers measured the water every hour until dawn"
)
WORDS = _STORY.split()


def _pdf_maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pdf_maker", ROOT / "tests/formats/pdf_maker.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["pdf_maker"] = module
    spec.loader.exec_module(module)
    return module


def sentence(n: int) -> str:
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(12 + n % 9)]
    return " ".join(words).capitalize() + f" {n}."


def make_pdf_input(pages: int = 100) -> bytes:
    maker = _pdf_maker()
    out = []
    n = 0
    for page in range(pages):
        lines = [maker.Line(72, 760, "The Tamsin Valley Courier - Special report", 8)]
        y = 720.0
        while y > 80:
            paragraph = " ".join(sentence(n + k) for k in range(4))
            n += 4
            for row in maker.wrap(paragraph, 90):
                if y <= 80:
                    break
                lines.append(maker.Line(72, y, row, 10))
                y -= 12
            y -= 8
        lines.append(maker.Line(300, 40, str(page + 1), 8))
        out.append(lines)
    return bytes(maker.make_pdf(out, title="Benchmark report"))


def make_html_input(size: int = 1024 * 1024) -> bytes:
    head = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Flood report</title>"
        "<script>" + "var tracker = 1;" * 2000 + "</script></head><body>"
        "<nav><ul>"
        + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(200))
        + "</ul></nav><main><article><h1>Flood report</h1>"
    )
    parts = [head]
    total = len(head)
    n = 0
    while total < size * 0.8:
        if n % 12 == 0:
            chunk = f"<h2>Part {n // 12}</h2>"
        else:
            chunk = "<p>" + " ".join(sentence(n + k) for k in range(5)) + "</p>\n"
        parts.append(chunk)
        total += len(chunk)
        n += 1
    parts.append("</article></main><aside><h3>Most read</h3><ul>")
    while total < size:
        chunk = f"<li><a href='/story/{n}'>{sentence(n)}</a></li>"
        parts.append(chunk)
        total += len(chunk)
        n += 1
    parts.append("</ul></aside><footer>Copyright</footer></body></html>")
    return "".join(parts).encode("utf-8")


def median_seconds(load: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        load()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pdf = make_pdf_input()
    html = make_html_input()
    cases = [
        ("100-page PDF", len(pdf), lambda: load_bytes(pdf, "bench.pdf")),
        ("1 MB web page (article)", len(html), lambda: load_bytes(html, "bench.html")),
        (
            "1 MB web page (full page)",
            len(html),
            lambda: load_bytes(html, "bench.html", LoadOptions(full_page=True)),
        ),
    ]
    for name, size, load in cases:
        load()  # warm up imports
        median, times = median_seconds(load, args.runs)
        spread = ", ".join(f"{t:.2f}" for t in times)
        verdict = "ok" if median < 2.0 else "SLOW"
        print(f"{name:28s} {size / 1048576:5.2f} MB  median {median:.3f} s  [{spread}]  {verdict}")
    version = load_bytes(pdf, "bench.pdf")
    print(f"PDF: {len(version.paragraphs)} paragraphs, {len(version.text)} characters")
    version = load_bytes(html, "bench.html")
    print(f"Web page: {len(version.paragraphs)} paragraphs, {len(version.text)} characters")


if __name__ == "__main__":
    main()
