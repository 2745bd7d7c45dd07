"""What the commands do, without click or rich: load -> model -> render -> write."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from baocao import checks
from baocao.checks.by_topic import OLD_KEYS
from baocao.core.errors import InputError, UserError
from baocao.core.findings import Finding, has_errors
from baocao.core.messages import Phrase, os_reason
from baocao.load import source as loader
from baocao.load import typed as schema_errors
from baocao.load.source import Source
from baocao.models import Report
from baocao.render import view as render
from baocao.write import docx as docx_writer
from baocao.write import markup as blocks
from baocao.write import output

if TYPE_CHECKING:
    from baocao.diff.compare import Change
    from baocao.outline import starter

T = TypeVar("T")
UNIT_SUFFIXES = (".yaml", ".yml")  # in any letter case
PARALLEL_FROM = 64  # files to read; below this, starting worker processes costs more than it saves


@dataclass
class Loaded:
    """A file read and typed: the report when the schema accepted it, and every finding."""

    source: Source
    report: Report | None
    findings: list[Finding] = field(default_factory=list)


def load(path: str, templates: Path | None = None, template: bool = True) -> Loaded:
    """Read, parse, type and check one file; with ``template``, say what build would say of its template."""
    try:
        source, findings = loader.read(path)
    except FileNotFoundError as exc:
        if Path(path).is_symlink():
            raise UserError("dangling_link", path=path, target=Path(path).readlink()) from exc
        raise UserError("no_such_file", path=path) from exc
    except IsADirectoryError as exc:
        raise UserError("is_folder", path=path) from exc
    except OSError as exc:
        raise UserError("cannot_read", path=path, reason=os_reason(exc)) from exc
    if has_errors(findings):
        return Loaded(source, None, loader.quote(source, findings))
    if is_outline_file(source.data):
        from baocao.outline import find as outlines

        outline_found = outlines.read_source(source)
        return Loaded(source, None, loader.quote(source, sorted(findings + outline_found.findings)))
    report, found = schema_errors.type_report(source)
    if report is not None:
        found = _attach(report, source)
        if not has_errors(found):
            found += checks.run(report, source)
        if template:
            found += render.template_findings(report, source, templates)
    return Loaded(source, report, loader.quote(source, sorted(findings + found)))


def _attach(report: Report, source: Source) -> list[Finding]:
    """The report made to follow the đề cương it names; the outline's models are loaded only for one that does."""
    if report.document.outline is None:
        return []
    from baocao.outline import find as outlines

    return outlines.attach(report, source)


def is_outline_file(data: object) -> bool:
    """True for a đề cương (its first key ``outline``, no ``document``), which validate checks as one."""
    return isinstance(data, dict) and "outline" in data and "document" not in data


def render_report(
    loaded: Loaded, templates: Path | None, previous: Report | None = None
) -> tuple[bytes | None, list[Finding]]:
    """The DOCX bytes of a loaded report, or None with the findings that stopped it."""
    report = loaded.report
    if report is None:
        return None, loaded.findings
    markup, findings = render.render_body(report, loaded.source, templates, previous)
    rendering = [f for f in loader.quote(loaded.source, findings) if f not in loaded.findings]
    findings = sorted(loaded.findings + rendering)
    if has_errors(rendering):
        return None, findings
    try:
        body = blocks.parse(markup)
    except blocks.MarkupError as exc:
        where = loaded.source.locate(("document", "kind"))
        params = {"template": report.document.kind + render.TEMPLATE_SUFFIX, "template_line": "?", "problem": str(exc)}
        return None, [*findings, Finding(loaded.source.path, *where, "BC402", ("document", "kind"), params)]
    return docx_writer.write(report.document, body), findings


