"""The page as a văn thư sees it: geometry measured on the LibreOffice PDF, and the DOCX behind it.

Every report is converted in one soffice call; the text positions come from
``pdftotext -bbox-layout`` and the rules from ``pdftocairo -svg``. These tests
are skipped where LibreOffice or poppler is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
import docx.document
import pytest
from lxml import etree

from baocao import api
from baocao.write import layout, metrics, pdf

from .conftest import EXAMPLES, pdf_ready
from .test_rollup import PROVINCE, UNIT_A, UNIT_B

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
X = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
TOOLS = ("soffice", "pdftotext", "pdftocairo")
needs_office = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS), reason="LibreOffice or poppler is not installed"
)
OLD = str(EXAMPLES[0])  # binh-son-2021-h1
NEW = str(EXAMPLES[1])  # binh-son-2022-h1
# How each example's issuing body is broken: between phrases only.
ISSUING_LINES = {
    "binh-son-2021-h1": ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"],
    "binh-son-2022-h1": ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"],
    "binh-son-2022-h1-compare": ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"],
    "tra-bong-2023": ["BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "HUYỆN TRÀ BỒNG"],
    "tra-vinh-stttt-2019-q1": ["SỞ THÔNG TIN", "VÀ TRUYỀN THÔNG"],
    "rollup": ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
}


FILLERS = range(14, 24)  # one-line paragraphs before the table, pushing it down the page


def _filler(lines: int) -> str:
    """A report whose budget table starts lower on page 1 the more lines come before it."""
    from .conftest import MINIMAL

    direction = "".join(f"\n        - Chỉ đạo triển khai nhiệm vụ số {n}." for n in range(1, lines + 1))
    groups = ""
    for group in ("A", "B"):
        groups += f"\n            - name: Nhóm {group}\n              items:"
        for n in range(1, 4):
            name = f"Mua sắm thiết bị công nghệ thông tin cho bộ phận {group}{n} của xã"
            groups += f'\n                - {{name: "{name}", amount: "1,0"}}'
    budget = "\n      - budget:\n          unit: triệu đồng\n          groups:" + groups
    text = MINIMAL.replace('      - "- Chỉ đạo triển khai."', "      - |" + direction + budget)
    assert text != MINIMAL
    return text


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        return min(word.x0 for word in self.words)

    @property
    def x1(self) -> float:
        return max(word.x1 for word in self.words)

    @property
    def y1(self) -> float:
        return max(word.y1 for word in self.words)


@dataclass(frozen=True)
class Laid:
    """A built report, its pages as lines of words, and the horizontal rules of its first page."""

    docx: Path
    pages: list[list[Line]]
    rules: list[tuple[float, float, float]]  # x0, x1, y

    def words(self, page: int) -> list[Word]:
        return [word for line in self.pages[page] for word in line.words]


def _pages(pdf_path: Path) -> list[list[Line]]:
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf_path), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(html, etree.XMLParser(recover=True))
    pages = []
    for page in root.iter(f"{X}page"):
        lines = []
        for line in page.iter(f"{X}line"):
            words = tuple(
                Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                for w in line.iter(f"{X}word")
            )
            if words:
                lines.append(Line(words))
        pages.append(lines)
    return pages


def _rules(pdf_path: Path, folder: Path) -> list[tuple[float, float, float]]:
    """Horizontal stroked segments of page 1, top first, in PDF points."""
    svg = folder / (pdf_path.stem + ".svg")
    subprocess.run(["pdftocairo", "-svg", "-f", "1", "-l", "1", str(pdf_path), str(svg)], check=True)
    found = set()
    for path in etree.parse(str(svg)).getroot().iter(f"{SVG}path"):
        if "stroke-width" not in (path.get("style") or ""):
            continue
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", path.get("d") or "")]
        matrix = [float(n) for n in re.findall(r"-?[\d.]+", path.get("transform") or "")] or [1, 0, 0, 1, 0, 0]
        if len(numbers) != 4 or len(matrix) != 6:
            continue
        a, b, c, d, e, f = matrix
        (x1, y1), (x2, y2) = ((a * x + c * y + e, b * x + d * y + f) for x, y in (numbers[:2], numbers[2:]))
        if abs(y1 - y2) < 0.5 and abs(x1 - x2) > 5:
            found.add((round(min(x1, x2), 1), round(max(x1, x2), 1), round(y1, 1)))
    return sorted(found, key=lambda rule: (rule[2], rule[0]))


@pytest.fixture(scope="module")
def laid(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Laid]:
    """Every example, a --compare build and a rolled-up report: DOCX, PDF (one soffice call) and geometry."""
    if any(shutil.which(tool) is None for tool in TOOLS) or not pdf_ready():
        pytest.skip("LibreOffice, poppler or a Vietnamese Times font is not installed")
    out = tmp_path_factory.mktemp("page")
    built = {example.stem: api.build(str(example), str(out / (example.stem + ".docx")))[0] for example in EXAMPLES}
    built["binh-son-2022-h1-compare"] = api.build(NEW, str(out / "binh-son-2022-h1-compare.docx"), compare=OLD)[0]
    units = out / "units"
    units.mkdir()
    (units / "an.yaml").write_text(UNIT_A, encoding="utf-8")
    (units / "binh.yaml").write_text(UNIT_B, encoding="utf-8")
    (out / "province.yaml").write_text(PROVINCE, encoding="utf-8")
    rolled = out / "rollup.yaml"
    command = [sys.executable, "-m", "baocao", "rollup", str(units), "--unit", str(out / "province.yaml")]
    subprocess.run([*command, "-o", str(rolled)], check=True, capture_output=True)
    built["rollup"] = api.build(str(rolled), str(out / "rollup.docx"))[0]
    for lines in FILLERS:
        source = out / f"filler-{lines}.yaml"
        source.write_text(_filler(lines), encoding="utf-8")
        built[source.stem] = api.build(str(source), str(out / f"{source.stem}.docx"))[0]
    pdf.convert(list(built.values()))
    return {
        name: Laid(path, _pages(path.with_suffix(".pdf")), _rules(path.with_suffix(".pdf"), out))
        for name, path in built.items()
    }


def _find(laid: Laid, text: str, start: int = 0) -> int | None:
    """The first page from ``start`` on which the words of ``text`` follow one another, line by line."""
    wanted = text.split()
    for page in range(start, len(laid.pages)):
        words = laid.words(page)
        for first in (w for w in words if w.text == wanted[0]):
            current, ok = first, True
            for target in wanted[1:]:
                following = [
                    w
                    for w in words
                    if w.text == target
                    and (
                        (abs(w.y0 - current.y0) < 2 and 0 <= w.x0 - current.x1 < 12)
                        or (4 < w.y0 - current.y0 < 30 and w.x0 < current.x1)
                    )
                ]
                if not following:
                    ok = False
                    break
                current = min(following, key=lambda w: (w.y0, w.x0))
            if ok:
                return page
    return None


def _header_lines(laid: Laid) -> tuple[list[Line], Word, Word]:
    """The left header block's lines above the number line, the "Số:" word and the date line's first word."""
    words = laid.words(0)
    number = next(w for w in words if w.text == "Số:")
    nation = next(w for w in words if w.text == "CỘNG")
    date = min((w for w in words if w.x0 >= nation.x0 - 30 and w.y0 > nation.y1 + 20), key=lambda w: (w.y0, w.x0))
    left = [line for line in laid.pages[0] if line.x1 < nation.x0 and line.y1 < number.y0]
    return sorted(left, key=lambda line: line.y1), number, date


@needs_office
@pytest.mark.parametrize("name", sorted(ISSUING_LINES))
def test_number_line_and_date_line_on_one_level(laid, name):
    _, number, date = _header_lines(laid[name])
    assert abs(number.y1 - date.y1) <= 1.0, (number, date)


@needs_office
@pytest.mark.parametrize("name", sorted(ISSUING_LINES))
def test_issuing_body_lines_break_between_phrases(laid, name):
    lines, _, _ = _header_lines(laid[name])
    texts = [line.text for line in lines]
    expected = ISSUING_LINES[name]
    assert texts[-len(expected) :] == expected, texts
    # and the PDF holds exactly the lines the DOCX asks for: LibreOffice wrapped nothing itself
    document = docx.Document(str(laid[name].docx))
    left = document.tables[0].rows[0].cells[0]
    asked = [line for p in left.paragraphs for line in p.text.split("\n") if line]
    assert texts == asked


def _block_above(laid: Laid, rule: tuple[float, float, float], count: int) -> list[Line]:
    """The ``count`` lines of text right above a rule, centred over it: a name or a trích yếu of several lines."""
    x0, x1, y = rule
    middle = (x0 + x1) / 2
    above = [line for line in laid.pages[0] if line.y1 <= y + 0.5 and line.x0 <= middle <= line.x1]
    return sorted(above, key=lambda line: line.y1)[-count:]


@needs_office
@pytest.mark.parametrize("name", sorted(ISSUING_LINES))
def test_rules_are_sized_from_the_longest_line_of_the_text_above_them(laid, name):
    """Decree 30: 1/3-1/2 of the text line, measured from the longest line of a name or trích yếu of several."""
    page = laid[name]
    issuing, motto, subject = (
        page.rules[:3] if page.rules[0][0] < page.rules[1][0] else [*page.rules[1::-1], page.rules[2]]
    )
    paragraphs = [p.text for p in docx.Document(str(page.docx)).paragraphs]
    subject_lines = paragraphs[paragraphs.index("BÁO CÁO") + 1].split("\n")
    counts = {"issuing": len(ISSUING_LINES[name]), "motto": 1, "subject": len(subject_lines)}
    ratios = {}
    for role, rule in (("issuing", issuing), ("motto", motto), ("subject", subject)):
        lines = _block_above(page, rule, counts[role])
        longest = max(line.x1 - line.x0 for line in lines)
        ratios[role] = (rule[1] - rule[0]) / longest, [line.text for line in lines]
        assert abs((rule[0] + rule[1]) / 2 - (lines[-1].x0 + lines[-1].x1) / 2) < 3, (role, rule)  # centred
    assert ratios["motto"][1] == ["Độc lập - Tự do - Hạnh phúc"]
    assert 0.97 <= ratios["motto"][0] <= 1.03, ratios
    assert ratios["issuing"][1] == ISSUING_LINES[name]
    assert 1 / 3 <= ratios["issuing"][0] <= 1 / 2, ratios
    assert ratios["subject"][1] == subject_lines  # the rule stands right under the trích yếu
    assert 1 / 3 <= ratios["subject"][0] <= 1 / 2, ratios


def _grid_tables(document):
    for table in document.tables:
        style = table._tbl.find(f"{W}tblPr/{W}tblStyle")
        if style is not None and style.get(f"{W}val") == "BCGrid":
            yield table


def _row_key(row) -> str:
    """The words of the row's longest cell, by which the row is found in the PDF."""
    cells = [cell.text.split() for cell in row.cells]
    return " ".join(max(cells, key=len))


