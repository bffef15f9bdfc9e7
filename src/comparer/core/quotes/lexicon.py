"""The quote finder's words: speech verbs, reporting words, pronouns, role and group nouns.

Every speech-verb list the quote finder reads is here, with the attribution patterns built
from them (``TAIL_ATTRIBUTION``, ``NAME_SPEAKS_POST``, ``VERB_AFTER_NAME``, …), so a verb
is added in one module. The lists differ on purpose: a pattern that reads a name *after*
the verb takes fewer verbs than one that only needs a verb to follow a quote.

Word lists become regular expressions that reject a non-matching word at its first
letter. Quote extraction looks for a few hundred speech words ("said", "tweeted", "according to")
in every sentence. Written as a plain alternation (``said|says|…``), Python's ``re`` tries
each word in turn at every word start; the same words written as a trie (``sa(?:id|ys)``)
are rejected after one or two letters, several times faster on long texts.

Hand-written: the standard library has no trie builder for ``re``, and the third-party
ones are a dependency for some thirty lines; the tests check the result against the plain
alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from comparer.core.names.lexicon import TITLE_WORDS, word_set
from comparer.core.names.parsing import capitalised_words

GAP = r"\W+"
"""Stands between the two words of a pair ("pointed out") that may be apart by any
non-word characters."""

# A trie node: edge (one escaped character or GAP) -> child; the keys below mark ends.
_Node = dict[str, "_Node"]
_WORD_END = ""  # a whole word ends here (a word boundary must follow)
_PREFIX_END = "\x00"  # a prefix ends here: anything may follow


def _atoms(word: str) -> list[str]:
    return [re.escape(ch) for ch in word]


def word_trie(
    words: Iterable[str],
    prefixes: Iterable[str] = (),
    pairs: Iterable[tuple[str, str]] = (),
) -> str:
    r"""A pattern that matches where ``(?:w1|w2|…)\b|p1|p2|…`` would, as a trie.

    Args:
        words: whole words (a word boundary must follow); may hold spaces ("went on").
        prefixes: starts of words ("describ"), which match whatever follows them.
        pairs: two words apart by any non-word characters (``first\W+second``), whole.

    Returns:
        A non-capturing group. Where one whole word is the start of another ("wrote",
        "wrote in"), the shorter one matches, as it would in an alternation listing it
        first; the callers' lists are written that way (``check_order`` says whether a
        list is).
    """
    root: _Node = {}

    def add(atoms: list[str], end: str) -> None:
        node = root
        for atom in atoms:
            if _PREFIX_END in node:
                return  # a shorter prefix already matches all that this one would
            node = node.setdefault(atom, {})
        if end == _PREFIX_END:
            node.clear()  # longer words under a prefix add nothing
        node[end] = {}

    for word in words:
        add(_atoms(word), _WORD_END)
    for prefix in prefixes:
        add(_atoms(prefix), _PREFIX_END)
    for first, second in pairs:
        add([*_atoms(first), GAP, *_atoms(second)], _WORD_END)

    def emit(node: _Node) -> str:
        if _PREFIX_END in node:
            return ""
        # the word boundary before the longer words: the shorter word is taken first
        alts = [r"\b"] if _WORD_END in node else []
        alts += [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        return "(?:" + "|".join(alts) + ")" if len(alts) > 1 else alts[0]

    return "(?:" + emit(root) + ")" if root else "(?!)"


def check_order(words: Iterable[str]) -> bool:
    """Whether no word of ``words`` is the start of an earlier one followed by a non-word.

    When this holds, an alternation of ``words`` in this order and ``word_trie(words)``
    pick the same word wherever one matches.
    """
    seen: list[str] = []
    for word in words:
        for earlier in seen:
            if (
                len(word) < len(earlier)
                and earlier.startswith(word)
                and not re.match(r"\w", earlier[len(word)])
            ):
                return False
        seen.append(word)
    return True


# the verbs of reported speech ("X said that …")
INDIRECT_WORDS = sorted(
    word_set(
        "said says say told tells added adds explained explains argued argues insisted insists "
        "claimed claims warned warns stated states noted notes acknowledged acknowledges admitted "
        "admits announced announces suggested suggests reported reports wrote writes confirmed "
        "confirms denied denies predicted predicts believes believed thinks thought contends "
        "contended maintains maintained stressed stresses emphasized emphasised asserted asserts "
        "promised promises vowed vows conceded concedes"
    ),
    key=lambda w: (-len(w), w),  # longer first: "says" is not read as "say"
)
# any word that can make a sentence reported speech (what the quote rules look for),
# found with the non-word character before it: ``re`` then skips from one such character
# to the next in C (a pattern that opens with a character class is scanned that way), and
# the look-ahead names the possible first letters
_REPORTING_WORD = word_trie([*INDIRECT_WORDS, "according to", "According to"])
_REPORTING = re.compile(
    r"\W(?=["
    + "".join(sorted({w[0] for w in INDIRECT_WORDS} | {"a", "A"}))
    + "])("
    + _REPORTING_WORD
    + ")"
)
_REPORTING_AT_START = re.compile(_REPORTING_WORD)


def reporting_words(text: str, start: int, end: int) -> list[int]:
    r"""Where the words that can make a sentence reported speech start in ``text[start:end]``.

    The same offsets as a scan for ``\b(?:said|…|[Aa]ccording to)\b``: a word
    starts where a non-word character or the text's start stands before it.
    """
    hits: list[int] = []
    if start == 0:
        first = _REPORTING_AT_START.match(text, 0, end)
        if first is not None:
            hits.append(0)
            start = first.end()
    # from the character before ``start``: it is what the first word's boundary looks at
    hits.extend(m.start(1) for m in _REPORTING.finditer(text, max(start - 1, 0), end))
    return hits


VERBS = (
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


_VERB_WORDS = [*VERBS.split("|"), "Said", "Says", "Added", "Asked", "Wrote"]


VERB = re.compile(r"(?<![\w-])" + word_trie(_VERB_WORDS))


INDIRECT_VERB = re.compile(r"\b" + word_trie(INDIRECT_WORDS))


QUOTED_AS = re.compile(
    r"\bquoted\s+(?P<who>.{1,80}?)\s+as\s+(?:saying|telling|writing|stating|adding)\b"
)


class Referent(StrEnum):
    """Whom a pronoun or a gendered noun can point back at."""

    MALE = "m"  # "he", "businessman": equal to ``Gender.MALE``
    FEMALE = "f"  # "she", "congresswoman": equal to ``Gender.FEMALE``
    PLURAL = "p"  # "they": a group or an organisation
    OBJECT = "o"  # "it": an organisation or a description
    FIRST_PERSON = "1"  # "I", "we": the speaker of the quote itself
    WHO = "w"  # "who": the name just before
    ANY = "any"  # a description of no gender ("the candidate")


class SpeakerKind(StrEnum):
    """What a remembered speaker was named by; the first four equal ``EntityKind``'s."""

    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    UNKNOWN = "unknown"
    PRONOUN = "pronoun"
    DESCRIPTION = "desc"  # "the senator"
    GROUP = "group"  # "the protesters"


