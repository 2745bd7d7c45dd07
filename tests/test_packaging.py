"""The installed package carries its templates, the sdist its tests' files; LibreOffice opens what we build."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    return next(out.glob("baocao-*.whl"))


def test_wheel_ships_the_templates_and_the_built_in_outlines(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    templates = sorted(p.name for p in (ROOT / "templates").glob("*.xml.j2"))
    assert {"outline.xml.j2", "_blocks.xml.j2", "_macros.xml.j2"} <= set(templates)  # the frame of a report
    assert [t for t in templates if f"baocao/templates/{t}" not in names] == []
    outlines = sorted(p.name for p in (ROOT / "src" / "baocao" / "data" / "outlines").glob("*.yaml"))
    assert "cds-xa-2025.yaml" in outlines
    assert [o for o in outlines if f"baocao/data/outlines/{o}" not in names] == []


def test_the_wheels_baocao_command_builds_a_report_from_the_unpacked_wheel_alone(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    example = ROOT / "data" / "examples" / "binh-son-2022-h1.yaml"
    entry_points = next(site.glob("baocao-*.dist-info/entry_points.txt")).read_text(encoding="utf-8")
    command = next(line for line in entry_points.splitlines() if line.startswith("baocao ="))
    module, function = command.split("=")[1].strip().split(":")
    code = (
        "import sys; sys.path.insert(0, sys.argv.pop(1)); import baocao.render.view as r; "
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


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist built offline by hatchling, unpacked: the folder it unpacks to."""
    out = tmp_path_factory.mktemp("sdist")
    command = [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    with tarfile.open(next(out.glob("baocao-*.tar.gz"))) as archive:
        archive.extractall(out / "unpacked", filter="data")
    (folder,) = (out / "unpacked").iterdir()
    return folder


SDIST_FILES = [
    "data/examples/*.yaml",
    "data/outlines/*.yaml",
    "schemas/*.json",
    "templates/*.j2",
    "tests/**/*.py",
    "tests/fixtures/**/*.yaml",
]


def test_the_sdist_holds_what_the_tests_and_the_makefile_read(sdist: Path):
    for pattern in SDIST_FILES:
        files = sorted(p.relative_to(ROOT) for p in ROOT.glob(pattern) if "__pycache__" not in p.parts)
        assert files, pattern
        assert [f for f in files if not (sdist / f).is_file()] == []
    for name in ("Makefile", "README.md", "pyproject.toml", "requirements.lock", ".pre-commit-hooks.yaml"):
        assert (sdist / name).is_file(), name


def test_the_tests_run_from_the_unpacked_sdist(sdist: Path, tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(sdist / "src"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    where = [sys.executable, "-c", "import baocao.render.view as r; print(r.__file__); print(r.builtin_templates())"]
    found = subprocess.run(where, env=env, cwd=sdist, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(sdist) for p in found), found
    selection = [  # tests that read what the sdist carries: examples, outlines, fixtures, schemas, templates
        "tests/test_checks.py",
        "tests/test_calendar.py",
        "tests/test_outline.py",
        "tests/test_numbers_printed.py",
        "tests/test_mutations.py",
        "tests/test_diff.py",
        "tests/test_upgrade.py",
        "tests/test_cli.py::test_schema_file_is_up_to_date",
        "tests/test_docx.py::test_every_example_builds",
    ]
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *selection]
    result = subprocess.run(command, env=env, cwd=sdist, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " skipped" not in result.stdout


def test_the_pre_commit_hook_checks_unit_files_not_every_yaml():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files, exclude = re.compile(hook["files"]), re.compile(hook.get("exclude", "^$"))

    def checked(path: str) -> bool:  # as pre-commit chooses: re.search on the path from the repository root
        return bool(files.search(path)) and not exclude.search(path)

    units = ["units/tinh-ha-2025-h2.yaml", "bao-cao/2025/q1.yml", "baocao/xa-tinh-ha.yaml", "reports/units/a.yaml"]
    units += ["bao_cao/a.yaml", "tinh-ha-2025-h2.bc.yaml", "docs/quy-i.bc.yml"]
    others = [".pre-commit-config.yaml", ".github/workflows/ci.yml", "docker-compose.yaml", "mkdocs.yml"]
    others += ["config/settings.yaml", "units/README.md", "my-units/a.yaml", "a.bc.yaml.bak"]
    assert [p for p in units if not checked(p)] == []
    assert [p for p in others if checked(p)] == []


def test_the_readme_pins_the_hook_to_the_tag_of_this_version():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"^\s*rev: (\S+)$", readme, re.M) == [f"v{version}"]


def test_the_readme_says_how_to_run_baocao_after_make_demo():
    venv = re.search(r"^VENV \?= (\S+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert venv is not None
    setup = (ROOT / "README.md").read_text(encoding="utf-8").split("## Use")[0]
    for way in (f"{venv[1]}/bin/baocao", f"source {venv[1]}/bin/activate", f"{venv[1]}\\Scripts\\baocao"):
        assert way in setup, way


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
