"""Roll up units that answered one đề cương: by the keys of its items, into the level above's own outline.

The level above (the ``--unit`` file) keeps its own outline, which may be its own
superior's: each keyed block of it whose key the units' outline has (a blank slot,
or a block already written) gets the units' sum, under its own label, unit and
title. What the units' outline expects and the level above has no place for is
added after its sections, under the titles of the units' outline, so nothing is
left out. The units' own lines (text, budget lines, items the outline does not
ask for) stay in their own reports; the items the outline marks ``by_unit`` get
one annex row per unit (:mod:`baocao.render.annex`).

Each block type says how the units' blocks of one key are rolled up
(:attr:`baocao.blocks.base.BlockType.rollup_keyed`): figures summed, indicators
re-computed from the summed counts and totals, forms summed row by row, answers
counted by choice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baocao.blocks import REGISTRY
from baocao.blocks.base import note_entry
from baocao.blocks.sums import listed
from baocao.outline.model import Outline, OutlineSection, by_unit, expectations, walk
from baocao.render.annex import printed_items
from baocao.rollup.sections import NUMBERING
from baocao.rollup.units import BLANK, keyed

Data = dict[str, Any]


def combine(own: Data, datas: list[Data], outline: Outline) -> Data:
    """The level above's outline with the units' sums in its keyed blocks; the other sums after it."""
    names = [str(d["document"]["short_name"]) for d in datas]
    found = [keyed_blocks(d) for d in datas]
    sums: dict[str, list[Data]] = {}
    labels = {key: value["label"] for _, key, value in keyed(own) if value.get("label")}  # the province's words
    annexed = printed_items([(kind, item.key) for kind, item in by_unit(outline)], len(datas))
    for _, _, expect in expectations(outline.sections):
        wanted, key = expect.kind, getattr(expect.item, "key", None)
        combine_keyed = REGISTRY[wanted].rollup_keyed
        if combine_keyed is None or key is None:
            continue
        given = [(name, blocks[key]) for name, blocks in zip(names, found, strict=True) if key in blocks]
        values = [(name, value) for name, (kind, value) in given if kind == wanted and not value.get(BLANK)]
        if values:
            named = [{**value, "label": labels.get(key, value.get("label"))} for _, value in values]
            sums[key] = combine_keyed(named, [name for name, _ in values], key in annexed)
        if other := [name for name, (kind, _) in given if kind != wanted]:
            label = getattr(expect.item, "label", key)
            note = f"*{label}: chưa cộng số liệu của {listed(other)} (ghi khác loại khối với đề cương).*"
            sums[key] = [*sums.get(key, []), note_entry(note)]
    out: Data = {"document": own["document"], "numbering": own.get("numbering", NUMBERING)}
    if own.get("opening"):
        out["opening"] = own["opening"]
    placed: set[str] = set()
    mine = [_fill(section, sums, placed) for section in own.get("sections", [])]
    _beside(mine, outline, sums, placed)
    rest = _rest(outline.sections, sums, placed, _by_key(mine) | _by_title(mine, outline))
    out["sections"] = in_outline_order(mine, rest, outline)
    if own.get("closing"):
        out["closing"] = own["closing"]
    if own.get("annexes"):
        out["annexes"] = own["annexes"]
    return out


def keyed_blocks(data: Data) -> dict[str, tuple[str, Any]]:
    """A unit's keyed blocks anywhere in its outline: key -> (block type, value); the first of a key counts."""
    found: dict[str, tuple[str, Any]] = {}
    for kind, key, value in keyed(data):
        found.setdefault(key, (kind, value))
    return found


def unit_values(data: Data, items: list[Data]) -> Data:
    """A unit's by-unit items, by key: of each block only what its annex row shows, under the outline's label.

    What a type keeps is its ``annex_keeps``, so that a roll-up of thousands of units keeps a few
    values per unit; the rest (text, notes, previous period) stays in the unit's report.
    """
    found = keyed_blocks(data)
    row: Data = {}
    for item in items:
        kind, value = found.get(item["key"], ("", None))
        if kind != item["kind"] or not isinstance(value, dict) or value.get(BLANK):
            continue
        kept = {k: v for k, v in value.items() if k in REGISTRY[kind].annex_keeps and v is not None}
        row[item["key"]] = {**kept, "label": item["label"]}
    return row


