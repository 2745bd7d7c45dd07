"""The format by topic: every command but upgrade refuses it (BC013); upgrade rewrites it as sections, nothing lost."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from baocao import api
from baocao.core.yamlout import leading_comments
from baocao.load import source as loader
from baocao.upgrade import by_topic
from baocao.write.markup import HeadingNumbers

from .conftest import BY_TOPIC, MINIMAL, write
from .test_keyed_rollup import bac_ninh_units
from .test_numbers_printed import missing_numbers

FIXTURES = Path(__file__).parent / "fixtures"
OLD_FILES = sorted((FIXTURES / "by-topic").glob("*.yaml"))
SEEDS_AS_TYPED = sorted((FIXTURES / "seeds").glob("*-as-typed.yaml"))

# What validate said of each file by topic while that format was read, BC013 aside: upgraded, the file says
# the same (the same checks run on the same values, now blocks), at the lines where the values now stand.
FOUND_BY_TOPIC = {
    "binh-son-2021-h1": [],
    "binh-son-2022-h1": [],
    "tra-bong-2023": ["BC312"],
    "tra-vinh-stttt-2019-q1": [],
    "binh-son-2022-h1-as-typed": ["BC201"],
    "tra-bong-2023-as-typed": ["BC312", "BC304", "BC302", "BC211", "BC211", "BC211", "BC211", "BC201", "BC202"],
    "tra-vinh-stttt-2019-q1-as-typed": [],
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "baocao", *args], capture_output=True, text=True, check=False)


def headings(path: Path) -> list[tuple[str, bool]]:
    """Each heading without its number, and whether nothing but headings stands under it."""
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    level = [int(p.style.name[-1]) if p.style.name.startswith("BC Heading") else 0 for p in paragraphs]
    out = []
    for index, paragraph in enumerate(paragraphs):
        if not level[index]:
            continue
        empty = True
        for later in range(index + 1, len(paragraphs)):
            if (level[later] and level[later] <= level[index]) or paragraphs[later].text.startswith("Trên đây"):
                break
            if not level[later]:
                empty = False
                break
        out.append((re.sub(r"^\S+ ", "", paragraph.text).casefold(), empty))
    return out


def numbered(path: Path) -> list[tuple[int, str]]:
    """(level, number as printed) of each heading of the report's body."""
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    return [(int(p.style.name[-1]), p.text.split()[0]) for p in paragraphs if p.style.name.startswith("BC Heading")]


@pytest.mark.parametrize("old", [*OLD_FILES, *SEEDS_AS_TYPED], ids=lambda p: p.stem)
def test_an_upgraded_file_says_what_the_file_by_topic_said_and_prints_every_number(old, tmp_path):
    target, backup = api.upgrade_file(str(old), str(tmp_path / old.name))
    comments = leading_comments(old.read_text(encoding="utf-8"))
    assert backup is None and comments and target.read_text(encoding="utf-8").startswith(comments)
    assert by_topic(loader.read(str(old))[0].data) and not by_topic(loader.read(str(target))[0].data)
    loaded = api.load(str(target))
    assert loaded.report is not None and loaded.report.sections
    assert [f.code for f in loaded.findings] == FOUND_BY_TOPIC[old.stem]
    after, _ = api.build(str(target), str(tmp_path / "after.docx"), allow_errors=True)
    stated = {str(f.params.get("stated")) for f in loaded.findings if f.severity.label == "error"}
    assert [form for _, form in missing_numbers(old, after) if form not in stated] == []
    assert [title for title, empty in headings(after) if empty] == []  # no heading with nothing under it
    printed, numbering = numbered(after), HeadingNumbers()
    assert printed and [number for _, number in printed] == [numbering.next(level) for level, _ in printed]


