"""The command line: parse options, call a command of :mod:`baocao.commands`, print, exit.

Heavy modules are imported inside the commands, so ``baocao --help`` stays fast.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import json
import keyword
import os
import sys
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from baocao import __version__
from baocao.cli import formatters, streams
from baocao.cli import lang as cli_lang
from baocao.core.errors import BaocaoError, ExitCode, InputError, UserError
from baocao.core.findings import Severity
from baocao.core.messages import Phrase, os_reason, shown

F = TypeVar("F", bound=Callable[..., Any])


def _lang_option(func: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(cli_lang.LANGS),
        default=lambda: cli_lang.current,
        help="Language of messages: vi (the default) or en.",
    )(func)


def _format_option(choices: list[str], help_text: str) -> Callable[[F], F]:
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default="text", show_default=True, help=help_text
    )


def _outlines_option(func: F) -> F:
    """``--outlines DIR`` (repeatable): folders of đề cương looked in first for an outline named by id."""

    def share(ctx: click.Context, param: click.Parameter, folders: tuple[Path, ...]) -> tuple[Path, ...]:
        if folders:
            # the pipeline loads when a command runs with --outlines, not for --help
            from baocao.commands.files import share_outlines

            share_outlines(tuple(str(folder.resolve()) for folder in folders))
        return folders

    return click.option(
        "--outlines",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        multiple=True,
        metavar="DIR",
        callback=share,
        expose_value=False,
        help="A folder of outlines (đề cương) to look in first for an outline named by id; repeatable.",
    )(func)


def _print_findings(findings: Sequence[Any], lang: str, fmt: str = "text") -> None:

    lines: dict[str, list[str]] = {}  # findings carry their line (Finding.quote): no file is read again
    stream = sys.stdout if fmt != "text" else sys.stderr
    formatters.FORMATTERS[fmt](findings, lines, lang, stream, formatters.color(stream))


def _say(key: str, lang: str, **params: Any) -> str:
    return Phrase(key, params).text(lang)


def _fail(exc: BaocaoError, lang: str, fmt: str = "text", note: str = "not_built") -> NoReturn:
    """Say why nothing was done (``note`` when the data has errors), as JSON too when JSON was asked for; exit."""
    findings: list[Any] = []
    if isinstance(exc, InputError):
        findings = exc.findings
        _print_findings(findings, lang)
        message = _say(note, lang)
        click.echo(message, err=True)
    else:
        message = exc.text(lang) if isinstance(exc, UserError) else str(exc)
        click.echo(f"baocao: {message}", err=True)
    if fmt == "json":
        _json_error(message, int(exc.exit_code), [f.to_dict(lang) for f in findings])
    sys.exit(int(exc.exit_code))


def _json_error(message: str, code: int, findings: list[dict[str, Any]] | None = None) -> None:
    """Why the command could not run, on standard output for a caller that asked for JSON."""
    document: dict[str, Any] = {"error": message, "exit_code": code}
    if findings:
        document["findings"] = findings
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


def _json_asked(args: Sequence[str]) -> bool:
    return any(
        arg == "--format=json" or (arg == "--format" and args[index + 1 : index + 2] == ["json"])
        for index, arg in enumerate(args)
    )


class _Command(click.Command):
    """A command that speaks the language asked for, in its help and in its usage errors (as JSON when asked)."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = cli_lang.word("Show this message and exit.")
        return option

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        try:
            return super().make_context(info_name, list(args), parent, **extra)
        except click.UsageError as exc:
            if not _json_asked(args):
                raise
            exc.show()
            _json_error(exc.format_message(), exc.exit_code)
            sys.exit(exc.exit_code)


class _Group(_Command, click.Group):
    """The program: speaks the language of the command line; an unexpected exception is exit code 3, no traceback."""

    command_class = _Command

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        cli_lang.use(cli_lang.asked(args), self)
        return super().main(args, *rest, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as other tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except Exception as exc:  # an internal error: say so briefly, with what to report
            lang = cli_lang.current
            click.echo(f"baocao: {_say('internal', lang, error=f'{type(exc).__name__}: {exc}')}", err=True)
            click.echo(_say("internal_hint", lang), err=True)
            sys.exit(int(ExitCode.INTERNAL))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="baocao")
