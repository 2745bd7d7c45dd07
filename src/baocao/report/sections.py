"""A report's own outline: sections in the order written, each a title, its blocks and its sub-sections.

baocao numbers the headings (I. 1. 1.1. a) by default, or as ``numbering`` says) and prints
them in the order written; the blocks are the types of :mod:`baocao.blocks`.
"""

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from baocao.blocks import Block, Entry
from baocao.core.findings import Loc
from baocao.model.fields import Model, Text, field


def text_or_block(schema: dict[str, Any]) -> None:
    """JSON Schema of a list of entries: each a line of text or a block (the loader reads text as a text block)."""
    schema["items"] = {"anyOf": [{"type": "string"}, schema["items"]]}


class Section(Model):
    """A heading of the report, what stands under it, then its sub-sections."""

    title: Text = field("Tiêu đề", "Viết như trong báo cáo, không ghi số thứ tự: baocao tự đánh số.")
    key: Text | None = field("Mã mục", "Tên ngắn, để so sánh giữa các kỳ và theo đề cương.", default=None)
    content: list[Entry] = field(
        "Nội dung", "Các đoạn văn và khối số liệu, theo thứ tự in.", default=[], json_schema_extra=text_or_block
    )
    sections: list["Section"] = field("Các mục con", default=[])


HEADING_STYLES = ("I.", "1.", "1.1.", "a)")


def _numbering(value: Any) -> Any:
    styles = value.split() if isinstance(value, str) else value
    if isinstance(styles, list) and all(s in HEADING_STYLES for s in styles):
        order = [HEADING_STYLES.index(s) for s in styles]
        if order != sorted(set(order)):
            raise ValueError("các cấp đánh số phải theo thứ tự I. 1. 1.1. a), mỗi kiểu một lần")
    return styles


def _styles_or_list(schema: dict[str, Any]) -> None:
    """JSON Schema of the numbering: the styles in order, each once, listed or written on one line."""
    for key in ("type", "items", "minItems", "maxItems"):
        schema.pop(key, None)
    in_order = [
        [style for bit, style in enumerate(HEADING_STYLES) if chosen >> bit & 1]
        for chosen in range(1, 2 ** len(HEADING_STYLES))
    ]
    written = r"^\s*(?=\S)(I\.(\s+|$))?(1\.(\s+|$))?(1\.1\.(\s+|$))?(a\)\s*)?$"
    schema["anyOf"] = [{"type": "string", "pattern": written}, {"type": "array", "enum": in_order}]


Numbering = Annotated[
    list[Literal["I.", "1.", "1.1.", "a)"]],
    BeforeValidator(_numbering),
    Field(min_length=1, max_length=4, json_schema_extra=_styles_or_list),
]


def walk(sections: list[Section], base: Loc = ("sections",), depth: int = 1) -> Iterator[tuple[Loc, Section, int]]:
    """Every section with its place in the file and its depth, in the order written."""
    for index, section in enumerate(sections):
        loc = (*base, index)
        yield loc, section, depth
        yield from walk(section.sections, (*loc, "sections"), depth + 1)


def blocks_of(opening: list[Block], sections: list[Section], closing: list[Block]) -> Iterator[tuple[Loc, Block]]:
    """Every block with its place in the file: (loc of the block's value, block)."""
    for index, block in enumerate(opening):
        yield ("opening", index, block.kind), block
    for loc, section, _ in walk(sections):
        for index, block in enumerate(section.content):
            yield (*loc, "content", index, block.kind), block
    for index, block in enumerate(closing):
        yield ("closing", index, block.kind), block
