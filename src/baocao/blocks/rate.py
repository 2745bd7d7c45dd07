"""A count out of a total, or a percentage stated alone: its model, its checks and its words.

An indicator is made of rates (its own, its sub-rates by level, last period's), and the
rates written in sentences are checked as an indicator's are (:mod:`baocao.blocks.text`).
A qualified percentage ("trên 98%") is a bound: the check asks whether what the counts
give lies within it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Self

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from baocao.blocks.base import shown
from baocao.blocks.printing import qualified
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Count, Model, Text, field
from baocao.model.qualified import QPercent, Qualified, decimals


def blank_beside(count: int | None, total: int | None) -> PydanticCustomError:
    """A count written without its total, or a total without its count: said at the blank one (BC110)."""
    missing, given, value = ("count", "total", total) if count is None else ("total", "count", count)
    return PydanticCustomError(
        "blank_beside",
        "count and total go together",
        {
            "variant": "blank_beside",
            "missing": missing,
            "given": given,
            "value": str(value),
            "detail": "ghi cả count và total (số đạt được/tổng số), hoặc chỉ ghi percent",
            "detail_en": "write both count and total, or percent alone",
        },
    )


class Rate(Model):
    """A count out of a total, or a percentage stated alone."""

    label: Text = field("Tên")
    count: Count | None = field("Số đạt được", default=None)
    total: Count | None = field("Tổng số", default=None)
    percent: QPercent | None = field("Tỷ lệ đã ghi (%)", "Có thể ghi 'trên 98'.", default=None)

    @model_validator(mode="after")
    def _count_total_or_percent(self) -> Self:
        if (self.count is None) != (self.total is None):
            raise blank_beside(self.count, self.total)
        return self

    @property
    def blank(self) -> bool:
        """True when neither count and total nor a percentage is written yet."""
        return self.count is None and self.percent is None

    @property
    def decimals(self) -> int:
        """Digits after the comma the percentage is shown with: as written, else 1."""
        return decimals(self.percent)


class PreviousRate(Model):
    """Last period's rate of an indicator: count and total, or a percentage stated alone."""

    count: Count | None = field("Số đạt được kỳ trước", default=None)
    total: Count | None = field("Tổng số kỳ trước", default=None)
    percent: QPercent | None = field("Tỷ lệ kỳ trước (%)", default=None)

    @model_validator(mode="after")
    def _count_total_or_percent(self) -> Self:
        if (self.count is None) != (self.total is None):
            raise blank_beside(self.count, self.total)
        if self.count is None and self.percent is None:
            raise ValueError("ghi count và total, hoặc percent, của kỳ trước")
        return self

    @property
    def decimals(self) -> int:
        """Digits after the comma the percentage is shown with: as written, else 1."""
        return decimals(self.percent)


def rate_issues(rate: Rate | PreviousRate, loc: Loc, others: bool = False) -> Iterator[Issue]:
    """Count not above total, unless ``others`` (they count different things); a stated rate at its digits."""
    if rate.percent is not None and rate.percent.value > 100:
        yield Issue("BC109", (*loc, "percent"), {"input": str(rate.percent), "limit": "≤ 100", "limit_en": "≤ 100"})
        return
    if rate.count is None or rate.total is None:
        return
    yield from ratio_issues(rate.count, rate.total, rate.percent, rate.decimals, loc, others)


def ratio_issues(
    count: int, total: int, percent: Qualified | None, decimals: int, loc: Loc, others: bool = False
) -> Iterator[Issue]:
    """The checks of one count out of a total with its stated percentage, wherever it is written.

    99,5 for 42.694/42.829 (99,6848…) is wrong; 99,7 and 99,68 are right. 100% means all,
    and 0% none, whatever the rounding. A count of other things than the total's (``others``: "16 đài/16 xã",
    "41.999 tài khoản/123.758 người dân") may be the larger.
    """
    if count > total and not others:
        params = {"part": "count", "whole": "total", "part_value": shown(count), "whole_value": shown(total)}
        yield Issue("BC212", (*loc, "count"), params)
        return
    if percent is None:
        return
    if total == 0:
        yield Issue("BC213", (*loc, "total"), {})
        return
    computed = vn.ratio_percent(count, total, decimals)
    whole = count == total
    if percent.exact:
        stated = percent.value
        agrees = computed == stated and (stated == 100) == whole and (stated == 0) == (count == 0)
    else:
        agrees = percent.allows(Decimal(count) * 100 / Decimal(total))
    if not agrees:
        digits = decimals if computed != percent.value else decimals + 2
        params = {
            "stated": f"{percent.word} {vn.percent(percent.value, decimals)}".strip(),
            "computed": vn.percent(vn.ratio_percent(count, total, digits), digits),
            "count": shown(count),
            "total": shown(total),
        }
        yield Issue("BC211", (*loc, "percent"), params)


def shown_percent(rate: Rate | PreviousRate) -> Qualified | None:
    """The percentage a rate reads as: as written (at its digits), else count / total to one decimal."""
    if rate.percent is not None:
        return Qualified(rate.percent.value.quantize(Decimal(1).scaleb(-rate.decimals)), rate.percent.word)
    if rate.count is not None and rate.total:
        return Qualified(vn.ratio_percent(rate.count, rate.total, 1))
    return None


def rate_text(rate: Rate, unit: str | None = None, verb: str = "đạt", total_unit: str | None = None) -> str:
    """Written as "42.694/42.829 công dân, đạt 99,7%", or "đạt trên 98%" ("chiếm 8,6%" with another verb)."""
    percent = shown_percent(rate)
    if rate.percent is not None and percent is not None:
        said = qualified(percent, "%")
    elif percent is not None:
        said = vn.percent(percent.value, 1)
    else:
        said = ""
    counted = ""
    if rate.count is not None and rate.total is not None:
        if total_unit:  # two things counted: "16 đài/16 xã"
            counted = f"{vn.number(rate.count)}{f' {unit}' if unit else ''}/{vn.number(rate.total)} {total_unit}"
        else:
            counted = f"{vn.number(rate.count)}/{vn.number(rate.total)}" + (f" {unit}" if unit else "")
    if counted and said:
        return f"{counted}, {verb} {said}"
    return counted or f"{verb} {said}"


def stated_rate(rate: Rate) -> Qualified | None:
    """The rate as stated, else computed from the count and total to one decimal (an annex cell)."""
    if rate.percent is not None:
        return rate.percent
    if rate.count is not None and rate.total:
        return Qualified(vn.ratio_percent(rate.count, rate.total, 1))
    return None
