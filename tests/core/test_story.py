"""A story's order, dates and pairs: by the articles' own dates, else as given, never by name."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.compare import compare_pair
from comparer.core.story import (
    ORDER_DATE,
    ORDER_GIVEN,
    Story,
    choose_order,
    contradiction,
    date_label,
    date_source,
    shorter_date_labels,
)
from tests.core.factories import body
from tests.core.story_maker import story_versions


def _dated(name: str, date: str | None, mtime: float | None = None):
    return replace(
        body([f"Version {name} of the story says 40 people."], name), date=date, mtime=mtime
    )


@pytest.mark.parametrize(
    ("dates", "order", "expected"),
    [
        (["2024-03-14T11:40", "2024-03-14T06:50"], "auto", [1, 0]),  # every one dated: by date
        (["2024-03-14T11:40", None], "auto", [0, 1]),  # one undated: as given
        (["2024-03-14", "2024-03-14"], "auto", [0, 1]),  # the same date: as given
        (["2024-03-14T11:40", "2024-03-14T06:50"], ORDER_GIVEN, [0, 1]),
        (["2024-03-14T11:40", None, "2024-03-14T06:50"], ORDER_DATE, [2, 1, 0]),
    ],
)
def test_order_is_by_the_articles_dates_else_as_given(dates, order, expected) -> None:
    # names that sort the other way round: the name never decides
    versions = [_dated(f"{'zyx'[k]}.txt", d) for k, d in enumerate(dates)]
    assert choose_order(versions, order) == expected


def test_a_time_without_a_zone_is_read_on_the_clock_the_others_give() -> None:
    # the saved page says 07:00 at UTC+1 (06:00 UTC); a printed copy's dateline says
    # 06:30 with no zone: the same newsroom's clock, so half an hour earlier, not later
    page = _dated("page.html", "2025-06-09T07:00:00+01:00")
    printed = _dated("print.pdf", "2025-06-09T06:30")
    assert choose_order([page, printed]) == [1, 0]
    assert contradiction([page, printed]) is not None
    assert contradiction([printed, page]) is None
    # with no zone anywhere, the times are compared as they are
    assert choose_order([_dated("a.txt", "2025-06-09T07:00"), printed]) == [1, 0]


def test_an_order_against_the_dates_is_found_and_told() -> None:
    versions = [_dated("new.txt", "2026-12-04T10:00"), _dated("old.txt", "2026-12-04T09:00")]
    clash = contradiction(versions)
    assert clash is not None and (clash.earlier, clash.later) == (0, 1)
    assert "old.txt, dated 4 Dec 2026 09:00" in clash.describe(versions)
    assert contradiction(versions[::-1]) is None
    assert contradiction([_dated("a.txt", None, 2e9), _dated("b.txt", None, 1e9)]) is None


def test_a_file_time_is_labelled_as_one_never_as_the_articles_date() -> None:
    own = _dated("a.txt", "2024-03-14T06:50", mtime=1_800_000_000)
    saved = _dated("b.txt", None, mtime=1_800_000_000)
    assert (date_source(own), date_label(own)) == ("article", "14 Mar 2024 06:50")
    assert date_source(saved) == "file"
    assert date_label(saved).startswith("file saved ")
    assert date_label(_dated("c.txt", "2024-03-14")) == "14 Mar 2024"
    assert (date_source(_dated("d.txt", None)), date_label(_dated("d.txt", None))) == (None, "")


def test_versions_stamped_in_different_time_zones_are_put_in_the_order_they_were_written():
    # 01:00 UTC, then 23:30 the evening before in New York (04:30 UTC), then 06:00 in
    # London (05:00 UTC): by the clock times alone the New York one would come first
    versions = [
        replace(_dated("a.html", "2025-06-10T01:00"), utc_offset=0),
        replace(_dated("b.html", "2025-06-09T23:30"), utc_offset=-300),
        replace(_dated("c.html", "2025-06-10T06:00"), utc_offset=60),
    ]
    assert choose_order(versions) == [0, 1, 2]
    assert contradiction(versions) is None
    assert contradiction([versions[1], versions[0]]) is not None
    # each shows the time its article gives, and on which clock
    assert [date_label(v) for v in versions] == [
        "10 Jun 2025 01:00 UTC",
        "9 Jun 2025 23:30 UTC\u22125",
        "10 Jun 2025 06:00 UTC+1",
    ]
    assert date_label(replace(_dated("d.html", "2025-06-10T06:00"), utc_offset=330)) == (
        "10 Jun 2025 06:00 UTC+5:30"
    )


def _draft(name: str, saved: str | None, date: str | None = None):
    return replace(_dated(name, date), saved=saved)


def test_drafts_saved_out_of_order_are_warned_of_and_date_order_follows_their_saves() -> None:
    drafts = [
        _draft("new.docx", "2025-03-01T15:30:00+00:00"),
        _draft("old.docx", "2025-03-01T09:00:00+00:00"),
    ]
    # a save says when a draft was written, not what it says: never reordered unasked
    assert choose_order(drafts) == [0, 1]
    clash = contradiction(drafts)
    assert clash is not None and (clash.earlier, clash.later, clash.basis) == (0, 1, "document")
    assert "(old.docx, document saved 1 Mar 2025" in clash.describe(drafts)
    assert choose_order(drafts, ORDER_DATE) == [1, 0]
    assert contradiction(drafts[::-1]) is None
    assert (date_source(drafts[0]), date_label(drafts[0])[:25]) == (
        "document",
        "document saved 1 Mar 2025",
    )


def test_a_date_is_shortened_for_a_narrow_place_and_still_says_whose_it_is() -> None:
    draft = _draft("old.docx", "2025-03-01T09:00:00")
    assert shorter_date_labels(draft) == [
        "document saved 1 Mar 2025 09:00",
        "document saved 1 Mar 09:00",
        "saved 1 Mar 09:00",
    ]
    assert shorter_date_labels(_dated("a.txt", "2024-03-14T06:50")) == [
        "14 Mar 2024 06:50",
        "14 Mar 06:50",
    ]
    assert shorter_date_labels(_dated("b.txt", "2024-03-14")) == ["14 Mar 2024"]


def test_where_any_article_is_dated_the_documents_saves_do_not_count() -> None:
    drafts = [
        _draft("new.docx", "2025-03-01T15:30:00+00:00", date="2025-03-01"),
        _draft("old.docx", "2025-03-01T09:00:00+00:00"),
    ]
    assert contradiction(drafts) is None
    assert choose_order(drafts, ORDER_DATE) == [0, 1]
    assert date_source(drafts[0]) == "article"


def test_reordering_compares_each_pair_once_and_numbers_follow_the_order() -> None:
    old = body(["The death toll stood at 40 on Monday."], "old.txt")
    new = body(["The death toll stood at 48 on Monday."], "new.txt")
    wrong = Story([new, old])
    assert wrong.pair(0, 1).numbers[0].delta_label == "-8, -17%"
    right = wrong.swapped(0, 1)
    assert not right.has_pair(0, 1)
    assert right.pair(0, 1).numbers[0].delta_label == "+8, +20%"
    assert right.swapped(0, 1).has_pair(0, 1)  # swapped back: remembered, not compared again


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(story_versions(min_versions=3), st.randoms(use_true_random=False))
def test_reordering_and_reordering_back_gives_the_same_story(versions, random) -> None:
    story = Story(versions)
    before = story.consecutive()
    order = list(range(len(versions)))
    random.shuffle(order)
    back = [order.index(k) for k in range(len(versions))]
    shuffled = story.reordered(order)
    assert [v.name for v in shuffled.versions] == [versions[i].name for i in order]
    assert shuffled.consecutive() == tuple(
        compare_pair(shuffled.versions[k], shuffled.versions[k + 1], k, k + 1)
        for k in range(len(versions) - 1)
    )
    again = shuffled.reordered(back)
    assert again.versions == story.versions
    assert again.consecutive() == before


def test_a_pair_as_a_comparison_of_its_own() -> None:
    versions = [body([f"At least {n} people were killed."], f"v{n}.txt") for n in (3, 5, 7)]
    whole = Story(versions).comparison([0, 2])
    assert [v.name for v in whole.versions] == ["v3.txt", "v7.txt"]
    assert (whole.pairs[0].from_index, whole.pairs[0].to_index) == (0, 1)
    assert whole.pairs[0].numbers[0].to_text == "7"


def test_a_story_compares_its_pairs_without_loading_the_quote_finder() -> None:
    # the window paints its first pair from a story before any quote is sought; loading
    # the quote finder (its patterns compiled) would only delay that first paint
    probe = (
        "import sys\n"
        "from comparer.core.story import Story\n"
        "from tests.core.factories import body\n"
        "story = Story([body(['The toll rose to 40.'], 'a.txt'), "
        "body(['The toll rose to 48.'], 'b.txt')])\n"
        "pair = story.pair(0, 1)\n"
        "print(len(pair.numbers), 'comparer.core.quotes' in sys.modules)\n"
        "story.quotes()\n"
        "print('comparer.core.quotes' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.stdout.split() == ["1", "False", "True"]
