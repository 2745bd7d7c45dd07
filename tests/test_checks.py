"""The arithmetic and form checks: every seed inconsistency found, no false alarm on the examples."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from baocao import api

from .conftest import EXAMPLES, MINIMAL, write

FIXTURES = Path(__file__).parent / "fixtures" / "seeds"


def found(path: Path | str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in api.load(str(path)).findings]


def line_of(path: Path, pattern: str, after: str | None = None) -> int:
    """The number of the first line that matches ``pattern`` (below the first that matches ``after``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = line_of(path, after) if after else 0
    for number, line in enumerate(lines[start:], start=start + 1):
        if re.search(pattern, line):
            return number
    raise AssertionError(pattern)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_have_no_errors(example):
    assert [f for f in api.load(str(example)).findings if f.severity.label == "error"] == []


def as_typed(tmp_path: Path, seed: str) -> Path:
    """The seed with its own figures, as typed, written as sections (``baocao upgrade`` carries every value over)."""
    path, _ = api.upgrade_file(str(FIXTURES / f"{seed}-as-typed.yaml"), str(tmp_path))
    assert "\nsections:\n" in path.read_text(encoding="utf-8")
    return path


def test_seed_000_as_typed(tmp_path):
    path = as_typed(tmp_path, "binh-son-2022-h1")
    assert found(path) == [("BC201", line_of(path, r"subtotal: 12779,0"))]


def test_seed_002_as_typed(tmp_path):
    path = as_typed(tmp_path, "tra-bong-2023")
    expected = [
        ("BC312", line_of(path, r"name: \(họ và tên\)")),
        ("BC304", line_of(path, r"number: 1648/HD-STTTT")),
        ("BC302", line_of(path, r"number: 906/QĐ- UBND")),
        ("BC211", line_of(path, r"percent: 99,5$")),
        ("BC211", line_of(path, r"percent: 94,4$")),
        ("BC211", line_of(path, r"percent: 99,88$")),
        ("BC211", line_of(path, r"percent: 88,12$")),
        ("BC201", line_of(path, r"received: 1956")),
        ("BC202", line_of(path, r"received: 41$", after=r"field: Cấp phép xây dựng$")),
    ]
    assert found(path) == expected


def test_seed_004_as_typed_is_dated_on_its_data_cut_off(tmp_path):
    path = as_typed(tmp_path, "tra-vinh-stttt-2019-q1")
    assert "date: 14/3/2019" in path.read_text(encoding="utf-8")
    assert found(path) == []


def with_blocks(blocks: str, text: str = MINIMAL) -> str:
    """The unit with one more section, whose content is ``blocks`` (entries of a list, written from column 0)."""
    return text + "  - title: Số liệu\n    content:\n" + textwrap.indent(blocks, "      ")


def checked(tmp_path, blocks: str = "", replace: tuple[str, str] | None = None) -> list[str]:
    text = MINIMAL if replace is None else MINIMAL.replace(*replace)
    return [f.code for f in api.load(str(write(tmp_path, with_blocks(blocks, text) if blocks else text))).findings]


INDICATOR = """- indicator: {{key: cccd, label: CCCD, count: 42694, total: 42829, percent: "{percent}"}}
"""


PERCENTS = [
    ("99,7", True),
    ("99,68", True),
    ("99,685", True),
    ("99.7", True),
    ("99,5", False),
    ("99,69", False),
    ("100", False),
    ("99", False),
]


@pytest.mark.parametrize(("percent", "ok"), PERCENTS)
def test_percentages_are_judged_at_the_precision_written(tmp_path, percent, ok):
    assert checked(tmp_path, INDICATOR.format(percent=percent)) == ([] if ok else ["BC211"])


def test_count_above_total_and_zero_total(tmp_path):
    blocks = """\
- indicator: {key: a, label: A, count: 5, total: 4}
- indicator: {key: b, label: B, count: 0, total: 0, percent: "0"}
"""
    assert checked(tmp_path, blocks) == ["BC212", "BC213"]


def test_percent_above_100_is_refused(tmp_path):
    assert checked(tmp_path, INDICATOR.format(percent="100,5")) == ["BC109"]


def test_target_above_100_percent(tmp_path):
    assert checked(tmp_path, "- target: {key: t, label: T, value: 120}\n") == ["BC214"]


BUDGET = """- budget:
    groups:
      - name: Xã
        subtotal: "{subtotal}"
        items:
          - {{name: A, amount: "200,0"}}
          - {{name: B, amount: "9,5"}}
          - {{name: C, source: VNPT hỗ trợ}}
    total: "{total}"
    total_in_words: {words}
"""


@pytest.mark.parametrize(
    ("subtotal", "total", "words", "codes"),
    [
        ("209,5", "209,5", "Hai trăm linh chín triệu năm trăm nghìn đồng", []),
        ("209", "209,5", "Hai trăm linh chín triệu năm trăm nghìn đồng", ["BC201"]),
        ("209,5", "210", "Hai trăm linh chín triệu năm trăm nghìn đồng", ["BC201"]),
        ("209,5", "209,5", "Hai trăm linh chín triệu đồng", ["BC203"]),
        ("209,5", "209,5", "hai trăm linh chín triệu năm trăm nghìn đồng Việt Nam", []),
    ],
)
def test_budget_subtotals_totals_and_words(tmp_path, subtotal, total, words, codes):
    assert checked(tmp_path, BUDGET.format(subtotal=subtotal, total=total, words=words)) == codes


def test_figure_parts(tmp_path):
    blocks = """\
- figure: {key: a, label: A, value: 28, parts: [{label: x, value: 25}, {label: y, value: 3}]}
- figure: {key: b, label: B, value: 27, parts: [{label: x, value: 25}, {label: y, value: 3}]}
- figure: {key: c, label: C, value: 30, parts_are: of_which, parts: [{label: x, value: 25}]}
- figure: {key: d, label: D, value: 20, parts_are: of_which, parts: [{label: x, value: 25}]}
"""
    assert checked(tmp_path, blocks) == ["BC201", "BC202"]


def test_procedures_dossiers_radio_and_teams(tmp_path):
    blocks = """\
- public_services:
    procedures:
      - {scope: Cấp xã, total: 10, levels: [{level: partial, services: 6}, {level: full, services: 3}]}
    dossiers:
      received: 100
      resolved: 120
      by_field:
        - {field: Đất đai, received: 100, on_time: 90, late: 5, pending: 10}
- radio:
    communes: 3
    stations:
      - {commune: A, type: wired}
      - {commune: B, type: wireless}
      - {commune: A, type: wireless}
      - {commune: C, type: ip}
    summary: {total: 4, wired: 2}
- teams:
    - {level: Cấp thôn, teams: 12, units: 10, members: 40}
"""
    codes = checked(tmp_path, blocks)
    assert sorted(codes) == ["BC201"] * 3 + ["BC202"] * 4 + ["BC204"]


@pytest.mark.parametrize(
    ("number", "kind", "codes"),
    [
        ("90/KH-UBND", "Kế hoạch", []),
        ("19-CT/TU", "Chỉ thị", []),
        ("43/2011/NĐ-CP", "Nghị định", []),
        ("45/2016/QĐ-TTg", "Quyết định", []),
        ("04/KH-BCĐ", "Kế hoạch", []),
        ("458/UBND-CNTT", "Công văn", []),
        ("847/STTTT-BCVT&CNTT", "Công văn", []),
        ("01-KL/TW", "Kết luận", []),
        ("4/KH-UBND", "Kế hoạch", ["BC303"]),
        ("90/QĐ-UBND", "Kế hoạch", ["BC304"]),
        ("12/CV-UBND", "Công văn", ["BC304"]),
        ("1648/HD-STTTT", "Công văn", ["BC304"]),
        ("298 /BC-STTTT-VP", "Báo cáo", ["BC302"]),
        ("01/HD-VH TT", "Hướng dẫn", ["BC302"]),
        ("12/HĐ-UBND", "Hướng dẫn", ["BC304"]),
    ],
)
def test_cited_numbers(tmp_path, number, kind, codes):
    assert checked(tmp_path, f"- citation: {{type: {kind}, number: '{number}', date: 01/3/2023}}\n") == codes


@pytest.mark.parametrize(("symbol", "codes"), [("BC-UBND", []), ("BC-STTTT-VP", []), ("CV-UBND", ["BC301"]),
                                               ("KH-UBND", ["BC301"]), ("BC-ubnd", ["BC301"])])  # fmt: skip
def test_report_symbol(tmp_path, symbol, codes):
    assert checked(tmp_path, replace=("symbol: BC-UBND", f"symbol: {symbol}")) == codes


def test_dates(tmp_path):
    late = "- citation: {type: Kế hoạch, number: 90/KH-UBND, date: 06/01/2024}\n"
    assert checked(tmp_path, late) == ["BC305"]
    assert checked(tmp_path, replace=("date: 05/01/2024", "date: 14/12/2023")) == []
    assert checked(tmp_path, replace=("date: 05/01/2024", "date: 13/12/2023")) == ["BC306"]


@pytest.mark.parametrize("place", ["tịnh Hà", "Tịnh Hà,", "Tịnh Hà, ngày 5"])
def test_place_of_the_date_line(tmp_path, place):
    assert checked(tmp_path, replace=("place: Tịnh Hà", f"place: '{place}'")) == ["BC307"]


def test_archive_line_among_recipients_and_signer_titles(tmp_path):
    assert checked(tmp_path, replace=("recipients: [UBND huyện]", "recipients: [UBND huyện, 'Lưu: VT']")) == ["BC308"]
    assert checked(tmp_path, replace=("name: Nguyễn Văn A", "name: TS. Nguyễn Văn A")) == ["BC309"]


def test_the_same_key_must_carry_the_same_values(tmp_path):
    bts = "figure: {{key: bts, label: Trạm BTS, value: {value}, unit: trạm}}"
    text = MINIMAL
    for line in ("- Chỉ đạo triển khai.", "- Tiếp tục triển khai."):  # stated in both sections, alike
        text = text.replace(f'"{line}"\n', f'"{line}"\n      - {bts.format(value=136)}\n')
    path = write(tmp_path, with_blocks(f"- {bts.format(value=130)}\n", text))  # then otherwise
    (finding,) = api.load(str(path)).findings
    assert (finding.code, finding.line) == ("BC501", 29)
    assert "sections.0.content.1" in finding.message("vi")


def test_build_refuses_errors_unless_allowed(tmp_path):
    source = write(tmp_path, with_blocks(INDICATOR.format(percent="99,5")))
    with pytest.raises(api.InputError) as caught:
        api.build(str(source))
    assert [f.code for f in caught.value.findings] == ["BC211"]
    assert not (tmp_path / "unit.docx").exists()
    target, findings = api.build(str(source), allow_errors=True)
    assert target.is_file() and [f.code for f in findings] == ["BC211"]
