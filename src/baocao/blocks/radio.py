"""The grassroots radio system: stations listed per commune, counts by type and band computed.

A report that lists no commune by name states the counts (``summary``), which are checked
against the list when there is one. Rolled up, communes are summed and the stations kept
(with the unit's name when two units have a commune of one name), or their counts summed.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator
from typing import Any

from baocao.blocks.base import CheckContext, Data, as_comment, declare, exceeds, mismatch
from baocao.blocks.cells import Column, Grid, Line, Piece, Slot, field_columns, fields_lines, rows_of
from baocao.blocks.printing import cell, item, quantity, table, with_note
from baocao.blocks.sums import summed_total
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
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


def check(radio: Radio, loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """Typed counts add up and agree with the list; no more stations than communes; no commune twice."""
    del context
    summary = radio.summary
    if summary is not None:
        kinds = [v for v in (summary.wired, summary.wireless, summary.ip) if v is not None]
        if summary.total is not None and kinds and sum(kinds) != summary.total:
            yield mismatch((*loc, "summary", "total"), "Số đài truyền thanh", summary.total, sum(kinds))
        if radio.stations:
            listed = radio.by_type()
            for kind in ("wired", "wireless", "ip"):
                stated = getattr(summary, kind)
                counted = sum(n for k, n in listed.items() if k.value == kind)
                if stated is not None and stated != counted:
                    yield mismatch((*loc, "summary", kind), f"Số đài ({kind})", stated, counted)
            if summary.total is not None and summary.total != len(radio.stations):
                yield mismatch((*loc, "summary", "total"), "Số đài truyền thanh", summary.total, len(radio.stations))
    if radio.total > radio.communes:
        yield exceeds((*loc, "communes"), "stations", "communes", radio.total, radio.communes)
    seen: dict[str, int] = {}
    for index, station in enumerate(radio.stations):
        if station.commune in seen:
            yield Issue("BC204", (*loc, "stations", index, "commune"), {"name": station.commune})
        seen[station.commune] = index


def summary_sentence(radio: Radio, communes: str) -> str:
    """Written as "Có 22/22 xã, thị trấn có đài truyền thanh, trong đó: 14 đài vô tuyến, 08 đài hữu tuyến".

    ``communes`` names the units as the area has them ("xã, thị trấn" for a huyện, "phường" for a quận).
    """
    text = f"Có {vn.count(radio.total)}/{vn.count(radio.communes)} {communes} có đài truyền thanh"
    kinds = [f"{vn.count(n)} đài {STATION_NAMES[kind]}" for kind, n in radio.by_type().items()]
    return text + (", trong đó: " + ", ".join(kinds) if kinds else "")


def band_sentences(radio: Radio) -> list[str]:
    """One sentence per frequency band, with its communes."""
    total = vn.count(radio.total)
    return [
        f"{vn.count(len(communes))}/{total} đài được cấp phép băng tần {band} ({', '.join(communes)})"
        for band, communes in radio.by_band().items()
    ]


def view(radio: Radio, context: Any) -> list[dict[str, Any]]:
    """Stations by type and band, each station's licence and clusters, cluster groups."""
    communes = vn.with_kinds(context.communes, (station.commune for station in radio.stations))
    out = item(summary_sentence(radio, communes))
    out += [p for sentence in band_sentences(radio) for p in item(sentence)]
    detailed = [s for s in radio.stations if s.licensed is not None or s.loudspeaker_clusters is not None]
    if detailed:
        header = [
            [cell(t, "center") for t in ("TT", vn.capitalize(communes), "Loại đài", "Băng tần", "Cấp phép", "Cụm loa")]
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
        text = quantity(group.clusters, "cụm loa")
        if group.places:
            text += " tại " + ", ".join(group.places)
        out += item(with_note(text, group.note))
    if radio.unit_station_clusters is not None:
        clusters = quantity(radio.unit_station_clusters, "cụm loa")
        out += item(f"Đài Truyền thanh {context.area} có {clusters}".replace("  ", " "))
    return out


def computed(radio: Radio) -> dict[str, tuple[int, str]]:
    """Stations counted, in all and by type."""
    values = {"Đài truyền thanh": (radio.total, "đài")}
    for kind, count in radio.by_type().items():
        values[f"Đài truyền thanh {STATION_NAMES[kind]}"] = (count, "đài")
    return values


def rollup(values: list[Data], names: list[str], annexed: bool) -> tuple[Data | None, str | None]:
    """Communes summed; stations listed with their unit when two units have a commune of one name."""
    del annexed
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


STATION_COLUMNS = (
    Column("Xã, phường, thị trấn", "text", "commune"),
    Column("Loại đài", "choice", "type", tuple(kind.value for kind in StationType)),
    Column("Băng tần", "text", "band"),
    Column("Đã cấp phép tần số", "choice", "licensed", ("Có", "Không")),
    Column("Số cụm loa", "integer", "loudspeaker_clusters"),
)
SUMMARY_FIELDS = (
    ("total", "Tổng số đài", "integer"),
    ("wired", "Đài hữu tuyến", "integer"),
    ("wireless", "Đài vô tuyến", "integer"),
    ("ip", "Đài ứng dụng CNTT - viễn thông", "integer"),
)
GROUP_FIELDS = (("places", "Nơi lắp đặt", "lines"), ("clusters", "Số cụm loa", "integer"), ("note", "Ghi chú", "text"))


def cells(data: Any, expected: Any) -> list[Piece]:
    """Communes and stations by type as lines; the stations and the groups of loudspeakers as tables."""
    del expected
    pieces: list[Piece] = [Line("Số xã, phường, thị trấn của đơn vị", "xã", value=Slot(("communes",), "integer"))]
    if isinstance(data.get("summary"), dict):
        pieces += fields_lines(("summary",), SUMMARY_FIELDS, "đài")
    if "unit_station_clusters" in data:
        pieces.append(Line("Số cụm loa của đài cấp trên", "cụm", value=Slot(("unit_station_clusters",), "integer")))
    stations = len(rows_of(data, ("stations",)))
    if stations:
        pieces.append(
            Grid("Đài truyền thanh cấp xã", "Đài truyền thanh", ("stations",), STATION_COLUMNS, stations, True, False)
        )
    groups = len(rows_of(data, ("cluster_groups",)))
    if groups:
        columns = field_columns(GROUP_FIELDS)
        pieces.append(Grid("Cụm loa theo đợt đầu tư", "Cụm loa", ("cluster_groups",), columns, groups, True, False))
    return pieces


KIND = declare(
    name="radio",
    model=Radio,
    title="Truyền thanh cơ sở",
    description=None,
    definitions={
        "Radio": ("Truyền thanh cơ sở", "Hệ thống truyền thanh cơ sở của đơn vị."),
        "Station": ("Đài truyền thanh xã", "Đài truyền thanh của một xã, phường, thị trấn."),
        "StationSummary": ("Số đài theo loại", "Số đài như đã ghi, cho báo cáo không liệt kê từng xã."),
        "StationType": ("Loại đài", "Cách đài phát sóng: hữu tuyến, vô tuyến hoặc ứng dụng CNTT - viễn thông."),
        "ClusterGroup": ("Đợt lắp cụm loa", "Số cụm loa lắp đặt ở một số nơi trong cùng một đợt đầu tư."),
    },
    expected=None,  # a đề cương asks for counts as figures or forms, not for a unit's station list
    start=None,
    conform=None,
    by_unit=None,
    blank=lambda radio: False,  # the number of communes is required
    fill_at=lambda radio, loc: loc,
    blanks_inside=None,
    check=check,
    stated=None,
    view=view,
    measure=None,
    computed=computed,
    label=lambda radio: "truyền thanh cơ sở",
    lists={"stations": lambda s: s["commune"], "cluster_groups": lambda g: ", ".join(g["places"]) or g.get("note")},
    path_names={
        "communes": ("số xã", "communes"),
        "band": ("băng tần", "band"),
        "licensed": ("cấp phép", "licensed"),
        "stations": None,
        "cluster_groups": None,
    },  # fmt: skip,
    carry=as_comment("radio"),  # written anew each period: last period's as a comment
    rollup=rollup,
    rollup_keyed=None,
    summary=None,
    annex=lambda radio: [
        ("Số xã, phường, thị trấn", "integer", radio.communes),
        ("Số đài truyền thanh", "integer", radio.total),
    ],
    annex_keeps=("communes", "stations", "summary"),
    annex_total=summed_total,
    annex_table=None,
    cells=cells,
)
