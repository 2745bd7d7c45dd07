"""The task and progress table: TT, nội dung, kết quả/tiến độ, kinh phí, ghi chú (titles can be reworded).

A unit's own lines: ``next`` keeps the tasks and moves their results to a comment, and a
roll-up leaves them in each unit's report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from baocao.blocks.base import Data, ExpectedItem, declare, start_comment
from baocao.blocks.cells import Column, Grid, Piece, rows_of, short_name
from baocao.blocks.printing import cell, table
from baocao.core.yamlout import flow_item, scalar
from baocao.model.fields import Model, Text, field


class Task(Model):
    """One line of a task table."""

    task: Text = field("Nội dung, nhiệm vụ, dự án")
    result: Text | None = field("Kết quả, tiến độ thực hiện", default=None)
    funding: Text | None = field("Kinh phí", "Bao nhiêu, đã cấp theo văn bản nào, hoặc đề xuất.", default=None)
    note: Text | None = field("Ghi chú", default=None)


class TaskTitles(Model):
    """Column titles of a task table, when the request words them otherwise."""

    task: Text = field("Cột nội dung", default="Nội dung, nhiệm vụ, dự án")
    result: Text = field("Cột kết quả", default="Kết quả, tiến độ thực hiện")
    funding: Text = field("Cột kinh phí", default="Kinh phí")
    note: Text = field("Cột ghi chú", default="Ghi chú")


class TasksBlock(Model):
    """The task and progress table: TT, nội dung, kết quả/tiến độ, kinh phí, ghi chú."""

    key: Text | None = field("Mã bảng", default=None)
    title: Text | None = field("Tên bảng", default=None)
    columns: TaskTitles = field("Tiêu đề cột", default_factory=TaskTitles)
    rows: list[Task] = field("Các nhiệm vụ", "Bỏ trống (rows: []) khi chưa điền.", default=[])


class ExpectedTasks(ExpectedItem):
    """A task and progress table (nội dung, kết quả/tiến độ, kinh phí, ghi chú)."""

    columns: TaskTitles = field("Tiêu đề cột", default_factory=TaskTitles)


# --- the tasks by status, as the table counts them and as a sentence states them ----------------------

STATUSES = {
    "done": ("đã hoàn thành", "done"),
    "in_progress": ("đang thực hiện", "in progress"),
    "late": ("chậm tiến độ", "late"),
    "not_started": ("chưa thực hiện", "not started"),
}
"""Each status a task's result may say, with its words in Vietnamese and English."""
SAID = {
    "late": r"chậm(?:[ \t]+tiến[ \t]+độ)?|trễ(?:[ \t]+hạn)?|quá[ \t]+hạn",
    "in_progress": r"đang[ \t]+(?:thực[ \t]+hiện|triển[ \t]+khai|tiến[ \t]+hành|làm)",
    "not_started": r"chưa[ \t]+(?:thực[ \t]+hiện|triển[ \t]+khai|làm)",
    "done": r"(?<!chưa[ \t])(?<!không[ \t])(?:đã[ \t]+)?(?:hoàn[ \t]+thành|thực[ \t]+hiện[ \t]+xong|xong)",
}
"""The words of each status, looked for in that order (a result "đang thực hiện, chậm tiến độ" is late)."""
TASK = r"nhiệm[ \t]+vụ"
NUMBER = r"(?<![\w.,/])(?P<n>\d{1,6})(?![\w/%]|[.,]\d|[ \t]*%)"
STATED = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, words in SAID.items()
    for pattern in (
        r"\b(?:" + words + r")[ \t]*:?[ \t]*" + NUMBER + r"(?P<noun>[ \t]+" + TASK + r")?",
        NUMBER + r"(?P<noun>[ \t]+" + TASK + r")[ \t]+(?:" + words + r")\b",
    )
]
"""Each status as a sentence states it: the words then the number ("đã hoàn thành 22"), or the number, "nhiệm vụ"
and the words ("22 nhiệm vụ đã hoàn thành")."""


def status(result: str | None) -> str | None:
    """The status a task's result says: "done", "in_progress", "late", "not_started", or None."""
    text = (result or "").lower()
    share = re.search(r"(\d+)(?:,\d+)?[ \t]*%", text)
    if share and int(share[1]) < 100 and not re.search(SAID["late"], text):
        return "in_progress"  # "hoàn thành 80%"
    return next((name for name, words in SAID.items() if re.search(words, text)), None)


def by_status(block: TasksBlock) -> Counter[str] | None:
    """The rows of the table by status; None when a row's result says none (the table is not a status list)."""
    found = [status(row.result) for row in block.rows]
    if not found or None in found:
        return None
    return Counter(name for name in found if name is not None)


