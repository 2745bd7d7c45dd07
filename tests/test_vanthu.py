"""Pages a văn thư would send back: each point read on the DOCX (python-docx, lxml) or in validate's findings.

Who signs for whom, the date line, money tables, the unit's own words, headings that name
the period, the annex sentence, unchanged items, merged table headers, the trích yếu,
space after tables, document numbers kept whole, one spelling of the total row, the rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from lxml import etree

from baocao import api
from baocao.cli.main import main

from .conftest import MINIMAL, write

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DEPARTMENT = MINIMAL.replace("level: commune", "level: department").replace(
    "issuing_body: Ủy ban nhân dân xã Tịnh Hà", "issuing_body: Sở Khoa học và Công nghệ"
)


def with_signer(text: str, signer: str) -> str:
    start = text.index("  signer: {")
    end = text.index("\n", start)
    return text[:start] + f"  signer: {signer}" + text[end:]


def findings(path: Path) -> list[tuple[str, str, int]]:
    return [(f.code, f.severity.label, f.line) for f in api.load(str(path)).findings]


def signature(path: Path) -> list[str]:
    """The lines of the signature block, as the DOCX prints them."""
    document = docx.Document(str(path))
    cell = document.tables[-1].rows[0].cells[1]
    return [p.text for p in cell.paragraphs if p.text]


# --- 1. Who signs for whom -------------------------------------------------------------------------------------


def test_a_deputy_director_signs_for_the_director_and_validate_says_what_to_write(tmp_path):
    path = write(tmp_path, with_signer(DEPARTMENT, "{title: Phó Giám đốc, name: Trần Văn B}"))
    found = api.load(str(path)).findings
    assert [(f.code, f.severity.label) for f in found] == [("BC313", "warning")]
    assert "authority: KT, head_title: Giám đốc" in found[0].message() + (found[0].hint() or "")
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert signature(target) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn B"]


def test_a_deputy_who_writes_kt_is_clean_and_printed_under_the_head(tmp_path):
    signer = "{authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Trần Văn B}"
    path = write(tmp_path, with_signer(DEPARTMENT, signer))
    assert findings(path) == []
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert signature(target) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn B"]


def test_a_people_s_committee_s_deputy_signs_tm_then_kt(tmp_path):
    path = write(tmp_path, MINIMAL)
    assert findings(path) == []
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert signature(target) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
    without = write(tmp_path, with_signer(MINIMAL, "{title: Phó Chủ tịch, name: Nguyễn Văn A}"), "bare.yaml")
    found = api.load(str(without)).findings
    assert [f.code for f in found] == ["BC313"]
    assert "on_behalf_of: Ủy ban nhân dân, authority: KT, head_title: Chủ tịch" in found[0].hint()
    target, _ = api.build(str(without), str(tmp_path / "bare.docx"))
    assert signature(target) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]


@pytest.mark.parametrize(
    ("signer", "code", "severity"),
    [
        ("{on_behalf_of: Sở Khoa học và Công nghệ, title: Giám đốc, name: A}", "BC314", "error"),
        ("{authority: KT, head_title: Giám đốc, title: Giám đốc, name: A}", "BC313", "error"),
    ],
)
def test_tm_before_a_body_run_by_its_head_and_kt_before_the_head_s_own_title_are_errors(
    tmp_path, signer, code, severity
):
    path = write(tmp_path, with_signer(DEPARTMENT, signer))
    assert [(c, s) for c, s, _ in findings(path)] == [(code, severity)]


def test_the_head_of_a_department_signs_alone_and_acting_heads_write_q(tmp_path):
    alone = write(tmp_path, with_signer(DEPARTMENT, "{title: Giám đốc, name: A}"))
    acting = write(tmp_path, with_signer(DEPARTMENT, "{authority: Q, head_title: Giám đốc, title: Phó Giám đốc}"), "q")
    assert findings(alone) == [] and findings(acting) == []
    target, _ = api.build(str(acting), str(tmp_path / "q.docx"))
    assert signature(target) == ["Q. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_new_writes_kt_for_a_department_s_deputy_and_tm_for_a_committee(tmp_path):
    cases = {
        "bc-stttt-quy": ("Sở Khoa học và Công nghệ", "department", "quarter:1", None),
        "cds-xa-2025": ("Ủy ban nhân dân xã Tân An", "commune", "half_year:1", "Ủy ban nhân dân"),
    }
    for outline, (body, level, period, collective) in cases.items():
        target = tmp_path / f"{outline}.yaml"
        args = ["new", "--outline", outline, "--no-input", "--issuing-body", body, "--level", level]
        args += [
            "--period",
            period,
            "--year",
            "2026",
            "--signer-title",
            "Phó " + ("Giám đốc" if not collective else "Chủ tịch"),
        ]
        result = CliRunner().invoke(main, [*args, "-o", str(target)])
        assert result.exit_code == 0, result.output
        signer = yaml.safe_load(target.read_text(encoding="utf-8"))["document"]["signer"]
        assert signer.get("on_behalf_of") == collective
        assert signer["authority"] == "KT"
        assert signer["head_title"] == ("Chủ tịch" if collective else "Giám đốc")


# --- 2. The date line ------------------------------------------------------------------------------------------


def date_line(path: Path) -> str:
    """The place and date, as the header's second row prints them."""
    document = docx.Document(str(path))
    return document.tables[0].rows[1].cells[1].text.replace("\u00a0", " ")


