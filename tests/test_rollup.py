"""rollup sums by hand-checked figures; batch build; PDF in one LibreOffice call."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from baocao import api

from .conftest import pdf_ready

HEAD = """document:
  level: commune
  issuing_body: Ủy ban nhân dân {name}
  short_name: UBND {name}
  area: {name}
  symbol: BC-UBND
  place: Quảng Ngãi
  period: {{type: half_year, number: 1, year: 2025}}
  subject: tình hình thông tin và truyền thông
  signer: {{title: Chủ tịch, name: Nguyễn Văn A}}
"""
UNIT_A = (
    HEAD.format(name="xã An")
    + """sections:
  - title: Hạ tầng
    key: ha_tang
    content:
      - Đã lắp thêm trạm BTS.
      - figure: {key: bts, label: Trạm BTS, value: 10, unit: trạm}
      - radio:
          communes: 1
          stations: [{commune: An, type: wired}]
      - budget:
          items: [{name: Máy tính, amount: "100,5"}, {name: Hỗ trợ, source: VNPT hỗ trợ}]
  - title: Chính quyền số
    key: chinh_quyen_so
    content:
      - figure: {key: dvc, label: Dịch vụ công, parts: [{label: một phần, value: 3}, {label: toàn trình, value: 1}]}
      - indicator: {key: cccd, label: CCCD, count: 90, total: 100, percent: "90"}
      - public_services:
          dossiers:
            by_field: [{field: Đất đai, received: 10, on_time: 8, pending: 2}]
      - teams:
          - {level: Cấp thôn, teams: 5, units: 5, members: 20}
"""
)
UNIT_B = (
    HEAD.format(name="xã Bình")
    + """sections:
  - title: Hạ tầng
    key: ha_tang
    content:
      - figure: {key: bts, label: Trạm BTS, value: 5, unit: trạm}
      - radio:
          communes: 2
          stations: [{commune: An, type: wireless}, {commune: Bình, type: wireless}]
      - budget:
          unit: nghìn đồng
          items: [{name: Loa, amount: "2500"}]
  - title: Chính quyền số
    key: chinh_quyen_so
    content:
      - figure: {key: dvc, label: Dịch vụ công, parts: [{label: một phần, value: 2}, {label: toàn trình, value: 2}]}
      - indicator: {key: cccd, label: CCCD, count: 1, total: 900}
      - public_services:
          dossiers:
            by_field: [{field: Đất đai, received: 5, on_time: 5}, {field: Hộ tịch, received: 7, on_time: 7}]
      - teams:
          - {level: Cấp thôn, teams: 3, units: 4, members: 9}
