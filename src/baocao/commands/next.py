"""``baocao next``: the next period's file to fill in, from a report (``baocao.report.carry``)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from baocao.commands.files import load, outline_file
from baocao.core import yamlout
from baocao.core.errors import InputError, UserError
from baocao.core.findings import has_errors
from baocao.load import source as loader
from baocao.load.typed import type_as
from baocao.outline import is_path, outline_reference, schema_reference
from baocao.report import Report, carry
from baocao.write import guard, output


def next_file(path: str, out: str | None = None, force: bool = False) -> tuple[Path | None, str]:
    """Start the next period from a report: its file to fill in, written to ``out`` ("-": returned only).

    The report must read without errors but blanks (BC604); a file by topic (BC013), or one
    rollup wrote, is refused. The text written is read back and typed before anything is
    written; an existing file is overwritten only with ``force``. Returns the file
    written (None for "-") and the text.
    """
    loaded = load(path, template=False)
    if loaded.report is None or has_errors([f for f in loaded.findings if f.code != "BC604"]):
        raise InputError(loaded.findings)
    report = loaded.report
    if report.rollup is not None:
        raise UserError("next_rollup", path=path)
    data = loaded.source.data
    target = _next_target(path, out, report)
    if target is not None:
        reads = guard.Reads([path, outline_file(report, path)])  # the report, and the đề cương it follows
        if target.exists() and not force and not reads.holds(target):
            raise UserError("exists_use_force", path=target)
        reads.check(target, force=True)
    name = Path(path).name if path != "-" else "<stdin>"
    top = moved_on(yamlout.leading_comments(loaded.source.text), report)
    if target is not None and path != "-":
        data, top = _moved(data, top, Path(path), target.parent)
    text = carry.write(report, data, name, top)
    source, findings = loader.parse(text.encode("utf-8"), str(target or path))
    typed, found = type_as(Report, source) if not findings else (None, findings)
    if typed is None:  # pragma: no cover - a carried file that does not type is a bug of carry
        raise UserError("next_unreadable", path=target or path, code=found[0].code if found else "?")
    if target is not None:
        output.write_atomic(target, text.encode("utf-8"))
    return target, text


def moved_on(top: str, report: Report) -> str:
    """The file's leading comments for the next period.

    What ``new`` wrote of the đề cương's period (its window, its deadline) is written again for
    the next one; elsewhere the period's words move on.
    """
    old, new = report.document.period, report.document.period.following()
    outline = report.followed
    written: dict[str, str] = {}  # a line new wrote of the old period: the line it writes of the new one
    if outline is not None:
        from baocao.outline import starter  # the đề cương's models load with a đề cương, not with every report

        before = starter.about(outline, starter.Header(period=old))
        after = starter.about(outline, starter.Header(period=new))
        written = {f"# {was}": f"# {now}" for was, now in zip(before, after, strict=False) if was != now}
    lines = top.split("\n")
    return "\n".join(
        written.get(line) or (carry.relabel(line, old)[0] if line.startswith("#") else line) for line in lines
    )


def _moved(data: dict[str, Any], top: str, path: Path, folder: Path) -> tuple[dict[str, Any], str]:
    """The data and top comments of a file written into ``folder``: its schema and outline paths still resolve."""
    from baocao.outline import find  # the đề cương's models load with a đề cương, not with every report

    name = data.get("document", {}).get("outline")
    if isinstance(name, str) and is_path(name):
        where = find.locate(name, str(path))
        if where is not None:
            document = {**data["document"], "outline": outline_reference(name, where, folder)}
            data = {**data, "document": document}
    schema = re.compile(r"(#\s*yaml-language-server:\s*\$schema=)(\S+)")
    match = schema.search(top)
    moved = path.parent.resolve() != folder.resolve()
    if match and moved and not re.match(r"^[a-z]+://", match.group(2)):
        top = top[: match.start(2)] + schema_reference(folder) + top[match.end(2) :]
    return data, top


def _next_target(path: str, out: str | None, report: Report) -> Path | None:
    """Where the next period's file goes: ``out``, a name in the folder ``out``, or beside the input."""
    period = report.document.period
    if out == "-":
        return None
    if out is None and path == "-":
        raise UserError("stdin_needs_output")
    stem = Path(path).stem if path != "-" else "report"
    name = carry.next_name(stem, period, period.following())
    if out is None:
        return Path(path).with_name(name)
    target = Path(out)
    return target / name if target.is_dir() or out.endswith(os.sep) else target
