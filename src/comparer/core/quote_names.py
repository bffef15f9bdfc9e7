"""Names in an article: people and organisations, their titles, genders and fullest forms.

Hand-written rules, no list of people: a name is a run of capitalised words; titles before
it ("Syrian President", "Sen.", "campaign manager") and possessives ("Al Jazeera's") are cut
off; a run that follows "the" or holds a word such as "Commission" is an organisation, and
"X of the University of Y" is the person X. A surname alone is the fullest name ending with
it; when two people share it (Bill and Hillary Clinton), "Mr."/"Mrs." choose, else the one
the article names most.

Gender comes from the article first: "Mr"/"Ms", and the subject pronouns ("he", "she",
"himself") of sentences that name one person, outside quote marks. A short generic list of
common English given names whose gender is clear seeds it ("Hillary", "Robert"): it
generalises to any English-language news text, it only adds to the article's evidence, and
a rare or foreign name simply gets no seed. Possessive and object pronouns ("his", "her",
"him") are not counted: they point at someone else as often as not.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from comparer.core.quote_marks import word_set

# words that open a sentence or a clause and are capitalised there, never names
_FUNCTION_WORDS = word_set(
    """the a an but and or nor in on at for with as if when while after before since that this
    these those it he she they we i you his her their our my your its there here what who whom
    whose why how where then so yet also still now meanwhile however instead asked last next
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december both neither either each every all
    some many most more several few no not one two three four five six seven eight nine ten
    today yesterday tomorrow earlier later despite although though because even just only
    according by from to of into onto over under about against between among during until
    unless without within is was are were be been has have had do does did will would can
    could should must might shall sources source mr mrs ms dr update updated read watch
    photo video editor note like unlike than once first second third another other such
    which well yes oh please thank thanks hey let let's mr. mrs. ms. dr. live breaking any
    anyone everyone someone nobody none whether perhaps maybe nonetheless nevertheless
    moreover furthermore indeed otherwise therefore thus hence besides anyway finally
    eventually ultimately overall separately similarly likewise apparently clearly certainly
    obviously notably recently initially originally shortly having rather"""
)
# words that make a capitalised run an organisation
_ORG_WORDS = word_set(
    """commission committee party campaign council ministry department association institute
    university agency group times post news network inc corp corporation union office court
    house senate congress administration foundation fund bank army forces force police
    coalition front movement organization organisation center centre board bureau service
    services journal company network brigade brigades authority observatory watch council
    tribune herald press telegraph guardian monitor review magazine radio television tv
    channel agency club alliance league federation government regime cabinet parliament
    assembly caucus pac inc. co. llc ltd republicans democrats institution school college
    academy society trust initiative project industries partners group street avenue"""
)
# role words that stand before a name ("Syrian President Bashar al-Assad") and are cut off
TITLE_WORDS = word_set(
    """president vice sen sen. senator rep rep. representative gov gov. governor mr mr. mrs mrs.
    ms ms. dr dr. gen gen. general lt lt. col col. sgt sgt. capt capt. captain prof prof.
    professor rev rev. reverend secretary minister premier chancellor chairman chairwoman chair
    spokesman spokeswoman spokesperson director judge justice mayor king queen prince princess
    sheikh speaker leader chief ambassador attorney commissioner candidate rabbi pope father
    officer detective coach former state foreign prime defense defence interior finance deputy
    acting first lady sir lord dame adm adm. admiral maj maj. major mayor-elect president-elect
    nominee founder ceo cofounder co-founder executive manager strategist adviser advisor aide
    analyst correspondent reporter host anchor editor columnist author economist pollster
    democrat democratic republican gop independent libertarian u.s. us american sens. reps.
    gov.-elect sen.-elect senate house majority minority whip supreme court chief staff"""
)
# jobs written before a name ("Engineer David Park", "Sheriff Joe Arpaio"); none of them
# a common given name, so "Dean Baker" keeps his
_JOB_TITLES = word_set(
    """engineer lawyer attorney scientist researcher teacher doctor nurse farmer historian
    activist lawmaker physician surgeon architect consultant investor councillor councilor
    councilman councilwoman superintendent sheriff inspector sergeant lieutenant colonel
    commander bishop archbishop cardinal imam priest pastor provost trustee hydrologist
    geologist meteorologist forecaster epidemiologist virologist economist analyst pilot
    resident witness survivor"""
)
# lowercase particles that may sit inside a name ("Ludwig van Beethoven", "Omar al Bashir")
# small words that a name never holds capitalised, but a title-case headline does
_HEADLINE_WORDS = word_set("by and to in on at for with from is are was has have into as")
_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
_PARTICLES = word_set("al el de da van von bin ibn abu der del la le du di dos das ben bint")
# things that are capitalised but cannot be a speaker
_NOT_NAMES = word_set("""twitter facebook instagram youtube fox tv internet web iowa""")

_TOKEN_CHAR = r"[\w\u2019'\-]"
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
_QUOTED_TEXT = re.compile(r"[\u201c\"][^\u201c\u201d\"]*[\u201d\"]")
# Common English given names whose gender is clear (ambiguous ones such as Chris, Kelly,
# Jordan or Pat left out, and those that are also places: Austin, Virginia, Charlotte).
# A generic list, not drawn from any article: it only seeds the gender of a person ("Hillary
# Clinton", "Hillary"), the article's own evidence (Mr/Ms, pronouns) adds to it, and a rare
# or foreign name simply has no seed.
_MALE_GIVEN = word_set(
    """aaron adam alan albert alexander andrew anthony arthur  barack ben benjamin bernard
    bernie bill billy bob bobby brandon brian bruce bryan carl carlos charles charlie chuck
    christopher dan daniel dave david dennis donald doug douglas dylan edward eric ethan eugene
    frank fred gabriel gary george gerald gordon greg gregory harold harry henry howard ian jack
    jacob jake james jason jeff jeffrey jeremy jerry jim jimmy joe john johnny jonathan jose
    joseph joshua juan justin keith ken kenneth kevin kyle larry lawrence louis luis mark martin
    matt matthew michael mike mitchell nathan nicholas noah patrick paul peter philip ralph
    randy raymond richard rick rob robert roger ron ronald roy russell ryan sam samuel scott sean
    stephen steve steven ted terrence thomas tim timothy todd tom tony tyler victor vincent walter
    wayne william willie zachary"""
)
_FEMALE_GIVEN = word_set(
    """abigail alice alexandra alison alyssa amanda amber amy andrea angela ann anna anne ashley
    barbara betty beth beverly brenda brittany carly carol caroline carolyn catherine 
    cheryl christina christine cindy claire cynthia debbie deborah debra denise diana diane donna
    doris dorothy elaine elizabeth ellen emily emma evelyn frances gloria grace hannah heather
    helen hillary hilary irene jacqueline jane janet janice jean jennifer jessica jill joan joyce
    judith judy julia julie karen katherine kathleen kathryn kathy katie kate kimberly laura lauren
    linda lisa liz lori louise margaret maria marie marilyn martha mary megan melissa michelle
    nancy natalie nicole nikki olivia pamela patricia peggy rachel rebecca rose ruth sally
    samantha sandra sara sarah sharon shirley sophia stephanie sue susan teresa theresa tiffany
    valerie   wendy"""
)
_GIVEN_NAMES = _MALE_GIVEN | _FEMALE_GIVEN
_HONORIFIC_MALE = word_set("mr mr.")
_HONORIFIC_FEMALE = word_set("mrs mrs. ms ms. miss")
_SPEECH_AFTER = re.compile(
    r",?\s(?:said|says|told|tells|added|adds|wrote|writes|tweeted|tweets|stated|states|"
    r"explained|explains|noted|notes|argued|argues|insisted|insists|replied|recalled|warned|"
    r"asked|asks|continued|answered|responded)\b"
)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says)\s$")
# "he", "himself", "HE" (group 1) and "she", "herself", "SHE", as whole words. The pattern
# opens with the first letter's character class, so ``re`` skips from one such letter to the
# next in C; the look-behind then asks for no word character before it (the word boundary),
# and each way of going on names the letter it needs. The same matches as
# ``\b(?:([Hh]e|[Hh]imself|HE)|[Ss]he|[Ss]herself|SHE)\b``, three times faster.
_GENDERED = re.compile(
    r"[HhSs](?<!\w.)(?:((?<=[Hh])(?:e|imself)|(?<=H)E)|(?<=[Ss])(?:he|herself)|(?<=S)HE)\b"
)


_PUNCT_RUN = re.compile(r"[.!?]+")
_SENTENCE_REACH = 3000  # a "sentence" longer than this is cut: text without full stops


def _count_between(male: list[int], female: list[int], a: int, b: int) -> tuple[int, int]:
    """How many of the (sorted) male and female pronoun offsets fall in ``[a, b)``."""
    return (
        bisect.bisect_left(male, b) - bisect.bisect_left(male, a),
        bisect.bisect_left(female, b) - bisect.bisect_left(female, a),
    )


def paragraph_pronouns(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Where "he"/"himself" and "she"/"herself" stand in a paragraph, outside quote marks.

    Pronouns inside quote marks speak of someone else. One pass over the paragraph, so
    each sentence then counts its pronouns with two look-ups.

    Returns:
        The sorted offsets of the male and of the female pronouns.
    """
    male: list[int] = []
    female: list[int] = []
    quoted = [(m.start(), m.end()) for m in _QUOTED_TEXT.finditer(text, start, end)]
    q = 0
    for m in _GENDERED.finditer(text, start, end):
        k = m.start()
        while q < len(quoted) and quoted[q][1] <= k:
            q += 1
        if q < len(quoted) and quoted[q][0] <= k:
            continue
        (male if m.group(1) else female).append(k)
    return male, female


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
        if first not in mid and not _sentence_initial(text, at, start):
            mid.add(first)
    return runs


