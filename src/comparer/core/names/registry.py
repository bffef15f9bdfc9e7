"""Every name in an article, joined into people and organisations under their fullest form.

A surname alone is the fullest name ending with it; when two people share it (Bill and
Hillary Clinton), "Mr."/"Mrs." choose, else the one the article names most.

Versions of a story read together (``extract_quotes_many``) share their paragraphs'
scans (``quotes.scans``), and what is kept for the other versions is keyed on all it
reads:

- a paragraph's mentions, relative to its start (``_Kept``), keyed on the paragraph, the
  40 characters before it and the one after it, with what they asked of the whole text
  (whether a word opening a sentence is written lowercase somewhere and never opens a run
  mid-sentence, whether a name with particles is written lowercase), which each version
  answers again from the index of each paragraph's words before taking them
  (``NameRegistry._register_all``); a version places them at its own offsets only when a
  question needs their positions (``_placed``);
- the people the mentions make (``_Table``): they read the mentions' names, kinds and
  titles in order alone, so they are kept by those, as the numbers of each paragraph's;
- what a paragraph's pronouns add to the people's genders (``paragraph_evidence``): it
  reads the paragraph, its mentions, the 40 characters before it and the people, so it is
  kept with the paragraph's mentions, by table;
- the people with their genders (``_People``), and what each name is looked up as, by
  the table and the sum of what the pronouns add: shared, never changed, by the versions
  that have the same;
- what each capitalised run means wherever it stands (``_Shape``).

These apply where paragraphs neither overlap nor go back and each mention lies in its
own paragraph; otherwise, and for one text alone, everything is worked out for the text.
A paragraph no version had is read whole, even when most of its sentences are some other
version's: keeping each sentence's runs, words and mentions instead can be made sound
(cut after "said. ", where no run holds the stop and every look back stops at it), but
a sentence's key, look-up and moved offsets cost about what reading it does, and
measured it was slower (``docs/benchmarks.md``).
Who says something (``speaks``) reads around each mention and is asked per version.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Protocol

from comparer.core.names.gender import (
    Gender,
    gender_of,
    honorific_gender,
    learn_genders,
    paragraph_evidence,
)
from comparer.core.names.lexicon import (
    DETERMINER_WORDS,
    FEMALE_GIVEN,
    GIVEN_NAMES,
    LEADING_PARTICLES,
    LOW_TITLE_WORDS,
    MALE_GIVEN,
    PARTICLES,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    TITLE_WORDS,
)
from comparer.core.names.parsing import (
    EntityKind,
    Variant,
    aliased,
    classify_run,
    is_strong_org,
    leading_function_words,
    name_key,
    particle_lead,
    sentence_initial,
    variant,
)


class NameScans(Protocol):
    """The scans of a text's paragraphs the registry reads (``quotes.scans`` holds them).

    Offsets come as a list and a number to add to each, so that a paragraph the text
    shares with another version is scanned once for both.
    """

    def runs(self, pi: int, mid: set[str]) -> tuple[int, list[tuple[int, str]]]:
        """``paragraph_runs`` of paragraph ``pi``, with the number to add to each offset."""

    def pronouns(self, pi: int) -> tuple[int, list[int], list[int]]:
        """``paragraph_pronouns`` of paragraph ``pi``, with the number to add to each."""

    def lower_words(self) -> set[str]:
        """``lower_words`` of the whole text."""

    def kept(self, pi: int) -> dict[object, object] | None:
        """A dict kept for paragraph ``pi`` by every text that holds it, or None."""

    def lowercase(self) -> Container[str]:
        """Whether a word is one of ``lower_words()``."""

    def mid_words(self) -> Container[str]:
        """The words ``runs`` adds to ``mid`` for some paragraph."""

    def whole(self) -> dict[object, object] | None:
        """A dict kept by every text that shares these scans, or None."""


_PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout|near|outside|inside)\s+(?:the\s+)?$")


_PLACE_WORD_ENDS = ("in", "across", "throughout", "near", "side", "the")
# The kinds, bound once: looking a member up on the enum at each test in the hot loops
# costs more than the test itself.
_PERSON, _ORG, _PLACE, _UNKNOWN = (
    EntityKind.PERSON,
    EntityKind.ORG,
    EntityKind.PLACE,
    EntityKind.UNKNOWN,
)


@dataclass(slots=True)
class NameMention:
    """A name as written somewhere in the text, with what was cut off before it."""

    start: int
    end: int
    name: str
    kind: EntityKind
    titles: tuple[str, ...] = ()


@dataclass(slots=True)
class Entity:
    """A person or organisation, under the fullest name the article uses."""

    name: str
    kind: EntityKind
    keys: tuple[str, ...]
    male: int = 0
    female: int = 0
    titles: set[str] = field(default_factory=set)
    votes: dict[str, int] = field(default_factory=dict)

    @property
    def gender(self) -> Gender | None:
        """The gender the article's pronouns and honorifics show, or None."""
        return gender_of(self.male, self.female)


