"""An indicator: a rate, "42.694/42.829 công dân, đạt 99,7%", or "đạt trên 98%".

A count out of a total with an optional stated percentage, or a percentage stated alone;
sub-rates by level (``levels``) are never summed. ``previous``, last period's rate,
compares in percentage points. Rolled up, counts and totals are summed and the rate
re-computed from them, never averaged.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Literal

from baocao.blocks import prose
from baocao.blocks.base import (
    CheckContext,
    Data,
    Expected,
    Measure,
    UnitSummary,
    ViewContext,
    carried_earlier,
    carried_note,
    declare,
    first_written,
    note_entry,
    previous_last,
    started,
)
from baocao.blocks.cells import Line, Piece, Slot, rows_of
from baocao.blocks.printing import change, changed, item, number_cell, rate_cell, since, with_note
from baocao.blocks.rate import PreviousRate, Rate, rate_issues, rate_text, shown_percent, stated_rate
from baocao.blocks.sums import listed
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Count, Model, Text, field
from baocao.model.qualified import parse_qualified


class IndicatorBlock(Rate):
    """A rate: "42.694/42.829 công dân, đạt 99,7%", or "đạt trên 98%"; sub-rates by level are not summed."""

    key: Text | None = field("Mã", default=None)
    unit: Text | None = field("Đơn vị", "công dân, hồ sơ, văn bản…", default=None)
    levels: list[Rate] = field("Tỷ lệ theo cấp", "Trong đó: cấp huyện …, cấp xã …", default=[])
    note: Text | None = field("Ghi chú", default=None)
    total_unit: Text | None = field(
        "Đơn vị của tổng số", "Khi số đạt được và tổng số đếm hai thứ khác nhau: 16 đài/16 xã.", default=None
    )
    verb: Literal["đạt", "chiếm", "bằng", "tương đương"] | None = field(
        "Động từ của tỷ lệ", "Như văn bản viết: đạt (khi bỏ trống), chiếm, bằng, tương đương.", default=None
    )
    previous: PreviousRate | None = field(
        "Tỷ lệ kỳ trước", "Số đạt được/tổng số hoặc tỷ lệ kỳ trước (baocao next ghi), để so sánh.", default=None
    )


class Pair(Model):
    """A count out of a total."""

    count: Count = field("Số đạt được")
    total: Count = field("Tổng số")


def check(indicator: IndicatorBlock, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """The rate, last period's and each level's: count not above total, a stated percentage at its digits."""
    del context
    if indicator.note:  # a sentence: its numbers are checked as those of text are
        yield from prose.issues(indicator.note, (*loc, "note"))
    others = indicator.total_unit is not None and indicator.total_unit != indicator.unit
    yield from rate_issues(indicator, loc, others)
    if indicator.previous is not None:
        yield from rate_issues(indicator.previous, (*loc, "previous"))
    for index, level in enumerate(indicator.levels):
        yield from rate_issues(level, (*loc, "levels", index))


def blanks_inside(indicator: IndicatorBlock, loc: Loc) -> Iterator[Issue]:
    """A level left blank in an indicator otherwise filled in is not printed: BC604 at its label."""
    for index, level in enumerate(indicator.levels):
        if level.blank:
            yield Issue("BC604", (*loc, "levels", index, "label"), {"what": f"{indicator.label}: {level.label}"})


def text(indicator: IndicatorBlock, change_said: str | None = None) -> str:
    """Written as "Tỷ lệ văn bản điện tử: 3.179/3.179 văn bản, đạt 100%, trong đó: cấp xã đạt 74,57%".

    The rate's verb is the one the report uses: "đạt" unless ``verb`` says "chiếm", "bằng" or "tương đương".

    ``change_said`` (how the rate changed since an earlier period) follows the rate, before the levels.
    """
    verb = indicator.verb or "đạt"
    said = f"{indicator.label}: {rate_text(indicator, indicator.unit, verb, indicator.total_unit)}"
    levels = [level for level in indicator.levels if not level.blank]  # a blank level is BC604, not printed
    if not levels:
        return changed(with_note(said, indicator.note), change_said)
    said = changed(said, change_said)
    said += ", trong đó: " + "; ".join(f"{level.label} {rate_text(level, indicator.unit, verb)}" for level in levels)
    return with_note(said, indicator.note)


def since_previous(indicator: IndicatorBlock, reference: str) -> str | None:
    """How the rate changed since its ``previous`` one, in percentage points."""
    before = shown_percent(indicator.previous) if indicator.previous is not None else None
    return since(shown_percent(indicator), before, "%", reference, points=True)


def view(indicator: IndicatorBlock, context: ViewContext) -> list[dict[str, Any]]:
    """A "-" line with the rate, how it changed, and its levels."""
    return item(text(indicator, change("indicator", indicator, context, since_previous)))


def measure(indicator: IndicatorBlock) -> Measure | None:
    """The rate computed from the count and total (to one decimal), for a comparison of two periods."""
    if indicator.count is None or indicator.total is None:
        return None
    rate = vn.ratio_percent(indicator.count, indicator.total, 1) if indicator.total else Decimal(0)
    return Measure(f"{indicator.label} (tỷ lệ)", "%", rate, points=True)


def carry(body: Data, indicator: IndicatorBlock, carrier: Any) -> list[Any]:
    """Count, total, percentage and levels blank; last period's rate in ``previous``."""
    del indicator
    earlier, kept = body.pop("previous", None), []
    previous = {k: body.pop(k) for k in ("count", "total", "percent") if body.get(k) is not None}
    if previous:
        body["previous"] = previous
    levels = []
    for level in body.get("levels") or []:
        if isinstance(level, dict):
            values = {k: level[k] for k in ("count", "total", "percent") if level.get(k) is not None}
            if values:
                kept.append(f"{level.get('label')}: " + ", ".join(f"{k} {v}" for k, v in values.items()))
            level = {k: v for k, v in level.items() if k not in values}
        levels.append(level)
    if "levels" in body:
        body["levels"] = levels
    notes = [*carried_earlier(carrier, body, earlier), *carried_note(carrier, body, kept)]
    return [*notes, {"indicator": previous_last(body)}]


