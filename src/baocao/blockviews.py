"""How each block of an outline reads: plain data for the templates, every value written.

A view is a list of primitives, each a plain dict: a paragraph
(``{"kind": "para", "tag": "p"|"li"|"li2"|"star", "runs": [...]}``) or a table
(``{"kind": "table", "unit": …, "widths": …, "rows": [...], "after": [...]}``).
Templates lay them out; the words come from :mod:`baocao.phrases`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from baocao import phrases
from baocao.core import vietnamese as vn
from baocao.models.blocks import (
    AnswerBlock,
    Column,
    FigureBlock,
    IndicatorBlock,
    PreviousRate,
    Qualified,
    Rate,
    TableBlock,
    TargetBlock,
    TasksBlock,
    column_totals,
    typed_cell,
)
from baocao.models.budget import Budget
from baocao.models.document import Citation
from baocao.models.figures import Team
from baocao.models.radio import STATION_NAMES, Radio
from baocao.models.services import DossierCount, PublicServices

Prim = dict[str, Any]
BULLETS = {"- ": "li", "+ ": "li2", "* ": "star"}
ESCAPES = {"\\*": "\x01", "\\-": "\x02", "\\+": "\x03", "\\\\": "\x04"}
RESTORE_TABLE = str.maketrans({"\x01": "*", "\x02": "-", "\x03": "+", "\x04": "\\"})
EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


def runs(text: str, bold: bool = False) -> list[dict[str, Any]]:
    """Text with **bold** and *italic* as runs; a backslash keeps the next "*", "-", "+" or backslash as written."""
    if "*" not in text and "\\" not in text:
        return [{"text": text, "bold": bold, "italic": False}]
    escaped = "\\" in text
    for escape, mark in ESCAPES.items():
        text = text.replace(escape, mark)
    out: list[dict[str, Any]] = []
    at = 0
    for match in EMPHASIS.finditer(text):
        if match.start() > at:
            out.append({"text": text[at : match.start()], "bold": bold, "italic": False})
        strong = match.group(1) is not None
        out.append({"text": match.group(1) or match.group(2), "bold": bold or strong, "italic": not strong})
        at = match.end()
    if at < len(text):
        out.append({"text": text[at:], "bold": bold, "italic": False})
    if escaped:
        for run in out:
            run["text"] = run["text"].translate(RESTORE_TABLE)
    return out


def para(text: str, tag: str = "p") -> Prim:
    """A paragraph of plain words (no markup read)."""
    return {"kind": "para", "tag": tag, "align": None, "runs": [{"text": text, "bold": False, "italic": False}]}


def text_view(text: str) -> list[Prim]:
    """One line, one paragraph; '- ', '+ ', '* ' start bullets and groups."""
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        tag = BULLETS.get(line[:2], "p")
        out.append({"kind": "para", "tag": tag, "align": None, "runs": runs(line[2:] if tag != "p" else line)})
    return out


def qualified(value: Qualified, unit: str | None = None) -> str:
    """Written as "hơn 8.130 thành viên", "trên 98%", "02 điểm"."""
    if unit == "%":
        amount = f"{vn.number(value.value)}%"
    else:
        amount = phrases.quantity(value.value if value.value != value.value.to_integral() else int(value.value), unit)
    return f"{value.word} {amount}" if value.word else amount


def _with_note(text: str, note: str | None) -> str:
    return f"{text} ({note})" if note else text


def figure_text(item: FigureBlock, change: str | None = None) -> str:
    """Written as "Dịch vụ công trực tuyến: 28 dịch vụ, tăng 03 dịch vụ (12%) so với …, trong đó: 25 một phần, …"."""
    total = item.total
    text = f"{item.label}: {qualified(total, item.unit)}" if total is not None else item.label
    written = [p for p in item.parts if p.value is not None]  # a blank part is BC604, not printed
    if written:
        parts = ", ".join(f"{qualified(p.value, p.unit)} {p.label}" for p in written if p.value is not None)
        text = _changed(text, change if total is not None else None)
        text += f", trong đó: {parts}" if total is not None else f": {parts}"
        return _with_note(text, item.note)
    return _changed(_with_note(text, item.note), change if total is not None else None)


def _changed(text: str, change: str | None) -> str:
    """``text`` followed by how the value changed (placed right after the value when parts or levels follow)."""
    return f"{text}, {change}" if change else text


def rate_text(item: Rate, unit: str | None = None) -> str:
    """Written as "42.694/42.829 công dân, đạt 99,7%", or "đạt trên 98%"."""
    if item.percent is not None:
        shown = qualified(
            Qualified(item.percent.value.quantize(Decimal(1).scaleb(-item.decimals)), item.percent.word), "%"
        )
    elif item.count is not None and item.total:
        shown = vn.percent(vn.ratio_percent(item.count, item.total, 1), 1)
    else:
        shown = ""
    counted = ""
    if item.count is not None and item.total is not None:
        counted = f"{vn.number(item.count)}/{vn.number(item.total)}" + (f" {unit}" if unit else "")
    if counted and shown:
        return f"{counted}, đạt {shown}"
    return counted or f"đạt {shown}"


def indicator_text(item: IndicatorBlock, change: str | None = None) -> str:
    """Written as "Tỷ lệ văn bản điện tử: 3.179/3.179 văn bản, đạt 100%, trong đó: cấp xã đạt 74,57%".

    ``change`` (how the rate changed since an earlier period) follows the rate, before the levels.
    """
    text = f"{item.label}: {rate_text(item, item.unit)}"
    levels = [level for level in item.levels if not level.blank]  # a blank level is BC604, not printed
    if not levels:
        return _changed(_with_note(text, item.note), change)
    text = _changed(text, change)
    text += ", trong đó: " + "; ".join(f"{level.label} {rate_text(level, item.unit)}" for level in levels)
    return _with_note(text, item.note)


def shown_percent(rate: Rate | PreviousRate) -> Qualified | None:
    """The percentage a rate reads as: as written, else count / total to one decimal."""
    if rate.percent is not None:
        return Qualified(rate.percent.value.quantize(Decimal(1).scaleb(-rate.decimals)), rate.percent.word)
    if rate.count is not None and rate.total:
        return Qualified(vn.ratio_percent(rate.count, rate.total, 1))
    return None


def change(kind: str, value: Any, context: dict[str, str]) -> str | None:
    """How a figure or indicator changed: from the period given to compare with, else from its ``previous``.

    ``context`` holds the changes worded against the period given (``"figure:key"``), or
    ``compared_with``, the name of the period the ``previous`` values are of.
    """
    key = getattr(value, "key", None)
    if key and f"{kind}:{key}" in context:
        return context[f"{kind}:{key}"]
    if "compared_with" in context:
        return since(value, context["compared_with"])
    return None


def since(value: Any, reference: str) -> str | None:
    """How a figure or indicator changed since its ``previous`` value: "tăng 13 thành viên (8,1%) so với …".

    A value stated as a bound ("hơn 160") is not subtracted: the earlier one is quoted instead.
    """
    if isinstance(value, FigureBlock):
        after, before, unit, points = value.total, value.previous, value.unit, False
    elif isinstance(value, IndicatorBlock):
        after = shown_percent(value)
        before = shown_percent(value.previous) if value.previous is not None else None
        unit, points = "%", True
    else:
        return None
    if after is None or before is None:
        return None
    if after.exact and before.exact:
        return phrases.versus(after.value - before.value, before.value, unit, reference, points=points)
    return phrases.versus_stated(qualified(before, unit), reference)


def target_text(item: TargetBlock) -> str:
    """Written as "Tỷ lệ hộ gia đình có cáp quang: trên 80%"."""
    value = qualified(item.value, item.unit) if item.value is not None else "…"
    return _with_note(f"{item.label}: {value}", item.note)


def answer_text(item: AnswerBlock) -> str:
    """Written as "Công khai danh mục thông tin: Có"."""
    return _with_note(f"{item.label}: {item.answer}", item.note)


def item(text: str) -> list[Prim]:
    """A "-" line; its final punctuation is set by the section it stands in."""
    prim = para(text, "li")
    prim["item"] = True
    return [prim]


# --- tables -----------------------------------------------------------------------------------


def cell(text: Any, align: str = "left", span: int = 1) -> dict[str, Any]:
    """A table cell of plain text."""
    return {"text": "" if text is None else str(text), "align": align, "span": span}


def table(
    header: list[list[dict[str, Any]]],
    body: list[tuple[str, list[dict[str, Any]]]],
    widths: list[float],
    unit: str | None = None,
    title: str | None = None,
    after: list[str] | None = None,
) -> list[Prim]:
    """A table primitive, with its title paragraph before and its notes after."""
    rows = [{"role": "header", "cells": row} for row in header]
    rows += [{"role": role, "cells": cells} for role, cells in body]
    prims: list[Prim] = [para(title)] if title else []
    prims.append(
        {"kind": "table", "unit": unit or "", "widths": ",".join(format(w, "g") for w in widths), "rows": rows}
    )
    prims += [
        {"kind": "para", "tag": "note", "align": "center", "runs": [{"text": line, "bold": False, "italic": False}]}
        for line in after or []
    ]
    return prims


def shown_value(kind: str, value: Any) -> str:
    """A cell's typed value as a table of columns of type ``kind`` prints it: "1.688", "3/5", "trên 98%"."""
    if value is None:
        return ""
    if isinstance(value, Qualified):
        number = shown_value(kind, value.value)
        return f"{value.word} {number}" if value.word else number
    if kind == "count_of_total":
        return f"{vn.number(value[0])}/{vn.number(value[1])}"
    if kind in ("integer", "quantity", "money"):
        return vn.number(value)
    if kind == "percent":
        return f"{vn.number(value)}%"
    if kind == "date":
        return vn.date_short(value)
    return str(value)


