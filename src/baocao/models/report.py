"""The root of a unit's file: one unit, one period, one report."""

from typing import Any

from pydantic import create_model

from baocao.models.budget import Budget
from baocao.models.document import Citation, Document
from baocao.models.fields import Model, Text, field
from baocao.models.figures import Figure, Indicator, Target, Team
from baocao.models.radio import Radio
from baocao.models.rollup import Rollup
from baocao.models.services import PublicServices
from baocao.models.topics import TITLES, Topic

Narrative: type[Model] = create_model(  # one optional text per topic, titled from TITLES
    "Narrative",
    __base__=Model,
    __doc__="What only a person can write, by topic: paragraphs, '-' and '+' bullets, '# ' sub-headings.",
    **{topic.value: (Text | None, field(TITLES[topic], default=None)) for topic in Topic},  # type: ignore[call-overload]
)


class Report(Model):
    """A báo cáo on information, communications and digital transformation."""

    document: Document = field("Thông tin văn bản")
    narrative: Narrative = field("Nội dung viết", "Văn bản theo từng mục của báo cáo.", default_factory=Narrative)
    citations: list[Citation] = field(
        "Văn bản chỉ đạo, triển khai", "Kế hoạch, quyết định… được dẫn trong báo cáo.", default=[]
    )
    figures: list[Figure] = field("Số liệu", "Các con số, có thể chia thành phần.", default=[])
    indicators: list[Indicator] = field("Chỉ tiêu tỷ lệ", "Số đạt được trên tổng số.", default=[])
    targets: list[Target] = field("Chỉ tiêu kỳ tới", default=[])
    teams: list[Team] = field("Tổ công nghệ số cộng đồng", default=[])
    public_services: PublicServices | None = field("Dịch vụ công, thủ tục hành chính", default=None)
    radio: Radio | None = field("Truyền thanh cơ sở", default=None)
    budget: Budget | None = field("Kinh phí", default=None)
    rollup: Rollup | None = field(
        "Tổng hợp từ các đơn vị", "Do lệnh baocao rollup ghi; không cần viết tay.", default=None
    )

    def text(self, topic: str) -> str | None:
        """The narrative of a topic."""
        value: Any = getattr(self.narrative, topic)
        return value if isinstance(value, str) else None
