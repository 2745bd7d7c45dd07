"""Tables of a rolled-up report: one row per unit, a total row, ratios re-computed.

The first table (budget total and radio stations of each unit) is always
printed; the tables of figures and indicators follow while the annexes hold
at most :data:`ANNEX_ROWS` unit rows, so that a province of thousands of units
gets a report of tens of pages, not hundreds. What a table left out would
show stays in each unit's own report and in the ``rollup`` section of the
rolled-up data; the annex says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from baocao.core import vietnamese as vn
from baocao.models import Report
from baocao.models.figures import Figure, Indicator
from baocao.models.rollup import UnitRow

FIGURE_COLUMNS = 6  # value columns per table, so a landscape page stays readable
INDICATOR_COLUMNS = 3  # indicators per table, three columns each
FIGURES, INDICATORS = "Số liệu theo đơn vị", "Chỉ tiêu tỷ lệ theo đơn vị"
BUDGET_STATIONS = "Kinh phí và đài truyền thanh theo đơn vị"
ANNEX_ROWS = 2_000  # unit rows of all annex tables together (the first is printed whatever its size)


@dataclass(frozen=True)
class UnitTable:
    """A table of the annex: header cells, one row per unit, the total row."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...]
    note: str = ""

    @property
    def wide(self) -> bool:
        """True when the table wants a landscape page."""
        return len(self.header) > 6


@dataclass(frozen=True)
class UnitAnnex:
    """One annex: its title, its tables (landscape when any is wide) and a note on tables left out."""

    title: str
    tables: tuple[UnitTable, ...]
    note: str = ""

    @property
    def wide(self) -> bool:
        """True when the annex wants landscape pages."""
        return any(table.wide for table in self.tables)


def unit_annexes(report: Report) -> list[UnitAnnex]:
    """The per-unit tables that fit, one annex per title, in order; the last annex says what is left out."""
    planned = _planned(report)
    units = len(report.rollup.units) if report.rollup else 0
    keep = max(1, ANNEX_ROWS // units) if units else 0
    annexes: dict[str, list[UnitTable]] = {}
    for title, make in planned[:keep]:
        annexes.setdefault(title, []).append(make())
    out = [UnitAnnex(title, tuple(group)) for title, group in annexes.items()]
    if len(planned) > keep:
        left = {title.lower(): None for title, _ in planned[keep:]}
        note = (
            f"Do có {vn.count(units)} đơn vị, phụ lục không in {len(planned) - keep} bảng theo đơn vị "
            f"({'; '.join(left)}); số liệu đó có trong báo cáo của từng đơn vị."
        )
        out[-1] = UnitAnnex(out[-1].title, out[-1].tables, note)
    return out


Planned = tuple[str, Callable[[], UnitTable]]  # a table's title, and how to make it when it is printed


def _planned(report: Report) -> list[Planned]:
    """Every table a rolled-up report could have, budget and stations first; none for an ordinary report."""
    if report.rollup is None or not report.rollup.units:
        return []
    units = report.rollup.units
    if report.rollup.by_unit:  # units that answered a đề cương: the items it marks by_unit, in its order
        from baocao.annex_rows import planned

        return [*_other_tables(report, units), *planned(report, units)]
    return [*_other_tables(report, units), *_figure_tables(report, units), *_indicator_tables(report, units)]


def _figure_tables(report: Report, units: list[UnitRow]) -> Iterator[Planned]:
    figures = [f for f in report.keyed("figure") if any(f.key in unit.figures for unit in units)]
    for start in range(0, len(figures), FIGURE_COLUMNS):
        yield FIGURES, partial(_figure_table, figures[start : start + FIGURE_COLUMNS], units)


def _figure_table(chunk: list[Figure], units: list[UnitRow]) -> UnitTable:
    header = ("TT", "Đơn vị", *(f"{f.label} ({f.unit})" if f.unit else f.label for f in chunk))
    rows = tuple(
        (str(n), unit.name, *(_num(unit.figures.get(f.key)) for f in chunk)) for n, unit in enumerate(units, 1)
    )
    total = ("", "Tổng cộng", *(_num(f.total) for f in chunk))
    return UnitTable(FIGURES, header, rows, total)


def _indicator_tables(report: Report, units: list[UnitRow]) -> Iterator[Planned]:
    indicators = [i for i in report.keyed("indicator") if any(i.key in unit.indicators for unit in units)]
    for start in range(0, len(indicators), INDICATOR_COLUMNS):
        yield (
            INDICATORS,
            partial(_indicator_table, indicators[start : start + INDICATOR_COLUMNS], units),
        )


def _indicator_table(chunk: list[Indicator], units: list[UnitRow]) -> UnitTable:
    header: tuple[str, ...] = ("TT", "Đơn vị")
    for item in chunk:
        header += (f"{item.label}: số đạt", "tổng số", "tỷ lệ")
    rows = []
    for n, unit in enumerate(units, 1):
        cells: tuple[str, ...] = (str(n), unit.name)
        for item in chunk:
            pair = unit.indicators.get(item.key)
            cells += (_num(pair.count), _num(pair.total), _pct(pair.count, pair.total)) if pair else ("", "", "")
        rows.append(cells)
    total: tuple[str, ...] = ("", "Tổng cộng")
    for item in chunk:
        total += (_num(item.count), _num(item.total), _pct(item.count, item.total))
    return UnitTable(INDICATORS, header, tuple(rows), total)


def _other_tables(report: Report, units: list[UnitRow]) -> Iterator[Planned]:
    columns = []
    if any(unit.budget is not None for unit in units):
        columns.append((f"Kinh phí ({report.budget.unit.value if report.budget else 'triệu đồng'})", "budget"))
    if any(unit.stations is not None for unit in units):
        columns.append(("Đài truyền thanh", "stations"))
    if columns:
        yield BUDGET_STATIONS, partial(_other_table, columns, units)


def _other_table(columns: list[tuple[str, str]], units: list[UnitRow]) -> UnitTable:
    rows = tuple(
        (str(n), unit.name, *(_num(getattr(unit, name)) for _, name in columns)) for n, unit in enumerate(units, 1)
    )
    sums = [sum((getattr(u, name) or 0 for u in units), Decimal(0)) for _, name in columns]
    total = ("", "Tổng cộng", *(_num(value) for value in sums))
    header = ("TT", "Đơn vị", *(c for c, _ in columns))
    return UnitTable(BUDGET_STATIONS, header, rows, total)


def _num(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return vn.number(value)


def _pct(count: int, total: int) -> str:
    """A rate with one decimal always ("58,0%", "46,7%"), so the column reads alike."""
    return vn.number(vn.ratio_percent(count, total, 1), 1) + "%" if total else ""
