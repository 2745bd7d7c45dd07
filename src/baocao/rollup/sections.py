"""Roll up units that write their report in its own sections: matched by section and block key.

Sections are matched by key, else title; blocks by type and key, else label. Each block
type says how its units' blocks are summed (:attr:`baocao.blocks.base.BlockType.rollup`):
figures by value and parts, an indicator re-computed from the summed counts and totals
(never by averaging percentages), a table row by row. A type that does not sum (text,
cited documents, targets, answers, tasks) is the level above's own: it comes from the
``--unit`` file, whose sections come first. What cannot be summed (a rate stated without
its count, table cells that differ from unit to unit) is said in a note under the block,
never dropped silently.
"""

from __future__ import annotations

from typing import Any

from baocao.blocks import REGISTRY
from baocao.blocks.base import note_entry
from baocao.rollup.units import BLANK, keyed

Data = dict[str, Any]
NUMBERING = ["I.", "1.", "1.1.", "a)"]


def combine(own: Data, datas: list[Data]) -> Data:
    """The level above's outline: its own text, the units' blocks summed where they stand."""
    out: Data = {"document": own["document"], "numbering": own.get("numbering", NUMBERING)}
    if own.get("opening"):
        out["opening"] = own["opening"]
    out["sections"] = _sections(
        own.get("sections", []), [d.get("sections", []) for d in datas], [_name(d) for d in datas]
    )
    if own.get("closing"):
        out["closing"] = own["closing"]
    if own.get("annexes"):
        out["annexes"] = own["annexes"]
    return out


def _name(data: Data) -> str:
    return str(data["document"]["short_name"])


def _id(section: Data) -> str:
    return str(section.get("key") or section["title"]).casefold()


def _sections(own: list[Data], units: list[list[Data]], names: list[str]) -> list[Data]:
    order: list[str] = []
    first: dict[str, Data] = {}
    for candidate in [*own, *(s for sections in units for s in sections)]:
        if _id(candidate) not in first:
            order.append(_id(candidate))
            first[_id(candidate)] = candidate
    own_by_id = {_id(s): s for s in own}
    merged = []
    for ident in order:
        mine = own_by_id.get(ident, {})
        theirs = [next((s for s in sections if _id(s) == ident), {}) for sections in units]
        section: Data = {"title": first[ident]["title"]}
        if first[ident].get("key"):
            section["key"] = first[ident]["key"]
        content = _content(mine.get("content", []), [s.get("content", []) for s in theirs], names)
        if content:
            section["content"] = content
        children = _sections(mine.get("sections", []), [s.get("sections", []) for s in theirs], names)
        if children:
            section["sections"] = children
        if content or children:
            merged.append(section)
    return merged


def _block_id(block: Any) -> tuple[str, str] | None:
    """A block that sums as its type says, by (type, key or label); None for the level above's own."""
    if not isinstance(block, dict) or len(block) != 1:
        return None
    kind, value = next(iter(block.items()))
    if kind not in REGISTRY or REGISTRY[kind].rollup is None:
        return None
    name = value.get("key") or value.get("label") or value.get("title") or "" if isinstance(value, dict) else ""
    return kind, str(name)


def _content(own: list[Any], units: list[list[Any]], names: list[str]) -> list[Any]:
    """The own file's blocks, each summable one replaced by the units' sum; the units' other sums after them."""
    groups: dict[tuple[str, str], list[tuple[str, Any]]] = {}
    for name, blocks in zip(names, units, strict=True):
        for block in blocks:
            ident = _block_id(block)
            if ident is not None:
                groups.setdefault(ident, []).append((name, next(iter(block.values()))))
    out: list[Any] = []
    for block in own:
        ident = _block_id(block)
        if ident is None:
            out.append(block)
        elif ident in groups:  # the level above's own label, unit and title over the units'
            own_value = next(iter(block.values()))
            summed = _summed(ident[0], groups.pop(ident))
            if summed and isinstance(own_value, dict) and ident[0] in summed[0]:
                named = {k: own_value[k] for k in ("label", "unit", "title") if own_value.get(k)}
                summed[0] = {ident[0]: {**summed[0][ident[0]], **named}}
            out += summed
    for ident, values in groups.items():
        out += _summed(ident[0], values)
    return out


def _summed(kind: str, values: list[tuple[str, Any]]) -> list[Any]:
    combine_values = REGISTRY[kind].rollup
    assert combine_values is not None  # only the types with a rollup are grouped (_block_id)
    block, note = combine_values([value for _, value in values], [name for name, _ in values], False)
    return [*([{kind: block}] if block is not None else []), *([note_entry(note)] if note else [])]


def summary(data: Data) -> Data:
    """A unit's keyed values for the annexes of a roll-up by sections: by type, by key (the last of a key counts)."""
    out: dict[str, Data] = {}
    for kind, key, value in keyed(data):
        unit_summary = REGISTRY[kind].summary
        kept = unit_summary.keep(value) if unit_summary is not None and not value.get(BLANK) else None
        if kept is not None:
            out.setdefault(kind, {})[key] = kept
    return out
