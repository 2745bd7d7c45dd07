"""Hints that tell the fix, never one computed from data already wrong, never one another finding contradicts."""

from __future__ import annotations

from pathlib import Path

from baocao import api

ROOT = Path(__file__).resolve().parents[1]
GOOD = (ROOT / "data" / "examples" / "xa-minh-tan-2025-h2.yaml").read_text(encoding="utf-8")
TABLE = """      - table:
          key: lop
          title: "Lớp tập huấn:"
          columns:
            - {key: ten, title: Nội dung}
            - {key: lop, title: Số lớp, type: integer}
            - {key: nguoi, title: Số người, type: integer}
            - {key: gio, title: Số giờ, type: quantity}
          rows:
            - [Kỹ năng số, 2, 120, "3,5"]
            - [An toàn thông tin, 4, 125, 6]
          total: {lop: 6, nguoi: 245, gio: "9,5"}
"""


def findings(tmp_path: Path, text: str) -> list:
    path = tmp_path / "unit.yaml"
    path.write_text(text, encoding="utf-8")
    return [f for f in api.load(str(path)).findings if f.code != "BC605"]


def with_table(*pairs: tuple[str, str]) -> str:
    table = TABLE
    for old, new in pairs:
        assert old in table
        table = table.replace(old, new)
    anchor = "      - tasks:\n          key: kien_nghi_cong"
    return GOOD.replace(anchor, table + anchor)


def test_the_table_as_written_is_valid(tmp_path):
    assert findings(tmp_path, with_table()) == []


def test_a_decimal_comma_in_a_row_written_as_a_list_is_said_with_how_to_write_it_and_no_sum(tmp_path):
    [finding] = findings(tmp_path, with_table(('"3,5"]', "3,5]")))
    assert finding.code == "BC112" and finding.message() == (
        "Dòng 'Kỹ năng số' có 5 ô, bảng có 4 cột: '3,5' bị đọc thành hai ô '3' và '5'."
    )
    assert '"3,5"' in finding.hint() and "3.5" in finding.hint()  # no "Sửa thành 9,0" from the broken row


def test_a_cell_that_does_not_read_gives_no_fix_of_its_total(tmp_path):
    found = findings(tmp_path, with_table(("2, 120,", '2, "1,5",')))
    assert [f.code for f in found] == ["BC105"]  # not "BC201 … Sửa thành 125"


def test_a_wrong_total_of_cells_that_read_is_still_said(tmp_path):
    [finding] = findings(tmp_path, with_table(("nguoi: 245", "nguoi: 240")))
    assert finding.code == "BC201" and "Sửa thành 245" in finding.hint()


def test_a_bullet_written_as_a_list_is_one_finding_with_the_line_to_write(tmp_path):
    old = '      - "- Cán bộ phụ trách chuyển đổi số còn kiêm nhiệm; 02 thôn chưa có sóng 4G ổn định."'
    [finding] = findings(tmp_path, GOOD.replace(old, old.replace('- "- ', "- - ").rstrip('"')))
    assert finding.code == "BC103" and "danh sách nằm trong danh sách" in finding.message()
    assert '- "- Cán bộ phụ trách chuyển đổi số còn kiêm nhiệm; 02 thôn' in finding.hint()


def test_a_blank_count_beside_its_total_is_said_at_the_count_with_a_hint(tmp_path):
    [finding] = findings(tmp_path, GOOD.replace("              count: 9120\n", "              count:\n"))
    assert finding.code == "BC110" and finding.quote == "              count:"
    assert finding.message() == "'count' còn để trống trong khi 'total' đã ghi 12400."
    assert "count là số đạt được" in finding.hint()


def test_a_period_that_does_not_read_is_said_with_examples(tmp_path):
    text = GOOD.replace("  period: {type: half_year, number: 2, year: 2025}", "  period: 6 tháng giữa năm 2025")
    [finding] = findings(tmp_path, text)
    assert finding.code == "BC110" and "6 tháng đầu năm 2026, quý I/2026" in finding.message()


def test_a_blank_block_the_outline_asks_for_is_not_advised_away(tmp_path):
    text = GOOD.replace("              value: hơn 160\n", "")
    [finding] = findings(tmp_path, text)
    assert finding.code == "BC604" and "xóa khối nếu" not in finding.hint() and "không xóa" in finding.hint()
    starter = tmp_path / "starter.yaml"
    api_new = __import__("baocao.commands.new", fromlist=["new_file"])
    api_new.new_file("cds-xa-2025", str(starter), False, None, 2026, {}, None)
    said = [f for f in api.load(str(starter)).findings if f.code in ("BC604", "BC404")]
    assert said and all("hoặc xóa" not in f.hint() for f in said)


# --- what a clerk types by habit ------------------------------------------------------------------


def test_a_total_row_typed_into_a_table_is_refused_with_a_word(tmp_path):
    for first in ("Tổng cộng", "Tổng số", "Cộng", "TỔNG CỘNG:"):
        row = f'            - [An toàn thông tin, 4, 125, 6]\n            - ["{first}", 6, 245, "9,5"]'
        found = findings(tmp_path, with_table(("            - [An toàn thông tin, 4, 125, 6]", row)))
        assert [f.code for f in found] == ["BC113"], found  # and no sum computed with it
        assert "baocao tự tính dòng tổng cộng" in found[0].message() and "total: true" in found[0].hint()


def test_a_row_shorter_than_its_columns_is_said(tmp_path):
    [finding] = findings(tmp_path, with_table(("[An toàn thông tin, 4, 125, 6]", "[An toàn thông tin, 4, 125]")))
    assert finding.code == "BC112" and finding.message() == (
        "Dòng 'An toàn thông tin' chỉ có 3 ô, bảng có 4 cột: các ô thiếu sẽ in trống."
    )
    assert "Nội dung, Số lớp, Số người, Số giờ" in finding.hint()


def test_a_row_longer_than_its_columns_is_said(tmp_path):
    [finding] = findings(tmp_path, with_table(("[An toàn thông tin, 4, 125, 6]", "[An toàn thông tin, 4, 125, 6, x]")))
    assert finding.code == "BC112" and "có 5 ô, bảng có 4 cột" in finding.message()


def test_a_fractional_count_of_people_fails_strict(tmp_path):
    text = GOOD.replace("value: hơn 160\n              unit: thành viên", 'value: "48,5"\n              unit: người')
    text = text.replace("unit: thành viên", "unit: người")
    path = tmp_path / "unit.yaml"
    path.write_text(text, encoding="utf-8")
    found = [f for f in api.load(str(path)).findings if f.code != "BC606"]  # the đề cương's unit is thành viên
    assert [(f.code, f.severity.name) for f in found] == [("BC114", "WARNING")]
    assert found[0].message() == "'48,5 người': số đếm không có phần lẻ."
    measured = text.replace("unit: người", "unit: km")
    path.write_text(measured, encoding="utf-8")
    assert not [f for f in api.load(str(path)).findings if f.code == "BC114"]  # a measure may have a fraction


def test_a_text_left_as_dots_is_said_at_its_place(tmp_path):
    text = GOOD.replace("label: Văn bản đi được ký số,", 'label: "...",')
    text = text.replace(
        "posted: 4/4, integrated: Có, stats: Có đăng}",
        "posted: 4/4, integrated: Có, stats: Có đăng}\n            - {content: …, posted: 0/0}",
    )
    found = [f for f in findings(tmp_path, text) if f.code == "BC630"]
    assert [(f.line, f.params["stated"]) for f in found] == [(62, "..."), (93, "…")]
    assert "(Mẫu 01) › content" in found[1].message()
