"""Quotes in an article: who said what, directly or indirectly.

Hand-written rules rather than a library: no offline library attributes quotes in news
text well, and a model would need a download. The method, in order:

1. ``quote_marks`` pairs quote marks per paragraph; a paragraph that opens a quote and does
   not close it runs on into the next paragraph that opens with a quote mark (news style).
2. Each quoted passage looks for its attribution: after it (``"…," X said``, ``said X``,
   ``X, a senator, said``, ``Outlet quoted X as saying``), then before it in its sentence
   (``X said: "…"``, ``X told Y "…"``, ``X said the plan was "…"``, ``according to X``).
   A passage with none continues the speaker of the quote before it, and a passage that
   resumes after ``"…," he said, "…"`` is the same quote.
3. Short quoted words with no attribution (scare quotes, titles) are not quotes.
4. Reported speech (``X said that …``, ``according to X``) gives indirect quotes.
5. Speakers are resolved with ``quote_names``: surnames to the fullest name, titles and
   possessives cut off, "the group" to the most recent organisation, "the president" to
   the person with that title. "He" and "she" walk back sentence by sentence to the first
   one that speaks of a compatible person: whoever it quotes ("…, Henson said."), else
   the name with a speech verb, the name the sentence opens with, a name with another
   verb, and only then names in subordinate clauses. A sentence whose subject is the same
   pronoun continues that chain; names inside quote marks, after a participle opener
   ("Asked about Clinton, she …") or after a preposition are passed over.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from comparer.core.quote_marks import (
    ALL_DOUBLE,
    MarkedSpan,
    word_set,
)
from comparer.core.quote_names import (
    NAME_RUN,
    NAME_TOKEN,
    TITLE_WORDS,
    NameRegistry,
    is_function_word,
    name_parts,
    split_name,
)
from comparer.core.quote_patterns import INDIRECT_WORDS as _INDIRECT_WORDS
from comparer.core.quote_patterns import word_trie
from comparer.core.quote_scans import ParagraphScans, ScanMemo
from comparer.core.version import Paragraph, Role


class QuoteKind(StrEnum):
    """Direct quotes have quote marks; indirect ones are reported speech."""

    DIRECT = "direct"
    INDIRECT = "indirect"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote as a span of its version's text, and who said it.

    Attributes:
        start: offset of the quote (its opening mark, for a direct quote).
        end: offset just after it (after its closing mark, for a direct quote).
        text: ``text[start:end]``.
        kind: direct or indirect.
        speaker: the resolved name ("Rami Khouri" for "he"), or None.
        speaker_start: where the mention it was attributed from starts, or None.
        speaker_end: where that mention ends, or None.
        continues: True when this piece carries on the quote before it (a quote that runs
            over several paragraphs, or resumes after "he said"); such a piece does not
            count as a quote of its own.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    continues: bool = False


_VERBS = (
    "said|says|say|saying|told|tells|tell|telling|added|adds|asked|asks|explained|explains|"
    "noted|notes|wrote|write|writes|writing|continued|continues|argued|argues|insisted|insists|"
    "stated|states|declared|declares|claimed|claims|recalled|recalls|replied|replies|"
    "responded|responds|tweeted|tweets|posted|remarked|remarks|warned|warns|acknowledged|"
    "acknowledges|admitted|admits|announced|announces|observed|observes|suggested|suggests|"
    "joked|jokes|quipped|quips|cautioned|predicted|predicts|concluded|complained|complains|"
    "conceded|concedes|agreed|agrees|emphasized|emphasised|stressed|stresses|urged|urges|"
    "vowed|vows|promised|promises|pointed out|points out|went on|goes on|yelled|shouted|"
    "exclaimed|boasted|boasts|bragged|lamented|laments|mused|offered|countered|counters|"
    "retorted|testified|wondered|wonders|reiterated|maintained|maintains|contended|"
    "contends|charged|alleged|confirmed|confirms|denied|denies|demanded|pleaded|proclaimed|"
    "repeated|reported|reports|recounted|elaborated|echoed|chimed in|whispered|screamed|"
    "cried|thundered|fumed|scoffed|snapped|shot back|sighed|laughed|explain|described|"
    "describes|called|calls|read|reads|tweeting|posting|asserted|asserts|began|begins|"
    "answered|answers|interjected|implored|predicting|adding|noting|explaining|arguing|"
    "declaring|warning|insisting|stating|claiming|calling|describing|hinted|wrote in|"
    "announcing|acknowledging|admitting|recalling|joking|boasting|complaining|urging|"
    "summed up|sums up|put it|puts it|stressing|according to"
)
_VERB_WORDS = [*_VERBS.split("|"), "Said", "Says", "Added", "Asked", "Wrote"]
_VERB = re.compile(r"(?<![\w-])" + word_trie(_VERB_WORDS))
_INDIRECT_VERB = re.compile(r"\b" + word_trie(_INDIRECT_WORDS))
_QUOTED_AS = re.compile(
    r"\bquoted\s+(?P<who>.{1,80}?)\s+as\s+(?:saying|telling|writing|stating|adding)\b"
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
    at_start = start == 0 or text[start - 1] in "\n\r"
    letters = phrase.replace(" ", "")
    return (
        at_start
        and len(letters) >= 4
        and letters.isalpha()
        and letters.isupper()
        and _DATELINE_END.match(text, mention[1]) is not None
    )


_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o", "i": "1", "we": "1", "who": "w"}
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
_DETERMINERS = word_set(
    "the a an his her its their our this that another one some many several two three four"
)
_ROLE_NOUNS = word_set(
    """spokesman spokeswoman spokesperson spokespeople director head chairman chairwoman member
    members president secretary leader chief official officials representative aide aides
    adviser advisers advisor staffer official spokesperson manager"""
)
_ORG_HEADS = word_set(
    """group organisation organization movement network commission committee agency company
    party ministry department campaign council army government regime coalition alliance
    office administration union association institute firm observatory monitor outlet
    newspaper paper agency network station channel foundation center centre board service"""
)
_PERSON_NOUNS = (
    _ROLE_NOUNS
    | TITLE_WORDS
    | word_set(
        """man woman voter resident supporter delegate lawmaker congressman congresswoman activist
    expert professor businessman businesswoman billionaire mogul veteran mother father son
    daughter wife husband friend source insider strategist consultant operative attendee
    student teacher worker owner lawyer doctor nominee contender challenger rival incumbent
    pastor priest hopeful frontrunner front-runner governor senator critic observer
    protester protestor demonstrator witness victim survivor poll survey report study
    researcher scientist economist historian official"""
    )
)
_GENERIC_ORG_HEADS = word_set("group organisation organization movement network outlet")
_WORD = re.compile(r"[\w\u2019'.\-]+")
_SCARE_MAX_WORDS = 4
_SMALL_WORDS = word_set("a an the of and or for to in on at by with from as vs is")
_CUE_PREFIXES = tuple(
    word_set(
        """describ label dub term accus prais criticiz criticis slam blast refer deem promis pledg
    vow urg deni insist accord tweet writ tell characteriz claim warn argu believ ask quot mock
    insult attack rail decri dismiss hail defend respon"""
    )
)
_CUE_WORDS = frozenset(w for w in _VERBS.split("|") if " " not in w) | word_set(
    "call calling called calls deny denies say said says speech statement interview remarks "
    "wrote told touted"
)
_CUE_PAIRS = frozenset(
    (w.split()[0], w.split()[1]) for w in _VERBS.split("|") if len(w.split()) == 2
)
_CUE = re.compile(
    "(?=["
    + "".join(sorted({w[0] for w in _CUE_WORDS} | {p[0] for p in _CUE_PREFIXES}))
    + r"])(?<![\w-])"
    + word_trie(_CUE_WORDS, _CUE_PREFIXES, sorted(_CUE_PAIRS))
)
_CUE_REACH = 400


def _has_cue(sentence: str) -> bool:
    """Whether a sentence holds a speech word ("said", "called", "a statement", "tweeted").

    One scan with a look-ahead on the possible first letters: it runs for every short
    passage in quote marks, and a plain alternation was the slowest step on large texts.
    """
    return _CUE.search(sentence.lower()) is not None


_TAIL_ATTRIBUTION = re.compile(
    r",\s+(?:(?P<verb>said|says|added|explained|argued|insisted|claimed|noted|wrote)"
    r"(?:\s+[\w\u2019'.\-]+){1,6}?(?:,\s+[^,;]{2,80}?)?"
    r"|according\s+to\s+(?P<acc>[^,.]{2,80}?))[.!?\s]*$"
    r"|,\s+(?:[\w\u2019'.\-]+\s+){1,6}?(?P<verb2>said|says|added|explained|argued|insisted|claimed|noted|wrote)"
    r"(?:\s+(?:on|last|this|in|at)\s+\w+)?(?:\s+\w+day)?[.!?\s]*$"
)
# verbs whose object is the listener, not the speaker: "X, 69, told MSNBC"
_ADJACENT = re.compile(r"\s+(?:[a-z]+ly\s+)?")  # "Carson privately saying"
_COORDINATION = re.compile(r"\s(?:and|but)(?:\s+(?:also|then|later|quickly))?\s*$")
_LISTENER_VERBS = word_set("told tells tell telling asked asks")
_COORDINATED = re.compile(
    r"\b(he|she|they|He|She|They)\s+[a-z][^,;.:\u201c\u201d\"]{1,120}?\s+and"
    r"(?:\s+(?:later|then|also|quickly|finally|again))?\s*$"
)
_ENDS_IN_NAME = re.compile(r"(?:^|\s)[A-Z][\w\u2019'.\-]*\s+[A-Z][\w\u2019'.\-]*$")
_APPOSITIVE_POST = re.compile(
    r"(?P<who>(?:[A-Z][\w\u2019'.\-]*\s+){0,3}[A-Z][\w\u2019'.\-]*),\s[^,.;!?]{2,80},\s+"
    r"(?:also\s+|later\s+)?(?:said|says|added|adds|explained|noted|told|recalled)\b"
)
_NAME_SPEAKS_POST = re.compile(
    r"(?P<who>(?:[A-Z][\w\u2019'.\-]*\s+){0,3}[A-Z][\w\u2019'.\-]*)\s+(?:also\s+|later\s+)?"
    r"(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|replied|recalled)\b"
)
_INVERTED_POST = re.compile(
    r"(?:[a-z]{3,}ed)\s+(?P<who>(?:[A-Z][\w\u2019'.\-]*\s+){0,3}[A-Z][\w\u2019'.\-]*)"
    r"(?=[,.;!?]|\s*$|\s+of\s)"
)
_PAREN_TAIL = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_GENERIC_POST = re.compile(
    r"(?P<who>he|she|they|(?:[A-Z][\w\u2019'.\-]*\s+){0,3}[A-Z][\w\u2019'.\-]*)\s+"
    r"(?:[a-z]+ed|[a-z]+s|shot back|wrote|spoke|said)\b(?![\w\u2019'])"
)
_COLON_INTRO = re.compile(
    r"(?:^|[.;]\s+|\bfrom\s+|\u2014\s*|-\s+)(?P<who>(?:[A-Z][\w\u2019'.\-]*|and|of|the)(?:\s+(?:[A-Z][\w\u2019'.\-]*|and|of|the)){0,5})\s*:\s*$"
)
# participles and adverbs that open a sentence before its subject; a closed list, since a
# pattern such as "-ly" or "-ing" would also take names (Kelly, Manning) for openers
_OPENER_PARTICIPLES = (
    "Asked Pressed Questioned Told Reached Interviewed Confronted Challenged Faced Joined "
    "Flanked Surrounded Introduced Elected Born Raised Known Given Speaking Responding "
    "Addressing Campaigning Writing Appearing Talking Standing Rattling Making Noting "
    "Referring Reacting Returning Arriving Visiting Looking Sitting Walking Calling "
    "Criticizing Criticising Defending Having Being Following Explaining Announcing"
)
_OPENER_ADVERBS = (
    "Recently Separately Similarly Additionally Ultimately Eventually Finally Previously "
    "Currently Initially Originally Apparently Clearly Notably Importantly Interestingly "
    "Unfortunately Fortunately Surprisingly Ironically Historically Typically Usually "
    "Generally Publicly Privately Personally Officially Reportedly Frankly Honestly "
    "Politically Specifically Increasingly Consequently Subsequently Likewise Lately"
)
_INTRO = re.compile(
    r"\s*(?:(?:In|At|On|During|After|Before|Absent|With|Without|Despite|"
    r"Since|When|While|As|Last|Earlier|Later|Then|But|And|Still|However|Meanwhile|Instead|Now|"
    r"Yet|Also|For|Unlike|Like|Under|Over|Throughout|Within|From|By|To|Because|Although|"
    r"Though|If|Once|Moments|Minutes|Hours|Days|Weeks|Months|Years|More|Most|Soon|Today|"
    r"Yesterday|Tonight|Overall|Again|Otherwise|Indeed|"
    + "|".join(_OPENER_PARTICIPLES.split() + _OPENER_ADVERBS.split())
    + r")\b[^,.;]{0,120},\s*)"
)
# "the <noun>" that points back at someone named before (not "the source", "the woman")
_ANAPHORIC_NOUNS = word_set(
    """businessman businesswoman billionaire mogul candidate nominee frontrunner front-runner
    congressman congresswoman lawmaker hopeful incumbent governor senator president
    ex-president vice-president republican democrat rival challenger contender host"""
)
_NOUN_GENDER = {
    "businessman": "m",
    "businesswoman": "f",
    "congressman": "m",
    "congresswoman": "f",
}
_VERB_AFTER_NAME = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:,\s[^,.;\u201c\"]{1,90},)?\s+(?:(?:also|later|then|again|quickly|has|had|have|was|is|"
    r"would|will|[a-z]+ly)\s+)?(?:(?P<speech>said|says|told|tells|added|adds|asked|asks|"
    r"wrote|writes|tweeted|tweets|explained|explains|argued|argues|insisted|insists|claimed|"
    r"claims|noted|notes|recalled|recalls|replied|replies|responded|responds|declared|"
    r"declares|stated|states|warned|warns|acknowledged|admitted|admits|announced|continued|"
    r"agreed|agrees)|[a-z]{2,}ed|is|was|"
    r"has|had|will|would|says|thinks|believes|wants|appeared|seemed)\b"
)
_REPORTED_BEFORE = re.compile(r",\s*$")
_CONTRACTED_HAS = re.compile(r"\s+(?:been|not|going|never|also|still|got|done|made|said|become)\b")
_INTRODUCED = re.compile(r",\s+(?:a|an|the|who|one)\s")
_PREPOSITION_BEFORE = re.compile(r"\b(?:than|of|with|for|against|about|from|at|to)\s+$")
_PARTICIPLE = re.compile(r"\s*[\u201c\"]?(?:" + "|".join(_OPENER_PARTICIPLES.split()) + r")\b")
_NEXT_WORD = re.compile(r"[ \u00a0]+([a-z][a-z\-]*)")
_MODIFIED_NOUNS = (
    _PERSON_NOUNS | _ORG_HEADS | word_set("people flag flags voters officials leaders crowd")
) - word_set("said says")
_REFERENT_PARAGRAPHS = 6
_REFERENT_SENTENCES = 24
_LAST_SPEAKER_REACH = 2000  # speakers walked back over to find whom a pronoun is
_SKIP = "\x00skip"  # a sentence the pronoun walk passes over
_PRONOUN_SUBJECT = re.compile(r"(he|she|they|He|She|They)\b")
_PRONOUN_SPEAKS = re.compile(
    r"\b(he|she|He|She)\s+(?:said|says|noted|notes|added|adds|explained|argued|told|wrote|"
    r"recalled|insisted|stressed|acknowledged|conceded)\b"
)
_SHORT_POST = re.compile(
    r"(?P<who>he|she|they|(?:[A-Z][\w\u2019'.\-]*\s+){0,3}[A-Z][\w\u2019'.\-]*)\s+"
    r"(?:also\s+|later\s+|then\s+)?(?:"
    + _VERBS
    + r"|[a-z]+ed)\b(?:\s+[\w\u2019'.\-]+){0,6}?\s*[.!?]?\s*$"
)
_SIGNATURE = re.compile(
    r"[-\u2013\u2014]+\s*(?P<who>(?:[A-Z][\w\u2019'.\-]*\s+){0,4}[A-Z][\w\u2019'.\-]*)"
    r"(?=[,.;]|\s*$|\s+\w+ing\b)"
)
_ACCORDING_LEAD = re.compile(r"According to\s+")
_NAME_RUN = re.compile(NAME_RUN)
_LEAD_PUNCT = re.compile(r"[\s,;:\u2014\u2013-]*")
_SAID_NAME_COLON = re.compile(r"\s+[A-Z][^,:]{0,60}[:,]\s*")
_SUBJECT_START = re.compile(
    r"(?:(?:he|she|they|He|She|They)\b|" + NAME_RUN + r"(?:\s*\([^()]{1,30}\))?)"
)
_DESCRIBED_SUBJECT = re.compile(
    r"(?:The|A|An)\s+(?:[\w\u2019'.\-]+\s+){0,4}?(?:"
    + "|".join(sorted(_ROLE_NOUNS | _ORG_HEADS))
    + r")\b"
)
_TOLD_WHOM = re.compile(r"\s+(?:[A-Z][\w\u2019'.\-]*\s+){1,4}|\s+(?:the\s+|a\s+)?\w+\s+")
_THAT_CLAUSE = re.compile(r"\s*(?:(?:on|last|this|in|at)\s+\w+\s+)?(?:that\s+)?")
_COMMA = re.compile(",")
_FINITE_VERB = re.compile(r"\b(?:is|was|are|were|has|had|have|will|would)\b")
# a verb of a clause: an auxiliary, or a past form ("died", "were killed")
_CLAUSE_VERB = re.compile(_FINITE_VERB.pattern + r"|\b(?:could|may|might)\b|\w\wed\b")
_DOUBLE_MARK = re.compile("[" + ALL_DOUBLE + "]")
_NAME_TOKEN = re.compile(NAME_TOKEN)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


@dataclass(slots=True)
class _Unit:
    """A direct quote being built: its pieces, and the mention it was attributed from."""

    pieces: list[MarkedSpan]
    mention: tuple[int, int] | None = None
    attributed: bool = False
    via_quoted_as: bool = False
    speaker: str | None = None


def extract_quotes(text: str, paragraphs: Sequence[Paragraph]) -> tuple[Quote, ...]:
    """The quotes in ``text``, direct and indirect, in order of their start.

    Args:
        text: the version's text.
        paragraphs: its paragraphs; only article paragraphs (body and headings) are read.

    Returns:
        One ``Quote`` per piece of a direct quote (a quote over two paragraphs gives two
        pieces, the second with ``continues`` set) and one per indirect quote.
    """
    article = [(p.start, p.end) for p in paragraphs if _is_article(p.role)]
    if not article:
        return ()
    with _collector_paused():
        return _Extractor(text, article, ParagraphScans(text, article)).run()


def extract_quotes_many(
    items: Sequence[tuple[str, Sequence[Paragraph]]],
) -> tuple[tuple[Quote, ...], ...]:
    """The quotes of several versions, each exactly what ``extract_quotes`` gives for it.

    Faster than one call per version when versions share paragraphs (consecutive
    versions of an article mostly do): a paragraph's own scans are done once for all the
    versions that hold it, and only what depends on the whole text is done per version.

    Args:
        items: each version's text and paragraphs.

    Returns:
        One tuple of quotes per version, in the order given.
    """
    memo: ScanMemo = {}
    out: list[tuple[Quote, ...]] = []
    with _collector_paused():
        for text, paragraphs in items:
            article = [(p.start, p.end) for p in paragraphs if _is_article(p.role)]
            if not article:
                out.append(())
                continue
            out.append(_Extractor(text, article, ParagraphScans(text, article, memo)).run())
    return tuple(out)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, if it is running.

    Extraction allocates some 10^5 small objects (name mentions, quoted passages) that
    hold no reference cycles, so the collector finds nothing to free; but its passes over
    them, triggered by the allocations, cost a tenth of the time on a long text. Reference
    counting still frees everything; the collector resumes at the end, even on an error.

    Only on the main thread: the switch is process-wide, and pausing it from a worker
    would leave the window's own thread piling up objects uncollected, to be traversed
    all at once later, in one long stall while the reader scrolls.
    """
    if not gc.isenabled() or threading.current_thread() is not threading.main_thread():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _is_article(role: object) -> bool:
    if isinstance(role, Role):
        return role.is_article
    return str(role) in ("body", "heading")


