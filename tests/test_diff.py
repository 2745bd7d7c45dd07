"""baocao diff and build --compare: identity matching, changes, refusals, exit codes, phrases.

On two periods of one unit written as sections: changes are placed section by section (by key,
else title) and block by block (by type and key, else label), as tests/test_outline_diff.py shows.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from baocao import api
from baocao.diff.compare import word_diff

from .conftest import MINIMAL, write

FOLDER = Path(__file__).resolve().parents[1] / "data" / "examples"
OLD, NEW = str(FOLDER / "binh-son-2021-h1.yaml"), str(FOLDER / "binh-son-2022-h1.yaml")
ICT = ("Kết quả thực hiện", "Về lĩnh vực bưu chính, viễn thông và công nghệ thông tin")
POST = (*ICT, "Về lĩnh vực bưu chính, viễn thông")  # the section of the post figures
BUDGET = (*ICT, "Về hạ tầng kỹ thuật", "kinh phí")  # the budget block, named by its type
RADIO = ("Kết quả thực hiện", "Lĩnh vực thông tin, tuyên truyền", "Thực trạng hệ thống truyền thanh cơ sở")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "baocao", *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def changes():
    found, warnings = api.diff(OLD, NEW)
    assert warnings == []
    return found


def find(changes, section, *path):
    return [c for c in changes if c.section == section and c.path[: len(path)] == path]


def test_numbers_up_and_down_with_their_change(changes):
    (down,) = find(changes, "sections", *POST, "Điểm Bưu điện Văn hóa xã", "value")
    assert (down.old, down.new, down.delta, down.percent) == (25, 23, -2, Decimal("-8.0"))
    (up,) = find(changes, "sections", *POST, "Chiều dài các tuyến đường thư", "value")
    assert (up.delta, up.percent) == (30, Decimal("7.1"))


def test_items_added_and_removed_are_matched_by_name(changes):
    group = (*BUDGET, "groups", "Huyện Bình Sơn", "items")
    kinds = {c.path[len(group)]: c.kind for c in find(changes, "sections", *group) if len(c.path) == len(group) + 1}
    assert kinds["Hệ thống phòng họp không giấy Ecabinet"] == "added"
    assert kinds["Mua sắm máy tính cho Bộ phận một cửa các xã, thị trấn"] == "removed"
    assert "Phần mềm diệt virus Bkav Pro Internet Security" not in kinds  # only its phase changed


def test_reordering_a_list_is_not_a_change(changes):
    old, new = (Path(path).read_text(encoding="utf-8") for path in (OLD, NEW))
    assert old.index("label: Bưu cục") < old.index("label: Điểm Bưu điện Văn hóa xã")  # swapped between the two
    assert new.index("label: Bưu cục") > new.index("label: Điểm Bưu điện Văn hóa xã")
    assert old.index("- Sở TT&TT") < old.index("- UBND tỉnh") and new.index("- Sở TT&TT") > new.index("- UBND tỉnh")
    assert find(changes, "sections", *POST, "Bưu cục") == []
    changed = {(c.path[len(POST)], c.kind) for c in find(changes, "sections", *POST)}
    assert changed == {("đoạn văn 1", "added"), ("Điểm Bưu điện Văn hóa xã", "changed"),
                       ("Điểm Bưu điện Văn hóa xã", "added"), ("Chiều dài các tuyến đường thư", "changed"),
                       ("Chiều dài các tuyến đường thư", "added")}  # fmt: skip
    assert find(changes, "document", "recipients") == []


def test_metadata_is_kept_apart(changes):
    sections = {c.section for c in changes}
    assert "document" in sections
    assert all(c.section == "document" for c in changes if c.path[:1] in (("period",), ("subject",)))


def test_changed_text_has_a_word_level_view(changes):
    (radio,) = find(changes, "narrative", *RADIO)  # changed text goes with the text, shown word by word
    assert radio.kind == "changed"
    view = word_diff(radio.old, radio.new)
    assert ("-", "01") in view and ("+", "02") in view
    assert "Truyền hình tỉnh [-01-] {+02+} lần mỗi ngày" in run("diff", OLD, NEW, "--lang", "en").stdout


def test_computed_totals_are_compared(changes):
    (total,) = find(changes, "computed", "Tổng kinh phí")
    assert (total.old, total.new) == (Decimal("7899.0"), Decimal("9179.0"))


def test_identical_files_have_no_changes_and_exit_zero():
    assert api.diff(NEW, NEW) == ([], [])
    result = run("diff", NEW, NEW)
    assert result.returncode == 0 and "Không có thay đổi" in result.stdout


def test_differences_exit_one_in_every_format():
    for fmt in ("text", "markdown", "json"):
        result = run("diff", OLD, NEW, "--format", fmt)
        assert result.returncode == 1, result.stderr
    document = json.loads(run("diff", OLD, NEW, "--format", "json").stdout)
    path = [*POST, "Chiều dài các tuyến đường thư", "value"]
    change = next(c for c in document["changes"] if c["path"] == path)
    assert change == {"section": "sections", "path": path, "kind": "changed",
                      "old": 420, "new": 450, "delta": 30, "percent": 7.1}  # fmt: skip
    markdown = run("diff", OLD, NEW, "--format", "markdown").stdout
    assert f"| {' › '.join(POST)} › Chiều dài các tuyến đường thư › giá trị | 420 | 450 | +30 (+7,1%) |" in markdown


def test_text_view_fits_80_columns():
    for lang in ("vi", "en"):
        output = run("diff", OLD, NEW, "--lang", lang).stdout
        assert max(len(line) for line in output.splitlines()) <= 80


def test_all_shows_unchanged_numbers_too():
    document = json.loads(run("diff", OLD, NEW, "--format", "json", "--all").stdout)
    assert any(c["kind"] == "same" for c in document["changes"])


def test_trouble_exits_two(tmp_path):
    assert run("diff", OLD, str(tmp_path / "missing.yaml")).returncode == 2
    broken = write(tmp_path, MINIMAL.replace("number: 5", "number: 5.000"))
    result = run("diff", OLD, str(broken))
    assert result.returncode == 2 and "BC104" in result.stderr


def test_other_units_and_other_kinds_of_period_are_refused_unless_forced(tmp_path):
    other = write(tmp_path, MINIMAL)
    result = run("diff", OLD, str(other))
    assert result.returncode == 2
    assert "hai đơn vị khác nhau" in result.stderr and "--force" in result.stderr
    assert "different units" in run("diff", OLD, str(other), "--lang", "en").stderr
    yearly = write(tmp_path, Path(NEW).read_text(encoding="utf-8").replace(
        "    type: half_year\n    number: 1\n", "    type: year\n"), "yearly.yaml")  # fmt: skip
    assert "hai kỳ khác loại" in run("diff", OLD, str(yearly)).stderr
    assert run("diff", OLD, str(other), "--force").returncode == 1


def test_a_previous_file_newer_than_the_current_one_is_flagged():
    _, warnings = api.diff(NEW, OLD)
    assert warnings and "newer" in warnings[0].text("en")
    assert "là kỳ sau" in run("diff", NEW, OLD).stdout
    assert "newer" in run("diff", NEW, OLD, "--lang", "en").stdout


def test_build_compare_adds_the_phrases_and_the_annex(tmp_path):
    target, _ = api.build(NEW, str(tmp_path / "r.docx"), compare=OLD)
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("- Chiều dài các tuyến đường thư: 450 km") and
               "tăng 30 km (7,1%) so với cùng kỳ năm 2021" in t for t in texts)  # fmt: skip
    assert any("giảm 02 điểm (8%) so với cùng kỳ năm 2021" in t for t in texts)
    assert any("không thay đổi so với cùng kỳ năm 2021" in t for t in texts)
    assert "Phụ lục" in texts
    assert any(t.startswith("(Kèm theo Báo cáo số") for t in texts)
    annex = document.tables[-1]
    assert annex.rows[0].cells[3].text == "06 tháng đầu năm 2021"
    row = next(r for r in annex.rows if r.cells[1].text == "Chiều dài các tuyến đường thư")
    assert [c.text for c in row.cells[3:]] == ["420", "450", "+30", "+7,1%"]


def test_comparison_annex_rates_share_one_form_and_percentages_change_in_points(tmp_path):
    target, _ = api.build(NEW, str(tmp_path / "r.docx"), compare=OLD)
    annex = docx.Document(str(target)).tables[-1]
    rows = [[c.text for c in row.cells] for row in annex.rows[1:]]
    assert rows
    for _, label, unit, _, _, change, rate in rows:
        if unit == "%":
            assert re.fullmatch(r"[+-]?\d+,\d điểm phần trăm", change), (label, change)
            assert rate == "", (label, rate)
        else:
            assert re.fullmatch(r"[+-]?[\d.]+(,\d+)?", change), (label, change)
            assert rate == "" or re.fullmatch(r"(\+|-)?\d+(\.\d{3})*,\d%", rate), (label, rate)
            assert rate != "0%" and not rate.startswith("+0,0")
    assert any(unit == "%" for _, _, unit, *_ in rows)
    assert any(rate.startswith("-") for *_, rate in rows) and any(rate.startswith("+") for *_, rate in rows)


def test_build_without_compare_has_no_comparison(built):
    document = docx.Document(str(built["binh-son-2022-h1"]))
    assert not any("so với cùng kỳ" in p.text for p in document.paragraphs)
    assert "Phụ lục" not in [p.text for p in document.paragraphs]


def test_build_compare_refuses_another_unit(tmp_path):
    other = write(tmp_path, MINIMAL)
    with pytest.raises(api.UserError, match="different units"):
        api.build(NEW, str(tmp_path / "r.docx"), compare=str(other))


def test_a_table_cell_shows_its_amount_a_rate_its_points_and_a_computed_rate_is_no_removal(tmp_path):
    from click.testing import CliRunner

    from baocao.cli.main import main as cli

    root = Path(__file__).resolve().parents[1]
    good = (root / "data" / "examples" / "xa-minh-tan-2025-h2.yaml").read_text(encoding="utf-8")
    new = good.replace("posted: 38/41", "posted: 40/44").replace("posted: 42/45", "posted: 44/48")
    new = new.replace("count: 1688", "count: 1800").replace('              percent: "57,32"\n', "")
    (tmp_path / "old.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    args = ["diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "--format", "markdown"]
    output = CliRunner().invoke(cli, args).output
    assert "Văn bản quản lý hành chính › Đã đăng/tổng số | 38/41 | 40/44 | +2/+3 |" in output
    assert "tiếp nhận trực tuyến › tỷ lệ | 57,32 | 61,1 | +3,78 điểm % |" in output  # points, computed not removed
    assert "| bỏ |" not in output and "%)" not in output.split("tỷ lệ")[1].split("\n")[0]
    english = CliRunner().invoke(cli, [*args, "--lang", "en"]).output
    assert "| 57,32 | 61,1 | +3,78 points |" in english
