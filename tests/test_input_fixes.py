"""Inputs the parser accepts but a report must not take silently, each with its code at its line."""

from __future__ import annotations

import os
import threading

import docx
import pytest
from click.testing import CliRunner

from baocao import api
from baocao.cli.main import main
from baocao.load import source as loader

from .conftest import MINIMAL, write


def _findings(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "unit.yaml"
    path.write_bytes(text.encode(encoding))
    return api.load(str(path)).findings


def _at(findings, code):
    return [(f.line, f.col, f.quote) for f in findings if f.code == code]


@pytest.mark.parametrize(("escape", "char"), [(r"a\x00b", "U+0000"), (r"A\x01", "U+0001"), (r"x\u001fy", "U+001F"),
                                              (r"\e", "U+001B"), (r"\v", "U+000B")])  # fmt: skip
def test_a_control_character_written_as_an_escape_is_bc008_at_the_escape(tmp_path, escape, char):
    text = MINIMAL.replace("  place: Tịnh Hà", f'  place: "Tịnh {escape}"')
    findings = _findings(tmp_path, text)
    line = text.splitlines().index(f'  place: "Tịnh {escape}"') + 1
    col = len('  place: "Tịnh ') + escape.index("\\") + 1
    assert [(f.line, f.col, f.params["char"]) for f in findings if f.code == "BC008"] == [(line, col, char)]
    result = CliRunner().invoke(main, ["validate", "--strict", str(tmp_path / "unit.yaml")])
    assert result.exit_code == 1


def test_a_tab_written_as_an_escape_is_kept(tmp_path):
    assert not _at(_findings(tmp_path, MINIMAL.replace("  place: Tịnh Hà", '  place: "Tịnh\\tHà"')), "BC008")


def test_text_in_a_legacy_font_is_a_warning_that_says_how_to_convert(tmp_path):
    text = MINIMAL.replace('"- Chỉ đạo triển khai."', '"- Thùc hiÖn chỉ đạo."')
    findings = _findings(tmp_path, text)
    [warning] = [f for f in findings if f.code == "BC001"]
    assert warning.severity.label == "warning" and "Unikey" in warning.hint("vi") and "VNI" in warning.hint("en")
    assert (warning.line, warning.col) == (20, 17) and "hiÖn" in warning.message("vi")
    assert not _at(_findings(tmp_path, MINIMAL), "BC001")


def test_a_footnote_mark_after_a_word_is_not_a_legacy_font(tmp_path):
    """Issue 22: "sửa đổi¹" was reported as TCVN3; "¹" is the "ạ" of TCVN3 only inside a word ("h¹n")."""
    footnote = MINIMAL.replace('"- Chỉ đạo triển khai."', '"- Luật sửa đổi¹, Nghị định¹ số 43."')
    assert not _at(_findings(tmp_path, footnote), "BC001")
    legacy = MINIMAL.replace('"- Chỉ đạo triển khai."', '"- Gia h¹n hồ sơ."')
    assert [line for line, _, _ in _at(_findings(tmp_path, legacy), "BC001")] == [20]


def test_a_comment_that_cuts_a_plain_value_short_is_a_warning(tmp_path):
    text = MINIMAL.replace("  area: xã Tịnh Hà", "  area: xã Tịnh Hà #2").replace(
        "  symbol: BC-UBND", "  symbol: BC-UBND # viết tắt"
    )
    assert _at(_findings(tmp_path, text), "BC012") == [
        (7, 19, "  area: xã Tịnh Hà #2"),
        (9, 18, "  symbol: BC-UBND # viết tắt"),
    ]
    aligned = MINIMAL.replace("  symbol: BC-UBND", "  symbol: BC-UBND                # the ký hiệu")
    assert not _at(_findings(tmp_path, aligned), "BC012")
    quoted = MINIMAL.replace("  area: xã Tịnh Hà", '  area: "xã Tịnh Hà #2"')
    assert not _at(_findings(tmp_path, quoted), "BC012")


def test_an_unclosed_quote_is_reported_where_it_opened(tmp_path):
    text = MINIMAL.replace('"- Tiếp tục triển khai."', '"- Tiếp tục triển khai.\n\n')
    [error] = [f for f in _findings(tmp_path, text) if f.code == "BC002"]
    assert (error.line, error.col) == (24, 9) and "not closed" in error.message("en")


def test_a_word_curly_quote_is_reported_at_its_line(tmp_path):
    text = MINIMAL.replace('"- Tiếp tục triển khai."', '"- Tiếp tục triển khai.\u201d')
    [error] = [f for f in _findings(tmp_path, text) if f.code == "BC002"]
    assert error.line == 24 and error.quote == '      - "- Tiếp tục triển khai.\u201d' and "Word" in error.message("en")


@pytest.mark.parametrize("closing", ["", "\u201d"])
def test_a_quote_closed_only_by_a_later_one_is_reported_where_it_opened(tmp_path, closing):
    text = MINIMAL.replace("  place: Tịnh Hà", f'  place: "Tịnh Hà{closing}')
    [error] = [f for f in _findings(tmp_path, text) if f.code == "BC002"]
    assert (error.line, error.col) == (10, 10) and "closing quote is probably missing" in error.message("en")
    assert ("Word" in error.message("en")) == bool(closing)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_a_utf16_file_is_quoted_at_the_right_line(tmp_path, encoding):
    text = MINIMAL.replace("  symbol: BC-UBND", "  symbol: BC-UBND\n  colour: đỏ")
    [finding] = [f for f in _findings(tmp_path, text, encoding) if f.code == "BC102"]
    assert finding.line == 10 and finding.quote == "  colour: đỏ"


@pytest.mark.parametrize("mark", ["\x0b", "\x0c", "\x1c", "\u2028", "\x85", "\r"])
def test_lines_after_a_vt_ff_or_other_break_are_quoted_at_the_right_line(tmp_path, mark):
    lines = MINIMAL.splitlines()
    lines[2] += f" {mark}x"  # YAML counts \u2028, \x85 and \r as line breaks; VT, FF and \x1c are not
    lines[12] += "\t"
    path = tmp_path / "unit.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = api.load(str(path)).findings
    shift = 1 if mark in "\u2028\x85\r" else 0
    [tab] = [f for f in findings if f.code == "BC009"]
    assert (tab.line, tab.quote) == (13 + shift, lines[12])
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert f"{13 + shift:>4} | {lines[12][:20]}" in result.output


def test_a_literal_asterisk_is_written_with_a_backslash(tmp_path):
    text = MINIMAL.replace('"- Chỉ đạo triển khai."', '"- Diện tích 5\\\\*3 và 2\\\\*4 m, *thí điểm*."')
    source = write(tmp_path, text)
    assert CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "o.docx")]).exit_code == 0
    paragraphs = docx.Document(str(tmp_path / "o.docx")).paragraphs
    [line] = [p for p in paragraphs if "Diện tích" in p.text]
    assert line.text == "- Diện tích 5*3 và 2*4 m, thí điểm."
    assert [r.text for r in line.runs if r.italic] == ["thí điểm"]


