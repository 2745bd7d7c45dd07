"""Administrative procedures online and the dossiers received and resolved."""

import enum

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
    items: list["DossierCount"] = field("Chi tiết", default=[])


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