def build(
    path: str,
    out: str | None = None,
    templates: Path | None = None,
    allow_errors: bool = False,
    compare: str | None = None,
    stage: str | None = None,
) -> tuple[Path, list[Finding]]:
    """Build one report, compared with an older period when asked; raise InputError when it has errors.

    With ``stage`` (a --pdf run) the DOCX goes into that staging folder beside the
    target, to be moved into place with its PDF (:func:`baocao.pdf.convert_staged`).
    """
    if templates is not None and not templates.is_dir():
        raise UserError("templates_not_folder", path=templates)
    target = output.output_path(path, out)
    loaded = load(path, templates, template=False)  # rendering below says it, once
    if loaded.report is None:
        raise InputError(loaded.findings)
    if has_errors(loaded.findings) and not allow_errors:
        raise InputError(sorted(loaded.findings + render.template_findings(loaded.report, loaded.source, templates)))
    previous = _valid(compare) if compare else None
    if previous is not None and (problems := comparison_problems(previous, loaded.report)):
        raise UserError("compare_refused", path=compare, problems=problems)
    data, findings = render_report(loaded, templates, previous)
    if data is None:
        raise InputError(findings)
    output.write_atomic(output.staged(target, stage) if stage else target, data)
    return target, findings


@dataclass
class Built:
    """The outcome of one file of a batch build."""

    source: str
    target: Path | None
    findings: list[Finding]
    error: Phrase | None = None


def build_one(
    source: str, out_dir: str | None, templates: Path | None, allow_errors: bool, stage: str | None = None
) -> Built:
    """Build one file of a batch; a failure is reported, not raised."""
    try:
        target, findings = build(source, out_dir, templates, allow_errors, stage=stage)
    except InputError as exc:
        return Built(source, None, exc.findings, Phrase("data_errors"))
    except UserError as exc:
        return Built(source, None, [], exc.phrase)
    return Built(source, target, findings)


def workers(files: list[str], jobs: int | None, start_from: int = PARALLEL_FROM) -> int:
    """Worker processes for a batch: as asked, else all cores once the batch is large enough (never for stdin)."""
    if jobs is not None:
        return jobs
    if len(files) < start_from or "-" in files:
        return 1
    return os.cpu_count() or 1


def in_workers(function: Callable[[str], T], files: list[str], jobs: int, chunksize: int) -> Iterator[T]:
    """``function`` over ``files``, results in order: in this process for one job, else over a pool of processes."""
    if jobs <= 1:
        yield from map(function, files)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(function, files, chunksize=chunksize)


def build_many(
    files: list[str],
    out_dir: str | None,
    templates: Path | None,
    allow_errors: bool,
    jobs: int | None = None,
    stage: str | None = None,
) -> Iterator[Built]:
    """Build many files, one report each, over all cores; one bad file does not stop the rest."""
    if out_dir is not None:
        out_dir = out_dir.rstrip("/") + "/"
    work = partial(build_one, out_dir=out_dir, templates=templates, allow_errors=allow_errors, stage=stage)
    jobs = workers(files, jobs, start_from=4)  # a report takes long enough to be worth a worker
    yield from in_workers(work, files, jobs, chunksize=8)


def expand(paths: list[str]) -> list[str]:
    """Files named, the .yaml/.yml files below folders named, and quoted globs, in a stable order."""
    files: list[str] = []
    for name in paths:
        path = Path(name)
        if name == "-":
            files.append(name)
        elif not name.strip():
            raise UserError("empty_path", path=name)
        elif path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in UNIT_SUFFIXES and (p.is_file() or _dangling(p))
            )
            files.extend(str(p) for p in found)
        elif path.exists() or path.is_symlink():
            files.append(name)
        elif any(char in name for char in "*?[") and (matches := _glob(path)):
            files.extend(matches)
        else:
            raise UserError("no_such_path", path=name)
    return files


def _glob(pattern: Path) -> list[str]:
    """Files matching a glob the shell did not expand (quoted), absolute or relative."""
    base = Path(pattern.anchor or ".")
    relative = pattern.relative_to(pattern.anchor) if pattern.anchor else pattern
    return sorted(str(match) for match in base.glob(str(relative)) if match.is_file() or _dangling(match))