def undated(text: str, period: str, extra: str = "") -> str:
    text = text.replace("  number: 5\n", "").replace("  date: 05/01/2024\n", extra)
    return text.replace("  period: {type: year, year: 2023}", f"  period: {period}")


@pytest.mark.parametrize(
    ("period", "extra", "year"),
    [
        ("{type: half_year, number: 1, year: 2023}", "", "2023"),  # figures end 14/6: issued in 2023
        ("{type: year, year: 2023}", "", "20"),  # figures end 14/12: 2023 or 2024, the văn thư's to write
        ("{type: year, year: 2023}", "  requested_by: {type: Công văn, number: 15/UBND-VX, date: 02/12/2023, "
         "deadline: 20/12/2023}\n", "2023"),  # due 20/12/2023
        ("{type: year, year: 2023}", "  requested_by: {type: Công văn, number: 15/UBND-VX, date: 02/12/2023, "
         "deadline: 10/01/2024}\n", "20"),  # due in the next year: either
        ("{type: half_year, number: 1, year: 2023}", "  requested_by: {type: Công văn, number: 15/UBND-VX, "
         "date: 02/5/2023}\n", "2023"),
    ],
)  # fmt: skip
def test_an_undated_report_prints_its_year_only_when_certain(tmp_path, period, extra, year):
    path = write(tmp_path, undated(MINIMAL, period, extra))
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    line = " ".join(date_line(target).split())
    assert line == f"Tịnh Hà, ngày tháng năm {year}", line
    annex_year = api.load(str(path)).report.document.issue_year
    assert annex_year == (int(year) if year != "20" else None)


def test_a_report_citing_a_document_of_the_next_year_is_never_dated_in_its_period_s_year(tmp_path):
    cited = '      - "- Thực hiện Kế hoạch số 12/KH-UBND ngày 12/01/2024 của UBND huyện."\n'
    text = undated(MINIMAL, "{type: year, year: 2023}").replace('      - "- Tiếp tục triển khai."\n', cited)
    path = write(tmp_path, text)
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert " ".join(date_line(target).split()) == "Tịnh Hà, ngày tháng năm 2024"


def test_the_examples_date_lines(built):
    lines = {name: " ".join(date_line(path).split()) for name, path in built.items()}
    assert lines["tra-bong-2023"] == "Trà Bồng, ngày tháng năm 2024"  # a 2023 report citing plans of January 2024
    assert lines["xa-minh-tan-2025-h2"] == "Minh Tân, ngày 05 tháng 01 năm 2026"  # the year of its date
    assert lines["binh-son-2022-h1"] == "Bình Sơn, ngày tháng năm 2022"


# --- 5. Page points --------------------------------------------------------------------------------------------

LONG_SUBJECT = (
    "tình hình quản lý và triển khai công tác thông tin và truyền thông cấp huyện 06 tháng đầu năm 2026 "
    "trên địa bàn huyện Minh Long"
)


def paragraphs(path: Path) -> list:
    return list(docx.Document(str(path)).paragraphs)


def rule_width_cm(paragraph, space_cm: float) -> float:
    """The length of a rule paragraph: the room it stands in less its indents on both sides."""
    from baocao.write import docx as writer

    ind = paragraph._p.find(f"{W}pPr/{W}ind")
    sides = (int(ind.get(f"{W}left")) + int(ind.get(f"{W}right"))) / 567 if ind is not None else 0.0
    return space_cm - writer.CELL_MARGINS_CM - sides


