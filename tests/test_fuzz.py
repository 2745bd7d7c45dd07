"""Whatever the input, baocao answers with findings, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baocao import api
from baocao.load.source import parse

from .conftest import EXAMPLES, MINIMAL

EXAMPLE_TEXT = EXAMPLES[0].read_text(encoding="utf-8")
LINES = EXAMPLE_TEXT.splitlines(keepends=True) + MINIMAL.splitlines(keepends=True)
PIECES = [":", "- ", "  ", "\n", "'", '"', "{", "}", "[", "]", "&a", "*a", "!!str", "#", "|", ">", "1.000", "0255",
          "12.779,0", "No", "~", "null", "\t", "\x00", "\ufeff", "99,5", "-1", "1e9", "9" * 30, "ngày"]  # fmt: skip
FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load_and_render(raw: bytes, tmp: Path) -> None:
    path = tmp / "fuzz.yaml"
    path.write_bytes(raw)
    loaded = api.load(str(path))
    lines = re.split("\r\n|[\r\n\x85\u2028\u2029]", loaded.source.text)  # YAML's line breaks
    for finding in loaded.findings:
        assert finding.line >= 1 and finding.col >= 1
        assert finding.message("vi") and finding.message("en")
        assert finding.quote is None or finding.quote == lines[finding.line - 1], finding
    if loaded.report is not None:
        api.render_report(loaded, None)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path_factory, raw):
    _load_and_render(raw, tmp_path_factory.mktemp("f"))


@FUZZ
@given(st.text(max_size=300))
def test_random_text(tmp_path_factory, text):
    _load_and_render(text.encode("utf-8", "surrogatepass"), tmp_path_factory.mktemp("f"))


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.sampled_from(PIECES), st.integers(0, 60)), max_size=6))
def test_mutated_examples(tmp_path_factory, edits):
    lines = list(LINES)
    for index, piece, column in edits:
        line = lines[index]
        lines[index] = line[:column] + piece + line[column:]
    _load_and_render("".join(lines).encode("utf-8", "surrogatepass"), tmp_path_factory.mktemp("f"))


@FUZZ
@given(st.lists(st.sampled_from(LINES), max_size=40))
def test_shuffled_lines(tmp_path_factory, lines):
    _load_and_render("".join(lines).encode("utf-8"), tmp_path_factory.mktemp("f"))


def test_huge_integers_and_deep_structures_do_not_crash():
    for raw in (b"document: " + b"9" * 5000, b"a:\n" + b"".join(b" " * i + b"- \n" for i in range(0, 400, 2))):
        source, findings = parse(raw, "x.yaml")
        assert findings or source.data is not None


SEPARATORS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]  # what YAML counts as a line break
INLINE = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\t", "\x00", "\u00a0", "“", "”", "#1", " #x", "Thùc hiÖn"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]
EXAMPLE_LINES = EXAMPLE_TEXT.splitlines()


def _join(lines: list[str], breaks: list[tuple[int, str]]) -> str:
    """The lines joined by newlines, but for the breaks chosen (a CR before an empty line would make CRLF)."""
    separators = ["\n"] * len(lines)
    for index, separator in breaks:
        if not (separator == "\r" and lines[index + 1] == ""):
            separators[index] = separator
    return "".join(line + sep for line, sep in zip(lines, separators, strict=True))


def _quotes_hold(raw: bytes, lines: list[str], tmp: Path) -> int:
    """Every finding that quotes a line quotes the line it names; returns how many findings were checked."""
    path = tmp / "fuzz.yaml"
    path.write_bytes(raw)
    loaded = api.load(str(path))
    findings = list(loaded.findings)
    if loaded.report is not None:
        findings += api.render_report(loaded, None)[1]
    lines = [*lines, ""]  # the text ends with a line break: the end of the file is an empty last line
    for finding in findings:
        if finding.quote is not None:
            assert 0 < finding.line <= len(lines), finding
            assert finding.quote == lines[finding.line - 1], finding
            assert finding.col <= len(finding.quote) + 1, finding
    return len(findings)


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(0, len(EXAMPLE_LINES) - 1), st.sampled_from(INLINE), st.integers(0, 80)), max_size=4
    ),
    st.lists(st.tuples(st.integers(0, len(EXAMPLE_LINES) - 2), st.sampled_from(SEPARATORS)), max_size=4),
    st.sampled_from(ENCODINGS),
    st.integers(0, len(EXAMPLE_LINES) - 1),
)
def test_the_quoted_line_of_every_finding_is_the_line_it_names(tmp_path_factory, inserts, breaks, encoding, marked):
    """The example with characters inserted, line breaks of every kind, in every encoding read, and a tab at
    a known line: each finding quotes its own line, and the tab is found where it is."""
    lines = list(EXAMPLE_LINES)
    for index, piece, column in inserts:
        column = max(column, 1)  # UTF-16 without a BOM is told by its first character, which stays ASCII
        lines[index] = lines[index][:column] + piece + lines[index][column:]
    lines[marked] += "\t"
    text = _join(lines, breaks)
    path = tmp_path_factory.mktemp("q")
    assert _quotes_hold(text.encode(encoding), lines, path)
    tabs = [f for f in api.load(str(path / "fuzz.yaml")).findings if f.code == "BC009"]
    assert (marked + 1, len(lines[marked])) in {(f.line, f.col) for f in tabs}


TOP_LEVEL = [i for i, line in enumerate(EXAMPLE_LINES) if line[:1].isalpha()]


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(0, len(EXAMPLE_LINES) - 1), st.sampled_from(INLINE[7:]), st.integers(0, 80)), max_size=4
    ),
    st.lists(st.tuples(st.integers(0, len(EXAMPLE_LINES) - 2), st.sampled_from(SEPARATORS)), max_size=4),
    st.sampled_from(ENCODINGS),
    st.sampled_from(TOP_LEVEL[1:]),
)
def test_parser_and_schema_findings_quote_the_line_they_name(tmp_path_factory, inserts, breaks, encoding, marked):
    """As above, with no character that stops the parse: an unknown key at a known line is found there."""
    lines = list(EXAMPLE_LINES)
    for index, piece, column in inserts:
        column = max(column, 1)  # UTF-16 without a BOM is told by its first character, which stays ASCII
        lines[index] = lines[index][:column] + piece + lines[index][column:]
    lines.insert(marked, "zzq_unknown: 1")
    text = _join(lines, breaks)
    path = tmp_path_factory.mktemp("q")
    _quotes_hold(text.encode(encoding), lines, path)
    findings = api.load(str(path / "fuzz.yaml")).findings
    if not inserts and not any(f.code == "BC002" for f in findings):  # an insert may change the structure
        assert (marked + 1, 1) in {(f.line, f.col) for f in findings if f.code == "BC102"}