def _shown(column: Column, value: Any, text: str | None) -> str:
    return text or "" if value is None else shown_value(column.type, value)


def _column_title(column: Column) -> str:
    return f"{column.title} ({column.unit})" if column.unit else column.title


def table_since(block: TableBlock, reference: str) -> list[str]:
    """The line under a table with last period's totals.

    Written as "Tổng cộng: Số hồ sơ tăng 5 hồ sơ (3,1%) so với kỳ trước; Đã đăng/tổng số 47/50, kỳ trước là 42/45.".
    Columns of numbers say how their total changed; a column of counts out of a total quotes both.
    """
    if not block.previous:
        return []
    sums = column_totals(block)
    said = []
    for column in block.columns:
        before = typed_cell(column, block.previous.get(column.key))
        after = sums.get(column.key)
        if before is None or after is None:
            continue
        if column.type == "count_of_total":
            earlier = phrases.versus_stated(_shown(column, before, None), reference)
            said.append(f"{column.title} {_shown(column, after, None)}, {earlier}")
        else:
            unit = column.unit or (block.unit if column.type == "money" else None)
            said.append(f"{column.title} {phrases.versus(after - before, before, unit, reference)}")
    return [f"Tổng cộng: {'; '.join(said)}."] if said else []


WIDE = 7
"""Columns past which a table of one row is printed turned, a row per column: a portrait page holds about seven."""


