"""Blocks and the document header -> the bytes of a Decree 30 DOCX.

The page is A4 portrait with margins 20/20/30/15 mm; the header is a
borderless two-column table; the body uses the named styles of
:mod:`baocao.write.basedoc`; Nơi nhận stands beside the signature; page numbers are
centred in the header from page 2. The bytes depend on the input only.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from copy import deepcopy
from typing import Any

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

from baocao.core import vietnamese as vn
from baocao.report.document import Document, Form, is_archive_line
from baocao.write import footnotes, layout, metrics, ooxml
from baocao.write.basedoc import base_package
from baocao.write.markup import Annex, Block, Heading, Paragraph, Row, Run, Table

TEXT_WIDTH_CM = 16.5  # 210 mm - 30 mm - 15 mm
LANDSCAPE_WIDTH_CM = 25.2  # 297 mm - 30 mm - 15 mm
CELL_MARGINS_CM = 0.3  # left + right cell margins of the base table styles
HEADER_COLUMNS_CM = (6.8, 9.7)  # the narrowest left column, and the right one beside it
HEADER_MAX_CM = 17.5  # the widest header of issued documents, reaching into the left margin
HEADER_SLACK_CM = 0.4  # room beside the longest header line for the estimate of its width
TITLE_SLACK_CM = 1.0  # room beside the trích yếu lines, so the renderer never wraps them again
CLOSING_COLUMNS_CM = (7.0, 9.5)
CLOSING_GAP_PT = 12  # between the closing paragraph and Nơi nhận / the signature block
AFTER_TABLE_PT = 12  # above the paragraph or table that follows a table
ADDRESSEE_LABEL_CM = 5.5  # "Kính gửi:" right-aligned in this much, the addressees beside it
MOTTO = "Độc lập - Tự do - Hạnh phúc"
MAX_KEPT = 8  # the longest run of table rows kept together: a longer chain is cut so that the table can break
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
PARTY_AUTHORITY = (("TM. ", "T/M "), ("KT. ", "K/T "), ("TL. ", "T/L "), ("TUQ. ", "T/UQ "))
"""A Party body signs with a slash: "T/M BAN THƯỜNG VỤ", where a State body writes "TM."."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CORE_LIMIT = 255  # characters of a core property (title, author)
HEADING_STYLES = {1: "BCHeading1", 2: "BCHeading2", 3: "BCHeading3", 4: "BCHeading4"}
PARAGRAPH_STYLES = {"body": "Normal", "bullet": "Normal", "bullet2": "Normal", "star": "BCStar", "note": "BCNote"}
BULLET_MARKS = {"bullet": "- ", "bullet2": "+ ", "star": "* "}
BOLD_ROLES = ("header", "group", "total")
SUB_MARKS = ("-", "+", "*")  # the first cell of a row that is part of the item above it
COMPACT_PT = 12  # text of a compact table (one row per unit of a rolled-up report), without spacing
HEADER_LINES = 3  # a header cell is widened rather than set in more lines than this, where the table has room
HEADER_SHARE = 0.4  # … up to this share of the table's width
DOCUMENT_PART = "word/document.xml"
BODY_OPEN = f"<w:body {ooxml.NS}>".encode()  # as lxml writes the body element parsed on its own


def runs(items: Sequence[Run], bold: bool = False, size: float | None = None) -> list[str]:
    """Runs of the blocks as XML, optionally all bold or of another size (points); a footnote's mark before its text."""
    out = []
    for item in items:
        if item.note:
            out.append(footnotes.reference(item.number))
        if item.text:
            out.append(ooxml.run(item.text, item.bold or bold, item.italic, size))
    return out


def notes(blocks: Sequence[Block]) -> list[str]:
    """The text of the footnotes, in their numbers' order: of the body, then of the annexes."""
    found = [
        run
        for block in blocks
        for inner in (block.blocks if isinstance(block, Annex) else (block,))
        for run in _runs_of(inner)
        if run.note
    ]
    return [run.note for run in sorted(found, key=lambda run: run.number)]


