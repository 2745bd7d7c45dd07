"""Findings as text for people (rich, coloured on a terminal), JSON, or GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from itertools import groupby
from typing import IO

from baocao.findings import Finding, Severity


def _snippet(finding: Finding, lines: dict[str, list[str]]) -> list[str]:
    text = lines.get(finding.path, [])
    if not 0 < finding.line <= len(text):
        return []
    line = text[finding.line - 1].rstrip("\n")
    return [f"   {finding.line:>4} | {line}", "        | " + " " * (finding.col - 1) + "^"]


def text(findings: Sequence[Finding], lines: dict[str, list[str]], lang: str, stream: IO[str], color: bool) -> None:
    """Findings grouped by file, each with the offending line and a marker under the column."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True)
    for path, group in groupby(sorted(findings), key=lambda f: f.path):
        console.print(f"[bold]{escape(path)}[/bold]")
        for finding in group:
            style = "red" if finding.severity is Severity.ERROR else "yellow"
            label = "lỗi" if lang == "vi" else "error"
            if finding.severity is Severity.WARNING:
                label = "cảnh báo" if lang == "vi" else "warning"
            head = f"{escape(path)}:{finding.line}:{finding.col}: [{style}]{label}[/{style}] {finding.code}"
            console.print(f"{head} {escape(finding.message(lang))}")
            for line in _snippet(finding, lines):
                console.print(escape(line), style="dim")
            hint = finding.hint(lang)
            if hint:
                console.print(f"        [cyan]→[/cyan] {escape(hint)}")


def as_json(findings: Sequence[Finding], lines: dict[str, list[str]], lang: str, stream: IO[str], color: bool) -> None:
    """A JSON list of findings."""
    del lines, color
    json.dump([f.to_dict(lang) for f in sorted(findings)], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def github(findings: Sequence[Finding], lines: dict[str, list[str]], lang: str, stream: IO[str], color: bool) -> None:
    """GitHub Actions workflow commands: ::error file=…,line=…,col=…::message."""
    del lines, color
    for f in sorted(findings):
        message = f"{f.code} {f.message(lang)} {f.hint(lang)}".strip().replace("%", "%25").replace("\n", "%0A")
        stream.write(f"::{f.severity.label} file={f.path},line={f.line},col={f.col}::{message}\n")


FORMATTERS: dict[str, Callable[[Sequence[Finding], dict[str, list[str]], str, IO[str], bool], None]] = {
    "text": text,
    "json": as_json,
    "github": github,
}