def _stranded(page: Laid) -> tuple[list[str], int]:
    """Tables whose header stands alone at the foot of a page, totals parted from the row above, group rows
    parted from their first item.

    Also how many tables were checked.
    """
    problems: list[str] = []
    start = checked = 0
    for table in _grid_tables(docx.Document(str(page.docx))):
        rows = list(table.rows)
        heads = [row for row in rows if row._tr.find(f"{W}trPr/{W}tblHeader") is not None]
        body = [row for row in rows if row not in heads]
        if len(body) < 2 or not heads:
            continue
        on_page = [p for p in range(start, len(page.pages)) if _find(page, _row_key(heads[0]), p) == p]
        first = next((p for p in on_page if _find(page, _row_key(body[0]), p) == p), None)
        assert first is not None, _row_key(body[0])
        found = [first]
        for row in body[1:]:
            place = _find(page, _row_key(row), found[-1])
            assert place is not None, _row_key(row)
            found.append(place)
        if on_page[0] != found[0]:
            problems.append(f"the header of '{_row_key(body[0])}' alone on page {on_page[0] + 1}")
        if found[-1] != found[-2]:
            problems.append(f"'{_row_key(body[-1])}' alone on page {found[-1] + 1}")
        for index, row in enumerate(body[:-1]):
            runs = [run for cell in row.cells for p in cell.paragraphs for run in p.runs if run.text.strip()]
            group = bool(runs) and all(run.bold for run in runs)
            parted = body[index + 1].cells[0].text.strip() in ("-", "+")
            if (group or parted) and found[index] != found[index + 1]:
                problems.append(f"'{_row_key(row)}' on page {found[index] + 1}, its first item on the next")
        start, checked = found[-1], checked + 1
    return problems, checked


