"""The words names are told by: titles, organisation words, given names, honorifics.

Word lists only, read by ``parsing``, ``gender`` and ``registry``. The given names are a
short generic list of common English names whose gender is clear (see ``gender``).
"""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words`` as a set (for the rule tables)."""
    return frozenset(words.split())


# words that open a sentence or a clause and are capitalised there, never names
FUNCTION_WORDS = word_set(
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
ORG_WORDS = word_set(
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
    gov.-elect sen.-elect senate house majority minority whip supreme court chief staff pm"""
)


# jobs written before a name ("Engineer David Park", "Sheriff Joe Arpaio"); none of them
# a common given name, so "Dean Baker" keeps his
JOB_TITLES = word_set(
    """engineer lawyer attorney scientist researcher teacher doctor nurse farmer historian
    activist lawmaker physician surgeon architect consultant investor councillor councilor
    councilman councilwoman superintendent sheriff inspector sergeant lieutenant colonel
    commander bishop archbishop cardinal imam priest pastor provost trustee hydrologist
    geologist meteorologist forecaster epidemiologist virologist economist analyst pilot
    resident witness survivor"""
)


# lowercase particles that may sit inside a name ("Ludwig van Beethoven", "Omar al Bashir")
# small words that a name never holds capitalised, but a title-case headline does
HEADLINE_WORDS = word_set("by and to in on at for with from is are was has have into as")


WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")


PARTICLES = word_set("al el de da van von bin ibn abu der del la le du di dos das ben bint")


# the particles that may open a name written apart ("de Blasio", "van der Berg", "bin
# Salman"); not "al" or "el" ("al Qaeda"), nor "la" or "ben", more often other words
LEADING_PARTICLES = word_set(
    "de da di du del della dei van von der ter bin bint ibn abu le dos das"
)


# words before a lowercase particle that make it a common noun ("the van", "a recycling bin")
DETERMINER_WORDS = word_set(
    "the a an this these those his her their our my your its each every any some no another whose"
)


MONTHS = word_set(
    """january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct
    oct. nov nov. dec dec."""
)


# things that are capitalised but cannot be a speaker
NOT_NAMES = word_set("""twitter facebook instagram youtube fox tv internet web iowa""")


# Common English given names whose gender is clear (ambiguous ones such as Chris, Kelly,
# Jordan or Pat left out, and those that are also places: Austin, Virginia, Charlotte).
# A generic list, not drawn from any article: it only seeds the gender of a person ("Hillary
# Clinton", "Hillary"), the article's own evidence (Mr/Ms, pronouns) adds to it, and a rare
# or foreign name simply has no seed.
MALE_GIVEN = word_set(
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


FEMALE_GIVEN = word_set(
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


GIVEN_NAMES = MALE_GIVEN | FEMALE_GIVEN


HONORIFIC_MALE = word_set("mr mr.")


HONORIFIC_FEMALE = word_set("mrs mrs. ms ms. miss")


SPEECH_AFTER = re.compile(
    r",?\s(?:said|says|told|tells|added|adds|wrote|writes|tweeted|tweets|stated|states|"
    r"explained|explains|noted|notes|argued|argues|insisted|insists|replied|recalled|warned|"
    r"asked|asks|continued|answered|responded)\b"
)


SPEECH_BEFORE = re.compile(r"\b(?:said|says)\s$")


TITLE_ALIASES = {
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


LOW_TITLE_WORDS = frozenset(w for w in TITLE_WORDS if w.isalpha()) | word_set(
    "manager spokesman spokeswoman adviser aide nominee candidate businessman billionaire"
)


ORG_TITLE_WORDS = frozenset(w for w in TITLE_WORDS if w in ORG_WORDS) | word_set(
    "state supreme house senate court"
)


# "asked by Reuters", "when told by the BBC": the one who asks is not who answers
QUESTIONER_BEFORE = re.compile(
    r"\b(?:[Aa]sked|[Tt]old|[Pp]ressed|[Qq]uestioned|[Ii]nterviewed|[Qq]uizzed|[Cc]ontacted|"
    r"[Rr]eached|[Aa]pproached|[Cc]hallenged|[Cc]onfronted|[Qq]ueried|[Pp]rompted)"
    r"[ \u00a0]+by[ \u00a0]+(?:the[ \u00a0]+)?$"
)


def asked_by(text: str, start: int) -> bool:
    """Whether the name at ``start`` is who asked ("asked by Reuters", "told by the BBC")."""
    return "by" in text[max(0, start - 8) : start] and (
        QUESTIONER_BEFORE.search(text, max(0, start - 40), start) is not None
    )
