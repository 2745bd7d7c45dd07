"""The budget table: line items, optional groups with subtotals, a grand total."""

import enum
from decimal import Decimal
from typing import Self

from pydantic import model_validator

from baocao.model.fields import Amount, Model, Text, field


class MoneyUnit(enum.StrEnum):
    """The unit amounts are written in."""

    DONG = "đồng"
    THOUSAND = "nghìn đồng"
    MILLION = "triệu đồng"
    BILLION = "tỷ đồng"


UNIT_DONG = {
    MoneyUnit.DONG: 1,
    MoneyUnit.THOUSAND: 1_000,
    MoneyUnit.MILLION: 1_000_000,
    MoneyUnit.BILLION: 1_000_000_000,
}


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
