"""Roll up units that answered one đề cương: by the keys of its items, into the level above's own outline.

The level above (the ``--unit`` file) keeps its own outline, which may be its own
superior's: each keyed block of it whose key the units' outline has (a blank slot,
or a block already written) gets the units' sum, under its own label, unit and
title. What the units' outline expects and the level above has no place for is
added after its sections, under the titles of the units' outline, so nothing is
left out. The units' own lines (text, budget lines, items the outline does not
ask for) stay in their own reports; the items the outline marks ``by_unit`` get
one annex row per unit (:mod:`baocao.annex`).

Figures are summed, indicators re-computed from the summed counts and totals,
tables summed row by row (:mod:`baocao.outline_rollup`); an answer becomes the
number of units that gave its first choice out of those that answered, with the
count of every other choice in a note.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baocao.outline.model import Outline, OutlineSection, by_unit, expectations
from baocao.rollup.sections import listed, row_values

Data = dict[str, Any]
SUMMED = ("figure", "indicator", "answer", "table")  # the expected items that come from the units
ANNEXED = (*SUMMED, "target")  # the items that can have a row per unit (a target is the level above's own)


def combine(own: Data, datas: list[Data], outline: Outline) -> Data:
    """The level above's outline with the units' sums in its keyed blocks; the other sums after it."""
    names = [str(d["document"]["short_name"]) for d in datas]
    found = [keyed_blocks(d) for d in datas]
    sums: dict[str, list[Data]] = {}
    for _, _, expect in expectations(outline.sections):
        wanted, key = expect.kind, getattr(expect.item, "key", None)
        if wanted not in SUMMED or key is None:
            continue
        given = [(name, blocks[key]) for name, blocks in zip(names, found, strict=True) if key in blocks]
        values = [(name, value) for name, (kind, value) in given if kind == wanted and not _blank(kind, value)]
        if values and not _own_lines(wanted, values[0][1]):
            sums[key] = _summed(wanted, values, getattr(expect.item, "by_unit", False))
        if other := [name for name, (kind, _) in given if kind != wanted]:
            label = getattr(expect.item, "label", key)
            note = f"*{label}: chưa cộng số liệu của {listed(other)} (ghi khác loại khối với đề cương).*"
            sums[key] = [*sums.get(key, []), {"text": note}]
    out: Data = {"document": own["document"], "numbering": own.get("numbering", ["I.", "1.", "1.1.", "a)"])}
    if own.get("opening"):
        out["opening"] = own["opening"]
    placed: set[str] = set()
    out["sections"] = [_fill(section, sums, placed) for section in own.get("sections", [])]
    out["sections"] += _rest(outline.sections, sums, placed, _by_key(out["sections"]))
    if own.get("closing"):
        out["closing"] = own["closing"]
    return out


def keyed_blocks(data: Data) -> dict[str, tuple[str, Any]]:
    """A unit's keyed blocks anywhere in its outline: key -> (block type, value); the first of a key counts."""
    found: dict[str, tuple[str, Any]] = {}

    def visit(sections: list[Data]) -> None:
        for section in sections:
            for block in section.get("content", []):
                if isinstance(block, dict) and len(block) == 1:
                    kind, value = next(iter(block.items()))
                    if isinstance(value, dict) and value.get("key") is not None:
                        found.setdefault(str(value["key"]), (kind, value))
            visit(section.get("sections", []))

    visit(data.get("sections", []))
    return found


def unit_values(data: Data, items: list[Data]) -> Data:
    """A unit's cells of the annexes: figures and indicators by key, the by-unit items' blocks and form rows.

    Of a by-unit block only what its annex row shows is kept (:data:`ANNEX_FIELDS`), under the
    outline's label, so that a roll-up of thousands of units keeps a few values per unit.
    """
    figures, indicators = row_values(data)
    found = keyed_blocks(data)
    row: Data = {"figures": figures, "indicators": indicators, "blocks": {}, "tables": {}}
    for item in items:
        kind, value = found.get(item["key"], ("", None))
        if kind != item["kind"] or not isinstance(value, dict):
            continue
        if kind == "table":
            if value.get("rows"):
                row["tables"][item["key"]] = value["rows"]
        elif not _blank(kind, value) or (kind == "target" and value.get("value") is not None):
            kept = {k: v for k, v in value.items() if k in ANNEX_FIELDS and v is not None}
            row["blocks"][item["key"]] = {**kept, "label": item["label"]}
    return {name: cells for name, cells in row.items() if cells}


