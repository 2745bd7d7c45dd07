"""``baocao build``: the DOCX of each report (and its PDF), written whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from baocao.commands.files import (
    TABLES_SUFFIX,
    Loaded,
    comparison_problems,
    in_workers,
    load,
    outline_file,
    valid,
    workers,
)
from baocao.core.errors import InputError, UserError
from baocao.core.findings import Finding, has_errors
from baocao.core.messages import Phrase
from baocao.load import source as loader
from baocao.render.view import TEMPLATE_SUFFIX, render_body, template_findings
from baocao.report import Report
from baocao.write import docx, guard, markup, output


def render_report(
    loaded: Loaded, templates: Path | None, previous: Report | None = None
) -> tuple[bytes | None, list[Finding]]:
    """The DOCX bytes of a loaded report, or None with the findings that stopped it."""
    report = loaded.report
    if report is None:
        return None, loaded.findings
    body, findings = render_body(report, loaded.source, templates, previous)
    rendering = [f for f in loader.quote(loaded.source, findings) if f not in loaded.findings]
    findings = sorted(loaded.findings + rendering)
    if has_errors(rendering):
        return None, findings
    try:
        blocks = markup.parse(body)
    except markup.MarkupError as exc:
        where = loaded.source.locate(("document", "kind"))
        params = {"template": report.document.kind + TEMPLATE_SUFFIX, "template_line": "?", "problem": str(exc)}
        return None, [*findings, Finding(loaded.source.path, *where, "BC402", ("document", "kind"), params)]
    return docx.write(report.document, blocks), findings


def build(
    path: str,
    out: str | None = None,
    templates: Path | None = None,
    allow_errors: bool = False,
    compare: str | None = None,
    stage: str | None = None,
    force: bool = False,
    reads: guard.Reads | None = None,
    xlsx: bool = False,
) -> tuple[Path, list[Finding]]:
    """Build one report, compared with an older period when asked; raise InputError when it has errors.

    The target is checked against every file read (``reads``: the batch's inputs; the
    input, ``--compare``, the templates and the đề cương) before anything is written; a
    file there that baocao did not write is replaced only with ``force``. With ``stage``
    (a --pdf run) the DOCX goes into that staging folder beside the target, to be moved
    into place with its PDF (:func:`baocao.write.pdf.convert_staged`).
    """
    if templates is not None and not templates.is_dir():
        raise UserError("templates_not_folder", path=templates)
    target = output.output_path(path, out)
    reads = (reads or guard.Reads([])).add([path, compare, *template_files(templates)])
    _check(target, reads, force, stage)
    tables = tables_path(target) if xlsx else None
    if tables is not None:
        reads.check(tables, force, guard.xlsx_by_baocao)
    loaded = load(path, templates, template=False)  # rendering below says it, once
    if loaded.report is None:
        raise InputError(loaded.findings)
    _check(target, reads.add([outline_file(loaded.report, path)]), force, stage)  # the đề cương it names
    if has_errors(loaded.findings) and not allow_errors:
        raise InputError(sorted(loaded.findings + template_findings(loaded.report, loaded.source, templates)))
    previous = valid(compare) if compare else None
    if previous is not None and (problems := comparison_problems(previous, loaded.report)):
        raise UserError("compare_refused", path=compare, problems=problems)
    data, findings = render_report(loaded, templates, previous)
    if data is None:
        raise InputError(findings)
    output.write_atomic(output.staged(target, stage) if stage else target, data)
    if tables is not None:
        from baocao.form import tables as form_tables  # XlsxWriter loads for --xlsx only, not for every build

        title = f"Báo cáo {loaded.report.document.subject or ''}".strip()
        output.write_atomic(tables, form_tables.workbook(loaded.source.data, title))
    return target, findings


def tables_path(target: Path) -> Path:
    """Where ``build --xlsx`` writes the report's tables: beside the DOCX, named apart from any form."""
    return target.with_name(target.stem + TABLES_SUFFIX)


def _check(target: Path, reads: guard.Reads, force: bool, stage: str | None) -> None:
    reads.check(target, force, guard.docx_by_baocao)
    if stage:
        reads.check(target.with_suffix(".pdf"), force, guard.pdf_file)


def template_files(templates: Path | None, limit: int = 1000) -> list[Path]:
    """The files of a --templates folder (the first ``limit``), which no output may replace."""
    if templates is None or not templates.is_dir():
        return []
    found: list[Path] = []
    for path in templates.rglob("*"):
        if len(found) >= limit:
            break
        if path.is_file():
            found.append(path)
    return found


@dataclass
class Built:
    """The outcome of one file of a batch build."""

    source: str
    target: Path | None
    findings: list[Finding]
    error: Phrase | None = None


def build_one(
    source: str,
    out_dir: str | None,
    templates: Path | None,
    allow_errors: bool,
    stage: str | None = None,
    force: bool = False,
    reads: guard.Reads | None = None,
    xlsx: bool = False,
) -> Built:
    """Build one file of a batch; a failure is reported, not raised."""
    try:
        target, findings = build(
            source, out_dir, templates, allow_errors, stage=stage, force=force, reads=reads, xlsx=xlsx
        )
    except InputError as exc:
        return Built(source, None, exc.findings, Phrase("data_errors"))
    except UserError as exc:
        return Built(source, None, [], exc.phrase)
    return Built(source, target, findings)


def build_many(
    files: list[str],
    out_dir: str | None,
    templates: Path | None,
    allow_errors: bool,
    jobs: int | None = None,
    stage: str | None = None,
    force: bool = False,
    xlsx: bool = False,
) -> Iterator[Built]:
    """Build many files, one report each, over all cores; one bad file does not stop the rest.

    Two inputs that would write one report, or a report that would replace an input of
    the batch, are refused (UserError) before any is built.
    """
    if out_dir is not None:
        out_dir = out_dir.rstrip("/") + "/"
    targets = [output.output_path(source, out_dir) for source in files]
    reads = guard.Reads(files, main=False)
    guard.plan(zip(files, targets, strict=True), reads)
    work = partial(build_one, out_dir=out_dir, templates=templates, allow_errors=allow_errors, stage=stage)
    work = partial(work, force=force, reads=reads, xlsx=xlsx)
    jobs = workers(files, jobs, start_from=4)  # a report takes long enough to be worth a worker
    yield from in_workers(work, files, jobs, chunksize=8)
