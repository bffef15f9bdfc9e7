"""Pages of an invented news story, written for these tests, in the versions a site served.

The story (a fire at a fictional harbour) changes as a real one would: the number of
people hurt grows, a quote is added, a paragraph is corrected. ``page`` wraps a version
in the furniture of a news site (navigation, a cookie banner, a footer), which the
article extraction must drop.
"""

from __future__ import annotations

TITLE = "Fire at Kestrel Harbour warehouse"

VERSIONS: tuple[tuple[str, ...], ...] = (
    (
        "A fire broke out at a warehouse on the Kestrel Harbour quay early on Monday, "
        "and 4 people were taken to hospital, the fire service said.",
        "Crews from the harbour station reached the building within nine minutes and "
        "asked people living nearby to keep their windows closed.",
        "The cause of the fire is not yet known, and the quay will stay closed to the "
        "public until the building has been made safe.",
    ),
    (
        "A fire broke out at a warehouse on the Kestrel Harbour quay early on Monday, "
        "and 7 people were taken to hospital, the fire service said.",
        "Crews from the harbour station reached the building within nine minutes and "
        "asked people living nearby to keep their windows closed.",
        "\u201cThe roof came down in less than an hour,\u201d said station manager Ida "
        "Voss, who led the crews through the night.",
        "The cause of the fire is not yet known, and the quay will stay closed to the "
        "public until the building has been made safe.",
    ),
    (
        "A fire broke out at a warehouse on the Kestrel Harbour quay early on Monday, "
        "and 9 people were taken to hospital, the fire service said.",
        "Crews from the harbour station reached the building within eleven minutes and "
        "asked people living nearby to keep their windows closed.",
        "\u201cThe roof came down in less than an hour,\u201d said station manager Ida "
        "Voss, who led the crews through the night.",
        "The cause of the fire is not yet known, and the quay will stay closed to the "
        "public until the building has been made safe.",
    ),
    (
        "A fire broke out at a warehouse on the Kestrel Harbour quay early on Monday, "
        "and 9 people were taken to hospital, the fire service said.",
        "Crews from the harbour station reached the building within eleven minutes and "
        "asked people living nearby to keep their windows closed.",
        "\u201cThe roof came down in less than an hour,\u201d said station manager Ida "
        "Voss, who led the crews through the night.",
        "Investigators said on Tuesday that the fire started in an electrical cabinet, "
        "and the quay reopened in the afternoon.",
    ),
)


def page(paragraphs: tuple[str, ...], extra: str = "", title: str = TITLE) -> bytes:
    """A news site's page holding the article ``paragraphs``; ``extra`` varies the furniture."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Harbour Post</title></head>
<body>
<nav><a href="/">Home</a> <a href="/local">Local news</a> <a href="/sport">Sport</a></nav>
<div class="cookie">We use cookies to improve your visit. {extra}</div>
<article>
<h1>{title}</h1>
{body}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Bakery wins prize</a></li></ul></aside>
<footer>Copyright Harbour Post. <a href="/privacy">Privacy policy</a></footer>
</body></html>
""".encode()


def toolbar_page(paragraphs: tuple[str, ...]) -> bytes:
    """A capture as an archive shows it to people: its banner and scripts inserted."""
    raw = page(paragraphs).decode("utf-8")
    head = (
        '<head><script src="//archive.org/includes/athena.js" type="text/javascript"></script>'
        '<script type="text/javascript">window.RufflePlayer=window.RufflePlayer||{};</script>'
        "<!-- End Wayback Rewrite JS Include -->"
    )
    banner = (
        '<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id="wm-ipp-base"><div>'
        "<p>The Wayback Machine has 4 captures of this page. Archive notice: "
        "this capture is provided for research.</p></div></div>"
        "<!-- END WAYBACK TOOLBAR INSERT -->"
    )
    raw = raw.replace("<head>", head, 1).replace("<body>", "<body>" + banner, 1)
    return (
        raw + "\n<!-- FILE ARCHIVED ON 10:00:00 Mar 01, 2024 AND RETRIEVED FROM THE "
        "INTERNET ARCHIVE. JAVASCRIPT APPENDED BY WAYBACK MACHINE -->\n"
    ).encode()
