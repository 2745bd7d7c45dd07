"""Annex tables of units that answered a đề cương: one row per unit for each item it marks ``by_unit``.

Each block type gives its columns and a unit's cells through the block registry
(:func:`baocao.blocktypes.annex_columns`, ``annex_row``), from the by-unit blocks
each unit's row keeps; the total row sums them. Figures, answers and indicators
(count, total, rate) stand side by side, at most
:data:`VALUE_COLUMNS` value columns to a table so that it stays on portrait
pages; a data form (biểu mẫu) gets an annex of its own, one row per unit with
the form's columns after the first: the unit's row as written when it wrote one
row, else its rows' sums in the columns that add up and, in the others, the
value its rows share (left blank, and said under the table, when they differ).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from baocao.annex import Planned, UnitTable, _num, _pct
from baocao.blocktypes import annex_columns, annex_values
from baocao.blockviews import _column_title, _shown, shown_value
from baocao.core import vietnamese as vn
from baocao.models import Report
from baocao.models.blocks import SUMMED_COLUMNS, Column, Qualified, TableBlock, column_totals, typed_cell
from baocao.models.rollup import ByUnit, UnitRow
from baocao.rollup.sections import stated_number, stated_sum

VALUE_COLUMNS = 4  # value columns of a table of figures, answers and indicators: a portrait page
BY_UNIT = "Kết quả theo đơn vị"


Columns = list[tuple[str, str]]  # (title, column type) of one item, as the block registry gives them


def _columns(item: ByUnit, units: list[UnitRow]) -> Columns:
    """The item's annex columns (:func:`baocao.blocktypes.annex_columns`) of the first unit that gives it."""
    data = next((u.blocks[item.key] for u in units if item.key in u.blocks), None)
    if data is None:
        data = {"label": item.label, **({"unit": item.unit} if item.unit else {})}
    return annex_columns(item.kind, data)


def _header(item: ByUnit, columns: Columns) -> tuple[str, ...]:
    """The columns' titles, the first naming the item when the registry's title does not ("… : số đạt")."""
    titles = [title for title, _ in columns]
    if titles and not titles[0].startswith(item.label):
        titles[0] = f"{item.label}: {titles[0][:1].lower()}{titles[0][1:]}"
    return tuple(titles)


def _values(item: ByUnit, columns: Columns, units: list[UnitRow]) -> list[list[Any] | None]:
    """Each unit's typed values of the item's columns; None for a unit that does not give it."""
    return [annex_values(item.kind, u.blocks[item.key], columns) if item.key in u.blocks else None for u in units]


def _cells(columns: Columns, values: list[Any] | None) -> tuple[str, ...]:
    if values is None:
        return ("",) * len(columns)
    return tuple(shown_value(column, value) for (_, column), value in zip(columns, values, strict=True))


def _total(item: ByUnit, columns: Columns, rows: list[list[Any] | None]) -> tuple[str, ...]:
    """The total row: sums (with the units' common qualifier), an indicator's rate of its sums, an answer's count."""
    given = [row for row in rows if row is not None]
    if item.kind == "target" or not given:  # targets are not summed
        return ("",) * len(columns)
    if item.kind == "answer":
        first = item.choices[0] if item.choices else "Có"
        chosen = sum(str(row[0]).casefold() == first.casefold() for row in given if row[0] is not None)
        return (f"{first}: {vn.count(chosen)}/{vn.count(len(given))}",)
    if item.kind == "indicator":  # count and total of the units that give both, and their rate
        pairs = [row for row in given if row[0] is not None and row[1] is not None]
        if not pairs:
            return ("",) * len(columns)
        count, total = sum(row[0] for row in pairs), sum(row[1] for row in pairs)
        return (_num(count), _num(total), _pct(count, total), *("",) * (len(columns) - 3))
    sums = []
    for index, (_, column) in enumerate(columns):
        values = [row[index] for row in given if row[index] is not None]
        sums.append(_summed(column, values) if column in ("integer", "quantity", "money") and values else "")
    return tuple(sums)


