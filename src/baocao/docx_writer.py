"""Blocks and the document header -> the bytes of a Decree 30 DOCX.

The page is A4 portrait with margins 20/20/30/15 mm; the header is a
borderless two-column table; the body uses the named styles of
:mod:`baocao.basedoc`; Nơi nhận stands beside the signature; page numbers are
centred in the header from page 2. The bytes depend on the input only.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from copy import deepcopy
from typing import Any

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

from baocao import metrics, ooxml
from baocao import vietnamese as vn
from baocao.basedoc import base_package
from baocao.blocks import Annex, Block, Heading, Paragraph, Run, Table
from baocao.models.document import Document, is_archive_line

TEXT_WIDTH_CM = 16.5  # 210 mm - 30 mm - 15 mm
LANDSCAPE_WIDTH_CM = 25.2  # 297 mm - 30 mm - 15 mm
CELL_MARGINS_CM = 0.3  # left + right cell margins of the base table styles
HEADER_COLUMNS_CM = (6.8, 9.7)
CLOSING_COLUMNS_CM = (7.0, 9.5)
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
HEADING_STYLES = {1: "BCHeading1", 2: "BCHeading2", 3: "BCHeading3", 4: "BCHeading4"}
PARAGRAPH_STYLES = {"body": "Normal", "bullet": "Normal", "bullet2": "Normal", "star": "BCStar", "note": "BCNote"}
BULLET_MARKS = {"bullet": "- ", "bullet2": "+ ", "star": "* "}
BOLD_ROLES = ("header", "group", "total")


def runs(items: Sequence[Run], bold: bool = False) -> list[str]:
    """Runs of the blocks as XML, optionally all bold."""
    return [ooxml.run(item.text, item.bold or bold, item.italic) for item in items]


def rule(width_cm: float, space_cm: float) -> str:
    """A solid centred rule ``width_cm`` long: a bordered empty paragraph indented on both sides."""
    side = max(0.0, (space_cm - CELL_MARGINS_CM - width_cm) / 2)
    return ooxml.paragraph("BCRule", indent_cm=(side, side), border_bottom=True)


def header(meta: Document) -> str:
    """The two-column header: bodies and number left, nation, motto and date right."""
    left_width, right_width = HEADER_COLUMNS_CM
    issuing = meta.issuing_body.upper()
    left = [ooxml.paragraph("BCHead", [ooxml.run(meta.parent_body.upper())])] if meta.parent_body else []
    left.append(ooxml.paragraph("BCHead", [ooxml.run(issuing, bold=True)]))
    left.append(rule(min(metrics.width_cm(issuing, 13, bold=True), left_width) * 0.4, left_width))
    left.append(ooxml.paragraph("BCHead", [ooxml.run(meta.number_line)], before_pt=6))
    right = [
        ooxml.paragraph("BCHead", [ooxml.run(NATION, bold=True, size=12)]),
        ooxml.paragraph("BCHead", [ooxml.run(MOTTO, bold=True)]),
        rule(metrics.width_cm(MOTTO, 13, bold=True), right_width),
        ooxml.paragraph("BCHead", [ooxml.run(meta.date_line, italic=True)], before_pt=6),
    ]
    cells = [ooxml.cell(left_width, left), ooxml.cell(right_width, right)]
    return ooxml.table(HEADER_COLUMNS_CM, [ooxml.row(cells, cant_split=False)])


def title(meta: Document) -> Iterator[str]:
    """Written as "BÁO CÁO", the trích yếu in bold with its short rule below, and an optional subtitle."""
    subject = vn.capitalize(meta.subject)
    yield ooxml.paragraph("BCTitle", [ooxml.run("BÁO CÁO")], before_pt=18)
    yield ooxml.paragraph("BCTitle", [ooxml.run(subject)])
    if meta.subtitle:
        yield ooxml.paragraph("BCHead", [ooxml.run(meta.subtitle, italic=True)])
    line = min(metrics.width_cm(subject, 14, bold=True), TEXT_WIDTH_CM)
    side = max(0.0, (TEXT_WIDTH_CM - max(line / 3, 3.0)) / 2)
    yield ooxml.paragraph("BCRule", indent_cm=(side, side), border_bottom=True, after_pt=12)


def body(blocks: Sequence[Block], width_cm: float = TEXT_WIDTH_CM) -> Iterator[str]:
    """The blocks of the template, in order; annexes are set apart by :func:`annexes`."""
    for block in blocks:
        if isinstance(block, Heading):
            yield ooxml.paragraph(HEADING_STYLES[block.level], [ooxml.run(block.number + " "), *runs(block.runs)])
        elif isinstance(block, Annex):
            continue  # set after the signature, by annexes()
        elif isinstance(block, Paragraph):
            mark = BULLET_MARKS.get(block.kind, "")
            content = ([ooxml.run(mark)] if mark else []) + runs(block.runs)
            yield ooxml.paragraph(PARAGRAPH_STYLES[block.kind], content, align=block.align)
        else:
            yield from table(block, width_cm)


def table(block: Table, width_cm: float = TEXT_WIDTH_CM) -> Iterator[str]:
    """A bordered table with its unit line; header rows repeat, rows never split."""
    if block.unit:
        yield ooxml.paragraph("BCUnit", [ooxml.run(f"Đơn vị tính: {block.unit}")])
    columns = max(sum(cell.span for cell in row.cells) for row in block.rows)
    widths = _scale(block.widths or (1.0,) * columns, columns, width_cm)
    rows = []
    for row in block.rows:
        cells, column = [], 0
        for spec in row.cells:
            width = sum(widths[column : column + spec.span])
            align = "center" if row.role == "header" else spec.align
            content = ooxml.paragraph("BCTable", runs(spec.runs, bold=row.role in BOLD_ROLES), align=align)
            cells.append(ooxml.cell(width, [content], spec.span))
            column += spec.span
        rows.append(ooxml.row(cells, header=row.role == "header"))
    yield ooxml.table(widths, rows, style="BCGrid", center=True)


def annexes(meta: Document, blocks: Sequence[Block]) -> list[tuple[Annex, list[str]]]:
    """Each annex with its content: "Phụ lục" (numbered when several), the reference line, title and blocks."""
    found = [block for block in blocks if isinstance(block, Annex)]
    number = meta.number_line.removeprefix("Số: ")
    date = f" ngày {vn.date_short(meta.date)}" if meta.date else " ngày\u00a0\u00a0\u00a0\u00a0\u00a0"
    reference = f"(Kèm theo Báo cáo số {number}{date} của {meta.short_name})"
    out = []
    for index, annex in enumerate(found, start=1):
        name = "Phụ lục" if len(found) == 1 else f"Phụ lục {vn.roman(index)}"
        width = LANDSCAPE_WIDTH_CM if annex.landscape else TEXT_WIDTH_CM
        content = [
            ooxml.paragraph("BCTitle", [ooxml.run(name)]),
            ooxml.paragraph("BCHead", [ooxml.run(reference, italic=True, size=14)], after_pt=6),
            ooxml.paragraph("BCTitle", [ooxml.run(annex.title.upper())], after_pt=12),
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
    """Nơi nhận on the left, the signature block on the right."""
    left = [ooxml.paragraph("BCRecipientsTitle", [ooxml.run("Nơi nhận:")], before_pt=6)]
    left += [
        ooxml.paragraph("BCRecipients", [ooxml.run(line)]) for line in recipient_lines(meta.recipients, meta.archive)
    ]
    right = [
        ooxml.paragraph("BCSigner", [ooxml.run(line)], before_pt=6 if index == 0 else None)
        for index, line in enumerate(meta.signer.lines)
    ]
    right.append(ooxml.paragraph("BCSigner", [ooxml.run(meta.signer.name)], before_pt=80))
    cells = [ooxml.cell(CLOSING_COLUMNS_CM[0], left), ooxml.cell(CLOSING_COLUMNS_CM[1], right)]
    return ooxml.table(CLOSING_COLUMNS_CM, [ooxml.row(cells)])


def recipient_lines(recipients: Sequence[str], archive: str) -> list[str]:
    """Written as "- Sở TT&TT;" lines, then "- Lưu: VT." last."""
    lines = []
    for entry in recipients:
        text = entry.strip().removeprefix("-").strip().rstrip(";.").strip()
        if text and not is_archive_line(entry):
            lines.append(f"- {text};")
    lines.append(f"- Lưu: {archive.strip().rstrip('.')}.")
    return lines


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
    core.title = f"Báo cáo {meta.subject}"
    core.subject = meta.period.label
    core.author = meta.issuing_body
    core.last_modified_by = meta.issuing_body
    core.language = "vi-VN"
    core.created = stamp
    core.modified = stamp
    core.revision = 1


def repack(package: bytes) -> bytes:
    """Rewrite a zip with every entry stamped at one fixed time."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def write(meta: Document, blocks: Sequence[Block]) -> bytes:
    """The complete DOCX of a report; each annex is a section of its own after the signature.

    The whole body is one XML string, parsed once: adding elements one by one
    to a large body costs time that grows with the body.
    """
    document = docx.Document(io.BytesIO(base_package()))
    _page_numbers(document)
    main = document.element.body.sectPr
    fragments = [header(meta), *title(meta), *body(blocks), closing(meta)]
    previous: Annex | None = None
    for annex, content in annexes(meta, blocks):
        fragments.append(f"<w:p><w:pPr>{_xml(_section(main, previous))}</w:pPr></w:p>")
        fragments.extend(content)
        previous = annex
    fragments.append(_xml(_section(main, previous)))
    document.element.replace(document.element.body, parse_xml(ooxml.body(fragments)))
    _properties(document, meta)
    raw = io.BytesIO()
    document.save(raw)
    return repack(raw.getvalue())


def _xml(element: Any) -> str:
    return str(etree.tostring(element, encoding="unicode"))
