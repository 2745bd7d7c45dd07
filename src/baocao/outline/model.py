"""A đề cương: the outline a superior sends with its request, and the regime it sets.

An outline file is YAML, written by the superior (a province office, a Sở):

- ``outline``: its name (``id``, which units write in ``document.outline``), title and issuer;
- ``regime``: who reports to whom, for which periods, the data cut-off and the deadline
  (Decree 09/2019: a regime states them, the decree's rule fills the rest);
- ``sections``: the headings in order, each with what it ``expects`` — figures, indicators,
  answers, targets and tables (data forms, biểu mẫu) by key, with label, unit and whether
  required, and free text — and its sub-sections.

A unit's file follows it by section key and block key; :mod:`baocao.check.conformance`
says where it does not, :mod:`baocao.outline.starter` writes a unit file to fill in from it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Self

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from baocao.blocks import Expect, ExpectEntry
from baocao.blocks.base import Expected, Key
from baocao.blocks.citation import Citation
from baocao.model.calendar import Cutoff, Deadline, Window
from baocao.model.fields import Model, Text, field
from baocao.model.period import Period, PeriodType, UnitLevel, read_level, read_period_kind
from baocao.report.sections import Numbering

DAY_MONTH = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*$")


def _day_month(value: Any) -> Any:
    """Read "15/6" as (15, 6); a day that no month has is refused."""
    text = str(value) if isinstance(value, (str, int)) else value
    match = DAY_MONTH.match(text) if isinstance(text, str) else None
    if not match:
        raise PydanticCustomError(
            "date_format", "day/month", {"expected": "ngày/tháng, ví dụ 15/6", "expected_en": "day/month, e.g. 15/6"}
        )
    day, month = int(match.group(1)), int(match.group(2))
    try:
        dt.date(2024, month, day)  # a leap year: 29/2 is a day some years have
    except ValueError as exc:
        raise PydanticCustomError(
            "date_format", "no such day", {"expected": "ngày/tháng có thật", "expected_en": "a real day/month"}
        ) from exc
    return (day, month)


DayMonth = Annotated[
    tuple[int, int],
    BeforeValidator(_day_month),
    WithJsonSchema({"type": "string", "pattern": r"^\s*\d{1,2}\s*/\s*\d{1,2}\s*$", "description": "Ngày/tháng: 15/6."}),
]


def on_or_after(day_month: tuple[int, int], earliest: dt.date) -> dt.date:
    """The first date with this day and month that is not before ``earliest`` (29/2 falls back to 28/2)."""
    day, month = day_month
    for year in (earliest.year, earliest.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            date = dt.date(year, month, 28)
        if date >= earliest:
            return date
    return date


class DeadlineRule(Model):
    """When a report of one kind of period is due: a day and month, or days after the cut-off."""

    date: DayMonth | None = field(
        "Hạn gửi (ngày/tháng)", "Ví dụ: 15/6 — ngày đầu tiên như vậy sau khi hết kỳ.", default=None
    )
    days_after_cutoff: Annotated[int, Field(ge=0, le=366)] | None = field(
        "Số ngày sau ngày chốt số liệu", "Ví dụ: 2 — gửi trong 02 ngày kể từ ngày chốt số liệu.", default=None
    )

    @model_validator(mode="after")
    def _one_rule(self) -> Self:
        if (self.date is None) == (self.days_after_cutoff is None):
            raise ValueError("ghi một trong hai: date (ngày/tháng) hoặc days_after_cutoff (số ngày)")
        return self


class Regime(Model):
    """The reporting regime (chế độ báo cáo): who reports to whom, when, with figures to which day."""

    reporters: list[UnitLevel] = field(
        "Cấp đơn vị báo cáo",
        "commune, district, department, province, ministry, national; bỏ trống: mọi cấp.",
        default=[],
    )
    recipient: Text | None = field("Nơi nhận báo cáo", "Ví dụ: UBND tỉnh, qua Sở Khoa học và Công nghệ.", default=None)
    periods: list[PeriodType] = field(
        "Các kỳ báo cáo", "month, quarter, half_year, nine_months, year; bỏ trống: mọi kỳ.", default=[]
    )
    cutoff: dict[PeriodType, DayMonth] = field(
        "Ngày chốt số liệu theo kỳ",
        "Ví dụ: {year: 14/11}; kỳ không ghi thì theo Nghị định 09/2019 (ngày 14 tháng cuối kỳ).",
        default={},
    )
    deadline: dict[PeriodType, DeadlineRule] = field(
        "Hạn gửi báo cáo theo kỳ", "Ví dụ: {half_year: {date: 15/6}, year: {days_after_cutoff: 2}}.", default={}
    )

    @field_validator("reporters", mode="before")
    @classmethod
    def _levels_in_words(cls, levels: Any) -> Any:
        """Levels in words ("cấp xã", "huyện") are their codes."""
        if not isinstance(levels, list):
            return levels
        return [found.value if isinstance(x, str) and (found := read_level(x)) else x for x in levels]

    @field_validator("periods", "cutoff", "deadline", mode="before")
    @classmethod
    def _periods_in_words(cls, periods: Any) -> Any:
        """Kinds of period in words ("6 tháng", "quý", "năm") are their codes."""

        def code(kind: Any) -> Any:
            return (read_period_kind(kind) or kind) if isinstance(kind, str) else kind

        if isinstance(periods, list):
            return [code(kind) for kind in periods]
        if isinstance(periods, dict):
            return {code(kind): value for kind, value in periods.items()}
        return periods

    def cutoff_for(self, period: Period) -> Cutoff | None:
        """The window the regime states for this period, or None when the decree's rule applies."""
        end = self.cutoff.get(period.type)
        if end is None:
            return None
        return Cutoff.model_construct(start=None, end=on_or_after(end, period.start), show=None)

    def deadline_for(self, period: Period, window: Window, set_by: str) -> Deadline | None:
        """The day a report of this period is due under the regime, or None when it states none."""
        rule = self.deadline.get(period.type)
        if rule is None:
            return None
        if rule.days_after_cutoff is not None:
            return Deadline(window.end + dt.timedelta(days=rule.days_after_cutoff), set_by)
        assert rule.date is not None
        return Deadline(on_or_after(rule.date, window.end), set_by)


