"""baocao rollup of units that answered one đề cương: by its keys, into the level above's outline, annexes per unit."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from baocao import api
from baocao.load import source as loader

from .conftest import ROOT, pdf_ready

EXAMPLES = ROOT / "data" / "examples"
BAC_NINH = (EXAMPLES / "xa-dai-dong-cong-ttdt-2026-h1.yaml").read_text(encoding="utf-8")
MINH_TAN = (EXAMPLES / "xa-minh-tan-2025-h2.yaml").read_text(encoding="utf-8")
PROVINCE = """\
document:
  level: province
  parent_body: {parent}
  issuing_body: Sở Khoa học và Công nghệ
  short_name: Sở Khoa học và Công nghệ
  area: tỉnh {province}
  symbol: BC-SKHCN
  place: {province}
  date: {date}
  period: {period}
  subject: tình hình cung cấp thông tin trên Cổng thông tin điện tử của các xã
  signer: {{authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Nguyễn Văn B}}
"""
BAC_NINH_OWN = PROVINCE.format(
    parent="UBND tỉnh Bắc Ninh",
    province="Bắc Ninh",
    date="20/6/2026",
    period="{type: half_year, number: 1, year: 2026}",
)
QUANG_NGAI_OWN = PROVINCE.format(
    parent="Bộ Khoa học và Công nghệ", province="Quảng Ngãi", date="10/01/2026",
    period="{type: half_year, number: 2, year: 2025}",
) + """\
sections:
  - title: Kết quả chuyển đổi số cấp xã
    key: ket_qua_xa
    content:
      - Các xã triển khai đồng bộ các nhiệm vụ chuyển đổi số.
      - indicator: {key: ho_so_truc_tuyen, label: Hồ sơ TTHC cấp xã nhận trực tuyến, unit: hồ sơ}
      - figure: {key: to_cnscd, label: Thành viên Tổ CNSCĐ các xã, unit: người, value: 1}
      - figure: {key: ha_tang, label: Trạm BTS cấp xã, unit: trạm}
  - title: Kiến nghị
    content: [Đề nghị Bộ hỗ trợ nền tảng dùng chung.]
"""  # fmt: skip


def bac_ninh_unit(name: str, qppl: str, qlhc: str, tthc: str, news: int) -> str:
    text = BAC_NINH.replace("Đại Đồng", name)
    text = text.replace("vb_qppl: 3/3", f"vb_qppl: {qppl}").replace("vb_qlhc: 57/62", f"vb_qlhc: {qlhc}")
    return text.replace("tthc: Có", f"tthc: {tthc}").replace("pbgdpl: 14", f"pbgdpl: {news}")


def rollup(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "baocao", "rollup", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def bac_ninh_units(folder: Path) -> None:
    """Three communes answering the Bắc Ninh regime in ``folder/units``, and the district's own file ``own.yaml``."""
    units = folder / "units"
    units.mkdir()
    for file, args in {
        "dai-dong.yaml": ("Đại Đồng", "3/3", "57/62", "Có", 14),
        "tien-du.yaml": ("Tiên Du", "1/2", "40/40", "Không", 6),
        "phat-tich.yaml": ("Phật Tích", "2/2", "12/20", "Có", 0),
    }.items():
        (units / file).write_text(bac_ninh_unit(*args), encoding="utf-8")
    (folder / "own.yaml").write_text(BAC_NINH_OWN, encoding="utf-8")


@pytest.fixture
def bac_ninh(tmp_path: Path) -> Path:
    bac_ninh_units(tmp_path)
    (tmp_path / "expect.txt").write_text("UBND xã Đại Đồng\nUBND xã Tiên Du\nUBND xã Phật Tích\nUBND xã Lim\n")
    return tmp_path