# mentions as (start, end, name, kind, titles), relative to their paragraph's start
_Relative = list[tuple[int, int, str, EntityKind, tuple[str, ...]]]


@dataclass(slots=True)
class _Kept:
    """One way a paragraph's names were registered, kept for the versions that hold it."""

    asks: tuple[tuple[str, str, bool], ...]  # what it asked of the whole text (``_holds``)
    found: _Relative  # the mentions, relative to the paragraph's start
    names: int  # their names, kinds and titles in order, as a number (``_Shared``)
    inside: bool  # whether every mention lies within the paragraph
    pronouns: bool  # whether the paragraph has a gendered pronoun
    # what the paragraph's pronouns add to each person (``paragraph_evidence``), by table
    genders: dict[int, list[tuple[int, int, int]]]


@dataclass(slots=True)
class _Table:
    """The people a version's mentions make, before its pronouns are counted."""

    number: int
    entities: dict[str, Entity]
    by_key: dict[str, list[Entity]]
    by_first: dict[str, list[Entity]]
    order: list[Entity]  # every entity of the tables, each once
    place: dict[int, int]  # where each entity (by ``id``) stands in ``order``


@dataclass(slots=True)
class _People:
    """A version's people with their genders counted, and the names looked up in them."""

    entities: dict[str, Entity]
    by_key: dict[str, list[Entity]]
    by_first: dict[str, list[Entity]]
    cache: dict[str, Entity | None]


@dataclass(slots=True)
class _Shared:
    """What versions read together keep of their people (``ParagraphScans.whole``)."""

    # each paragraph's (name, kind, titles) of its mentions in order, as a number
    signatures: dict[tuple[tuple[str, EntityKind, tuple[str, ...]], ...], int] = field(
        default_factory=dict
    )
    # by the numbers of a version's paragraphs' signatures
    tables: dict[tuple[int, ...], _Table] = field(default_factory=dict)
    # by the table's number and what the pronouns add to each of its people
    people: dict[tuple[object, ...], _People] = field(default_factory=dict)
    # each run's shape (``_Shape``)
    shapes: dict[str, _Shape] = field(default_factory=dict)


_START = operator.attrgetter("start")
_BEFORE = 40  # how far before a paragraph registering its names may read
_KEPT_MOST = 4  # ways a paragraph's names are kept, for texts that answer differently


class _Shape:
    """What a run means as a name whatever the text around it (``NameRegistry._plan``)."""

    __slots__ = ("main", "word", "at", "_words", "_lead", "_alt", "_alt_done")

    def __init__(self, words: list[str], lead: int, main: Variant | None, at: int) -> None:
        self.main = main
        self.word: str | None = words[lead] if lead < len(words) else None
        self.at = at
        self._words, self._lead = words, lead
        self._alt: Variant | None = None
        self._alt_done = False

    @classmethod
    def of(cls, run: str) -> _Shape:
        """The run's shape: word and main variant None when it is function words alone."""
        words = run.split()
        # a leading function word ("But Trump") is not part of the name
        lead = leading_function_words(run)
        if lead == len(words):
            return cls(words, lead, None, -1)
        if lead and words[lead - 1].lower() in DETERMINER_WORDS:
            # "A van Smith rented": after "a", "van" is a noun, not part of a name
            while lead < len(words) - 1 and words[lead] in LEADING_PARTICLES:
                lead += 1
        word = words[lead]
        # where the word stands in the run when, opening a sentence, it may be cut off
        # as a common word: only then does whether it is one matter (``_register_new``)
        at = -1
        if (
            not (lead + 1 < len(words) and name_key(word) in GIVEN_NAMES)
            and word.lower().rstrip(".") not in TITLE_WORDS
            and not (lead + 1 < len(words) and word.lower() in LEADING_PARTICLES)
        ):
            at = run.index(word)
        return cls(words, lead, variant(run, words, lead), at)

    def alt(self, run: str) -> Variant | None:
        """The variant with the word cut off too ("Minutes later": "later" is no name)."""
        if not self._alt_done:
            words, lead = self._words, self._lead
            self._alt = variant(run, words, lead + 1) if lead + 1 < len(words) else None
            self._alt_done = True
        return self._alt


