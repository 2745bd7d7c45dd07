"""The document itself: who issues it, for which period, who signs it."""

import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import Annotated, Any, Self

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from baocao.blocks.citation import Citation
from baocao.core import vietnamese as vn
from baocao.model.calendar import Calendar, Cutoff, Deadline, calendar
from baocao.model.fields import Count, Date, Flag, Model, Text, Whole, field, whole_schema
from baocao.model.period import Period, UnitLevel, read_level, reference
from baocao.report import dating, signing

MONTH = re.compile(r"^(0?[1-9]|1[0-2])/\d{4}$")
"""A month of issue without its day: "6/2025"."""


class Authority(enum.StrEnum):
    """How the signer signs: for the head (KT.), by order (TL.), by authorisation (TUQ.), acting (Q.)."""

    KT = "KT"
    TL = "TL"
    TUQ = "TUQ"
    Q = "Q"


class Form(enum.StrEnum):
    """How the report is sent: as a Báo cáo ("BÁO CÁO", its trích yếu) or as a công văn ("V/v …" under the number)."""

    REPORT = "report"
    DISPATCH = "dispatch"


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
    def signing(self) -> signing.Signing:
        """The block as written: the collective after "TM.", the authority, the head's title, the title."""
        authority = self.authority.value if self.authority else None
        return signing.Signing(self.on_behalf_of, authority, self.head_title, self.title)

    @property
    def lines(self) -> list[str]:
        """The upper-case lines above the signature; a deputy with no authority written signs "KT." for the head."""
        return signing.lines(signing.signing(self.signing))


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
    form: Form = field(
        "Hình thức văn bản",
        "report: báo cáo, với tên loại BÁO CÁO và trích yếu (mặc định); dispatch: gửi bằng công văn, "
        "trích yếu in 'V/v …' dưới số, ký hiệu không bắt đầu bằng BC (ví dụ UBND-VHTT).",
        default=Form.REPORT,
    )
    party: Flag = field(
        "Văn bản của tổ chức Đảng",
        "Có: ĐẢNG CỘNG SẢN VIỆT NAM bên phải, dấu * dưới tên cơ quan, số 'Số 45-BC/HU' (ký hiệu BC/HU), ký 'T/M'.",
        default=False,
    )
    addressed_to: list[Text] = field(
        "Kính gửi",
        "Cơ quan nhận báo cáo, in 'Kính gửi: …' trên nội dung; Nơi nhận khi đó bắt đầu '- Như trên;'.",
        default=[],
    )
    signed: Flag = field("Bản đã ký", "Có: bản gửi đi của văn bản đã ký, in '(Đã ký)' thay chữ ký.", default=False)
    _regime: tuple[Cutoff | None, Deadline | None] = PrivateAttr(default=(None, None))
    _cited: dt.date | None = PrivateAttr(default=None)

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
        """Written as "Số: 05/BC-UBND" (a Party body's "Số 45-BC/HU"), or a blank number for the văn thư to fill."""
        return f"Số {self.numbered}" if self.party else f"Số: {self.numbered}"

    @property
    def numbered(self) -> str:
        """The number and ký hiệu: "05/BC-UBND", a Party body's "45-BC/HU"; a blank number for the văn thư."""
        number = f"{self.number:02d}" if self.number is not None else "\u00a0" * 6
        return f"{number}-{self.symbol}" if self.party else f"{number}/{self.symbol}"

    @property
    def kind_name(self) -> str:
        """What the document is called in "(Kèm theo … số …)": "Báo cáo", or "Công văn" for one sent as such."""
        return "Công văn" if self.form == Form.DISPATCH else "Báo cáo"

    @property
    def signature_lines(self) -> list[str]:
        """The lines above the signature as printed, the deputy of a collective's head signing for the collective.

        A Party body's are as written: its deputies sign for the committee (T/M) with no K/T.
        """
        if self.party:
            return signing.lines(self.signer.signing)
        return signing.lines(signing.signing(self.signer.signing, self.issuing_body))

    def cites(self, dates: Iterable[dt.date]) -> None:
        """Note the dates of the documents the report cites: it is issued after the latest of them."""
        self._cited = max(dates, default=None)

    @property
    def issue_year(self) -> int | None:
        """The year the report is dated in: its date's or month's, else the year it must be issued in, if certain.

        An undated report is issued after its figures end and after the documents it cites,
        and by its deadline: when that span lies in one year, that year (see :mod:`baocao.report.dating`).
        """
        if self.date:
            return self.date.year
        if self.month:
            return int(self.month.split("/")[1])
        requested = self.requested_by.date if self.requested_by else None
        calendar = self.calendar
        earliest = max(day for day in (calendar.window.end, self._cited, requested) if day is not None)
        return dating.issue_year(earliest, calendar.deadline.date if calendar.deadline else None)

    @property
    def blank_date(self) -> str:
        """The date left for the văn thư: "ngày      tháng      năm 2022", or "năm 20" when the year is not certain."""
        gap = "\u00a0" * 5
        year = self.issue_year
        return f"ngày{gap}tháng{gap}năm {year if year is not None else '20' + gap}"

    @property
    def date_line(self) -> str:
        """Written as "Bình Sơn, ngày 05 tháng 7 năm 2022", or blanks for the văn thư."""
        if self.date:
            return f"{self.place}, {vn.date_long(self.date)}"
        if self.month:  # the month is known, the day is the văn thư's: "ngày … tháng 6 năm 2025"
            gap = "\u00a0" * 5
            month, year_written = self.month.split("/")
            return f"{self.place}, ngày{gap}tháng {int(month)} năm {year_written}"
        return f"{self.place}, {self.blank_date}"