def start(expected: Expected, pad: str, alone: bool) -> list[str]:
    """An indicator block with the đề cương's key, label and unit, its count, total and percentage blank."""
    del alone
    how = "Ghi số đạt được (count) trên tổng số (total), hoặc chỉ tỷ lệ % (percent)."
    return started("indicator", expected, pad, "Tỷ lệ", how, ("count", "total", "percent"))


# --- rollup ----------------------------------------------------------------------------------------


def _rate_sum(values: list[Data]) -> Data | None:
    if any(v.get("count") is None or v.get("total") is None for v in values):
        return None
    return {"count": str(sum(int(v["count"]) for v in values)), "total": str(sum(int(v["total"]) for v in values))}


def stated_alone(label: str, rates: list[str], names: list[str], counted: int, annexed: bool) -> str:
    """The rates units gave without count and total, said as they are: how many, from … to …, on average.

    "Văn bản đi được ký số: 118 đơn vị báo cáo tỷ lệ, từ 62% đến 100%, bình quân 91,4%", and
    when others gave counts, that the sum above is theirs. Never summed, never "nobody reported".
    """
    values = [parse_qualified(rate) for rate in rates]
    low, high = min(values, key=lambda q: q.value), max(values, key=lambda q: q.value)
    mean = sum((q.value for q in values), Decimal(0)) / len(values)
    about = "khoảng " if any(not q.exact for q in values) else ""
    spread = f"{low}%" if low == high else f"từ {low}% đến {high}%"
    who = f"{vn.count(len(values))} đơn vị" if annexed else listed(names)  # the annex names them
    said = f"{who} chỉ báo cáo tỷ lệ (không ghi số đạt được và tổng số), {spread}"
    said += f", bình quân {about}{vn.percent(mean)}" if low != high else ""
    where = " (chi tiết tại Phụ lục)" if annexed else ""
    if counted:
        return f"*{label}: số liệu trên của {vn.count(counted)} đơn vị ghi số đạt được và tổng số; {said}{where}.*"
    return f"- {label}: {said}{where}."


def rollup(values: list[Data], names: list[str], annexed: bool) -> tuple[Data | None, str | None]:
    """Counts and totals summed (the rate follows from them); rates given alone said as they are."""
    out = {k: v for k, v in values[0].items() if k in ("key", "label", "unit", "verb") and v is not None}
    summed = _rate_sum(values)
    stated_only = [name for name, v in zip(names, values, strict=True) if v.get("count") is None]
    counted = [v for v in values if v.get("count") is not None]
    if summed is not None:
        out |= summed
    elif counted:
        out |= _rate_sum(counted) or {}
    levels: dict[str, list[Data]] = {}
    for value in counted:
        for level in value.get("levels", []):
            levels.setdefault(level["label"], []).append(level)
    # a level every unit gives ("cấp xã") is summed; one unit's own ("thôn Tân An") stays in its report
    shared = {label: items for label, items in levels.items() if len(items) == len(counted)}
    rolled = [{"label": label, **rate} for label, items in shared.items() if (rate := _rate_sum(items))]
    if rolled:
        out["levels"] = rolled
    note = None
    if stated_only:
        rates = [str(v["percent"]) for v in values if v.get("count") is None and v.get("percent") is not None]
        if rates:
            note = stated_alone(str(out["label"]), rates, stated_only, len(counted), annexed)
    return (out if "count" in out else None), note


def keyed(values: list[Data], names: list[str], annexed: bool) -> list[Data]:
    """The units' indicators of one key of a đề cương: counts and totals summed, a note for rates stated alone."""
    block, note = rollup(values, names, annexed)
    return [*([{"indicator": block}] if block is not None else []), *([note_entry(note)] if note else [])]


