"""The unit's own outline: sections as written, typed blocks, their checks, the registry."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from baocao import api
from baocao.blocks import REGISTRY
from baocao.core.errors import InputError
from baocao.render.annex import annex_columns, annex_row

from .conftest import write

HEAD = """\
document:
  level: commune
  issuing_body: Ủy ban nhân dân xã Tịnh Hà
  short_name: UBND xã Tịnh Hà
  area: xã Tịnh Hà
  symbol: BC-UBND
  place: Tịnh Hà
  date: 05/01/2026
  period: {type: year, year: 2025}
  subject: tình hình chuyển đổi số năm 2025
  signer: {authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: Nguyễn Văn A}
"""


def findings(tmp_path: Path, body: str) -> list[tuple[str, int, int]]:
    path = write(tmp_path, HEAD + body)
    return [(f.code, f.line, f.col) for f in api.load(str(path)).findings]


def text_of(tmp_path: Path, body: str) -> list[str]:
    path = write(tmp_path, HEAD + body)
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    document = docx.Document(str(target))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables[1:]:
        lines += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return lines


def test_sections_print_in_the_order_written_numbered_by_the_files_styles(tmp_path):
    body = """\
numbering: I. 1. a)
sections:
  - title: Công tác chỉ đạo
    content: [Đã ban hành kế hoạch.]
    sections:
      - title: Kinh tế số
        content: [Có 12 cửa hàng số.]
        sections:
          - title: Thanh toán
            content: [Ví điện tử.]
  - title: Báo chí
    content: [Tuyên truyền.]
"""
    lines = text_of(tmp_path, body)
    headings = [line for line in lines if line[:2] in ("I.", "II", "1.", "a)")]
    assert headings == ["I. CÔNG TÁC CHỈ ĐẠO", "1. Kinh tế số", "a) Thanh toán", "II. BÁO CHÍ"]


def test_a_section_with_nothing_under_it_is_not_printed_and_validate_says_so(tmp_path):
    body = """\
sections:
  - title: Trống
  - title: Có nội dung
    content: [Một đoạn.]
"""
    assert findings(tmp_path, body) == [("BC404", 13, 12)]
    lines = text_of(tmp_path, body)
    assert not any("TRỐNG" in line for line in lines)
    assert "I. CÓ NỘI DUNG" in lines


def test_sections_deeper_than_the_numbering_are_an_error(tmp_path):
    body = """\
numbering: 1. a)
sections:
  - title: A
    sections:
      - title: B
        sections:
          - title: C
            content: [x]
"""
    assert ("BC405", 18, 20) in findings(tmp_path, body)


def test_numbering_styles_must_go_inwards(tmp_path):
    assert [code for code, *_ in findings(tmp_path, "numbering: a) 1.\n")] == ["BC110"]


def test_more_than_four_levels_in_the_styles_real_reports_use(tmp_path):
    """Seed 002's outline: "I." then "2." then "(1)" then "+ Kết quả thực hiện:", and "2.1." under "2. Mục tiêu cụ thể";
    a part "A." above it all and "(i)", "-" below, each level numbered in its own style and set in its heading type."""
    body = """\
numbering: A. I. 1. 1.1. a) (1) (i) -
sections:
  - title: Kết quả năm 2023
    sections:
      - title: Kết quả triển khai chuyển đổi số năm 2023
        sections:
          - title: Công tác chỉ đạo, điều hành
            content: [Đã thực hiện 02 cuộc họp của Ban Chỉ đạo.]
          - title: Kết quả thực hiện Quyết định số 03/QĐ-BCĐ
            sections:
              - title: Mục tiêu cụ thể
                sections:
                  - title: Nhận thức số
                    sections:
                      - title: Các xã Trà Tân và xã Trà Giang đạt chuẩn nông thôn mới
                        sections:
                          - title: Tiêu chí 8.1
                            sections:
                              - title: "Kết quả thực hiện:"
                                content: [Hai xã có điểm phục vụ bưu chính.]
                          - title: Tiêu chí 8.2
                            content: [Các xã có dịch vụ viễn thông.]
  - title: Nhiệm vụ năm 2024
    sections:
      - title: Giải pháp
        content: [Đẩy mạnh truyền thông.]
"""
    assert findings(tmp_path, body) == []
    path = write(tmp_path, HEAD + body)
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    headings = [(p.style.name[-1], p.text) for p in docx.Document(str(target)).paragraphs if "Heading" in p.style.name]
    assert headings == [
        ("1", "A. KẾT QUẢ NĂM 2023"),
        ("1", "I. KẾT QUẢ TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2023"),
        ("2", "1. Công tác chỉ đạo, điều hành"),
        ("2", "2. Kết quả thực hiện Quyết định số 03/QĐ-BCĐ"),
        ("3", "2.1. Mục tiêu cụ thể"),
        ("4", "a) Nhận thức số"),
        ("4", "(1) Các xã Trà Tân và xã Trà Giang đạt chuẩn nông thôn mới"),
        ("4", "(i) Tiêu chí 8.1"),
        ("4", "- Kết quả thực hiện:"),
        ("4", "(ii) Tiêu chí 8.2"),
        ("1", "B. NHIỆM VỤ NĂM 2024"),
        ("1", "I. GIẢI PHÁP"),
    ]


def test_a_composed_number_goes_one_level_deeper_under_itself(tmp_path):
    body = """\
numbering: I. 1. 1.1. 1.1.
sections:
  - title: Nhiệm vụ, giải pháp năm 2024
    sections:
      - title: Mục tiêu cụ thể
        sections:
          - title: Về chuyển đổi số trong hoạt động của các cơ quan Đảng, Nhà nước
            sections:
              - title: Hạ tầng số
                content: [100% cơ quan có mạng truyền số liệu chuyên dùng.]
