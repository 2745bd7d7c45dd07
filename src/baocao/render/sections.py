"""A report's own sections as plain data for the frame template: numbered levels, no empty heading.

Each section becomes ``{"level": 1-8, "style": "I.", "title": …, "body": [primitives], "sections": [...]}``,
where ``level`` is its depth (the heading tag ``<h1>``…``<h8>``) and ``style`` the numbering the
report chose for that depth ("A.", "I.", "1.", "1.1.", "a)", "(1)", "(i)", "-", "+"), or the section
above chose for its sub-sections in its own ``numbering``; a section with nothing under it is left
out (validate warns about it, BC404).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from baocao.blocks import REGISTRY, Block
from baocao.blocks.base import ViewContext
from baocao.blocks.printing import item
from baocao.core import vietnamese as vn
from baocao.model.period import Period, PeriodType
from baocao.render.compare import changes
from baocao.report import Report
from baocao.report.sections import MAX_LEVELS, Section

ENDINGS = (".", ";", ":", "!", "?")
COMING = re.compile(r"\b(kỳ|quý|năm) tới\b", re.IGNORECASE)
"""A heading that speaks of the coming period without naming it: "Nhiệm vụ quý tới", "Định hướng kỳ tới"."""


def tree(report: Report, previous: Report | None = None, reference: str = "") -> dict[str, Any]:
    """The outline of ``report``: opening, numbered sections, closing, and the report's own annexes.

    With ``previous``, each keyed block both periods have says how it changed: "tăng 30 km
    (7,1%) so với cùng kỳ năm 2021". Without it, those that carry last period's value in
    the file (``previous``, written by ``baocao next``) say so against it; a period given
    to compare with wins over the values in the file.
    """
    styles: list[str] = list(report.numbering)
    document = report.document
    words = vn.commune_words(document.level.value, document.area, document.period.end)
    if previous is not None:  # a period given to compare with wins over the values carried in the file
        context = ViewContext(area=document.area, communes=words, changes=changes(report, previous, reference))
    else:
        context = ViewContext(area=document.area, communes=words, compared_with=document.compared_with)
    opening = replace(context, opening=True)
    return {
        "opening": body(report.opening, opening),
        "sections": [
            s for s in (_section(section, styles, 0, context, document.period) for section in report.sections) if s
        ],
        "closing": body(report.closing, context),
        "annexes": [
            {"title": annex.title, "landscape": annex.landscape, "body": content}
            for annex in report.annexes
            if (content := body(annex.content, context))
        ],
    }


def _section(
    section: Section, styles: list[str], depth: int, context: ViewContext, period: Period
) -> dict[str, Any] | None:
    """A section numbered in ``styles[0]``; its sub-sections in the rest, or in its own ``numbering``."""
    inner: list[str] = list(section.numbering) if section.numbering else styles[1:] or styles[-1:]  # beyond: BC405
    subsections = [s for s in (_section(sub, inner, depth + 1, context, period) for sub in section.sections) if s]
    content = body(section.content, context)
    if not content and not subsections:
        return None
    level = min(depth + 1, MAX_LEVELS)
    title = named(section.title, period)
    return {"level": level, "style": styles[0], "title": title, "body": content, "sections": subsections}


def named(title: str, period: Period) -> str:
    """A heading with the coming period named: "Nhiệm vụ quý tới" of quý I/2026 is "Nhiệm vụ quý II năm 2026".

    "kỳ tới" is the period after the report's, "quý tới" the quarter after its last day, "năm tới" the next year.
    """

    def name(found: re.Match[str]) -> str:
        word = found[1].lower()
        if word == "năm":
            return f"năm {period.end.year + 1}"
        coming = period.following()
        if word == "quý" and period.type is not PeriodType.QUARTER:
            quarter = (period.end.month - 1) // 3 + 1  # the quarter the period ends in, then the one after
            coming = Period.model_construct(type=PeriodType.QUARTER, number=quarter, year=period.end.year).following()
        return re.sub(r"quý ([IVX]+)/(\d{4})", r"quý \1 năm \2", coming.label)

    return COMING.sub(name, title)


def body(blocks: list[Block], context: ViewContext) -> list[dict[str, Any]]:
    """The primitives of a list of blocks; a run of "-" items ends each with ";" and the last with ".".

    Two or more blocks that did not change since the period compared with are said so once, in a line
    of their own after the others ("- Không thay đổi so với cùng kỳ năm 2021: bưu cục; tuyến đường thư."),
    not seven times "không thay đổi so với cùng kỳ".
    """
    quiet = replace(context, unchanged=[])
    prims = _views(blocks, quiet)
    if quiet.unchanged is not None and len(quiet.unchanged) > 1:
        labels = "; ".join(vn.in_sentence(label) for label in dict.fromkeys(label for label, _ in quiet.unchanged))
        prims += item(f"Không thay đổi so với {quiet.unchanged[0][1]}: {labels}")
    else:
        prims = _views(blocks, context)
    return _punctuated(prims)


def _views(blocks: list[Block], context: ViewContext) -> list[dict[str, Any]]:
    prims = []
    for block in blocks:
        kind = REGISTRY[block.kind]
        if kind.blank(block.value):  # validate says so (BC604), or the đề cương lets it be left out
            continue
        prims += kind.view(block.value, context)
    return prims


def _punctuated(prims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for index, prim in enumerate(prims):
        if not prim.get("item"):
            continue
        last = index + 1 == len(prims) or not prims[index + 1].get("item")
        runs = prim["runs"]
        if runs and not runs[-1]["text"].rstrip().endswith(ENDINGS):
            runs[-1] = {**runs[-1], "text": runs[-1]["text"].rstrip() + ("." if last else ";")}
    return prims