def _runs_of(block: Block) -> list[Run]:
    if isinstance(block, (Heading, Paragraph)):
        return list(block.runs)
    if isinstance(block, Table):
        return [run for row in block.rows for cell in row.cells for run in cell.runs]
    return []


def rule(width_cm: float, space_cm: float, after_pt: float | None = None) -> str:
    """A solid centred rule ``width_cm`` long: a bordered empty paragraph indented on both sides."""
    side = max(0.0, (space_cm - CELL_MARGINS_CM - width_cm) / 2)
    return ooxml.paragraph("BCRule", indent_cm=(side, side), border_bottom=True, after_pt=after_pt)


def header_columns(meta: Document) -> tuple[tuple[float, float], list[str], list[str]]:
    """Column widths of the header and the lines of the parent and issuing bodies.

    The left column is as wide as its longest line (names broken only between
    phrases), the right one wide enough for the Quốc hiệu on one line; the two
    together may reach 1 cm into the left margin, as issued documents do.
    """
    right_min = metrics.width_cm(NATION, 12, bold=True) + CELL_MARGINS_CM + HEADER_SLACK_CM
    left_max = HEADER_MAX_CM - right_min
    room = left_max - CELL_MARGINS_CM - HEADER_SLACK_CM
    parent = layout.name_lines(meta.parent_body.upper(), room, 13, bold=False) if meta.parent_body else []
    issuing = layout.name_lines(meta.issuing_body.upper(), room, 13, bold=True)
    widest = max(
        [metrics.width_cm(line, 13, bold=True) for line in issuing]
        + [metrics.width_cm(line, 13) for line in [*parent, meta.number_line]]
    )
    left = min(max(widest + CELL_MARGINS_CM + HEADER_SLACK_CM, HEADER_COLUMNS_CM[0]), left_max)
    right = max(right_min, TEXT_WIDTH_CM - left)
    return (left, right), parent, issuing


def header(meta: Document) -> str:
    """The header table: bodies and rule | nation, motto and rule; then number | place and date on one level."""
    (left_width, right_width), parent, issuing = header_columns(meta)
    left = [ooxml.paragraph("BCHead", [ooxml.run("\n".join(parent))])] if parent else []
    left.append(ooxml.paragraph("BCHead", [ooxml.run("\n".join(issuing), bold=True)]))
    widths = [min(metrics.width_cm(line, 13, bold=True), left_width - CELL_MARGINS_CM) for line in issuing]
    left.append(rule(layout.rule_cm(widths), left_width))
    right = [
        ooxml.paragraph("BCHead", [ooxml.run(NATION, bold=True, size=12)]),
        ooxml.paragraph("BCHead", [ooxml.run(MOTTO, bold=True)]),
        rule(metrics.width_cm(MOTTO, 13, bold=True), right_width),
    ]
    return header_table(meta, (left_width, right_width), left, right)


def header_table(meta: Document, widths: tuple[float, float], left: list[str], right: list[str]) -> str:
    """The two columns of the header: ``left`` | ``right`` above, then number | place and date on one level."""
    left_width, right_width = widths
    top = [ooxml.cell(left_width, left), ooxml.cell(right_width, right)]
    level = [
        ooxml.cell(left_width, number_cell(meta)),
        ooxml.cell(right_width, [ooxml.paragraph("BCHead", [ooxml.run(meta.date_line, italic=True)], before_pt=6)]),
    ]
    outdent = min(HEADER_MAX_CM - TEXT_WIDTH_CM, max(0.0, left_width + right_width - TEXT_WIDTH_CM))
    rows = [ooxml.row(top, cant_split=True), ooxml.row(level, cant_split=True)]
    return ooxml.table((left_width, right_width), rows, indent_cm=-outdent)


