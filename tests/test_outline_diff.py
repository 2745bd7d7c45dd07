"""baocao diff on reports written as their own outline: sections by key or title, blocks by type and key."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from baocao import api

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
OLD, NEW = str(EXAMPLES / "binh-son-2021-h1.yaml"), str(EXAMPLES / "binh-son-2022-h1.yaml")
POST = (
    "Kết quả thực hiện",
    "Về lĩnh vực bưu chính, viễn thông và công nghệ thông tin",
    "Về lĩnh vực bưu chính, viễn thông",
)


def changes():
    found, warnings = api.diff(OLD, NEW)
    assert warnings == []
    return found


def test_numbers_are_matched_by_section_path_and_block_key():
    (down,) = [c for c in changes() if c.path == (*POST, "Điểm Bưu điện Văn hóa xã", "value")]
    assert (down.section, down.old, down.new, down.delta, down.percent) == ("sections", 25, 23, -2, Decimal("-8.0"))


def test_a_section_or_block_added_shows_its_values():
    added = [c for c in changes() if c.kind == "added" and c.path[-1].endswith(("KH-UBND", "QĐ-UBND", "KH-BCĐ"))]
    assert all(c.path[-1] == f"{c.new['type']} {c.new['number']}" for c in added)  # named as the report names it
    assert {c.new["number"] for c in added} == {"169/KH-UBND", "181/KH-UBND", "2126/QĐ-UBND", "04/KH-BCĐ"}


def test_changed_text_is_shown_word_by_word(tmp_path):
    (text,) = [c for c in changes() if c.path[-2:] == ("Về tình hình phát triển kinh tế - xã hội", "đoạn văn 1")]
    assert text.section == "narrative" and text.kind == "changed"


def test_reordering_sections_and_blocks_is_not_a_change(tmp_path):
    text = Path(NEW).read_text(encoding="utf-8")
    reordered = tmp_path / "reordered.yaml"
    lines = text.split("\n- title: ")
    reordered.write_text("\n- title: ".join([lines[0], *reversed(lines[1:])]) + "\n", encoding="utf-8")
    found, _ = api.diff(NEW, str(reordered))
    assert found == []


def test_build_compare_on_outlines_adds_the_phrases_and_the_annex(tmp_path):
    import docx

    target, _ = api.build(NEW, str(tmp_path / "r.docx"), compare=OLD)
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("- Chiều dài các tuyến đường thư: 450 km") and
               t.endswith("tăng 30 km (7,1%) so với cùng kỳ năm 2021;") for t in texts)  # fmt: skip
    annex = document.tables[-1]
    row = next(r for r in annex.rows if r.cells[1].text == "Chiều dài các tuyến đường thư")
    assert [c.text for c in row.cells[3:]] == ["420", "450", "+30", "+7,1%"]
    total = next(r for r in annex.rows if r.cells[1].text == "Tổng kinh phí")
    assert [c.text for c in total.cells[3:5]] == ["7.899,0", "9.179,0"]


def test_two_sections_of_one_title_are_compared_in_turn_not_merged(tmp_path):
    from .test_outline import HEAD

    def unit(first: str, second: str) -> str:
        return (
            HEAD
            + f"sections:\n  - title: Khó khăn\n    content: [{first}]\n  - title: Khó khăn\n    content: [{second}]\n"
        )

    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(unit("Một", "Hai"), encoding="utf-8")
    new.write_text(unit("Bốn", "Hai"), encoding="utf-8")
    found, _ = api.diff(str(old), str(new))
    assert [(c.kind, c.old, c.new) for c in found] == [("changed", "Một", "Bốn")]


def test_a_block_the_newer_report_lacks_is_reported_removed(tmp_path):
    from .test_outline import HEAD

    figure = "      - figure: {key: bts, label: Trạm BTS, value: 12, unit: trạm}\n"
    section = f"""\
sections:
  - title: Hạ tầng
    key: ha_tang
    content:
      - Đã nâng cấp mạng nội bộ.
{figure}      - indicator: {{label: Hồ sơ trực tuyến, count: 5, total: 10}}
"""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(HEAD + section, encoding="utf-8")
    new.write_text(HEAD + section.replace(figure, ""), encoding="utf-8")
    found, _ = api.diff(str(old), str(new))
    assert [(c.section, c.path[0], c.kind) for c in found] == [("sections", "Hạ tầng", "removed")]
    (removed,) = found
    assert removed.old["label"] == "Trạm BTS" and removed.old["value"] == 12 and removed.new is None
    command = [sys.executable, "-m", "baocao", "diff"]
    result = subprocess.run([*command, str(old), str(new), "--format", "json"], capture_output=True, check=False)
    assert result.returncode == 1, result.stderr
    (change,) = json.loads(result.stdout)["changes"]
    assert change["kind"] == "removed" and change["old"]["label"] == "Trạm BTS"
    assert subprocess.run([*command, str(old), str(old)], capture_output=True, check=False).returncode == 0
