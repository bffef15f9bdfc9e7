"""A story: the versions of one article in reading order, and the comparisons between them.

Versions are put in order by the articles' own dates when every version has one and they
differ; otherwise they keep the order the user gave (command line, selection, drop or
paste order), never the order of their file names. When the order given contradicts the
dates the articles carry, :func:`contradiction` says how, so the window and the command
line can warn. Drafts that carry no article date (word-processor documents) still record
when each was last saved; when none of the versions has an article date, an order that
goes against those saved times is warned of too, and "date order" follows them, but they
never reorder the versions unasked: a document re-saved later is not a later version.

A ``Story`` compares pairs only when asked (the window shows one pair at a time and
works out the others in the background) and remembers each comparison under the two
versions' identities, so reordering the versions, or swapping two, never compares a pair
twice: the stories made by :meth:`Story.reordered` share one cache.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from comparer.core.compare import compare_pair
from comparer.core.forked import ForkedCall, can_fork, usable_cores
from comparer.core.furniture import set_apart_furniture
from comparer.core.model import CompareOptions, Comparison, PairComparison, Quote, Version
from comparer.core.speakers import list_speakers

ORDER_AUTO, ORDER_GIVEN, ORDER_DATE = "auto", "given", "date"
ARTICLE, FILE, CAPTURE, DOCUMENT = "article", "file", "capture", "document"


def _parsed(version: Version) -> datetime | None:
    if not version.date:
        return None
    try:
        return datetime.fromisoformat(version.date)
    except ValueError:
        return None


def utc_offset(version: Version) -> int | None:
    """How far the version's own date is from UTC, in minutes; None when it does not say."""
    moment = _parsed(version)
    if moment is not None and moment.tzinfo is not None:
        delta = moment.utcoffset() or timedelta()
        return round(delta.total_seconds() / 60)
    return version.utc_offset if moment is not None else None


def local_moment(version: Version) -> datetime | None:
    """The version's own date as the article gives it, on its own clock, or None."""
    moment = _parsed(version)
    return moment.replace(tzinfo=None) if moment is not None else None


def article_moment(version: Version) -> datetime | None:
    """The version's own date (from the article or its page), comparable, or None.

    Dates whose page gives their offset from UTC ("23:30-05:00") are turned into UTC, so
    that versions stamped in different zones are put in the order they were written; those
    without are compared as if they were UTC too: an order must always exist.
    """
    moment = local_moment(version)
    offset = utc_offset(version)
    if moment is None or offset is None:
        return moment
    return moment - timedelta(minutes=offset)


def iso_date_with_offset(version: Version) -> str | None:
    """The version's own date in ISO form, with its offset from UTC when the page gave one.

    "2025-06-09T23:30-05:00": a reader of a report sees on which clock each time is, so
    that versions put in the order they were written never seem to run backwards.
    """
    offset = version.utc_offset
    if not version.date or offset is None or "T" not in version.date:
        return version.date
    moment = _parsed(version)
    if moment is None or moment.tzinfo is not None:
        return version.date  # unreadable, or already carrying an offset of its own
    hours, minutes = divmod(abs(offset), 60)
    return f"{version.date}{'+' if offset >= 0 else '-'}{hours:02d}:{minutes:02d}"


def offset_label(minutes: int) -> str:
    """An offset from UTC as a reader writes it: "UTC", "UTC+1", "UTC−5", "UTC+5:30"."""
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def saved_moment(version: Version) -> datetime | None:
    """When the document says it was last saved, in local time, comparable; or None."""
    if not version.saved:
        return None
    try:
        moment = datetime.fromisoformat(version.saved)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


def date_source(version: Version) -> str | None:
    """Where the version's shown date comes from: "article", "capture", "document", "file".

    "capture" is when a web archive captured the page (or the live page was fetched);
    "document" when the document says it was last saved; "file" a file's saved time;
    None when there is none of these.
    """
    if article_moment(version) is not None:
        return ARTICLE
    if version.web is not None:
        return CAPTURE
    if saved_moment(version) is not None:
        return DOCUMENT
    if version.mtime:
        return FILE
    return None


