"""The comparison as JSON, in the stable ``comparer/1`` format (shared/design/json-format.md).

``comparison_dict`` gives the document as data. ``dumps`` writes the same document as
``json.dumps`` of that data would, byte for byte, but writes the long repetitive arrays
(paragraphs, alignment entries, changes, numbers) itself with string formatting: building
and encoding tens of thousands of small dictionaries costs several times more, and the
standard library has no faster way to encode records. Strings go through the standard
library's own string encoder, so they are escaped exactly as ``json.dumps`` escapes them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from comparer.core.model import Comparison, PairComparison, Quote, Version

FORMAT = "comparer/1"


def quote_dict(quote: Quote) -> dict[str, Any]:
    """One quote as JSON."""
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": str(quote.kind),
        "speaker": quote.speaker,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "continues": quote.continues,
    }


def _version_head(version: Version) -> dict[str, Any]:
    """The members of a version's JSON before its text.

    A version read from a web address also has "web": where and when it was captured
    (the other members are as for a file; "sha256" and "size" are of the bytes received).
    """
    head: dict[str, Any] = {
        "path": version.path,
        "title": version.title,
        "date": version.date,
        "sha256": version.sha256,
        "encoding": version.encoding,
        "size": version.size,
        "format": version.source_format,
    }
    if version.web is not None:
        head["web"] = {
            "url": version.web.url,
            "live": version.web.live,
            "captured": version.web.captured,
            "archive_url": version.web.archive_url,
            "received_from": version.web.received_from,
            "fetched": version.web.fetched,
        }
    return head


def version_dict(version: Version, quotes: Sequence[Quote] = ()) -> dict[str, Any]:
    """One version as JSON."""
    return {
        **_version_head(version),
        "text": version.text,
        "paragraphs": [
            {"start": p.start, "end": p.end, "role": str(p.role)} for p in version.paragraphs
        ],
        "quotes": [quote_dict(q) for q in quotes],
    }


def pair_dict(pair: PairComparison) -> dict[str, Any]:
    """One consecutive pair's comparison as JSON."""
    return {
        "from": pair.from_index,
        "to": pair.to_index,
        "alignment": [
            {
                "kind": str(e.kind),
                "from": list(e.from_),
                "to": list(e.to),
                "similarity": e.similarity,
            }
            for e in pair.alignment
        ],
        "changes": [
            {
                "kind": str(c.kind),
                "category": str(c.category),
                "from_start": c.from_start,
                "from_end": c.from_end,
                "to_start": c.to_start,
                "to_end": c.to_end,
                "from_text": c.from_text,
                "to_text": c.to_text,
                "entry": c.entry,
            }
            for c in pair.changes
        ],
        "numbers": [
            {
                "from": n.from_text,
                "to": n.to_text,
                "from_start": n.from_start,
                "to_start": n.to_start,
            }
            for n in pair.numbers
        ],
        "moves": [
            {
                "from_start": m.from_start,
                "from_end": m.from_end,
                "to_start": m.to_start,
                "to_end": m.to_end,
                "similarity": m.similarity,
            }
            for m in pair.moves
        ],
        "summary": pair_dict_summary(pair),
    }


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as JSON-ready data."""
    quotes = comparison.quotes or tuple(() for _ in comparison.versions)
    return {
        "format": FORMAT,
        "versions": [version_dict(v, q) for v, q in zip(comparison.versions, quotes, strict=True)],
        "pairs": [pair_dict(p) for p in comparison.pairs],
        **comparison_dict_rest(comparison),
    }


def dumps(comparison: Comparison) -> str:
    """The comparison as a JSON document (UTF-8 text, non-ASCII kept as is)."""
    quotes = comparison.quotes or tuple(() for _ in comparison.versions)
    # Pieces are collected and joined once: the texts of long versions are megabytes,
    # and every concatenation would copy them again.
    out = ['{"format":', _value(FORMAT), ',"versions":[']
    for k, (version, found) in enumerate(zip(comparison.versions, quotes, strict=True)):
        if k:
            out.append(",")
        _version_json(version, found, out)
    out.append('],"pairs":[')
    for k, pair in enumerate(comparison.pairs):
        if k:
            out.append(",")
        _pair_json(pair, out)
    out += ["],", _value(comparison_dict_rest(comparison))[1:], "\n"]
    return "".join(out)


def comparison_dict_rest(comparison: Comparison) -> dict[str, Any]:
    """The members of ``comparison_dict`` after "pairs"."""
    return {
        "speakers": [
            {
                "name": s.name,
                "quotes_per_version": list(s.quotes_per_version),
                "badges": list(s.badges),
                "quotes": [list(q) for q in s.quotes],
                "reattributed_with": list(s.reattributed_with),
            }
            for s in comparison.speakers
        ],
        "options": {
            "ignore_case": comparison.options.ignore_case,
            "ignore_whitespace": comparison.options.ignore_whitespace,
        },
    }


def _value(data: object) -> str:
    """``data`` encoded as ``dumps`` encodes everything."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


