"""Changes between two periods as a terminal table, Markdown or JSON."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from itertools import groupby
from typing import IO, Any

from baocao.blocks import REGISTRY
from baocao.core import vietnamese as vn
from baocao.core.messages import shown
from baocao.diff.compare import TEXT, Change, word_diff

SECTIONS = {  # section: (vi, en), in the order they are shown
    "document": ("Thông tin văn bản", "Document"),
    TEXT: ("Nội dung viết", "Narrative"),
    "opening": ("Phần mở đầu", "Opening"),
    "sections": ("Các mục của báo cáo", "Sections"),
    "closing": ("Phần kết thúc", "Closing"),
    "annexes": ("Các phụ lục", "Annexes"),
    "computed": ("Số liệu tính", "Computed totals"),
}
KINDS = {
    "changed": ("thay đổi", "changed"),
    "added": ("thêm", "added"),
    "removed": ("bỏ", "removed"),
    "same": ("không đổi", "unchanged"),
}
WORDS = {
    "item": ("Mục", "Item"),
    "change": ("Thay đổi", "Change"),
    "none": ("Không có thay đổi.", "No changes."),
    "warning": ("cảnh báo", "warning"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "points": ("điểm %", "points"),
}
NUMBER_KEYS = ("amount", "value", "count", "services", "received", "clusters")
WIDTH = 80  # the text view fits an 80-column terminal


def _say(words: tuple[str, str], lang: str) -> str:
    return words[1] if lang == "en" else words[0]


def short(value: Any, width: int = 48, lang: str = "vi") -> str:
    """A value in a few words: numbers the Vietnamese way, items by their name and number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _say(WORDS["yes" if value else "no"], lang)
    if isinstance(value, (int, Decimal)):
        return vn.number(value)
    if isinstance(value, dt.date):  # as the report writes it: 25/6/2026
        return vn.date_short(value)
    if isinstance(value, dict):
        name = next((str(value[k]) for k in ("label", "name", "field", "commune", "number") if value.get(k)), "")
        number = next((value[k] for k in NUMBER_KEYS if value.get(k) is not None), None)
        text = f"{name}: {short(number, width, lang)}" if number is not None else name  # "trên 60" stays text
        return short(text, width)
    text = shown(" ".join(str(value).split()))
    return text if len(text) <= width else text[: width - 1] + "…"


RATES = ("percent",)
"""Fields that hold a rate: their change is in percentage points ("+3,4 điểm %"), never a percent of a percent."""
CELL_NUMBER = re.compile(r"^\s*(-?\d+(?:,\d+)?)\s*$")
CELL_OF_TOTAL = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def change_text(change: Change, lang: str = "vi") -> str:
    """The change column: +30 (+7,1%), +3,4 điểm % for a rate, a table cell's amount, or the kind."""
    if change.numeric and change.delta is not None:
        sign = "+" if change.delta > 0 else ""
        text = f"{sign}{vn.number(change.delta)}"
        if change.path and change.path[-1] in RATES:
            return f"{text} {_say(WORDS['points'], lang)}" if change.delta else "0"
        if change.percent is not None:
            text += f" ({sign}{vn.number(change.percent)}%)"
        return text if change.delta else "0"
    if change.kind == "changed" and (amount := _cell_change(change.old, change.new)):
        return amount
    return _say(KINDS[change.kind], lang)


def _cell_change(old: Any, new: Any) -> str | None:
    """The change of a table cell written as text: "+2" for "38" → "40", "+2/+3" for "38/41" → "40/44"."""
    if not isinstance(old, str) or not isinstance(new, str):
        return None
    pairs = [(CELL_OF_TOTAL.match(old), CELL_OF_TOTAL.match(new)), (CELL_NUMBER.match(old), CELL_NUMBER.match(new))]
    for before, after in pairs:
        if before and after:
            deltas = [
                Decimal(b.replace(",", ".")) - Decimal(a.replace(",", "."))
                for a, b in zip(before.groups(), after.groups(), strict=True)
            ]
            return "/".join(f"{'+' if d > 0 else ''}{vn.number(d)}" for d in deltas)
    return None


