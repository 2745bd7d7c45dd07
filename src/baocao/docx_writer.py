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
from collections.abc import Sequence

import docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from baocao import metrics
from baocao.basedoc import base_package
from baocao.blocks import Block, Heading, Paragraph, Row, Run, Table
from baocao.models.document import Document

TEXT_WIDTH_CM = 16.5  # 210 mm - 30 mm - 15 mm
HEADER_COLUMNS_CM = (6.8, 9.7)
CLOSING_COLUMNS_CM = (7.0, 9.5)
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
HEADING_STYLES = {1: "BCHeading1", 2: "BCHeading2", 3: "BCHeading3", 4: "BCHeading4"}
PARAGRAPH_STYLES = {"body": "Normal", "bullet": "Normal", "bullet2": "Normal", "star": "BCStar", "note": "BCNote"}
BULLET_MARKS = {"bullet": "- ", "bullet2": "+ ", "star": "* "}


class Writer:
    """Writes one report into a fresh copy of the base document."""

    def __init__(self) -> None:
        self.doc: DocxDocument = docx.Document(io.BytesIO(base_package()))

    def paragraph(self, container: DocxDocument | _Cell, style: str, text: str = "") -> DocxParagraph:
        """A new paragraph of a named style at the end of ``container``."""
        paragraph = container.add_paragraph()
        set_style(paragraph, style)
        if text:
            paragraph.add_run(text)
        return paragraph

    def header(self, meta: Document) -> None:
        """The two-column header: bodies and number left, nation, motto and date right."""
        table = self._layout_table(HEADER_COLUMNS_CM)
        left, right = table.rows[0].cells
        first = True
        if meta.parent_body:
            self._cell_line(left, meta.parent_body.upper(), first=first)
            first = False
        self._cell_line(left, meta.issuing_body.upper(), bold=True, first=first)
        body_width = metrics.width_cm(meta.issuing_body.upper(), 13, bold=True)
        self.rule(left, min(body_width, HEADER_COLUMNS_CM[0] - 0.4) * 0.4, HEADER_COLUMNS_CM[0])
        self._cell_line(left, meta.number_line, space_before=6)
        self._cell_line(right, NATION, bold=True, size=12, first=True)
        self._cell_line(right, MOTTO, bold=True)
        self.rule(right, metrics.width_cm(MOTTO, 13, bold=True), HEADER_COLUMNS_CM[1])
        self._cell_line(right, meta.date_line, italic=True, space_before=6)

    def _cell_line(
        self, cell: _Cell, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
        first: bool = False, space_before: float = 0,
    ) -> None:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        set_style(paragraph, "BCHead")
        if space_before:
            paragraph.paragraph_format.space_before = Pt(space_before)
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)

    def rule(self, container: DocxDocument | _Cell, width_cm: float, space_cm: float) -> None:
        """A solid centred rule ``width_cm`` long: a bordered empty paragraph indented on both sides."""
        paragraph = self.paragraph(container, "BCRule")
        side = max(0.0, (space_cm - width_cm) / 2 - 0.19)
        paragraph.paragraph_format.left_indent = Cm(side)
        paragraph.paragraph_format.right_indent = Cm(side)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(name), value)
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().insert_element_before(
            borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"
        )

    def title(self, meta: Document) -> None:
        """ "BÁO CÁO", the trích yếu in bold with its short rule, and an optional subtitle."""
        heading = self.paragraph(self.doc, "BCTitle", "BÁO CÁO")
        heading.paragraph_format.space_before = Pt(18)
        subject = meta.subject[:1].upper() + meta.subject[1:]
        self.paragraph(self.doc, "BCTitle", subject)
        if meta.subtitle:
            note = self.paragraph(self.doc, "BCHead")
            note.add_run(meta.subtitle).italic = True
        line = min(metrics.width_cm(subject, 14, bold=True), TEXT_WIDTH_CM)
        self.rule(self.doc, max(line / 3, 3.0), TEXT_WIDTH_CM)
        self.doc.paragraphs[-1].paragraph_format.space_after = Pt(12)

    def blocks(self, blocks: Sequence[Block]) -> None:
        """The body."""
        for block in blocks:
            if isinstance(block, Heading):
                paragraph = self.paragraph(self.doc, HEADING_STYLES[block.level], block.number + " ")
                self.runs(paragraph, block.runs)
            elif isinstance(block, Paragraph):
                paragraph = self.paragraph(self.doc, PARAGRAPH_STYLES[block.kind], BULLET_MARKS.get(block.kind, ""))
                self.runs(paragraph, block.runs)
                if block.align:
                    paragraph.alignment = ALIGN[block.align]
            else:
                self.table(block)

    def runs(self, paragraph: DocxParagraph, runs: Sequence[Run]) -> None:
        """Append runs with their emphasis."""
        for item in runs:
            run = paragraph.add_run(item.text)
            if item.bold:
                run.bold = True
            if item.italic:
                run.italic = True

    def table(self, block: Table) -> None:
        """A bordered table; header rows repeat on every page, rows never split."""
        if block.unit:
            self.paragraph(self.doc, "BCUnit", f"Đơn vị tính: {block.unit}")
        columns = max(sum(cell.span for cell in row.cells) for row in block.rows)
        widths = _scale(block.widths or (1.0,) * columns, columns, TEXT_WIDTH_CM)
        table = self.doc.add_table(rows=0, cols=columns)
        table._tbl.tblPr.style = "BCGrid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in block.rows:
            self._table_row(table, row, widths)

    def _table_row(self, table: DocxTable, row: Row, widths: list[float]) -> None:
        cells = table.add_row().cells
        tr_pr = table.rows[-1]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if row.role == "header":
            tr_pr.append(OxmlElement("w:tblHeader"))
        column = 0
        for spec in row.cells:
            cell = cells[column]
            if spec.span > 1:
                cell = cell.merge(cells[column + spec.span - 1])
            cell.width = Cm(sum(widths[column:column + spec.span]))
            paragraph = cell.paragraphs[0]
            set_style(paragraph, "BCTable")
            paragraph.alignment = ALIGN["center" if row.role == "header" else spec.align]
            bold = row.role in ("header", "group", "total")
            self.runs(paragraph, [Run(r.text, r.bold or bold, r.italic) for r in spec.runs])
            column += spec.span
        for index, cell in enumerate(cells):
            cell.width = Cm(widths[index])

    def closing(self, meta: Document) -> None:
        """Nơi nhận on the left, the signature block on the right."""
        table = self._layout_table(CLOSING_COLUMNS_CM)
        left, right = table.rows[0].cells
        title = left.paragraphs[0]
        set_style(title, "BCRecipientsTitle")
        title.add_run("Nơi nhận:")
        for line in recipient_lines(meta.recipients, meta.archive):
            self.paragraph(left, "BCRecipients", line)
        lines = meta.signer.lines
        set_style(right.paragraphs[0], "BCSigner")
        right.paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            self.paragraph(right, "BCSigner", line)
        name = self.paragraph(right, "BCSigner", meta.signer.name)
        name.paragraph_format.space_before = Pt(80)

    def _layout_table(self, widths_cm: tuple[float, float]) -> DocxTable:
        """A borderless one-row table for side-by-side blocks."""
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        for cell, width in zip(table.rows[0].cells, widths_cm, strict=True):
            cell.width = Cm(width)
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
        return table

    def page_numbers(self) -> None:
        """Page numbers centred in the header, none on the first page."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        paragraph = section.header.paragraphs[0]
        set_style(paragraph, "BCPageNumber")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "2"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    def properties(self, meta: Document) -> None:
        """Core properties taken from the report, so the bytes do not depend on the clock."""
        stamp = dt.datetime.combine(meta.date or meta.period.end, dt.time())
        core = self.doc.core_properties
        core.title = f"Báo cáo {meta.subject}"
        core.subject = meta.period.label
        core.author = meta.issuing_body
        core.last_modified_by = meta.issuing_body
        core.language = "vi-VN"
        core.created = stamp
        core.modified = stamp
        core.revision = 1

    def to_bytes(self) -> bytes:
        """The package, zipped with fixed timestamps."""
        raw = io.BytesIO()
        self.doc.save(raw)
        return repack(raw.getvalue())


def set_style(paragraph: DocxParagraph, style_id: str) -> None:
    """Give a paragraph a style of the base document by its id (no lookup by name)."""
    paragraph._p.get_or_add_pPr().style = None if style_id == "Normal" else style_id


def recipient_lines(recipients: Sequence[str], archive: str) -> list[str]:
    """ "- Sở TT&TT;" lines, then "- Lưu: VT." last."""
    lines = []
    for entry in recipients:
        text = entry.strip().removeprefix("-").strip().rstrip(";.").strip()
        if text and not text.lower().startswith("lưu"):
            lines.append(f"- {text};")
    lines.append(f"- Lưu: {archive.strip().rstrip('.')}.")
    return lines


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


def _scale(widths: Sequence[float], columns: int, total: float) -> list[float]:
    values = list(widths)[:columns] + [1.0] * max(0, columns - len(widths))
    factor = total / sum(values)
    return [w * factor for w in values]


def write(meta: Document, blocks: Sequence[Block]) -> bytes:
    """The complete DOCX of a report."""
    writer = Writer()
    writer.header(meta)
    writer.title(meta)
    writer.blocks(blocks)
    writer.closing(meta)
    writer.page_numbers()
    writer.properties(meta)
    return writer.to_bytes()