def _dangling(path: Path) -> bool:
    """A link to nothing: kept among the files found, so that reading it says so."""
    return path.is_symlink() and not path.exists()


def findings_of(path: str, templates: Path | None = None) -> list[Finding]:
    """Every finding of one file, as validate reports them."""
    return load(path, templates).findings


def validate_each(
    files: list[str], jobs: int | None = None, templates: Path | None = None
) -> Iterator[tuple[str, list[Finding]]]:
    """Findings file by file, in order; spread over cores."""
    if templates is not None and not templates.is_dir():
        raise UserError("templates_not_folder", path=templates)
    work = partial(findings_of, templates=templates)
    yield from zip(files, in_workers(work, files, workers(files, jobs), chunksize=16), strict=True)


def diff(
    old_path: str, new_path: str, force: bool = False, include_same: bool = False
) -> tuple[list[Change], list[Phrase]]:
    """The changes from an older period to a newer one, and warnings about the pair.

    Refuses (UserError) files with errors, different units, or periods of a
    different kind, unless ``force``.
    """
    old, new = (_valid(path) for path in (old_path, new_path))
    problems = comparison_problems(old, new)
    if problems and not force:
        raise UserError("not_comparable", problems=problems)
    warnings = problems if force else []
    if old.document.period.end > new.document.period.end:
        periods = {"old": old.document.period.label, "new": new.document.period.label}
        warnings.append(Phrase("old_is_newer", {"old_path": old_path, "new_path": new_path, **periods}))
    from baocao.diff.compare import compare

    return compare(old, new, include_same), warnings


def _valid(path: str, blanks: bool = False) -> Report:
    """The report of a file without errors; with ``blanks``, blank blocks (slots rollup fills) are no error."""
    loaded = load(path)
    findings = [f for f in loaded.findings if not (blanks and f.code == "BC604")]
    if loaded.report is None or has_errors(findings):
        raise InputError(findings)
    return loaded.report


def comparison_problems(old: Report, new: Report) -> list[Phrase]:
    """Why two reports should not be compared: different units, or periods of another kind."""
    problems = []
    if old.document.issuing_body.casefold() != new.document.issuing_body.casefold():
        problems.append(Phrase("different_units", {"old": old.document.issuing_body, "new": new.document.issuing_body}))
    if old.document.period.type != new.document.period.type:
        problems.append(
            Phrase("other_period_kind", {"old": old.document.period.label, "new": new.document.period.label})
        )
    return problems


@dataclass
class RollupResult:
    """What rollup produced, and what it has to say about its inputs."""

    target: Path | None
    files: list[tuple[str, list[Finding]]]
    skipped: list[tuple[str, str]]
    missing: list[str]
    problems: list[Phrase]


def rollup_units(
    files: list[str],
    unit_file: str,
    out: str,
    skip_invalid: bool = False,
    expect: str | None = None,
    jobs: int | None = None,
    include_rollups: bool = False,
) -> RollupResult:
    """Validate every input, then write the combined data of the level above to ``out``."""
    from baocao.rollup import units as rollup

    target = Path(out)
    output.check_target(target, [*files, unit_file])
    own = _valid(unit_file, blanks=True).model_dump(mode="json", by_alias=True, exclude_none=True)
    expected = _expected(expect) if expect else []
    files = [f for f in files if not output.same_file(f, unit_file)]  # the level above is not one of its units
    units = list(rollup.read_units(files, jobs))
    per_file = [(unit.file, unit.findings) for unit in units]
    invalid = [unit for unit in units if unit.data is None]
    skipped = [(Path(unit.file).name, "dữ liệu có lỗi") for unit in invalid]
    refusals = rollup.problems(units, own, include_rollups)
    absent = rollup.missing(units, expected)
    if refusals or (invalid and not skip_invalid) or not any(unit.data for unit in units):
        return RollupResult(
            None, per_file, skipped, absent, refusals or ([Phrase("no_valid_input")] if not invalid else [])
        )
    combined = rollup.combine(own, [u for u in units if u.data is not None], skipped, absent)
    rollup.moved_outline(combined, unit_file, target)
    output.write_atomic(target, rollup.to_yaml(combined, len(units)).encode("utf-8"))
    return RollupResult(target, per_file, skipped, absent, [])


