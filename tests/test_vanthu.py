"""Pages a văn thư would send back: each point read on the DOCX (python-docx, lxml) or in validate's findings.

Who signs for whom, the date line, money tables, the unit's own words, headings that name
the period, the annex sentence, unchanged items, merged table headers, the trích yếu,
space after tables, document numbers kept whole, one spelling of the total row, the rules.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from baocao import api
from baocao.cli.main import main

from .conftest import MINIMAL, write

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DEPARTMENT = MINIMAL.replace("level: commune", "level: department").replace(
    "issuing_body: Ủy ban nhân dân xã Tịnh Hà", "issuing_body: Sở Khoa học và Công nghệ"
)


def with_signer(text: str, signer: str) -> str:
    start = text.index("  signer: {")
    end = text.index("\n", start)
    return text[:start] + f"  signer: {signer}" + text[end:]


def findings(path: Path) -> list[tuple[str, str, int]]:
    return [(f.code, f.severity.label, f.line) for f in api.load(str(path)).findings]


def signature(path: Path) -> list[str]:
    """The lines of the signature block, as the DOCX prints them."""
    document = docx.Document(str(path))
    cell = document.tables[-1].rows[0].cells[1]
    return [p.text for p in cell.paragraphs if p.text]


# --- 1. Who signs for whom -------------------------------------------------------------------------------------


def test_a_deputy_director_signs_for_the_director_and_validate_says_what_to_write(tmp_path):
    path = write(tmp_path, with_signer(DEPARTMENT, "{title: Phó Giám đốc, name: Trần Văn B}"))
    found = api.load(str(path)).findings
    assert [(f.code, f.severity.label) for f in found] == [("BC313", "warning")]
    assert "authority: KT, head_title: Giám đốc" in found[0].message() + (found[0].hint() or "")
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert signature(target) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn B"]


def test_a_deputy_who_writes_kt_is_clean_and_printed_under_the_head(tmp_path):
    signer = "{authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Trần Văn B}"
    path = write(tmp_path, with_signer(DEPARTMENT, signer))
    assert findings(path) == []
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert signature(target) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn B"]


def test_a_people_s_committee_s_deputy_signs_tm_then_kt(tmp_path):
    path = write(tmp_path, MINIMAL)
    assert findings(path) == []
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert signature(target) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
    without = write(tmp_path, with_signer(MINIMAL, "{title: Phó Chủ tịch, name: Nguyễn Văn A}"), "bare.yaml")
    assert [code for code, _, _ in findings(without)] == ["BC313"]
    target, _ = api.build(str(without), str(tmp_path / "bare.docx"))
    assert signature(target)[:2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


@pytest.mark.parametrize(
    ("signer", "code", "severity"),
    [
        ("{on_behalf_of: Sở Khoa học và Công nghệ, title: Giám đốc, name: A}", "BC314", "error"),
        ("{authority: KT, head_title: Giám đốc, title: Giám đốc, name: A}", "BC313", "error"),
    ],
)
def test_tm_before_a_body_run_by_its_head_and_kt_before_the_head_s_own_title_are_errors(
    tmp_path, signer, code, severity
):
    path = write(tmp_path, with_signer(DEPARTMENT, signer))
    assert [(c, s) for c, s, _ in findings(path)] == [(code, severity)]


def test_the_head_of_a_department_signs_alone_and_acting_heads_write_q(tmp_path):
    alone = write(tmp_path, with_signer(DEPARTMENT, "{title: Giám đốc, name: A}"))
    acting = write(tmp_path, with_signer(DEPARTMENT, "{authority: Q, head_title: Giám đốc, title: Phó Giám đốc}"), "q")
    assert findings(alone) == [] and findings(acting) == []
    target, _ = api.build(str(acting), str(tmp_path / "q.docx"))
    assert signature(target) == ["Q. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_new_writes_kt_for_a_department_s_deputy_and_tm_for_a_committee(tmp_path):
    cases = {
        "bc-stttt-quy": ("Sở Khoa học và Công nghệ", "department", "quarter:1", None),
        "cds-xa-2025": ("Ủy ban nhân dân xã Tân An", "commune", "half_year:1", "Ủy ban nhân dân"),
    }
    for outline, (body, level, period, collective) in cases.items():
        target = tmp_path / f"{outline}.yaml"
        args = ["new", "--outline", outline, "--no-input", "--issuing-body", body, "--level", level]
        args += [
            "--period",
            period,
            "--year",
            "2026",
            "--signer-title",
            "Phó " + ("Giám đốc" if not collective else "Chủ tịch"),
        ]
        result = CliRunner().invoke(main, [*args, "-o", str(target)])
        assert result.exit_code == 0, result.output
        signer = yaml.safe_load(target.read_text(encoding="utf-8"))["document"]["signer"]
        assert signer.get("on_behalf_of") == collective
        assert signer["authority"] == "KT"
        assert signer["head_title"] == ("Chủ tịch" if collective else "Giám đốc")


# --- 2. The date line ------------------------------------------------------------------------------------------


def date_line(path: Path) -> str:
    """The place and date, as the header's second row prints them."""
    document = docx.Document(str(path))
    return document.tables[0].rows[1].cells[1].text.replace("\u00a0", " ")


