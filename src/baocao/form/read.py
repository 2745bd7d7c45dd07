"""Read a filled form (python-calamine) into a unit's data, every value placed at its cell.

The hidden sheet gives the frame and what the đề cương asked; the plan is made again from
them (:mod:`baocao.form.layout`) and each input is read back to its place. The result is a
:class:`~baocao.load.source.Source` like a YAML file's: the schema and the checks run on it
unchanged, and every finding names its cell ('Mẫu 01'!C7). Totals shown by formulas are
never read: baocao computes them. A workbook is read within limits (its size, the size of
each sheet) and its text stays text.
"""

from __future__ import annotations

import functools
import io
import itertools
import json
import math
import os
import re
import stat
import struct
import zipfile
import zlib
from typing import Any

from baocao.blocks.cells import Column, Slot
from baocao.core.findings import Finding, Loc
from baocao.form import layout
from baocao.form.layout import META_SHEET, Input, Plan, Sheet, Table, put
from baocao.form.values import from_cell, written
from baocao.form.workbook import cell_name
from baocao.load.source import FORBIDDEN_IN_VALUE, MAX_BYTES, Source, legacy_word

MAX_ROWS, MAX_COLUMNS = 20_000, 200  # a form's sheet; more is a sheet scribbled far from the form
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
OLD_SUFFIXES = (".xls",)
MAX_UNZIPPED = 48 * 1024 * 1024
"""Bytes a workbook's parts may unzip to: a form is a few hundred kilobytes; a zip bomb is refused unread."""
MAX_TEXT = 16 * 1024 * 1024
"""Characters the cells of a workbook may hold in all (a shared text counted at each cell that shows it)."""
MAX_TAGS = 1_500_000
"""XML tags of a workbook's parts but its shared strings: a form with a table of 20,000 rows has about 700,000."""
MAX_KEPT = 4 * 1024 * 1024
"""Characters of the hidden sheet's frame: a form's is a few kilobytes."""
_ATTRIBUTES = rb"""((?:\s+[^\s=/>"'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>"""
"""A tag's attributes, each value quoted (it may hold '>', never '<'), and its end: '/>' or '>'."""
_MARK = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])" + _ATTRIBUTES)  # any prefix: calamine reads <x:c>
_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:row|c)[\s/>]")  # every row and cell, its attributes read or not
_REF = re.compile(rb"""\sr\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_PLACE = re.compile(rb"([A-Za-z]{0,3})([0-9]{0,7})")
_SHARED = re.compile(rb"""\st\s*=\s*["']s["']""")
_INDEX = re.compile(rb"\s*<(?:[A-Za-z_][\w.-]*:)?v>\s*(\d{1,9})\s*</")
_ODS_TAGS = rb"<(?:[A-Za-z_][\w.-]*:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])"
_ODS = re.compile(_ODS_TAGS + _ATTRIBUTES)
_ODS_OPEN = re.compile(_ODS_TAGS)
_REPEAT = re.compile(rb"""number-(rows|columns)-repeated\s*=\s*["'](\d{1,9})["']""")
_ROW_NUMBER = rb"0*(?:[1-9][0-9]{0,3}|1[0-9]{4}|20000)"  # 1 to MAX_ROWS, as a pattern
_REST = rb"""(?: (?!r=)[\w:.-]+="[^"<]*")*/?>"""  # the tag's other attributes as Excel writes them: none is r
_ASTRAY = re.compile(  # a cell or row that does not name its place first, once and plainly, or past GR or MAX_ROWS
    rb'<(?:c(?=[\s/>])(?! r="(?:[A-F]?[A-Z]|G[A-R])' + _ROW_NUMBER + b'"' + _REST + b")"
    rb'|row(?=[\s/>])(?! r="' + _ROW_NUMBER + b'"' + _REST + b")"
    rb"|[A-Za-z_][\w.-]*:(?:c|row)[\s/>])"  # <x:c …>: only the exact walk reads those
)
_ITEM = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si\b.*?</(?:[A-Za-z_][\w.-]*:)?si>|<(?:[A-Za-z_][\w.-]*:)?si\s*/>", re.S)


class _Cells:
    """The cells named so far: line n of the source is cell n."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.index: dict[str, int] = {}
        source.cells = []

    def line(self, sheet: str, row: int, col: int, shown: Any = "", label: str = "") -> int:
        name = _name(sheet, row, col)
        if name not in self.index:
            assert self.source.cells is not None
            text = _shown(shown)
            self.source.cells.append((name, f"«{label}»: {text}" if label else text))
            self.index[name] = len(self.source.cells)
        return self.index[name]

    def finding(self, sheet: str, row: int, col: int, code: str, params: dict[str, Any], shown: Any = "") -> Finding:
        return Finding(self.source.path, self.line(sheet, row, col, shown), 1, code, (), params)


_name = functools.lru_cache(maxsize=1 << 16)(cell_name)  # a province's forms name the same cells


def _shown(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        value = written(value)
    text = "" if value is None else str(value)
    return text if len(text) <= 200 else text[:200] + "…"


def read(path: str) -> tuple[Source, list[Finding]]:
    """Read a workbook; OSError propagates as for a YAML file (the caller says why it could not be read)."""
    source = Source(path, "")
    cells = _Cells(source)
    start = cells.line(layout.HEADER_SHEET, 0, 0)
    if path.lower().endswith(OLD_SUFFIXES):
        return source, [Finding(path, start, 1, "BC701")]
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", path)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(22, "not a regular file: a device, pipe or socket", path)
        if info.st_size > MAX_BYTES:
            size = {"size": f"{info.st_size / 1024 / 1024:.1f} MiB", "limit": f"{MAX_BYTES // 1024 // 1024} MiB"}
            return source, [Finding(path, start, 1, "BC007", params=size)]
        raw = handle.read(MAX_BYTES + 1)
    problem = _unbounded(raw)
    if problem is not None:
        return source, [Finding(path, start, 1, "BC702", params={"problem": problem})]
    from python_calamine import CalamineWorkbook  # the reader loads for a workbook only

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception as exc:
        problem = "không nhận ra dạng tệp" if not raw.startswith(b"PK") else f"tệp hỏng: {str(exc)[:120]}"
        return source, [Finding(path, start, 1, "BC702", params={"problem": problem.splitlines()[0]})]
    return source, _read_book(source, cells, book, start)


def _unbounded(raw: bytes) -> str | None:
    """Why a workbook is too large to read (None: it is not), checked on its zipped parts before calamine.

    Calamine would unzip a bomb whole, make a grid of every cell up to the farthest one named (a cell
    at XFD1048576 asks for half a terabyte) and copy a shared text into each cell that shows it.
    """
    try:
        book = zipfile.ZipFile(io.BytesIO(raw))
        parts: dict[str, bytes] = {}
        left = MAX_UNZIPPED
        for info in book.infolist():
            if info.is_dir():
                continue
            data = _unzipped(raw, info, left + 1)
            if data is None:
                with book.open(info) as member:
                    data = member.read(left + 1)
            left -= len(data)
            if left < 0:
                return f"giải nén ra quá {MAX_UNZIPPED // 1024 // 1024} MiB"
            if info.filename in parts:  # which copy calamine reads is not this check's to guess
                return f"tệp nén có hai phần cùng tên {info.filename[:60]}"
            parts[info.filename] = data
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError):
        return None  # not a zip calamine can read either: it says what the file is
    except (zlib.error, RuntimeError):
        return "tệp nén bị hỏng"
    if "content.xml" in parts:
        return _ods_unbounded(parts["content.xml"])
    strings = [data for name, data in parts.items() if name.lower().endswith("sharedstrings.xml")]
    longest = max(map(len, strings), default=0)  # no shared text is longer than its part
    shared: list[int] | None = None  # the length of each shared text (the longest of its copies), made when needed
    text = tags = 0
    for name, data in parts.items():
        if name.lower().endswith("sharedstrings.xml"):  # every other part: a sheet may be kept anywhere its rels say
            continue
        tags += data.count(b"<")
        if tags > MAX_TAGS:  # each is looked at in Python below: 11 million '<c/>' took 20 s
            return f"quá {MAX_TAGS:,} thẻ XML".replace(",", ".") + " cho một biểu mẫu"
        if _within(data, longest):
            continue
        if shared is None:
            lengths = [[len(item) for item in _ITEM.findall(part)] for part in strings]
            shared = [max(sizes) for sizes in itertools.zip_longest(*lengths, fillvalue=0)]
        if _within(data, max(shared, default=0)):
            continue
        problem, text = _walk(name.rsplit("/", 1)[-1], data, shared, text)
        if problem is not None:
            return problem
    return None


def _unzipped(raw: bytes, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """A part unzipped as calamine's reader does, at most ``limit`` bytes; None for a part it leaves to zipfile.

    The plain case (stored or deflated, not encrypted) is unzipped in one call: zipfile's reader costs
    twice as much for a form's twenty small parts. Its checksum is calamine's to check.
    """
    start = info.header_offset
    if info.flag_bits & 1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None
    if raw[start : start + 4] != b"PK\x03\x04" or len(raw) < start + 30:
        return None
    names, extra = struct.unpack("<HH", raw[start + 26 : start + 30])
    begin = start + 30 + names + extra
    packed = raw[begin : begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return packed[:limit]
    return zlib.decompressobj(-15).decompress(packed, limit)


def _walk(part: str, data: bytes, shared: list[int], text: int) -> tuple[str | None, int]:
    """Why a part's cells are too many, too far or too long (None: they are not), cell by cell as calamine reads them.

    ``text`` is the length of the shared texts shown by the parts walked before; it is returned with this one's.
    """
    row = col = rows = cols = seen = 0
    for match in _MARK.finditer(data):
        seen += 1
        refs = _REF.findall(match[2])
        if len(refs) > 1:  # calamine reads the last, a check the first: no reader's guess is taken
            return "tệp hỏng: một ô hay một dòng ghi hai địa chỉ", text
        place = _PLACE.fullmatch(refs[0][0] or refs[0][1]) if refs else None
        if refs and place is None:
            return "tệp hỏng: địa chỉ ô không đọc được", text
        letters, number = (place[1].upper(), place[2]) if place else (b"", b"")
        if match[1] == b"row":
            row, col = int(number) if number else row + 1, 0
            continue
        col = sum((c - 64) * 26**i for i, c in enumerate(reversed(letters))) if letters else col + 1
        row = int(number) if number else row
        shows = _INDEX.match(data, match.end()) if _SHARED.search(match[2]) else None
        if shows is not None and int(shows[1]) < len(shared):
            text += shared[int(shows[1])]
            if text > MAX_TEXT:  # a text written inline is bounded by its part's own size
                return "các ô chứa quá nhiều chữ cho một biểu mẫu", text
        if not match[3]:  # a cell only formatted (<c r="H9" s="3"/>) holds nothing
            rows, cols = max(rows, row), max(cols, col)
        if rows > MAX_ROWS or cols > MAX_COLUMNS:
            return f"trang tính {part} dùng tới {rows} dòng, {cols} cột: quá lớn cho một biểu mẫu", text
    if seen != len(_OPEN.findall(data)):
        return "tệp hỏng: thẻ ô không đọc được", text
    return None, text


def _within(data: bytes, widest: int) -> bool:
    """True when a part is plainly within a form's bounds, found by one scan in C.

    Every row and cell names its place first, as Excel, Calc and XlsxWriter write it
    (``<c r="B7"``), none past the limits, and its cells of shared text could not hold more than
    the limit even at the widest text: the common case. A part it does not clear is walked cell by
    cell (:func:`_unbounded`), which is exact and slower.
    """
    if _ASTRAY.search(data):
        return False
    return widest == 0 or data.count(b'<c r="') * widest <= MAX_TEXT or len(_SHARED.findall(data)) * widest <= MAX_TEXT


def _ods_unbounded(content: bytes) -> str | None:
    """Why an OpenDocument sheet is too large: its farthest cell with content, repeats counted (None: it is not).

    LibreOffice writes a million empty rows after a sheet's last, repeated; a cell after them had
    calamine make a grid of a million rows (4 GB for 60 columns).
    """
    if content.count(b"<") > MAX_TAGS:
        return f"quá {MAX_TAGS:,} thẻ XML".replace(",", ".") + " cho một biểu mẫu"
    row = col = rows = cols = seen = 0
    for match in _ODS.finditer(content):
        seen += 1
        kind, attributes, closed = match[1], match[2], match[3] == b"/"
        repeats = [int(count) for _, count in _REPEAT.findall(attributes)]  # written twice: the larger
        times = min(max(repeats), 10**7) if repeats else 1
        if kind == b"table":
            row = 0
        elif kind == b"table-row":  # a repeated row with content: its last copy is the farthest
            row, col = row + times, 0
        else:
            col += times
            if not closed or b"value-type" in attributes:
                rows, cols = max(rows, row), max(cols, col)
                if rows > MAX_ROWS or cols > MAX_COLUMNS:
                    return f"trang tính dùng tới {rows} dòng, {cols} cột: quá lớn cho một biểu mẫu"
    if seen != len(_ODS_OPEN.findall(content)):
        return "tệp hỏng: thẻ ô không đọc được"
    return None


def _read_book(source: Source, cells: _Cells, book: Any, start: int) -> list[Finding]:
    path = source.path
    if META_SHEET not in book.sheet_names:
        return [Finding(path, start, 1, "BC703", params={"sheet": META_SHEET})]
    meta = _grid(book.get_sheet_by_name(META_SHEET))
    if meta is None:
        return [Finding(path, start, 1, "BC704", params={"sheet": META_SHEET, "problem": "quá lớn"})]
    fields = {str(row[0]): str(row[1]) if len(row) > 1 else "" for row in meta[:5] if row}
    outline, digest = fields.get("outline") or None, fields.get("outline_digest") or None
    problem = _meta_problem(fields)
    text = ""
    if problem is None:
        try:
            text = "".join(str(meta[5 + i][1]) for i in range(int(fields["chunks"])))
        except (ValueError, IndexError):
            problem = "không đọc được khung biểu mẫu"
    if problem is None and len(text) > MAX_KEPT:
        problem = "khung biểu mẫu quá lớn"
    if problem is None and layout.digest_of(text, outline, digest) != fields.get("digest"):
        problem = "mã kiểm tra không khớp"
    made = _planned(text, outline, digest) if problem is None else None
    if made is not None and not _named(made.frame):
        made, problem = None, "đề cương được gọi bằng đường dẫn ra ngoài thư mục của biểu mẫu"
    if made is None:
        return [Finding(path, start, 1, "BC704", params={"sheet": META_SHEET, "problem": problem or "sai dạng"})]
    source.data = made.frame
    source.marks[()] = (start, 1)
    source.marks[("document", "outline")] = (start, 1)
    source.made_from = digest
    findings: list[Finding] = []
    for sheet in made.sheets:
        findings += _read_sheet(source, cells, book, sheet, made)
    return findings


PLANS: dict[str, list[Sheet]] = {}
"""The sheets of the plans made so far, by the text their form keeps: a province's hundred copies of one form
are planned once (each has its own frame, read from its own text)."""
PLANS_KEPT = 16


def _planned(text: str, outline: str | None, digest: str | None) -> Plan | None:
    """The plan of a form from what its hidden sheet keeps (its digest checked); None when that is not a frame."""
    try:
        kept = json.loads(text)
        frame, asked, about = kept["frame"], kept.get("asked") or {}, kept.get("about") or []
        if not isinstance(frame, dict) or not isinstance(asked, dict) or not isinstance(about, list):
            return None
        about = [str(line) for line in about]
        sheets = PLANS.get(text)
        if sheets is not None:
            return Plan(sheets, frame, asked, outline, digest, about)
        made = layout.plan(frame, asked, outline, digest, about, framed=True)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, RecursionError):
        return None
    if len(PLANS) >= PLANS_KEPT:
        PLANS.pop(next(iter(PLANS)))
    PLANS[text] = made.sheets
    return made


def _named(frame: dict[str, Any]) -> bool:
    """True when the frame names its đề cương by id or by a path inside the workbook's folder.

    A unit may name its đề cương by a path from its folder (``new`` writes one), and its form keeps
    it. But the digest is no secret: an absolute path or one climbing out with '..' in a forged frame
    would have the officer's machine read a file of the sender's choosing.
    """
    document = frame.get("document")
    name = document.get("outline") if isinstance(document, dict) else None
    if not isinstance(name, str):
        return True
    parts = name.split("/")
    return not (set(name) & set("\\:\0") or name.startswith("/") or ".." in parts or "~" in name[:1])


def _meta_problem(fields: dict[str, str]) -> str | None:
    if fields.get("baocao-form") != layout.FORM_VERSION:
        return f"phiên bản biểu mẫu '{fields.get('baocao-form', '')[:20]}', cần '{layout.FORM_VERSION}'"
    if not fields.get("digest") or not fields.get("chunks", "").isdigit() or int(fields["chunks"]) > 2000:
        return "thiếu mã kiểm tra"
    return None


def _grid(sheet: Any) -> list[list[Any]] | None:
    """A sheet's values as rows, or None when it is too large to be a form's."""
    if sheet.total_height > MAX_ROWS or sheet.total_width > MAX_COLUMNS:
        return None
    rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
    return rows


def _read_sheet(source: Source, cells: _Cells, book: Any, sheet: Sheet, made: Plan) -> list[Finding]:
    if sheet.name not in book.sheet_names:
        return [cells.finding(layout.HEADER_SHEET, 0, 0, "BC712", {"sheet": sheet.name})]
    own = book.get_sheet_by_name(sheet.name)
    values = _grid(own)
    if values is None:
        params = {"sheet": sheet.name, "rows": own.total_height, "cols": own.total_width}
        return [cells.finding(sheet.name, 0, 0, "BC713", params)]

    def at(row: int, col: int) -> Any:
        return values[row][col] if row < len(values) and col < len(values[row]) else ""

    for write in sheet.checked:  # a form moved by an inserted or deleted row is not read askew
        found = at(write.row, write.col)
        expected = write.value if isinstance(write.value, str) else str(write.value)
        if found != expected and _norm(found) != _norm(expected):
            params = {"expected": expected[:80], "found": str(found)[:80]}
            return [cells.finding(sheet.name, write.row, write.col, "BC706", params, found)]
    findings: list[Finding] = []
    for (top, left), (bottom, right) in own.merged_cell_ranges or []:
        if (top, left, bottom, right) not in sheet.merges:
            name = f"{cell_name(sheet.name, top, left)}:{cell_name(sheet.name, bottom, right).split('!')[1]}"
            findings.append(cells.finding(sheet.name, top, left, "BC707", {"range": name}, at(top, left)))
    known: frozenset[tuple[int, int]] | set[tuple[int, int]] = sheet.known
    if sheet.table is not None and not sheet.table.grid.fixed:  # an open table's rows are known as they are read
        known = set(known)
        findings += _open_rows(source, cells, sheet.name, sheet.table, values, known, at)
    else:
        for cell in sheet.inputs:
            if cell.at:
                findings += _put_cell(source, cells, sheet.name, cell, cell.at, at)
    for row, line in enumerate(values):
        for col, value in enumerate(line):
            if value != "" and value is not None and (row, col) not in known:
                params = {"text": _shown(value)[:60]}
                findings.append(cells.finding(sheet.name, row, col, "BC711", params, value))
    return findings


def _norm(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _put_cell(source: Source, cells: _Cells, sheet: str, cell: Input, path: Loc, at: Any) -> list[Finding]:
    raw = at(cell.row, cell.col)
    if cell.slot.kind == "count_of_total":
        count, total = (
            from_cell(cell.slot._replace(kind="integer"), raw),
            from_cell(cell.slot._replace(kind="integer"), at(cell.row, cell.col + 1)),
        )
        value = None if count.value is None and total.value is None else f"{count.value or ''}/{total.value or ''}"
        notes = [n for n in (count.note, total.note) if n]
    else:
        read = from_cell(cell.slot, raw)
        value, notes = read.value, [read.note] if read.note else []
    line = cells.line(sheet, cell.row, cell.col, raw, cell.label)
    source.marks[path] = (line, 1)
    if value is None and not notes:  # a cell left blank: nothing to say, nothing to put
        return []
    findings = [Finding(source.path, line, 1, _CODES[code], path, params) for code, params in notes if code in _CODES]
    if isinstance(value, str) and (word := legacy_word(value)):
        findings.append(Finding(source.path, line, 1, "BC001", path, {"variant": "legacy_font", "text": word}))
    texts = value if isinstance(value, list) else [value]
    if bad := next((m for t in texts if isinstance(t, str) and (m := FORBIDDEN_IN_VALUE.search(t))), None):
        # a control character a unit's file may not hold (nor a DOCX): an error at its cell, the value not kept
        findings.append(Finding(source.path, line, 1, "BC008", path, {"char": f"U+{ord(bad.group()):04X}"}))
        return findings
    if value is not None:
        put(source.data, path, value)
    return findings


_CODES = {"number_as_text": "BC708", "ambiguous_number": "BC709", "percent_fraction": "BC710"}


def _open_rows(
    source: Source, cells: _Cells, sheet: str, table: Table, values: list[list[Any]], known: set[Any], at: Any
) -> list[Finding]:
    """The rows of an open grid, read down to the sheet's last row: blank rows are left out."""
    findings: list[Finding] = []
    rows: list[Any] = []
    put(source.data, table.at, rows)
    for row in range(table.first_row, len(values)):
        if at(row, 0) == layout.TOTAL_ROW:
            known.update((row, col) for col in range(len(values[row])))
            continue
        filled = [
            (col, column)
            for col, column in table.columns
            if at(row, col) not in ("", None)
            or (column.kind == "count_of_total" and at(row, col + 1) not in ("", None))
        ]
        for col, column in table.columns:
            known.update({(row, col), (row, col + 1)} if column.kind == "count_of_total" else {(row, col)})
        known.add((row, 0))
        if not filled:
            continue
        index = len(rows)
        width = max((int(c.field) for _, c in table.columns if isinstance(c.field, int)), default=-1) + 1
        rows.append([None] * width if table.grid.as_lists else {})
        source.marks[(*table.at, index)] = (cells.line(sheet, row, 1, at(row, 1)), 1)
        for col, column in table.columns:
            label = f"{table.label} › {column.title}"
            cell = Input(sheet, row, col, _slot(column), (*table.at, index, column.field), label)
            findings += _put_cell(source, cells, sheet, cell, cell.at, at)
    return findings


def _slot(column: Column) -> Slot:
    return Slot((), column.kind, column.choices)