"""
    lines = text_of(tmp_path, body)
    assert "1.1. Về chuyển đổi số trong hoạt động của các cơ quan Đảng, Nhà nước" in lines
    assert "1.1.1. Hạ tầng số" in lines


def test_a_section_numbers_its_own_sub_sections_in_the_styles_it_says(tmp_path):
    """Seed 002: "2. Kết quả thực hiện Quyết định số 03" goes on with "(1)" and "+", while "3." goes on with "a)"."""
    body = """\
numbering: I. 1. a)
sections:
  - title: Kết quả triển khai chuyển đổi số năm 2023
    sections:
      - title: Kết quả thực hiện Quyết định số 03/QĐ-BCĐ
        numbering: (1) +
        sections:
          - title: Các xã Trà Tân và xã Trà Giang đạt chuẩn nông thôn mới
            sections:
              - title: "Kết quả thực hiện:"
                content: [Hai xã có điểm phục vụ bưu chính.]
          - title: Triển khai đạt tiêu chí về người dân có sử dụng điện thoại thông minh
            content: [Huyện chưa đạt.]
      - title: Kết quả thực hiện các mục tiêu về chuyển đổi số năm 2023
        sections:
          - title: Nhận thức số
            content: [Tuyên truyền trên Trang thông tin điện tử.]
"""
    assert findings(tmp_path, body) == []
    headings = [line for line in text_of(tmp_path, body) if line[:2] in ("I.", "1.", "2.", "(1", "(2", "+ ", "a)")]
    assert headings == [
        "I. KẾT QUẢ TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2023",
        "1. Kết quả thực hiện Quyết định số 03/QĐ-BCĐ",
        "(1) Các xã Trà Tân và xã Trà Giang đạt chuẩn nông thôn mới",
        "+ Kết quả thực hiện:",
        "(2) Triển khai đạt tiêu chí về người dân có sử dụng điện thoại thông minh",
        "2. Kết quả thực hiện các mục tiêu về chuyển đổi số năm 2023",
        "a) Nhận thức số",
    ]
    deeper = body.replace("content: [Hai xã có điểm phục vụ bưu chính.]", "sections: [{title: Sâu, content: [x]}]")
    assert findings(tmp_path, deeper) == [("BC405", 22, 36)]  # deeper than the section's own "(1) +"


@pytest.mark.parametrize("numbering", ["1. I.", "a) (1) a)", "I. 1. 1.", '"- + -"', '"+ -"'])
def test_a_numbering_that_goes_outwards_or_repeats_a_style_is_an_error(tmp_path, numbering):
    assert [code for code, *_ in findings(tmp_path, f"numbering: {numbering}\n")] == ["BC110"]


ANNEXES = """\
sections:
  - title: Hạ tầng số
    content: ["Toàn huyện có 16 đài truyền thanh cấp xã, chi tiết tại Phụ lục I."]
annexes:
  - title: Đài truyền thanh cấp xã theo tần số
    content:
      - table:
          columns:
            - {key: xa, title: Xã, type: text}
            - {key: bang, title: Tần số, type: text}
            - {key: cum_loa, title: Cụm loa, type: integer}
          rows: [[Trà Tân, 87-108 MHz, 12], [Trà Giang, 54-68 MHz, 9]]
          total: true
  - title: Tổ công nghệ số cộng đồng
    landscape: true
    content: ["- Cấp xã: 16 tổ với 162 thành viên."]
  - title: Chưa có số liệu
"""


def test_the_reports_own_annexes_follow_the_signature_each_with_its_kem_theo_line(tmp_path):
    assert findings(tmp_path, ANNEXES) == [("BC404", 28, 12)]  # the annex with nothing in it is not printed
    path = write(tmp_path, HEAD + ANNEXES)
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    document = docx.Document(str(target))
    lines = [p.text for p in document.paragraphs]
    after = lines[lines.index("Phụ lục I") :]
    assert lines.index("Trên đây là báo cáo tình hình chuyển đổi số năm 2025./.") < lines.index("Phụ lục I")
    gap = "\u00a0" * 6  # the number left for the văn thư
    kem_theo = f"(Kèm theo Báo cáo số {gap}/BC-UBND ngày 05/01/2026 của UBND xã Tịnh Hà)"
    assert [line for line in after if line.startswith("Phụ lục")] == ["Phụ lục I", "Phụ lục II"]
    assert [line.replace("\n", " ") for line in after].count(kem_theo) == 2  # on a portrait and a landscape page
    assert "ĐÀI TRUYỀN THANH CẤP XÃ THEO TẦN SỐ" in after and "- Cấp xã: 16 tổ với 162 thành viên." in after
    assert not any("CHƯA CÓ SỐ LIỆU" in line for line in lines)
    assert "Trà Giang | 54-68 MHz | 9" in [
        " | ".join(c.text for c in row.cells[1:]) for row in document.tables[-1].rows
    ]
    assert [s.orientation for s in document.sections][-2:] == [0, 1]  # the second annex on a landscape page
    said = "Chi tiết tại Phụ lục I (đài truyền thanh cấp xã theo tần số) và Phụ lục II (tổ công nghệ số cộng đồng)"
    assert said + " kèm theo Báo cáo này." in lines  # the body names Phụ lục I only: the sentence names both


def test_an_annexs_numbers_are_checked_diffed_and_carried_as_a_sections_are(tmp_path):
    wrong = ANNEXES.replace("total: true", "total: {cum_loa: 20}")
    assert findings(tmp_path, wrong) == [("BC201", 24, 28), ("BC404", 28, 12)]  # the stated total, at its place
    old = write(tmp_path, HEAD + ANNEXES, "old.yaml")
    new = write(
        tmp_path,
        HEAD.replace("year: 2025", "year: 2026") + ANNEXES.replace("Giang, 54-68 MHz, 9", "Giang, 54-68 MHz, 11"),
        "new.yaml",
    )
    changes, _ = api.diff(str(old), str(new), force=True)
    changed = [(c.section, c.path, c.old, c.new) for c in changes if c.section == "annexes"]
    assert changed == [
        ("annexes", ("Đài truyền thanh cấp xã theo tần số", "bảng", "rows", "Trà Giang", "Cụm loa"), "9", "11")
    ]
    _, text = api.next_file(str(old), "-")
    assert "# năm 2025: cum_loa: 9" in text and "title: Đài truyền thanh cấp xã theo tần số" in text


CHANGES = """\
sections:
  - title: Hạ tầng số
    content:
      - figure: {label: Thuê bao băng rộng di động, value: 101400, unit: thuê bao, change: "tăng 42,29%"}
      - figure: {label: Trạm BTS, value: 136, unit: trạm, change: -3}
      - figure: {label: Điểm phục vụ bưu chính, value: 22, unit: điểm, change: "+0"}