def _human(moment: datetime, with_time: bool = True) -> str:
    text = moment.strftime("%d %b %Y %H:%M" if with_time else "%d %b %Y")
    return text.lstrip("0")


def date_label(version: Version) -> str:
    """The version's date as a reader should see it, saying where it comes from.

    The article's own date is shown as it is ("14 Mar 2024 06:50"; a date without a time
    shows no time); a file's modification time is never passed off as the article's date:
    it reads "file saved 4 Dec 2026 15:25", and a document's own record of its last save
    "document saved 1 Mar 2025 15:30". A web capture says when it was captured
    ("captured 1 Mar 2024 10:00 UTC", "fetched live 4 Dec 2026 18:08 UTC"). Without any, "".
    """
    moment = local_moment(version)
    if moment is not None:
        timed = "T" in (version.date or "")
        offset = utc_offset(version) if timed else None
        return _human(moment, timed) + (f" {offset_label(offset)}" if offset is not None else "")
    if version.web is not None:
        try:
            captured = datetime.fromisoformat(version.web.captured.replace("Z", "+00:00"))
        except ValueError:
            return ""
        verb = "fetched live " if version.web.live else "captured "
        return verb + _human(captured) + " UTC"
    saved = saved_moment(version)
    if saved is not None:
        return "document saved " + _human(saved)
    if version.mtime:
        return "file saved " + _human(datetime.fromtimestamp(version.mtime))
    return ""


_YEAR = re.compile(r" \d{4}(?= \d{1,2}:\d{2})")


def shorter_date_labels(version: Version) -> list[str]:
    """The version's date label, then shorter forms of it for a narrow place, longest first.

    "document saved 1 Mar 2025 15:30", then without the year ("document saved 1 Mar
    15:30"), then without saying whose save it was ("saved 1 Mar 15:30"): still a save,
    never passed off as the article's date. A label that cannot be shortened is alone.
    """
    labels = [date_label(version)]
    undated_year = _YEAR.sub("", labels[0], count=1)
    if undated_year != labels[0]:
        labels.append(undated_year)
    for prefix in ("document saved ", "file saved "):
        if labels[-1].startswith(prefix):
            labels.append("saved " + labels[-1].removeprefix(prefix))
    return labels


def own_moments(versions: Sequence[Version]) -> list[datetime | None]:
    """Each version's own date: the articles' where any has one, else the documents' saves.

    Where some articles give their offset from UTC and others do not (a saved page's
    markup says "+01:00", a printed copy's dateline only "07:45"), the times without one
    are read on the clock the others most often give: versions of one story come from one
    newsroom, and taken as UTC they would be put up to hours out of place.
    """
    moments = [article_moment(v) for v in versions]
    if not any(m is not None for m in moments):
        return [saved_moment(v) for v in versions]
    pairs = zip(versions, moments, strict=True)
    offsets = [utc_offset(v) if m is not None else None for v, m in pairs]
    known = [o for o in offsets if o is not None]
    if not known or len(known) == sum(m is not None for m in moments):
        return moments
    usual = Counter(known).most_common(1)[0][0]
    return [
        m - timedelta(minutes=usual) if m is not None and o is None else m
        for m, o in zip(moments, offsets, strict=True)
    ]


def date_order(versions: Sequence[Version]) -> list[int]:
    """The order that puts the dated versions in date order; undated ones keep their place.

    Where no version has an article date, the times the documents say they were saved
    order them instead.

    Returns:
        A permutation of ``range(len(versions))``: the new order as indices into
        ``versions``. Versions with the same date keep their order.
    """
    moments = own_moments(versions)
    dated = [i for i, m in enumerate(moments) if m is not None]
    by_date = sorted(dated, key=lambda i: moments[i])  # type: ignore[arg-type, return-value]
    order = list(range(len(versions)))
    for slot, index in zip(dated, by_date, strict=True):
        order[slot] = index
    return order


def dates_decide(versions: Sequence[Version]) -> bool:
    """Whether the articles' dates decide the order: every version dated, not all the same."""
    if not versions or any(article_moment(v) is None for v in versions):
        return False
    return len(set(own_moments(versions))) > 1