def number_cell(meta: Document) -> list[str]:
    """The number line; under it, for a report sent as a công văn, its trích yếu "V/v …" (12 pt, 6 pt below)."""
    cell = [ooxml.paragraph("BCHead", [ooxml.run(meta.number_line)], before_pt=6)]
    if meta.form == Form.DISPATCH:
        cell.append(ooxml.paragraph("BCHead", [ooxml.run(f"V/v {meta.subject}", size=12)], before_pt=6))
    return cell


def party_header(meta: Document) -> str:
    """A Party body's header: the committee above and the body with "*" under it | ĐẢNG CỘNG SẢN VIỆT NAM, ruled.

    Then "Số 45-BC/HU" | place and date on one level, as a State body's header has them.
    """
    (left_width, right_width), parent, issuing = header_columns(meta)
    left = [ooxml.paragraph("BCHead", [ooxml.run("\n".join(parent))])] if parent else []
    left.append(ooxml.paragraph("BCHead", [ooxml.run("\n".join(issuing), bold=True)]))
    left.append(ooxml.paragraph("BCHead", [ooxml.run("*")]))
    right = [
        ooxml.paragraph("BCHead", [ooxml.run(PARTY, bold=True, size=14)]),
        rule(metrics.width_cm(PARTY, 14, bold=True), right_width),
    ]
    return header_table(meta, (left_width, right_width), left, right)


def first_page(meta: Document) -> Iterator[str]:
    """Page 1 above the body: the header, "BÁO CÁO" and the trích yếu, then "Kính gửi".

    The header is a Party body's or a State body's; a công văn has its "V/v …" in the header, no title.
    """
    yield party_header(meta) if meta.party else header(meta)
    if meta.form == Form.DISPATCH:
        if meta.subtitle:
            yield ooxml.paragraph("BCHead", [ooxml.run(meta.subtitle, italic=True)], before_pt=12)
    else:
        yield from title(meta)
    yield from addressees(meta)


def addressees(meta: Document) -> Iterator[str]:
    """One addressee centred, "Kính gửi: Sở Thông tin và Truyền thông."; several one a line beside "Kính gửi:"."""
    names = [name.strip().removeprefix("-").strip().rstrip(";.").strip() for name in meta.addressed_to]
    names = [name for name in names if name]
    if len(names) == 1:
        yield ooxml.paragraph("BCHead", [ooxml.run(f"Kính gửi: {names[0]}.", size=14)], before_pt=12, after_pt=12)
    elif names:
        lines = [f"- {name}{'.' if index == len(names) - 1 else ';'}" for index, name in enumerate(names)]
        label = ooxml.paragraph("BCHead", [ooxml.run("Kính gửi:", size=14)], align="right")
        listed = [ooxml.paragraph("BCHead", [ooxml.run(line, size=14)], align="left") for line in lines]
        widths = (ADDRESSEE_LABEL_CM, TEXT_WIDTH_CM - ADDRESSEE_LABEL_CM)
        cells = [ooxml.cell(widths[0], [label]), ooxml.cell(widths[1], listed)]
        yield ooxml.paragraph("BCHead", [], after_pt=0)
        yield ooxml.table(widths, [ooxml.row(cells)])
        yield ooxml.paragraph("BCHead", [], after_pt=6)


def signer_lines(meta: Document) -> list[str]:
    """The lines above the signature; a Party body's with a slash ("T/M BAN THƯỜNG VỤ")."""
    if not meta.party:
        return meta.signature_lines
    lines = []
    for line in meta.signature_lines:
        for state, party in PARTY_AUTHORITY:
            if line.startswith(state):
                line = party + line.removeprefix(state)
                break
        lines.append(line)
    return lines


