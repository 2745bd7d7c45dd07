"""Text: one line, one paragraph; "- ", "+ " bullets, "* " a group line; **bold**, *italic*.

Most figures of a real report sit in its sentences: "42.694/42.829 công dân, đạt 99,5%",
"tổng số 369, trong đó mức độ 3: 200, mức độ 4: 169", "tăng 42,29% (từ 71.263 lên
101.400)". They are checked as data is (:mod:`baocao.blocks.prose`), at the line and
column of the number to correct. Text is what a person writes anew each period: ``next`` keeps last
period's as a comment, and ``rollup`` leaves it in each unit's own report.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baocao.blocks import prose
from baocao.blocks.base import CheckContext, Data, ViewContext, declare, start_comment
from baocao.blocks.cells import Line, Piece, Slot
from baocao.blocks.printing import runs
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Model, Text, field

PLACEHOLDERS = ("…", "...")
"""Text that stands where the unit has still to write (``baocao new`` writes it for free text)."""
PLACEHOLDER = PLACEHOLDERS[0]
BULLETS = {"- ": "li", "+ ": "li2", "* ": "star"}


class ExpectedText(Model):
    """Free text the section must hold (or may)."""

    label: Text = field("Nội dung cần viết", "Ví dụ: Khó khăn, vướng mắc.")
    required: bool = field("Bắt buộc", default=False)
    guide: Text | None = field("Hướng dẫn", default=None)


def check(text: str, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """Numbers in sentences agree with each other as data must (:mod:`baocao.blocks.prose`).

    A text entry is written as a plain line of ``content`` (no ``text:`` key): its issues stand at the entry.
    """
    del context
    yield from prose.issues(text, loc[:-1])


def view(text: str, context: ViewContext) -> list[dict[str, Any]]:
    """One line, one paragraph; '- ', '+ ', '* ' start bullets and groups."""
    del context
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        tag = BULLETS.get(line[:2], "p")
        out.append({"kind": "para", "tag": tag, "align": None, "runs": runs(line[2:] if tag != "p" else line)})
    return out


def start(item: ExpectedText, pad: str, alone: bool) -> list[str]:
    """A "…" to replace when the text is required, or when the section holds only text; else a comment only."""
    if item.required or alone:
        how = 'Thay dấu … bằng đoạn văn; mỗi dòng một đoạn; gạch đầu dòng viết trong dấu nháy: - "- Nội dung".'
        return [*start_comment(pad, "Đoạn văn", item, how), f"{pad}- {PLACEHOLDER}"]
    return start_comment(pad, "Đoạn văn", item, "Viết thêm đoạn văn ở đây nếu có.")


def carry(text: Data, value: str, carrier: Any) -> list[Any]:
    """Last period's paragraphs as a comment at their place: a clerk writes them anew, never prints them unchanged."""
    del value
    return [carrier.mark([f"{carrier.reference}:", *carrier.said(text)])]


def cells(data: Any, expected: Any) -> list[Piece]:
    """A paragraph over the item columns; several lines in the cell are several lines of text."""
    label = expected.label if expected is not None else "Đoạn văn"
    return [Line(label, text=Slot((), "long_text"), guide=getattr(expected, "guide", None))]


KIND = declare(
    name="text",
    model=Text,
    title="Đoạn văn",
    description="Mỗi dòng một đoạn; '- ' và '+ ' gạch đầu dòng, '* ' nhóm; **đậm**, *nghiêng*; \\* là dấu *.",
    definitions={"ExpectedText": ("Đoạn văn yêu cầu", "Nội dung cần viết thành đoạn văn ở mục, bắt buộc hay không.")},
    expected=ExpectedText,
    start=start,
    conform=None,  # a paragraph has no form to compare: the đề cương asks only that the section holds one
    by_unit=None,  # text is not annexed
    blank=lambda text: text.strip() in PLACEHOLDERS,
    fill_at=lambda text, loc: loc,
    blanks_inside=None,  # one paragraph has no parts
    check=check,
    stated=None,  # text has no key
    view=view,
    measure=None,  # no number of its own to compare
    computed=None,
    label=lambda text: "đoạn văn",
    lists={},
    path_names={},
    carry=carry,
    rollup=None,  # the units' text stays in their reports; the level above writes its own
    rollup_keyed=None,
    summary=None,
    annex=None,  # no one-row form
    annex_keeps=(),
    annex_total=None,
    annex_table=None,
    cells=cells,
)
