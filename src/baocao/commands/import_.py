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
from baocao.write import output


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
    seen: dict[Path, str] = {}
    for name, place in zip(files, places, strict=True):
        key = place.resolve()
        if key in seen:
            raise UserError("import_same_output", first=seen[key], second=name, path=place)
        seen[key] = name
    return places


def import_each(files: list[str], out: str | None, force: bool) -> Iterator[Imported]:
    """Each workbook read, checked and, when it has no error, written as a unit file."""
    places = targets(files, out)
    for place in places:
        if place.exists() and not force:
            raise UserError("exists_use_force", path=place)
    if out is not None and len(places) > 1:
        Path(out).mkdir(parents=True, exist_ok=True)
    for name, place in zip(files, places, strict=True):
        loaded = load(name, template=False)
        if loaded.report is None or has_errors(loaded.findings):
            yield Imported(name, None, loaded.findings)
            continue
        output.check_target(place, [name])
        text = _text(loaded.source.data, name, place)
        _, problems = loader.parse(text.encode("utf-8"), str(place))
        if has_errors(problems):  # what baocao writes, its loader reads: an error here is baocao's own fault
            raise AssertionError(f"import wrote YAML its loader refuses: {problems[0]}")
        output.write_atomic(place, text.encode("utf-8"))
        yield Imported(name, place, loaded.findings)


def _text(data: object, name: str, place: Path) -> str:
    schema = schema_reference(place.parent)
    head = [
        f"# yaml-language-server: $schema={schema}",
        "#",
        f"# Nhập từ biểu mẫu {Path(name).name} (baocao import). Sửa số liệu trong biểu mẫu rồi nhập lại,",
        "# hoặc sửa trực tiếp tệp này; `baocao validate` kiểm tra, `baocao build` tạo báo cáo DOCX.",
        "",
    ]
    return "\n".join(head) + yamlout.dump(data)