def stated_counts(line: str) -> Iterator[tuple[str, int, int, int]]:
    """The tasks by status a sentence states: (status, number, where the words begin, where the number stands).

    "đã hoàn thành 22 nhiệm vụ", "22 nhiệm vụ đã hoàn thành", and, after "nhiệm vụ" in the same sentence,
    "đã hoàn thành 22, đang thực hiện 13, chậm tiến độ 02".
    """
    lowered = line.lower()
    if "nhiệm vụ" not in lowered:
        return
    taken: set[int] = set()
    for name, pattern in STATED:
        for match in pattern.finditer(line):
            at = match.start("n")
            if at in taken:
                continue
            if match["noun"] is None:
                if not re.match(r"[ \t]*(?:[,;.)]|và\b|$)", line[match.end() :], re.IGNORECASE):
                    continue  # "đã hoàn thành 5 hồ sơ": a number of something else
                task = lowered.rfind("nhiệm vụ", 0, match.start())
                if task < 0 or re.search(r"[.;](?:\s|$)", line[task : match.start()]):
                    continue
            taken.add(at)
            yield name, int(match["n"]), match.start(), at


def view(block: TasksBlock, context: Any) -> list[dict[str, Any]]:
    """The task table: TT, nội dung, kết quả/tiến độ, kinh phí, ghi chú."""
    del context
    titles = block.columns
    header = [[cell(t, "center") for t in ("TT", titles.task, titles.result, titles.funding, titles.note)]]
    body = [
        ("item", [cell(n, "center"), cell(t.task), cell(t.result), cell(t.funding), cell(t.note)])
        for n, t in enumerate(block.rows, 1)
    ]
    return table(header, body, [1, 5, 4, 3.5, 2.5], title=block.title)


def start(expected: ExpectedTasks, pad: str, alone: bool) -> list[str]:
    """An empty task table with the đề cương's key, title and column titles."""
    del alone
    inner = pad + "    "
    lines = [f"{pad}- tasks:", f"{inner}key: {scalar(expected.key)}", f"{inner}title: {scalar(expected.label)}"]
    if expected.columns != TaskTitles():
        titles = expected.columns.model_dump()
        lines.append(f"{inner}columns: {{{', '.join(f'{k}: {flow_item(v)}' for k, v in titles.items())}}}")
    lines.append(f"{inner}rows: []  # thêm mỗi dòng: - {{task: …, result: …, funding: …, note: …}}")
    return [*start_comment(pad, "Bảng nhiệm vụ", expected, "Mỗi nhiệm vụ một dòng."), *lines]


def carry(body: Data, block: TasksBlock, carrier: Any) -> list[Any]:
    """Tasks kept; their results, which are the period's, in a comment."""
    del block
    rows, results = [], []
    for row in body.get("rows") or []:
        if isinstance(row, dict) and row.get("result") is not None:
            results.append(f"{row.get('task')}: {row['result']}")
            row = {k: v for k, v in row.items() if k != "result"}
        rows.append(row)
    body["rows"] = rows
    comment = [carrier.mark([f"{carrier.reference}, kết quả:", *results])] if results else []
    return [*comment, {"tasks": body}]


def cells(data: Any, expected: Any) -> list[Piece]:
    """A table of its own sheet, one task a row, as many rows as the unit needs."""
    titles = {**TaskTitles().model_dump(), **(data.get("columns") or {})}
    kinds = {"task": "long_text", "result": "long_text", "funding": "text", "note": "text"}
    columns = tuple(Column(str(titles[name]), kind, name) for name, kind in kinds.items())
    label = getattr(expected, "label", None)
    title = data.get("title") or label or "Nhiệm vụ"
    name = short_name(label, data.get("title"), data.get("key"))
    rows = len(rows_of(data, ("rows",)))
    return [Grid(title, name, ("rows",), columns, rows, False, False, guide=getattr(expected, "guide", None))]


KIND = declare(
    name="tasks",
    model=TasksBlock,
    title="Bảng nhiệm vụ, tiến độ",
    description=None,
    definitions={
        "TasksBlock": ("Bảng nhiệm vụ", "Bảng nhiệm vụ, tiến độ: TT, nội dung, kết quả/tiến độ, kinh phí, ghi chú."),
        "Task": ("Nhiệm vụ", "Một dòng của bảng nhiệm vụ."),
        "TaskTitles": ("Tiêu đề cột", "Tiêu đề các cột của bảng nhiệm vụ, khi văn bản yêu cầu ghi khác."),
        "ExpectedTasks": ("Bảng nhiệm vụ yêu cầu", "Bảng nhiệm vụ, tiến độ, với tiêu đề cột như văn bản yêu cầu."),
    },
    expected=ExpectedTasks,
    start=start,
    conform=None,  # the rows are the unit's own: only the table's presence is checked
    by_unit=None,  # tasks have no one-row form
    blank=lambda block: not block.rows,
    fill_at=lambda block, loc: (*loc, "columns"),
    blanks_inside=None,
    check=None,  # words only: nothing to add up
    stated=None,
    view=view,
    measure=None,
    computed=None,
    label=lambda t: t.get("title") or t.get("key") or "bảng nhiệm vụ",
    lists={"rows": lambda t: t["task"]},
    path_names={},
    carry=carry,
    rollup=None,  # each unit's tasks stay in its own report
    rollup_keyed=None,
    summary=None,
    annex=None,  # no one-row form
    annex_keeps=(),
    annex_total=None,
    annex_table=None,
    cells=cells,
)