class _Extractor:
    """One pass over one text; holds what earlier quotes established."""

    def __init__(self, text: str, article: list[tuple[int, int]], scans: ParagraphScans) -> None:
        self.text = text
        self.article = article
        self.scans = scans
        self.names = NameRegistry(text, article, scans)
        self._para_starts = [s for s, _ in article]
        self.spans: list[list[MarkedSpan]] = [scans.marks(pi) for pi in range(len(article))]
        self._span_starts: list[list[int]] = [[q.start for q in spans] for spans in self.spans]
        # sentence ends, found when a paragraph is first read (most never are)
        self._ends: list[list[int] | None] = [None] * len(article)
        # (position, name, kind, gender) of every attributed speaker so far
        self.history: list[tuple[int, str, str]] = []
        self._history_pos: list[int] = []
        self._first_spoken: dict[str, int] = {}

    def ends(self, pi: int) -> list[int]:
        """Offsets just after each sentence end in paragraph ``pi`` (``sentence_ends``)."""
        found = self._ends[pi]
        if found is None:
            found = self._ends[pi] = self.scans.ends(pi, self.spans[pi])
        return found

    # ----------------------------------------------------------------- direct quotes
    def run(self) -> tuple[Quote, ...]:
        units = self._units()
        events: list[tuple[int, int, object]] = []
        for unit in units:
            self._attribute(unit)
        units = [
            u
            for u in units
            if len(u.pieces) > 1
            or not (
                (self._title(u.pieces[0]) and not self._speech_end(u.pieces[0]))
                or not u.attributed
                and self._scare(u.pieces[0])
            )
        ]
        indirect = self._indirect(units)
        for unit in units:
            pos = unit.mention[0] if unit.mention else unit.pieces[0].start
            events.append((pos, 0, unit))
        for ind in indirect:
            events.append((ind[2][0] if ind[2] else ind[0], 1, ind))
        events.sort(key=lambda e: (e[0], e[1]))
        out: list[Quote] = []
        last_speaker: str | None = None
        last_mention: tuple[int, int] | None = None
        last_speaker_para = -10
        for _, kind, item in events:
            if kind == 0:
                assert isinstance(item, _Unit)
                para = item.pieces[0].paragraph
                if item.mention is not None:
                    name = self._resolve(item.mention, item.pieces[0].start)
                    item.speaker = name
                elif last_speaker is not None and para - last_speaker_para <= 3:
                    # the same speaker goes on: the quote is attributed from the same mention
                    item.speaker, item.mention = last_speaker, last_mention
                if item.speaker is not None:
                    last_speaker, last_speaker_para = item.speaker, item.pieces[-1].paragraph
                    last_mention = item.mention
                for i, piece in enumerate(item.pieces):
                    out.append(
                        Quote(
                            piece.start,
                            piece.end,
                            self.text[piece.start : piece.end],
                            QuoteKind.DIRECT,
                            item.speaker,
                            item.mention[0] if item.mention else None,
                            item.mention[1] if item.mention else None,
                            i > 0,
                        )
                    )
            else:
                assert isinstance(item, tuple)
                start, end, mention = item
                name = self._resolve(mention, start)
                out.append(
                    Quote(
                        start,
                        end,
                        self.text[start:end],
                        QuoteKind.INDIRECT,
                        name,
                        mention[0],
                        mention[1],
                    )
                )
                if name is not None:
                    last_speaker, last_mention = name, mention
                    last_speaker_para = self._para_of(start)
        out.sort(key=lambda q: (q.start, q.end))
        return tuple(out)

    def _para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def _units(self) -> list[_Unit]:
        units: list[_Unit] = []
        prev: MarkedSpan | None = None
        text = self.text
        for pi, spans in enumerate(self.spans):
            pstart = self.article[pi][0]
            for si, span in enumerate(spans):
                if _LETTER_OR_DIGIT.search(text, span.start, span.end) is None:
                    continue  # '""', '"?"', '"$"': marks around no words quote nobody
                cont = False
                if prev is not None and units:
                    if (
                        si == 0
                        and not prev.closed
                        and prev.paragraph == pi - 1
                        and span.start == pstart
                    ):
                        cont = True  # a quote running on into the next paragraph
                    elif si > 0 and prev.paragraph == pi and self._interrupted(prev, span):
                        cont = True
                if cont:
                    units[-1].pieces.append(span)
                else:
                    units.append(_Unit([span]))
                prev = span
        return units

    def _interrupted(self, first: MarkedSpan, second: MarkedSpan) -> bool:
        """Whether ``second`` resumes ``first`` after an attribution ("…," he said, "…")."""
        tail = self.text[max(first.start, first.end - 3) : first.end]
        if any(ch in tail for ch in ".!?") and not tail.rstrip(ALL_DOUBLE + "\u2019'").endswith(
            "..."
        ):
            return False
        gap = self.text[first.end : second.start]
        if len(gap) > 150 or any(ch in gap for ch in ".!?;"):
            return False
        stripped = gap.strip()
        if not stripped:
            return True
        return (
            stripped[-1] in ",:\u2014" and bool(_VERB.search(gap)) and len(stripped.split()) <= 14
        )

    def _speech_end(self, piece: MarkedSpan) -> bool:
        """Whether a passage ends the way speech does before "he said": ``,”`` ``?”`` ``!”``."""
        tail = self.text[max(piece.start, piece.end - 3) : piece.end]
        return any(ch in tail for ch in ",?!")

    def _title(self, piece: MarkedSpan, most: int = 8) -> bool:
        """Whether a passage is a title in quote marks: "The Nightly Show", "Tough Choices."."""
        text = self.text
        inner = text[piece.start + 1 : piece.end - 1 if piece.closed else piece.end]
        words = inner.split()
        if not words or len(words) > most:
            return False
        ps = self.article[piece.paragraph][0]
        k = _last_nonspace(text, ps, piece.start)
        if k < 0 or text[k] == ":":
            return False  # a quote that opens its paragraph or follows "X said:"
        significant = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
        if not significant or not all(w[:1].isupper() for w in significant):
            return False
        return len(significant) >= 2 or not any(ch in inner[-2:] for ch in ".!?")

    def _scare(self, piece: MarkedSpan) -> bool:
        """Whether an unattributed passage is scare quotes or a title rather than a quote."""
        text = self.text
        inner = text[piece.start + 1 : piece.end - 1 if piece.closed else piece.end]
        words = inner.split()
        if not words:
            return True
        ps = self.article[piece.paragraph][0]
        leads = _last_nonspace(text, ps, piece.start) < 0
        if self._title(piece, 12):
            return True
        if leads and len(words) >= 3:
            return False
        s0, s1 = self._sentence_bounds(piece.start, piece.end, piece.paragraph)
        # the speech word, if any, stands near the quote: a run-on "sentence" is cut
        s0, s1 = max(s0, piece.start - _CUE_REACH), min(s1, piece.end + _CUE_REACH)
        sentence = text[s0 : piece.start] + " " + text[piece.end : s1]
        if _has_cue(sentence):
            return False
        return len(words) <= _SCARE_MAX_WORDS

    def _sentence_bounds(self, span_start: int, span_end: int, para: int) -> tuple[int, int]:
        ends = self.ends(para)
        ps, pe = self.article[para]
        i = bisect.bisect_right(ends, span_start)
        start = ends[i - 1] if i > 0 else ps
        j = bisect.bisect_left(ends, span_end)
        end = ends[j] if j < len(ends) else pe
        return start, end

    def _attribute(self, unit: _Unit) -> None:
        first, last = unit.pieces[0], unit.pieces[-1]
        text = self.text
        # after a piece: "…," he said / said X / X, a …, said
        for piece in [first, *[p for p in unit.pieces[1:] if p.closed]] if first.closed else []:
            if not piece.closed:
                continue
            found = self._after(piece)
            if found is not None:
                unit.mention = found
                unit.attributed = True
                return
        if last is not first and last.closed:
            found = self._after(last)
            if found is not None:
                unit.mention, unit.attributed = found, True
                return
        # before the first piece, in its sentence
        found = self._before(first)
        if found is not None:
            unit.mention, unit.attributed = found, True
            return
        pi = first.paragraph
        ps = self.article[pi][0]
        if pi > 0 and _last_nonspace(text, ps, first.start) < 0:
            # "X described it this way:" closing the paragraph before
            prev_start, prev_end = self.article[pi - 1]
            if text[prev_end - 1 : prev_end] == ":" and not self.spans[pi - 1]:
                found = self._before(MarkedSpan(prev_end, prev_end, True, pi - 1))
                if found is not None:
                    unit.mention, unit.attributed = found, True
                    return
        if last.paragraph + 1 < len(self.article):
            # a signature line after the quote: "- Michelle Marks, Philadelphia."
            ns, ne = self.article[last.paragraph + 1]
            blank_tail = _NONSPACE.search(text, last.end, self.article[last.paragraph][1]) is None
            sig = _SIGNATURE.match(text, ns, ne) if blank_tail else None
            if sig is not None:
                unit.mention = self._np_span(sig.start("who"), sig.end("who"), forward=True)
                unit.attributed = unit.mention is not None

    def _after(self, piece: MarkedSpan) -> tuple[int, int] | None:
        text = self.text
        ends = self.ends(piece.paragraph)
        i = bisect.bisect_right(ends, piece.end)
        s_end = ends[i] if i < len(ends) else self.article[piece.paragraph][1]
        end = min(s_end, piece.end + 300)
        starts = self._span_starts[piece.paragraph]
        k = bisect.bisect_left(starts, piece.end)
        if k < len(starts):
            end = min(end, starts[k])  # the next quoted passage
        post = text[piece.end : end]
        inner = text[max(piece.start, piece.end - 3) : piece.end]
        # after “….” a new sentence starts: only "X said." right after it is an attribution
        ended = any(ch in inner for ch in ".!?") and _starts_upper(post)
        m = _LEAD_PUNCT.match(post)
        assert m is not None
        off = piece.end + m.end()
        rest = text[off:end]
        if not rest:
            return None
        if ended:
            sm = _SHORT_POST.match(rest)
            if sm is not None:
                return self._np_span(off + sm.start("who"), off + sm.end("who"), forward=False)
            nm = _NAME_SPEAKS_POST.match(rest)
            if nm is not None:
                # “Why …?” Lichtman said about McCain's effort to …
                return self._np_span(off + nm.start("who"), off + nm.end("who"), forward=False)
            # “…?” Miller, a retired worker, said pleasantly.
            am = _APPOSITIVE_POST.match(rest)
            if am is None:
                return None
            return self._np_span(off + am.start("who"), off + am.end("who"), forward=False)
        # (the patterns below need these words: a substring test rules most passages out)
        qa = _QUOTED_AS.search(rest) if "quoted" in rest else None
        if qa and qa.start() < 80:
            return self._np_span(off + qa.start("who"), off + qa.end("who"), forward=True)
        vm = _VERB.search(rest)
        im = _INVERTED_POST.match(rest)
        if im is not None and (vm is None or vm.start() > 0):
            # “This is fantastic!” beamed Donald Hartley
            return self._np_span(off + im.start("who"), off + im.end("who"), forward=True)
        if vm is None or vm.start() > 120:
            gm = _GENERIC_POST.match(rest)
            if gm is None:
                return None
            return self._np_span(off + gm.start("who"), off + gm.end("who"), forward=False)
        verb = vm.group()
        if vm.start() == 0 and verb.endswith("ing") and verb != "according to":
            return None  # "…,” saying calling the Islamic State …: the speaker came before
        if vm.start() == 0 or verb == "according to":
            # verb first: said X, according to X
            a = off + vm.end()
            return self._np_after(a, end)
        if rest[: vm.start()].rstrip().endswith(",") and verb not in _LISTENER_VERBS:
            found = self._np_after(off + vm.end(), end)  # "…” about X, said Y"
            if found is not None and text[found[0] : found[0] + 1].isupper():
                return found
        return self._subject_before(off, off + vm.start())

    def _before(self, piece: MarkedSpan) -> tuple[int, int] | None:
        text = self.text
        s_start, _ = self._sentence_bounds(piece.start, piece.end, piece.paragraph)
        start = max(s_start, piece.start - 400)
        k = bisect.bisect_left(self._span_starts[piece.paragraph], piece.start)
        if k > 0:
            # the passages are in order and do not overlap: the one before ends last
            previous = self.spans[piece.paragraph][k - 1]
            if start < previous.end <= piece.start:
                start = previous.end
        pre = text[start : piece.start]
        # (the two patterns need "quoted" and a closing colon: cheap tests rule most out)
        quoted_as = list(_QUOTED_AS.finditer(pre)) if "quoted" in pre else []
        if quoted_as:
            qa = quoted_as[-1]
            return self._np_span(start + qa.start("who"), start + qa.end("who"), forward=True)
        colon = _COLON_INTRO.search(pre) if pre.rstrip().endswith(":") else None
        if colon is not None:
            return self._np_span(
                start + colon.start("who"), start + colon.end("who"), forward=False
            )
        verbs = list(_VERB.finditer(pre))
        if not verbs:
            if pre.rstrip().endswith(":"):
                # "When …, X fired back: “…”": the subject of the clause before the colon
                comma = pre.rfind(", ")
                clause = start + comma + 2 if comma >= 0 else s_start
                found = self._sentence_subject(clause, piece.start, intro=comma < 0)
                if found is None and comma >= 0:
                    found = self._sentence_subject(s_start, piece.start)
                return found
            return None
        vm = verbs[-1]
        verb = vm.group()
        if verb == "according to":
            return self._np_after(start + vm.end(), piece.start)
        if verb.endswith("ing"):
            # "…, X said, adding, “…”": the verb before it, or the sentence's subject
            for earlier in reversed(verbs[:-1]):
                if not earlier.group().endswith("ing"):
                    found = self._subject_before(start, start + earlier.start())
                    if found is not None:
                        return found
            # "… Carson privately saying “…”": a name right before the verb
            found = self._subject_before(start, start + vm.start())
            if (
                found is not None
                and text[found[0]].isupper()
                and _ADJACENT.fullmatch(text, found[1], start + vm.start())
            ):
                return found
            return self._sentence_subject(s_start, start + vm.start())
        if _COORDINATION.search(pre, 0, vm.start()):
            # "he supported Obama and said", "Trump called on her to resign and said",
            # "X said … but added": the subject of the first verb
            found = self._subject_before(start, start + vm.start())
            if found is not None and self._names_someone(found):
                return found
            for earlier in reversed(verbs[:-1]):
                found = self._subject_before(start, start + earlier.start())
                if found is not None:
                    return found
            found = self._sentence_subject(s_start, start + vm.start())
            if found is not None and self._names_someone(found):
                return found
        found = self._subject_before(start, start + vm.start())
        if found is None and start == s_start:
            found = self._sentence_subject(s_start, start + vm.start())
        if found is None:
            # said X: "…"
            tail = pre[vm.end() :]
            if _SAID_NAME_COLON.fullmatch(tail):
                return self._np_after(start + vm.end(), piece.start)
        return found

    def _names_someone(self, span: tuple[int, int]) -> bool:
        """Whether a phrase is a pronoun or a name ("he", "Trump"), not "her post"."""
        phrase = self.text[span[0] : span[1]]
        return phrase.lower() in _PRONOUNS or (
            phrase[:1].isupper() and not is_function_word(phrase.split()[0])
        )

    # ----------------------------------------------------------------- noun phrases
    def _np_after(self, start: int, end: int) -> tuple[int, int] | None:
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
            if index == 0 and lw in _NP_STOP and lw not in _PRONOUNS and lw not in _DETERMINERS:
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

    def _subject_before(self, clause_start: int, verb_start: int) -> tuple[int, int] | None:
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
                if _looks_like_name(chunk) or chunk.lower() in _PRONOUNS:
                    return self._chunk(clause_start, seg, ps, pe)
                if not _is_description(chunk):
                    return None
            return None
        return self._np_tail(clause_start + last_s, clause_start + last_s + len(last.rstrip()))

    def _chunk(self, clause_start: int, seg: str, ps: int, pe: int) -> tuple[int, int] | None:
        raw = seg[ps:pe]
        lead = len(raw) - len(raw.lstrip())
        chunk = raw.strip()
        a = clause_start + ps + lead
        return self._np_span(a, a + len(chunk), forward=False)

    def _sentence_subject(
        self, s_start: int, limit: int, intro: bool = True
    ) -> tuple[int, int] | None:
        """The subject at the start of a sentence (after a leading "In a statement,")."""
        text = self.text
        seg = text[s_start:limit]
        if not intro:
            seg = seg.lstrip()
            s_start = limit - len(seg)
        m = _INTRO.match(seg)
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

    def _np_tail(self, start: int, end: int) -> tuple[int, int] | None:
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
            if lw in _PRONOUNS:
                if i == len(words) - 1:
                    first = i
                elif lw in ("he", "she", "they") and all(
                    x.group().isalpha() and x.group().islower() for x in words[i + 1 :]
                ):
                    # "she laughed and said": the words after the pronoun were its verbs
                    return words[i].start(), words[i].end()
                break
            if lw in _DETERMINERS:
                first = i
                whole = self._name_ending_at(words, i)
                if whole is not None:
                    return self._np_span(whole, words[-1].end(), forward=False)
                break
            if (
                lw in ("of", "for")
                and i > 0
                and words[i - 1].group().lower() in _ROLE_NOUNS | TITLE_WORDS
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
            or lw.split()[0] in _DETERMINERS
            or lw in _PRONOUNS
            or len(phrase.split()) <= 3
            or _ENDS_IN_NAME.search(phrase)  # "campaign manager Robby Mook"
        ):
            return None
        return self._np_span(a, b, forward=False)

    def _name_ending_at(self, words: list[re.Match[str]], i: int) -> int | None:
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

    def _np_span(self, start: int, end: int, forward: bool) -> tuple[int, int] | None:
        """Trim a phrase to its core: the name without its title, or the description."""
        text = self.text
        phrase = text[start:end]
        if not phrase.strip():
            return None
        lead = len(phrase) - len(phrase.lstrip())
        start += lead
        phrase = phrase.strip()
        end = start + len(phrase)
        if phrase.lower() in _PRONOUNS:
            return start, end
        # the name is the last capitalised run in the phrase (after possessive and titles)
        runs = list(_NAME_RUN.finditer(phrase))
        if runs:
            run = runs[0] if forward else runs[-1]
            parts = name_parts(run.group())
            name, _, off = parts if parts is not None else split_name(run.group())
            if name:
                a = start + run.start() + off
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

    # ----------------------------------------------------------------- resolution
    def _resolve(self, mention: tuple[int, int], pos: int) -> str | None:
        text = self.text
        phrase = text[mention[0] : mention[1]]
        if _is_dateline(text, mention, phrase):
            return None  # "WASHINGTON, Dec. 8 —" opens the story; it says nothing
        if _PARTY_STATE.fullmatch(phrase.rstrip(".")):
            before = _NAME_BEFORE_COMMA.search(text, max(0, mention[0] - 80), mention[0])
            if before is None:
                return None
            bare, _titles, offset = split_name(before.group(1))
            if not bare:
                return None
            return self._resolve((before.start(1) + offset, before.end(1)), pos)
        low = phrase.lower()
        if low in _PRONOUNS:
            name = self._resolve_pronoun(low, mention[0])
            if name is not None and _PRONOUNS[low] in ("m", "f"):
                self._remember(mention[0], name, "pronoun")
            return name
        if " " not in phrase and is_function_word(phrase):
            return None  # "But", "Yet": no one
        if phrase[:1].isupper() and low.split()[0] not in _DETERMINERS:
            name = self.names.canonical(phrase)
            ent = self.names.entity(name)
            if ent is None or ent.kind != "person" or " " not in name:
                whole = _whole_org_name(text, mention)
                if whole is not None:
                    self._remember(mention[0], whole, "org")
                    return whole
            kind = "person" if self._is_person(name) else "org" if self._is_org(name) else "unknown"
            self._remember(mention[0], name, kind)
            return name
        words = low.split()
        head = words[-1].strip(".,") if words else ""
        if head in _ORG_HEADS:
            org = self.names.last_org_before(
                mention[0], None if head in _GENERIC_ORG_HEADS else head
            )
            if org is None and head not in _GENERIC_ORG_HEADS:
                org = None
            if org is not None and self._para_of(org.start) >= self._para_of(mention[0]) - 6:
                name = self.names.canonical(org.name)
                self._remember(mention[0], name, "org")
                return name
        elif words and words[0] == "the" and (head in TITLE_WORDS or head in _ROLE_NOUNS):
            person = self.names.last_titled_before(mention[0], head)
            if person is not None:
                name = self.names.canonical(person.name)
                self._remember(mention[0], name, "person")
                return name
        if words and words[0] == "the" and head in _ANAPHORIC_NOUNS and len(words) <= 5:
            # "the businessman replied": the person the text is about
            found = self._referent(_NOUN_GENDER.get(head, "any"), mention[0])
            ent = self.names.entity(found) if found is not None else None
            if (
                found is not None
                and ent is not None
                and (head in ent.titles or self._speaker_before(found, mention[0]))
            ):
                # only someone described or quoted before: "the candidate" is not whoever
                # the last sentence happened to name
                self._remember(mention[0], found, "person")
                return found
        rest = phrase.split(None, 1)[1] if len(words) > 1 else ""
        clause = bool(words) and words[0] == "that" and rest[:1].islower()
        if clause and _plausible_description(words[1:]):
            # "… that government officials said": the clause's subject spoke
            phrase, words = rest, words[1:]
        elif not _plausible_description(words):
            return None  # "refusing", "sanctions for", "that the damage": no one
        kind = "group" if head.endswith("s") else "desc"
        self._remember(mention[0], phrase, kind)
        return phrase

    def _speaker_before(self, name: str, pos: int) -> bool:
        """Whether ``name`` was attributed a quote before ``pos``."""
        return self._first_spoken.get(name, pos) < pos

    def _remember(self, pos: int, name: str, kind: str) -> None:
        """Note a speaker attributed at ``pos`` (kept in text order for look-ups)."""
        i = bisect.bisect_right(self._history_pos, pos)
        if pos < self._first_spoken.get(name, pos + 1):
            self._first_spoken[name] = pos
        self._history_pos.insert(i, pos)
        self.history.insert(i, (pos, name, kind))

    def _resolve_pronoun(self, pronoun: str, pos: int) -> str | None:
        want = _PRONOUNS[pronoun]
        if want in ("1", "w"):
            return None
        if want in ("m", "f"):
            found = self._referent(want, pos)
            if found is not None:
                return found
        speaker = self._last_speaker(want, pos)
        if speaker is not None:
            return speaker[1]
        # nobody quoted yet: the most recent person named before
        for m in reversed(self.names.mentions_between(max(0, pos - 3000), pos)):
            if want in ("m", "f") and self._is_person(m.name):
                g = self._gender(m.name)
                if g is None or g == want:
                    return self.names.canonical(m.name)
            elif want in ("o", "p") and m.kind == "org":
                return self.names.canonical(m.name)
        return None

    def _gender(self, name: str) -> str | None:
        ent = self.names.entity(name)
        return ent.gender if ent else None

    def _last_speaker(self, want: str, pos: int) -> tuple[int, str] | None:
        # the walk back stops after _LAST_SPEAKER_REACH speakers: a text of thousands of
        # "he said" and no man quoted walked back through all of them for each one
        start = bisect.bisect_left(self._history_pos, pos) - 1
        for i in range(start, max(-1, start - _LAST_SPEAKER_REACH), -1):
            hpos, name, kind = self.history[i]
            if kind == "pronoun":
                kind = "person"
            if want in ("m", "f"):
                if kind == "desc":
                    head = name.lower().split()[-1]
                    if head in _PERSON_NOUNS:
                        return hpos, name
                    continue
                if kind != "person" and not (kind == "unknown" and self._is_person(name)):
                    continue
                g = self._gender(name)
                if g is not None and g != want:
                    continue
                return hpos, name
            if want == "o" and kind in ("org", "desc"):
                return hpos, name
            if want == "p" and kind in ("org", "group"):
                return hpos, name
        return None

    def _referent(self, want: str, pos: int) -> str | None:
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
                    and not _INTRO.match(text, s0, s1)
                ):
                    # "China may outnumber …, but …, he says.": what comes before the
                    # pronoun is what it says, not who it is
                    continue
                verdict = self._sentence_referent(want, pi, s0, s1)
                if verdict is _SKIP:
                    continue
                if verdict is not None:
                    return verdict
        return None

    def _sentence_referent(self, want: str, pi: int, s0: int, s1: int) -> str | None:
        """The compatible person a sentence is about, ``_SKIP`` to pass over it, or None."""
        text = self.text
        intro = _INTRO.match(text, s0, s1)
        head = intro.end() if intro else s0
        participle = intro is not None and bool(_PARTICIPLE.match(text, s0, s1))
        while head < s1 and text[head] in ' \u201c"':
            head += 1
        h0 = bisect.bisect_left(self._history_pos, s0)
        h1 = bisect.bisect_left(self._history_pos, s1)
        spoken = self.history[h0:h1]
        pm = _PRONOUN_SUBJECT.match(text, head, s1)
        if pm is None or _PRONOUNS[pm.group().lower()] != want:
            # "…, he noted, so …": a pronoun that speaks inside the sentence
            pm = next(
                (
                    x
                    for x in _PRONOUN_SPEAKS.finditer(text, s0, s1)
                    if _PRONOUNS[x.group(1).lower()] == want and not self._quoted(pi, x.start())
                ),
                None,
            )
        if pm is not None and _PRONOUNS[pm.group(1).lower()] == want and want != "any":
            for hpos, name, kind in spoken:
                if hpos == pm.start() and kind == "pronoun":
                    return name  # "“…,” he said": the chain's referent is known
            return _SKIP  # "He did not elaborate.": the chain goes on further back
        for _hpos, name, kind in reversed(spoken):
            if self._compatible_speaker(want, name, kind):
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
            if g is not None and g != want and want != "any":
                continue
            # rank: a name with a speech verb ("Sanders said"), the name the main clause
            # opens with, one with another verb ("Trump asserted"), the main clause's
            # first person, any other
            vm = _VERB_AFTER_NAME.match(text, m.end, min(s1, m.end + 140))
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
            candidates.append((rank, m.start, self.names.canonical(m.name)))
        if not candidates:
            return None
        return min(candidates)[2]

    def _quoted(self, pi: int, pos: int) -> bool:
        """Whether ``pos`` lies inside a quoted passage of paragraph ``pi``."""
        q = bisect.bisect_right(self._span_starts[pi], pos) - 1
        return q >= 0 and self.spans[pi][q].end > pos

    def _known_person(self, name: str) -> bool:
        """Whether the article shows ``name`` is a person: a title, a gender, a quote."""
        ent = self.names.entity(name)
        if ent is None:
            return False
        return bool(ent.titles) or ent.male + ent.female > 0 or self.names.speaks(ent.name)

    def _compatible_speaker(self, want: str, name: str, kind: str) -> bool:
        if kind == "desc":
            return name.lower().split()[-1] in _PERSON_NOUNS
        if kind == "unknown":
            # a speaker is someone: a person unless the article says it is a group or place
            ent = self.names.entity(name)
            if ent is not None and ent.kind in ("org", "place"):
                return False
        elif kind not in ("person", "pronoun"):
            return False
        g = self._gender(name)
        return g is None or g == want or want == "any"

    def _is_org(self, name: str) -> bool:
        ent = self.names.entity(name)
        return ent is not None and ent.kind == "org"

    def _is_person(self, name: str) -> bool:
        ent = self.names.entity(name)
        if ent is None or ent.kind in ("org", "place"):
            return False
        if ent.kind == "person":
            return True
        # one capitalised word: a person only if the article also writes it mid-sentence
        # and a pronoun goes with it, or if it says something
        if (self.names.speaks(name) or self.names.speaks(ent.name)) and not ent.name.isupper():
            return True
        return ent.male + ent.female > 0 and self.names.named_mid_sentence(ent.name)

    # ----------------------------------------------------------------- indirect quotes
    def _indirect(self, units: list[_Unit]) -> list[tuple[int, int, tuple[int, int]]]:
        """Reported speech: ``X said (that) …``, ``according to X, …``, ``…, X said.``."""
        text = self.text
        direct = sorted((p.start, p.end) for u in units for p in u.pieces)
        direct_starts = [a for a, _ in direct]
        out: list[tuple[int, int, tuple[int, int]]] = []
        for pi, (ps, pe) in enumerate(self.article):
            # one pass per paragraph finds the reporting verbs; only their sentences are read
            hits = self.scans.reporting(pi)
            if not hits:
                continue
            bounds = [ps, *self.ends(pi), pe]
            for k in range(len(bounds) - 1):
                s0, s1 = bounds[k], bounds[k + 1]
                h = bisect.bisect_left(hits, s0)
                if h == len(hits) or hits[h] >= s1:
                    continue  # no reporting verb in this sentence
                while s0 < s1 and text[s0].isspace():
                    s0 += 1
                if s1 - s0 < 12:
                    continue
                found = self._indirect_in(s0, s1)
                if found is None:
                    continue
                a, b, mention = found
                i = bisect.bisect_left(direct_starts, b)
                if i > 0 and direct[i - 1][1] > a:
                    continue  # holds a direct quote: that one carries it
                out.append(found)
        return out

    def _indirect_in(self, s0: int, s1: int) -> tuple[int, int, tuple[int, int]] | None:
        text = self.text
        if _DOUBLE_MARK.search(text, s0, s1):
            return None
        body_end = s1
        while body_end > s0 and text[body_end - 1] in " .!?\u2019'":
            body_end -= 1
        # "…, X said." / "…, according to X."
        tail = _TAIL_ATTRIBUTION.search(text, s0, s1)
        if tail is not None and tail.start() - s0 > 15:
            if tail.group("acc"):
                mention = self._np_after(tail.start("acc"), body_end)
            elif tail.group("verb"):
                mention = self._np_after(tail.end("verb"), body_end)
            else:
                mention = self._subject_before(tail.start() + 1, tail.start("verb2"))
            if mention is not None and self._good_subject(mention, strict=False):
                return s0, tail.start(), mention
        # "According to X, …"
        acc = _ACCORDING_LEAD.match(text, s0, s1)
        if acc is not None:
            mention = self._np_after(acc.end(), acc.end() + 80)
            comma = text.find(",", acc.end(), s1)
            if mention is not None and comma > 0:
                return comma + 1 + (text[comma + 1] == " "), body_end, mention
        vm = _INDIRECT_VERB.search(text, s0, s1)
        if vm is None or vm.start() - s0 > 200:
            return None
        mention = self._subject_before(s0, vm.start())
        if mention is None or not self._good_subject(mention):
            return None
        pos = vm.end()
        if vm.group() in ("told", "tells"):
            obj = _TOLD_WHOM.match(text, pos, s1)
            if obj is not None:
                pos = obj.end() - 1
        rest = _THAT_CLAUSE.match(text, pos, s1)
        assert rest is not None
        start = rest.end()
        opening = text[start : start + 1]
        if len(text[start:body_end].split()) < 3:
            return None
        if not opening.isalpha() and not (
            # what was said may open with a figure ("said 40 homes had been destroyed") when
            # it goes on as a clause, not as the verb's object ("reported $2bn in revenue")
            (opening.isdigit() or opening in "$\u00a3\u20ac")
            and _CLAUSE_VERB.search(text, start, body_end)
        ):
            return None
        return start, body_end, mention

    def _good_subject(self, mention: tuple[int, int], strict: bool = True) -> bool:
        """Whether a reported-speech subject is someone: a name, a pronoun, "the group"."""
        phrase = self.text[mention[0] : mention[1]]
        low = phrase.lower()
        words = low.split()
        if not words or len(words) > 8 or low in ("it", "i", "we", "you", "who"):
            return False
        if low in _PRONOUNS:
            return True
        if not strict and (words[0] in _DETERMINERS or phrase[:1].isupper()):
            return True
        if phrase[:1].isupper() and not is_function_word(phrase.split()[0]):
            return True
        # a description of people: "local officials", "rescue workers said"
        head = words[-1].strip(".,")
        singular = head[:-1] if head.endswith("s") else head
        return (
            head in _PERSON_NOUNS
            or singular in _PERSON_NOUNS
            or head in _ORG_HEADS
            or singular in _ORG_HEADS
        )