class NameRegistry:
    """Every name in the article's text, queried by position."""

    def __init__(self, text: str, spans: list[tuple[int, int]], scans: NameScans) -> None:
        """Collect the names in ``text`` within the given paragraph spans.

        Args:
            text: the whole text.
            spans: the paragraphs to read, as (start, end), in order.
            scans: the scans of those paragraphs (``quotes.scans.ParagraphScans``).
        """
        self.text = text
        # the mentions, in order, with where each starts and the lookup tables; a version
        # read with others places them only when asked (``_placed``)
        self._mentions: list[NameMention] | None = None
        self._starts: list[int] = []
        self._spoken: dict[str, bool] = {}
        self._where: dict[str, list[NameMention]] = {}  # by name, for ``speaks``
        self._orgs: list[tuple[int, NameMention]] = []
        self._org_starts: list[int] = []
        self._parts: tuple[list[tuple[int, int]], list[_Kept]] | None = None
        self._found: list[NameMention] = []  # what ``_register`` adds to
        self._fresh: dict[int, list[NameMention]] = {}  # paragraphs registered here
        # the same run recurs many times in an article: what depends on the run alone is
        # worked out once (``_plan``), only its surroundings are read at each occurrence
        self._plans: dict[str, tuple[Variant | None, Variant | None, int]] = {}
        # what each plan asked of the whole text: the word it tested, and the answer
        self._plan_facts: dict[str, tuple[str, bool, int]] = {}
        self._particle_cases: dict[str, str] = {}
        self._asked: list[str] | None = None
        # each run's shape, shared by the versions read together
        self._shapes: dict[str, _Shape] = {}
        self.entities: dict[str, Entity] = {}
        self._entity_cache: dict[str, Entity | None] = {}
        self._by_key: dict[str, list[Entity]] = {}
        self._by_first: dict[str, list[Entity]] = {}
        # lowercase words of the article: "Employees" at a sentence start is not a name
        self._lower_words: Container[str]
        # first words of capitalised runs that do not open a sentence
        self._mid_sentence: Container[str]
        parts: list[_Kept] | None = None
        shared: _Shared | None = None
        if not spans or scans.kept(0) is None:
            self._lower_words = scans.lower_words()
            mid: set[str] = set()
            found = [scans.runs(pi, mid) for pi in range(len(spans))]
            self._mid_sentence = mid
            runs: list[tuple[int, str]] = []
            for shift, those in found:
                runs.extend([(at + shift, run) for at, run in those] if shift else those)
            self._register(runs)
            self._settle(self._found)
        else:
            whole = scans.whole()
            if whole is not None:
                got = whole.get("names")
                if not isinstance(got, _Shared):
                    got = whole["names"] = _Shared()
                shared = got
                self._shapes = shared.shapes
            self._lower_words = scans.lowercase()
            self._mid_sentence = scans.mid_words()
            parts = self._register_all(spans, scans, shared)
            self._parts = spans, parts
        if shared is not None and parts is not None and _apart(spans, parts):
            self._people_kept(shared, spans, parts, scans)
        else:
            self._build_entities()
            learn_genders(self.text, self.mentions, self.starts, self.match, spans, scans)

    @property
    def mentions(self) -> list[NameMention]:
        """Every name mentioned, in order of where it starts."""
        if self._mentions is None:
            self._placed()
            assert self._mentions is not None
        return self._mentions

    @property
    def starts(self) -> list[int]:
        """Where each of ``mentions`` starts."""
        if self._mentions is None:
            self._placed()
        return self._starts

    def _placed(self) -> None:
        """Place each paragraph's kept mentions at this text's offsets, when first asked.

        The same mentions in the same order as registering them here gives: paragraph by
        paragraph, each paragraph's in the order registered, then sorted by start.
        """
        assert self._parts is not None
        made = NameMention
        fresh = self._fresh
        out: list[NameMention] = []
        for pi, ((s, _), part) in enumerate(zip(*self._parts, strict=True)):
            if pi in fresh:
                out.extend(fresh[pi])
            else:
                out.extend([made(a + s, b + s, n, k, t) for a, b, n, k, t in part.found])
        self._fresh = {}
        self._settle(out)

    def _settle(self, mentions: list[NameMention]) -> None:
        """Take ``mentions`` (in registration order) as the text's, with their tables."""
        mentions.sort(key=_START)
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        where = self._where
        for mention in mentions:
            where.setdefault(mention.name, []).append(mention)
        self._orgs = [(m.start, m) for m in mentions if m.kind == _ORG]
        self._org_starts = [s for s, _ in self._orgs]

    def _plan(self, run: str) -> tuple[Variant | None, Variant | None, int]:
        """What registering ``run`` means wherever it stands, worked out once per run.

        Returns the variant for the run with its leading function words cut off, the
        variant with one more common word cut off ("Minutes later": used when that word
        opens a sentence), and the offset of that word in the run (-1 when it is no
        common word, so the second variant never applies).
        """
        shape = self._shapes.get(run)
        if shape is None:
            shape = self._shapes[run] = _Shape.of(run)
        if shape.main is None and shape.word is None:
            return None, None, -1
        word = shape.word
        assert word is not None
        # the one thing read beyond the run: whether the word is written lowercase
        # somewhere, and never opens a run mid-sentence
        common = word not in self._mid_sentence and word.lower() in self._lower_words
        self._plan_facts[run] = (word, common, shape.at)
        if common and shape.at >= 0:
            # "Minutes later", "Employees treated well": common words, when they open
            # a sentence
            return shape.main, shape.alt(run), shape.at
        return shape.main, None, -1

    def _register(self, runs: list[tuple[int, str]]) -> None:
        """Add the mentions of the capitalised runs (offset, run) to ``self._found``.

        The hottest loop of the registry: one pass, with what depends on the run alone
        taken from its plan, so each occurrence only reads the text around it.
        """
        text = self.text
        plans = self._plans
        append = self._found.append
        for run_start, run in runs:
            plan = plans.get(run)
            if plan is None:
                plan = plans[run] = self._plan(run)
            main, alt, common_at = plan
            var = (
                alt if common_at >= 0 and sentence_initial(text, run_start + common_at, 0) else main
            )
            if var is None:
                continue
            start = run_start + var.skip
            name = var.name
            the = var.the_word or text[max(0, start - 4) : start].lower() == "the "
            kind = var.kind_the if the else var.kind_plain
            at = start + var.offset
            if (
                at == run_start
                and at > 1
                and text[at - 2].islower()
                and text[at - 1] in " \u00a0"
                and not the
                # the word before: a particle? (a slice and a split, both in C)
                and text[max(0, at - 7) : at - 1].rsplit(None, 1)[-1] in LEADING_PARTICLES
            ):
                # "de Blasio", "said van der Berg": particles written apart open the name
                lead = particle_lead(text, at)
                if lead < at:
                    name = " ".join(text[lead:at].split()) + " " + name
                    start = at = lead
                    kind = classify_run(name, False)
            elif name[:1].isupper() and name.split(None, 1)[0].lower() in LEADING_PARTICLES:
                name = self._particle_case(name)
            titles = var.titles
            # lowercase titles just before the name: "presidential candidate Donald Trump";
            # only worth a look when a lowercase word ends right before the name, and the
            # look stops at once unless that word is a title
            k = at - 2
            if k >= 0 and text[k].islower():
                window = text[max(0, at - 40) : at]
                last = window.rsplit(None, 1)
                if last and last[-1] in LOW_TITLE_WORDS:
                    low: list[str] = []
                    for word in reversed(window.split()[-3:]):
                        if word not in LOW_TITLE_WORDS:
                            break
                        low.append(word)
                    titles = aliased(var.raw_titles + tuple(reversed(low)))
            if titles:
                if kind == _UNKNOWN:
                    kind = _PERSON
            elif (
                kind != _ORG
                # the pattern ends in one of these words and spaces: a cheap test first
                and text[max(0, start - 12) : start].rstrip().endswith(_PLACE_WORD_ENDS)
                and _PLACE_BEFORE.search(text, max(0, start - 12), start)
                and text[at + len(name) : at + len(name) + 1] not in ("'", "\u2019")
            ):
                kind = _PLACE
            # "Al Jazeera's Nisreen": the owner is a name too
            owner = var.owner
            if owner is not None and not titles:
                append(
                    NameMention(
                        start, start + len(owner), owner, var.owner_the if the else var.owner_plain
                    )
                )
            append(NameMention(at, at + len(name), name, kind, titles))

    def _register_all(
        self, spans: list[tuple[int, int]], scans: NameScans, shared: _Shared | None
    ) -> list[_Kept]:
        """Register every paragraph's runs, each taken from another version if it can be.

        What registering a paragraph's runs reads: the paragraph; at most 40 characters
        before it (titles written before a name, "the", "in"), when the character before
        it is a line break, which stops every other look back; the character after it,
        when that is whitespace, which stops every look forward; and of the whole text,
        only the answers ``_holds`` checks again. Kept by those, as mentions relative to
        the paragraph's start (``_register_new``); a paragraph read otherwise is
        registered and not kept.

        Returns:
            Per paragraph, the way kept; for a paragraph not kept, the same for this text.
        """
        text = self.text
        size = len(text)
        holds = self._holds
        parts: list[_Kept] = []
        for pi, span in enumerate(spans):
            s, e = span
            kept = scans.kept(pi)
            if (
                kept is None
                or (s > 0 and text[s - 1] != "\n")
                or (e < size and not text[e].isspace())
            ):
                parts.append(self._register_new(pi, span, scans, shared, None))
                continue
            key = ("names", text[max(0, s - _BEFORE) : s], text[e : e + 1])
            entries = kept.get(key)
            if entries is None:
                entries = kept[key] = []
            assert isinstance(entries, list)
            entry: _Kept
            for entry in entries:
                if not entry.asks or holds(entry.asks):
                    parts.append(entry)
                    break
            else:
                parts.append(self._register_new(pi, span, scans, shared, entries))
        return parts

    def _register_new(
        self,
        pi: int,
        span: tuple[int, int],
        scans: NameScans,
        shared: _Shared | None,
        entries: list[_Kept] | None,
    ) -> _Kept:
        """``_register`` for paragraph ``pi``'s runs, kept in ``entries`` (None: not kept).

        Kept with what it asked of the whole text: whether a word is written lowercase
        somewhere and never opens a run mid-sentence, where that decides (``_plan``), and
        whether a name with particles is written in lowercase somewhere
        (``_particle_case``); at most ``_KEPT_MOST`` ways.
        """
        s, e = span
        text = self.text
        mentions = self._found = self._fresh[pi] = []
        shift, runs = scans.runs(pi, set())
        if entries is None:
            self._register([(at + shift, run) for at, run in runs] if shift else runs)
            relative = [(m.start - s, m.end - s, m.name, m.kind, m.titles) for m in mentions]
            names, inside = self._signed(shared, relative, e - s)
            return _Kept((), relative, names, inside, _has_pronouns(scans, pi), {})
        self._asked = []
        try:
            self._register([(at + shift, run) for at, run in runs] if shift else runs)
            asked = self._asked
        finally:
            self._asked = None
        facts: dict[tuple[str, str, bool], None] = {}
        for run_start, run in runs:
            fact = self._plan_facts.get(run)
            # the answer matters where the run opens a sentence with a word that may be
            # cut off as a common one (``_plan``); ``sentence_initial`` looks back no
            # further than the line break before the paragraph
            if fact is not None and fact[2] >= 0:
                word, common, at = fact
                if sentence_initial(text, run_start + shift + at, 0):
                    facts["c", word, common] = None
        for name in asked:
            low = name[0].lower() + name[1:]
            facts["p", low, low in text] = None
        relative = [(m.start - s, m.end - s, m.name, m.kind, m.titles) for m in mentions]
        names, inside = self._signed(shared, relative, e - s)
        entry = _Kept(tuple(facts), relative, names, inside, _has_pronouns(scans, pi), {})
        if len(entries) < _KEPT_MOST:
            entries.append(entry)
        return entry

    @staticmethod
    def _signed(shared: _Shared | None, relative: _Relative, size: int) -> tuple[int, bool]:
        """The number of a paragraph's mentions' names, kinds and titles, in their order.

        ``relative``: the mentions, relative to the paragraph's start, as registered;
        with whether they all lie within the paragraph (``size`` long). -1 without
        ``shared``.
        """
        if not relative:
            inside, ordered = True, True
        else:
            starts = [r[0] for r in relative]
            ordered = starts == sorted(starts)
            inside = min(starts) >= 0 and max([r[1] for r in relative]) <= size
        if shared is None:
            return -1, inside
        if not ordered:
            relative = sorted(relative, key=operator.itemgetter(0))
        signature = tuple([(n, k, t) for _, _, n, k, t in relative])
        numbers = shared.signatures
        number = numbers.get(signature)
        if number is None:
            number = numbers[signature] = len(numbers)
        return number, inside

    def _people_kept(
        self,
        shared: _Shared,
        spans: list[tuple[int, int]],
        parts: list[_Kept],
        scans: NameScans,
    ) -> None:
        """``_build_entities`` and ``learn_genders``, taken from other versions if they can be.

        The people depend on the mentions' names, kinds and titles in order alone: kept by
        those (the numbers of the paragraphs' signatures). What a paragraph's pronouns add
        to them reads the paragraph, its mentions, the 40 characters before it and the
        people (``paragraph_evidence``): kept with the paragraph's names, by table. The
        people with their genders are kept by the table and what the pronouns add in all,
        and shared, never changed, by every version that has the same; so is what a name
        is looked up as (``entity``). Only when paragraphs do not overlap and each
        mention lies in its own paragraph (``_apart``), where the sums are the same.
        """
        key = tuple([part.names for part in parts])
        table = shared.tables.get(key)
        if table is None:
            self._build_entities()
            order: list[Entity] = []
            place: dict[int, int] = {}
            for group in (
                [list(self.entities.values())],
                self._by_key.values(),
                self._by_first.values(),
            ):
                for ents in group:
                    for ent in ents:
                        if id(ent) not in place:
                            place[id(ent)] = len(order)
                            order.append(ent)
            table = shared.tables[key] = _Table(
                len(shared.tables), self.entities, self._by_key, self._by_first, order, place
            )
        else:
            self.entities, self._by_key, self._by_first = (
                table.entities,
                table.by_key,
                table.by_first,
            )
        added: dict[int, list[int]] = {}
        text = self.text
        for pi, entry in enumerate(parts):
            if not entry.pronouns:
                continue
            found = entry.genders.get(table.number)
            if found is None:
                shift, his, hers = scans.pronouns(pi)
                span = spans[pi]
                male = [k + shift for k in his] if shift else his
                female = [k + shift for k in hers] if shift else hers
                # the paragraph's own mentions: in order, the same as the text's there
                s = span[0]
                own = sorted(
                    [NameMention(a + s, b + s, n, k, t) for a, b, n, k, t in entry.found],
                    key=_START,
                )
                found = [
                    (table.place[id(ent)], m, f)
                    for ent, m, f in paragraph_evidence(
                        text, own, [m.start for m in own], self.match, span, male, female
                    )
                ]
                entry.genders[table.number] = found
            for i, m, f in found:
                if i in added:
                    added[i][0] += m
                    added[i][1] += f
                else:
                    added[i] = [m, f]
        sums = tuple(sorted((i, m, f) for i, (m, f) in added.items() if m or f))
        people = shared.people.get((table.number, sums))
        if people is None:
            people = shared.people[table.number, sums] = _counted(table, sums)
        self.entities, self._by_key, self._by_first = (
            people.entities,
            people.by_key,
            people.by_first,
        )
        self._entity_cache = people.cache

    def _holds(self, facts: tuple[tuple[str, str, bool], ...]) -> bool:
        """Whether this text answers as another did what registering a paragraph asked.

        ("c", word, answer): whether ``word`` is written lowercase somewhere and never
        opens a run mid-sentence (``_plan``); ("p", low, answer): whether ``low`` is in
        the text (``_particle_case``).
        """
        mid, lower, text = self._mid_sentence, self._lower_words, self.text
        for what, word, answer in facts:
            if what == "c":
                now = word not in mid and word.lower() in lower
            else:
                now = word in text
            if now != answer:
                return False
        return True

    def _particle_case(self, name: str) -> str:
        """A name as the article writes it mid-sentence: "De Blasio said" is "de Blasio"."""
        if " " not in name:
            return name
        if self._asked is not None:
            self._asked.append(name)
        try:
            return self._particle_cases[name]
        except KeyError:
            low = name[0].lower() + name[1:]
            found = self._particle_cases[name] = low if low in self.text else name
            return found

    def _build_entities(self) -> None:
        # longest names first, so a surname joins the fullest name that ends with it
        order = sorted(self.mentions, key=lambda m: -len(m.name.split()))
        # repeated mentions match the same entity: looked up once
        seen: dict[tuple[str, str, str | None], Entity] = {}
        for m in order:
            hint = None
            if m.titles:
                hint = honorific_gender(m.titles)
            key = (m.name, m.kind, hint)
            ent = seen.get(key)
            if ent is None:
                ent = self.match(m.name, m.kind, hint)
            if ent is not None:
                seen[key] = ent
            else:
                keys = tuple(name_key(t) for t in m.name.split())
                ent = Entity(m.name, m.kind, keys)
                if m.kind != _ORG:
                    # a seed from the given name; the article's evidence is added to it
                    if keys[0] in MALE_GIVEN:
                        ent.male += 3
                    elif keys[0] in FEMALE_GIVEN:
                        ent.female += 3
                self.entities[m.name] = ent
                if m.kind != _ORG and len(keys) >= 2:
                    self._by_first.setdefault(keys[0], []).append(ent)
                if m.kind != _ORG and "of" not in keys:
                    # "GIFs of Clinton" is not what a later "Clinton" refers to
                    self._by_key.setdefault(keys[-1], []).append(ent)
                self._by_key.setdefault(" ".join(keys), []).append(ent)
            ent.votes[m.kind] = ent.votes.get(m.kind, 0) + 1
            if m.titles:
                ent.titles.update(m.titles)
                for t in m.titles:
                    seed = honorific_gender((t,))
                    if seed is Gender.MALE:
                        ent.male += 3
                    elif seed is Gender.FEMALE:
                        ent.female += 3
        for ent in self.entities.values():
            v = ent.votes
            if ent.kind == _ORG:
                continue
            if ent.titles:
                ent.kind = _PERSON
            elif v.get(_PLACE) and v[_PLACE] * 2 >= v.get(_PERSON, 0) + v.get(_UNKNOWN, 0):
                ent.kind = _PLACE

    def match(self, name: str, kind: str, gender: str | None = None) -> Entity | None:
        """The entity a name of a kind refers to (a surname: the fullest name), or None."""
        keys = [name_key(t) for t in name.split()]
        if not keys:
            return None
        exact = self._by_key.get(" ".join(keys))
        if exact:
            return exact[0]
        if kind == _ORG or len(keys) > 1 and keys[-1] in PARTICLES:
            return None
        cands = [
            ent
            for ent in self._by_key.get(keys[-1], [])
            if ent.kind != _ORG and all(k in ent.keys for k in keys)
        ]
        if not cands and len(keys) == 1:
            # "Hillary", "Bernie": a given name alone is the person named in full with it;
            # so is a name said first that no one else bears ("Ban" of Ban Ki-moon, "Zeid"
            # of Zeid Ra'ad al-Hussein)
            first = [
                ent
                for ent in self._by_first.get(keys[0], [])
                if ent.kind != _ORG and len(ent.keys) >= 2
            ]
            if keys[0] in MALE_GIVEN or keys[0] in FEMALE_GIVEN or len(first) == 1:
                cands = first
        if not cands and keys[0] in LEADING_PARTICLES:
            # "dos Santos" where the article names "Mat dos Santos" (or writes it apart
            # differently): the name without its particles
            lead = 0
            while lead < len(keys) - 1 and keys[lead] in LEADING_PARTICLES:
                lead += 1
            bare = self.match(" ".join(name.split()[lead:]), kind, gender) if lead else None
            return bare if bare is not None and bare.kind != _ORG else None
        if len(cands) > 1:
            # "Clinton" with Bill and Hillary Clinton both named: "Mr." or "Mrs." decides,
            # else the one the article names most
            if gender is not None:
                fit = [e for e in cands if e.gender == gender]
                cands = fit or cands
            return max(cands, key=lambda e: sum(e.votes.values()))
        return cands[0] if cands else None

    def entity(self, name: str) -> Entity | None:
        """The entity a name (full or partial) refers to, if the article names it."""
        try:
            return self._entity_cache[name]
        except KeyError:
            ent = self._entity_cache[name] = self.match(name, _UNKNOWN)
            return ent

    def canonical(self, name: str) -> str:
        """The fullest form of ``name`` the article uses."""
        ent = self.entity(name)
        return ent.name if ent else name

    def mentions_between(self, start: int, end: int) -> list[NameMention]:
        """Name mentions that start within ``[start, end)``."""
        if self._mentions is None:
            self._placed()
        starts = self._starts
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return self.mentions[lo:hi]

    def last_org_before(self, pos: int, head: str | None = None) -> NameMention | None:
        """The most recent organisation named before ``pos`` (whose name holds ``head``).

        Without ``head``, a name that says it is an organisation ("… Commission") is
        preferred over one that is only preceded by "the".
        """
        if self._mentions is None:
            self._placed()
        i = bisect.bisect_left(self._org_starts, pos) - 1
        fallback: NameMention | None = None
        steps = 0
        while i >= 0 and steps < 400:
            m = self._orgs[i][1]
            if head is not None:
                if head in m.name.lower():
                    return m
            elif is_strong_org(m.name):
                return m
            elif fallback is None:
                fallback = m
            i -= 1
            steps += 1
        return fallback

    def last_titled_before(self, pos: int, title: str) -> NameMention | None:
        """The most recent person named with ``title`` ("president") before ``pos``."""
        mentions = self.mentions
        i = bisect.bisect_left(self._starts, pos) - 1
        steps = 0
        while i >= 0 and steps < 600:
            m = mentions[i]
            if title in m.titles:
                return m
            ent = self.entity(m.name)
            if ent is not None and title in ent.titles and m.kind != _ORG:
                return m
            i -= 1
            steps += 1
        return None

    def speaks(self, name: str) -> bool:
        """Whether the article has ``name`` say or write something ("Reid said")."""
        try:
            return self._spoken[name]
        except KeyError:
            if self._mentions is None:
                self._placed()
            text = self.text
            found = self._spoken[name] = any(
                SPEECH_AFTER.match(text, m.end)
                or SPEECH_BEFORE.search(text, max(0, m.start - 8), m.start)
                for m in self._where.get(name, ())
            )
            return found

    def named_mid_sentence(self, name: str) -> bool:
        """Whether ``name`` starts a capitalised run somewhere other than a sentence start."""
        return name.split(None, 1)[0] in self._mid_sentence if name else False


