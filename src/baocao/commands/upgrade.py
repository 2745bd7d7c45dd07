"""``baocao upgrade``: a file of the format by topic (or an old roll-up's rows) rewritten, in place or elsewhere."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from baocao.commands.files import read
from baocao.core import yamlout
from baocao.core.errors import InputError, UserError
from baocao.core.findings import has_errors
from baocao.core.messages import os_reason
from baocao.load import source as loader
from baocao.load.source import Source
from baocao.load.typed import type_as
from baocao.report import Report
from baocao.upgrade import by_topic, old_rows
from baocao.upgrade.convert import OLD_KINDS, upgrade, upgrade_rows
from baocao.upgrade.model import ByTopic
from baocao.write import guard, output


def targets(files: list[str], out: str | None) -> list[Path]:
    """Where each file goes (``out``, a file or a folder, or in place); two files to one place are refused."""
    if out and len(files) > 1 and not (out.endswith(("/", os.sep)) or Path(out).is_dir()):
        raise UserError("several_into_folder", path=out)
    found = [guard.target(out, Path(path)) for path in files]
    moved = [(path, target) for path, target in zip(files, found, strict=True) if not guard.Reads([path]).holds(target)]
    guard.plan(moved, guard.Reads(files, main=False))  # nor over another file of the batch
    return found


def upgrade_file(path: str, out: str | None = None, force: bool = False) -> tuple[Path, Path | None]:
    """Rewrite a file of the format by topic as its own outline: to ``out``, or in place after a backup.

    The file must read and type (its arithmetic may be wrong); the upgraded text is
    checked to type as a report before anything is written. In place, the backup
    ``FILE.bak`` must not exist yet; elsewhere, an existing file is replaced only with
    ``force``, and never a file read, a backup or a device. Returns the file written
    and the backup, if any.
    """
    if path == "-":
        raise UserError("upgrade_stdin")
    source, findings = read(path)
    if has_errors(findings):
        raise InputError(loader.quote(source, findings))
    text = yamlout.to_yaml(upgraded_data(source, path), yamlout.leading_comments(source.text))
    upgraded, problems = loader.parse(text.encode("utf-8"), path)
    report, found = type_as(Report, upgraded) if not problems else (None, problems)
    if report is None:  # pragma: no cover - an upgrade that does not type is a bug of upgrade
        raise UserError("upgrade_unreadable", path=path, code=found[0].code if found else "?")
    target = guard.target(out, Path(path))
    in_place = guard.Reads([path]).holds(target)
    backup = Path(path + guard.BACKUP_SUFFIX) if in_place else None
    if backup is None:
        guard.check(target, [path], force)
    else:
        guard.backup_free(backup)
        try:
            original = Path(path).read_bytes()  # the bytes as they were, whatever their encoding
        except OSError as exc:
            raise UserError("cannot_read", path=path, reason=os_reason(exc)) from exc
        output.write_atomic(backup, original)
        target = Path(path)
    output.write_atomic(target, text.encode("utf-8"))
    return target, backup


def upgraded_data(source: Source, path: str) -> dict[str, Any]:
    """The file's data as sections: a file by topic, or a rolled-up report whose rows are the old ones."""
    if not by_topic(source.data):
        if old_rows(source.data) is None:
            raise UserError("already_sections", path=path)
        rows = upgrade_rows(source.data)
        if rows is None:
            raise UserError("upgrade_rollup", path=path)
        return rows
    if "rollup" in source.data:
        raise UserError("upgrade_rollup", path=path)
    old, typed = type_as(ByTopic, source)
    if old is None:
        raise InputError(loader.quote(source, typed))
    kind = old.document.kind
    if kind not in OLD_KINDS:
        raise UserError("no_outline_for_kind", path=path, kind=kind, known=", ".join(OLD_KINDS))
    return upgrade(source.data, old)
