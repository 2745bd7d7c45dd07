"""The document itself: who issues it, for which period, who signs it."""

import enum
import re
from typing import Annotated, Any, Self

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from baocao.blocks.citation import Citation
from baocao.core import vietnamese as vn
from baocao.model.calendar import Calendar, Cutoff, Deadline, calendar
from baocao.model.fields import Count, Date, Model, Text, Whole, field, whole_schema
from baocao.model.period import Period, UnitLevel, read_level, reference

MONTH = re.compile(r"^(0?[1-9]|1[0-2])/\d{4}$")
"""A month of issue without its day: "6/2025"."""


class Authority(enum.StrEnum):
    """How the signer signs: for the head (KT.), by order (TL.), by authorisation (TUQ.), acting (Q.)."""

    KT = "KT"
    TL = "TL"
    TUQ = "TUQ"
    Q = "Q"


class Signer(Model):
    """The signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name"."""

    on_behalf_of: Text | None = field(
        "Thay mặt (TM.)", "Tập thể mà người ký thay mặt, ví dụ ỦY BAN NHÂN DÂN; bỏ trống nếu không có.", default=None
    )
    authority: Authority | None = field(
        "Quyền hạn ký", "KT, TL, TUQ hoặc Q; bỏ trống khi người đứng đầu ký.", default=None
    )
    head_title: Text | None = field(
        "Chức vụ người đứng đầu", "Đi sau quyền hạn ký: KT. CHỦ TỊCH, KT. GIÁM ĐỐC.", default=None
    )
    title: Text = field("Chức vụ người ký", "PHÓ CHỦ TỊCH, GIÁM ĐỐC…")
    name: Text | None = field(
        "Họ và tên người ký",
        "Không ghi học hàm, học vị. Bỏ trống khi chưa biết người ký: báo cáo chừa chỗ để ghi tay.",
        default=None,
    )

    @property
    def placeholder(self) -> bool:
        """True when the name is a stand-in to fill before signing: "(họ và tên)", "…", "xxx"."""
        return self.name is not None and is_placeholder_name(self.name)

    @model_validator(mode="after")
    def _authority_has_head(self) -> Self:
        if self.authority and not self.head_title:
            raise ValueError("có quyền hạn ký (authority) thì phải có head_title, ví dụ CHỦ TỊCH")
        return self

    @property
    def lines(self) -> list[str]:
        """The upper-case lines above the signature."""
        lines = [f"TM. {self.on_behalf_of}"] if self.on_behalf_of else []
        if self.authority and self.head_title:
            lines.append(f"{self.authority.value}. {self.head_title}")
        lines.append(self.title)
        return [line.upper() for line in lines]


class Request(Citation):
    """The document that asks for the report, with the deadline it sets."""

    deadline: Date | None = field(
        "Thời hạn gửi báo cáo", "Ngày phải gửi báo cáo theo văn bản yêu cầu, ví dụ 10/7/2022.", default=None
    )

    @model_validator(mode="after")
    def _deadline_after_request(self) -> Self:
        if self.deadline and self.date and self.deadline < self.date:
            raise ValueError("thời hạn gửi báo cáo (deadline) trước ngày của văn bản yêu cầu")
        return self

    @property
    def due(self) -> Deadline | None:
        """The deadline and the document that sets it."""
        return Deadline(self.deadline, f"{self.type} số {self.number}") if self.deadline else None


PLACEHOLDER_WORDS = ("họ và tên", "họ tên", "ho va ten", "tên người ký", "chưa có", "chưa xác định")


def is_placeholder_name(name: str) -> bool:
    """A stand-in for the signer's name: in brackets, dots or x's only, or a phrase such as "họ và tên"."""
    text = " ".join(name.split())
    lowered = text.lower()
    if not text or text[0] in "([{<" or any(word in lowered for word in PLACEHOLDER_WORDS):
        return True
    return not any(char.isalpha() for char in text) or set(lowered) <= set("x .…_-")


