"""The checks of a typed report: each block's own (its type's), the document's form, the outline, the đề cương.

Each check is a small generator over a :class:`~baocao.report.Report` that yields
:class:`~baocao.core.findings.Issue` values; :func:`run` places them on their lines. A
check's docstring is its documentation. The arithmetic of a block is its type's own
check (:mod:`baocao.blocks`); the checks here span a report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from baocao.blocks import REGISTRY
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
    """Every finding of every check, placed on the line of the value it concerns.

    A block with a value that does not read (a cell "1,5" in a column of counts, a row with a
    cell too many) has no arithmetic said of it: a fix computed from data already wrong misleads.
    """
    issues = [issue for check in CHECKS for issue in check(report)]
    unread = {block for issue in issues if issue.code.startswith("BC1") and (block := _block(issue.loc))}
    findings = []
    for issue in issues:
        if issue.code.startswith("BC2") and _block(issue.loc) in unread:
            continue
        line, col = source.locate(issue.loc)
        if issue.snippet:
            line, col = _place(source.text, line, col, issue.snippet, issue.offset)
        findings.append(Finding(source.path, line, col, issue.code, issue.loc, issue.params))
    return sorted(findings)


def _block(loc: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    """The place of the block ``loc`` stands in (up to its type's name), or None outside any block."""
    for index, part in enumerate(loc):
        if isinstance(part, str) and part in REGISTRY:
            return loc[: index + 1]
    return None


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