def table_view(block: TableBlock, reference: str | None = None) -> list[Prim]:
    """A typed table: header (groups spanning their columns), rows, total row; one wide row is printed turned."""
    if len(block.rows) == 1 and len(block.columns) > WIDE and not any(c.group for c in block.columns):
        return _turned(block, reference)
    lead = [cell("TT", "center")] if block.numbered else []
    grouped = any(c.group for c in block.columns)
    header: list[list[dict[str, Any]]] = []
    if grouped:
        top, bottom = list(lead), [cell("")] if block.numbered else []
        index = 0
        while index < len(block.columns):
            column = block.columns[index]
            if column.group is None:
                top.append(cell(_column_title(column), "center"))
                bottom.append(cell(""))
                index += 1
                continue
            span = 1
            while index + span < len(block.columns) and block.columns[index + span].group == column.group:
                span += 1
            top.append(cell(column.group, "center", span))
            bottom += [cell(_column_title(c), "center") for c in block.columns[index : index + span]]
            index += span
        header = [top, bottom]
    else:
        header = [[*lead, *(cell(_column_title(c), "center") for c in block.columns)]]
    body: list[tuple[str, list[dict[str, Any]]]] = []
    for number, row in enumerate(block.rows, 1):
        cells = [cell(number, "center")] if block.numbered else []
        for column in block.columns:
            text = row.get(column.key)
            align = "left" if column.type in ("text", "choice") else "right" if column.type != "yes_no" else "center"
            cells.append(cell(_shown(column, typed_cell(column, text), text), align))
        body.append(("item", cells))
    if block.total is not False:
        sums = column_totals(block)
        cells = [cell("Tổng cộng", "center", 2 if block.numbered else 1)]
        for column in block.columns[1:]:
            value = sums.get(column.key)
            cells.append(cell(_shown(column, value, "") if value is not None else "", "right"))
        body.append(("total", cells))
    widths = ([1.0] if block.numbered else []) + [4.0 if c.type == "text" else 2.2 for c in block.columns]
    after = ([block.note] if block.note else []) + (table_since(block, reference) if reference else [])
    return table(header, body, widths, block.unit, block.title, after or None)


