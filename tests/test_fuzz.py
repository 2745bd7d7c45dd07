"""Whatever the input, baocao answers with findings, never a traceback."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baocao import api
from baocao.loader import parse

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
    for finding in loaded.findings:
        assert finding.line >= 1 and finding.col >= 1
        assert finding.message("vi") and finding.message("en")
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