def title(meta: Document) -> Iterator[str]:
    """Written as "BÁO CÁO", the trích yếu in bold with its rule right below it, then an optional subtitle.

    The trích yếu is set in the fewest lines; its rule is 1/3-1/2 of the longest.
    """
    lines = layout.title_lines(vn.capitalize(meta.subject), TEXT_WIDTH_CM - TITLE_SLACK_CM, 14, bold=True)
    yield ooxml.paragraph("BCTitle", [ooxml.run("BÁO CÁO")], before_pt=18, keep_next=True)
    yield ooxml.paragraph("BCTitle", [ooxml.run("\n".join(lines))], keep_next=True)
    length = layout.rule_cm([min(metrics.width_cm(line, 14, bold=True), TEXT_WIDTH_CM) for line in lines])
    if meta.subtitle:
        yield rule(length, TEXT_WIDTH_CM + CELL_MARGINS_CM, after_pt=6)
        yield ooxml.paragraph("BCHead", [ooxml.run(meta.subtitle, italic=True)], after_pt=12)
    else:
        yield rule(length, TEXT_WIDTH_CM + CELL_MARGINS_CM, after_pt=12)


def body(blocks: Sequence[Block], width_cm: float = TEXT_WIDTH_CM, keep_last: bool = False) -> Iterator[str]:
    """The blocks of the template, in order; annexes are set apart by :func:`annexes`.

    With ``keep_last`` the last block keeps with what follows it: the closing
    paragraph stays on the page of Nơi nhận and the signature.
    """
    shown = [block for block in blocks if not isinstance(block, Annex)]
    after_table = False  # a table, and the lines under it ("(Bằng chữ: …)"), are just above
    for index, block in enumerate(shown):
        keep = keep_last and index == len(shown) - 1
        note = isinstance(block, Paragraph) and block.kind == "note"
        gap = AFTER_TABLE_PT if after_table and not note else None
        after_table = isinstance(block, Table) or (after_table and note)
        if isinstance(block, Heading):
            content = [ooxml.run(block.number + " "), *runs(block.runs)]
            yield ooxml.paragraph(HEADING_STYLES[block.level], content, before_pt=gap)
        elif isinstance(block, Paragraph):
            mark = BULLET_MARKS.get(block.kind, "")
            content = ([ooxml.run(mark)] if mark else []) + runs(block.runs)
            keep = keep or _introduces(block, shown[index + 1] if index + 1 < len(shown) else None)
            style = PARAGRAPH_STYLES[block.kind]
            yield ooxml.paragraph(style, content, align=block.align, keep_next=keep, before_pt=gap)
        elif isinstance(block, Table):
            yield from table(block, width_cm, keep_last=keep, before_pt=gap)


def table(
    block: Table, width_cm: float = TEXT_WIDTH_CM, keep_last: bool = False, before_pt: float | None = None
) -> Iterator[str]:
    """A bordered table with its unit line; header rows repeat, rows never split.

    The unit line and the header rows keep with the first body row (header rows
    repeat, so LibreOffice never leaves them alone at the foot of a page); a group
    row keeps with its first item, as does an item with its first part ("-" row),
    and the last row (the total) never stands alone. The first body row does not
    keep with the next: LibreOffice then prints a long table's first rows and drops
    the rest. No run of kept rows is longer than :data:`MAX_KEPT` (a table chained
    whole cannot break at all). A column empty in every body row is narrowed to
    its header, giving its room to the others.
    """
    if block.unit:
        unit = [ooxml.run(f"Đơn vị tính: {block.unit}")]
        yield ooxml.paragraph("BCUnit", unit, keep_next=True, before_pt=before_pt)
    columns = max(sum(cell.span for cell in row.cells) for row in block.rows)
    widths = _fit_headers(block, _narrow_empty(block, _scale(block.widths or (1.0,) * columns, columns, width_cm)))
    gap, size = (0, COMPACT_PT) if block.compact else (None, None)
    rows = []
    merged_below = [_merged_columns(following) for following in [*block.rows[1:], None]]
    for number, (row, keep) in enumerate(zip(block.rows, _keeps(block, keep_last), strict=True)):
        cells, column = [], 0
        for spec in row.cells:
            width = sum(widths[column : column + spec.span])
            align = "center" if row.role == "header" else spec.align
            text = runs(spec.runs, bold=row.role in BOLD_ROLES, size=size)
            content = ooxml.paragraph("BCTable", text, align=align, keep_next=keep, before_pt=gap, after_pt=gap)
            merge = "continue" if spec.merged else "restart" if column in merged_below[number] else ""
            cells.append(ooxml.cell(width, [content], spec.span, merge))
            column += spec.span
        rows.append(ooxml.row(cells, header=row.role == "header"))
    yield ooxml.table(widths, rows, style="BCGrid", center=True)


