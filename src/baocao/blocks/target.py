"""A target for the next period: "Trên 80% dân số trưởng thành có điện thoại thông minh".

A target is the unit's own: ``next`` keeps it as it is (to check), a roll-up leaves each
unit's in the annex (the level above sets its own), and it is never summed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baocao.blocks import prose
from baocao.blocks.base import CheckContext, Data, Expected, as_is, declare, first_written, shown, started
from baocao.blocks.cells import Line, Piece, Slot
from baocao.blocks.printing import item, qualified, with_note
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Model, Text, field
from baocao.model.qualified import QValue


class TargetBlock(Model):
    """A target: "Trên 80% dân số trưởng thành có điện thoại thông minh"."""

    key: Text | None = field("Mã", default=None)
    label: Text = field("Nội dung chỉ tiêu")
    value: QValue | None = field("Giá trị mục tiêu", "Ví dụ: trên 80", default=None)
    unit: Text = field("Đơn vị", default="%")
    note: Text | None = field("Ghi chú", default=None)


def check(target: TargetBlock, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """A target in percent is not above 100."""
    del context
    if target.note:  # a sentence: its numbers are checked as those of text are
        yield from prose.issues(target.note, (*loc, "note"))
    if target.value is not None and target.unit == "%" and target.value.value > 100:
        yield Issue("BC214", (*loc, "value"), {"stated": shown(target.value.value)})


def text(target: TargetBlock) -> str:
    """Written as "Tỷ lệ hộ gia đình có cáp quang: trên 80%"."""
    value = qualified(target.value, target.unit) if target.value is not None else "…"
    return with_note(f"{target.label}: {value}", target.note)


def start(expected: Expected, pad: str, alone: bool) -> list[str]:
    """A target block with the đề cương's key, label and unit, its value blank."""
    del alone
    return started("target", expected, pad, "Chỉ tiêu", "Ghi giá trị mục tiêu vào value (ví dụ 'trên 80').", ("value",))


def annex(target: TargetBlock) -> list[tuple[str, str, Any]]:
    """The target's value: "trên 80%", under "<label>: chỉ tiêu", so that it is not read as a result."""
    if target.unit == "%":
        return [(f"{target.label}: chỉ tiêu", "percent", target.value)]
    return [(f"{target.label} ({target.unit}): chỉ tiêu", "quantity", target.value)]


def annex_total(item: Data, columns: list[tuple[str, str]], rows: list[list[Any] | None]) -> tuple[str, ...]:
    """Targets are not summed: the total row is blank."""
    del item, rows
    return ("",) * len(columns)


def cells(data: Any, expected: Any) -> list[Piece]:
    """The target's value ("trên 80" is text a cell takes) and its note."""
    unit = data.get("unit", "%")
    guide = getattr(expected, "guide", None)
    return [
        Line(data.get("label") or "", unit, value=Slot(("value",), "number"), note=Slot(("note",), "text"), guide=guide)
    ]


KIND = declare(
    name="target",
    model=TargetBlock,
    title="Chỉ tiêu",
    description=None,
    definitions={
        "TargetBlock": ("Chỉ tiêu", "Một mục tiêu: trên 80% dân số trưởng thành có điện thoại thông minh."),
    },
    expected=Expected,
    start=start,
    conform=None,  # its unit is compared with the đề cương's, as every block's is
    by_unit=lambda expected: {},
    blank=lambda target: target.value is None,
    fill_at=lambda target, loc: first_written(target, loc, ("value",), "label"),
    blanks_inside=None,
    check=check,
    stated=lambda t: (t.value, t.unit),
    view=lambda target, context: item(text(target)),
    measure=None,  # a target is not a result to compare between periods
    computed=None,
    label=lambda t: t["label"],
    lists={},
    path_names={},
    carry=as_is("target"),
    rollup=None,  # the level above sets its own targets
    rollup_keyed=None,
    summary=None,
    annex=annex,
    annex_keeps=("unit", "value"),
    annex_total=annex_total,
    annex_table=None,
    cells=cells,
)