def test_every_command_but_upgrade_refuses_a_file_by_topic_and_names_the_command(tmp_path):
    path = write(tmp_path, BY_TOPIC)
    line = BY_TOPIC.splitlines().index("narrative:") + 1
    result = run("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:{line}:1: lỗi BC013" in result.stderr and f"Chạy: baocao upgrade {path}" in result.stderr
    english = run("validate", str(path), "--lang", "en", "--format", "json")
    (finding,) = json.loads(english.stdout)
    assert (finding["code"], finding["line"], finding["col"], finding["loc"]) == ("BC013", line, 1, "narrative")
    assert finding["severity"] == "error" and f"Run: baocao upgrade {path}" in finding["hint"]
    github = run("validate", str(path), "--format", "github")
    assert f"::error file={path},line={line},col=1::BC013" in github.stdout
    built = run("build", str(path), "-o", str(tmp_path / "out.docx"))
    assert built.returncode == 1 and "BC013" in built.stderr and not (tmp_path / "out.docx").exists()
    compared = run("diff", str(path), str(path))
    assert compared.returncode == 2 and "BC013" in compared.stderr
    units = tmp_path / "units"
    units.mkdir()
    write(units, BY_TOPIC, "xa.yaml")
    province = write(tmp_path, MINIMAL, "province.yaml")
    rolled = run("rollup", str(units), "--unit", str(province), "-o", str(tmp_path / "rolled.yaml"))
    assert rolled.returncode == 1 and "BC013" in rolled.stderr and not (tmp_path / "rolled.yaml").exists()
    upgraded = run("upgrade", str(path))
    assert upgraded.returncode == 0 and run("validate", str(path), "--strict").returncode == 0


def test_a_file_with_sections_and_a_key_by_topic_is_told_the_key_is_unknown(tmp_path):
    path = write(tmp_path, MINIMAL + "figures:\n  - {key: a, label: A, value: 3, topic: egov}\n")
    assert [(f.code, f.params["field"]) for f in api.load(str(path)).findings] == [("BC102", "figures")]


def test_upgrade_in_place_keeps_a_backup(tmp_path):
    path = write(tmp_path, BY_TOPIC)
    result = run("upgrade", str(path))
    assert result.returncode == 0, result.stderr
    assert Path(str(path) + ".bak").read_text(encoding="utf-8") == BY_TOPIC
    data = loader.read(str(path))[0].data
    assert "narrative" not in data and [s["title"] for s in data["sections"]] == [
        "Kết quả thực hiện",
        "Định hướng triển khai năm 2024",
    ]


def test_upgrade_refuses_a_file_already_in_sections_and_a_file_that_does_not_read(tmp_path):
    new = write(tmp_path, BY_TOPIC, "new.yaml")
    assert run("upgrade", str(new)).returncode == 0
    again = run("upgrade", str(new))
    assert again.returncode == 2 and "sections" in again.stderr
    broken = write(tmp_path, BY_TOPIC.replace("year: 2023", "year: hai"), "broken.yaml")
    result = run("upgrade", str(broken))
    assert result.returncode == 1 and "BC105" in result.stderr
    assert broken.read_text(encoding="utf-8") == BY_TOPIC.replace("year: 2023", "year: hai")


def test_upgrade_refuses_a_file_rollup_wrote(tmp_path):
    rolled = write(tmp_path, BY_TOPIC + "rollup: {units: [{name: xã An}]}\n", "rolled.yaml")
    result = run("upgrade", str(rolled), "--lang", "en")
    assert result.returncode == 2 and "baocao rollup wrote" in result.stderr
    assert not Path(str(rolled) + ".bak").exists()


def test_a_topic_the_kinds_outline_has_no_place_for_gets_a_section(tmp_path):
    text = BY_TOPIC.replace("kind: ict", "kind: department_quarterly") + (
        "targets:\n  - {key: t, label: Hộ có cáp quang, value: 80, comparison: above}\n"
        "budget:\n  items:\n    - {name: Máy tính, amount: 20}\n"
    )
    target, _ = api.upgrade_file(str(write(tmp_path, text)), str(tmp_path / "out.yaml"))
    data = loader.read(str(target))[0].data
    titles = [s["title"] for s in data["sections"]]
    assert titles[-2:] == ["Mục tiêu kỳ tới", "Kinh phí"]
    assert data["sections"][-2]["content"][0]["target"]["value"] == "trên 80"


OUTLINES = Path(__file__).resolve().parents[1] / "data" / "outlines"


@pytest.mark.parametrize("kind", ["ict", "digital_transformation", "department_quarterly", "tasks_report"])
def test_starting_outlines_are_the_kinds_outlines_and_read_as_unit_files(kind):
    from baocao.upgrade.convert import starting_outline

    path = OUTLINES / f"{kind}.yaml"
    assert path.read_text(encoding="utf-8") == starting_outline(kind), (
        "run: python -m baocao.upgrade.convert data/outlines"
    )
    loaded = api.load(str(path))
    # it types as a unit file; the placeholders and the empty sections are findings until they are written
    expected = {"BC307", "BC312", "BC404", "BC630"}  # BC630: "UBND xã …" still to write
    assert loaded.report is not None and {f.code for f in loaded.findings} == expected


def test_a_kind_with_no_built_in_outline_is_refused_not_guessed(tmp_path):
    path = write(tmp_path, BY_TOPIC.replace("kind: ict", "kind: my_own"))
    result = run("upgrade", str(path))
    assert result.returncode == 2 and "my_own" in result.stderr
    assert not Path(str(path) + ".bak").exists()


def test_the_upgraded_outline_prints_only_the_headings_with_something_under_them(tmp_path):
    """BY_TOPIC writes only 'direction' and 'tasks_next': the ict outline's other headings are not written."""
    target, _ = api.upgrade_file(str(write(tmp_path, BY_TOPIC)), str(tmp_path / "out.yaml"))
    built, _ = api.build(str(target), str(tmp_path / "out.docx"))
    texts = [p.text for p in docx.Document(str(built)).paragraphs]
    assert numbered(built) == [(1, "I."), (2, "1."), (3, "1.1."), (1, "II.")]
    assert "1.1. Công tác lãnh đạo, chỉ đạo triển khai các văn bản" in texts
    assert "- Chỉ đạo triển khai." in texts and "- Tiếp tục triển khai." in texts
    assert not any(text.startswith(("1.2.", "2. ", "III.")) for text in texts)


OLD_ROLLUPS = sorted((FIXTURES / "old-rollup").glob("*.yaml"))


@pytest.mark.parametrize("old", OLD_ROLLUPS, ids=lambda p: p.stem)
def test_a_roll_up_whose_rows_are_the_old_ones_is_refused_and_upgrade_rewrites_its_rows(old, tmp_path):
    path = tmp_path / old.name
    path.write_bytes(old.read_bytes())
    lines = old.read_text(encoding="utf-8").splitlines()
    first = next(n for n, line in enumerate(lines, 1) if line in ("    figures:", "    indicators:", "    tables:"))
    for command, code in ((["validate"], 1), (["build", "-o", str(tmp_path / "x.docx")], 1), (["diff", str(path)], 2)):
        result = run(*command[:1], str(path), *command[1:], "--lang", "en")
        assert result.returncode == code, command
        assert f"{path}:{first}:5: error BC013" in result.stderr and f"Run: baocao upgrade {path}" in result.stderr
    assert not (tmp_path / "x.docx").exists()
    before = loader.read(str(old))[0].data["rollup"]["units"]
    assert run("upgrade", str(path)).returncode == 0
    assert Path(str(path) + ".bak").read_bytes() == old.read_bytes()
    assert api.load(str(path)).findings == []
    for was, row in zip(before, loader.read(str(path))[0].data["rollup"]["units"], strict=True):
        assert row.get("summary", {}) == {
            kind: was[key] for key, kind in (("figures", "figure"), ("indicators", "indicator")) if key in was
        }
        assert {k: v["rows"] for k, v in row.get("blocks", {}).items() if "rows" in v} == was.get("tables", {})


def test_an_upgraded_old_roll_up_builds_the_annexes_its_units_roll_up_to_now(tmp_path):
    """The units of the fixture, rolled up again, give the same annexes as the fixture's rows upgraded.

    The body is the old roll-up's as written then (its answers not yet counted); the annexes are built
    from the rows, which the upgrade carries.
    """
    bac_ninh_units(tmp_path)
    rolled = run(
        "rollup", str(tmp_path / "units"), "--unit", str(tmp_path / "own.yaml"), "-o", str(tmp_path / "new.yaml")
    )
    assert rolled.returncode == 0, rolled.stderr
    old = tmp_path / "old.yaml"
    old.write_bytes((FIXTURES / "old-rollup" / "bac-ninh.yaml").read_bytes())
    assert run("upgrade", str(old)).returncode == 0
    built = [api.build(str(tmp_path / f"{name}.yaml"), str(tmp_path / f"{name}.docx"))[0] for name in ("new", "old")]
    annexes = [
        [[[c.text for c in r.cells] for r in t.rows] for t in docx.Document(str(b)).tables if len(t.rows[0].cells) > 2]
        for b in built
    ]
    units = [t for t in annexes[0] if t[0][1] == "Đơn vị"]
    assert units and units == [t for t in annexes[1] if t[0][1] == "Đơn vị"]
