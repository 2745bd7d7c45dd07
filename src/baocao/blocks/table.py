"""A table with typed columns: a data form (biểu mẫu) of a đề cương, or any table of a report.

Columns are typed (``text``, ``integer``, ``count_of_total`` 3/5, ``quantity``, ``money``,
``percent``, ``date``, ``yes_no``, ``choice``) and may share a ``group`` header; rows are
lists in column order or mappings by column key; ``total: true`` adds a computed total
row, stated totals are checked. A form answered in one row wider than a portrait page
holds is printed turned, a row per column. Rolled up, rows are matched by their first
cell and the columns that add up are summed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from baocao.blocks.answer import ANSWER_SETS, match_answer, offered
from baocao.blocks.base import (
    AnnexTable,
    CheckContext,
    Data,
    Expected,
    ViewContext,
    carried_earlier,
    declare,
    note_entry,
    shown,
    start_comment,
    words,
    written,
)
from baocao.blocks.cells import Column as CellColumn
from baocao.blocks.cells import Grid, Piece, rows_of, short_name
from baocao.blocks.printing import cell, shown_value, table, versus, versus_stated
from baocao.blocks.sums import stated_sum, summed_total
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.core.yamlout import flow, flow_item, scalar
from baocao.model.fields import Model, Text, field, parse_count, parse_date, parse_decimal, parse_percent

COLUMN_TYPES = ("text", "integer", "count_of_total", "quantity", "money", "percent", "date", "yes_no", "choice")
SUMMED_COLUMNS = ("integer", "count_of_total", "quantity", "money")
"""Columns whose cells add up."""
KEPT_COLUMNS = ("text", "choice", "yes_no")
"""Columns whose cells describe a row rather than count it: carried to the next period as they are."""
TOTAL_WORDS = frozenset({"tổng cộng", "tổng số", "cộng", "tổng", "tổng toàn xã", "tổng toàn huyện", "toàn bộ"})
"""First cells of a total row a clerk types into a table by habit (BC113)."""
SHORT = "(…)"
"""The key a row written as a list with fewer cells than columns holds: the number of its cells (BC112)."""
EXTRA = re.compile(r"^\((\d+)\)$")
"""The key of a cell of a row written as a list past the last column: its place, "(5)"."""
COUNT_OF_TOTAL = re.compile(r"^\s*([^/\s]+)\s*/\s*([^/\s]+)\s*$")
WIDE = 7
"""Columns past which a table of one row is printed turned, a row per column: a portrait page holds about seven."""
MAX_COLUMNS = 63  # what Word allows in a table (baocao.write.markup.MAX_COLUMNS)
COLUMN_HINTS = {
    "text": "chữ",
    "integer": "số đếm",
    "count_of_total": "số đạt/tổng số, ví dụ 3/5",
    "quantity": "số lượng",
    "money": "số tiền",
    "percent": "tỷ lệ %",
    "date": "ngày, ví dụ 15/6/2026",
    "yes_no": "Có hoặc Không",
}
CELL_CODES = {
    "thousands_separator": "BC104",
    "not_a_number": "BC105",
    "leading_zero": "BC106",
    "date_format": "BC107",
    "choice": "BC108",
    "out_of_range": "BC109",
}


class Column(Model):
    """A column of a table, with the kind of value its cells hold."""

    key: Annotated[str, Field(pattern=r"^[A-Za-z0-9_]+$")] = field("Mã cột", "Dùng làm khóa trong các dòng.")
    title: Text = field("Tiêu đề cột")
    type: Literal["text", "integer", "count_of_total", "quantity", "money", "percent", "date", "yes_no", "choice"] = (
        field(
            "Kiểu giá trị",
            "Kiểu ô: text (chữ), integer (số đếm), count_of_total (đạt/tổng số, 3/5), quantity (số lượng), "
            "money (tiền), percent (tỷ lệ), date (ngày), yes_no (có/không), choice (một lựa chọn).",
            default="text",
        )
    )
    unit: Text | None = field("Đơn vị", "In trong tiêu đề cột: (km).", default=None)
    choices: list[Text] = field("Các lựa chọn (kiểu choice)", default=[])
    group: Text | None = field("Nhóm cột", "Các cột liền nhau cùng nhóm có chung một ô tiêu đề.", default=None)

    @model_validator(mode="after")
    def _choices_for_choice(self) -> Self:
        if self.type == "choice" and not self.choices:
            raise ValueError("cột kiểu choice cần danh sách choices")
        return self


Cell = str | None


class TableBlock(Model):
    """A table with typed columns, header groups and an optional computed total row."""

    key: Text | None = field("Mã bảng", default=None)
    title: Text | None = field("Tên bảng", default=None)
    unit: Text | None = field("Đơn vị tính", "In trên bảng: 'Đơn vị tính: …'; là đơn vị của cột money.", default=None)
    numbered: bool = field("Có cột TT", default=True)
    columns: Annotated[list[Column], Field(min_length=1)] = field("Các cột")
    rows: list[dict[str, Cell]] = field(
        "Các dòng", "Mỗi dòng: danh sách theo thứ tự cột, hoặc bảng mã cột: giá trị.", default=[]
    )
    total: bool | dict[str, Cell] = field(
        "Dòng tổng cộng", "true: tự tính; hoặc ghi tổng từng cột để đối chiếu.", default=False
    )
    note: Text | None = field("Ghi chú dưới bảng", default=None)
    previous: dict[str, Cell] | None = field(
        "Tổng cộng kỳ trước",
        "Tổng từng cột số của kỳ trước, theo mã cột (baocao next ghi), để so sánh với dòng tổng cộng.",
        default=None,
    )

    @model_validator(mode="before")
    @classmethod
    def _positional_rows(cls, data: Any) -> Any:
        """A row written as a list gives its cells in column order."""
        if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
            return data
        columns: list[Any] = data["columns"] if isinstance(data.get("columns"), list) else []
        keys = [c.get("key") if isinstance(c, dict) else None for c in columns]
        rows = [
            {str(keys[i]) if i < len(keys) and keys[i] else f"({i + 1})": v for i, v in enumerate(row)}
            | ({SHORT: str(len(row))} if 0 < len(row) < len(keys) else {})
            if isinstance(row, list)
            else row
            for row in data["rows"]
        ]
        return {**data, "rows": rows}

    @model_validator(mode="after")
    def _unique_column_keys(self) -> Self:
        keys = [c.key for c in self.columns]
        duplicate = next((k for k in keys if keys.count(k) > 1), None)
        if duplicate:
            raise ValueError(f"cột '{duplicate}' ghi hai lần")
        return self


def blank(block: TableBlock) -> bool:
    """True for a data form not filled in: no number written, or, without numeric columns, no cell but the first.

    The choices and text a form carries over to the next period do not fill it.
    """
    numeric = [c.key for c in block.columns if c.type not in KEPT_COLUMNS]
    keys = numeric or ([c.key for c in block.columns[1:]] if len(block.columns) > 1 else [block.columns[0].key])
    stated = isinstance(block.total, dict) and any(str(block.total.get(k) or "").strip() for k in keys)
    filled = any(str(row.get(k) or "").strip() for row in block.rows for k in keys)
    return not filled and not stated and not (block.total is True and not numeric)


# --- the cells ---------------------------------------------------------------------------------


def cell_value(column: Column, text: str) -> Any:
    """A cell's text typed by its column; raises PydanticCustomError as the schema would."""
    kind = column.type
    if kind == "text":
        return text
    if kind == "integer":
        return parse_count(text)
    if kind == "count_of_total":
        match = COUNT_OF_TOTAL.match(text)
        if not match:
            raise PydanticCustomError(
                "not_a_number",
                "not a count of total",
                {
                    "expected": "số đạt/tổng số, ví dụ 3/5",
                    "expected_en": "count/total, e.g. 3/5",
                    "decimal_vi": "",
                    "decimal_en": "",
                },
            )
        return (parse_count(match.group(1)), parse_count(match.group(2)))
    if kind in ("quantity", "money"):
        return parse_decimal(text)
    if kind == "percent":
        value = parse_percent(text)
        if value > 100:
            raise PydanticCustomError("out_of_range", "over 100", {"limit": "≤ 100", "limit_en": "≤ 100"})
        return value
    if kind == "date":
        return parse_date(text)
    allowed = ANSWER_SETS["yes_no"] if kind == "yes_no" else tuple(column.choices)
    answer = match_answer(text, allowed)
    if answer is None:
        raise PydanticCustomError("choice", "not a choice", offered(list(allowed)))
    return answer


