"""Roll up units that write their report in its own outline: matched by section and block key.

Each block type's way of summing is registered in :mod:`baocao.blocktypes` (``rollup``).

Sections are matched by key, else title; blocks by type and key.

Figures are summed (parts by label); an indicator is re-computed from the summed
counts and totals, never by averaging percentages; a table is summed row by row,
rows matched by their first cell. Text, cited documents, targets and answers are
the level above's own: they come from the ``--unit`` file, whose outline comes
first. What cannot be summed (a rate stated without its count, table cells that
differ from unit to unit) is said in a note under the block, never dropped silently.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

Data = dict[str, Any]
MONEY = {"đồng": 1, "nghìn đồng": 1_000, "triệu đồng": 1_000_000, "tỷ đồng": 1_000_000_000}
BOUND_WORDS = {"trên", "hơn", "tối thiểu", "ít nhất", "dưới", "tối đa", "gần", "khoảng"}


def is_outline(data: Data) -> bool:
    """True for a unit written as sections."""
    return bool(data.get("sections"))


def combine(own: Data, datas: list[Data]) -> Data:
    """The level above's outline: its own text, the units' blocks summed where they stand."""
    out: Data = {"document": own["document"], "numbering": own.get("numbering", ["I.", "1.", "1.1.", "a)"])}
    if own.get("opening"):
        out["opening"] = own["opening"]
    out["sections"] = _sections(
        own.get("sections", []), [d.get("sections", []) for d in datas], [_name(d) for d in datas]
    )
    if own.get("closing"):
        out["closing"] = own["closing"]
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
    if not isinstance(block, dict) or len(block) != 1:
        return None
    kind, value = next(iter(block.items()))
    from baocao.blocktypes import REGISTRY

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
    from baocao.blocktypes import REGISTRY

    combine = REGISTRY[kind].rollup
    assert combine is not None  # only the kinds with a rollup are grouped (_block_id)
    block, note = combine([value for _, value in values], [name for name, _ in values])
    return [*([{kind: block}] if block is not None else []), *([{"text": note}] if note else [])]


def stated_number(text: Any) -> tuple[Decimal, str]:
    """A value as a unit wrote it ("hơn 160", "12,5") read as its number and its qualifier ("" when exact)."""
    words = str(text).strip().split()
    word = ""
    if len(words) > 1 and " ".join(words[:-1]).lower() in BOUND_WORDS:
        word = " ".join(words[:-1]).lower()
    return Decimal(words[-1].replace(",", ".")), word


def stated_sum(values: list[Any]) -> str:
    """Summed values as a report states them: exact, or with their common qualifier ("khoảng" when they differ)."""
    numbers = [stated_number(v) for v in values]
    total = sum((n for n, _ in numbers), Decimal(0))
    words = {w for _, w in numbers}
    word = "" if words == {""} else words.pop() if len(words) == 1 else "khoảng"
    text = format(total.normalize() if total != total.to_integral() else total.quantize(Decimal(1)), "f")
    return f"{word} {text.replace('.', ',')}".strip()


def sum_figure(values: list[Data], names: list[str]) -> tuple[Data, Any]:
    """Values summed (with their common qualifier), parts summed by label."""
    out = {k: v for k, v in values[0].items() if k in ("key", "label", "unit", "parts_are", "note") and v is not None}
    out.pop("note", None)
    stated = [v.get("value") for v in values]
    parts: dict[str, list[Any]] = {}
    for value in values:
        for part in value.get("parts", []):
            parts.setdefault(part["label"], []).append(part["value"])
    if all(s is not None for s in stated):
        out["value"] = stated_sum(stated)
    elif any(s is not None for s in stated):
        totals = [
            s if s is not None else stated_sum([p["value"] for p in v.get("parts", [])] or [0])
            for s, v in zip(stated, values, strict=True)
        ]
        out["value"] = stated_sum(totals)
    if parts:
        out["parts"] = [{"label": label, "value": stated_sum(numbers)} for label, numbers in parts.items()]
        kinds = {v.get("parts_are", "whole") for v in values}
        if kinds != {"whole"} or any(len(numbers) < len(values) for numbers in parts.values()):
            out["parts_are"] = "overlap" if "overlap" in kinds else "of_which"
    return out, None


def _rate_sum(values: list[Data]) -> Data | None:
    if any(v.get("count") is None or v.get("total") is None for v in values):
        return None
    return {"count": str(sum(int(v["count"]) for v in values)), "total": str(sum(int(v["total"]) for v in values))}


def sum_indicator(values: list[Data], names: list[str]) -> tuple[Data | None, Any]:
    """Counts and totals summed (the rate follows from them); a unit with a rate alone is named in a note."""
    out = {k: v for k, v in values[0].items() if k in ("key", "label", "unit") and v is not None}
    summed = _rate_sum(values)
    stated_only = [name for name, v in zip(names, values, strict=True) if v.get("count") is None]
    counted = [v for v in values if v.get("count") is not None]
    if summed is not None:
        out |= summed
    elif counted:
        out |= _rate_sum(counted) or {}
    levels: dict[str, list[Data]] = {}
    for value in values:
        for level in value.get("levels", []):
            levels.setdefault(level["label"], []).append(level)
    rolled = [{"label": label, **rate} for label, items in levels.items() if (rate := _rate_sum(items))]
    if rolled:
        out["levels"] = rolled
    note = None
    if stated_only:
        note = (
            f"*{out['label']}: chưa cộng số liệu của {listed(stated_only)} "
            "(đơn vị chỉ ghi tỷ lệ, không ghi số đạt được và tổng số).*"
        )
    return (out if "count" in out else None), note


def listed(names: list[str], shown: int = 10) -> str:
    """Units named in a note: all of a few; the first ``shown`` and how many more of many."""
    if len(names) <= shown + 1:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} và {len(names) - shown} đơn vị khác"


def sum_table(values: list[Data], names: list[str]) -> tuple[Data, Any]:
    """Rows matched by their first cell; numbers summed; other cells kept when the units agree, else noted."""
    from baocao.models.blocks import SUMMED_COLUMNS

    first = values[0]
    columns = first["columns"]
    out = {k: v for k, v in first.items() if k in ("key", "title", "unit", "numbered", "columns") and v is not None}
    lead = columns[0]["key"]
    rows: dict[str, Data] = {}
    differing: set[str] = set()
    for value in values:
        for row in value.get("rows", []):
            name = str(row.get(lead) or "")
            slot = rows.setdefault(name, {lead: row.get(lead)})
            for column in columns[1:]:
                key, cell = column["key"], row.get(column["key"])
                if cell in (None, ""):
                    continue
                if column.get("type", "text") in SUMMED_COLUMNS:
                    slot[key] = _add_cells(column.get("type", "text"), slot.get(key), cell)
                elif slot.get(key) not in (None, cell):
                    differing.add(column["title"])
                    slot[key] = ""
                else:
                    slot.setdefault(key, cell)
    out["rows"] = list(rows.values())
    if any(v.get("total") for v in values):
        out["total"] = True
    note = None
    if differing:
        columns_named = ", ".join(sorted(differing))
        title = str(out.get("title") or "Bảng").rstrip(":")
        note = f"*{title}: cột {columns_named} khác nhau giữa các đơn vị, xem báo cáo từng đơn vị.*"
    return out, note


def _add_cells(kind: str, before: Any, cell: Any) -> str:
    if before is None:
        return str(cell)
    if kind == "count_of_total":
        a, b = (int(x) for x in str(before).split("/"))
        c, d = (int(x) for x in str(cell).split("/"))
        return f"{a + c}/{b + d}"
    return stated_sum([before, cell])


def sum_teams(values: list[Any], names: list[str]) -> tuple[Any, Any]:
    """Teams summed by level, as rollup sums them."""
    from baocao.rollup.units import _teams as teams

    return teams([{"teams": value} for value in values]), None


def sum_services(values: list[Any], names: list[str]) -> tuple[Any, Any]:
    """Procedures and dossiers summed, as rollup sums them."""
    from baocao.rollup.units import _services as services

    return services([{"public_services": value} for value in values]), None


def sum_budget(values: list[Data], names: list[str]) -> tuple[Data, Any]:
    """Each unit's lines as a group of its own, in the first unit's money unit."""
    unit = values[0].get("unit", "triệu đồng")
    groups = []
    for name, budget in zip(names, values, strict=True):
        scale = Decimal(MONEY[budget.get("unit", "triệu đồng")]) / MONEY[unit]
        items = [item for group in budget.get("groups", []) for item in group["items"]] + budget.get("items", [])
        converted = [
            {**item, "amount": stated_sum([stated_number(item["amount"])[0] * scale])}
            if item.get("amount") is not None
            else item
            for item in items
        ]
        groups.append({"name": name, "items": converted})
    return {"unit": unit, "amount_column": values[0].get("amount_column", "Kinh phí"), "groups": groups}, None


def sum_radio(values: list[Data], names: list[str]) -> tuple[Data, Any]:
    """Communes summed; stations listed with their unit when two units have a commune of one name."""
    out: Data = {"communes": str(sum(int(v["communes"]) for v in values))}
    if all(v.get("stations") for v in values):
        seen: dict[str, int] = {}
        for value in values:
            for station in value["stations"]:
                seen[station["commune"]] = seen.get(station["commune"], 0) + 1
        out["stations"] = [
            {**s, "commune": f"{s['commune']} ({name})" if seen[s["commune"]] > 1 else s["commune"]}
            for name, value in zip(names, values, strict=True)
            for s in value["stations"]
        ]
    else:
        summary: dict[str, int] = {}
        for value in values:
            counted: dict[str, int] = {}
            for station in value.get("stations", []):
                counted[station["type"]] = counted.get(station["type"], 0) + 1
            if counted:
                counted["total"] = len(value["stations"])
            for kind, count in (counted or value.get("summary", {})).items():
                summary[kind] = summary.get(kind, 0) + int(count)
        out["summary"] = {kind: str(count) for kind, count in summary.items()}
    groups = [g for v in values for g in v.get("cluster_groups", [])]
    groups += [
        {"places": [name], "clusters": v["unit_station_clusters"], "note": "đài truyền thanh của đơn vị"}
        for name, v in zip(names, values, strict=True)
        if v.get("unit_station_clusters") is not None
    ]
    if groups:
        out["cluster_groups"] = groups
    return out, None


def row_values(data: Data) -> tuple[dict[str, Any], dict[str, Any]]:
    """A unit's keyed figures (their totals) and indicators (count and total), for its row in the annexes."""
    figures: dict[str, Any] = {}
    indicators: dict[str, Any] = {}

    def visit(sections: list[Data]) -> None:
        for section in sections:
            for block in section.get("content", []):
                if isinstance(block, dict) and isinstance(block.get("figure"), dict) and block["figure"].get("key"):
                    figure = block["figure"]
                    parts = [p["value"] for p in figure.get("parts", [])]
                    value = (
                        figure.get("value")
                        if figure.get("value") is not None
                        else (stated_sum(parts) if parts else None)
                    )
                    if value is not None:
                        figures[figure["key"]] = stated_number(value)[0]
                item = block.get("indicator") if isinstance(block, dict) else None
                if isinstance(item, dict) and item.get("key") and item.get("count") is not None:
                    indicators[item["key"]] = {"count": int(item["count"]), "total": int(item["total"])}
            visit(section.get("sections", []))

    visit(data.get("sections", []))
    return figures, indicators
