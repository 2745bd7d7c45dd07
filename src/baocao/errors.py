"""Exceptions and exit codes; only the CLI turns them into output."""

from __future__ import annotations

import enum

from baocao.findings import Finding


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
    """The command cannot run as asked (missing file, bad option, unsafe output path)."""


class InputError(BaocaoError, ValueError):
    """The input has error findings; nothing was written."""

    exit_code = ExitCode.FINDINGS

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} finding(s)")
        self.findings = findings