def _keeps(block: Table, keep_last: bool) -> list[bool]:
    """Which rows keep with the next: headers, groups, items with parts, the row above the total; chains cut."""
    keeps = []
    for number, row in enumerate(block.rows):
        if number == len(block.rows) - 1:
            keeps.append(keep_last)
            continue
        keep = row.role in ("header", "group") or number == len(block.rows) - 2  # the total never stands alone
        keeps.append(keep or _first_text(block.rows[number + 1]) in SUB_MARKS)  # an item with its parts
    run = 0
    for number, keep in enumerate(keeps):
        run = run + 1 if keep else 0
        if run > MAX_KEPT and block.rows[number].role != "header":
            keeps[number], run = False, 0
    return keeps


def _merged_columns(row: Row | None) -> set[int]:
    """The columns at which a cell of ``row`` continues the cell above it."""
    found, column = set(), 0
    for spec in row.cells if row is not None else ():
        if spec.merged:
            found.add(column)
        column += spec.span
    return found


def _introduces(paragraph: Paragraph, following: Block | None) -> bool:
    """True for a paragraph that leads into the table after it ("… như sau:", "(Mẫu 01):", a centred title)."""
    text = "".join(run.text for run in paragraph.runs).rstrip()
    return isinstance(following, Table) and (text.endswith(":") or paragraph.align == "center")


def _first_text(row: Row) -> str:
    return "".join(run.text for run in row.cells[0].runs).strip() if row.cells else ""


def _narrow_empty(block: Table, widths: list[float]) -> list[float]:
    """Widths with each column that no body cell of its own fills cut to its header's longest word.

    Cells spanning several columns (a group's name, "Tổng cộng") fill none of
    them; the room taken from empty columns goes to the others by their widths.
    """
    filled = [False] * len(widths)
    heads: list[str] = [""] * len(widths)
    for row in block.rows:
        column = 0
        for spec in row.cells:
            text = "".join(run.text for run in spec.runs).strip()
            if spec.span == 1 and column < len(widths):
                if row.role == "header":
                    heads[column] = text
                elif text:
                    filled[column] = True
            column += spec.span
    if all(filled) or not any(filled):
        return widths
    narrow = list(widths)
    for column, used in enumerate(filled):
        if not used:
            word = max((metrics.width_cm(w, 13, bold=True) for w in heads[column].split()), default=0.0)
            narrow[column] = min(widths[column], max(word + CELL_MARGINS_CM + 0.2, 1.0))
    freed = sum(widths) - sum(narrow)
    share = sum(w for w, used in zip(narrow, filled, strict=True) if used)
    return [w + freed * w / share if used else w for w, used in zip(narrow, filled, strict=True)]


