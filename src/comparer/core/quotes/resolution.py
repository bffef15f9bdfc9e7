"""Who a mention names: names, descriptions and pronouns resolved to a speaker.

Speakers are resolved with ``core.names``: surnames to the fullest name, titles and
possessives cut off, "the group" to the most recent organisation, "the president" to the
person with that title. "He" and "she" walk back sentence by sentence to the first one
that speaks of a compatible person: whoever it quotes ("…, Henson said."), else the name
with a speech verb, the name the sentence opens with, a name with another verb, and only
then names in subordinate clauses. A sentence whose subject is the same pronoun continues
that chain; names inside quote marks, after a participle opener ("Asked about Clinton, she
…") or after a preposition are passed over.

A mention written as a name ("Ortiz", "Red Cross") names what the text's names make of
the phrase, whatever the mention's place: the fullest name, and whether it is a person or
an organisation, are worked out once per phrase and text (``_name_of``); only what is read
around the mention (a dateline, an organisation's whole name written out around it) is
read at each.

Some 600 lines: the pronoun walk, the description lookup and the speaker history
they share are one procedure (each falls back on the others), kept in one module so it
reads in order.
"""

from __future__ import annotations

import bisect
import re

from comparer.core.names.lexicon import TITLE_WORDS, asked_by, word_set
from comparer.core.names.parsing import (
    NAME_RUN,
    EntityKind,
    is_function_word,
    opens_with_particle,
    split_name,
)
from comparer.core.quotes.context import Extraction
from comparer.core.quotes.lexicon import (
    DETERMINERS,
    INTRO,
    OPENER_PARTICIPLES,
    ORG_HEADS,
    PERSON_NOUNS,
    PRONOUN_SPEAKS,
    PRONOUNS,
    ROLE_NOUNS,
    VERB_AFTER_NAME,
    Referent,
    SpeakerKind,
)

# "Rep. Glenn Thompson, R-Pa., said": the party and state after a lawmaker's name
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,11}")


_NAME_BEFORE_COMMA = re.compile(r"(" + NAME_RUN + r"),[ \u00a0]*$")


# Organisations named with small words inside: "Centers for Disease Control and
# Prevention", "Committee to Protect Journalists", "Brennan Center for Justice". A name run
# stops at such words, so a mention may hold only a piece of the name.
_ORG_HEADS_IN_NAMES = word_set(
    """center centers centre centres committee organization organisation institute council
    foundation association alliance coalition office department ministry commission agency
    agencies bureau society campaign fund union league federation board service services
    network project initiative trust partnership administration"""
)


# "for", "to" and "on" may take "the" ("Society for the Prevention of …"); "and" may not:
# "Clinton and the Democratic Party" are two
_ORG_LINK = r"[ \u00a0]+(?:(?:for|to|on)(?:[ \u00a0]+the)?|and)[ \u00a0]+"


_ORG_PIECE_BEFORE = re.compile(r"(" + NAME_RUN + r")(" + _ORG_LINK + r")$")


_ORG_PIECE_AFTER = re.compile(_ORG_LINK + r"(" + NAME_RUN + r")")


def _takes_the(link: str) -> bool:
    """Whether an organisation link is "for the", "to the" or "on the"."""
    return link.split()[-1] == "the"


def _ends_on_org_head(piece: str) -> bool:
    words = piece.split()
    return bool(words) and words[-1].lower() in _ORG_HEADS_IN_NAMES


def _whole_org_name(text: str, mention: tuple[int, int]) -> str | None:
    """The whole name of an organisation that ``mention`` is a piece of, if it is one.

    Pieces are joined across "for", "to", "on" and "and" for as long as they run, and the
    joined name is taken only when one of its pieces before the last link ends on a word
    for an organisation ("Centers", "Committee") and a "for", "to" or "on" follows it, or
    when the name ends on such a word after an "and" ("Bill and Melinda Gates Foundation",
    "National Oceanic and Atmospheric Administration").
    """
    start, end = mention
    joins = 0
    while True:  # backwards: "… for Disease Control and" before "Prevention"
        m = _ORG_PIECE_BEFORE.search(text, max(0, start - 90), start)
        if m is None or (_takes_the(m.group(2)) and not _ends_on_org_head(m.group(1))):
            break  # "Staff for the House Committee": only an organisation is "for the" one
        start, joins = m.start(1), joins + 1
    while True:  # forwards: "Committee" before "to Protect Journalists"
        m = _ORG_PIECE_AFTER.match(text, end)
        link = text[m.start() : m.start(1)] if m is not None else ""
        if m is None or (_takes_the(link) and not _ends_on_org_head(text[start:end])):
            break
        end, joins = m.end(1), joins + 1
    joined = text[start:end]
    first, _, rest = joined.partition(" ")
    if first.lower() in ("the", "a", "an") and rest:
        joined = rest  # "The Brennan Center …" at the start of a sentence
    words = joined.split()
    if joins and len(words) <= 10 and "and" in words and words[-1].lower() in _ORG_HEADS_IN_NAMES:
        return joined
    for k, word in enumerate(words[:-1]):
        if word.lower().strip(",") in _ORG_HEADS_IN_NAMES and words[k + 1].lower() in (
            "for",
            "to",
            "on",
        ):
            if joins and len(words) <= 10:
                return joined
            break
    return None


