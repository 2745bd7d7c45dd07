"""baocao benchmarks: whole-process timings beside floors measured in the same run.

Every figure is a median of interleaved runs (A, B, A, B, …), so that drift of
the machine hits both sides alike; the province section, whose runs take
seconds, keeps the best of two interleaved runs of each. Run with the project's virtualenv python:
``make bench``.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import NamedTuple

import generate  # bench/ is on the path when this file runs

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
EXAMPLES = ROOT / "data" / "examples"
FLOOR_IMPORTS = (
    "import click, yaml, jinja2, docx; from pydantic import BaseModel; "
    "from rich.console import Console; docx.Document().save({out!r})"
)
DEFAULT_GC_BUILD = "import sys; from baocao.cli.main import main; sys.argv[0] = 'baocao'; main()"
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
    print(f"  ratio                 {results['build'] / results['floor']:7.2f}x   (target <= 1.10x)")
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
    folder = generate.write_reports(work / "reports", 1000)
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
        f"## validate: {len(files)} generated commune reports written as sections (bench/generate.py commune()), "
        f"{sizes[0] // 1024}-{sizes[-1] // 1024} KB, median of {runs} runs"
    )
    for name, seconds in results.items():
        print(f"  {name:<18} {seconds:6.2f} s   {len(files) / seconds:7.0f} files/s")
    if "check-jsonschema" in results:
        ratio = results["check-jsonschema"] / results["baocao"]
        print(f"  baocao (both cores) is {ratio:.1f}x check-jsonschema's files per second   (target >= 5x)")
    else:
        print("  check-jsonschema is not installed: pip install check-jsonschema ruamel.yaml.clib")


def bench_diff(runs: int, work: Path, figures: int = 480) -> None:
    """Two versions of one commune's report, the same keys with other values (seeds 1 and 2)."""
    old, new = work / "old.yaml", work / "new.yaml"
    old.write_text(generate.commune(7, random.Random(1), figures=figures), encoding="utf-8")
    new.write_text(generate.commune(7, random.Random(2), figures=figures), encoding="utf-8")
    size = max(old.stat().st_size, new.stat().st_size) // 1024
    lines = max(len(path.read_text(encoding="utf-8").splitlines()) for path in (old, new))
    results = interleaved(
        {
            "diff": [str(BIN / "baocao"), "diff", str(old), str(new), "--format", "json"],
            "diff text": [str(BIN / "baocao"), "diff", str(old), str(new)],
            "validate both": [str(BIN / "baocao"), "validate", str(old), str(new)],
        },
        runs,
    )
    print(
        f"## diff: two commune reports written as sections, {figures} figures each (up to {size} KB, {lines} lines),"
        f" median of {runs} runs"
    )
    print(f"  baocao diff          {results['diff'] * 1000:7.1f} ms   (target: well under 1 s)")
    print(f"  baocao diff, text    {results['diff text'] * 1000:7.1f} ms")
    print(
        f"  baocao validate both {results['validate both'] * 1000:7.1f} ms   (reading and checking the same two files)"
    )
    ratio = results["diff text"] / results["validate both"]
    print(f"  diff, text / validate both {ratio:5.2f}x   (target <= 1.5x)")


class Run(NamedTuple):
    """One whole-process run: wall-clock and CPU seconds (with its worker processes), peak memory in MB."""

    wall: float
    cpu: float
    mb: int