def _summed(column: str, values: list[Any]) -> str:
    """Summed values with their common qualifier ("hơn 320"; "khoảng …" when they differ), as the body states it."""
    texts = [f"{v.word} {v.value}" if isinstance(v, Qualified) else str(v) for v in values]
    number, word = stated_number(stated_sum(texts))
    return f"{word} {shown_value(column, number)}".strip()


def planned(report: Report, units: list[UnitRow]) -> Iterator[Planned]:
    """The figures, answers and indicators in tables of a few columns, then one annex per data form."""
    assert report.rollup is not None
    chunk: list[ByUnit] = []
    width = 0
    for item in report.rollup.by_unit:
        if item.kind == "table":
            continue
        columns = len(_columns(item, units))
        if chunk and width + columns > VALUE_COLUMNS:
            yield BY_UNIT, partial(_scalar_table, chunk, units)
            chunk, width = [], 0
        chunk.append(item)
        width += columns
    if chunk:
        yield BY_UNIT, partial(_scalar_table, chunk, units)
    for item in report.rollup.by_unit:
        if item.kind == "table" and len(item.columns) > 1:
            yield item.label, partial(_form_table, item, units)


def _scalar_table(chunk: list[ByUnit], units: list[UnitRow]) -> UnitTable:
    header: tuple[str, ...] = ("TT", "Đơn vị")
    total: tuple[str, ...] = ("", "Tổng cộng")
    cells: list[tuple[str, ...]] = [() for _ in units]
    for item in chunk:
        columns = _columns(item, units)
        values = _values(item, columns, units)
        header += _header(item, columns)
        total += _total(item, columns, values)
        cells = [row + _cells(columns, unit) for row, unit in zip(cells, values, strict=True)]
    rows = tuple((str(n), unit.name, *row) for n, (unit, row) in enumerate(zip(units, cells, strict=True), 1))
    return UnitTable(BY_UNIT, header, rows, total)


def _form_table(item: ByUnit, units: list[UnitRow]) -> UnitTable:
    columns = item.columns[1:]
    differ: set[str] = set()
    rows = []
    for n, unit in enumerate(units, 1):
        cells = _form_row(columns, unit.tables.get(item.key, []), differ)
        rows.append((str(n), unit.name, *cells))
    whole = TableBlock.model_construct(
        columns=item.columns, rows=[r for u in units for r in u.tables.get(item.key, [])]
    )
    sums = column_totals(whole)
    total = ("", "Tổng cộng", *(_shown(c, sums[c.key], "") if c.key in sums else "" for c in columns))
    note = ""
    if differ:
        named = ", ".join(c.title for c in columns if c.key in differ)
        note = f"Ô để trống ở cột {named}: các dòng của đơn vị ghi khác nhau, xem báo cáo của đơn vị."
    header = ("TT", "Đơn vị", *(_column_title(c) for c in columns))
    return UnitTable(item.label, header, tuple(rows), total, note)


def _form_row(columns: list[Column], rows: list[dict[str, Any]], differ: set[str]) -> list[str]:
    """A unit's cells of a form: its one row as written, or its rows summed where the column adds up."""
    if len(rows) <= 1:
        row = rows[0] if rows else {}
        return [_shown(c, typed_cell(c, row.get(c.key)), row.get(c.key)) for c in columns]
    sums = column_totals(TableBlock.model_construct(columns=columns, rows=rows))
    cells = []
    for column in columns:
        if column.type in SUMMED_COLUMNS:
            cells.append(_shown(column, sums[column.key], "") if column.key in sums else "")
            continue
        values = {str(row.get(column.key) or "").strip() for row in rows} - {""}
        if len(values) > 1:
            differ.add(column.key)
        text = values.pop() if len(values) == 1 else None
        cells.append(_shown(column, typed_cell(column, text), text) if text else "")
    return cells
