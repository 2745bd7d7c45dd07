"""validate checks a unit against the đề cương it follows: each finding at its place, with its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from baocao import api
from baocao.cli.main import main

from .conftest import write

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "data" / "examples" / "xa-minh-tan-2025-h2.yaml").read_text(encoding="utf-8")

KHO_KHAN = """\
  - title: Khó khăn, vướng mắc
    content:
      - "- Cán bộ phụ trách chuyển đổi số còn kiêm nhiệm; 02 thôn chưa có sóng 4G ổn định."
"""
MOT_CUA = "          - answer: {key: mot_cua, label: Bộ phận một cửa kết nối Hệ thống thông tin giải quyết TTHC của tỉnh, value: Có}\n"  # noqa: E501


@pytest.fixture(autouse=True)
def _no_shared_outlines(monkeypatch: pytest.MonkeyPatch) -> None:
    """--outlines changes BAOCAO_OUTLINES for the process: put it back after each test."""
    monkeypatch.delenv("BAOCAO_OUTLINES", raising=False)


def changed(tmp_path: Path, *edits: tuple[str, str]) -> tuple[str, Path]:
    """The example with each (old, new) replaced once; the text and the file written."""
    text = EXAMPLE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text, write(tmp_path, text)


def at(text: str, snippet: str, after: str = "") -> tuple[int, int]:
    """Line and column (1-based) of ``snippet``, looked for from ``after``."""
    start = text.index(after) if after else 0
    index = text.index(snippet, start)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def found(path: Path) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.code) for f in api.load(str(path)).findings]


def test_the_example_and_a_file_with_the_outlines_keys_are_clean(tmp_path: Path) -> None:
    _, path = changed(
        tmp_path,
        ("  - title: Kết quả thực hiện", "  - key: ket_qua\n    title: KẾT QUẢ  thực hiện"),
        ("      - title: Chính quyền số", "      - key: chinh_quyen_so\n        title: Chính quyền điện tử"),
    )
    assert found(path) == []


def test_a_required_item_missing_is_an_error_at_its_sections_title(tmp_path: Path) -> None:
    text, path = changed(tmp_path, (MOT_CUA, ""))
    (finding,) = api.load(str(path)).findings
    assert (finding.line, finding.col, finding.code) == (*at(text, "Chính quyền số"), "BC603")
    assert "mot_cua" in finding.message() and "answer: {key: mot_cua, …}" in finding.hint()
    assert "Chính quyền số" in finding.hint("en")


def test_an_item_in_another_section_is_missing_where_asked_and_extra_where_written(tmp_path: Path) -> None:
    text, path = changed(
        tmp_path,
        (MOT_CUA, ""),
        ("        content:\n          - figure:", "        content:\n" + MOT_CUA + "          - figure:"),
    )
    missing, extra = api.load(str(path)).findings
    assert (missing.line, missing.col, missing.code) == (*at(text, "Chính quyền số"), "BC603")
    assert "Kinh tế số và xã hội số" in missing.message()
    assert (extra.line, extra.col, extra.code) == (*at(text, "mot_cua"), "BC605")
    assert "Chính quyền số" in extra.hint() and extra.severity.label == "warning"


def test_a_required_section_missing_is_placed_on_its_parent_or_on_the_outline_line(tmp_path: Path) -> None:
    text, path = changed(tmp_path, (KHO_KHAN, ""))
    (finding,) = api.load(str(path)).findings
    assert (finding.line, finding.col, finding.code) == (*at(text, "cds-xa-2025"), "BC603")
    assert "kho_khan" in finding.hint("en")
    start = EXAMPLE.index("      - title: Chính quyền số")
    end = EXAMPLE.index("      - title: Kinh tế số")
    text, path = changed(tmp_path, (EXAMPLE[start:end], ""))
    assert found(path) == [(*at(text, "Kết quả thực hiện"), "BC603")]  # not each item of the section


def test_required_text_is_a_paragraph_in_the_section_or_in_a_sub_section_of_its_own(tmp_path: Path) -> None:
    body = '      - "- Cán bộ phụ trách chuyển đổi số còn kiêm nhiệm; 02 thôn chưa có sóng 4G ổn định."\n'
    figure = "      - figure: {label: Thôn chưa có sóng 4G, value: 2, unit: thôn}\n"
    text, path = changed(tmp_path, (body, figure))
    (finding,) = api.load(str(path)).findings
    assert (finding.line, finding.col, finding.code) == (*at(text, "Khó khăn, vướng mắc", "  - title: Khó"), "BC603")
    assert "Khó khăn, vướng mắc trong kỳ" in finding.message()
    sub = figure + "    sections:\n      - title: Về hạ tầng\n        content: [Hai thôn chưa có sóng 4G.]\n"
    text, path = changed(tmp_path, (body, sub))
    assert found(path) == [(*at(text, "Về hạ tầng"), "BC605")]


def test_a_section_the_outline_does_not_have_is_a_warning_and_says_where_the_outline_has_it(tmp_path: Path) -> None:
    start = EXAMPLE.index("      - title: Kinh tế số")
    end = EXAMPLE.index("  - title: Biểu mẫu")
    moved = EXAMPLE[start:end].replace("\n      ", "\n  ").replace("      - title", "  - title", 1)
    text, path = changed(tmp_path, (EXAMPLE[start:end], ""), (KHO_KHAN, moved + KHO_KHAN))
    codes = api.load(str(path)).findings
    assert [(f.line, f.col, f.code) for f in codes] == [
        (*at(text, "Kết quả thực hiện"), "BC603"),
        (*at(text, "Kinh tế số"), "BC605"),
    ]
    assert "Kết quả thực hiện" in codes[1].hint()


def test_a_unit_other_than_the_outlines_is_an_error_case_and_spacing_aside(tmp_path: Path) -> None:
    text, path = changed(tmp_path, ("unit: thành viên", "unit: người"))
    (finding,) = api.load(str(path)).findings
    assert (finding.line, finding.col, finding.code) == (*at(text, "người\n"), "BC606")
    assert "thành viên" in finding.message() and finding.severity.label == "error"
    _, path = changed(tmp_path, ("unit: thành viên", "unit: Thành  Viên"))
    assert found(path) == []


def test_a_data_form_keeps_the_forms_columns_their_types_and_its_rows(tmp_path: Path) -> None:
    stats = "            - {key: stats, title: Thống kê ngành, type: choice, choices: [Có đăng, Không đăng, Không có dữ liệu]}\n"  # noqa: E501
    text, path = changed(
        tmp_path,
        (stats, ""),
        ("type: yes_no}", "type: text}"),
        (", stats: Có đăng}", "}"),
        ("content: Văn bản quản lý hành chính,", "content: Khác,"),
        (", stats: Không có dữ liệu}", "}"),
    )
    findings = api.load(str(path)).findings
    assert [(f.line, f.code) for f in findings] == [
        (at(text, "{key: content")[0], "BC606"),
        (at(text, "type: text")[0], "BC606"),
        (at(text, "{content: Văn bản quy phạm")[0], "BC606"),
    ]
    assert [f.col for f in findings][1] == at(text, "text}")[1]
    messages = [f.message("en") for f in findings]
    assert "stats" in messages[0] and "yes_no" in messages[1] and "Văn bản quản lý hành chính" in messages[2]


def test_sections_out_of_order_say_which_comes_before_which(tmp_path: Path) -> None:
    start = EXAMPLE.index("  - title: Nhiệm vụ")
    tasks = EXAMPLE[start:]
    text, path = changed(tmp_path, (tasks, ""), (KHO_KHAN, tasks + KHO_KHAN))
    (finding,) = api.load(str(path)).findings
    assert (finding.line, finding.col, finding.code) == (*at(text, "Nhiệm vụ và kiến nghị"), "BC607")
    assert finding.message("en").endswith("it comes after 'Khó khăn, vướng mắc'.")
    start = EXAMPLE.index("  - title: Biểu mẫu")
    end = EXAMPLE.index(KHO_KHAN)
    text, path = changed(tmp_path, (EXAMPLE[start:end], ""), (tasks, tasks + EXAMPLE[start:end]))
    (finding,) = api.load(str(path)).findings  # the one out of place, not every section it passes
    assert (finding.line, finding.code) == (at(text, "Biểu mẫu thông tin")[0], "BC607")
    assert finding.message("en").endswith("it comes before 'Khó khăn, vướng mắc'.")


@pytest.mark.parametrize(
    ("old", "new", "snippet"),
    [
        ("level: commune", "level: district", "district"),
        (
            "period: {type: half_year, number: 2, year: 2025}",
            "period: {type: quarter, number: 4, year: 2025}",
            "quarter",
        ),
    ],
)
def test_a_unit_or_period_the_regime_is_not_for_is_an_error(tmp_path: Path, old: str, new: str, snippet: str) -> None:
    text, path = changed(tmp_path, (old, new))
    (finding,) = [f for f in api.load(str(path)).findings if f.code == "BC608"]
    assert (finding.line, finding.col) == at(text, snippet)
    assert snippet in finding.message() and "cds-xa-2025" in finding.message()


def test_an_item_of_another_block_type_is_an_error_at_the_block(tmp_path: Path) -> None:
    text, path = changed(
        tmp_path,
        (
            "- indicator: {key: ky_so, label: Văn bản đi được ký số, percent: trên 98}",
            "- figure: {key: ky_so, label: Văn bản đi được ký số, value: 1200, unit: văn bản}",
        ),
    )
    (finding,) = api.load(str(path)).findings
    assert (finding.line, finding.col, finding.code) == (*at(text, "{key: ky_so"), "BC609")
    assert "indicator" in finding.message()


def test_an_outline_found_under_a_name_that_is_not_its_id_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    built_in = ROOT / "src" / "baocao" / "data" / "outlines" / "cds-xa-2025.yaml"
    (shared / "cds-xa.yaml").write_text(built_in.read_text(encoding="utf-8"), encoding="utf-8")
    _, path = changed(tmp_path, ("outline: cds-xa-2025", "outline: cds-xa"))
    runner = CliRunner()
    result = runner.invoke(main, ["validate", "--outlines", str(shared), "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    assert '"code": "BC610"' in result.output and "cds-xa-2025" in result.output
    monkeypatch.delenv("BAOCAO_OUTLINES")
    result = runner.invoke(main, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1 and '"code": "BC601"' in result.output  # not found without the folder


OUTLINE = """\
outline: {id: so-tinh, title: Đề cương của Sở}
regime: {reporters: [district, department], periods: [quarter]}
sections:
  - key: ket_qua
    title: Kết quả
    expects:
      - figure: {key: bts, label: Trạm BTS, unit: trạm}
      - table:
          key: bieu_01
          label: Biểu 01
          columns: [{key: ten, title: Nội dung}, {key: so, title: Số lượng, type: integer}]
          rows: [Máy chủ, Máy trạm]
    sections:
      - {key: ha_tang, title: Hạ tầng, expects: [{indicator: {key: cap_quang, label: Thôn có cáp quang, unit: thôn}}]}
  - key: de_xuat
    title: Đề xuất
    required: false
    expects:
      - text: {label: Kiến nghị}