"""


def test_a_change_stated_without_the_value_it_is_from_is_printed_as_stated(tmp_path):
    """ "… 101.400 thuê bao, tăng 42,29% so với cùng kỳ": the report knows the change, not last year's count."""
    head = HEAD.replace("  subject:", "  previous_period: {type: year, year: 2024}\n  subject:")
    path = write(tmp_path, head + CHANGES)
    assert api.load(str(path)).findings == []
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    lines = [p.text for p in docx.Document(str(target)).paragraphs if p.text.startswith("- ")]
    assert lines == [
        "- Thuê bao băng rộng di động: 101.400 thuê bao, tăng 42,29% so với cùng kỳ năm 2024;",
        "- Trạm BTS: 136 trạm, giảm 03 trạm so với cùng kỳ năm 2024;",
        "- Điểm phục vụ bưu chính: 22 điểm, không thay đổi so với cùng kỳ năm 2024.",
    ]
    _, carried = api.next_file(str(path), "-")
    assert "# năm 2025: Trạm BTS: -3 so với kỳ trước" in carried and "change:" not in carried


@pytest.mark.parametrize(
    ("change", "said"),
    [("khoảng 3", "mức tăng, giảm ghi dạng"), ("3 trạm", "mức tăng, giảm ghi dạng"), ("-3, previous: 139", "cả hai")],
)
def test_a_change_is_written_with_its_direction_and_not_beside_a_previous_value(tmp_path, change, said):
    wrong = CHANGES.replace("change: -3", f"change: {change}")
    found = api.load(str(write(tmp_path, HEAD + wrong))).findings
    assert [f.code for f in found] == ["BC110"] and said in str(found[0].params)


SHARES_OF = """\
sections:
  - title: Dịch vụ công trực tuyến
    content:
      - figure:
          label: Hồ sơ tiếp nhận
          value: 2945
          unit: hồ sơ
          parts_are: of_which
          parts:
            - {label: hồ sơ trực tuyến, value: 1688, percent: "57,3"}
            - {label: hồ sơ toàn trình, value: 1200, percent: "71,1", of: hồ sơ trực tuyến}
"""


def test_a_trong_do_share_may_be_of_another_part_and_is_checked_on_that_base(tmp_path):
    """ "2.945 hồ sơ, trong đó 1.688 trực tuyến (57,3%), 1.200 toàn trình (chiếm 71,1% hồ sơ trực tuyến)"."""
    assert findings(tmp_path, SHARES_OF) == []
    lines = text_of(tmp_path, SHARES_OF)
    assert (
        "- Hồ sơ tiếp nhận: 2.945 hồ sơ, trong đó: 1.688 hồ sơ trực tuyến (57,3%), "
        "1.200 hồ sơ toàn trình (chiếm 71,1% hồ sơ trực tuyến)." in lines
    )
    # 40,7% is 1.200 of the 2.945 received: the rate of the wrong base is caught at it, with the right one
    wrong = SHARES_OF.replace('"71,1"', '"40,7"')
    assert findings(tmp_path, wrong) == [("BC211", 22, 63)]
    assert findings(tmp_path, SHARES_OF.replace('"57,3"', '"57,9"')) == [("BC211", 21, 63)]
    unknown = SHARES_OF.replace("of: hồ sơ trực tuyến", "of: hồ sơ trực tiếp")
    assert [code for code, *_ in findings(tmp_path, unknown)] == ["BC110"]


def test_every_value_of_a_figure_and_an_indicator_is_printed(tmp_path):
    body = """\
sections:
  - title: Kết quả
    content:
      - figure:
          label: Thành viên tổ công nghệ số
          value: hơn 8130
          unit: thành viên
          parts_are: of_which
          parts: [{label: ở thôn, value: 5200}]
          note: số liệu tháng 12
      - indicator:
          label: Hồ sơ trực tuyến
          percent: 74,57
          levels: [{label: cấp xã, count: 3179, total: 3179}]
      - indicator: {label: Văn bản ký số, percent: trên 98}
"""
    lines = text_of(tmp_path, body)
    assert "- Thành viên tổ công nghệ số: hơn 8.130 thành viên, trong đó: 5.200 ở thôn (số liệu tháng 12);" in lines
    assert "- Hồ sơ trực tuyến: đạt 74,57%, trong đó: cấp xã 3.179/3.179, đạt 100%;" in lines
    assert "- Văn bản ký số: đạt trên 98%." in lines