def _fit_headers(block: Table, widths: list[float]) -> list[float]:
    """Widths with no header cell set in more than :data:`HEADER_LINES` lines where the table has room.

    A long header ("Kinh phí nếu có (bao nhiêu, đã cấp theo QĐ nào …)") over a
    column given little room would stand a word a line; its column is widened to
    what it needs (at most :data:`HEADER_SHARE` of the table) and the room is taken
    from the columns that have more than their own contents need, by their slack.
    """
    total = sum(widths)
    needs = [CELL_MARGINS_CM] * len(widths)
    for row in block.rows:
        column = 0
        for spec in row.cells:
            if spec.span == 1 and column < len(widths):
                text = "".join(run.text for run in spec.runs).strip()
                bold = row.role in BOLD_ROLES or row.role == "header"
                word = max((metrics.width_cm(w, 13, bold=bold) for w in text.split()), default=0.0)
                lines = HEADER_LINES if row.role == "header" else 2 * HEADER_LINES
                need = max(word, min(metrics.width_cm(text, 13, bold=bold) / lines, HEADER_SHARE * total))
                needs[column] = max(needs[column], need + CELL_MARGINS_CM + 0.05)
            column += spec.span
    short = sum(max(0.0, need - width) for need, width in zip(needs, widths, strict=True))
    slack = [max(0.0, width - need) for need, width in zip(needs, widths, strict=True)]
    if short <= 0.05 or sum(slack) <= short:
        return widths
    return [
        max(width, need) - (short * free / sum(slack) if free else 0.0)
        for need, width, free in zip(needs, widths, slack, strict=True)
    ]


def annex_names(blocks: Sequence[Block]) -> list[str]:
    """The names of the annexes: "Phụ lục" alone, or "Phụ lục I", "Phụ lục II", … when there are several."""
    count = sum(isinstance(block, Annex) for block in blocks)
    return ["Phụ lục"] if count == 1 else [f"Phụ lục {vn.roman(n)}" for n in range(1, count + 1)]


def annex_reference(blocks: Sequence[Block], kind: str = "Báo cáo") -> Paragraph | None:
    """The body's sentence naming its annexes, as "Chi tiết tại Phụ lục I (…) và Phụ lục II (…) kèm theo …".

    None when there is no annex, or when the body already names each one.
    """
    found = [block for block in blocks if isinstance(block, Annex)]
    if not found:
        return None
    names = annex_names(blocks)
    text = " ".join(run.text for block in blocks if isinstance(block, Paragraph) for run in block.runs).lower()
    if all(re.search(re.escape(name.lower()) + r"(?![ivxlcdm])", text) for name in names):
        return None
    parts = [
        f"{name} ({vn.in_sentence(annex.title)})" if annex.title else name
        for name, annex in zip(names, found, strict=True)
    ]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]
    return Paragraph("body", (Run(f"Chi tiết tại {listed} kèm theo {kind} này."),), None)


def with_reference(blocks: Sequence[Block], kind: str = "Báo cáo") -> list[Block]:
    """The blocks with the sentence naming the annexes at the end of the first part ("I."), whose figures they detail.

    Never before heading I: with one part or none it goes before the closing paragraph (the last one).
    """
    out = list(blocks)
    reference = annex_reference(blocks, kind)
    if reference is None:
        return out
    shown = [index for index, block in enumerate(out) if not isinstance(block, Annex)]
    top = _top_level(out)
    tops = [i for i in shown if isinstance(heading := out[i], Heading) and heading.level == top]
    last = next((i for i in reversed(shown) if isinstance(out[i], Paragraph)), None)
    place = tops[1] if len(tops) > 1 else last if last is not None else (shown[-1] + 1 if shown else 0)
    out.insert(place, reference)
    return out


def _top_level(blocks: Sequence[Block]) -> int:
    """The level of the outermost headings of the body."""
    return min((block.level for block in blocks if isinstance(block, Heading)), default=1)


def annex_line(meta: Document) -> str:
    """The line under an annex's name: "(Kèm theo Báo cáo số 05/BC-UBND ngày 05/01/2024 của UBND …)".

    A blank number or date stays blank for the văn thư, with "tháng" and "năm" in place.
    """
    number = meta.numbered
    date = f"ngày {vn.date_short(meta.date)}" if meta.date else meta.blank_date
    return f"(Kèm theo {meta.kind_name} số {number} {date} của {meta.short_name})"


