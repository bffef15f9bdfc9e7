"""Everyone quoted across the versions, with what changed in their quotes."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from comparer.core.model import Quote, Speaker

NEW = "new"
DROPPED = "dropped"
REWORDED = "reworded"
REATTRIBUTED = "re-attributed"
UNNAMED = "unnamed source"
# plural words for sources that have no name
_UNNAMED_NOUNS = frozenset(
    {
        "officials", "sources", "reports", "documents", "witnesses", "analysts", "experts",
        "residents", "activists", "diplomats", "critics", "observers", "aides", "authorities",
        "records", "filings", "papers", "insiders", "investigators", "prosecutors",
        "officers", "spokesmen", "spokespeople", "people", "rumours", "rumors", "media",
        "statements",
    }
)  # fmt: skip
# one source without a name: "a spokesman", "a senior official", "one source"
_UNNAMED_SINGULAR = frozenset(
    {
        "official", "source", "spokesman", "spokeswoman", "spokesperson", "aide", "insider",
        "witness", "diplomat", "investigator", "resident", "analyst", "expert", "observer",
        "activist", "person", "report", "document", "statement", "filing", "memo", "record",
    }
)  # fmt: skip
# words after which a description goes on about someone else: "a spokesman for the
# ministry", "people familiar with the talks", "a source close to the family" (not "of":
# "one of two witnesses")
_QUALIFIER_STARTS = frozenset(
    {"for", "at", "with", "in", "from", "to", "close", "familiar", "who", "that", "on", "by"}
)
_UNNAMED_MOST_WORDS = 8

_WORDS = re.compile(r"\w+")
_REWORDED_MIN_RATIO = 0.5
_REATTRIBUTED_MIN_WORDS = 3
# Finding a reworded quote weighs each quote that left a speaker's mouth against each that
# came: for someone quoted hundreds of times, that is hundreds of thousands of weighings.
# Past this many for one speaker and pair of versions, the rest are not weighed.
_REWORDED_MAX_PAIRS = 2_500


@dataclass(slots=True)
class _Said:
    """One quote as counted: its pieces' indices and its words, typography folded."""

    version: int
    indices: list[int]
    words: tuple[str, ...] = ()
    speaker: str = ""


@dataclass(slots=True)
class _Tally:
    name: str
    said: list[_Said] = field(default_factory=list)


