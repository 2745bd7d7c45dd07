"""``baocao new``: a unit's file to fill in, written from a đề cương (``baocao.outline.starter``)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from baocao.core.errors import InputError, UserError
from baocao.core.findings import Severity, has_errors
from baocao.core.messages import os_reason
from baocao.load import source as loader
from baocao.load.typed import type_as
from baocao.model.period import slug
from baocao.outline import find, outline_reference, schema_reference, starter
from baocao.outline.model import Outline
from baocao.report import Report
from baocao.write import guard, output

OUTPUT_RATIO = 20  # the file new writes is at most this many times its đề cương's size…
OUTPUT_FLOOR = 2 * 1024 * 1024  # …or this, for a small đề cương


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
    where, outline = read_outline(name)
    today = dt.date.today()
    given = starter.Header()
    for name_, value in fields.items():
        if value and name_ in starter.TEXT_FIELDS:
            setattr(given, name_, value.strip() or None)
    if period:
        given.period = starter.parse_period(period, year or today.year)
    header = starter.complete(outline, given, year, today, ask)
    starter.need_level(outline, header)
    assert header.period is not None, "complete() sets the period"
    named = f"{starter.file_stem(header, outline)}-{slug(header.period)}.yaml"
    target = Path(out) if out and out != "-" else None
    if out is None:
        target = Path(named)
    elif target is not None and (target.is_dir() or out.endswith(("/", os.sep))):
        target = target / named
    folder = target.parent if target is not None else Path.cwd()
    reference = outline_reference(name, where, folder)
    limit = max(OUTPUT_FLOOR, OUTPUT_RATIO * where.stat().st_size)
    if (size := _estimate(outline.sections)) > limit:  # said before the text is made, not after
        raise UserError("new_too_large", path=where, size=f"{size / 1024 / 1024:.1f} MiB", ratio=OUTPUT_RATIO)
    text = starter.text(outline, reference, header, schema_reference(folder))
    _read_back(text, where, target, limit)
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    if target.exists() and not force and not guard.Reads([where]).holds(target):
        raise UserError("exists_use_force", path=target)
    guard.check(target, [where], force=True)
    output.write_atomic(target, text.encode("utf-8"))
    return target


def _estimate(sections: Sequence[Any]) -> int:
    """The bytes a form's cells take in the file (a comment line each), the part that grows as rows times columns."""
    size = 0
    for section in sections:
        for expect in section.expects:
            rows, columns = getattr(expect.item, "rows", None) or [], getattr(expect.item, "columns", None) or []
            line = sum(len(str(getattr(c, "title", ""))) + len(str(getattr(c, "key", ""))) + 40 for c in columns)
            size += len(rows) * line
        size += _estimate(section.sections)
    return size


def _read_back(text: str, where: Path, target: Path | None, limit: int) -> None:
    """Refuse a file out of all proportion to its đề cương, or one that does not read back as a unit's file."""
    if len(text) > limit:
        raise UserError("new_too_large", path=where, size=f"{len(text) / 1024 / 1024:.1f} MiB", ratio=OUTPUT_RATIO)
    source, findings = loader.parse(text.encode("utf-8"), str(target or "<stdout>"))
    typed, found = type_as(Report, source) if not has_errors(findings) else (None, findings)
    if typed is None:
        code = next((f.code for f in found if f.severity is Severity.ERROR), "?")
        raise UserError("new_unreadable", path=where, code=code)


def read_outline(name: str) -> tuple[Path, Outline]:
    """The đề cương named (an id or a file) and where it is; a UserError or its findings when it cannot be had."""
    where = find.locate(name, None)
    if where is None:
        raise UserError("new_no_outline", name=name, available=", ".join(find.available()) or "—")
    try:
        found = find.read(where)
    except OSError as exc:
        raise UserError("cannot_read", path=where, reason=os_reason(exc)) from exc
    if not found.is_outline:
        raise UserError("new_not_outline", path=where)
    if found.outline is None:
        raise InputError(found.findings)
    return where, found.outline


def catalogue() -> list[starter.Listed]:
    """Every outline that can be named, in the order an id is looked for."""
    return starter.catalogue()


def folders() -> list[Path]:
    """The folders searched for an outline named by id."""
    return find.folders()