@_lang_option
def main(lang: str) -> None:
    """baocao: compile Vietnamese administrative reports (Decree 30/2020/NĐ-CP) from YAML data."""
    del lang  # read from the command line before parsing, for click's own messages too


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="UNIT.yaml...")
@click.option("-o", "--output", metavar="PATH", help="Output .docx file, or folder (default: beside each input).")
@click.option(
    "--templates", type=click.Path(path_type=Path), help="Folder of templates that override the built-in ones."
)
@click.option("--allow-errors", is_flag=True, help="Write the report even when checks find errors.")
@click.option("--compare", metavar="OLD.yaml", help="An earlier period: add 'tăng/giảm … so với cùng kỳ' and an annex.")
@click.option("--pdf", is_flag=True, help="Also convert to PDF with LibreOffice (one soffice call for the batch).")
@click.option(
    "--xlsx",
    is_flag=True,
    help="Also write the report's tables as an .xlsx workbook beside the DOCX, numbers as numbers.",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Worker processes for a batch (default: all cores)."
)
@click.option("--force", is_flag=True, help="Replace an output file that baocao did not write.")
@click.option(
    "--pdf-timeout",
    type=click.FloatRange(min=1),
    metavar="SECONDS",
    help="Time LibreOffice has for --pdf (default: 120 s, and 10 s for each more report).",
)
@_outlines_option
@_lang_option
def build(
    sources: tuple[str, ...],
    output: str | None,
    templates: Path | None,
    allow_errors: bool,
    compare: str | None,
    pdf: bool,
    xlsx: bool,
    jobs: int | None,
    force: bool,
    pdf_timeout: float | None,
    lang: str,
) -> None:
    """Build the DOCX report of each unit's YAML file (files, folders or globs)."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands import build as command
    from baocao.commands.files import expand
    from baocao.write import output as output_module

    stage = output_module.new_stage() if pdf else None
    failed = 0
    program = None
    try:
        if pdf:  # LibreOffice is looked for before anything is built; subprocess is imported only then
            # LibreOffice's helpers (subprocess) load for --pdf only
            from baocao.write import pdf as pdf_module

            program = pdf_module.soffice()
        files = expand(list(sources))
        if len(files) == 1 and not Path(sources[0]).is_dir():
            target, findings = command.build(
                files[0], output, templates, allow_errors, compare, stage, force, xlsx=xlsx
            )
            if findings:
                _print_findings(findings, lang)
            built = [target]
        else:
            if compare:
                raise UserError("compare_one")
            built = _build_batch(files, output, templates, allow_errors, jobs, lang, stage, force, xlsx)
        if stage:
            # LibreOffice's helpers (subprocess) load for --pdf only
            from baocao.write import pdf as pdf_module

            converted = pdf_module.convert_staged(built, stage, pdf_timeout, program=program)
            built = [path for pair in converted.done for path in pair]
            failed = len(converted.failed)
            for target, problem in converted.failed:
                click.echo("baocao: " + _say("pdf_left_as_was", lang, path=target, reason=problem), err=True)
        for target in built:
            click.echo(shown(str(target)))
            if xlsx and target.suffix == ".docx":
                click.echo(shown(str(command.tables_path(target))))
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
    force: bool,
    xlsx: bool = False,
) -> list[Path]:
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.build import build_many

    built: list[Path] = []
    failed = []
    with formatters.Progress(len(files), sys.stderr, "baocao build") as progress:
        for outcome in build_many(files, output, templates, allow_errors, jobs, stage, force, xlsx):
            if outcome.target is None:
                failed.append(outcome)
            else:
                built.append(outcome.target)
            progress.advance()
    for outcome in failed:
        _print_findings(outcome.findings, lang)
    reasons = [(o.source, o.error.text(lang) if o.error else "") for o in failed]
    formatters.build_summary(len(files), reasons, lang, sys.stderr)
    return built


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH...")
@_format_option(["text", "json", "github"], "How findings are printed: text for people, json, or github annotations.")
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes (default: all cores, for 64 files or more).",
)
@click.option("--templates", type=click.Path(path_type=Path), help="Check against these templates, as build would.")
@_outlines_option
@_lang_option
def validate(
    sources: tuple[str, ...], fmt: str, strict: bool, jobs: int | None, templates: Path | None, lang: str
) -> None:
    """Check YAML files (or folders, recursively; - for standard input)."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.files import expand
    from baocao.commands.validate import validate_each

    findings = []
    results = []
    try:
        files = expand(list(sources))
        with formatters.Progress(len(files), sys.stderr) as progress:
            for path, found in validate_each(files, jobs, templates):
                findings.extend(found)
                errors = sum(f.severity is Severity.ERROR for f in found)
                results.append((path, errors, len(found) - errors))
                progress.advance()
    except BaocaoError as exc:
        _fail(exc, lang, fmt)
    _print_findings(findings, lang, fmt)
    if fmt == "text" and len(files) > 1:
        formatters.summary(results, lang, sys.stderr, formatters.color(sys.stderr))
    failing = [f for f in findings if strict or f.severity is Severity.ERROR]
    sys.exit(int(ExitCode.FINDINGS if failing else ExitCode.OK))