def measured(command: list[str]) -> Run:
    """Run ``command`` once; the CPU time and peak memory include the children it waited for."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(command)}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024)


def best_of(commands: dict[str, list[str]], runs: int) -> dict[str, Run]:
    """Each command run ``runs`` times in turn: the least wall and CPU time, the highest peak memory."""
    samples: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(measured(command))
    return {
        name: Run(min(r.wall for r in got), min(r.cpu for r in got), max(r.mb for r in got))
        for name, got in samples.items()
    }


def pages(docx: Path, seconds_left: float) -> tuple[int, str, float]:
    """Pages of the DOCX: counted by LibreOffice when it is installed and there is time, else estimated."""
    office = shutil.which("soffice")
    if office is not None and seconds_left > 0:
        profile = f"-env:UserInstallation=file://{docx.parent / 'lo-profile'}"
        command = [office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)]
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        pdf = docx.with_suffix(".pdf").read_bytes()
        return len(re.findall(rb"/Type\s*/Page\b", pdf)), "LibreOffice", time.perf_counter() - start
    return estimated_pages(docx), "estimate", 0.0


def estimated_pages(docx: Path) -> int:
    """A rough page count: table rows by density (compact or not) and orientation, other paragraphs 25 a page."""
    body = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    pages = 0.0
    outside = body
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", body):
        outside = outside.replace(table, "", 1)
        width = re.search(r'<w:tblW w:w="(\d+)"', table)
        landscape = width is not None and int(width.group(1)) > 10_000
        per_page = {(True, False): 44, (True, True): 30, (False, False): 30, (False, True): 20}
        pages += len(re.findall(r"<w:tr[ >]", table)) / per_page[('w:before="0" w:after="0"' in table, landscape)]
    return math.ceil(pages + len(re.findall(r"<w:p[ >]", outside)) / 25)


SIZES = (100, 1000, 3321)


def bench_province(work: Path, figures: dict[str, str], sizes: tuple[int, ...] = SIZES) -> None:
    """The province report of N communes: rollup beside validate, build beside validate of its data; pages."""
    baocao = str(BIN / "baocao")
    print(
        "## province report of N communes answering the đề cương cds-xa-2025 (bench/generate.py FOLDER --count N),"
        " the best of 2 interleaved runs"
    )
    print("  wall-clock seconds, CPU seconds in brackets (both cores, workers included), peak memory in MB")
    print(
        "       N |          rollup        validate  ratio |         build        validate  ratio | MB build/validate"
    )
    builds: dict[int, Run] = {}
    office_budget = 120.0  # seconds of LibreOffice conversion the section may spend
    for count in sizes:
        folder = work / f"province-{count}"
        communes = generate.write(folder, count)
        rolled, target = folder / "rolled.yaml", folder / "rolled.docx"
        unit = str(folder / "province.yaml")
        units = best_of(
            {
                "rollup": [baocao, "rollup", str(communes), "--unit", unit, "-o", str(rolled)],
                "validate": [baocao, "validate", str(communes)],
            },
            2,
        )
        report = best_of(
            {"build": [baocao, "build", str(rolled), "-o", str(target)], "validate": [baocao, "validate", str(rolled)]},
            2,
        )
        builds[count] = report["build"]
        rollup, check, build, read = units["rollup"], units["validate"], report["build"], report["validate"]
        print(
            f"  {count:6d} | {_seconds(rollup)} {_seconds(check)} {rollup.wall / check.wall:5.2f}x"
            f" | {_seconds(build)} {_seconds(read)} {build.wall / read.wall:5.2f}x | {build.mb:5d} / {read.mb:5d}"
        )
        count_pages, how, spent = pages(target, office_budget)
        office_budget -= spent
        print(f"         pages: {count_pages} ({how}{f', converted in {spent:.1f} s' if spent else ''})")
    figures[f"rollup of {count:,} commune files"] = f"{_figure(rollup)}"
    figures[f"validate of the same {count:,} files"] = f"{_figure(check)}, {count / check.wall:,.0f} files/s"
    figures["build of their province report"] = f"{_figure(build)}, {count_pages} pages ({how})"
    if spent:
        figures["LibreOffice converting it to PDF"] = f"{spent:.1f} s"
    print(
        f"  at {count:,}: rollup {rollup.wall:.2f} s, {rollup.wall / check.wall:.2f}x validate of the same files "
        f"(target <= 2x), validate {count / check.wall:.0f} files/s (target >= 250/s)"
    )
    small, large = sizes[-2], sizes[-1]
    for name, field in (("wall-clock", "wall"), ("CPU", "cpu")):
        growth = getattr(builds[large], field) / getattr(builds[small], field)
        print(
            f"  build {name} time growth {small:,} -> {large:,} units: {growth:.2f}x "
            f"(target <= {3.0 / 3.321 * large / small:.1f}x; linear is {large / small:.2f}x), "
            f"exponent {math.log(growth) / math.log(large / small):.2f}"
        )
    print(
        "  targets at 3,321: rollup <= 2x validate of the same files; build <= 5 s and <= 1,000 MB; pages <= 80,"
        " converted by LibreOffice in under 60 s"
    )


def _figure(run: Run) -> str:
    return f"{run.wall:.1f} s ({run.cpu:.1f} s CPU), {run.mb:,} MB"


def _seconds(run: Run) -> str:
    return f"{run.wall:6.2f}s ({run.cpu:5.2f})"


def bench_many(work: Path, figures: dict[str, str]) -> None:
    files = sorted(generate.write_reports(work / "reports-200", 200).glob("*.yaml"))
    sizes = sorted(file.stat().st_size for file in files)
    baocao = str(BIN / "baocao")
    print(
        f"## many units: {len(files)} generated commune reports written as sections (bench/generate.py commune()),"
        f" {sizes[0] // 1024}-{sizes[-1] // 1024} KB"
    )
    batch = work / "batch"
    batch.mkdir()
    for file in files[:200]:
        (batch / file.name).write_bytes(file.read_bytes())
    one = timed([baocao, "build", str(files[0]), "-o", str(work / "one.docx")])
    for jobs in ("2", "1"):
        many = timed([baocao, "build", str(batch), "-o", str(work / f"out-{jobs}"), "-j", jobs])
        per = (many - one) / 199 * 1000
        print(f"  build 200 reports, -j {jobs}        {many:6.2f} s    {per:5.1f} ms per report beyond the first")
        figures[f"batch build, -j {jobs}, per report beyond the first"] = f"{per:.0f} ms"
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


def in_process(function: object, runs: int) -> float:
    """Median seconds of ``function()`` called in this process, after one warm-up call."""
    function()  # type: ignore[operator]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def bench_forms(work: Path, figures: dict[str, str], sizes: tuple[int, ...], runs: int) -> None:
    """Excel forms: making one per đề cương and reading one back, beside their floors; rollups of workbooks."""
    import io

    import xlsxwriter
    from python_calamine import CalamineWorkbook

    from baocao.commands.form import made_from
    from baocao.form import read

    print("## Excel forms: in this process, median of runs; floors measured beside them")
    print("  form of a đề cương (baocao form)  vs  XlsxWriter writing an empty workbook")

    def empty_book() -> bytes:
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        book.add_worksheet()
        book.close()
        return buffer.getvalue()

    floor = in_process(empty_book, runs * 4)
    folder = work / "forms"
    folder.mkdir()
    for name in ("cds-xa-2025", "cong-ttdt-bac-ninh", "bc-stttt-quy", "bc-ttt-huyen"):
        made = made_from(name)
        seconds = in_process(made.workbook, runs * 2)
        (folder / f"{name}.xlsx").write_bytes(made.workbook())
        print(f"  {name:20s} {seconds * 1000:7.1f} ms   floor {floor * 1000:5.1f} ms   {seconds / floor:5.1f}x")
    print("  import of a filled workbook (reading it into a unit's data)  vs  calamine reading every sheet of it")
    forms, _ = generate.write_forms(work / "forms-one", 1)
    sample = str(forms / "xa-0001.xlsx")

    def calamine() -> None:
        book = CalamineWorkbook.from_path(sample)
        for sheet in book.sheet_names:
            book.get_sheet_by_name(sheet).to_python()

    read.PLANS.clear()
    cold = in_process(lambda: (read.PLANS.clear(), read.read(sample)), runs * 4)
    warm = in_process(lambda: read.read(sample), runs * 4)
    bare = in_process(calamine, runs * 4)
    print(
        f"  cds-xa-2025          {cold * 1000:7.1f} ms (first of its form), {warm * 1000:5.1f} ms (the next ones)"
        f"   floor {bare * 1000:5.1f} ms   {cold / bare:5.1f}x, {warm / bare:5.1f}x"
    )
    baocao = str(BIN / "baocao")
    print("  rollup of N communes' filled workbooks beside the rollup of the same units as YAML, best of 2 interleaved")
    print("       N |      workbooks            YAML      ratio")
    for count in sizes:
        where = work / f"forms-{count}"
        forms, units = generate.write_forms(where, count)
        unit = str(where / "province.yaml")
        got = best_of(
            {
                "xlsx": [baocao, "rollup", str(forms), "--unit", unit, "-o", str(where / "x.yaml")],
                "yaml": [baocao, "rollup", str(units), "--unit", unit, "-o", str(where / "y.yaml")],
            },
            2,
        )
        for path in (where / "x.yaml", where / "y.yaml"):
            path.unlink()
        xlsx, yaml_ = got["xlsx"], got["yaml"]
        print(f"  {count:6d} | {_seconds(xlsx)} {_seconds(yaml_)} {xlsx.wall / yaml_.wall:5.2f}x")
    figures[f"rollup of {count:,} filled workbooks"] = (
        f"{_figure(xlsx)}, {xlsx.wall / yaml_.wall:.2f}x the same as YAML"
    )
    print("  target at 3,321: the workbooks' rollup <= 1.5x the YAML one")


def machine() -> str:
    """The processor, cores, memory, system and Python of this run."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor() or platform.machine(),
    )
    memory = next((int(line.split()[1]) for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), 0)
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory / 2**20:.0f} GiB, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def run_name() -> str:
    """When and on which commit this run was made."""
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return f"{when}, commit {commit or 'unknown'}"


