"""Compile the units' reports into the data of the level above.

Counts and money are summed; a count out of a total is re-computed from the
summed counts and totals, never by averaging percentages; lists (budget lines,
radio stations) stay per unit. The header, period, narrative and signer come
from the file given with ``--unit``. Every input is validated first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from baocao import yaml_out
from baocao.findings import Finding, has_errors

Data = dict[str, Any]
OWN_SECTIONS = ("narrative", "citations", "targets")  # taken from the --unit file, not summed
DOSSIER_COLUMNS = ("received", "on_time", "late", "pending", "withdrawn", "online")
MONEY = {"đồng": 1, "nghìn đồng": 1_000, "triệu đồng": 1_000_000, "tỷ đồng": 1_000_000_000}


@dataclass
class UnitData:
    """One input as the worker read it: its data (JSON types), or the findings that stopped it."""

    file: str
    data: Data | None
    findings: list[Finding] = field(default_factory=list)


def read_unit(path: str) -> UnitData:
    """Load and check one unit; keep its typed data as plain JSON types (cheap to pass between processes)."""
    from baocao import api

    loaded = api.load(path)
    if loaded.report is None or has_errors(loaded.findings):
        return UnitData(path, None, loaded.findings)
    data = loaded.report.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["_computed"] = {
        "budget": str(loaded.report.budget.computed) if loaded.report.budget else None,
        "stations": loaded.report.radio.total if loaded.report.radio else None,
        "by_type": {k.value: v for k, v in loaded.report.radio.by_type().items()} if loaded.report.radio else {},
    }
    return UnitData(path, data, loaded.findings)


def read_units(files: list[str], jobs: int | None = None) -> Iterator[UnitData]:
    """Every input, in order, over all cores for a large batch."""
    from baocao.api import in_workers, workers

    yield from in_workers(read_unit, files, workers(files, jobs), chunksize=32)


def identity(data: Data) -> str:
    """The unit a file reports for."""
    return str(data["document"]["issuing_body"]).casefold()


def period_of(data: Data) -> tuple[Any, ...]:
    """Kind, period and year, which every input of a roll-up must share."""
    doc = data["document"]
    return doc["kind"], doc["period"]["type"], doc["period"].get("number"), doc["period"]["year"]


def problems(units: list[UnitData], own: Data, include_rollups: bool = False) -> list[str]:
    """Mixed periods or kinds, duplicate units, earlier roll-ups: reasons to refuse the roll-up.

    A file baocao rollup wrote carries a ``rollup`` section; taken as one more unit it
    would count its units twice, so it is refused unless ``include_rollups`` (rolling up
    the roll-ups of districts), and then none of its units may be an input as well.
    """
    found = []
    for unit in units:
        if unit.data is not None and "rollup" in unit.data and not include_rollups:
            found.append(
                f"{unit.file}: written by baocao rollup; taken as a unit it would count its "
                f"{len(unit.data['rollup'].get('units', []))} units twice (leave it out, "
                "or use --include-rollups to roll up roll-ups)"
            )
    expected = period_of(own)[1:]
    for unit in units:
        if unit.data is not None and period_of(unit.data)[1:] != expected:
            found.append(f"{unit.file}: another period than the --unit file")
    kinds = {period_of(u.data)[0] for u in units if u.data is not None}
    if len(kinds) > 1:
        found.append(f"inputs of several report kinds: {', '.join(sorted(kinds))}")
    seen: dict[str, str] = {}
    for unit in units:
        if unit.data is None:
            continue
        key = identity(unit.data)
        if key in seen:
            found.append(f"{unit.file}: the same unit as {seen[key]}")
        seen.setdefault(key, unit.file)
    members: dict[str, str] = {}
    for unit in units if include_rollups else []:
        if unit.data is None:
            continue
        rows = unit.data.get("rollup", {}).get("units", [])
        names = [str(row["name"]).casefold() for row in rows] or [str(unit.data["document"]["short_name"]).casefold()]
        for name in names:
            if name in members and members[name] != unit.file:
                found.append(f"{unit.file}: unit '{name}' is also counted in {members[name]}")
            members.setdefault(name, unit.file)
    return found


def missing(units: list[UnitData], expected: Iterable[str]) -> list[str]:
    """Expected units with no input: matched on the short name, the issuing body or the file name."""
    present = set()
    for unit in units:
        present.add(Path(unit.file).stem.casefold())
        if unit.data is not None:
            present |= {identity(unit.data), str(unit.data["document"]["short_name"]).casefold()}
    return [name for name in expected if name.casefold() not in present]


def combine(own: Data, units: list[UnitData], skipped: list[tuple[str, str]], absent: list[str]) -> Data:
    """The data of the level above: own header and text, summed figures, per-unit rows."""
    datas = [u.data for u in units if u.data is not None]
    out: Data = {"document": own["document"]}
    for section in OWN_SECTIONS:
        if own.get(section):
            out[section] = own[section]
    sums: dict[str, Any] = {
        "figures": _figures(datas),
        "indicators": _indicators(datas),
        "teams": _teams(datas),
        "public_services": _services(datas),
        "radio": _radio(units),
        "budget": _budget(units),
    }
    out.update({name: value for name, value in sums.items() if value})
    money = sums["budget"].get("unit", "triệu đồng")
    out["rollup"] = {
        "units": [_row(u, money) for u in units if u.data is not None],
        "skipped": [{"name": name, "reason": reason} for name, reason in skipped],
        "missing": absent,
    }
    return out


def _total(figure: Data) -> Decimal:
    if figure.get("value") is not None:
        return Decimal(str(figure["value"]))
    return sum((Decimal(str(p["value"])) for p in figure.get("parts", [])), Decimal(0))


def _figures(datas: list[Data]) -> list[Data]:
    merged: dict[str, Data] = {}
    for data in datas:
        for figure in data.get("figures", []):
            entry = merged.setdefault(figure["key"], {
                "key": figure["key"], "label": figure["label"], "value": Decimal(0), "unit": figure.get("unit"),
                "parts": {}, "whole_parts": True, "topic": figure["topic"],
            })  # fmt: skip
            entry["value"] += _total(figure)
            entry["whole_parts"] = (
                entry["whole_parts"] and figure.get("whole_parts", True) and bool(figure.get("parts"))
            )
            for part in figure.get("parts", []):
                label = part["label"]
                entry["parts"][label] = entry["parts"].get(label, Decimal(0)) + Decimal(str(part["value"]))
    figures = []
    for entry in merged.values():
        parts = [{"label": label, "value": value} for label, value in entry.pop("parts").items()]
        if parts:
            entry["parts"] = parts
        else:
            entry.pop("whole_parts")
        figures.append({k: v for k, v in entry.items() if v is not None})
    return figures


def _indicators(datas: list[Data]) -> list[Data]:
    merged: dict[str, Data] = {}
    for data in datas:
        for item in data.get("indicators", []):
            entry = merged.setdefault(item["key"], {
                "key": item["key"], "label": item["label"], "count": 0, "total": 0, "unit": item.get("unit"),
                "topic": item["topic"],
            })  # fmt: skip
            entry["count"] += item["count"]
            entry["total"] += item["total"]
    return [{k: v for k, v in entry.items() if v is not None} for entry in merged.values()]


def _teams(datas: list[Data]) -> list[Data]:
    merged: dict[str, Data] = {}
    for data in datas:
        for team in data.get("teams", []):
            entry = merged.setdefault(team["level"], {"level": team["level"], "teams": 0, "members": 0, "units": 0})
            entry["teams"] += team["teams"]
            entry["members"] += team["members"]
            entry["units"] = _add(entry["units"], team.get("units"))
            if team.get("unit_name"):
                entry["unit_name"] = team["unit_name"]
    return [{k: v for k, v in entry.items() if v is not None} for entry in merged.values()]


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _services(datas: list[Data]) -> Data:
    groups: dict[str, Data] = {}
    fields: dict[str, Data] = {}
    totals: dict[str, int | None] = {}
    any_dossiers = False
    for data in datas:
        services = data.get("public_services") or {}
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
                totals[name] = _add(totals.get(name, 0), dossiers.get(name))
            for row in dossiers.get("by_field", []):
                entry = fields.setdefault(row["field"], {"field": row["field"], **dict.fromkeys(DOSSIER_COLUMNS, 0)})
                for column in DOSSIER_COLUMNS:
                    entry[column] = _add(entry[column], row.get(column))
    out: Data = {}
    if groups:
        out["procedures"] = [{"scope": g["scope"], "levels": list(g["levels"].values())} for g in groups.values()]
    if any_dossiers:
        by_field = [{k: v for k, v in row.items() if v is not None} for row in fields.values()]
        out["dossiers"] = {**{k: v for k, v in totals.items() if v is not None}, "by_field": by_field}
    return out


def _radio(units: list[UnitData]) -> Data:
    radios = [(u.data, u.data["radio"]) for u in units if u.data is not None and u.data.get("radio")]
    if not radios:
        return {}
    out: Data = {"communes": sum(r["communes"] for _, r in radios)}
    if all(r.get("stations") for _, r in radios):
        names = Counter(s["commune"] for _, r in radios for s in r["stations"])
        stations = []
        for data, radio in radios:
            for station in radio["stations"]:
                name = station["commune"]
                if names[name] > 1:
                    name = f"{name} ({data['document']['short_name']})"
                stations.append({**station, "commune": name})
        out["stations"] = stations
    else:
        by_type: dict[str, int] = {}
        for data, _ in radios:
            for kind, count in data["_computed"]["by_type"].items():
                by_type[kind] = by_type.get(kind, 0) + count
        out["summary"] = {"total": sum(data["_computed"]["stations"] for data, _ in radios), **by_type}
    clusters = [g for _, r in radios for g in r.get("cluster_groups", [])]
    if clusters:
        out["cluster_groups"] = clusters
    return out


def _budget(units: list[UnitData]) -> Data:
    budgets = [(u.data, u.data["budget"]) for u in units if u.data is not None and u.data.get("budget")]
    if not budgets:
        return {}
    unit = budgets[0][1]["unit"]
    groups = []
    for data, budget in budgets:
        scale = Decimal(MONEY[budget["unit"]]) / MONEY[unit]
        items = [item for group in budget.get("groups", []) for item in group["items"]] + budget.get("items", [])
        converted = [
            {**item, "amount": Decimal(str(item["amount"])) * scale} if item.get("amount") is not None else item
            for item in items
        ]
        groups.append({"name": data["document"]["short_name"], "items": converted})
    first = budgets[0][1]
    return {"unit": unit, "amount_column": first.get("amount_column", "Kinh phí"), "groups": groups}


def _row(unit: UnitData, money: str) -> Data:
    """One unit's row of the annexes; its budget total in ``money``, the unit of the summed budget."""
    data = unit.data or {}
    row: Data = {"name": data["document"]["short_name"], "file": Path(unit.file).name}
    figures = {f["key"]: _total(f) for f in data.get("figures", [])}
    if figures:
        row["figures"] = figures
    indicators = {i["key"]: {"count": i["count"], "total": i["total"]} for i in data.get("indicators", [])}
    if indicators:
        row["indicators"] = indicators
    computed = data["_computed"]
    if computed["budget"] is not None:
        row["budget"] = Decimal(computed["budget"]) * Decimal(MONEY[data["budget"]["unit"]]) / MONEY[money]
    if computed["stations"] is not None:
        row["stations"] = computed["stations"]
    return row


def to_yaml(data: Data, sources: int) -> str:
    """The combined data as YAML that baocao reads back: decimals with a comma, never '12.779'."""
    header = (
        f"# Generated by `baocao rollup` from {sources} unit files. Edit the units' files and run it again;\n"
        "# figures edited here would disagree with the units.\n"
    )
    return header + yaml_out.dump(_plain(data))


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        whole = value == value.to_integral_value()
        return format(value.quantize(Decimal(1)) if whole else value.normalize(), "f").replace(".", ",")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
