"""A report's own sections as plain data for the frame template: numbered levels, no empty heading.

Each section becomes ``{"level": 1-8, "style": "I.", "title": …, "body": [primitives], "sections": [...]}``,
where ``level`` is its depth (the heading tag ``<h1>``…``<h8>``) and ``style`` the numbering the
report chose for that depth ("A.", "I.", "1.", "1.1.", "a)", "(1)", "(i)", "-", "+"), or the section
above chose for its sub-sections in its own ``numbering``; a section with nothing under it is left
out (validate warns about it, BC404).
"""

from __future__ import annotations

from typing import Any

from baocao.blocks import REGISTRY, Block
from baocao.blocks.base import ViewContext
from baocao.render.compare import changes
from baocao.report import Report
from baocao.report.sections import MAX_LEVELS, Section

ENDINGS = (".", ";", ":", "!", "?")


def tree(report: Report, previous: Report | None = None, reference: str = "") -> dict[str, Any]:
    """The outline of ``report``: opening, numbered sections, closing, and the report's own annexes.

    With ``previous``, each keyed block both periods have says how it changed: "tăng 30 km
    (7,1%) so với cùng kỳ năm 2021". Without it, those that carry last period's value in
    the file (``previous``, written by ``baocao next``) say so against it; a period given
    to compare with wins over the values in the file.
    """
    styles: list[str] = list(report.numbering)
    if previous is not None:  # a period given to compare with wins over the values carried in the file
        context = ViewContext(area=report.document.area, changes=changes(report, previous, reference))
    else:
        context = ViewContext(area=report.document.area, compared_with=report.document.compared_with)
    opening = ViewContext(context.area, True, context.compared_with, context.changes)
    return {
        "opening": body(report.opening, opening),
        "sections": [s for s in (_section(section, styles, 0, context) for section in report.sections) if s],
        "closing": body(report.closing, context),
        "annexes": [
            {"title": annex.title, "landscape": annex.landscape, "body": content}
            for annex in report.annexes
            if (content := body(annex.content, context))
        ],
    }


def _section(section: Section, styles: list[str], depth: int, context: ViewContext) -> dict[str, Any] | None:
    """A section numbered in ``styles[0]``; its sub-sections in the rest, or in its own ``numbering``."""
    inner: list[str] = list(section.numbering) if section.numbering else styles[1:] or styles[-1:]  # beyond: BC405
    subsections = [s for s in (_section(sub, inner, depth + 1, context) for sub in section.sections) if s]
    content = body(section.content, context)
    if not content and not subsections:
        return None
    level = min(depth + 1, MAX_LEVELS)
    return {"level": level, "style": styles[0], "title": section.title, "body": content, "sections": subsections}


def body(blocks: list[Block], context: ViewContext) -> list[dict[str, Any]]:
    """The primitives of a list of blocks; a run of "-" items ends each with ";" and the last with "."."""
    prims = []
    for block in blocks:
        kind = REGISTRY[block.kind]
        if kind.blank(block.value):  # validate says so (BC604), or the đề cương lets it be left out
            continue
        prims += kind.view(block.value, context)
    for index, prim in enumerate(prims):
        if not prim.get("item"):
            continue
        last = index + 1 == len(prims) or not prims[index + 1].get("item")
        runs = prim["runs"]
        if runs and not runs[-1]["text"].rstrip().endswith(ENDINGS):
            runs[-1] = {**runs[-1], "text": runs[-1]["text"].rstrip() + ("." if last else ";")}
    return prims