@main.command()
@click.argument("old", metavar="OLD.yaml")
@click.argument("new", metavar="NEW.yaml")
@_format_option(["text", "markdown", "json"], "How changes are printed: text, markdown or json.")
@click.option("--only", type=click.Choice(["changed"]), default="changed", help="Show what changed (the default).")
@click.option("--all", "show_all", is_flag=True, help="Show unchanged numbers too.")
@click.option("--force", is_flag=True, help="Compare different units or periods of another kind anyway.")
@_outlines_option
@_lang_option
def diff(old: str, new: str, fmt: str, only: str, show_all: bool, force: bool, lang: str) -> None:
    """Show what changed from an older period (OLD) to a newer one (NEW). Exit 0: none, 1: changes, 2: trouble."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands import diff as command
    from baocao.diff.format import FORMATS

    del only
    try:
        changes, warnings = command.diff(old, new, force, include_same=show_all)
    except BaocaoError as exc:
        exc.exit_code = ExitCode.USAGE
        _fail(exc, lang, fmt, note="not_compared")
    labels = (shown(Path(old).stem), shown(Path(new).stem))

    FORMATS[fmt](changes, [w.text(lang) for w in warnings], sys.stdout, formatters.color(sys.stdout), labels, lang)
    sys.exit(int(ExitCode.FINDINGS if any(c.kind != "same" for c in changes) else ExitCode.OK))


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="UNIT.yaml...")
@click.option("--unit", "unit_file", required=True, metavar="UNIT.yaml", help="Header, period, text and signer.")
@click.option("-o", "--output", required=True, metavar="OUT.yaml", help="Where to write the combined data.")
@click.option("--skip-invalid", is_flag=True, help="Leave out units whose files have errors, and say so.")
@click.option("--expect", metavar="UNITS.txt", help="Units expected, one per line: report those missing.")
@click.option("--include-rollups", is_flag=True, help="Take files written by rollup as units (roll-ups of roll-ups).")
@click.option("--force", is_flag=True, help="Replace an output file that baocao rollup did not write.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Worker processes (default: all cores from 64 files)."
)
@_outlines_option
@_lang_option
def rollup(
    sources: tuple[str, ...], unit_file: str, output: str, skip_invalid: bool, expect: str | None, jobs: int | None,
    include_rollups: bool, force: bool, lang: str,
) -> None:  # fmt: skip
    """Compile units' files into the data of the level above (sums; ratios re-computed)."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.files import expand
    from baocao.commands.rollup import rollup_units

    try:
        result = rollup_units(
            expand(list(sources)), unit_file, output, skip_invalid, expect, jobs, include_rollups, force
        )
    except BaocaoError as exc:
        _fail(exc, lang, note="not_rolled_up")
    _print_findings([f for _, found in result.files for f in found], lang)
    rows = [(path, sum(f.severity is Severity.ERROR for f in found), 0) for path, found in result.files]
    if any(errors for _, errors, _ in rows):
        formatters.summary(rows, lang, sys.stderr, formatters.color(sys.stderr))
    for problem in result.problems:
        click.echo(f"baocao: {problem.text(lang)}", err=True)
    for name in result.missing:
        click.echo(f"baocao: {_say('missing_unit', lang, name=name)}", err=True)
    for name, codes, path in result.skipped:
        said = _say("with_errors" if result.target is None else "left_out", lang, name=name, codes=codes, path=path)
        click.echo(f"baocao: {said}", err=True)
    if result.target is None:
        if result.skipped and not result.problems:
            click.echo(f"baocao: {_say('nothing_rolled_up', lang, count=len(result.skipped), output=output)}", err=True)
        sys.exit(int(ExitCode.FINDINGS))
    click.echo(shown(str(result.target)))


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="UNIT.yaml...")
@click.option("-o", "--output", metavar="PATH", help="Write here (a file, or a folder) instead of in place.")
@click.option("--force", is_flag=True, help="Replace an existing output file (never an input nor a backup).")
@_lang_option
def upgrade(sources: tuple[str, ...], output: str | None, force: bool, lang: str) -> None:
    """Rewrite files of the format by topic (narrative, figures…) as sections; in place, keeping FILE.bak."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.files import expand
    from baocao.commands.upgrade import targets, upgrade_file

    try:
        files = expand(list(sources))
        targets(files, output)  # two files into one, said before any is written
        for path in files:
            target, backup = upgrade_file(path, output, force)
            click.echo(
                _say("upgraded_with_backup", lang, target=target, backup=backup) if backup else shown(str(target))
            )
    except BaocaoError as exc:
        _fail(exc, lang)


@main.command("next")
@click.argument("source", metavar="UNIT.yaml")
@click.option("-o", "--output", metavar="PATH", help="Write here (a file, a folder, or - for standard output).")
@click.option("--force", is_flag=True, help="Overwrite the output if it exists.")
@_outlines_option
@_lang_option
def next_period(source: str, output: str | None, force: bool, lang: str) -> None:
    """Start the next period from a report: period advanced, last values kept to compare, blanks to fill in."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.next import next_file

    try:
        target, text = next_file(source, output, force)
    except BaocaoError as exc:
        _fail(exc, lang, note="not_carried")
    if target is None:
        sys.stdout.write(text)
    else:
        click.echo(shown(str(target)))