PRONOUNS = {
    "he": Referent.MALE,
    "she": Referent.FEMALE,
    "they": Referent.PLURAL,
    "it": Referent.OBJECT,
    "i": Referent.FIRST_PERSON,
    "we": Referent.FIRST_PERSON,
    "who": Referent.WHO,
}


DETERMINERS = word_set(
    "the a an his her its their our this that another one some many several two three four"
)


ROLE_NOUNS = word_set(
    """spokesman spokeswoman spokesperson spokespeople director head chairman chairwoman member
    members president secretary leader chief official officials representative aide aides
    adviser advisers advisor staffer official spokesperson manager"""
)


ORG_HEADS = word_set(
    """group organisation organization movement network commission committee agency company
    party ministry department campaign council army government regime coalition alliance
    office administration union association institute firm observatory monitor outlet
    newspaper paper agency network station channel foundation center centre board service"""
)


PERSON_NOUNS = (
    ROLE_NOUNS
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


SMALL_WORDS = word_set("a an the of and or for to in on at by with from as vs is")


TAIL_ATTRIBUTION = re.compile(
    r",\s+(?:(?P<verb>said|says|added|explained|argued|insisted|claimed|noted|wrote)"
    r"(?:\s+[\w\u2019'.\-]+){1,6}?(?:,\s+[^,;]{2,80}?)?"
    r"|according\s+to\s+(?P<acc>[^,.]{2,80}?))[.!?\s]*$"
    r"|,\s+(?:[\w\u2019'.\-]+\s+){1,6}?(?P<verb2>said|says|added|explained|argued|insisted|claimed|noted|wrote)"
    r"(?:\s+(?:on|last|this|in|at)\s+\w+)?(?:\s+\w+day)?[.!?\s]*$"
)


LISTENER_VERBS = word_set("told tells tell telling asked asks")


APPOSITIVE_POST = re.compile(
    r"(?P<who>" + capitalised_words(3) + r"),\s[^,.;!?]{2,80},\s+"
    r"(?:also\s+|later\s+)?(?:said|says|added|adds|explained|noted|told|recalled)\b"
)


NAME_SPEAKS_POST = re.compile(
    r"(?P<who>" + capitalised_words(3) + r")\s+(?:also\s+|later\s+)?"
    r"(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|replied|recalled)\b"
)


INVERTED_POST = re.compile(
    r"(?:[a-z]{3,}ed)\s+(?P<who>" + capitalised_words(3) + r")"
    r"(?=[,.;!?]|\s*$|\s+of\s)"
)


GENERIC_POST = re.compile(
    r"(?P<who>he|she|they|" + capitalised_words(3) + r")\s+"
    r"(?:[a-z]+ed|[a-z]+s|shot back|wrote|spoke|said)\b(?![\w\u2019'])"
)


# participles and adverbs that open a sentence before its subject; a closed list, since a
# pattern such as "-ly" or "-ing" would also take names (Kelly, Manning) for openers
OPENER_PARTICIPLES = (
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


INTRO = re.compile(
    r"\s*(?:(?:In|At|On|During|After|Before|Absent|With|Without|Despite|"
    r"Since|When|While|As|Last|Earlier|Later|Then|But|And|Still|However|Meanwhile|Instead|Now|"
    r"Yet|Also|For|Unlike|Like|Under|Over|Throughout|Within|From|By|To|Because|Although|"
    r"Though|If|Once|Moments|Minutes|Hours|Days|Weeks|Months|Years|More|Most|Soon|Today|"
    r"Yesterday|Tonight|Overall|Again|Otherwise|Indeed|"
    + "|".join(OPENER_PARTICIPLES.split() + _OPENER_ADVERBS.split())
    + r")\b[^,.;]{0,120},\s*)"
)


VERB_AFTER_NAME = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:,\s[^,.;\u201c\"]{1,90},)?\s+(?:(?:also|later|then|again|quickly|has|had|have|was|is|"
    r"would|will|[a-z]+ly)\s+)?(?:(?P<speech>said|says|told|tells|added|adds|asked|asks|"
    r"wrote|writes|tweeted|tweets|explained|explains|argued|argues|insisted|insists|claimed|"
    r"claims|noted|notes|recalled|recalls|replied|replies|responded|responds|declared|"
    r"declares|stated|states|warned|warns|acknowledged|admitted|admits|announced|continued|"
    r"agreed|agrees)|[a-z]{2,}ed|is|was|"
    r"has|had|will|would|says|thinks|believes|wants|appeared|seemed)\b"
)


PRONOUN_SPEAKS = re.compile(
    r"\b(he|she|He|She)\s+(?:said|says|noted|notes|added|adds|explained|argued|told|wrote|"
    r"recalled|insisted|stressed|acknowledged|conceded)\b"
)


SHORT_POST = re.compile(
    r"(?P<who>he|she|they|" + capitalised_words(3) + r")\s+"
    r"(?:also\s+|later\s+|then\s+)?(?:"
    + VERBS
    + r"|[a-z]+ed)\b(?:\s+[\w\u2019'.\-]+){0,6}?\s*[.!?]?\s*$"
)


FINITE_VERB = re.compile(r"\b(?:is|was|are|were|has|had|have|will|would)\b")