@needs_office
@pytest.mark.parametrize("name", sorted(ISSUING_LINES))
def test_no_table_header_or_total_stands_alone_on_a_page(laid, name):
    problems, checked = _stranded(laid[name])
    assert problems == []
    assert checked or name == "tra-vinh-stttt-2019-q1"


@needs_office
def test_tables_at_every_height_of_the_page_keep_their_header_and_total_and_lose_no_row(laid):
    """The same table pushed down line by line: at some height only its header would fit.

    _stranded finds every row of it in the PDF: LibreOffice drops the rows after a first body
    row kept with the next at the foot of a page.
    """
    variants = [name for name in laid if name.startswith("filler-")]
    assert len(variants) == len(FILLERS)
    problems = {name: _stranded(laid[name]) for name in variants}
    assert all(checked == 1 for _, checked in problems.values())
    assert {name: found for name, (found, _) in problems.items() if found} == {}


@needs_office
@pytest.mark.parametrize("name", sorted(ISSUING_LINES))
def test_signature_block_on_the_page_of_the_closing_paragraph(laid, name):
    page = laid[name]
    document = docx.Document(str(page.docx))
    body = list(document.element.body)
    closing = next(i for i, e in enumerate(body) if e.tag == f"{W}tbl" and "Nơi nhận:" in "".join(e.itertext()))
    last = "".join(body[closing - 1].itertext()).split()
    recipients = next(p for p in range(len(page.pages)) if _find(page, "Nơi nhận:", p) == p)
    assert _find(page, " ".join(last[-4:])) == recipients


