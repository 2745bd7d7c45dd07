"""The built DOCX, read back with python-docx, has the Decree 30 layout."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from baocao import api

from .conftest import EXAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def test_every_example_builds(built):
    assert sorted(built) == sorted(p.stem for p in EXAMPLES)
    assert len(built) >= 3


def test_page_is_a4_portrait_with_decree_margins(binh_son):
    section = binh_son.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20


def test_times_new_roman_in_all_four_font_slots_of_every_style(built):
    styles = zipfile.ZipFile(built["binh-son-2022-h1"]).read("word/styles.xml").decode()
    fonts = re.findall(r"<w:rFonts ([^>]*)/>", styles)
    assert fonts
    for attributes in fonts:
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert f'w:{slot}="Times New Roman"' in attributes
    document = zipfile.ZipFile(built["binh-son-2022-h1"]).read("word/document.xml").decode()
    assert "w:rFonts" not in document or 'w:ascii="Times New Roman"' in document


def header_cells(document):
    """The header's two blocks: bodies and rule | nation, motto and rule."""
    table = document.tables[0]
    left, right = table.rows[0].cells
    return left, right


def level_cells(document):
    """The header's second row: the number line | the place and date line, on one level."""
    number, date = document.tables[0].rows[1].cells
    return number, date


def test_header_is_a_borderless_two_column_table(binh_son):
    table = binh_son.tables[0]
    assert len(table.columns) == 2
    assert table._tbl.find(f"{W}tblPr/{W}tblBorders") is None
    assert table.style is None or "Grid" not in table.style.name
    left, right = header_cells(binh_son)
    assert left.width < right.width


def test_left_block_parent_body_issuing_body_rule_and_number(binh_son):
    left, _ = header_cells(binh_son)
    texts = [p for p in left.paragraphs]
    assert texts[0].text == "UBND TỈNH QUẢNG NGÃI"
    assert not any(r.bold for r in texts[0].runs)
    assert texts[1].text == "ỦY BAN NHÂN DÂN\nHUYỆN BÌNH SƠN"  # broken between phrases
    assert all(r.bold for r in texts[1].runs)
    rule = texts[2]
    assert rule.text == ""
    assert rule._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
    assert rule.paragraph_format.left_indent > Cm(0.5)
    number, _ = level_cells(binh_son)
    assert number.text.startswith("Số:") and number.text.endswith("/BC-UBND")


def test_number_line_has_a_leading_zero_below_ten(tmp_path):
    from .conftest import MINIMAL, write

    target, _ = api.build(str(write(tmp_path, MINIMAL)))
    number, date = level_cells(docx.Document(str(target)))
    assert number.text == "Số: 05/BC-UBND"
    assert date.text == "Tịnh Hà, ngày 05 tháng 01 năm 2024"


def test_right_block_nation_motto_rule_and_italic_date(binh_son):
    _, right = header_cells(binh_son)
    nation, motto, rule = right.paragraphs[:3]
    date = level_cells(binh_son)[1].paragraphs[0]
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert nation.runs[0].bold and nation.runs[0].font.size == Pt(12)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert motto.runs[0].bold
    assert rule._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
    assert date.runs[0].italic
    assert date.text.startswith("Bình Sơn, ngày")


def test_no_underscore_runs_stand_in_for_rules(built):
    for path in built.values():
        document = docx.Document(str(path))
        assert not any("___" in p.text for p in all_paragraphs(document))


def test_title_and_subject_are_bold_and_centred_with_the_rule_under_the_subject(binh_son):
    paragraphs = binh_son.paragraphs
    title = next(i for i, p in enumerate(paragraphs) if p.text == "BÁO CÁO")
    subject = paragraphs[title + 1]
    assert paragraphs[title].runs[0].bold is not False
    assert paragraphs[title].style.font.bold and subject.style.font.bold
    assert subject.text.startswith("Tình hình quản lý")
    rule = paragraphs[title + 2]
    assert rule.text == "" and rule._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
    assert not paragraphs[title].text.startswith("V/v")


def test_body_is_justified_indented_and_spaced(binh_son):
    normal = binh_son.styles["Normal"]
    fmt = normal.paragraph_format
    assert fmt.alignment == 3  # justify
    assert Cm(1.0) <= fmt.first_line_indent <= Cm(1.28)
    assert fmt.space_after >= Pt(6)
    assert 1.0 <= fmt.line_spacing <= 1.5
    assert Pt(13) <= normal.font.size <= Pt(14)


def test_headings_are_numbered_in_order_with_roman_arabic_and_letters(built):
    document = docx.Document(str(built["tra-bong-2023"]))
    numbers = [p.text.split(" ")[0] for p in document.paragraphs if p.style.name.startswith("BC Heading")]
    roman = [n for n in numbers if re.fullmatch(r"[IVX]+\.", n)]
    assert roman == ["I.", "II.", "III.", "IV.", "V.", "VI."]  # the seed's outline, its numbering corrected
    letters = [n for n in numbers if re.fullmatch(r"[a-zđ]\)", n)]
    assert letters[:6] == ["a)", "b)", "c)", "d)", "đ)", "e)"]
    assert "f)" not in letters


