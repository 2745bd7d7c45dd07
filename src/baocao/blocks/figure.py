"""A figure: a stated quantity with optional parts, "28 dịch vụ, trong đó 25 một phần, 03 toàn trình".

Parts are ``whole`` (they add up to the value, the default), ``of_which`` ("trong đó", not
all of it) or ``overlap``. A qualified value ("hơn 8.130") is a bound: the checks ask
whether the parts lie within it. ``previous``, last period's value, adds "tăng … so với …";
``change``, a change stated without the value it is from, "tăng 42,29%", is printed as stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal, Self

from pydantic import BeforeValidator, model_validator

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
    previous_last,
    shown,
    started,
    written,
)
from baocao.blocks.cells import Line, Piece, Slot, rows_of
from baocao.blocks.printing import change, changed, item, number_cell, qualified, quantity, since, with_note
from baocao.blocks.rate import ratio_issues
from baocao.blocks.sums import listed as units_listed
from baocao.blocks.sums import stated_number, stated_sum, summed_total
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Amount, Model, Text, field
from baocao.model.qualified import QPercent, Qualified, QValue, decimals

# Units in which three decimals are ordinary; in any other unit a figure counts things.
MEASURES = frozenset(
    {"km", "m", "m2", "m²", "ha", "kg", "tấn", "lít", "kb", "mb", "gb", "tb", "mbps", "gbps", "%", "giờ",
     "đồng", "nghìn đồng", "triệu đồng", "tỷ đồng"}
)  # fmt: skip
WHOLE_UNITS = frozenset(
    {"người", "người dân", "hộ", "hộ dân", "hộ gia đình", "thành viên", "cán bộ", "công chức", "học viên",
     "đơn vị", "cơ quan", "xã", "phường", "thôn", "tổ", "trường", "doanh nghiệp", "hợp tác xã", "hồ sơ",
     "văn bản", "dịch vụ", "tài khoản", "trạm", "cửa hàng", "máy", "thiết bị", "lớp", "tin", "bài", "tin bài",
     "cuộc", "lượt", "điểm bưu điện", "chiếc", "cái", "bộ", "thủ tục", "camera"}
)  # fmt: skip
"""Units of things counted whole: a figure in them has no fraction (BC114)."""


CHANGE_PATTERN = r"^\s*(tăng|giảm|Tăng|Giảm|\+|-)\s*(\d{1,3}(?:\.\d{3})+(?:,\d{1,6})?|\d{1,15}(?:,\d{1,6})?)\s*(%)?\s*$"
CHANGE = re.compile(CHANGE_PATTERN)
"""A change stated as reports state it: "tăng 42,29%", "giảm 3", "+1.234", "-5%"."""


def change_schema(schema: dict[str, Any]) -> None:
    """JSON Schema of a stated change: the text as written, or a signed number."""
    for key in ("type", "pattern"):
        schema.pop(key, None)
    schema["anyOf"] = [{"type": "string", "pattern": CHANGE_PATTERN}, {"type": "number"}, {"type": "null"}]


def stated_change(value: Any) -> Any:
    """A change as written; a number YAML has read (``-3``, ``+5``) is taken with its sign."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float, Decimal)):
        return f"{'-' if value < 0 else '+'}{str(abs(Decimal(str(value)))).replace('.', ',')}"
    if isinstance(value, str) and CHANGE.match(value):
        return " ".join(value.split())
    raise ValueError(f"mức tăng, giảm ghi dạng 'tăng 42,29%', 'giảm 3', '+1.234' hoặc '-5%', không phải '{value}'")


class FigurePart(Model):
    """One part of a figure: "25 dịch vụ mức độ 3"."""

    label: Text = field("Tên phần")
    value: QValue | None = field("Giá trị", "Bỏ trống khi chưa có số liệu (chưa được in).", default=None)
    unit: Text | None = field("Đơn vị", "Khi khác đơn vị của số liệu.", default=None)
    percent: QPercent | None = field(
        "Tỷ lệ của phần (%)", "Như báo cáo ghi: '1.688 hồ sơ trực tuyến (57,3%)'; được kiểm tra.", default=None
    )
    of: Text | None = field(
        "Tính trên phần",
        "Tên (label) của phần khác mà tỷ lệ tính trên đó: '1.200 toàn trình (chiếm 71,1% trực tuyến)'; "
        "bỏ trống: trên số liệu.",
        default=None,
    )