@needs_office
@pytest.mark.parametrize("name", sorted(ISSUING_LINES))
def test_headings_keep_space_above(laid, name):
    document = docx.Document(str(laid[name].docx))
    for style in ("BC Heading 1", "BC Heading 2", "BC Heading 3"):
        fmt = document.styles[style].paragraph_format
        assert fmt.space_before is not None and fmt.space_before.pt >= 6
        assert fmt.keep_with_next


@needs_office
def test_pdf_is_set_in_one_font_family(laid):
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts is not installed")
    for item in laid.values():
        listing = subprocess.run(["pdffonts", str(item.docx.with_suffix(".pdf"))], capture_output=True, text=True)
        families = {line.split()[0].split("+")[-1].split("-")[0] for line in listing.stdout.splitlines()[2:]}
        assert len(families) == 1, families


# --- what the DOCX holds, with or without LibreOffice ---------------------------------------------


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_body_names_its_annex_at_the_end_of_part_i_never_before_heading_i(tmp_path):
    target, _ = api.build(NEW, str(tmp_path / "r.docx"), compare=OLD)
    texts = _texts(target)
    first = next(i for i, t in enumerate(texts) if t.startswith("I. "))
    second = next(i for i, t in enumerate(texts) if t.startswith("II. "))
    assert texts[second - 1] == (
        "Chi tiết tại Phụ lục (so sánh một số chỉ tiêu 06 tháng đầu năm 2022 với cùng kỳ năm 2021) "
        "kèm theo Báo cáo này."
    )
    assert not any(t.startswith("Chi tiết tại Phụ lục") for t in texts[:first])
    assert texts.index("Phụ lục") > second


