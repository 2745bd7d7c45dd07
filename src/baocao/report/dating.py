"""The year of the date line when the report is not dated yet: the year it will be issued in, or a blank.

A draft leaves the day and month for the văn thư ("ngày … tháng … năm 2022"). The
year is printed only when it is certain: the report is issued after its figures end
and after every document it cites ("Kế hoạch số 12/KH-UBND ngày 12/01/2024"), and by
its deadline; when those fall in two years (a year's report due in January, a 2023
report citing a plan of 2024 with no deadline), "năm 20" is left for the văn thư too,
never the period's year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

CITED = re.compile(r"\bsố\s+[^\s,;]+/[^\s,;]+\s+ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})\b", re.IGNORECASE)
"""A document cited in a sentence with its number and date: "Kế hoạch số 12/KH-UBND ngày 12/01/2024"."""
REACH_DAYS = 30
"""Without a deadline, a report is taken to be issued within this many days of its earliest possible day."""


def cited_dates(values: Iterable[Any]) -> list[dt.date]:
    """The dates of the documents the values cite: a citation's ``date``, and "số …/… ngày d/m/yyyy" in text."""
    found = []
    for value in values:
        if isinstance(value, str):
            for day, month, year in CITED.findall(value):
                try:
                    found.append(dt.date(int(year), int(month), int(day)))
                except ValueError:
                    continue  # not a date: the checks of the text say so
        elif isinstance(getattr(value, "date", None), dt.date) and getattr(value, "number", None):
            found.append(value.date)
    return found


def issue_year(earliest: dt.date, deadline: dt.date | None) -> int | None:
    """The year a report is issued in when it cannot be issued before ``earliest``; None when that is not certain."""
    latest = deadline if deadline is not None else earliest + dt.timedelta(days=REACH_DAYS)
    return earliest.year if earliest <= latest and latest.year == earliest.year else None
