"""Conformance: the unit's file against the đề cương it follows (``document.outline``).

A unit's section answers the outline's section with the same ``key``, else the one with
the same title (case and spacing aside), among the sections at the same place. A block
answers an expected item of that section by its type and ``key``, anywhere in the
section's content (not in its sub-sections). What the outline asks and the file lacks is
an error; what the file adds is a warning (it is still printed where it is written).
A blank block counts as there: its blank value is BC604, not said twice.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from baocao.blocks import REGISTRY, Block, Expect
from baocao.blocks.base import key_of, unit_differs, words
from baocao.core.findings import Issue, Loc
from baocao.outline import is_path
from baocao.report import Report
from baocao.report.sections import Section
from baocao.report.sections import walk as blocks_walk

if TYPE_CHECKING:  # the models of a đề cương are loaded with one (baocao.outline.find), not for every report
    from baocao.outline.model import Outline, OutlineSection

OUTLINE_LOC: Loc = ("document", "outline")


def regime(report: Report) -> Iterator[Issue]:
    """The unit's level is among the regime's reporters and its period among the regime's periods."""
    outline: Outline | None = report.followed
    if outline is None:
        return
    doc, rules = report.document, outline.regime
    params = {"outline": outline.outline.id}
    if rules.reporters and doc.level not in rules.reporters:
        allowed = ", ".join(level.value for level in rules.reporters)
        yield Issue("BC608", ("document", "level"), {**params, "what": doc.level.value, "allowed": allowed})
    if rules.periods and doc.period.type not in rules.periods:
        allowed = ", ".join(kind.value for kind in rules.periods)
        what = doc.period.type.value
        yield Issue("BC608", ("document", "period", "type"), {**params, "what": what, "allowed": allowed})


def outline_name(report: Report) -> Iterator[Issue]:
    """An outline named by id is the file whose ``outline.id`` is that id (a renamed file is not)."""
    outline: Outline | None = report.followed
    name = report.document.outline
    if outline is None or name is None:
        return
    if is_path(name) or outline.outline.id == name:
        return
    yield Issue("BC610", OUTLINE_LOC, {"name": name, "id": outline.outline.id})


def sections(report: Report) -> Iterator[Issue]:
    """Every section and expected item of the outline is in the file, in the outline's order, and nothing else."""
    outline: Outline | None = report.followed
    if outline is None:
        return
    yield from _siblings(report.sections, outline.sections, ("sections",), None, _Places(outline, report))


class _Places:
    """Where the outline puts each section and keyed item, and where the file writes each keyed block.

    They name, in a finding, where a misplaced section or item belongs, or where it was written.
    """

    def __init__(self, outline: Outline, report: Report) -> None:
        self.sections: dict[str, str] = {}  # key or title → title of the section above ("" at the top)
        self.items: dict[str, str] = {}  # item key → title of its section
        self._outline(outline.sections, "")
        self.written: dict[str, str] = {}  # block key → title of the section of the file that holds it
        for _, section, _ in blocks_walk(report.sections):
            for block in section.content:
                key = key_of(block.value)
                if key is not None:
                    self.written.setdefault(key, section.title)

    def _outline(self, sections: list[OutlineSection], above: str) -> None:
        for section in sections:
            self.sections.setdefault(section.key, above)
            self.sections.setdefault(words(section.title), above)
            for expect in section.expects:
                key = getattr(expect.item, "key", None)
                if key is not None:
                    self.items[key] = section.title
            self._outline(section.sections, section.title)


def _match(written: list[Section], expected: list[OutlineSection]) -> dict[int, int]:
    """Which outline section each written section answers: by key first, then by title."""
    matched: dict[int, int] = {}
    taken: set[int] = set()
    by_key = {wanted.key: index for index, wanted in enumerate(expected)}
    for index, section in enumerate(written):
        at = by_key.get(section.key) if section.key else None
        if at is not None and at not in taken:
            matched[index] = at
            taken.add(at)
    by_title: dict[str, int] = {}
    for index, wanted in enumerate(expected):
        by_title.setdefault(words(wanted.title), index)
    for index, section in enumerate(written):
        if index in matched:
            continue
        at = by_title.get(words(section.title))
        if at is not None and at not in taken:
            matched[index] = at
            taken.add(at)
    return matched


def _siblings(
    written: list[Section], expected: list[OutlineSection], base: Loc, parent: Loc | None, places: _Places
) -> Iterator[Issue]:
    """The sections at one place of the file against the outline's sections at the same place."""
    matched = _match(written, expected)
    present = set(matched.values())
    where = (*parent, "title") if parent is not None else OUTLINE_LOC
    variant = "section" if parent is not None else "top_section"
    for index, wanted in enumerate(expected):
        if wanted.required and index not in present:
            yield Issue("BC603", where, {"variant": variant, "title": wanted.title, "key": wanted.key})
    for index, section in enumerate(written):
        loc = (*base, index)
        if index not in matched:
            yield Issue("BC605", (*loc, "title"), _extra_section(section, places))
            continue
        answered = expected[matched[index]]
        yield from _content(section, answered, loc, places)
        yield from _siblings(section.sections, answered.sections, (*loc, "sections"), loc, places)
    yield from _order(written, expected, matched, base)