def _expected(path: str) -> list[str]:
    try:
        if not Path(path).is_file():
            raise OSError(0, "not a regular file")
        lines = Path(path).read_text(encoding="utf-8", errors="replace")[: loader.MAX_BYTES].splitlines()
    except OSError as exc:
        raise UserError("expect_unreadable", path=path, reason=os_reason(exc)) from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def upgrade_file(path: str, out: str | None = None) -> tuple[Path, Path | None]:
    """Rewrite a file of the format by topic as its own outline: to ``out``, or in place after a backup.

    The file must read and type (its arithmetic may be wrong); the upgraded text is
    checked to type as well, and to hold the same findings but the template's,
    before anything is written. Returns the file written and the backup, if any.
    """
    from baocao.upgrade import convert as upgrade

    if path == "-":
        raise UserError("upgrade_stdin")
    loaded = load(path)
    if loaded.report is None:
        raise InputError(loaded.findings)
    if not upgrade.is_old_format(loaded.source.data):
        raise UserError("already_sections", path=path)
    kind = loaded.report.document.kind
    if kind not in upgrade.OLD_KINDS:
        raise UserError("no_outline_for_kind", path=path, kind=kind, known=", ".join(upgrade.OLD_KINDS))
    data = upgrade.upgrade(loaded.source.data, loaded.report)
    text = upgrade.to_yaml(data, upgrade.leading_comments(loaded.source.text))
    source, findings = loader.parse(text.encode("utf-8"), path)
    report, typed = schema_errors.type_report(source) if not findings else (None, findings)
    if report is None:  # pragma: no cover - an upgrade that does not type is a bug of upgrade
        raise UserError("upgrade_unreadable", path=path, code=typed[0].code if typed else "?")
    target = Path(out) if out else Path(path)
    if target.is_dir():
        target = target / Path(path).name
    backup = None
    if target.resolve() == Path(path).resolve():
        backup = Path(path + ".bak")
        output.write_atomic(backup, loaded.source.text.encode("utf-8"))
    output.write_atomic(target, text.encode("utf-8"))
    return target, backup


def next_file(path: str, out: str | None = None, force: bool = False) -> tuple[Path | None, str]:
    """Start the next period from a report: its file to fill in, written to ``out`` ("-": returned only).

    The report must read without errors but blanks (BC604); a file by topic, or one rollup
    wrote, is refused. The text written is read back and typed before anything is
    written; an existing file is overwritten only with ``force``. Returns the file
    written (None for "-") and the text.
    """
    from baocao import carry
    from baocao.upgrade import convert as upgrade

    loaded = load(path, template=False)
    if loaded.report is None or has_errors([f for f in loaded.findings if f.code != "BC604"]):
        raise InputError(loaded.findings)
    report = loaded.report
    if report.rollup is not None:
        raise UserError("next_rollup", path=path)
    data = loaded.source.data
    if any(data.get(key) for key in OLD_KEYS):
        raise UserError("next_by_topic", path=path)
    target = _next_target(path, out, report)
    if target is not None:
        output.check_target(target, [path])
        if target.exists() and not force:
            raise UserError("exists_use_force", path=target)
    name = Path(path).name if path != "-" else "<stdin>"
    top = upgrade.leading_comments(loaded.source.text)
    if target is not None and path != "-":
        data, top = _moved(data, top, Path(path), target.parent)
    text = carry.write(report, data, name, top)
    source, findings = loader.parse(text.encode("utf-8"), str(target or path))
    typed, found = schema_errors.type_report(source) if not findings else (None, findings)
    if typed is None:  # pragma: no cover - a carried file that does not type is a bug of carry
        raise UserError("next_unreadable", path=target or path, code=found[0].code if found else "?")
    if target is not None:
        output.write_atomic(target, text.encode("utf-8"))
    return target, text


