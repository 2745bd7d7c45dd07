"""The reporting calendar of Decree 09/2019: the data cut-off window, a stated window, deadlines."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from click.testing import CliRunner

from baocao import api
from baocao.cli.main import main
from baocao.model.calendar import Cutoff, Deadline, Window, calendar
from baocao.model.period import Period

from .conftest import EXAMPLES, MINIMAL, write

D = dt.date


@pytest.mark.parametrize(
    ("kind", "number", "year", "start", "end"),
    [
        ("month", 1, 2024, D(2023, 12, 15), D(2024, 1, 14)),
        ("month", 2, 2024, D(2024, 1, 15), D(2024, 2, 14)),
        ("month", 12, 2024, D(2024, 11, 15), D(2024, 12, 14)),
        ("quarter", 1, 2019, D(2018, 12, 15), D(2019, 3, 14)),
        ("quarter", 2, 2019, D(2019, 3, 15), D(2019, 6, 14)),
        ("quarter", 3, 2019, D(2019, 6, 15), D(2019, 9, 14)),
        ("quarter", 4, 2019, D(2019, 9, 15), D(2019, 12, 14)),
        ("half_year", 1, 2022, D(2021, 12, 15), D(2022, 6, 14)),
        ("half_year", 2, 2022, D(2022, 6, 15), D(2022, 12, 14)),
        ("nine_months", None, 2022, D(2021, 12, 15), D(2022, 9, 14)),
        ("year", None, 2023, D(2022, 12, 15), D(2023, 12, 14)),
    ],
)
def test_each_period_knows_its_data_cut_off_window(kind, number, year, start, end):
    assert Period(type=kind, number=number, year=year).window == Window(start, end)


@pytest.mark.parametrize("kind", ["month", "quarter", "half_year"])
def test_consecutive_windows_leave_no_day_out(kind):
    period = Period(type=kind, number=1, year=2021)
    for _ in range(30):
        following = period.following()
        assert following.window.start == period.window.end + dt.timedelta(days=1)
        period = following


def test_the_window_as_reports_print_it():
    window = Period(type="half_year", number=1, year=2022).window
    assert window.sentence == "Số liệu tính từ ngày 15/12/2021 đến ngày 14/6/2022"
    assert Window(None, D(2019, 3, 10)).sentence == "Số liệu tính đến ngày 10/3/2019"


def test_a_regime_sets_its_own_window_and_the_unit_overrides_it():
    rule = Period(type="quarter", number=1, year=2019).window
    regime = Cutoff(start="01/01/2019", end="31/3/2019", show="true")
    unit = Cutoff(end="10/3/2019")
    assert calendar(rule, [None, regime], []).window == Window(D(2019, 1, 1), D(2019, 3, 31))
    chosen = calendar(rule, [unit, regime], [])
    assert chosen.window == Window(None, D(2019, 3, 10)) and chosen.stated
    assert chosen.shown, "the regime asks for the window to be printed and the unit does not say otherwise"
    assert not calendar(rule, [Cutoff(show="false"), regime], []).shown
    by_rule = calendar(rule, [None, Cutoff(show="true")], [None])
    assert by_rule.window == rule and not by_rule.stated and by_rule.deadline is None
    due = Deadline(D(2019, 3, 20), "Công văn số 381/SKHĐT-THKTKG")
    assert calendar(rule, [], [None, due]).deadline == due


def findings(tmp_path, text: str) -> list[api.Finding]:
    return api.load(str(write(tmp_path, text))).findings


def codes(tmp_path, text: str) -> list[str]:
    return [f.code for f in findings(tmp_path, text)]


def quarter_one(date: str, extra: str = "") -> str:
    """The minimal unit as a quarter-I 2019 report dated ``date``; ``extra`` goes into ``document``."""
    text = MINIMAL.replace("period: {type: year, year: 2023}", "period: {type: quarter, number: 1, year: 2019}")
    text = text.replace("date: 05/01/2024", f"date: {date}")
    return text.replace("  recipients:", extra + "  recipients:")


def test_seed_004_dated_on_its_cut_off_has_no_early_warning():
    example = next(p for p in EXAMPLES if p.stem == "tra-vinh-stttt-2019-q1")
    assert "date: 14/3/2019" in example.read_text(encoding="utf-8")
    assert [f.code for f in api.load(str(example)).findings] == []


def test_a_report_dated_one_day_before_the_cut_off_is_warned_with_the_window_named(tmp_path):
    assert codes(tmp_path, quarter_one("14/3/2019")) == []
    (finding,) = findings(tmp_path, quarter_one("13/3/2019"))
    assert finding.code == "BC306" and finding.line == 11
    message = finding.message("vi")
    assert "13/3/2019" in message and "từ ngày 15/12/2018 đến ngày 14/3/2019" in message
    assert "Nghị định 09/2019" in message
    assert "from 15/12/2018 to 14/3/2019" in finding.message("en")
    assert "cutoff: {end: 13/3/2019}" in finding.hint("vi")


def test_a_unit_that_states_its_own_cut_off(tmp_path):
    stated = "  cutoff: {end: 10/3/2019}\n"
    assert codes(tmp_path, quarter_one("10/3/2019", stated)) == []
    (finding,) = findings(tmp_path, quarter_one("09/3/2019", stated))
    assert finding.code == "BC306"
    assert "đến ngày 10/3/2019" in finding.message("vi") and "đã ghi" in finding.message("vi")
    window = "  cutoff: {start: 01/01/2019, end: 31/3/2019}\n"
    assert codes(tmp_path, quarter_one("20/3/2019", window)) == ["BC306"]
    assert codes(tmp_path, quarter_one("31/3/2019", window)) == []


@pytest.mark.parametrize(
    "stated",
    ["{end: 31/12/2018}", "{end: 01/4/2019}", "{start: 15/12/2017, end: 14/3/2018}", "{end: 14/3/2020}"],
)
def test_a_stated_cut_off_outside_the_period_is_an_error(tmp_path, stated):
    (finding,) = [f for f in findings(tmp_path, quarter_one("14/3/2019", f"  cutoff: {stated}\n")) if f.code != "BC306"]
    assert (finding.code, finding.line) == ("BC311", 14)
    assert "01/01/2019" in finding.message("vi") and "31/3/2019" in finding.message("vi")


@pytest.mark.parametrize(
    ("stated", "code", "says"),
    [
        ("{start: 01/01/2019}", "BC110", "end"),
        ("{start: 14/3/2019, end: 01/3/2019}", "BC110", "sau ngày cuối"),
        ("{end: 31/2/2019}", "BC107", ""),
        ("{end: 14/3/2019, show: maybe}", "BC108", ""),
    ],
)
def test_an_impossible_cut_off_is_refused_at_its_line(tmp_path, stated, code, says):
    (finding,) = findings(tmp_path, quarter_one("14/3/2019", f"  cutoff: {stated}\n"))
    assert (finding.code, finding.line) == (code, 14) and says in finding.message("vi")


REQUEST = "  requested_by: {{type: Công văn, number: 381/SKHĐT-THKTKG, date: 07/3/2019, deadline: {deadline}}}\n"


def test_a_report_dated_after_the_deadline_of_its_request_is_warned(tmp_path):
    assert codes(tmp_path, quarter_one("15/3/2019", REQUEST.format(deadline="15/3/2019"))) == []
    (finding,) = findings(tmp_path, quarter_one("16/3/2019", REQUEST.format(deadline="15/3/2019")))
    assert (finding.code, finding.line) == ("BC310", 11)
    assert finding.message("vi") == (
        "Ngày báo cáo 16/3/2019 sau thời hạn 15/3/2019 do Công văn số 381/SKHĐT-THKTKG đặt ra."
    )
    assert "after the deadline 15/3/2019" in finding.message("en")


def test_a_deadline_before_the_request_itself_is_refused(tmp_path):
    assert codes(tmp_path, quarter_one("14/3/2019", REQUEST.format(deadline="01/3/2019"))) == ["BC110"]


def test_a_deadline_is_only_read_from_the_requesting_document(tmp_path):
    first = '      - "- Chỉ đạo triển khai."\n'
    cited = "      - citation: {type: Kế hoạch, number: 90/KH-UBND, date: 01/3/2019, deadline: 10/3/2019}\n"
    (finding,) = findings(tmp_path, quarter_one("14/3/2019").replace(first, first + cited))
    assert (finding.code, finding.line) == ("BC102", 21) and "deadline" in finding.message("vi")


def paragraphs(tmp_path, text: str, *options: str) -> tuple[list[str], str]:
    source = write(tmp_path, text)
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "o.docx"), *options])
    assert result.exit_code == 0, result.output
    return [p.text for p in docx.Document(str(tmp_path / "o.docx")).paragraphs], result.output


def test_the_report_prints_its_window_when_the_unit_asks(tmp_path):
    plain, _ = paragraphs(tmp_path, MINIMAL)
    assert not any("Số liệu tính" in text for text in plain)
    shown, _ = paragraphs(tmp_path, MINIMAL.replace("  recipients:", "  cutoff: {show: true}\n  recipients:"))
    assert "(Số liệu tính từ ngày 15/12/2022 đến ngày 14/12/2023)" in shown
    stated = "  cutoff: {end: 30/11/2023, show: true}\n  recipients:"
    shown, _ = paragraphs(tmp_path, MINIMAL.replace("  recipients:", stated))
    assert "(Số liệu tính đến ngày 30/11/2023)" in shown


def test_a_template_that_leaves_the_window_out_is_warned(tmp_path):
    folder = tmp_path / "tpl"
    folder.mkdir()
    sections = "{% for section in view.outline().sections %}<h1>{{ section.title }}</h1>{% endfor %}"
    (folder / "outline.xml.j2").write_text(sections, "utf-8")
    _, output = paragraphs(tmp_path, MINIMAL, "--templates", str(folder))
    assert "BC403" not in output, "the frame shows all the unit holds but the window it does not ask for"
    text = MINIMAL.replace("  recipients:", "  cutoff: {show: true}\n  recipients:")
    _, output = paragraphs(tmp_path, text, "--templates", str(folder))
    assert "BC403" in output and "document.cutoff" in output
