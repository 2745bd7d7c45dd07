"""The installed package carries its templates; LibreOffice opens what we build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    return next(out.glob("baocao-*.whl"))


def test_wheel_ships_the_templates(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    for template in ("ict", "digital_transformation", "department_quarterly", "_macros"):
        assert f"baocao/templates/{template}.xml.j2" in names


def test_the_wheels_baocao_command_builds_a_report_from_the_unpacked_wheel_alone(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    example = ROOT / "data" / "examples" / "binh-son-2022-h1.yaml"
    entry_points = next(site.glob("baocao-*.dist-info/entry_points.txt")).read_text(encoding="utf-8")
    command = next(line for line in entry_points.splitlines() if line.startswith("baocao ="))
    module, function = command.split("=")[1].strip().split(":")
    code = (
        "import sys; sys.path.insert(0, sys.argv.pop(1)); import baocao.render as r; "
        "assert str(r.builtin_templates()).startswith(sys.path[0]), r.builtin_templates(); "
        f"from {module} import {function}; sys.argv[0] = 'baocao'; {function}()"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", code, str(site), "build", str(example), "-o", str(tmp_path / "r.docx")],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.docx").stat().st_size > 10_000


needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


@needs_office
def test_libreoffice_converts_the_report_and_the_nation_line_fits_on_one_line(built, tmp_path: Path):
    docx_path = built["binh-son-2022-h1"]
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
        first_page_lines = text.splitlines()[:4]
        assert not any(line.strip() == "1" for line in first_page_lines)