def _moved(data: dict[str, Any], top: str, path: Path, folder: Path) -> tuple[dict[str, Any], str]:
    """The data and top comments of a file written into ``folder``: its schema and outline paths still resolve."""
    from baocao.outline import find as outlines
    from baocao.outline import starter

    name = data.get("document", {}).get("outline")
    if isinstance(name, str) and outlines.is_path(name):
        where = outlines.locate(name, str(path))
        if where is not None:
            document = {**data["document"], "outline": starter.outline_reference(name, where, folder)}
            data = {**data, "document": document}
    schema = re.compile(r"(#\s*yaml-language-server:\s*\$schema=)(\S+)")
    match = schema.search(top)
    moved = path.parent.resolve() != folder.resolve()
    if match and moved and not re.match(r"^[a-z]+://", match.group(2)):
        top = top[: match.start(2)] + starter.schema_reference(folder) + top[match.end(2) :]
    return data, top


def _next_target(path: str, out: str | None, report: Report) -> Path | None:
    """Where the next period's file goes: ``out``, a name in the folder ``out``, or beside the input."""
    from baocao.carry import next_name

    period = report.document.period
    if out == "-":
        return None
    if out is None and path == "-":
        raise UserError("stdin_needs_output")
    stem = Path(path).stem if path != "-" else "report"
    name = next_name(stem, period, period.following())
    if out is None:
        return Path(path).with_name(name)
    target = Path(out)
    return target / name if target.is_dir() or out.endswith(os.sep) else target


def new_file(
    name: str,
    out: str | None,
    force: bool,
    period: str | None,
    year: int | None,
    fields: dict[str, str | None],
    ask: starter.Ask | None,
) -> Path | None:
    """Write the unit's file to fill in from the outline ``name``; its path (None for standard output).

    ``fields`` are header options by name (level, issuing_body, …); ``ask`` asks for the others.
    Nothing is written unless the whole file is: an existing file only with ``force``.
    """
    import datetime as dt
    import sys

    from baocao.outline import find as outlines
    from baocao.outline import starter

    where = outlines.locate(name, None)
    if where is None:
        raise UserError("new_no_outline", name=name, available=", ".join(outlines.available()) or "—")
    try:
        found = outlines.read(where)
    except OSError as exc:
        raise UserError("cannot_read", path=where, reason=os_reason(exc)) from exc
    if found.outline is None:
        raise InputError(found.findings)
    today = dt.date.today()
    given = starter.Header()
    for name_, value in fields.items():
        if value and name_ in starter.TEXT_FIELDS:
            setattr(given, name_, value.strip() or None)
    if period:
        given.period = starter.parse_period(period, year or today.year)
    header = starter.complete(found.outline, given, year, today, ask)
    assert header.period is not None, "complete() sets the period"
    from baocao.carry import slug

    named = f"{starter.file_stem(header, found.outline)}-{slug(header.period)}.yaml"
    target = Path(out) if out and out != "-" else None
    if out is None:
        target = Path(named)
    elif target is not None and (target.is_dir() or out.endswith(("/", os.sep))):
        target = target / named
    folder = target.parent if target is not None else Path.cwd()
    reference = starter.outline_reference(name, where, folder)
    text = starter.text(found.outline, reference, header, starter.schema_reference(folder))
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    if target.exists() and not force:
        raise UserError("exists_use_force", path=target)
    output.check_target(target, [str(where)])
    output.write_atomic(target, text.encode("utf-8"))
    return target
