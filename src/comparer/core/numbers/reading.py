"""Numbers as a reader sees them: `40`, `1,200`, `$4.5m`, `06:00`, `19 May 2013`, `three`.

Hand-written because the libraries that parse numbers in prose (number-parser, word2number,
dateparser) each cover one shape, none reports character spans for all of them, and the
comparison needs values, not just spellings: ``3`` and ``three`` are the same number,
``40`` and ``48`` are not.

Just over 500 lines: every shape a number takes (figures, words, fractions, dates, times)
is read here in one pass over the text, so that overlapping readings ("a third" inside
"a third of 1,200") are settled in one place; the word tables are in ``lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from comparer.core.numbers.lexicon import (
    ARABIC_DIGITS,
    CURRENCY,
    FRACTION_COUNTS,
    FRACTION_PARTS,
    MONTH_RE,
    MONTHS,
    ORDINAL_WORDS,
    SCALES,
    SUFFIX,
    SUFFIX_SCALES,
    UNITS,
)

# "a third of the homes", "two-thirds", "half the town", "fell by a quarter."; not "a third
# term" (an ordinal), "half-brother", "living quarters" or "the Latin Quarter".
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<count>" + "|".join(FRACTION_COUNTS) + r")[ -])?"
    r"(?P<part>" + "|".join(sorted(FRACTION_PARTS, key=len, reverse=True)) + r")"
    r"(?![\w-])(?P<after> of\b| (?=[a-z]))?",
)

_SCALE_ALT = "|".join(SCALES)
# "one and a half million", "2 and a half", "half a million": a half joined to its whole
_AND_A_HALF = re.compile(
    r"(?<![\w.,-])(?P<whole>\d+|" + "|".join(w for w in UNITS if w.isalpha()) + r")"
    r" and a half(?: (?P<scale>" + _SCALE_ALT + r"))?(?![\w-])"
)
_HALF_A = re.compile(r"(?<![\w-])half an? (?P<scale>" + _SCALE_ALT + r")(?![\w-])")

_NUMBER_WORDS = frozenset([*UNITS, *SCALES, *ORDINAL_WORDS])
_DIGIT_RUN = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD_ALT = "|".join(
    sorted({*UNITS, *SCALES, *ORDINAL_WORDS, *FRACTION_PARTS}, key=len, reverse=True)
)


def _digit_pattern(decimal_comma: bool) -> re.Pattern[str]:
    if decimal_comma:
        num = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
    else:
        num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    return re.compile(
        rf"(?P<date1>\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_RE})(?:,?\s+(?P<y1>\d{{4}}))?\b)"
        rf"|(?P<date2>\b(?P<m2>{MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}})\b)?)"
        rf"|(?P<time>\b(?P<h>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s?(?:am|pm|a\.m\.|p\.m\.))?(?!\d))"
        rf"|(?P<ampm>\b(?P<ah>1[0-2]|0?[1-9])\s?(?P<ap>[ap])(?:m\b|\.m\.))"
        rf"|(?P<milt>\b(?P<mh>0\d|1\d|2[0-3])(?P<mm>[0-5]\d)(?=\s?(?:GMT|UTC|hrs|hours|h\b|local)))"
        rf"|(?P<milt0>\b(?P<zh>0\d)(?P<zm>[0-5]\d)\b)"
        rf"|(?P<num>(?P<cur>{CURRENCY}\s?)?(?P<neg>[-\u2212])?(?:{num})"
        rf"(?P<ord>st|nd|rd|th)?(?P<suf>{SUFFIX})?)",
        re.IGNORECASE,
    )


_PATTERNS = {False: _digit_pattern(False), True: _digit_pattern(True)}
_NON_ASCII_DIGITS = re.compile("[" + "".join(chr(c) for c in ARABIC_DIGITS) + "]")
# Every number word stands in a text's lower-case form with no ASCII letter either side:
# where this finds none, the word tokenizer would find none either (it is many times
# slower, and most changes hold no number word).
_NUMBER_WORD_PREFILTER = re.compile(rf"(?<![a-z])(?:{_WORD_ALT})(?![a-z])")


def _ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic and Devanagari digits made ASCII (one for one)."""
    if text.isascii() or not _NON_ASCII_DIGITS.search(text):
        return text  # nothing to translate: spare the table lookup of every character
    return text.translate(ARABIC_DIGITS)


