"""Numbers as reports state them: exact, or with a word that makes them a bound ("trên 98%", "hơn 8.130")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator
from pydantic_core import PydanticCustomError

from baocao.model.fields import SPACE, SchemaOf, any_case, parse_decimal

QUALIFIERS = ("tối thiểu", "ít nhất", "tối đa", "khoảng", "trên", "hơn", "gần", "dưới")
QUALIFIED = re.compile(r"^(" + "|".join(QUALIFIERS) + r")\s+(.+)$", re.IGNORECASE)
INF = Decimal("Infinity")


@dataclass(frozen=True)
class Qualified:
    """A number as a report states it: exact, or with a word that makes it a bound."""

    value: Decimal
    word: str = ""

    @property
    def exact(self) -> bool:
        """True when no word qualifies the number."""
        return not self.word

    def bounds(self) -> tuple[Decimal, Decimal, bool, bool]:
        """(low, high, low open, high open) of the values the statement allows; "khoảng" allows any."""
        x, word = self.value, self.word
        if word in ("trên", "hơn"):
            return x, INF, True, False
        if word in ("tối thiểu", "ít nhất"):
            return x, INF, False, False
        if word == "dưới":
            return -INF, x, False, True
        if word in ("tối đa", "gần"):
            return -INF, x, False, False
        if word == "khoảng":
            return -INF, INF, False, False
        return x, x, False, False

    def allows(self, actual: Decimal | int) -> bool:
        """True when ``actual`` agrees with the statement."""
        low, high, low_open, high_open = self.bounds()
        above = actual > low if low_open else actual >= low
        below = actual < high if high_open else actual <= high
        return above and below

    def __str__(self) -> str:
        number = format(self.value, "f").replace(".", ",")
        return f"{self.word} {number}" if self.word else number


def parse_qualified(value: Any) -> Qualified:
    """A value written "98", "trên 98" or "hơn 8130" as a :class:`Qualified`; the schema's errors otherwise."""
    if isinstance(value, Qualified):
        return value
    text = value.strip() if isinstance(value, str) else value
    word = ""
    if isinstance(text, str) and (match := QUALIFIED.match(text)):
        word, text = match.group(1).lower(), match.group(2)
    number = parse_decimal(text)
    if not isinstance(number, Decimal):
        raise PydanticCustomError(
            "not_a_number",
            "not a number",
            {"expected": "một số", "expected_en": "a number", "decimal_vi": "", "decimal_en": ""},
        )
    if number >= 10**15:
        raise PydanticCustomError("out_of_range", "too large", {"limit": "≤ 15 chữ số", "limit_en": "≤ 15 digits"})
    return Qualified(number, word)


WORD = f"(({any_case(*QUALIFIERS)})\\s+)?"
"""A qualifier and the space after it, in the JSON Schema's patterns (which have no flags: any letter case)."""


def qualified_schema(number: str, maximum: dict[str, int], description: str) -> SchemaOf:
    """The JSON Schema of a value that may carry a qualifier: a number in range, or text as validate reads it.

    ``number`` is the pattern of the number written as text (a "%" may follow it), ``maximum`` its
    upper bound as a number. Validate reads ``1.000`` and ``9,000`` as they are written, so the
    text may not be a thousands group ("9.000": write 9000).
    """
    return SchemaOf(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, **maximum},
                {
                    "type": "string",
                    "pattern": f"^{SPACE}{WORD}({number}){SPACE}%?{SPACE}$",
                    "not": {"pattern": f"^{SPACE}{WORD}[0-9]{{1,3}}[.][0-9]{{3}}{SPACE}%?{SPACE}$"},
                },
            ],
            "description": description,
        }
    )


AMOUNT = "(0|[1-9][0-9]{0,14})([.,][0-9]+)?"
QValue = Annotated[
    Qualified,
    PlainValidator(parse_qualified),
    PlainSerializer(lambda q: q.value if q.exact else str(q)),
    qualified_schema(
        AMOUNT,
        {"exclusiveMaximum": 10**15},
        "Một số, có thể kèm chữ: trên, hơn, gần, khoảng, dưới, tối thiểu, ít nhất, tối đa.",
    ),
]
"""A number that may carry a qualifier: 98, "trên 98", "hơn 8130"."""

QPercent = Annotated[
    Qualified,
    PlainValidator(parse_qualified),
    PlainSerializer(lambda q: q.value if q.exact else str(q)),
    qualified_schema(
        "100([.,]0+)?|[1-9]?[0-9]([.,][0-9]+)?",
        {"maximum": 100},
        "Tỷ lệ phần trăm từ 0 đến 100, có thể kèm chữ (trên 98), giữ đúng số chữ số thập phân đã viết.",
    ),
]
"""A percentage that may carry a qualifier: 99,5, "trên 98"; over 100 is a check's finding (BC109)."""


def decimals(percent: Qualified | None) -> int:
    """Digits after the comma a percentage is shown with: as written, else 1."""
    if percent is None:
        return 1
    exponent = percent.value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 1
