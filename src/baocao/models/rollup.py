"""What a rolled-up report keeps of each unit: one row per unit for the annex tables."""

from typing import Any, Literal

from baocao.model.fields import Amount, Count, Model, Text, field
from baocao.models.blocks import Cell, Column


class Pair(Model):
    """A count out of a total."""

    count: Count = field("Số đạt được")
    total: Count = field("Tổng số")


class UnitRow(Model):
    """One unit's main figures, as it reported them."""

    name: Text = field("Tên đơn vị")
    file: Text | None = field("Tệp dữ liệu", default=None)
    figures: dict[str, Amount] = field("Số liệu theo mã", default={})
    indicators: dict[str, Pair] = field("Chỉ tiêu tỷ lệ theo mã", default={})
    blocks: dict[str, dict[str, Any]] = field(
        "Các mục theo đơn vị theo mã",
        "Số liệu, chỉ tiêu, tỷ lệ, câu trả lời của các mục đề cương ghi by_unit, như đơn vị đã viết ('hơn 160').",
        default={},
    )
    tables: dict[str, list[dict[str, Cell]]] = field("Các dòng của biểu mẫu theo mã", default={})
    budget: Amount | None = field("Tổng kinh phí", default=None)
    stations: Count | None = field("Số đài truyền thanh", default=None)


class ByUnit(Model):
    """An item of the units' đề cương with one annex row per unit: its type, key, label, unit, columns."""

    kind: Literal["figure", "indicator", "answer", "target", "table"] = field("Loại khối")
    key: Text = field("Mã")
    label: Text = field("Tên")
    unit: Text | None = field("Đơn vị tính", default=None)
    choices: list[Text] = field("Các câu trả lời (khối answer)", default=[])
    columns: list[Column] = field("Các cột (biểu mẫu)", default=[])


class Skipped(Model):
    """A unit left out of the roll-up, and why."""

    name: Text = field("Đơn vị hoặc tệp")
    reason: Text = field("Lý do")


class Rollup(Model):
    """How a report was compiled from its units' reports."""

    outline: Text | None = field("Đề cương các đơn vị theo", "Mã đề cương mà mọi đơn vị đã báo cáo theo.", default=None)
    by_unit: list[ByUnit] = field("Các mục có phụ lục theo đơn vị", "Theo đề cương của các đơn vị.", default=[])
    units: list[UnitRow] = field("Các đơn vị đã tổng hợp", default=[])
    skipped: list[Skipped] = field("Các đơn vị không tổng hợp", default=[])
    missing: list[Text] = field("Các đơn vị chưa gửi báo cáo", default=[])