class NameScans(Protocol):
    """The scans of a text's paragraphs the registry reads (``quote_scans`` holds them).

    Offsets come as a list and a number to add to each, so that a paragraph the text
    shares with another version is scanned once for both.
    """

    def runs(self, pi: int, mid: set[str]) -> tuple[int, list[tuple[int, str]]]:
        """``paragraph_runs`` of paragraph ``pi``, with the number to add to each offset."""

    def pronouns(self, pi: int) -> tuple[int, list[int], list[int]]:
        """``paragraph_pronouns`` of paragraph ``pi``, with the number to add to each."""

    def lower_words(self) -> set[str]:
        """``lower_words`` of the whole text."""


_LOWER_WORD = re.compile(r"(?<![\w\u2019'-])[a-z][a-z]+(?![\w\u2019'-])")
_PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout|near|outside|inside)\s+(?:the\s+)?$")
_PLACE_WORD_ENDS = ("in", "across", "throughout", "near", "side", "the")
_TITLE_ALIASES = {
    "sen": "senator",
    "sens": "senator",
    "rep": "representative",
    "reps": "representative",
    "gov": "governor",
    "gen": "general",
    "pres": "president",
    "lt": "lieutenant",
    "col": "colonel",
    "sgt": "sergeant",
    "capt": "captain",
    "prof": "professor",
    "rev": "reverend",
    "adm": "admiral",
    "maj": "major",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
}
_LOW_TITLE_WORDS = frozenset(w for w in TITLE_WORDS if w.isalpha()) | word_set(
    "manager spokesman spokeswoman adviser aide nominee candidate businessman billionaire"
)


