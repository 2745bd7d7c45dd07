"""``baocao form``: the workbook a clerk fills in Excel, from a đề cương, or filled with a unit's report."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baocao.commands.files import Loaded, is_outline_file, is_workbook, load
from baocao.commands.new import read_outline
from baocao.core.errors import InputError, UserError
from baocao.core.findings import has_errors
from baocao.form import layout, workbook
from baocao.load import source as loader
from baocao.model.period import Period, slug
from baocao.outline import is_path, starter
from baocao.outline.model import Outline
from baocao.write import guard, output


@dataclass
class Made:
    """What a form is made from: a unit's data (or the file ``new`` would write), its đề cương, title, file name."""

    data: Any
    outline: Outline | None
    title: str
    stem: str
    inputs: list[str]

    def workbook(self, data: Any | None = None) -> bytes:
        """The form's bytes, filled with ``data`` (a unit's report with this one's headings and keys) or its own."""
        outline = self.outline
        about = starter.about(outline, starter.Header(period=_period(self.data))) if outline is not None else []
        asked = layout.asked_of(outline) if outline is not None else {}
        outline_id = outline.outline.id if outline is not None else None
        digest = layout.outline_digest(outline) if outline is not None else None
        made = layout.plan(self.data if data is None else data, asked, outline_id, digest, about)
        return workbook.workbook(made, self.data if data is None else data, self.title)


def made_from(name: str, period: str | None = None, year: int | None = None) -> Made:
    """What the form of ``name`` is made from: a unit's file, or a đề cương (its id or file) for that period."""
    if (is_workbook(name) or name.lower().endswith((".yaml", ".yml"))) and Path(name).is_file():
        loaded = load(name, template=False)  # a unit's file, or a filled form: its values in a new form
        if not is_outline_file(loaded.source.data):
            return Made(*_of_unit(name, loaded), inputs=[name])
    return Made(*_of_outline(name, period, year), inputs=[name] if is_path(name) else [])


def form_file(name: str, out: str | None, force: bool, period: str | None, year: int | None) -> Path:
    """Write the form of the đề cương ``name`` (an id or a file), or of a unit's file; its path."""
    made = made_from(name, period, year)
    target = _target(out, made.stem, name if made.inputs else None)
    guard.check(target, made.inputs, force, guard.xlsx_by_baocao)
    output.write_atomic(target, made.workbook())
    return target


def _of_unit(path: str, loaded: Loaded) -> tuple[Any, Any, str, str]:
    """A unit's data, as checked: a form is made from a report without errors, filled with its values."""
    if loaded.report is None or has_errors(loaded.findings):
        raise InputError(loaded.findings)
    outline = loaded.report.followed  # the đề cương load made the report follow
    title = f"Báo cáo {loaded.report.document.subject or ''}".strip()
    return loaded.source.data, outline, title, Path(path).stem


def _of_outline(name: str, period: str | None, year: int | None) -> tuple[Any, Any, str, str]:
    """The data of the file ``new`` would write from the đề cương, with the period asked for (else the current)."""
    where, outline = read_outline(name)
    today = dt.date.today()
    given = starter.Header()
    if period:
        given.period = starter.parse_period(period, year or today.year)
    header = starter.complete(outline, given, year, today, None)
    assert header.period is not None, "complete() sets the period"
    text = starter.text(outline, outline.outline.id, header, "")
    source, findings = loader.parse(text.encode("utf-8"), str(where))
    if findings:  # the starter writes what the loader reads: a finding here is baocao's own fault
        raise InputError(findings)
    stem = f"bieu-mau-{outline.outline.id}-{slug(header.period)}"
    return source.data, outline, f"Biểu mẫu: {outline.outline.title}", stem


def _period(data: Any) -> Any:

    try:
        return Period.model_validate(data["document"]["period"])
    except (KeyError, TypeError, ValueError):
        return None


def _target(out: str | None, stem: str, beside: str | None) -> Path:
    named = f"{stem}.xlsx"
    if out is None:
        return (Path(beside).parent if beside else Path.cwd()) / named
    target = Path(out)
    if target.is_dir() or out.endswith(("/", os.sep)):
        return target / named
    if target.suffix.lower() != ".xlsx":
        raise UserError("form_needs_xlsx", path=out)
    return target
