"""Excel both ways: the form a clerk fills (baocao form), filled forms read back (import), workbooks as inputs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from baocao import api
from baocao.blocks import REGISTRY
from baocao.blocks.base import BlockTypeError, declare
from baocao.form import layout

from .conftest import EXAMPLES
from .formfill import cell_of, fill, plan_of

ROOT = Path(__file__).resolve().parents[1]
OUTLINES = ("cds-xa-2025", "cong-ttdt-bac-ninh", "bc-stttt-quy", "bc-ttt-huyen")


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    environment = {**os.environ, **(env or {})}
    command = [sys.executable, "-m", "baocao", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd, env=environment)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def form_of(tmp_path: Path, outline: str, name: str = "form.xlsx", *extra: str) -> Path:
    target = tmp_path / name
    result = run("form", outline, "-o", str(target), *extra)
    assert result.returncode == 0, result.stderr
    return target


def imported(tmp_path: Path, workbook: Path, out: str = "unit.yaml") -> tuple[subprocess.CompletedProcess[str], Path]:
    target = tmp_path / out
    return run("import", str(workbook), "-o", str(target), "--format", "json"), target


def findings(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    return [f for f in json.loads(result.stdout or "[]")]


# --- the round trip: a unit's file, its form, the same unit -----------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_units_form_imports_back_to_the_same_report(example, tmp_path):
    """form UNIT.yaml -> import -> the same unit: diff finds no change, and the DOCX is the same, byte for byte."""
    workbook = tmp_path / f"{example.stem}.xlsx"
    assert run("form", str(example), "-o", str(workbook)).returncode == 0
    result, back = imported(tmp_path, workbook, f"{example.stem}.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    for outline in (ROOT / "data" / "outlines").glob("*.yaml"):  # the examples' own đề cương, beside them
        shutil.copy(outline, tmp_path / outline.name)
    assert run("diff", str(example), str(back)).returncode == 0
    original, _ = api.build(str(example), str(tmp_path / "a.docx"))
    again, _ = api.build(str(back), str(tmp_path / "b.docx"))
    assert original.read_bytes() == again.read_bytes()


def test_a_form_is_a_workbook_validate_build_and_diff_read_as_they_read_yaml(tmp_path):
    example = next(p for p in EXAMPLES if p.stem == "xa-dai-dong-cong-ttdt-2026-h1")
    workbook = tmp_path / "xa.xlsx"
    assert run("form", str(example), "-o", str(workbook)).returncode == 0
    assert run("validate", str(workbook)).returncode == 0
    assert run("diff", str(example), str(workbook)).returncode == 0
    built = run("build", str(workbook), "-o", str(tmp_path / "out") + "/")
    assert built.returncode == 0, built.stderr
    assert run("build", str(example), "-o", str(tmp_path / "a.docx")).returncode == 0
    assert (tmp_path / "out" / "xa.docx").read_bytes() == (tmp_path / "a.docx").read_bytes()


# --- an empty form, filled as a clerk fills it ----------------------------------------------------


@pytest.mark.parametrize("outline", OUTLINES)
def test_an_empty_form_filled_in_excel_imports_validates_and_builds_with_every_value(outline, tmp_path):
    empty = form_of(tmp_path, outline, "empty.xlsx")
    filled = tmp_path / "filled.xlsx"
    text_numbers = outline.startswith("bc-")  # numbers typed as Vietnamese text ("1.234", "12,5") in two of them
    fill(empty, filled, text_numbers=text_numbers)
    result, unit = imported(tmp_path, filled)
    assert result.returncode == 0, result.stdout + result.stderr
    codes = {f["code"] for f in findings(result)}
    # BC114: the filler types 12,5 in every number cell, members of a team too (a count has no fraction)
    assert codes <= {"BC708", "BC114"} and (("BC708" in codes) == text_numbers)
    assert run("validate", str(unit)).returncode == 0
    target, _ = api.build(str(unit), str(tmp_path / "unit.docx"))
    text = docx_text(target)
    for said in ("Phú Mỹ, ngày 05 tháng 01 năm 2027", "Nguyễn Văn An", "Nội dung đã điền"):
        assert said in text, said
    if outline != "cong-ttdt-bac-ninh":  # the others have figures and rates as lines, not only tables
        assert "1.200" in text and "12,5" in text, text


def test_a_form_names_its_outline_and_digest_in_a_hidden_sheet(tmp_path):
    empty = form_of(tmp_path, "cds-xa-2025")
    book = CalamineWorkbook.from_path(str(empty))
    hidden = {sheet.name: str(sheet.visible) for sheet in book.sheets_metadata}
    assert "VeryHidden" in hidden[layout.META_SHEET]
    rows = book.get_sheet_by_name(layout.META_SHEET).to_python()
    meta = {row[0]: row[1] for row in rows[:5]}
    assert meta["baocao-form"] == layout.FORM_VERSION and meta["outline"] == "cds-xa-2025"
    assert len(meta["outline_digest"]) == 32 and len(meta["digest"]) == 32
    assert book.sheet_names[:2] == ["Thông tin chung", "I. Kết quả thực hiện"]  # the đề cương's order and numbers
    assert "Mẫu 01" in book.sheet_names  # the đề cương's own table on its own sheet


def test_input_cells_are_unlocked_typed_and_validated_labels_and_totals_locked(tmp_path):
    empty = form_of(tmp_path, "cong-ttdt-bac-ninh")
    book = openpyxl.load_workbook(empty)
    made = plan_of(empty)
    sheet = book["Mẫu 01"]
    assert sheet.protection.sheet
    kinds = {}
    for item in made.sheet("Mẫu 01").inputs:
        cell = sheet.cell(item.row + 1, item.col + 1)
        assert cell.protection.locked is False
        kinds[item.slot.kind] = cell.coordinate
    validations = {str(rule.sqref): rule for rule in sheet.data_validations.dataValidation}

    def rule_of(coordinate: str) -> Any:
        return next(rule for rule in validations.values() if coordinate in rule.sqref)

    assert rule_of(kinds["count_of_total"]).type == "whole" and rule_of(kinds["count_of_total"]).formula1 == "0"
    assert rule_of(kinds["choice"]).type == "list"
    assert sheet["B4"].protection.locked is not False  # a column title
    assert rule_of(kinds["choice"]).formula1 in ('"Có,Không"', "'baocao'!$K$1:$K$3")


def test_a_list_longer_than_excel_takes_in_a_validation_comes_from_the_hidden_sheet(tmp_path):
    choices = [f"Lựa chọn thứ {n} của một danh sách dài" for n in range(12)]
    unit = ROOT / "data" / "examples" / "minh-long-2022-h1.yaml"
    question = (
        f"      - answer: {{label: Mức độ, choices: {json.dumps(choices, ensure_ascii=False)}, value: {choices[3]}}}\n"
    )
    text = unit.read_text(encoding="utf-8").replace(
        "sections:\n", "sections:\n  - title: Câu hỏi\n    content:\n" + question, 1
    )
    path = tmp_path / "u.yaml"
    path.write_text(text, encoding="utf-8")
    workbook = tmp_path / "u.xlsx"
    assert run("form", str(path), "-o", str(workbook)).returncode == 0
    made = plan_of(workbook)
    (name,) = {item.sheet for item in layout.inputs(made) if item.slot.choices == tuple(choices)}
    sheet = openpyxl.load_workbook(workbook)[name]
    (rule,) = [r for r in sheet.data_validations.dataValidation if r.type == "list"]
    assert rule.formula1.startswith("'baocao'!$")
    result, back = imported(tmp_path, workbook)
    assert result.returncode == 0 and choices[3] in back.read_text(encoding="utf-8")


# --- the clerk's mistakes: each a finding at its cell, with its label; nothing written -------------


def mistake(tmp_path: Path, change: Any, outline: str = "cds-xa-2025") -> tuple[list[dict[str, Any]], int, Path]:
    empty = form_of(tmp_path, outline, "empty.xlsx")
    filled = tmp_path / "filled.xlsx"
    fill(empty, filled)
    book = openpyxl.load_workbook(filled)
    change(book, plan_of(empty))
    book.save(filled)
    result, unit = imported(tmp_path, filled)
    return findings(result), result.returncode, unit


def at(made: layout.Plan, label: str, col: int = layout.VALUE) -> tuple[str, str]:
    """The sheet and cell of a line's input, as Excel names it."""
    sheet, row, column = cell_of(made, label, col)
    return sheet, f"{openpyxl.utils.get_column_letter(column)}{row}"