def fold_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` with typography folded away (quote marks, dashes, "…", case).

    Args:
        text: a quote as written.

    Returns:
        Its words, lower case, in order; "it’s" and "it's" give the same words.
    """
    folded = unicodedata.normalize("NFKC", text).replace("\u00ad", "").casefold()
    return tuple(_WORDS.findall(folded))


def _name_key(name: str) -> tuple[str, ...]:
    return fold_words(name)


def list_speakers(quotes_per_version: Sequence[Sequence[Quote]]) -> tuple[Speaker, ...]:
    """Speakers over all versions, in order of their first quote.

    Args:
        quotes_per_version: each version's quotes, as ``extract_quotes`` returns them.

    Returns:
        One ``Speaker`` per name (a surname alone joins the fullest name that ends with it,
        across versions too), with counts per version, badges and their quotes' indices.
    """
    n = len(quotes_per_version)
    canonical = _canonical_names(quotes_per_version)
    tallies: dict[str, _Tally] = {}
    every: list[_Said] = []
    for v, quotes in enumerate(quotes_per_version):
        current: _Said | None = None
        texts: list[str] = []
        for i, q in enumerate(quotes):
            if (
                q.continues
                and current is not None
                and (q.speaker is None or canonical.get(q.speaker) == current.speaker)
            ):
                current.indices.append(i)
                texts.append(q.text)
                continue
            if current is not None:
                current.words = fold_words(" ".join(texts))
            current, texts = None, []
            if q.speaker is None or not q.speaker.strip():
                continue
            name = canonical[q.speaker]
            current = _Said(v, [i], speaker=name)
            texts = [q.text]
            tallies.setdefault(name, _Tally(name)).said.append(current)
            every.append(current)
        if current is not None:
            current.words = fold_words(" ".join(texts))

    # quote words → version → who said them there
    by_words: dict[tuple[str, ...], dict[int, set[str]]] = {}
    for said in every:
        if len(said.words) >= _REATTRIBUTED_MIN_WORDS:
            by_words.setdefault(said.words, {}).setdefault(said.version, set()).add(said.speaker)

    out: list[Speaker] = []
    for tally in tallies.values():
        counts = [0] * n
        for said in tally.said:
            counts[said.version] += 1
        badges: list[str] = []
        quoted = [v for v in range(n) if counts[v]]
        if n > 1 and quoted and quoted[0] > 0:
            badges.append(NEW)
        if n > 1 and quoted and counts[n - 1] == 0:
            badges.append(DROPPED)
        if _reworded(tally, n):
            badges.append(REWORDED)
        # the same words said by someone else in another version: a look per version, not
        # per speaker (30,000 people saying the same words took minutes); a few of their
        # names are kept to say whom the words went to
        others: set[str] = set()
        for s_ in tally.said:
            for v, whos in by_words.get(s_.words, {}).items():
                if v != s_.version and (len(whos) > 1 or tally.name not in whos):
                    others.update(w for w in itertools.islice(whos, 4) if w != tally.name)
        if others:
            badges.append(REATTRIBUTED)
        if unnamed_source(tally.name):
            badges.append(UNNAMED)
        refs = tuple(sorted((s.version, i) for s in tally.said for i in s.indices))
        out.append(Speaker(tally.name, tuple(counts), tuple(badges), refs, tuple(sorted(others))))
    # unnamed sources ("officials", "reports") after the people and bodies named
    out.sort(key=lambda sp: (UNNAMED in sp.badges, sp.quotes[0] if sp.quotes else (n, 0)))
    return tuple(out)


def unnamed_source(name: str) -> bool:
    """Whether a speaker is a source without a name: "officials", "reports", "a spokesman".

    Such sources are listed in a group of their own, not as people. A source is unnamed
    when its description, up to the words that qualify it ("for the ministry", "familiar
    with the talks"), holds a word for a source ("officials", "court documents", "a senior
    official", "one source", "Smith's spokesman"); a name in capitals throughout ("Officer
    Reports") is a name.

    Args:
        name: the speaker as ``list_speakers`` names them.
    """
    written = name.split()
    if len(written) > 1 and all(w[:1].isupper() for w in written):
        return False  # "Officer Reports", "Human Rights Watch": a name
    if not written or len(written) > _UNNAMED_MOST_WORDS:
        return False
    # each word as written, folded to its first word: "Smith’s" is "smith"
    words = [next(iter(fold_words(w)), "") for w in written]
    head = words
    for i, word in enumerate(words):
        if i > 0 and word in _QUALIFIER_STARTS:
            head = words[:i]
            break
    if len(head) > 5 or not head:
        return False
    if head[-1] in _UNNAMED_NOUNS:
        # "senior US officials", "local residents", "the officials"; not "a reports …"
        return head[0] not in ("a", "an")
    nouns = [i for i, word in enumerate(head) if word in _UNNAMED_SINGULAR]
    # "RNC spokesman Sean Spicer": a name after the word for the source names them
    return bool(nouns) and not any(w[:1].isupper() for w in written[nouns[-1] + 1 : len(head)])


def _canonical_names(quotes_per_version: Sequence[Sequence[Quote]]) -> dict[str, str]:
    """Map every speaker name to the fullest name that agrees with it, over all versions.

    A surname shared by two fuller names (Bill and Hillary Clinton) goes to the one quoted
    most; when they are quoted as often, it stays apart rather than pick one at random.
    """
    quoted: dict[str, int] = {}
    for quotes in quotes_per_version:
        for q in quotes:
            if q.speaker and not q.continues:
                quoted[q.speaker] = quoted.get(q.speaker, 0) + 1
    keys = {name: _name_key(name) for name in quoted}
    ordered = sorted(quoted, key=lambda s: (-len(keys[s]), s))
    out: dict[str, str] = {}
    # The names chosen so far, indexed so that a name meets only those it can agree
    # with: the same key, or a longer one ending on the same word and holding its first
    # word too. Comparing every name with every other took minutes for 30,000 speakers.
    exact: dict[tuple[str, ...], list[str]] = {}
    longer: dict[tuple[str, str], list[tuple[int, frozenset[str], str]]] = {}
    first_words: dict[str, list[str]] = {}  # longer names by their first word
    for name in ordered:
        key = keys[name]
        fits = list(exact.get(key, ()))
        if key:
            words = set(key)
            fits += [
                full
                for size, full_words, full in longer.get((key[-1], key[0]), ())
                if len(key) < size and words <= full_words
            ]
        if not fits and len(key) == 1:
            # a name said first ("Ban" of Ban Ki-moon, "Zeid" of Zeid Ra'ad al-Hussein)
            fits = list(first_words.get(key[0], ()))
        target = name
        if len(fits) == 1:
            target = fits[0]
        elif fits:
            fits.sort(key=lambda full: -quoted[full])
            if quoted[fits[0]] > quoted[fits[1]]:
                target = fits[0]
        if not fits or target == name:
            exact.setdefault(key, []).append(name)
            if key:
                entry = (len(key), frozenset(key), name)
                # under its last word alone (for a surname), and with each other word
                for word in {key[-1], *key[:-1]}:
                    longer.setdefault((key[-1], word), []).append(entry)
                if len(key) > 1:
                    first_words.setdefault(key[0], []).append(name)
        out[name] = target
    # speakers that only ever appear on continuing pieces keep their own name
    for quotes in quotes_per_version:
        for q in quotes:
            if q.speaker and q.speaker not in out:
                out[q.speaker] = q.speaker
    return out


def _reworded(tally: _Tally, n: int) -> bool:
    """Whether a quote of theirs changed words from one version to the next.

    A quote only in the earlier version and one only in the later count as one reworded
    when at least half their words match. Lengths, then shared words, rule out most
    pairs before the matching itself (as ``difflib.get_close_matches`` does); past
    ``_REWORDED_MAX_PAIRS`` pairs for one speaker, the rest are left unweighed.
    """
    by_version: list[dict[tuple[str, ...], None]] = [{} for _ in range(n)]
    for said in tally.said:
        if said.words:
            by_version[said.version][said.words] = None
    for v in range(n - 1):
        before, after = by_version[v], by_version[v + 1]
        gone = [words for words in before if words not in after]
        came = [words for words in after if words not in before]
        pairs = 0
        for words in gone:
            for other in came:
                pairs += 1
                if pairs > _REWORDED_MAX_PAIRS:
                    break
                matcher = SequenceMatcher(None, words, other, autojunk=False)
                if (
                    matcher.real_quick_ratio() >= _REWORDED_MIN_RATIO
                    and matcher.quick_ratio() >= _REWORDED_MIN_RATIO
                    and matcher.ratio() >= _REWORDED_MIN_RATIO
                ):
                    return True
            if pairs > _REWORDED_MAX_PAIRS:
                break
    return False
