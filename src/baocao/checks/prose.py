"""Numbers in sentences, checked like the indicators they are.

Most figures of a real report sit in its sentences: "42.694/42.829 công dân,
đạt 99,5%", "đạt 100% (3.179/3.179 văn bản)". A count out of a total next to a
stated percentage is checked as an indicator is (BC211, BC212), at the line
and column where the numbers are written. Numbers in sentences are written the
Vietnamese way: "." groups thousands, "," marks decimals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from baocao.checks.blocks import ratio_issues
from baocao.checks.issue import Issue
from baocao.core.findings import Loc
from baocao.models import Report
from baocao.models.blocks import QUALIFIERS, Qualified
from baocao.models.topics import Topic

COUNT = r"\d{1,3}(?:\.\d{3})+|\d+"
PERCENT = r"(?:(?P<word>" + "|".join(QUALIFIERS) + r")\s+)?(?P<pct>\d+(?:,\d+)?)\s*%"
REACHED = r"\b[đĐ]ạt\s+(?:(?:tỷ\s+lệ|tỉ\s+lệ)\s+)?"
FRACTION = r"(?P<count>" + COUNT + r")\s*/\s*(?P<total>" + COUNT + r")"
# "42.694/42.829 công dân, đạt 99,5%": the fraction, a few words, then the percentage.
FRACTION_FIRST = re.compile(r"(?<![\d.,/])" + FRACTION + r"(?P<gap>[^.;:()%/\d]{0,60}?)" + REACHED + PERCENT)
# "đạt 100% (3.179/3.179 văn bản)": the percentage, then the fraction in brackets.
PERCENT_FIRST = re.compile(REACHED + PERCENT + r"\s*\(\s*" + FRACTION + r"(?![\d.,]*\d)")


def _count(text: str) -> int:
    return int(text.replace(".", ""))


def sentence_issues(text: str, loc: Loc) -> Iterator[Issue]:
    """Every count out of a total with its percentage in ``text``, checked; issues carry the words they concern."""
    lines = [line for line in text.splitlines() if "%" in line and "/" in line]
    for pattern in (FRACTION_FIRST, PERCENT_FIRST):
        for match in (m for line in lines for m in pattern.finditer(line)):
            count, total = _count(match["count"]), _count(match["total"])
            digits = match["pct"].partition(",")[2]
            percent = Qualified(Decimal(match["pct"].replace(",", ".")), (match["word"] or "").lower())
            for issue in ratio_issues(count, total, percent, len(digits), loc):
                yield Issue(issue.code, loc, issue.params, snippet=match.group(0))


def prose_numbers(report: Report) -> Iterator[Issue]:
    """Numbers in narrative and text blocks: "a/b …, đạt p%" and "đạt p% (a/b …)" agree as an indicator must."""
    for topic in Topic:
        text = report.text(topic)
        if text:
            yield from sentence_issues(text, ("narrative", topic.value))
    for loc, block in report.blocks():
        if block.text is not None:
            yield from sentence_issues(block.text, loc[:-1])


CHECKS = (prose_numbers,)
