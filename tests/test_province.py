"""The province's report of 120 generated communes answering cds-xa-2025, as the Sở signs it and prints it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from baocao import api
from baocao.write import pdf

from .conftest import ROOT, pdf_ready

COMMUNES = 120


def _generate() -> Any:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return generate


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The generated communes, the province's file, the rolled-up YAML and its DOCX."""
    folder = tmp_path_factory.mktemp("province")
    communes = _generate().write(folder, COMMUNES)
    rolled = folder / "rolled.yaml"
    command = [sys.executable, "-m", "baocao", "rollup", str(communes), "--unit", str(folder / "province.yaml")]
    done = subprocess.run([*command, "-o", str(rolled)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    target, findings = api.build(str(rolled), str(folder / "rolled.docx"))
    assert findings == []
    return {"folder": folder, "communes": communes, "rolled": rolled, "docx": target}


def _rows(path: Path) -> list[list[str]]:
    return list(pdf.table_rows(path))


@pytest.mark.skipif(not pdf_ready(), reason="LibreOffice or a Vietnamese Times font is not installed")
def test_every_unit_row_of_the_docx_is_in_the_libreoffice_pdf(province: dict[str, Path]) -> None:
    made = pdf.convert([province["docx"]])
    text = pdf.pdf_text(made[0])
    if text is None:
        pytest.skip("pdftotext (poppler) is not installed")
    unit_rows = [cells for cells in _rows(province["docx"]) if any(c.startswith("UBND xã") for c in cells)]
    assert len(unit_rows) >= 3 * COMMUNES  # a row per commune in each annex table
    flat = "".join(text.split())
    lost = [cells[:2] for cells in unit_rows if "".join("".join(cells).split()) not in flat]
    assert lost == []
    assert pdf.lost_rows(province["docx"], made[0]) is None


def test_rolled_yaml_is_read_back(province: dict[str, Path]) -> None:
    data = yaml.safe_load(province["rolled"].read_text(encoding="utf-8"))
    assert len(data["rollup"]["units"]) == COMMUNES
    assert docx.Document(str(province["docx"])).tables


def _titles(sections: list[dict[str, Any]]) -> list[str]:
    return [str(s["title"]) for s in sections]


def test_sections_follow_the_de_cuong_results_first_proposals_last_none_twice(province: dict[str, Path]) -> None:
    sections = yaml.safe_load(province["rolled"].read_text(encoding="utf-8"))["sections"]
    assert _titles(sections) == [
        "Kết quả chuyển đổi số cấp xã",  # the province's results, with the đề cương's other results beside its slots
        "Biểu mẫu thông tin trên Trang thông tin điện tử của xã",
        "Khó khăn, vướng mắc và kiến nghị",
    ]
    order = [b["text"][:12] if "text" in b else next(iter(b.values()))["key"] for b in sections[0]["content"]]
    assert order[1:] == ["ho_so_truc_tuyen", "ky_so", "*Văn bản đi ", "- Bộ phận mộ", "to_cnscd", "thanh_toan"]


def test_the_province_s_own_text_sections_stand_where_the_de_cuong_puts_them(tmp_path: Path) -> None:
    communes = _generate().write(tmp_path, 3)
    own = (tmp_path / "province.yaml").read_text(encoding="utf-8").split("sections:\n")[0] + (
        "sections:\n"
        "  - title: Công tác chỉ đạo, điều hành\n    content: [Sở ban hành kế hoạch chuyển đổi số cấp xã.]\n"
        "  - title: Khó khăn, vướng mắc\n    content: [Hạ tầng mạng ở vùng núi còn yếu.]\n"
        "  - title: Nhiệm vụ và kiến nghị\n    content: [Đề nghị Bộ hỗ trợ nền tảng dùng chung.]\n"
    )
    (tmp_path / "province.yaml").write_text(own, encoding="utf-8")
    rolled = tmp_path / "rolled.yaml"
    command = [sys.executable, "-m", "baocao", "rollup", str(communes), "--unit", str(tmp_path / "province.yaml")]
    done = subprocess.run([*command, "-o", str(rolled)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    titles = _titles(yaml.safe_load(rolled.read_text(encoding="utf-8"))["sections"])
    assert titles == [
        "Công tác chỉ đạo, điều hành",
        "Kết quả thực hiện",
        "Biểu mẫu thông tin trên Trang thông tin điện tử của xã",
        "Khó khăn, vướng mắc",
        "Nhiệm vụ và kiến nghị",
    ]


def test_the_body_says_each_item_as_a_province_sentence(province: dict[str, Path]) -> None:
    texts = [p.text for p in docx.Document(str(province["docx"])).paragraphs]
    body = " ".join(texts[: texts.index("Phụ lục")])
    assert "- Hồ sơ thủ tục hành chính cấp xã tiếp nhận trực tuyến: 256.784/387.422 hồ sơ, đạt 66,3%" in body  # summed
    # rates some units gave alone: how many, their range, and that the sum above is the others'
    assert "số liệu trên của 115 đơn vị ghi số đạt được và tổng số; 05 đơn vị chỉ báo cáo tỷ lệ" in body
    assert "không đơn vị nào" not in body and "xem báo cáo từng đơn vị" not in body
    # answers as counts of units, under the province's own label
    assert "- Bộ phận một cửa kết nối Hệ thống thông tin giải quyết TTHC của tỉnh: 95/120 đơn vị (79,2%) có;" in body
    assert "(có): 95/120" not in body
    assert ".yaml" not in body  # units are named as units, never by file


def test_a_rate_every_unit_gave_alone_is_said_with_count_range_and_average() -> None:
    from baocao.blocks.indicator import stated_alone

    said = stated_alone("Văn bản đi được ký số", ["62", "100", "91,4", "trên 95"], ["A", "B", "C", "D"], 0, True)
    assert said == (
        "- Văn bản đi được ký số: 04 đơn vị chỉ báo cáo tỷ lệ (không ghi số đạt được và tổng số), "
        "từ 62% đến 100%, bình quân khoảng 87,1% (chi tiết tại Phụ lục)."
    )


def _new_province(folder: Path, *extra: str) -> Path:
    target = folder / "province.yaml"
    command = [sys.executable, "-m", "baocao", "new", "--outline", "cds-xa-2025", "--level", "province", "--no-input"]
    command += ["--issuing-body", "Sở Khoa học và Công nghệ", "--short-name", "Sở Khoa học và Công nghệ"]
    command += ["--area", "tỉnh Quảng Ngãi", "--place", "Quảng Ngãi", "--symbol", "BC-SKHCN"]
    command += ["--signer-title", "Giám đốc", "--period", "half_year:1", "--year", "2025", *extra, "-o", str(target)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return target


def test_new_starts_the_compiling_office_s_file_which_validates_and_builds_after_rollup(tmp_path: Path) -> None:
    communes = _generate().write(tmp_path / "units", 4)
    own = _new_province(tmp_path)
    text = own.read_text(encoding="utf-8")
    assert "  compiles: cds-xa-2025" in text and "  outline:" not in text  # it compiles the đề cương, not answers it
    assert "kien_nghi_cong" not in text and "smartphone" not in text  # the units' own tables and targets stay theirs
    text = text.replace("  recipients: []  # nơi nhận: cơ quan cấp trên, …", "  recipients: [UBND tỉnh]")
    text = text.replace("  date:  # ngày ban hành", "  date: 20/7/2025  # ngày ban hành")
    text = text.replace(
        "  # requested_by: {type: Công văn, number: …, date: …, issuer: …, deadline: …}",
        "  requested_by: {type: Công văn, number: 12/UBND-KGVX, date: 01/6/2025, issuer: UBND tỉnh,"
        " deadline: 15/7/2025}",
    )
    own.write_text(re.sub(r"(?m)^(\s*)- …$", r"\1- Sở đánh giá chung kết quả của các xã.", text), encoding="utf-8")
    rolled = tmp_path / "rolled.yaml"
    command = [sys.executable, "-m", "baocao", "rollup", str(communes), "--unit", str(own), "-o", str(rolled)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    loaded = api.load(str(rolled))
    codes = [f.code for f in loaded.findings]
    assert not {"BC603", "BC604", "BC608", "BC609"} & set(codes), codes  # it is not checked as a commune's report
    late = [f for f in loaded.findings if f.code == "BC310"]
    assert [f.params["deadline"] for f in late] == ["15/7/2025"]  # its own deadline, not the communes' (09/7/2025)
    target, _ = api.build(str(rolled), str(tmp_path / "rolled.docx"))
    titles = [p.text for p in docx.Document(str(target)).paragraphs if p.text[:2] in ("I.", "II", "IV")]
    assert titles[0] == "I. KẾT QUẢ THỰC HIỆN" and titles[-1] == "IV. NHIỆM VỤ VÀ KIẾN NGHỊ"


def test_new_still_refuses_a_level_below_the_reporters(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "baocao", "new", "--outline", "bc-ttt-huyen", "--level", "commune", "--no-input"]
    done = subprocess.run([*command, "-o", str(tmp_path / "x.yaml")], capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "bc-ttt-huyen" in done.stderr and not (tmp_path / "x.yaml").exists()
    department = [sys.executable, "-m", "baocao", "new", "--outline", "bc-stttt-quy", "--level", "province"]
    done = subprocess.run([*department, "--no-input", "-o", "-"], capture_output=True, text=True, check=False)
    assert done.returncode == 2  # a province is beside a department, not above it: it does not compile them


def test_only_items_whose_table_is_printed_send_the_reader_to_the_annex() -> None:
    from baocao.render.annex import printed_items

    marked = [("table", "mau_01"), ("indicator", "ho_so"), ("answer", "mot_cua")]
    assert printed_items(marked, COMMUNES) == {"mau_01", "ho_so", "mot_cua"}
    assert printed_items(marked, 3321) == {"ho_so"}  # the first table planned; the others are left out and said so
    assert printed_items(marked, 1000) == {"ho_so", "mot_cua"}
