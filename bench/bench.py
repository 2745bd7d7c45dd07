"""baocao benchmarks: whole-process timings beside floors measured in the same run.

Every figure is a median of interleaved runs (A, B, A, B, …), so that drift of
the machine hits both sides alike. Run with the project's virtualenv python:
``make bench``.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
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
DEFAULT_GC_BUILD = "import sys; from baocao.cli import main; sys.argv[0] = 'baocao'; main()"
FLOOR_WITH_MODEL = FLOOR_IMPORTS + "; exec('class M(BaseModel):\\n    x: int'); M(x=1)"


def compile_package() -> None:
    """Compile baocao's modules to bytecode, as pip does when it installs the wheel.

    An editable checkout may have none, and with PYTHONDONTWRITEBYTECODE set
    every run would compile forty modules again before doing any work.
    """
    compileall.compile_dir(ROOT / "src", quiet=1)


def timed(command: list[str]) -> float:
    """Whole-process seconds; the exit code is not checked (validate and diff exit 1 on findings)."""
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median seconds of each command, run in turn after one warm-up round."""
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
            "build, default gc": [python, "-c", DEFAULT_GC_BUILD, "build", str(example), "-o", str(work / "r.docx")],
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
        f"  baocao build with Python's default garbage collection {results['build, default gc'] * 1000:7.1f} ms "
        f"({results['build, default gc'] / results['floor']:.2f}x the floor)"
    )
    print(
        f"  floor + one pydantic model validated {results['floor+model'] * 1000:7.1f} ms "
        f"(build is {results['build'] / results['floor+model']:.2f}x of it)"
    )
    print(f"  baocao --help         {results['help'] * 1000:7.1f} ms")
    print(f"  python -c pass        {results['python'] * 1000:7.1f} ms")
    print(f"  ratio                 {results['help'] / results['python']:7.2f}x   (target <= 6x)")


def bench_validate(runs: int, work: Path) -> None:
    folder = work / "units"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(folder), "--count", "1000"], check=True)
    files = sorted(str(p) for p in folder.glob("*.yaml"))
    sizes = sorted(Path(f).stat().st_size for f in files)
    peer = BIN / "check-jsonschema"
    commands = {
        "baocao": [str(BIN / "baocao"), "validate", str(folder)],
        "baocao -j 1": [str(BIN / "baocao"), "validate", "-j", "1", str(folder)],
    }
    if peer.exists():
        schema = str(ROOT / "schemas" / "report.schema.json")
        commands["check-jsonschema"] = [str(peer), "--schemafile", schema, *files]
    results = interleaved(commands, runs)
    print(
        f"## validate: {len(files)} generated files, {sizes[0] // 1024}-{sizes[-1] // 1024} KB, median of {runs} runs"
    )
    for name, seconds in results.items():
        print(f"  {name:<18} {seconds:6.2f} s   {len(files) / seconds:7.0f} files/s")
    if "check-jsonschema" in results:
        ratio = results["check-jsonschema"] / results["baocao"]
        print(f"  baocao (both cores) is {ratio:.1f}x check-jsonschema's files per second   (target >= 5x)")
    else:
        print("  check-jsonschema is not installed: pip install check-jsonschema ruamel.yaml.clib")


def bench_diff(runs: int, work: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import random

    from generate import commune

    old, new = work / "old.yaml", work / "new.yaml"
    old.write_text(commune(7, random.Random(1), figures=480), encoding="utf-8")
    new.write_text(commune(7, random.Random(2), figures=480), encoding="utf-8")
    lines = len(new.read_text(encoding="utf-8").splitlines())
    results = interleaved(
        {
            "diff": [str(BIN / "baocao"), "diff", str(old), str(new), "--format", "json"],
            "validate both": [str(BIN / "baocao"), "validate", str(old), str(new)],
        },
        runs,
    )
    print(f"## diff: two unit files of {lines} lines, median of {runs} runs")
    print(f"  baocao diff          {results['diff'] * 1000:7.1f} ms   (target: well under 1 s)")
    print(
        f"  baocao validate both {results['validate both'] * 1000:7.1f} ms   (reading and checking the same two files)"
    )


def bench_many(work: Path) -> None:
    units = work / "communes"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(units), "--count", "3321"], check=True)
    files = sorted(units.glob("*.yaml"))
    province = work / "province.yaml"
    province.write_text(PROVINCE, encoding="utf-8")
    baocao = str(BIN / "baocao")
    print(f"## many units: {len(files)} generated commune files")
    seconds = timed([baocao, "rollup", str(units), "--unit", str(province), "-o", str(work / "province-all.yaml")])
    print(f"  rollup, whole process          {seconds:6.2f} s    (target <= 15 s)")
    seconds = timed([baocao, "validate", str(units)])
    print(f"  validate, both cores           {len(files) / seconds:6.0f} files/s   (target >= 250/s)")
    batch = work / "batch"
    batch.mkdir()
    for file in files[:200]:
        (batch / file.name).write_bytes(file.read_bytes())
    one = timed([baocao, "build", str(files[0]), "-o", str(work / "one.docx")])
    for jobs in ("2", "1"):
        many = timed([baocao, "build", str(batch), "-o", str(work / f"out-{jobs}"), "-j", jobs])
        per = (many - one) / 199 * 1000
        print(f"  build 200 reports, -j {jobs}        {many:6.2f} s    {per:5.1f} ms per report beyond the first")
    print("  (target <= 60 ms per report; the two cores share the batch)")
    office = shutil.which("soffice")
    if office is None:
        print("  LibreOffice: not installed (apt-get install libreoffice-writer-nogui)")
        return
    docs = sorted((work / "out-2").glob("*.docx"))
    single = work / "pdf-1"
    single.mkdir()
    first = timed([office, "--headless", "--convert-to", "pdf", "--outdir", str(single), str(docs[0])])
    ten = timed([office, "--headless", "--convert-to", "pdf", "--outdir", str(work / "pdf-10"), *map(str, docs[:10])])
    extra = (ten - first) / 9
    print(
        f"  LibreOffice: 1 document {first:5.2f} s, 10 in one call {ten:5.2f} s: "
        f"start about {first - extra:4.2f} s, {extra:4.2f} s per extra document"
    )


PROVINCE = """document:
  kind: ict
  level: province
  parent_body: UBND tỉnh Quảng Ngãi
  issuing_body: Sở Khoa học và Công nghệ
  short_name: Sở Khoa học và Công nghệ
  area: tỉnh Quảng Ngãi
  symbol: BC-SKHCN
  place: Quảng Ngãi
  period: {type: half_year, number: 1, year: 2025}
  subject: tình hình thông tin và truyền thông 06 tháng đầu năm 2025 trên địa bàn tỉnh Quảng Ngãi
  recipients: [Bộ Khoa học và Công nghệ, UBND tỉnh]
  signer: {authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Nguyễn Văn B}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as work:
        bench_build(args.runs, Path(work))
        print()
        bench_validate(max(3, args.runs // 3), Path(work))
        print()
        bench_diff(max(3, args.runs // 3), Path(work))
        print()
        bench_many(Path(work))


if __name__ == "__main__":
    main()
