"""Filling a form as a clerk would in Excel (openpyxl saves the workbook as Excel does): for the tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl

from baocao.blocks.figure import WHOLE_UNITS
from baocao.form import layout

CLERK = {
    ("issuing_body",): "Ủy ban nhân dân xã Phú Mỹ",
    ("short_name",): "UBND xã Phú Mỹ",
    ("area",): "xã Phú Mỹ",
    ("place",): "Phú Mỹ",
    ("symbol",): "BC-UBND",
    ("signer", "title"): "Chủ tịch",
    ("signer", "name"): "Nguyễn Văn An",
}


UNIT_COLUMN = 2  # a section sheet's columns: TT, the item, its unit, then the values


def plan_of(path: Path) -> layout.Plan:
    """The plan a form was written from, made again from its hidden sheet (as import does)."""
    book = openpyxl.load_workbook(path)
    meta = book[layout.META_SHEET]
    rows = [[cell.value for cell in row] for row in meta.iter_rows(max_col=2)]
    fields = {str(row[0]): row[1] for row in rows[:5]}
    kept = json.loads("".join(str(row[1]) for row in rows[5 : 5 + int(fields["chunks"])]))
    return layout.plan(
        kept["frame"], kept["asked"], fields["outline"], fields["outline_digest"], kept["about"], framed=True
    )


def cell_of(made: layout.Plan, label: str, col: int) -> tuple[str, int, int]:
    """(sheet, row, column) of the input cell in column ``col`` of the line labelled ``label`` (1-based, as Excel)."""
    for sheet in made.sheets:
        for item in sheet.inputs:
            if item.label == label and item.col == col:
                return sheet.name, item.row + 1, item.col + 1
    raise KeyError(label)


def fill(
    path: Path, out: Path, values: dict[tuple[str, int], Any] | None = None, text_numbers: bool = False
) -> dict[str, Any]:
    """Every input of the form filled with a value of its kind; open tables get two rows. What was typed, by label."""
    made = plan_of(path)
    book = openpyxl.load_workbook(path)
    typed: dict[str, Any] = {}
    for sheet in made.sheets:
        ws = book[sheet.name]
        for item in sheet.inputs:
            if not item.at or ws.cell(item.row + 1, item.col + 1).value not in (None, ""):
                continue  # what the form has written already (the level, the recipients) is left as it is
            unit = ws.cell(item.row + 1, UNIT_COLUMN + 1).value if sheet.kind == "section" else None
            value = _value(item, text_numbers, str(unit or ""))
            if item.at[:1] == ("document",):
                value = CLERK.get(item.at[1:], value)
            if values and (item.label, item.col) in values:
                value = values[(item.label, item.col)]
            _put(ws, item, value)
            typed[f"{item.label}@{item.col}"] = value
        table = sheet.table
        if table is not None and not table.grid.fixed:
            for offset in range(2):
                for col, column in table.columns:
                    item = layout.Input(sheet.name, table.first_row + offset, col, _slot(column), ("x",), table.label)
                    value = _value(item, text_numbers) if column.kind != "long_text" else f"Nhiệm vụ {offset + 1}"
                    _put(ws, item, value)
    book.save(out)
    return typed


def _slot(column: Any) -> Any:
    from baocao.blocks.cells import Slot

    return Slot((), column.kind, column.choices)


def _put(ws: Any, item: layout.Input, value: Any) -> None:
    if item.slot.kind == "count_of_total":
        count, total = value
        ws.cell(item.row + 1, item.col + 1, count)
        ws.cell(item.row + 1, item.col + 2, total)
    else:
        ws.cell(item.row + 1, item.col + 1, value)


def _value(item: layout.Input, text_numbers: bool, unit: str = "") -> Any:
    """A value a clerk would type: a count of people whole, other numbers with a decimal."""
    kind = item.slot.kind
    if kind == "number" and unit.strip().lower() in WHOLE_UNITS:
        return "12" if text_numbers else 12
    if kind == "integer":
        number = 1234 if item.col == layout.TOTAL else 1200 if item.col == layout.VALUE else 7
        return f"{number:,}".replace(",", ".") if text_numbers else number
    if kind in ("number", "money"):
        return "12,5" if text_numbers else 12.5
    if kind == "percent":
        return None  # a rate is computed from its count and total
    if kind == "count_of_total":
        return (3, 5)
    if kind == "date":
        return dt.datetime(2027, 1, 5)
    if kind == "choice":
        return item.slot.choices[0]
    if kind == "lines":
        return "Sở Khoa học và Công nghệ\nLưu: VT"
    if kind == "long_text":
        return "Đã triển khai đầy đủ các nhiệm vụ."
    return "Nội dung đã điền"
