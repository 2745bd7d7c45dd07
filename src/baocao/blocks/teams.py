"""Community digital technology teams by level: "Cấp xã: 16/16 tổ với 151 thành viên".

No more teams than units at a level. Rolled up, teams, members and units are summed by level.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baocao.blocks.base import CheckContext, Data, as_comment, declare, exceeds
from baocao.blocks.cells import Grid, Piece, field_columns, rows_of
from baocao.blocks.printing import item, para, quantity
from baocao.blocks.sums import add, summed_total
from baocao.core import vietnamese as vn
from baocao.core.findings import Issue, Loc
from baocao.model.fields import Count, Model, Text, field


class Team(Model):
    """Community digital technology teams at one level: "16 tổ/16 xã với 151 thành viên"."""

    level: Text = field("Cấp", "Cấp huyện, Cấp xã, Cấp thôn…")
    teams: Count = field("Số tổ")
    units: Count | None = field("Số đơn vị ở cấp này", "Để ghi dạng 16/16 xã.", default=None)
    unit_name: Text | None = field("Tên đơn vị", "xã, thị trấn; thôn, tổ dân phố…", default=None)
    members: Count = field("Số thành viên")


def check(teams: list[Team], loc: Loc, context: CheckContext) -> Iterator[Issue]:
    """No more teams than units at that level."""
    del context
    for index, team in enumerate(teams):
        if team.units is not None and team.teams > team.units:
            yield exceeds((*loc, index, "teams"), "teams", "units", team.teams, team.units)


def sentence(team: Team) -> str:
    """Written as "Cấp xã, thị trấn: 16/16 tổ với 151 thành viên"."""
    teams = vn.count(team.teams)
    if team.units is not None:
        teams += f"/{vn.count(team.units)} {team.unit_name or ''}".rstrip()
        return f"{team.level}: {teams} có tổ, với {quantity(team.members, 'thành viên')}"
    return f"{team.level}: {teams} tổ với {quantity(team.members, 'thành viên')}"


def view(teams: list[Team], context: Any) -> list[dict[str, Any]]:
    """Community digital technology teams, level by level."""
    del context
    return [para("Kết quả thành lập Tổ công nghệ số cộng đồng các cấp:")] + [
        p for t in teams for p in item(sentence(t))
    ]


def rollup(values: list[Any], names: list[str], annexed: bool) -> tuple[Any, str | None]:
    """Teams, members and units summed by level."""
    del names, annexed
    merged: dict[str, Data] = {}
    for teams in values:
        for team in teams:
            entry = merged.setdefault(team["level"], {"level": team["level"], "teams": 0, "members": 0, "units": 0})
            entry["teams"] += team["teams"]
            entry["members"] += team["members"]
            entry["units"] = add(entry["units"], team.get("units"))
            if team.get("unit_name"):
                entry["unit_name"] = team["unit_name"]
    return [{k: v for k, v in entry.items() if v is not None} for entry in merged.values()], None


FIELDS = (
    ("level", "Cấp", "text"),
    ("teams", "Số tổ", "integer"),
    ("units", "Số đơn vị ở cấp này", "integer"),
    ("unit_name", "Tên đơn vị", "text"),
    ("members", "Số thành viên", "integer"),
)


def cells(data: Any, expected: Any) -> list[Piece]:
    """The teams by level as a table of its own sheet, the levels as the unit wrote them."""
    del expected
    rows = len(rows_of(data, ()))
    return [Grid("Tổ công nghệ số cộng đồng", "Tổ công nghệ số", (), field_columns(FIELDS), rows, True, False)]


KIND = declare(
    name="teams",
    model=list[Team],
    title="Tổ công nghệ số cộng đồng",
    description=None,
    definitions={
        "Team": ("Tổ công nghệ số cộng đồng", "Tổ công nghệ số cộng đồng ở một cấp: 16 tổ/16 xã với 151 thành viên."),
    },
    expected=None,  # a đề cương asks for their counts as figures
    start=None,
    conform=None,
    by_unit=None,
    blank=lambda teams: False,
    fill_at=lambda teams, loc: loc,
    blanks_inside=None,
    check=check,
    stated=None,
    view=view,
    measure=None,
    computed=None,
    label=lambda teams: "tổ công nghệ số cộng đồng",
    lists={"": lambda t: t["level"]},
    path_names={"teams": ("số tổ", "teams"), "members": ("thành viên", "members")},
    carry=as_comment("teams"),  # written anew each period: last period's as a comment
    rollup=rollup,
    rollup_keyed=None,
    summary=None,
    annex=lambda teams: [
        ("Số tổ công nghệ số cộng đồng", "integer", sum(team.teams for team in teams)),
        ("Số thành viên", "integer", sum(team.members for team in teams)),
    ],
    annex_keeps=(),
    annex_total=summed_total,
    annex_table=None,
    cells=cells,
)
