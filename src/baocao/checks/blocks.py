"""The arithmetic of an outline's blocks: figures and their parts, rates, targets, typed tables.

A qualified value ("trên 98%", "hơn 8.130") is a bound: the checks ask whether
what was computed lies within it, not whether it equals it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic_core import PydanticCustomError

from baocao.checks.issue import Issue, shown
from baocao.core import vietnamese as vn
from baocao.core.findings import Loc
from baocao.models import Report
from baocao.models.blocks import (
    SUMMED_COLUMNS,
    FigureBlock,
    PreviousRate,
    Qualified,
    Rate,
    TableBlock,
    TargetBlock,
    cell_value,
    column_totals,
    typed_cell,
    walk,
)

CELL_CODES = {
    "thousands_separator": "BC104",
    "not_a_number": "BC105",
    "leading_zero": "BC106",
    "date_format": "BC107",
    "choice": "BC108",
    "out_of_range": "BC109",
}


def figure_issues(figure: FigureBlock, loc: Loc) -> Iterator[Issue]:
    """Whole parts add up to the value; "of which" parts stay within it; overlapping parts each do."""
    if figure.value is None or not figure.parts:
        return
    values = [part.value for part in figure.parts if part.value is not None]
    if len(values) < len(figure.parts) or not all(v.exact for v in values):
        return
    total = sum((v.value for v in values), Decimal(0))
    at: Loc = (*loc, "value")
    if figure.parts_are == "whole":
        if not figure.value.allows(total):
            yield Issue("BC201", at, {"what": figure.label, "stated": str(figure.value), "computed": shown(total)})
        return
    _, high, _, _ = figure.value.bounds()
    largest = max(v.value for v in values)
    over = total if figure.parts_are == "of_which" else largest
    if over > high:
        params = {
            "part": "các phần",
            "whole": figure.label,
            "part_value": shown(over),
            "whole_value": str(figure.value),
        }
        yield Issue("BC202", at, params)


def rate_issues(rate: Rate | PreviousRate, loc: Loc) -> Iterator[Issue]:
    """Count not above total; a stated percentage agrees with count / total at the digits written."""
    if rate.percent is not None and rate.percent.value > 100:
        yield Issue("BC109", (*loc, "percent"), {"input": str(rate.percent), "limit": "≤ 100", "limit_en": "≤ 100"})
        return
    if rate.count is None or rate.total is None:
        return
    yield from ratio_issues(rate.count, rate.total, rate.percent, rate.decimals, loc)


def ratio_issues(count: int, total: int, percent: Qualified | None, decimals: int, loc: Loc) -> Iterator[Issue]:
    """The checks of one count out of a total with its stated percentage, wherever it is written."""
    if count > total:
        params = {"part": "count", "whole": "total", "part_value": shown(count), "whole_value": shown(total)}
        yield Issue("BC212", (*loc, "count"), params)
        return
    if percent is None:
        return
    if total == 0:
        yield Issue("BC213", (*loc, "total"), {})
        return
    computed = vn.ratio_percent(count, total, decimals)
    whole = count == total
    if percent.exact:
        stated = percent.value
        agrees = computed == stated and (stated == 100) == whole and (stated == 0) == (count == 0)
    else:
        agrees = percent.allows(Decimal(count) * 100 / Decimal(total))
    if not agrees:
        digits = decimals if computed != percent.value else decimals + 2
        params = {
            "stated": f"{percent.word} {vn.percent(percent.value, decimals)}".strip(),
            "computed": vn.percent(vn.ratio_percent(count, total, digits), digits),
            "count": shown(count),
            "total": shown(total),
        }
        yield Issue("BC211", (*loc, "percent"), params)


def target_issues(target: TargetBlock, loc: Loc) -> Iterator[Issue]:
    """A target in percent is not above 100."""
    if target.value is not None and target.unit == "%" and target.value.value > 100:
        yield Issue("BC214", (*loc, "value"), {"stated": shown(target.value.value)})


def table_issues(table: TableBlock, loc: Loc) -> Iterator[Issue]:
    """Every cell typed by its column, no cell outside the columns, stated totals equal to the sums."""
    columns = {column.key: column for column in table.columns}
    for index, row in enumerate(table.rows):
        for key, text in row.items():
            at: Loc = (*loc, "rows", index, key)
            column = columns.get(key)
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
    if isinstance(table.total, dict):
        sums = column_totals(table)
        cells, issues = _summed_cells(table, table.total, (*loc, "total"))
        yield from issues
        for key, column, text in cells:
            stated = typed_cell(column, text)
            if stated is not None and stated != sums.get(key):
                yield Issue(
                    "BC201",
                    (*loc, "total", key),
                    {
                        "what": f"{table.title or 'Bảng'} ({column.title})",
                        "stated": text,
                        "computed": _total_text(sums.get(key)),
                    },
                )
            elif stated is None:
                yield from _cell_issue(column, text, (*loc, "total", key))
    cells, issues = _summed_cells(table, table.previous or {}, (*loc, "previous"))
    yield from issues
    for key, column, text in cells:
        yield from _typed_cell_issues(column, text, (*loc, "previous", key))


def _typed_cell_issues(column: Any, text: str, at: Loc) -> Iterator[Issue]:
    """A cell that does not read as its column's type; a count above its total."""
    yield from _cell_issue(column, text, at)
    value = typed_cell(column, text)
    if column.type == "count_of_total" and value is not None and value[0] > value[1]:
        params = {"part": column.title, "whole": "tổng số", "part_value": shown(value[0]),
                  "whole_value": shown(value[1])}  # fmt: skip
        yield Issue("BC212", at, params)