def test_qualified_values_are_bounds(tmp_path):
    body = """\
sections:
  - title: Kết quả
    content:
      - indicator: {label: A, count: 90, total: 100, percent: trên 80}
      - indicator: {label: B, count: 90, total: 100, percent: trên 95}
      - figure: {label: C, value: trên 10, parts: [{label: x, value: 6}, {label: y, value: 6}]}
      - figure: {label: D, value: dưới 10, parts: [{label: x, value: 6}, {label: y, value: 6}]}
      - figure: {label: E, value: 10, parts_are: of_which, parts: [{label: x, value: 11}]}
      - figure: {label: F, value: 10, parts_are: overlap, parts: [{label: x, value: 8}, {label: y, value: 7}]}
"""
    assert findings(tmp_path, body) == [("BC211", 16, 63), ("BC201", 18, 35), ("BC202", 19, 35)]


def test_a_sub_rate_is_not_a_part_that_must_stay_below_its_whole(tmp_path):
    body = """\
sections:
  - title: Kết quả
    content:
      - indicator:
          label: Hồ sơ trực tuyến
          count: 10
          total: 100
          levels: [{label: cấp xã, percent: "74,57"}, {label: cấp huyện, count: 5, total: 4}]
"""
    assert findings(tmp_path, body) == [("BC212", 19, 81)]


def test_table_cells_are_typed_by_their_columns_at_their_place(tmp_path):
    body = """\
sections:
  - title: Biểu mẫu
    content:
      - table:
          columns:
            - {key: unit, title: Đơn vị}
            - {key: docs, title: Văn bản đăng tải, type: count_of_total}
            - {key: portal, title: Tích hợp, type: yes_no}
            - {key: stats, title: Thống kê, type: choice, choices: [Có đăng, Không đăng]}
            - {key: money, title: Kinh phí, type: money}
          rows:
            - {unit: Xã A, docs: 3/5, portal: Có, stats: Có đăng, money: "12,5"}
            - {unit: Xã B, docs: 3 of 5, portal: maybe, stats: Đăng, money: 1.234.567, extra: 1}
          total: {money: "13"}
"""
    got = findings(tmp_path, body)
    assert got == [
        ("BC105", 24, 34),
        ("BC108", 24, 50),
        ("BC108", 24, 64),
        ("BC104", 24, 77),
        ("BC102", 24, 95),
    ]  # no BC201 of the money total: a sum over a cell that does not read (1.234.567) would mislead


def test_a_table_prints_its_group_header_every_cell_and_the_computed_total(tmp_path):
    body = """\
sections:
  - title: Biểu mẫu
    content:
      - table:
          unit: triệu đồng
          columns:
            - {key: unit, title: Đơn vị}
            - {key: docs, title: VB QPPL, type: count_of_total, group: Đăng tải}
            - {key: plans, title: Kế hoạch, type: count_of_total, group: Đăng tải}
            - {key: money, title: Kinh phí, type: money}
            - {key: day, title: Ngày, type: date}
          rows:
            - [Xã A, 3/5, 1/1, "1200,5", 27/6/2025]
            - [Xã B, 2/2, 0/1, "800", ""]
          total: true
"""
    lines = text_of(tmp_path, body)
    assert "TT | Đơn vị | Đăng tải | Đăng tải | Kinh phí | Ngày" in lines
    assert " | Đơn vị | VB QPPL | Kế hoạch | Kinh phí | Ngày" not in lines  # titles sit in the second row
    assert "1 | Xã A | 3/5 | 1/1 | 1.200,5 | 27/6/2025" in lines
    assert "Tổng cộng | Tổng cộng | 5/7 | 1/2 | 2.000,5 | " in lines


def test_text_keeps_a_literal_asterisk_and_dash_when_escaped(tmp_path):
    body = r"""sections:
  - title: Ghi chú
    content:
      - |
        \- không phải gạch đầu dòng; dấu \* giữ nguyên, *nghiêng* và **đậm**
        * Nhóm
"""
    path = write(tmp_path, HEAD + body)
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    paragraphs = docx.Document(str(target)).paragraphs
    line = next(p for p in paragraphs if "gạch đầu dòng" in p.text)
    assert line.text == "- không phải gạch đầu dòng; dấu * giữ nguyên, nghiêng và đậm"
    assert [r.text for r in line.runs if r.italic] == ["nghiêng"]
    assert [r.text for r in line.runs if r.bold] == ["đậm"]


def test_an_entry_holds_one_block(tmp_path):
    body = """\
sections:
  - title: A
    content:
      - {figure: {label: x, value: 1}, target: {label: y, value: 2}}
      - figur: {label: x, value: 1}
"""
    got = findings(tmp_path, body)
    assert [code for code, *_ in got] == ["BC110", "BC102"]


def test_text_with_a_colon_read_as_a_key_says_to_quote_it(tmp_path):
    path = write(tmp_path, HEAD + "sections:\n  - title: A\n    content:\n      - Kết quả: tốt\n")
    (finding,) = api.load(str(path)).findings
    assert finding.code == "BC102" and "dấu nháy" in finding.hint()


def test_answers_are_one_of_their_choices(tmp_path):
    body = """\
sections:
  - title: A
    content:
      - answer: {label: Tích hợp Cổng DVC, value: có}
      - answer: {label: Thống kê ngành, value: Có đăng, choices: posted}
      - answer: {label: Phòng họp không giấy, value: Sắp xong, choices: done}
"""
    assert findings(tmp_path, body) == [("BC108", 17, 54)]
    body = body.replace("value: Sắp xong", "value: chưa thực hiện")
    lines = text_of(tmp_path, body)
    assert "- Tích hợp Cổng DVC: Có;" in lines
    assert "- Phòng họp không giấy: Chưa thực hiện." in lines


def test_citations_anywhere_are_checked_like_the_documents(tmp_path):
    body = """\
opening:
  - citation: {action: Căn cứ, type: Kế hoạch, number: 9/KH-UBND, date: 10/01/2025, issuer: UBND tỉnh}
  - citation: {action: Căn cứ, type: Kế hoạch, number: 12/CV-UBND, date: 10/2/2026}
sections:
  - title: A
    content: [x]
"""
    assert [code for code, *_ in findings(tmp_path, body)] == ["BC303", "BC304", "BC305"]


