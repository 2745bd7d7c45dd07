"""A report's own outline: sections in the order written, each a title, its blocks and its sub-sections.

baocao numbers the headings (I. 1. 1.1. a) by default, or in the styles ``numbering`` chooses per
level, up to eight: A. I. 1. 1.1. a) (1) (i) - +) and prints
them in the order written; the blocks are the types of :mod:`baocao.blocks`.
"""

from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from baocao.blocks import Block, Entry
from baocao.core import vietnamese as vn
from baocao.core.findings import Loc
from baocao.model.fields import Flag, Model, Text, field


def text_or_block(schema: dict[str, Any]) -> None:
    """JSON Schema of a list of entries: each a line of text or a block (the loader reads text as a text block)."""
    schema["items"] = {"anyOf": [{"type": "string"}, schema["items"]]}


HEADING_STYLES = ("A.", "I.", "1.", "1.1.", "a)", "(1)", "(i)", "-", "+")
"""The numbering styles of headings, from the outside in: a report's levels take some of them in this order."""
MAX_LEVELS = 8
DEFAULT_NUMBERING = ["I.", "1.", "1.1.", "a)"]
COMPOSED = "1.1."  # a number under its parent's: "2.1.", and under "2.1." "2.1.1."


def heading_number(style: str, index: int, parent: str = "") -> str:
    """The ``index``-th (1-based) heading of ``style``: "II.", "3.", "2.1.", "b)", "(4)", "(iii)", "-", "+".

    A "1.1." heading extends the number of the heading above it ("2." → "2.1.", "2.1." → "2.1.1.");
    with none in figures above it, it is numbered "1.", "2.". Parts "A." go in Vietnamese letter order.
    """
    if style == "A.":
        return f"{vn.letter(index).upper()}."
    if style == "I.":
        return f"{vn.roman(index)}."
    if style == COMPOSED:
        return f"{parent.rstrip('.')}.{index}." if parent[:1].isdigit() else f"{index}."
    if style == "a)":
        return f"{vn.letter(index)})"
    if style == "(1)":
        return f"({index})"
    if style == "(i)":
        return f"({vn.roman(index).lower()})"
    if style in ("-", "+"):
        return style
    return f"{index}."


def _numbering(value: Any) -> Any:
    styles = value.split() if isinstance(value, str) else value
    if isinstance(styles, list) and all(s in HEADING_STYLES for s in styles):
        order = [HEADING_STYLES.index(s) for s in styles]
        inwards = all(a < b or (a == b and HEADING_STYLES[a] == COMPOSED) for a, b in pairwise(order))
        if not inwards:
            raise ValueError(
                "các cấp đánh số theo thứ tự A. I. 1. 1.1. a) (1) (i) - +, mỗi kiểu một lần (1.1. lặp được: 1.1.1.)"
            )
    return styles


def _styles_or_list(schema: dict[str, Any]) -> None:
    """JSON Schema of the numbering: the styles in order, written on one line, or listed."""
    for key in ("type", "items", "minItems", "maxItems"):
        schema.pop(key, None)
    one = r"(\s+|$)"
    written = (
        rf"^(?!(\s*\S+\s+){{{MAX_LEVELS}}}\S)\s*(?=\S)(A\.{one})?(I\.{one})?(1\.{one})?(1\.1\.{one})*(a\){one})?"
        rf"(\(1\){one})?(\(i\){one})?(-{one})?(\+\s*)?$"
    )
    listed = {"type": "array", "items": {"enum": list(HEADING_STYLES)}, "minItems": 1, "maxItems": MAX_LEVELS}
    schema["anyOf"] = [{"type": "string", "pattern": written}, listed]


Numbering = Annotated[
    list[Literal["A.", "I.", "1.", "1.1.", "a)", "(1)", "(i)", "-", "+"]],
    BeforeValidator(_numbering),
    Field(min_length=1, max_length=MAX_LEVELS, json_schema_extra=_styles_or_list),
]


class Section(Model):
    """A heading of the report, what stands under it, then its sub-sections."""

    title: Text = field("Tiêu đề", "Viết như trong báo cáo, không ghi số thứ tự: baocao tự đánh số.")
    key: Text | None = field("Mã mục", "Tên ngắn, để so sánh giữa các kỳ và theo đề cương.", default=None)
    content: list[Entry] = field(
        "Nội dung", "Các đoạn văn và khối số liệu, theo thứ tự in.", default=[], json_schema_extra=text_or_block
    )
    sections: list["Section"] = field("Các mục con", default=[])
    numbering: Numbering | None = field(
        "Cách đánh số các mục con",
        "Khi các mục con của mục này đánh số khác các mục cùng cấp ở nơi khác, ví dụ '(1) +'; "
        "bỏ trống: như cả báo cáo.",
        default=None,
    )


class Annex(Model):
    """A phụ lục of the report's own, printed after the signature on a page of its own.

    Under its name ("Phụ lục", or "Phụ lục I", "Phụ lục II" …) and "(Kèm theo Báo cáo số … ngày … của …)".
    """

    title: Text = field("Tên phụ lục", "Viết như trong báo cáo, không ghi 'Phụ lục I': baocao tự đặt tên.")
    key: Text | None = field("Mã phụ lục", "Tên ngắn, để so sánh giữa các kỳ.", default=None)
    landscape: Flag = field("Khổ giấy nằm ngang", "Có khi bảng rộng: in phụ lục trên trang nằm ngang.", default=False)
    content: list[Entry] = field(
        "Nội dung", "Các đoạn văn và khối số liệu, theo thứ tự in.", default=[], json_schema_extra=text_or_block
    )


def walk(sections: list[Section], base: Loc = ("sections",), depth: int = 1) -> Iterator[tuple[Loc, Section, int]]:
    """Every section with its place in the file and its depth, in the order written."""
    for index, section in enumerate(sections):
        loc = (*base, index)
        yield loc, section, depth
        yield from walk(section.sections, (*loc, "sections"), depth + 1)


def blocks_of(
    opening: list[Block], sections: list[Section], closing: list[Block], annexes: Sequence[Annex] = ()
) -> Iterator[tuple[Loc, Block]]:
    """Every block with its place in the file: (loc of the block's value, block)."""
    for index, block in enumerate(opening):
        yield ("opening", index, block.kind), block
    for loc, section, _ in walk(sections):
        for index, block in enumerate(section.content):
            yield (*loc, "content", index, block.kind), block
    for index, block in enumerate(closing):
        yield ("closing", index, block.kind), block
    for number, annex in enumerate(annexes):
        for index, block in enumerate(annex.content):
            yield ("annexes", number, "content", index, block.kind), block
