"""One type for every problem baocao reports, whatever stage found it."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from baocao.core import messages

Loc = tuple[str | int, ...]


class Severity(enum.IntEnum):
    """How bad a finding is; errors stop a build, warnings do not."""

    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        """Lower-case English name, as printed and exported."""
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Finding:
    """A problem in one input file, located at a line and column (1-based).

    The text is not stored: ``message`` and ``hint`` render it from the
    catalogue in :mod:`baocao.core.messages`, in the language asked for.
    """

    path: str
    line: int
    col: int
    code: str
    loc: Loc = field(default=(), compare=False)
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    quote: str | None = field(default=None, compare=False)  # the text of the line, as the file was read
    cell: str | None = field(default=None, compare=False)  # in a workbook: the cell ('Mẫu 01'!C7), not a line

    @property
    def place(self) -> str:
        """Where it is, as printed after the file's name: ``12:5``, or a workbook's cell ``'Mẫu 01'!C7``."""
        return self.cell if self.cell is not None else f"{self.line}:{self.col}"

    @property
    def severity(self) -> Severity:
        """Error or warning, fixed by the code."""
        return Severity.WARNING if messages.is_warning(self.code, self.params) else Severity.ERROR

    @property
    def name(self) -> str:
        """The dotted name of the code, e.g. ``schema.unknown_key``."""
        return messages.name(self.code)

    def message(self, lang: str = "vi") -> str:
        """What is wrong, in plain words."""
        return messages.render(self.code, "message", lang, self.params)

    def hint(self, lang: str = "vi") -> str:
        """How to fix it; may be empty."""
        return messages.render(self.code, "hint", lang, self.params)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """Plain types only, for JSON."""
        return {
            "path": messages.shown(self.path),
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "cell": self.cell,
            **({"cell_text": self.quote} if self.cell is not None else {}),
            "loc": ".".join(str(part) for part in self.loc),
            "message": self.message(lang),
            "hint": self.hint(lang),
        }


def has_errors(findings: list[Finding]) -> bool:
    """True when any finding is an error."""
    return any(f.severity is Severity.ERROR for f in findings)


@dataclass(frozen=True)
class Issue:
    """A problem a check found, before it is placed on a line: a code, the place in the data, what explains it."""

    code: str
    loc: Loc
    params: dict[str, Any] = field(default_factory=dict)
    snippet: str | None = None
    """Words inside a text value the issue concerns; the finding is placed where they are written."""
    offset: int = 0
    """Where in ``snippet`` the number to correct stands: the finding's column moves on by as many characters."""
