"""Tables of a rolled-up report: one row per unit, a total row, ratios re-computed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from baocao import vietnamese as vn
from baocao.models import Report

FIGURE_COLUMNS = 6  # value columns per table, so a landscape page stays readable
INDICATOR_COLUMNS = 3  # indicators per table, three columns each


@dataclass(frozen=True)
class UnitTable:
    """A table of the annex: header cells, one row per unit, the total row."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...]

    @property
    def wide(self) -> bool:
        """True when the table wants a landscape page."""
        return len(self.header) > 6


@dataclass(frozen=True)
class UnitAnnex:
    """One annex: its title and its tables (landscape when any is wide)."""

    title: str
    tables: tuple[UnitTable, ...]

    @property
    def wide(self) -> bool:
        """True when the annex wants landscape pages."""
        return any(table.wide for table in self.tables)


def unit_annexes(report: Report) -> list[UnitAnnex]:
    """The tables of :func:`unit_tables`, one annex per title, in order."""
    annexes: dict[str, list[UnitTable]] = {}
    for table in unit_tables(report):
        annexes.setdefault(table.title, []).append(table)
    return [UnitAnnex(title, tuple(tables)) for title, tables in annexes.items()]


def unit_tables(report: Report) -> list[UnitTable]:
    """The annex tables of a report compiled by rollup; none for an ordinary report."""
    if report.rollup is None or not report.rollup.units:
        return []
    return [*_figure_tables(report), *_indicator_tables(report), *_other_tables(report)]


def _figure_tables(report: Report) -> list[UnitTable]:
    units = report.rollup.units if report.rollup else []
    figures = [f for f in report.figures if any(f.key in unit.figures for unit in units)]
    tables = []
    for start in range(0, len(figures), FIGURE_COLUMNS):
        chunk = figures[start : start + FIGURE_COLUMNS]
        header = ("TT", "Đơn vị", *(f"{f.label} ({f.unit})" if f.unit else f.label for f in chunk))
        rows = tuple(
            (str(n), unit.name, *(_num(unit.figures.get(f.key)) for f in chunk)) for n, unit in enumerate(units, 1)
        )
        total = ("", "Tổng cộng", *(_num(f.total) for f in chunk))
        tables.append(UnitTable("Số liệu theo đơn vị", header, rows, total))
    return tables


def _indicator_tables(report: Report) -> list[UnitTable]:
    units = report.rollup.units if report.rollup else []
    indicators = [i for i in report.indicators if any(i.key in unit.indicators for unit in units)]
    tables = []
    for start in range(0, len(indicators), INDICATOR_COLUMNS):
        chunk = indicators[start : start + INDICATOR_COLUMNS]
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
        tables.append(UnitTable("Chỉ tiêu tỷ lệ theo đơn vị", header, tuple(rows), total))
    return tables


def _other_tables(report: Report) -> list[UnitTable]:
    units = report.rollup.units if report.rollup else []
    columns = []
    if any(unit.budget is not None for unit in units):
        columns.append((f"Kinh phí ({report.budget.unit.value if report.budget else 'triệu đồng'})", "budget"))
    if any(unit.stations is not None for unit in units):
        columns.append(("Đài truyền thanh", "stations"))
    if not columns:
        return []
    rows = tuple(
        (str(n), unit.name, *(_num(getattr(unit, name)) for _, name in columns)) for n, unit in enumerate(units, 1)
    )
    sums = [sum((getattr(u, name) or 0 for u in units), Decimal(0)) for _, name in columns]
    total = ("", "Tổng cộng", *(_num(value) for value in sums))
    return [
        UnitTable("Kinh phí và đài truyền thanh theo đơn vị", ("TT", "Đơn vị", *(c for c, _ in columns)), rows, total)
    ]


def _num(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return vn.number(value)


def _pct(count: int, total: int) -> str:
    """A rate with one decimal always ("58,0%", "46,7%"), so the column reads alike."""
    return vn.number(vn.ratio_percent(count, total, 1), 1) + "%" if total else ""