"""

STARTED = """\
document:
  outline: so-tinh
  level: district
  issuing_body: Ủy ban nhân dân huyện Bình Sơn
  short_name: UBND huyện Bình Sơn
  area: huyện Bình Sơn
  symbol: BC-UBND
  place: Bình Sơn
  period: {type: quarter, number: 1, year: 2026}
  subject: kết quả
  signer: {title: Chủ tịch, name: Nguyễn Văn A}
sections:
  - key: ket_qua
    title: Kết quả
    content:
      - figure: {key: bts, label: Trạm BTS, unit: trạm}
      - table:
          key: bieu_01
          columns: [{key: ten, title: Nội dung}, {key: so, title: Số lượng, type: integer}]
          rows: [{ten: Máy chủ}, {ten: Máy trạm}]
    sections:
      - key: ha_tang
        title: Hạ tầng
        content:
          - indicator: {key: cap_quang, label: Thôn có cáp quang, unit: thôn}
"""


def test_a_file_started_from_the_outline_has_only_its_blanks_to_fill(tmp_path: Path) -> None:
    """As `baocao new` writes it: the outline's keys and titles, every item blank."""
    outlines = tmp_path / "de-cuong"
    outlines.mkdir()
    write(outlines, OUTLINE, "so-tinh.yaml")
    path = write(tmp_path, STARTED)
    result = CliRunner().invoke(main, ["validate", "--outlines", str(outlines), "--format", "json", str(path)])
    assert result.exit_code == 1
    assert result.output.count('"code": "BC604"') == 3 and result.output.count('"code"') == 3


