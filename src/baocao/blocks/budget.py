"""The budget table: line items (an amount may be blank, "VNPT hỗ trợ"), optional groups, the total in words.

Group subtotals, the grand total and the amount in words are computed; stated ones are
checked. Rolled up, each unit's lines stay a group of their own, converted to the first
unit's money unit.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Self

from pydantic import ConfigDict, model_validator

from baocao.blocks.base import CheckContext, Data, as_comment, declare, mismatch
from baocao.blocks.cells import Grid, Line, Piece, Slot, field_columns, rows_of
from baocao.blocks.printing import cell, table
from baocao.blocks.sums import stated_number, stated_sum, summed_total
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Amount, Model, Text, field


class MoneyUnit(enum.StrEnum):
    """The unit amounts are written in."""

    DONG = "đồng"
    THOUSAND = "nghìn đồng"
    MILLION = "triệu đồng"
    BILLION = "tỷ đồng"


UNIT_DONG = {unit: vn.DONG_PER_UNIT[unit.value] for unit in MoneyUnit}
"""Đồng in one of each money unit."""


class BudgetItem(Model):
    """One line of the table; the amount may be blank ("VNPT hỗ trợ")."""

    key: Text | None = field("Mã dòng", "Tên ngắn, để so sánh giữa các kỳ.", default=None)
    name: Text = field("Danh mục nội dung, nhiệm vụ")
    target: Text | None = field("Mục tiêu/Nội dung", default=None)
    phase: Text | None = field("Giai đoạn", "Ví dụ: 2022 hoặc 2022-2023.", default=None)
    source: Text | None = field("Nguồn, cấp ngân sách", "NS cấp huyện, VNPT hỗ trợ…", default=None)
    amount: Amount | None = field("Kinh phí", "Theo đơn vị của bảng; bỏ trống nếu không dùng ngân sách.", default=None)
    note: Text | None = field("Ghi chú", default=None)


class BudgetGroup(Model):
    """A group of items with its subtotal row ("HUYỆN BÌNH SƠN")."""

    name: Text = field("Tên nhóm")
    subtotal: Amount | None = field("Cộng nhóm đã ghi", "Nếu ghi, phải bằng tổng các dòng.", default=None)
    items: list[BudgetItem] = field("Các dòng", default=[])

    @property
    def computed(self) -> Decimal:
        """The sum of the group's amounts."""
        return sum((item.amount for item in self.items if item.amount is not None), Decimal(0))


class Budget(Model):
    """Planned spending, in one unit, with the total read out in words."""

    model_config = ConfigDict(  # lines in groups or alone, not both (_groups_or_items), for editors too
        json_schema_extra={
            "not": {
                "properties": {"groups": {"minItems": 1}, "items": {"minItems": 1}},
                "required": ["groups", "items"],
            }
        }
    )

    title: Text | None = field("Tên bảng", default=None)
    unit: MoneyUnit = field("Đơn vị tính", default=MoneyUnit.MILLION)
    amount_column: Text = field("Tiêu đề cột kinh phí", "Ví dụ: Kinh phí năm 2022.", default="Kinh phí")
    groups: list[BudgetGroup] = field("Các nhóm", default=[])
    items: list[BudgetItem] = field("Các dòng (khi không chia nhóm)", default=[])
    total: Amount | None = field("Tổng cộng đã ghi", "Nếu ghi, phải bằng tổng tính được.", default=None)
    total_in_words: Text | None = field("Bằng chữ đã ghi", "Nếu ghi, phải khớp với tổng.", default=None)

    @model_validator(mode="after")
    def _groups_or_items(self) -> Self:
        if self.groups and self.items:
            raise ValueError("dùng groups hoặc items, không dùng cả hai")
        return self

    @property
    def all_groups(self) -> list[BudgetGroup]:
        """Groups as written; ungrouped items form one nameless group, made of items already validated."""
        return self.groups or [BudgetGroup.model_construct(name="-", items=self.items)]

    @property
    def computed(self) -> Decimal:
        """The grand total, from the items."""
        return sum((group.computed for group in self.all_groups), Decimal(0))

    def in_dong(self, amount: Decimal) -> int:
        """An amount of the table converted to đồng."""
        return int((amount * UNIT_DONG[self.unit]).to_integral_value())