def typed_cell(column: Column, text: str | None) -> Any:
    """A cell's typed value, or None when it is blank or does not read as its column's type."""
    if text is None or not str(text).strip():
        return None
    try:
        return cell_value(column, str(text))
    except PydanticCustomError:
        return None


def column_totals(block: TableBlock) -> dict[str, Any]:
    """Sums of the columns that add up, over the rows that give a value."""
    totals: dict[str, Any] = {}
    for column in block.columns:
        if column.type not in SUMMED_COLUMNS:
            continue
        values = [typed_cell(column, row.get(column.key)) for row in block.rows]
        present = [v for v in values if v is not None]
        if not present:
            continue
        if column.type == "count_of_total":
            totals[column.key] = (sum(v[0] for v in present), sum(v[1] for v in present))
        else:
            totals[column.key] = sum(present, Decimal(0) if column.type != "integer" else 0)
    return totals


# --- a column's sum stated in the text -----------------------------------------------------------

TOTAL_SAID = r"(?:tổng[ \t]+số|tổng[ \t]+cộng)"
NUMBER = r"(?<![\w.,/])(?P<n>\d{1,3}(?:\.\d{3}){1,4}|\d{1,15})(?:,(?P<d>\d{1,6}))?(?![\w/]|[.,]\d)"