_DECIMAL_COMMA_EVIDENCE = re.compile(r"\d\.\d{3},\d|\b\d+,\d{1,2}\b(?![,.]?\d)")
_DECIMAL_POINT_EVIDENCE = re.compile(r"\d,\d{3}\.\d|\b\d+\.\d{1,2}\b(?![,.]?\d)")
# a run of digits, points and commas from its first digit (evidence opens with a digit);
# opening on the digit keeps the scan linear: "[\d.,]*\d" would retry every point of a long
# run of points, such as a line of dots, for each of them
_FIGURE_RUN = re.compile(r"\d[\d.,]*")


class Quantity(StrEnum):
    """What kind of quantity a number is, when it is not a sum of money.

    A sum's unit is its currency sign instead ("$", "US$", "€"), as written.
    """

    COUNT = ""  # a plain number
    PERCENT = "%"
    ORDINAL = "ordinal"  # "12th", "third"
    FRACTION = "fraction"  # "a third", "two-thirds"
    DATE = "date"  # days since 0001-01-01
    MONTHDAY = "monthday"  # a date without a year: month * 100 + day
    TIME = "time"  # minutes after midnight


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text.

    ``unit`` tells what kind of quantity it is, so that equal values of different kinds
    (a time and a count) are not taken for each other: a ``Quantity``, or the currency
    sign of a sum of money.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str = Quantity.COUNT

    def is_share_of(self, other: Number) -> bool:
        """Whether one is a fraction in words and the other a percentage: both shares."""
        return {self.unit, other.unit} == {Quantity.FRACTION, Quantity.PERCENT}

    def as_percent(self) -> float:
        """The value as a percentage: "half" is 50, "12%" is 12."""
        return self.value * 100 if self.unit == Quantity.FRACTION else self.value

    def same_as(self, other: Number) -> bool:
        """Whether the two numbers have the same value, however written.

        A fraction in words and a percentage are the same share written two ways
        ("half" and "50%", "a quarter" and "25%").
        """
        mine, theirs = self.value, other.value
        if self.is_share_of(other):
            mine, theirs = self.as_percent(), other.as_percent()
        elif self.unit != other.unit and {self.unit, other.unit} - {
            Quantity.COUNT,
            Quantity.ORDINAL,
        }:
            return False
        return abs(mine - theirs) <= 1e-9 * max(1.0, abs(mine))


_MAYBE_NUMBER = re.compile(
    rf"[\d\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]|\b(?:{_WORD_ALT})\b",
    re.IGNORECASE,
)


_ANY_DIGIT = re.compile(r"[\d\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]")
_NUMBER_WORD_LOWER = re.compile(rf"\b(?:{_WORD_ALT})\b")


def may_hold_number(text: str) -> bool:
    """Whether ``text`` may be (part of) a number: a cheap test before ``find_numbers``."""
    if _ANY_DIGIT.search(text):
        return True
    if text.isascii():
        # For ASCII text, ignoring case is matching the lower-case form, and a pattern
        # without IGNORECASE runs several times faster; other text may hold letters
        # that match ASCII ones only when case is ignored (the Kelvin sign, long s).
        return bool(_NUMBER_WORD_LOWER.search(text.lower()))
    return bool(_MAYBE_NUMBER.search(text))


def uses_decimal_comma(text: str) -> bool:
    """Whether ``text`` writes decimals with a comma (``3,5``; ``1.200`` for thousands)."""
    comma, point = separator_evidence(_ascii_digits(text[:200_000]))
    return comma > point