def _kept(indicator: Data) -> Data | None:
    if indicator.get("count") is None:
        return None
    return {"count": int(indicator["count"]), "total": int(indicator["total"])}


def _cells(pair: Pair | None) -> tuple[str, ...]:
    if pair is None:
        return ("", "", "")
    return number_cell(pair.count), number_cell(pair.total), rate_cell(pair.count, pair.total)


SUMMARY = UnitSummary(
    title="Chỉ tiêu tỷ lệ theo đơn vị",
    per_table=3,  # three columns each
    model=Pair,
    keep=_kept,
    header=lambda i: (f"{i.label}: số đạt", "tổng số", "tỷ lệ"),
    cells=_cells,
    total=lambda i: (
        (number_cell(i.count), number_cell(i.total), rate_cell(i.count, i.total))
        if i.count is not None and i.total is not None
        else None
    ),
)


def annex(indicator: IndicatorBlock) -> list[tuple[str, str, Any]]:
    """Count, total and rate; then each sub-rate by level ("cấp xã"), a rate only."""
    unit = indicator.unit
    cells = [
        (f"Số đạt ({unit})" if unit else "Số đạt", "integer", indicator.count),
        (f"Tổng số ({unit})" if unit else "Tổng số", "integer", indicator.total),
        ("Tỷ lệ", "percent", stated_rate(indicator)),
    ]
    return cells + [(f"Tỷ lệ {level.label}", "percent", stated_rate(level)) for level in indicator.levels]


def annex_total(item: Data, columns: list[tuple[str, str]], rows: list[list[Any] | None]) -> tuple[str, ...]:
    """Count and total of the units that give both, and their rate; the levels are not summed."""
    del item
    pairs = [row for row in rows if row is not None and row[0] is not None and row[1] is not None]
    if not pairs:
        return ("",) * len(columns)
    count, total = sum(row[0] for row in pairs), sum(row[1] for row in pairs)
    return (number_cell(count), number_cell(total), rate_cell(count, total), *("",) * (len(columns) - 3))


def _rate_line(label: str, unit: str | None, at: tuple[str | int, ...], depth: int, **extra: Any) -> Line:
    count, total, percent = (Slot((*at, name), kind) for name, kind in RATE_CELLS)
    return Line(label, unit, value=count, total=total, percent=percent, depth=depth, **extra)


RATE_CELLS = (("count", "integer"), ("total", "integer"), ("percent", "percent"))


def cells(data: Any, expected: Any) -> list[Piece]:
    """Count, total and rate in the item columns; each level below, then last period's."""
    unit = data.get("unit")
    note, guide = Slot(("note",), "text"), getattr(expected, "guide", None)
    lines: list[Piece] = [_rate_line(data.get("label") or "", unit, (), 0, note=note, guide=guide)]
    for index, level in enumerate(rows_of(data, ("levels",))):
        label = level.get("label") if isinstance(level, dict) else ""
        lines.append(_rate_line(label or "", unit, ("levels", index), 1))
    if isinstance(data.get("previous"), dict):
        lines.append(_rate_line("Kỳ trước", unit, ("previous",), 1))
    return lines


KIND = declare(
    name="indicator",
    model=IndicatorBlock,
    title="Tỷ lệ",
    description=None,
    definitions={
        "IndicatorBlock": (
            "Chỉ tiêu tỷ lệ",
            "Số đạt được trên tổng số, hoặc tỷ lệ ghi một mình; có thể chia theo cấp.",
        ),
        "Rate": ("Tỷ lệ", "Số đạt được trên tổng số, hoặc chỉ một tỷ lệ đã ghi."),
        "PreviousRate": ("Tỷ lệ kỳ trước", "Số đạt được/tổng số, hoặc tỷ lệ, của kỳ trước (baocao next ghi)."),
        "Pair": ("Số đạt trên tổng số", "Số đạt được và tổng số của một chỉ tiêu tỷ lệ."),
    },
    expected=Expected,
    start=start,
    conform=None,  # its unit is compared with the đề cương's, as every block's is
    by_unit=lambda expected: {},
    blank=lambda indicator: indicator.blank,
    fill_at=lambda indicator, loc: first_written(indicator, loc, ("count",), "label"),
    blanks_inside=blanks_inside,
    check=check,
    stated=lambda i: (i.count, i.total, i.percent),
    view=view,
    measure=measure,
    computed=None,
    label=lambda i: i["label"],
    lists={"levels": lambda level: level["label"]},
    path_names={"levels": None},
    carry=carry,
    rollup=rollup,
    rollup_keyed=keyed,
    summary=SUMMARY,
    annex=annex,
    annex_keeps=("unit", "count", "total", "percent", "levels"),
    annex_total=annex_total,
    annex_table=None,
    cells=cells,
)
