"""The root of a unit's file: one unit, one period, one report."""

from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, NamedTuple

from pydantic import PrivateAttr, create_model

from baocao.core import vietnamese as vn
from baocao.core.findings import Loc
from baocao.model.fields import DEFERRED, Model, Text, field
from baocao.models.blocks import Block, Entry, Numbering, Section, blocks_of, text_or_block
from baocao.models.budget import Budget
from baocao.models.document import Citation, Document
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

# The default of every file that writes no narrative, made without its validator: validating
# an empty mapping would build the model's schema a second time, apart from the Report's.
EMPTY_NARRATIVE = Narrative.model_construct()


class Keyed(NamedTuple):
    """A keyed figure or indicator of an outline, shaped as those by topic are read."""

    key: str
    label: str
    unit: str | None
    total: Any
    count: Any = None

    @property
    def computed_percent(self) -> Decimal:
        """Count / total to one decimal, for an indicator."""
        return vn.ratio_percent(self.count, self.total, 1) if self.total else Decimal(0)


class Report(Model):
    """A báo cáo on information, communications and digital transformation."""

    document: Document = field("Thông tin văn bản")
    numbering: Numbering = field(
        "Cách đánh số đề mục",
        "Kiểu số của từng cấp mục, từ ngoài vào trong: 'I. 1. 1.1. a)' (mặc định), '1. a)', 'I. 1. a)'…",
        default=["I.", "1.", "1.1.", "a)"],
    )
    opening: list[Entry] = field(
        "Phần mở đầu",
        "Trước mục đầu tiên: căn cứ, lý do báo cáo. Bỏ trống để viết theo văn bản yêu cầu.",
        default=[],
        json_schema_extra=text_or_block,
    )
    sections: list[Section] = field("Các mục của báo cáo", "Theo thứ tự in; baocao tự đánh số.", default=[])
    closing: list[Entry] = field(
        "Phần kết thúc", "Bỏ trống để viết 'Trên đây là báo cáo …'.", default=[], json_schema_extra=text_or_block
    )
    narrative: Annotated[Narrative, DEFERRED] = field(
        "Nội dung viết", "Văn bản theo từng mục của báo cáo.", default_factory=lambda: EMPTY_NARRATIVE
    )
    citations: list[Annotated[Citation, DEFERRED]] = field(
        "Văn bản chỉ đạo, triển khai", "Kế hoạch, quyết định… được dẫn trong báo cáo.", default=[]
    )
    figures: list[Annotated[Figure, DEFERRED]] = field("Số liệu", "Các con số, có thể chia thành phần.", default=[])
    indicators: list[Annotated[Indicator, DEFERRED]] = field("Chỉ tiêu tỷ lệ", "Số đạt được trên tổng số.", default=[])
    targets: list[Annotated[Target, DEFERRED]] = field("Chỉ tiêu kỳ tới", default=[])
    teams: list[Annotated[Team, DEFERRED]] = field("Tổ công nghệ số cộng đồng", default=[])
    public_services: Annotated[PublicServices, DEFERRED] | None = field(
        "Dịch vụ công, thủ tục hành chính", default=None
    )
    radio: Annotated[Radio, DEFERRED] | None = field("Truyền thanh cơ sở", default=None)
    budget: Annotated[Budget, DEFERRED] | None = field("Kinh phí", default=None)
    rollup: Annotated[Rollup, DEFERRED] | None = field(
        "Tổng hợp từ các đơn vị", "Do lệnh baocao rollup ghi; không cần viết tay.", default=None
    )
    _outline: Any = PrivateAttr(default=None)

    @property
    def followed(self) -> Any:
        """The đề cương the report follows (an :class:`~baocao.models.outline_file.Outline`), once found."""
        return self._outline

    def follow(self, outline: Any) -> None:
        """Check and print the report under this đề cương: its sections, expected items and regime."""
        self._outline = outline
        stated = self.document.cutoff and self.document.cutoff.window
        cutoff, _, deadline = outline.schedule(self.document.period, stated)
        self.document.under_regime(cutoff, deadline)

    def blocks(self) -> Iterator[tuple[Loc, Block]]:
        """Every block of the outline, with the place of its value in the file."""
        yield from blocks_of(self.opening, self.sections, self.closing)

    def keyed(self, kind: str) -> list[Any]:
        """The figures (``kind`` "figure") or indicators of either format: by topic, then the outline's keyed blocks.

        Outline blocks come as :class:`Keyed`, with a figure's total or an indicator's count
        and total as numbers, as the figures and indicators by topic have them.
        """
        found: list[Any] = list(self.figures if kind == "figure" else self.indicators)
        for _, block in self.blocks():
            item = getattr(block, kind)
            if item is None or item.key is None:
                continue
            if kind == "figure" and item.total is not None:
                found.append(Keyed(item.key, item.label, item.unit, item.total.value))
            elif kind == "indicator" and item.count is not None and item.total is not None:
                found.append(Keyed(item.key, item.label, item.unit, item.total, item.count))
        return found

    def text(self, topic: str) -> str | None:
        """The narrative of a topic."""
        value: Any = getattr(self.narrative, topic)
        return value if isinstance(value, str) else None
