"""Checks that run on a typed report: arithmetic, ratios, the document's form, consistency.

Each check is a small generator over a :class:`~baocao.models.Report` that
yields :class:`Issue` values; :func:`run` places them on their lines. A check's
docstring is its documentation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from baocao.checks import blocks, by_topic, conformance, consistency, document, numbers, prose, ratios, totals
from baocao.checks.issue import Issue
from baocao.core.findings import Finding
from baocao.load.source import Source
from baocao.models import Report

Check = Callable[[Report], Iterator[Issue]]

CHECKS: tuple[Check, ...] = (
    *totals.CHECKS,
    *ratios.CHECKS,
    *document.CHECKS,
    *consistency.CHECKS,
    *numbers.CHECKS,
    *blocks.CHECKS,
    *prose.CHECKS,
    *conformance.CHECKS,
)


def run(report: Report, source: Source) -> list[Finding]:
    """Every finding of every check, placed on the line of the value it concerns."""
    findings = []
    for check in CHECKS:
        for issue in check(report):
            line, col = source.locate(issue.loc)
            if issue.snippet:
                line, col = _place(source.text, line, col, issue.snippet)
            findings.append(Finding(source.path, line, col, issue.code, issue.loc, issue.params))
    findings += by_topic.findings(report, source)
    return sorted(findings)


def _place(text: str, line: int, col: int, snippet: str) -> tuple[int, int]:
    """Where ``snippet`` is first written at or after (line, col); (line, col) when it is not found as written."""
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    if line > len(starts):
        return line, col
    at = text.find(snippet, starts[line - 1] + col - 1)
    if at < 0:
        return line, col
    row = max(i for i, start in enumerate(starts) if start <= at)
    return row + 1, at - starts[row] + 1