ANNEX_FIELDS = ("unit", "value", "parts", "parts_are", "count", "total", "percent", "levels", "choices")
"""What a unit's by-unit block keeps for its annex row: the rest (text, notes, previous period) stays in its report."""


def marked(outline: Outline) -> list[Data]:
    """The items the outline marks ``by_unit``, as the rolled-up data records them."""
    items = []
    for kind, item in by_unit(outline):
        if kind not in ANNEXED:
            continue
        entry: Data = {"kind": kind, "key": item.key, "label": item.label}
        if item.unit:
            entry["unit"] = item.unit
        if kind == "answer":
            from baocao.models.blocks import answer_choices

            entry["choices"] = list(answer_choices(getattr(item, "choices", "yes_no")))
        if kind == "table":
            entry["columns"] = [c.model_dump(mode="json", exclude_defaults=True) for c in getattr(item, "columns", [])]
        items.append(entry)
    return items


def _blank(kind: str, value: Data) -> bool:
    if kind == "figure":
        return value.get("value") is None and not value.get("parts")
    if kind == "indicator":
        return value.get("count") is None and value.get("percent") is None
    if kind == "answer":
        return value.get("value") is None
    return not value.get("rows")


def _own_lines(kind: str, value: Data) -> bool:
    """True for a table with no column that adds up or counts (Mẫu 02's problems): each unit's own lines."""
    if kind != "table":
        return False
    from baocao.models.blocks import SUMMED_COLUMNS

    counted = (*SUMMED_COLUMNS, "yes_no", "choice")
    return not any(c.get("type", "text") in counted for c in value.get("columns", [])[1:])


def _summed(kind: str, values: list[tuple[str, Data]], annexed: bool) -> list[Data]:
    """The units' values of one key as blocks: the sum (or count of answers), then a note if any."""
    if kind == "answer":
        return _answers([value for _, value in values])
    from baocao.blocktypes import REGISTRY

    combine_values = REGISTRY[kind].rollup
    assert combine_values is not None
    block, note = combine_values([value for _, value in values], [name for name, _ in values])
    if note and annexed:  # the units' own values are in the annex
        note = note.replace("xem báo cáo từng đơn vị", "xem số liệu từng đơn vị kèm theo")
    return [*([{kind: block}] if block is not None else []), *([{"text": note}] if note else [])]


def _answers(values: list[Data]) -> list[Data]:
    from baocao.models.blocks import answer_choices, match_answer

    first = values[0]
    choices = answer_choices(first.get("choices", "yes_no"))
    counts = dict.fromkeys(choices, 0)
    for value in values:  # an answer outside the outline's choices is counted under its own words
        choice = match_answer(str(value["value"]), choices) or str(value["value"])
        counts[choice] = counts.get(choice, 0) + 1
    leading = choices[0]
    label = f"{first['label']} ({leading.lower()})"
    block: Data = {"key": first["key"], "label": label, "count": str(counts[leading])}
    block |= {"total": str(sum(counts.values())), "unit": "đơn vị"}
    out: list[Data] = [{"indicator": block}]
    if len(counts) > 2:
        each = "; ".join(f"{choice}: {count}" for choice, count in counts.items())
        out.append({"text": f"*{first['label']} — số đơn vị theo câu trả lời: {each}.*"})
    return out


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
    if not summed or kind not in summed[0]:
        if kind in SUMMED and isinstance(own, dict) and _blank(kind, own) and own.get("label"):
            return [{"text": f"*{own['label']}: không đơn vị nào báo cáo số liệu này.*"}]  # a slot left unfilled
        return [block]
    placed.add(str(key))
    named = {k: own[k] for k in ("label", "unit", "title") if own.get(k)}
    return [{kind: {**summed[0][kind], **named}}, *summed[1:]]


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