def is_function_word(word: str) -> bool:
    """Whether a capitalised word is a sentence opener such as "Still", "It's" or "I'm"."""
    return _CONTRACTION.sub("", word.lower().strip(".,")) in _FUNCTION_WORDS


def _sentence_initial(text: str, pos: int, floor: int) -> bool:
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


@dataclass(slots=True)
class NameMention:
    """A name as written somewhere in the text, with what was cut off before it."""

    start: int
    end: int
    name: str
    kind: str  # "person" | "org" | "unknown"
    titles: tuple[str, ...] = ()


@dataclass(slots=True)
class Entity:
    """A person or organisation, under the fullest name the article uses."""

    name: str
    kind: str
    keys: tuple[str, ...]
    male: int = 0
    female: int = 0
    titles: set[str] = field(default_factory=set)
    votes: dict[str, int] = field(default_factory=dict)

    @property
    def gender(self) -> str | None:
        """The gender ("m" or "f") the article's pronouns show, or None."""
        if self.male > self.female * 2 and self.male >= 1:
            return "m"
        if self.female > self.male * 2 and self.female >= 1:
            return "f"
        return None


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
        elif token in TITLE_WORDS or token.rstrip(".") in TITLE_WORDS:
            cut = i + 1
            titles.append(token.rstrip("."))
        elif token in _JOB_TITLES and i == cut and len(words) - i > 2:
            # "Engineer David Park said": a job capitalised before a full name, at the
            # start of a sentence, is not part of the name.
            cut = i + 1
            titles.append(token)
    while cut < len(words) and words[cut].group().lower() in _FUNCTION_WORDS:
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
    return any(w.lower().strip(".,") in _ORG_WORDS for w in name.split()) or (
        name.isupper() and len(name) > 1
    )