def annexes(meta: Document, blocks: Sequence[Block]) -> list[tuple[Annex, list[str]]]:
    """Each annex with its content: its name, the reference line, title and blocks."""
    found = [block for block in blocks if isinstance(block, Annex)]
    reference = annex_line(meta)
    out = []
    for annex, name in zip(found, annex_names(blocks), strict=True):
        width = LANDSCAPE_WIDTH_CM if annex.landscape else TEXT_WIDTH_CM
        room = width - TITLE_SLACK_CM
        line = "\n".join(layout.title_lines(reference, room, 14, bold=False))
        heading = "\n".join(layout.title_lines(annex.title.upper(), room, 14, bold=True))
        content = [
            ooxml.paragraph("BCTitle", [ooxml.run(name)], keep_next=True),
            ooxml.paragraph("BCHead", [ooxml.run(line, italic=True, size=14)], after_pt=6, keep_next=True),
            ooxml.paragraph("BCTitle", [ooxml.run(heading)], after_pt=12, keep_next=True),
            *body(annex.blocks, width),
        ]
        out.append((annex, content))
    return out


def _section(main: Any, annex: Annex | None) -> Any:
    """A copy of the main section's properties; an annex's numbers its pages from 1, landscape when wide."""
    section = deepcopy(main)
    if annex is None:
        return section
    size = section.find(qn("w:pgSz"))
    if annex.landscape:
        size.set(qn("w:w"), "16838")
        size.set(qn("w:h"), "11906")
        size.set(qn("w:orient"), "landscape")
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section.find(qn("w:pgMar")).addnext(numbering)  # the schema's order: pgSz, pgMar, …, pgNumType
    return section


def closing(meta: Document) -> str:
    """Nơi nhận on the left, the signature block on the right, 12 pt below the closing paragraph.

    A placeholder for the signer's name ("(họ và tên)") is printed italic, not bold as a name.
    """
    left = [ooxml.paragraph("BCRecipientsTitle", [ooxml.run("Nơi nhận:")], before_pt=CLOSING_GAP_PT)]
    left += [ooxml.paragraph("BCRecipients", [ooxml.run(line)]) for line in recipient_lines(meta)]
    right = [
        ooxml.paragraph("BCSigner", [ooxml.run(line)], before_pt=CLOSING_GAP_PT if index == 0 else None)
        for index, line in enumerate(signer_lines(meta))
    ]
    if meta.signer.name is None:
        name = []  # left blank: the name is written by hand
    elif meta.signer.placeholder:
        name = [ooxml.run(meta.signer.name, bold=False, italic=True, plain=True)]
    else:
        name = [ooxml.run(meta.signer.name)]
    right += signed(meta, name)
    cells = [ooxml.cell(CLOSING_COLUMNS_CM[0], left), ooxml.cell(CLOSING_COLUMNS_CM[1], right)]
    return ooxml.table(CLOSING_COLUMNS_CM, [ooxml.row(cells)])


def signed(meta: Document, name: list[str]) -> list[str]:
    """The name under the room for the signature; a copy sent of a signed document says "(Đã ký)" there."""
    if not meta.signed:
        return [ooxml.paragraph("BCSigner", name, before_pt=80)]
    mark = ooxml.paragraph("BCSigner", [ooxml.run("(Đã ký)", italic=True, plain=True)], before_pt=24)
    return [mark, ooxml.paragraph("BCSigner", name, before_pt=24)]


def recipient_lines(meta: Document) -> list[str]:
    """Written as "- Sở TT&TT;" lines, then "- Lưu: VT, VH&TT, 02b." last; "- Như trên;" first after "Kính gửi"."""
    lines = ["- Như trên;"] if meta.addressed_to and not _as_above(meta.recipients) else []
    for entry in meta.recipients:
        text = entry.strip().removeprefix("-").strip().rstrip(";.").strip()
        if text and not is_archive_line(entry):
            lines.append(f"- {text};")
    lines.append(meta.archive_line)
    return lines


