"""Checks that run on a typed report: arithmetic, ratios, the document's form, consistency.

Each check is a small generator over a :class:`~baocao.models.Report` that
yields :class:`Issue` values; :func:`run` places them on their lines. A check's
docstring is its documentation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from baocao.checks import blocks, consistency, document, numbers, ratios, totals
from baocao.checks.issue import Issue
from baocao.findings import Finding
from baocao.loader import Source
from baocao.models import Report

Check = Callable[[Report], Iterator[Issue]]

CHECKS: tuple[Check, ...] = (
    *totals.CHECKS,
    *ratios.CHECKS,
    *document.CHECKS,
    *consistency.CHECKS,
    *numbers.CHECKS,
    *blocks.CHECKS,
)


def run(report: Report, source: Source) -> list[Finding]:
    """Every finding of every check, placed on the line of the value it concerns."""
    findings = []
    for check in CHECKS:
        for issue in check(report):
            line, col = source.locate(issue.loc)
            findings.append(Finding(source.path, line, col, issue.code, issue.loc, issue.params))
    return sorted(findings)