_NONSPACE = re.compile(r"\S")


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
        return plural or head in _PERSON_NOUNS or head in TITLE_WORDS
    if words[0] in _DESCRIPTION_OPENERS:
        return True
    if head.endswith("ing") or (len(words) == 2 and words[0].endswith(("ing", "ed"))):
        return False  # "president -- having", "funneling money"
    return not (words[0].endswith("ed") and head.endswith("ed"))  # "decried … repeated"


def _last_nonspace(text: str, floor: int, pos: int) -> int:
    """The offset of the last non-space character in ``text[floor:pos]``, or -1."""
    k = pos - 1
    while k >= floor and text[k].isspace():
        k -= 1
    return k if k >= floor else -1


def _split_commas(seg: str) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    pos = 0
    for m in _COMMA.finditer(seg):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(seg)))
    return parts


def _looks_like_name(chunk: str) -> bool:
    words = chunk.split()
    if not words or len(words) > 7 or is_function_word(words[0]):
        return False
    if words[0].lower() in _DETERMINERS or words[0].lower() in (
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


def _starts_upper(post: str) -> bool:
    stripped = post.lstrip()
    return not stripped or stripped[0].isupper()


def _is_description(chunk: str) -> bool:
    """Whether an appositive is a description ("director of X", "Sanders' campaign manager")."""
    words = chunk.split()
    if not words:
        return False
    if words[0].lower() in _DETERMINERS or words[0][:1].islower():
        return True
    if len(words) == 1 and words[0].isdigit():
        return True  # an age: "Ki Hong, 33, said"
    return any(w[:1].islower() and w not in _SMALL_WORDS for w in words)


def _has_verb(chunk: str) -> bool:
    return bool(_FINITE_VERB.search(chunk))


_TIME_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last"
)


def _is_time_word(word: str) -> bool:
    return word.lower() in _TIME_WORDS
