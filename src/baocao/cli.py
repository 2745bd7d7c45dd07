"""The command line: parse options, call :mod:`baocao.api`, print, exit.

Heavy modules are imported inside the commands, so ``baocao --help`` stays fast.
"""

from __future__ import annotations

import atexit
import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from baocao import __version__
from baocao.errors import BaocaoError, ExitCode, InputError, UserError

F = TypeVar("F", bound=Callable[..., Any])


def _lang_option(func: F) -> F:
    return click.option(
        "--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True, help="Language of messages."
    )(func)


def _print_findings(findings: Sequence[Any], lang: str, fmt: str = "text") -> None:
    from baocao.formatters import FORMATTERS

    lines: dict[str, list[str]] = {}  # findings carry their line (Finding.quote): no file is read again
    stream = sys.stdout if fmt != "text" else sys.stderr
    FORMATTERS[fmt](findings, lines, lang, stream, stream.isatty())


def _fail(exc: BaocaoError, lang: str) -> None:
    if isinstance(exc, InputError):
        _print_findings(exc.findings, lang)
        note = "Không tạo báo cáo vì dữ liệu có lỗi." if lang == "vi" else "No report was written: the data has errors."
        click.echo(note, err=True)
    else:
        click.echo(f"baocao: {exc}", err=True)
    sys.exit(int(exc.exit_code))


class _Group(click.Group):
    """Turns an unexpected exception into a one-line message and exit code 3, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # an internal error: say so briefly, with what to report
            click.echo(f"baocao: internal error: {type(exc).__name__}: {exc}", err=True)
            click.echo("Please report this with the input file; nothing was written.", err=True)
            sys.exit(int(ExitCode.INTERNAL))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="baocao")
def main() -> None:
    """baocao: compile Vietnamese administrative reports (Decree 30/2020/NĐ-CP) from YAML data."""


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="UNIT.yaml...")
@click.option("-o", "--output", metavar="PATH", help="Output .docx file, or folder (default: beside each input).")
@click.option(
    "--templates", type=click.Path(path_type=Path), help="Folder of templates that override the built-in ones."
)
@click.option("--allow-errors", is_flag=True, help="Write the report even when checks find errors.")
@click.option("--compare", metavar="OLD.yaml", help="An earlier period: add 'tăng/giảm … so với cùng kỳ' and an annex.")
@click.option("--pdf", is_flag=True, help="Also convert to PDF with LibreOffice (one soffice call for the batch).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes for a batch (default: all cores).")
@_lang_option
def build(
    sources: tuple[str, ...],
    output: str | None,
    templates: Path | None,
    allow_errors: bool,
    compare: str | None,
    pdf: bool,
    jobs: int | None,
    lang: str,
) -> None:
    """Build the DOCX report of each unit's YAML file (files, folders or globs)."""
    from baocao import api
    from baocao import output as output_module
    from baocao import pdf as pdf_module

    stage = output_module.new_stage() if pdf else None
    failed = 0
    try:
        if pdf:
            pdf_module.soffice()  # before building anything
        files = api.expand(list(sources))
        if len(files) == 1 and not Path(sources[0]).is_dir():
            target, findings = api.build(files[0], output, templates, allow_errors, compare, stage)
            if findings:
                _print_findings(findings, lang)
            built = [target]
        else:
            if compare:
                raise UserError("--compare takes one report at a time")
            built = _build_batch(files, output, templates, allow_errors, jobs, lang, stage)
        if stage:
            converted = pdf_module.convert_staged(built, stage)
            built = [path for pair in converted.done for path in pair]
            failed = len(converted.failed)
            for target, problem in converted.failed:
                click.echo(f"baocao: {target}: {problem}; it and its PDF were left as they were", err=True)
        for target in built:
            click.echo(str(target))
    except BaocaoError as exc:
        _fail(exc, lang)
    if failed or len(built) < len(files) * (2 if stage else 1):
        sys.exit(int(ExitCode.FINDINGS))


