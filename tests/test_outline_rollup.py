"""baocao rollup of units written in their own outline: matched by section and key, summed, nothing dropped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from baocao import api
from baocao.load import source as loader

from .conftest import BY_TOPIC

HEAD = """\
document:
  level: {level}
  issuing_body: Ủy ban nhân dân {name}
  short_name: UBND {name}
  area: {name}
  symbol: BC-UBND
  place: Tân An
  date: 05/01/2026
  period: {{type: half_year, number: 2, year: 2025}}
  subject: kết quả chuyển đổi số
  signer: {{authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: Nguyễn Văn A}}
"""
UNIT = """\
sections:
  - title: Kết quả
    key: ket_qua
    content:
      - Đã làm tốt.
      - figure:
          key: bts
          label: Trạm BTS
          value: {bts}
          unit: trạm
          parts: [{{label: 4G, value: {g4}}}, {{label: 5G, value: {g5}}}]
      - indicator: {{key: dvc, label: Hồ sơ trực tuyến, count: {count}, total: {total}}}
      - indicator: {{key: ky_so, label: Văn bản ký số, percent: {signed}}}
      - table:
          key: mau_01
          columns:
            - {{key: content, title: Nội dung}}
            - {{key: posted, title: Đã đăng, type: count_of_total}}
            - {{key: ok, title: Tích hợp, type: yes_no}}
          rows:
            - {{content: VB QPPL, posted: {posted}, ok: {ok}}}
      - budget: {{unit: {money}, items: [{{name: Máy tính, amount: "{amount}"}}]}}
  - title: Kiến nghị
    content: [Hỗ trợ kinh phí.]
"""
OWN = """\
opening: [Tỉnh báo cáo như sau.]
sections:
  - title: Kết quả của tỉnh
    key: ket_qua
    content:
      - Toàn tỉnh đã làm tốt.
      - figure: {key: bts, label: Trạm BTS toàn tỉnh, unit: trạm}
"""
A = {"bts": 10, "g4": 6, "g5": 4, "count": 90, "total": 100, "signed": 98, "posted": "4/4", "ok": "Có"}
B = {"bts": 5, "g4": 5, "g5": 0, "count": 1, "total": 900, "signed": 95, "posted": "1/2", "ok": "Không"}


def rollup(units: Path, own: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "baocao", "rollup", str(units), "--unit", str(own), "-o", str(out)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.fixture
def rolled(tmp_path: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    units = tmp_path / "units"
    units.mkdir()
    an = UNIT.format(**A, money="triệu đồng", amount="100,5")
    binh = UNIT.format(**B, money="nghìn đồng", amount="2500")
    (units / "an.yaml").write_text(HEAD.format(level="commune", name="xã An") + an, encoding="utf-8")
    (units / "binh.yaml").write_text(HEAD.format(level="commune", name="xã Bình") + binh, encoding="utf-8")
    own = tmp_path / "own.yaml"
    own.write_text(HEAD.format(level="province", name="tỉnh Tân An") + OWN, encoding="utf-8")
    out = tmp_path / "province.yaml"
    return out, rollup(units, own, out)


def content(out: Path) -> dict[str, object]:
    (results,) = loader.read(str(out))[0].data["sections"]
    return {next(iter(b)): next(iter(b.values())) for b in results["content"] if "text" not in b}


def test_blocks_are_summed_where_they_stand_and_rates_recomputed(rolled):
    out, result = rolled
    assert result.returncode == 0, result.stderr
    loaded = api.load(str(out))
    assert loaded.report is not None and [f.code for f in loaded.findings] == []
    titles = [s["title"] for s in loader.read(str(out))[0].data["sections"]]
    assert titles == ["Kết quả của tỉnh"]  # the level above's title; the units' text stays in their reports
    blocks = content(out)
    figure, indicator, table, budget = (blocks[k] for k in ("figure", "indicator", "table", "budget"))
    assert figure["label"] == "Trạm BTS toàn tỉnh" and figure["value"] == "15"
    assert [(p["label"], p["value"]) for p in figure["parts"]] == [("4G", "11"), ("5G", "4")]
    assert (indicator["count"], indicator["total"]) == ("91", "1000")  # 9,1%, not the mean of 90% and 0,1%
    assert table["rows"] == [{"content": "VB QPPL", "posted": "5/6", "ok": "Có: 1; Không: 1"}]  # answers counted
    assert [(g["name"], g["items"][0]["amount"]) for g in budget["groups"]] == [
        ("UBND xã An", "100,5"),
        ("UBND xã Bình", "2,5"),
    ]


def test_what_cannot_be_summed_is_said_not_dropped(rolled):
    out, _ = rolled
    texts = [b["text"] for b in loader.read(str(out))[0].data["sections"][0]["content"] if "text" in b]
    said = "- Văn bản ký số: UBND xã An, UBND xã Bình chỉ báo cáo tỷ lệ (không ghi số đạt được và tổng số), "
    assert any(t.startswith(said + "từ 95% đến 98%, bình quân 96,5%") for t in texts)  # never "nobody reported"
    assert not any("khác nhau giữa các đơn vị" in t for t in texts)  # the answers of a column are counted


def test_the_province_report_builds_with_its_annexes(rolled, tmp_path):
    out, _ = rolled
    target, findings = api.build(str(out), str(tmp_path / "province.docx"))
    assert findings == []
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "- Trạm BTS toàn tỉnh: 15 trạm, trong đó: 11 4G, 04 5G;" in texts
    assert "SỐ LIỆU THEO ĐƠN VỊ" in texts and "CHỈ TIÊU TỶ LỆ THEO ĐƠN VỊ" in texts


def test_units_written_by_topic_among_units_in_sections_are_refused(rolled, tmp_path):
    period = "period: {type: half_year, number: 2, year: 2025}"
    by_topic = BY_TOPIC.replace("period: {type: year, year: 2023}", period)
    assert by_topic != BY_TOPIC
    (tmp_path / "units" / "old.yaml").write_text(by_topic, encoding="utf-8")
    result = rollup(tmp_path / "units", tmp_path / "own.yaml", tmp_path / "again.yaml")
    assert result.returncode != 0 and "baocao upgrade" in result.stderr and "old.yaml" in result.stderr
    assert not (tmp_path / "again.yaml").exists()
