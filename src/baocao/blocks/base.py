"""What a block type is: every facet the stages read, declared in one call, refused when one is missing.

A block type is a module of :mod:`baocao.blocks` that ends with ``KIND = declare(...)``:
its model, what a đề cương may expect of it, its checks, its words and layout, how
``diff`` names it, how ``next`` carries it and ``new`` starts it, how ``rollup`` sums
it and what row it gives an annex of one row per unit. The stages read the registry
(:data:`baocao.blocks.REGISTRY`); none of them names a block type. A facet that does
not apply is written ``None`` with a comment saying why, never left out:
:class:`BlockType` refuses a type that does not say every facet, naming the type and
the facets (as Sphinx's ``add_node`` takes every visitor of a node in one call).

Block values reach the facets in two forms: *typed*, the block's model as validated
(checks, views, carry), and *data*, its plain JSON form as a unit file holds it after
``model_dump`` (rollup and annexes, which pass thousands of units between processes).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Annotated, Any, NamedTuple, Protocol

from pydantic import Field

from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.core.yamlout import scalar
from baocao.model.fields import Model, Text
from baocao.model.fields import field as model_field

Data = dict[str, Any]
"""A block's value as plain data: ``{"label": …, "value": "hơn 160"}``."""
Prim = dict[str, Any]
"""A primitive of a block's view: a paragraph or a table, as plain data (see :mod:`baocao.blocks.printing`)."""
Cell = tuple[str, str, Any]
"""A cell of a block's annex row: (column title, column type, the typed value or None)."""

KEY = r"^[A-Za-z0-9_.-]+$"
Key = Annotated[str, Field(pattern=KEY, min_length=1, max_length=80)]
"""The key of an item or section of a đề cương: letters, digits, '_', '-', '.'."""
NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class ViewContext:
    """What a block's words may need of the report around it."""

    area: str = ""
    """The unit's area, "huyện Bình Sơn" ("Đài Truyền thanh huyện Bình Sơn có …")."""
    communes: str = "xã, phường, thị trấn"
    """The commune-level units of the area, as the report names them: "xã, thị trấn" for a huyện."""
    opening: bool = False
    """True for the blocks of the opening, before the first heading (a cited document is a "Căn cứ" line)."""
    compared_with: str | None = None
    """The name of the period the blocks' ``previous`` values are of, when no period is given to compare with."""
    changes: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """How each keyed block changed since a period given to compare with, by (type, key): "tăng 30 km (7,1%) …"."""
    unchanged: list[tuple[str, str]] | None = None
    """When a list, blocks that did not change leave "không thay đổi so với …" out and add (label, reference) here:
    the section says it once for all of them."""


@dataclass(frozen=True)
class CheckContext:
    """What a block's checks may need of the report around it."""

    date: dt.date | None = None
    """The report's date (a cited document must not be later)."""


class Measure(NamedTuple):
    """The one number of a keyed block that a comparison of two periods speaks of."""

    label: str
    """How the comparison annex names it: "Trạm BTS", "Hồ sơ trực tuyến (tỷ lệ)"."""
    unit: str | None
    value: Decimal
    points: bool = False
    """True for a rate: its change is said in percentage points."""


class UnitSummary(NamedTuple):
    """A keyed block in the annexes of a roll-up by sections: one row per unit, a few columns per block."""

    title: str
    """The annex title of the tables ("Số liệu theo đơn vị")."""
    per_table: int
    """Blocks side by side in one table (a landscape page stays readable)."""
    model: Any
    """The type of what a unit's row keeps, as the rolled-up file is read back (``Amount``, a model)."""
    keep: Callable[[Data], Any]
    """What a unit's row keeps of its block (plain data in, plain data out); None: the unit gives no value."""
    header: Callable[[Any], tuple[str, ...]]
    """The columns of one block of the rolled-up report (typed)."""
    cells: Callable[[Any], tuple[str, ...]]
    """A unit's cells from what its row kept, typed by ``model`` (or None: blank cells)."""
    total: Callable[[Any], tuple[str, ...] | None]
    """The total cells from the rolled-up block (typed); None when the block has no number to total."""