def _build_batch(
    files: list[str],
    output: str | None,
    templates: Path | None,
    allow_errors: bool,
    jobs: int | None,
    lang: str,
    stage: str | None,
) -> list[Path]:
    from baocao import api, formatters

    built: list[Path] = []
    failed = []
    with formatters.Progress(len(files), sys.stderr, "baocao build") as progress:
        for outcome in api.build_many(files, output, templates, allow_errors, jobs, stage):
            if outcome.target is None:
                failed.append(outcome)
            else:
                built.append(outcome.target)
            progress.advance()
    for outcome in failed:
        _print_findings(outcome.findings, lang)
    formatters.build_summary(len(files), [(o.source, o.error) for o in failed], lang, sys.stderr)
    return built


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores, for 64 files or more)."
)
@_lang_option
def validate(sources: tuple[str, ...], fmt: str, strict: bool, jobs: int | None, lang: str) -> None:
    """Check YAML files (or folders, recursively; - for standard input)."""
    from baocao import api, formatters
    from baocao.findings import Severity

    findings = []
    results = []
    try:
        files = api.expand(list(sources))
        with formatters.Progress(len(files), sys.stderr) as progress:
            for path, found in api.validate_each(files, jobs):
                findings.extend(found)
                errors = sum(f.severity is Severity.ERROR for f in found)
                results.append((path, errors, len(found) - errors))
                progress.advance()
    except BaocaoError as exc:
        _fail(exc, lang)
    _print_findings(findings, lang, fmt)
    if fmt == "text" and len(files) > 1:
        formatters.summary(results, lang, sys.stderr, sys.stderr.isatty())
    failing = [f for f in findings if strict or f.severity is Severity.ERROR]
    sys.exit(int(ExitCode.FINDINGS if failing else ExitCode.OK))


@main.command()
@click.argument("old", metavar="OLD.yaml")
@click.argument("new", metavar="NEW.yaml")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--only", type=click.Choice(["changed"]), default="changed", help="Show what changed (the default).")
@click.option("--all", "show_all", is_flag=True, help="Show unchanged numbers too.")
@click.option("--force", is_flag=True, help="Compare different units or periods of another kind anyway.")
@_lang_option
def diff(old: str, new: str, fmt: str, only: str, show_all: bool, force: bool, lang: str) -> None:
    """Show what changed from an older period (OLD) to a newer one (NEW). Exit 0: none, 1: changes, 2: trouble."""
    from baocao import api
    from baocao.diff_format import FORMATS

    del only
    try:
        changes, warnings = api.diff(old, new, force, include_same=show_all)
    except BaocaoError as exc:
        exc.exit_code = ExitCode.USAGE
        _fail(exc, lang)
    labels = (Path(old).stem, Path(new).stem)
    FORMATS[fmt](changes, warnings, sys.stdout, sys.stdout.isatty(), labels)
    sys.exit(int(ExitCode.FINDINGS if any(c.kind != "same" for c in changes) else ExitCode.OK))


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="UNIT.yaml...")
@click.option("--unit", "unit_file", required=True, metavar="UNIT.yaml", help="Header, period, text and signer.")
@click.option("-o", "--output", required=True, metavar="OUT.yaml", help="Where to write the combined data.")
@click.option("--skip-invalid", is_flag=True, help="Leave out units whose files have errors, and say so.")
@click.option("--expect", metavar="UNITS.txt", help="Units expected, one per line: report those missing.")
@click.option("--include-rollups", is_flag=True, help="Take files written by rollup as units (roll-ups of roll-ups).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores from 64 files).")
@_lang_option
def rollup(
    sources: tuple[str, ...], unit_file: str, output: str, skip_invalid: bool, expect: str | None, jobs: int | None,
    include_rollups: bool, lang: str,
) -> None:  # fmt: skip
    """Compile units' files into the data of the level above (sums; ratios re-computed)."""
    from baocao import api, formatters
    from baocao.findings import Severity

    try:
        result = api.rollup_units(
            api.expand(list(sources)), unit_file, output, skip_invalid, expect, jobs, include_rollups
        )
    except BaocaoError as exc:
        _fail(exc, lang)
    _print_findings([f for _, found in result.files for f in found], lang)
    rows = [(path, sum(f.severity is Severity.ERROR for f in found), 0) for path, found in result.files]
    if any(errors for _, errors, _ in rows):
        formatters.summary(rows, lang, sys.stderr, sys.stderr.isatty())
    for problem in result.problems:
        click.echo(f"baocao: {problem}", err=True)
    for name in result.missing:
        click.echo(f"baocao: {'thiếu báo cáo của' if lang == 'vi' else 'no report from'} {name}", err=True)
    for name, _ in result.skipped if result.target else []:
        click.echo(f"baocao: {'không tổng hợp' if lang == 'vi' else 'left out'} {name}", err=True)
    if result.target is None:
        sys.exit(int(ExitCode.FINDINGS))
    click.echo(str(result.target))


@main.command()
@click.option(
    "-o",
    "--output",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the JSON Schema into.",
)
def schema(folder: Path) -> None:
    """Write the JSON Schema of the YAML format (for editors and other tools)."""
    from baocao.schema import write_schemas

    try:
        click.echo(str(write_schemas(folder)))
    except BaocaoError as exc:
        _fail(exc, "en")


def run() -> None:
    """The ``baocao`` program: :func:`main` in a process that collects garbage the way a short command should.

    A command allocates mostly objects that live until it ends (models, templates,
    styles), so the collector runs rarely while it works, as in mypy, and does not
    walk the whole heap once more at exit: the operating system takes the memory back.
    """
    gc.set_threshold(200_000, 30, 30)
    atexit.register(gc.freeze)
    main()