def test_several_annexes_are_numbered_and_all_named_in_the_body(tmp_path):
    from baocao.write import docx as docx_writer
    from baocao.write.markup import Annex, Paragraph, Run

    blocks = [
        Paragraph("body", (Run("Nội dung."),), None),
        Paragraph("body", (Run("Trên đây là báo cáo./."),), None),
        Annex("Số liệu theo đơn vị", ()),
        Annex("UBND các xã", ()),
        Annex("", ()),
    ]
    arranged = docx_writer.with_reference(blocks)
    reference = arranged[1]  # no heading: before the closing paragraph
    assert isinstance(reference, Paragraph)
    assert reference.runs[0].text == (
        "Chi tiết tại Phụ lục I (số liệu theo đơn vị), Phụ lục II (UBND các xã) và Phụ lục III kèm theo Báo cáo này."
    )
    named = [Paragraph("body", (Run("Số liệu tại Phụ lục I, Phụ lục II và Phụ lục III kèm theo."),), None), *blocks]
    assert docx_writer.with_reference(named) == named  # already named: nothing added


def test_annex_line_with_a_blank_date_keeps_day_month_and_year(tmp_path):
    text = Path(NEW).read_text(encoding="utf-8")
    text = re.sub(r"\n  date: .*\n", "\n", text, count=1)
    assert "\n  date:" not in text.split("\nsections:")[0]
    source = tmp_path / "blank.yaml"
    source.write_text(text, encoding="utf-8")
    target, _ = api.build(str(source), str(tmp_path / "r.docx"), compare=OLD)
    line = next(t for t in _texts(target) if t.startswith("(Kèm theo Báo cáo số")).replace("\n", " ")
    assert re.fullmatch(r"\(Kèm theo Báo cáo số \s+/BC-UBND ngày\s+tháng\s+năm 2022 của UBND huyện Bình Sơn\)", line)


