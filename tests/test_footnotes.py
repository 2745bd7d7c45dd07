"""Footnotes written in a line of text become Word footnotes, numbered through the report and its annexes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from baocao import api

from .conftest import write

REPORT = """\
document:
  level: province
  issuing_body: Ủy ban nhân dân tỉnh Quảng Ngãi
  short_name: UBND tỉnh
  area: tỉnh Quảng Ngãi
  symbol: BC-UBND
  place: Quảng Ngãi
  date: 05/01/2026
  period: {type: year, year: 2025}
  subject: tình hình chuyển đổi số năm 2025
  signer: {authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: Nguyễn Văn A}
sections:
  - title: Thể chế số
    content:
      - "Triển khai Luật Giao dịch điện tử sửa đổi^[Luật số 20/2023/QH15 ngày 22/6/2023.] \\
        và **Luật Dữ liệu**^[Luật số 60/2024/QH15, có hiệu lực từ ngày 01/7/2025.]."
      - "- Có 16/16 xã có Ban Chỉ đạo^[Quyết định số 15/QĐ-UBND ngày 10/3/2023.] (đạt tỷ lệ 100%)."
      - "- Ký hiệu \\\\^[ghi như vậy] in nguyên văn."
annexes:
  - title: Văn bản đã ban hành
    content: ["- Kế hoạch số 29/KH-UBND^[Ngày 01/3/2023, về Chuyển đổi số năm 2023.]"]
"""
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_a_footnote_in_a_line_of_text_is_a_word_footnote_at_its_mark(tmp_path: Path):
    path = write(tmp_path, REPORT)
    assert api.load(str(path)).findings == []  # the note's numbers and "^[" are no claim, no old font
    target, _ = api.build(str(path), str(tmp_path / "out.docx"))
    with zipfile.ZipFile(target) as package:
        assert "word/footnotes.xml" in package.namelist()
        assert "footnotes+xml" in package.read("[Content_Types].xml").decode()
    document = docx.Document(str(target))
    notes = document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
    )
    texts = {}
    for note in docx.oxml.parse_xml(notes.blob).iter(f"{W}footnote"):
        if note.get(f"{W}type") is None:
            texts[int(note.get(f"{W}id"))] = "".join(t.text for t in note.iter(f"{W}t")).strip()
    assert texts == {
        1: "Luật số 20/2023/QH15 ngày 22/6/2023.",
        2: "Luật số 60/2024/QH15, có hiệu lực từ ngày 01/7/2025.",
        3: "Quyết định số 15/QĐ-UBND ngày 10/3/2023.",
        4: "Ngày 01/3/2023, về Chuyển đổi số năm 2023.",  # the annex's, after the body's
    }
    line = next(p for p in document.paragraphs if p.text.startswith("Triển khai"))
    assert line.text == "Triển khai Luật Giao dịch điện tử sửa đổi và Luật Dữ liệu."  # the marks are Word's
    marks = [int(r.get(f"{W}id")) for r in line._p.iter(f"{W}footnoteReference")]
    assert marks == [1, 2]
    assert "- Ký hiệu ^[ghi như vậy] in nguyên văn." in [p.text for p in document.paragraphs]


def test_a_report_without_footnotes_has_no_footnotes_part(tmp_path: Path):
    plain = REPORT.replace("^[Ngày 01/3/2023, về Chuyển đổi số năm 2023.]", "")
    plain = plain.replace("^[Luật số 60/2024/QH15, có hiệu lực từ ngày 01/7/2025.]", "")
    plain = plain.replace("^[Quyết định số 15/QĐ-UBND ngày 10/3/2023.]", "")
    plain = plain.replace("^[Luật số 20/2023/QH15 ngày 22/6/2023.]", "")
    target, _ = api.build(str(write(tmp_path, plain)), str(tmp_path / "out.docx"))
    with zipfile.ZipFile(target) as package:
        assert "word/footnotes.xml" not in package.namelist()


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        ("(đạt tỷ lệ 100%)", "(đạt tỷ lệ 90%)"),  # the sentence is read without the footnote between its numbers
        ("ngày 10/3/2023.]", "ngày 10/3/2023; ký số 3.179/3.200 văn bản, đạt 99,5%.]"),  # the footnote on its own
    ],
)
def test_a_wrong_rate_beside_or_in_a_footnote_is_caught_at_its_column(tmp_path: Path, right: str, wrong: str):
    text = REPORT.replace(right, wrong)
    rate = wrong.split()[-1].strip(".()]")
    line = next(number for number, written in enumerate(text.splitlines(), 1) if rate in written)
    findings = [(f.code, f.line, f.col) for f in api.load(str(write(tmp_path, text))).findings]
    assert findings == [("BC211", line, text.splitlines()[line - 1].index(rate) + 1)]
