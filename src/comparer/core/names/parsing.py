"""Finding names in text: capitalised runs, and the name, titles and kind in each run.

A name is a run of capitalised words (``NAME_RUN``, the one name pattern the quote finder
builds on); titles before it ("Syrian President", "Sen.", "campaign manager") and
possessives ("Al Jazeera's") are cut off; a run that follows "the" or holds a word such as
"Commission" is an organisation, and "X of the University of Y" is the person X.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from comparer.core.names.lexicon import (
    DETERMINER_WORDS,
    FEMALE_GIVEN,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    HEADLINE_WORDS,
    JOB_TITLES,
    LEADING_PARTICLES,
    MALE_GIVEN,
    MONTHS,
    NOT_NAMES,
    ORG_TITLE_WORDS,
    ORG_WORDS,
    TITLE_ALIASES,
    TITLE_WORDS,
    WEEKDAYS,
    word_set,
)

_TOKEN_CHAR = r"[\w\u2019'\-]"


class EntityKind(StrEnum):
    """What a name names. A place is only ever learnt from how the article uses a name."""

    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    UNKNOWN = "unknown"


# the particles a name token may open with ("al-Assad", "bin-Talal")
_TOKEN_PARTICLES = "al el ad as an ar at bin ibn abu ben abd ul ur"


_NAME_PARTICLES = _TOKEN_PARTICLES.split()


# a period belongs to a name only in initials and short abbreviations ("J.", "Sen.", "U.S.")
NAME_TOKEN = (
    r"(?:(?:[A-Z]\.){2,}|[A-Z][\w\u2019'\-]{0,2}\.(?![\w\u2019'\-])|[A-Z][\w\u2019'\-]*"
    r"|(?:" + "|".join(_NAME_PARTICLES) + r")-[A-Z][\w\u2019'\-]*)"
)


_NAME_GOES_ON = (
    r"(?:[ \u00a0]+(?:(?:al|el|de|da|van|von|bin|ibn|abu|der|del|la|le|du|di|dos|das|ben|bint"
    + r"|of|of the)"
    + r"[ \u00a0]+)?"
    + NAME_TOKEN
    + r")*"
)


NAME_RUN = NAME_TOKEN + _NAME_GOES_ON
# A capitalised word as the attribution patterns of the quote finder read it ("Ortiz",
# "al-Assad's", "U.S."): looser than NAME_TOKEN, as the words around it decide.
CAP_WORD = r"[A-Z][\w\u2019'.\-]*"


# Lowercase particles written apart that open a name ("de Blasio", "van der Berg", "bin
# Salman"): up to three, and a capital must follow. A name run starts at its first
# capital, so these are read on their own; what stands before them decides (``particle_lead``).
PARTICLE_LEAD = r"(?:(?:" + "|".join(sorted(LEADING_PARTICLES)) + r")[ \u00a0]+){1,3}(?=[A-Z])"


_OPENS_WITH_PARTICLE = re.compile(PARTICLE_LEAD + r"|(?:" + "|".join(_NAME_PARTICLES) + r")-[A-Z]")


def capitalised_words(most: int) -> str:
    """A pattern for one to ``most + 1`` capitalised words in a row, the last one last.

    The words may follow lowercase particles written apart ("de Blasio", "van Gogh").
    """
    return rf"(?:{PARTICLE_LEAD})?(?:{CAP_WORD}\s+){{0,{most}}}{CAP_WORD}"


def opens_with_particle(phrase: str) -> bool:
    """Whether a phrase is a name opening with a lowercase particle ("de Blasio", "al-Assad")."""
    return _OPENS_WITH_PARTICLE.match(phrase) is not None


_PARTICLE_WORDS_MOST = 3
# particles that are also English nouns ("a van", "the bin"): only a name after a verb of
# speech, a preposition or a conjunction ("said van Gogh", "with bin Salman")
_NOUN_PARTICLES = frozenset({"van", "bin"})
_BEFORE_NOUN_PARTICLE = word_set(
    """said says told tells asked asks added adds wrote writes by with to from of and or for
    about against than as at on in under after before like including between per but nor"""
)
_NOT_AFTER_PARTICLE = WEEKDAYS | MONTHS


def particle_lead(text: str, pos: int, floor: int = 0) -> int:
    """Where a name that starts at ``pos`` really starts, over lowercase particles before it.

    "de Blasio", "said van der Berg", "bin Salman": the particles written apart before a
    capitalised name belong to it. Not when a determiner stands before them ("the van
    Smith drove", "a de facto ban" never gets here: a capital must follow), nor before a
    weekday or a month ("by van Monday").

    Args:
        text: the text.
        pos: where the capitalised name starts.
        floor: the particles are not looked for before this offset.

    Returns:
        The offset of the first particle, or ``pos`` when there is none.
    """
    lead = pos
    for _ in range(_PARTICLE_WORDS_MOST):
        k = lead - 1
        if k <= floor or text[k] not in " \u00a0":
            break
        j = k
        while j > floor and text[j - 1].isalpha() and text[j - 1].islower():
            j -= 1
        if j == k or text[j:k] not in LEADING_PARTICLES:
            break
        if j > floor and (text[j - 1].isalnum() or text[j - 1] in "-\u2019'"):
            break  # the particle is the end of a longer word
        lead = j
    if lead == pos:
        return pos
    word_end = pos
    while word_end < len(text) and (text[word_end].isalpha() or text[word_end] in ".'\u2019"):
        word_end += 1
    if text[pos:word_end].rstrip(".").lower() in _NOT_AFTER_PARTICLE:
        return pos  # "by van Monday"
    if lead <= floor or text[lead - 1] not in " \u00a0":
        return lead  # the particles open the text, or follow a quote mark or a bracket
    # the word before the particles: not a determiner ("the van", "a bin")
    k = lead - 1
    while k > floor and text[k - 1] in " \u00a0":
        k -= 1
    j = k
    while j > floor and text[j - 1].isalpha():
        j -= 1
    before = text[j:k]
    if not before:
        return lead  # punctuation before the particles: "…," de Blasio said
    if before.lower() in DETERMINER_WORDS:
        return pos
    particles = text[lead:pos].split()
    if (
        len(particles) == 1
        and particles[0] in _NOUN_PARTICLES
        and before.islower()
        and before not in _BEFORE_NOUN_PARTICLE
    ):
        return pos  # "a recycling bin Miller had left": "bin" is a noun ("van der" is not)
    return lead


# A run starts with one of these letters, after a space, bracket, quote mark or dash, or at
# the text's start. The pattern opens with that letter's character class, so ``re`` skips
# from one such letter to the next in C; a look-behind then checks what stands before it
# (a non-boundary character there, or nothing at the text's start), and each way of going
# on says which first letter it needs. The same runs as
# ``(?=[A-Zaeibu])(?:(?<=[\s(\[“‘"'—-])|^)NAME_RUN``, a quarter faster.
_RUN_START = "A-Zaeibu"


_PARTICLE_TAILS = "|".join(
    rf"(?<={first})(?:{'|'.join(sorted(p[1:] for p in _NAME_PARTICLES if p[0] == first))})"
    for first in sorted({p[0] for p in _NAME_PARTICLES})
)


_CAP_RUN = re.compile(
    rf"[{_RUN_START}](?<![^\s(\[\u201c\u2018\"'\u2014-].)"
    rf"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[A-Z]){_TOKEN_CHAR}{{0,2}}\.(?!{_TOKEN_CHAR})"
    rf"|(?<=[A-Z]){_TOKEN_CHAR}*|(?:{_PARTICLE_TAILS})-[A-Z]{_TOKEN_CHAR}*)" + _NAME_GOES_ON
)


_POSSESSIVE = re.compile(r"[\u2019']s?$")


_CONTRACTION = re.compile(r"[\u2019'](?:s|m|re|ve|ll|d|t)?$")


def paragraph_runs(text: str, start: int, end: int, mid: set[str]) -> list[tuple[int, str]]:
    """The capitalised runs of a paragraph that may hold a name.

    Args:
        text: the whole text.
        start: the paragraph's first offset.
        end: the paragraph's end offset.
        mid: the first words of the runs that do not open a sentence are added to it.

    Returns:
        (offset, run) of each run that is not function words alone ("The", "But If").
    """
    runs: list[tuple[int, str]] = []
    for m in _CAP_RUN.finditer(text, start, end):
        run = m.group()
        if _all_function_words(run):
            continue  # nothing to learn from or to name
        at = m.start()
        runs.append((at, run))
        first = run.split(None, 1)[0]
        # a word already known mid-sentence needs no second look
        if first not in mid and not sentence_initial(text, at, start):
            mid.add(first)
    return runs


_LOWER_WORD = re.compile(r"(?<![\w\u2019'-])[a-z][a-z]+(?![\w\u2019'-])")


def is_function_word(word: str) -> bool:
    """Whether a capitalised word is a sentence opener such as "Still", "It's" or "I'm"."""
    return _CONTRACTION.sub("", word.lower().strip(".,")) in FUNCTION_WORDS


def sentence_initial(text: str, pos: int, floor: int) -> bool:
    """Whether ``pos`` opens a sentence: only spaces, quote marks and brackets since a stop."""
    k = pos - 1
    while k >= floor and text[k] in " \t\u00a0\u201c\u2018\"'(":
        k -= 1
    return k < floor or text[k] in ".!?\n:\u2014"


@functools.lru_cache(maxsize=65536)
def name_key(token: str) -> str:
    """A token folded for matching: lower case, no possessive, no ``al-`` style prefix."""
    t = _POSSESSIVE.sub("", token.strip(".,")).lower()
    t = t.replace("\u2019", "'")
    for prefix in ("al-", "el-", "ad-", "as-", "ar-", "an-", "at-"):
        if t.startswith(prefix) and len(t) > len(prefix) + 1:
            return t[len(prefix) :]
    return t


def _title_word(token: str) -> bool:
    """Whether a word is a title before a name ("President", "Secretary-General")."""
    token = token.rstrip(".")
    parts = token.split("-")
    return token in TITLE_WORDS or (len(parts) > 1 and all(p in TITLE_WORDS for p in parts))


def split_name(run: str) -> tuple[str, tuple[str, ...], int]:
    """Cut titles and possessives off a capitalised run.

    Args:
        run: the run as written, e.g. "Syrian President Bashar al-Assad".

    Returns:
        The name ("Bashar al-Assad"), the titles cut off (lowercase), and the offset of the
        name inside ``run``.
    """
    words = list(re.finditer(r"\S+", run))
    cut = 0
    titles: list[str] = []
    for i, w in enumerate(words[:-1]):
        token = w.group().lower()
        if _POSSESSIVE.search(w.group()) and token not in ("'s",):
            cut = i + 1
            titles = []
        elif token in TITLE_WORDS or _title_word(token):
            # "Secretary-General" as "President"
            cut = i + 1
            titles.append(token.rstrip("."))
        elif (
            i == cut
            and w.group().isupper()
            and 2 <= len(w.group()) <= 5
            and i + 2 < len(words)
            and _title_word(words[i + 1].group().lower())
        ):
            # "UN Secretary-General Ban Ki-moon": the body a title belongs to is the title's
            cut = i + 1
            titles.append(token)
        elif token in JOB_TITLES and i == cut and len(words) - i > 2:
            # "Engineer David Park said": a job capitalised before a full name, at the
            # start of a sentence, is not part of the name.
            cut = i + 1
            titles.append(token)
    while cut < len(words) and words[cut].group().lower() in FUNCTION_WORDS:
        cut += 1
    if cut >= len(words):
        return "", tuple(titles), len(run)
    offset = words[cut].start()
    name = run[offset:]
    name = _POSSESSIVE.sub("", name) if name.endswith(("'s", "\u2019s")) else name
    return (
        name.rstrip(".,") if not name.endswith(("Jr.", "Sr.", "Inc.")) else name,
        tuple(titles),
        offset,
    )


@functools.lru_cache(maxsize=65536)
def is_strong_org(name: str) -> bool:
    """Whether a name says by itself that it is an organisation ("… Commission", "NATO")."""
    return any(w.lower().strip(".,") in ORG_WORDS for w in name.split()) or (
        name.isupper() and len(name) > 1
    )


@functools.lru_cache(maxsize=65536)
def classify_run(name: str, preceded_by_the: bool) -> EntityKind:
    """Whether a name looks like a person, an organisation or cannot tell."""
    words = [w.lower().strip(".,") for w in name.split()]
    if any(w in ORG_WORDS for w in words):
        return EntityKind.ORG
    if name.isupper() and len(name) > 1:
        return EntityKind.ORG  # acronyms: NATO, FBI
    if preceded_by_the:
        return EntityKind.ORG
    if len(words) >= 2:
        return EntityKind.PERSON
    return EntityKind.UNKNOWN


@functools.lru_cache(maxsize=65536)
def _all_function_words(run: str) -> bool:
    """Whether every word of a capitalised run is a function word ("The", "But If")."""
    return leading_function_words(run) == len(run.split())


@functools.lru_cache(maxsize=65536)
def leading_function_words(run: str) -> int:
    """How many words at the start of a capitalised run are function words ("But", "The")."""
    lead = 0
    words = run.split()
    while lead < len(words):
        if _POSSESSIVE.sub("", words[lead].lower().strip(".,")) not in FUNCTION_WORDS:
            break
        lead += 1
    return lead


def _titled_after_org(words: list[str]) -> bool:
    """Whether a run that names an organisation ends with a title and a person's name.

    "House Speaker Paul Ryan", "Speaker of the House Rep. Paul Ryan": the organisation is
    part of the title, the name after it is a person.
    """
    last = -1
    for i, w in enumerate(words):
        token = w.lower().rstrip(".,")
        if token in TITLE_WORDS and token not in ORG_TITLE_WORDS:
            last = i
    if last < 0 or last == len(words) - 1:
        return False
    rest = words[last + 1 :]
    return all(
        w[:1].isupper() and w.lower().strip(".,") not in ORG_WORDS and not w.isupper() for w in rest
    )


@functools.lru_cache(maxsize=65536)
def name_parts(run: str) -> tuple[str, tuple[str, ...], int] | None:
    """The name in a capitalised run, the titles cut off and its offset; None if no name.

    Depends on the run alone, so it is cached: articles repeat the same names.

    Args:
        run: the run as written, e.g. "Sen. Marco Rubio of Florida".

    Returns:
        ("Marco Rubio", ("sen",), 5) for that run; None for a headline or a title alone.
    """
    words = run.split()
    if len(words) > 6 and not (is_strong_org(run) and len(words) <= 9):
        return None  # a headline in title case, not a name
    if any(w.lower() in HEADLINE_WORDS for w in words[1:]) and not is_strong_org(run):
        return None  # "Outreach Undone By Trump": a headline, not a name
    titles: tuple[str, ...]
    if is_strong_org(run) and not _POSSESSIVE.search(words[0]) and not _titled_after_org(words):
        name, titles, offset = _POSSESSIVE.sub("", run), (), 0
    else:
        name, titles, offset = split_name(run)
    if not name:
        return None
    parts = name.split()
    if parts[-1].lower().rstrip(".") in TITLE_WORDS and not (
        len(parts) >= 2 and name_key(parts[-2]) in GIVEN_NAMES
    ):
        # "Democratic", "President": adjectives and titles alone are not names (but
        # "Billie Jean King" is)
        return None
    last = name.rsplit(None, 1)
    if len(last) == 2 and last[1].lower() in WEEKDAYS:
        name = last[0]  # "told MSNBC Monday": the day is not part of the name
    head, sep, tail = name.partition(" of ")
    if sep and not is_strong_org(head) and 2 <= len(head.split()) <= 3:
        given = name_key(head.split()[0])
        if is_strong_org(tail) or titles or given in MALE_GIVEN or given in FEMALE_GIVEN:
            # "Stephen Vladeck of the University of Texas", "Sen. Marco Rubio of Florida"
            name = head
    if name.lower() in NOT_NAMES:
        return None
    return name, titles, offset


def lower_words(text: str) -> set[str]:
    """The words of ``text`` written in lower case ("employees"), as a set.

    The same as every match of ``_LOWER_WORD`` in ``text``, found in the distinct
    whitespace-separated tokens instead: a match never holds a space and only looks one
    character past its ends, where a space or the end of a token reads as the whitespace
    it stands for, and an article repeats its tokens many times over.
    """
    return set(_LOWER_WORD.findall(" ".join(set(text.split()))))


# characters that are neither word characters nor apostrophes nor hyphens: a match of
# ``_LOWER_WORD`` never holds one, and one beside it reads as a space would
_WORD_EDGES = ".,;:!?()[]{}\"\u201c\u201d\u2018<>*/"


def token_lower_words(text: str, known: dict[str, tuple[str, ...]]) -> set[str]:
    """``lower_words(text)``, from each distinct token's own words, kept in ``known``.

    For texts that share most of their tokens (paragraphs of versions of one story): a
    token met before is looked up. A token's words are those of its core, its edges of
    ``_WORD_EDGES`` cut off; a core of letters alone is one word when it is two or more
    ASCII lowercase letters and none otherwise (its letters are word characters, so no
    match starts or ends inside it); any other token is matched.
    """
    found: set[str] = set()
    for token in set(text.split()):
        words = known.get(token)
        if words is None:
            core = token.strip(_WORD_EDGES)
            if core.isalpha():
                words = (core,) if len(core) > 1 and core.isascii() and core.islower() else ()
            else:
                words = tuple(_LOWER_WORD.findall(token))
            known[token] = words
        if words:
            found.update(words)
    return found


def aliased(titles: tuple[str, ...]) -> tuple[str, ...]:
    """Titles under one spelling each ("sen" is "senator", "spokeswoman" "spokesman")."""
    return tuple(TITLE_ALIASES.get(title, title) for title in titles)


@dataclass(frozen=True, slots=True)
class Variant:
    """A capitalised run with some leading words cut off: what follows from the run alone.

    Attributes:
        skip: offset of the kept words inside the run.
        name: the name in them (``name_parts``).
        raw_titles: the titles cut off before the name, as written.
        titles: the same under one spelling each.
        offset: offset of the name inside the kept words.
        the_word: whether the word cut off just before the kept ones is "the".
        kind_the: the name's kind when "the" stands before it.
        kind_plain: its kind otherwise.
        owner: the owner of a possessive before the name ("Al Jazeera"), or None.
        owner_the: the owner's kind when "the" stands before it.
        owner_plain: its kind otherwise.
    """

    skip: int
    name: str
    raw_titles: tuple[str, ...]
    titles: tuple[str, ...]
    offset: int
    the_word: bool
    kind_the: EntityKind
    kind_plain: EntityKind
    owner: str | None = None
    owner_the: EntityKind = EntityKind.UNKNOWN
    owner_plain: EntityKind = EntityKind.UNKNOWN


def _owner_kind(owner: str, preceded_by_the: bool) -> EntityKind:
    """The kind of an owner's name: one that may be either is taken for an organisation."""
    kind = classify_run(owner, preceded_by_the)
    return kind if kind is not EntityKind.UNKNOWN else EntityKind.ORG


def variant(run: str, words: list[str], lead: int) -> Variant | None:
    """The run without its first ``lead`` words, or None when what is left is no name."""
    skip = run.index(words[lead]) if lead else 0
    kept = run[skip:]
    parts = name_parts(kept)
    if parts is None:
        return None
    name, titles, offset = parts
    owner: str | None = None
    owner_the = owner_plain = EntityKind.UNKNOWN
    if offset > 0:
        before = kept[:offset].split()
        if before and _POSSESSIVE.search(before[-1]):
            owner = _POSSESSIVE.sub("", " ".join(before))
            owner_the, owner_plain = _owner_kind(owner, True), _owner_kind(owner, False)
    return Variant(
        skip,
        name,
        titles,
        aliased(titles),
        offset,
        lead > 0 and words[lead - 1].lower() == "the",
        classify_run(name, True),
        classify_run(name, False),
        owner,
        owner_the,
        owner_plain,
    )
