"""Noun phrases around a speech verb: the phrase after it and the subject before it.

``said Rami Khouri, a professor``, ``the group's spokesman said``: the span of text that
names the speaker, cut at commas, clauses and descriptions that do not name anyone.
"""

from __future__ import annotations

import re

from comparer.core.names.lexicon import TITLE_WORDS, word_set
from comparer.core.names.parsing import (
    CAP_WORD,
    NAME_RUN,
    NAME_TOKEN,
    PARTICLE_LEAD,
    is_function_word,
    name_parts,
    opens_with_particle,
    particle_lead,
    split_name,
)
from comparer.core.quotes.context import Extraction
from comparer.core.quotes.lexicon import (
    DETERMINERS,
    FINITE_VERB,
    INTRO,
    ORG_HEADS,
    PRONOUNS,
    ROLE_NOUNS,
    SMALL_WORDS,
)

_ADVERB_TAIL = re.compile(
    r"(?:\s+(?:also|later|then|has|had|have|would|will|was|is|previously|reportedly|once|again|"
    r"recently|further|finally|earlier|often|never|always|even|just|still|had|has|have|"
    r"[a-z]+ly|did|does|do|not|would|could|may|might|must|should|can|to|and|but|who|that))+$"
)


_NP_STOP = word_set(
    """in on at after before with from to by during since into onto over under about against
    between among until and or but that which who whom whose when while where because as if
    is was are were be been being has have had do does did will would can could should may
    might must not also then than so yet said says told this these those there here it its
    we they i you he she him her his them their our us me my your what how why"""
)


_WORD = re.compile(r"[\w\u2019'.\-]+")


_COORDINATED = re.compile(
    r"\b(he|she|they|He|She|They)\s+[a-z][^,;.:\u201c\u201d\"]{1,120}?\s+and"
    r"(?:\s+(?:later|then|also|quickly|finally|again))?\s*$"
)


_ENDS_IN_NAME = re.compile(r"(?:^|\s)" + CAP_WORD + r"\s+" + CAP_WORD + "$")


_PAREN_TAIL = re.compile(r"\s*\([^()]{1,30}\)\s*$")


_NAME_RUN = re.compile(NAME_RUN)


_SUBJECT_START = re.compile(
    r"(?:(?:he|she|they|He|She|They)\b|(?:"
    + PARTICLE_LEAD
    + r")?"
    + NAME_RUN
    + r"(?:\s*\([^()]{1,30}\))?)"
)


_DESCRIBED_SUBJECT = re.compile(
    r"(?:The|A|An)\s+(?:[\w\u2019'.\-]+\s+){0,4}?(?:"
    + "|".join(sorted(ROLE_NOUNS | ORG_HEADS))
    + r")\b"
)


_COMMA = re.compile(",")


_LEADING_PARTICLES = re.compile(PARTICLE_LEAD)


_NAME_TOKEN = re.compile(NAME_TOKEN)


def _split_commas(seg: str) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    pos = 0
    for m in _COMMA.finditer(seg):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(seg)))
    return parts


def _looks_like_name(chunk: str) -> bool:
    chunk = _without_particles(chunk)
    words = chunk.split()
    if not words or len(words) > 7 or is_function_word(words[0]):
        return False
    if words[0].lower() in DETERMINERS or words[0].lower() in (
        "in",
        "on",
        "at",
        "after",
        "before",
        "but",
        "and",
    ):
        return False
    caps = sum(1 for w in words if _NAME_TOKEN.fullmatch(w.rstrip(",.")))
    return (
        words[0][:1].isupper()
        and bool(_NAME_TOKEN.fullmatch(words[-1].rstrip(",.")))
        and caps >= max(1, len(words) - 2)
    )


def _without_particles(chunk: str) -> str:
    """A name without the lowercase particles it opens with ("de Blasio" → "Blasio")."""
    m = _LEADING_PARTICLES.match(chunk.lstrip())
    return chunk.lstrip()[m.end() :] if m is not None else chunk


def _is_description(chunk: str) -> bool:
    """Whether an appositive is a description ("director of X", "Sanders' campaign manager")."""
    if opens_with_particle(chunk.strip()):
        return False  # "de Blasio": a name
    words = chunk.split()
    if not words:
        return False
    if words[0].lower() in DETERMINERS or words[0][:1].islower():
        return True
    if len(words) == 1 and words[0].isdigit():
        return True  # an age: "Ki Hong, 33, said"
    return any(w[:1].islower() and w not in SMALL_WORDS for w in words)


