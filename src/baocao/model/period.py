"""The reporting period and the level of a reporting unit: "06 tháng đầu năm 2022", "quý I/2019", "năm 2023"."""

import datetime as dt
import enum
from typing import Annotated, Self

from pydantic import Field, model_validator

from baocao.core import vietnamese as vn
from baocao.model.calendar import Window, decree_window
from baocao.model.fields import Model, Whole, field, whole_schema


class UnitLevel(enum.StrEnum):
    """The administrative level of the reporting unit."""

    COMMUNE = "commune"
    DISTRICT = "district"
    DEPARTMENT = "department"
    PROVINCE = "province"
    MINISTRY = "ministry"
    """A ministry or a central agency (Bộ, ngành trung ương)."""
    NATIONAL = "national"
    """The Government, a national steering committee, a central Party body."""


class PeriodType(enum.StrEnum):
    """Kinds of reporting period."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    YEAR = "year"


PERIOD_LENGTH = {PeriodType.MONTH: 1, PeriodType.QUARTER: 3, PeriodType.HALF_YEAR: 6, PeriodType.NINE_MONTHS: 9}


def _months(kind: PeriodType, number: int) -> tuple[int, int]:
    """First month and number of months of a period."""
    length = PERIOD_LENGTH.get(kind, 12)
    first = 1 if kind in (PeriodType.NINE_MONTHS, PeriodType.YEAR) else length * (number - 1) + 1
    return first, length


PERIOD_COUNT = {PeriodType.MONTH: 12, PeriodType.QUARTER: 4, PeriodType.HALF_YEAR: 2}


class Period(Model):
    """The reporting period: "06 tháng đầu năm 2022", "quý I/2019", "năm 2023"."""

    type: PeriodType = field("Loại kỳ báo cáo", "month, quarter, half_year, nine_months hoặc year.")
    number: Annotated[Whole, Field(ge=1, le=12), whole_schema(1, 12, "[1-9]|1[0-2]", "Từ 1 đến 12.")] | None = field(
        "Số thứ tự của kỳ", "Tháng 1-12, quý 1-4, 6 tháng 1 (đầu năm) hoặc 2 (cuối năm).", default=None
    )
    year: Annotated[Whole, Field(ge=1990, le=2100), whole_schema(1990, 2100, "199[0-9]|20[0-9]{2}|2100", "Năm.")] = (
        field("Năm", "Năm của kỳ báo cáo, từ 1990 đến 2100.")
    )

    @model_validator(mode="after")
    def _number_fits_type(self) -> Self:
        limit = PERIOD_COUNT.get(self.type)
        if limit is None:
            if self.number not in (None, 1):
                raise ValueError(f"kỳ '{self.type}' không có số thứ tự")
        elif self.number is None or self.number > limit:
            raise ValueError(f"kỳ '{self.type}' cần số thứ tự từ 1 đến {limit}")
        return self

    @property
    def label(self) -> str:
        """The period as reports write it."""
        n = self.number or 1
        if self.type is PeriodType.MONTH:
            return f"tháng {n} năm {self.year}"
        if self.type is PeriodType.QUARTER:
            return f"quý {vn.roman(n)}/{self.year}"
        if self.type is PeriodType.HALF_YEAR:
            return f"06 tháng {'đầu' if n == 1 else 'cuối'} năm {self.year}"
        if self.type is PeriodType.NINE_MONTHS:
            return f"09 tháng đầu năm {self.year}"
        return f"năm {self.year}"

    @property
    def start(self) -> dt.date:
        """First day of the period."""
        first, _ = _months(self.type, self.number or 1)
        return dt.date(self.year, first, 1)

    @property
    def end(self) -> dt.date:
        """Last day of the period."""
        first, months = _months(self.type, self.number or 1)
        last = first + months - 1
        following = dt.date(self.year + last // 12, last % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    @property
    def window(self) -> Window:
        """The days its figures cover by Decree 09/2019: quarter I from 15/12 of the year before to 14/3."""
        first, months = _months(self.type, self.number or 1)
        return decree_window(self.year, first, months)

    def following(self) -> "Period":
        """The next period: the same length, or the fourth quarter after nine months.

        Made from this valid period, so its fields are set without validating them again.
        """
        if self.type in PERIOD_COUNT:
            n = self.number or 1
            if n == PERIOD_COUNT[self.type]:
                return Period.model_construct(type=self.type, number=1, year=self.year + 1)
            return Period.model_construct(type=self.type, number=n + 1, year=self.year)
        if self.type is PeriodType.NINE_MONTHS:
            return Period.model_construct(type=PeriodType.QUARTER, number=4, year=self.year)
        return Period.model_construct(type=PeriodType.YEAR, year=self.year + 1)


def reference(old: Period, new: Period) -> str:
    """How a report names an earlier period: "cùng kỳ năm 2021" one year before, else its label."""
    if (old.type, old.number, old.year + 1) == (new.type, new.number, new.year):
        return f"cùng kỳ năm {old.year}"
    return old.label


def slug(period: Period) -> str:
    """The period as file names write it: 2026-h1, 2026-q2, 2026-m05, 2026-9m, 2026."""
    n = period.number or 1
    return {
        "half_year": f"{period.year}-h{n}",
        "quarter": f"{period.year}-q{n}",
        "month": f"{period.year}-m{n:02d}",
        "nine_months": f"{period.year}-9m",
    }.get(str(period.type), str(period.year))