@functools.lru_cache(maxsize=65536)
def classify_run(name: str, preceded_by_the: bool) -> str:
    """Whether a name looks like a person, an organisation or cannot tell."""
    words = [w.lower().strip(".,") for w in name.split()]
    if any(w in _ORG_WORDS for w in words):
        return "org"
    if name.isupper() and len(name) > 1:
        return "org"  # acronyms: NATO, FBI
    if preceded_by_the:
        return "org"
    if len(words) >= 2:
        return "person"
    return "unknown"


@functools.lru_cache(maxsize=65536)
def _all_function_words(run: str) -> bool:
    """Whether every word of a capitalised run is a function word ("The", "But If")."""
    return _leading_function_words(run) == len(run.split())


@functools.lru_cache(maxsize=65536)
def _leading_function_words(run: str) -> int:
    """How many words at the start of a capitalised run are function words ("But", "The")."""
    lead = 0
    words = run.split()
    while lead < len(words):
        if _POSSESSIVE.sub("", words[lead].lower().strip(".,")) not in _FUNCTION_WORDS:
            break
        lead += 1
    return lead


_ORG_TITLE_WORDS = frozenset(w for w in TITLE_WORDS if w in _ORG_WORDS) | word_set(
    "state supreme house senate court"
)


def _titled_after_org(words: list[str]) -> bool:
    """Whether a run that names an organisation ends with a title and a person's name.

    "House Speaker Paul Ryan", "Speaker of the House Rep. Paul Ryan": the organisation is
    part of the title, the name after it is a person.
    """
    last = -1
    for i, w in enumerate(words):
        token = w.lower().rstrip(".,")
        if token in TITLE_WORDS and token not in _ORG_TITLE_WORDS:
            last = i
    if last < 0 or last == len(words) - 1:
        return False
    rest = words[last + 1 :]
    return all(
        w[:1].isupper() and w.lower().strip(".,") not in _ORG_WORDS and not w.isupper()
        for w in rest
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
    if any(w.lower() in _HEADLINE_WORDS for w in words[1:]) and not is_strong_org(run):
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
        len(parts) >= 2 and name_key(parts[-2]) in _GIVEN_NAMES
    ):
        # "Democratic", "President": adjectives and titles alone are not names (but
        # "Billie Jean King" is)
        return None
    last = name.rsplit(None, 1)
    if len(last) == 2 and last[1].lower() in _WEEKDAYS:
        name = last[0]  # "told MSNBC Monday": the day is not part of the name
    head, sep, tail = name.partition(" of ")
    if sep and not is_strong_org(head) and 2 <= len(head.split()) <= 3:
        given = name_key(head.split()[0])
        if is_strong_org(tail) or titles or given in _MALE_GIVEN or given in _FEMALE_GIVEN:
            # "Stephen Vladeck of the University of Texas", "Sen. Marco Rubio of Florida"
            name = head
    if name.lower() in _NOT_NAMES:
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


