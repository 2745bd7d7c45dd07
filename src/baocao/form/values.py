"""A value between a unit's data and a workbook's cell: numbers as numbers, dates as dates, lists as lines.

A unit's data holds text as the clerk wrote it ("1.234", "8,5", "trên 60", "05/01/2026");
a cell holds what Excel typed (1234.0, 8.5, a date). Writing, a value that reads as a number
becomes one (else it stays text: "trên 60"); reading, a number is written back the Vietnamese
way, and text typed where a number belongs is read when it can only mean one number, with a
word to the clerk, or refused where it could mean two ("1,234"; "8.5").
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from baocao.blocks.cells import NUMBER_KINDS, Slot

WHOLE = re.compile(r"\d{1,15}")
THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){1,5}")
DECIMAL = re.compile(r"\d{1,15},\d{1,10}")
THOUSANDS_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3}){1,5},\d{1,10}")
POINT_DECIMAL = re.compile(r"\d{1,15}\.\d{1,10}")  # 8.5, 1.25: a decimal point, not Vietnamese
COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3}){1,5}")  # 1,234: thousands in English, or 1,234 in Vietnamese
DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
EXCEL_EPOCH = dt.date(1899, 12, 30)


class Read(NamedTuple):
    """A cell read: the value for the data (None: blank), and a word to the clerk (a code and its params) or None."""

    value: Any
    note: tuple[str, dict[str, Any]] | None = None


def parse_number(text: str) -> Decimal | None:
    """A number written the Vietnamese way ("1.234", "8,5", "1.234,5", "95"), else None."""
    text = text.strip()
    if WHOLE.fullmatch(text) or THOUSANDS.fullmatch(text):
        return Decimal(text.replace(".", ""))
    if DECIMAL.fullmatch(text) or THOUSANDS_DECIMAL.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    return None


def written(number: Decimal | int | float) -> str:
    """A number as a unit's file writes it: 1234, 8,5 (no thousands mark, a decimal comma)."""
    value = (
        number
        if isinstance(number, Decimal)
        else Decimal(repr(number))
        if isinstance(number, float)
        else Decimal(number)
    )
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", ",")


def to_cell(slot: Slot, value: Any) -> Any:
    """What a cell shows of a value of the data: a number, a date, a word, text; None for nothing written."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "…", "...")):
        return None
    if slot.kind == "lines" and isinstance(value, list):
        return "\n".join(str(item) for item in value)
    if isinstance(value, (dict, list)):
        return None
    text = str(value)
    if slot.values:
        for word, code in zip(slot.choices, slot.values, strict=True):
            if text == code:
                return word
    if slot.kind in NUMBER_KINDS and slot.kind != "count_of_total":
        number = parse_number(text)
        if number is not None:
            return int(number) if number == number.to_integral_value() else float(number)
    if slot.kind == "date" and (match := DATE.fullmatch(text.strip())):
        try:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            return text
    return text


def pair_to_cells(value: Any) -> tuple[Any, Any]:
    """A count of a total ("3/5") as its two cells; text that is not one stays in the first."""
    if value is None or str(value).strip() in ("", "…"):
        return None, None
    count, slash, total = str(value).partition("/")
    left, right = parse_number(count), parse_number(total)
    if slash and left is not None and right is not None:
        return int(left), int(right)
    return str(value), None


def from_cell(slot: Slot, raw: Any) -> Read:
    """The data's value of a cell as calamine reads it, with a word when it was typed as text or looks wrong."""
    if raw is None or raw == "":
        return Read(None)
    if type(raw) is str:  # most cells: text, or a number typed as text
        return _text(slot, raw)
    if isinstance(raw, bool):
        return Read("Có" if raw else "Không")
    if isinstance(raw, (dt.datetime, dt.date)):
        day = raw.date() if isinstance(raw, dt.datetime) else raw
        return Read(f"{day.day:02d}/{day.month:02d}/{day.year}")  # out of a date cell, the schema says what is wrong
    if isinstance(raw, dt.timedelta):
        return Read(str(raw))
    if isinstance(raw, (int, float)):
        return _number(slot, raw)
    return _text(slot, str(raw))


def _text(slot: Slot, raw: str) -> Read:
    text = raw.replace("\r\n", "\n").strip()
    if not text:
        return Read(None)
    if slot.kind == "lines":
        return Read([line.strip() for line in text.split("\n") if line.strip()])
    if slot.values:
        for word, code in zip(slot.choices, slot.values, strict=True):
            if text.casefold() in (word.casefold(), str(code).casefold()):
                return Read(code)
        return Read(text)
    if slot.kind in NUMBER_KINDS:
        return _number_text(slot, text)
    return Read(text)


def _number(slot: Slot, raw: int | float) -> Read:
    if raw != raw or raw in (float("inf"), float("-inf")):
        return Read(str(raw))
    if slot.kind == "date":
        if 1 <= raw < 2958466:
            day = EXCEL_EPOCH + dt.timedelta(days=int(raw))
            return Read(f"{day.day:02d}/{day.month:02d}/{day.year}")
        return Read(written(raw))
    if slot.kind in ("text", "long_text", "lines", "choice"):
        return Read(written(raw))
    if slot.kind == "percent" and 0 < raw < 1:
        return Read(
            written(raw), ("percent_fraction", {"value": written(raw), "percent": written(Decimal(repr(raw)) * 100)})
        )
    return Read(written(raw))


def _number_text(slot: Slot, text: str) -> Read:
    """Text typed in a number cell: read when it can mean one number only; refused when two; else left as written."""
    squeezed = text.replace(" ", "").rstrip("%") if slot.kind == "percent" else text.replace(" ", "")
    number = None if COMMA_GROUPS.fullmatch(squeezed) else parse_number(squeezed)
    if number is not None:
        return Read(written(number), ("number_as_text", {"text": text, "value": written(number)}))
    if POINT_DECIMAL.fullmatch(squeezed) or COMMA_GROUPS.fullmatch(squeezed):
        try:
            decimal = Decimal(squeezed.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the patterns are digits
            decimal = Decimal(0)
        return Read(text, ("ambiguous_number", {"text": text, "comma": written(decimal) if "." in squeezed else ""}))
    return Read(text)
