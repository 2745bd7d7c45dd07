"""The README's speed figures are the bench's own block, quoted as `make bench` prints it."""

from __future__ import annotations

import re
import sys

from .conftest import ROOT

BLOCK = re.compile(r"```text\n(run: .*?)\n```", re.S)


def test_the_readme_quotes_the_block_the_bench_prints():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench import figures_block
    finally:
        sys.path.remove(str(ROOT / "bench"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = BLOCK.search(readme)
    assert found, "the README quotes no block of `make bench`"
    lines = found.group(1).splitlines()
    run, machine = lines[0].removeprefix("run:").strip(), lines[1].removeprefix("machine:").strip()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC, commit \w+", run)
    assert re.search(r"\d+ cores, \d+ GiB, .*Python 3\.\d+", machine)
    figures = dict(re.split(r"\s{2,}", line, maxsplit=1) for line in lines[2:])
    for what in ("rollup of", "validate of", "build of their province report", "batch build"):
        assert any(name.startswith(what) for name in figures), what
    assert figures_block(figures, run, machine) == found.group(1)


def test_the_readme_claims_no_figure_of_its_own():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"about [\d,.]+ ?(s|ms|files|GB|MB)\b", readme)