def choose_order(versions: Sequence[Version], order: str = ORDER_AUTO) -> list[int]:
    """The reading order of ``versions`` given as indices, by the rule of this module.

    Args:
        versions: the versions in the order the user gave.
        order: "auto" (dates when every version has one and they differ, else as given),
            "date" (dated versions in date order, undated ones in place) or "given".
    """
    if order == ORDER_DATE or (order == ORDER_AUTO and dates_decide(versions)):
        return date_order(versions)
    return list(range(len(versions)))


@dataclass(frozen=True, slots=True)
class Contradiction:
    """A version placed after one its own date says is newer."""

    earlier: int  # index (in the order given) of the version shown first
    later: int  # index of the version shown after it although dated before it
    basis: str = ARTICLE  # whose dates say so: the articles' or, where none has one, DOCUMENT

    def describe(self, versions: Sequence[Version]) -> str:
        """One line: which version is dated before which."""
        a, b = versions[self.earlier], versions[self.later]
        dated = "" if self.basis == DOCUMENT else "dated "
        return (
            f"v{self.later + 1} ({b.name}, {dated}{date_label(b)}) comes after "
            f"v{self.earlier + 1} ({a.name}, {dated}{date_label(a)})"
        )


def contradiction(versions: Sequence[Version]) -> Contradiction | None:
    """The first place where the order of ``versions`` goes against their articles' dates.

    Only the versions' own dates count (a file's saved time says nothing of the story);
    undated versions are skipped. Where no version has an article date, the times the
    documents themselves say they were saved are the dates.
    """
    moments = own_moments(versions)
    basis = ARTICLE if any(article_moment(v) is not None for v in versions) else DOCUMENT
    last: datetime | None = None
    last_index = 0
    for i, moment in enumerate(moments):
        if moment is None:
            continue
        if last is not None and moment < last:
            return Contradiction(last_index, i, basis)
        last, last_index = moment, i
    return None


class _Memory:
    """Comparisons and quotes shared by a story and its reorderings, keyed by version id."""

    def __init__(self) -> None:
        self.pairs: dict[tuple[int, int], PairComparison] = {}
        self.quotes: dict[int, tuple[Quote, ...]] = {}


