"""``baocao import``: filled forms (workbooks) read back into unit files in the sections format.

Each workbook goes through the pipeline ``validate`` runs (read -> schema -> checks), its
findings at their cells; a workbook with an error writes nothing. What is written is the
unit's data as the form gave it, as YAML, read back before it is said to be written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from baocao.commands.files import is_workbook, load
from baocao.core import yamlout
from baocao.core.errors import UserError
from baocao.core.findings import Finding, has_errors
from baocao.load import source as loader
from baocao.outline import schema_reference
from baocao.write import guard, output

FIRST_LINE = "# Nhập từ biểu mẫu"
"""How a unit file ``import`` wrote begins: written again without --force, unlike a file of the clerk's."""


@dataclass
class Imported:
    """The outcome of one workbook: the file written (None when it had errors) and its findings."""

    source: str
    target: Path | None
    findings: list[Finding] = field(default_factory=list)


def targets(files: list[str], out: str | None) -> list[Path]:
    """Where each workbook's unit file goes: beside it, or in the folder ``out``, or ``out`` for one workbook."""
    for name in files:
        if not is_workbook(name):
            raise UserError("import_needs_workbook", path=name)
    folder = out is not None and (len(files) > 1 or Path(out).is_dir() or out.endswith(("/", os.sep)))
    if out is not None and not folder and Path(out).suffix.lower() not in (".yaml", ".yml"):
        raise UserError("import_needs_yaml", path=out)
    places = [
        Path(out) / f"{Path(name).stem}.yaml"
        if folder and out
        else Path(out)
        if out
        else Path(name).with_suffix(".yaml")
        for name in files
    ]
    guard.plan(zip(files, places, strict=True), guard.Reads(files, main=False))
    return places


def import_each(files: list[str], out: str | None, force: bool) -> Iterator[Imported]:
    """Each workbook read, checked and, when it has no error, written as a unit file."""
    places = targets(files, out)
    reads = guard.Reads(files, main=len(files) == 1)
    for place in places:  # every output checked before the first is written
        reads.check(place, force, guard.yaml_by(FIRST_LINE))
    if out is not None and len(places) > 1:
        Path(out).mkdir(parents=True, exist_ok=True)
    for name, place in zip(files, places, strict=True):
        loaded = load(name, template=False)
        if loaded.report is None or has_errors(loaded.findings):
            yield Imported(name, None, loaded.findings)
            continue
        text = _text(loaded.source.data, name, place)
        _, problems = loader.parse(text.encode("utf-8"), str(place))
        if has_errors(problems):  # what baocao writes, its loader reads: an error here is baocao's own fault
            raise AssertionError(f"import wrote YAML its loader refuses: {problems[0]}")
        output.write_atomic(place, text.encode("utf-8"))
        yield Imported(name, place, loaded.findings)


def _text(data: object, name: str, place: Path) -> str:
    schema = schema_reference(place.parent)
    head = [
        f"{FIRST_LINE} {Path(name).name} (baocao import). Sửa số liệu trong biểu mẫu rồi nhập lại,",
        "# hoặc sửa trực tiếp tệp này; `baocao validate` kiểm tra, `baocao build` tạo báo cáo DOCX.",
        f"# yaml-language-server: $schema={schema}",
        "",
    ]
    return "\n".join(head) + yamlout.dump(data)