def test_a_trich_yeu_that_fits_in_two_lines_is_set_in_two_at_word_boundaries(tmp_path):
    path = write(tmp_path, MINIMAL.replace("tình hình thông tin và truyền thông năm 2023", LONG_SUBJECT))
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    texts = [p.text for p in paragraphs(target)]
    lines = texts[texts.index("BÁO CÁO") + 1].split("\n")
    assert len(lines) == 2, lines  # it was set in three short lines
    assert " ".join(lines) == "T" + LONG_SUBJECT[1:]  # broken between words, none lost


def test_the_rules_are_5_12_of_the_longest_line_above_them_and_centred(tmp_path, built):
    from baocao.write import docx as writer
    from baocao.write import metrics

    path = write(tmp_path, MINIMAL.replace("tình hình thông tin và truyền thông năm 2023", LONG_SUBJECT))
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    found = paragraphs(target)
    texts = [p.text for p in found]
    at = texts.index("BÁO CÁO") + 1
    lines = texts[at].split("\n")
    longest = max(metrics.width_cm(line, 14, bold=True) for line in lines)
    rule = found[at + 1]
    assert rule.style.name == "BC Rule"
    width = rule_width_cm(rule, writer.TEXT_WIDTH_CM + writer.CELL_MARGINS_CM)
    assert 1 / 3 <= width / longest <= 1 / 2 and abs(width / longest - 5 / 12) < 0.01
    ind = rule._p.find(f"{W}pPr/{W}ind")
    assert ind.get(f"{W}left") == ind.get(f"{W}right")  # centred
    # under a name of two lines, the rule is measured from its longer line, "ỦY BAN NHÂN DÂN", not "HUYỆN BÌNH SƠN"
    cell = docx.Document(str(built["binh-son-2022-h1"])).tables[0].rows[0].cells[0]
    name = [line for p in cell.paragraphs if any(r.bold for r in p.runs) for line in p.text.split("\n")]
    assert name == ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"]
    head_rule = next(p for p in cell.paragraphs if p.style.name == "BC Rule")
    width = rule_width_cm(head_rule, cell.width.cm)
    assert abs(width / metrics.width_cm("ỦY BAN NHÂN DÂN", 13, bold=True) - 5 / 12) < 0.01


def body_xml(path: Path):
    return docx.Document(str(path)).element.body


def with_content(text: str, content: str) -> str:
    """MINIMAL with the first section's content replaced."""
    return text.replace('      - "- Chỉ đạo triển khai."\n', content)


def test_headings_name_the_coming_period_instead_of_quy_toi_or_ky_toi(tmp_path):
    text = MINIMAL.replace("period: {type: year, year: 2023}", "period: {type: quarter, number: 1, year: 2026}")
    text = text.replace("title: Nhiệm vụ năm 2024", "title: Nhiệm vụ quý tới").replace("năm 2023\n", "quý I/2026\n")
    text = text.replace("    content:\n      - \"- Tiếp tục", "    sections:\n      - title: Định hướng kỳ tới\n"
                        "        content:\n          - \"- Tiếp tục")  # fmt: skip
    path = write(tmp_path, text)
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    texts = [p.text for p in paragraphs(target)]
    assert "II. NHIỆM VỤ QUÝ II NĂM 2026" in texts, texts
    assert "1. Định hướng quý II năm 2026" in texts
    assert not any("TỚI" in t.upper() for t in texts)


def test_unchanged_items_are_said_once_not_once_each(tmp_path):
    from .conftest import EXAMPLES

    new, old = (str(next(p for p in EXAMPLES if p.stem == stem)) for stem in ("binh-son-2022-h1", "binh-son-2021-h1"))
    target, _ = api.build(new, str(tmp_path / "out.docx"), compare=old)
    texts = [p.text for p in paragraphs(target)]
    grouped = [t for t in texts if t.startswith("- Không thay đổi so với cùng kỳ năm 2021: ")]
    assert grouped == [
        "- Không thay đổi so với cùng kỳ năm 2021: bưu cục; tuyến đường thư đến 22 xã, thị trấn; "
        "xã, thị trấn có thùng thư công cộng, báo, dịch vụ chuyển phát, bưu kiện, chuyển tiền."
    ]
    inline = sum(t.count("không thay đổi so với cùng kỳ") for t in texts)
    assert inline == 3  # alone in their sections: said where they stand (there were 6, 3 of them in one section)
    assert any(t.startswith("- Bưu cục: 02 bưu cục, trong đó") for t in texts)  # the value still printed