@main.command()
@click.option("--outline", "name", metavar="ID|FILE.yaml", help="The đề cương to follow: an id, or a file.")
@click.option("-o", "--output", metavar="FILE.yaml", help="Where to write (- for standard output).")
@click.option("--force", is_flag=True, help="Overwrite the output if it exists.")
@click.option("--list", "show_list", is_flag=True, help="List the outlines that can be named, and where they are.")
@click.option("--no-input", is_flag=True, help="Ask nothing: use the options, leave '…' where they say nothing.")
@_outlines_option
@click.option("--level", metavar="LEVEL", help="Level: cấp xã, cấp huyện, sở, cấp tỉnh (or commune, district…).")
@click.option("--parent-body", metavar="TEXT", help="Parent body (cơ quan chủ quản).")
@click.option("--issuing-body", metavar="TEXT", help="Issuing body: Ủy ban nhân dân xã Minh Tân.")
@click.option("--short-name", metavar="TEXT", help="Name used in sentences: UBND xã Minh Tân.")
@click.option("--area", metavar="TEXT", help="Area: xã Minh Tân.")
@click.option("--place", metavar="TEXT", help="Place of the date line: Minh Tân.")
@click.option(
    "--period", metavar="PERIOD", help="6 tháng đầu, quý I, tháng 3, 9 tháng, năm (or half_year:1, quarter:1…)."
)
@click.option("--year", type=click.IntRange(1990, 2100), metavar="1990-2100", help="Year of the period.")
@click.option("--symbol", metavar="TEXT", help="Document symbol: BC-UBND.")
@click.option("--subject", metavar="TEXT", help="Subject (trích yếu).")
@click.option("--signer-title", metavar="TEXT", help="Signer's title: Chủ tịch, Phó Chủ tịch, Giám đốc.")
@click.option("--signer-name", metavar="TEXT", help="Signer's name.")
@_lang_option
def new(
    name: str | None, output: str | None, force: bool, show_list: bool, no_input: bool,
    period: str | None, year: int | None, lang: str, **fields: str | None,
) -> None:  # fmt: skip
    """Write a unit's file to fill in from a đề cương (--outline); without one, list the outlines."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.new import new_file

    try:
        if show_list or not name:
            _list_outlines(lang)
            return
        ask = _asker(lang) if not no_input and _stdin_is_tty() else None
        target = new_file(name, output, force, period, year, fields, ask)
    except BaocaoError as exc:
        _fail(exc, lang, note="new_not_written")
    if target is not None:
        click.echo(shown(str(target)))


def _stdin_is_tty() -> bool:
    return bool(sys.stdin.isatty())


def _asker(lang: str) -> Callable[[str, str | None, Callable[[str], object] | None], str]:
    """Questions on the terminal (to standard error, so that `-o -` stays clean), in the user's language.

    An answer the check refuses is said why and asked again.
    """

    def ask(key: str, default: str | None, check: Callable[[str], object] | None) -> str:
        def checked(value: str) -> str:
            if check is not None:
                try:
                    check(value)
                except UserError as exc:
                    raise click.UsageError(exc.text(lang)) from exc
            return value

        answer = click.prompt(
            _say(key, lang), default=default, value_proc=checked, show_default=bool(default), err=True
        )
        return str(answer)

    return ask


def _list_outlines(lang: str) -> None:
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.new import catalogue, folders

    found = catalogue()
    if not found:
        click.echo(_say("new_none_listed", lang, folders=", ".join(map(str, folders()))))
        return
    click.echo(_say("new_listed", lang, count=len(found)))
    width = max(len(item.id) for item in found)
    for item in found:
        where = _say("new_built_in", lang) if item.built_in else shown(str(item.path))
        click.echo(f"  {shown(item.id).ljust(width)}  {shown(item.title)}  [{where}]")
    click.echo(_say("new_list_hint", lang))


@main.command()
@click.argument("source", metavar="OUTLINE|UNIT.yaml")
@click.option(
    "-o", "--output", metavar="FILE.xlsx|DIR", help="Where to write the form (default: a name from the outline)."
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option(
    "--period", metavar="PERIOD", help="The period of a form made from an outline: 6 tháng đầu, quý I (or half_year:1)."
)
@click.option("--year", type=click.IntRange(1990, 2100), metavar="1990-2100", help="The year of that period.")
@_outlines_option
@_lang_option
def form(source: str, output: str | None, force: bool, period: str | None, year: int | None, lang: str) -> None:
    """Write the Excel form a clerk fills in: from an outline (its id or file), or filled with a unit's report."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.form import form_file

    try:
        click.echo(str(form_file(source, output, force, period, year)))
    except BaocaoError as exc:
        _fail(exc, lang, note="form_not_written")