_PARAGRAPH = '{"start":%d,"end":%d,"role":%s}'
_ONE_TO_ONE = '{"kind":%s,"from":[%d],"to":[%d],"similarity":%s}'
_ENTRY = '{"kind":%s,"from":%s,"to":%s,"similarity":%s}'
_NUMBER = '{"from":%s,"to":%s,"from_start":%d,"to_start":%d}'
_MOVE = '{"from_start":%d,"from_end":%d,"to_start":%d,"to_end":%d,"similarity":%s}'
_CHANGE = (
    '{"kind":%s,"category":%s,"from_start":%d,"from_end":%d,"to_start":%d,"to_end":%d,'
    '"from_text":%s,"to_text":%s,"entry":%d}'
)


class _Labels(dict[object, str]):
    """Enum members (or any value) to their encoded ``str``, each encoded once."""

    def __missing__(self, key: object) -> str:
        text = self[key] = encode_basestring(str(key))
        return text


def _version_json(version: Version, quotes: Sequence[Quote], out: list[str]) -> None:
    head = _value(_version_head(version))
    roles = _Labels()
    paragraphs = ",".join(
        [_PARAGRAPH % (p.start, p.end, roles[p.role]) for p in version.paragraphs]
    )
    out += [
        head[:-1],
        ',"text":',
        encode_basestring(version.text),
        ',"paragraphs":[',
        paragraphs,
        '],"quotes":',
        _value([quote_dict(q) for q in quotes]),
        "}",
    ]


def _pair_json(pair: PairComparison, out: list[str]) -> None:
    labels = _Labels()
    enc = encode_basestring
    rows = []
    for e in pair.alignment:
        sim = e.similarity
        # The JSON encoder spells finite floats with ``float.__repr__``; NaN, the
        # infinities and other types go to it.
        similarity = float.__repr__(sim) if type(sim) is float and sim - sim == 0.0 else _value(sim)
        if len(e.from_) == 1 and len(e.to) == 1:  # nearly every entry
            rows.append(_ONE_TO_ONE % (labels[e.kind], e.from_[0], e.to[0], similarity))
        else:
            rows.append(_ENTRY % (labels[e.kind], _ints(e.from_), _ints(e.to), similarity))
    alignment = ",".join(rows)
    changes = ",".join(
        [
            _CHANGE
            % (
                labels[c.kind],
                labels[c.category],
                c.from_start,
                c.from_end,
                c.to_start,
                c.to_end,
                enc(c.from_text),
                enc(c.to_text),
                c.entry,
            )
            for c in pair.changes
        ]
    )
    numbers = ",".join(
        [
            _NUMBER % (enc(n.from_text), enc(n.to_text), n.from_start, n.to_start)
            for n in pair.numbers
        ]
    )
    moves = ",".join(
        [
            _MOVE % (m.from_start, m.from_end, m.to_start, m.to_end, _value(m.similarity))
            for m in pair.moves
        ]
    )
    out += [
        f'{{"from":{_value(pair.from_index)},"to":{_value(pair.to_index)},"alignment":[',
        alignment,
        '],"changes":[',
        changes,
        '],"numbers":[',
        numbers,
        '],"moves":[',
        moves,
        '],"summary":',
        _value(pair_dict_summary(pair)),
        "}",
    ]


def pair_dict_summary(pair: PairComparison) -> dict[str, Any]:
    """The "summary" member of ``pair_dict``."""
    return {
        "paragraphs_added": pair.summary.paragraphs_added,
        "paragraphs_deleted": pair.summary.paragraphs_deleted,
        "paragraphs_changed": pair.summary.paragraphs_changed,
        "paragraphs_moved": pair.summary.paragraphs_moved,
        "numbers_changed": pair.summary.numbers_changed,
        "typographic_only": pair.summary.typographic_only,
    }


def _ints(values: Sequence[int]) -> str:
    # Indices are plain ints, which ``str`` spells as the JSON encoder does.
    return "[" + ",".join(map(str, values)) + "]"


def quotes_dumps(quotes: Sequence[Quote]) -> str:
    """The output of ``comparer quotes --format json``."""
    return (
        json.dumps({"quotes": [quote_dict(q) for q in quotes]}, ensure_ascii=False, indent=1) + "\n"
    )
