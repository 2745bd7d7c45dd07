"""Public services: procedures online by scope and level, and the dossiers received and resolved.

Stated totals are checked against their levels and fields; outcomes stay within what was
received. Every count stated is printed, with the table of dossiers by field.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any

from baocao.blocks.base import CheckContext, Data, as_comment, declare, exceeds, mismatch
from baocao.blocks.cells import Column, Grid, Line, Piece, Slot, field_columns, fields_lines, rows_of
from baocao.blocks.printing import cell, item, para, quantity, table
from baocao.blocks.sums import add, summed_total
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Count, Model, Text, field


class ServiceLevel(enum.StrEnum):
    """How far a procedure is online: partial / full since 2022, level 3 / 4 before."""

    PARTIAL = "partial"
    FULL = "full"
    LEVEL_3 = "level_3"
    LEVEL_4 = "level_4"


LEVEL_NAMES = {
    ServiceLevel.PARTIAL: "một phần",
    ServiceLevel.FULL: "toàn trình",
    ServiceLevel.LEVEL_3: "mức độ 3",
    ServiceLevel.LEVEL_4: "mức độ 4",
}


class LevelCount(Model):
    """Services at one level, with the dossiers they received."""

    level: ServiceLevel = field("Mức độ", "partial, full, level_3 hoặc level_4.")
    services: Count = field("Số dịch vụ, thủ tục")
    dossiers_direct: Count | None = field("Hồ sơ tiếp nhận trực tiếp", default=None)
    dossiers_online: Count | None = field("Hồ sơ tiếp nhận trực tuyến", default=None)

    @property
    def name(self) -> str:
        """Written as "toàn trình", "mức độ 3"."""
        return LEVEL_NAMES[self.level]


class ProcedureGroup(Model):
    """Procedures offered online by one scope (a level of government, a system)."""

    scope: Text = field("Phạm vi", "Cấp huyện, Cấp xã, Cổng dịch vụ công của tỉnh…")
    total: Count | None = field("Tổng số đã ghi", "Nếu ghi, phải bằng tổng các mức.", default=None)
    levels: list[LevelCount] = field("Theo mức độ", default=[])

    @property
    def levels_sum(self) -> int:
        """Services summed over the levels."""
        return sum(level.services for level in self.levels)


class DossierCount(Model):
    """Dossiers of one field of procedures; ``items`` break it down further."""

    field_name: Text = field("Lĩnh vực", alias="field")
    received: Count | None = field("Tiếp nhận", default=None)
    on_time: Count | None = field("Giải quyết đúng hạn", default=None)
    late: Count | None = field("Giải quyết quá hạn", default=None)
    pending: Count | None = field("Đang giải quyết", default=None)
    withdrawn: Count | None = field("Công dân rút hồ sơ", default=None)
    online: Count | None = field("Tiếp nhận trực tuyến", default=None)
    items: list[DossierCount] = field("Chi tiết", default=[])


class Dossiers(Model):
    """All dossiers of the period, with a breakdown by field."""

    published_procedures: Count | None = field("Số thủ tục hành chính công bố, niêm yết", default=None)
    received: Count | None = field("Tổng số hồ sơ tiếp nhận đã ghi", default=None)
    resolved: Count | None = field("Tổng số hồ sơ đã giải quyết", default=None)
    online: Count | None = field("Tổng số hồ sơ trực tuyến", default=None)
    by_field: list[DossierCount] = field("Theo lĩnh vực", default=[])

    def column_total(self, column: str) -> int | None:
        """The sum of a column over the fields, or None when a field leaves it blank."""
        values: list[int | None] = [getattr(item, column) for item in self.by_field]
        if not values or any(value is None for value in values):
            return None
        return sum(value for value in values if value is not None)


class PublicServices(Model):
    """Online public services and dossiers."""

    procedures: list[ProcedureGroup] = field("Dịch vụ công trực tuyến theo phạm vi", default=[])
    dossiers: Dossiers | None = field("Hồ sơ thủ tục hành chính", default=None)


DOSSIER_PARTS = ("on_time", "late", "pending", "withdrawn")
DOSSIER_COLUMNS = ("received", "on_time", "late", "pending", "withdrawn", "online")


# --- checks ----------------------------------------------------------------------------------------


def check(services: PublicServices, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """Procedures: the stated total against the levels; dossiers: totals, outcomes within what was received."""
    del context
    for index, group in enumerate(services.procedures):
        if group.total is not None and group.levels and group.total != group.levels_sum:
            yield mismatch((*loc, "procedures", index, "total"), group.scope, group.total, group.levels_sum)
    dossiers = services.dossiers
    if dossiers is None:
        return
    base: Loc = (*loc, "dossiers")
    computed = dossiers.column_total("received")
    if dossiers.received is not None and computed is not None and dossiers.received != computed:
        yield mismatch((*base, "received"), "Tổng số hồ sơ tiếp nhận", dossiers.received, computed)
    if dossiers.received is not None:
        for name, value in (("resolved", dossiers.resolved), ("online", dossiers.online)):
            if value is not None and value > dossiers.received:
                yield exceeds((*base, name), name, "received", value, dossiers.received)
    for index, row in enumerate(dossiers.by_field):
        yield from _dossier_row(row, (*base, "by_field", index))


def _dossier_row(row: DossierCount, loc: Loc) -> Iterator[Issue]:
    outcomes = [getattr(row, name) for name in DOSSIER_PARTS]
    settled = sum(value for value in outcomes if value is not None)
    if row.received is not None:
        if settled > row.received:
            yield exceeds((*loc, "received"), "đúng hạn + quá hạn + đang giải quyết + rút", "received", settled,
                          row.received)  # fmt: skip
        if row.online is not None and row.online > row.received:
            yield exceeds((*loc, "online"), "online", "received", row.online, row.received)
    for column in ("received", *DOSSIER_PARTS):
        stated = getattr(row, column)
        values = [getattr(item, column) for item in row.items]
        if stated is None or not values or any(value is None for value in values):
            continue
        if sum(values) != stated:
            yield mismatch((*loc, column), f"{row.field_name} ({column})", stated, sum(values))
    for index, sub in enumerate(row.items):
        yield from _dossier_row(sub, (*loc, "items", index))


# --- how it reads ------------------------------------------------------------------------------------


def procedures(group: ProcedureGroup) -> str:
    """Written as "Cấp huyện: 83 thủ tục … dịch vụ công trực tuyến, trong đó: 60 một phần, 23 toàn trình"."""
    total = group.total if group.total is not None else group.levels_sum
    text = f"{group.scope}: {quantity(total)} thủ tục hành chính được cung cấp dịch vụ công trực tuyến"
    details = []
    for level in group.levels:
        detail = f"{quantity(level.services)} {level.name}"
        dossiers = []
        if level.dossiers_direct is not None:
            dossiers.append(f"tiếp nhận trực tiếp {quantity(level.dossiers_direct, 'hồ sơ')}")
        if level.dossiers_online is not None:
            dossiers.append(f"trực tuyến {quantity(level.dossiers_online, 'hồ sơ')}")
        if dossiers:
            detail += f" ({', '.join(dossiers)})"
        details.append(detail)
    if details:
        text += ", trong đó: " + "; ".join(details)
    return text


def _dossier_row_cells(number: str, row: DossierCount) -> tuple[str, list[dict[str, Any]]]:
    values = [getattr(row, c) for c in DOSSIER_COLUMNS]
    return (
        "item",
        [
            cell(number, "center"),
            cell(row.field_name),
            *(cell("" if v is None else vn.number(v), "right") for v in values),
        ],
    )


def view(services: PublicServices, context: Any) -> list[dict[str, Any]]:
    """Procedures online by scope and level, then every stated dossier count and the table by field."""
    del context
    out = [p for group in services.procedures for p in item(procedures(group))]
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
        p for value, label, unit in sentences if value is not None for p in item(f"{label}: {quantity(value, unit)}")
    ]
    if dossiers.by_field:
        titles = ("TT", "Lĩnh vực", "Tiếp nhận", "Đúng hạn", "Quá hạn", "Đang giải quyết", "Rút hồ sơ", "Trực tuyến")
        body = []
        for n, row in enumerate(dossiers.by_field, 1):
            body.append(_dossier_row_cells(str(n), row))
            body += [_dossier_row_cells("-", sub) for sub in row.items]
        totals = [dossiers.column_total(c) for c in DOSSIER_COLUMNS]
        body.append(
            (
                "total",
                [cell("Tổng cộng", "center", 2), *(cell("" if v is None else vn.number(v), "right") for v in totals)],
            )
        )
        out.append(para("Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo lĩnh vực:"))
        out += table([[cell(t, "center") for t in titles]], body, [1, 5.2, 2, 2, 1.8, 2, 1.8, 2], "hồ sơ")
    return out


def computed(services: PublicServices) -> dict[str, tuple[int, str]]:
    """Procedures online by scope, and the dossiers received summed over the fields."""
    values = {}
    for group in services.procedures:
        values[f"Thủ tục trực tuyến - {group.scope}"] = (group.levels_sum or group.total or 0, "thủ tục")
    dossiers = services.dossiers
    received = dossiers.column_total("received") if dossiers else None
    if received is not None:
        values["Hồ sơ tiếp nhận"] = (received, "hồ sơ")
    return values


ANNEXED = (("Hồ sơ tiếp nhận", "received"), ("Hồ sơ đã giải quyết", "resolved"), ("Hồ sơ trực tuyến", "online"))


def annex(services: PublicServices) -> list[tuple[str, str, Any]]:
    """Services online by scope; then the dossiers received, resolved and online that the block states or sums."""
    cells: list[tuple[str, str, Any]] = [
        (
            f"Dịch vụ công trực tuyến: {group.scope}",
            "integer",
            group.total if group.total is not None else group.levels_sum,
        )
        for group in services.procedures
    ]
    dossiers = services.dossiers
    if dossiers is not None:
        for title, name in ANNEXED:
            stated = getattr(dossiers, name)
            value = stated if stated is not None or name == "resolved" else dossiers.column_total(name)
            if value is not None:
                cells.append((title, "integer", value))
    return cells


def rollup(values: list[Data], names: list[str], annexed: bool) -> tuple[Data | None, str | None]:
    """Procedures summed by scope and level; dossiers summed by field (unknown when a unit leaves one blank)."""
    del names, annexed
    groups: dict[str, Data] = {}
    fields: dict[str, Data] = {}
    totals: dict[str, int | None] = {}
    any_dossiers = False
    for services in values:
        for group in services.get("procedures", []):
            entry = groups.setdefault(group["scope"], {"scope": group["scope"], "levels": {}})
            for level in group.get("levels", []):
                slot = entry["levels"].setdefault(level["level"], {"level": level["level"], "services": 0})
                slot["services"] += level["services"]
                for name in ("dossiers_direct", "dossiers_online"):
                    if name in level:
                        slot[name] = slot.get(name, 0) + level[name]
        dossiers = services.get("dossiers")
        if dossiers:
            any_dossiers = True
            for name in ("published_procedures", "received", "resolved", "online"):
                totals[name] = add(totals.get(name, 0), dossiers.get(name))
            for row in dossiers.get("by_field", []):
                entry = fields.setdefault(row["field"], {"field": row["field"], **dict.fromkeys(DOSSIER_COLUMNS, 0)})
                for column in DOSSIER_COLUMNS:
                    entry[column] = add(entry[column], row.get(column))
    out: Data = {}
    if groups:
        out["procedures"] = [{"scope": g["scope"], "levels": list(g["levels"].values())} for g in groups.values()]
    if any_dossiers:
        by_field = [{k: v for k, v in row.items() if v is not None} for row in fields.values()]
        out["dossiers"] = {**{k: v for k, v in totals.items() if v is not None}, "by_field": by_field}
    return out, None


LEVEL_COLUMNS = (
    Column("Mức độ", "choice", "level", tuple(level.value for level in ServiceLevel)),
    Column("Số dịch vụ, thủ tục", "integer", "services"),
    Column("Hồ sơ tiếp nhận trực tiếp", "integer", "dossiers_direct"),
    Column("Hồ sơ tiếp nhận trực tuyến", "integer", "dossiers_online"),
)
DOSSIER_FIELDS = (
    ("published_procedures", "Số thủ tục hành chính công bố, niêm yết", "integer"),
    ("received", "Tổng số hồ sơ tiếp nhận", "integer"),
    ("resolved", "Tổng số hồ sơ đã giải quyết", "integer"),
    ("online", "Tổng số hồ sơ trực tuyến", "integer"),
)
FIELD_COLUMNS = (
    ("field", "Lĩnh vực", "text"),
    ("received", "Tiếp nhận", "integer"),
    ("on_time", "Giải quyết đúng hạn", "integer"),
    ("late", "Giải quyết quá hạn", "integer"),
    ("pending", "Đang giải quyết", "integer"),
    ("withdrawn", "Công dân rút hồ sơ", "integer"),
    ("online", "Tiếp nhận trực tuyến", "integer"),
)


def cells(data: Any, expected: Any) -> list[Piece]:
    """Services by scope and level, and dossiers, as lines and tables: the scopes and fields the unit wrote."""
    del expected
    pieces: list[Piece] = []
    for index, group in enumerate(rows_of(data, ("procedures",))):
        scope = group.get("scope") if isinstance(group, dict) else ""
        at = ("procedures", index)
        pieces.append(Line(f"Dịch vụ công trực tuyến: {scope}", "dịch vụ", value=Slot((*at, "total"), "integer")))
        levels = len(rows_of(data, (*at, "levels")))
        if levels:
            pieces.append(
                Grid(
                    f"Dịch vụ công trực tuyến: {scope}",
                    f"DVC {index + 1}",
                    (*at, "levels"),
                    LEVEL_COLUMNS,
                    levels,
                    True,
                    False,
                )
            )
    if isinstance(data.get("dossiers"), dict):
        pieces.append(Line("Hồ sơ thủ tục hành chính"))
        pieces += fields_lines(("dossiers",), DOSSIER_FIELDS, "hồ sơ")
        fields = len(rows_of(data, ("dossiers", "by_field")))
        if fields:
            columns = field_columns(FIELD_COLUMNS)
            pieces.append(
                Grid(
                    "Hồ sơ theo lĩnh vực", "Hồ sơ theo lĩnh vực", ("dossiers", "by_field"), columns, fields, True, False
                )
            )
    return pieces


KIND = declare(
    name="public_services",
    model=PublicServices,
    title="Dịch vụ công, hồ sơ thủ tục hành chính",
    description=None,
    definitions={
        "PublicServices": ("Dịch vụ công, thủ tục hành chính", "Dịch vụ công trực tuyến và hồ sơ thủ tục hành chính."),
        "ProcedureGroup": (
            "Dịch vụ công theo phạm vi",
            "Thủ tục cung cấp trực tuyến của một phạm vi (một cấp, một hệ thống).",
        ),
        "LevelCount": ("Dịch vụ theo mức độ", "Số dịch vụ công ở một mức độ và số hồ sơ tiếp nhận."),
        "ServiceLevel": ("Mức độ dịch vụ công", "Một phần, toàn trình (từ 2022), mức độ 3 hoặc mức độ 4 (trước 2022)."),
        "Dossiers": ("Hồ sơ thủ tục hành chính", "Toàn bộ hồ sơ trong kỳ, có chia theo lĩnh vực."),
        "DossierCount": (
            "Hồ sơ theo lĩnh vực",
            "Số hồ sơ thủ tục hành chính của một lĩnh vực; có thể chia nhỏ trong items.",
        ),
    },
    expected=None,  # a đề cương asks for its counts as figures, indicators or forms
    start=None,
    conform=None,
    by_unit=None,
    blank=lambda services: False,  # printed as far as it is stated
    fill_at=lambda services, loc: loc,
    blanks_inside=None,
    check=check,
    stated=None,
    view=view,
    measure=None,
    computed=computed,
    label=lambda services: "dịch vụ công, thủ tục hành chính",
    lists={
        "procedures": lambda p: p["scope"],
        "procedures.levels": lambda level: level["level"],
        "dossiers.by_field": lambda d: d["field"],
        "dossiers.by_field.items": lambda d: d["field"],
    },
    path_names={
        "received": ("tiếp nhận", "received"),
        "on_time": ("đúng hạn", "on time"),
        "late": ("quá hạn", "late"),
        "pending": ("đang giải quyết", "pending"),
        "withdrawn": ("rút", "withdrawn"),
        "online": ("trực tuyến", "online"),
        "resolved": ("đã giải quyết", "resolved"),
        "services": ("số dịch vụ", "services"),
        "procedures": None,
        "levels": None,
        "by_field": None,
        "items": None,
    },  # fmt: skip,
    carry=as_comment("public_services"),  # written anew each period: last period's as a comment
    rollup=rollup,
    rollup_keyed=None,
    summary=None,
    annex=annex,
    annex_keeps=("procedures", "dossiers"),
    annex_total=summed_total,
    annex_table=None,
    cells=cells,
)