@pytest.fixture(scope="module")
def rolled_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The DOCX of a report rolled up from two units."""
    folder = tmp_path_factory.mktemp("rolled")
    units = folder / "units"
    units.mkdir()
    (units / "an.yaml").write_text(UNIT_A, encoding="utf-8")
    (units / "binh.yaml").write_text(UNIT_B, encoding="utf-8")
    (folder / "province.yaml").write_text(PROVINCE, encoding="utf-8")
    rolled = folder / "rollup.yaml"
    command = [sys.executable, "-m", "baocao", "rollup", str(units), "--unit", str(folder / "province.yaml")]
    subprocess.run([*command, "-o", str(rolled)], check=True, capture_output=True)
    return api.build(str(rolled), str(folder / "r.docx"))[0]


def test_rolled_up_report_names_its_annexes(rolled_report):
    texts = _texts(rolled_report)
    names = [t for t in texts if re.fullmatch(r"Phụ lục [IVX]+", t)]
    assert len(names) >= 2
    reference = next(t for t in texts if t.startswith("Chi tiết theo từng đơn vị tại"))
    assert all(name in reference for name in names)
    first = min(i for i, t in enumerate(texts) if t.startswith("I. "))
    following = [i for i, t in enumerate(texts) if t.startswith("II. ")]
    assert first < texts.index(reference) < (following[0] if following else len(texts))  # at the end of part I


def test_rolled_up_rates_share_one_decimal(rolled_report):
    document = docx.Document(str(rolled_report))
    rates = [
        row.cells[i].text
        for table in _grid_tables(document)
        for i, head in enumerate(table.rows[0].cells)
        if head.text == "tỷ lệ"
        for row in table.rows[1:]
        if row.cells[i].text
    ]
    assert rates and all(re.fullmatch(r"\d{1,3},\d%", rate) for rate in rates), rates


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("", "- Lưu: VT."),
        ("\n  drafting_unit: VHTT", "- Lưu: VT, VHTT."),
        ("\n  drafting_unit: VHTT\n  copies: 2", "- Lưu: VT, VHTT, 02b."),
        ("\n  drafting_unit: VP.\n  copies: 12", "- Lưu: VT, VP, 12b."),
    ],
)
def test_luu_line_in_the_decree_form(tmp_path, fields, expected):
    from .conftest import MINIMAL, write

    text = MINIMAL.replace("recipients: [UBND huyện]", "recipients: [UBND huyện]" + fields)
    target, findings = api.build(str(write(tmp_path, text)))
    assert findings == []
    closing = docx.Document(str(target)).tables[-1].rows[0].cells[0]
    assert closing.paragraphs[-1].text == expected


def test_examples_end_nơi_nhận_with_the_drafting_unit(built):
    for path in built.values():
        closing = docx.Document(str(path)).tables[-1].rows[0].cells[0]
        assert re.fullmatch(r"- Lưu: VT, [A-ZĐ&]+(, \d{2,}b)?\.", closing.paragraphs[-1].text)


def test_wrapped_recipients_hang_under_their_text(binh_son):
    fmt = binh_son.styles["BC Recipients"].paragraph_format
    dash = metrics.width_cm("- ", 11)
    assert fmt.first_line_indent is not None and fmt.left_indent is not None
    assert abs(fmt.first_line_indent.cm + dash) < 0.02 and abs(fmt.left_indent.cm - dash) < 0.02


def test_closing_block_stands_clear_of_the_closing_paragraph(binh_son):
    left, right = binh_son.tables[-1].rows[0].cells
    assert left.paragraphs[0].paragraph_format.space_before.pt >= 12
    assert right.paragraphs[0].paragraph_format.space_before.pt == left.paragraphs[0].paragraph_format.space_before.pt


def test_closing_paragraph_keeps_with_the_signature(binh_son):
    body = list(binh_son.element.body)
    closing = next(i for i, e in enumerate(body) if e.tag == f"{W}tbl" and "Nơi nhận:" in "".join(e.itertext()))
    assert body[closing - 1].find(f"{W}pPr/{W}keepNext") is not None


def _signed(tmp_path: Path, name: str | None) -> tuple[docx.document.Document, list[str]]:
    from .conftest import MINIMAL, write

    stated = ", name: Nguyễn Văn A}"
    text = MINIMAL.replace(stated, f", name: '{name}'}}" if name is not None else "}")
    assert text != MINIMAL
    target, findings = api.build(str(write(tmp_path, text)), str(tmp_path / "r.docx"))
    return docx.Document(str(target)), [f.code for f in findings]


def test_placeholder_signer_is_not_printed_bold_and_is_reported(tmp_path, built):
    document, codes = _signed(tmp_path, "(họ và tên)")
    name = document.tables[-1].rows[0].cells[1].paragraphs[-1]
    assert name.text == "(họ và tên)"
    assert all(run.bold is False and run.italic for run in name.runs)
    assert "BC312" in codes
    real = docx.Document(str(built["binh-son-2022-h1"])).tables[-1].rows[0].cells[1].paragraphs[-1]
    assert real.text == "Phạm Quang Sự" and not any(run.bold is False for run in real.runs)


def test_a_signer_left_unnamed_keeps_the_space_to_write_the_name(tmp_path):
    document, codes = _signed(tmp_path, None)
    signature = document.tables[-1].rows[0].cells[1].paragraphs
    assert signature[-1].text == "" and signature[-1].paragraph_format.space_before.pt >= 40
    assert signature[-2].text.strip() == "PHÓ CHỦ TỊCH"
    assert "BC312" not in codes and "BC101" not in codes


@pytest.mark.parametrize("name", ["(họ và tên)", "(Họ tên)", "...", "…", "xxx", "Họ và tên người ký", "  "])
def test_placeholder_names(name):
    from baocao.report.document import is_placeholder_name

    assert is_placeholder_name(name)


@pytest.mark.parametrize("name", ["Phạm Quang Sự", "Nguyễn Văn An", "Lê Thị Xuân"])
def test_real_names_are_not_placeholders(name):
    from baocao.report.document import is_placeholder_name

    assert not is_placeholder_name(name)


def test_table_header_and_first_body_row_keep_with_the_next_row(binh_son):
    table = next(_grid_tables(binh_son))
    keeps = [row._tr.find(f".//{W}keepNext") is not None for row in table.rows]
    roles = ["header" if row._tr.find(f"{W}trPr/{W}tblHeader") is not None else "body" for row in table.rows]
    first_body = roles.index("body")
    assert all(keeps[: first_body + 1])  # the header rows and the first body row
    assert not keeps[-1]
    group = next(i for i, row in enumerate(table.rows) if row.cells[1].text == "HUYỆN BÌNH SƠN")
    assert keeps[group]


def test_an_empty_column_gives_its_room_to_the_item_names(tmp_path):
    from baocao.write import docx as docx_writer
    from baocao.write.markup import Cell, Row, Run, Table

    def cell(text: str) -> Cell:
        return Cell((Run(text),) if text else (), "left", 1)

    rows = (
        Row("header", (cell("TT"), cell("Tên nhiệm vụ"), cell("Mục tiêu/Nội dung"), cell("Kinh phí"))),
        Row("group", (cell("I"), Cell((Run("UBND XÃ AN"),), "left", 2), cell("9,0"))),  # spans the empty column
        Row("item", (cell("1"), cell("Mua sắm máy tính cho Bộ phận một cửa"), cell(""), cell("9,0"))),
        Row("total", (Cell((Run("Tổng cộng"),), "center", 3), cell("9,0"))),
    )
    widths = docx_writer._narrow_empty(Table((1, 4, 3, 2), rows), [1.65, 6.6, 4.95, 3.3])
    assert abs(sum(widths) - 16.5) < 1e-9
    assert widths[2] < 3.0 and widths[1] > 6.6 * 1.2
    assert widths[2] >= metrics.width_cm("Mục", 13, bold=True)


def test_a_long_header_is_not_set_a_word_a_line():
    from baocao.write import docx as docx_writer
    from baocao.write.markup import Cell, Row, Run, Table

    def cell(text: str) -> Cell:
        return Cell((Run(text),), "left", 1)

    head = "Kinh phí nếu có (bao nhiêu, đã cấp theo QĐ nào hoặc đề xuất bổ sung 6 tháng cuối năm)"
    rows = (
        Row("header", (cell("TT"), cell("Nội dung/Nhiệm vụ/Dự án"), cell("Kết quả, tiến độ thực hiện"), cell(head))),
        Row("item", (cell("1"), cell("Triển khai phòng họp không giấy"), cell("Chưa thực hiện"), cell("15 triệu"))),
    )
    widths = docx_writer._fit_headers(Table((1, 4, 2.2, 2.2), rows), [1.78, 7.1, 3.9, 3.9])
    assert abs(sum(widths) - 16.68) < 1e-9
    lines = metrics.width_cm(head, 13, bold=True) / (widths[3] - docx_writer.CELL_MARGINS_CM)
    assert lines <= docx_writer.HEADER_LINES + 0.01
    assert widths[0] >= metrics.width_cm("TT", 13, bold=True) and widths[1] > widths[2]


def test_a_paragraph_that_leads_into_a_table_stays_with_it():
    from baocao.write import docx as docx_writer
    from baocao.write.markup import Cell, Paragraph, Row, Run, Table

    table = Table((1, 1), (Row("header", (Cell((Run("A"),)), Cell((Run("B"),)))),))
    lead = Paragraph("body", (Run("Tình hình cung cấp thông tin (Mẫu 01):"),))
    plain = Paragraph("body", (Run("Một đoạn văn."),))
    xml = list(docx_writer.body([plain, table, lead, table]))
    assert "keepNext" not in xml[0] and "keepNext" in xml[2]


@pytest.mark.parametrize(
    "name",
    ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ HUYỆN BÌNH SƠN", "ỦY BAN NHÂN DÂN THỊ XÃ ĐỨC PHỔ",
     "VĂN PHÒNG HĐND VÀ UBND HUYỆN SƠN TỊNH", "TRUNG TÂM VĂN HÓA, THÔNG TIN VÀ THỂ THAO HUYỆN"],
)  # fmt: skip
@pytest.mark.parametrize("width", [4.0, 5.5, 7.0])
def test_names_break_only_before_a_phrase(name, width):
    lines = layout.name_lines(name, width, 13, bold=True)
    assert " ".join(lines) == name
    for line in lines[1:]:
        assert any(line == start or line.startswith(start + " ") for start in layout.PHRASE_STARTS), lines
    assert not any(line.endswith((" VÀ", " CỦA")) for line in lines)


def test_trich_yeu_lines_are_fewest_and_unbroken_inside_words():
    subject = (
        "Kết quả triển khai công tác chuyển đổi số năm 2023, nhiệm vụ trọng tâm năm 2024 trên địa bàn huyện Trà Bồng"
    )
    lines = layout.title_lines(subject, 15.5, 14, bold=True)
    assert lines == [
        "Kết quả triển khai công tác chuyển đổi số năm 2023,",
        "nhiệm vụ trọng tâm năm 2024 trên địa bàn huyện Trà Bồng",
    ]
    widths = [metrics.width_cm(line, 14, bold=True) for line in lines]
    assert 1 / 3 <= layout.rule_cm(widths) / max(widths) <= 1 / 2


def test_a_hostile_subject_or_body_name_builds_quickly(tmp_path):
    import time

    from .conftest import MINIMAL, write

    text = MINIMAL.replace("subject: tình hình", "subject: " + "chuyển đổi số " * 400 + "tình hình")
    text = text.replace(
        "issuing_body: Ủy ban nhân dân xã Tịnh Hà", "issuing_body: " + "Ủy ban nhân dân xã " * 100 + "Hà"
    )
    start = time.perf_counter()
    target, _ = api.build(str(write(tmp_path, text)))
    assert time.perf_counter() - start < 5
    assert docx.Document(str(target)).paragraphs


def test_without_a_vietnamese_times_font_the_pdf_path_says_what_to_install(monkeypatch, tmp_path):
    class Done:
        stdout = (
            "Liberation Serif|/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf|20-7e a0-17f 1ea0-1ea1"
        )

    monkeypatch.setattr(pdf.shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(pdf.subprocess, "run", lambda *args, **kwargs: Done())
    with pytest.raises(api.UserError, match="fonts-liberation2") as raised:
        pdf.convert([tmp_path / "x.docx"])
    assert "ộ" in str(raised.value) and "Liberation Serif" in str(raised.value)


def test_a_vietnamese_times_font_or_no_fontconfig_passes_the_check(monkeypatch):
    class Done:
        stdout = (
            "Liberation Serif|/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf|20-7e a0-36f 1ea0-1ef9"
        )

    monkeypatch.setattr(pdf.subprocess, "run", lambda *args, **kwargs: Done())
    monkeypatch.setattr(pdf.shutil, "which", lambda name: "/usr/bin/" + name)
    pdf.check_fonts()
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    pdf.check_fonts()  # no fontconfig (Windows, macOS): Times New Roman itself is used


def test_contact_sheet_is_a_png_of_every_page(tmp_path):
    import importlib.util
    import struct
    import zlib

    spec = importlib.util.spec_from_file_location("look", Path(__file__).resolve().parents[1] / "bench" / "look.py")
    assert spec and spec.loader
    look = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(look)
    page = tmp_path / "p.ppm"
    page.write_bytes(b"P6\n# pdftoppm\n2 3\n255\n" + bytes(range(18)))
    width, height, rgb = look.read_ppm(page)
    assert (width, height, rgb) == (2, 3, bytes(range(18)))
    sheet = tmp_path / "sheet.png"
    look.contact_sheet([[(width, height, rgb)] * 3, [(width, height, rgb)]], sheet)
    data = sheet.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    sheet_w, sheet_h = struct.unpack(">II", data[16:24])
    assert (sheet_w, sheet_h) == (look.GAP + 3 * (2 + look.GAP), look.GAP + 2 * (3 + look.GAP))
    raw = zlib.decompress(data[data.index(b"IDAT") + 4 : data.index(b"IEND") - 8])
    row = raw[(look.GAP) * (1 + sheet_w * 3) :][: 1 + sheet_w * 3]
    assert row[1 + look.GAP * 3 : 1 + look.GAP * 3 + 6] == bytes(range(6))  # the first page's first row of pixels
