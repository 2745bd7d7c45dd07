"""Write a plan as an .xlsx workbook (XlsxWriter): locked labels, typed and validated input cells, formulas.

The clerk fills the yellow cells; everything else is locked (sheets protected without a
password, so nothing stops a clerk who must unlock one). Numbers are validated as Excel
does (whole numbers ≥ 0 for counts; a decimal, with a warning that lets "trên 60" through,
for values that may be qualified), answers come from a drop-down (from the hidden sheet
when the list is longer than Excel's 255 characters), totals are formulas. The hidden
sheet ``baocao`` holds what the reader needs: the đề cương, the frame, the digest.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from baocao.blocks.cells import Slot
from baocao.form import layout
from baocao.form.layout import FORM_VERSION, META_SHEET, Input, Plan, Sheet, value_at
from baocao.form.values import pair_to_cells, to_cell

CHUNK = 30_000  # characters of the frame's JSON in one cell (a cell holds 32,767)
FONT = "Times New Roman"
YELLOW, GREY, BLUE, GREEN = "#FFF2CC", "#EDEDED", "#DDEBF7", "#E2EFDA"
STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "font_size": 13, "align": "center", "valign": "vcenter", "text_wrap": True},
    "about": {"italic": True, "text_wrap": True, "valign": "top"},
    "instruction": {"italic": True, "font_color": "#7F3F00", "text_wrap": True, "valign": "top"},
    "header": {"bold": True, "bg_color": BLUE, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True},
    "subheader": {"bold": True, "bg_color": BLUE, "border": 1, "align": "center", "valign": "vcenter"},
    "heading": {"bold": True, "bg_color": GREY, "border": 1, "valign": "top", "text_wrap": True},
    "label": {"border": 1, "valign": "top", "text_wrap": True},
    "blank": {"border": 1},
    "part": {"border": 1, "valign": "top", "text_wrap": True, "italic": True},
    "unit": {"border": 1, "valign": "top", "align": "center", "text_wrap": True},
    "fixed": {"border": 1, "valign": "top", "text_wrap": True, "bg_color": GREY},
    "guide": {
        "border": 1,
        "valign": "top",
        "text_wrap": True,
        "font_size": 10,
        "italic": True,
        "font_color": "#404040",
    },
    "link": {"border": 1, "valign": "top", "text_wrap": True, "font_color": "#1F4E79", "underline": 1},
    "number": {"border": 1, "valign": "top", "align": "center"},
    "formula": {"border": 1, "valign": "top", "bg_color": GREEN, "num_format": "#,##0.##;-#,##0.##;0"},
    "total": {"border": 1, "bold": True, "valign": "top", "bg_color": GREEN},
    "total_formula": {
        "border": 1,
        "bold": True,
        "valign": "top",
        "bg_color": GREEN,
        "num_format": "#,##0.##;-#,##0.##;0",
    },
}
INPUT: dict[str, Any] = {"border": 1, "valign": "top", "bg_color": YELLOW, "locked": False}
INPUT_FORMATS: dict[str, dict[str, Any]] = {
    "integer": {"num_format": "#,##0"},
    "money": {"num_format": "#,##0.###"},
    "number": {"num_format": "General"},
    "percent": {"num_format": "General"},
    "count_of_total": {"num_format": "#,##0", "align": "right"},
    "date": {"num_format": "dd/mm/yyyy", "align": "left"},
    "text": {"num_format": "@", "text_wrap": True},
    "long_text": {"num_format": "@", "text_wrap": True},
    "lines": {"num_format": "@", "text_wrap": True},
    "choice": {"num_format": "@"},
}
LIST_LIMIT = 255  # characters of a drop-down written in the validation itself


def workbook(made: Plan, data: Any, title: str) -> bytes:
    """The form as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    book.set_properties({"title": title, "author": "baocao", "comments": f"Biểu mẫu baocao, phiên bản {FORM_VERSION}"})
    book.set_calc_mode("auto")
    styles = {name: book.add_format({"font_name": FONT, "font_size": 12, **style}) for name, style in STYLES.items()}
    inputs = {
        kind: book.add_format({"font_name": FONT, "font_size": 12, **INPUT, **extra})
        for kind, extra in INPUT_FORMATS.items()
    }
    meta = _Meta(book)
    for sheet in made.sheets:
        _sheet(book, sheet, data, styles, inputs, meta)
    meta.write(made)
    book.worksheets()[0].activate()
    book.close()
    return buffer.getvalue()


