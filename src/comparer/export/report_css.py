"""Stylesheets of the HTML report: one for browsers, one for Qt's rich-text subset of CSS."""

from __future__ import annotations

# Okabe–Ito colours, as in the window (shared design: window.md).
VERMILLION = "#D55E00"
BLUE = "#0072B2"
ORANGE = "#E69F00"

# Qt cannot draw a dotted underline from CSS; typographic marks are given this exact grey,
# and the PDF writer turns text of this colour into grey text with a dotted underline.
TYPO_SENTINEL = "#6e6e6f"

_BROWSER = """\
:root {
  color-scheme: light;
  --text: #1a1a1a; --page: #ffffff; --muted: #5c5c5c; --rule: #d4d4d4; --head: #f3f3f3;
  --del: #b34f00; --del-bg: #fbe4d6; --ins: #0072b2; --ins-bg: #dfeef8;
  --num: #e69f00; --num-text: #000000; --typo: #6b6b6b; --moved: #cc79a7;
  --moved-text: #8a3f6b; --dim: #808080; --delta-bg: #fbe7c0;
}
html { font-size: 16px; }
body {
  margin: 1.5rem auto; padding: 0 1.5rem; max-width: 84rem;
  color: var(--text); background: var(--page);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
    "Helvetica Neue", Arial, sans-serif;
  line-height: 1.55;
}
body.inline { max-width: 48rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: inherit; }
.sub, .note, .pm, caption { color: var(--muted); font-size: .85rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem;
  border-bottom: 1px solid var(--rule); }
th { background: var(--head); font-weight: 600; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
.legend { font-size: .9rem; }
.summary { font-weight: 600; }
table.sbs { width: 100%; table-layout: fixed; }
table.sbs td { width: 50%; }
table.sbs td.old { border-right: 1px solid var(--rule); }
.tx { white-space: pre-wrap; overflow-wrap: anywhere; }
.pm { margin-bottom: .15rem; }
.placeholder { color: var(--dim); font-style: italic; text-align: center; padding: .5rem 0; }
del.del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
ins.ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; }
.num-old, .num-new { background: var(--num); color: var(--num-text); font-weight: 700;
  padding: 0 .1em; }
del.num-old { text-decoration: line-through; }
ins.num-new { text-decoration: underline; }
.delta { font-size: .75em; font-weight: 700; background: var(--delta-bg); color: var(--num-text);
  margin-left: .2em; padding: 0 .25em; white-space: nowrap; }
td.delta-cell { font-weight: 700; white-space: nowrap; }
.typo { color: var(--typo); text-decoration: underline dotted; text-underline-offset: .18em; }
.moved { color: var(--moved-text); font-weight: 700; }
.dim { color: var(--dim); }
tr.k-moved td, .para.k-moved { border-left: 4px solid var(--moved); }
tr.k-ignored td, .para.k-ignored { color: var(--dim); font-size: .85rem; }
.para { padding: .35rem .6rem; border-bottom: 1px solid var(--rule); }
tr.group th { background: none; border-top: 2px solid var(--rule); color: var(--muted);
  font-size: .8rem; letter-spacing: .04em; text-transform: uppercase; }
.badge { display: inline-block; font-size: .8rem; border: 1px solid var(--muted);
  border-radius: .6rem; padding: 0 .45rem; margin-right: .2rem; }
.sha { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono",
  monospace; font-size: .8rem; overflow-wrap: anywhere; }
table.evidence { width: 100%; }
td.url { overflow-wrap: anywhere; font-size: .85rem; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
@media screen and (prefers-color-scheme: dark) {
  :root {
    color-scheme: dark;
    --text: #e8e8e8; --page: #1b1b1b; --muted: #a8a8a8; --rule: #3c3c3c; --head: #262626;
    --del: #ff8c4d; --del-bg: #3d2313; --ins: #56b4e9; --ins-bg: #13283a;
    --num-text: #000000; --typo: #a0a0a0; --moved-text: #e7a6cb; --dim: #8c8c8c;
    --delta-bg: #f5d58f;
  }
}
@media print {
  @page { size: PAGE_ORIENTATION; margin: 12mm; }
  html { font-size: 10pt; }
  body { margin: 0; padding: 0; max-width: none; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  tr, .para, h2, h3 { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  section.pair { break-before: page; }
}
"""

_QT = f"""\
body {{ font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 9pt; color: #1a1a1a; }}
h1 {{ font-size: 16pt; }}
h2 {{ font-size: 13pt; margin-top: 14px; }}
h3 {{ font-size: 10pt; }}
a {{ color: #1a1a1a; text-decoration: none; }}
.sub, .note, .pm {{ color: #5c5c5c; font-size: 7.5pt; }}
caption {{ font-weight: bold; }}
table {{ border-collapse: collapse; border-color: #b0b0b0; border-style: solid; }}
th {{ background-color: #eeeeee; font-weight: bold; text-align: left; }}
td {{ vertical-align: top; }}
.summary {{ font-weight: bold; }}
.tx {{ white-space: pre-wrap; }}
.placeholder {{ color: #808080; font-style: italic; text-align: center; }}
.del {{ color: {VERMILLION}; background-color: #fbe4d6; text-decoration: line-through; }}
.ins {{ color: {BLUE}; background-color: #dfeef8; text-decoration: underline; }}
.num-old {{ background-color: {ORANGE}; color: #000000; font-weight: bold;
  text-decoration: line-through; }}
.num-new {{ background-color: {ORANGE}; color: #000000; font-weight: bold;
  text-decoration: underline; }}
.delta {{ font-size: 7pt; font-weight: bold; background-color: #fbe7c0; color: #000000; }}
.delta-cell {{ font-weight: bold; }}
.typo {{ color: {TYPO_SENTINEL}; }}
.moved {{ color: #8a3f6b; font-weight: bold; }}
.dim {{ color: #808080; }}
tr.k-moved td {{ background-color: #f7e6ef; }}
tr.k-ignored td, div.k-ignored {{ color: #808080; font-size: 7.5pt; }}
div.k-moved {{ background-color: #f7e6ef; }}
.para .pm {{ margin-top: 7px; }}
.pair-title {{ page-break-before: always; }}
tr.group th {{ background-color: #ffffff; color: #555555; font-size: 8pt; }}
.badge {{ font-size: 7.5pt; font-weight: bold; }}
.sha {{ font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 7pt; }}
dt {{ font-weight: bold; }}
"""


def browser_css(landscape: bool) -> str:
    """The stylesheet for browsers, with print rules (landscape pages for side by side)."""
    return _BROWSER.replace("PAGE_ORIENTATION", "landscape" if landscape else "portrait")


def qt_css() -> str:
    """The stylesheet for ``QTextDocument``, which knows a subset of CSS 2."""
    return _QT
