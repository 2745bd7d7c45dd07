"""baocao benchmarks: whole-process timings beside floors measured in the same run.

Every figure is a median of interleaved runs (A, B, A, B, …), so that drift of
the machine hits both sides alike. Run with the project's virtualenv python:
``make bench``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
EXAMPLES = ROOT / "data" / "examples"
FLOOR_IMPORTS = (
    "import click, yaml, jinja2, docx; from pydantic import BaseModel; "
    "from rich.console import Console; docx.Document().save({out!r})"
)
FLOOR_WITH_MODEL = FLOOR_IMPORTS + "; exec('class M(BaseModel):\\n    x: int'); M(x=1)"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():  # warm-up: caches, page cache
        timed(command)
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed(command))
    return {name: statistics.median(values) for name, values in samples.items()}


def biggest_example() -> Path:
    return max(EXAMPLES.glob("*.yaml"), key=lambda p: p.stat().st_size)


def bench_build(runs: int, work: Path) -> None:
    example = biggest_example()
    python = str(BIN / "python")
    results = interleaved(
        {
            "build": [str(BIN / "baocao"), "build", str(example), "-o", str(work / "report.docx")],
            "floor": [python, "-c", FLOOR_IMPORTS.format(out=str(work / "floor.docx"))],
            "floor+model": [python, "-c", FLOOR_WITH_MODEL.format(out=str(work / "floor.docx"))],
            "help": [str(BIN / "baocao"), "--help"],
            "python": [python, "-c", "pass"],
        },
        runs,
    )
    print(f"## build ({example.name}, {example.stat().st_size // 1024} KB), median of {runs} interleaved runs")
    print(f"  baocao build          {results['build'] * 1000:7.1f} ms")
    print(f"  import floor          {results['floor'] * 1000:7.1f} ms")
    print(f"  ratio                 {results['build'] / results['floor']:7.2f}x   (target <= 1.25x)")
    print(
        f"  floor + one pydantic model validated {results['floor+model'] * 1000:7.1f} ms "
        f"(build is {results['build'] / results['floor+model']:.2f}x of it)"
    )
    print(f"  baocao --help         {results['help'] * 1000:7.1f} ms")
    print(f"  python -c pass        {results['python'] * 1000:7.1f} ms")
    print(f"  ratio                 {results['help'] / results['python']:7.2f}x   (target <= 6x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        bench_build(args.runs, Path(work))


if __name__ == "__main__":
    main()