FIELDS = {  # field: (vi, en); a type of block names its own fields in its module (``path_names``), first
    "value": ("giá trị", "value"), "note": ("ghi chú", "note"), "unit": ("đơn vị", "unit"),
    "label": ("tên", "name"), "total": ("tổng", "total"), "count": ("số đạt", "count"),
    "percent": ("tỷ lệ", "percent"), "units": ("số đơn vị", "units"), "type": ("loại", "type"),
    "period": ("kỳ báo cáo", "period"), "subject": ("trích yếu", "subject"), "signer": ("người ký", "signer"),
    "recipients": ("nơi nhận", "recipients"), "name": ("họ tên", "name"), "title": ("chức vụ", "title"),
    "number": ("số", "number"), "date": ("ngày", "date"),
    "requested_by": ("văn bản yêu cầu", "request"), "issuer": ("cơ quan ban hành", "issuer"),
    "level": ("cấp", "level"), "parent_body": ("cơ quan chủ quản", "parent body"),
    "issuing_body": ("cơ quan ban hành", "issuing body"), "short_name": ("tên gọi", "short name"),
    "area": ("địa bàn", "area"), "place": ("địa danh", "place"), "symbol": ("ký hiệu", "symbol"),
    "cutoff": ("ngày chốt số liệu", "cutoff"), "start": ("từ ngày", "from"), "end": ("đến ngày", "to"),
    "authority": ("thẩm quyền ký", "authority"), "head_title": ("chức vụ người đứng đầu", "head's title"),
    "on_behalf_of": ("tập thể", "on behalf of"), "drafting_unit": ("đơn vị soạn thảo", "drafting unit"),
    "copies": ("số bản lưu", "copies"), "archive": ("lưu", "archive"), "month": ("tháng ban hành", "month"),
    "action": ("cụm từ dẫn", "action"), "kind": ("mẫu trình bày", "kind"), "outline": ("đề cương", "outline"),
    "subtitle": ("dòng dưới trích yếu", "subtitle"), "previous": ("kỳ trước", "previous"),
    "rows": None, "columns": ("cột", "columns"),
}  # fmt: skip


def title(change: Change, lang: str = "vi") -> str:
    """Where the change is, for a person: item names and field titles, without list names."""
    named = {**FIELDS, **REGISTRY.path_names()}
    parts = [_say(said, lang) if (said := named.get(part)) else part for part in change.path if not passed(part, named)]
    return shown(" ".join(" › ".join(parts).split())) or section_title(change.section, lang)


def passed(part: str, named: dict[str, tuple[str, str] | None]) -> bool:
    """True for the name of a list, which a change's path passes over (its items are named)."""
    return part in named and named[part] is None


def section_title(section: str, lang: str) -> str:
    """The heading of a section."""
    return _say(SECTIONS[section], lang) if section in SECTIONS else section