def _extra_section(section: Section, places: _Places) -> dict[str, Any]:
    """What to say of a section the outline does not have here: where the outline has it, if it does."""
    params: dict[str, Any] = {"title": section.title}
    above = places.sections.get(section.key or "")
    if above is None:
        above = places.sections.get(words(section.title))
    if above is None:
        return params
    return {**params, "variant": "section_under", "under": above} if above else {**params, "variant": "section_top"}


def _order(
    written: list[Section], expected: list[OutlineSection], matched: dict[int, int], base: Loc
) -> Iterator[Issue]:
    """Sections out of the outline's order: those off the longest run in order, each with where it belongs."""
    pairs = sorted(matched.items())
    ranks = [rank for _, rank in pairs]
    keep = _longest_increasing(ranks)
    in_order = sorted(ranks[i] for i in keep)
    for position, (index, rank) in enumerate(pairs):
        if position in keep:
            continue
        at = bisect.bisect_right(in_order, rank)  # before the first in order that the outline puts after it
        params = {"title": written[index].title}
        if at < len(in_order):
            params["other"] = expected[in_order[at]].title
        else:
            params |= {"other": expected[in_order[-1]].title, "variant": "after"}
        yield Issue("BC607", (*base, index, "title"), params)


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing run through ``values`` (patience sorting, n log n)."""
    tails: list[int] = []  # tails[k]: position of the smallest last value of a run of length k + 1
    before = [-1] * len(values)
    for position, value in enumerate(values):
        k = bisect.bisect_left(tails, value, key=values.__getitem__)
        if k:
            before[position] = tails[k - 1]
        if k == len(tails):
            tails.append(position)
        else:
            tails[k] = position
    kept: set[int] = set()
    at = tails[-1] if tails else -1
    while at >= 0:
        kept.add(at)
        at = before[at]
    return kept


def _content(section: Section, expected: OutlineSection, loc: Loc, places: _Places) -> Iterator[Issue]:
    """The blocks of a matched section against what its outline section expects."""
    keyed = {
        key_of(block.value): (index, block)
        for index, block in reversed(list(enumerate(section.content)))
        if key_of(block.value)
    }
    title_loc = (*loc, "title")
    wanted: set[str] = set()
    for expect in expected.expects:
        item = expect.item
        key = getattr(item, "key", None)
        if key is None:
            if item.required and not _has_text(section, expected):
                yield Issue("BC603", title_loc, {"variant": "text", "label": item.label, "title": section.title})
            continue
        wanted.add(key)
        found = keyed.get(key)
        if found is None:
            if item.required:
                said = {"label": item.label, "key": key, "kind": expect.kind, "title": section.title}
                moved = places.written.get(key)
                yield Issue("BC603", title_loc, {**said, "variant": "item_moved", "found": moved} if moved else said)
            continue
        index, block = found
        block_loc = (*loc, "content", index, block.kind)
        if block.kind != expect.kind:
            yield Issue("BC609", block_loc, {"key": key, "kind": block.kind, "expected": expect.kind})
            continue
        yield from _same_form(block, expect, block_loc)
    for index, block in enumerate(section.content):
        key = key_of(block.value)
        if key is None or key in wanted:
            continue
        params: dict[str, Any] = {"key": key, "title": section.title, "variant": "item"}
        under = places.items.get(key)
        if under is not None:
            params |= {"variant": "item_elsewhere", "under": under}
        yield Issue("BC605", (*loc, "content", index, block.kind, "key"), params)


def _has_text(section: Section, expected: OutlineSection) -> bool:
    """A paragraph in the section, or in a sub-section of it the outline does not have."""
    if any(REGISTRY.keyless(block.kind) for block in section.content):
        return True
    matched = set(_match(section.sections, expected.sections))
    return any(_any_text(sub) for index, sub in enumerate(section.sections) if index not in matched)


def _any_text(section: Section) -> bool:
    return any(REGISTRY.keyless(block.kind) for block in section.content) or any(_any_text(s) for s in section.sections)


def _same_form(block: Block, expect: Expect, loc: Loc) -> Iterator[Issue]:
    """The block states the outline's unit, and has the form its type compares (a form's columns and rows…)."""
    yield from unit_differs(block.value, expect.item, loc)
    conform = REGISTRY[block.kind].conform
    if conform is not None:
        yield from conform(block.value, expect.item, loc)


CHECKS = (regime, outline_name, sections)
