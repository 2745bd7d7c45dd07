"""Where every value of a unit's report stands in its workbook: the plan both the writer and the reader follow.

A plan is made from a unit's data (its file as loaded, or the file ``new`` would write from a
đề cương) and from what the đề cương asks of each block (its label, guide and fixed rows). The
input cells come from each block type's ``cells`` (:mod:`baocao.blocks.cells`); what no input
names is the *frame*: the unit's data with every input taken out, kept in the form's hidden
sheet with the plan's inputs. Import makes the plan again from that frame and reads each input
back to its place: the form is read by the same plan it was written from, so a form of another
layout, or an edited one, is recognised rather than read askew.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from baocao.blocks import REGISTRY
from baocao.blocks.cells import Column, Grid, Line, Slot, check_pieces
from baocao.core.findings import Loc
from baocao.report.sections import DEFAULT_NUMBERING, heading_number

FORM_VERSION = "1"
META_SHEET = "baocao"
HEADER_SHEET = "Thông tin chung"
PLACEHOLDERS = frozenset({"…", "..."})
LINE_COLUMNS = ("STT", "Nội dung", "Đơn vị tính", "Số liệu", "Tổng số", "Tỷ lệ (%)", "Ghi chú", "Hướng dẫn")
LINE_WIDTHS = (6, 46, 11, 13, 13, 10, 24, 36)
VALUE, TOTAL, PERCENT, NOTE, GUIDE = 3, 4, 5, 6, 7
BAD_SHEET_CHARACTERS = str.maketrans({c: " " for c in "[]:*?/\\"})
LEVELS = (("xã, phường, thị trấn", "commune"), ("huyện", "district"), ("sở, ngành", "department"), ("tỉnh", "province"))
HEADER_FIELDS: tuple[tuple[Loc, str, str], ...] = (
    (("issuing_body",), "Tên cơ quan ban hành (Ủy ban nhân dân xã …)", "text"),
    (("short_name",), "Tên gọi trong văn bản (UBND xã …)", "text"),
    (("parent_body",), "Cơ quan chủ quản (nếu có)", "text"),
    (("area",), "Địa bàn (xã …)", "text"),
    (("level",), "Cấp đơn vị", "choice"),
    (("place",), "Địa danh ở dòng ngày tháng", "text"),
    (("number",), "Số văn bản (để trống: văn thư điền)", "integer"),
    (("symbol",), "Ký hiệu văn bản (BC-UBND)", "text"),
    (("date",), "Ngày ban hành (để trống: văn thư điền)", "date"),
    (("subject",), "Trích yếu nội dung", "long_text"),
    (("recipients",), "Nơi nhận (mỗi nơi một dòng trong ô)", "lines"),
    (("signer", "title"), "Chức vụ người ký", "text"),
    (("signer", "name"), "Họ và tên người ký (để trống: ký tay)", "text"),
)


class Asked(NamedTuple):
    """What a block's cells may read of the item the đề cương expects: its label, guide and fixed rows."""

    label: str | None
    guide: str | None
    rows: tuple[str, ...]


@dataclass(frozen=True)
class Input:
    """An input cell: its place, its slot, the full path of its value in the unit's data, the item's label."""

    sheet: str
    row: int
    col: int
    slot: Slot
    at: Loc
    label: str
    last_col: int | None = None
    """The last column of a merged input (a paragraph over several columns)."""


@dataclass(frozen=True)
class Write:
    """A cell the form writes and the clerk does not fill: a title, a label, a header, a formula."""

    row: int
    col: int
    value: Any
    style: str
    last_col: int | None = None
    checked: bool = False
    """A label the reader finds again where it was written (a row inserted or taken away moves it)."""
    last_row: int | None = None
    """The last row of a title merged down (a header of two rows)."""