class AnnexTable(NamedTuple):
    """A table of its own in the annexes, one row per unit (a data form): header, rows, total row, a note."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...]
    note: str = ""


class Carrier(Protocol):
    """What ``baocao next`` gives a block type to carry its block to the next period."""

    reference: str
    """The period left, as reports name it: "06 tháng cuối năm 2025"."""
    request: str | None
    """The number of the document that requested the old report, which a new request replaces."""

    def mark(self, lines: list[str]) -> str:
        """A stand-in for comment lines, written in the file where it stands."""

    def said(self, data: Any) -> list[str]:
        """A value as comment lines: text line by line, other data as the YAML it was."""


class ExpectedItem(Model):
    """What every item a đề cương expects by key has: its key, label, unit, whether the unit must fill it, a guide."""

    key: Key = model_field("Mã", "Đơn vị ghi đúng mã này trong khối số liệu.")
    label: Text = model_field("Tên, nội dung")
    unit: Text | None = model_field("Đơn vị tính", "Đơn vị phải ghi đúng như vậy.", default=None)
    required: bool = model_field("Bắt buộc", "false: đơn vị có thể bỏ trống.", default=True)
    guide: Text | None = model_field("Hướng dẫn", "Lời dặn in trong tệp mẫu của đơn vị.", default=None)


class Expected(ExpectedItem):
    """An expected item that a roll-up can also annex, one row per unit, when the đề cương marks it ``by_unit``."""

    by_unit: bool = model_field(
        "Phụ lục theo đơn vị", "true: báo cáo tổng hợp có phụ lục một dòng cho mỗi đơn vị.", default=False
    )


Check = Callable[[Any, Loc, CheckContext], Iterator[Issue]]
View = Callable[[Any, ViewContext], list[Prim]]
Start = Callable[[Any, str, bool], list[str]]
"""The lines of a unit file ``new`` writes for an expected item: (item, indent, alone in its section)."""
Conform = Callable[[Any, Any, Loc], Iterator[Issue]]
"""A written block (typed) against the item the đề cương expects: BC606 where its form differs."""
Rollup = Callable[[list[Data], list[str], bool], tuple[Data | None, str | None]]
"""The units' blocks of one place (data), the units' names, whether each unit's values are in an annex ->
the summed block (or None) and a note under it (or None)."""
Keyed = Callable[[list[Data], list[str], bool], list[Data]]
"""As :data:`Rollup`, for the units of a đề cương: the entries to print where its key stands."""


@dataclass(frozen=True, kw_only=True)
class BlockType:
    """Everything baocao knows of one type of block. Every facet must be given; ``None`` where it does not apply."""

    name: str
    """The key a unit file writes the block under: ``figure:``."""
    model: Any
    """The type of the block's value (a model, or ``list[Model]``)."""
    title: str
    """Its name in Vietnamese, for the JSON Schema and messages: "Số liệu"."""
    description: str | None
    """A line more for the JSON Schema."""
    definitions: Mapping[str, tuple[str, str]]
    """The Vietnamese name and explanation of each of its models, for the JSON Schema."""

    expected: type[Model] | None
    """What a đề cương may expect of it (the model of an ``expects`` entry); None: a đề cương cannot ask for it."""
    start: Start | None
    """How ``baocao new`` writes it for an expected item; None exactly when it cannot be expected."""
    conform: Conform | None
    """Where a block differs from the form the đề cương expects, beyond its unit (BC606); None: nothing more."""
    by_unit: Callable[[Any], Data] | None
    """What the annex of a roll-up keeps of an item marked ``by_unit`` besides its key, label and unit: its
    ``choices`` or its ``columns`` (the fields of ``report.model.ByUnit``), or nothing; None: it is not annexed."""

    blank: Callable[[Any], bool]
    """True while its values are not written (a blank block is not printed: BC604)."""
    fill_at: Callable[[Any, Loc], Loc]
    """Where BC604 points in a blank block: the first value to write."""
    blanks_inside: Callable[[Any, Loc], Iterator[Issue]] | None
    """BC604 at a part left blank in a block otherwise filled in; None: it has no parts."""
    check: Check | None
    """Its arithmetic and form, as issues below its loc; None: nothing to check beyond the schema."""
    stated: Callable[[Any], tuple[Any, ...]] | None
    """What a keyed block states, compared when the key comes again (BC501); None: it is not compared."""

    view: View
    """Its words and layout: plain paragraphs and tables for the templates."""
    measure: Callable[[Any], Measure | None] | None
    """The number a comparison of two periods speaks of; None: it has none."""
    computed: Callable[[Any], dict[str, tuple[Decimal | int, str]]] | None
    """Totals baocao computes from it, by name with their unit ("Tổng kinh phí"), for diff and the comparison
    annex; None: it computes none."""

    label: Callable[[Any], str]
    """How diff names it, from its data (a key, when it has one, comes first)."""
    lists: Mapping[str, Callable[[Any], Any]]
    """How diff identifies the items of each list inside it, by the list's path ("parts"; "" for the value)."""
    path_names: Mapping[str, tuple[str, str] | None]
    """How diff names its own fields in the path of a change, in Vietnamese and English; None for a list it
    passes over (its items are named). Diff names the fields every block has (value, note, unit, label, total)."""

    carry: Callable[[Data, Any, Carrier], list[Any]]
    """How ``baocao next`` carries it: (its data, its typed value, the carrier) -> entries for the new file."""

    rollup: Rollup | None
    """How the units' blocks at one place are summed by ``rollup``; None: the level above writes its own."""
    rollup_keyed: Keyed | None
    """How the units' blocks of one key of a đề cương are rolled up; None: they stay in the units' reports."""
    summary: UnitSummary | None
    """Its table of one row per unit in a roll-up by sections; None: it has none."""
    annex: Callable[[Any], list[Cell]] | None
    """Its cells in an annex of one row per unit (typed); None: it has no one-row form."""
    annex_keeps: tuple[str, ...]
    """The fields a unit's by-unit block keeps for its annex row (the rest stays in its report)."""
    annex_total: Callable[[Data, list[tuple[str, str]], list[list[Any] | None]], tuple[str, ...]] | None
    """The total row of its annex columns (the item, the columns, each unit's typed values or None)."""
    annex_table: Callable[[Data, list[tuple[str, Data | None]]], AnnexTable | None] | None
    """A table of its own in the annexes (a data form), from each unit's kept data; None: its cells stand beside
    those of other items."""

    cells: Callable[[Any, Any], list[Any]]
    """Its cells in a workbook (the form a clerk fills in, ``build --xlsx``): (its data, the item the đề cương
    expects or None) -> lines and grids of :mod:`baocao.blocks.cells`, each input cell naming the place in its
    data it is read back to. Every type has cells: a type a clerk cannot fill in Excel is not registered."""

    def __post_init__(self) -> None:
        if not NAME.match(self.name):
            raise BlockTypeError(f"block type {self.name!r}: a name is lower-case ASCII letters, digits and '_'")
        if (self.expected is None) != (self.start is None):
            raise BlockTypeError(f"block type {self.name!r}: 'start' is given exactly when 'expected' is")
        if self.annex is None and (self.annex_total is not None or self.annex_table is not None):
            raise BlockTypeError(f"block type {self.name!r}: annex totals or tables without 'annex' cells")
        markable = self.expected is not None and issubclass(self.expected, Expected)
        if (self.by_unit is not None) != markable:
            raise BlockTypeError(
                f"block type {self.name!r}: 'by_unit' is given exactly when its expected items are an Expected "
                "(ExpectedItem: they cannot be marked by_unit)"
            )
        if not callable(self.cells):
            raise BlockTypeError(f"block type {self.name!r}: 'cells' must say its cells in a workbook (a function)")
        if self.by_unit is not None and self.annex is None:
            raise BlockTypeError(f"block type {self.name!r}: 'by_unit' without 'annex' cells")
        for facet in fields(self):
            value = getattr(self, facet.name)
            if facet.name in DATA_FACETS or value is None or callable(value) or isinstance(value, UnitSummary):
                continue
            raise BlockTypeError(f"block type {self.name!r}: {facet.name} is not a function")