@main.command("import")
@click.argument("sources", nargs=-1, required=True, metavar="FORM.xlsx...")
@click.option("-o", "--output", metavar="FILE.yaml|DIR", help="Where to write the unit files (default: beside each).")
@click.option("--force", is_flag=True, help="Overwrite unit files that exist.")
@_format_option(["text", "json", "github"], "How findings are printed: text for people, json, or github annotations.")
@_outlines_option
@_lang_option
def import_forms(sources: tuple[str, ...], output: str | None, force: bool, fmt: str, lang: str) -> None:
    """Read filled forms (files or folders) into unit files; a form with errors writes nothing."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.files import expand, is_workbook
    from baocao.commands.import_ import import_each

    findings: list[Any] = []
    written: list[Path] = []
    failed: list[str] = []
    total = 0
    try:
        files = expand(list(sources))
        if any(Path(name).is_dir() for name in sources):  # a folder of forms: its YAML files are not forms
            files = [name for name in files if is_workbook(name)]
            if not files:
                raise UserError("import_no_forms", path=next(name for name in sources if Path(name).is_dir()))
        total = len(files)
        for outcome in import_each(files, output, force):
            findings.extend(outcome.findings)
            if outcome.target is None:
                failed.append(outcome.source)
            else:
                written.append(outcome.target)
    except BaocaoError as exc:
        _fail(exc, lang, fmt, note="not_imported")
    _print_findings(findings, lang, fmt)
    for target in written:  # JSON asked for: standard output is the findings, the files written go beside
        click.echo(str(target), err=fmt == "json")
    for name in failed:
        click.echo("baocao: " + _say("import_not_written", lang, path=name), err=True)
    if total > 1:
        click.echo(_say("import_summary", lang, done=len(written), total=total), err=True)
    sys.exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))


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
@click.option("--force", is_flag=True, help="Replace files there that are not schemas baocao wrote.")
@_lang_option
def schema(folder: Path, force: bool, lang: str) -> None:
    """Write the JSON Schemas of a unit's file and of a đề cương (for editors and other tools)."""
    # the stages of a command load when it runs: baocao --help loads none of them
    from baocao.commands.schema import schemas

    try:
        for target in schemas(folder, force):
            click.echo(shown(str(target)))
    except BaocaoError as exc:
        _fail(exc, lang)


