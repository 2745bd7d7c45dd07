"""``baocao rollup``: the units' files validated, then combined into the data of the level above."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from baocao.commands.files import in_workers, load, outline_file, valid, workers
from baocao.core.errors import UserError
from baocao.core.findings import Finding, has_errors
from baocao.core.messages import Phrase, os_reason
from baocao.load.source import MAX_BYTES
from baocao.outline import is_path
from baocao.report import Report
from baocao.rollup import combine, units
from baocao.write import guard, output


@dataclass
class RollupResult:
    """What rollup produced, and what it has to say about its inputs."""

    target: Path | None
    files: list[tuple[str, list[Finding]]]
    skipped: list[tuple[str, str, str]]
    """Units received with errors: (the unit's name, the codes of its errors, its file)."""
    missing: list[str]
    problems: list[Phrase]


def read_unit(path: str) -> units.UnitData:
    """Load and check one unit; keep its typed data as plain JSON types (cheap to pass between processes)."""
    loaded = load(path)
    if loaded.report is None or has_errors(loaded.findings):
        header = loaded.report.document.model_dump() if loaded.report is not None else loaded.source.data
        return units.UnitData(path, None, loaded.findings, units.unit_name(header, path))
    return units.UnitData(path, units.dumped(loaded.report, loaded.source.text), loaded.findings)


def read_units(files: list[str], jobs: int | None = None) -> Iterator[units.UnitData]:
    """Every input, in order, over all cores for a large batch."""
    yield from in_workers(read_unit, files, workers(files, jobs), chunksize=32)


def rollup_units(
    files: list[str],
    unit_file: str,
    out: str,
    skip_invalid: bool = False,
    expect: str | None = None,
    jobs: int | None = None,
    include_rollups: bool = False,
    force: bool = False,
) -> RollupResult:
    """Validate every input, then write the combined data of the level above to ``out``.

    ``out`` is never a file read (an input, the --unit file, --expect, a đề cương) nor a
    device; a file there that rollup did not write is replaced only with ``force``.
    """
    target = guard.target(out, Path(unit_file))
    reads = guard.Reads([*files, unit_file, expect], main=False)  # an output among them: "one of the inputs"
    reads.check(target, force, guard.yaml_by(*units.MARKS))
    own_report = valid(unit_file, blanks=True)
    own = units.dumped(own_report)
    own["_compiles"] = combine.compiled(own, unit_file)
    expected = _expected(expect) if expect else []
    files = [f for f in files if not output.same_file(f, unit_file)]  # the level above is not one of its units
    read = list(read_units(files, jobs))
    per_file = [(unit.file, unit.findings) for unit in read]
    invalid = [unit for unit in read if unit.data is None]
    skipped = [(unit.name, units.error_codes(unit.findings), unit.file) for unit in invalid]
    refusals = units.problems(read, own, include_rollups, unit_file)
    absent = units.missing(read, expected)
    if refusals or (invalid and not skip_invalid) or not any(unit.data for unit in read):
        return RollupResult(
            None, per_file, skipped, absent, refusals or ([Phrase("no_valid_input")] if not invalid else [])
        )
    named = {_where_named(u.data["document"].get("outline"), u.file) for u in read if u.data is not None}
    outlines = {outline_file(own_report, unit_file), *(outline_file(None, near, name) for name, near in named)}
    reads.add(outlines).check(target, force, guard.yaml_by(*units.MARKS))  # nor the đề cương of any unit
    combined = combine.combine(own, [u for u in read if u.data is not None], skipped, absent, unit_file)
    combine.moved_outline(combined, unit_file, target)
    problem = _not_valid(combined)
    if problem is not None:  # a sum past what a report holds: said here, never written as a file that fails
        return RollupResult(None, per_file, skipped, absent, [Phrase(problem.key, {**problem.params, "path": target})])
    rolled = sum(1 for unit in read if unit.data is not None)  # those left out with --skip-invalid are not counted
    output.write_atomic(target, combine.to_yaml(combined, rolled).encode("utf-8"))
    return RollupResult(target, per_file, skipped, absent, [])


def _where_named(name: str | None, unit: str) -> tuple[str | None, str]:
    """An outline's name and where it is looked for from: a path from the unit's folder, an id from anywhere."""
    return name, str(Path(unit).parent / "unit") if name is not None and is_path(name) else ""


def _not_valid(data: dict[str, Any]) -> Phrase | None:
    """Why the rolled-up data would not validate as a report (a sum past 15 digits), or None.

    Typed as the file would be read back (its text values), without writing or parsing it.
    """
    try:
        Report.model_validate(combine.plain(data))
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        return Phrase("rollup_not_valid", {"where": where, "value": str(error.get("input"))[:40]})
    return None


def _expected(path: str) -> list[str]:
    try:
        if not Path(path).is_file():
            raise OSError(0, "not a regular file")
        with Path(path).open("rb") as stream:  # at most the size of a file baocao reads, however large it is
            lines = stream.read(MAX_BYTES).decode("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise UserError("expect_unreadable", path=path, reason=os_reason(exc)) from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
