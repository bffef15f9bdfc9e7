"""Find quoted passages and sentence ends in paragraphs, from quote marks alone.

Hand-written: pairing quote marks is a small state machine per paragraph; straight ``"``
marks alternate, curly marks say which way they face (and a wrongly facing one is read by
what surrounds it). Single marks only count inside a double-quoted passage (nested quotes),
so apostrophes never open a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from comparer.core.names.lexicon import word_set

OPENERS = "\u201c\u201e\u00ab"
CLOSERS = "\u201d\u00bb"
STRAIGHT = '"'
ALL_DOUBLE = OPENERS + CLOSERS + STRAIGHT + "\u201f"


_ABBREVIATIONS = word_set(
    """mr mrs ms dr sen rep gov gen lt col sgt capt prof rev st jr sr no vs inc corp co ltd
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n d.c a.m p.m e.g i.e ft mt
    adm cmdr maj pres supt det insp atty"""
)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,400}>")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
DOUBLE_MARK = re.compile("[" + ALL_DOUBLE + "]")  # any double quote mark


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A passage between quote marks inside one paragraph.

    Attributes:
        start: offset of the opening mark.
        end: offset just after the closing mark, or the paragraph end if it stays open.
        closed: whether a closing mark was found in the paragraph.
        paragraph: index into the list of paragraph spans scanned.
    """

    start: int
    end: int
    closed: bool
    paragraph: int


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch == ""


def scan_paragraph(text: str, start: int, end: int, paragraph: int) -> list[MarkedSpan]:
    """Quoted passages in ``text[start:end]``, outermost double quotes only.

    Args:
        text: the whole text.
        start: the paragraph's first offset.
        end: the paragraph's end offset.
        paragraph: the paragraph's index, stored in each span.

    Returns:
        The passages in order; the last one may be left open (``closed`` false).
    """
    spans: list[MarkedSpan] = []
    open_at = -1
    pos = start
    # quote marks inside leftover tags (<tweet author="…">) are not quotes
    tags = (
        [(m.start(), m.end()) for m in _TAG.finditer(text, start, end)]
        if text.find("<", start, end) >= 0
        else []
    )
    ti = 0
    # one regex pass jumps from mark to mark: linear however long the paragraph
    for mark in DOUBLE_MARK.finditer(text, start, end):
        nxt = mark.start()
        if nxt < pos:
            continue
        while ti < len(tags) and tags[ti][1] <= nxt:
            ti += 1
        if ti < len(tags) and tags[ti][0] <= nxt:
            pos = tags[ti][1]
            continue
        ch = text[nxt]
        before = text[nxt - 1] if nxt > start else ""
        after = text[nxt + 1] if nxt + 1 < end else ""
        if open_at < 0:
            opens = ch in OPENERS or ch == "\u201f"
            if ch == STRAIGHT:
                opens = not (before.isalnum() and _is_space(after))
            elif ch in CLOSERS:
                # a closing mark facing the wrong way at a word start opens a quote
                opens = _is_space(before) or before in "([{\u2014-:"
                opens = opens and not _is_space(after)
            if opens:
                open_at = nxt
        else:
            closes = ch in CLOSERS or ch == STRAIGHT
            if ch in OPENERS or ch == "\u201f":
                # an opening mark after the words and before a space or punctuation closes
                closes = not _is_space(before) and (_is_space(after) or not after.isalnum())
            if closes:
                spans.append(MarkedSpan(open_at, nxt + 1, True, paragraph))
                open_at = -1
        pos = nxt + 1
    if open_at >= 0:
        stop = end
        while stop > open_at + 1 and text[stop - 1].isspace():
            stop -= 1
        if stop - open_at > 1:
            spans.append(MarkedSpan(open_at, stop, False, paragraph))
    return spans


_SENTENCE_PUNCT = re.compile(r"[.!?](?=[\s\u201d\u2019\"')\]]|$)")


def sentence_ends(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> list[int]:
    """Offsets just after each sentence end in ``text[start:end]``, outside quoted passages.

    A passage that ends with ``.”`` ends its sentence when what follows starts a new one
    (a capital, a quote mark or the paragraph end), not in ``“Why?” he asked``.

    Args:
        text: the whole text.
        start: the paragraph start.
        end: the paragraph end.
        quoted: the paragraph's quoted passages as (start, end), in order.
    """
    ends: list[int] = []
    qi = 0
    for m in _SENTENCE_PUNCT.finditer(text, start, end):
        k = m.start()
        while qi < len(quoted) and quoted[qi][1] <= k:
            qi += 1
        if qi < len(quoted) and quoted[qi][0] <= k < quoted[qi][1]:
            continue
        if text[k] == "." and not (k - 5 >= start and text[k - 5 : k].isalpha()):
            # (a word of five letters or more is no abbreviation: the common case, no regex)
            word = _WORD_BEFORE.search(text, max(start, k - 12), k)
            if word:
                w = word.group(1).lower()
                if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha() and text[k - 1].isupper()):
                    continue
        if _starts_sentence(text, k + 1, end):
            ends.append(k + 1)
    for qs, qe in quoted:
        if qe - qs >= 3 and text[qe - 2] in ".!?" and _starts_sentence(text, qe, end):
            ends.append(qe)
    ends.sort()
    return ends


def _starts_sentence(text: str, pos: int, end: int) -> bool:
    k = pos
    while k < end and text[k] in " \t\n\r\u00a0\u201d\u2019\"')]":
        k += 1
    if k >= end:
        return True
    ch = text[k]
    return ch.isupper() or ch.isdigit() or ch in OPENERS or ch in STRAIGHT or ch in "\u2018'("


def last_nonspace(text: str, floor: int, pos: int) -> int:
    """The offset of the last non-space character in ``text[floor:pos]``, or -1."""
    k = pos - 1
    while k >= floor and text[k].isspace():
        k -= 1
    return k if k >= floor else -1
