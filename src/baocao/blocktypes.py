"""The one registry of block types: for each key a block may have, everything the stages need.

Adding a block type means: a field on :class:`baocao.models.blocks.Block`, and an
entry here. Validate (``check``), build (``view``), diff (``label`` and
``numbers``), rollup (``rollup``), annexes of one row per unit (``annex``) and
the schema (the model) all read it; ``tests/test_outline.py`` fails when a
block field, or a field of a block's model, has no entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from baocao import blockannex
from baocao import blockviews as views
from baocao.checks import blocks as checks
from baocao.checks import totals
from baocao.checks.issue import Issue
from baocao.core.findings import Loc
from baocao.models.blocks import (
    Block,
    FigureBlock,
    IndicatorBlock,
    TableBlock,
    column_totals,
)
from baocao.models.services import PublicServices
from baocao.rollup import sections as outline_rollup

Check = Callable[[Any, Loc], Iterator[Issue]]
Rollup = Callable[[list[Any], list[str]], tuple[Any, str | None]]
"""The units' blocks (plain data) and the units' names -> the summed block (or None) and a note."""
Context = dict[str, str]
"""What a block's words may need of the report: ``area`` ("huyện Bình Sơn")."""


@dataclass(frozen=True)
class BlockType:
    """How one type of block is checked, printed, named and counted."""

    view: Callable[[Any, Context], list[dict[str, Any]]]
    """Plain data the templates lay out (paragraphs and tables), given the report's context."""
    check: Check | None
    """The arithmetic of the block, as issues at places below the block's loc."""
    label: Callable[[Any], str]
    """How diff names the block, from its plain data (a key, when it has one, comes first)."""
    numbers: Callable[[Any], dict[str, Decimal]]
    """The numbers diff compares and rollup sums, by name."""
    shows: frozenset[str]
    """Fields of the model the view prints (every field that can hold a value)."""
    annex: Callable[[Any], list[blockannex.Cell]] | None
    """The block as one row of an annex of one row per unit; None: the type has no one-row form."""
    rollup: Rollup | None = None
    """How the units' blocks of one key are summed for the level above; None: the level above writes its own."""
    meta: frozenset[str] = frozenset()
    """Fields that hold no value to print: keys, how parts relate, stated totals checked and printed as computed."""


def _none(_: Any) -> dict[str, Decimal]:
    return {}


def _figure_numbers(item: FigureBlock) -> dict[str, Decimal]:
    total = item.total
    out = {"value": total.value} if total is not None else {}
    out |= {part.label: part.value.value for part in item.parts if part.value is not None}
    return out


def _rate_numbers(item: IndicatorBlock) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    if item.count is not None and item.total is not None:
        out |= {"count": Decimal(item.count), "total": Decimal(item.total)}
    if item.percent is not None:
        out["percent"] = item.percent.value
    return out


def _table_numbers(item: TableBlock) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for key, value in column_totals(item).items():
        if isinstance(value, tuple):
            out[f"{key}.count"], out[f"{key}.total"] = Decimal(value[0]), Decimal(value[1])
        else:
            out[key] = Decimal(value)
    return out