def run() -> None:
    """The ``baocao`` program: :func:`main` in a process that collects garbage the way a short command should.

    A command allocates mostly objects that live until it ends (models, templates,
    styles), so the collector runs rarely while it works, as in mypy. At the end the
    exit handlers run and the output is flushed, then the process ends without taking
    its modules apart one by one (a tenth of a build): the operating system takes the
    memory back, and every file the command writes is already closed in its place.

    The command's own modules are imported here, before click's frames: CPython 3.11 keeps
    its frames in 16 KB chunks and frees a chunk each time the stack returns below it, and
    the nested imports of a command, run a dozen frames deeper, crossed that edge hundreds
    of times (a system call each way: a tenth of a build's own time).
    """
    gc.set_threshold(200_000, 30, 30)
    _without_pydantic_plugins()
    sys.stdout = streams.Guarded(sys.stdout)  # full or closed: the command goes on, and says so at its end
    sys.stderr = streams.Guarded(sys.stderr)
    command = next((arg for arg in sys.argv[1:] if arg in main.commands), None)
    if command is not None and not {"-h", "--help"} & set(sys.argv):
        importlib.import_module(command_module(command))
    try:
        main()
    except SystemExit as exc:
        _exit(exc.code)
    _exit(0)


def command_module(name: str) -> str:
    """The module of :mod:`baocao.commands` that does the command ``name`` (``import``: ``import_``)."""
    return f"baocao.commands.{name}_" if keyword.iskeyword(name) else f"baocao.commands.{name}"


def _exit(code: object) -> NoReturn:
    """End the process with ``code`` as sys.exit would, once the exit handlers have run and the output is out."""
    if code is not None and not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more can be said on it
            stream.flush()
    lost = sys.stdout.error if isinstance(sys.stdout, streams.Guarded) else None
    if lost is not None and not isinstance(lost, BrokenPipeError):  # a reader that stopped early wants no word
        sys.stderr.write(f"baocao: {_say('stdout_lost', cli_lang.current, reason=os_reason(lost))}\n")
        sys.stderr.flush()
    if lost is not None and not code:
        code = ExitCode.FINDINGS if isinstance(lost, BrokenPipeError) else ExitCode.USAGE
    os._exit(int(code or 0))


def _without_pydantic_plugins() -> None:
    """Tell pydantic the program has no plugins, before its first model is built.

    pydantic looks for plugins (observability hooks, none of which baocao uses) by
    importing importlib.metadata and reading every installed package's entry
    points: about 14 ms, a twentieth of a whole build. The program answers "none"
    in its place; baocao used as a library is left as it is.
    """
    name = "pydantic.plugin._loader"
    if name not in sys.modules:
        loader = types.ModuleType(name, "pydantic's plugin loader, as the baocao program has no plugins")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules[name] = loader