def _aliased(titles: tuple[str, ...]) -> tuple[str, ...]:
    """Titles under one spelling each ("sen" is "senator", "spokeswoman" "spokesman")."""
    return tuple(_TITLE_ALIASES.get(title, title) for title in titles)


@dataclass(frozen=True, slots=True)
class _Variant:
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
    kind_the: str
    kind_plain: str
    owner: str | None = None
    owner_the: str = ""
    owner_plain: str = ""


def _owner_kind(owner: str, preceded_by_the: bool) -> str:
    """The kind of an owner's name: one that may be either is taken for an organisation."""
    kind = classify_run(owner, preceded_by_the)
    return kind if kind != "unknown" else "org"


def _variant(run: str, words: list[str], lead: int) -> _Variant | None:
    """The run without its first ``lead`` words, or None when what is left is no name."""
    skip = run.index(words[lead]) if lead else 0
    kept = run[skip:]
    parts = name_parts(kept)
    if parts is None:
        return None
    name, titles, offset = parts
    owner: str | None = None
    owner_the = owner_plain = ""
    if offset > 0:
        before = kept[:offset].split()
        if before and _POSSESSIVE.search(before[-1]):
            owner = _POSSESSIVE.sub("", " ".join(before))
            owner_the, owner_plain = _owner_kind(owner, True), _owner_kind(owner, False)
    return _Variant(
        skip,
        name,
        titles,
        _aliased(titles),
        offset,
        lead > 0 and words[lead - 1].lower() == "the",
        classify_run(name, True),
        classify_run(name, False),
        owner,
        owner_the,
        owner_plain,
    )


_START = operator.attrgetter("start")


