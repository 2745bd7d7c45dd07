"""Stated percentages against their counts, judged at the precision written."""

from __future__ import annotations

from collections.abc import Iterator

from baocao.checks.issue import Issue, shown
from baocao.core import vietnamese as vn
from baocao.models import Report


def indicator_ratios(report: Report) -> Iterator[Issue]:
    """Count not above total; a stated percentage equals count / total rounded to the digits written.

    99,5 for 42.694/42.829 (99,6848…) is wrong; 99,7 and 99,68 are right. 100% means all,
    and 0% none, whatever the rounding.
    """
    for index, item in enumerate(report.indicators):
        if item.count > item.total:
            params = {
                "part": "count",
                "whole": "total",
                "part_value": shown(item.count),
                "whole_value": shown(item.total),
            }
            yield Issue("BC212", ("indicators", index, "count"), params)
            continue
        if item.percent is None:
            continue
        if item.total == 0:
            yield Issue("BC213", ("indicators", index, "total"), {})
            continue
        computed = item.computed_percent
        whole = item.count == item.total
        if computed != item.percent or (item.percent == 100) != whole or (item.percent == 0) != (item.count == 0):
            digits = item.decimals if computed != item.percent else item.decimals + 2
            params = {
                "stated": vn.percent(item.percent, item.decimals),
                "computed": vn.percent(vn.ratio_percent(item.count, item.total, digits), digits),
                "count": shown(item.count),
                "total": shown(item.total),
            }
            yield Issue("BC211", ("indicators", index, "percent"), params)


def target_percentages(report: Report) -> Iterator[Issue]:
    """A target in percent is not above 100."""
    for index, target in enumerate(report.targets):
        if target.unit == "%" and target.value > 100:
            yield Issue("BC214", ("targets", index, "value"), {"stated": shown(target.value)})


CHECKS = (indicator_ratios, target_percentages)
