"""What a rolled-up report keeps of each unit: one row per unit for the annex tables."""

from baocao.models.fields import Amount, Count, Model, Text, field


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
    budget: Amount | None = field("Tổng kinh phí", default=None)
    stations: Count | None = field("Số đài truyền thanh", default=None)


class Skipped(Model):
    """A unit left out of the roll-up, and why."""

    name: Text = field("Đơn vị hoặc tệp")
    reason: Text = field("Lý do")


class Rollup(Model):
    """How a report was compiled from its units' reports."""

    units: list[UnitRow] = field("Các đơn vị đã tổng hợp", default=[])
    skipped: list[Skipped] = field("Các đơn vị không tổng hợp", default=[])
    missing: list[Text] = field("Các đơn vị chưa gửi báo cáo", default=[])
