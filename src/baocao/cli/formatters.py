"""Findings as text for people (rich, coloured on a terminal), JSON, or GitHub annotations."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from itertools import groupby
from typing import IO, Any

from baocao.core.findings import Finding, Severity
from baocao.core.messages import shown


def color(stream: IO[str]) -> bool:
    """Colour on a terminal, unless NO_COLOR is set to anything but empty (no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _snippet(finding: Finding, lines: dict[str, list[str]]) -> list[str]:
    text = lines.get(finding.path, [])
    if finding.cell is not None:
        return [f"        | {line}" for line in (finding.quote or "").splitlines()[:3]]
    if finding.quote is not None:
        line = finding.quote
    elif 0 < finding.line <= len(text):
        line = text[finding.line - 1].rstrip("\n")
    else:
        return []
    return [f"   {finding.line:>4} | {shown(line)}", "        | " + " " * (finding.col - 1) + "^"]


def _label(finding: Finding, lang: str) -> str:
    if finding.severity is Severity.WARNING:
        return "cảnh báo" if lang == "vi" else "warning"
    return "lỗi" if lang == "vi" else "error"


def text(findings: Sequence[Finding], lines: dict[str, list[str]], lang: str, stream: IO[str], color: bool) -> None:
    """Findings grouped by file, each with the offending line and a marker under the column."""
    if not color:  # the same lines, written as they are: rich's rendering took 1 ms a finding
        plain(findings, lines, lang, stream)
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True)
    for path, group in groupby(sorted(findings), key=lambda f: shown(f.path)):
        console.print(f"[bold]{escape(path)}[/bold]")
        for finding in group:
            style = "red" if finding.severity is Severity.ERROR else "yellow"
            label = _label(finding, lang)
            head = f"{escape(path)}:{escape(finding.place)}: [{style}]{label}[/{style}] {finding.code}"
            console.print(f"{head} {escape(finding.message(lang))}")
            for line in _snippet(finding, lines):
                console.print(escape(line), style="dim")
            hint = finding.hint(lang)
            if hint:
                console.print(f"        [cyan]→[/cyan] {escape(hint)}")


def plain(findings: Sequence[Finding], lines: dict[str, list[str]], lang: str, stream: IO[str]) -> None:
    """The text findings without colour: the lines :func:`text` prints, written directly."""
    out: list[str] = []
    for path, group in groupby(sorted(findings), key=lambda f: shown(f.path)):
        out.append(path)
        for finding in group:
            head = f"{path}:{finding.place}: {_label(finding, lang)} {finding.code}"
            out.append(f"{head} {finding.message(lang)}")
            out += _snippet(finding, lines)
            hint = finding.hint(lang)
            if hint:
                out.append(f"        → {hint}")
    stream.write("".join(line + "\n" for line in out))


def as_json(findings: Sequence[Finding], lines: dict[str, list[str]], lang: str, stream: IO[str], color: bool) -> None:
    """A JSON list of findings."""
    del lines, color
    json.dump([f.to_dict(lang) for f in sorted(findings)], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def github(findings: Sequence[Finding], lines: dict[str, list[str]], lang: str, stream: IO[str], color: bool) -> None:
    """GitHub Actions workflow commands: ::error file=…,line=…,col=…::message, escaped as the runner reads them."""
    del lines, color
    for f in sorted(findings):
        message = escape_data(f"{f.code} {f.message(lang)} {f.hint(lang)}".strip())
        # a workbook has no lines: the cell is named in the title
        where = f"title={escape_property(shown(f.cell))}" if f.cell is not None else f"line={f.line},col={f.col}"
        stream.write(f"::{f.severity.label} file={escape_property(shown(f.path))},{where}::{message}\n")


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, and also : and , which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


FORMATTERS: dict[str, Callable[[Sequence[Finding], dict[str, list[str]], str, IO[str], bool], None]] = {
    "text": text,
    "json": as_json,
    "github": github,
}


class Progress:
    """A progress bar on a terminal; nothing elsewhere."""

    def __init__(self, total: int, stream: IO[str], label: str = "baocao validate") -> None:
        self.bar: Any = None
        if total > 1 and stream.isatty():
            from rich.console import Console
            from rich.progress import Progress as Bar

            self.bar = Bar(console=Console(file=stream, no_color=not color(stream)), transient=True)
            self.task = self.bar.add_task(label, total=total)

    def __enter__(self) -> Progress:
        if self.bar:
            self.bar.start()
        return self

    def advance(self) -> None:
        """One more file done."""
        if self.bar:
            self.bar.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()


SUMMARY_ROWS = 30  # files named in the summary table; the others are one row of their sums


def summary(results: Sequence[tuple[str, int, int]], lang: str, stream: IO[str], color: bool) -> None:
    """A table of the files with findings (those with errors first), and the totals of the batch.

    A batch where every file has a finding (a folder of files by topic, each refused): past :data:`SUMMARY_ROWS` files
    the rest are one row, "… N more files", with their errors and warnings summed (each finding is
    printed above the table all the same).
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    vi = lang == "vi"
    table = Table(title="Tổng hợp" if vi else "Summary", show_footer=True)
    failing = [row for row in results if row[1]] + [row for row in results if row[2] and not row[1]]
    if len(failing) > SUMMARY_ROWS:
        rest = failing[SUMMARY_ROWS - 1 :]
        label = f"… {len(rest)} {'tệp khác' if vi else 'more files'}"
        failing = [*failing[: SUMMARY_ROWS - 1], (label, sum(r[1] for r in rest), sum(r[2] for r in rest))]
    errors = sum(row[1] for row in results)
    warnings = sum(row[2] for row in results)
    table.add_column("Tệp" if vi else "File", footer=f"{len(results)} {'tệp' if vi else 'files'}")
    table.add_column("Lỗi" if vi else "Errors", justify="right", footer=str(errors))
    table.add_column("Cảnh báo" if vi else "Warnings", justify="right", footer=str(warnings))
    for path, file_errors, file_warnings in failing:
        table.add_row(escape(shown(path)), str(file_errors), str(file_warnings))
    Console(file=stream, force_terminal=color, no_color=not color, highlight=False).print(table)


def build_summary(total: int, failed: Sequence[tuple[str, str]], lang: str, stream: IO[str]) -> None:
    """What a batch build made, and each file that failed with why, one to a line (never cut)."""
    vi = lang == "vi"
    done = total - len(failed)
    stream.write(f"{done}/{total} {'báo cáo đã tạo' if vi else 'reports built'}.\n")
    if failed:
        stream.write(("Không tạo được:" if vi else "Not built:") + "\n")
        for source, reason in failed:
            stream.write(f"  {shown(source)}: {reason}\n")