def test_a_section_goes_on_in_its_own_numbering_as_the_seed_does(built):
    """Seed 002: under "2. Kết quả thực hiện Quyết định số 03" the points are "(1)", "(2)" and "+", not "a)"."""
    document = docx.Document(str(built["tra-bong-2023"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("BC Heading")]
    start = next(i for i, text in enumerate(headings) if text.startswith("2. Kết quả thực hiện Quyết định số 03"))
    assert [text.split(" ")[0] for text in headings[start : start + 5]] == ["2.", "(1)", "+", "(2)", "3."]
    assert headings[start + 2] == "+ Kết quả thực hiện:"


def test_level_one_headings_are_upper_case(binh_son):
    for p in binh_son.paragraphs:
        if p.style.name == "BC Heading 1":
            assert p.text == p.text.upper()


def budget_table(document):
    return next(
        t for t in document.tables if t.rows[0].cells[0].text == "TT" and "Kinh phí" in t.rows[0].cells[-1].text
    )


def test_budget_table_unit_line_header_total_and_words(binh_son):
    table = budget_table(binh_son)
    body = binh_son.element.body
    index = list(body).index(table._tbl)
    unit = Paragraph(body[index - 1], binh_son._body)
    assert unit.text == "Đơn vị tính: triệu đồng"
    assert unit.alignment == 2 or unit.style.paragraph_format.alignment == 2  # right
    assert unit.style.font.italic
    words = Paragraph(body[index + 1], binh_son._body)
    assert words.text == "(Bằng chữ: Chín tỷ một trăm bảy mươi chín triệu đồng)"
    assert words.style.font.italic
    header = table.rows[0]
    assert header._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.bold for c in header.cells for p in c.paragraphs for r in p.runs)
    total = table.rows[-1]
    assert total.cells[0].text == "Tổng cộng" and total.cells[-1].text == "9.179,0"
    assert all(r.bold for c in total.cells for p in c.paragraphs for r in p.runs)
    group = table.rows[1]
    assert group.cells[1].text == "HUYỆN BÌNH SƠN" and group.cells[-1].text == "9.179,0"
    amounts = [row.cells[-1].text for row in table.rows[2:-1]]
    assert amounts[:4] == ["200,0", "9,0", "65,0", "6.000,0"]
    assert amounts[-4:] == ["", "", "", ""]  # "VNPT hỗ trợ": no amount
    for row in table.rows:
        assert row._tr.find(f"{W}trPr/{W}cantSplit") is not None


def test_recipients_beside_the_signature_block(binh_son):
    table = binh_son.tables[-1]
    left, right = table.rows[0].cells
    title = left.paragraphs[0]
    assert title.text == "Nơi nhận:"
    assert title.style.font.size == Pt(12) and title.style.font.bold and title.style.font.italic
    entries = [p.text for p in left.paragraphs[1:]]
    assert entries[0] == "- UBND tỉnh;"
    assert entries[-1] == "- Lưu: VT, VHTT."
    assert all(p.style.font.size == Pt(11) for p in left.paragraphs[1:])
    signer = [p.text for p in right.paragraphs]
    assert signer == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Quang Sự"]
    assert all(p.style.font.bold for p in right.paragraphs)


@pytest.mark.parametrize("written", ["Lưu: VT", "- Lưu VT;", "--lưu: VP."])
def test_a_luu_line_among_the_recipients_gives_way_to_the_archive_line(tmp_path, written):
    from .conftest import MINIMAL, write

    text = MINIMAL.replace("recipients: [UBND huyện]", f"recipients: [UBND huyện, '{written}']\n  archive: VT, VP")
    target, findings = api.build(str(write(tmp_path, text)))
    assert [f.code for f in findings] == ["BC308"]
    closing = docx.Document(str(target)).tables[-1].rows[0].cells[0]
    assert [p.text for p in closing.paragraphs[1:]] == ["- UBND huyện;", "- Lưu: VT, VP."]


def test_page_numbers_centred_in_the_header_and_none_on_page_one(binh_son):
    section = binh_son.sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header._p.find(f"{W}fldSimple").get(f"{W}instr") == "PAGE"
    assert header.style.paragraph_format.alignment == 1  # centre
    assert all(p.text == "" for p in section.first_page_header.paragraphs)


def test_radio_summary_is_computed_from_the_stations(built):
    document = docx.Document(str(built["tra-bong-2023"]))
    texts = [p.text for p in document.paragraphs]
    assert "- Có 16/16 xã, thị trấn có đài truyền thanh, trong đó: 16 đài vô tuyến;"  # a huyện: no wards in texts
    assert any(t.startswith("- 05/16 đài được cấp phép băng tần 87-108 MHz (Sơn Trà, Trà Tây") for t in texts)
    assert any(t.startswith("- 11/16 đài được cấp phép băng tần 54-68 MHz") for t in texts)


def test_indicators_show_count_total_and_percentage(built):
    document = docx.Document(str(built["tra-bong-2023"]))
    texts = [p.text for p in document.paragraphs]
    assert any("42.694/42.829 công dân, đạt 99,7%" in t for t in texts)
    assert any("52.727/52.747 người, đạt 99,96%" in t for t in texts)


def test_dossier_table_totals_are_computed(built):
    document = docx.Document(str(built["tra-bong-2023"]))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Lĩnh vực")
    total = table.rows[-1]
    assert total.cells[0].text == "Tổng cộng"
    assert total.cells[2].text == "2.288"


def test_core_properties_come_from_the_report(binh_son):
    core = binh_son.core_properties
    assert core.title.startswith("Báo cáo tình hình quản lý")
    assert core.author == "Ủy ban nhân dân huyện Bình Sơn"
    assert core.created.year == 2022 and core.modified == core.created
    assert "python-docx" not in (core.last_modified_by or "")


def test_same_input_gives_the_same_bytes(tmp_path: Path):
    example = str(EXAMPLES[0])
    first, _ = api.build(example, str(tmp_path / "a.docx"))
    second, _ = api.build(example, str(tmp_path / "b.docx"))
    assert first.read_bytes() == second.read_bytes()
    for info in zipfile.ZipFile(first).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_have_no_empty_paragraph_but_the_rules(built, example):
    document = docx.Document(str(built[example.stem]))
    for p in document.paragraphs:
        if not p.text:
            assert p.style.name == "BC Rule"