def grouped(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    """Changes by section, metadata first, figures next, text last."""
    order = {name: index for index, name in enumerate(SECTIONS)}
    rank = {"document": -1, TEXT: 99}
    ordered = sorted(changes, key=lambda c: rank.get(c.section, order.get(c.section, 50)))
    return [(section, list(items)) for section, items in groupby(ordered, key=lambda c: c.section)]


COLUMNS = (30, 13, 13, 18)  # item, old, new, change: with the indent and the gaps, 79 columns
STYLES = {"title": "1", "warning": "33", "-": "31;9", "+": "32", "=": "2"}  # ANSI SGR codes


def text(
    changes: Sequence[Change],
    warnings: Sequence[str],
    stream: IO[str],
    color: bool,
    labels: tuple[str, str],
    lang: str = "vi",
) -> None:
    """Plain columns by section, within 80 columns; long values and narrative on lines of their own."""

    def paint(words: str, style: str) -> str:
        return f"\033[{STYLES[style]}m{words}\033[0m" if color and words else words

    out: list[str] = []
    for warning in warnings:
        out += textwrap.wrap(f"{paint(_say(WORDS['warning'], lang) + ':', 'warning')} {warning}", WIDTH)
    if not changes:
        out.append(_say(WORDS["none"], lang))
    for section, items in grouped(changes):
        out += ["", paint(section_title(section, lang), "title")]
        header = (_say(WORDS["item"], lang), _tail(labels[0]), _tail(labels[1]), _say(WORDS["change"], lang))
        out.append(_row(header))
        for change in items:
            name = title(change, lang)
            old, new = short(change.old, lang=lang), short(change.new, lang=lang)
            if section == TEXT and change.kind == "changed":
                out += textwrap.wrap(name, WIDTH - 2, initial_indent="  ", subsequent_indent="  ")
                view = " ".join(
                    paint(_marked(tag, words), tag) for tag, words in word_diff(str(change.old), str(change.new))
                )
                out += _wrap(view, color)
            elif max(len(old), len(new)) <= COLUMNS[1] and len(change_text(change, lang)) <= COLUMNS[3]:
                out.append(_row((name, old, new, change_text(change, lang))))
            else:
                out += textwrap.wrap(name, WIDTH - 2, initial_indent="  ", subsequent_indent="  ")
                out += _wrap(f"{labels[0]}: {old}" if old else "", color) + _wrap(
                    f"{labels[1]}: {new}" if new else "", color
                )
    stream.write("\n".join(out).lstrip("\n") + "\n")


def _tail(label: str) -> str:
    """A file's name in its column: its end, which tells periods apart."""
    width = COLUMNS[1]
    return label if len(label) <= width else "…" + label[-(width - 1) :]


def _marked(tag: str, words: str) -> str:
    words = shown(words)
    return {"-": f"[-{words}-]", "+": f"{{+{words}+}}", "=": words}[tag]


def _row(cells: tuple[str, str, str, str]) -> str:
    """One line of the table; an item name too long for its column goes on as many lines as it needs."""
    name_lines = textwrap.wrap(cells[0], COLUMNS[0]) or [""]
    numbers = [cell.rjust(width) for cell, width in zip(cells[1:], COLUMNS[1:], strict=True)]
    first = f"  {name_lines[-1].ljust(COLUMNS[0])} " + " ".join(numbers)
    return "\n".join([*(f"  {line}" for line in name_lines[:-1]), first.rstrip()])


def _wrap(view: str, color: bool) -> list[str]:
    """Text under an item, indented and wrapped at 80 columns (colour codes take no column)."""
    if not view:
        return []
    if not color:
        return textwrap.wrap(view, WIDTH - 4, initial_indent="    ", subsequent_indent="    ")
    lines, line, width = [], "    ", 4
    for word in view.split(" "):
        visible = len(re.sub(r"\033\[[0-9;]*m", "", word))
        if width + visible + 1 > WIDTH and width > 4:
            lines.append(line.rstrip())
            line, width = "    ", 4
        line += word + " "
        width += visible + 1
    return [*lines, line.rstrip()]


def markdown(
    changes: Sequence[Change],
    warnings: Sequence[str],
    stream: IO[str],
    color: bool,
    labels: tuple[str, str],
    lang: str = "vi",
) -> None:
    """One Markdown table per section, to paste into an e-mail or a wiki."""
    del color
    for warning in warnings:
        stream.write(f"> {_say(WORDS['warning'], lang).capitalize()}: {_cell(warning)}\n\n")
    if not changes:
        stream.write(_say(WORDS["none"], lang) + "\n")
    item, change_word = _say(WORDS["item"], lang), _say(WORDS["change"], lang)
    for section, items in grouped(changes):
        stream.write(f"### {_cell(section_title(section, lang))}\n\n")
        stream.write(f"| {item} | {_cell(labels[0])} | {_cell(labels[1])} | {change_word} |\n|---|---:|---:|---:|\n")
        for change in items:
            cells = [
                title(change, lang),
                short(change.old, 80, lang),
                short(change.new, 80, lang),
                change_text(change, lang),
            ]
            stream.write("| " + " | ".join(_cell(cell) for cell in cells) + " |\n")
        stream.write("\n")


def _cell(text: str) -> str:
    """Text from a file in a Markdown line or cell: one line, its | and HTML written as text."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def as_json(
    changes: Sequence[Change],
    warnings: Sequence[str],
    stream: IO[str],
    color: bool,
    labels: tuple[str, str],
    lang: str = "vi",
) -> None:
    """All changes with plain numbers; the warnings in the language asked for."""
    del color, lang
    document = {
        "old": labels[0],
        "new": labels[1],
        "warnings": list(warnings),
        "changes": [c.to_dict() for c in changes],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


FORMATS = {"text": text, "markdown": markdown, "json": as_json}
