"""A report's own outline as plain data for the frame template: numbered levels, no empty heading.

Each section becomes ``{"level": 1-4, "title": …, "body": [primitives], "sections": [...]}``,
where ``level`` is the heading tag the section's numbering style maps to
("I." → 1, "1." → 2, "1.1." → 3, "a)" → 4); a section with nothing under it
is left out (validate warns about it, BC404).
"""

from __future__ import annotations

from typing import Any

from baocao.blocktypes import REGISTRY, Context
from baocao.models import Report
from baocao.models.blocks import HEADING_STYLES, Block, Section

ENDINGS = (".", ";", ":", "!", "?")


def tree(report: Report) -> dict[str, Any]:
    """The outline of ``report``: opening, numbered sections, closing."""
    levels = [HEADING_STYLES.index(style) + 1 for style in report.numbering]
    context = {"area": report.document.area}
    return {
        "opening": body(report.opening, context),
        "sections": [s for s in (_section(section, levels, 0, context) for section in report.sections) if s],
        "closing": body(report.closing, context),
    }


def _section(section: Section, levels: list[int], depth: int, context: Context) -> dict[str, Any] | None:
    subsections = [s for s in (_section(sub, levels, depth + 1, context) for sub in section.sections) if s]
    content = body(section.content, context)
    if not content and not subsections:
        return None
    level = levels[min(depth, len(levels) - 1)]
    return {"level": level, "title": section.title, "body": content, "sections": subsections}


def body(blocks: list[Block], context: Context) -> list[dict[str, Any]]:
    """The primitives of a list of blocks; a run of "-" items ends each with ";" and the last with "."."""
    prims = [prim for block in blocks for prim in REGISTRY[block.kind].view(block.value, context)]
    for index, prim in enumerate(prims):
        if not prim.get("item"):
            continue
        last = index + 1 == len(prims) or not prims[index + 1].get("item")
        runs = prim["runs"]
        if runs and not runs[-1]["text"].rstrip().endswith(ENDINGS):
            runs[-1] = {**runs[-1], "text": runs[-1]["text"].rstrip() + ("." if last else ";")}
    return prims