"""
)
PROVINCE = (
    HEAD.format(name="tỉnh Quảng Ngãi")
    .replace("level: commune", "level: province")
    .replace("Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Khoa học và Công nghệ")
    + 'sections:\n  - title: Nhiệm vụ kỳ tới\n    key: nhiem_vu\n    content:\n      - "- Tiếp tục."\n'
)


@pytest.fixture
def units(tmp_path: Path) -> Path:
    folder = tmp_path / "units"
    folder.mkdir()
    (folder / "an.yaml").write_text(UNIT_A, encoding="utf-8")
    (folder / "binh.yaml").write_text(UNIT_B, encoding="utf-8")
    (tmp_path / "province.yaml").write_text(PROVINCE, encoding="utf-8")
    return folder


def rolled(units: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = units.parent / "out.yaml"
    command = [sys.executable, "-m", "baocao", "rollup", str(units), "--unit", str(units.parent / "province.yaml")]
    result = subprocess.run([*command, "-o", str(out), *extra], capture_output=True, text=True, check=False)
    return result, out


def blocks(report: Any) -> dict[str, Any]:
    """The blocks of a rolled-up report by type and key (by type alone for those without one); text left out."""
    found = {}
    for _, block in report.blocks():
        key = getattr(block.value, "key", None)
        if block.kind != "text":
            found[f"{block.kind}:{key}" if key else block.kind] = block.value
    return found


def figures_of(report: Any) -> dict[str, Any]:
    return {
        key.partition(":")[2]: value.total.value for key, value in blocks(report).items() if key.startswith("figure:")
    }


def test_sums_and_recomputed_ratios(units):
    result, out = rolled(units)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Tệp do `baocao rollup` tổng hợp từ 2 tệp của các đơn vị.")
    loaded = api.load(str(out))
    report = loaded.report
    assert report is not None
    assert loaded.findings == []  # every block the units wrote is shown where it stands
    summed = blocks(report)
    assert summed["figure:bts"].total.value == 15
    assert {p.label: p.value.value for p in summed["figure:dvc"].parts} == {"một phần": 5, "toàn trình": 3}
    cccd = summed["indicator:cccd"]
    assert (cccd.count, cccd.total, cccd.percent) == (91, 1000, None)  # 9,1%, not the mean of 90% and 0,1%
    (team,) = summed["teams"]
    assert (team.teams, team.units, team.members) == (8, 9, 29)
    radio = summed["radio"]
    assert radio.communes == 3 and radio.total == 3
    assert sorted(s.commune for s in radio.stations) == ["An (UBND xã An)", "An (UBND xã Bình)", "Bình"]
    budget = summed["budget"]
    assert [g.name for g in budget.groups] == ["UBND xã An", "UBND xã Bình"]
    assert budget.computed == Decimal("103.0")  # 100,5 triệu + 2.500 nghìn đồng
    dossiers = {row.field_name: row for row in summed["public_services"].dossiers.by_field}
    assert (dossiers["Đất đai"].received, dossiers["Đất đai"].pending) == (15, None)  # one unit left it blank
    assert report.document.issuing_body == "Sở Khoa học và Công nghệ"
    assert [u.name for u in report.rollup.units] == ["UBND xã An", "UBND xã Bình"]
    texts = [block.value for _, block in report.blocks() if block.kind == "text"]
    assert texts == ["- Tiếp tục."]  # the level above's own text; the units' stays in their reports


def test_the_unit_file_among_the_units_is_not_one_of_them(units):
    province = units / "province.yaml"
    (units.parent / "province.yaml").replace(province)
    out = units.parent / "out.yaml"
    command = [sys.executable, "-m", "baocao", "rollup", str(units), "--unit", str(province), "-o", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    report = api.load(str(out)).report
    assert report is not None
    assert [u.name for u in report.rollup.units] == ["UBND xã An", "UBND xã Bình"]
    assert figures_of(report)["bts"] == 15


def test_invalid_units_stop_the_rollup_unless_skipped(units):
    (units / "broken.yaml").write_text(UNIT_A.replace("value: 10", "value: 1.000").replace("xã An", "xã Cũ"))
    result, out = rolled(units)
    assert result.returncode == 1 and not out.exists()
    assert "BC104" in result.stderr and "broken.yaml" in result.stderr
    assert "không ghi" in result.stderr and "--skip-invalid" in result.stderr  # nothing written, and how to go on
    result, out = rolled(units, "--skip-invalid")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Tệp do `baocao rollup` tổng hợp từ 2 tệp")  # of 3 files
    report = api.load(str(out)).report
    assert [(s.name, s.reason) for s in report.rollup.skipped] == [("UBND xã Cũ", "BC104")]  # the unit, not its file
    assert figures_of(report)["bts"] == 15
    target, _ = api.build(str(out))
    texts = " ".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Đã nhận nhưng chưa tổng hợp do dữ liệu có lỗi: UBND xã Cũ (BC104)." in texts
    assert "broken.yaml" not in texts and "Chưa nhận được báo cáo" not in texts  # received with errors: not missing


def test_mixed_periods_and_duplicate_units_are_refused(units):
    (units / "old.yaml").write_text(UNIT_A.replace("year: 2025", "year: 2024").replace("xã An", "xã Cũ"))
    result, _ = rolled(units)
    assert result.returncode == 1 and "khác kỳ báo cáo" in result.stderr
    (units / "old.yaml").unlink()
    (units / "again.yaml").write_text(UNIT_A)
    result, _ = rolled(units)
    assert result.returncode == 1 and "cùng đơn vị với" in result.stderr


def test_missing_units_are_reported(units):
    expect = units.parent / "expect.txt"
    expect.write_text("# communes\nUBND xã An\nbinh\nUBND xã Cát\n", encoding="utf-8")
    result, out = rolled(units, "--expect", str(expect))
    assert result.returncode == 0
    assert "UBND xã Cát" in result.stderr
    assert api.load(str(out)).report.rollup.missing == ["UBND xã Cát"]


def test_the_province_report_has_annexes_with_one_row_per_unit(units):
    _, out = rolled(units)
    target, _ = api.build(str(out))
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert "Phụ lục I" in texts and any(t.startswith("(Kèm theo Báo cáo số") for t in texts)
    table = next(t for t in document.tables if len(t.columns) > 2 and "Trạm BTS" in t.rows[0].cells[2].text)
    assert [c.text for c in table.rows[1].cells[:3]] == ["1", "UBND xã An", "10"]
    assert [c.text for c in table.rows[-1].cells[1:3]] == ["Tổng cộng", "15"]
    ratios = next(t for t in document.tables if len(t.columns) > 2 and "CCCD: số đạt" in t.rows[0].cells[2].text)
    assert [c.text for c in ratios.rows[-1].cells[2:5]] == ["91", "1.000", "9,1%"]
    sections = document.sections
    assert len(sections) >= 3
    starts = [s._sectPr.find(f"{{{docx.oxml.ns.nsmap['w']}}}pgNumType") for s in sections[1:]]
    assert all(start is not None and start.get(f"{{{docx.oxml.ns.nsmap['w']}}}start") == "1" for start in starts)


def test_the_provinces_own_annexes_come_before_those_of_one_row_per_unit(units):
    province = units.parent / "province.yaml"
    own = 'annexes:\n  - title: Danh mục văn bản chỉ đạo\n    content: ["- Kế hoạch số 12/KH-UBND."]\n'
    province.write_text(PROVINCE + own, encoding="utf-8")
    result, out = rolled(units)
    assert result.returncode == 0, result.stderr
    assert api.load(str(out)).report.annexes[0].title == "Danh mục văn bản chỉ đạo"
    target, _ = api.build(str(out))
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert texts[texts.index("Phụ lục I") + 2] == "DANH MỤC VĂN BẢN CHỈ ĐẠO" and "Phụ lục II" in texts


def test_wide_annexes_are_landscape(tmp_path):
    figures = "".join(f"      - figure: {{key: f{n}, label: F{n}, value: {n}}}\n" for n in range(8))
    folder = tmp_path / "units"
    folder.mkdir()
    section = "sections:\n  - title: Hạ tầng\n    content:\n" + figures
    (folder / "an.yaml").write_text(HEAD.format(name="xã An") + section, encoding="utf-8")
    (tmp_path / "province.yaml").write_text(PROVINCE, encoding="utf-8")
    result, out = rolled(folder)
    assert result.returncode == 0, result.stderr
    target, _ = api.build(str(out))
    sections = docx.Document(str(target)).sections
    assert sections[0].page_width < sections[0].page_height
    assert sections[1].page_width > sections[1].page_height


def test_batch_build_goes_on_past_a_broken_file(units, tmp_path):
    (units / "broken.yaml").write_text(UNIT_A.replace("symbol: BC-UBND", "symbol: CV-UBND"), encoding="utf-8")
    out = tmp_path / "built"
    result = subprocess.run([sys.executable, "-m", "baocao", "build", str(units), "-o", str(out), "-j", "2"],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["an.docx", "binh.docx"]
    assert "2/3" in result.stderr and "broken.yaml" in result.stderr and "BC301" in result.stderr


@pytest.mark.skipif(not pdf_ready(), reason="LibreOffice or a Vietnamese Times font is not installed")
def test_pdf_for_a_batch(units, tmp_path):
    out = tmp_path / "built"
    result = subprocess.run([sys.executable, "-m", "baocao", "build", str(units), "-o", str(out), "--pdf"],
                            capture_output=True, text=True, check=False, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["an.docx", "an.pdf", "binh.docx", "binh.pdf"]


def test_pdf_without_libreoffice_says_how_to_install_it(units, tmp_path, monkeypatch):
    from baocao.write import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(api.UserError, match="apt-get install libreoffice"):
        pdf.soffice()


def test_rollup_output_reads_back_as_written(units):
    _, out = rolled(units)
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    (infrastructure,) = [s for s in data["sections"] if s.get("key") == "ha_tang"]
    (budget,) = [block["budget"] for block in infrastructure["content"] if "budget" in block]
    assert budget["groups"][1]["items"][0]["amount"] == "2,5"
    assert api.load(str(out)).findings == []


def test_quoted_globs_are_expanded(units, tmp_path):
    out = tmp_path / "globbed"
    result = subprocess.run([sys.executable, "-m", "baocao", "build", str(units / "*.yaml"), "-o", str(out)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["an.docx", "binh.docx"]


def _texts(document: docx.document.Document) -> list[str]:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def test_annexes_beyond_the_row_budget_are_named_not_printed(units, monkeypatch):
    from baocao.render import annex

    _, out = rolled(units)
    monkeypatch.setattr(annex, "ANNEX_ROWS", 2)  # two units: room for the first table only
    document = docx.Document(str(api.build(str(out))[0]))
    texts = _texts(document)
    assert "Trạm BTS (trạm)" in texts and "CCCD: số đạt" not in texts
    note = next(text for text in texts if text.startswith("Do có 02 đơn vị, phụ lục không in 1 bảng theo đơn vị"))
    assert "(chỉ tiêu tỷ lệ theo đơn vị)" in note and "báo cáo của từng đơn vị" in note


@pytest.mark.skipif(not pdf_ready(), reason="LibreOffice or a Vietnamese Times font is not installed")
def test_a_province_of_hundreds_of_units_converts_to_a_bounded_number_of_pages(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(Path(__file__).resolve().parents[1] / "bench"))

    communes = generate.write(tmp_path, 300)  # communes answering the đề cương cds-xa-2025
    command = [sys.executable, "-m", "baocao", "rollup", str(communes), "--unit", str(tmp_path / "province.yaml")]
    result = subprocess.run(
        [*command, "-o", str(tmp_path / "rolled.yaml")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    target, _ = api.build(str(tmp_path / "rolled.yaml"))
    texts = _texts(docx.Document(str(target)))
    assert not any(generate.LOREM in text for text in texts)  # each commune's own paragraphs stay in its report
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo'}"
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                   capture_output=True, check=True, timeout=300)  # fmt: skip
    pages = len(re.findall(rb"/Type\s*/Page\b", target.with_suffix(".pdf").read_bytes()))
    assert 10 <= pages <= 80  # a body of sums and a row per unit in the annexes, not each unit's report again