class _Meta:
    """The hidden sheet: what the reader needs, and the long drop-down lists."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.lists: dict[tuple[str, ...], str] = {}

    def list_range(self, choices: tuple[str, ...]) -> str:
        """A range of the hidden sheet holding a long list of answers, for a drop-down (written last)."""
        if choices not in self.lists:
            name = xl_col_to_name(10 + len(self.lists))
            self.lists[choices] = f"='{META_SHEET}'!${name}$1:${name}${len(choices)}"
        return self.lists[choices]

    def write(self, made: Plan) -> None:
        """The hidden sheet, after every sheet of the form: what the reader needs, and the long lists."""
        sheet = self.book.add_worksheet(META_SHEET)
        sheet.very_hidden()
        for column, choices in enumerate(self.lists, start=10):
            for row, choice in enumerate(choices):
                sheet.write_string(row, column, choice)
        frame = made.kept()
        rows = [
            ("baocao-form", FORM_VERSION),
            ("outline", made.outline or ""),
            ("outline_digest", made.outline_digest or ""),
            ("digest", layout.digest_of(frame, made.outline, made.outline_digest)),
            ("chunks", str(-(-len(frame) // CHUNK))),
        ]
        for row, (key, value) in enumerate(rows):
            sheet.write_string(row, 0, key)
            sheet.write_string(row, 1, value)
        for index in range(0, len(frame), CHUNK):
            sheet.write_string(len(rows) + index // CHUNK, 1, frame[index : index + CHUNK])


def _sheet(book: Any, sheet: Sheet, data: Any, styles: dict[str, Any], inputs: dict[str, Any], meta: _Meta) -> None:
    ws = book.add_worksheet(sheet.name)
    ws.hide_gridlines(2)
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    if sheet.landscape:
        ws.set_landscape()
    for col, width in enumerate(sheet.widths):
        ws.set_column(col, col, width)
    if sheet.freeze:
        ws.freeze_panes(sheet.freeze, 0)
        ws.repeat_rows(sheet.freeze - 1)
    heights: dict[int, int] = {}
    for cell in sheet.writes:
        if cell.last_row is not None:
            ws.merge_range(cell.row, cell.col, cell.last_row, cell.last_col or cell.col, cell.value, styles[cell.style])
            continue
        _write(ws, cell.row, cell.col, cell.value, styles[cell.style], cell.last_col)
        if cell.style in ("title", "about", "instruction", "label", "heading", "guide", "header", "link"):
            span = sum(sheet.widths[cell.col : (cell.last_col or cell.col) + 1])
            heights[cell.row] = max(heights.get(cell.row, 1), _lines(str(cell.value), span))
    table = sheet.table
    for item in sheet.inputs:
        value = value_at(data, item.at) if item.at else None
        _input(ws, item, value, inputs, meta)
        if item.slot.kind in ("long_text", "text", "lines") and value:
            span = sum(sheet.widths[item.col : (item.last_col or item.col) + 1])
            heights[item.row] = max(heights.get(item.row, 1), _lines(str(to_cell(item.slot, value) or ""), span))
    for row, lines in heights.items():
        if lines > 1:
            ws.set_row(row, min(15.75 * lines, 400))
    options = {"insert_rows": table is not None and not table.grid.fixed, "delete_rows": False, "format_columns": True}
    ws.protect("", options)


def _write(ws: Any, row: int, col: int, value: Any, style: Any, last_col: int | None) -> None:
    if isinstance(value, tuple) and value and value[0] == "sum":
        first, last = value[1], value[2]
        name = xl_col_to_name(value[3] if len(value) > 3 else col)
        ws.write_formula(row, col, f"=SUM({name}{first + 1}:{name}{last + 1})", style)
        return
    if isinstance(value, tuple) and value and value[0] == "link":
        ws.write_url(row, col, f"internal:'{value[1]}'!A1", style, string="→ mở biểu")
        return
    if last_col is not None and last_col > col:
        ws.merge_range(row, col, row, last_col, value, style)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, style)
    else:
        ws.write_string(row, col, str(value), style)


def _input(ws: Any, cell: Input, value: Any, inputs: dict[str, Any], meta: _Meta) -> None:
    kind = cell.slot.kind
    style = inputs[kind]
    if kind == "count_of_total":
        count, total = pair_to_cells(value)
        for col, part in ((cell.col, count), (cell.col + 1, total)):
            _typed(ws, cell.row, col, part, style)
        _validate(ws, cell.row, cell.col, cell.row, cell.col + 1, cell.slot, meta)
        return
    shown = to_cell(cell.slot, value)
    if cell.last_col is not None and cell.last_col > cell.col:
        ws.merge_range(cell.row, cell.col, cell.row, cell.last_col, "", style)
    _typed(ws, cell.row, cell.col, shown, style)
    _validate(ws, cell.row, cell.col, cell.row, cell.col, cell.slot, meta)


def _typed(ws: Any, row: int, col: int, value: Any, style: Any) -> None:
    if value is None:
        ws.write_blank(row, col, None, style)
    elif isinstance(value, bool):
        ws.write_string(row, col, "Có" if value else "Không", style)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, style)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), style)
    else:
        ws.write_string(row, col, str(value), style)


VALIDATIONS: dict[str, dict[str, Any]] = {
    "integer": {
        "validate": "integer", "criteria": ">=", "value": 0, "error_type": "stop",
        "input_title": "Số đếm", "input_message": "Một số nguyên từ 0 trở lên.",
        "error_title": "Cần một số nguyên", "error_message": "Ô này nhận số nguyên từ 0 trở lên (ví dụ 1234).",
    },
    "count_of_total": {
        "validate": "integer", "criteria": ">=", "value": 0, "error_type": "stop",
        "input_title": "Số đạt / tổng số", "input_message": "Ô trái: số đạt; ô phải: tổng số.",
        "error_title": "Cần một số nguyên", "error_message": "Ô này nhận số nguyên từ 0 trở lên.",
    },
    "money": {
        "validate": "decimal", "criteria": ">=", "value": 0, "error_type": "stop",
        "input_title": "Kinh phí", "input_message": "Một số, theo đơn vị tính của bảng.",
        "error_title": "Cần một số", "error_message": "Ô này nhận một số từ 0 trở lên.",
    },
    "number": {
        "validate": "decimal", "criteria": ">=", "value": 0, "error_type": "warning",
        "input_title": "Số liệu", "input_message": "Một số; có thể ghi chữ như 'trên 60', 'khoảng 40'.",
        "error_title": "Không phải một số", "error_message": "Ô này cần một số. Giữ chữ đã ghi (như 'trên 60')?",
    },
    "percent": {
        "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100, "error_type": "warning",
        "input_title": "Tỷ lệ (%)", "input_message": "Ghi theo phần trăm: 95 là 95%; có thể ghi 'trên 98'.",
        "error_title": "Tỷ lệ từ 0 đến 100", "error_message": "Tỷ lệ ghi theo phần trăm, từ 0 đến 100. Giữ?",
    },
    "date": {
        "validate": "date", "criteria": "between", "minimum": dt.date(1990, 1, 1), "maximum": dt.date(2100, 12, 31),
        "error_type": "stop", "input_title": "Ngày", "input_message": "Ngày/tháng/năm, ví dụ 05/01/2026.",
        "error_title": "Cần một ngày", "error_message": "Ghi ngày/tháng/năm, ví dụ 05/01/2026.",
    },
}  # fmt: skip


def _validate(ws: Any, first_row: int, first_col: int, last_row: int, last_col: int, slot: Slot, meta: _Meta) -> None:
    if slot.kind == "choice" and slot.choices:
        listed = ",".join(slot.choices)
        plain = len(listed) <= LIST_LIMIT and not any("," in choice or '"' in choice for choice in slot.choices)
        source: Any = list(slot.choices) if plain else meta.list_range(slot.choices)
        options = {
            "validate": "list", "source": source, "error_type": "stop",
            "input_title": "Chọn trong danh sách", "input_message": "Bấm vào mũi tên để chọn.",
            "error_title": "Chọn trong danh sách", "error_message": "Chọn một câu trả lời trong danh sách.",
        }  # fmt: skip
    elif slot.kind in VALIDATIONS:
        options = VALIDATIONS[slot.kind]
    else:
        return
    ws.data_validation(first_row, first_col, last_row, last_col, options)


def _lines(text: str, width: float) -> int:
    """How many lines a text takes in a wrapped cell this wide (about one character a unit of width)."""
    per_line = max(int(width * 1.05), 8)
    return sum(max(1, -(-len(line) // per_line)) for line in text.split("\n"))


def cell_name(sheet: str, row: int, col: int) -> str:
    """'Mẫu 01'!C7: a cell as Excel names it."""
    quoted = f"'{sheet}'" if not sheet.replace("_", "").isalnum() else sheet
    return f"{quoted}!{xl_rowcol_to_cell(row, col)}"
