"""The reporting calendar of Decree 09/2019/NĐ-CP: the days a report's figures cover, and its deadline.

Periodic figures run from the 15th of the month before the period to the 14th of its
last month (quarter I: 15/12 → 14/3). A regime or the unit may state another window
("số liệu tính đến ngày …") and a deadline. :class:`Cutoff` is what a file states,
:class:`Window` and :class:`Deadline` the values the checks and templates use, and
:func:`calendar` chooses among the stated ones: the first that states something wins,
so a unit's own statement goes before its regime's, and the regime's before the rule.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Self

from pydantic import model_validator

from baocao.core import vietnamese as vn
from baocao.model.fields import Date, Flag, Model, field

CUTOFF_DAY = 14
"""The last day of the figures in a period's last month; the window starts the day after, a month earlier."""


@dataclass(frozen=True)
class Window:
    """The days a report's figures cover; ``start`` is None when only the last day is stated."""

    start: dt.date | None
    end: dt.date

    @property
    def label(self) -> str:
        """Written as "từ ngày 15/12/2021 đến ngày 14/6/2022", or "đến ngày 14/6/2022"."""
        end = f"đến ngày {vn.date_short(self.end)}"
        return f"từ ngày {vn.date_short(self.start)} {end}" if self.start else end

    @property
    def label_en(self) -> str:
        """The window in English, for messages: "from 15/12/2021 to 14/6/2022"."""
        end = f"to {vn.date_short(self.end)}"
        return f"from {vn.date_short(self.start)} {end}" if self.start else end

    @property
    def sentence(self) -> str:
        """As reports print it: "Số liệu tính từ ngày 15/12/2021 đến ngày 14/6/2022"."""
        return f"Số liệu tính {self.label}"


def decree_window(year: int, first_month: int, months: int) -> Window:
    """The window of a period by Decree 09/2019: the 15th of the month before it to the 14th of its last month."""
    before = first_month - 2  # the month before the first, counted from 0
    last = first_month + months - 2
    start = dt.date(year + before // 12, before % 12 + 1, CUTOFF_DAY + 1)
    return Window(start, dt.date(year + last // 12, last % 12 + 1, CUTOFF_DAY))


@dataclass(frozen=True)
class Deadline:
    """The day a report is due, and the document that sets it ("Công văn số 381/SKHĐT-THKTKG")."""

    date: dt.date
    set_by: str


class Cutoff(Model):
    """Thời gian chốt số liệu as a unit (or a regime) states it, instead of the decree's rule."""

    start: Date | None = field(
        "Số liệu tính từ ngày", "Ngày đầu của số liệu; chỉ ghi khi có ghi cả ngày cuối (end).", default=None
    )
    end: Date | None = field(
        "Số liệu tính đến ngày",
        "Ngày chốt số liệu; bỏ trống thì theo Nghị định 09/2019: ngày 14 của tháng cuối kỳ.",
        default=None,
    )
    show: Flag | None = field(
        "In thời gian chốt số liệu",
        "true: báo cáo in dòng '(Số liệu tính từ ngày … đến ngày …)' dưới trích yếu.",
        default=None,
    )

    @model_validator(mode="after")
    def _start_needs_end(self) -> Self:
        if self.start and not self.end:
            raise ValueError("ghi 'start' thì phải ghi cả 'end' (số liệu tính đến ngày nào)")
        if self.start and self.end and self.start > self.end:
            raise ValueError("ngày đầu (start) sau ngày cuối (end) của số liệu")
        return self

    @property
    def window(self) -> Window | None:
        """The stated window, or None when it leaves the days to the rule."""
        return Window(self.start, self.end) if self.end else None


@dataclass(frozen=True)
class Calendar:
    """What a report's dates answer to: the window of its figures, whether to print it, its deadline."""

    window: Window
    shown: bool = False
    deadline: Deadline | None = None
    stated: bool = False
    """True when the window is a stated one, not the decree's rule."""


def calendar(rule: Window, cutoffs: Iterable[Cutoff | None], deadlines: Iterable[Deadline | None]) -> Calendar:
    """The calendar of a report: the first stated window and deadline, most particular first, else the rule."""
    stated = [c for c in cutoffs if c is not None]
    window = next((w for c in stated if (w := c.window) is not None), None)
    shown = next((c.show for c in stated if c.show is not None), False)
    deadline = next((d for d in deadlines if d is not None), None)
    return Calendar(window or rule, shown, deadline, window is not None)
