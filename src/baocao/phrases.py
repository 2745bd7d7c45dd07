"""Sentences made from data, as a Vietnamese report words them.

How a figure, an indicator, a team or a group of services reads; templates
call these as filters.
"""

from __future__ import annotations

from decimal import Decimal

from baocao.core import vietnamese as vn
from baocao.models.document import Citation
from baocao.models.figures import Figure, Indicator, Target, Team
from baocao.models.radio import STATION_NAMES, Radio
from baocao.models.services import ProcedureGroup


def quantity(value: Decimal | int, unit: str | None = None) -> str:
    """Written as "02 điểm", "450 km", "1.505 hồ sơ"; decimals keep their digits."""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        text = vn.number(value)
    else:
        text = vn.count(int(value))
    return f"{text} {unit}" if unit else text


def figure(item: Figure) -> str:
    """Written as "Dịch vụ công trực tuyến: 28 dịch vụ, trong đó: 25 mức độ 3, 03 mức độ 4 (ghi chú)"."""
    text = f"{item.label}: {quantity(item.total, item.unit)}"
    if item.parts:
        parts = ", ".join(f"{quantity(p.value)} {p.label}" for p in item.parts)
        text += f", trong đó: {parts}"
    if item.note:
        text += f" ({item.note})"
    return text


def indicator(item: Indicator) -> str:
    """Written as "Thu nhận hồ sơ cấp CCCD: 42.694/42.829 công dân, đạt 99,7%"."""
    unit = f" {item.unit}" if item.unit else ""
    shown = vn.percent(item.shown_percent, item.decimals)
    text = f"{item.label}: {vn.number(item.count)}/{vn.number(item.total)}{unit}, đạt {shown}"
    if item.note:
        text += f" ({item.note})"
    return text


def target(item: Target) -> str:
    """Written as "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số: trên 30%"."""
    return f"{item.label}: {item.phrase}"


def team(item: Team) -> str:
    """Written as "Cấp xã, thị trấn: 16/16 tổ với 151 thành viên"."""
    teams = vn.count(item.teams)
    if item.units is not None:
        teams += f"/{vn.count(item.units)} {item.unit_name or ''}".rstrip()
        return f"{item.level}: {teams} có tổ, với {quantity(item.members, 'thành viên')}"
    return f"{item.level}: {teams} tổ với {quantity(item.members, 'thành viên')}"


def citation(item: Citation) -> str:
    """Written as "Thực hiện Kế hoạch số 90/KH-UBND ngày 27/6/2022 của UBND huyện về …; kết quả"."""
    text = f"{item.action} {item.citation}" if item.action else item.citation
    if item.result:
        text += f", {item.result}"
    return vn.capitalize(text)


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


def radio_summary(radio: Radio) -> str:
    """Written as "22/22 xã có đài truyền thanh, trong đó: 14 đài vô tuyến, 08 đài hữu tuyến"."""
    text = f"Có {vn.count(radio.total)}/{vn.count(radio.communes)} xã, phường, thị trấn có đài truyền thanh"
    kinds = [f"{vn.count(n)} đài {STATION_NAMES[kind]}" for kind, n in radio.by_type().items()]
    return text + (", trong đó: " + ", ".join(kinds) if kinds else "")


def radio_bands(radio: Radio, names: bool = True) -> list[str]:
    """One sentence per frequency band, with its communes unless ``names`` is false."""
    total = vn.count(radio.total)
    return [
        f"{vn.count(len(communes))}/{total} đài được cấp phép băng tần {band}"
        + (f" ({', '.join(communes)})" if names else "")
        for band, communes in radio.by_band().items()
    ]


def versus(change: Decimal, base: Decimal, unit: str | None, reference: str, points: bool = False) -> str:
    """Written as "tăng 30 km (7,1%) so với cùng kỳ năm 2021"; for percentages, in percentage points."""
    if change == 0:
        return f"không thay đổi so với {reference}"
    word = "tăng" if change > 0 else "giảm"
    if points:
        return f"{word} {vn.number(abs(change))} điểm phần trăm so với {reference}"
    amount = quantity(abs(change), unit)
    if base:
        relative = vn.percent(abs(change) * 100 / base)
        return f"{word} {amount} ({relative}) so với {reference}"
    return f"{word} {amount} so với {reference}"


def versus_stated(before: str, reference: str) -> str:
    """Written as "06 tháng cuối năm 2025 là hơn 160 thành viên": an earlier value that is a bound, not a number."""
    return f"{reference} là {before}"
