"""A filled form is a file from elsewhere: a hostile or damaged workbook is a finding at its cell, never a crash.

Each case is read by ``baocao import`` in a process of its own (calamine aborts the process when asked for
a grid it cannot allocate): exit 1 with a finding, nothing written, within bounded time and memory.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from baocao.form import layout

from .test_form import ROOT, findings, imported, run

UNIT = ROOT / "data" / "examples" / "xa-minh-tan-2025-h2.yaml"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("base") / "form.xlsx"
    result = run("form", str(UNIT), "-o", str(target))
    assert result.returncode == 0, result.stderr
    return target


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        return {name: book.read(name) for name in book.namelist()}


def zipped(path: Path, members: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        for name, data in members.items():
            book.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1024 * 1024
    return path


def refused(tmp_path: Path, workbook: Path, code: str) -> dict[str, Any]:
    result, target = imported(tmp_path, workbook)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not target.exists()
    found = [f for f in findings(result) if f["code"] == code]
    assert found, result.stdout[-2000:]
    return found[0]


def with_sheet_data(base: Path, sheet: int, xml: bytes) -> dict[str, bytes]:
    members = parts(base)
    name = f"xl/worksheets/sheet{sheet}.xml"
    members[name] = members[name].replace(b"</sheetData>", xml + b"</sheetData>")
    return members


@pytest.mark.parametrize("sheet", [2, 8], ids=["a-section", "the-hidden-sheet"])
def test_a_cell_at_the_last_row_and_column_of_excel_is_refused_before_calamine_allocates_its_grid(
    base, tmp_path, sheet
):
    members = with_sheet_data(base, sheet, b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    found = refused(tmp_path, zipped(tmp_path / "far.xlsx", members), "BC702")
    assert "1048576" in found["message"]


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="A30" r="XFD1048576"><v>1</v></c>',  # calamine reads the last r: a grid of 512 GiB
        b'<c r="A30" s="1>" r="XFD1048576"><v>1</v></c>',  # a '>' in a value hid the second r from the check
        b"<c r='A30' r='XFD1048576'><v>1</v></c>",
    ],
    ids=["twice", "after-a-quoted-bracket", "single-quotes"],
)
def test_a_cell_that_names_two_places_is_refused_before_calamine_reads_the_far_one(base, tmp_path, cell):
    members = with_sheet_data(base, 2, b'<row r="30">' + cell + b"</row>")
    found = refused(tmp_path, zipped(tmp_path / "twice.xlsx", members), "BC702")
    assert "hai địa chỉ" in found["message"]


@pytest.mark.parametrize(
    ("place", "read"),
    [("GR20000", True), ("A020000", True), ("GS30", False), ("A20001", False), ("HA30", False), ("AAA30", False)],
)
def test_a_cell_at_the_edge_of_a_forms_bounds_is_read_and_one_past_it_refused(base, tmp_path, place, read):
    cell = f'<row r="{place.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{place}"><v>1</v></c></row>'
    result, target = imported(tmp_path, zipped(tmp_path / "edge.xlsx", with_sheet_data(base, 2, cell.encode())))
    assert "Traceback" not in result.stderr
    codes = {f["code"] for f in findings(result)}
    if read:  # read, and the stray number named at its cell
        assert "BC702" not in codes and "BC711" in codes, codes
    else:
        assert result.returncode == 1 and "BC702" in codes and not target.exists(), codes


def test_a_zip_bomb_is_refused_unread(base, tmp_path):
    members = parts(base)
    sheet = members["xl/worksheets/sheet2.xml"]
    end = sheet.index(b"</sheetData>")
    members["xl/worksheets/sheet2.xml"] = sheet[:end] + b" " * 200_000_000 + sheet[end:]
    found = refused(tmp_path, zipped(tmp_path / "bomb.xlsx", members), "BC702")
    assert "MiB" in found["message"]


def test_a_long_shared_text_shown_in_a_million_cells_is_refused(base, tmp_path):
    members = parts(base)
    strings = members["xl/sharedStrings.xml"].decode()
    index = strings.count("<si>")
    members["xl/sharedStrings.xml"] = strings.replace("</sst>", f"<si><t>{'A' * 2000}</t></si></sst>").encode()
    row = b"<row>" + f'<c t="s"><v>{index}</v></c>'.encode() * 100 + b"</row>"
    members["xl/worksheets/sheet2.xml"] = with_sheet_data(base, 2, row * 9000)["xl/worksheets/sheet2.xml"]
    refused(tmp_path, zipped(tmp_path / "shared.xlsx", members), "BC702")


def forged(base: Path, target: Path, change: Any) -> Path:
    """The form with its hidden frame changed and its digest made again: the digest is no secret."""
    book = openpyxl.load_workbook(base)
    meta = book[layout.META_SHEET]
    rows = [[cell.value for cell in row] for row in meta.iter_rows(max_col=2)]
    fields = {str(row[0]): row[1] for row in rows[:5]}
    kept = json.loads("".join(str(row[1]) for row in rows[5 : 5 + int(fields["chunks"])]))
    change(kept)
    text = json.dumps(kept, ensure_ascii=False)
    chunks = [text[i : i + 30000] for i in range(0, len(text), 30000)]
    for row in range(6, meta.max_row + 1):
        meta.cell(row, 2, None)
    for row, (key, _) in enumerate(rows[:5], 1):
        if key == "chunks":
            meta.cell(row, 2, str(len(chunks)))
        if key == "digest":
            meta.cell(row, 2, layout.digest_of(text, fields["outline"] or None, fields["outline_digest"] or None))
    for index, chunk in enumerate(chunks):
        meta.cell(6 + index, 1, index)
        meta.cell(6 + index, 2, chunk)
    book.save(target)
    return target


def test_a_forged_frame_with_its_digest_made_again_is_still_read(base, tmp_path):
    result, target = imported(tmp_path, forged(base, tmp_path / "same.xlsx", lambda kept: None))
    assert result.returncode == 0, result.stdout
    assert target.exists()


@pytest.mark.parametrize(
    "name", ["../../../../etc/passwd", "/etc/passwd", "..\\secret.yaml", "C:secret.yaml", "sub/../../x.yaml"]
)
def test_a_forged_frame_cannot_name_a_file_for_its_outline(base, tmp_path, name):
    def point(kept: dict[str, Any]) -> None:
        kept["frame"]["document"]["outline"] = name

    secret = tmp_path / "secret.yaml"
    secret.write_text("outline: {id: bí-mật}\nnội_dung: 'mật khẩu'\n", encoding="utf-8")
    found = refused(tmp_path, forged(base, tmp_path / "path.xlsx", point), "BC704")
    assert "ra ngoài thư mục" in found["message"]


def test_a_forged_frame_of_megabytes_is_refused_before_it_is_planned(base, tmp_path):
    def grow(kept: dict[str, Any]) -> None:
        kept["pad"] = ["x" * 1000] * 5000

    refused(tmp_path, forged(base, tmp_path / "big.xlsx", grow), "BC704")


def test_a_file_that_is_no_workbook_is_named_in_vietnamese(tmp_path):
    noise = tmp_path / "noise.xlsx"
    noise.write_bytes(b"\x00\x01 not a workbook at all" * 50)
    found = refused(tmp_path, noise, "BC702")
    assert "không nhận ra dạng tệp" in found["message"]
    assert "Cannot" not in found["message"]


def test_import_of_a_folder_without_forms_is_a_usage_error_not_a_silent_success(tmp_path):
    folder = tmp_path / "forms.xlsx"  # a folder named like a workbook
    folder.mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "unit.yaml").write_text("document: {}\n", encoding="utf-8")
    for name in (folder, tmp_path / "other"):
        result = run("import", str(name))
        assert result.returncode == 2, (result.returncode, result.stderr)
        assert "không có biểu mẫu Excel" in result.stderr


def test_a_file_beside_a_forged_form_named_as_its_outline_is_not_quoted(base, tmp_path):
    def point(kept: dict[str, Any]) -> None:
        kept["frame"]["document"]["outline"] = "notes.yaml"

    (tmp_path / "notes.yaml").write_text("khóa: 1\n  hunter2: [\n", encoding="utf-8")
    target = tmp_path / "unit.yaml"
    result = run("import", str(forged(base, tmp_path / "near.xlsx", point)), "-o", str(target))
    assert result.returncode == 1
    assert not target.exists()
    assert "hunter2" not in result.stdout + result.stderr


def test_a_units_outline_named_by_a_path_in_its_folder_still_imports(tmp_path):
    outline = (ROOT / "src" / "baocao" / "data" / "outlines" / "cds-xa-2025.yaml").read_text(encoding="utf-8")
    (tmp_path / "de-cuong").mkdir()
    (tmp_path / "de-cuong" / "cds-xa-2025.yaml").write_text(outline, encoding="utf-8")
    unit = tmp_path / "unit.yaml"
    text = UNIT.read_text(encoding="utf-8").replace("outline: cds-xa-2025", "outline: de-cuong/cds-xa-2025.yaml")
    unit.write_text(text, encoding="utf-8")
    form = tmp_path / "form.xlsx"
    assert run("form", str(unit), "-o", str(form)).returncode == 0
    result, target = imported(tmp_path, form, "back.yaml")
    assert result.returncode == 0, result.stdout
    assert "outline: de-cuong/cds-xa-2025.yaml" in target.read_text(encoding="utf-8")


def typed_in(base: Path, tmp_path: Path, kind: str, cell: str, name: str) -> Path:
    """The form with the first input of ``kind`` on its first sheet written as the raw XML ``cell`` (R: its ref)."""
    from .formfill import plan_of

    made = plan_of(base)
    item = next(i for i in made.sheets[0].inputs if i.at and i.slot.kind == kind)
    ref = f"{chr(65 + item.col)}{item.row + 1}"
    members = parts(base)
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    changed = re.sub(rf'<c r="{ref}"[^>]*?(/>|>.*?</c>)', cell.replace("R", ref), sheet, count=1)
    assert changed != sheet
    members["xl/worksheets/sheet1.xml"] = changed.encode()
    return zipped(tmp_path / name, members)


@pytest.mark.parametrize("kind", ["integer", "long_text", "date"])
def test_an_infinite_number_in_a_cell_is_a_finding_not_a_crash(base, tmp_path, kind):
    result, _ = imported(tmp_path, typed_in(base, tmp_path, kind, '<c r="R"><v>1e400</v></c>', "inf.xlsx"))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "OverflowError" not in result.stderr


@pytest.mark.parametrize("kind", ["long_text", "lines", "text"])
def test_a_control_character_in_a_cell_is_an_error_at_its_cell(base, tmp_path, kind):
    cell = '<c r="R" t="inlineStr"><is><t>a_x0001_b</t></is></c>'
    found = refused(tmp_path, typed_in(base, tmp_path, kind, cell, "ctrl.xlsx"), "BC008")
    assert found["cell"].startswith("'Thông tin chung'!")


def test_forty_thousand_letters_in_a_cell_are_read_in_linear_time(base, tmp_path):
    from baocao.load.source import legacy_word

    started = time.perf_counter()
    assert legacy_word("x" * 40000) is None
    assert legacy_word("xÀ" * 20000 + " ¯") is None
    assert legacy_word("Trong x" * 5000 + " Hµng") is not None
    assert time.perf_counter() - started < 5  # seconds before, word by word now: a guard, not a speed claim
    cell = '<c r="R" t="inlineStr"><is><t>' + "x" * 40000 + "</t></is></c>"
    result, _ = imported(tmp_path, typed_in(base, tmp_path, "long_text", cell, "long.xlsx"))
    assert result.returncode == 0, result.stdout[-500:]


def test_a_filled_form_makes_a_new_form_with_its_values_and_never_over_itself(base, tmp_path):
    again = tmp_path / "again.xlsx"
    result = run("form", str(base), "-o", str(again))
    assert result.returncode == 0, result.stderr  # was: "--outline form.xlsx: không tìm thấy đề cương"
    back, target = imported(tmp_path, again)
    assert back.returncode == 0, back.stdout
    assert run("diff", str(target), str(UNIT)).returncode == 0
    same = run("form", str(base), "-o", str(base), "--force")
    assert same.returncode == 2 and "chính là tệp đầu vào" in same.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice converts the form to .ods")
def test_an_ods_with_a_cell_after_a_million_repeated_rows_is_refused_before_calamine_allocates(base, tmp_path):
    converted = subprocess.run(
        ["soffice", "--headless", "--convert-to", "ods", "--outdir", str(tmp_path), str(base)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    ods = tmp_path / "form.ods"
    assert ods.exists(), converted.stderr
    result, _ = imported(tmp_path, ods, "plain.yaml")
    assert result.returncode == 0, result.stdout[-500:]  # LibreOffice's million empty rows are no problem
    members = parts(ods)
    content = members["content.xml"].decode()
    end = content.index("</table:table>")
    row = '<table:table-row><table:table-cell table:number-columns-repeated="60" office:value-type="string">'
    row += "<text:p>x</text:p></table:table-cell></table:table-row>"
    members["content.xml"] = (content[:end] + row + content[end:]).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(ods) as source, zipfile.ZipFile(buffer, "w") as book:
        for info in source.infolist():  # the mimetype first and stored, as OpenDocument wants
            book.writestr(info, members[info.filename], compress_type=info.compress_type)
    (tmp_path / "far.ods").write_bytes(buffer.getvalue())
    found = refused(tmp_path, tmp_path / "far.ods", "BC702")  # was: calamine's grid of 1048577 x 60 cells, 3.9 GB
    assert "1048577" in found["message"]


def test_a_number_outside_the_inputs_is_shown_as_the_clerk_typed_it(base, tmp_path):
    book = openpyxl.load_workbook(base)
    book.worksheets[1].cell(200, 2, 1)
    book.save(tmp_path / "stray.xlsx")
    result, _ = imported(tmp_path, tmp_path / "stray.xlsx")
    stray = [f for f in findings(result) if f["code"] == "BC711"]
    assert stray and "('1')" in stray[0]["message"], stray  # was '1.0'


def test_cells_only_formatted_far_below_the_form_are_no_reason_to_refuse_it(base, tmp_path):
    cells = "".join(f'<c r="{c}{{r}}" s="1"/>' for c in "ABCDEFGH")
    rows = "".join(f'<row r="{r}">' + cells.format(r=r) + "</row>" for r in range(20, 30000))
    members = with_sheet_data(base, 2, rows.encode())
    result, target = imported(tmp_path, zipped(tmp_path / "styled.xlsx", members))
    assert result.returncode == 0, result.stdout[-500:]
    assert target.exists()


def test_a_far_cell_written_with_a_namespace_prefix_or_in_a_sheet_kept_elsewhere_is_refused(base, tmp_path):
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    members = parts(base)
    sheet = members["xl/worksheets/sheet2.xml"].decode()
    sheet = sheet.replace(' xmlns="http://schemas', ' xmlns:x="http://schemas')
    sheet = re.sub(r"<(/?)(?!x:|\?)([a-zA-Z]+)", r"<\1x:\2", sheet)
    prefixed = far.decode().replace("<", "<x:").replace("<x:/", "</x:")
    members["xl/worksheets/sheet2.xml"] = sheet.replace("</x:sheetData>", prefixed).encode()
    assert "1048576" in refused(tmp_path, zipped(tmp_path / "prefixed.xlsx", members), "BC702")["message"]
    members = parts(base)
    members["other/s.xml"] = members.pop("xl/worksheets/sheet2.xml").replace(b"</sheetData>", far)
    for name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
        members[name] = members[name].replace(b"worksheets/sheet2.xml", b"../other/s.xml").replace(b"/xl/../", b"/")
    assert "1048576" in refused(tmp_path, zipped(tmp_path / "moved.xlsx", members), "BC702")["message"]


def test_millions_of_empty_tags_are_refused_in_bounded_time(base, tmp_path):
    members = with_sheet_data(base, 2, b"<row>" + b"<c/>" * 11_000_000 + b"</row>")
    started = time.perf_counter()
    found = refused(tmp_path, zipped(tmp_path / "tags.xlsx", members), "BC702")
    assert "thẻ XML" in found["message"]
    assert time.perf_counter() - started < 10  # was 20 s in the size check itself


def test_a_zip_with_two_parts_of_one_name_is_refused(base, tmp_path):
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        warnings.simplefilter("ignore")  # zipfile says "Duplicate name": that is the point
        for name, data in parts(base).items():
            book.writestr(name, data)
            if name == "xl/worksheets/sheet2.xml":
                book.writestr(name, data)
    (tmp_path / "twice.xlsx").write_bytes(buffer.getvalue())
    assert "cùng tên" in refused(tmp_path, tmp_path / "twice.xlsx", "BC702")["message"]
