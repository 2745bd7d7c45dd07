"""The same quantity stated twice in one file must agree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baocao.checks.issue import Issue
from baocao.core.findings import Loc
from baocao.models import Report


def _keyed(report: Report) -> Iterator[tuple[str, Loc, tuple[Any, ...]]]:
    for index, figure in enumerate(report.figures):
        yield figure.key, ("figures", index, "key"), ("figure", figure.total, figure.unit)
    for index, item in enumerate(report.indicators):
        yield item.key, ("indicators", index, "key"), ("indicator", item.count, item.total)
    for index, target in enumerate(report.targets):
        yield target.key, ("targets", index, "key"), ("target", target.value, target.unit)
    for index, citation in enumerate(report.citations):
        if citation.key:
            yield citation.key, ("citations", index, "key"), ("citation", citation.number, citation.date)
    for loc, block in report.blocks():
        item = block.value
        key = getattr(item, "key", None)
        if not key or block.kind not in OUTLINE_VALUES:
            continue
        yield key, (*loc, "key"), (block.kind, *OUTLINE_VALUES[block.kind](item))


OUTLINE_VALUES: dict[str, Any] = {  # what a keyed block states, compared when its key comes again
    "figure": lambda f: (f.total, f.unit),
    "indicator": lambda i: (i.count, i.total, i.percent),
    "target": lambda t: (t.value, t.unit),
    "citation": lambda c: (c.number, c.date),
    "answer": lambda a: (a.answer,),
}


def repeated_keys(report: Report) -> Iterator[Issue]:
    """A key names one quantity: stated again, it must carry the same values."""
    seen: dict[str, tuple[Loc, tuple[Any, ...]]] = {}
    for key, loc, values in _keyed(report):
        if key in seen and seen[key][1] != values:
            first = ".".join(str(part) for part in seen[key][0][:-1])
            yield Issue("BC501", loc, {"key": key, "first": first})
        seen.setdefault(key, (loc, values))


CHECKS = (repeated_keys,)