def marked(outline: Outline) -> list[Data]:
    """The items the outline marks ``by_unit``, as the rolled-up data records them."""
    items = []
    for kind, item in by_unit(outline):
        keeps = REGISTRY[kind].by_unit
        assert keeps is not None  # the registry holds every type whose items can be marked to an annex row
        record: Data = {"kind": kind, "key": item.key, "label": item.label}
        if item.unit:
            record["unit"] = item.unit
        items.append(record | keeps(item))
    return items


def _fill(section: Data, sums: dict[str, list[Data]], placed: set[str]) -> Data:
    """A section of the level above, its keyed blocks holding the units' sums where the types agree."""
    out = {k: v for k, v in section.items() if k not in ("content", "sections")}
    content: list[Any] = []
    for block in section.get("content", []):
        content += _slot(block, sums, placed)
    if content:
        out["content"] = content
    if section.get("sections"):
        out["sections"] = [_fill(child, sums, placed) for child in section["sections"]]
    return out


def _slot(block: Any, sums: dict[str, list[Data]], placed: set[str]) -> list[Any]:
    if not isinstance(block, dict) or len(block) != 1:
        return [block]
    kind, own = next(iter(block.items()))
    key = own.get("key") if isinstance(own, dict) else None
    summed = sums.get(str(key)) if key is not None and key not in placed else None
    if summed and kind not in summed[0]:  # the units' sum is a sentence or another type: it fills the slot
        placed.add(str(key))
        return summed
    if not summed:
        rolled = kind in REGISTRY and REGISTRY[kind].rollup_keyed is not None
        if rolled and isinstance(own, dict) and own.get(BLANK) and own.get("label"):
            return [note_entry(f"*{own['label']}: không đơn vị nào báo cáo số liệu này.*")]  # a slot left unfilled
        return [block]
    placed.add(str(key))
    named = {k: own[k] for k in ("label", "unit", "title") if own.get(k)}
    return [{kind: {**summed[0][kind], **named}}, *summed[1:]]


CLOSING_WORDS = ("khó khăn", "vướng mắc", "kiến nghị", "đề xuất", "nhiệm vụ", "phương hướng", "giải pháp")
"""Words of the titles of the closing sections of a đề cương: difficulties, tasks, proposals."""


def _leaves(outline: Outline) -> dict[str, tuple[int, str]]:
    """Each item key of the outline: (the index of its top-level section, the key of the section it stands in)."""
    found: dict[str, tuple[int, str]] = {}
    for index, top in enumerate(outline.sections):
        for path, section, expect in expectations([top]):
            key = getattr(expect.item, "key", None)
            if key is not None:
                found.setdefault(key, (index, "/".join(path) or section.key))
    return found


def _beside(mine: list[Data], outline: Outline, sums: dict[str, list[Data]], placed: set[str]) -> None:
    """The sums the level above has no slot for, beside its own slots of the same part of the đề cương.

    A province that writes "Kết quả …" with slots for some items of the đề cương's
    results gets the other items of the same part after them, in the đề cương's
    order, instead of a second "Kết quả …" section.
    """
    leaves = _leaves(outline)
    holders: list[tuple[Data, int, str]] = []  # (the own section, the index of a placed block, its item's key)
    for section in _all(mine):
        content = section.get("content", [])
        for index, block in enumerate(content):
            key = _key_of(block)
            if key in leaves and key in placed:
                end = index  # after the notes a sum wrote under its block
                while end + 1 < len(content) and _is_note(content[end + 1]):
                    end += 1
                holders.append((section, end, key))
    extra: dict[tuple[int, int], list[Any]] = {}
    sections: dict[int, Data] = {}
    for key, (top, leaf) in leaves.items():
        if key in placed or key not in sums:
            continue
        same = [h for h in holders if leaves[h[2]][1] == leaf] or [h for h in holders if leaves[h[2]][0] == top]
        if not same:
            continue
        section, index, _ = same[-1]
        sections[id(section)] = section
        extra.setdefault((id(section), index), []).extend(sums[key])
        placed.add(key)
    for ident, section in sections.items():
        section["content"] = [
            entry for index, block in enumerate(section["content"]) for entry in [block, *extra.get((ident, index), [])]
        ]


