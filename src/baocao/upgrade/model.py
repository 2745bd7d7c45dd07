"""The format by topic, the one before sections: only ``baocao upgrade`` reads it.

Such a file puts its text in ``narrative:`` by topic and its values in ``figures:``,
``indicators:``, ``budget:`` … at the top, for the template of its ``document.kind``
(``ict``, ``digital_transformation``, ``department_quarterly``) to place. Every other
command refuses it (BC013) and names the command that rewrites it as sections:
``baocao upgrade FILE``. The models here type such a file, so that an upgraded file says
what the unit wrote, value for value.
"""

import enum
from decimal import Decimal
from typing import Annotated

from pydantic import create_model

from baocao.blocks.budget import Budget
from baocao.blocks.citation import Citation
from baocao.blocks.radio import Radio
from baocao.blocks.services import PublicServices
from baocao.blocks.teams import Team
from baocao.core import vietnamese as vn
from baocao.model.fields import DEFERRED, Amount, Count, Flag, Model, Percent, Text, field
from baocao.report.document import Document


class Topic(enum.StrEnum):
    """Where in the report a piece of content belongs."""

    OPENING = "opening"
    SITUATION = "situation"
    OVERVIEW = "overview"
    DIRECTION = "direction"
    INFRASTRUCTURE = "infrastructure"
    EGOV = "egov"
    PUBLIC_SERVICES = "public_services"
    STAFF = "staff"
    POST_TELECOM = "post_telecom"
    PROJECTS = "projects"
    PRESS = "press"
    INSPECTION = "inspection"
    PROPAGANDA = "propaganda"
    RADIO = "radio"
    DIGITAL_AWARENESS = "digital_awareness"
    DIGITAL_WORKFORCE = "digital_workforce"
    DIGITAL_DATA = "digital_data"
    DIGITAL_ECONOMY = "digital_economy"
    DIGITAL_SOCIETY = "digital_society"
    SECURITY = "security"
    OTHER = "other"
    ADVANTAGES = "advantages"
    DIFFICULTIES = "difficulties"
    PROPAGANDA_DIFFICULTIES = "propaganda_difficulties"
    CAUSES = "causes"
    GOALS = "goals"
    TASKS_NEXT = "tasks_next"
    PRIORITIES = "priorities"
    SOLUTIONS = "solutions"
    PROPOSALS = "proposals"
    CLOSING = "closing"


TITLES: dict[Topic, str] = {
    Topic.OPENING: "Mở đầu: căn cứ, lý do báo cáo",
    Topic.SITUATION: "Đặc điểm tình hình, tình hình kinh tế - xã hội",
    Topic.OVERVIEW: "Khái quát kết quả",
    Topic.DIRECTION: "Công tác lãnh đạo, chỉ đạo",
    Topic.INFRASTRUCTURE: "Hạ tầng kỹ thuật",
    Topic.EGOV: "Ứng dụng công nghệ thông tin, chính quyền điện tử, chính quyền số",
    Topic.PUBLIC_SERVICES: "Thủ tục hành chính, dịch vụ công trực tuyến",
    Topic.STAFF: "Nguồn nhân lực",
    Topic.POST_TELECOM: "Bưu chính, viễn thông",
    Topic.PROJECTS: "Dự án đầu tư",
    Topic.PRESS: "Thông tin - Báo chí - Xuất bản",
    Topic.INSPECTION: "Thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo",
    Topic.PROPAGANDA: "Thông tin, tuyên truyền",
    Topic.RADIO: "Hệ thống truyền thanh cơ sở",
    Topic.DIGITAL_AWARENESS: "Nhận thức số",
    Topic.DIGITAL_WORKFORCE: "Nhân lực số",
    Topic.DIGITAL_DATA: "Dữ liệu số, Đề án 06",
    Topic.DIGITAL_ECONOMY: "Kinh tế số",
    Topic.DIGITAL_SOCIETY: "Xã hội số",
    Topic.SECURITY: "An toàn, an ninh thông tin mạng",
    Topic.OTHER: "Công tác khác",
    Topic.ADVANTAGES: "Thuận lợi",
    Topic.DIFFICULTIES: "Khó khăn, vướng mắc, tồn tại, hạn chế",
    Topic.PROPAGANDA_DIFFICULTIES: "Khó khăn, vướng mắc trong công tác thông tin, tuyên truyền",
    Topic.CAUSES: "Nguyên nhân",
    Topic.GOALS: "Mục tiêu kỳ tới",
    Topic.TASKS_NEXT: "Nhiệm vụ, định hướng kỳ tới",
    Topic.PRIORITIES: "Nhiệm vụ trọng tâm",
    Topic.SOLUTIONS: "Giải pháp",
    Topic.PROPOSALS: "Đề xuất, kiến nghị",
    Topic.CLOSING: "Câu kết thúc",
}


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


Narrative: type[Model] = create_model(  # one optional text per topic, titled from TITLES
    "Narrative",
    __base__=Model,
    __doc__="What only a person can write, by topic: paragraphs, '-' and '+' bullets, '# ' sub-headings.",
    **{topic.value: (Text | None, field(TITLES[topic], default=None)) for topic in Topic},  # type: ignore[call-overload]
)


class ByTopic(Model):
    """A report written by topic: its header, its text by topic, its values at the top."""

    document: Document = field("Thông tin văn bản")
    narrative: Annotated[Narrative, DEFERRED] | None = field("Nội dung viết", default=None)
    citations: list[Annotated[Citation, DEFERRED]] = field("Văn bản chỉ đạo, triển khai", default=[])
    figures: list[Annotated[Figure, DEFERRED]] = field("Số liệu", default=[])
    indicators: list[Annotated[Indicator, DEFERRED]] = field("Chỉ tiêu tỷ lệ", default=[])
    targets: list[Annotated[Target, DEFERRED]] = field("Chỉ tiêu kỳ tới", default=[])
    teams: list[Annotated[Team, DEFERRED]] = field("Tổ công nghệ số cộng đồng", default=[])
    public_services: Annotated[PublicServices, DEFERRED] | None = field("Dịch vụ công", default=None)
    radio: Annotated[Radio, DEFERRED] | None = field("Truyền thanh cơ sở", default=None)
    budget: Annotated[Budget, DEFERRED] | None = field("Kinh phí", default=None)
