"""Removing an archive's banner and scripts from a captured page."""

from __future__ import annotations

import pytest

from comparer.web.archive_markup import strip_archive_markup

ARTICLE = b"<article><h1>Flood closes bridge</h1><p>The river rose 2 metres.</p></article>"

WAYBACK_TOOLBAR = (
    b"<!-- BEGIN WAYBACK TOOLBAR INSERT -->\n<div id='wm-ipp'>The Wayback Machine - "
    b"https://example.org/ 12 captures</div>\n<!-- END WAYBACK TOOLBAR INSERT -->"
)
WAYBACK_SCRIPTS = (
    b'<script src="//archive.org/includes/bundle-playback.js"></script>\n'
    b'<script src="/_static/js/wombat.js"></script>\n'
    b"<!-- End Wayback Rewrite JS Include -->"
)
PYWB_BANNER = b"<!-- WB Insert --><div>Archived by a national library</div><!-- End WB Insert -->"


@pytest.mark.parametrize(
    "inserted",
    [WAYBACK_TOOLBAR, WAYBACK_SCRIPTS, PYWB_BANNER, WAYBACK_TOOLBAR.lower()],
    ids=["wayback-toolbar", "wayback-scripts", "pywb", "lower-case-markers"],
)
def test_the_archives_block_is_cut_and_the_article_kept(inserted: bytes) -> None:
    page = b"<html><head>" + inserted + b"</head><body>" + ARTICLE + b"</body></html>"
    assert strip_archive_markup(page) == b"<html><head></head><body>" + ARTICLE + b"</body></html>"


def test_every_block_of_a_page_is_cut() -> None:
    page = WAYBACK_SCRIPTS + ARTICLE + WAYBACK_TOOLBAR + ARTICLE
    assert strip_archive_markup(page) == ARTICLE + ARTICLE


@pytest.mark.parametrize(
    "page",
    [
        ARTICLE,
        # the article merely mentions the archive: no marker, nothing cut
        b"<p>The Wayback Machine keeps old pages.</p>" + ARTICLE,
        # a begin marker without its end is left alone rather than eating the page
        b"<!-- BEGIN WAYBACK TOOLBAR INSERT -->" + ARTICLE,
    ],
)
def test_pages_without_a_whole_block_come_back_unchanged(page: bytes) -> None:
    assert strip_archive_markup(page) == page
