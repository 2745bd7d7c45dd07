"""What a check yields: a code, the place in the data, and the values to explain it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from baocao.core import vietnamese as vn
from baocao.core.findings import Loc


@dataclass(frozen=True)
class Issue:
    """A problem found by a check, before it is placed on a line."""

    code: str
    loc: Loc
    params: dict[str, Any] = field(default_factory=dict)
    snippet: str | None = None
    """Words inside a text value the issue concerns; the finding is placed where they are written."""


def shown(value: Decimal | int) -> str:
    """A number as the report would print it."""
    return vn.number(value)
