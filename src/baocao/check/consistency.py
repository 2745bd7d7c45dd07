"""The same quantity stated twice in one file must agree: under one key, or in the text and a table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from baocao.blocks import REGISTRY, table, tasks
from baocao.blocks.base import key_of, shown
from baocao.core.findings import Issue, Loc
from baocao.report import Report
from baocao.report.sections import walk


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


def column_sums_in_text(report: Report) -> Iterator[Issue]:
    """A total stated in a section's text ("tổng số 21 cụm loa") is the sum of its table's column that counts it.

    Only where the section holds that table (a table of another section counts something else), and not in
    a sentence that names one of the table's rows: that sentence speaks of the row.
    """
    for content, base in _contents(report):
        counted: dict[str, tuple[Any, Any]] = {}
        rows: set[str] = set()
        for block in content:
            if block.kind == "table":
                counted |= table.counted_things(block.value)
                rows |= table.row_names(block.value)
        if not counted:
            continue
        for index, block in enumerate(content):
            if block.kind != "text":
                continue
            for line in block.value.splitlines():
                lowered = " ".join(line.lower().split())
                if any(name in lowered for name in rows if len(name) > 2):
                    continue  # "(5) Lĩnh vực Đăng ký kinh doanh: Tổng số hồ sơ tiếp nhận: 167": one row's
                for noun, stated, start, at in table.stated_sums(line, list(counted)):
                    column, total = counted[noun]
                    if stated != total:
                        params = {"stated": shown(stated), "counted": shown(total), "noun": noun}
                        params |= {"column": column.title, "variant": "column"}
                        snippet = line[start : at + 1]
                        yield Issue("BC502", (*base, "content", index), params, snippet=snippet, offset=at - start)


def _contents(report: Report) -> Iterator[tuple[list[Any], Loc]]:
    """Each list of blocks that stands together: a section's content, an annex's, with the place of the list."""
    for loc, section, _ in walk(report.sections):
        yield section.content, loc
    for index, annex in enumerate(report.annexes):
        yield annex.content, ("annexes", index)


CHECKS = (repeated_keys, tasks_in_text, column_sums_in_text)
