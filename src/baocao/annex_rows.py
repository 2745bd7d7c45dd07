"""Annex tables of units that answered a đề cương: one row per unit for each item it marks ``by_unit``.

Each block type gives its columns, a unit's cells and the total row's cells
(:data:`ROWS`, one place to move into the block registry). Figures, answers
and indicators (count, total, rate) stand side by side, at most
:data:`VALUE_COLUMNS` value columns to a table so that it stays on portrait
pages; a data form (biểu mẫu) gets an annex of its own, one row per unit with
the form's columns after the first: the unit's row as written when it wrote one
row, else its rows' sums in the columns that add up and, in the others, the
value its rows share (left blank, and said under the table, when they differ).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from baocao import vietnamese as vn
from baocao.annex import Planned, UnitTable, _num, _pct
from baocao.blockviews import _column_title, _shown
from baocao.models import Report
from baocao.models.blocks import SUMMED_COLUMNS, Column, TableBlock, column_totals, typed_cell
from baocao.models.rollup import ByUnit, UnitRow
from baocao.outline_rollup import stated_number, stated_sum

VALUE_COLUMNS = 4  # value columns of a table of figures, answers and indicators: a portrait page
BY_UNIT = "Kết quả theo đơn vị"


@dataclass(frozen=True)
class Columns:
    """How one block type fills its columns of a per-unit table."""

    header: Callable[[ByUnit], tuple[str, ...]]
    cells: Callable[[ByUnit, UnitRow], tuple[str, ...]]
    total: Callable[[ByUnit, list[UnitRow]], tuple[str, ...]]


def _labelled(item: ByUnit) -> str:
    return f"{item.label} ({item.unit})" if item.unit else item.label


def _indicator_cells(item: ByUnit, unit: UnitRow) -> tuple[str, ...]:
    pair = unit.indicators.get(item.key)
    if pair is not None:
        return _num(pair.count), _num(pair.total), _pct(pair.count, pair.total)
    rate = unit.rates.get(item.key)
    return "", "", f"{rate}%" if rate else ""


def _indicator_total(item: ByUnit, units: list[UnitRow]) -> tuple[str, ...]:
    pairs = [u.indicators[item.key] for u in units if item.key in u.indicators]
    if not pairs:
        return "", "", ""
    count, total = sum(p.count for p in pairs), sum(p.total for p in pairs)
    return _num(count), _num(total), _pct(count, total)


def _answer_total(item: ByUnit, units: list[UnitRow]) -> tuple[str, ...]:
    first = item.choices[0] if item.choices else "Có"
    given = [u.answers[item.key] for u in units if item.key in u.answers]
    return (f"{first}: {vn.count(sum(a.casefold() == first.casefold() for a in given))}/{vn.count(len(given))}",)


def _figure_total(item: ByUnit, units: list[UnitRow]) -> tuple[str, ...]:
    """The sum, with the units' common qualifier ("hơn …"; "khoảng …" when they differ), as the body states it."""
    texts = [u.stated.get(item.key) or str(u.figures[item.key]) for u in units if item.key in u.figures]
    if not texts:
        return ("",)
    value, word = stated_number(stated_sum(texts))
    return (f"{word} {vn.number(value)}".strip(),)


ROWS: dict[str, Columns] = {
    "figure": Columns(
        lambda item: (_labelled(item),),
        lambda item, unit: (unit.stated.get(item.key) or _num(unit.figures.get(item.key)),),
        _figure_total,
    ),
    "indicator": Columns(
        lambda item: (f"{_labelled(item)}: số đạt", "tổng số", "tỷ lệ"), _indicator_cells, _indicator_total
    ),
    "answer": Columns(lambda item: (item.label,), lambda item, unit: (unit.answers.get(item.key, ""),), _answer_total),
    "target": Columns(
        lambda item: (f"{_labelled(item)}: chỉ tiêu",),
        lambda item, unit: (unit.stated.get(item.key, ""),),
        lambda item, units: ("",),  # targets are not summed
    ),
}


def planned(report: Report, units: list[UnitRow]) -> Iterator[Planned]:
    """The figures, answers and indicators in tables of a few columns, then one annex per data form."""
    assert report.rollup is not None
    chunk: list[ByUnit] = []
    width = 0
    for item in report.rollup.by_unit:
        if item.kind == "table":
            continue
        columns = len(ROWS[item.kind].header(item))
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
    for item in chunk:
        header += ROWS[item.kind].header(item)
        total += ROWS[item.kind].total(item, units)
    rows = tuple(
        (str(n), unit.name, *(cell for item in chunk for cell in ROWS[item.kind].cells(item, unit)))
        for n, unit in enumerate(units, 1)
    )
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