def counted_things(block: TableBlock) -> dict[str, tuple[Column, Decimal]]:
    """What each column that adds up counts, by its noun, with its sum over every row.

    The noun is the column's ``unit`` ("đài") or its title without "Số"/"Số lượng" ("Cụm loa" counts
    "cụm loa"); a column with a blank cell has no sum a sentence could state, and a noun two columns
    share names neither.
    """
    found: dict[str, tuple[Column, Decimal]] = {}
    shared: set[str] = set()
    for column in block.columns:
        if column.type not in ("integer", "quantity", "money"):
            continue
        values = [typed_cell(column, row.get(column.key)) for row in block.rows]
        if not values or any(value is None for value in values):
            continue
        title = re.sub(r"^(?:số[ \t]+lượng|số)[ \t]+", "", column.title.strip(), flags=re.IGNORECASE)
        for noun in {" ".join(n.lower().split()) for n in (column.unit, title) if n}:
            if noun in found:
                shared.add(noun)
            found[noun] = (column, sum(values, Decimal(0)))
    return {noun: value for noun, value in found.items() if noun not in shared}


def row_names(block: TableBlock) -> set[str]:
    """The names of the rows (their text cells, lower case): a sentence that names one speaks of that row."""
    texts = [column.key for column in block.columns if column.type == "text"]
    return {" ".join(str(row[key]).lower().split()) for row in block.rows for key in texts if row.get(key)}


def stated_sums(line: str, nouns: Iterator[str] | list[str]) -> Iterator[tuple[str, Decimal, int, int]]:
    """The totals of counted things a sentence states: (noun, number, where the words begin, where the number is).

    "tổng số 21 cụm loa", "tổng cộng 1.234 hồ sơ", "tổng số cụm loa là 21", "tổng số cụm loa: 21".
    """
    lowered = line.lower()
    if "tổng" not in lowered:
        return
    for noun in nouns:
        if noun not in lowered:
            continue
        said = re.escape(noun).replace("\\ ", "[ \t]+")
        patterns = (
            TOTAL_SAID + r"[ \t]+" + NUMBER + r"[ \t]+" + said + r"(?!\w)",
            TOTAL_SAID + r"[ \t]+" + said + r"[ \t]*(?:là|:)[ \t]*" + NUMBER,
        )
        for pattern in patterns:
            for match in re.finditer(pattern, line, re.IGNORECASE):
                digits = match["n"].replace(".", "") + (f".{match['d']}" if match["d"] else "")
                yield noun, Decimal(digits), match.start(), match.start("n")


# --- checks --------------------------------------------------------------------------------------