def _has_pronouns(scans: NameScans, pi: int) -> bool:
    """Whether paragraph ``pi`` has a gendered pronoun (``paragraph_pronouns``)."""
    _, his, hers = scans.pronouns(pi)
    return bool(his or hers)


def _apart(spans: list[tuple[int, int]], parts: list[_Kept]) -> bool:
    """Whether paragraphs neither overlap nor go back, each mention within its own."""
    end = 0
    for (s, e), part in zip(spans, parts, strict=True):
        if s < end or e < s or not part.inside:
            return False
        end = e
    return True


def _counted(table: _Table, sums: tuple[tuple[int, int, int], ...]) -> _People:
    """A table's people with the pronoun counts ``sums`` (place, male, female) added.

    The table itself when nothing is added (it is never changed); otherwise copies of
    its people, in the same tables.
    """
    if not sums:
        return _People(table.entities, table.by_key, table.by_first, {})
    copies = [
        Entity(e.name, e.kind, e.keys, e.male, e.female, set(e.titles), dict(e.votes))
        for e in table.order
    ]
    for i, male, female in sums:
        copies[i].male += male
        copies[i].female += female
    place = table.place

    def copied(ents: list[Entity]) -> list[Entity]:
        return [copies[place[id(ent)]] for ent in ents]

    return _People(
        {name: copies[place[id(ent)]] for name, ent in table.entities.items()},
        {key: copied(ents) for key, ents in table.by_key.items()},
        {key: copied(ents) for key, ents in table.by_first.items()},
        {},
    )
