"""The checks of a typed report: each block's own (its type's), the document's form, the outline, the đề cương.

Each check is a small generator over a :class:`~baocao.report.Report` that yields
:class:`~baocao.core.findings.Issue` values; :func:`run` places them on their lines. A
check's docstring is its documentation. The arithmetic of a block is its type's own
check (:mod:`baocao.blocks`); the checks here span a report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from baocao.check import blocks, conformance, consistency, document
from baocao.core.findings import Finding, Issue
from baocao.load.source import Source
from baocao.report import Report

Check = Callable[[Report], Iterator[Issue]]

CHECKS: tuple[Check, ...] = (
    *document.CHECKS,
    *consistency.CHECKS,
    *blocks.CHECKS,
    *conformance.CHECKS,
)


def run(report: Report, source: Source) -> list[Finding]:
    """Every finding of every check, placed on the line of the value it concerns."""
    findings = []
    for check in CHECKS:
        for issue in check(report):
            line, col = source.locate(issue.loc)
            if issue.snippet:
                line, col = _place(source.text, line, col, issue.snippet, issue.offset)
            findings.append(Finding(source.path, line, col, issue.code, issue.loc, issue.params))
    return sorted(findings)


def _place(text: str, line: int, col: int, snippet: str, offset: int = 0) -> tuple[int, int]:
    """Where ``snippet`` is first written at or after (line, col), ``offset`` characters into it; else (line, col)."""
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    if line > len(starts):
        return line, col
    at = text.find(snippet, starts[line - 1] + col - 1)
    if at < 0:
        return line, col
    at += offset
    row = max(i for i, start in enumerate(starts) if start <= at)
    return row + 1, at - starts[row] + 1