def check(block: TableBlock, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """Every cell typed by its column, no cell outside the columns, stated totals equal to the sums; Word's width."""
    del context
    printed = len(block.columns) + block.numbered
    if printed > MAX_COLUMNS and not _printed_turned(block):  # what build would refuse, said here first
        yield Issue(
            "BC406",
            (*loc, "columns"),
            {"title": block.title or block.key or "", "count": printed, "limit": MAX_COLUMNS},
        )
    columns = {column.key: column for column in block.columns}
    first = block.columns[0].key
    for index, row in enumerate(block.rows):
        yield from _row_length(block, row, (*loc, "rows", index))
        if words(str(row.get(first) or "")) in TOTAL_WORDS:  # a total typed by habit: computed, never a row
            yield Issue("BC113", (*loc, "rows", index), {"first": str(row.get(first)).strip()})
        for key, text in row.items():
            at: Loc = (*loc, "rows", index, key)
            column = columns.get(key)
            if key == SHORT or EXTRA.match(key):
                continue
            if column is None:
                allowed = ", ".join(columns)
                yield Issue(
                    "BC102",
                    at,
                    {"field": key, "suggestion": f"Các cột: {allowed}.", "suggestion_en": f"Columns: {allowed}."},
                )
                continue
            if text is None or not text.strip():
                continue
            yield from _typed_cell_issues(column, text, at)
    if isinstance(block.total, dict):
        sums = column_totals(block)
        cells, issues = _summed_cells(block, block.total, (*loc, "total"))
        yield from issues
        for key, column, text in cells:
            stated = typed_cell(column, text)
            if stated is not None and stated != sums.get(key):
                yield Issue(
                    "BC201",
                    (*loc, "total", key),
                    {
                        "what": f"{block.title or 'Bảng'} ({column.title})",
                        "stated": text,
                        "computed": _total_text(sums.get(key)),
                    },
                )
            elif stated is None:
                yield from _cell_issue(column, text, (*loc, "total", key))
    cells, issues = _summed_cells(block, block.previous or {}, (*loc, "previous"))
    yield from issues
    for key, column, text in cells:
        yield from _typed_cell_issues(column, text, (*loc, "previous", key))


def _row_length(block: TableBlock, row: dict[str, Cell], at: Loc) -> Iterator[Issue]:
    """A row written as a list with more cells than columns, or fewer (BC112).

    Two cells of digits side by side in a row too long are likely one number with a decimal comma
    (``3,5`` read as ``3`` and ``5``): the hint says how to write it.
    """
    extra = [key for key in row if EXTRA.match(key)]
    if not extra and SHORT not in row:
        return
    cells = [str(v) if v is not None else "" for k, v in row.items() if k != SHORT]
    names = ", ".join(c.title for c in block.columns)
    said = {"first": cells[0] if cells else "", "columns": len(block.columns), "names": names}
    if SHORT in row:
        yield Issue("BC112", at, {**said, "variant": "short", "cells": row[SHORT]})
        return
    pairs = [(a, b) for a, b in itertools.pairwise(cells[1:]) if a.isdigit() and b.isdigit()]
    comma = {"variant": "comma", "a": pairs[-1][0], "b": pairs[-1][1]} if len(pairs) >= len(extra) else {}
    yield Issue("BC112", at, {**said, "cells": len(cells), **comma})


def _typed_cell_issues(column: Column, text: str, at: Loc) -> Iterator[Issue]:
    """A cell that does not read as its column's type; a count above its total."""
    yield from _cell_issue(column, text, at)
    value = typed_cell(column, text)
    if column.type == "count_of_total" and value is not None and value[0] > value[1]:
        params = {"part": column.title, "whole": "tổng số", "part_value": shown(value[0]),
                  "whole_value": shown(value[1])}  # fmt: skip
        yield Issue("BC212", at, params)


def _summed_cells(block: TableBlock, stated: dict[str, Any], loc: Loc) -> tuple[list[Any], list[Issue]]:
    """The written cells of a row of totals (``total``, ``previous``) as (key, column, text).

    With them, a BC102 for each cell that names a column without a total.
    """
    columns = {c.key: c for c in block.columns}
    cells, issues = [], []
    for key, text in stated.items():
        column = columns.get(key)
        if column is None or column.type not in SUMMED_COLUMNS:
            allowed = ", ".join(c.key for c in block.columns if c.type in SUMMED_COLUMNS)
            suggestion = {
                "suggestion": f"Các cột có tổng: {allowed}.",
                "suggestion_en": f"Columns with a total: {allowed}.",
            }
            issues.append(Issue("BC102", (*loc, key), {"field": key, **suggestion}))
        elif text is not None and text.strip():
            cells.append((key, column, text))
    return cells, issues


def _total_text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return f"{shown(value[0])}/{shown(value[1])}"
    return shown(value)


def _cell_issue(column: Column, text: str, at: Loc) -> Iterator[Issue]:
    try:
        cell_value(column, text)
    except PydanticCustomError as exc:
        code = CELL_CODES.get(exc.type, "BC110")
        params = {"input": text[:60], **(exc.context or {})}
        params.setdefault("detail", exc.message())
        params.setdefault("detail_en", exc.message())
        yield Issue(code, at, params)


# --- how it reads ----------------------------------------------------------------------------------


def shown_cell(column: Column, value: Any, text: str | None) -> str:
    """A cell as printed: its typed value in the column's form, else the text as written."""
    return text or "" if value is None else shown_value(column.type, value)


def column_title(column: Column) -> str:
    """A column's title with its unit: "Cáp quang (km)"."""
    return f"{column.title} ({column.unit})" if column.unit else column.title


def since_previous(block: TableBlock, reference: str) -> list[str]:
    """The line under a table with last period's totals.

    Written as "Tổng cộng: Số hồ sơ tăng 5 hồ sơ (3,1%) so với kỳ trước; Đã đăng/tổng số 47/50, kỳ trước là 42/45.".
    Columns of numbers say how their total changed; a column of counts out of a total quotes both.
    """
    if not block.previous:
        return []
    sums = column_totals(block)
    said = []
    for column in block.columns:
        before = typed_cell(column, block.previous.get(column.key))
        after = sums.get(column.key)
        if before is None or after is None:
            continue
        if column.type == "count_of_total":
            earlier = versus_stated(shown_cell(column, before, None), reference)
            said.append(f"{column.title} {shown_cell(column, after, None)}, {earlier}")
        else:
            unit = column.unit or (block.unit if column.type == "money" else None)
            said.append(f"{column.title} {versus(after - before, before, unit, reference)}")
    return [f"Tổng cộng: {'; '.join(said)}."] if said else []


def view(block: TableBlock, context: ViewContext) -> list[dict[str, Any]]:
    """A typed table: header (groups spanning their columns), rows, total row; one wide row is printed turned."""
    reference = context.compared_with
    if _printed_turned(block):
        return _turned(block, reference)
    lead = [cell("TT", "center")] if block.numbered else []
    grouped = any(c.group for c in block.columns)
    header: list[list[dict[str, Any]]] = []
    if grouped:
        top, bottom = list(lead), [cell("", merged=True)] if block.numbered else []
        index = 0
        while index < len(block.columns):
            column = block.columns[index]
            if column.group is None:
                top.append(cell(column_title(column), "center"))
                bottom.append(cell("", merged=True))  # no sub-header: the title's cell runs down both rows
                index += 1
                continue
            span = 1
            while index + span < len(block.columns) and block.columns[index + span].group == column.group:
                span += 1
            top.append(cell(column.group, "center", span))
            bottom += [cell(column_title(c), "center") for c in block.columns[index : index + span]]
            index += span
        header = [top, bottom]
    else:
        header = [[*lead, *(cell(column_title(c), "center") for c in block.columns)]]
    sums = column_totals(block)
    digits = money_places(block, sums)
    body: list[tuple[str, list[dict[str, Any]]]] = []
    for number, row in enumerate(block.rows, 1):
        cells = [cell(number, "center")] if block.numbered else []
        for column in block.columns:
            text = row.get(column.key)
            align = "left" if column.type in ("text", "choice") else "right" if column.type != "yes_no" else "center"
            value = typed_cell(column, text)
            shown = vn.number(value, digits[column.key]) if column.key in digits and value is not None else None
            cells.append(cell(shown or shown_cell(column, value, text), align))
        body.append(("item", cells))
    if block.total is not False:
        cells = [cell("Tổng cộng", "center", 2 if block.numbered else 1)]
        for column in block.columns[1:]:
            value = sums.get(column.key)
            shown = vn.number(value, digits[column.key]) if column.key in digits and value is not None else None
            cells.append(cell(shown or (shown_cell(column, value, "") if value is not None else ""), "right"))
        body.append(("total", cells))
    widths = ([1.0] if block.numbered else []) + [4.0 if c.type == "text" else 2.2 for c in block.columns]
    words = in_words(block, sums) if block.total is not False else []
    after = words + ([block.note] if block.note else []) + (since_previous(block, reference) if reference else [])
    return table(header, body, widths, block.unit, block.title, after or None)


def money_unit(block: TableBlock, column: Column) -> str | None:
    """The money unit of a money column: its own, else the table's ("Đơn vị tính: triệu đồng")."""
    return column.unit or block.unit if column.type == "money" else None


def money_places(block: TableBlock, sums: dict[str, Any]) -> dict[str, int]:
    """One precision for each money column, by key: its unit's, or more where an amount has more digits.

    450 / 320,5 / 1.200 in triệu đồng print 450,0 / 320,5 / 1.200,0, and their total 1.970,5.
    """
    found = {}
    for column in block.columns:
        if column.type == "money":
            values = [typed_cell(column, row.get(column.key)) for row in block.rows] + [sums.get(column.key)]
            found[column.key] = vn.places([v for v in values if v is not None], money_unit(block, column))
    return found


def in_words(block: TableBlock, sums: dict[str, Any]) -> list[str]:
    """The "(Bằng chữ: …)" line under a money table's total, in đồng; one per money column when there are several."""
    money = [c for c in block.columns if c.type == "money" and sums.get(c.key) is not None]
    lines = []
    for column in money:
        unit = vn.money_unit(money_unit(block, column))
        if unit is None:
            continue  # a unit that is not đồng (USD): no words to read out
        dong = int((sums[column.key] * vn.DONG_PER_UNIT[unit]).to_integral_value())
        said = vn.amount_in_words(dong)
        lines.append(
            f"(Bằng chữ: {said})" if len(money) == 1 else f"(Bằng chữ, {vn.in_sentence(column.title)}: {said})"
        )
    return lines


def _printed_turned(block: TableBlock) -> bool:
    """One row wider than a portrait page, without header groups: printed turned, a row per column."""
    return len(block.rows) == 1 and len(block.columns) > WIDE and not any(c.group for c in block.columns)


def _turned(block: TableBlock, reference: str | None) -> list[dict[str, Any]]:
    """A data form answered in one row (a unit's Mẫu 01): each column a row, "Nội dung" then the answer.

    The first column names the row when it is text ("Cổng thông tin điện tử của đơn vị"):
    it heads the answers; the total of one row is the row itself. Every cell is printed.
    """
    (row,) = block.rows
    first = block.columns[0]
    named = first.type == "text" and bool(str(row.get(first.key) or "").strip())
    columns = block.columns[1:] if named else block.columns
    head = str(row.get(first.key)).strip() if named else "Kết quả"
    lead = [cell("TT", "center")] if block.numbered else []
    header = [[*lead, cell("Nội dung", "center"), cell(head, "center")]]
    body: list[tuple[str, list[dict[str, Any]]]] = []
    for number, column in enumerate(columns, 1):
        text = row.get(column.key)
        cells = [cell(number, "center")] if block.numbered else []
        cells += [cell(column_title(column)), cell(shown_cell(column, typed_cell(column, text), text), "center")]
        body.append(("item", cells))
    widths = ([1.0] if block.numbered else []) + [9.0, 5.0]
    after = ([block.note] if block.note else []) + (since_previous(block, reference) if reference else [])
    return table(header, body, widths, block.unit, block.title, after or None)


# --- a đề cương's data form, and new ---------------------------------------------------------------


class ExpectedTable(Expected):
    """A data form (biểu mẫu): typed columns, and the rows it asks for by their first cell."""

    title: Text | None = field("Tên biểu", default=None)
    columns: Annotated[list[Column], Field(min_length=1)] = field("Các cột")
    rows: list[Text] = field(
        "Các dòng", "Nội dung cột đầu của từng dòng phải có; bỏ trống: dòng tùy đơn vị.", default=[]
    )
    total: bool = field("Có dòng tổng cộng", default=False)


def conform(block: TableBlock, form: ExpectedTable, loc: Loc) -> Iterator[Issue]:
    """Every column of the form, of its type and unit, and every row the form names by its first cell."""
    columns = {column.key: (index, column) for index, column in enumerate(block.columns)}
    for column in form.columns:
        found = columns.get(column.key)
        params: dict[str, Any] = {"key": form.key, "column": column.key, "title": column.title}
        if found is None:
            yield Issue("BC606", (*loc, "columns"), {**params, "variant": "column"})
            continue
        index, written_column = found
        if written_column.type != column.type:
            params |= {"variant": "column_type", "stated": written_column.type, "expected": column.type}
            yield Issue("BC606", (*loc, "columns", index, "type"), params)
        elif written_column.unit and column.unit and words(written_column.unit) != words(column.unit):
            params |= {"variant": "column_unit", "stated": written_column.unit, "expected": column.unit}
            yield Issue("BC606", (*loc, "columns", index, "unit"), params)
    first = block.columns[0].key
    rows = {words(str(row.get(first) or "")) for row in block.rows}
    for label in form.rows:
        if words(label) not in rows:
            yield Issue("BC606", (*loc, "rows"), {"variant": "row", "key": form.key, "row": label})


def _column(column: Column) -> str:
    parts = [f"key: {flow_item(column.key)}", f"title: {flow_item(column.title)}"]
    if column.type != "text":
        parts.append(f"type: {column.type}")
    if column.unit:
        parts.append(f"unit: {flow_item(column.unit)}")
    if column.choices:
        parts.append(f"choices: {flow(column.choices)}")
    if column.group:
        parts.append(f"group: {flow_item(column.group)}")
    return "{" + ", ".join(parts) + "}"


def _cell_hint(column: Column) -> str:
    if column.type == "choice":
        return "một trong: " + ", ".join(column.choices)
    hint = COLUMN_HINTS[column.type]
    return f"{hint} ({column.unit})" if column.unit else hint


def start(form: ExpectedTable, pad: str, alone: bool) -> list[str]:
    """The form with its columns and the rows it names, each cell to fill with a comment saying what goes there."""
    del alone
    inner = pad + "    "
    lines = [f"{pad}- table:", f"{inner}key: {scalar(form.key)}", f"{inner}title: {scalar(form.title or form.label)}"]
    if form.unit:
        lines.append(f"{inner}unit: {scalar(form.unit)}")
    lines.append(f"{inner}columns:")
    lines += [f"{inner}  - {_column(c)}" for c in form.columns]
    first, rest = form.columns[0], form.columns[1:]
    if form.rows:
        lines.append(f"{inner}rows:")
        for row in form.rows:
            lines.append(f"{inner}  - {scalar(first.key)}: {scalar(row)}")
            lines += [f"{inner}    {scalar(c.key)}:  # {_line(c.title)}: {_line(_cell_hint(c))}" for c in rest]
    else:
        lines.append(f"{inner}rows: []  # thêm mỗi dòng: - {{{', '.join(f'{c.key}: …' for c in form.columns)}}}")
    if form.total:
        lines.append(f"{inner}total: true  # dòng tổng cộng: baocao tự tính")
    return [*start_comment(pad, "Biểu mẫu", form, "Điền các ô để trống của từng dòng."), *lines]


def _line(text: str) -> str:
    return " ".join(text.split())


# --- next --------------------------------------------------------------------------------------------


def carry(body: Data, block: TableBlock, carrier: Any) -> list[Any]:
    """Rows kept with their text and choices, numbers blank; last period's column totals in ``previous``.

    Each row's numbers of last period stand above it as a comment, to fill in beside.
    """
    kept = {c.key for c in block.columns if c.type in KEPT_COLUMNS}
    sums = column_totals(block)
    stated = block.total if isinstance(block.total, dict) else {}  # checked equal to the sums (BC201)
    previous = {c.key: written(sums[c.key]) for c in block.columns if c.key in sums}
    previous |= {k: v for k, v in stated.items() if k not in previous and v is not None and str(v).strip()}
    earlier = body.pop("previous", None)
    rows: list[Any] = []
    for row in block.rows:
        numbers = [f"{k}: {v}" for k, v in row.items() if k not in kept and v is not None and str(v).strip()]
        rows += [carrier.mark([f"{carrier.reference}: {'; '.join(numbers)}"])] if numbers else []
        rows.append({k: v for k, v in row.items() if k in kept})
    body["rows"] = rows
    if block.total is not False:
        body["total"] = "true"
    if previous:
        body["previous"] = previous
    return [*carried_earlier(carrier, body, earlier), {"table": body}]


# --- rollup ---------------------------------------------------------------------------------------------


def _add_cells(kind: str, before: Any, value: Any) -> str:
    if before is None:
        return str(value)
    if kind == "count_of_total":
        a, b = (int(x) for x in str(before).split("/"))
        c, d = (int(x) for x in str(value).split("/"))
        return f"{a + c}/{b + d}"
    return stated_sum([before, value])


def _answered(given: dict[str, int]) -> str:
    """A choice column of many units: how many gave each answer, of how many ("Có: 95/120"; "Có đăng: 50; …")."""
    total = sum(given.values())
    if len(given) == 1:
        choice, count = next(iter(given.items()))
        return f"{choice}: {count}/{total}"
    return "; ".join(f"{choice}: {count}" for choice, count in given.items())


def rollup(values: list[Data], names: list[str], annexed: bool) -> tuple[Data | None, str | None]:
    """Rows matched by their first cell; numbers summed; answers counted; text kept when the units agree, else noted."""
    del names
    first = values[0]
    columns = first["columns"]
    out = {k: v for k, v in first.items() if k in ("key", "title", "unit", "numbered", "columns") and v is not None}
    lead = columns[0]["key"]
    rows: dict[str, Data] = {}
    answers: dict[tuple[str, str], dict[str, int]] = {}
    differing: set[str] = set()
    for value in values:
        for row in value.get("rows", []):
            name = str(row.get(lead) or "")
            slot = rows.setdefault(name, {lead: row.get(lead)})
            for column in columns[1:]:
                key, text = column["key"], row.get(column["key"])
                if text in (None, ""):
                    continue
                if column.get("type", "text") in SUMMED_COLUMNS:
                    slot[key] = _add_cells(column.get("type", "text"), slot.get(key), text)
                elif column.get("type", "text") in ("yes_no", "choice") and len(values) > 1:
                    order = column.get("choices") or list(ANSWER_SETS["yes_no"])
                    given = answers.setdefault((name, key), dict.fromkeys(order, 0))
                    said = match_answer(str(text), tuple(order)) or str(text)  # "chưa" counted as "Không"
                    given[said] = given.get(said, 0) + 1
                    slot[key] = _answered({choice: count for choice, count in given.items() if count})
                elif slot.get(key) not in (None, text):
                    differing.add(column["title"])
                    slot[key] = ""
                else:
                    slot.setdefault(key, text)
    out["rows"] = list(rows.values())
    counted = {key for _, key in answers}
    if counted:  # a column of counted answers holds text: "Có: 95/120"
        out["columns"] = [{**c, "type": "text", "choices": []} if c["key"] in counted else c for c in out["columns"]]
    if any(v.get("total") for v in values):
        out["total"] = True
    note = None
    if differing:
        columns_named = ", ".join(sorted(differing))
        title = str(out.get("title") or "Bảng").rstrip(":")
        where = "xem số liệu từng đơn vị kèm theo" if annexed else "xem báo cáo từng đơn vị"
        note = f"*{title}: cột {columns_named} khác nhau giữa các đơn vị, {where}.*"
    return out, note


def keyed(values: list[Data], names: list[str], annexed: bool) -> list[Data]:
    """A form summed row by row; a form with no column that adds up or counts (Mẫu 02's problems) is each unit's."""
    counted = (*SUMMED_COLUMNS, "yes_no", "choice")
    if not any(c.get("type", "text") in counted for c in values[0].get("columns", [])[1:]):
        return []
    block, note = rollup(values, names, annexed)
    return [*([{"table": block}] if block is not None else []), *([note_entry(note)] if note else [])]


def annex(block: TableBlock) -> list[tuple[str, str, Any]]:
    """The table's total row: each column that adds up (integer, count of total, quantity, money), summed."""
    totals = column_totals(block)
    return [
        (column_title(column), column.type, totals.get(column.key))
        for column in block.columns
        if column.type in SUMMED_COLUMNS
    ]


def _form_row(columns: list[Column], rows: list[dict[str, Any]], differ: set[str]) -> list[str]:
    """A unit's cells of a form: its one row as written, or its rows summed where the column adds up."""
    if len(rows) <= 1:
        row = rows[0] if rows else {}
        return [shown_cell(c, typed_cell(c, row.get(c.key)), row.get(c.key)) for c in columns]
    sums = column_totals(TableBlock.model_construct(columns=columns, rows=rows))
    cells = []
    for column in columns:
        if column.type in SUMMED_COLUMNS:
            cells.append(shown_cell(column, sums[column.key], "") if column.key in sums else "")
            continue
        values = {str(row.get(column.key) or "").strip() for row in rows} - {""}
        if len(values) > 1:
            differ.add(column.key)
        text = values.pop() if len(values) == 1 else None
        cells.append(shown_cell(column, typed_cell(column, text), text) if text else "")
    return cells


def annex_table(item: Data, units: list[tuple[str, Data | None]]) -> AnnexTable | None:
    """A form marked ``by_unit``: one row per unit with the form's columns after the first, and a total row."""
    every = [Column.model_validate(c) for c in item.get("columns", [])]
    if len(every) <= 1:
        return None
    columns = every[1:]
    differ: set[str] = set()
    rows = []
    for n, (name, kept) in enumerate(units, 1):
        cells = _form_row(columns, (kept or {}).get("rows", []), differ)
        rows.append((str(n), name, *cells))
    whole = TableBlock.model_construct(columns=every, rows=[r for _, k in units for r in (k or {}).get("rows", [])])
    sums = column_totals(whole)
    total = ("", "Tổng cộng", *(shown_cell(c, sums[c.key], "") if c.key in sums else "" for c in columns))
    note = ""
    if differ:
        named = ", ".join(c.title for c in columns if c.key in differ)
        note = f"Ô để trống ở cột {named}: các dòng của đơn vị ghi khác nhau, xem báo cáo của đơn vị."
    header = ("TT", "Đơn vị", *(column_title(c) for c in columns))
    return AnnexTable(header, tuple(rows), total, note)


CELL_KINDS = {"quantity": "number", "yes_no": "choice"}


def cells(data: Any, expected: Any) -> list[Piece]:
    """A table of its own sheet, columns typed as the table types them; the đề cương's rows fixed (a data form)."""
    columns = [c for c in data.get("columns") or [] if isinstance(c, dict)]
    rows = rows_of(data, ("rows",))
    as_lists = not rows or any(isinstance(row, list) for row in rows)
    fixed = bool(getattr(expected, "rows", None))
    out = []
    for index, column in enumerate(columns):
        kind = str(column.get("type") or "text")
        choices = ANSWER_SETS["yes_no"] if kind == "yes_no" else tuple(column.get("choices") or ())
        unit = column.get("unit") or (data.get("unit") if kind == "money" else None)
        name = index if as_lists else str(column.get("key"))
        out.append(
            CellColumn(
                str(column.get("title") or ""), CELL_KINDS.get(kind, kind), name, choices, unit, fixed and index == 0
            )
        )
    label = getattr(expected, "label", None)
    title = data.get("title") or label or "Bảng"
    name = short_name(label, data.get("title"), data.get("key"))
    guide = getattr(expected, "guide", None)
    return [Grid(title, name, ("rows",), tuple(out), len(rows), fixed, as_lists, data.get("total") is True, guide)]


KIND = declare(
    name="table",
    model=TableBlock,
    title="Bảng",
    description=None,
    definitions={
        "TableBlock": (
            "Bảng",
            "Bảng có các cột theo kiểu giá trị, nhóm cột, dòng tổng cộng tự tính hoặc để đối chiếu.",
        ),
        "Column": ("Cột", "Một cột của bảng: mã, tiêu đề, kiểu giá trị, đơn vị, nhóm cột."),
        "ExpectedTable": (
            "Biểu mẫu",
            "Một biểu mẫu: các cột có kiểu giá trị, các dòng phải có (theo cột đầu), dòng tổng.",
        ),
    },
    expected=ExpectedTable,
    start=start,
    conform=conform,
    by_unit=lambda form: {"columns": [c.model_dump(mode="json", exclude_defaults=True) for c in form.columns]},
    blank=blank,
    fill_at=lambda block, loc: (*loc, "rows", 0) if block.rows else (*loc, "columns"),
    blanks_inside=None,  # a cell left blank is a blank cell of the printed table
    check=check,
    stated=None,  # a table is not stated twice under one key
    view=view,
    measure=None,
    computed=None,
    label=lambda t: t.get("title") or t.get("key") or "bảng",
    lists={"columns": lambda c: c["key"], "rows": lambda row: next(iter(row.values()), None)},
    path_names={},
    carry=carry,
    rollup=rollup,
    rollup_keyed=keyed,
    summary=None,
    annex=annex,
    annex_keeps=("rows",),
    annex_total=summed_total,
    annex_table=annex_table,
    cells=cells,
)