class FigureBlock(Model):
    """A stated quantity, optionally with parts: "28 dịch vụ, trong đó 25 một phần, 03 toàn trình"."""

    key: Text | None = field("Mã", "Tên ngắn, để so sánh giữa các kỳ và tổng hợp.", default=None)
    label: Text = field("Tên số liệu")
    value: QValue | None = field("Giá trị", "Bỏ trống để tính bằng tổng các phần.", default=None)
    unit: Text | None = field("Đơn vị", default=None)
    parts: list[FigurePart] = field("Các phần", default=[])
    parts_are: Literal["whole", "of_which", "overlap", "shares"] = field(
        "Quan hệ các phần với tổng",
        "whole: cộng lại bằng tổng; of_which: 'trong đó', không đủ; overlap: các phần chồng lên nhau; "
        "shares: tỷ trọng (%) của một tổng không ghi, cộng lại 100%.",
        default="whole",
    )
    note: Text | None = field("Ghi chú", default=None)
    previous: QValue | None = field(
        "Số liệu kỳ trước",
        "Giá trị kỳ trước (baocao next ghi), để in 'tăng/giảm … so với kỳ trước'.",
        default=None,
    )
    previous_as: Literal["change", "value", "both"] = field(
        "Cách in số liệu kỳ trước",
        "change: 'tăng … so với …'; value: '(cùng kỳ năm 2024: 1.234 hồ sơ)'; both: cả hai.",
        default="change",
    )
    change: Annotated[str, BeforeValidator(stated_change)] | None = field(
        "Mức tăng, giảm đã biết",
        "Khi không có số liệu kỳ trước: 'tăng 42,29%', 'giảm 3', '+1.234', '-5%'; in 'tăng 42,29% so với …'.",
        default=None,
        json_schema_extra=change_schema,
    )

    @model_validator(mode="after")
    def _share_of_a_part(self) -> Self:
        labels = [part.label for part in self.parts]
        for part in self.parts:
            if part.of is not None and (part.of not in labels or part.of == part.label):
                raise ValueError(f"of: '{part.of}' không phải tên một phần khác của số liệu ({', '.join(labels)})")
        return self

    @model_validator(mode="after")
    def _change_or_previous(self) -> Self:
        if self.change is not None and self.previous is not None:
            raise ValueError("ghi số liệu kỳ trước (previous) hoặc mức tăng, giảm (change), không ghi cả hai")
        return self

    @property
    def total(self) -> Qualified | None:
        """The stated value, or the exact sum of whole parts."""
        if self.value is not None:
            return self.value
        values = [p.value for p in self.parts]
        if values and self.parts_are == "whole" and all(v is not None and v.exact for v in values):
            return Qualified(sum((v.value for v in values if v is not None), Decimal(0)))
        return None


def parse_change(text: str) -> tuple[Decimal, bool]:
    """A change as written, "tăng 42,29%", "-3": the signed amount, and whether it is in per cent."""
    match = CHANGE.match(text)
    if match is None:
        raise ValueError(text)
    amount = Decimal(match.group(2).replace(".", "").replace(",", "."))  # "1.234,5": the Vietnamese way
    return (-amount if match.group(1).lower() in ("giảm", "-") else amount), bool(match.group(3))


def blank(figure: FigureBlock) -> bool:
    """True when neither the value nor the value of a part is written yet."""
    return figure.value is None and all(p.value is None for p in figure.parts)


# --- checks -------------------------------------------------------------------------------------