@dataclass(frozen=True)
class Table:
    """A grid on its sheet: where its header and rows stand, the path of its rows, the columns by sheet column."""

    grid: Grid
    at: Loc
    header_row: int
    first_row: int
    columns: tuple[tuple[int, Column], ...]
    label: str


@dataclass
class Sheet:
    """One sheet of the form."""

    name: str
    kind: str
    """"header", "section" or "grid"."""
    widths: tuple[float, ...]
    writes: list[Write] = field(default_factory=list)
    inputs: list[Input] = field(default_factory=list)
    table: Table | None = None
    row: int = 0
    freeze: int = 0
    landscape: bool = True

    @cached_property
    def checked(self) -> list[Write]:
        """The labels the reader finds again where they were written."""
        return [write for write in self.writes if write.checked]

    @cached_property
    def known(self) -> frozenset[tuple[int, int]]:
        """Every cell the form writes or reads: (row, column)."""
        cells = {
            (row, col)
            for write in self.writes
            for row in range(write.row, (write.last_row or write.row) + 1)
            for col in range(write.col, (write.last_col or write.col) + 1)
        }
        for item in self.inputs:
            last = item.col + 1 if item.slot.kind == "count_of_total" else item.last_col or item.col
            cells.update((item.row, col) for col in range(item.col, last + 1))
        return frozenset(cells)

    @cached_property
    def merges(self) -> frozenset[tuple[int, int, int, int]]:
        """The merged ranges the form writes: (top, left, bottom, right)."""
        merged = {(w.row, w.col, w.last_row or w.row, w.last_col or w.col) for w in self.writes}
        return frozenset(merged | {(i.row, i.col, i.row, i.last_col) for i in self.inputs if i.last_col})

    def add(self, col: int, value: Any, style: str, last_col: int | None = None, checked: bool = False) -> None:
        """A written cell on the current row."""
        self.writes.append(Write(self.row, col, value, style, last_col, checked))


@dataclass
class Plan:
    """The whole form: its sheets, the frame, the đề cương it answers, and the digest of all of it."""

    sheets: list[Sheet]
    frame: Any
    asked: dict[str, dict[str, Any]]
    outline: str | None
    outline_digest: str | None
    about: list[str]

    def kept(self) -> str:
        """What the form's hidden sheet keeps for import to make the plan again: frame, what was asked, the words."""
        return json.dumps({"frame": self.frame, "asked": self.asked, "about": self.about}, ensure_ascii=False)

    def sheet(self, name: str) -> Sheet:
        """The sheet of this name."""
        return next(sheet for sheet in self.sheets if sheet.name == name)