FACETS = tuple(facet.name for facet in fields(BlockType))
DATA_FACETS = frozenset({"name", "title", "description", "definitions", "model", "lists", "path_names", "annex_keeps"})
"""The facets that are data, not functions."""


class BlockTypeError(TypeError):
    """A block type that cannot be registered: a facet missing, a name taken."""


def declare(**facets: Any) -> BlockType:
    """A :class:`BlockType` from its facets, refused by name when one is missing or unknown."""
    name = facets.get("name", "?")
    missing = [facet for facet in FACETS if facet not in facets]
    unknown = sorted(set(facets) - set(FACETS))
    if missing or unknown:
        said = (
            [f"does not say {', '.join(missing)} (write None where it does not apply; cells it must say)"]
            if missing
            else []
        )
        said += [f"says what no stage reads: {', '.join(unknown)}"] if unknown else []
        raise BlockTypeError(f"block type {name!r} {'; '.join(said)}")
    return BlockType(**facets)


# --- helpers the block types share ----------------------------------------------------------------


def key_of(value: Any) -> str | None:
    """A block's key, when its type has one and it is written."""
    key = getattr(value, "key", None)
    return key if isinstance(key, str) else None


def first_written(value: Any, loc: Loc, names: tuple[str, ...], otherwise: str) -> Loc:
    """Where BC604 points: the first of ``names`` the file writes (blank), else ``otherwise``."""
    for name in names:
        if name in value.model_fields_set:
            return (*loc, name)
    return (*loc, otherwise)


def shown(value: Decimal | int) -> str:
    """A number as the report prints it, for a message: 1.234, 99,5."""
    return vn.number(value)


def mismatch(loc: Loc, what: str, stated: Decimal | int, computed: Decimal | int) -> Issue:
    """BC201: a stated total is not the sum of its parts."""
    return Issue("BC201", loc, {"what": what, "stated": shown(stated), "computed": shown(computed)})