def test_warnings_exit_0_and_fail_under_strict_errors_exit_1(tmp_path: Path) -> None:
    _, warned = changed(tmp_path, (KHO_KHAN, KHO_KHAN + "  - title: Thêm\n    content: [Một đoạn.]\n"))
    runner = CliRunner()
    assert runner.invoke(main, ["validate", str(warned)]).exit_code == 0
    assert runner.invoke(main, ["validate", "--strict", str(warned)]).exit_code == 1
    _, wrong = changed(tmp_path, ("unit: thành viên", "unit: người"))
    result = runner.invoke(main, ["validate", "--lang", "en", str(wrong)])
    assert result.exit_code == 1 and "BC606" in result.output


def test_a_missing_outlines_folder_is_a_usage_error(tmp_path: Path) -> None:
    _, path = changed(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--outlines", str(tmp_path / "none"), str(path)])
    assert result.exit_code == 2 and "--outlines" in result.output


def test_the_readmes_outline_example_is_a_valid_outline(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```yaml\n(# yaml-language-server: \$schema=\S*outline\.schema\.json.*?)```", readme, re.S)
    path = write(tmp_path, example, "de-cuong.yaml")
    assert api.is_outline_file(api.load(str(path)).source.data) and api.load(str(path)).findings == []


def test_an_answer_offering_other_choices_than_the_outlines_is_an_error(tmp_path: Path) -> None:
    text, path = changed(tmp_path, ("TTHC của tỉnh, value: Có}", "TTHC của tỉnh, choices: done, value: Đã thực hiện}"))
    (finding,) = api.load(str(path)).findings
    assert (finding.line, finding.col, finding.code) == (*at(text, "done"), "BC606")
    assert "Có / Không" in finding.message()


def test_build_finds_an_outline_in_a_folder_given_by_outlines(tmp_path: Path) -> None:
    outlines = tmp_path / "de-cuong"
    outlines.mkdir()
    write(outlines, OUTLINE, "so-tinh.yaml")
    filled = STARTED.replace("unit: trạm}", "unit: trạm, value: 12}").replace("{ten: Máy chủ}", "{ten: Máy chủ, so: 3}")
    path = write(tmp_path, filled.replace("label: Thôn có cáp quang,", "label: Thôn có cáp quang, count: 5, total: 8,"))
    target = tmp_path / "out.docx"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(path), "-o", str(target)]).exit_code == 1  # BC601: not found
    result = runner.invoke(main, ["build", "--outlines", str(outlines), str(path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.is_file()


@pytest.mark.parametrize("command", ["validate", "build", "diff", "rollup"])
def test_every_command_that_reads_units_takes_outlines_folders(command: str) -> None:
    assert "--outlines DIR" in CliRunner().invoke(main, [command, "--help"]).output


def test_diff_finds_the_outline_of_both_files_in_the_folders_given(tmp_path: Path) -> None:
    outlines = tmp_path / "de-cuong"
    outlines.mkdir()
    write(outlines, OUTLINE, "so-tinh.yaml")
    filled = STARTED.replace("{ten: Máy chủ}", "{ten: Máy chủ, so: 3}").replace(
        ", unit: thôn}", ", unit: thôn, percent: 50}"
    )
    old = write(tmp_path, filled.replace("unit: trạm}", "unit: trạm, value: 12}"), "old.yaml")
    new = write(tmp_path, filled.replace("unit: trạm}", "unit: trạm, value: 15}"), "new.yaml")
    runner = CliRunner()
    assert runner.invoke(main, ["diff", str(old), str(new)]).exit_code == 2  # BC601 in both
    result = runner.invoke(main, ["diff", "--outlines", str(outlines), "--lang", "en", str(old), str(new)])
    assert result.exit_code == 1 and "15" in result.output, result.output
