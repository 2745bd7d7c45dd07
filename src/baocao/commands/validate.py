"""``baocao validate``: every finding of every file, over all cores for a large batch."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from baocao.commands.files import in_workers, load, workers
from baocao.core.errors import UserError
from baocao.core.findings import Finding


def findings_of(path: str, templates: Path | None = None) -> list[Finding]:
    """Every finding of one file, as validate reports them."""
    return load(path, templates).findings


def validate_each(
    files: list[str], jobs: int | None = None, templates: Path | None = None
) -> Iterator[tuple[str, list[Finding]]]:
    """Findings file by file, in order; spread over cores."""
    if templates is not None and not templates.is_dir():
        raise UserError("templates_not_folder", path=templates)
    work = partial(findings_of, templates=templates)
    yield from zip(files, in_workers(work, files, workers(files, jobs), chunksize=16), strict=True)