ONLINE = "Hồ sơ thủ tục hành chính tiếp nhận trực tuyến"


def test_text_in_a_number_cell_is_an_error_at_its_cell_with_its_label(tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        sheet, cell = at(made, ONLINE)
        book[sheet][cell] = "nhiều"

    found, code, unit = mistake(tmp_path, change)
    assert code == 1 and not unit.exists()
    (error,) = [f for f in found if f["severity"] == "error"]
    assert (
        error["cell"] == "'I. Kết quả thực hiện'!D5" and ONLINE in error["cell_text"] and "nhiều" in error["cell_text"]
    )


def test_a_vietnamese_number_typed_as_text_is_read_with_a_word(tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        sheet, cell = at(made, ONLINE)
        book[sheet][cell] = "1.234"
        sheet, cell = at(made, ONLINE, layout.TOTAL)
        book[sheet][cell] = "2.000"

    found, code, unit = mistake(tmp_path, change)
    assert code == 0 and [f["code"] for f in found if f["code"] != "BC114"] == ["BC708", "BC708"]
    assert "count: '1234'" in unit.read_text(encoding="utf-8") or "count: 1234" in unit.read_text(encoding="utf-8")


@pytest.mark.parametrize("typed", ["8.5", "1,234"])
def test_a_number_that_reads_two_ways_is_refused(typed, tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        sheet, cell = at(made, "Thành viên Tổ công nghệ số cộng đồng")
        book[sheet][cell] = typed

    found, code, unit = mistake(tmp_path, change)
    assert code == 1 and not unit.exists()
    assert [f["code"] for f in found if f["severity"] == "error"] == ["BC709"]


def test_a_rate_typed_as_a_fraction_is_questioned(tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        sheet, cell = at(made, "Văn bản đi được ký số", layout.PERCENT)
        book[sheet][cell] = 0.95
        for col in (layout.VALUE, layout.TOTAL):
            sheet, cell = at(made, "Văn bản đi được ký số", col)
            book[sheet][cell] = None

    found, _, _ = mistake(tmp_path, change)
    (word,) = [f for f in found if f["code"] == "BC710"]
    assert word["severity"] == "warning" and "95%" in word["message"]


def test_a_count_above_its_total_is_an_error_at_the_count(tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        sheet, cell = at(made, ONLINE)
        book[sheet][cell] = 5000

    found, code, unit = mistake(tmp_path, change)
    assert code == 1 and not unit.exists()
    (error,) = [f for f in found if f["severity"] == "error"]
    assert error["cell"].endswith("!D5") and ONLINE in error["cell_text"]


def test_a_row_inserted_into_a_fixed_form_is_refused(tmp_path):
    found, code, unit = mistake(tmp_path, lambda book, made: book["Mẫu 01"].insert_rows(6))
    assert code == 1 and not unit.exists()
    assert [(f["code"], f["cell"]) for f in found] == [("BC706", "'Mẫu 01'!B6")]


def test_a_label_deleted_is_refused(tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        book["I. Kết quả thực hiện"]["B5"] = None

    found, code, _ = mistake(tmp_path, change)
    assert code == 1 and [f["code"] for f in found] == ["BC706"]


def test_merged_cells_are_refused(tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        book["I. Kết quả thực hiện"].merge_cells("D5:E5")

    found, code, _ = mistake(tmp_path, change)
    assert code == 1 and "BC707" in [f["code"] for f in found]


def test_a_form_of_another_version_of_the_outline_is_recognised(tmp_path):
    changed = tmp_path / "own"
    changed.mkdir()
    text = (ROOT / "src" / "baocao" / "data" / "outlines" / "cds-xa-2025.yaml").read_text(encoding="utf-8")
    (changed / "cds-xa-2025.yaml").write_text(text.replace("Văn bản đi được ký số", "Văn bản ký số"), encoding="utf-8")
    empty = tmp_path / "other.xlsx"
    assert run("form", "cds-xa-2025", "-o", str(empty), env={"BAOCAO_OUTLINES": str(changed)}).returncode == 0
    filled = tmp_path / "filled.xlsx"
    fill(empty, filled)
    result, unit = imported(tmp_path, filled)
    assert result.returncode == 1 and not unit.exists()
    assert "BC705" in [f["code"] for f in findings(result)]


def test_an_edited_hidden_sheet_is_recognised(tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        meta = book[layout.META_SHEET]
        meta["B6"] = str(meta["B6"].value).replace("Chính quyền số", "Chính quyền")

    found, code, _ = mistake(tmp_path, change)
    assert code == 1 and [f["code"] for f in found] == ["BC704"]


def test_a_workbook_that_is_not_a_form_an_old_xls_and_a_damaged_file_are_named(tmp_path):
    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Báo cáo"
    book.save(plain)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    for path, code in ((plain, "BC703"), (old, "BC701"), (broken, "BC702")):
        result, unit = imported(tmp_path, path)
        assert result.returncode == 1 and not unit.exists()
        assert [f["code"] for f in findings(result)] == [code]


def test_text_in_an_old_vietnamese_font_is_named(tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        sheet, cell = at(made, "Khó khăn, vướng mắc trong kỳ")
        book[sheet][cell] = "Thùc hiÖn tèt c¸c nhiÖm vô"

    found, _, _ = mistake(tmp_path, change)
    assert any(f["code"] == "BC001" and f["severity"] == "warning" for f in found), found


def test_text_outside_the_input_cells_is_not_dropped_in_silence(tmp_path):
    def change(book: Any, made: layout.Plan) -> None:
        book["I. Kết quả thực hiện"]["J5"] = "ghi thêm ở đây"

    found, code, _ = mistake(tmp_path, change)
    said = [(f["code"], f["cell"]) for f in found if f["code"] != "BC114"]  # 12,5 members: the filler's
    assert code == 0 and said == [("BC711", "'I. Kết quả thực hiện'!J5")]


def test_findings_of_a_workbook_print_its_cell_in_every_format(tmp_path):
    empty = form_of(tmp_path, "cds-xa-2025")
    text = run("import", str(empty), "-o", str(tmp_path / "x.yaml"))
    assert text.returncode == 1
    assert "form.xlsx:'Thông tin chung'!D" in text.stderr and "Điền vào ô nền vàng này." in text.stderr
    github = run("validate", str(empty), "--format", "github")
    assert "title='Thông tin chung'!D" in github.stdout.replace("%21", "!")


# --- the officer's path: a folder of workbooks, rolled up ----------------------------------------


def test_a_folder_of_filled_workbooks_rolls_up_as_the_same_units_in_yaml(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    communes = generate.write(tmp_path, 4)
    forms = tmp_path / "forms"
    forms.mkdir()
    for unit in sorted(communes.glob("*.yaml")):
        assert run("form", str(unit), "-o", str(forms / f"{unit.stem}.xlsx")).returncode == 0
    province = str(tmp_path / "province.yaml")
    assert run("rollup", str(communes), "--unit", province, "-o", str(tmp_path / "a.yaml")).returncode == 0
    assert run("rollup", str(forms), "--unit", province, "-o", str(tmp_path / "b.yaml")).returncode == 0
    a = (tmp_path / "a.yaml").read_text(encoding="utf-8").replace(".yaml", "")
    b = (tmp_path / "b.yaml").read_text(encoding="utf-8").replace(".xlsx", "")
    assert a == b


def test_import_of_a_folder_writes_each_good_form_and_names_the_bad(tmp_path):
    forms = tmp_path / "forms"
    forms.mkdir()
    empty = form_of(tmp_path, "cds-xa-2025")
    fill(empty, forms / "an.xlsx")
    shutil.copy(empty, forms / "binh.xlsx")  # sent back blank
    result = run("import", str(forms), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (tmp_path / "out" / "an.yaml").is_file() and not (tmp_path / "out" / "binh.yaml").exists()
    assert "1/2" in result.stderr and "binh.xlsx" in result.stderr


def test_import_will_not_write_over_a_file_without_force(tmp_path):
    empty = form_of(tmp_path, "cds-xa-2025")
    filled = tmp_path / "filled.xlsx"
    fill(empty, filled)
    target = tmp_path / "unit.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    assert run("import", str(filled), "-o", str(target)).returncode == 2
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert run("import", str(filled), "-o", str(target), "--force").returncode == 0


# --- build --xlsx ---------------------------------------------------------------------------------


def test_build_xlsx_writes_the_reports_tables_numbers_as_numbers(tmp_path):
    example = next(p for p in EXAMPLES if p.stem == "xa-dai-dong-cong-ttdt-2026-h1")
    result = run("build", str(example), "-o", str(tmp_path) + "/", "--xlsx")
    assert result.returncode == 0, result.stderr
    tables = tmp_path / f"{example.stem}-bang-so-lieu.xlsx"
    assert str(tables) in result.stdout
    book = CalamineWorkbook.from_path(str(tables))
    assert book.sheet_names[0] == "Số liệu" and "Mẫu 01" in book.sheet_names
    rows = book.get_sheet_by_name("Mẫu 01").to_python()
    assert any(isinstance(value, float) for value in rows[1])
    assert run("validate", str(tmp_path)).returncode == 0  # the tables beside the report are not taken for a form


# --- every block type says its cells ----------------------------------------------------------------


def test_a_block_type_without_cells_is_not_registered():
    facets = {name: getattr(REGISTRY["target"], name) for name in REGISTRY["target"].__dataclass_fields__}
    with pytest.raises(BlockTypeError, match="cells"):
        declare(**{name: value for name, value in facets.items() if name != "cells"})
    with pytest.raises(BlockTypeError, match="cells"):
        declare(**{**facets, "cells": None})


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_form_opens_in_libreoffice_calc(tmp_path):
    empty = form_of(tmp_path, "cong-ttdt-bac-ninh")
    command = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(empty)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    pdf = tmp_path / "form.pdf"
    if not pdf.exists() and "calc" in (result.stderr + result.stdout).lower():
        pytest.skip("LibreOffice Calc is not installed")
    assert pdf.exists(), result.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for said in ("THÔNG TIN CHUNG", "Mẫu 01", "Khó khăn, vướng mắc", "VB QPPL"):
        assert said in text, said
