"""A file written by topic (the format before sections): read as before, and said to be upgraded.

Such a file puts its text in ``narrative:`` and its values in ``figures:``,
``indicators:``… for the template of ``document.kind`` to place; ``baocao
upgrade`` rewrites it as the unit's own sections. The warning stands at the
first key of that format in the file, with the command that rewrites it.
"""

from __future__ import annotations

from baocao.core.findings import Finding
from baocao.load.source import Source
from baocao.models import Report

OLD_KEYS = ("narrative", "citations", "figures", "indicators", "targets", "teams", "public_services", "radio", "budget")


def by_topic(report: Report) -> bool:
    """True for a file written by topic (narrative, figures… placed by a template) rather than as sections."""
    if report.sections or report.rollup is not None:  # a file rollup writes is not for a person to upgrade
        return False
    return any(_holds(report, key) for key in OLD_KEYS)


def _holds(report: Report, key: str) -> bool:
    if key == "narrative":
        return any(report.narrative.model_dump(exclude_none=True).values())
    return bool(getattr(report, key))


def findings(report: Report, source: Source) -> list[Finding]:
    """BC013 at the first key of the format by topic that holds something, in the order the file is written."""
    if not by_topic(report) or not isinstance(source.data, dict):
        return []
    key = next((k for k in source.data if k in OLD_KEYS and _holds(report, k)), None)
    if key is None:  # pragma: no cover - by_topic found one of these keys holding something
        return []
    line, col = source.locate((key,), key=True)
    return [Finding(source.path, line, col, "BC013", (key,), {"key": key, "file": source.path})]
