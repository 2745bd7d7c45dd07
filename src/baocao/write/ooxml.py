"""Small builders of WordprocessingML text: runs, paragraphs, cells, rows, tables.

The report body is written as one XML string and parsed once, which is many
times faster than adding paragraphs and runs one call at a time. Every piece
of text passes through :func:`text`, which escapes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CM = 567  # twips per centimetre
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
JUSTIFY = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def escape(value: str) -> str:
    """Escape the three characters XML text cannot hold as they are."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text(value: str, unbroken: bool = True) -> str:
    """Escaped text for a ``w:t``; line breaks become ``w:br``, the hyphens of a document number non-breaking.

    Without ``unbroken`` the hyphens stay as typed: LibreOffice sets a non-breaking hyphen of an italic
    line upright ("/BC- UBND"), and the italic lines baocao sets (the annex's "Kèm theo Báo cáo số …")
    are broken by baocao itself.
    """
    if not unbroken:
        return "<w:br/>".join(f'<w:t xml:space="preserve">{escape(piece)}</w:t>' for piece in value.split("\n"))
    return "<w:br/>".join(_unbroken(piece) for piece in value.split("\n"))


NUMBERED = re.compile(r"[^\s()\[\],;:]*/[^\s()\[\],;:]*")
"""A word with a "/" in it: a document's number and symbol ("101/KH-UBND", "43/2011/NĐ-CP", "19-CT/TU")."""
JOINED = re.compile(r"(?<=\w)-(?=\w)")


def _unbroken(piece: str) -> str:
    """``w:t`` runs of ``piece`` with each hyphen inside a document number a ``w:noBreakHyphen``.

    A line never breaks inside "101/KH-UBND" (Word and LibreOffice print the hyphen as typed).
    """
    cuts = [
        found.start() + hyphen.start()
        for found in NUMBERED.finditer(piece)
        if "-" in found.group()
        for hyphen in JOINED.finditer(found.group())
    ]
    ends = [0, *(cut + 1 for cut in cuts)]
    texts = [piece[start:end] for start, end in zip(ends, [*cuts, len(piece)], strict=True)]
    return "<w:noBreakHyphen/>".join(f'<w:t xml:space="preserve">{escape(t)}</w:t>' for t in texts)


def run(value: str, bold: bool = False, italic: bool = False, size: float | None = None, plain: bool = False) -> str:
    """A run with optional emphasis and size (points); ``plain`` turns off the bold of its paragraph's style."""
    props = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>' if plain else ""
    props += "<w:i/><w:iCs/>" if italic else ""
    if size:
        props += f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{text(value, unbroken=not italic)}</w:r>"


def paragraph(
    style: str | None,
    runs: Iterable[str] = (),
    *,
    align: str | None = None,
    indent_cm: tuple[float, float] | None = None,
    before_pt: float | None = None,
    after_pt: float | None = None,
    border_bottom: bool = False,
    keep_next: bool = False,
) -> str:
    """A paragraph of a named style with the given direct paragraph properties."""
    props = f'<w:pStyle w:val="{style}"/>' if style and style != "Normal" else ""
    if keep_next:
        props += "<w:keepNext/>"
    if border_bottom:
        props += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    if before_pt is not None or after_pt is not None:
        spacing = ""
        if before_pt is not None:
            spacing += f' w:before="{int(before_pt * 20)}"'
        if after_pt is not None:
            spacing += f' w:after="{int(after_pt * 20)}"'
        props += f"<w:spacing{spacing}/>"
    if indent_cm:
        props += f'<w:ind w:left="{int(indent_cm[0] * CM)}" w:right="{int(indent_cm[1] * CM)}"/>'
    if align:
        props += f'<w:jc w:val="{JUSTIFY[align]}"/>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def cell(width_cm: float, paragraphs: Iterable[str], span: int = 1, merge: str = "") -> str:
    """A table cell; a cell must hold at least one paragraph. ``merge``: "restart" or "continue" a vertical merge."""
    content = "".join(paragraphs) or "<w:p/>"
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    vmerge = {"restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}.get(merge, "")
    centre = '<w:vAlign w:val="center"/>' if merge else ""
    tcpr = f'<w:tcW w:w="{int(width_cm * CM)}" w:type="dxa"/>{grid}{vmerge}{centre}'
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def row(cells: Iterable[str], header: bool = False, cant_split: bool = True) -> str:
    """A table row; header rows repeat on every page."""
    props = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    trpr = f"<w:trPr>{props}</w:trPr>" if props else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def table(
    widths_cm: Iterable[float],
    rows: Iterable[str],
    style: str | None = None,
    center: bool = False,
    indent_cm: float = 0.0,
) -> str:
    """A fixed-layout table of the given column widths, optionally indented from the margin (negative: into it)."""
    widths = list(widths_cm)
    total = int(sum(widths) * CM)
    style_xml = f'<w:tblStyle w:val="{style}"/>' if style else ""
    jc = '<w:jc w:val="center"/>' if center else ""
    ind = f'<w:tblInd w:w="{int(indent_cm * CM)}" w:type="dxa"/>' if indent_cm else ""
    props = f'<w:tblPr>{style_xml}<w:tblW w:w="{total}" w:type="dxa"/>{jc}{ind}<w:tblLayout w:type="fixed"/></w:tblPr>'
    grid = "".join(f'<w:gridCol w:w="{int(w * CM)}"/>' for w in widths)
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def body(fragments: Iterable[str]) -> str:
    """Fragments wrapped in a namespaced ``w:body`` for parsing."""
    return f"<w:body {NS}>{''.join(fragments)}</w:body>"
