"""A report beside an earlier period (``build --compare``): how each keyed block changed, and the annex of both.

The numbers compared are each block type's own (:attr:`baocao.blocks.base.BlockType.measure`:
a figure's value, an indicator's rate) and the totals baocao computes (``computed``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from baocao.blocks import REGISTRY
from baocao.blocks.printing import versus
from baocao.core import vietnamese as vn
from baocao.report import Report


def changes(report: Report, previous: Report, reference: str) -> dict[tuple[str, str], str]:
    """The change of each keyed block both periods have, by (type, key): "tăng 30 km (7,1%) so với …"."""
    out: dict[tuple[str, str], str] = {}
    for kind in REGISTRY:
        old = dict(previous.measures(kind))
        for key, now in report.measures(kind):
            if key in old:
                before = old[key]
                out[(kind, key)] = versus(now.value - before.value, before.value, now.unit, reference, now.points)
    return out


def rows(report: Report, previous: Report) -> list[dict[str, Any]]:
    """Rows of the comparison annex: the keyed blocks both periods have, type by type, then computed totals."""
    out = []
    for kind in REGISTRY:
        old = dict(previous.measures(kind))
        for key, now in report.measures(kind):
            if key in old:
                out.append(row(now.label, now.unit, old[key].value, now.value))
    old_values = previous.computed()
    for name, (value, unit) in report.computed().items():
        if name in old_values:
            out.append(row(name, unit, old_values[name][0], value))
    return out


def row(label: str, unit: str | None, old: Decimal | int, new: Decimal | int) -> dict[str, Any]:
    """A row of the comparison annex; the change is worked out as ``baocao diff`` works it out.

    The rate is signed with one decimal ("+7,1%", "-8,0%", "0,0%"); a row of
    percentages shows its change in percentage points and no rate.
    """
    delta = Decimal(str(new)) - Decimal(str(old))
    sign = "+" if delta > 0 else ""
    if unit == "%":
        text, relative = f"{sign}{vn.number(delta, 1)} điểm phần trăm", ""
    else:
        text = sign + vn.number(delta)
        rate = vn.change_percent(old, new)
        relative = "" if rate is None else ("+" if rate > 0 else "") + vn.number(rate, 1) + "%"
    return {
        "label": label, "unit": unit or "", "old": old, "new": new, "change": delta,
        "change_text": text, "relative": relative,
    }  # fmt: skip