def test_cited_documents_of_the_opening_are_paragraphs_and_those_of_a_section_items(tmp_path):
    body = """\
opening:
  - citation: {action: Căn cứ, type: Kế hoạch, number: 09/KH-UBND, date: 10/01/2025, issuer: UBND tỉnh}
  - citation: {action: Thực hiện, type: Công văn, number: 12/SKHCN-CĐS, date: 10/2/2025, issuer: Sở KH&CN}
sections:
  - title: A
    content:
      - citation: {action: Thực hiện, type: Kế hoạch, number: 20/KH-UBND, date: 1/3/2025, issuer: UBND xã}
"""
    lines = text_of(tmp_path, body)
    assert any(line.startswith("Căn cứ Kế hoạch số 09/KH-UBND") and line.endswith(";") for line in lines)
    assert any(line.startswith("Thực hiện Công văn số 12/SKHCN-CĐS") and line.endswith(";") for line in lines)
    assert any(line.startswith("- Thực hiện Kế hoạch số 20/KH-UBND") for line in lines)


def test_an_entry_of_content_has_a_key_per_block_type_and_an_outline_asks_for_those_that_say_how():
    assert set(REGISTRY.entry_model().model_fields) == set(REGISTRY)
    asked = {name for name, kind in REGISTRY.items() if kind.expected is not None}
    assert set(REGISTRY.expect_model().model_fields) == asked
    assert asked >= {"text", "figure", "indicator", "target", "answer", "table", "tasks"}  # the built-in ones


# One block of each type, as a unit file writes it.
SAMPLES = {
    "text": "Đã triển khai.",
    "citation": {"action": "Căn cứ", "type": "Kế hoạch", "number": "09/KH-UBND", "date": "10/01/2025"},
    "figure": {"label": "Dịch vụ công", "unit": "dịch vụ", "parts": [{"label": "một phần", "value": "25"}]},
    "indicator": {"label": "Hồ sơ trực tuyến", "count": "1688", "total": "2945"},
    "target": {"label": "Hộ có cáp quang", "value": "trên 80"},
    "answer": {"label": "Có cổng thông tin", "value": "có"},
    "table": {
        "columns": [{"key": "x", "title": "Xã"}, {"key": "n", "title": "Số", "type": "integer"}],
        "rows": [["A", "2"]],
    },
    "tasks": {"rows": [{"task": "Số hóa"}]},
    "budget": {"items": [{"name": "Máy tính", "amount": "20"}]},
    "radio": {"communes": "5", "summary": {"total": "4"}},
    "public_services": {"dossiers": {"received": "2945", "online": "1688"}},
    "teams": [{"level": "Cấp xã", "teams": "5", "members": "40"}],
}


def test_every_block_type_says_its_row_in_an_annex_of_one_row_per_unit():
    """Every type states its annex row; those that hold values give a row as long as its columns."""
    assert set(SAMPLES) == set(REGISTRY), "a block type with no sample here: add one, and say its annex row"
    with_row = {kind for kind, entry in REGISTRY.items() if entry.annex is not None}
    built_in = {"figure", "indicator", "target", "answer", "table", "budget", "radio", "public_services", "teams"}
    assert with_row >= built_in
    for kind, data in SAMPLES.items():
        columns, row = annex_columns(kind, data), annex_row(kind, data)
        assert len(row) == len(columns)
        assert bool(columns) == (kind in with_row)
        assert all(cell for cell in row), f"{kind}: a blank cell in its own row: {row}"
        assert all(column in KINDS_OF_COLUMNS for _, column in columns)


KINDS_OF_COLUMNS = ("text", "integer", "count_of_total", "quantity", "money", "percent", "date", "yes_no", "choice")


def test_annex_rows_read_as_the_report_prints_its_numbers():
    parts = [{"label": "một phần", "value": "25"}, {"label": "toàn trình", "value": "3"}]
    figure = {"label": "Dịch vụ công", "unit": "dịch vụ", "parts": parts}
    assert annex_columns("figure", figure) == [
        ("Dịch vụ công (dịch vụ)", "quantity"),
        ("một phần", "quantity"),
        ("toàn trình", "quantity"),
    ]
    assert annex_row("figure", figure) == ["28", "25", "3"]
    levels = [{"label": "cấp xã", "percent": "74,57"}]
    rate = {"label": "Hồ sơ", "unit": "hồ sơ", "count": "42694", "total": "42829", "levels": levels}
    assert annex_columns("indicator", rate) == [
        ("Số đạt (hồ sơ)", "integer"),
        ("Tổng số (hồ sơ)", "integer"),
        ("Tỷ lệ", "percent"),
        ("Tỷ lệ cấp xã", "percent"),
    ]
    assert annex_row("indicator", rate) == ["42.694", "42.829", "99,7%", "74,57%"]
    assert annex_row("target", {"label": "Cáp quang", "value": "trên 80"}) == ["trên 80%"]
    assert annex_row("answer", {"label": "Cổng", "choices": "done", "value": "đã thực hiện"}) == ["Đã thực hiện"]
    services = {"dossiers": {"by_field": [{"field": "Tư pháp", "received": "2000", "online": "1200"},
                                          {"field": "Đất đai", "received": "945", "online": "488"}]}}  # fmt: skip
    assert annex_columns("public_services", services) == [
        ("Hồ sơ tiếp nhận", "integer"),
        ("Hồ sơ trực tuyến", "integer"),
    ]
    assert annex_row("public_services", services) == ["2.945", "1.688"]
    assert annex_row("budget", {"unit": "nghìn đồng", "items": [{"name": "A", "amount": "1500,5"}]}) == ["1.500,5"]


