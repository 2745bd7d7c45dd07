"""The base document every report starts from, written out here as XML.

A small package with only the styles a report uses: Times New Roman in all
four font slots, Vietnamese as the language, and one named style per kind of
paragraph (body, headings, bullets, table text, header block, signature).
Building it here keeps the styles reviewable and avoids parsing python-docx's
large default template for every report.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from typing import Any

from baocao.write import metrics
from baocao.write.ooxml import CM, NS

FONT = "Times New Roman"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title></cp:coreProperties>"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings {NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>"""

DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NS}><w:body><w:sectPr>
<w:pgSz w:w="11906" w:h="16838"/>
<w:pgMar w:top="{2 * CM}" w:right="{int(1.5 * CM)}" w:bottom="{2 * CM}" w:left="{3 * CM}" w:header="{CM}" w:footer="{CM}" w:gutter="0"/>
</w:sectPr></w:body></w:document>"""


def _run_props(size: float, bold: bool = False, italic: bool = False) -> str:
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    flags = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    half = int(size * 2)
    return f'<w:rPr>{fonts}{flags}<w:color w:val="000000"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/><w:lang w:val="vi-VN"/></w:rPr>'


def _para_props(
    align: str = "both",
    first_line: float = 0.0,
    after: int = 0,
    before: int = 0,
    line: int = 240,
    keep_next: bool = False,
    hanging: float = 0.0,
) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    indent = f'<w:ind w:firstLine="{int(first_line * CM)}"/>' if first_line else '<w:ind w:firstLine="0"/>'
    if hanging:
        indent = f'<w:ind w:left="{int(hanging * CM)}" w:hanging="{int(hanging * CM)}"/>'
    spacing = f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="auto"/>'
    return f'<w:pPr>{keep}<w:widowControl/>{spacing}{indent}<w:jc w:val="{align}"/></w:pPr>'


def _style(style_id: str, name: str, ppr: str, rpr: str, default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    based = "" if default else '<w:basedOn w:val="Normal"/>'
    return (
        f'<w:style w:type="paragraph"{flag} w:styleId="{style_id}"><w:name w:val="{name}"/>{based}'
        f"<w:qFormat/>{ppr}{rpr}</w:style>"
    )


BODY_LINE = 276  # 1.15 lines
BODY: dict[str, Any] = {"first_line": 1.27, "after": 120, "line": BODY_LINE}
HEADING: dict[str, Any] = {**BODY, "before": 120, "keep_next": True}  # 6 pt more above a heading than below
RECIPIENT_HANG_CM = metrics.width_cm("- ", 11)  # a wrapped recipient line starts under the text, not under the "- "

PARAGRAPH_STYLES = [
    ("Normal", "Normal", _para_props(**BODY), _run_props(14)),
    ("BCHeading1", "BC Heading 1", _para_props(**HEADING), _run_props(14, bold=True)),
    ("BCHeading2", "BC Heading 2", _para_props(**HEADING), _run_props(14, bold=True)),
    ("BCHeading3", "BC Heading 3", _para_props(**HEADING), _run_props(14, bold=True, italic=True)),
    ("BCHeading4", "BC Heading 4", _para_props(**HEADING), _run_props(14)),
    ("BCStar", "BC Topic Group", _para_props(**BODY, keep_next=True), _run_props(14, bold=True)),
    ("BCNote", "BC Note", _para_props(**BODY), _run_props(14, italic=True)),
    ("BCUnit", "BC Unit Line", _para_props("right", after=60), _run_props(13, italic=True)),
    ("BCTable", "BC Table Text", _para_props("left", before=40, after=40), _run_props(13)),
    ("BCHead", "BC Header Block", _para_props("center"), _run_props(13)),
    ("BCTitle", "BC Title", _para_props("center"), _run_props(14, bold=True)),
    ("BCRule", "BC Rule", _para_props("center", before=40, after=60, line=240), _run_props(1)),
    ("BCRecipientsTitle", "BC Recipients Title", _para_props("left"), _run_props(12, bold=True, italic=True)),
    ("BCRecipients", "BC Recipients", _para_props("left", hanging=RECIPIENT_HANG_CM), _run_props(11)),
    ("BCSigner", "BC Signer", _para_props("center"), _run_props(14, bold=True)),
    ("BCPageNumber", "BC Page Number", _para_props("center"), _run_props(14)),
]

TABLE_STYLE = (
    '<w:style w:type="table" w:styleId="BCGrid"><w:name w:val="BC Grid"/><w:tblPr>'
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + '</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    "</w:tblPr></w:style>"
)


def styles_xml() -> str:
    """The styles part."""
    defaults = f"<w:docDefaults><w:rPrDefault>{_run_props(14)}</w:rPrDefault><w:pPrDefault/></w:docDefaults>"
    paragraphs = "".join(
        _style(sid, name, ppr, rpr, default=(sid == "Normal")) for sid, name, ppr, rpr in PARAGRAPH_STYLES
    )
    normal_table = (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/>'
        '<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NS}>'
        f"{defaults}{paragraphs}{normal_table}{TABLE_STYLE}</w:styles>"
    )


@cache
def base_package() -> bytes:
    """The base .docx as bytes."""
    buffer = io.BytesIO()
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "word/document.xml": DOCUMENT,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": styles_xml(),
        "word/settings.xml": SETTINGS,
        "docProps/core.xml": CORE,
    }
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()