def check(figure: FigureBlock, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """Parts against the value; a count written with three decimals."""
    del context
    if figure.note:  # a sentence: its numbers are checked as those of text are
        yield from prose.issues(figure.note, (*loc, "note"))
    yield from parts_issues(figure, loc) if figure.parts_are != "shares" else shares_issues(figure, loc)
    yield from part_share_issues(figure, loc)
    yield from ambiguous(figure, loc)


def part_share_issues(figure: FigureBlock, loc: Loc) -> Iterator[Issue]:
    """A part's stated rate agrees with its value over the figure's, or over another part's ("of")."""
    values = {part.label: part.value for part in figure.parts}
    for index, part in enumerate(figure.parts):
        base = figure.total if part.of is None else values.get(part.of)
        if part.percent is None or part.value is None or base is None or not (part.value.exact and base.exact):
            continue
        if part.value.value == int(part.value.value) and base.value == int(base.value):
            count, total = int(part.value.value), int(base.value)
            yield from ratio_issues(count, total, part.percent, decimals(part.percent), (*loc, "parts", index))


def shares_issues(figure: FigureBlock, loc: Loc) -> Iterator[Issue]:
    """Shares of a whole not stated ("nông nghiệp 40%, công nghiệp 35%, dịch vụ 25%") make 100%.

    Each is rounded as written: three shares of one decimal may make 99,9% or 100,1%.
    """
    values = [part.value for part in figure.parts if part.value is not None]
    if len(values) < 2 or len(values) < len(figure.parts) or not all(v.exact for v in values):
        return
    total = sum((v.value for v in values), Decimal(0))
    places = [-e if isinstance(e := v.value.as_tuple().exponent, int) and e < 0 else 0 for v in values]
    slack = sum((Decimal(5).scaleb(-digits - 1) for digits in places), Decimal(0))
    if abs(total - 100) > slack:
        yield Issue("BC201", (*loc, "parts"), {"what": figure.label, "stated": "100%", "computed": shown(total) + "%"})


def parts_issues(figure: FigureBlock, loc: Loc) -> Iterator[Issue]:
    """Whole parts add up to the value; "of which" parts stay within it; overlapping parts each do."""
    if figure.value is None or not figure.parts:
        return
    values = [part.value for part in figure.parts if part.value is not None]
    if len(values) < len(figure.parts) or not all(v.exact for v in values):
        return
    total = sum((v.value for v in values), Decimal(0))
    at: Loc = (*loc, "value")
    if figure.parts_are == "whole":
        if not figure.value.allows(total):
            yield Issue("BC201", at, {"what": figure.label, "stated": str(figure.value), "computed": shown(total)})
        return
    _, high, _, _ = figure.value.bounds()
    largest = max(v.value for v in values)
    over = total if figure.parts_are == "of_which" else largest
    if over > high:
        params = {
            "part": "các phần",
            "whole": figure.label,
            "part_value": shown(over),
            "whole_value": str(figure.value),
        }
        yield Issue("BC202", at, params)


def _three_decimals(value: Decimal | None) -> bool:
    """True for 1,000 … 999,999 read as a decimal: what ``9,179`` (meant as 9179) becomes."""
    if value is None or not value.is_finite():
        return False
    exponent = value.as_tuple().exponent
    return exponent == -3 and 1 <= value < 1000


def ambiguous(figure: FigureBlock, loc: Loc) -> Iterator[Issue]:
    """A figure that counts things, written ``9,179``: read as 9.179, though 9179 was probably meant (warning).

    A count of people or of things one counts whole (người, hộ, hồ sơ…) with a fraction, ``48,5 người``,
    is a warning too (BC114): a count has no fraction.
    """
    unit = (figure.unit or "").strip().casefold()
    if unit in MEASURES:
        return
    places: list[tuple[Loc, Qualified | None]] = [((*loc, "value"), figure.value)]
    places += [((*loc, "parts", number, "value"), part.value) for number, part in enumerate(figure.parts)]
    for at, stated in places:
        if stated is not None and _three_decimals(stated.value):
            said = format(stated.value, "f").replace(".", ",")
            yield Issue("BC111", at, {"value": said, "plain": said.replace(",", ""), "unit": figure.unit or ""})
        elif stated is not None and unit in WHOLE_UNITS and stated.value != stated.value.to_integral_value():
            said = format(stated.value, "f").replace(".", ",")
            yield Issue("BC114", at, {"value": said, "unit": figure.unit or ""})


def blanks_inside(figure: FigureBlock, loc: Loc) -> Iterator[Issue]:
    """A part left blank in a figure otherwise filled in is not printed: BC604 at its label."""
    for index, part in enumerate(figure.parts):
        if part.value is None:
            yield Issue("BC604", (*loc, "parts", index, "label"), {"what": f"{figure.label}: {part.label}"})


# --- how it reads -------------------------------------------------------------------------------


def text(figure: FigureBlock, change_said: str | None = None) -> str:
    """Written as "Dịch vụ công trực tuyến: 28 dịch vụ, tăng 03 dịch vụ (12%) so với …, trong đó: 25 một phần, …"."""
    total = figure.total
    said = f"{figure.label}: {qualified(total, figure.unit)}" if total is not None else figure.label
    parts = [p for p in figure.parts if p.value is not None]  # a blank part is BC604, not printed
    share = "%" if figure.parts_are == "shares" else None
    if parts:
        listed = ", ".join(
            f"{qualified(p.value, p.unit or share)} {p.label}{part_share(p)}" for p in parts if p.value is not None
        )
        said = after_value(said, change_said if total is not None else None)
        said += f", trong đó: {listed}" if total is not None else f": {listed}"
        return with_note(said, figure.note)
    return after_value(with_note(said, figure.note), change_said if total is not None else None)


def part_share(part: FigurePart) -> str:
    """A part's rate as stated: " (57,3%)" of the figure, " (chiếm 71,1% trực tuyến)" of another part."""
    if part.percent is None:
        return ""
    rate = qualified(part.percent, "%")
    return f" ({rate})" if part.of is None else f" (chiếm {rate} {part.of})"


def after_value(said: str, change_said: str | None) -> str:
    """The value followed by how it changed ("…, tăng …") or by last period's value in brackets ("… (cùng kỳ: …)")."""
    if change_said and change_said.startswith("("):
        return f"{said} {change_said}"
    return changed(said, change_said)


def since_previous(figure: FigureBlock, reference: str) -> str | None:
    """How the figure changed since its ``previous`` value, or that value in brackets, as ``previous_as`` says.

    A change stated without the value it is from ("tăng 42,29%") is printed as stated.
    """
    if figure.change is not None:
        amount, percent = parse_change(figure.change)
        if amount == 0:
            return f"không thay đổi so với {reference}"
        said = f"{vn.number(abs(amount))}%" if percent else quantity(abs(amount), figure.unit)
        return f"{'tăng' if amount > 0 else 'giảm'} {said} so với {reference}"
    moved = since(figure.total, figure.previous, figure.unit, reference, points=False)
    if figure.previous is None or figure.previous_as == "change":
        return moved
    earlier = f"({reference}: {qualified(figure.previous, figure.unit)})"
    return earlier if figure.previous_as == "value" or moved is None else f"{earlier}, {moved}"


def view(figure: FigureBlock, context: ViewContext) -> list[dict[str, Any]]:
    """A "-" line with the value, how it changed, and its parts."""
    return item(text(figure, change("figure", figure, context, since_previous)))


def measure(figure: FigureBlock) -> Measure | None:
    """The value (stated, or the sum of whole parts), for a comparison of two periods."""
    total = figure.total
    return Measure(figure.label, figure.unit, total.value) if total is not None else None


# --- next, new ------------------------------------------------------------------------------------


def carry(body: Data, figure: FigureBlock, carrier: Any) -> list[Any]:
    """Value and parts blank; last period's value (or the sum of its parts) in ``previous``."""
    earlier, kept = body.pop("previous", None), []
    if (stated := body.pop("change", None)) is not None:  # this period's change; the next has the value
        kept.append(f"{figure.label}: {stated} so với kỳ trước")
    if not blank(figure):
        total = figure.total
        if total is not None:
            body["previous"] = str(body["value"]) if body.get("value") is not None else written(total.value)
        else:
            kept.append(f"{figure.label}: giá trị ghi theo các phần")
    body.pop("value", None)
    parts = []
    for part in body.get("parts") or []:
        if isinstance(part, dict) and part.get("value") is not None:
            kept.append(f"{part.get('label')}: {part['value']}")
            part = {k: v for k, v in part.items() if k != "value"}
        parts.append(part)
    if "parts" in body:
        body["parts"] = parts
    notes = [*carried_earlier(carrier, body, earlier), *carried_note(carrier, body, kept)]
    return [*notes, {"figure": previous_last(body)}]


def start(expected: Expected, pad: str, alone: bool) -> list[str]:
    """A figure block with the đề cương's key, label and unit, its value blank."""
    del alone
    return started("figure", expected, pad, "Số liệu", "Ghi số vào value (có thể 'trên 98', 'khoảng 40').", ("value",))


# --- rollup ----------------------------------------------------------------------------------------


def rollup(values: list[Data], names: list[str], annexed: bool) -> tuple[Data | None, str | None]:
    """Values summed (with their common qualifier), parts summed by label; shares are not summed (said in a note)."""
    del annexed
    if any(v.get("parts_are") == "shares" for v in values):
        note = (
            f"*{values[0]['label']}: tỷ trọng của từng đơn vị không cộng được; xem báo cáo của {units_listed(names)}.*"
        )
        return None, note
    out = {k: v for k, v in values[0].items() if k in ("key", "label", "unit", "parts_are") and v is not None}
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


def keyed(values: list[Data], names: list[str], annexed: bool) -> list[Data]:
    """The units' figures of one key of a đề cương, summed."""
    block, _ = rollup(values, names, annexed)
    return [{"figure": block}] if block is not None else []


def kept_total(figure: Data) -> Decimal | None:
    """A unit's figure in a roll-up by sections: its value, or the sum of its parts, as a number."""
    parts = [p.get("value") for p in figure.get("parts", [])]
    if figure.get("value") is not None:
        return stated_number(figure["value"])[0]
    return stated_number(stated_sum(parts))[0] if parts and None not in parts else None


SUMMARY = UnitSummary(
    title="Số liệu theo đơn vị",
    per_table=6,  # value columns per table, so a landscape page stays readable
    model=Amount,
    keep=kept_total,
    header=lambda f: (f"{f.label} ({f.unit})" if f.unit else f.label,),
    cells=lambda kept: (number_cell(kept),),
    total=lambda f: (number_cell(f.total.value),) if f.total is not None else None,
)


def titled(title: str, unit: str | None) -> str:
    """A column title with its unit: "Dịch vụ công (dịch vụ)"."""
    return f"{title} ({unit})" if unit else title


def annex(figure: FigureBlock) -> list[tuple[str, str, Any]]:
    """The value (stated, else the sum of whole parts), then each part ("một phần", "toàn trình")."""
    cells = [(titled(figure.label, figure.unit), "quantity", figure.total)]
    return cells + [(titled(part.label, part.unit), "quantity", part.value) for part in figure.parts]


def cells(data: Any, expected: Any) -> list[Piece]:
    """Its value, its parts below it (their sum shown by a formula beside the value), last period's value.

    The value is the clerk's to state or leave blank (then it is the sum of its parts); the sum the
    formula shows is never read back: baocao adds the parts again and checks a stated value against it.
    """
    parts = rows_of(data, ("parts",))
    unit = data.get("unit")
    summed = len(parts) if parts and data.get("parts_are", "whole") == "whole" else 0
    head = Line(
        data.get("label") or "",
        unit,
        value=Slot(("value",), "number"),
        note=Slot(("note",), "text"),
        sums=summed,
        guide=getattr(expected, "guide", None),
    )
    lines: list[Piece] = [head]
    for index, part in enumerate(parts):
        label = part.get("label") if isinstance(part, dict) else ""
        part_unit = part.get("unit") if isinstance(part, dict) else None
        lines.append(Line(label or "", part_unit or unit, value=Slot(("parts", index, "value"), "number"), depth=1))
    if "previous" in data:
        lines.append(Line("Kỳ trước", unit, value=Slot(("previous",), "number"), depth=1))
    return lines


KIND = declare(
    name="figure",
    model=FigureBlock,
    title="Số liệu",
    description=None,
    definitions={
        "FigureBlock": ("Số liệu", "Một con số như báo cáo ghi, có thể kèm chữ (trên, hơn…) và các phần."),
        "FigurePart": ("Thành phần", "Một phần của số liệu: 25 dịch vụ mức độ 3."),
    },
    expected=Expected,
    start=start,
    conform=None,  # its unit is compared with the đề cương's, as every block's is
    by_unit=lambda expected: {},
    blank=blank,
    fill_at=lambda figure, loc: first_written(figure, loc, ("value",), "label"),
    blanks_inside=blanks_inside,
    check=check,
    stated=lambda f: (f.total, f.unit),
    view=view,
    measure=measure,
    computed=None,
    label=lambda f: f["label"],
    lists={"parts": lambda p: p["label"]},
    path_names={"parts": None},
    carry=carry,
    rollup=rollup,
    rollup_keyed=keyed,
    summary=SUMMARY,
    annex=annex,
    annex_keeps=("unit", "value", "parts", "parts_are"),
    annex_total=summed_total,
    annex_table=None,
    cells=cells,
)
