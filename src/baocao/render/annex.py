"""Annexes of a rolled-up report: tables of one row per unit, a total row, ratios re-computed.

Each block type says what its row holds (:mod:`baocao.blocks`): in a roll-up by sections,
its ``summary`` (a figure's value, an indicator's count, total and rate) for every keyed
block of the rolled-up report; in a roll-up by a đề cương, its ``annex`` cells for each item
the đề cương marks ``by_unit``, one table per item (its name over its count, total and rate),
and a table of its own for a data form. Every table is titled "Biểu N. …" and the body names
them (:func:`reference`); the TT and unit columns are as wide in every table. The tables
follow while the annexes hold at most :data:`ANNEX_ROWS` unit rows, so that a province of
thousands of units gets a report of tens of pages, not hundreds; what a table left out
would show stays in each unit's own report and in the ``rollup`` section of the
rolled-up data, and the last annex says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from baocao.blocks import REGISTRY
from baocao.blocks.base import Cell, UnitSummary, key_of
from baocao.blocks.printing import shown_value
from baocao.core import vietnamese as vn
from baocao.report import Report
from baocao.report.model import ByUnit, UnitRow

PORTRAIT_CM, LANDSCAPE_CM = 16.5, 25.2  # the text width of an annex page
NUMBER_CM = 0.9  # the TT column
UNIT_NAME_CM = (4.0, 7.0)  # the unit's name: as wide as the longest, within these, the same in every annex table
CAPITAL_CM, LETTER_CM, CELL_CM = 0.28, 0.19, 0.4  # a letter of 12 pt Times (capital, other); a cell's margins
CENTRED = ("choice", "yes_no", "text")  # answers and words stand in the middle of their cells; numbers right
BY_UNIT = "Kết quả theo đơn vị"
ANNEX_ROWS = 2_000  # unit rows of all annex tables together (the first is printed whatever its size)
Columns = list[tuple[str, str]]  # (title, column type) of one item, as its block type gives them


@dataclass(frozen=True)
class UnitTable:
    """A table of the annex: header cells, one row per unit, the total row.

    ``subject`` is what the table is about, printed "Biểu {number}. {subject}" above it;
    ``groups``, when given, is a header row above ``header`` of (title, columns spanned):
    an item's name over its count, total and rate. ``aligns`` sets each value column.
    """

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...]
    note: str = ""
    subject: str = ""
    groups: tuple[tuple[str, int], ...] = ()
    aligns: tuple[str, ...] = ()
    number: int = 0

    @property
    def wide(self) -> bool:
        """True when the table wants a landscape page."""
        return len(self.header) > 6

    def widths(self, page: float, name_cm: float) -> str:
        """Column widths in cm on a page ``page`` cm wide: TT and the unit's name as wide in every table."""
        values = max(1, len(self.header) - 2)
        share = (page - NUMBER_CM - name_cm) / values
        return ",".join(f"{width:.2f}" for width in (NUMBER_CM, name_cm, *(share,) * values))

    @property
    def cell_aligns(self) -> tuple[str, ...]:
        """How the cells of each column stand: the number centred, names left, answers centred, numbers right."""
        values = len(self.header) - 2
        return ("center", "left", *(self.aligns[i] if i < len(self.aligns) else "right" for i in range(values)))


@dataclass(frozen=True)
class UnitAnnex:
    """One annex: its title, its tables (landscape when any is wide) and a note on tables left out."""

    title: str
    tables: tuple[UnitTable, ...]
    note: str = ""
    name_cm: float = UNIT_NAME_CM[0]
    """The width of the unit column, the same in every annex of the report."""

    @property
    def wide(self) -> bool:
        """True when the annex wants landscape pages."""
        return any(table.wide for table in self.tables)

    @property
    def widths(self) -> tuple[str, ...]:
        """Each table's column widths (cm) on the annex's pages: the unit column as wide in every table."""
        page = LANDSCAPE_CM if self.wide else PORTRAIT_CM
        return tuple(table.widths(page, self.name_cm) for table in self.tables)


Planned = tuple[str, str, Callable[[], UnitTable | None]]  # the annex's title, the table's subject, how to make it


