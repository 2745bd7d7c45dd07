"""A đề cương as a file: found by id, by path or in a shared folder; its regime and blanks in validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baocao import api
from baocao.outline.model import on_or_after

from .conftest import write

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "xa-minh-tan-2025-h2.yaml"

OUTLINE = """\
outline:
  id: thu-nghiem
  title: Đề cương thử nghiệm
regime:
  periods: [quarter]
  deadline:
    quarter: {date: 20/3}
sections:
  - key: ket_qua
    title: Kết quả
    expects:
      - figure: {key: bts, label: Trạm BTS, unit: trạm}
      - answer: {key: mot_cua, label: Có bộ phận một cửa, required: false}
"""

UNIT = """\
document:
  outline: {outline}
  level: commune
  issuing_body: Ủy ban nhân dân xã Tân An
  short_name: UBND xã Tân An
  area: xã Tân An
  symbol: BC-UBND
  place: Tân An
  date: {date}
  period: {{type: quarter, number: 1, year: 2026}}
  subject: kết quả
  signer: {{title: Chủ tịch, name: Nguyễn Văn A}}
sections:
  - key: ket_qua
    title: Kết quả
    content:
      - figure: {{key: bts, label: Trạm BTS, unit: trạm{value}}}
      - answer: {{key: mot_cua, label: Có bộ phận một cửa}}
      - Đã làm tốt.
"""


def codes(path: Path) -> list[tuple[str, int, str]]:
    return [(Path(f.path).name, f.line, f.code) for f in api.load(str(path)).findings]


def unit(tmp_path: Path, outline: str = "de-cuong.yaml", date: str = "18/3/2026", value: str = ", value: 12") -> Path:
    return write(tmp_path, UNIT.format(outline=outline, date=date, value=value))


def test_an_outline_named_by_path_is_read_beside_the_unit_and_its_regime_sets_the_deadline(tmp_path: Path) -> None:
    write(tmp_path, OUTLINE, "de-cuong.yaml")
    assert codes(unit(tmp_path)) == []
    late = unit(tmp_path, date="25/3/2026")
    found = api.load(str(late)).findings
    assert [(f.line, f.code) for f in found] == [(9, "BC310")]
    assert "20/3/2026" in found[0].message() and "thu-nghiem" in found[0].message()


def test_an_outline_named_by_id_is_found_in_a_shared_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    write(shared, OUTLINE, "thu-nghiem.yaml")
    path = unit(tmp_path, outline="thu-nghiem")
    assert [c for _, _, c in codes(path)] == ["BC601"]
    monkeypatch.setenv("BAOCAO_OUTLINES", str(shared))
    assert codes(path) == []


def test_an_unknown_outline_names_the_place_and_the_known_ones(tmp_path: Path) -> None:
    (finding,) = api.load(str(unit(tmp_path, outline="khong-co"))).findings
    assert (finding.line, finding.col, finding.code) == (2, 12, "BC601")
    assert "cds-xa-2025" in finding.hint()


def test_errors_of_the_outline_are_reported_in_the_outline_file(tmp_path: Path) -> None:
    write(tmp_path, OUTLINE.replace("periods: [quarter]", "periods: [quater]"), "de-cuong.yaml")
    assert codes(unit(tmp_path)) == [("de-cuong.yaml", 5, "BC108"), ("unit.yaml", 2, "BC602")]


def test_validate_checks_an_outline_file_as_an_outline(tmp_path: Path) -> None:
    path = write(tmp_path, OUTLINE.replace("label: Trạm BTS, ", ""), "de-cuong.yaml")
    assert codes(path) == [("de-cuong.yaml", 12, "BC101")]
    assert codes(write(tmp_path, OUTLINE, "ok.yaml")) == []


def test_an_item_marked_by_unit_whose_type_has_no_annex_row_is_refused(tmp_path: Path) -> None:
    marked = OUTLINE + "      - tasks: {key: nhiem_vu, label: Nhiệm vụ trong kỳ, by_unit: true}\n"
    path = write(tmp_path, marked, "de-cuong.yaml")
    (finding,) = api.load(str(path)).findings
    assert (finding.code, finding.line, finding.params["field"]) == ("BC102", 14, "by_unit")
    assert codes(write(tmp_path, marked.replace(", by_unit: true", ""), "ok.yaml")) == []


def test_a_blank_value_is_an_error_unless_the_outline_lets_it_be_left_out(tmp_path: Path) -> None:
    write(tmp_path, OUTLINE, "de-cuong.yaml")
    assert codes(unit(tmp_path, value="")) == [("unit.yaml", 17, "BC604")]


def test_a_blank_block_is_not_printed(tmp_path: Path) -> None:
    write(tmp_path, OUTLINE, "de-cuong.yaml")
    target, findings = api.build(str(unit(tmp_path)), str(tmp_path / "out.docx"))
    import docx

    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Trạm BTS: 12 trạm" in text
    assert "một cửa" not in text
    assert findings == []


def test_the_post_2025_example_follows_the_built_in_outline() -> None:
    report = api.load(str(EXAMPLE)).report
    assert report is not None and report.followed.outline.id == "cds-xa-2025"
    assert api.load(str(EXAMPLE)).findings == []


@pytest.mark.parametrize(
    ("day_month", "earliest", "expected"),
    [
        ((15, 6), "2025-06-14", "2025-06-15"),
        ((10, 1), "2025-12-14", "2026-01-10"),
        ((29, 2), "2025-01-01", "2025-02-28"),
    ],
)
def test_a_day_and_month_falls_on_the_first_such_day_not_before(
    day_month: tuple[int, int], earliest: str, expected: str
) -> None:
    import datetime as dt

    assert on_or_after(day_month, dt.date.fromisoformat(earliest)).isoformat() == expected


def test_the_outline_is_listed_in_json_findings(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from baocao.cli.main import main

    result = CliRunner().invoke(main, ["validate", "--format", "json", str(unit(tmp_path, outline="khong-co"))])
    assert result.exit_code == 1
    assert json.loads(result.output)[0]["code"] == "BC601"
