"""baocao upgrade: files of the format by topic rewritten as their own outline, nothing lost."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from baocao import api
from baocao.checks.by_topic import by_topic
from baocao.load import source as loader

from .conftest import BY_TOPIC as MINIMAL
from .conftest import without_by_topic, write
from .test_numbers_printed import missing_numbers

BY_TOPIC = sorted((Path(__file__).parent / "fixtures" / "by-topic").glob("*.yaml"))


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


@pytest.mark.parametrize("old", BY_TOPIC, ids=lambda p: p.stem)
def test_an_upgraded_file_builds_the_same_outline_with_every_number(old, tmp_path):
    target, backup = api.upgrade_file(str(old), str(tmp_path / old.name))
    assert backup is None and target.read_text(encoding="utf-8").startswith("# yaml-language-server")
    loaded = api.load(str(target))
    assert loaded.report is not None and loaded.report.sections
    assert not by_topic(loaded.report) and by_topic(api.load(str(old)).report)
    assert [f.code for f in loaded.findings] == without_by_topic([f.code for f in api.load(str(old)).findings])
    before, _ = api.build(str(old), str(tmp_path / "before.docx"))
    after, _ = api.build(str(target), str(tmp_path / "after.docx"))
    # the same headings in the same order; the old templates print none with nothing under it
    assert headings(after) == headings(before) and not any(empty for _, empty in headings(before))
    assert missing_numbers(old, after) == []


def test_upgrade_in_place_keeps_a_backup(tmp_path):
    path = write(tmp_path, MINIMAL)
    result = run("upgrade", str(path))
    assert result.returncode == 0, result.stderr
    assert Path(str(path) + ".bak").read_text(encoding="utf-8") == MINIMAL
    data = loader.read(str(path))[0].data
    assert "narrative" not in data and [s["title"] for s in data["sections"]] == [
        "Kết quả thực hiện",
        "Định hướng triển khai năm 2024",
    ]


def test_upgrade_refuses_a_file_already_in_sections_and_a_file_that_does_not_read(tmp_path):
    new = write(tmp_path, MINIMAL, "new.yaml")
    assert run("upgrade", str(new)).returncode == 0
    again = run("upgrade", str(new))
    assert again.returncode == 2 and "sections" in again.stderr
    broken = write(tmp_path, MINIMAL.replace("year: 2023", "year: hai"), "broken.yaml")
    result = run("upgrade", str(broken), "-o", str(tmp_path / "out.yaml"))
    assert result.returncode == 1 and "BC105" in result.stderr
    assert not (tmp_path / "out.yaml").exists() and not Path(str(broken) + ".bak").exists()


def test_a_topic_the_kinds_outline_has_no_place_for_gets_a_section(tmp_path):
    text = MINIMAL.replace("kind: ict", "kind: department_quarterly") + (
        "budget:\n  items:\n    - {name: Máy tính, amount: 10}\n"
        "targets:\n  - {key: t, label: Hộ có cáp quang, value: 80, comparison: above}\n"
    )
    target, _ = api.upgrade_file(str(write(tmp_path, text)), str(tmp_path / "out.yaml"))
    data = loader.read(str(target))[0].data
    titles = [s["title"] for s in data["sections"]]
    assert titles[-2:] == ["Mục tiêu kỳ tới", "Kinh phí"]
    assert data["sections"][-2]["content"][0]["target"]["value"] == "trên 80"


def test_validate_on_a_file_by_topic_says_to_upgrade(tmp_path):
    """A warning at the first key of the format by topic, with the command; --strict fails on it."""
    figures = "figures:\n  - {key: a, label: A, value: 3, topic: egov}\n"
    path = write(tmp_path, MINIMAL.replace("narrative:", figures + "narrative:"))
    line = MINIMAL.splitlines().index("narrative:") + 1
    result = run("validate", str(path))
    assert result.returncode == 0
    assert f"{path}:{line}:1: cảnh báo BC013" in result.stderr and f"Chạy: baocao upgrade {path}" in result.stderr
    english = run("validate", str(path), "--lang", "en", "--strict", "--format", "json")
    assert english.returncode == 1
    (finding,) = json.loads(english.stdout)
    assert (finding["code"], finding["line"], finding["col"], finding["loc"]) == ("BC013", line, 1, "figures")
    assert finding["severity"] == "warning" and f"Run: baocao upgrade {path}" in finding["hint"]
    github = run("validate", str(path), "--format", "github")
    assert f"::warning file={path},line={line},col=1::BC013" in github.stdout
    upgraded = run("upgrade", str(path))
    assert upgraded.returncode == 0 and "BC013" not in run("validate", str(path), "--strict").stderr


OUTLINES = Path(__file__).resolve().parents[1] / "data" / "outlines"


@pytest.mark.parametrize("kind", ["ict", "digital_transformation", "department_quarterly", "tasks_report"])
def test_starting_outlines_are_the_kinds_outlines_and_read_as_unit_files(kind):
    from baocao.upgrade.convert import starting_outline

    path = OUTLINES / f"{kind}.yaml"
    assert path.read_text(encoding="utf-8") == starting_outline(kind), "run: python -m baocao.upgrade data/outlines"
    loaded = api.load(str(path))
    # it types as a unit file; the placeholders and the empty sections are findings until they are written
    expected = {"BC307", "BC312", "BC404", "BC630"}  # BC630: "UBND xã …" still to write
    assert loaded.report is not None and {f.code for f in loaded.findings} == expected


def test_a_kind_with_no_built_in_outline_is_refused_not_guessed(tmp_path):
    path = write(tmp_path, MINIMAL.replace("kind: ict", "kind: my_own"))
    result = run("upgrade", str(path))
    assert result.returncode == 2 and "my_own" in result.stderr
    assert not Path(str(path) + ".bak").exists()


def numbered(path: Path) -> list[tuple[int, str]]:
    """(level, number as printed) of each heading of the report's body."""
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    return [(int(p.style.name[-1]), p.text.split()[0]) for p in paragraphs if p.style.name.startswith("BC Heading")]


