"""The report's figures and tables as a plain workbook beside its DOCX (``build --xlsx``), numbers as numbers.

What the superior would otherwise type again from the DOCX: a sheet of the report's figures
(each item's value, total and rate, with its section), then one sheet per table, its header
and rows, numbers as Excel numbers. It is made from the same plan as the form a clerk fills
(:mod:`baocao.form.layout`), so every block type's cells are said in one place.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter

from baocao.blocks.cells import Column, Slot
from baocao.form.layout import HEADER_SHEET, PERCENT, TOTAL, VALUE, Sheet, plan, value_at
from baocao.form.values import pair_to_cells, to_cell
from baocao.form.workbook import FONT

FIGURE_COLUMNS = ("Mục", "Nội dung", "Đơn vị tính", "Số liệu", "Tổng số", "Tỷ lệ (%)")


def workbook(data: Any, title: str) -> bytes:
    """The workbook of a unit's figures and tables."""
    made = plan(data, {}, None, None, [])
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    book.set_properties({"title": title, "author": "baocao"})
    base = {"font_name": FONT, "font_size": 12, "border": 1, "valign": "top", "text_wrap": True}
    head = book.add_format({**base, "bold": True, "align": "center", "bg_color": "#DDEBF7"})
    cell = book.add_format(base)
    number = book.add_format({**base, "num_format": "#,##0.##;-#,##0.##;0"})
    date = book.add_format({**base, "num_format": "dd/mm/yyyy"})
    figures = book.add_worksheet("Số liệu")
    for col, (text, width) in enumerate(zip(FIGURE_COLUMNS, (30, 50, 12, 14, 14, 11), strict=True)):
        figures.set_column(col, col, width)
        figures.write_string(0, col, text, head)
    figures.freeze_panes(1, 0)
    row = 1
    for sheet in made.sheets:
        if sheet.kind == "section" and sheet.name != HEADER_SHEET:
            row = _figures(figures, row, sheet, data, cell, number)
    for sheet in made.sheets:
        if sheet.table is not None:
            _table(book, sheet, data, head, cell, number, date)
    book.close()
    return buffer.getvalue()


def _figures(ws: Any, row: int, sheet: Sheet, data: Any, cell: Any, number: Any) -> int:
    """The lines of a section's sheet that hold a number: one row each, its value, total and rate."""
    labels = {(w.row, w.col): w.value for w in sheet.writes}
    by_row: dict[int, dict[int, Any]] = {}
    for item in sheet.inputs:
        if item.col in (VALUE, TOTAL, PERCENT) and item.slot.kind not in ("text", "long_text", "lines", "date"):
            by_row.setdefault(item.row, {})[item.col] = to_cell(item.slot, value_at(data, item.at))
    for line, values in sorted(by_row.items()):
        if all(value is None for value in values.values()):
            continue
        ws.write_string(row, 0, sheet.name, cell)
        ws.write_string(row, 1, str(labels.get((line, 1), "")).strip(), cell)
        ws.write_string(row, 2, str(labels.get((line, 2), "")), cell)
        for col, offset in ((VALUE, 3), (TOTAL, 4), (PERCENT, 5)):
            _typed(ws, row, offset, values.get(col), number, cell)
        row += 1
    return row


def _table(book: Any, sheet: Sheet, data: Any, head: Any, cell: Any, number: Any, date: Any) -> None:
    table = sheet.table
    assert table is not None
    ws = book.add_worksheet(sheet.name)
    ws.write_string(0, 0, "TT", head)
    ws.set_column(0, 0, 6)
    for col, column in table.columns:
        title = f"{column.title} ({column.unit})" if column.unit else column.title
        if column.kind == "count_of_total":
            ws.write_string(0, col, f"{title}: số đạt", head)
            ws.write_string(0, col + 1, f"{title}: tổng số", head)
            ws.set_column(col, col + 1, 14)
        else:
            ws.write_string(0, col, title, head)
            ws.set_column(col, col, 36 if column.kind in ("text", "long_text") else 14)
    ws.freeze_panes(1, 0)
    rows = value_at(data, table.at)
    for index, row in enumerate(rows if isinstance(rows, list) else []):
        ws.write_number(index + 1, 0, index + 1, cell)
        for col, column in table.columns:
            value = value_at(row, (column.field,))
            if column.kind == "count_of_total":
                count, total = pair_to_cells(value)
                _typed(ws, index + 1, col, count, number, cell)
                _typed(ws, index + 1, col + 1, total, number, cell)
            else:
                shown = to_cell(_slot(column), value)
                _typed(ws, index + 1, col, shown, date if column.kind == "date" else number, cell)


def _slot(column: Column) -> Slot:
    return Slot((), column.kind, column.choices)


def _typed(ws: Any, row: int, col: int, value: Any, number: Any, cell: Any) -> None:
    if value is None:
        ws.write_blank(row, col, None, cell)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        ws.write_number(row, col, value, number)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), number)
    else:
        ws.write_string(row, col, str(value), cell)