_DATELINE_END = re.compile(r"[ \u00a0]*(?:,|\u2014|\u2013|-)")


def _is_dateline(text: str, mention: tuple[int, int], phrase: str) -> bool:
    """Whether the mention is the place name in capitals that opens a paragraph."""
    start = mention[0]
    if start > 0 and text[start - 1] not in "\n\r":
        return False
    letters = phrase.replace(" ", "")
    return (
        len(letters) >= 4
        and letters.isalpha()
        and letters.isupper()
        and _DATELINE_END.match(text, mention[1]) is not None
    )


_GENERIC_ORG_HEADS = word_set("group organisation organization movement network outlet")


# "the <noun>" that points back at someone named before (not "the source", "the woman")
_ANAPHORIC_NOUNS = word_set(
    """businessman businesswoman billionaire mogul candidate nominee frontrunner front-runner
    congressman congresswoman lawmaker hopeful incumbent governor senator president
    ex-president vice-president republican democrat rival challenger contender host"""
)


_NOUN_GENDER = {
    "businessman": Referent.MALE,
    "businesswoman": Referent.FEMALE,
    "congressman": Referent.MALE,
    "congresswoman": Referent.FEMALE,
}


_REPORTED_BEFORE = re.compile(r",\s*$")


_CONTRACTED_HAS = re.compile(r"\s+(?:been|not|going|never|also|still|got|done|made|said|become)\b")


_INTRODUCED = re.compile(r",\s+(?:a|an|the|who|one)\s")


_PREPOSITION_BEFORE = re.compile(r"\b(?:than|of|with|for|against|about|from|at|to)\s+$")


_PARTICIPLE = re.compile(r"\s*[\u201c\"]?(?:" + "|".join(OPENER_PARTICIPLES.split()) + r")\b")


_NEXT_WORD = re.compile(r"[ \u00a0]+([a-z][a-z\-]*)")


_MODIFIED_NOUNS = (
    PERSON_NOUNS | ORG_HEADS | word_set("people flag flags voters officials leaders crowd")
) - word_set("said says")


_REFERENT_PARAGRAPHS = 6


_REFERENT_SENTENCES = 24
_LAST_SPEAKER_REACH = 2000  # speakers walked back over to find whom a pronoun is


_SKIP = "\x00skip"  # a sentence the pronoun walk passes over


_PRONOUN_SUBJECT = re.compile(r"(he|she|they|He|She|They)\b")


_CLAUSE_OPENERS = word_set("that he she it they we i you who which what")


# words a description of people may open with ("one source", "several aides")
_DESCRIPTION_OPENERS = word_set(
    """the a an one two three four five six seven eight nine ten several some many most few
    all both other another each every his her their its our this these those multiple
    numerous former top senior"""
)


# words a description never ends on ("sanctions for", "generally more", "one of")
_DANGLING = word_set("for of to in on at by with from the a an and or but any more than as ever")


def _plausible_description(words: list[str]) -> bool:
    """Whether a lower-case phrase can name who spoke ("aides", "one source involved").

    Not a clause ("that the damage", "he doesn't believe"), nor a phrase left hanging on
    a small word ("sanctions for"), nor a lone word that is neither plural nor a person
    ("better", "refusing"), nor a verb form leading the phrase ("funneling money").
    """
    if not words or words[0] in _CLAUSE_OPENERS:
        return False
    head = words[-1].strip(".,;:")
    if not head or head in _DANGLING:
        return False
    if len(words) == 1:
        plural = head.endswith("s") and not head.endswith(("ss", "ing", "ed"))
        return plural or head in PERSON_NOUNS or head in TITLE_WORDS
    if words[0] in _DESCRIPTION_OPENERS:
        return True
    if head.endswith("ing") or (len(words) == 2 and words[0].endswith(("ing", "ed"))):
        return False  # "president -- having", "funneling money"
    return not (words[0].endswith("ed") and head.endswith("ed"))  # "decried … repeated"