def test_a_table_in_an_annex_is_its_total_row_of_the_columns_that_add_up():
    table = {
        "columns": [
            {"key": "commune", "title": "Xã"},
            {"key": "posts", "title": "Bài viết", "type": "integer"},
            {"key": "done", "title": "Đạt/tổng", "type": "count_of_total"},
            {"key": "length", "title": "Cáp quang", "type": "quantity", "unit": "km"},
            {"key": "rate", "title": "Tỷ lệ", "type": "percent"},
        ],
        "rows": [["Tịnh Hà", "12", "3/5", "2,5", "60"], ["Tịnh Sơn", "1.000", "2/2", "1", "100"]],
    }
    assert annex_columns("table", table) == [
        ("Bài viết", "integer"),
        ("Đạt/tổng", "count_of_total"),
        ("Cáp quang (km)", "quantity"),
    ]
    assert annex_row("table", table) == ["12", "5/7", "3,5"]  # "1.000" is not a count: left out of the sum


def test_an_annex_row_follows_the_columns_it_is_given():
    """Units' rows line up under the columns of another block: a part or level a unit lacks is a blank cell."""
    summed = {"label": "Hồ sơ", "count": "10", "total": "20", "levels": [{"label": "cấp xã", "percent": "40"}]}
    unit = {"label": "Hồ sơ", "percent": "hơn 50"}
    assert annex_row("indicator", unit, annex_columns("indicator", summed)) == ["", "", "hơn 50%", ""]
    assert annex_row("tasks", SAMPLES["tasks"], annex_columns("indicator", summed)) == ["", "", "", ""]


def test_numbers_in_sentences_are_checked_where_they_are_written(tmp_path):
    body = """\
sections:
  - title: A
    content:
      - |
        Thu nhận hồ sơ: 42.694/42.829 công dân, đạt 99,5%; văn bản điện tử đạt 100% (3.179/3.180 văn bản).
        Đúng: 42.694/42.829 công dân, đạt 99,7%, đạt tỷ lệ 100% (7.331/7.331 văn bản); 12/10 xã, đạt 100%.
        Theo Nghị định 43/2011/NĐ-CP ngày 13/6/2011, đạt 100% yêu cầu.
      - "Tài khoản 41.999/123.758 người, đạt trên 40%, hơn 30.000/123.758 người đạt trên 20%."
"""
    # each at the number to correct: the stated rate, or the count above its total
    assert findings(tmp_path, body) == [("BC211", 16, 53), ("BC211", 16, 80), ("BC212", 17, 88), ("BC211", 19, 46)]


def test_numbers_in_a_quoted_line_of_text_are_checked_at_their_column(tmp_path):
    from .conftest import MINIMAL

    path = write(tmp_path, MINIMAL.replace('"- Chỉ đạo triển khai."', '"- Cấp 95/100 chứng thư số, đạt 90%."'))
    assert [(f.code, f.line, f.col) for f in api.load(str(path)).findings] == [("BC211", 20, 41)]  # at "90%"


def test_a_stated_rate_is_checked_to_the_last_digit_written(tmp_path):
    """33,4% for 1/3 is wrong by one unit of its last digit: an error, in a block as in a sentence; 33,3% is right."""
    body = """\
sections:
  - title: A
    content:
      - indicator: {{label: Hồ sơ trực tuyến, count: 1, total: 3, percent: "{percent}"}}
      - "Chứng thư số: 1/3 cán bộ, đạt {percent}%."
"""
    assert findings(tmp_path, body.format(percent="33,3")) == []
    assert findings(tmp_path, body.format(percent="33,4")) == [("BC211", 15, 75), ("BC211", 16, 40)]
    assert findings(tmp_path, body.format(percent="33,33")) == []
    assert [code for code, *_ in findings(tmp_path, body.format(percent="33,34"))] == ["BC211", "BC211"]


def test_validate_says_what_build_says_about_the_template(tmp_path):
    from .conftest import MINIMAL

    frame = tmp_path / "templates"
    frame.mkdir()
    (frame / "outline.xml.j2").write_text("<p>{{ doc.subject }}</p>", encoding="utf-8")  # shows no section
    unshown = write(tmp_path, MINIMAL, "unshown.yaml")
    unknown = write(tmp_path, MINIMAL.replace("kind: outline", "kind: quarterly_x"), "unknown.yaml")
    for path, templates, code in ((unshown, frame, "BC403"), (unknown, None, "BC401")):
        validated = [(f.code, f.line, f.col) for f in api.load(str(path), templates).findings]
        try:
            _, built = api.build(str(path), str(tmp_path / "out.docx"), templates)
        except InputError as exc:
            built = exc.findings
        assert validated == [(f.code, f.line, f.col) for f in built]
        assert [found for found, *_ in validated] == [code]


def test_validate_with_templates_finds_their_errors(tmp_path):
    from .conftest import MINIMAL

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "outline.xml.j2").write_text("<p>{{ view.nothing() }}</p>", encoding="utf-8")
    path = write(tmp_path, MINIMAL)
    assert [f.code for f in api.load(str(path)).findings] == []  # the built-in frame of a report in sections
    assert [f.code for f in api.load(str(path), folder).findings] == ["BC402"]


def test_a_key_names_one_quantity_across_the_outline(tmp_path):
    body = """\
sections:
  - title: A
    content:
      - figure: {key: bts, label: Trạm BTS, value: 10}
  - title: B
    content:
      - figure: {key: bts, label: Trạm BTS, value: 10}
      - figure: {key: bts, label: Trạm BTS, value: 12}
"""
    assert findings(tmp_path, body) == [("BC501", 19, 23)]