def exceeds(loc: Loc, part: str, whole: str, part_value: Decimal | int, whole_value: Decimal | int) -> Issue:
    """BC202: a part exceeds its whole."""
    params = {"part": part, "whole": whole, "part_value": shown(part_value), "whole_value": shown(whole_value)}
    return Issue("BC202", loc, params)


def words(text: str) -> str:
    """A title or unit compared as a reader would: case, spacing and a closing ':' or '.' aside."""
    return " ".join(text.casefold().split()).rstrip(" .:")


def unit_differs(value: Any, item: Any, loc: Loc) -> Iterator[Issue]:
    """BC606 when the block states a unit other than the đề cương's (a block that states none is not compared)."""
    expected = getattr(item, "unit", None)
    stated = getattr(value, "unit", None) if "unit" in value.model_fields_set else None
    if stated and expected and words(stated) != words(expected):
        yield Issue("BC606", (*loc, "unit"), {"key": getattr(item, "key", ""), "stated": stated, "expected": expected})


def line(text: str) -> str:
    """Text for a comment of a written file: on one line, whatever breaks it held."""
    return " ".join(text.split())


def start_comment(pad: str, what: str, item: Any, how: str) -> list[str]:
    """The comment ``baocao new`` writes above an expected item: what it is, whether required, its unit, how."""
    need = "bắt buộc" if item.required else "không bắt buộc"
    unit = f"; đơn vị tính: {item.unit}" if getattr(item, "unit", None) else ""
    lines = [f"{pad}# {what} ({need}{line(unit)}): {line(item.label)}.", f"{pad}# {line(how)}"]
    if item.guide:
        lines.append(f"{pad}# Hướng dẫn: {line(item.guide)}")
    return lines


def note_entry(text: str) -> Data:
    """A note a roll-up writes under a block: a paragraph of its own (italic when written between asterisks)."""
    return {"text": text}


def started(name: str, item: Any, pad: str, what: str, how: str, blanks: tuple[str, ...]) -> list[str]:
    """What ``baocao new`` writes for an item of a đề cương.

    Its comment, the block with its key, label and unit as the đề cương has them, and ``blanks``, the fields
    the unit fills in.
    """
    inner = pad + "    "
    lines = [f"{pad}- {name}:", f"{inner}key: {scalar(item.key)}", f"{inner}label: {scalar(item.label)}"]
    unit = getattr(item, "unit", None)
    lines += [f"{inner}unit: {scalar(unit)}"] if unit else []
    return [*start_comment(pad, what, item, how), *lines, *(f"{inner}{blank}:" for blank in blanks)]


def as_comment(name: str) -> Callable[[Any, Any, Carrier], list[Any]]:
    """How a block a unit writes anew each period is carried: last period's as a comment at its place."""

    def carry(body: Any, value: Any, carrier: Carrier) -> list[Any]:
        del value
        return [carrier.mark([f"{carrier.reference}:", *carrier.said({name: body})])]

    return carry


def as_is(name: str) -> Callable[[Data, Any, Carrier], list[Any]]:
    """How a block that the unit checks rather than rewrites is carried to the next period: as it is."""

    def carry(body: Data, value: Any, carrier: Carrier) -> list[Any]:
        del value, carrier
        return [{name: body}]

    return carry


def written(value: Any) -> str:
    """A computed value written as a unit file writes it: 42/45, 12, 9179,5."""
    if isinstance(value, tuple):
        return f"{value[0]}/{value[1]}"
    if isinstance(value, Decimal):
        plain = value.normalize() if value != value.to_integral() else value.quantize(Decimal(1))
        return format(plain, "f").replace(".", ",")
    return str(value)


def carried_earlier(carrier: Carrier, body: Data, earlier: Any) -> list[Any]:
    """A ``previous`` the block had and that no value of the period left replaces (it was blank), as a comment."""
    if earlier is None or "previous" in body:
        return []
    lines = ["Số liệu kỳ trước nữa (previous), kỳ vừa qua để trống:", *carrier.said({"previous": earlier})]
    return [carrier.mark(lines)]


def carried_note(carrier: Carrier, body: Data, kept: list[str]) -> list[Any]:
    """The block's note and the values it no longer holds, as a comment above it."""
    note = body.pop("note", None)
    if note is not None:
        kept.append(f"ghi chú: {note}")
    return [carrier.mark([f"{carrier.reference}: {kept[0]}", *kept[1:]])] if kept else []


def previous_last(body: Data) -> Data:
    """``previous`` written last, after what the unit fills in."""
    previous = body.pop("previous", None)
    return {**body, "previous": previous} if previous is not None else body