class Resolution:
    """The part of ``QuoteExtractor`` that resolves mentions to speakers, with its history."""

    def _resolve(self: Extraction, mention: tuple[int, int], pos: int) -> str | None:
        text = self.text
        phrase = text[mention[0] : mention[1]]
        if _is_dateline(text, mention, phrase):
            return None  # "WASHINGTON, Dec. 8 —" opens the story; it says nothing
        try:
            named = self._named[phrase]
        except KeyError:
            named = self._named[phrase] = self._name_of(phrase)
        if named is not None:
            # a name: who it is depends on the phrase and the text's names alone, except
            # for an organisation's whole name, read around each mention
            name, kind, whole_read = named
            if whole_read:
                whole = _whole_org_name(text, mention)
                if whole is not None:
                    self._remember(mention[0], whole, SpeakerKind.ORG)
                    return whole
            self._remember(mention[0], name, kind)
            return name
        return self._resolve_other(mention, pos, phrase)

    def _name_of(self: Extraction, phrase: str) -> tuple[str, SpeakerKind, bool] | None:
        """What a mention written ``phrase`` names, when it is a name (None otherwise).

        The fullest name and its kind, and whether the mention may be a piece of an
        organisation's whole name (``_whole_org_name``, read at each mention). Read from
        the phrase and the text's names alone (``NameRegistry``, which does not change
        during a pass), so worked out once per phrase and text.
        """
        if _PARTY_STATE.fullmatch(phrase.rstrip(".")):
            return None
        low = phrase.lower()
        if low in PRONOUNS or (" " not in phrase and is_function_word(phrase)):
            return None
        if not (phrase[:1].isupper() or opens_with_particle(phrase)) or (
            low.split()[0] in DETERMINERS
        ):
            return None
        name = self.names.canonical(phrase)
        ent = self.names.entity(name)
        whole_read = ent is None or ent.kind != EntityKind.PERSON or " " not in name
        kind = (
            SpeakerKind.PERSON
            if self._is_person(name)
            else SpeakerKind.ORG
            if self._is_org(name)
            else SpeakerKind.UNKNOWN
        )
        return name, kind, whole_read

    def _resolve_other(
        self: Extraction, mention: tuple[int, int], pos: int, phrase: str
    ) -> str | None:
        """``_resolve`` for a mention that is not a name: a pronoun, a description, …."""
        text = self.text
        if _PARTY_STATE.fullmatch(phrase.rstrip(".")):
            before = _NAME_BEFORE_COMMA.search(text, max(0, mention[0] - 80), mention[0])
            if before is None:
                return None
            bare, _titles, offset = split_name(before.group(1))
            if not bare:
                return None
            return self._resolve((before.start(1) + offset, before.end(1)), pos)
        low = phrase.lower()
        if low in PRONOUNS:
            name = self._resolve_pronoun(low, mention[0])
            if name is not None and PRONOUNS[low] in (Referent.MALE, Referent.FEMALE):
                self._remember(mention[0], name, SpeakerKind.PRONOUN)
            return name
        if " " not in phrase and is_function_word(phrase):
            return None  # "But", "Yet": no one
        # (a name, capitalised and not opening with "the", was resolved by ``_name_of``)
        words = low.split()
        head = words[-1].strip(".,") if words else ""
        if head in ORG_HEADS:
            org = self.names.last_org_before(
                mention[0], None if head in _GENERIC_ORG_HEADS else head
            )
            if org is None and head not in _GENERIC_ORG_HEADS:
                org = None
            if org is not None and self._para_of(org.start) >= self._para_of(mention[0]) - 6:
                name = self.names.canonical(org.name)
                self._remember(mention[0], name, SpeakerKind.ORG)
                return name
        elif words and words[0] == "the" and (head in TITLE_WORDS or head in ROLE_NOUNS):
            person = self.names.last_titled_before(mention[0], head)
            if person is not None:
                name = self.names.canonical(person.name)
                self._remember(mention[0], name, SpeakerKind.PERSON)
                return name
        if words and words[0] == "the" and head in _ANAPHORIC_NOUNS and len(words) <= 5:
            # "the businessman replied": the person the text is about
            found = self._referent(_NOUN_GENDER.get(head, Referent.ANY), mention[0])
            ent = self.names.entity(found) if found is not None else None
            if (
                found is not None
                and ent is not None
                and (head in ent.titles or self._speaker_before(found, mention[0]))
            ):
                # only someone described or quoted before: "the candidate" is not whoever
                # the last sentence happened to name
                self._remember(mention[0], found, SpeakerKind.PERSON)
                return found
        rest = phrase.split(None, 1)[1] if len(words) > 1 else ""
        clause = bool(words) and words[0] == "that" and rest[:1].islower()
        if clause and _plausible_description(words[1:]):
            # "… that government officials said": the clause's subject spoke
            phrase, words = rest, words[1:]
        elif not _plausible_description(words):
            return None  # "refusing", "sanctions for", "that the damage": no one
        kind = SpeakerKind.GROUP if head.endswith("s") else SpeakerKind.DESCRIPTION
        self._remember(mention[0], phrase, kind)
        return phrase

    def _speaker_before(self: Extraction, name: str, pos: int) -> bool:
        """Whether ``name`` was attributed a quote before ``pos``."""
        return self._first_spoken.get(name, pos) < pos

    def _remember(self: Extraction, pos: int, name: str, kind: SpeakerKind) -> None:
        """Note a speaker attributed at ``pos`` (kept in text order for look-ups)."""
        if pos < self._first_spoken.get(name, pos + 1):
            self._first_spoken[name] = pos
        where = self._history_pos
        if not where or where[-1] <= pos:  # speakers mostly come in text order
            where.append(pos)
            self.history.append((pos, name, kind))
            return
        i = bisect.bisect_right(where, pos)
        where.insert(i, pos)
        self.history.insert(i, (pos, name, kind))

    def _resolve_pronoun(self: Extraction, pronoun: str, pos: int) -> str | None:
        want = PRONOUNS[pronoun]
        if want in (Referent.FIRST_PERSON, Referent.WHO):
            return None
        # "Asked by Reuters whether …, he replied": who asks in the pronoun's sentence is
        # not who answers, even if quoted before
        askers = self._askers_before(pos)
        if want in (Referent.MALE, Referent.FEMALE):
            found = self._referent(want, pos, askers)
            if found is not None:
                return found
        speaker = self._last_speaker(want, pos, askers)
        if speaker is not None:
            return speaker[1]
        # nobody quoted yet: the most recent person named before
        for m in reversed(self.names.mentions_between(max(0, pos - 3000), pos)):
            if asked_by(self.text, m.start) or askers and self.names.canonical(m.name) in askers:
                continue  # "asked by Reuters whether …, he replied": the asker is not "he"
            if want in (Referent.MALE, Referent.FEMALE) and self._is_person(m.name):
                g = self._gender(m.name)
                if g is None or g == want:
                    return self.names.canonical(m.name)
            elif want in (Referent.OBJECT, Referent.PLURAL) and m.kind == EntityKind.ORG:
                return self.names.canonical(m.name)
        return None

    def _askers_before(self: Extraction, pos: int) -> frozenset[str]:
        """Who asks in the sentence before ``pos`` ("asked by Reuters", "told by the BBC")."""
        pi = self._para_of(pos)
        ends = self.ends(pi)
        i = bisect.bisect_right(ends, pos) - 1
        s0 = ends[i] if i >= 0 and ends[i] <= pos else self.article[pi][0]
        if "by" not in self.text[s0:pos]:
            return frozenset()
        return frozenset(
            self.names.canonical(m.name)
            for m in self.names.mentions_between(s0, pos)
            if asked_by(self.text, m.start)
        )

    def _gender(self: Extraction, name: str) -> str | None:
        ent = self.names.entity(name)
        return ent.gender if ent else None

    def _last_speaker(
        self: Extraction, want: Referent, pos: int, exclude: frozenset[str] = frozenset()
    ) -> tuple[int, str] | None:
        # the walk back stops after _LAST_SPEAKER_REACH speakers: a text of thousands of
        # "he said" and no man quoted walked back through all of them for each one
        start = bisect.bisect_left(self._history_pos, pos) - 1
        for i in range(start, max(-1, start - _LAST_SPEAKER_REACH), -1):
            hpos, name, kind = self.history[i]
            if name in exclude:
                continue
            if kind == SpeakerKind.PRONOUN:
                kind = SpeakerKind.PERSON
            if want in (Referent.MALE, Referent.FEMALE):
                if kind == SpeakerKind.DESCRIPTION:
                    head = name.lower().split()[-1]
                    if head in PERSON_NOUNS:
                        return hpos, name
                    continue
                if kind != SpeakerKind.PERSON and not (
                    kind == SpeakerKind.UNKNOWN and self._is_person(name)
                ):
                    continue
                g = self._gender(name)
                if g is not None and g != want:
                    continue
                return hpos, name
            if want == Referent.OBJECT and kind in (SpeakerKind.ORG, SpeakerKind.DESCRIPTION):
                return hpos, name
            if want == Referent.PLURAL and kind in (SpeakerKind.ORG, SpeakerKind.GROUP):
                return hpos, name
        return None

    def _referent(
        self: Extraction, want: Referent, pos: int, exclude: frozenset[str] = frozenset()
    ) -> str | None:
        """The person "he" or "she" at ``pos`` stands for, walking back sentence by sentence.

        The first sentence before it that speaks of a compatible person gives the answer:
        its subject (after a leading "As …," clause) before the others it names, and a
        quote's speaker counts as named where the attribution stands. A sentence whose
        subject is the same pronoun continues that chain (its own referent if a quote was
        attributed to it, else the walk goes on), so "He had protested Trump" does not
        make Trump the referent.
        """
        text = self.text
        para = self._para_of(pos)
        seen = 0
        for pi in range(para, max(-1, para - _REFERENT_PARAGRAPHS), -1):
            ps, pe = self.article[pi]
            limit = min(pos, pe)
            ends = self.ends(pi)
            j = bisect.bisect_left(ends, limit)
            for k in range(j, -1, -1):
                s0 = ends[k - 1] if k > 0 else ps
                s1 = ends[k] if k < j else limit
                if s1 <= s0:
                    continue
                seen += 1
                if seen > _REFERENT_SENTENCES:
                    return None
                if (
                    s1 == pos
                    and _REPORTED_BEFORE.search(text, max(s0, pos - 3), pos)
                    and not INTRO.match(text, s0, s1)
                ):
                    # "China may outnumber …, but …, he says.": what comes before the
                    # pronoun is what it says, not who it is
                    continue
                verdict = self._sentence_referent(want, pi, s0, s1, exclude)
                if verdict is _SKIP:
                    continue
                if verdict is not None:
                    return verdict
        return None

    def _sentence_referent(
        self: Extraction,
        want: Referent,
        pi: int,
        s0: int,
        s1: int,
        exclude: frozenset[str] = frozenset(),
    ) -> str | None:
        """The compatible person a sentence is about, ``_SKIP`` to pass over it, or None."""
        text = self.text
        intro = INTRO.match(text, s0, s1)
        head = intro.end() if intro else s0
        participle = intro is not None and bool(_PARTICIPLE.match(text, s0, s1))
        while head < s1 and text[head] in ' \u201c"':
            head += 1
        h0 = bisect.bisect_left(self._history_pos, s0)
        h1 = bisect.bisect_left(self._history_pos, s1)
        spoken = self.history[h0:h1]
        pm = _PRONOUN_SUBJECT.match(text, head, s1)
        if pm is None or PRONOUNS[pm.group().lower()] != want:
            # "…, he noted, so …": a pronoun that speaks inside the sentence
            pm = next(
                (
                    x
                    for x in PRONOUN_SPEAKS.finditer(text, s0, s1)
                    if PRONOUNS[x.group(1).lower()] == want and not self._quoted(pi, x.start())
                ),
                None,
            )
        if pm is not None and PRONOUNS[pm.group(1).lower()] == want and want != Referent.ANY:
            for hpos, name, kind in spoken:
                if hpos == pm.start() and kind == SpeakerKind.PRONOUN:
                    return name  # "“…,” he said": the chain's referent is known
            return _SKIP  # "He did not elaborate.": the chain goes on further back
        for _hpos, name, kind in reversed(spoken):
            if name not in exclude and self._compatible_speaker(want, name, kind):
                return name  # "…, Henson said.": whoever the sentence quotes
        candidates: list[tuple[int, int, str]] = []
        starts = self._span_starts[pi]
        spans = self.spans[pi]
        for m in self.names.mentions_between(s0, s1):
            q = bisect.bisect_right(starts, m.start) - 1
            if q >= 0 and spans[q].end > m.start:
                continue  # named inside quote marks: someone the speaker speaks of
            if participle and m.start < head:
                continue  # "Asked about Clinton, she replied": Clinton is not "she"
            if asked_by(text, m.start):
                continue  # "When asked by Reuters whether …, he replied": not Reuters
            if text[m.end : m.end + 2] in ("'s", "\u2019s") and not _CONTRACTED_HAS.match(
                text, m.end + 2
            ):
                continue  # "Clinton's position was supported by …" (not "Christie's been")
            nw = _NEXT_WORD.match(text, m.end, s1)
            if nw is not None and nw.group(1) in _MODIFIED_NOUNS:
                continue  # "the former Mexican president": the name qualifies a noun
            if not self._is_person(m.name):
                continue
            g = self._gender(m.name)
            if g is not None and g != want and want != Referent.ANY:
                continue
            # rank: a name with a speech verb ("Sanders said"), the name the main clause
            # opens with, one with another verb ("Trump asserted"), the main clause's
            # first person, any other
            vm = VERB_AFTER_NAME.match(text, m.end, min(s1, m.end + 140))
            rank = 4 if m.start < head else 3
            if vm is not None and vm.group("speech"):
                rank = 0
            elif m.start <= head + 1 and (
                self._known_person(m.name) or _NEXT_WORD.match(text, m.end, s1)
            ):
                rank = 1  # "Andrew Hale took his daughter … to explain who Ali was"
            elif vm is not None:
                rank = 2
            elif not self._known_person(m.name):
                rank = 5  # "West Point", "Off Message": capitalised, nothing shows a person
            if _PREPOSITION_BEFORE.search(
                text, max(s0, m.start - 9), m.start
            ) and not _INTRODUCED.match(text, m.end, s1):
                # "… more liberal nominees than Obama": not who the text is about (unless
                # introduced: "courtesy of Wes Nakagiri, a delegate from Michigan")
                continue
            name = self.names.canonical(m.name)
            if name not in exclude:
                candidates.append((rank, m.start, name))
        if not candidates:
            return None
        return min(candidates)[2]

    def _quoted(self: Extraction, pi: int, pos: int) -> bool:
        """Whether ``pos`` lies inside a quoted passage of paragraph ``pi``."""
        q = bisect.bisect_right(self._span_starts[pi], pos) - 1
        return q >= 0 and self.spans[pi][q].end > pos

    def _known_person(self: Extraction, name: str) -> bool:
        """Whether the article shows ``name`` is a person: a title, a gender, a quote."""
        ent = self.names.entity(name)
        if ent is None:
            return False
        return bool(ent.titles) or ent.male + ent.female > 0 or self.names.speaks(ent.name)

    def _compatible_speaker(self: Extraction, want: Referent, name: str, kind: str) -> bool:
        if kind == SpeakerKind.DESCRIPTION:
            return name.lower().split()[-1] in PERSON_NOUNS
        if kind == SpeakerKind.UNKNOWN:
            # a speaker is someone: a person unless the article says it is a group or place
            ent = self.names.entity(name)
            if ent is not None and ent.kind in (EntityKind.ORG, EntityKind.PLACE):
                return False
        elif kind not in (SpeakerKind.PERSON, SpeakerKind.PRONOUN):
            return False
        g = self._gender(name)
        return g is None or g == want or want == Referent.ANY

    def _is_org(self: Extraction, name: str) -> bool:
        ent = self.names.entity(name)
        return ent is not None and ent.kind == EntityKind.ORG

    def _is_person(self: Extraction, name: str) -> bool:
        ent = self.names.entity(name)
        if ent is None or ent.kind in (EntityKind.ORG, EntityKind.PLACE):
            return False
        if ent.kind == EntityKind.PERSON:
            return True
        # one capitalised word: a person only if the article also writes it mid-sentence
        # and a pronoun goes with it, or if it says something
        if (self.names.speaks(name) or self.names.speaks(ent.name)) and not ent.name.isupper():
            return True
        return ent.male + ent.female > 0 and self.names.named_mid_sentence(ent.name)