def test_a_choice_column_needs_its_choices(tmp_path):
    body = """\
sections:
  - title: A
    content:
      - table: {columns: [{key: x, title: X, type: choice}], rows: [[Có]]}
"""
    assert [code for code, *_ in findings(tmp_path, body)] == ["BC110"]


def test_the_blocks_that_hold_sums_say_how_they_roll_up():
    summed = {kind for kind, entry in REGISTRY.items() if entry.rollup is not None}
    assert summed >= {"figure", "indicator", "table", "budget", "radio", "public_services", "teams"}  # built in


def test_the_cut_off_line_is_printed_in_an_outline_too(tmp_path):
    body = "  cutoff: {show: true}\nsections:\n  - title: A\n    content: [x]\n"
    assert findings(tmp_path, body) == []
    assert any(line.startswith("(Số liệu tính từ ngày") for line in text_of(tmp_path, body))


def test_a_count_above_its_total_in_a_table(tmp_path):
    body = """\
sections:
  - title: A
    content:
      - table: {columns: [{key: a, title: Đăng, type: count_of_total}], rows: [{a: 5/4}]}
"""
    assert findings(tmp_path, body) == [("BC212", 15, 84)]


def test_a_count_written_with_a_decimal_comma_is_warned_in_an_outline_too(tmp_path):
    body = "sections:\n  - title: A\n    content:\n      - figure: {label: Thành viên, value: '8,130', unit: người}\n"
    assert [code for code, *_ in findings(tmp_path, body)] == ["BC111"]


def test_a_data_form_answered_in_one_wide_row_is_printed_turned_a_row_per_column(built):
    import docx as python_docx

    document = python_docx.Document(str(built["xa-dai-dong-cong-ttdt-2026-h1"]))
    form = next(t for t in document.tables if any("VB QPPL" in c.text for c in t.columns[1].cells))
    assert len(form.columns) == 3  # TT, Nội dung, the unit's answers: fits a portrait page
    assert [c.text for c in form.rows[0].cells] == ["TT", "Nội dung", "Cổng thông tin điện tử của đơn vị"]
    rows = {r.cells[1].text: r.cells[2].text for r in form.rows[1:]}
    assert rows["VB QPPL đã đăng/ban hành (2)"] == "3/3" and rows["Kênh thông tin (14)"] == "3"
    assert len(rows) == 13


def test_a_rate_is_said_with_the_verb_the_report_uses(tmp_path):
    """Issue 22: "chiếm 8,6%" was printed "đạt 8,6%"; the verb is the report's own, "đạt" when none is written."""
    body = """\
sections:
  - title: Kết quả
    content:
      - indicator: {label: Cơ sở kinh doanh số, count: 61, total: 705, unit: cơ sở, percent: "8,7", verb: chiếm}
      - indicator:
          label: Hồ sơ trực tuyến
          verb: tương đương
          percent: "57,3"
          levels: [{label: cấp xã, count: 1688, total: 2945}]
      - indicator: {label: Văn bản ký số, percent: trên 98}
"""
    lines = text_of(tmp_path, body)
    assert "- Cơ sở kinh doanh số: 61/705 cơ sở, chiếm 8,7%;" in lines
    assert "- Hồ sơ trực tuyến: tương đương 57,3%, trong đó: cấp xã 1.688/2.945, tương đương 57,3%;" in lines
    assert "- Văn bản ký số: đạt trên 98%." in lines
    assert findings(tmp_path, body.replace("verb: chiếm", "verb: chiem")) == [("BC108", 15, 107)]


def test_last_periods_value_is_printed_in_brackets_when_the_report_says_it_so(tmp_path):
    """Issue 22: "(cùng kỳ: 1.234)" could not be written; ``previous_as: value`` prints last period's value."""
    body = """\
sections:
  - title: Kết quả
    content:
      - figure: {label: Hồ sơ tiếp nhận, value: 1500, unit: hồ sơ, previous: 1234, previous_as: value}
      - figure: {label: Hồ sơ trực tuyến, value: 1500, unit: hồ sơ, previous: 1234, previous_as: both}
      - figure: {label: Thành viên, value: 175, unit: thành viên, previous: hơn 160, previous_as: value}
      - figure: {label: Trạm BTS, value: 136, unit: trạm, previous: 120}
"""
    lines = text_of(tmp_path, body)
    assert "- Hồ sơ tiếp nhận: 1.500 hồ sơ (kỳ trước: 1.234 hồ sơ);" in lines
    assert "- Hồ sơ trực tuyến: 1.500 hồ sơ (kỳ trước: 1.234 hồ sơ), tăng 266 hồ sơ (21,6%) so với kỳ trước;" in lines
    assert "- Thành viên: 175 thành viên (kỳ trước: hơn 160 thành viên);" in lines
    assert "- Trạm BTS: 136 trạm, tăng 16 trạm (13,3%) so với kỳ trước." in lines


@pytest.mark.parametrize("level", ["ministry", "national"])
def test_a_unit_above_a_province_reports_at_its_own_level(tmp_path, level):
    """Issue 22: a ministry or a national steering committee could not say its level."""
    from .conftest import MINIMAL

    text = MINIMAL.replace("level: commune", f"level: {level}").replace(
        "issuing_body: Ủy ban nhân dân xã Tịnh Hà", "issuing_body: Ban Chỉ đạo quốc gia về chuyển đổi số"
    )
    path = write(tmp_path, text)
    assert api.load(str(path)).findings == []
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert target.is_file()


