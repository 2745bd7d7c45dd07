"""The form of the document: a report sent as a công văn, a Party body's report, a copy of a signed one."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from baocao import api

from .conftest import write

STATE = """\
document:
  level: district
  parent_body: UBND tỉnh Quảng Ngãi
  issuing_body: Ủy ban nhân dân huyện Trà Bồng
  short_name: UBND huyện Trà Bồng
  area: huyện Trà Bồng
  number: 458
  symbol: UBND-VHTT
  form: dispatch
  place: Trà Bồng
  date: 15/01/2024
  period: {type: year, year: 2023}
  subject: báo cáo kết quả chuyển đổi số năm 2023
  addressed_to: [Sở Thông tin và Truyền thông tỉnh Quảng Ngãi]
  recipients: [UBND tỉnh (b/c)]
  signer: {authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: Nguyễn Văn A}
sections:
  - title: Kết quả
    content: ["Có 16/16 xã có Ban Chỉ đạo (đạt tỷ lệ 100%)."]
closing: [UBND huyện Trà Bồng báo cáo để Sở Thông tin và Truyền thông biết, tổng hợp./.]
annexes:
  - title: Ban Chỉ đạo cấp xã
    content: ["- 16 xã, thị trấn."]
"""
PARTY = (
    STATE.replace("parent_body: UBND tỉnh Quảng Ngãi", "parent_body: Đảng bộ tỉnh Quảng Ngãi")
    .replace("issuing_body: Ủy ban nhân dân huyện Trà Bồng", "issuing_body: Huyện ủy Trà Bồng")
    .replace("short_name: UBND huyện Trà Bồng", "short_name: Ban Thường vụ Huyện ủy")
    .replace("number: 458\n  symbol: UBND-VHTT\n  form: dispatch", "number: 45\n  symbol: BC/HU\n  party: true")
    .replace("subject: báo cáo kết quả", "subject: kết quả lãnh đạo")
    .replace(
        "[Sở Thông tin và Truyền thông tỉnh Quảng Ngãi]",
        "[Ban Thường vụ Tỉnh ủy, Ban Chỉ đạo Chuyển đổi số tỉnh]",
    )
    .replace(
        "{authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch,",
        "{on_behalf_of: Ban Thường vụ, title: Phó Bí thư,",
    )
    .replace("  signer:", "  signed: true\n  signer:")
)


def findings(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity.name.lower()) for f in api.load(str(write(tmp_path, text))).findings]


def built(tmp_path: Path, text: str) -> tuple[list[str], list[str]]:
    """The text of the body's paragraphs, and that of the header and signature tables' cells, a line each."""
    target, _ = api.build(str(write(tmp_path, text)), str(tmp_path / "out.docx"))
    document = docx.Document(str(target))
    cells = [p.text for table in document.tables for row in table.rows for c in row.cells for p in c.paragraphs]
    return [p.text for p in document.paragraphs], cells


def test_a_report_sent_as_a_cong_van_has_its_v_v_under_the_number_and_kinh_gui_above_the_body(tmp_path):
    """Decree 30's công văn (Mẫu 1.2): "Số: 458/UBND-VHTT", "V/v …" under it, no "BÁO CÁO", "Kính gửi: …"."""
    assert findings(tmp_path, STATE) == []
    body, cells = built(tmp_path, STATE)
    assert "Số: 458/UBND-VHTT" in cells and "V/v báo cáo kết quả chuyển đổi số năm 2023" in cells
    assert "BÁO CÁO" not in body and body.index("Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi.") == 0
    recipients = cells[cells.index("Nơi nhận:") + 1 :][:3]
    assert recipients == ["- Như trên;", "- UBND tỉnh (b/c);", "- Lưu: VT."]
    assert "Chi tiết tại Phụ lục (ban Chỉ đạo cấp xã) kèm theo Công văn này." in body
    assert "(Kèm theo Công văn số 458/UBND-VHTT ngày 15/01/2024 của UBND huyện Trà Bồng)" in [
        line.replace("\n", " ") for line in body
    ]


def test_a_party_bodys_report_has_its_own_header_number_and_t_m(tmp_path):
    """A Huyện ủy's report: ĐẢNG CỘNG SẢN VIỆT NAM on the right, the committees and "*" on the left, "Số 45-BC/HU",
    "T/M BAN THƯỜNG VỤ", and, on a copy of the signed report, "(Đã ký)" where the signature stands."""
    assert findings(tmp_path, PARTY) == []
    body, cells = built(tmp_path, PARTY)
    assert cells[:4] == ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "HUYỆN ỦY TRÀ BỒNG", "*", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert "Số 45-BC/HU" in cells and "BÁO CÁO" in body
    signature = cells[cells.index("T/M BAN THƯỜNG VỤ") :]
    assert signature[:4] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "(Đã ký)", "Nguyễn Văn A"]
    assert "- Ban Thường vụ Tỉnh ủy;" in cells and "- Ban Chỉ đạo Chuyển đổi số tỉnh." in cells
    assert "(Kèm theo Báo cáo số 45-BC/HU ngày 15/01/2024 của Ban Thường vụ Huyện ủy)" in [
        line.replace("\n", " ") for line in body
    ]


@pytest.mark.parametrize(
    ("text", "old", "new", "found"),
    [
        ("state", "symbol: UBND-VHTT", "symbol: CV-UBND", [("BC301", "warning")]),  # "Số …/CV-…": not Decree 30's
        ("state", "symbol: UBND-VHTT", "symbol: BC-UBND", [("BC301", "error")]),  # a báo cáo's symbol
        ("state", "symbol: UBND-VHTT", "symbol: STTTT-BCVT&CNTT", []),
        ("state", "  form: dispatch\n", "", [("BC301", "error")]),  # a report's symbol starts with BC
        ("party", "symbol: BC/HU", "symbol: BC-HU", [("BC301", "error")]),
        ("party", "symbol: BC/HU", "symbol: BC/ĐU-VP", []),
        ("party", "symbol: BC/HU", "symbol: CV/HU\n  form: dispatch", []),  # a Party công văn is CV/…
        ("party", "symbol: BC/HU", "symbol: CV/HU", [("BC301", "error")]),
    ],
)
def test_the_symbol_is_checked_as_the_documents_form_has_it(tmp_path, text, old, new, found):
    source = STATE if text == "state" else PARTY
    assert old in source
    assert findings(tmp_path, source.replace(old, new, 1)) == found


def test_a_report_with_neither_keeps_its_header_and_signature(tmp_path):
    plain = STATE.replace("symbol: UBND-VHTT\n  form: dispatch", "symbol: BC-UBND").replace(
        "  addressed_to: [Sở Thông tin và Truyền thông tỉnh Quảng Ngãi]\n", ""
    )
    body, cells = built(tmp_path, plain)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Số: 458/BC-UBND" in cells and "BÁO CÁO" in body
    assert "KT. CHỦ TỊCH" in cells and "(Đã ký)" not in cells and "- Như trên;" not in cells
    assert not any(line.startswith(("Kính gửi", "V/v")) for line in body + cells)


def test_the_next_period_keeps_the_form_and_is_not_signed_yet(tmp_path):
    _, text = api.next_file(str(write(tmp_path, PARTY)), "-")
    assert "party: true" in text and "symbol: BC/HU" in text and "addressed_to:" in text
    assert "signed:" not in text