def is_archive_line(entry: str) -> bool:
    """True for a "Lưu: VT" line among the recipients: the report writes its own from ``archive``."""
    return entry.strip().lstrip("-").strip().lower().startswith("lưu")


class Document(Model):
    """Header, period, subject, recipients and signer of the report."""

    kind: Annotated[str, Field(pattern=r"^[a-z0-9_-]+$")] = field(
        "Mẫu trình bày",
        "Mẫu Jinja trình bày báo cáo (templates/<kind>.xml.j2 trong thư mục --templates); bỏ trống: mẫu 'outline'.",
        default="outline",
    )
    outline: Text | None = field(
        "Đề cương",
        "Mã đề cương cấp trên gửi (có sẵn, hoặc trong thư mục --outlines), hoặc đường dẫn tệp đề cương .yaml; "
        "baocao kiểm tra báo cáo theo đề cương đó.",
        default=None,
    )
    compiles: Text | None = field(
        "Đề cương tổng hợp",
        "Mã hoặc đường dẫn đề cương mà các đơn vị cấp dưới báo cáo theo và cơ quan này tổng hợp (baocao rollup); "
        "báo cáo của cơ quan tổng hợp không bị kiểm tra như báo cáo của đơn vị theo đề cương đó.",
        default=None,
    )
    level: UnitLevel = field(
        "Cấp đơn vị", "commune, district, department, province, ministry (bộ, ngành) hoặc national (trung ương)."
    )
    parent_body: Text | None = field("Tên cơ quan chủ quản", "Ví dụ: UBND TỈNH QUẢNG NGÃI.", default=None)
    issuing_body: Text = field("Tên cơ quan ban hành", "Tên đầy đủ, ví dụ: ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN.")
    short_name: Text = field("Tên gọi trong văn bản", "Ví dụ: UBND huyện Bình Sơn; dùng trong câu mở đầu và kết thúc.")
    area: Text = field("Địa bàn", "Ví dụ: huyện Bình Sơn; dùng trong cụm 'trên địa bàn …'.")
    number: Count | None = field("Số văn bản", "Bỏ trống để văn thư điền khi ban hành.", default=None)
    symbol: Annotated[str, Field(pattern=r"^\S+$")] = field("Ký hiệu", "Ví dụ: BC-UBND, BC-STTTT.")
    place: Text = field("Địa danh", "Tên địa danh nơi cơ quan đóng trụ sở, ví dụ: Bình Sơn.")
    date: Date | None = field("Ngày ban hành", "Bỏ trống để văn thư điền khi ban hành.", default=None)
    month: Annotated[str, Field(json_schema_extra={"pattern": MONTH.pattern})] | None = field(
        "Tháng ban hành", "Khi chỉ biết tháng, ví dụ 6/2025: in 'ngày … tháng 6 năm 2025'.", default=None
    )
    period: Period = field("Kỳ báo cáo")
    previous_period: Period | None = field(
        "Kỳ của số liệu kỳ trước",
        "Kỳ mà các giá trị 'previous' thuộc về (baocao next ghi); bỏ trống thì in 'so với kỳ trước'.",
        default=None,
    )
    cutoff: Cutoff | None = field(
        "Thời gian chốt số liệu",
        "Bỏ trống thì theo Nghị định 09/2019: từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ.",
        default=None,
    )
    subject: Text = field("Trích yếu", "Nội dung báo cáo, viết thường chữ đầu: 'tình hình …'.")
    subtitle: Text | None = field(
        "Dòng chú thích dưới trích yếu", "Ví dụ: (Tài liệu phục vụ Phiên họp …).", default=None
    )
    requested_by: Request | None = field("Văn bản yêu cầu báo cáo", default=None)
    recipients: list[Text] = field("Nơi nhận", "Mỗi dòng một nơi nhận; 'Lưu: VT' tự thêm ở cuối.", default=[])
    archive: Text = field("Lưu", "Phần sau 'Lưu:', ví dụ: VT (văn thư).", default="VT")
    drafting_unit: Text | None = field(
        "Đơn vị soạn thảo",
        "Chữ viết tắt tên đơn vị soạn thảo, in trong dòng 'Lưu: VT, VH&TT, 02b.', ví dụ: VH&TT, VP.",
        default=None,
    )
    copies: Annotated[Whole, Field(ge=1, le=999), whole_schema(1, 999, "[1-9][0-9]{0,2}", "Từ 1 đến 999.")] | None = (
        field("Số bản lưu", "Số bản lưu tại đơn vị soạn thảo, in '02b' trong dòng 'Lưu'.", default=None)
    )
    signer: Signer = field("Người ký")
    _regime: tuple[Cutoff | None, Deadline | None] = PrivateAttr(default=(None, None))

    @field_validator("level", mode="before")
    @classmethod
    def _level_in_words(cls, level: Any) -> Any:
        """A level in the clerk's words ("cấp xã", "phường", "sở") is its code."""
        found = read_level(level) if isinstance(level, str) else None
        return found.value if found is not None else level

    @field_validator("month")
    @classmethod
    def _month_or_date(cls, month: str | None, info: ValidationInfo) -> str | None:
        if month is not None and not MONTH.match(month):
            raise ValueError(f"tháng ban hành ghi dạng 6/2025 (tháng từ 1 đến 12), không phải '{month}'")
        if month is not None and info.data.get("date") is not None:
            raise ValueError("ghi ngày ban hành (date) hoặc chỉ tháng (month), không ghi cả hai")
        return month

    @field_validator("previous_period")
    @classmethod
    def _previous_before(cls, previous: Period | None, info: ValidationInfo) -> Period | None:
        period = info.data.get("period")
        if previous is not None and isinstance(period, Period) and previous.end >= period.end:
            raise ValueError(f"kỳ của số liệu kỳ trước phải trước kỳ báo cáo ({period.label})")
        return previous

    @property
    def compared_with(self) -> str:
        """What the previous values are called: "cùng kỳ năm 2025", "06 tháng cuối năm 2025", or "kỳ trước"."""
        old, new = self.previous_period, self.period
        if old is None:
            return "kỳ trước"
        return reference(old, new)

    def under_regime(self, cutoff: Cutoff | None, deadline: Deadline | None) -> None:
        """Take the cut-off and deadline of the đề cương's regime, for what the unit does not state itself."""
        self._regime = (cutoff, deadline)

    @property
    def calendar(self) -> Calendar:
        """The window of the figures and the deadline: the unit's own, else its regime's, else the decree's rule."""
        due = self.requested_by.due if self.requested_by else None
        cutoff, deadline = self._regime
        return calendar(self.period.window, [self.cutoff, cutoff], [due, deadline])

    @property
    def archive_line(self) -> str:
        """The last line of Nơi nhận in Decree 30's form: "- Lưu: VT, VH&TT, 02b."."""
        parts = [part.strip() for part in self.archive.strip().rstrip(".").split(",") if part.strip()]
        if self.drafting_unit and self.drafting_unit.strip().rstrip(".") not in parts:
            parts.append(self.drafting_unit.strip().rstrip("."))
        if self.copies:
            parts.append(f"{self.copies:02d}b")
        return f"- Lưu: {', '.join(parts)}."

    @property
    def number_line(self) -> str:
        """Written as "Số: 05/BC-UBND", or a blank for the văn thư to fill."""
        number = f"{self.number:02d}" if self.number is not None else "\u00a0" * 6
        return f"Số: {number}/{self.symbol}"

    @property
    def date_line(self) -> str:
        """Written as "Bình Sơn, ngày 05 tháng 7 năm 2022", or blanks for the văn thư."""
        if self.date:
            return f"{self.place}, {vn.date_long(self.date)}"
        gap = "\u00a0" * 5
        if self.month:  # the month is known, the day is the văn thư's: "ngày … tháng 6 năm 2025"
            month, year_written = self.month.split("/")
            return f"{self.place}, ngày{gap}tháng {int(month)} năm {year_written}"
        year = max(self.period.end.year, self.period.year)
        return f"{self.place}, ngày{gap}tháng{gap}năm {year}"
