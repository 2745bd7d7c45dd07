"""The same quantity stated twice in one file must agree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baocao.blocks import REGISTRY
from baocao.blocks.base import key_of
from baocao.core.findings import Issue, Loc
from baocao.report import Report


def repeated_keys(report: Report) -> Iterator[Issue]:
    """A key names one quantity: stated again, it must carry the same values (what its type says it states)."""
    seen: dict[str, tuple[Loc, tuple[Any, ...]]] = {}
    for loc, block in report.blocks():
        key = key_of(block.value)
        stated = REGISTRY[block.kind].stated
        if not key or stated is None:
            continue
        values = (block.kind, *stated(block.value))
        if key in seen and seen[key][1] != values:
            first = ".".join(str(part) for part in seen[key][0])
            yield Issue("BC501", (*loc, "key"), {"key": key, "first": first})
        seen.setdefault(key, (loc, values))


CHECKS = (repeated_keys,)
