"""A block as one row of an annex: the columns it gives a table of one row per unit, and their values.

A rolled-up report may add, for a block the outline marks (an indicator, a
table…), a table with one row per unit. What that row holds depends on the
block's type: a figure its value and parts, an indicator its count, total and
rate, a table the totals of its columns that add up. Each function here takes
a block's typed value and returns its cells as (column title, column type,
value); the column types are those of a table's columns (``integer``,
``quantity``, ``money``, ``percent``, ``count_of_total``, ``choice``…), so the
annex can be laid out and printed as a typed table is. They are registered by
type in :mod:`baocao.blocktypes` (``annex``), which also reads them for callers
(:func:`baocao.blocktypes.annex_columns`, :func:`baocao.blocktypes.annex_row`).
"""

from __future__ import annotations

from typing import Any

from baocao.core import vietnamese as vn
from baocao.models.blocks import (
    SUMMED_COLUMNS,
    AnswerBlock,
    FigureBlock,
    IndicatorBlock,
    Qualified,
    Rate,
    TableBlock,
    TargetBlock,
    column_totals,
)
from baocao.models.budget import Budget
from baocao.models.figures import Team
from baocao.models.radio import Radio
from baocao.models.services import PublicServices

Cell = tuple[str, str, Any]
"""(column title, column type, the typed value or None)."""


def _titled(title: str, unit: str | None) -> str:
    return f"{title} ({unit})" if unit else title


def figure(item: FigureBlock) -> list[Cell]:
    """The value (stated, else the sum of whole parts), then each part ("một phần", "toàn trình")."""
    cells = [(_titled(item.label, item.unit), "quantity", item.total)]
    return cells + [(_titled(part.label, part.unit), "quantity", part.value) for part in item.parts]


def _rate(item: Rate) -> Qualified | None:
    """The rate as stated, else computed from the count and total to one decimal."""
    if item.percent is not None:
        return item.percent
    if item.count is not None and item.total:
        return Qualified(vn.ratio_percent(item.count, item.total, 1))
    return None


def indicator(item: IndicatorBlock) -> list[Cell]:
    """Count, total and rate; then each sub-rate by level ("cấp xã"), a rate only."""
    cells = [
        (_titled("Số đạt", item.unit), "integer", item.count),
        (_titled("Tổng số", item.unit), "integer", item.total),
        ("Tỷ lệ", "percent", _rate(item)),
    ]
    return cells + [(f"Tỷ lệ {level.label}", "percent", _rate(level)) for level in item.levels]


def target(item: TargetBlock) -> list[Cell]:
    """The target's value: "trên 80%", under "<label>: chỉ tiêu", so that it is not read as a result."""
    if item.unit == "%":
        return [(f"{item.label}: chỉ tiêu", "percent", item.value)]
    return [(f"{_titled(item.label, item.unit)}: chỉ tiêu", "quantity", item.value)]


def answer(item: AnswerBlock) -> list[Cell]:
    """The answer as its choice is spelled: "Có"."""
    return [(item.label, "choice", item.answer)]


def table(item: TableBlock) -> list[Cell]:
    """The table's total row: each column that adds up (integer, count of total, quantity, money), summed."""
    totals = column_totals(item)
    return [
        (_titled(column.title, column.unit), column.type, totals.get(column.key))
        for column in item.columns
        if column.type in SUMMED_COLUMNS
    ]


def budget(item: Budget) -> list[Cell]:
    """The total, computed from the lines."""
    return [(f"Kinh phí ({item.unit.value})", "money", item.computed)]


def radio(item: Radio) -> list[Cell]:
    """Communes and stations."""
    return [("Số xã, phường, thị trấn", "integer", item.communes), ("Số đài truyền thanh", "integer", item.total)]


def public_services(item: PublicServices) -> list[Cell]:
    """Services online by scope; then the dossiers received, resolved and online that the block states or sums."""
    cells: list[Cell] = [
        (
            f"Dịch vụ công trực tuyến: {group.scope}",
            "integer",
            group.total if group.total is not None else group.levels_sum,
        )
        for group in item.procedures
    ]
    dossiers = item.dossiers
    if dossiers is not None:
        for title, name in DOSSIER_COLUMNS:
            stated = getattr(dossiers, name)
            value = stated if stated is not None or name == "resolved" else dossiers.column_total(name)
            if value is not None:
                cells.append((title, "integer", value))
    return cells


DOSSIER_COLUMNS = (("Hồ sơ tiếp nhận", "received"), ("Hồ sơ đã giải quyết", "resolved"), ("Hồ sơ trực tuyến", "online"))


def teams(items: list[Team]) -> list[Cell]:
    """Teams and members over every level."""
    return [
        ("Số tổ công nghệ số cộng đồng", "integer", sum(team.teams for team in items)),
        ("Số thành viên", "integer", sum(team.members for team in items)),
    ]
