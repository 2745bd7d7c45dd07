"""Block markup (the output of a template) -> a list of blocks to write.

Headings are numbered here, so a report can never repeat or skip a numeral.
``<h1>``…``<h8>`` is a heading that many levels deep; its ``style`` says how it is
numbered (A. I. 1. 1.1. a) (1) (i) - +, see :data:`baocao.report.sections.HEADING_STYLES`),
and without one ``<h1>``…``<h4>`` are "I.", "1.", "1.1.", "a)" in Vietnamese letter order.
A heading with nothing under it is left out before numbering:
a template may write a heading whatever the data, and the report never
prints one with nothing under it.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from lxml import etree

from baocao.report.sections import DEFAULT_NUMBERING, HEADING_STYLES, MAX_LEVELS, heading_number

PARAGRAPH_TAGS = {"p": "body", "li": "bullet", "li2": "bullet2", "star": "star", "note": "note"}
ROLES = ("header", "group", "item", "total")
ALIGNS = ("left", "center", "right", "justify")
MAX_COLUMNS = 63  # what Word allows
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True, remove_pis=True)


class MarkupError(ValueError):
    """A template produced markup that is not well formed or uses unknown tags."""


class Run(NamedTuple):
    """A stretch of text with one emphasis; or, with a ``note``, the mark of footnote ``number`` (then its text)."""

    text: str
    bold: bool = False
    italic: bool = False
    note: str = ""
    number: int = 0


class Heading(NamedTuple):
    """A numbered heading: ``level`` is the type it is set in (1 to 4, :data:`TYPE_LEVELS`), ``number`` "I.", "-"."""

    level: int
    number: str
    runs: tuple[Run, ...]


class Paragraph(NamedTuple):
    """A paragraph of a given kind: body, bullet, bullet2, star or note."""

    kind: str
    runs: tuple[Run, ...]
    align: str | None = None


class Cell(NamedTuple):
    """A table cell."""

    runs: tuple[Run, ...]
    align: str = "left"
    span: int = 1
    merged: bool = False
    """True for a header cell that continues the one above it (``<td merge="up">``): one cell over two rows."""


class Row(NamedTuple):
    """A table row with its role: header, group, item or total."""

    role: str
    cells: tuple[Cell, ...]


class Table(NamedTuple):
    """A table with relative column widths and an optional unit line; compact: smaller type, no spacing."""

    widths: tuple[float, ...]
    rows: tuple[Row, ...]
    unit: str | None = None
    compact: bool = False


class Annex(NamedTuple):
    """An appendix, set after the signature on a page of its own."""

    title: str
    blocks: tuple[Heading | Paragraph | Table, ...]
    landscape: bool = False


Block = Heading | Paragraph | Table | Annex


TYPE_LEVELS = {"A.": 1, "I.": 1, "1.": 2, "1.1.": 3}
"""The type a heading of each style is set in (1: bold capitals, 2: bold, 3: bold italic); every other style 4."""
CAPITALS = ("A.", "I.")


class HeadingNumbers:
    """The numbers of the headings so far, and of the footnotes.

    Each depth of headings counts its own, the deeper ones start again; footnotes go 1, 2, … through
    the report and its annexes.
    """

    def __init__(self) -> None:
        self.counters = [0] * MAX_LEVELS
        self.numbers = [""] * MAX_LEVELS
        self.footnotes = 0

    def next_note(self) -> int:
        """The number of the next footnote."""
        self.footnotes += 1
        return self.footnotes

    def next(self, level: int, style: str | None = None) -> str:
        """The number of the next heading ``level`` deep (1 to 8) in ``style`` (by default that of its depth)."""
        style = style or DEFAULT_NUMBERING[min(level, len(DEFAULT_NUMBERING)) - 1]
        self.counters[level - 1] += 1
        for deeper in range(level, MAX_LEVELS):
            self.counters[deeper], self.numbers[deeper] = 0, ""
        parent = next((n for n in reversed(self.numbers[: level - 1]) if n), "")
        self.numbers[level - 1] = heading_number(style, self.counters[level - 1], parent)
        return self.numbers[level - 1]


def parse(markup: str) -> list[Block]:
    """Parse the body markup of a template."""
    try:
        root = etree.fromstring(f"<body>{markup}</body>", PARSER)
    except etree.XMLSyntaxError as exc:
        raise MarkupError(f"markup is not well formed: {exc}") from exc
    numbering = HeadingNumbers()
    return [_block(element, numbering) for element in _filled(list(root)) if element.tag != "end"]


HEADINGS = tuple(f"h{depth}" for depth in range(1, MAX_LEVELS + 1))
BOUNDS = ("end", "annex")  # nothing after these stands under a heading before them


def _filled(elements: list[etree._Element]) -> list[etree._Element]:
    """The elements less each heading with nothing under it.

    What stands under a heading is everything up to the next heading of its level
    or above, ``<end/>`` (the closing lines follow it) or an annex: a heading is kept
    when a paragraph or table stands there, under it or under a deeper heading.
    """
    size = MAX_LEVELS + 1
    filled = [False] * size  # by level: something stands between here and the next heading of that level or above
    kept: list[etree._Element] = []
    for element in reversed(elements):
        if element.tag in HEADINGS:
            level = int(element.tag[1])
            if filled[level]:
                kept.append(element)
            filled[level:] = [False] * (size - level)
        else:
            filled = [element.tag not in BOUNDS] * size
            kept.append(element)
    return kept[::-1]


def _block(element: etree._Element, numbering: HeadingNumbers) -> Block:
    tag = element.tag
    if tag in HEADINGS:
        depth = int(tag[1])
        style = element.get("style") or DEFAULT_NUMBERING[min(depth, len(DEFAULT_NUMBERING)) - 1]
        if style not in HEADING_STYLES:
            raise MarkupError(f"<{tag} style='{style[:10]}'>: a heading's style is one of {' '.join(HEADING_STYLES)}")
        runs = _runs(element, numbering)
        if style in CAPITALS:
            runs = tuple(r._replace(text=r.text.upper()) for r in runs)
        return Heading(TYPE_LEVELS.get(style, 4), numbering.next(depth, style), runs)
    if tag in PARAGRAPH_TAGS:
        return Paragraph(PARAGRAPH_TAGS[tag], _runs(element, numbering), _align(element, None))
    if tag == "table":
        return _table(element, numbering)
    if tag == "annex":
        inner = [_block(child, numbering) for child in _filled(list(element)) if child.tag != "end"]
        if any(isinstance(block, Annex) for block in inner):
            raise MarkupError("an <annex> cannot hold another")
        blocks = tuple(b for b in inner if not isinstance(b, Annex))
        return Annex(element.get("title", ""), blocks, element.get("landscape") == "true")
    raise MarkupError(f"unknown tag <{tag}>")


def _table(element: etree._Element, numbering: HeadingNumbers) -> Table:
    rows = []
    for row in element:
        if row.tag != "tr" or row.get("role", "item") not in ROLES:
            raise MarkupError(f"a table holds <tr role='{'|'.join(ROLES)}'> rows, not <{row.tag}>")
        cells = tuple(
            Cell(
                _runs(cell, numbering),
                _align(cell, "left") or "left",
                _span(cell.get("span", "1")),
                cell.get("merge") == "up",
            )
            for cell in row
            if cell.tag == "td"
        )
        rows.append(Row(row.get("role", "item"), cells))
    widths = tuple(_width(w) for w in element.get("widths", "").split(",") if w.strip())
    if len(widths) > MAX_COLUMNS:
        raise MarkupError(f"a table has at most {MAX_COLUMNS} columns")
    return Table(widths, tuple(rows), element.get("unit"), element.get("compact") == "true")


def _span(text: str) -> int:
    """A cell's span: a whole number of columns, 1 to MAX_COLUMNS."""
    if not text.strip().isdigit() or not 1 <= int(text) <= MAX_COLUMNS:
        raise MarkupError(f"span='{text[:20]}': a whole number of columns from 1 to {MAX_COLUMNS}")
    return int(text)