def separator_evidence(text: str) -> tuple[int, int]:
    """How many figures in ``text`` read as decimal-comma and as decimal-point ones.

    The counts of the two evidence patterns over the whole text. Evidence is made of
    digits, points and commas only, and both patterns look at most one character beyond
    such a run; so each run of them that holds a separator is searched with one character
    either side, rather than the whole text twice. Where such runs are dense (tables of
    figures), the two passes over the whole text are the cheaper, and are made instead.
    """
    comma = point = 0
    windows_left = len(text) // 100 + 16  # news prose has one every 300 characters or so
    for run in _FIGURE_RUN.finditer(text):
        figure = run.group()
        if "," in figure or "." in figure:
            windows_left -= 1
            if windows_left < 0:
                return (
                    len(_DECIMAL_COMMA_EVIDENCE.findall(text)),
                    len(_DECIMAL_POINT_EVIDENCE.findall(text)),
                )
            start, end = run.span()
            window = text[max(0, start - 1) : end + 1]
            comma += len(_DECIMAL_COMMA_EVIDENCE.findall(window))
            point += len(_DECIMAL_POINT_EVIDENCE.findall(window))
    return comma, point


def find_numbers(text: str, decimal_comma: bool = False) -> list[Number]:
    """Every number in ``text``, in order, with its span and value.

    Args:
        text: the text to scan (Arabic-Indic and Devanagari digits are read as digits).
        decimal_comma: the text's convention: ``1.200,5`` rather than ``1,200.5``.
    """
    ascii_text = _ascii_digits(text)  # one character for one: offsets hold
    found = _figures(ascii_text, text, decimal_comma)
    lower = ascii_text.lower()
    if not _NUMBER_WORD_PREFILTER.search(lower):
        return found
    fractions = _fractions(lower, text)
    if fractions:
        # "2 and a half": the fraction holds the figure and reads for it
        found = [f for f in found if not any(_holds(n, f) for n in fractions)]
        fractions = [n for n in fractions if not any(_overlap(f, n) for f in found)]
    words = [
        n
        for n in _number_words(ascii_text, text)
        if not any(_overlap(f, n) for f in found) and not any(_overlap(f, n) for f in fractions)
    ]
    words += fractions
    if words:
        found = _attach_scale_words(sorted(found + words, key=lambda n: n.start), text)
    return found


def holds_number(text: str, decimal_comma: bool = False) -> bool:
    """Whether ``find_numbers`` finds any number in ``text``; it stops at the first one."""
    ascii_text = _ascii_digits(text)
    if _figures(ascii_text, text, decimal_comma, first_only=True):
        return True
    # Words overlapping no figure (there is none) all count, and joining scale words to
    # figures never removes a number.
    lower = ascii_text.lower()
    return bool(
        _NUMBER_WORD_PREFILTER.search(lower)
        and (_number_words(ascii_text, text) or _fractions(lower, text))
    )


def _overlap(a: Number, b: Number) -> bool:
    return a.start < b.end and b.start < a.end


def _holds(outer: Number, inner: Number) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _fractions(lower: str, text: str) -> list[Number]:
    """Fractions in words: "half", "a third", "two-thirds", with the value they stand for.

    A singular part ("third", "quarter") is a fraction only after "a" or "one" and when
    no noun follows it ("a third of", "by a third."), else it is an ordinal or a word;
    a plural one needs its count ("two thirds"); "half" stands alone. ``lower`` is the
    text lower-cased with its digits made ASCII, one character for one.
    """
    found: list[Number] = []
    for m in _AND_A_HALF.finditer(lower):
        whole = m["whole"]
        value = (int(whole) if whole.isdigit() else UNITS[whole]) + 0.5
        value *= SCALES[m["scale"]] if m["scale"] else 1
        found.append(Number(m.start(), m.end(), text[m.start() : m.end()], value, ""))
    for m in _HALF_A.finditer(lower):
        value = 0.5 * SCALES[m["scale"]]
        found.append(Number(m.start(), m.end(), text[m.start() : m.end()], value, ""))
    joined = list(found)
    for m in _FRACTION.finditer(lower):
        if any(n.start < m.end() and m.start() < n.end for n in joined):
            continue
        part, count_word = m["part"], m["count"]
        plural = part.endswith("s")
        if part == "half":
            count = FRACTION_COUNTS.get(count_word or "a", 1)
            if count != 1:
                continue  # "two half" is not English; "one and a half" reads "a half"
        elif plural:
            if count_word is None or FRACTION_COUNTS[count_word] < 2:
                continue
            count = FRACTION_COUNTS[count_word]
        else:
            if count_word is None or FRACTION_COUNTS[count_word] != 1:
                continue
            if m["after"] and m["after"] != " of":
                continue  # "a third term": an ordinal
            count = 1
        start = m.start("count") if count_word else m.start("part")
        end = m.end("part")
        value = count / FRACTION_PARTS[part]
        found.append(Number(start, end, text[start:end], value, Quantity.FRACTION))
    return sorted(found, key=lambda n: n.start)