class About(Model):
    """The outline's name and who issued it."""

    id: Key = field("Mã đề cương", "Đơn vị ghi mã này trong document.outline; chữ, số, '_', '-', '.'.")
    title: Text = field("Tên đề cương", "Ví dụ: Đề cương báo cáo kết quả chuyển đổi số cấp xã.")
    issuer: Text | None = field("Cơ quan ban hành đề cương", default=None)
    set_by: Citation | None = field("Văn bản ban hành đề cương", "Quyết định, công văn kèm đề cương.", default=None)
    illustrative: bool = field("Chỉ là ví dụ", "true: đề cương minh họa, không phải văn bản thật.", default=False)


class OutlineSection(Model):
    """A heading of the outline, what it expects, then its sub-sections."""

    key: Key = field("Mã mục", "Đơn vị ghi đúng mã này ở mục tương ứng.")
    title: Text = field("Tiêu đề", "Không ghi số thứ tự: baocao tự đánh số.")
    required: bool = field("Bắt buộc", "false: đơn vị có thể bỏ mục này.", default=True)
    guide: Text | None = field("Hướng dẫn", "Viết gì ở mục này; in thành chú thích trong tệp mẫu.", default=None)
    expects: list[ExpectEntry] = field("Nội dung yêu cầu", default=[])
    sections: list[OutlineSection] = field("Các mục con", default=[])


class Outline(Model):
    """A đề cương: the outline, the figures it needs and its regime."""

    outline: About = field("Đề cương")
    regime: Regime = field("Chế độ báo cáo", default_factory=Regime)
    numbering: Numbering = field("Cách đánh số đề mục", default=["I.", "1.", "1.1.", "a)"])
    sections: Annotated[list[OutlineSection], Field(min_length=1)] = field("Các mục")

    @model_validator(mode="after")
    def _unique_keys(self) -> Self:
        seen: set[str] = set()
        for _, section, _ in walk(self.sections):
            if section.key in seen:
                raise ValueError(f"mã mục '{section.key}' dùng hai lần")
            seen.add(section.key)
        items: set[str] = set()
        for _, _, expect in expectations(self.sections):
            key = getattr(expect.item, "key", None)
            if key is not None:
                if key in items:
                    raise ValueError(f"mã '{key}' dùng hai lần")
                items.add(key)
        return self

    def required_sections(self) -> set[str]:
        """The keys of the sections a unit's report must have."""
        return {section.key for _, section, _ in walk(self.sections) if section.required}

    def items(self) -> Iterator[tuple[str, Any]]:
        """Every item the outline expects by key: (key, item)."""
        for _, _, expect in expectations(self.sections):
            key = getattr(expect.item, "key", None)
            if key is not None:
                yield key, expect.item

    def free_text_optional(self) -> set[str]:
        """Keys of the sections whose free text may be left out: the section, or all its text, is optional."""
        keys = set()
        for _, section, _ in walk(self.sections):
            texts = [e.item for e in section.expects if "key" not in type(e.item).model_fields]
            if not section.required or (texts and not any(t.required for t in texts)):
                keys.add(section.key)
        return keys

    @property
    def named(self) -> str:
        """The outline as a deadline names what set it: "Công văn số 1520/SKHCN-CĐS", or "đề cương ID"."""
        set_by = self.outline.set_by
        return f"{set_by.type} số {set_by.number}" if set_by else f"đề cương {self.outline.id}"

    def schedule(self, period: Period, stated: Window | None = None) -> tuple[Cutoff | None, Window, Deadline | None]:
        """For a period: the cut-off the regime states (None: the decree's rule), the window, and the deadline.

        ``stated`` is a window the unit writes itself; it comes before the regime's.
        """
        cutoff = self.regime.cutoff_for(period)
        window = stated or (cutoff and cutoff.window) or period.window
        return cutoff, window, self.regime.deadline_for(period, window, self.named)


def walk(
    sections: list[OutlineSection], path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], OutlineSection, int]]:
    """Every section with the keys of the sections above it and its place among its siblings."""
    for index, section in enumerate(sections):
        yield path, section, index
        yield from walk(section.sections, (*path, section.key))


def expectations(sections: list[OutlineSection]) -> Iterator[tuple[tuple[str, ...], OutlineSection, Expect]]:
    """Every expected entry with the path of section keys it stands under."""
    for path, section, _ in walk(sections):
        for expect in section.expects:
            yield (*path, section.key), section, expect


def by_unit(outline: Outline) -> list[tuple[str, Expected]]:
    """The items the outline wants one annex row per unit for, in order: (block type, item)."""
    marked: list[tuple[str, Expected]] = []
    for _, _, expect in expectations(outline.sections):
        item = expect.item
        if isinstance(item, Expected) and item.by_unit:
            marked.append((expect.kind, item))
    return marked
