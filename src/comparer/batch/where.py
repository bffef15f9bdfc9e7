"""``--where``: a small filter language over the pair rows, parsed here and never evaluated as code.

Grammar (case-insensitive keywords)::

    expression := term ("or" term)*
    term       := factor ("and" factor)*
    factor     := "not" factor | "(" expression ")" | test
    test       := FIELD [OPERATOR VALUE]
    OPERATOR   := "=" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "contains"
    VALUE      := a number, a "quoted" or 'quoted' string, or a bare word

A field alone is true when it is true, non-zero or non-empty (``number_changed``,
``speaker_dropped``). Lists compare by their length (``numbers > 2``), except with
``contains``, which looks for the words in any element (``speakers_dropped contains
"Khouri"``). A missing value (no date) makes every comparison false.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from comparer.batch.schema import PAIRS, STORIES

Row = dict[str, Any]
Test = Callable[[Row], bool]

ALIASES = {
    "number_changed": "numbers_changed",
    "numbers_changed": "numbers_changed",
    "minutes": "minutes_since_first",
    "headline_number_changed": "headline_numbers",
    "speaker_new": "speakers_new",
    "speaker_dropped": "speakers_dropped",
    "speaker_reattributed": "speakers_reattributed",
    "story": "story_id",
}
FIELDS = tuple(PAIRS.names)
STORY_ALIASES = {
    **{k: v for k, v in ALIASES.items() if v in STORIES.names},
    "minutes": "minutes_first_to_last",
    "headline_changed": "headline_changes",
}
STORY_FIELDS = tuple(STORIES.names)
_TOKEN = re.compile(
    r"""\s*(?:(?P<op><=|>=|!=|==|=|<|>)|(?P<paren>[()])|"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'"""
    r"""|(?P<word>[^\s()<>=!"']+))"""
)
_OPERATORS = {"=", "==", "!=", "<", "<=", ">", ">=", "contains"}


class WhereError(ValueError):
    """The filter cannot be read (a one-line message)."""


@dataclass(frozen=True)
class _Token:
    kind: str  # "op", "paren", "string", "word"
    text: str


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise WhereError(f"cannot read {text[pos:].strip()[:30]!r}")
        pos = match.end()
        if match.group("op"):
            out.append(_Token("op", match.group("op")))
        elif match.group("paren"):
            out.append(_Token("paren", match.group("paren")))
        elif match.group("dq") is not None or match.group("sq") is not None:
            out.append(_Token("string", match.group("dq") or match.group("sq") or ""))
        else:
            word = match.group("word")
            kind = "op" if word.lower() == "contains" else "word"
            out.append(_Token(kind, word.lower() if kind == "op" else word))
    return out


def parse_where(
    text: str, fields: tuple[str, ...] = FIELDS, aliases: dict[str, str] | None = None
) -> Test:
    """The filter ``text`` as a test of a pair row (or of a story row, with ``STORY_FIELDS``).

    Args:
        text: the filter.
        fields: the row's fields (``FIELDS`` for pairs, ``STORY_FIELDS`` for stories).
        aliases: other names for fields (default: ``ALIASES`` for pairs,
            ``STORY_ALIASES`` for stories).

    Raises:
        WhereError: the filter is empty, malformed, or names an unknown field.
    """
    tokens = _tokens(text)
    if not tokens:
        raise WhereError("the filter is empty")
    if aliases is None:
        aliases = STORY_ALIASES if fields == STORY_FIELDS else ALIASES
    parser = _Parser(tokens, fields, aliases)
    test = parser.expression()
    if parser.pos != len(tokens):
        raise WhereError(f"unexpected {tokens[parser.pos].text!r}")
    return test


class _Parser:
    def __init__(
        self, tokens: list[_Token], fields: tuple[str, ...], aliases: dict[str, str]
    ) -> None:
        self.tokens = tokens
        self.pos = 0
        self.fields = fields
        self.aliases = aliases

    def _peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _keyword(self, word: str) -> bool:
        token = self._peek()
        if token is not None and token.kind == "word" and token.text.lower() == word:
            self.pos += 1
            return True
        return False

    def expression(self) -> Test:
        tests = [self.term()]
        while self._keyword("or"):
            tests.append(self.term())
        return tests[0] if len(tests) == 1 else (lambda row: any(t(row) for t in tests))

    def term(self) -> Test:
        tests = [self.factor()]
        while self._keyword("and"):
            tests.append(self.factor())
        return tests[0] if len(tests) == 1 else (lambda row: all(t(row) for t in tests))

    def factor(self) -> Test:
        if self._keyword("not"):
            inner = self.factor()
            return lambda row: not inner(row)
        token = self._peek()
        if token is None:
            raise WhereError("the filter ends too soon")
        if token.kind == "paren" and token.text == "(":
            self.pos += 1
            inner = self.expression()
            closing = self._peek()
            if closing is None or closing.text != ")":
                raise WhereError("a '(' is not closed")
            self.pos += 1
            return inner
        if token.kind != "word":
            raise WhereError(f"expected a field name, not {token.text!r}")
        self.pos += 1
        field = _field(token.text, self.fields, self.aliases)
        operator = self._peek()
        if operator is None or operator.kind != "op":
            return lambda row: _truthy(row.get(field))
        self.pos += 1
        value_token = self._peek()
        if value_token is None or value_token.kind not in ("word", "string"):
            raise WhereError(f"'{operator.text}' needs a value after it")
        self.pos += 1
        return _comparison(field, operator.text, value_token)


def _field(name: str, fields: tuple[str, ...], aliases: dict[str, str]) -> str:
    key = aliases.get(name.lower(), name.lower())
    if key not in fields:
        known = ", ".join(sorted(set(fields) | set(aliases)))
        raise WhereError(f"no field called {name!r} (fields: {known})")
    return key


def _truthy(value: Any) -> bool:
    return bool(value)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _comparison(field: str, operator: str, token: _Token) -> Test:
    wanted = token.text
    number = _number(wanted) if token.kind == "word" else None

    def contains(value: Any) -> bool:
        items = value if isinstance(value, list) else [value]
        needle = wanted.casefold()
        for item in items:
            if isinstance(item, dict):
                item = " ".join(str(v) for v in item.values() if v is not None)
            if item is not None and needle in str(item).casefold():
                return True
        return False

    def test(row: Row) -> bool:
        value = row.get(field)
        if operator == "contains":
            return contains(value)
        if value is None:
            return False
        if isinstance(value, list):
            value = len(value)
        if isinstance(value, bool):
            value = int(value)
            if wanted.lower() in ("true", "false"):
                right: Any = int(wanted.lower() == "true")
            else:
                right = number
        elif isinstance(value, (int, float)):
            right = number
        else:
            value, right = str(value), wanted
        if right is None:
            return False
        if operator in ("=", "=="):
            return bool(value == right)
        if operator == "!=":
            return bool(value != right)
        try:
            if operator == "<":
                return bool(value < right)
            if operator == "<=":
                return bool(value <= right)
            if operator == ">":
                return bool(value > right)
            return bool(value >= right)
        except TypeError:
            return False

    if operator not in _OPERATORS:
        raise WhereError(f"unknown operator {operator!r}")
    return test