def _as_above(recipients: Sequence[str]) -> bool:
    """True when the recipients already say "Như trên" (the addressees of "Kính gửi")."""
    return any(entry.strip().lstrip("-").strip().lower().startswith("như trên") for entry in recipients)


def _scale(widths: Sequence[float], columns: int, total: float) -> list[float]:
    values = list(widths)[:columns] + [1.0] * max(0, columns - len(widths))
    factor = total / sum(values)
    return [w * factor for w in values]


def _page_numbers(document: docx.document.Document) -> None:
    """Page numbers centred in the header, none on the first page."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header_p = section.header.paragraphs[0]._p
    header_p.get_or_add_pPr().style = "BCPageNumber"
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    field.append(parse_xml(f"<w:r {ooxml.NS}><w:t>2</w:t></w:r>"))
    header_p.append(field)


def _properties(document: docx.document.Document, meta: Document) -> None:
    """Core properties taken from the report, so the bytes do not depend on the clock."""
    stamp = dt.datetime.combine(meta.date or meta.period.end, dt.time())
    core = document.core_properties
    core.title = _clip(f"Báo cáo {meta.subject}")
    core.subject = _clip(meta.period.label)
    core.author = _clip(meta.issuing_body)
    core.last_modified_by = _clip(meta.issuing_body)
    core.language = "vi-VN"
    core.created = stamp
    core.modified = stamp
    core.revision = 1


def _clip(text: str, limit: int = CORE_LIMIT) -> str:
    """A core property cut to what the format holds (255 characters), ending in "…" when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def repack(package: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a zip with every entry stamped at one fixed time, some entries' bytes replaced."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            data = (replace or {}).get(info.filename)
            target.writestr(entry, source.read(info.filename) if data is None else data)
    return out.getvalue()


def write(meta: Document, blocks: Sequence[Block]) -> bytes:
    """The complete DOCX of a report; each annex is a section of its own after the signature.

    The whole body is one XML string, parsed once and serialized into the
    document part in place of the base document's body. Neither adding
    elements one by one to a large body nor moving a parsed body into the
    document tree is used: both cost time that grows faster than the body.
    """
    document = docx.Document(io.BytesIO(base_package()))
    _page_numbers(document)
    main = document.element.body.sectPr
    fragments = [*first_page(meta), *body(with_reference(blocks, meta.kind_name), keep_last=True), closing(meta)]
    previous: Annex | None = None
    for annex, content in annexes(meta, blocks):
        fragments.append(f"<w:p><w:pPr>{_xml(_section(main, previous))}</w:pPr></w:p>")
        fragments.extend(content)
        previous = annex
    fragments.append(_xml(_section(main, previous)))
    content_xml = _body_content(fragments)
    footnotes.attach(document, notes(blocks))
    _properties(document, meta)
    raw = io.BytesIO()
    document.save(raw)
    package = raw.getvalue()
    part = zipfile.ZipFile(io.BytesIO(package)).read(DOCUMENT_PART)
    return repack(package, {DOCUMENT_PART: _with_body(part, content_xml)})


def _body_content(fragments: Sequence[str]) -> bytes:
    """The fragments parsed once (so that they are well-formed) and serialized, without the body tags."""
    serialized: bytes = etree.tostring(parse_xml(ooxml.body(fragments)), encoding="UTF-8")
    return serialized.removeprefix(BODY_OPEN).removesuffix(b"</w:body>")


def _with_body(part: bytes, content: bytes) -> bytes:
    """The document part with the content of its ``w:body`` replaced by ``content``."""
    start = part.index(b"<w:body>") + len(b"<w:body>")
    end = part.rindex(b"</w:body>")
    return part[:start] + content + part[end:]


def _xml(element: Any) -> str:
    """An element of the document as XML to go into the body, without the w: declaration the body has."""
    return str(etree.tostring(element, encoding="unicode")).replace(f" {ooxml.NS}", "", 1)