def test_devices_and_pipes_are_refused_not_read(tmp_path):
    result = CliRunner().invoke(main, ["validate", "/dev/zero"])
    assert result.exit_code == 2 and "not a regular file" in result.output
    fifo = tmp_path / "unit.yaml"
    os.mkfifo(fifo)
    outcome: list[int] = []
    worker = threading.Thread(
        target=lambda: outcome.append(CliRunner().invoke(main, ["validate", str(fifo)]).exit_code)
    )
    worker.start()
    worker.join(10)
    assert outcome == [2]


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(loader.MAX_BYTES + 1)  # sparse: reading it would take 32 MiB

    monkeypatch.setattr(loader.os, "fdopen", lambda fd, mode: _NoRead(fd))
    _, findings = loader.read(str(path))
    assert [f.code for f in findings] == ["BC007"] and "32.0 MiB" in findings[0].params["size"]


class _NoRead:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self) -> _NoRead:
        return self

    def __exit__(self, *args: object) -> None:
        os.close(self.fd)

    def read(self, size: int = -1) -> bytes:
        raise AssertionError("the file was read")


FIGURES = """\
  - title: Hạ tầng
    content:
      - figure:
          key: bts
          label: Trạm BTS
          value: 9,179
          unit: trạm
      - figure:
          key: road
          label: Cáp quang
          value: 9,179
          unit: km
      - figure:
          key: team
          label: Tổ
          parts: [{label: a, value: '1,500'}]
          unit: tổ
"""
"""A section of figures written with a comma before three digits: a count (trạm, tổ) or a measure (km)."""


def test_a_count_written_with_a_thousands_comma_is_flagged_as_ambiguous(tmp_path):
    findings = _findings(tmp_path, MINIMAL + FIGURES)
    assert [(f.line, f.params["plain"]) for f in findings if f.code == "BC111"] == [(30, "9179"), (40, "1500")]
    assert all(f.severity.label == "warning" for f in findings if f.code == "BC111")
    plain = FIGURES.replace("9,179", "9179").replace("1,500", "1500")
    assert not _at(_findings(tmp_path, MINIMAL + plain), "BC111")


def test_a_nul_near_the_start_of_a_utf8_file_is_not_taken_for_utf16(tmp_path):
    findings = _findings(tmp_path, "#\x00 ghi chú\n" + MINIMAL)
    assert [(f.code, f.line, f.col) for f in findings] == [("BC008", 1, 2)]
    assert findings[0].quote == "#\x00 ghi chú"


def test_a_non_utf8_file_is_reported_at_its_line_whatever_its_line_ends(tmp_path):
    path = tmp_path / "unit.yaml"
    path.write_bytes(b"a: 1\rb: 2\r\nc: \xe9t\xe9\n")
    [finding] = api.load(str(path)).findings
    assert (finding.code, finding.line, finding.col) == ("BC001", 3, 4)