def test_a_two_row_header_merges_down_the_cells_of_columns_without_a_sub_header(tmp_path):
    table = """      - table:
          title: "Kết quả:"
          columns:
            - {key: name, title: Nội dung}
            - {key: done, title: Đã xong, type: integer, group: Kết quả}
            - {key: left, title: Còn lại, type: integer, group: Kết quả}
            - {key: note, title: Ghi chú}
          rows:
            - {name: Hồ sơ, done: 3, left: 1, note: ""}
"""
    path = write(tmp_path, with_content(MINIMAL, table))
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    grid = next(t for t in docx.Document(str(target)).tables if t.style is not None and t.style.name == "BC Grid")
    top, bottom = (row._tr.findall(f"{W}tc") for row in grid.rows[:2])

    def merge(cell):
        found = cell.find(f"{W}tcPr/{W}vMerge")
        return None if found is None else found.get(f"{W}val", "continue")

    assert [merge(c) for c in top] == ["restart", "restart", None, "restart"]  # TT, Nội dung, Kết quả, Ghi chú
    assert [merge(c) for c in bottom] == ["continue", "continue", None, None, "continue"]


def test_space_after_tables_but_the_words_line_stays_under_its_table(built):
    def before(element) -> int:
        spacing = element.find(f"{W}pPr/{W}spacing")
        return int(spacing.get(f"{W}before", "0")) if spacing is not None else 0

    checked = 0
    for name in ("binh-son-2022-h1", "tra-bong-2023", "xa-minh-tan-2025-h2"):
        children = list(body_xml(built[name]))
        tables = [i for i, e in enumerate(children) if e.tag == f"{W}tbl"][1:-1]  # not the header, not the closing
        for index in tables:
            following = children[index + 1]
            if "".join(following.itertext()).startswith("(Bằng chữ"):
                assert before(following) == 0  # the words line stays right under its table
                following = children[index + 2]
            if following.tag == f"{W}p" and following.find(f"{W}pPr/{W}sectPr") is None:
                assert before(following) >= 240, "".join(following.itertext())  # 12 pt above what follows
                checked += 1
    assert checked >= 4


def test_a_document_number_is_never_split_at_its_hyphen(built):
    xml = etree.tostring(body_xml(built["binh-son-2022-h1"]), encoding="unicode")
    assert '101/KH</w:t><w:noBreakHyphen/><w:t xml:space="preserve">UBND' in xml
    texts_of_runs = [t.text or "" for t in body_xml(built["binh-son-2022-h1"]).iter(f"{W}t")]
    breakable = [t for t in texts_of_runs if re.search(r"\w/[\w&.]*\w-\w", t)]
    assert breakable == []  # no hyphen of a document number left as a plain one
    texts = [p.text for p in paragraphs(built["binh-son-2022-h1"])]
    assert any("Kế hoạch số 101/KH-UBND ngày 02/10/2020" in t for t in texts)  # read back as typed
    assert any("kinh tế - xã hội" in t for t in texts)  # a spaced dash between words is left alone


def test_the_total_row_is_spelled_tong_cong_everywhere(built, tmp_path):
    from .conftest import EXAMPLES

    new, old = (str(next(p for p in EXAMPLES if p.stem == stem)) for stem in ("binh-son-2022-h1", "binh-son-2021-h1"))
    compared, _ = api.build(new, str(tmp_path / "compare.docx"), compare=old)
    seen = set()
    for path in [*built.values(), compared]:
        for grid in docx.Document(str(path)).tables:
            for row in grid.rows:
                first = {c.text for c in row.cells if c.text.strip().upper() == "TỔNG CỘNG"}
                seen |= first
    assert seen == {"Tổng cộng"}


# --- 3. Money tables -------------------------------------------------------------------------------------------

MONEY_TABLE = """      - table:
          title: "Dự kiến đầu tư:"
          unit: {unit}
          columns:
            - {{key: name, title: Nội dung}}
            - {{key: source, title: Nguồn vốn}}
            - {{key: amount, title: Kinh phí, type: money}}
          rows:
            - {{name: Máy chủ, source: NS xã, amount: "450"}}
            - {{name: Máy trạm, source: NS xã, amount: "320,5"}}
            - {{name: Mạng LAN, source: NS xã, amount: "1200"}}
          total: true
"""


