"""Exceptions and exit codes; only the CLI turns them into output."""

from __future__ import annotations

import enum
from typing import Any

from baocao.core.findings import Finding
from baocao.core.messages import Phrase


class ExitCode(enum.IntEnum):
    """Process exit codes, the same for every command."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3


class BaocaoError(Exception):
    """Base of every error baocao raises on purpose."""

    exit_code = ExitCode.USAGE


class UserError(BaocaoError):
    """The command cannot run as asked (missing file, bad option, unsafe output path).

    ``key`` names the message in :data:`baocao.messages.USAGE`, said in the language
    the user asked for; any other text is said as it is.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.phrase = Phrase(key, params)
        super().__init__(self.phrase.text("en"))

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.phrase.text(lang)


class InputError(BaocaoError, ValueError):
    """The input has error findings; nothing was written."""

    exit_code = ExitCode.FINDINGS

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} finding(s)")
        self.findings = findings