def _summed_cells(table: TableBlock, written: dict[str, Any], loc: Loc) -> tuple[list[Any], list[Issue]]:
    """The written cells of a row of totals (``total``, ``previous``) as (key, column, text).

    With them, a BC102 for each cell that names a column without a total.
    """
    columns = {c.key: c for c in table.columns}
    cells, issues = [], []
    for key, text in written.items():
        column = columns.get(key)
        if column is None or column.type not in SUMMED_COLUMNS:
            allowed = ", ".join(c.key for c in table.columns if c.type in SUMMED_COLUMNS)
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


def _cell_issue(column: Any, text: str, at: Loc) -> Iterator[Issue]:
    try:
        cell_value(column, text)
    except PydanticCustomError as exc:
        code = CELL_CODES.get(exc.type, "BC110")
        params = {"input": text[:60], **(exc.context or {})}
        params.setdefault("detail", exc.message())
        params.setdefault("detail_en", exc.message())
        yield Issue(code, at, params)


def outline_blocks(report: Report) -> Iterator[Issue]:
    """Each block of the outline checked as its type says (see :mod:`baocao.blocktypes`)."""
    from baocao.blocktypes import REGISTRY

    for loc, block in report.blocks():
        check = REGISTRY[block.kind].check
        if check is not None and not block.blank:
            yield from check(block.value, loc)


def blank_blocks(report: Report) -> Iterator[Issue]:
    """A value left blank is not printed: an error, unless the đề cương says the item may be left out."""
    outline = report.followed
    optional: set[str | None] = set()
    free: set[str] = set()
    if outline:  # the đề cương's models are loaded with it, not for every report
        from baocao.outline.model import expectations

        optional = {getattr(e.item, "key", None) for _, _, e in expectations(outline.sections) if not e.item.required}
        free = free_text_optional(outline.sections)
    sections = {loc: section for loc, section, _ in walk(report.sections)}
    for loc, block in report.blocks():
        if not block.blank:
            yield from _blank_inside(block.value, loc)
            continue
        if block.kind == "text":  # a "…" still standing for the text to write
            section = sections.get(loc[:-3])
            if section is None or section.key not in free:
                yield Issue("BC604", loc, {"what": section.title if section else "…", "variant": "text"})
            continue
        key = getattr(block.value, "key", None)
        if key is not None and key in optional:
            continue
        label = getattr(block.value, "label", None) or getattr(block.value, "title", None) or key or block.kind
        yield Issue("BC604", _to_fill(block.value, loc), {"what": label})


def _to_fill(value: Any, loc: Loc) -> Loc:
    """Where the first value to write stands: the value (count, for a rate), else the first row, else the label."""
    fields = type(value).model_fields
    if isinstance(value, TableBlock) and value.rows:
        return (*loc, "rows", 0)
    for name in ("value", "count"):
        if name in fields and name in value.model_fields_set:
            return (*loc, name)
    return (*loc, "label" if "label" in fields else "columns")


def _blank_inside(value: Any, loc: Loc) -> Iterator[Issue]:
    """A part of a figure, or a level of an indicator, left blank in a block otherwise filled in: not printed."""
    if isinstance(value, FigureBlock):
        for index, part in enumerate(value.parts):
            if part.value is None:
                yield Issue("BC604", (*loc, "parts", index, "label"), {"what": f"{value.label}: {part.label}"})
    for index, level in enumerate(getattr(value, "levels", [])):
        if level.blank:
            yield Issue("BC604", (*loc, "levels", index, "label"), {"what": f"{value.label}: {level.label}"})


def free_text_optional(sections: list[Any]) -> set[str]:
    """Keys of the outline's sections whose free text may be left out: the section, or all its text, is optional."""
    from baocao.outline.model import walk as walk_outline

    keys = set()
    for _, section, _ in walk_outline(sections):
        texts = [e.text for e in section.expects if e.text is not None]
        if not section.required or (texts and not any(t.required for t in texts)):
            keys.add(section.key)
    return keys


def outline_depth(report: Report) -> Iterator[Issue]:
    """Sections nest no deeper than the numbering has levels; a section with nothing in it is not printed."""
    levels = len(report.numbering)
    for loc, section, depth in walk(report.sections):
        if depth > levels:
            yield Issue(
                "BC405", (*loc, "title"), {"depth": depth, "levels": levels, "numbering": " ".join(report.numbering)}
            )
        if not section.content and not any(_has_content(s) for s in section.sections):
            yield Issue("BC404", (*loc, "title"), {"title": section.title})


def _has_content(section: Any) -> bool:
    return bool(section.content) or any(_has_content(s) for s in section.sections)


CHECKS = (outline_blocks, outline_depth, blank_blocks)
