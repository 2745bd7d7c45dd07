"""Stated totals against the sum of their parts; parts that exceed their whole."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from baocao.checks.issue import Issue, shown
from baocao.core import vietnamese as vn
from baocao.core.findings import Loc
from baocao.models import Report
from baocao.models.budget import Budget
from baocao.models.figures import Team
from baocao.models.radio import Radio
from baocao.models.services import DossierCount, PublicServices

DOSSIER_PARTS = ("on_time", "late", "pending", "withdrawn")


def _mismatch(loc: Loc, what: str, stated: Decimal | int, computed: Decimal | int) -> Issue:
    return Issue("BC201", loc, {"what": what, "stated": shown(stated), "computed": shown(computed)})


def _exceeds(loc: Loc, part: str, whole: str, part_value: Decimal | int, whole_value: Decimal | int) -> Issue:
    params = {"part": part, "whole": whole, "part_value": shown(part_value), "whole_value": shown(whole_value)}
    return Issue("BC202", loc, params)


def figure_parts(report: Report) -> Iterator[Issue]:
    """A figure's stated value equals the sum of its parts (or, for "of which" parts, is not below it)."""
    for index, figure in enumerate(report.figures):
        if figure.value is None or not figure.parts:
            continue
        loc: Loc = ("figures", index, "value")
        if figure.whole_parts and figure.parts_sum != figure.value:
            yield _mismatch(loc, figure.label, figure.value, figure.parts_sum)
        elif figure.parts_sum > figure.value:
            yield _exceeds(loc, "các phần", figure.label, figure.parts_sum, figure.value)


def budget_totals(report: Report) -> Iterator[Issue]:
    """Group subtotals and the grand total equal the sum of their items; the words match the total."""
    if report.budget is not None:
        yield from budget_issues(report.budget, ("budget",))


def budget_issues(budget: Budget, base: Loc) -> Iterator[Issue]:
    """The budget checks of one budget table standing at ``base``."""
    for index, group in enumerate(budget.groups):
        if group.subtotal is not None and group.subtotal != group.computed:
            yield _mismatch((*base, "groups", index, "subtotal"), group.name, group.subtotal, group.computed)
    if budget.total is not None and budget.total != budget.computed:
        yield _mismatch((*base, "total"), "Tổng cộng", budget.total, budget.computed)
    if budget.total_in_words is not None:
        expected = vn.amount_in_words(budget.in_dong(budget.computed))
        if _words_key(budget.total_in_words) != _words_key(expected):
            yield Issue("BC203", (*base, "total_in_words"), {"stated": budget.total_in_words, "computed": expected})


def _words_key(text: str) -> str:
    """Amount words compared without case, spacing or a trailing "Việt Nam"."""
    folded = " ".join(text.lower().replace(",", " ").split())
    return folded.removesuffix(" việt nam").removesuffix(" chẵn")


def procedure_totals(report: Report) -> Iterator[Issue]:
    """Procedures online: the stated total equals the sum over the levels."""
    if report.public_services is not None:
        yield from procedure_issues(report.public_services, ("public_services",))


def procedure_issues(services: PublicServices, base: Loc) -> Iterator[Issue]:
    """The procedure checks of one public-services block standing at ``base``."""
    for index, group in enumerate(services.procedures):
        if group.total is not None and group.levels and group.total != group.levels_sum:
            loc: Loc = (*base, "procedures", index, "total")
            yield _mismatch(loc, group.scope, group.total, group.levels_sum)


def dossier_totals(report: Report) -> Iterator[Issue]:
    """Dossiers: totals against the fields, outcomes within what was received, items against their field."""
    if report.public_services is not None:
        yield from dossier_issues(report.public_services, ("public_services",))


def dossier_issues(services: PublicServices, at: Loc) -> Iterator[Issue]:
    """The dossier checks of one public-services block standing at ``at``."""
    dossiers = services.dossiers
    if dossiers is None:
        return
    base: Loc = (*at, "dossiers")
    computed = dossiers.column_total("received")
    if dossiers.received is not None and computed is not None and dossiers.received != computed:
        yield _mismatch((*base, "received"), "Tổng số hồ sơ tiếp nhận", dossiers.received, computed)
    if dossiers.received is not None:
        for name, value in (("resolved", dossiers.resolved), ("online", dossiers.online)):
            if value is not None and value > dossiers.received:
                yield _exceeds((*base, name), name, "received", value, dossiers.received)
    for index, row in enumerate(dossiers.by_field):
        yield from _dossier_row(row, (*base, "by_field", index))


def _dossier_row(row: DossierCount, loc: Loc) -> Iterator[Issue]:
    outcomes = [getattr(row, name) for name in DOSSIER_PARTS]
    settled = sum(value for value in outcomes if value is not None)
    if row.received is not None:
        if settled > row.received:
            yield _exceeds((*loc, "received"), "đúng hạn + quá hạn + đang giải quyết + rút", "received", settled,
                           row.received)  # fmt: skip
        if row.online is not None and row.online > row.received:
            yield _exceeds((*loc, "online"), "online", "received", row.online, row.received)
    for column in ("received", *DOSSIER_PARTS):
        stated = getattr(row, column)
        values = [getattr(item, column) for item in row.items]
        if stated is None or not values or any(value is None for value in values):
            continue
        if sum(values) != stated:
            yield _mismatch((*loc, column), f"{row.field_name} ({column})", stated, sum(values))
    for index, item in enumerate(row.items):
        yield from _dossier_row(item, (*loc, "items", index))


def radio_counts(report: Report) -> Iterator[Issue]:
    """Radio: typed counts add up and agree with the list; no more stations than communes."""
    if report.radio is not None:
        yield from radio_issues(report.radio, ("radio",))


def radio_issues(radio: Radio, base: Loc) -> Iterator[Issue]:
    """The radio checks of one radio block standing at ``base``."""
    summary = radio.summary
    if summary is not None:
        kinds = [v for v in (summary.wired, summary.wireless, summary.ip) if v is not None]
        if summary.total is not None and kinds and sum(kinds) != summary.total:
            yield _mismatch((*base, "summary", "total"), "Số đài truyền thanh", summary.total, sum(kinds))
        if radio.stations:
            listed = radio.by_type()
            for kind in ("wired", "wireless", "ip"):
                stated = getattr(summary, kind)
                counted = sum(n for k, n in listed.items() if k.value == kind)
                if stated is not None and stated != counted:
                    yield _mismatch((*base, "summary", kind), f"Số đài ({kind})", stated, counted)
            if summary.total is not None and summary.total != len(radio.stations):
                yield _mismatch((*base, "summary", "total"), "Số đài truyền thanh", summary.total, len(radio.stations))
    if radio.total > radio.communes:
        yield _exceeds((*base, "communes"), "stations", "communes", radio.total, radio.communes)
    seen: dict[str, int] = {}
    for index, station in enumerate(radio.stations):
        if station.commune in seen:
            yield Issue("BC204", (*base, "stations", index, "commune"), {"name": station.commune})
        seen[station.commune] = index


def team_counts(report: Report) -> Iterator[Issue]:
    """Community technology teams: no more teams than units at that level."""
    yield from team_issues(report.teams, ("teams",))


def team_issues(teams: list[Team], base: Loc) -> Iterator[Issue]:
    """The team checks of one list of teams standing at ``base``."""
    for index, team in enumerate(teams):
        if team.units is not None and team.teams > team.units:
            yield _exceeds((*base, index, "teams"), "teams", "units", team.teams, team.units)


CHECKS = (figure_parts, budget_totals, procedure_totals, dossier_totals, radio_counts, team_counts)
