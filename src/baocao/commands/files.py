"""The files a command is given, and each read through the pipeline: load -> model -> checks.

Files are named one by one, by folder or by a quoted glob; each is read, typed as a
unit's report (or as a đề cương), made to follow the đề cương it names, and checked.
``validate`` is this pipeline and nothing more; the other commands go on from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from baocao import check, outline, upgrade
from baocao.core.errors import InputError, UserError
from baocao.core.findings import Finding, has_errors
from baocao.core.messages import Phrase, os_reason
from baocao.load import source as loader
from baocao.load.source import Source
from baocao.load.typed import type_as
from baocao.render.view import template_findings
from baocao.report import Report

T = TypeVar("T")
UNIT_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xlsm", ".ods", ".xls")  # in any letter case; workbooks are forms
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls")
TABLES_SUFFIX = "-bang-so-lieu.xlsx"
"""The end of the name of the workbook ``build --xlsx`` writes beside a report: not a form, not read by folder."""
PARALLEL_FROM = 64  # files to read; below this, starting worker processes costs more than it saves


@dataclass
class Loaded:
    """A file read and typed: the report when the schema accepted it, and every finding."""

    source: Source
    report: Report | None
    findings: list[Finding] = field(default_factory=list)


def read(path: str) -> tuple[Source, list[Finding]]:
    """Read and parse one file (a workbook: a filled form); a file that cannot be read is a UserError that says why."""
    try:
        if is_workbook(path):
            from baocao.form import read as form_reader  # calamine loads for a workbook only

            return form_reader.read(path)
        return loader.read(path)
    except FileNotFoundError as exc:
        if Path(path).is_symlink():
            raise UserError("dangling_link", path=path, target=Path(path).readlink()) from exc
        raise UserError("no_such_file", path=path) from exc
    except IsADirectoryError as exc:
        raise UserError("is_folder", path=path) from exc
    except OSError as exc:
        raise UserError("cannot_read", path=path, reason=os_reason(exc)) from exc


def load(path: str, templates: Path | None = None, template: bool = True) -> Loaded:
    """Read, parse, type and check one file; with ``template``, say what build would say of its template."""
    source, findings = read(path)
    if has_errors(findings):
        return Loaded(source, None, loader.quote(source, findings))
    if is_outline_file(source.data):
        from baocao.outline import find  # the đề cương's models load with a đề cương, not with every report

        outline_found = find.read_source(source)
        return Loaded(source, None, loader.quote(source, sorted(findings + outline_found.findings)))
    if upgrade.by_topic(source.data):
        key = upgrade.first_key(source.data)
        where = source.locate((key,), key=True)
        old = Finding(source.path, *where, "BC013", (key,), {"key": key, "file": source.path})
        return Loaded(source, None, loader.quote(source, sorted([*findings, old])))
    rows = upgrade.old_rows(source.data)
    if rows is not None:
        index, key = rows
        where = source.locate(("rollup", "units", index, key), key=True)
        old = Finding(
            source.path,
            *where,
            "BC013",
            ("rollup", "units", index, key),
            {"key": key, "file": source.path, "variant": "rows"},
        )
        return Loaded(source, None, loader.quote(source, sorted([*findings, old])))
    report, found = type_as(Report, source)
    if report is not None:
        found = attach(report, source)
        if not has_errors(found):
            found += check.run(report, source)
        if template:
            found += template_findings(report, source, templates)
    return Loaded(source, report, loader.quote(source, sorted(findings + found)))


def is_workbook(path: str) -> bool:
    """True for a file read as a filled form: .xlsx (and .xlsm, .ods; an .xls is named with how to convert it)."""
    return path.lower().endswith(WORKBOOK_SUFFIXES)


def share_outlines(folders: tuple[str, ...]) -> None:
    """Look in these folders first for a đề cương named by id (``--outlines``), in this process and its workers."""
    outline.share(folders)


def is_outline_file(data: object) -> bool:
    """True for a đề cương (its first key ``outline``, no ``document``), which validate checks as one."""
    return isinstance(data, dict) and "outline" in data and "document" not in data


def attach(report: Report, source: Source) -> list[Finding]:
    """Find the đề cương the report names and make the report follow it; findings when it cannot.

    The outline file's own problems are reported at their place in that file.
    """
    name = report.document.outline
    if name is None:
        return []
    from baocao.outline import find  # the đề cương's models load with a đề cương, not with every report

    loc = ("document", "outline")
    line, col = source.locate(loc)
    try:
        where = find.locate(name, source.path)
        found = find.read(where) if where is not None else None
    except OSError:
        found = None
    if found is None or not found.is_outline:
        params = {"name": name, "available": ", ".join(find.available()) or "—"}
        if found is not None:
            params["variant"] = "not_outline"
        return [Finding(source.path, line, col, "BC601", loc, params)]
    # a workbook's hidden sheet can be forged: the file it names is quoted only once known as its đề cương
    quoted = found.findings if source.made_from is None else []
    if found.outline is None:
        return [*quoted, Finding(source.path, line, col, "BC602", loc, {"name": name, "path": found.path})]
    report.follow(found.outline)
    if source.made_from is not None:
        from baocao.form.layout import outline_digest  # a form's đề cương is compared with the one found

        if outline_digest(found.outline) != source.made_from:
            return [Finding(source.path, line, col, "BC705", loc, {"name": name})]
    return list(found.findings)


def outline_file(report: Report | None, path: str, name: str | None = None) -> Path | None:
    """The file of the đề cương ``report`` (or ``name``) names: a path, or an id found in a folder; or None."""
    name = report.document.outline if report is not None else name
    if name is None:
        return None
    from baocao.outline import find  # the đề cương's models load with a đề cương, not with every report

    try:
        return find.locate(name, path)
    except OSError:
        return None


def valid(path: str, blanks: bool = False) -> Report:
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


def workers(files: list[str], jobs: int | None, start_from: int = PARALLEL_FROM) -> int:
    """Worker processes for a batch: as asked (at most the cores, and the files), else all cores for a large batch.

    Never for stdin; ``-j 100000`` starts no more processes than there are cores to run them.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if "-" in files:
        return 1
    if jobs is not None:
        return max(1, min(jobs, cores, len(files)))
    return 1 if len(files) < start_from else cores


def in_workers(function: Callable[[str], T], files: list[str], jobs: int, chunksize: int) -> Iterator[T]:
    """``function`` over ``files``, results in order: in this process for one job, else over a pool of processes."""
    if jobs <= 1:
        yield from map(function, files)
        return
    from concurrent.futures import ProcessPoolExecutor  # a batch over cores only: its start-up is not paid by one file

    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(function, files, chunksize=chunksize)


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
                p
                for p in path.rglob("*")
                if p.suffix.lower() in UNIT_SUFFIXES
                and not p.name.startswith("~$")  # the lock file Excel keeps beside a workbook it has open
                and not p.name.endswith(TABLES_SUFFIX)  # the tables build --xlsx writes beside a report
                and (p.is_file() or _dangling(p))
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