def digest_of(kept: str, outline: str | None, outline_digest: str | None) -> str:
    """A short digest of what a form's layout is made from: what its hidden sheet keeps, its đề cương, its version."""
    text = json.dumps([FORM_VERSION, outline, outline_digest], ensure_ascii=False) + kept
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def outline_digest(outline: Any) -> str:
    """A digest of a đề cương's content (its model, not its file's spelling).

    A đề cương read once is one object for every form that names it (its reader keeps it): its
    digest is made once, kept with the object so that its id is never another's.
    """
    kept = DIGESTS.get(id(outline))
    if kept is not None and kept[0] is outline:
        return kept[1]
    text = json.dumps(outline.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    if len(DIGESTS) >= 32:
        DIGESTS.pop(next(iter(DIGESTS)))
    DIGESTS[id(outline)] = (outline, digest)
    return digest


DIGESTS: dict[int, tuple[Any, str]] = {}


def asked_of(outline: Any) -> dict[str, dict[str, Any]]:
    """What the đề cương asks of each keyed item, and of each section's free text (by section key)."""
    from baocao.outline.model import walk  # the đề cương's models load with a đề cương only

    asked: dict[str, dict[str, Any]] = {}
    for _, section, _ in walk(outline.sections):
        for expect in section.expects:
            item = expect.item
            rows = [str(row) for row in getattr(item, "rows", None) or []]
            said = {"label": getattr(item, "label", None), "guide": getattr(item, "guide", None), "rows": rows}
            key = getattr(item, "key", None)
            name = f"{expect.kind}:{key}" if key is not None else f"{expect.kind}@{section.key}"
            asked.setdefault(name, said)
    return asked


def plan(
    data: Any,
    asked: dict[str, dict[str, Any]],
    outline: str | None,
    digest: str | None,
    about: list[str],
    framed: bool = False,
) -> Plan:
    """The form of a unit's data; ``asked`` from :func:`asked_of` (or as a form kept it).

    The plan is made from the frame, as import makes it again: a label or a layout that hung on a
    value the clerk fills in would not be found where it was written. ``framed``: ``data`` is a
    form's frame already (import's own, read from JSON), planned as it is.
    """
    if framed:
        return _plan(data, asked, outline, digest, about, copied=False)
    first = _plan(data, asked, outline, digest, about)
    made = _plan(first.frame, asked, outline, digest, about, copied=False)
    for index, sheet in enumerate(made.sheets):  # an open table keeps the rows the unit has: alone on its sheet,
        if sheet.table is not None and not sheet.table.grid.fixed:  # it moves nothing else, and is read to its end
            made.sheets[index] = first.sheet(sheet.name)
    return made


def _plan(
    data: Any,
    asked: dict[str, dict[str, Any]],
    outline: str | None,
    digest: str | None,
    about: list[str],
    copied: bool = True,
) -> Plan:
    frame = json.loads(json.dumps(data, ensure_ascii=False)) if copied else data
    made = Plan([], frame, asked, outline, digest, about)
    _header(made, data)
    numbering = _numbering(data.get("numbering"))
    sections = data.get("sections") if isinstance(data.get("sections"), list) else []
    names: set[str] = {HEADER_SHEET, META_SHEET}
    for index, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        title = str(section.get("title") or "")
        number = _mark(numbering, 1, index + 1, "")
        sheet = Sheet(_unique(f"{number} {title}", names), "section", LINE_WIDTHS)
        _line_sheet_top(sheet, f"{number} {title.upper()}", about=None)
        made.sheets.append(sheet)
        _section(made, sheet, section, ("sections", index), 1, number, numbering, names, top=True)
    closing = data.get("closing")
    if isinstance(closing, list) and closing:
        sheet = Sheet(_unique("Phần cuối", names), "section", LINE_WIDTHS)
        _line_sheet_top(sheet, "PHẦN CUỐI BÁO CÁO", about=None)
        made.sheets.append(sheet)
        _entries(made, sheet, closing, ("closing",), "", names)
    _take_out(made)
    return made


# --- the header and the sections ---------------------------------------------------------------


def _line_sheet_top(sheet: Sheet, title: str, about: list[str] | None) -> None:
    sheet.add(0, title, "title", GUIDE)
    sheet.row += 1
    for text in about or []:
        sheet.add(0, text, "about", GUIDE)
        sheet.row += 1
    sheet.add(0, INSTRUCTION, "instruction", GUIDE)
    sheet.row += 1
    for col, text in enumerate(LINE_COLUMNS):
        sheet.add(col, text, "header", checked=True)
    sheet.row += 1
    sheet.freeze = sheet.row


INSTRUCTION = (
    "Điền vào các ô nền vàng; các ô khác đã khóa. Số ghi như số; ô số liệu nhận cả 'trên 60', 'khoảng 40'. "
    "Tỷ lệ ghi theo phần trăm: 95 là 95%. Không chèn, xóa dòng và không đổi tên trang tính."
)


def _header(made: Plan, data: Any) -> None:
    sheet = Sheet(HEADER_SHEET, "header", LINE_WIDTHS)
    made.sheets.append(sheet)
    _line_sheet_top(sheet, "BIỂU MẪU BÁO CÁO: THÔNG TIN CHUNG", made.about)
    document = data.get("document") if isinstance(data.get("document"), dict) else {}
    base: Loc = ("document",)
    period = document.get("period")
    if period is not None:
        sheet.add(1, "Kỳ báo cáo", "label", checked=True)
        sheet.add(VALUE, _period_words(period), "fixed", NOTE)
        for col in (0, 2, GUIDE):
            sheet.add(col, "", "blank")
        sheet.row += 1
    for path, label, kind in HEADER_FIELDS:
        if len(path) > 1 and not isinstance(document.get(path[0]), dict):
            continue
        slot = Slot(path, kind, *(tuple(zip(*LEVELS, strict=True)) if kind == "choice" else ()))
        _line(sheet, Line(label, None, text=slot), base, label)  # every header value over the four item columns
    opening = data.get("opening")
    if isinstance(opening, list) and opening:
        sheet.add(0, "Phần mở đầu (trước đề mục I)", "heading", GUIDE)
        sheet.row += 1
        _entries(made, sheet, opening, ("opening",), "", set())


TEXT_KINDS = frozenset({"text", "long_text", "lines", "date"})


def _period_words(period: Any) -> str:
    from baocao.model.period import Period  # a period's words, when the file names one the model reads

    try:
        return str(Period.model_validate(period).label)
    except (ValueError, TypeError):
        return str(period)


def _section(
    made: Plan,
    sheet: Sheet,
    section: dict[str, Any],
    at: Loc,
    depth: int,
    number: str,
    numbering: list[str],
    names: set[str],
    top: bool = False,
) -> None:
    if not top:
        sheet.add(0, number, "heading")
        sheet.add(1, str(section.get("title") or ""), "heading", GUIDE, checked=True)
        sheet.row += 1
    content = section.get("content")
    if isinstance(content, list):
        _entries(made, sheet, content, (*at, "content"), str(section.get("key") or ""), names)
    children = section.get("sections")
    own = section.get("numbering")  # the section's own numbering of its sub-sections, from their level
    inner, below = (_numbering(own), 0) if own else (numbering, depth)
    for index, child in enumerate(children if isinstance(children, list) else []):
        if isinstance(child, dict):
            mark = _mark(inner, below + 1, index + 1, number)
            _section(made, sheet, child, (*at, "sections", index), below + 1, mark, inner, names)


def _entries(made: Plan, sheet: Sheet, entries: list[Any], at: Loc, section_key: str, names: set[str]) -> None:
    for index, entry in enumerate(entries):
        kind, value, path = _block(entry, (*at, index))
        if kind is None:
            continue
        key = value.get("key") if isinstance(value, dict) else None
        said = made.asked.get(f"{kind}:{key}" if key else f"{kind}@{section_key}")
        asked = Asked(said.get("label"), said.get("guide"), tuple(said.get("rows") or ())) if said else None
        pieces = REGISTRY[kind].cells(value, asked)
        check_pieces(kind, pieces)
        for piece in pieces:
            if isinstance(piece, Line):
                _line(sheet, piece, path, piece.label)
            else:
                _grid(made, sheet, piece, path, names)


def _block(entry: Any, at: Loc) -> tuple[str | None, Any, Loc]:
    """An entry's type, value and the path of its value: a line of text stands for itself."""
    if isinstance(entry, str):
        return "text", entry, at
    if isinstance(entry, dict) and len(entry) == 1:
        kind = next(iter(entry))
        if kind in REGISTRY:
            return kind, entry[kind], (*at, kind)
    return None, None, at


def _line(sheet: Sheet, line: Line, base: Loc, label: str) -> None:
    indent = "    " * line.depth
    sheet.add(1, indent + line.label, "label" if line.depth == 0 else "part", checked=True)
    if line.unit:
        sheet.add(2, line.unit, "unit")
    if line.text is not None:
        sheet.inputs.append(Input(sheet.name, sheet.row, VALUE, line.text, (*base, *line.text.path), label, NOTE))
    for col, slot in ((VALUE, line.value), (TOTAL, line.total), (PERCENT, line.percent), (NOTE, line.note)):
        if slot is not None:
            sheet.inputs.append(Input(sheet.name, sheet.row, col, slot, (*base, *slot.path), label))
    if line.sums and line.total is None:
        sheet.add(TOTAL, ("sum", sheet.row + 1, sheet.row + line.sums, VALUE), "formula")
    if line.guide:
        sheet.add(GUIDE, line.guide, "guide")
    slots = zip((VALUE, TOTAL, PERCENT, NOTE), (line.value, line.total, line.percent, line.note), strict=True)
    used = {1, *(col for col, slot in slots if slot is not None)}
    used |= {2} if line.unit else set()
    used |= set(range(VALUE, NOTE + 1)) if line.text is not None else set()
    used |= ({TOTAL} if line.sums and line.total is None else set()) | ({GUIDE} if line.guide else set())
    for col in range(GUIDE + 1):  # the rest of the row: empty cells of the table, ruled as its others
        if col not in used:
            sheet.add(col, "", "blank")
    sheet.row += 1


def _grid(made: Plan, sheet: Sheet, grid: Grid, base: Loc, names: set[str]) -> None:
    name = _unique(grid.name, names)
    sheet.add(1, f"{grid.title} — điền ở trang tính «{name}»", "link", NOTE, checked=True)
    sheet.writes.append(Write(sheet.row, GUIDE, ("link", name), "link"))
    sheet.row += 1
    widths, columns, col = [9.0], [], 1
    for column in grid.columns:
        columns.append((col, column))
        span = 2 if column.kind == "count_of_total" else 1
        size = 40.0 if column.kind == "long_text" else 28.0 if column.kind in TEXT_KINDS else 13.0
        widths += [size] * span
        col += span
    own = Sheet(name, "grid", tuple(widths), landscape=sum(widths) > 100)
    own.add(0, grid.title, "title", max(col - 1, 1))
    own.row += 1
    if grid.guide:
        own.add(0, grid.guide, "about", max(col - 1, 1))
        own.row += 1
    how = "Mỗi dòng một nội dung; thêm dòng ở các dòng trống bên dưới." if not grid.fixed else GRID_FIXED
    own.add(0, how + " Điền vào các ô nền vàng.", "instruction", max(col - 1, 1))
    own.row += 1
    header = own.row
    two = any(column.kind == "count_of_total" for column in grid.columns)  # a second row: count | total
    down = header + 1 if two else None  # a title over one column runs down both rows
    own.writes.append(Write(header, 0, "TT", "header", None, True, down))
    for col, column in columns:
        title = f"{column.title} ({column.unit})" if column.unit else column.title
        if column.kind == "count_of_total":
            own.add(col, title, "header", col + 1, checked=True)
        else:
            own.writes.append(Write(header, col, title, "header", None, True, down))
    own.row += 1
    if two:
        for col, column in columns:
            if column.kind == "count_of_total":
                own.add(col, "Số đạt", "subheader")
                own.add(col + 1, "Tổng số", "subheader")
        own.row += 1
    own.freeze = own.row
    rows_at = (*base, *grid.rows_at)
    own.table = Table(grid, rows_at, header, own.row, tuple(columns), grid.title)
    _grid_rows(own, grid, rows_at, made.frame)
    made.sheets.append(own)


TOTAL_ROW = "Tổng cộng"
GRID_FIXED = "Biểu cố định: không thêm, bớt dòng."


def _grid_rows(sheet: Sheet, grid: Grid, rows_at: Loc, frame: Any) -> None:
    """The rows of a fixed grid (inputs placed now) or the rows and blank lines of an open one (read by column)."""
    table = sheet.table
    assert table is not None
    first = sheet.row
    rows = grid.rows if grid.fixed else grid.rows + max(10, grid.rows // 2)
    for index in range(rows):
        sheet.add(0, index + 1, "number")
        for col, column in table.columns:
            at = (*rows_at, index, column.field)
            slot = Slot((), column.kind, column.choices)
            if column.fixed:
                sheet.add(col, _cell_text(_at(frame, at)), "label", checked=True)
            elif grid.fixed or index < grid.rows:
                sheet.inputs.append(Input(sheet.name, sheet.row, col, slot, at, f"{table.label} › {column.title}"))
            else:
                sheet.inputs.append(Input(sheet.name, sheet.row, col, slot, (), table.label))
        sheet.row += 1
    if grid.total:
        sheet.add(0, TOTAL_ROW, "total")
        for col, column in table.columns:
            if column.kind in ("integer", "number", "money"):
                sheet.add(col, ("sum", first, sheet.row - 1), "total_formula")
            elif column.kind == "count_of_total":
                sheet.add(col, ("sum", first, sheet.row - 1), "total_formula")
                sheet.add(col + 1, ("sum", first, sheet.row - 1), "total_formula")
            else:
                sheet.add(col, "", "total")
        sheet.row += 1


# --- the frame ---------------------------------------------------------------------------------


def _take_out(made: Plan) -> None:
    """The frame: the data with every input's value taken out (a paragraph left as "…", open rows emptied)."""
    for sheet in made.sheets:
        if sheet.table is not None and not sheet.table.grid.fixed:
            _put(made.frame, sheet.table.at, [])
            continue
        for cell in sheet.inputs:
            if cell.at:
                _clear(made.frame, cell.at, cell.slot)


def _clear(data: Any, at: Loc, slot: Slot) -> None:
    parent = _at(data, at[:-1])
    last = at[-1]
    if isinstance(parent, dict) and last in parent:
        if parent[last] is None or isinstance(parent[last], (str, int, float, list)):
            parent[last] = None
    elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        parent[last] = "…" if slot.kind == "long_text" and isinstance(parent[last], str) else None


def value_at(data: Any, at: Loc) -> Any:
    """The value at a path of plain data; None where the path leads nowhere."""
    return _at(data, at)


def _at(data: Any, at: Loc) -> Any:
    for part in at:
        if isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        elif isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _put(data: Any, at: Loc, value: Any) -> None:
    _put_in(_at(data, at[:-1]), at[-1], value)


def _put_in(parent: Any, last: Any, value: Any) -> None:
    if isinstance(parent, dict):
        parent[str(last)] = value
    elif isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
        parent[last] = value


def put(data: Any, at: Loc, value: Any) -> bool:
    """Set a value at a path of plain data; False when its parent is not there."""
    parent = _at(data, at[:-1])
    if not isinstance(parent, (dict, list)):
        return False
    _put_in(parent, at[-1], value)
    return True


def _cell_text(value: Any) -> str:
    return "" if value is None or value in PLACEHOLDERS else str(value)


# --- names and numbers -------------------------------------------------------------------------


def _numbering(value: Any) -> list[str]:
    styles = value.split() if isinstance(value, str) else value if isinstance(value, list) else []
    return [str(s) for s in styles] or list(DEFAULT_NUMBERING)


def _mark(numbering: list[str], depth: int, index: int, parent: str) -> str:
    return heading_number(numbering[min(depth, len(numbering)) - 1], index, parent)


def _unique(text: str, names: set[str]) -> str:
    r"""A sheet name Excel takes: no []:*?/\\, at most 31 characters, not taken, not 'History'."""
    base = " ".join(text.translate(BAD_SHEET_CHARACTERS).split()).strip("'")[:31] or "Trang"
    name, number = base, 1
    while name.casefold() in {n.casefold() for n in names} or name.casefold() == "history":
        number += 1
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
    names.add(name)
    return name


def inputs(made: Plan) -> Iterator[Input]:
    """Every input cell of the form, sheet by sheet."""
    for sheet in made.sheets:
        yield from sheet.inputs