def _turned(block: TableBlock, reference: str | None) -> list[Prim]:
    """A data form answered in one row (a unit's Mẫu 01): each column a row, "Nội dung" then the answer.

    The first column names the row when it is text ("Cổng thông tin điện tử của đơn vị"):
    it heads the answers; the total of one row is the row itself. Every cell is printed.
    """
    (row,) = block.rows
    first = block.columns[0]
    named = first.type == "text" and bool(str(row.get(first.key) or "").strip())
    columns = block.columns[1:] if named else block.columns
    head = str(row.get(first.key)).strip() if named else "Kết quả"
    lead = [cell("TT", "center")] if block.numbered else []
    header = [[*lead, cell("Nội dung", "center"), cell(head, "center")]]
    body: list[tuple[str, list[dict[str, Any]]]] = []
    for number, column in enumerate(columns, 1):
        text = row.get(column.key)
        cells = [cell(number, "center")] if block.numbered else []
        cells += [cell(_column_title(column)), cell(_shown(column, typed_cell(column, text), text), "center")]
        body.append(("item", cells))
    widths = ([1.0] if block.numbered else []) + [9.0, 5.0]
    after = ([block.note] if block.note else []) + (table_since(block, reference) if reference else [])
    return table(header, body, widths, block.unit, block.title, after or None)


def tasks_view(block: TasksBlock) -> list[Prim]:
    """The task table: TT, nội dung, kết quả/tiến độ, kinh phí, ghi chú."""
    titles = block.columns
    header = [[cell(t, "center") for t in ("TT", titles.task, titles.result, titles.funding, titles.note)]]
    body = [
        ("item", [cell(n, "center"), cell(t.task), cell(t.result), cell(t.funding), cell(t.note)])
        for n, t in enumerate(block.rows, 1)
    ]
    return table(header, body, [1, 5, 4, 3.5, 2.5], title=block.title)


def budget_view(budget: Budget) -> list[Prim]:
    """The budget table: groups with their subtotals, every line's fields, the total and its words."""
    notes = any(i.note for g in budget.all_groups for i in g.items)
    names = [
        "TT",
        "Danh mục nội dung, nhiệm vụ",
        "Mục tiêu/Nội dung",
        "Giai đoạn",
        "Nguồn kinh phí",
        budget.amount_column,
        *(["Ghi chú"] if notes else []),
    ]
    body: list[tuple[str, list[dict[str, Any]]]] = []
    for index, group in enumerate(budget.all_groups, 1):
        if budget.groups:
            body.append(
                (
                    "group",
                    [
                        cell(vn.roman(index), "center"),
                        cell(group.name.upper(), span=4),
                        cell(vn.number(group.computed, 1), "right"),
                        *([cell("")] if notes else []),
                    ],
                )
            )
        for number, line in enumerate(group.items, 1):
            amount = vn.number(line.amount, 1) if line.amount is not None else ""
            row = [
                cell(number, "center"),
                cell(line.name),
                cell(line.target),
                cell(line.phase, "center"),
                cell(line.source),
                cell(amount, "right"),
                *([cell(line.note)] if notes else []),
            ]
            body.append(("item", row))
    total = [
        cell("TỔNG CỘNG", "center", 5),
        cell(vn.number(budget.computed, 1), "right"),
        *([cell("")] if notes else []),
    ]
    body.append(("total", total))
    widths = [1, 6, 3.6, 2, 2.8, 2.6, *([2.4] if notes else [])]
    words = f"(Bằng chữ: {vn.amount_in_words(budget.in_dong(budget.computed))})"
    return table([[cell(n, "center") for n in names]], body, widths, str(budget.unit), budget.title, [words])