def test_a_count_and_a_total_of_different_things(tmp_path):
    """Issue 22: "16 đài/16 xã" and "tài khoản/người dân": ``total_unit`` names the total's; the count may be larger."""
    body = """\
sections:
  - title: Kết quả
    content:
      - indicator: {label: Đài truyền thanh, count: 16, total: 16, unit: đài, total_unit: xã}
      - indicator: {label: Tài khoản thanh toán, count: 130000, total: 123758, unit: tài khoản, total_unit: người dân}
"""
    lines = text_of(tmp_path, body)
    assert "- Đài truyền thanh: 16 đài/16 xã, đạt 100%;" in lines
    assert "- Tài khoản thanh toán: 130.000 tài khoản/123.758 người dân, đạt 105%." in lines
    assert findings(tmp_path, body) == []
    assert [code for code, *_ in findings(tmp_path, body.replace(", total_unit: người dân", ""))] == ["BC212"]


def test_a_cited_document_inside_the_reports_own_sentence(tmp_path):
    """Issue 22: a "Căn cứ" line that runs on into the report's sentence, a "Theo đề nghị … tại Công văn …" opening,
    and a sentence of the body that cites a document, printed as a paragraph rather than a list line."""
    body = """\
opening:
  - citation:
      action: Theo đề nghị của Sở Khoa học và Công nghệ tại
      type: Công văn
      number: 847/SKHCN-CĐS
      date: 22/6/2025
      subject: báo cáo kết quả chuyển đổi số
      result: "UBND xã Minh Tân báo cáo như sau:"
sections:
  - title: Kết quả
    content:
      - citation:
          action: Thực hiện
          type: Kế hoạch
          number: 29/KH-UBND
          date: 01/3/2023
          issuer: UBND huyện
          subject: chuyển đổi số năm 2023
          result: xã đã ban hành kế hoạch triển khai
          paragraph: true
      - citation: {action: Thực hiện, type: Kế hoạch, number: 30/KH-UBND, date: 02/3/2023, issuer: UBND huyện}
"""
    lines = text_of(tmp_path, body)
    assert (
        "Theo đề nghị của Sở Khoa học và Công nghệ tại Công văn số 847/SKHCN-CĐS ngày 22/6/2025 về báo cáo kết quả "
        "chuyển đổi số, UBND xã Minh Tân báo cáo như sau:" in lines
    )
    assert (
        "Thực hiện Kế hoạch số 29/KH-UBND ngày 01/3/2023 của UBND huyện về chuyển đổi số năm 2023, xã đã ban hành "
        "kế hoạch triển khai." in lines
    )
    assert "- Thực hiện Kế hoạch số 30/KH-UBND ngày 02/3/2023 của UBND huyện." in lines


def test_shares_of_a_whole_not_stated_make_100_percent(tmp_path):
    """Issue 22: shares with no stated total ("nông nghiệp 40%, công nghiệp 35%, dịch vụ 25%")."""
    body = """\
sections:
  - title: Kết quả
    content:
      - figure:
          label: Cơ cấu hồ sơ tiếp nhận
          parts_are: shares
          parts: [{label: trực tuyến, value: "57,3"}, {label: trực tiếp, value: "{second}"}]
"""
    lines = text_of(tmp_path, body.replace("{second}", "42,7"))
    assert "- Cơ cấu hồ sơ tiếp nhận: 57,3% trực tuyến, 42,7% trực tiếp." in lines
    assert findings(tmp_path, body.replace("{second}", "42,7")) == []
    assert findings(tmp_path, body.replace("{second}", "42,6")) == []  # each rounded: 99,9% may be 100%
    assert findings(tmp_path, body.replace("{second}", "47,3")) == [("BC201", 18, 18)]
    shares = {"label": "Cơ cấu", "parts_are": "shares", "parts": [{"label": "a", "value": "60"}]}
    rolled, note = REGISTRY["figure"].rollup([shares, shares], ["Xã A", "Xã B"], False)
    assert rolled is None and "Xã A, Xã B" in (note or "")  # shares of two units are not summed


def test_a_report_with_no_headings_is_its_opening(tmp_path):
    """Issue 22: a short report has no headings; its body is the opening, checked and printed as any blocks are."""
    from .conftest import MINIMAL

    head = MINIMAL.split("sections:")[0]
    body = (
        'opening:\n  - "Năm 2023, xã đã cấp 132 chứng thư số, trong đó 140 chứng thư cá nhân."\n'
        '  - "- Triển khai một cửa."\n'
    )
    path = write(tmp_path, head + body)
    assert [f.code for f in api.load(str(path)).findings] == ["BC222"]
    fixed = write(tmp_path, head + body.replace("140", "104"), "fixed.yaml")
    assert api.load(str(fixed)).findings == []
    target, _ = api.build(str(fixed), str(tmp_path / "out.docx"))
    lines = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "Năm 2023, xã đã cấp 132 chứng thư số, trong đó 104 chứng thư cá nhân." in lines
    assert not any(line.startswith(("I.", "1.")) for line in lines)


def test_a_report_dated_by_its_month_only(tmp_path):
    """Issue 22: "tháng 6 năm 2025" with the day left for the văn thư; not with a full date as well."""
    from .conftest import MINIMAL

    text = MINIMAL.replace("  date: 05/01/2024\n", "  month: 1/2024\n")
    path = write(tmp_path, text)
    assert api.load(str(path)).findings == []
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    cells = [c.text for t in docx.Document(str(target)).tables for row in t.rows for c in row.cells]
    assert "Tịnh Hà, ngày\u00a0\u00a0\u00a0\u00a0\u00a0tháng 1 năm 2024" in cells
    both_text = MINIMAL.replace("  date: 05/01/2024\n", "  date: 05/01/2024\n  month: 1/2024\n")
    both = write(tmp_path, both_text, "both.yaml")
    assert [f.code for f in api.load(str(both)).findings] == ["BC110"]
    wrong = write(tmp_path, text.replace("month: 1/2024", "month: 13/2024"), "wrong.yaml")
    assert [f.code for f in api.load(str(wrong)).findings] == ["BC110"]