def unit_annexes(report: Report) -> list[UnitAnnex]:
    """The per-unit tables that fit, one annex per title, in order; the last annex says what is left out."""
    planned = _planned(report)
    units = len(report.rollup.units) if report.rollup else 0
    keep = max(1, ANNEX_ROWS // units) if units else 0
    annexes: dict[str, list[UnitTable]] = {}
    for title, _, make in planned[:keep]:
        table = make()
        if table is not None:
            annexes.setdefault(title, []).append(table)
    numbered = iter(range(1, len(planned) + 1))
    names = report.rollup.units if report.rollup else []
    longest = max((_name_cm(unit.name) for unit in names), default=0.0) + CELL_CM
    name_cm = min(max(longest, UNIT_NAME_CM[0]), UNIT_NAME_CM[1])
    out = [
        UnitAnnex(title, tuple(replace(table, number=next(numbered)) for table in group), name_cm=name_cm)
        for title, group in annexes.items()
    ]
    if len(planned) > keep and out:
        left = {subject[:1].lower() + subject[1:]: None for _, subject, _ in planned[keep:]}
        note = (
            f"Do có {vn.count(units)} đơn vị, phụ lục không in {len(planned) - keep} bảng theo đơn vị "
            f"({'; '.join(left)}); số liệu đó có trong báo cáo của từng đơn vị."
        )
        out[-1] = replace(out[-1], note=note)
    return out


def _name_cm(name: str) -> float:
    """About how wide a unit's name prints in a compact table (the writer measures it exactly; this is enough)."""
    return sum(CAPITAL_CM if char.isupper() else LETTER_CM for char in name)


def printed_items(marked: list[tuple[str, str]], units: int) -> set[str]:
    """The keys of the by-unit items (block type, key) whose tables the annexes print for ``units`` units.

    The tables come in the order :func:`unit_annexes` plans them (the items, then the forms), as many as
    :data:`ANNEX_ROWS` allows: a sentence of the body says "chi tiết tại Phụ lục" of those only.
    """
    order = [key for kind, key in marked if REGISTRY[kind].annex_table is None]
    order += [key for kind, key in marked if REGISTRY[kind].annex_table is not None]
    return set(order[: max(1, ANNEX_ROWS // units)] if units else [])


def reference(annexes: list[UnitAnnex]) -> str:
    """The body's sentence naming every table of the annexes: "Chi tiết theo từng đơn vị tại Phụ lục … (Biểu 1. …)"."""
    if not annexes:
        return ""
    names = ["Phụ lục"] if len(annexes) == 1 else [f"Phụ lục {vn.roman(n)}" for n in range(1, len(annexes) + 1)]
    parts = [
        f"{name} ({'; '.join(f'Biểu {table.number}. {table.subject}' for table in annex.tables)})"
        for name, annex in zip(names, annexes, strict=True)
    ]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]
    return f"Chi tiết theo từng đơn vị tại {listed} kèm theo Báo cáo này."


def _planned(report: Report) -> list[Planned]:
    """Every table a rolled-up report could have; none for an ordinary report."""
    if report.rollup is None or not report.rollup.units:
        return []
    units = report.rollup.units
    if report.rollup.by_unit:  # units that answered a đề cương: the items it marks by_unit, in its order
        return list(_by_unit(report.rollup.by_unit, units))
    return list(_summaries(report, units))


# --- a roll-up by sections: each keyed block's summary ----------------------------------------------


def _summaries(report: Report, units: list[UnitRow]) -> Iterator[Planned]:
    for kind, entry in REGISTRY.items():
        summary = entry.summary
        if summary is None:
            continue
        given = {key for unit in units for key in unit.summary.get(kind, {})}
        values = []
        for _, block in report.blocks():
            key = key_of(block.value)
            if block.kind == kind and key in given and summary.total(block.value) is not None:
                values.append((key, block.value))
        for start in range(0, len(values), summary.per_table):
            yield (
                summary.title,
                summary.title,
                partial(_summary_table, summary, kind, values[start : start + summary.per_table], units),
            )


def _summary_table(summary: UnitSummary, kind: str, chunk: list[tuple[Any, Any]], units: list[UnitRow]) -> UnitTable:
    header = ("TT", "Đơn vị", *(title for _, value in chunk for title in summary.header(value)))
    rows = tuple(
        (str(n), unit.name, *(cell for key, _ in chunk for cell in summary.cells(unit.summary.get(kind, {}).get(key))))
        for n, unit in enumerate(units, 1)
    )
    total = ("", "Tổng cộng", *(cell for _, value in chunk for cell in summary.total(value) or ()))
    return UnitTable(summary.title, header, rows, total, subject=summary.title)


# --- a roll-up by a đề cương: each by-unit item's cells ------------------------------------------------


def typed(kind: str, data: Any) -> Any:
    """A block's value as plain data, typed by its type's model (ValidationError, a ValueError, when it refuses)."""
    return REGISTRY.entry_model().model_validate({kind: data}).value


def _cells_of(kind: str, data: Any) -> list[Cell]:
    make = REGISTRY[kind].annex
    return [] if make is None else make(typed(kind, data))


def annex_columns(kind: str, data: Any) -> Columns:
    """The columns a block gives an annex of one row per unit: (title, column type), in order.

    ``data`` is the block's value as a unit file holds it (plain data as loaded, or as dumped
    from the model). The column types are a table's (``integer``, ``quantity``, ``money``,
    ``percent``, ``count_of_total``, ``choice``…). A type with no one-row form (text, cited
    documents, the task table) gives [].
    """
    return [(title, column) for title, column, _ in _cells_of(kind, data)]


def annex_values(kind: str, data: Any, columns: Columns, cells: list[Cell] | None = None) -> list[Any]:
    """The typed values of the block's row (None where it has none), one for each of ``columns``: to sum them."""
    values = {(title, column): value for title, column, value in cells or _cells_of(kind, data)}
    return [values.get(column) for column in columns]


def annex_row(kind: str, data: Any, columns: Columns | None = None) -> list[str]:
    """The cells of the block's row as printed ("42.694", "trên 98%"), one for each of ``columns``.

    ``columns`` default to the block's own (:func:`annex_columns`). Given those of another
    unit's block, or of the summed block, each cell is the value of the column of the same
    title, and blank where this block has none: a unit that states no part, or no
    sub-rate, leaves that cell empty rather than shifting the others.
    """
    cells = _cells_of(kind, data)
    if columns is None:
        return [shown_value(column, value) for _, column, value in cells]
    values = annex_values(kind, data, columns, cells)
    return [shown_value(column, value) for (_, column), value in zip(columns, values, strict=True)]


def _columns(item: ByUnit, units: list[UnitRow]) -> Columns:
    """The item's annex columns (:func:`annex_columns`) of the first unit that gives it."""
    data = next((u.blocks[item.key] for u in units if item.key in u.blocks), None)
    if data is None:
        data = {"label": item.label, **({"unit": item.unit} if item.unit else {})}
    return annex_columns(item.kind, data)


def _header(item: ByUnit, columns: Columns) -> tuple[str, ...]:
    """The columns' titles, the first naming the item when its type's title does not ("… : số đạt")."""
    titles = [title for title, _ in columns]
    if titles and not titles[0].startswith(item.label):
        titles[0] = f"{item.label}: {titles[0][:1].lower()}{titles[0][1:]}"
    return tuple(titles)


def _row_cells(columns: Columns, values: list[Any] | None) -> tuple[str, ...]:
    if values is None:
        return ("",) * len(columns)
    return tuple(shown_value(column, value) for (_, column), value in zip(columns, values, strict=True))


def _by_unit(items: list[ByUnit], units: list[UnitRow]) -> Iterator[Planned]:
    """A table for each item, in the đề cương's order; then the items with a table of their own (forms)."""
    for item in items:
        if REGISTRY[item.kind].annex_table is None:
            yield BY_UNIT, _subject(item), partial(_one_item, item, units)
    for item in items:
        if REGISTRY[item.kind].annex_table is not None:
            yield item.label, item.label, partial(_own_table, item, units)


def _subject(item: ByUnit) -> str:
    return f"{item.label} ({item.unit})" if item.unit and len(item.unit) < 20 else item.label


def _one_item(item: ByUnit, units: list[UnitRow]) -> UnitTable:
    """One item's table: a row per unit; an item of several columns under a header that names it over them."""
    columns = _columns(item, units)
    values = [annex_values(item.kind, u.blocks[item.key], columns) if item.key in u.blocks else None for u in units]
    make_total = REGISTRY[item.kind].annex_total
    total = make_total(item.model_dump(), columns, values) if make_total else ("",) * len(columns)
    filled = [i for i in range(len(columns)) if any(v is not None and v[i] is not None for v in values)]
    if filled and len(filled) < len(columns):  # a column no unit fills (a count when all gave a rate) is left out
        columns, total = [columns[i] for i in filled], tuple(total[i] for i in filled)
        values = [None if v is None else [v[i] for i in filled] for v in values]
    rows = tuple(
        (str(n), unit.name, *_row_cells(columns, value))
        for n, (unit, value) in enumerate(zip(units, values, strict=True), 1)
    )
    aligns = tuple("center" if column in CENTRED else "right" for _, column in columns)
    if len(columns) > 1:
        header = ("TT", "Đơn vị", *(_short(title, item) for title, _ in columns))
        groups = (("TT", 1), ("Đơn vị", 1), (_subject(item), len(columns)))
        return UnitTable(
            BY_UNIT, header, rows, ("", "Tổng cộng", *total), subject=_subject(item), groups=groups, aligns=aligns
        )
    header = ("TT", "Đơn vị", *_header(item, columns))
    return UnitTable(BY_UNIT, header, rows, ("", "Tổng cộng", *total), subject=_subject(item), aligns=aligns)


def _short(title: str, item: ByUnit) -> str:
    """A column's title under its item's name: "Số đạt (hồ sơ)" becomes "Số hồ sơ", "Tổng số (hồ sơ)" "Tổng số"."""
    if item.unit and title == f"Số đạt ({item.unit})":
        return f"Số {item.unit}"
    if item.unit and title.endswith(f" ({item.unit})"):
        return title[: -len(item.unit) - 3]
    return title


def _own_table(item: ByUnit, units: list[UnitRow]) -> UnitTable | None:
    make = REGISTRY[item.kind].annex_table
    assert make is not None  # only the types with a table of their own are planned here (_by_unit)
    table = make(item.model_dump(mode="json"), [(unit.name, unit.blocks.get(item.key)) for unit in units])
    if table is None:
        return None
    types = [str(column.get("type") or "text") for column in item.model_dump(mode="json").get("columns") or []][1:]
    aligns = tuple("center" if kind in CENTRED else "right" for kind in types)
    if len(aligns) != len(table.header) - 2:  # a form printed otherwise than column for column: numbers right
        aligns = ()
    return UnitTable(item.label, table.header, table.rows, table.total, table.note, subject=item.label, aligns=aligns)