REGISTRY: dict[str, BlockType] = {
    "text": BlockType(lambda t, _: views.text_view(t), None, lambda t: "đoạn văn", _none, frozenset(), annex=None),
    "citation": BlockType(
        lambda c, context: views.citation_view(c, "opening" in context),
        None,  # checked with the document's own citations (checks.document), against the report's date
        lambda c: f"{c['type']} {c['number']}",
        _none,
        frozenset({"type", "number", "date", "issuer", "subject", "action", "result"}),
        annex=None,
        meta=frozenset({"key"}),
    ),
    "figure": BlockType(
        lambda f, context: views.item(views.figure_text(f, views.change("figure", f, context))),
        checks.figure_issues,
        lambda f: f["label"],
        _figure_numbers,
        frozenset({"label", "value", "unit", "parts", "note", "previous"}),
        annex=blockannex.figure,
        meta=frozenset({"key", "parts_are"}),
        rollup=outline_rollup.sum_figure,
    ),
    "indicator": BlockType(
        lambda i, context: views.item(views.indicator_text(i, views.change("indicator", i, context))),
        lambda i, loc: _indicator_issues(i, loc),
        lambda i: i["label"],
        _rate_numbers,
        frozenset({"label", "count", "total", "percent", "unit", "levels", "note", "previous"}),
        annex=blockannex.indicator,
        meta=frozenset({"key"}),
        rollup=outline_rollup.sum_indicator,
    ),
    "target": BlockType(
        lambda t, _: views.item(views.target_text(t)),
        checks.target_issues,
        lambda t: t["label"],
        lambda t: {"value": t.value.value} if t.value is not None else {},
        frozenset({"label", "value", "unit", "note"}),
        annex=blockannex.target,
        meta=frozenset({"key"}),
    ),
    "answer": BlockType(
        lambda a, _: views.item(views.answer_text(a)),
        None,
        lambda a: a["label"],
        _none,
        frozenset({"label", "value", "note"}),
        annex=blockannex.answer,
        meta=frozenset({"key", "choices"}),
    ),
    "table": BlockType(
        lambda t, context: views.table_view(t, context.get("compared_with")),
        checks.table_issues,
        lambda t: t.get("title") or t.get("key") or "bảng",
        _table_numbers,
        frozenset({"title", "unit", "columns", "rows", "total", "note", "previous"}),
        annex=blockannex.table,
        meta=frozenset({"key", "numbered"}),
        rollup=outline_rollup.sum_table,
    ),
    "tasks": BlockType(
        lambda t, _: views.tasks_view(t),
        None,
        lambda t: t.get("title") or t.get("key") or "bảng nhiệm vụ",
        _none,
        frozenset({"title", "columns", "rows"}),
        annex=None,
        meta=frozenset({"key"}),
    ),
    "budget": BlockType(
        lambda b, _: views.budget_view(b),
        totals.budget_issues,
        lambda b: b.get("title") or "kinh phí",
        lambda b: {"total": b.computed},
        frozenset({"title", "unit", "amount_column", "groups", "items"}),
        annex=blockannex.budget,
        meta=frozenset({"total", "total_in_words"}),
        rollup=outline_rollup.sum_budget,
    ),
    "radio": BlockType(
        views.radio_view,
        totals.radio_issues,
        lambda _: "truyền thanh cơ sở",
        lambda r: {"communes": Decimal(r.communes), "stations": Decimal(r.total)},
        frozenset({"communes", "stations", "summary", "unit_station_clusters", "cluster_groups"}),
        annex=blockannex.radio,
        rollup=outline_rollup.sum_radio,
    ),
    "public_services": BlockType(
        lambda s, _: views.services_view(s),
        lambda s, loc: _services_issues(s, loc),
        lambda _: "dịch vụ công, thủ tục hành chính",
        _none,
        frozenset({"procedures", "dossiers"}),
        annex=blockannex.public_services,
        rollup=outline_rollup.sum_services,
    ),
    "teams": BlockType(
        lambda t, _: views.teams_view(t),
        totals.team_issues,
        lambda _: "tổ công nghệ số cộng đồng",
        lambda teams: {
            "teams": Decimal(sum(t.teams for t in teams)),
            "members": Decimal(sum(t.members for t in teams)),
        },
        frozenset({"level", "teams", "units", "unit_name", "members"}),
        annex=blockannex.teams,
        rollup=outline_rollup.sum_teams,
    ),
}


def annex_columns(kind: str, data: Any) -> list[tuple[str, str]]:
    """The columns a block gives an annex of one row per unit: (title, column type), in order.

    ``data`` is the block's value as a unit file holds it (plain data as loaded, or as
    dumped from the model: ``{"label": …, "count": …, "total": …}`` for an indicator).
    The column types are a table's (``integer``, ``quantity``, ``money``, ``percent``,
    ``count_of_total``, ``choice``…). A type with no one-row form (text, cited
    documents, the task table) gives []. Data the block's model refuses raises
    pydantic's ValidationError (a ValueError).
    """
    return [(title, column) for title, column, _ in _annex_cells(kind, data)]


def annex_row(kind: str, data: Any, columns: list[tuple[str, str]] | None = None) -> list[str]:
    """The cells of the block's row as printed ("42.694", "trên 98%"), one for each of ``columns``.

    ``columns`` default to the block's own (:func:`annex_columns`). Given those of
    another unit's block, or of the summed block, each cell is the value of the column
    of the same title, and blank where this block has none: a unit that states no
    part, or no sub-rate, leaves that cell empty rather than shifting the others.
    """
    cells = _annex_cells(kind, data)
    if columns is None:
        return [views.shown_value(column, value) for _, column, value in cells]
    values = annex_values(kind, data, columns, cells)
    return [views.shown_value(column, value) for (_, column), value in zip(columns, values, strict=True)]


def annex_values(
    kind: str, data: Any, columns: list[tuple[str, str]], cells: list[blockannex.Cell] | None = None
) -> list[Any]:
    """The typed values of the block's row (None where it has none), one for each of ``columns``: to sum them."""
    values = {(title, column): value for title, column, value in cells or _annex_cells(kind, data)}
    return [values.get(column) for column in columns]


def _annex_cells(kind: str, data: Any) -> list[blockannex.Cell]:
    make = REGISTRY[kind].annex
    if make is None:
        return []
    return make(Block.model_validate({kind: data}).value)


def _indicator_issues(item: IndicatorBlock, loc: Loc) -> Iterator[Issue]:
    yield from checks.rate_issues(item, loc)
    if item.previous is not None:
        yield from checks.rate_issues(item.previous, (*loc, "previous"))
    for index, level in enumerate(item.levels):
        yield from checks.rate_issues(level, (*loc, "levels", index))


def _services_issues(services: PublicServices, loc: Loc) -> Iterator[Issue]:
    yield from totals.procedure_issues(services, loc)
    yield from totals.dossier_issues(services, loc)
