"""The same quantity stated twice in one file must agree: under one key, or in the text and a table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from baocao.blocks import REGISTRY, tasks
from baocao.blocks.base import key_of
from baocao.core.findings import Issue, Loc
from baocao.report import Report


def repeated_keys(report: Report) -> Iterator[Issue]:
    """A key names one quantity: stated again, it must carry the same values (what its type says it states)."""
    seen: dict[str, tuple[Loc, tuple[Any, ...]]] = {}
    for loc, block in report.blocks():
        key = key_of(block.value)
        stated = REGISTRY[block.kind].stated
        if not key or stated is None:
            continue
        values = (block.kind, *stated(block.value))
        if key in seen and seen[key][1] != values:
            first = ".".join(str(part) for part in seen[key][0])
            yield Issue("BC501", (*loc, "key"), {"key": key, "first": first})
        seen.setdefault(key, (loc, values))


def tasks_in_text(report: Report) -> Iterator[Issue]:
    """Tasks by status stated in the text ("đã hoàn thành 22 nhiệm vụ") are those the report's task table counts.

    Compared only when every row of the task tables says its status (done, in progress, late, not started).
    """
    counted: Counter[str] = Counter()
    for _, block in report.blocks():
        if block.kind == "tasks":
            statuses = tasks.by_status(block.value)
            if statuses is None:
                return
            counted += statuses
    if not counted:
        return
    for loc, block in report.blocks():
        if block.kind != "text":
            continue
        for line in block.value.splitlines():
            for status, stated, start, at in tasks.stated_counts(line):
                if stated != counted[status]:
                    vi, en = tasks.STATUSES[status]
                    params = {"stated": stated, "counted": counted[status], "status": vi, "status_en": en}
                    yield Issue("BC502", loc[:-1], params, snippet=line[start : at + 1], offset=at - start)


CHECKS = (repeated_keys, tasks_in_text)