def test_a_few_units_of_the_bac_ninh_regime_roll_up_with_one_annex_row_per_unit(bac_ninh: Path) -> None:
    out = bac_ninh / "province.yaml"
    result = rollup(str(bac_ninh / "units"), "--unit", str(bac_ninh / "own.yaml"), "-o", str(out),
                    "--expect", str(bac_ninh / "expect.txt"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "UBND xã Lim" in result.stderr  # expected, no file
    data = loader.read(str(out))[0].data
    assert data["rollup"]["outline"] == "cong-ttdt-bac-ninh" and data["rollup"]["missing"] == ["UBND xã Lim"]
    (form,) = (b["table"] for s in data["sections"] if s["key"] == "mau_01" for b in s["content"] if "table" in b)
    (row,) = form["rows"]  # the units' one row of the form, summed
    assert (row["vb_qppl"], row["vb_qlhc"], row["pbgdpl"]) == ("6/7", "109/122", "20")
    target, findings = api.build(str(out), str(bac_ninh / "province.docx"))
    assert [f.code for f in findings] == []
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Chi tiết theo từng đơn vị tại Phụ lục (Biểu 1. Mẫu 01") for t in texts), texts
    annex = next(t for t in document.tables if t.rows[0].cells[1].text == "Đơn vị" and len(t.columns) == 15)
    rows = [[c.text for c in r.cells] for r in annex.rows]
    assert [r[1] for r in rows[1:]] == ["UBND xã Đại Đồng", "UBND xã Phật Tích", "UBND xã Tiên Du", "Tổng cộng"]
    assert rows[1][2:6] == ["3/3", "57/62", "Có", "14"] and rows[3][2:6] == ["1/2", "40/40", "Không", "6"]
    assert rows[4][2:4] == ["6/7", "109/122"]
    aligned = [annex.rows[1].cells[i].paragraphs[0].alignment for i in (2, 4)]
    assert aligned == [WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER]  # counts right, answers centred
    assert "Chưa nhận được báo cáo của: UBND xã Lim." in " ".join(texts)
    assert any(t.startswith("Biểu 1. Mẫu 01") for t in texts)  # the annex's table titled as the body names it
    assert "khác nhau giữa các đơn vị" not in " ".join(texts)  # column (4)'s answers are counted, not referred away
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Tỉnh mở lớp tập huấn biên tập viên cấp xã" not in cells  # Mẫu 02's lines stay in the units' reports


def test_a_unit_that_answered_another_outline_is_refused_naming_both(bac_ninh: Path) -> None:
    (bac_ninh / "units" / "minh-tan.yaml").write_text(
        MINH_TAN.replace("half_year, number: 2, year: 2025", "half_year, number: 1, year: 2026"), encoding="utf-8"
    )
    out = bac_ninh / "province.yaml"
    result = rollup(str(bac_ninh / "units"), "--unit", str(bac_ninh / "own.yaml"), "-o", str(out))
    assert result.returncode == 1 and not out.exists()
    assert "minh-tan.yaml: báo cáo theo đề cương 'cds-xa-2025'" in result.stderr
    assert "theo đề cương 'cong-ttdt-bac-ninh'" in result.stderr


def test_a_unit_that_follows_no_outline_while_the_others_do_is_refused(bac_ninh: Path) -> None:
    alone = bac_ninh_unit("Lim", "1/1", "1/1", "Có", 1).replace("  outline: cong-ttdt-bac-ninh\n", "")
    (bac_ninh / "units" / "lim.yaml").write_text(alone, encoding="utf-8")
    result = rollup(str(bac_ninh / "units"), "--unit", str(bac_ninh / "own.yaml"), "-o", str(bac_ninh / "p.yaml"))
    assert result.returncode == 1 and "lim.yaml: báo cáo theo đề cương '—'" in result.stderr


def quang_ngai(tmp_path: Path) -> Path:
    units = tmp_path / "units"
    units.mkdir()
    for name, count, total in (("An Phú", 100, 400), ("Bình Tân", 300, 600)):
        text = MINH_TAN.replace("Minh Tân", name).replace("count: 1688", f"count: {count}")
        text = text.replace("total: 2945", f"total: {total}").replace('              percent: "57,32"\n', "")
        (units / f"{name}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "own.yaml").write_text(QUANG_NGAI_OWN, encoding="utf-8")
    out = tmp_path / "province.yaml"
    result = rollup(str(units), "--unit", str(tmp_path / "own.yaml"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_the_sums_fill_the_level_above_s_keyed_blocks_and_the_rest_follows_under_the_outline(tmp_path: Path) -> None:
    out = quang_ngai(tmp_path)
    sections = loader.read(str(out))[0].data["sections"]
    titles = [s["title"] for s in sections]  # the đề cương's order: results, its forms, proposals last; none twice
    assert titles == [
        "Kết quả chuyển đổi số cấp xã",
        "Biểu mẫu thông tin trên Trang thông tin điện tử của xã",
        "Kiến nghị",
    ]
    keys = [next(iter(b.values())).get("key") for b in sections[0]["content"] if "text" not in b]
    assert keys == ["ho_so_truc_tuyen", "to_cnscd", "thanh_toan"]  # in the đề cương's order
    blocks = [next(iter(b.values())) for b in sections[0]["content"] if "text" not in b]
    own = {"indicator": blocks[0], "figure": blocks[1]}
    said = [b["text"] for b in sections[0]["content"] if "text" in b]
    assert any(t.startswith("- Bộ phận một cửa kết nối Hệ thống thông tin giải quyết TTHC của tỉnh: 0") for t in said)
    assert own["indicator"]["label"] == "Hồ sơ TTHC cấp xã nhận trực tuyến"  # the slot keeps its own words
    assert (own["indicator"]["count"], own["indicator"]["total"]) == ("400", "1000")
    assert own["figure"]["label"] == "Thành viên Tổ CNSCĐ các xã" and own["figure"]["value"] == "hơn 320"
    assert "Trạm BTS cấp xã: không đơn vị nào báo cáo số liệu này." in str(sections[0]["content"])  # a slot unfilled
    assert sections[1]["key"] == "bieu_mau"  # what the level above has no place for, under the outline's title
    texts = [p.text for p in docx.Document(str(api.build(str(out))[0])).paragraphs]
    assert any(t.startswith("- Hồ sơ TTHC cấp xã nhận trực tuyến: 400/1.000 hồ sơ, đạt 40%") for t in texts)
    assert not any("02 thôn chưa có sóng 4G" in t for t in texts)  # the units' text stays in their reports
    assert any(t.startswith("Chi tiết theo từng đơn vị tại Phụ lục (Biểu 1. Hồ sơ thủ tục") for t in texts)


def _annex_tables(document: Any) -> list[list[list[str]]]:
    """The per-unit tables of the annex, as text: header rows, then a row per unit, then the total."""
    return [[[c.text for c in r.cells] for r in t.rows] for t in document.tables if t.rows[0].cells[1].text == "Đơn vị"]


def _body_rows(table: list[list[str]]) -> list[list[str]]:
    return [row for row in table if row[0].isdigit() or row[1] == "Tổng cộng"]


def test_the_annex_has_a_table_per_item_marked_by_unit(tmp_path: Path) -> None:
    document = docx.Document(str(api.build(str(quang_ngai(tmp_path)))[0]))
    annex = _annex_tables(document)
    first = next(t for t in annex if t[0][2].startswith("Hồ sơ thủ tục hành chính"))
    assert first[0][2:] == ["Hồ sơ thủ tục hành chính tiếp nhận trực tuyến (hồ sơ)"] * 3  # its name over its columns
    assert first[1][2:] == ["Số hồ sơ", "Tổng số", "Tỷ lệ"]  # a grouped header: count, total, rate
    rows = _body_rows(first)
    assert rows[0][1:] == ["UBND xã An Phú", "100", "400", "25,0%"] and rows[-1][2:] == ["400", "1.000", "40,0%"]
    second = next(t for t in annex if t[0][2].startswith("Văn bản đi được ký số"))
    assert _body_rows(second)[0][2:] == ["trên 98%"]  # a rate stated alone; the count no unit gave is left out
    answers = next(t for t in annex if t[0][2].startswith("Bộ phận một cửa"))
    assert _body_rows(answers)[0][2] == "Có" and _body_rows(answers)[-1][2] == "Có: 02/02"  # one subject a table
    third = next(t for t in annex if t[0][2].startswith("Thành viên Tổ công nghệ số"))
    assert _body_rows(third)[0][2] == "hơn 160" and _body_rows(third)[-1][2] == "hơn 320"  # as the units stated it
    titles = [p.text for p in document.paragraphs if p.text.startswith("Biểu ")]
    assert [t.split(".")[0] for t in titles] == [f"Biểu {n}" for n in range(1, len(annex) + 1)]
    body = " ".join(p.text for p in document.paragraphs)
    assert all(title in body.split("Phụ lục", 1)[1] for title in titles)  # the body names every table
    widths = {
        round(t._tbl.tblGrid.gridCol_lst[1].w / 36000) for t in document.tables if t.rows[0].cells[1].text == "Đơn vị"
    }
    assert len(widths) == 1  # the unit column as wide in every table


def test_the_annex_row_of_a_unit_is_its_block_s_row_in_the_registry_with_parts_and_sums(tmp_path: Path) -> None:
    units = tmp_path / "units"
    units.mkdir()
    for name, women in (("An Phú", "60"), ("Bình Tân", "khoảng 40")):
        text = MINH_TAN.replace("Minh Tân", name).replace(
            "value: hơn 160\n              unit: thành viên",
            f"value: hơn 160\n              unit: thành viên\n              parts_are: of_which\n"
            f"              parts: [{{label: Nữ, value: {women}}}]",
        )
        (units / f"{name}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "own.yaml").write_text(QUANG_NGAI_OWN, encoding="utf-8")
    out = tmp_path / "province.yaml"
    assert rollup(str(units), "--unit", str(tmp_path / "own.yaml"), "-o", str(out)).returncode == 0
    kept = loader.read(str(out))[0].data["rollup"]["units"][0]["blocks"]
    assert kept["to_cnscd"] == {  # of each unit only what its annex row shows: no note, no previous period
        "label": "Thành viên Tổ công nghệ số cộng đồng", "unit": "thành viên", "value": "hơn 160",
        "parts_are": "of_which", "parts": [{"label": "Nữ", "value": "60"}],
    }  # fmt: skip
    document = docx.Document(str(api.build(str(out))[0]))
    table = next(t for t in _annex_tables(document) if t[0][2].startswith("Thành viên Tổ công nghệ số"))
    assert table[1][3] == "Nữ" and [r[3] for r in _body_rows(table)] == ["60", "khoảng 40", "khoảng 100"]
    assert _body_rows(table)[-1][2] == "hơn 320"


def test_a_note_names_a_few_units_and_counts_the_rest() -> None:
    from baocao.blocks import REGISTRY

    values = [{"key": "ky_so", "label": "Ký số", "percent": "trên 95"} for _ in range(40)]
    rollup = REGISTRY["indicator"].rollup
    assert rollup is not None
    _, note = rollup(values, [f"UBND xã {n}" for n in range(40)], False)
    assert "UBND xã 0, UBND xã 1," in note and "UBND xã 9 và 30 đơn vị khác" in note and "UBND xã 10" not in note


@pytest.mark.skipif(not pdf_ready(), reason="LibreOffice or a Vietnamese Times font is not installed")
def test_the_report_of_hundreds_of_communes_answering_an_outline_converts_to_a_few_pages(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    communes = generate.write(tmp_path, 300)
    result = rollup(str(communes), "--unit", str(tmp_path / "province.yaml"), "-o", str(tmp_path / "rolled.yaml"))
    assert result.returncode == 0, result.stderr
    target, findings = api.build(str(tmp_path / "rolled.yaml"))
    assert findings == []
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo'}"
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                   capture_output=True, check=True, timeout=300)  # fmt: skip
    pages = len(re.findall(rb"/Type\s*/Page\b", target.with_suffix(".pdf").read_bytes()))
    # the body and one row per unit in each annex table: 300 units fill about 7 pages a table
    assert 10 <= pages <= 40, pages
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "KẾT QUẢ THEO ĐƠN VỊ" in texts


def test_an_item_written_as_another_block_type_is_refused_and_never_summed(tmp_path: Path) -> None:
    from baocao.outline import find as outlines
    from baocao.rollup import outline as keyed_rollup

    units = tmp_path / "units"
    units.mkdir()
    (units / "an.yaml").write_text(MINH_TAN.replace("Minh Tân", "An"), encoding="utf-8")
    odd = MINH_TAN.replace("Minh Tân", "Bình").replace(
        "          - answer: {key: mot_cua, label: Bộ phận một cửa kết nối Hệ thống thông tin giải quyết TTHC "
        "của tỉnh, value: Có}",
        "          - figure: {key: mot_cua, label: Bộ phận một cửa, value: 1}",
    )
    (units / "binh.yaml").write_text(odd, encoding="utf-8")
    (tmp_path / "own.yaml").write_text(QUANG_NGAI_OWN, encoding="utf-8")
    result = rollup(str(units), "--unit", str(tmp_path / "own.yaml"), "-o", str(tmp_path / "p.yaml"))
    assert result.returncode == 1 and "BC609" in result.stdout + result.stderr and not (tmp_path / "p.yaml").exists()
    # taken past validate all the same, the unit is named, not summed as an answer
    found = outlines.read(outlines.BUILT_IN / "cds-xa-2025.yaml")
    assert found.outline is not None
    datas = [api.load(str(units / name)).report for name in ("an.yaml", "binh.yaml")]
    plain = [r.model_dump(mode="json", by_alias=True, exclude_none=True) for r in datas if r is not None]
    out = keyed_rollup.combine(loader.read(str(tmp_path / "own.yaml"))[0].data, plain, found.outline)
    assert "chưa cộng số liệu của UBND xã Bình (ghi khác loại khối với đề cương)" in str(out["sections"])
    assert "01/01 đơn vị (100%)" in str(out["sections"])  # UBND xã An's answer alone


PROVINCE_OUTLINE = """\
outline: {id: tinh-cds, title: Đề cương báo cáo chuyển đổi số của tỉnh, issuer: Bộ Khoa học và Công nghệ}
sections:
  - key: ket_qua_xa
    title: Kết quả chuyển đổi số cấp xã
    expects:
      - indicator: {key: ho_so_truc_tuyen, label: Hồ sơ TTHC cấp xã nhận trực tuyến, unit: hồ sơ}
"""


def test_the_level_above_follows_its_own_superior_s_outline_named_from_where_the_output_is(tmp_path: Path) -> None:
    units = tmp_path / "units"
    units.mkdir()
    (units / "an.yaml").write_text(MINH_TAN.replace("Minh Tân", "An"), encoding="utf-8")
    own = tmp_path / "tinh" / "own.yaml"
    own.parent.mkdir()
    (own.parent / "de-cuong-tinh.yaml").write_text(PROVINCE_OUTLINE, encoding="utf-8")
    head, rest = QUANG_NGAI_OWN.split("sections:\n")
    text = head.replace("document:\n", "document:\n  outline: de-cuong-tinh.yaml\n") + "sections:\n" + rest
    own.write_text(text.replace("    key: ket_qua_xa\n", "    key: ket_qua_xa\n").replace(
        "      - figure: {key: ha_tang, label: Trạm BTS cấp xã, unit: trạm}\n", ""), encoding="utf-8")  # fmt: skip
    out = tmp_path / "out" / "province.yaml"
    out.parent.mkdir()
    result = rollup(str(units), "--unit", str(own), "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = loader.read(str(out))[0].data
    assert data["document"]["outline"] == "../tinh/de-cuong-tinh.yaml"
    loaded = api.load(str(out))
    assert loaded.report is not None and loaded.report.followed.outline.id == "tinh-cds"
    assert not [f for f in loaded.findings if f.code in ("BC601", "BC603", "BC604")]
    texts = [p.text for p in docx.Document(str(api.build(str(out))[0])).paragraphs]
    assert any(t.startswith("- Hồ sơ TTHC cấp xã nhận trực tuyến: 1.688/2.945 hồ sơ, đạt 57,3%") for t in texts)


def test_a_target_marked_by_unit_gets_each_unit_s_target_in_the_annex(tmp_path: Path, monkeypatch) -> None:
    from baocao.outline import find as outlines

    shared = tmp_path / "shared"
    shared.mkdir()
    text = (outlines.BUILT_IN / "cds-xa-2025.yaml").read_text(encoding="utf-8")
    marked = text.replace(
        "              required: false\n  - key: bieu_mau", "              by_unit: true\n  - key: bieu_mau"
    )
    assert marked != text
    (shared / "cds-xa-2025.yaml").write_text(marked, encoding="utf-8")
    monkeypatch.setenv("BAOCAO_OUTLINES", str(shared))
    document = docx.Document(str(api.build(str(quang_ngai(tmp_path)))[0]))
    table = next(t for t in document.tables if t.rows[0].cells[-1].text.endswith(": chỉ tiêu"))
    assert [r.cells[-1].text for r in table.rows[1:3]] == ["trên 85%", "trên 85%"]