def figures_block(figures: dict[str, str], run: str, on: str) -> str:
    """The figures the README quotes, as one block to paste as it is."""
    width = max(map(len, figures)) + 2
    lines = [f"run:     {run}", f"machine: {on}", *(f"{name:<{width}}{value}" for name, value in figures.items())]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--province", action="store_true", help="only the province report section")
    parser.add_argument("--forms", action="store_true", help="only the Excel forms section")
    parser.add_argument(
        "--sizes", type=lambda text: tuple(int(n) for n in text.split(",")), default=SIZES,
        help="the province sizes, comma-separated (default 100,1000,3321; small ones to try the bench out)",
    )  # fmt: skip
    args = parser.parse_args()
    compile_package()
    figures: dict[str, str] = {}
    run, on = run_name(), machine()
    with tempfile.TemporaryDirectory() as work:
        if args.forms:
            bench_forms(Path(work), figures, args.sizes, args.runs)
            print(figures_block(figures, run, on))
            return
        if not args.province:
            bench_build(args.runs, Path(work))
            print()
            bench_validate(max(3, args.runs // 3), Path(work))
            print()
            bench_diff(max(3, args.runs // 3), Path(work))
            print()
        bench_province(Path(work), figures, args.sizes)
        if not args.province:
            print()
            bench_many(Path(work), figures)
            print()
            bench_forms(Path(work), figures, args.sizes, args.runs)
    print()
    print("## for the README: quote this block as it is, in the section 'Many units'")
    print("## (wall-clock seconds, CPU seconds of all cores in brackets, peak memory)")
    print(figures_block(figures, run, on))


if __name__ == "__main__":
    main()
