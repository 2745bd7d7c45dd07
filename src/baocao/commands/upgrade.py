"""``baocao upgrade``: a file of the format by topic (or an old roll-up's rows) rewritten, in place or elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from baocao.commands.files import read
from baocao.core import yamlout
from baocao.core.errors import InputError, UserError
from baocao.core.findings import has_errors
from baocao.load import source as loader
from baocao.load.source import Source
from baocao.load.typed import type_as
from baocao.report import Report
from baocao.upgrade import by_topic, old_rows
from baocao.upgrade.convert import OLD_KINDS, upgrade, upgrade_rows
from baocao.upgrade.model import ByTopic
from baocao.write import output


def upgrade_file(path: str, out: str | None = None) -> tuple[Path, Path | None]:
    """Rewrite a file of the format by topic as its own outline: to ``out``, or in place after a backup.

    The file must read and type (its arithmetic may be wrong); the upgraded text is
    checked to type as a report before anything is written. Returns the file written
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
    target = Path(out) if out else Path(path)
    if target.is_dir():
        target = target / Path(path).name
    backup = None
    if target.resolve() == Path(path).resolve():
        backup = Path(path + ".bak")
        output.write_atomic(backup, source.text.encode("utf-8"))
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
