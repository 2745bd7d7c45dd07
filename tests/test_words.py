"""The clerk's own words wherever a code is asked: periods, levels and answers, in files and options."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from baocao import api
from baocao.blocks.answer import ANSWER_SETS, match_answer
from baocao.cli.main import main
from baocao.model.period import Period, UnitLevel, read_level

ROOT = Path(__file__).resolve().parents[1]
GOOD = (ROOT / "data" / "examples" / "xa-minh-tan-2025-h2.yaml").read_text(encoding="utf-8")
PERIOD = "  period: {type: half_year, number: 2, year: 2025}"


@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("6 tháng đầu năm 2026", "06 tháng đầu năm 2026"),
        ("06 tháng cuối năm 2025", "06 tháng cuối năm 2025"),
        ("sáu tháng cuối năm 2025", "06 tháng cuối năm 2025"),
        ("quý I/2026", "quý I/2026"),
        ("Quý 1 năm 2026", "quý I/2026"),
        ("quý IV năm 2025", "quý IV/2025"),
        ("năm 2026", "năm 2026"),
        ("tháng 3/2026", "tháng 3 năm 2026"),
        ("tháng 12 năm 2025", "tháng 12 năm 2025"),
        ("9 tháng năm 2026", "09 tháng đầu năm 2026"),
        ("9 tháng đầu năm 2026", "09 tháng đầu năm 2026"),
        ({"type": "quý", "number": "II", "year": 2026}, "quý II/2026"),
        ({"type": "6 tháng", "number": 1, "year": 2026}, "06 tháng đầu năm 2026"),
        ({"type": "half_year", "number": 1, "year": 2026}, "06 tháng đầu năm 2026"),  # the codes still
    ],
)
def test_a_period_in_words_reads_as_its_codes(words, label):
    assert Period.model_validate(words).label == label


@pytest.mark.parametrize(
    ("words", "level"),
    [
        ("cấp xã", "commune"), ("xã", "commune"), ("Phường", "commune"), ("thị trấn", "commune"),
        ("huyện", "district"), ("cấp huyện", "district"), ("quận", "district"), ("sở", "department"),
        ("Sở, ngành", "department"), ("tỉnh", "province"), ("cấp tỉnh", "province"), ("bộ", "ministry"),
        ("trung ương", "national"), ("commune", "commune"),
    ],
)  # fmt: skip
def test_a_level_in_words_reads_as_its_code(words, level):
    assert read_level(words) == UnitLevel(level)


def test_answers_in_a_clerk_s_words_are_the_choices_they_name():
    assert match_answer("có", ANSWER_SETS["yes_no"]) == "Có"
    assert match_answer("chưa", ANSWER_SETS["yes_no"]) == "Không"
    assert match_answer("chưa", ANSWER_SETS["done"]) == "Chưa thực hiện"
    assert match_answer("xong", ANSWER_SETS["done"]) == "Đã thực hiện"
    assert match_answer("có", ANSWER_SETS["posted"]) == "Có đăng"
    assert match_answer("xong", ANSWER_SETS["yes_no"]) is None  # a word only where it answers


def in_words() -> str:
    text = GOOD.replace("  level: commune", "  level: cấp xã").replace(PERIOD, "  period: 6 tháng cuối năm 2025")
    text = text.replace("value: Có}", "value: có}")
    return text.replace("integrated: Có, stats: Có đăng", "integrated: có, stats: có")


def test_a_file_in_words_builds_the_report_the_codes_build(tmp_path):
    words, codes = tmp_path / "words.yaml", tmp_path / "codes.yaml"
    words.write_text(in_words(), encoding="utf-8")
    codes.write_text(GOOD, encoding="utf-8")
    assert api.load(str(words)).findings == []
    built_words, _ = api.build(str(words), str(tmp_path / "words.docx"))
    built_codes, _ = api.build(str(codes), str(tmp_path / "codes.docx"))
    assert built_words.read_bytes() == built_codes.read_bytes()


def test_next_writes_the_codes_of_a_file_in_words(tmp_path):
    words = tmp_path / "xa-2025-h2.yaml"
    words.write_text(in_words(), encoding="utf-8")
    _, text = api.next_file(str(words), str(tmp_path / "next.yaml"))
    assert "  level: commune\n" in text and "cấp xã" not in text.split("document:")[1].split("\n")[1]
    assert "    type: half_year\n    number: 1\n    year: 2026" in text.replace("'", "").replace('"', "")


def test_an_outline_names_its_reporters_and_periods_in_words(tmp_path):
    outline = (ROOT / "src" / "baocao" / "data" / "outlines" / "cds-xa-2025.yaml").read_text(encoding="utf-8")
    assert "reporters: [commune]" in outline and "periods: [half_year, year]" in outline
    changed = outline.replace("reporters: [commune]", "reporters: [cấp xã]")
    changed = changed.replace("periods: [half_year, year]", "periods: [6 tháng, năm]")
    (tmp_path / "o.yaml").write_text(changed, encoding="utf-8")
    args = ["new", "--outline", str(tmp_path / "o.yaml"), "--no-input", "-o", str(tmp_path / "u.yaml")]
    result = CliRunner().invoke(main, [*args, "--period", "quý I"], prog_name="baocao")
    assert result.exit_code == 2 and "yêu cầu báo cáo kỳ 6 tháng hoặc năm" in result.output


def test_form_takes_a_period_in_words(tmp_path):
    target = tmp_path / "f.xlsx"
    args = ["form", "cds-xa-2025", "--period", "6 tháng đầu", "--year", "2026", "-o", str(target)]
    result = CliRunner().invoke(main, args, prog_name="baocao")
    assert result.exit_code == 0, result.output
    assert target.exists()
