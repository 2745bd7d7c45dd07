"""What a block becomes in a workbook (the form a clerk fills, ``build --xlsx``), and how its cells are read back.

Each block type says its cells in its ``cells`` facet, from the block as plain data and the
item the đề cương expects of it (or None): a list of :class:`Line` (a row of the item columns
of a section's sheet: content, unit, value, total, rate, note) and :class:`Grid` (a table on a
sheet of its own, with its columns typed). Every input cell is a :class:`Slot`: a place in
the block's data and how the cell is typed. What no slot names stays in the form as it was
(the unit's structure, keys, titles) and comes back unchanged on import, so nothing a unit
wrote is lost on the way through Excel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from baocao.core.findings import Loc

KINDS = frozenset(
    {"text", "long_text", "lines", "integer", "number", "percent", "money", "date", "choice", "count_of_total"}
)
"""How an input cell is typed. ``number`` and ``percent`` take "trên 60" too; ``lines``: a list, one item a line."""
NUMBER_KINDS = frozenset({"integer", "number", "percent", "money", "count_of_total"})


class Slot(NamedTuple):
    """An input cell: where its value goes in the block's data, and how it is typed."""

    path: Loc
    kind: str
    choices: tuple[str, ...] = ()
    """For ``choice``: the answers listed in the cell's drop-down."""
    values: tuple[Any, ...] = ()
    """For ``choice``: what each answer writes in the data, when not the answer itself (``commune`` for "xã")."""


class Line(NamedTuple):
    """A row of a section's sheet: the item's content and unit, and its input cells in the item columns."""

    label: str
    unit: str | None = None
    value: Slot | None = None
    total: Slot | None = None
    percent: Slot | None = None
    note: Slot | None = None
    text: Slot | None = None
    """A long text over the value, total, rate and note columns (a paragraph)."""
    depth: int = 0
    """0 for the item; 1 for its parts, levels, last period."""
    sums: int = 0
    """When > 0: the sum of the next ``sums`` lines' values, shown by a formula in the total column, never read."""
    guide: str | None = None


class Column(NamedTuple):
    """A column of a grid: its title, how its cells are typed, and where a row keeps its value."""

    title: str
    kind: str
    field: str | int
    """The key in a row written as a mapping, or the index in a row written as a list."""
    choices: tuple[str, ...] = ()
    unit: str | None = None
    fixed: bool = False
    """A column of row names the form gives (a fixed form): printed and locked, not read back."""


class Grid(NamedTuple):
    """A table of its own sheet: a header, its rows, and a total row shown by formulas."""

    title: str
    name: str
    """A short name for its sheet ("Mẫu 01")."""
    rows_at: Loc
    """Where the rows stand in the block's data (``("rows",)``)."""
    columns: tuple[Column, ...]
    rows: int
    """Rows the block holds now."""
    fixed: bool
    """A fixed form: exactly these rows, none added or taken away (the đề cương lists them)."""
    as_lists: bool
    """Rows written as lists of cells (else as mappings by column key)."""
    total: bool = False
    guide: str | None = None


Piece = Line | Grid


def check_pieces(name: str, pieces: Iterable[Piece]) -> None:
    """Refuse a declaration of cells that names a kind of cell no form knows (a programming error)."""
    for piece in pieces:
        slots: Iterable[Slot | Column | None] = (
            (piece.value, piece.total, piece.percent, piece.note, piece.text)
            if isinstance(piece, Line)
            else piece.columns
        )
        for slot in slots:
            if slot is not None and slot.kind not in KINDS:
                raise ValueError(
                    f"block type {name!r}: a cell of kind {slot.kind!r}; kinds: {', '.join(sorted(KINDS))}"
                )


FORM_NAME = re.compile(r"\b(?:Mẫu|Biểu|Phụ lục)(?: số)? ?[0-9]{1,3}[a-zA-Z]?\b")


def short_name(*candidates: str | None) -> str:
    """A sheet's name from an item's label or title: "Mẫu 01" from "Mẫu 01 - Tình hình …", at most 31 characters."""
    for text in candidates:
        if text and (match := FORM_NAME.search(text[:300])):
            return match.group()
    for text in candidates:
        if not text:
            continue
        head = text.replace(":", " - ").split(" - ")[0].strip(" .()")
        if head:
            return head[:31]
    return "Bảng"


def fields_lines(
    base: Loc, fields: Iterable[tuple[str, str, str]], unit: str | None = None, depth: int = 1
) -> list[Line]:
    """Lines for the scalar fields of a mapping at ``base``: (key, label, kind) each; text over the item columns."""
    lines = []
    for key, label, kind in fields:
        at = (*base, key)
        if kind in ("text", "long_text", "date"):
            lines.append(Line(label, None, text=Slot(at, kind), depth=depth))
        else:
            lines.append(Line(label, unit, value=Slot(at, kind), depth=depth))
    return lines


def field_columns(fields: Iterable[tuple[str, str, str]], fixed: tuple[str, ...] = ()) -> tuple[Column, ...]:
    """Grid columns of rows written as mappings: (key, title, kind) each; ``fixed`` keys are row names."""
    return tuple(Column(title, kind, key, fixed=key in fixed) for key, title, kind in fields)


def rows_of(data: Any, at: Loc) -> list[Any]:
    """The rows at ``at`` in a block's data (an empty list when there are none)."""
    value = data
    for part in at:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            return []
    return value if isinstance(value, list) else []