class Story:
    """Versions of one article in reading order, compared pair by pair on demand.

    Each version keeps an identity (its place in the list first given) across reorders;
    comparisons and quotes are remembered under those identities, in memory shared by every
    story :meth:`reordered` makes. Safe to use from two threads (the window's and a worker):
    the memory is only ever added to, one whole comparison at a time, so a pair asked for
    twice at once may be compared twice, never wrongly.
    """

    def __init__(
        self,
        versions: Sequence[Version],
        options: CompareOptions | None = None,
        *,
        ids: Sequence[int] | None = None,
        memory: _Memory | None = None,
    ) -> None:
        """A story of ``versions`` in the order given (see :func:`choose_order`).

        A web page's menus and footer, printed in another version, are set apart there
        (see :mod:`comparer.core.furniture`); a reordering shares versions already so read.
        """
        self.versions: tuple[Version, ...] = (
            tuple(versions) if memory is not None else set_apart_furniture(versions)
        )
        self.options = options or CompareOptions()
        self.ids: tuple[int, ...] = tuple(ids) if ids is not None else tuple(range(len(versions)))
        self._memory = memory or _Memory()

    def __len__(self) -> int:
        return len(self.versions)

    # ------------------------------------------------------------------ order
    def reordered(self, order: Sequence[int]) -> Story:
        """The same versions in ``order`` (indices into this story), sharing its comparisons."""
        if sorted(order) != list(range(len(self.versions))):
            raise ValueError(f"not an order of {len(self.versions)} versions: {list(order)}")
        return Story(
            [self.versions[i] for i in order],
            self.options,
            ids=[self.ids[i] for i in order],
            memory=self._memory,
        )

    def moved(self, index: int, to: int) -> Story:
        """Version ``index`` taken out and put back at position ``to``."""
        order = list(range(len(self.versions)))
        order.insert(max(0, min(to, len(order) - 1)), order.pop(index))
        return self.reordered(order)

    def swapped(self, a: int, b: int) -> Story:
        """Versions ``a`` and ``b`` exchanged."""
        order = list(range(len(self.versions)))
        order[a], order[b] = order[b], order[a]
        return self.reordered(order)

    def in_date_order(self) -> Story:
        """The dated versions put in date order (undated ones keep their places)."""
        return self.reordered(date_order(self.versions))

    # ------------------------------------------------------------------ comparisons
    def has_pair(self, a: int, b: int) -> bool:
        """Whether versions ``a`` → ``b`` have been compared already."""
        return (self.ids[a], self.ids[b]) in self._memory.pairs

    def pair(self, a: int, b: int) -> PairComparison:
        """Versions ``a`` → ``b`` compared (indices in this story's order)."""
        key = (self.ids[a], self.ids[b])
        found = self._memory.pairs.get(key)
        if found is None:
            found = compare_pair(self.versions[a], self.versions[b], a, b, self.options)
            self._memory.pairs[key] = found
        if found.from_index != a or found.to_index != b:
            found = replace(found, from_index=a, to_index=b)
        return found

    def consecutive(self) -> tuple[PairComparison, ...]:
        """Every consecutive pair: v1 → v2, v2 → v3 and so on."""
        return tuple(self.pair(k, k + 1) for k in range(len(self.versions) - 1))

    # ------------------------------------------------------------------ quotes
    def has_quotes(self) -> bool:
        """Whether every version's quotes have been found."""
        return all(i in self._memory.quotes for i in self.ids)

    def quotes(self) -> tuple[tuple[Quote, ...], ...]:
        """Each version's quotes; a paragraph shared by several versions is read once."""
        return self.quotes_later(parallel=False)()

    def quotes_later(self, parallel: bool) -> Callable[[], tuple[tuple[Quote, ...], ...]]:
        """Start finding the quotes not known yet; the function returned collects them all.

        Args:
            parallel: find them in child processes (one run of consecutive versions per
                core) while the caller compares pairs, where forking is safe (see
                :mod:`comparer.core.forked`); the result is the same. Only for
                single-threaded callers such as the command line.
        """
        # imported here, before any child is forked, and only when quotes are sought: the
        # window paints its first pair without them, and starts sooner for not loading it
        from comparer.core.quotes import extract_quotes_many

        memory = self._memory
        missing = [k for k, i in enumerate(self.ids) if i not in memory.quotes]
        groups = min(len(missing), usable_cores()) if parallel and can_fork() else 1
        size = max(1, -(-len(missing) // max(groups, 1)))
        runs = [missing[k : k + size] for k in range(0, len(missing), size)]

        def job(run: list[int]) -> Callable[[], tuple[tuple[Quote, ...], ...]]:
            items = [(self.versions[k].text, self.versions[k].paragraphs) for k in run]
            return lambda: extract_quotes_many(items)

        jobs = [(run, ForkedCall(job(run), fork=parallel)) for run in runs]

        def collect() -> tuple[tuple[Quote, ...], ...]:
            for run, call in jobs:
                for k, quotes in zip(run, call.result(), strict=True):
                    memory.quotes[self.ids[k]] = quotes
            return tuple(memory.quotes[i] for i in self.ids)

        return collect

    # ------------------------------------------------------------------ as comparisons
    def comparison(self, indices: Sequence[int], with_quotes: bool = False) -> Comparison:
        """The versions at ``indices`` (oldest first) as a ``Comparison`` of their own.

        Its versions are numbered from 0, and each consecutive pair among them is
        compared (``indices`` (0, 5) gives one pair, v1 → v6).
        """
        versions = tuple(self.versions[i] for i in indices)
        pairs = tuple(
            replace(self.pair(a, b), from_index=k, to_index=k + 1)
            for k, (a, b) in enumerate(zip(indices, indices[1:], strict=False))
        )
        if not with_quotes:
            return Comparison(versions, pairs, (), (), self.options)
        every = self.quotes()
        quotes = tuple(every[i] for i in indices)
        return Comparison(versions, pairs, quotes, list_speakers(quotes), self.options)

    def whole(self, with_quotes: bool = True) -> Comparison:
        """Every version and every consecutive pair, as ``compare`` gives them."""
        return self.comparison(range(len(self.versions)), with_quotes)
