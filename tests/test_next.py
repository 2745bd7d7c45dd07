"""baocao next: the next period's file from this one, last period's values kept to compare, blanks to fill in."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from baocao import api
from baocao.core.errors import InputError, UserError
from baocao.core.findings import Severity
from baocao.load import source as loader

from .conftest import EXAMPLES, ROOT

MINH_TAN = str(ROOT / "data" / "examples" / "xa-minh-tan-2025-h2.yaml")
FILLED = {  # what the commune writes into the carried file: (text after which, the line added)
    "        unit: hồ sơ\n": "        count: 2100\n        total: 3000\n",
    "        label: Văn bản đi được ký số\n": "        percent: 99\n",
    "        unit: thành viên\n": "        value: 175\n",
    "        - label: thôn Tân An\n": "          count: 2300\n          total: 2600\n",
    "        - label: thôn Tân Bình\n": "          count: 2000\n          total: 2500\n",
    "        unit: người\n": "        count: 9800\n        total: 12400\n",
    "        stats: Có đăng\n": "        posted: 5/5\n",
    "        stats: Không có dữ liệu\n": "        posted: 45/48\n",
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "baocao", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, input=stdin)


def fill(text: str) -> str:
    """The carried file of Minh Tân filled in, and its emptied sections written anew."""
    for after, added in FILLED.items():
        assert text.count(after) == 1, after
        text = text.replace(after, after + added)
    return text.replace("  content: []\n", "  content:\n  - Đã viết lại cho kỳ này.\n")


@pytest.fixture
def carried(tmp_path: Path) -> Path:
    target, _ = api.next_file(MINH_TAN, str(tmp_path / "next.yaml"))
    assert target is not None
    return target


@pytest.fixture
def filled(carried: Path) -> Path:
    carried.write_text(fill(carried.read_text(encoding="utf-8")), encoding="utf-8")
    return carried


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_next_of_every_example_loads_and_its_only_errors_are_the_blanks_to_fill(example, tmp_path):
    target, text = api.next_file(str(example), str(tmp_path / "next.yaml"))
    assert target is not None and target.read_text(encoding="utf-8") == text
    loaded = api.load(str(target))
    assert loaded.report is not None
    # the blanks to fill, and (in a report that follows a đề cương) the paragraphs it asks for, to write anew
    to_do = {(f.code, f.params.get("variant")) for f in loaded.findings if f.severity is Severity.ERROR}
    blanks = {("BC604", None), ("BC604", "required")}  # "required": the đề cương asks for it, not to be removed
    assert to_do & blanks and to_do <= {*blanks, ("BC603", "text")}
    # a section whose text is to be written anew is said empty, nothing else is warned
    assert {f.code for f in loaded.findings} <= {"BC604", "BC603", "BC404"}
    assert text.startswith("# yaml-language-server: $schema=")
    document = loaded.report.document
    before = api.load(str(example)).report
    assert before is not None
    assert document.period == before.document.period.following()
    assert document.previous_period == before.document.period


def test_the_period_advances_and_number_date_request_and_cutoff_go(carried):
    text = carried.read_text(encoding="utf-8")
    report = api.load(str(carried)).report
    assert report is not None
    document = report.document
    assert document.period.label == "06 tháng đầu năm 2026"
    assert document.previous_period is not None and document.previous_period.label == "06 tháng cuối năm 2025"
    assert (document.number, document.date, document.requested_by, document.cutoff) == (None, None, None, None)
    assert document.subject == "kết quả thực hiện chuyển đổi số 06 tháng đầu năm 2026"
    assert "văn thư điền" in text and "requested_by và cutoff đã bỏ" in text
    # the old request's citation is a comment, not a citation of the new report
    assert "#   number: 1520/SKHCN-CĐS" in text
    assert all(b.citation is None or b.citation.number != "1520/SKHCN-CĐS" for _, b in report.blocks())
    # the paragraphs of last period are comments at their place, never content
    assert "# - Cán bộ phụ trách chuyển đổi số còn kiêm nhiệm" in text
    assert not any(b.kind == "text" and "kiêm nhiệm" in (b.text or "") for _, b in report.blocks())


def test_a_subject_without_the_period_is_left_and_the_file_says_to_check_it(tmp_path):
    example = ROOT / "data" / "examples" / "huu-lung-2023.yaml"
    _, text = api.next_file(str(example), str(tmp_path / "next.yaml"))
    assert "KIỂM TRA trích yếu (subject)" in text
    report = api.load(str(tmp_path / "next.yaml")).report
    assert report is not None
    assert report.document.subject == api.load(str(example)).report.document.subject  # type: ignore[union-attr]


def test_section_titles_follow_the_period_and_the_next_one_moves_on(tmp_path):
    example = ROOT / "data" / "examples" / "binh-son-2022-h1.yaml"
    _, text = api.next_file(str(example), str(tmp_path / "next.yaml"))
    assert "- title: Định hướng triển khai 6 tháng đầu năm 2023 và năm 2023" in text
    assert "6 tháng cuối năm 2022 và năm 2023" not in text


def test_last_values_are_kept_in_previous_and_the_current_ones_are_blank(carried):
    report = api.load(str(carried)).report
    assert report is not None
    blocks = {getattr(b.value, "key", None): b.value for _, b in report.blocks()}
    assert blocks["to_cnscd"].value is None and str(blocks["to_cnscd"].previous) == "hơn 160"
    rate = blocks["ho_so_truc_tuyen"]
    assert (rate.count, rate.total, rate.percent) == (None, None, None)
    assert (rate.previous.count, rate.previous.total) == (1688, 2945)
    assert all(level.blank for level in blocks["thanh_toan"].levels)
    table = blocks["mau_01"]
    assert table.previous == {"posted": "42/45"}
    assert [row.get("posted") for row in table.rows] == [None, None]
    assert [row["stats"] for row in table.rows] == ["Có đăng", "Không có dữ liệu"]  # choices stay
    text = carried.read_text(encoding="utf-8")
    assert "      # 06 tháng cuối năm 2025: posted: 38/41\n      - content: Văn bản quản lý hành chính" in text
    assert str(blocks["smartphone"].value) == "trên 85"  # a target carries over as it is


def test_filled_in_it_validates_clean_and_prints_the_comparison_with_the_previous_values(filled, tmp_path):
    loaded = api.load(str(filled))
    assert [f.code for f in loaded.findings] == []
    target, _ = api.build(str(filled), str(tmp_path / "next.docx"))
    texts = paragraphs(target)
    reference = "so với 06 tháng cuối năm 2025"
    assert any(t.startswith("- Hồ sơ thủ tục hành chính tiếp nhận trực tuyến: 2.100/3.000 hồ sơ, đạt 70%, "
                            f"tăng 12,68 điểm phần trăm {reference}") for t in texts)  # fmt: skip
    # the change follows the indicator's own rate, before its levels
    assert any(f"đạt 79%, tăng 5,5 điểm phần trăm {reference}, trong đó: thôn Tân An" in t for t in texts)
    # a bound ("hơn 160") is quoted, not subtracted
    assert (
        "- Thành viên Tổ công nghệ số cộng đồng: 175 thành viên, 06 tháng cuối năm 2025 là hơn 160 thành viên;" in texts
    )
    assert "Tổng cộng: Đã đăng/tổng số 50/53, 06 tháng cuối năm 2025 là 42/45." in texts


def test_a_figure_that_changed_says_how_much_and_without_previous_period_against_the_period_before(tmp_path):
    from .test_outline import HEAD

    unit = tmp_path / "unit.yaml"
    unit.write_text(
        HEAD
        + "sections:\n  - title: Kết quả\n    content:\n"
        + "      - figure: {key: bts, label: Trạm BTS, value: 15, unit: trạm, previous: 12}\n"
        + "      - figure: {key: cap, label: Cáp quang, value: 40, unit: km, previous: 40}\n"
        + "      - table:\n          columns: [{key: name, title: Xã}, {key: n, title: Số hồ sơ, type: integer}]\n"
        + "          rows: [[An, 30], [Bình, 20]]\n          previous: {n: 40}\n",
        encoding="utf-8",
    )
    assert api.load(str(unit)).findings == []
    target, _ = api.build(str(unit), str(tmp_path / "unit.docx"))
    texts = paragraphs(target)
    assert "- Trạm BTS: 15 trạm, tăng 03 trạm (25%) so với kỳ trước;" in texts
    assert "- Cáp quang: 40 km, không thay đổi so với kỳ trước." in texts
    assert "Tổng cộng: Số hồ sơ tăng 10 (25%) so với kỳ trước." in texts


def test_compare_wins_over_the_previous_values_in_the_file(filled, tmp_path):
    target, _ = api.build(str(filled), str(tmp_path / "next.docx"), compare=MINH_TAN)
    texts = paragraphs(target)
    assert not any("là hơn 160 thành viên" in t for t in texts)
    assert any(
        t.startswith("- Thành viên Tổ công nghệ số cộng đồng: 175 thành viên, tăng 15 thành viên") for t in texts
    )


def test_diff_of_the_old_file_and_the_filled_next_one_shows_the_values_not_the_carried_copies(filled):
    changes, warnings = api.diff(MINH_TAN, str(filled))
    assert warnings == []
    assert not any("previous" in part for c in changes for part in c.path)
    counted = {c.path[-1]: (c.old, c.new) for c in changes if c.numeric and "Hồ sơ" in " ".join(c.path)}
    # the rate written last period is compared with the rate this one computes (2100/3000), not shown removed
    assert counted == {"count": (1688, 2100), "total": (2945, 3000), "percent": (Decimal("57.32"), Decimal("70.0"))}
    result = run("diff", MINH_TAN, str(filled))
    assert result.returncode == 1, result.stderr
    assert "previous" not in result.stdout


def test_the_filled_file_carries_on_to_the_period_after(filled, tmp_path):
    target, _ = api.next_file(str(filled), str(tmp_path / "after.yaml"))
    report = api.load(str(target)).report
    assert report is not None and report.document.period.label == "06 tháng cuối năm 2026"
    blocks = {getattr(b.value, "key", None): b.value for _, b in report.blocks()}
    assert str(blocks["to_cnscd"].previous) == "175"
    assert blocks["mau_01"].previous == {"posted": "50/53"}


def test_the_cli_writes_beside_the_input_prints_to_stdout_and_refuses_to_overwrite(tmp_path):
    source = tmp_path / "xa-minh-tan-2025-h2.yaml"
    source.write_text(Path(MINH_TAN).read_text(encoding="utf-8"), encoding="utf-8")
    first = run("next", str(source))
    assert first.returncode == 0, first.stderr
    target = tmp_path / "xa-minh-tan-2026-h1.yaml"
    assert first.stdout.strip() == str(target) and target.is_file()
    written = target.read_text(encoding="utf-8")
    again = run("next", str(source))
    assert again.returncode == 2 and "--force" in again.stderr and "đã có" in again.stderr
    assert target.read_text(encoding="utf-8") == written
    assert "exists" in run("next", str(source), "--lang", "en").stderr
    assert run("next", str(source), "--force").returncode == 0
    shown = run("next", str(source), "-o", "-")
    assert shown.returncode == 0 and shown.stdout == written
    piped = run("next", "-", "-o", "-", stdin=Path(MINH_TAN).read_text(encoding="utf-8"))
    assert piped.returncode == 0 and "previous_period:" in piped.stdout
    assert run("next", "-", stdin="x: 1").returncode in (1, 2)


def test_an_output_that_is_the_input_is_refused(tmp_path):
    source = tmp_path / "unit.yaml"
    source.write_text(Path(MINH_TAN).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        api.next_file(str(source), str(source), force=True)
    assert caught.value.phrase.key == "output_is_input"


def test_a_file_by_topic_is_refused_with_the_upgrade_to_run(tmp_path):
    old = ROOT / "tests" / "fixtures" / "by-topic" / "tra-bong-2023.yaml"
    result = run("next", str(old), "-o", str(tmp_path / "next.yaml"))
    assert result.returncode == 1 and "BC013" in result.stderr
    assert f"baocao upgrade {old}" in result.stderr
    assert not (tmp_path / "next.yaml").exists()


def test_a_rolled_up_file_is_refused(tmp_path):
    rolled = tmp_path / "province.yaml"
    rolled.write_text(Path(MINH_TAN).read_text(encoding="utf-8") + "rollup: {units: [{name: xã An}]}\n", "utf-8")
    result = run("next", str(rolled), "-o", str(tmp_path / "next.yaml"), "--lang", "en")
    assert result.returncode == 2 and "baocao rollup" in result.stderr
    assert not (tmp_path / "next.yaml").exists()


def test_a_file_with_errors_is_refused_with_its_findings_and_nothing_written(tmp_path):
    broken = tmp_path / "unit.yaml"
    text = Path(MINH_TAN).read_text(encoding="utf-8").replace("count: 1688", "count: 9999")
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        api.next_file(str(broken), str(tmp_path / "next.yaml"))
    result = run("next", str(broken), "-o", str(tmp_path / "next.yaml"))
    assert result.returncode == 1 and "BC212" in result.stderr and "Không lập tệp kỳ sau" in result.stderr
    assert not (tmp_path / "next.yaml").exists()


def test_previous_values_are_checked_where_they_are_written(tmp_path):
    from .test_outline import HEAD

    unit = tmp_path / "unit.yaml"
    unit.write_text(
        HEAD
        + "sections:\n  - title: Kết quả\n    content:\n"
        + "      - indicator: {key: a, label: Hồ sơ, count: 5, total: 9, previous: {count: 12, total: 10}}\n"
        + "      - figure: {key: b, label: Trạm, parts: [{label: 4G, value: 3}, {label: 5G}]}\n"
        + "      - table:\n          columns: [{key: name, title: Xã}, {key: n, title: Số, type: integer}]\n"
        + "          rows: [[An, 3]]\n          previous: {name: An, n: 1.000}\n"
        + "      - table:\n          columns: [{key: name, title: Xã}, {key: p, title: Đăng, type: count_of_total}]\n"
        + "          rows: [[An, 3/4]]\n          previous: {p: 7/5}\n",
        encoding="utf-8",
    )
    source, _ = loader.read(str(unit))
    found = {(f.code, f.line) for f in api.load(str(unit)).findings}
    lines = source.text.splitlines()
    words = ("12", "5G", "1.000", "7/5")
    line_of = {word: next(i for i, line in enumerate(lines, 1) if word in line) for word in words}
    assert ("BC212", line_of["12"]) in found  # last period's count above its total
    assert ("BC604", line_of["5G"]) in found  # a part left blank in a figure otherwise filled
    assert ("BC102", line_of["1.000"]) in found  # a previous total for a column that has none (name)
    assert ("BC104", line_of["1.000"]) in found  # and one written with a thousands separator
    assert ("BC212", line_of["7/5"]) in found  # a count of last period above its total


def test_the_readme_sequence_validate_build_next_fill_validate_build_diff(tmp_path):
    """README "Carrying a report to the next period": the commands as a clerk types them."""
    old = tmp_path / "xa-minh-tan-2025-h2.yaml"
    old.write_text(Path(MINH_TAN).read_text(encoding="utf-8"), encoding="utf-8")
    assert run("validate", str(old)).returncode == 0
    assert run("build", str(old)).returncode == 0
    assert run("next", str(old)).returncode == 0
    new = tmp_path / "xa-minh-tan-2026-h1.yaml"
    blank = run("validate", str(new))
    assert blank.returncode == 1 and "BC604" in blank.stderr
    new.write_text(fill(new.read_text(encoding="utf-8")), encoding="utf-8")
    checked = run("validate", str(new))
    assert checked.returncode == 0 and checked.stderr == ""
    built = run("build", str(new))
    assert built.returncode == 0, built.stderr
    assert any("so với 06 tháng cuối năm 2025" in t for t in paragraphs(tmp_path / "xa-minh-tan-2026-h1.docx"))
    compared = run("diff", str(old), str(new))
    assert compared.returncode == 1 and "2.100" in compared.stdout


def test_a_previous_period_that_is_not_before_the_period_is_an_error_where_it_is_written(tmp_path):
    from .test_outline import HEAD

    unit = tmp_path / "unit.yaml"
    text = HEAD.replace("  period: {type: year, year: 2025}\n", "  period: {type: year, year: 2025}\n"
                        "  previous_period: {type: half_year, number: 2, year: 2025}\n")  # fmt: skip
    unit.write_text(text + "sections:\n  - title: A\n    content: [B.]\n", encoding="utf-8")
    (finding,) = api.load(str(unit)).findings
    assert (finding.code, finding.line) == ("BC110", 10)
    assert "năm 2025" in finding.message("vi")


def test_a_unit_that_follows_an_outline_of_a_shared_folder_is_carried_with_outlines(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    built_in = ROOT / "src" / "baocao" / "data" / "outlines" / "cds-xa-2025.yaml"
    own = built_in.read_text(encoding="utf-8").replace("id: cds-xa-2025", "id: cds-xa-rieng")
    (shared / "cds-xa-rieng.yaml").write_text(own, encoding="utf-8")
    unit = tmp_path / "xa-2025-h2.yaml"
    unit.write_text(Path(MINH_TAN).read_text("utf-8").replace("outline: cds-xa-2025", "outline: cds-xa-rieng"), "utf-8")
    refused = run("next", str(unit))
    assert refused.returncode == 1 and "BC601" in refused.stderr
    carried = run("next", str(unit), "--outlines", str(shared))
    assert carried.returncode == 0, carried.stderr
    assert (tmp_path / "xa-2026-h1.yaml").is_file()


@pytest.mark.parametrize(
    ("stem", "period", "expected"),
    [
        ("xa-minh-tan-2025-h2", {"type": "half_year", "number": 2, "year": 2025}, "xa-minh-tan-2026-h1.yaml"),
        ("so-2019-q4", {"type": "quarter", "number": 4, "year": 2019}, "so-2020-q1.yaml"),
        ("huu-lung-2023", {"type": "month", "number": 5, "year": 2023}, "huu-lung-2023-m06.yaml"),
        ("tra-bong-2023", {"type": "year", "year": 2023}, "tra-bong-2024.yaml"),
        ("xa-2023-9m", {"type": "nine_months", "year": 2023}, "xa-2023-q4.yaml"),
        ("bao-cao", {"type": "half_year", "number": 1, "year": 2026}, "bao-cao-2026-h2.yaml"),
        ("x12025", {"type": "half_year", "number": 2, "year": 2025}, "x12025-2026-h1.yaml"),
    ],
)
def test_the_next_file_is_named_for_its_period(stem, period, expected):
    from baocao.model.period import Period
    from baocao.report.carry import next_name

    old = Period.model_validate(period)
    assert next_name(stem, old, old.following()) == expected


def test_written_into_another_folder_its_schema_and_outline_paths_still_resolve(tmp_path):
    outline = ROOT / "src" / "baocao" / "data" / "outlines" / "cds-xa-2025.yaml"
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "report.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "de-cuong.yaml").write_text(outline.read_text(encoding="utf-8"), encoding="utf-8")
    example = (ROOT / "data" / "examples" / "xa-minh-tan-2025-h2.yaml").read_text(encoding="utf-8")
    unit = tmp_path / "xa.yaml"
    unit.write_text(example.replace("outline: cds-xa-2025", "outline: de-cuong.yaml"), encoding="utf-8")
    (tmp_path / "2026" / "h1").mkdir(parents=True)
    target, text = api.next_file(str(unit), str(tmp_path / "2026" / "h1" / "xa.yaml"))
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/report.schema.json"
    assert "  outline: ../../de-cuong.yaml" in text.splitlines()
    found = api.load(str(target)).findings
    assert {f.code for f in found} <= {"BC604", "BC404", "BC603"}


def test_the_header_comment_new_wrote_follows_the_next_period(tmp_path):
    unit = tmp_path / "xa-2025-h2.yaml"
    header = {"level": "xã", "issuing_body": "Ủy ban nhân dân xã Minh Tân", "short_name": "UBND xã Minh Tân"}
    header |= {"area": "xã Minh Tân", "place": "Minh Tân", "symbol": "BC-UBND", "signer_title": "Chủ tịch"}
    api_new = __import__("baocao.commands.new", fromlist=["new_file"])
    api_new.new_file("cds-xa-2025", str(unit), False, "6 tháng cuối", 2025, header, None)
    text = unit.read_text(encoding="utf-8")
    assert "# Kỳ này: 06 tháng cuối năm 2025. Số liệu tính từ ngày 15/6/2025 đến ngày 14/12/2025" in text
    _, carried = api.next_file(str(unit), str(tmp_path / "next.yaml"))
    top = carried.split("\ndocument:")[0]
    assert "# Kỳ này: 06 tháng đầu năm 2026. Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026" in top
    assert "Hạn gửi báo cáo: ngày 09/7/2026" in top and "08/01/2026" not in top
    assert "cuối năm 2025" not in top.split("# baocao next:")[0]  # no stale period above what next says


def test_the_opening_paragraph_is_kept_with_its_period_moved_on_and_a_word_to_check_it(tmp_path):
    text = (
        Path(MINH_TAN)
        .read_text(encoding="utf-8")
        .replace(
            '  - "UBND xã Minh Tân báo cáo kết quả như sau:"',
            '  - "UBND xã Minh Tân báo cáo kết quả 06 tháng cuối năm 2025 như sau:"',
        )
    )
    unit = tmp_path / "xa-minh-tan-2025-h2.yaml"
    unit.write_text(text, encoding="utf-8")
    _, carried = api.next_file(str(unit), str(tmp_path / "next.yaml"))
    assert "UBND xã Minh Tân báo cáo kết quả 06 tháng đầu năm 2026 như sau:" in carried
    assert "# - KIỂM TRA phần mở đầu (opening): giữ đoạn văn của kỳ trước" in carried
    report = api.load(str(tmp_path / "next.yaml")).report
    said = "UBND xã Minh Tân báo cáo kết quả 06 tháng đầu năm 2026 như sau:"
    assert report is not None and report.opening[-1].value == said
