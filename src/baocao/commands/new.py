"""``baocao new``: a unit's file to fill in, written from a đề cương (``baocao.outline.starter``)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from baocao.core.errors import InputError, UserError
from baocao.core.messages import os_reason
from baocao.model.period import slug
from baocao.outline import find, outline_reference, schema_reference, starter
from baocao.outline.model import Outline
from baocao.write import output


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
    assert header.period is not None, "complete() sets the period"
    named = f"{starter.file_stem(header, outline)}-{slug(header.period)}.yaml"
    target = Path(out) if out and out != "-" else None
    if out is None:
        target = Path(named)
    elif target is not None and (target.is_dir() or out.endswith(("/", os.sep))):
        target = target / named
    folder = target.parent if target is not None else Path.cwd()
    reference = outline_reference(name, where, folder)
    text = starter.text(outline, reference, header, schema_reference(folder))
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    if target.exists() and not force:
        raise UserError("exists_use_force", path=target)
    output.check_target(target, [str(where)])
    output.write_atomic(target, text.encode("utf-8"))
    return target


def read_outline(name: str) -> tuple[Path, Outline]:
    """The đề cương named (an id or a file) and where it is; a UserError or its findings when it cannot be had."""
    where = find.locate(name, None)
    if where is None:
        raise UserError("new_no_outline", name=name, available=", ".join(find.available()) or "—")
    try:
        found = find.read(where)
    except OSError as exc:
        raise UserError("cannot_read", path=where, reason=os_reason(exc)) from exc
    if found.outline is None:
        raise InputError(found.findings)
    return where, found.outline


def catalogue() -> list[starter.Listed]:
    """Every outline that can be named, in the order an id is looked for."""
    return starter.catalogue()


def folders() -> list[Path]:
    """The folders searched for an outline named by id."""
    return find.folders()