def _width(text: str) -> float:
    """A relative column width: a number above zero."""
    try:
        width = float(text)
    except ValueError:
        width = math.nan
    if not (math.isfinite(width) and 0 < width < 1000):
        raise MarkupError(f"widths: '{text.strip()[:20]}' is not a relative width (a number above 0, below 1000)")
    return width


def _align(element: etree._Element, default: str | None) -> str | None:
    align: str | None = element.get("align", default)
    if align is not None and align not in ALIGNS:
        raise MarkupError(f"align must be one of {', '.join(ALIGNS)}")
    return align


def _runs(
    element: etree._Element, numbering: HeadingNumbers, bold: bool = False, italic: bool = False
) -> tuple[Run, ...]:
    """Flatten mixed content with <b>, <i> and footnotes (<fn>) into runs; whitespace is folded."""
    runs: list[Run] = []
    if element.text:
        runs.append(Run(element.text, bold, italic))
    for child in element:
        if child.tag not in ("b", "i", "br", "fn"):
            raise MarkupError(f"<{child.tag}> cannot stand inside text")
        if child.tag == "br":
            runs.append(Run("\n", bold, italic))
        elif child.tag == "fn":
            note = " ".join("".join(child.itertext()).split())
            if note:
                runs.append(Run("", bold, italic, note, numbering.next_note()))
        else:
            runs.extend(_runs(child, numbering, bold or child.tag == "b", italic or child.tag == "i"))
        if child.tail:
            runs.append(Run(child.tail, bold, italic))
    return _fold(runs)


def _fold(runs: list[Run]) -> tuple[Run, ...]:
    """Collapse runs of white space (but keep explicit line breaks) and trim the ends."""
    folded = []
    for run in runs:
        text = run.text if run.text == "\n" else " ".join(run.text.split()) + (" " if run.text[-1:].isspace() else "")
        if run.text[:1].isspace() and run.text != "\n":
            text = " " + text.lstrip()
        folded.append(run._replace(text=text))
    if folded:
        folded[0] = folded[0]._replace(text=folded[0].text.lstrip())
        folded[-1] = folded[-1]._replace(text=folded[-1].text.rstrip())
    return tuple(r for r in folded if r.text or r.note)
