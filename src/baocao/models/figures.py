"""The shared numeric building blocks: a figure, a count out of a total, a target.

Every section's numbers are made of these, so the checks apply the same way
everywhere.
"""

import enum
from decimal import Decimal

from baocao.core import vietnamese as vn
from baocao.model.fields import Amount, Count, Flag, Model, Percent, Text, field
from baocao.models.topics import Topic


class Part(Model):
    """One part of a figure: "25 dịch vụ mức độ 3"."""

    label: Text = field("Tên phần")
    value: Amount = field("Giá trị")


class Figure(Model):
    """A stated quantity, optionally broken into parts: "28 dịch vụ, trong đó 25 mức độ 3 và 03 mức độ 4"."""

    key: Text = field("Mã chỉ tiêu", "Tên ngắn, duy nhất trong tệp; cùng mã ở hai nơi phải cùng giá trị.")
    label: Text = field("Tên chỉ tiêu", "Ví dụ: Điểm Bưu điện văn hóa xã.")
    value: Amount | None = field("Giá trị (tổng)", "Bỏ trống để tính bằng tổng các phần.", default=None)
    unit: Text | None = field("Đơn vị", "điểm, trạm, km…", default=None)
    parts: list[Part] = field("Các phần", "Các thành phần của tổng.", default=[])
    whole_parts: Flag = field(
        "Các phần cộng lại bằng tổng",
        "true (mặc định): các phần cộng lại đúng bằng giá trị; false: chỉ là 'trong đó', không đủ các phần.",
        default=True,
    )
    topic: Topic = field("Mục của báo cáo", "Nơi chỉ tiêu xuất hiện trong báo cáo.")
    note: Text | None = field("Ghi chú", "In trong ngoặc sau giá trị.", default=None)

    @property
    def parts_sum(self) -> Decimal:
        """The sum of the parts."""
        return sum((p.value for p in self.parts), Decimal(0))

    @property
    def total(self) -> Decimal:
        """The stated value, or the sum of the parts when none is stated."""
        return self.value if self.value is not None else self.parts_sum


class Indicator(Model):
    """A count out of a total with an optional stated percentage: "42.694/42.829 công dân, đạt 99,7%"."""

    key: Text = field("Mã chỉ tiêu", "Tên ngắn, duy nhất trong tệp.")
    label: Text = field("Tên chỉ tiêu")
    count: Count = field("Số đạt được")
    total: Count = field("Tổng số")
    unit: Text | None = field("Đơn vị", "công dân, hồ sơ, văn bản…", default=None)
    percent: Percent | None = field("Tỷ lệ đã ghi (%)", "Nếu ghi, phải khớp với số đạt / tổng số.", default=None)
    topic: Topic = field("Mục của báo cáo")
    note: Text | None = field("Ghi chú", default=None)

    @property
    def decimals(self) -> int:
        """Digits after the comma the percentage is shown with: as written, else 1."""
        if self.percent is None:
            return 1
        exponent = self.percent.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 1

    @property
    def computed_percent(self) -> Decimal:
        """Count / total at the precision shown."""
        return vn.ratio_percent(self.count, self.total, self.decimals)

    @property
    def shown_percent(self) -> Decimal:
        """The percentage the report prints: as written, else count / total."""
        return self.percent if self.percent is not None else self.computed_percent


class Comparison(enum.StrEnum):
    """How a target compares: at least, above, about, exactly."""

    AT_LEAST = "at_least"
    ABOVE = "above"
    ABOUT = "about"
    EXACTLY = "exactly"


COMPARISON_WORDS = {
    Comparison.AT_LEAST: "tối thiểu",
    Comparison.ABOVE: "trên",
    Comparison.ABOUT: "khoảng",
    Comparison.EXACTLY: "",
}


class Target(Model):
    """A target for the next period: "Trên 80% dân số trưởng thành có điện thoại thông minh"."""

    key: Text = field("Mã chỉ tiêu")
    label: Text = field("Nội dung chỉ tiêu")
    value: Amount = field("Giá trị mục tiêu")
    unit: Text = field("Đơn vị", "%, hộ, điểm…", default="%")
    comparison: Comparison = field("So sánh", "at_least, above, about hoặc exactly.", default=Comparison.AT_LEAST)
    topic: Topic = field("Mục của báo cáo", default=Topic.GOALS)

    @property
    def phrase(self) -> str:
        """Written as "trên 80%", "tối thiểu 7%"."""
        value = vn.number(self.value)
        amount = f"{value}%" if self.unit == "%" else f"{value} {self.unit}"
        words = COMPARISON_WORDS[self.comparison]
        return f"{words} {amount}".strip()


class Team(Model):
    """Community digital technology teams at one level: "16 tổ/16 xã với 151 thành viên"."""

    level: Text = field("Cấp", "Cấp huyện, Cấp xã, Cấp thôn…")
    teams: Count = field("Số tổ")
    units: Count | None = field("Số đơn vị ở cấp này", "Để ghi dạng 16/16 xã.", default=None)
    unit_name: Text | None = field("Tên đơn vị", "xã, thị trấn; thôn, tổ dân phố…", default=None)
    members: Count = field("Số thành viên")
