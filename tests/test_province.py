"""The province's report of 120 generated communes answering cds-xa-2025, as the Sở signs it and prints it."""

from __future__ import annotations

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
