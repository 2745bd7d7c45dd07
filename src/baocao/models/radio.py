"""Commune radio stations: listed per commune, summarised by computation."""

import enum
from collections import Counter

from baocao.model.fields import Count, Flag, Model, Text, field


class StationType(enum.StrEnum):
    """How a station broadcasts."""

    WIRED = "wired"
    WIRELESS = "wireless"
    IP = "ip"


STATION_NAMES = {
    StationType.WIRED: "hữu tuyến",
    StationType.WIRELESS: "vô tuyến",
    StationType.IP: "ứng dụng công nghệ thông tin - viễn thông",
}


class Station(Model):
    """The radio station of one commune."""

    commune: Text = field("Xã, phường, thị trấn")
    type: StationType = field("Loại đài", "wired (hữu tuyến), wireless (vô tuyến) hoặc ip (CNTT - viễn thông).")
    band: Text | None = field("Băng tần", "Ví dụ: 87-108 MHz.", default=None)
    licensed: Flag | None = field("Đã cấp phép tần số", default=None)
    loudspeaker_clusters: Count | None = field("Số cụm loa", default=None)


class StationSummary(Model):
    """Station counts as typed, for a report that lists no commune by name."""

    total: Count | None = field("Tổng số đài", default=None)
    wired: Count | None = field("Đài hữu tuyến", default=None)
    wireless: Count | None = field("Đài vô tuyến", default=None)
    ip: Count | None = field("Đài ứng dụng CNTT - viễn thông", default=None)


class ClusterGroup(Model):
    """Loudspeaker clusters installed in some places under one investment."""

    places: list[Text] = field("Nơi lắp đặt", default=[])
    clusters: Count = field("Số cụm loa")
    note: Text | None = field("Ghi chú", "Nguồn vốn, chủ đầu tư…", default=None)


class Radio(Model):
    """The grassroots radio system of the unit."""

    communes: Count = field("Số xã, phường, thị trấn của đơn vị")
    stations: list[Station] = field("Đài truyền thanh theo từng xã", default=[])
    summary: StationSummary | None = field(
        "Số đài đã ghi",
        "Chỉ dùng khi không liệt kê được từng xã; nếu có danh sách thì số liệu được tính.",
        default=None,
    )
    unit_station_clusters: Count | None = field("Số cụm loa của đài cấp trên (huyện)", default=None)
    cluster_groups: list[ClusterGroup] = field("Cụm loa theo đợt đầu tư", default=[])

    @property
    def total(self) -> int:
        """Number of stations: counted from the list, else as stated."""
        if self.stations:
            return len(self.stations)
        return self.summary.total or 0 if self.summary else 0

    def by_type(self) -> dict[StationType, int]:
        """Stations per type, computed from the list when there is one."""
        if self.stations:
            counts = Counter(station.type for station in self.stations)
            return {kind: counts[kind] for kind in StationType if counts[kind]}
        if self.summary is None:
            return {}
        stated = {kind: getattr(self.summary, kind.value) for kind in StationType}
        return {kind: value for kind, value in stated.items() if value}

    def by_band(self) -> dict[str, list[str]]:
        """Communes per frequency band, in the order listed."""
        bands: dict[str, list[str]] = {}
        for station in self.stations:
            if station.band:
                bands.setdefault(station.band, []).append(station.commune)
        return bands
