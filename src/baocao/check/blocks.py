"""Each block checked as its type says; values left blank; sections with nothing in them or nested too deep."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from baocao.blocks import REGISTRY
from baocao.blocks.base import CheckContext, key_of
from baocao.core.findings import Issue, Loc
from baocao.report import Report
from baocao.report.sections import Section, walk


def each_block(report: Report) -> Iterator[Issue]:
    """Each block filled in, checked as its type says (see :mod:`baocao.blocks`)."""
    context = CheckContext(date=report.document.date)
    for loc, block in report.blocks():
        kind = REGISTRY[block.kind]
        if kind.check is not None and not kind.blank(block.value):
            yield from kind.check(block.value, loc, context)


LEFT = frozenset({"…", "...", "….", "....", "…….", "……"})
"""What a text left to fill in holds: the starter's "…", or dots."""


def texts_left(report: Report) -> Iterator[Issue]:
    """A text of a block still "…" or "..." (a cell, a label, a note) is not a report yet (BC630)."""
    for loc, block in report.blocks():
        if REGISTRY.keyless(block.kind) or not _dotted(block.value) or REGISTRY[block.kind].blank(block.value):
            continue  # no dots at all; a paragraph still "…", a block not filled in: BC604 says so
        data = _plain(block.value)
        name = str(REGISTRY[block.kind].label(data)).rstrip(" :") if isinstance(data, dict) else block.kind
        for path, text in _texts(data, ()):
            if text.strip() in LEFT:
                field = f"{name} › {path[-1]}" if text.strip() != name else str(path[-1])
                yield Issue("BC630", (*loc, *path), {"stated": text.strip(), "field": field, "variant": "block"})


def _dotted(value: Any) -> bool:
    """True when a block's value holds "…" or "..." anywhere (most hold none: nothing to walk)."""
    if isinstance(value, BaseModel):
        text = value.model_dump_json(by_alias=True, exclude_none=True)
    elif isinstance(value, (list, tuple)):
        return any(_dotted(item) for item in value)
    else:
        text = str(value)
    return "…" in text or "..." in text


def _plain(value: Any) -> Any:
    """A block's value as plain data: models as the mappings they were written as."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _texts(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def blank_blocks(report: Report) -> Iterator[Issue]:
    """A value left blank is not printed: an error, unless the đề cương says the item may be left out."""
    outline = report.followed
    optional: set[str] = set()
    free: set[str] = set()
    if outline is not None:
        optional = {key for key, item in outline.items() if not item.required}
        free = outline.free_text_optional()
    sections = {loc: section for loc, section, _ in walk(report.sections)}
    for loc, block in report.blocks():
        kind = REGISTRY[block.kind]
        if not kind.blank(block.value):
            if kind.blanks_inside is not None:
                yield from kind.blanks_inside(block.value, loc)
            continue
        at = kind.fill_at(block.value, loc)
        if REGISTRY.keyless(block.kind):  # a "…" still standing for the text to write
            section = sections.get(loc[:-3])
            if section is None or section.key not in free:
                yield Issue("BC604", at, {"what": section.title if section else "…", "variant": block.kind})
            continue
        key = key_of(block.value)
        if key is not None and key in optional:
            continue
        label = getattr(block.value, "label", None) or getattr(block.value, "title", None) or key or block.kind
        asked = outline is not None and key is not None and any(k == key for k, _ in outline.items())
        yield Issue("BC604", at, {"what": label, **({"variant": "required"} if asked else {})})


def outline_depth(report: Report) -> Iterator[Issue]:
    """Sections nest no deeper than the numbering has levels; a section or annex with nothing in it is not printed.

    A section the đề cương requires is not to be removed: its hint says to write it.
    """
    yield from _too_deep(report.sections, list(report.numbering), 1, 0, " ".join(report.numbering), ("sections",))
    outline = report.followed
    required = outline.required_sections() if outline is not None else set()  # its models load with a đề cương
    for loc, section, _ in walk(report.sections):
        if not section.content and not any(_has_content(s) for s in section.sections):
            asked = {"variant": "required"} if section.key is not None and section.key in required else {}
            yield Issue("BC404", (*loc, "title"), {"title": section.title, **asked})
    for index, annex in enumerate(report.annexes):
        if not annex.content:
            yield Issue("BC404", ("annexes", index, "title"), {"title": annex.title})


def _too_deep(
    sections: list[Section], styles: list[str], depth: int, start: int, numbering: str, base: Loc
) -> Iterator[Issue]:
    """BC405 for each section deeper than the numbering in force (the report's, or a section's for its own).

    ``styles`` are those left for this level and deeper; the numbering in force begins below level ``start``.
    """
    for index, section in enumerate(sections):
        loc = (*base, index)
        if not styles:
            params = {"depth": depth, "levels": start + len(numbering.split()), "numbering": numbering}
            yield Issue("BC405", (*loc, "title"), params)
        inner = (*loc, "sections")
        if section.numbering:
            own: list[str] = list(section.numbering)
            yield from _too_deep(section.sections, own, depth + 1, depth, " ".join(own), inner)
        else:
            yield from _too_deep(section.sections, styles[1:], depth + 1, start, numbering, inner)


def _has_content(section: Section | Any) -> bool:
    return bool(section.content) or any(_has_content(s) for s in section.sections)


CHECKS = (each_block, outline_depth, blank_blocks, texts_left)