def _has_verb(chunk: str) -> bool:
    return bool(FINITE_VERB.search(chunk))


_TIME_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last"
)


def _is_time_word(word: str) -> bool:
    return word.lower() in _TIME_WORDS


class NounPhrases:
    """The part of ``QuoteExtractor`` that reads noun phrases and subjects."""

    def _np_after(self: Extraction, start: int, end: int) -> tuple[int, int] | None:
        """The noun phrase right after a verb ("said Diana Orrock, a …")."""
        text = self.text
        a = start
        while a < end and text[a].isspace():
            a += 1
        stop = a
        for index, wm in enumerate(_WORD.finditer(text, a, end)):
            if text[stop : wm.start()].strip():
                break  # punctuation between words ends the phrase
            w = wm.group()
            lw = w.lower().rstrip(".")
            if (
                index > 0
                and (lw in _NP_STOP or _is_time_word(w))
                and lw not in ("of", "for")
                and not (index == 1 and lw in ("his", "her", "their", "its"))
            ):
                break
            if index == 0 and lw in _NP_STOP and lw not in PRONOUNS and lw not in DETERMINERS:
                return None
            stop = wm.end()
            words = index + 1
            if (
                words >= 8
                or w.endswith((".", ","))
                and lw.rstrip(".") not in TITLE_WORDS
                and len(w) > 3
            ):
                break
        while stop > a and text[stop - 1] in ".,":
            stop -= 1
        if stop <= a:
            return None
        return self._np_span(a, stop, forward=True)

    def _subject_before(
        self: Extraction, clause_start: int, verb_start: int
    ) -> tuple[int, int] | None:
        """The subject of a speech verb: the phrase before it, past any appositive."""
        text = self.text
        seg = text[clause_start:verb_start].rstrip()
        m = _ADVERB_TAIL.search(seg)
        if m:
            seg = seg[: m.start()]
        seg = seg.rstrip()
        m = _PAREN_TAIL.search(seg)
        if m:
            seg = seg[: m.start()].rstrip()  # "Sen. Ted Cruz (R-Texas) said"
        if not seg:
            return None
        cm = _COORDINATED.search(text, clause_start, verb_start)
        if cm is not None:
            # "he brought up the bombing and later said": the pronoun is the subject
            return cm.start(1), cm.end(1)
        parts = _split_commas(seg)
        # "Rami Khouri, director of …, American University of Beirut said"
        if len(parts) >= 2:
            fs, fe = parts[0]
            first = seg[fs:fe].strip()
            second = seg[parts[1][0] : parts[1][1]].strip()
            if (
                _looks_like_name(first)
                and _is_description(second)
                and second.lower() not in PRONOUNS  # "Interviewed by X on Monday, he said"
                and not _has_verb(seg[parts[1][0] :])
            ):
                return self._chunk(clause_start, seg, fs, fe)
        last_s, last_e = parts[-1]
        last = seg[last_s:last_e]
        if last.strip() == "who" and len(parts) >= 2:
            # "…, Sen. Dianne Feinstein, who said …": the name before "who"
            ps, pe = parts[-2]
            runs = list(_NAME_RUN.finditer(seg, ps, pe))
            if runs:
                return self._np_span(
                    clause_start + runs[-1].start(), clause_start + runs[-1].end(), False
                )
            return None
        if not last.strip():
            # "X, a senator from Y, said": walk back over the appositives
            for ps, pe in reversed(parts[:-1]):
                chunk = seg[ps:pe].strip()
                if not chunk:
                    continue
                if _looks_like_name(chunk) or chunk.lower() in PRONOUNS:
                    return self._chunk(clause_start, seg, ps, pe)
                if not _is_description(chunk):
                    return None
            return None
        return self._np_tail(clause_start + last_s, clause_start + last_s + len(last.rstrip()))

    def _chunk(
        self: Extraction, clause_start: int, seg: str, ps: int, pe: int
    ) -> tuple[int, int] | None:
        raw = seg[ps:pe]
        lead = len(raw) - len(raw.lstrip())
        chunk = raw.strip()
        a = clause_start + ps + lead
        return self._np_span(a, a + len(chunk), forward=False)

    def _sentence_subject(
        self: Extraction, s_start: int, limit: int, intro: bool = True
    ) -> tuple[int, int] | None:
        """The subject at the start of a sentence (after a leading "In a statement,")."""
        text = self.text
        seg = text[s_start:limit]
        if not intro:
            seg = seg.lstrip()
            s_start = limit - len(seg)
        m = INTRO.match(seg)
        off = m.end() if m is not None else len(seg) - len(seg.lstrip())
        rest = seg[off:]
        rm = _SUBJECT_START.match(rest)
        if rm is not None and rm.group() in ("The", "A", "An"):
            # "The email said", "The timing of …": a description, not a name
            return self._np_after(s_start + off, limit)
        if rm is None:
            dm = _DESCRIBED_SUBJECT.match(rest)
            if dm is None:
                return None
            return s_start + off, s_start + off + dm.end()
        a = s_start + off
        return self._np_span(a, a + len(_PAREN_TAIL.sub("", rm.group())), forward=False)

    def _np_tail(self: Extraction, start: int, end: int) -> tuple[int, int] | None:
        """The noun phrase that ends at ``end`` (words walked backwards)."""
        text = self.text
        words = list(_WORD.finditer(text, start, end))
        if not words:
            return None
        if text[words[-1].end() : end].strip():
            return None  # ends in punctuation such as a quote mark
        first = len(words)
        for i in range(len(words) - 1, -1, -1):
            w = words[i].group()
            lw = w.lower()
            if i < len(words) - 1 and text[words[i].end() : words[i + 1].start()].strip() not in (
                "",
                "-",
            ):
                break
            if lw in PRONOUNS:
                if i == len(words) - 1:
                    first = i
                elif lw in ("he", "she", "they") and all(
                    x.group().isalpha() and x.group().islower() for x in words[i + 1 :]
                ):
                    # "she laughed and said": the words after the pronoun were its verbs
                    return words[i].start(), words[i].end()
                break
            if lw in DETERMINERS:
                first = i
                whole = self._name_ending_at(words, i)
                if whole is not None:
                    return self._np_span(whole, words[-1].end(), forward=False)
                break
            if (
                lw in ("of", "for")
                and i > 0
                and words[i - 1].group().lower() in ROLE_NOUNS | TITLE_WORDS
            ):
                first = i
                continue
            if lw in _NP_STOP:
                break
            if w[:1].isdigit():
                break
            first = i
            if len(words) - i >= 8:
                break
        if first >= len(words):
            return None
        a, b = words[first].start(), words[-1].end()
        phrase = text[a:b]
        lw = phrase.lower()
        if not (
            phrase[:1].isupper()
            or lw.split()[0] in DETERMINERS
            or lw in PRONOUNS
            or len(phrase.split()) <= 3
            or _ENDS_IN_NAME.search(phrase)  # "campaign manager Robby Mook"
        ):
            return None
        return self._np_span(a, b, forward=False)

    def _name_ending_at(self: Extraction, words: list[re.Match[str]], i: int) -> int | None:
        """Where the name starts that the words up to the last one end, across "of the".

        Walked backwards, "the International Committee of the Red Cross said" stops at the
        second "the"; the name reader knows the whole run, which ends where the phrase does.
        """
        if i < 2 or words[i].group() != "the" or words[i - 1].group() != "of":
            return None
        end = words[-1].end()
        before = words[i - 2]
        for mention in self.names.mentions_between(max(0, end - 120), before.end()):
            if mention.end == end and mention.start <= before.start():
                return mention.start
        return None

    def _np_span(self: Extraction, start: int, end: int, forward: bool) -> tuple[int, int] | None:
        """Trim a phrase to its core: the name without its title, or the description."""
        text = self.text
        phrase = text[start:end]
        if not phrase.strip():
            return None
        lead = len(phrase) - len(phrase.lstrip())
        start += lead
        phrase = phrase.strip()
        end = start + len(phrase)
        if phrase.lower() in PRONOUNS:
            return start, end
        # the name is the last capitalised run in the phrase (after possessive and titles)
        runs = list(_NAME_RUN.finditer(phrase))
        if runs:
            run = runs[0] if forward else runs[-1]
            parts = name_parts(run.group())
            name, _, off = parts if parts is not None else split_name(run.group())
            if name:
                a = start + run.start() + off
                if off == 0:
                    a = particle_lead(text, a)  # "de Blasio", "said van Gogh"
                    name = text[a : start + run.start() + len(name)]
                tail = phrase[run.end() :].strip().lower()
                words_after = tail.split()
                # "O'Malley's campaign": the owner's name is not the speaker
                if words_after and run.group().endswith(("'s", "\u2019s")):
                    return start, end
                # "One California delegate": the name only qualifies the noun after it
                if words_after and all(w.isalpha() and w.islower() for w in words_after):
                    return start, end
                return a, a + len(name)
        return start, end
