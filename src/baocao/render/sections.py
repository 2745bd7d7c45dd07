"""A report's own outline as plain data for the frame template: numbered levels, no empty heading.

Each section becomes ``{"level": 1-4, "title": …, "body": [primitives], "sections": [...]}``,
where ``level`` is the heading tag the section's numbering style maps to
("I." → 1, "1." → 2, "1.1." → 3, "a)" → 4); a section with nothing under it
is left out (validate warns about it, BC404).
"""

from __future__ import annotations

from typing import Any

from baocao import phrases
from baocao.blocktypes import REGISTRY, Context
from baocao.models import Report
from baocao.models.blocks import HEADING_STYLES, Block, Section

ENDINGS = (".", ";", ":", "!", "?")


def tree(report: Report, previous: Report | None = None, reference: str = "") -> dict[str, Any]:
    """The outline of ``report``: opening, numbered sections, closing.

    With ``previous``, each keyed figure and indicator both periods have says how it
    changed: "tăng 30 km (7,1%) so với cùng kỳ năm 2021". Without it, those that carry
    last period's value in the file (``previous``, written by ``baocao next``) say so
    against it; a period given to compare with wins over the values in the file.
    """
    levels = [HEADING_STYLES.index(style) + 1 for style in report.numbering]
    context: Context = {"area": report.document.area}
    if previous is not None:  # a period given to compare with wins over the values carried in the file
        context = {**context, **_versus(report, previous, reference)}
    else:
        context["compared_with"] = report.document.compared_with
    return {
        "opening": body(report.opening, {**context, "opening": "true"}),
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
    prims = []
    for block in blocks:
        if block.blank:  # validate says so (BC604), or the đề cương lets it be left out
            continue
        prims += REGISTRY[block.kind].view(block.value, context)
    for index, prim in enumerate(prims):
        if not prim.get("item"):
            continue
        last = index + 1 == len(prims) or not prims[index + 1].get("item")
        runs = prim["runs"]
        if runs and not runs[-1]["text"].rstrip().endswith(ENDINGS):
            runs[-1] = {**runs[-1], "text": runs[-1]["text"].rstrip() + ("." if last else ";")}
    return prims


def _versus(report: Report, previous: Report, reference: str) -> dict[str, str]:
    """The change of each keyed figure and indicator since ``previous``, by "figure:key" / "indicator:key"."""
    out: dict[str, str] = {}
    old = {f.key: f for f in previous.keyed("figure")}
    for figure in report.keyed("figure"):
        if figure.key in old:
            change = figure.total - old[figure.key].total
            out[f"figure:{figure.key}"] = phrases.versus(change, old[figure.key].total, figure.unit, reference)
    old = {i.key: i for i in previous.keyed("indicator")}
    for item in report.keyed("indicator"):
        if item.key in old:
            before, after = old[item.key].computed_percent, item.computed_percent
            out[f"indicator:{item.key}"] = phrases.versus(after - before, before, "%", reference, points=True)
    return out