def check(budget: Budget, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """Group subtotals and the grand total equal the sum of their items; the words match the total."""
    del context
    for index, group in enumerate(budget.groups):
        if group.subtotal is not None and group.subtotal != group.computed:
            yield mismatch((*loc, "groups", index, "subtotal"), group.name, group.subtotal, group.computed)
    if budget.total is not None and budget.total != budget.computed:
        yield mismatch((*loc, "total"), "Tổng cộng", budget.total, budget.computed)
    if budget.total_in_words is not None:
        expected = vn.amount_in_words(budget.in_dong(budget.computed))
        if _words_key(budget.total_in_words) != _words_key(expected):
            yield Issue("BC203", (*loc, "total_in_words"), {"stated": budget.total_in_words, "computed": expected})


def _words_key(text: str) -> str:
    """Amount words compared without case, spacing or a trailing "Việt Nam"."""
    folded = " ".join(text.lower().replace(",", " ").split())
    return folded.removesuffix(" việt nam").removesuffix(" chẵn")


def view(budget: Budget, context: Any) -> list[dict[str, Any]]:
    """The budget table: groups with their subtotals, every line's fields, the total and its words."""
    del context
    notes = any(i.note for g in budget.all_groups for i in g.items)
    names = [
        "TT",
        "Danh mục nội dung, nhiệm vụ",
        "Mục tiêu/Nội dung",
        "Giai đoạn",
        "Nguồn kinh phí",
        budget.amount_column,
        *(["Ghi chú"] if notes else []),
    ]
    amounts = [line.amount for group in budget.all_groups for line in group.items if line.amount is not None]
    digits = vn.places(amounts, budget.unit.value)  # one precision in the column: 450,0 / 320,5 / 1.200,0
    body: list[tuple[str, list[dict[str, Any]]]] = []
    for index, group in enumerate(budget.all_groups, 1):
        if budget.groups:
            body.append(
                (
                    "group",
                    [
                        cell(vn.roman(index), "center"),
                        cell(group.name.upper(), span=4),
                        cell(vn.number(group.computed, digits), "right"),
                        *([cell("")] if notes else []),
                    ],
                )
            )
        for number, line in enumerate(group.items, 1):
            amount = vn.number(line.amount, digits) if line.amount is not None else ""
            row = [
                cell(number, "center"),
                cell(line.name),
                cell(line.target),
                cell(line.phase, "center"),
                cell(line.source),
                cell(amount, "right"),
                *([cell(line.note)] if notes else []),
            ]
            body.append(("item", row))
    total = [
        cell("Tổng cộng", "center", 5),
        cell(vn.number(budget.computed, digits), "right"),
        *([cell("")] if notes else []),
    ]
    body.append(("total", total))
    widths = [1, 6, 3.6, 2, 2.8, 2.6, *([2.4] if notes else [])]
    words = f"(Bằng chữ: {vn.amount_in_words(budget.in_dong(budget.computed))})"
    return table([[cell(n, "center") for n in names]], body, widths, str(budget.unit), budget.title, [words])


def rollup(values: list[Data], names: list[str], annexed: bool) -> tuple[Data | None, str | None]:
    """Each unit's lines as a group of its own, in the first unit's money unit."""
    del annexed
    unit = values[0].get("unit", "triệu đồng")
    groups = []
    for name, budget in zip(names, values, strict=True):
        scale = Decimal(UNIT_DONG[MoneyUnit(budget.get("unit", "triệu đồng"))]) / UNIT_DONG[MoneyUnit(unit)]
        items = [item for group in budget.get("groups", []) for item in group["items"]] + budget.get("items", [])
        converted = [
            {**item, "amount": stated_sum([stated_number(item["amount"])[0] * scale])}
            if item.get("amount") is not None
            else item
            for item in items
        ]
        groups.append({"name": name, "items": converted})
    return {"unit": unit, "amount_column": values[0].get("amount_column", "Kinh phí"), "groups": groups}, None


ITEM_FIELDS = (
    ("name", "Danh mục nội dung, nhiệm vụ", "long_text"),
    ("target", "Mục tiêu/Nội dung", "text"),
    ("phase", "Giai đoạn", "text"),
    ("source", "Nguồn, cấp ngân sách", "text"),
    ("amount", "Kinh phí", "money"),
    ("note", "Ghi chú", "text"),
)


def cells(data: Any, expected: Any) -> list[Piece]:
    """Its rows as a table of its own sheet (a group's rows each on theirs), amounts in the table's unit."""
    del expected
    unit = str(data.get("unit") or MoneyUnit.MILLION.value)
    columns = tuple(c._replace(unit=unit) if c.kind == "money" else c for c in field_columns(ITEM_FIELDS))
    title = data.get("title") or "Kinh phí"
    pieces: list[Piece] = []
    items = rows_of(data, ("items",))
    if items or not data.get("groups"):
        pieces.append(Grid(title, "Kinh phí", ("items",), columns, len(items), True, False, total=True))
    for index, group in enumerate(rows_of(data, ("groups",))):
        name = group.get("name") if isinstance(group, dict) else ""
        at = ("groups", index, "items")
        pieces.append(
            Grid(
                f"{title}: {name}",
                f"Kinh phí {index + 1}",
                at,
                columns,
                len(rows_of(data, at)),
                True,
                False,
                total=True,
            )
        )
    if "total_in_words" in data:
        pieces.append(Line("Bằng chữ", None, text=Slot(("total_in_words",), "text")))
    return pieces


KIND = declare(
    name="budget",
    model=Budget,
    title="Bảng kinh phí",
    description=None,
    definitions={
        "Budget": (
            "Kinh phí",
            "Các khoản chi trong kỳ, cùng một đơn vị tính; tổng cộng và số tiền bằng chữ được tự tính.",
        ),
        "BudgetGroup": ("Nhóm kinh phí", "Một nhóm dòng kinh phí với dòng cộng nhóm, ví dụ HUYỆN BÌNH SƠN."),
        "BudgetItem": ("Dòng kinh phí", "Một dòng của bảng kinh phí; kinh phí có thể để trống (ví dụ: VNPT hỗ trợ)."),
        "MoneyUnit": ("Đơn vị tiền", "Đơn vị ghi kinh phí."),
    },
    expected=None,  # a đề cương asks for the figures of a budget, not for a unit's lines
    start=None,
    conform=None,
    by_unit=None,
    blank=lambda budget: False,  # a table of lines, printed as written
    fill_at=lambda budget, loc: loc,
    blanks_inside=None,  # a line without an amount is one the budget does not pay ("VNPT hỗ trợ")
    check=check,
    stated=None,
    view=view,
    measure=None,
    computed=lambda b: {"Tổng kinh phí": (b.computed, b.unit.value)},
    label=lambda b: b.get("title") or "kinh phí",
    lists={
        "groups": lambda g: g["name"],
        "groups.items": lambda i: i.get("key") or i["name"],
        "items": lambda i: i.get("key") or i["name"],
    },
    path_names={
        "amount": ("kinh phí", "amount"),
        "phase": ("giai đoạn", "phase"),
        "source": ("nguồn", "source"),
        "target": ("mục tiêu", "target"),
        "subtotal": ("cộng nhóm", "subtotal"),
        "amount_column": ("tiêu đề cột kinh phí", "amount column"),
        "total_in_words": ("bằng chữ", "in words"),
        "groups": None,
        "items": None,
    },  # fmt: skip,
    carry=as_comment("budget"),  # written anew each period: last period's as a comment
    rollup=rollup,
    rollup_keyed=None,  # a đề cương cannot ask for it
    summary=None,
    annex=lambda b: [(f"Kinh phí ({b.unit.value})", "money", b.computed)],
    annex_keeps=("unit", "groups", "items"),
    annex_total=summed_total,
    annex_table=None,
    cells=cells,
)