def grid_rows(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    grid = next(t for t in document.tables if t.style is not None and t.style.name == "BC Grid")
    return [[c.text for c in row.cells] for row in grid.rows]


def after_grid(path: Path) -> str:
    """The paragraph right under the first bordered table."""
    document = docx.Document(str(path))
    grid = next(t for t in document.tables if t.style is not None and t.style.name == "BC Grid")
    return "".join(t.text or "" for t in grid._tbl.getnext().iter(f"{W}t"))


def test_a_money_column_has_one_precision_and_its_total_the_words_line(tmp_path):
    path = write(tmp_path, with_content(MINIMAL, MONEY_TABLE.format(unit="triệu đồng")))
    assert findings(path) == []
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    rows = grid_rows(target)
    assert [row[-1] for row in rows] == ["Kinh phí", "450,0", "320,5", "1.200,0", "1.970,5"]
    assert after_grid(target) == "(Bằng chữ: Một tỷ chín trăm bảy mươi triệu năm trăm nghìn đồng)"


def test_amounts_in_dong_print_no_decimals_and_read_out_in_dong(tmp_path):
    table = MONEY_TABLE.format(unit="đồng").replace('"320,5"', '"320000"')
    path = write(tmp_path, with_content(MINIMAL, table))
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert [row[-1] for row in grid_rows(target)][1:] == ["450", "320.000", "1.200", "321.650"]
    assert after_grid(target) == "(Bằng chữ: Ba trăm hai mươi mốt nghìn sáu trăm năm mươi đồng)"


def test_the_budget_block_shows_one_precision_as_its_unit_says(tmp_path):
    budget = """      - budget:
          unit: triệu đồng
          items:
            - {name: Máy chủ, amount: "450"}
            - {name: Máy trạm, amount: "320,25"}
            - {name: Mạng LAN, amount: "1200"}
"""
    path = write(tmp_path, with_content(MINIMAL, budget))
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    assert [row[-1] for row in grid_rows(target)][1:] == ["450,00", "320,25", "1.200,00", "1.970,25"]
    assert after_grid(target).startswith("(Bằng chữ: Một tỷ chín trăm bảy mươi triệu hai trăm năm mươi nghìn đồng")


# --- 4. The unit's own words -----------------------------------------------------------------------------------


def test_a_district_without_wards_says_xa_thi_tran(built):
    texts = [p.text for p in paragraphs(built["binh-son-2022-h1"])]
    assert any(t.startswith("- Có 22/22 xã, thị trấn có đài truyền thanh") for t in texts)
    assert not any("phường" in t for t in texts)  # huyện Bình Sơn has no wards


RADIO = """      - radio:
          communes: 3
          stations:
            - {commune: "%s", type: wireless, licensed: true}
            - {commune: "%s", type: wired, licensed: false}
"""


@pytest.mark.parametrize(
    ("level", "area", "names", "period", "words"),
    [
        ("district", "thị xã Đức Phổ", ("Phường Nguyễn Nghiêm", "Xã Phổ An"), "{type: year, year: 2023}", "xã, phường"),
        ("district", "quận Hải Châu", ("Phường Thạch Thang", "Phường Nam Dương"), "{type: year, year: 2023}", "phường"),
        ("province", "tỉnh Quảng Ngãi", ("Xã Tịnh Hà", "Đặc khu Lý Sơn"), "{type: half_year, number: 2, year: 2025}",
         "xã, phường, đặc khu"),
        ("province", "tỉnh Quảng Ngãi", ("Xã Tịnh Hà", "Thị trấn Châu Ổ"), "{type: year, year: 2023}",
         "xã, phường, thị trấn"),
    ],
)  # fmt: skip
def test_the_communes_are_named_by_the_unit_s_level_area_and_period(tmp_path, level, area, names, period, words):
    text = with_content(MINIMAL, RADIO % names).replace("level: commune", f"level: {level}")
    text = text.replace("area: xã Tịnh Hà", f"area: {area}").replace(
        "period: {type: year, year: 2023}", f"period: {period}"
    )
    path = write(tmp_path, text)
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    texts = [p.text for p in paragraphs(target)]
    assert any(t.startswith(f"- Có 02/03 {words} có đài truyền thanh") for t in texts), texts
    assert grid_rows(target)[0][1] == words[:1].upper() + words[1:]


def test_an_italic_line_keeps_its_hyphens_as_typed(tmp_path):
    """LibreOffice sets a non-breaking hyphen of an italic line upright ("/BC- UBND"): the annex line keeps "-"."""
    from .conftest import EXAMPLES

    new, old = (str(next(p for p in EXAMPLES if p.stem == stem)) for stem in ("binh-son-2022-h1", "binh-son-2021-h1"))
    target, _ = api.build(new, str(tmp_path / "out.docx"), compare=old)
    line = next(p for p in paragraphs(target) if p.text.startswith("(Kèm theo Báo cáo số"))
    assert line._p.find(f".//{W}noBreakHyphen") is None and "/BC-UBND" in line.text
