"""What block views are made of: paragraphs of runs and tables of cells as plain data, and the words for values.

A view is a list of primitives, each a plain dict: a paragraph
(``{"kind": "para", "tag": "p"|"li"|"li2"|"star"|"note", "runs": [...]}``) or a table
(``{"kind": "table", "unit": …, "widths": …, "rows": [...]}``). The templates lay them
out (``_blocks.xml.j2``); the words are Vietnamese as a report writes them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from baocao.blocks.base import Prim, ViewContext
from baocao.core import vietnamese as vn
from baocao.model.qualified import Qualified

ESCAPES = {"\\*": "\x01", "\\-": "\x02", "\\+": "\x03", "\\\\": "\x04", "\\^": "\x05"}
RESTORE = str.maketrans({"\x01": "*", "\x02": "-", "\x03": "+", "\x04": "\\", "\x05": "^"})
EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
NOTE = re.compile(r"(?<!\\)\^\[([^\[\]]+)\]")
"""A footnote written where its mark goes: "sửa đổi^[Nghị định số 42/2022/NĐ-CP.]" (no brackets inside)."""


def runs(text: str, bold: bool = False) -> list[dict[str, Any]]:
    """Text with **bold**, *italic* and footnotes ^[…] as runs.

    A backslash keeps the next "*", "-", "+", "^" or backslash as written. A footnote is a run with
    its ``note`` (and no text), a real footnote in the DOCX.
    """
    if "*" not in text and "\\" not in text and "^[" not in text:
        return [{"text": text, "bold": bold, "italic": False}]
    escaped = "\\" in text
    for escape, mark in ESCAPES.items():
        text = text.replace(escape, mark)
    out: list[dict[str, Any]] = []
    at = 0
    for match in NOTE.finditer(text):
        out += _emphasis(text[at : match.start()], bold)
        if note := " ".join(match.group(1).split()):
            out.append({"text": "", "bold": bold, "italic": False, "note": note})
        at = match.end()
    out += _emphasis(text[at:], bold)
    if escaped:
        for run in out:
            run["text"] = run["text"].translate(RESTORE)
            if "note" in run:
                run["note"] = run["note"].translate(RESTORE)
    return out


def _emphasis(text: str, bold: bool) -> list[dict[str, Any]]:
    """The runs of a stretch of text with **bold** and *italic*."""
    out: list[dict[str, Any]] = []
    at = 0
    for match in EMPHASIS.finditer(text):
        if match.start() > at:
            out.append({"text": text[at : match.start()], "bold": bold, "italic": False})
        strong = match.group(1) is not None
        out.append({"text": match.group(1) or match.group(2), "bold": bold or strong, "italic": not strong})
        at = match.end()
    if at < len(text):
        out.append({"text": text[at:], "bold": bold, "italic": False})
    return out


def para(text: str, tag: str = "p") -> Prim:
    """A paragraph of plain words (no markup read)."""
    return {"kind": "para", "tag": tag, "align": None, "runs": [{"text": text, "bold": False, "italic": False}]}


def item(text: str) -> list[Prim]:
    """A "-" line; its final punctuation is set by the section it stands in."""
    prim = para(text, "li")
    prim["item"] = True
    return [prim]


def cell(text: Any, align: str = "left", span: int = 1, merged: bool = False) -> dict[str, Any]:
    """A table cell of plain text; ``merged``: a header cell that continues the one above it (one cell, two rows)."""
    return {"text": "" if text is None else str(text), "align": align, "span": span, "merged": merged}


def table(
    header: list[list[dict[str, Any]]],
    body: list[tuple[str, list[dict[str, Any]]]],
    widths: list[float],
    unit: str | None = None,
    title: str | None = None,
    after: list[str] | None = None,
) -> list[Prim]:
    """A table primitive, with its title paragraph before and its notes after."""
    rows = [{"role": "header", "cells": row} for row in header]
    rows += [{"role": role, "cells": cells} for role, cells in body]
    prims: list[Prim] = [para(title)] if title else []
    prims.append(
        {"kind": "table", "unit": unit or "", "widths": ",".join(format(w, "g") for w in widths), "rows": rows}
    )
    prims += [
        {"kind": "para", "tag": "note", "align": "center", "runs": [{"text": line, "bold": False, "italic": False}]}
        for line in after or []
    ]
    return prims


# --- the words of values -----------------------------------------------------------------------


def quantity(value: Decimal | int, unit: str | None = None) -> str:
    """Written as "02 điểm", "450 km", "1.505 hồ sơ"; decimals keep their digits."""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        text = vn.number(value)
    else:
        text = vn.count(int(value))
    return f"{text} {unit}" if unit else text


def qualified(value: Qualified, unit: str | None = None) -> str:
    """Written as "hơn 8.130 thành viên", "trên 98%", "02 điểm"."""
    if unit == "%":
        amount = f"{vn.number(value.value)}%"
    else:
        amount = quantity(value.value if value.value != value.value.to_integral() else int(value.value), unit)
    return f"{value.word} {amount}" if value.word else amount


def with_note(text: str, note: str | None) -> str:
    """``text`` with its note in brackets."""
    return f"{text} ({note})" if note else text


def changed(text: str, change: str | None) -> str:
    """``text`` followed by how the value changed (placed right after the value when parts or levels follow)."""
    return f"{text}, {change}" if change else text


def versus(change: Decimal, base: Decimal, unit: str | None, reference: str, points: bool = False) -> str:
    """Written as "tăng 30 km (7,1%) so với cùng kỳ năm 2021"; for percentages, in percentage points."""
    if change == 0:
        return f"{UNCHANGED}{reference}"
    word = "tăng" if change > 0 else "giảm"
    if points:
        return f"{word} {vn.number(abs(change))} điểm phần trăm so với {reference}"
    amount = quantity(abs(change), unit)
    if base:
        relative = vn.percent(abs(change) * 100 / base)
        return f"{word} {amount} ({relative}) so với {reference}"
    return f"{word} {amount} so với {reference}"


def versus_stated(before: str, reference: str) -> str:
    """Written as "06 tháng cuối năm 2025 là hơn 160 thành viên": an earlier value that is a bound, not a number."""
    return f"{reference} là {before}"


def shown_value(kind: str, value: Any) -> str:
    """A typed value as a table column of type ``kind`` prints it: "1.688", "3/5", "trên 98%"."""
    if value is None:
        return ""
    if isinstance(value, Qualified):
        number = shown_value(kind, value.value)
        return f"{value.word} {number}" if value.word else number
    if kind == "count_of_total":
        return f"{vn.number(value[0])}/{vn.number(value[1])}"
    if kind in ("integer", "quantity", "money"):
        return vn.number(value)
    if kind == "percent":
        return f"{vn.number(value)}%"
    if kind == "date":
        return vn.date_short(value)
    return str(value)


def number_cell(value: Decimal | int | None) -> str:
    """A number in a cell of an annex: "1.234", blank when there is none."""
    return "" if value is None else vn.number(value)


def rate_cell(count: int, total: int) -> str:
    """A rate with one decimal always ("58,0%", "46,7%"), so that a column of rates reads alike."""
    return vn.number(vn.ratio_percent(count, total, 1), 1) + "%" if total else ""


def change(name: str, value: Any, context: ViewContext, since: Any) -> str | None:
    """How a keyed block changed: against the period given to compare with, else against its ``previous``.

    ``since(value, reference)`` words the change from the block's own ``previous`` value.
    """
    key = getattr(value, "key", None)
    result: str | None = None
    if key and (name, key) in context.changes:
        result = context.changes[(name, key)]
    elif context.compared_with is not None:
        result = since(value, context.compared_with)
    label = getattr(value, "label", None)
    if result and result.startswith(UNCHANGED) and context.unchanged is not None and label:
        context.unchanged.append((label, result.removeprefix(UNCHANGED)))  # said once with the others
        return None
    return result


UNCHANGED = "không thay đổi so với "


def since(
    after: Qualified | None, before: Qualified | None, unit: str | None, reference: str, points: bool
) -> str | None:
    """How a value changed since an earlier one: "tăng 13 thành viên (8,1%) so với …".

    A value stated as a bound ("hơn 160") is not subtracted: the earlier one is quoted instead.
    """
    if after is None or before is None:
        return None
    if after.exact and before.exact:
        return versus(after.value - before.value, before.value, unit, reference, points=points)
    return versus_stated(qualified(before, unit), reference)