def _all(sections: list[Data]) -> Iterator[Data]:
    for section in sections:
        yield section
        yield from _all(section.get("sections", []))


def _is_note(block: Any) -> bool:
    return isinstance(block, dict) and str(block.get("text", "")).startswith("*")


def _key_of(block: Any) -> str | None:
    if isinstance(block, dict) and len(block) == 1:
        value = next(iter(block.values()))
        if isinstance(value, dict) and value.get("key"):
            return str(value["key"])
    return None


def _rank(section: Data, outline: Outline, leaves: dict[str, tuple[int, str]]) -> int | None:
    """The top-level section of the đề cương an own section stands for: by key, title, its items, closing words."""
    for index, top in enumerate(outline.sections):
        if section.get("key") == top.key or str(section.get("title", "")).casefold() == top.title.casefold():
            return index
    tops = [
        leaves[key][0]
        for part in _all([section])
        for block in part.get("content", [])
        if (key := _key_of(block)) in leaves
    ]
    if tops:
        return min(tops)
    title = str(section.get("title", "")).casefold()
    words = [word for word in CLOSING_WORDS if word in title]
    if not words:
        return None
    for index, top in enumerate(outline.sections):
        if any(word in top.title.casefold() for word in words):
            return index
    return len(outline.sections)


def in_outline_order(mine: list[Data], rest: list[Data], outline: Outline) -> list[Data]:
    """The level above's sections and the đề cương's other sums, in the đề cương's order.

    Each own section stands where the đề cương puts its part (by key, title or the items
    it holds; difficulties, tasks and proposals where the đề cương has them, else last);
    an own section of its own text stays after the section the level above wrote before it.
    """
    leaves = _leaves(outline)
    ranked: list[tuple[int, int, int, Data]] = []
    previous = -1
    for order, section in enumerate(mine):
        rank = _rank(section, outline, leaves)
        previous = rank if rank is not None else previous
        ranked.append((previous, 0, order, section))
    tops = {top.key: index for index, top in enumerate(outline.sections)}
    ranked += [(tops.get(str(section.get("key")), len(tops)), 1, order, section) for order, section in enumerate(rest)]
    return [section for *_, section in sorted(ranked, key=lambda item: item[:3])]


def _by_title(sections: list[Data], outline: Outline) -> dict[str, Data]:
    """Own sections titled as a section of the đề cương, by that section's key."""
    titles = {section.title.casefold(): section.key for _, section, _ in walk(outline.sections)}
    return {
        titles[str(s.get("title", "")).casefold()]: s
        for s in _all(sections)
        if str(s.get("title", "")).casefold() in titles
    }


def _by_key(sections: list[Data]) -> dict[str, Data]:
    found: dict[str, Data] = {}
    for section in sections:
        if section.get("key"):
            found.setdefault(str(section["key"]), section)
        found = _by_key(section.get("sections", [])) | found
    return found


def _rest(
    sections: list[OutlineSection], sums: dict[str, list[Data]], placed: set[str], own: dict[str, Data]
) -> list[Data]:
    """The sums the level above has no place for: in its section of the same key, else under the outline's."""
    out = []
    for section in sections:
        content = [block for key in _keys(section) if key in sums and key not in placed for block in sums[key]]
        placed.update(_keys(section))
        children = _rest(section.sections, sums, placed, own)
        if section.key in own:
            own[section.key]["content"] = [*own[section.key].get("content", []), *content]
            own[section.key]["sections"] = [*own[section.key].get("sections", []), *children]
            if not own[section.key]["sections"]:
                del own[section.key]["sections"]
            if not own[section.key]["content"]:
                del own[section.key]["content"]
        elif content or children:
            out.append({
                "title": section.title, "key": section.key,
                **({"content": content} if content else {}), **({"sections": children} if children else {}),
            })  # fmt: skip
    return out


def _keys(section: OutlineSection) -> Iterator[str]:
    for expect in section.expects:
        key = getattr(expect.item, "key", None)
        if key is not None:
            yield key