def undated(text: str, period: str, extra: str = "") -> str:
    text = text.replace("  number: 5\n", "").replace("  date: 05/01/2024\n", extra)
    return text.replace("  period: {type: year, year: 2023}", f"  period: {period}")


@pytest.mark.parametrize(
    ("period", "extra", "year"),
    [
        ("{type: half_year, number: 1, year: 2023}", "", "2023"),  # figures end 14/6: issued in 2023
        ("{type: year, year: 2023}", "", "20"),  # figures end 14/12: 2023 or 2024, the văn thư's to write
        ("{type: year, year: 2023}", "  requested_by: {type: Công văn, number: 15/UBND-VX, date: 02/12/2023, "
         "deadline: 20/12/2023}\n", "2023"),  # due 20/12/2023
        ("{type: year, year: 2023}", "  requested_by: {type: Công văn, number: 15/UBND-VX, date: 02/12/2023, "
         "deadline: 10/01/2024}\n", "20"),  # due in the next year: either
        ("{type: half_year, number: 1, year: 2023}", "  requested_by: {type: Công văn, number: 15/UBND-VX, "
         "date: 02/5/2023}\n", "2023"),
    ],
)  # fmt: skip
def test_an_undated_report_prints_its_year_only_when_certain(tmp_path, period, extra, year):
    path = write(tmp_path, undated(MINIMAL, period, extra))
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    line = " ".join(date_line(target).split())
    assert line == f"Tịnh Hà, ngày tháng năm {year}", line
    annex_year = api.load(str(path)).report.document.issue_year
    assert annex_year == (int(year) if year != "20" else None)


def test_a_report_citing_a_document_of_the_next_year_is_never_dated_in_its_period_s_year(tmp_path):
    cited = '      - "- Thực hiện Kế hoạch số 12/KH-UBND ngày 12/01/2024 của UBND huyện."\n'
    text = undated(MINIMAL, "{type: year, year: 2023}").replace('      - "- Tiếp tục triển khai."\n', cited)
    path = write(tmp_path, text)
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert " ".join(date_line(target).split()) == "Tịnh Hà, ngày tháng năm 2024"


def test_the_examples_date_lines(built):
    lines = {name: " ".join(date_line(path).split()) for name, path in built.items()}
    assert lines["tra-bong-2023"] == "Trà Bồng, ngày tháng năm 2024"  # a 2023 report citing plans of January 2024
    assert lines["xa-minh-tan-2025-h2"] == "Minh Tân, ngày 05 tháng 01 năm 2026"  # the year of its date
    assert lines["binh-son-2022-h1"] == "Bình Sơn, ngày tháng năm 2022"
