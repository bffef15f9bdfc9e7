"""Old-style news pages, written for the tests: a fictional story in 2009 page layouts.

Two layouts of the kind the BBC's ``.stm`` pages used: a table holding a navigation
column, the story cell and a right-hand column; the story's paragraphs separated by
``<br><br>`` in one, by unclosed ``<p>`` tags in the other; around them a banner, an
image with its caption, a "Page last updated at" line, "KEY STORIES" and "FEATURES,
VIEWS, ANALYSIS" link boxes, a "Site Version" bar and a footer. The story also exists as
the plain text a reader would save from the page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class OldStory:
    """A story: its headline, a bold first paragraph, the rest, and crossheads ("## …")."""

    title: str
    paragraphs: tuple[str, ...]
    updated: str = "19:26 GMT, Thursday, 4 June 2009 20:26 UK"

    @property
    def expected(self) -> list[str]:
        """The paragraphs a reader sees, headline first."""
        return [self.title] + [p.removeprefix("## ") for p in self.paragraphs]

    def as_text(self) -> str:
        """The story saved as plain text: headline, then paragraphs, blank lines between."""
        return "\n\n".join(self.expected) + "\n"


STORY = OldStory(
    title="Minister quits over flat claims",
    paragraphs=(
        "Transport Minister Alan Pembry has resigned from the cabinet after claims about the "
        "second flat he kept in the capital.",
        "Mr Pembry, the MP for Westhaven, said he had broken no rules but did not want to be "
        "a distraction for the government.",
        '"I have decided to step down so that I can clear my name," he said in a letter to '
        "the prime minister.",
        "Downing Street said the prime minister had accepted the resignation with regret.",
        "The claims centre on \u00a318,000 of rent paid over three years for a flat near "
        "Parliament, which Mr Pembry also let to a relative for part of that time.",
        'Opposition transport spokesman Geoff Holm said: "This resignation is long overdue."',
        "## Rail plan",
        "The minister had been due to publish the final rail plan next month, setting out 42 "
        "new stations across the north of England.",
        '"The plan will go ahead," a Department for Transport spokeswoman said.',
    ),
)
# The next day's version: a figure corrected, one paragraph dropped, a quote added.
STORY_V2 = replace(
    STORY,
    paragraphs=(
        *STORY.paragraphs[:3],
        STORY.paragraphs[4].replace("\u00a318,000", "\u00a321,000"),
        STORY.paragraphs[5],
        '"He did the decent thing," said Ruth Ingram, a Labour backbencher.',
        *STORY.paragraphs[6:],
    ),
    updated="08:05 GMT, Friday, 5 June 2009 09:05 UK",
)

_NAVIGATION = """<td class="lnav" width="120" valign="top">
<a href="/1/hi/default.stm">News Front Page</a><br>
<a href="/1/hi/world/default.stm">World</a><br>
<a href="/1/hi/uk/default.stm">UK</a><br>
<a href="/1/hi/business/default.stm">Business</a><br>
<a href="/1/hi/health/default.stm">Health</a><br>
</td>"""
_BOXES = """<div class="sih">KEY STORIES</div>
<a href="/1/hi/uk_politics/8081.stm">Cabinet meets after resignations</a><br>
<a href="/1/hi/uk_politics/8082.stm">Q&amp;A: The rent claims row</a><br>
<div class="sih">FEATURES, VIEWS, ANALYSIS</div>
<a href="/1/hi/uk_politics/8090.stm">A long night in Westminster</a><br>
<a href="/1/hi/uk_politics/8091.stm">Who pays for ministers' homes?</a><br>"""
_RIGHT = """<td class="rnav" width="234" valign="top">
<div class="sih">MOST POPULAR STORIES NOW</div>
<a href="/1/hi/uk/1.stm">Storm warning for the coast</a><br>
<a href="/1/hi/uk/2.stm">Train fares to rise again</a><br>
</td>"""
_BOTTOM = """<table width="770"><tr><td class="sitever">Site Version: <b>UK</b> |
<a href="/2/hi/">International Version</a> | <a href="/1/hi/help/about.stm">About the versions</a>
</td></tr></table>
<table width="770"><tr><td class="footer"><a href="/help/">Help</a> |
<a href="/privacy/">Privacy and Cookies Policy</a> | News feeds | Mobiles</td></tr></table>"""


def _story_markup(story: OldStory, breaks: bool) -> str:
    out = []
    for index, paragraph in enumerate(story.paragraphs):
        text = html.escape(paragraph.removeprefix("## "), quote=False)
        if paragraph.startswith("## ") or index == 0:  # the intro and crossheads are bold
            text = f"<b>{text}</b>"
        out.append(f"{text}\n<br><br>" if breaks else f"<p>{text}\n")
    return "\n".join(out)


def old_page(story: OldStory = STORY, breaks: bool = True) -> bytes:
    """The story as a 2009 page, paragraphs split by ``<br><br>`` or by unclosed ``<p>``."""
    caption = (
        '<table width="226" align="right" cellpadding="0" cellspacing="0" border="0"><tr><td>'
        '<img src="/media/images/pembry.jpg" width="226" height="170" alt="Alan Pembry"><br>'
        '<div class="cap">Mr Pembry said he had done nothing wrong</div></td></tr></table>'
    )
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head>
<title>BBC NEWS | UK | Politics | {html.escape(story.title)}</title>
<meta name="Headline" content="{html.escape(story.title)}">
<meta name="Section" content="UK Politics">
</head>
<body marginwidth="0" marginheight="0" leftmargin="0" topmargin="0">
<table width="770" cellpadding="0" cellspacing="0" border="0">
<tr><td class="banner"><a href="/">BBC NEWS</a> <a href="/1/hi/uk/default.stm">UK</a>
<a href="/1/hi/uk_politics/default.stm">Politics</a></td></tr></table>
<table width="770" cellpadding="0" cellspacing="0" border="0"><tr>
{_NAVIGATION}
<td valign="top" width="416">
<div class="mxb"><h1>{html.escape(story.title)}</h1></div>
<div class="ds">Page last updated at {story.updated}</div>
{caption}
{_story_markup(story, breaks)}
{_BOXES}
</td>
{_RIGHT}
</tr></table>
{_BOTTOM}
</body></html>
"""
    return page.encode("windows-1252")


FURNITURE = [
    "BBC NEWS",
    "News Front Page",
    "Page last updated",
    "done nothing wrong",
    "KEY STORIES",
    "Cabinet meets",
    "FEATURES, VIEWS, ANALYSIS",
    "Who pays",
    "MOST POPULAR",
    "Storm warning",
    "Site Version",
    "International Version",
    "Privacy",
]
