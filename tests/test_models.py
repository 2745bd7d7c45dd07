"""The data model: periods, signer lines, citations, and schema errors placed on their line."""

from __future__ import annotations

import datetime as dt

import pytest

from baocao.blocks.citation import Citation
from baocao.load.source import parse
from baocao.load.typed import type_as
from baocao.model.period import Period
from baocao.report import Report
from baocao.report.document import Signer

from .conftest import MINIMAL


@pytest.mark.parametrize(
    ("kind", "number", "label", "end", "following"),
    [
        ("month", 2, "tháng 2 năm 2024", dt.date(2024, 2, 29), "tháng 3 năm 2024"),
        ("quarter", 1, "quý I/2019", dt.date(2019, 3, 31), "quý II/2019"),
        ("quarter", 4, "quý IV/2019", dt.date(2019, 12, 31), "quý I/2020"),
        ("half_year", 1, "06 tháng đầu năm 2022", dt.date(2022, 6, 30), "06 tháng cuối năm 2022"),
        ("half_year", 2, "06 tháng cuối năm 2022", dt.date(2022, 12, 31), "06 tháng đầu năm 2023"),
        ("nine_months", None, "09 tháng đầu năm 2022", dt.date(2022, 9, 30), "quý IV/2022"),
        ("year", None, "năm 2023", dt.date(2023, 12, 31), "năm 2024"),
    ],
)
def test_periods(kind, number, label, end, following):
    period = Period(type=kind, number=number, year=int(label[-4:]))
    assert period.label == label
    assert period.end == end
    assert period.following().label == following


@pytest.mark.parametrize(("kind", "number"), [("quarter", 5), ("quarter", None), ("half_year", 3), ("year", 2)])
def test_period_numbers_must_fit_the_kind(kind, number):
    with pytest.raises(ValueError, match=r"số thứ tự|kỳ"):
        Period(type=kind, number=number, year=2024)


def test_signer_lines():
    ubnd = Signer(on_behalf_of="Ủy ban nhân dân", authority="KT", head_title="Chủ tịch", title="Phó Chủ tịch", name="A")
    assert ubnd.lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert Signer(title="Giám đốc", name="B").lines == ["GIÁM ĐỐC"]
    with pytest.raises(ValueError, match="head_title"):
        Signer(authority="KT", title="Phó Giám đốc", name="C")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "type": "Kế hoạch",
                "number": "90/KH-UBND",
                "date": "27/6/2022",
                "issuer": "UBND huyện",
                "subject": "xây dựng chính quyền số",
            },
            "Kế hoạch số 90/KH-UBND ngày 27/6/2022 của UBND huyện về xây dựng chính quyền số",
        ),
        ({"type": "Chỉ thị", "number": "19-CT/TU", "date": "2022-05-18"}, "Chỉ thị số 19-CT/TU ngày 18/5/2022"),
        (
            {"type": "Nghị định", "number": "43/2011/NĐ-CP", "subject": "về cung cấp thông tin"},
            "Nghị định số 43/2011/NĐ-CP về cung cấp thông tin",
        ),
        (
            {"type": "Công văn", "number": "847/STTTT-BCVT&CNTT", "date": "22/6/2022", "subject": "V/v báo cáo"},
            "Công văn số 847/STTTT-BCVT&CNTT ngày 22/6/2022 V/v báo cáo",
        ),
    ],
)
def test_citations_read_as_reports_cite_them(fields, expected):
    assert Citation(**fields).citation == expected


def typed(text: str):
    source, findings = parse(text.encode("utf-8"), "unit.yaml")
    assert findings == []
    return type_as(Report, source)


FIRST = '- "- Chỉ đạo triển khai."'
"""The first block of the minimal unit, on line 20."""


def test_the_minimal_unit_is_valid():
    report, findings = typed(MINIMAL)
    assert findings == [] and report is not None
    assert report.document.number_line == "Số: 05/BC-UBND"


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "hint_part"),
    [
        ("number: 5", "number: 1.000", "BC104", 8, "1000"),
        ("number: 5", "number: 05", "BC106", 8, "5"),
        ("number: 5", "number: năm", "BC105", 8, ""),
        ("date: 05/01/2024", "date: 31/02/2024", "BC107", 11, "27/6/2022"),
        ("level: commune", "level: xa", "BC108", 3, "cấp xã, cấp huyện, sở, ngành, cấp tỉnh"),
        ("  recipients:", "  recipient:", "BC102", 14, "recipients"),
        ("  symbol: BC-UBND\n", "", "BC101", 1, "symbol"),
        ("{type: year, year: 2023}", "{type: year, year: 1800}", "BC109", 12, ""),
        ("symbol: BC-UBND", "symbol: BC - UBND", "BC110", 9, ""),
        ("    content:", "    contens:", "BC102", 19, "content"),
        (FIRST, "- figure: {key: a, label: A, valeu: 3}", "BC102", 20, "value"),  # in a model validated on its own
        (FIRST, "- figure: {key: a, label: A, value: 1.000}", "BC104", 20, "1000"),
    ],
)
def test_schema_errors_are_placed_and_explained(old, new, code, line, hint_part):
    report, findings = typed(MINIMAL.replace(old, new, 1))
    assert report is None
    assert [f.code for f in findings] == [code]
    assert findings[0].line == line
    assert hint_part in findings[0].hint("vi") + findings[0].message("vi")
    assert findings[0].message("en") and findings[0].message("vi") != findings[0].message("en")


def _models_in(schema: object) -> set[str]:
    """The models a core schema validates itself (not through another model's own validator)."""
    if isinstance(schema, dict):
        found = {schema["cls"].__name__} if schema.get("type") == "model" else set()
        return found.union(*(_models_in(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_models_in(value) for value in schema))
    return set()


def test_the_report_validator_leaves_each_type_of_block_to_a_validator_built_when_needed():
    """A file pays for the types it uses: no validator for the format by topic, a roll-up's data, or a block type
    it does not have."""
    from baocao.report import Report

    Report.model_rebuild()  # built, as the first file read builds it
    inline = _models_in(Report.__pydantic_core_schema__)
    assert {"Section", "Document"} <= inline
    built_later = {"Block", "Rollup", "UnitRow"}  # the entry of content is built from the registry when needed
    assert not (built_later | {"TableBlock", "TasksBlock", "Budget", "Radio", "FigureBlock", "Citation"}) & inline
    report, findings = typed(MINIMAL.replace(FIRST, FIRST + "\n      - figure: {key: a, label: A, value: 3}"))
    assert findings == [] and report is not None
    text, figure = report.sections[0].content
    assert text.text == "- Chỉ đạo triển khai." and figure.figure is not None and figure.figure.value.value == 3


def test_every_error_of_a_file_is_reported_at_once():
    text = MINIMAL.replace("number: 5", "number: 1.000").replace("level: commune", "level: xa")
    _, findings = typed(text)
    assert sorted(f.code for f in findings) == ["BC104", "BC108"]


def test_every_missing_key_of_one_mapping_is_reported_at_once():
    _, findings = typed("document: {kind: outline}\n")
    missing = sorted(f.params["field"] for f in findings if f.code == "BC101")
    assert missing == sorted(
        ["level", "place", "issuing_body", "short_name", "area", "symbol", "period", "subject", "signer"]
    )
    assert all((f.line, f.col) == (1, 1) for f in findings)
