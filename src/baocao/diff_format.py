"""Changes between two periods as a terminal table, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from itertools import groupby
from typing import IO, Any

from baocao import vietnamese as vn
from baocao.diff import TEXT, Change, word_diff

SECTIONS = {
    "document": "Thông tin văn bản",
    "narrative": "Nội dung viết",
    "citations": "Văn bản được dẫn",
    "figures": "Số liệu",
    "indicators": "Chỉ tiêu tỷ lệ",
    "targets": "Chỉ tiêu kỳ tới",
    "teams": "Tổ công nghệ số cộng đồng",
    "public_services": "Dịch vụ công, thủ tục hành chính",
    "radio": "Truyền thanh cơ sở",
    "budget": "Kinh phí",
    "computed": "Số liệu tính",
}
KINDS = {"changed": "thay đổi", "added": "thêm", "removed": "bỏ", "same": "không đổi"}
NUMBER_KEYS = ("amount", "value", "count", "services", "received", "clusters")


def short(value: Any, width: int = 48) -> str:
    """A value in a few words: numbers the Vietnamese way, items by their name and number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (int, Decimal)):
        return vn.number(value)
    if isinstance(value, dict):
        name = next((str(value[k]) for k in ("label", "name", "field", "commune", "number") if value.get(k)), "")
        number = next((value[k] for k in NUMBER_KEYS if value.get(k) is not None), None)
        text = f"{name}: {vn.number(number)}" if number is not None else name
        return short(text, width)
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def change_text(change: Change) -> str:
    """The change column: +30 (+7,1%), or the kind."""
    if change.numeric and change.delta is not None:
        sign = "+" if change.delta > 0 else ""
        text = f"{sign}{vn.number(change.delta)}"
        if change.percent is not None:
            text += f" ({sign}{vn.number(change.percent)}%)"
        return text if change.delta else "0"
    return KINDS[change.kind]


FIELDS = {
    "value": "giá trị", "note": "ghi chú", "unit": "đơn vị", "label": "tên", "subtotal": "cộng nhóm",
    "total": "tổng", "amount": "kinh phí", "phase": "giai đoạn", "source": "nguồn", "target": "mục tiêu",
    "count": "số đạt", "percent": "tỷ lệ", "received": "tiếp nhận", "on_time": "đúng hạn", "late": "quá hạn",
    "pending": "đang giải quyết", "withdrawn": "rút", "online": "trực tuyến", "resolved": "đã giải quyết",
    "services": "số dịch vụ", "teams": "số tổ", "members": "thành viên", "units": "số đơn vị",
    "communes": "số xã", "type": "loại", "band": "băng tần", "licensed": "cấp phép", "period": "kỳ báo cáo",
    "subject": "trích yếu", "signer": "người ký", "recipients": "nơi nhận", "name": "họ tên", "title": "chức vụ",
    "number": "số", "date": "ngày", "amount_column": "tiêu đề cột kinh phí", "total_in_words": "bằng chữ",
}  # fmt: skip
CONTAINERS = frozenset({"groups", "items", "parts", "levels", "by_field", "procedures", "stations", "cluster_groups"})


def title(change: Change) -> str:
    """Where the change is, for a person: item names and field titles, without list names."""
    parts = [FIELDS.get(part, part) for part in change.path if part not in CONTAINERS]
    return " › ".join(parts) or SECTIONS.get(change.section, change.section)


def grouped(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    """Changes by section, metadata first, figures next, text last."""
    order = {name: index for index, name in enumerate(SECTIONS)}
    rank = {"document": -1, TEXT: 99}
    ordered = sorted(changes, key=lambda c: rank.get(c.section, order.get(c.section, 50)))
    return [(section, list(items)) for section, items in groupby(ordered, key=lambda c: c.section)]


def text(
    changes: Sequence[Change], warnings: Sequence[str], stream: IO[str], color: bool, labels: tuple[str, str]
) -> None:
    """Rich tables by section, readable at 100 columns; narrative as a word-level view."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, width=100, force_terminal=color, no_color=not color, highlight=False)
    for warning in warnings:
        console.print(f"[yellow]cảnh báo:[/yellow] {warning}")
    if not changes:
        console.print("Không có thay đổi.")
        return
    for section, items in grouped(changes):
        table = Table(title=SECTIONS.get(section, section), title_justify="left", expand=True)
        table.add_column("Mục", ratio=5)
        table.add_column(labels[0], ratio=3, justify="right")
        table.add_column(labels[1], ratio=3, justify="right")
        table.add_column("Thay đổi", ratio=2, justify="right")
        for change in items:
            if section == TEXT and change.kind == "changed":
                view = Text()
                for tag, words in word_diff(str(change.old), str(change.new)):
                    style = {"-": "red strike", "+": "green", "=": "dim"}[tag]
                    marker = {"-": "[-", "+": "{+", "=": ""}[tag]
                    closing = {"-": "-]", "+": "+}", "=": ""}[tag]
                    view.append(f"{marker}{words}{closing} ", style=style if color else None)
                table.add_row(title(change), view, "", "thay đổi")
                continue
            table.add_row(title(change), short(change.old), short(change.new), change_text(change))
        console.print(table)


def markdown(changes: Sequence[Change], warnings: Sequence[str], stream: IO[str], color: bool,
             labels: tuple[str, str]) -> None:  # fmt: skip
    """One Markdown table per section, to paste into an e-mail or a wiki."""
    del color
    for warning in warnings:
        stream.write(f"> Cảnh báo: {warning}\n\n")
    if not changes:
        stream.write("Không có thay đổi.\n")
    for section, items in grouped(changes):
        stream.write(f"### {SECTIONS.get(section, section)}\n\n")
        stream.write(f"| Mục | {labels[0]} | {labels[1]} | Thay đổi |\n|---|---:|---:|---:|\n")
        for change in items:
            cells = [title(change), short(change.old, 80), short(change.new, 80), change_text(change)]
            stream.write("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |\n")
        stream.write("\n")


def as_json(changes: Sequence[Change], warnings: Sequence[str], stream: IO[str], color: bool,
            labels: tuple[str, str]) -> None:  # fmt: skip
    """All changes with plain numbers."""
    del color
    document = {
        "old": labels[0],
        "new": labels[1],
        "warnings": list(warnings),
        "changes": [c.to_dict() for c in changes],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


FORMATS = {"text": text, "markdown": markdown, "json": as_json}