class NameRegistry:
    """Every name in the article's text, queried by position."""

    def __init__(self, text: str, spans: list[tuple[int, int]], scans: NameScans) -> None:
        """Collect the names in ``text`` within the given paragraph spans.

        Args:
            text: the whole text.
            spans: the paragraphs to read, as (start, end), in order.
            scans: the scans of those paragraphs (``quote_scans.ParagraphScans``).
        """
        self.text = text
        self.mentions: list[NameMention] = []
        # lowercase words of the article: "Employees" at a sentence start is not a name
        self._lower_words = scans.lower_words()
        self._mid_sentence: set[str] = set()
        runs: list[tuple[int, str]] = []
        mid = self._mid_sentence
        for pi in range(len(spans)):
            shift, found = scans.runs(pi, mid)
            runs.extend([(at + shift, run) for at, run in found] if shift else found)
        # the same run recurs many times in an article: what depends on the run alone is
        # worked out once (``_plan``), only its surroundings are read at each occurrence
        self._plans: dict[str, tuple[_Variant | None, _Variant | None, int]] = {}
        self._register(runs)
        self.mentions.sort(key=_START)
        self._starts = [m.start for m in self.mentions]
        self.entities: dict[str, Entity] = {}
        self._entity_cache: dict[str, Entity | None] = {}
        self._by_key: dict[str, list[Entity]] = {}
        self._by_first: dict[str, list[Entity]] = {}
        self._build_entities()
        # where each name is mentioned, for the lazy "does it say something" test
        self._spoken: dict[str, bool] = {}
        self._where: dict[str, list[NameMention]] = {}
        for mention in self.mentions:
            self._where.setdefault(mention.name, []).append(mention)
        self._orgs = [(m.start, m) for m in self.mentions if m.kind == "org"]
        self._org_starts = [s for s, _ in self._orgs]
        self._learn_genders(spans, scans)

    def _plan(self, run: str) -> tuple[_Variant | None, _Variant | None, int]:
        """What registering ``run`` means wherever it stands, worked out once per run.

        Returns the variant for the run with its leading function words cut off, the
        variant with one more common word cut off ("Minutes later": used when that word
        opens a sentence), and the offset of that word in the run (-1 when it is no
        common word, so the second variant never applies).
        """
        words = run.split()
        # a leading function word ("But Trump") is not part of the name
        lead = _leading_function_words(run)
        if lead == len(words):
            return None, None, -1
        main = _variant(run, words, lead)
        if (
            words[lead] not in self._mid_sentence
            and words[lead].lower() in self._lower_words
            and not (lead + 1 < len(words) and name_key(words[lead]) in _GIVEN_NAMES)
            and words[lead].lower().rstrip(".") not in TITLE_WORDS
        ):
            # "Minutes later", "Employees treated well": common words, when they open
            # a sentence
            alt = _variant(run, words, lead + 1) if lead + 1 < len(words) else None
            return main, alt, run.index(words[lead])
        return main, None, -1

    def _register(self, runs: list[tuple[int, str]]) -> None:
        """Add the mentions of the capitalised runs (offset, run) to ``self.mentions``.

        The hottest loop of the registry: one pass, with what depends on the run alone
        taken from its plan, so each occurrence only reads the text around it.
        """
        text = self.text
        plans = self._plans
        append = self.mentions.append
        for run_start, run in runs:
            plan = plans.get(run)
            if plan is None:
                plan = plans[run] = self._plan(run)
            main, alt, common_at = plan
            var = (
                alt
                if common_at >= 0 and _sentence_initial(text, run_start + common_at, 0)
                else main
            )
            if var is None:
                continue
            start = run_start + var.skip
            name = var.name
            the = var.the_word or text[max(0, start - 4) : start].lower() == "the "
            kind = var.kind_the if the else var.kind_plain
            at = start + var.offset
            titles = var.titles
            # lowercase titles just before the name: "presidential candidate Donald Trump";
            # only worth a look when a lowercase word ends right before the name, and the
            # look stops at once unless that word is a title
            k = at - 2
            if k >= 0 and text[k].islower():
                window = text[max(0, at - 40) : at]
                last = window.rsplit(None, 1)
                if last and last[-1] in _LOW_TITLE_WORDS:
                    low: list[str] = []
                    for word in reversed(window.split()[-3:]):
                        if word not in _LOW_TITLE_WORDS:
                            break
                        low.append(word)
                    titles = _aliased(var.raw_titles + tuple(reversed(low)))
            if titles:
                if kind == "unknown":
                    kind = "person"
            elif (
                kind != "org"
                # the pattern ends in one of these words and spaces: a cheap test first
                and text[max(0, start - 12) : start].rstrip().endswith(_PLACE_WORD_ENDS)
                and _PLACE_BEFORE.search(text, max(0, start - 12), start)
                and text[at + len(name) : at + len(name) + 1] not in ("'", "\u2019")
            ):
                kind = "place"
            # "Al Jazeera's Nisreen": the owner is a name too
            owner = var.owner
            if owner is not None and not titles:
                append(
                    NameMention(
                        start, start + len(owner), owner, var.owner_the if the else var.owner_plain
                    )
                )
            append(NameMention(at, at + len(name), name, kind, titles))

    def _build_entities(self) -> None:
        # longest names first, so a surname joins the fullest name that ends with it
        order = sorted(self.mentions, key=lambda m: -len(m.name.split()))
        # repeated mentions match the same entity: looked up once
        seen: dict[tuple[str, str, str | None], Entity] = {}
        for m in order:
            hint = None
            if m.titles:
                hint = (
                    "m"
                    if any(t in _HONORIFIC_MALE for t in m.titles)
                    else "f"
                    if any(t in _HONORIFIC_FEMALE for t in m.titles)
                    else None
                )
            key = (m.name, m.kind, hint)
            ent = seen.get(key)
            if ent is None:
                ent = self._match(m.name, m.kind, hint)
            if ent is not None:
                seen[key] = ent
            else:
                keys = tuple(name_key(t) for t in m.name.split())
                ent = Entity(m.name, m.kind, keys)
                if m.kind != "org":
                    # a seed from the given name; the article's evidence is added to it
                    if keys[0] in _MALE_GIVEN:
                        ent.male += 3
                    elif keys[0] in _FEMALE_GIVEN:
                        ent.female += 3
                self.entities[m.name] = ent
                if m.kind != "org" and len(keys) >= 2:
                    self._by_first.setdefault(keys[0], []).append(ent)
                if m.kind != "org" and "of" not in keys:
                    # "GIFs of Clinton" is not what a later "Clinton" refers to
                    self._by_key.setdefault(keys[-1], []).append(ent)
                self._by_key.setdefault(" ".join(keys), []).append(ent)
            ent.votes[m.kind] = ent.votes.get(m.kind, 0) + 1
            if m.titles:
                ent.titles.update(m.titles)
                for t in m.titles:
                    if t in _HONORIFIC_MALE:
                        ent.male += 3
                    elif t in _HONORIFIC_FEMALE:
                        ent.female += 3
        for ent in self.entities.values():
            v = ent.votes
            if ent.kind == "org":
                continue
            if ent.titles:
                ent.kind = "person"
            elif v.get("place") and v["place"] * 2 >= v.get("person", 0) + v.get("unknown", 0):
                ent.kind = "place"

    def _match(self, name: str, kind: str, gender: str | None = None) -> Entity | None:
        keys = [name_key(t) for t in name.split()]
        if not keys:
            return None
        exact = self._by_key.get(" ".join(keys))
        if exact:
            return exact[0]
        if kind == "org" or len(keys) > 1 and keys[-1] in _PARTICLES:
            return None
        cands = [
            ent
            for ent in self._by_key.get(keys[-1], [])
            if ent.kind != "org" and all(k in ent.keys for k in keys)
        ]
        if not cands and len(keys) == 1 and (keys[0] in _MALE_GIVEN or keys[0] in _FEMALE_GIVEN):
            # "Hillary", "Bernie": a given name alone is the person named in full with it
            cands = [
                ent
                for ent in self._by_first.get(keys[0], [])
                if ent.kind != "org" and len(ent.keys) >= 2
            ]
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
            ent = self._entity_cache[name] = self._match(name, "unknown")
            return ent

    def canonical(self, name: str) -> str:
        """The fullest form of ``name`` the article uses."""
        ent = self.entity(name)
        return ent.name if ent else name

    def mentions_between(self, start: int, end: int) -> list[NameMention]:
        """Name mentions that start within ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def last_org_before(self, pos: int, head: str | None = None) -> NameMention | None:
        """The most recent organisation named before ``pos`` (whose name holds ``head``).

        Without ``head``, a name that says it is an organisation ("… Commission") is
        preferred over one that is only preceded by "the".
        """
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
        i = bisect.bisect_left(self._starts, pos) - 1
        steps = 0
        while i >= 0 and steps < 600:
            m = self.mentions[i]
            if title in m.titles:
                return m
            ent = self.entity(m.name)
            if ent is not None and title in ent.titles and m.kind != "org":
                return m
            i -= 1
            steps += 1
        return None

    def _learn_genders(self, spans: list[tuple[int, int]], scans: NameScans) -> None:
        """Count the pronouns of sentences that name one person (and of the next sentence).

        Only sentences holding a pronoun are visited, so the work follows the pronouns,
        not the length of the text.
        """
        known: dict[tuple[str, str], Entity | None] = {}
        mentions = self.mentions

        def people(lo: int, hi: int) -> dict[str, Entity]:
            """The people named by mentions ``lo`` to ``hi``, by name.

            Only these mentions are looked up: the sentences with a pronoun hold few of
            the article's mentions.
            """
            found: dict[str, Entity] = {}
            for m in mentions[lo:hi]:
                key = (m.name, m.kind)
                if key not in known:
                    e = self._match(m.name, m.kind)
                    known[key] = e if e is not None and e.kind in ("person", "unknown") else None
                e = known[key]
                if e is not None:
                    found[e.name] = e
            return found

        starts = self._starts
        para_starts = [s for s, _ in spans]
        male_at: list[int] = []
        female_at: list[int] = []
        for pi in range(len(spans)):
            shift, his, hers = scans.pronouns(pi)
            male_at.extend([k + shift for k in his] if shift else his)
            female_at.extend([k + shift for k in hers] if shift else hers)
        found = sorted([(k, 1, 0) for k in male_at] + [(k, 0, 1) for k in female_at])
        done = -1  # the end of the last sentence counted
        for k, _, _ in found:
            if k < done:
                continue
            ps, pe = spans[bisect.bisect_right(para_starts, k) - 1]
            s0, s1 = self._sentence_at(k, ps, pe)
            done = s1
            lo, hi = bisect.bisect_left(starts, s0), bisect.bisect_left(starts, s1)
            named = people(lo, hi)
            if len(named) == 1:
                ent = next(iter(named.values()))
                male, female = _count_between(male_at, female_at, self.mentions[lo].end, s1)
                ent.male += male
                ent.female += female
            elif not named and s0 > ps:
                # the sentence after one naming a single person still speaks of them
                p0, _ = self._sentence_at(s0 - 1, ps, pe)
                plo, phi = bisect.bisect_left(starts, p0), bisect.bisect_left(starts, s0)
                before = people(plo, phi)
                if len(before) == 1:
                    ent = next(iter(before.values()))
                    male, female = _count_between(male_at, female_at, s0, s1)
                    ent.male += male // 2
                    ent.female += female // 2

    def _sentence_at(self, k: int, ps: int, pe: int) -> tuple[int, int]:
        """The sentence around offset ``k``: after the last ``.!?`` before it to the next."""
        text = self.text
        floor = max(ps, k - _SENTENCE_REACH)
        while k > floor and text[k] in ".!?" and text[k - 1] in ".!?":
            k -= 1  # k in a closing run ("?!"): the sentence is the one that run closes
        j = max(text.rfind(".", floor, k), text.rfind("!", floor, k), text.rfind("?", floor, k))
        s0 = j + 1 if j >= 0 else floor
        m = _PUNCT_RUN.search(text, k, min(pe, k + _SENTENCE_REACH))
        return s0, (m.end() if m else min(pe, k + _SENTENCE_REACH))

    def speaks(self, name: str) -> bool:
        """Whether the article has ``name`` say or write something ("Reid said")."""
        try:
            return self._spoken[name]
        except KeyError:
            text = self.text
            found = self._spoken[name] = any(
                _SPEECH_AFTER.match(text, m.end)
                or _SPEECH_BEFORE.search(text, max(0, m.start - 8), m.start)
                for m in self._where.get(name, ())
            )
            return found

    def named_mid_sentence(self, name: str) -> bool:
        """Whether ``name`` starts a capitalised run somewhere other than a sentence start."""
        return name.split(None, 1)[0] in self._mid_sentence if name else False

    def gender_counts(self) -> Counter[str]:
        """How many people the article names of each known gender (for tests and tuning)."""
        return Counter(e.gender or "?" for e in self.entities.values() if e.kind != "org")
