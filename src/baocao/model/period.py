"""The reporting period and the level of a reporting unit: "06 tháng đầu năm 2022", "quý I/2019", "năm 2023"."""

import datetime as dt
import enum
import re
import unicodedata
from typing import Annotated, Any, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

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


LEVEL_NAMES = {UnitLevel(code): name for code, name in vn.LEVELS.items()}
"""A level as a sentence names it: "đơn vị cấp xã"."""
LEVEL_WORDS = {
    UnitLevel.COMMUNE: ("cấp xã", "xã", "phường", "thị trấn", "xã, phường, thị trấn", "đặc khu"),
    UnitLevel.DISTRICT: ("cấp huyện", "huyện", "quận", "thị xã", "huyện, quận, thị xã"),
    UnitLevel.DEPARTMENT: ("sở", "sở, ngành", "ngành", "sở ngành", "cấp sở"),
    UnitLevel.PROVINCE: ("cấp tỉnh", "tỉnh", "ubnd tỉnh"),
    UnitLevel.MINISTRY: ("bộ", "bộ, ngành", "bộ, ngành trung ương", "cấp bộ"),
    UnitLevel.NATIONAL: ("trung ương", "cấp trung ương", "chính phủ", "quốc gia", "toàn quốc"),
}
"""The words a clerk writes for a level, with or without "cấp" (matched in lower case)."""
PERIOD_NAMES = vn.PERIOD_KINDS
"""A kind of period as a sentence names it: "kỳ 6 tháng"."""


def level_name(level: str) -> str:
    """A level's code in words ("commune" → "cấp xã"); a text that is no level's code, as it is."""
    return LEVEL_NAMES.get(UnitLevel(level), level) if level in UnitLevel.__members__.values() else level


def period_name(kind: str) -> str:
    """A kind of period's code in words ("half_year" → "6 tháng"); any other text as it is."""
    return PERIOD_NAMES.get(str(kind), str(kind))


def _plain_words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().replace("cấp ", "cấp ").split())


def read_level(text: str) -> UnitLevel | None:
    """The level a clerk's words name ("cấp xã", "Xã", "phường", "sở"), its code ("commune"), or None."""
    said = _plain_words(text)
    if said in UnitLevel.__members__.values():
        return UnitLevel(said)
    for level, words in LEVEL_WORDS.items():
        if said in words or said.removeprefix("cấp ") in words:
            return level
    return None


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern + r"$"), kind)
    for pattern, kind in (
        (r"(?:0?6|sáu) tháng (?P<which>đầu|cuối) năm (?P<year>\d{4})", "half_year"),
        (r"(?P<which>đầu|cuối) năm (?P<year>\d{4})", "half_year"),
        (r"(?:0?9|chín) tháng(?: đầu)?(?: năm)? (?P<year>\d{4})", "nine_months"),
        (r"quý (?P<number>iv|iii|ii|i|[1-4])(?:/| năm |-| )(?P<year>\d{4})", "quarter"),
        (r"tháng (?P<number>0?[1-9]|1[0-2])(?:/| năm |-| )(?P<year>\d{4})", "month"),
        (r"(?:cả )?năm (?P<year>\d{4})", "year"),
    )
)
PERIOD_EXAMPLES = "6 tháng đầu năm 2026, quý I/2026, tháng 3/2026, 9 tháng năm 2026, năm 2026"
"""How a period may be written in words, as hints say it."""


def read_period(text: str) -> dict[str, Any] | None:
    """A period in a clerk's words as the fields of :class:`Period`, or None.

    "6 tháng đầu năm 2026" (06, sáu; cuối), "quý I/2026" ("quý 1 năm 2026"), "tháng 3/2026",
    "9 tháng năm 2026", "năm 2026"; the words ``half_year:1 2026`` too.
    """
    said = _plain_words(text).removeprefix("kỳ ").removeprefix("báo cáo ")
    for pattern, kind in _PERIOD_PATTERNS:
        match = pattern.match(said)
        if match is None:
            continue
        found = match.groupdict()
        out: dict[str, Any] = {"type": kind, "year": found["year"]}
        if kind == "half_year":
            out["number"] = 1 if found["which"] == "đầu" else 2
        elif found.get("number"):
            number = found["number"]
            out["number"] = ROMAN.get(number) or int(number)
        return out
    coded = re.fullmatch(r"(month|quarter|half_year|nine_months|year)(?::(\d{1,2}))?[ /](\d{4})", said)
    if coded:
        numbered = {"number": coded.group(2)} if coded.group(2) else {}
        return {"type": coded.group(1), "year": coded.group(3), **numbered}
    return None


def read_period_kind(text: str) -> str | None:
    """A kind of period in words ("quý", "6 tháng", "năm") as its code, or None."""
    said = _plain_words(text).removeprefix("kỳ ")
    said = {"06 tháng": "6 tháng", "sáu tháng": "6 tháng", "09 tháng": "9 tháng", "chín tháng": "9 tháng"}.get(
        said, said
    )
    if said in PERIOD_NAMES:
        return said
    return next((kind for kind, name in PERIOD_NAMES.items() if name == said), None)


def _said(vi: str, en: str) -> PydanticCustomError:
    """A period refused, said in both languages (BC110)."""
    return PydanticCustomError("period_number", vi, {"detail": vi, "detail_en": en})


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

    @model_validator(mode="before")
    @classmethod
    def _in_words(cls, data: Any) -> Any:
        """A period written in words ("6 tháng đầu năm 2026", "quý I/2026"), or its kind in words ("quý")."""
        if isinstance(data, str):
            found = read_period(data)
            if found is None:
                raise PydanticCustomError(
                    "period_words",
                    "not a period",
                    {
                        "detail": f"không đọc được kỳ báo cáo; ghi ví dụ: {PERIOD_EXAMPLES}, "
                        "hoặc {type: half_year, number: 1, year: 2026}",
                        "detail_en": "not a period; write e.g. 6 tháng đầu năm 2026, quý I/2026, năm 2026, "
                        "or {type: half_year, number: 1, year: 2026}",
                    },
                )
            return found
        if isinstance(data, dict) and isinstance(data.get("type"), str):
            kind = read_period_kind(data["type"])
            number = data.get("number")
            if isinstance(number, str) and number.strip().lower() in ROMAN:
                data = {**data, "number": ROMAN[number.strip().lower()]}
            if kind is not None:
                return {**data, "type": kind}
        return data

    @model_validator(mode="after")
    def _number_fits_type(self) -> Self:
        limit = PERIOD_COUNT.get(self.type)
        name = period_name(self.type)
        if limit is None:
            if self.number not in (None, 1):
                raise _said(f"kỳ {name} không có số thứ tự (number)", f"a period of kind {self.type} has no number")
        elif self.number is None or self.number > limit:
            raise _said(
                f"kỳ {name} cần số thứ tự (number) từ 1 đến {limit}",
                f"a period of kind {self.type} needs a number from 1 to {limit}",
            )
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
