"""Values summed as a report states them: with their common qualifier, the units named when few."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from baocao.blocks.printing import shown_value
from baocao.model.qualified import QUALIFIERS, Qualified

BOUND_WORDS = frozenset(QUALIFIERS)


def stated_number(text: Any) -> tuple[Decimal, str]:
    """A value as a unit wrote it ("hơn 160", "12,5") read as its number and its qualifier ("" when exact)."""
    words = str(text).strip().split()
    word = ""
    if len(words) > 1 and " ".join(words[:-1]).lower() in BOUND_WORDS:
        word = " ".join(words[:-1]).lower()
    return Decimal(words[-1].replace(",", ".")), word


def stated_sum(values: list[Any]) -> str:
    """Summed values as a report states them: exact, or with their common qualifier ("khoảng" when they differ)."""
    numbers = [stated_number(v) for v in values]
    total = sum((n for n, _ in numbers), Decimal(0))
    words = {w for _, w in numbers}
    word = "" if words == {""} else words.pop() if len(words) == 1 else "khoảng"
    text = format(total.normalize() if total != total.to_integral() else total.quantize(Decimal(1)), "f")
    return f"{word} {text.replace('.', ',')}".strip()


def listed(names: list[str], shown: int = 10) -> str:
    """Units named in a note: all of a few; the first ``shown`` and how many more of many."""
    if len(names) <= shown + 1:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} và {len(names) - shown} đơn vị khác"


def add(a: int | None, b: int | None) -> int | None:
    """A sum that is unknown when either side is."""
    return None if a is None or b is None else a + b


def summed_total(item: dict[str, Any], columns: list[tuple[str, str]], rows: list[list[Any] | None]) -> tuple[str, ...]:
    """The total row of an annex: the numbers of each column summed, with the units' common qualifier."""
    del item
    given = [row for row in rows if row is not None]
    if not given:
        return ("",) * len(columns)
    sums = []
    for index, (_, column) in enumerate(columns):
        values = [row[index] for row in given if row[index] is not None]
        if column in ("integer", "quantity", "money") and values:
            texts = [f"{v.word} {v.value}" if isinstance(v, Qualified) else str(v) for v in values]
            number, word = stated_number(stated_sum(texts))
            sums.append(f"{word} {shown_value(column, number)}".strip())
        else:
            sums.append("")
    return tuple(sums)