def radio_view(radio: Radio, context: dict[str, str]) -> list[Prim]:
    """Stations by type and band, each station's licence and clusters, cluster groups."""
    out = item(phrases.radio_summary(radio))
    out += [p for sentence in phrases.radio_bands(radio) for p in item(sentence)]
    detailed = [s for s in radio.stations if s.licensed is not None or s.loudspeaker_clusters is not None]
    if detailed:
        header = [
            [cell(t, "center") for t in ("TT", "Xã, phường, thị trấn", "Loại đài", "Băng tần", "Cấp phép", "Cụm loa")]
        ]
        body = [
            (
                "item",
                [
                    cell(n, "center"),
                    cell(s.commune),
                    cell(STATION_NAMES[s.type]),
                    cell(s.band, "center"),
                    cell("" if s.licensed is None else "Có" if s.licensed else "Không", "center"),
                    cell("" if s.loudspeaker_clusters is None else vn.number(s.loudspeaker_clusters), "right"),
                ],
            )
            for n, s in enumerate(radio.stations, 1)
        ]
        out += table(header, body, [1, 4, 3, 2.4, 2, 2])
    for group in radio.cluster_groups:
        text = phrases.quantity(group.clusters, "cụm loa")
        if group.places:
            text += " tại " + ", ".join(group.places)
        out += item(_with_note(text, group.note))
    if radio.unit_station_clusters is not None:
        clusters = phrases.quantity(radio.unit_station_clusters, "cụm loa")
        out += item(f"Đài Truyền thanh {context.get('area', '')} có {clusters}".replace("  ", " "))
    return out


DOSSIER_COLUMNS = ("received", "on_time", "late", "pending", "withdrawn", "online")


def _dossier_row(number: str, row: DossierCount) -> tuple[str, list[dict[str, Any]]]:
    values = [getattr(row, c) for c in DOSSIER_COLUMNS]
    return (
        "item",
        [
            cell(number, "center"),
            cell(row.field_name),
            *(cell("" if v is None else vn.number(v), "right") for v in values),
        ],
    )


def services_view(services: PublicServices) -> list[Prim]:
    """Procedures online by scope and level, then every stated dossier count and the table by field."""
    out = [p for group in services.procedures for p in item(phrases.procedures(group))]
    dossiers = services.dossiers
    if dossiers is None:
        return out
    sentences = (
        (dossiers.published_procedures, "Số thủ tục hành chính được công bố, niêm yết công khai", "thủ tục"),
        (dossiers.received, "Tổng số hồ sơ tiếp nhận", "hồ sơ"),
        (dossiers.resolved, "Số hồ sơ đã giải quyết", "hồ sơ"),
        (dossiers.online, "Số hồ sơ tiếp nhận trực tuyến", "hồ sơ"),
    )
    out += [
        p
        for value, label, unit in sentences
        if value is not None
        for p in item(f"{label}: {phrases.quantity(value, unit)}")
    ]
    if dossiers.by_field:
        titles = ("TT", "Lĩnh vực", "Tiếp nhận", "Đúng hạn", "Quá hạn", "Đang giải quyết", "Rút hồ sơ", "Trực tuyến")
        body = []
        for n, row in enumerate(dossiers.by_field, 1):
            body.append(_dossier_row(str(n), row))
            body += [_dossier_row("-", sub) for sub in row.items]
        totals = [dossiers.column_total(c) for c in DOSSIER_COLUMNS]
        body.append(
            (
                "total",
                [cell("TỔNG CỘNG", "center", 2), *(cell("" if v is None else vn.number(v), "right") for v in totals)],
            )
        )
        out.append(para("Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo lĩnh vực:"))
        out += table([[cell(t, "center") for t in titles]], body, [1, 5.2, 2, 2, 1.8, 2, 1.8, 2], "hồ sơ")
    return out


def teams_view(teams: list[Team]) -> list[Prim]:
    """Community digital technology teams, level by level."""
    return [para("Kết quả thành lập Tổ công nghệ số cộng đồng các cấp:")] + [
        p for t in teams for p in item(phrases.team(t))
    ]


def citation_view(citation: Citation, opening: bool = False) -> list[Prim]:
    """A cited document in full: "Căn cứ Kế hoạch số … về …;" as a paragraph; "- Thực hiện …" as an item.

    In the opening every cited document is a paragraph of its own, as the "Căn cứ" lines are.
    """
    text = phrases.citation(citation)
    if opening or (citation.action or "").lower().startswith("căn cứ"):
        return [para(text if text.endswith((".", ";", ":")) else text + ";")]
    return item(text)