def generated(folder: Path) -> list[Path]:
    """Commune files of the kind ict as bench/generate.py writes them, and their province rolled up."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    communes = generate.write(folder, 3)
    rolled = folder / "rolled.yaml"
    result = run("rollup", str(communes), "--unit", str(folder / "province.yaml"), "-o", str(rolled))
    assert result.returncode == 0, result.stderr
    return [*sorted(communes.glob("*.yaml")), rolled]


SEEDS_AS_TYPED = sorted((Path(__file__).parent / "fixtures" / "seeds").glob("*-as-typed.yaml"))


def test_the_kinds_templates_print_no_heading_with_nothing_under_it(tmp_path):
    """Headings the old templates write whatever the data are left out when empty, and the numbers close up."""
    from baocao.write.markup import _Numbering

    for source in [*BY_TOPIC, *SEEDS_AS_TYPED, *generated(tmp_path)]:
        target, _ = api.build(str(source), str(tmp_path / f"{source.stem}.docx"), allow_errors=True)
        assert [title for title, empty in headings(target) if empty] == [], source.name
        numbering = _Numbering()
        printed = numbered(target)
        assert printed and [number for _, number in printed] == [numbering.next(level) for level, _ in printed]


def test_a_heading_is_left_out_only_when_nothing_stands_under_it(tmp_path):
    """MINIMAL writes only 'direction' and 'tasks_next': the ict template's other headings close up around them."""
    target, _ = api.build(str(write(tmp_path, MINIMAL)), str(tmp_path / "out.docx"))
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    shown = [(level, number) for level, number in numbered(target)]
    assert shown == [(1, "I."), (2, "1."), (3, "1.1."), (1, "II.")]
    assert "1.1. Công tác lãnh đạo, chỉ đạo triển khai các văn bản" in texts
    assert "- Chỉ đạo triển khai." in texts and "- Tiếp tục triển khai." in texts
    assert not any(text.startswith(("1.2.", "2. ", "III.")) for text in texts)