def _figures(
    ascii_text: str, text: str, decimal_comma: bool, first_only: bool = False
) -> list[Number]:
    """Numbers written with digits (only the first one, with ``first_only``).

    The full pattern is tried only in a small window around each run of digits: scanning
    every position of a long text with it costs ten times more.
    """
    pattern = _PATTERNS[decimal_comma]
    found: list[Number] = []
    done = 0
    size = len(ascii_text)
    for digits in _DIGIT_RUN.finditer(ascii_text):
        if digits.start() < done:
            continue
        pos = max(done, digits.start() - 16)
        end = min(size, digits.end() + 48)
        while True:
            m = pattern.search(ascii_text, pos, end)
            if m is None or m.start() >= digits.end():
                break
            if m.end() <= digits.start():
                pos = max(pos + 1, m.end())
                continue
            number = _from_match(m, text, decimal_comma)
            if number is not None:
                found.append(number)
                done = m.end()
            break
        if found and first_only:
            break
    return found


def _number_words(ascii_text: str, text: str) -> list[Number]:
    """Numbers written in words: "three", "ninety-five", "a dozen", "two hundred and five"."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _LETTERS.finditer(ascii_text)]
    out: list[Number] = []
    i, count = 0, len(tokens)
    while i < count:
        start, _end, word = tokens[i]
        if word not in _NUMBER_WORDS:
            i += 1
            continue
        if (
            word in SCALES
            and i > 0
            and tokens[i - 1][2] in ("a", "an")
            and ascii_text[tokens[i - 1][1] : start] == " "
        ):
            start = tokens[i - 1][0]
        j = i
        while j + 1 < count:
            gap = ascii_text[tokens[j][1] : tokens[j + 1][0]]
            following = tokens[j + 1][2]
            if following in _NUMBER_WORDS and gap in (" ", "-"):
                j += 1
            elif (
                following == "and"
                and tokens[j][2] in SCALES
                and gap == " "
                and j + 2 < count
                and tokens[j + 2][2] in _NUMBER_WORDS
                and ascii_text[tokens[j + 1][1] : tokens[j + 2][0]] == " "
            ):
                j += 2
            else:
                break
        end = tokens[j][1]
        if j == i and word == "one" and _pronoun_one(tokens, i):
            i += 1
            continue
        value, unit = _word_value(ascii_text[start:end])
        if value is not None:
            out.append(Number(start, end, text[start:end], value, unit))
        i = j + 1
    return out


def _from_match(m: re.Match[str], text: str, decimal_comma: bool) -> Number | None:
    start, end = m.span()
    raw = text[start:end]
    # The alternative that matched is the outermost group, which closes last; reading
    # single groups spares building the dictionary of all twenty.
    kind = m.lastgroup
    if kind in ("date1", "date2"):
        day = int(m["d1"] or m["d2"])
        month = MONTHS[(m["m1"] or m["m2"]).rstrip(".").lower()]
        year_text = m["y1"] or m["y2"]
        try:
            when = date(int(year_text) if year_text else 2000, month, day)
        except ValueError:
            return None
        value = when.toordinal() if year_text else month * 100 + day
        return Number(
            start, end, raw, float(value), Quantity.DATE if year_text else Quantity.MONTHDAY
        )
    if kind == "time":
        hour, minute = int(m["h"]), int(m["mi"])
        tail = raw.lower()
        if tail.endswith(("pm", "p.m.")) and hour < 12:
            hour += 12
        elif tail.endswith(("am", "a.m.")) and hour == 12:
            hour = 0
        if ":" not in raw and "h" not in raw.lower() and not tail.endswith(("am", "pm", ".m.")):
            # "3.45" is a decimal, not a time, unless marked as one
            return _plain(m, text, decimal_comma)
        return Number(start, end, raw, float(hour * 60 + minute), Quantity.TIME)
    if kind == "ampm":
        hour = int(m["ah"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        return Number(start, end, raw, float(hour * 60), Quantity.TIME)
    if kind in ("milt", "milt0"):
        hour = int(m["mh"] or m["zh"])
        minute = int(m["mm"] or m["zm"])
        return Number(start, end, raw, float(hour * 60 + minute), Quantity.TIME)
    return _plain(m, text, decimal_comma)


def _plain(m: re.Match[str], text: str, decimal_comma: bool) -> Number | None:
    start, end = m.span()
    raw = text[start:end]
    body = raw.translate(ARABIC_DIGITS)
    cur = m.group("cur") or ""
    suffix = (m.group("suf") or "").strip().lower().replace(" ", "")
    digits = body[len(cur) :]
    if suffix:
        digits = digits[: len(digits) - len(m.group("suf"))]
    ordinal = m.group("ord")
    if ordinal:
        digits = digits[: -len(ordinal)]
    digits = digits.strip()
    if decimal_comma:
        digits = digits.replace(".", "").replace(",", ".")
    else:
        digits = digits.replace(",", "")
    digits = digits.replace("\u2212", "-")
    try:
        value = float(digits)
    except ValueError:
        return None
    unit: str = Quantity.COUNT
    if suffix in ("%", "percent", "percent.", "percentage", "percent,") or suffix.startswith("per"):
        unit = Quantity.PERCENT
    elif suffix:
        value *= SUFFIX_SCALES.get(suffix, 1.0)
    if cur:
        unit = cur.strip().upper()
    elif ordinal:
        unit = Quantity.ORDINAL
    return Number(start, end, raw, value, unit)


def _word_value(words: str) -> tuple[float | None, str]:
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if tokens and tokens[0] in ("a", "an"):
        tokens[0] = "one"
    if not tokens:
        return None, ""
    total = 0
    current = 0
    unit: str = Quantity.COUNT
    seen = False
    for i, token in enumerate(tokens):
        if token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in ORDINAL_WORDS:
            if i != len(tokens) - 1:
                return None, ""
            ordinal = ORDINAL_WORDS[token]
            if ordinal >= 100:
                current = max(current, 1) * ordinal
            else:
                current += ordinal
            unit = Quantity.ORDINAL
            seen = True
        elif token in SCALES:
            scale = SCALES[token]
            if scale < 1000:
                current = max(current, 1) * scale
            else:
                total += max(current, 1) * scale
                current = 0
            seen = True
        else:
            return None, ""
    if not seen:
        return None, ""
    if len(tokens) == 1 and tokens[0] == "second":
        return None, ""  # "a second look": far more often a word than a number
    return float(total + current), unit


_ONE_AS_PRONOUN_AFTER = frozenset(
    ["no", "any", "every", "some", "the", "this", "that", "which", "each", "anyone", "someone"]
)


def _pronoun_one(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a lone "one" is a pronoun ("no one", "the one", "one another"), not a count."""
    before = tokens[i - 1][2] if i > 0 else ""
    after = tokens[i + 1][2] if i + 1 < len(tokens) else ""
    return before in _ONE_AS_PRONOUN_AFTER or after == "another"


def _attach_scale_words(numbers: list[Number], text: str) -> list[Number]:
    """Join a figure with a following scale word ("4 million" is one number)."""
    out: list[Number] = []
    for number in numbers:
        if out:
            prev = out[-1]
            gap = text[prev.end : number.start]
            if (
                gap.strip() == ""
                and len(gap) <= 2
                and number.text.lower() in SCALES
                and prev.unit in (Quantity.COUNT, "$", "\u20ac", "\u00a3")
            ):
                out[-1] = Number(
                    prev.start,
                    number.end,
                    text[prev.start : number.end],
                    prev.value * number.value,
                    prev.unit,
                )
                continue
        out.append(number)
    return out


def values_differ(a: list[Number], b: list[Number]) -> bool:
    """Whether two runs of numbers differ in any value (or in how many there are)."""
    if len(a) != len(b):
        return True
    return not all(x.same_as(y) for x, y in zip(a, b, strict=True))
