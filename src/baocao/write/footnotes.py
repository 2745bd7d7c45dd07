"""Footnotes: the mark in the body's text and the part of the package that holds their text.

A report's footnote ("sửa đổi^[Luật số 15/2025/QH15.]" in a line of text) is a real Word footnote:
its mark is a ``w:footnoteReference`` numbered 1, 2, … through the report, its text stands at the
foot of the page in ``word/footnotes.xml``, 12 pt, with the separator Word expects.
"""

from __future__ import annotations

from collections.abc import Sequence

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from baocao.write import ooxml

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
PART_NAME = "/word/footnotes.xml"
SIZE = 24  # half-points: the text of a footnote is 12 pt
SUPERSCRIPT = '<w:vertAlign w:val="superscript"/>'
PLAIN = (
    '<w:ind w:firstLine="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/>'
)


def reference(number: int) -> str:
    """The mark of footnote ``number`` in the body: a superscript number Word counts itself."""
    return f'<w:r><w:rPr>{SUPERSCRIPT}</w:rPr><w:footnoteReference w:id="{number}"/></w:r>'


def part_xml(notes: Sequence[str]) -> bytes:
    """The footnotes part: the separators (ids -1 and 0), then each note, numbered from 1."""
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{number}"><w:p><w:pPr>{PLAIN}</w:pPr><w:r><w:{kind}/></w:r></w:p>'
        "</w:footnote>"
        for kind, number in (("separator", -1), ("continuationSeparator", 0))
    )
    size = f'<w:sz w:val="{SIZE}"/><w:szCs w:val="{SIZE}"/>'
    notes_xml = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:pPr>{PLAIN}</w:pPr>'
        f"<w:r><w:rPr>{SUPERSCRIPT}{size}</w:rPr><w:footnoteRef/></w:r>"
        f'<w:r><w:rPr>{size}</w:rPr><w:t xml:space="preserve"> {ooxml.escape(note)}</w:t></w:r></w:p></w:footnote>'
        for number, note in enumerate(notes, start=1)
    )
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f"{head}<w:footnotes {ooxml.NS}>{separators}{notes_xml}</w:footnotes>".encode()


def attach(document: docx.document.Document, notes: Sequence[str]) -> None:
    """Add the footnotes part to ``document`` when the report has footnotes; nothing otherwise."""
    if not notes:
        return
    part = Part(PackURI(PART_NAME), CONTENT_TYPE, part_xml(notes), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
