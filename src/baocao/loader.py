"""Read a unit's YAML safely: bytes -> text -> plain data with positions.

Every scalar stays the text the user wrote (no implicit typing: ``No`` stays
"No", ``0255`` stays "0255", ``1.000`` stays "1.000"); the schema types it
later. The data is built from the parser's event stream with an explicit
stack, so depth is checked before anything recurses, and aliases, anchors,
tags and duplicate keys are refused where they stand.
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from baocao.findings import Finding, Loc

MAX_BYTES = 32 * 1024 * 1024  # a rolled-up province of 3,321 communes is about 5 MiB
MAX_DEPTH = 40
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
FORBIDDEN = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")  # control characters and tabs

Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml from 0.2.6 stops at 1,000 levels while scanning ahead, before any event reaches the
# depth check below; such a file is read again by the pure-Python parser, which has no limit of
# its own, so the check names the same place whichever parser is installed.
LIBYAML_DEPTH_PROBLEM = "maximum nesting depth"


@dataclass
class Source:
    """A loaded file: its text, its data and where every value stands."""

    path: str
    text: str
    data: Any = None
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Loc, key: bool = False) -> tuple[int, int]:
        """Line and column of ``loc``, or of its nearest located parent."""
        table = self.key_marks if key else self.marks
        for size in range(len(loc), -1, -1):
            where = table.get(loc[:size]) or self.marks.get(loc[:size])
            if where:
                return where
        return (1, 1)


def read(path: str) -> tuple[Source, list[Finding]]:
    """Read and parse ``path`` ("-" is standard input). OSError propagates."""
    if path == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        shown = "<stdin>"
    else:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        shown = path
    return parse(raw, shown)


def parse(raw: bytes, path: str) -> tuple[Source, list[Finding]]:
    """Decode, check and compose ``raw``; findings say what stopped it."""
    if len(raw) > MAX_BYTES:
        size = f"> {MAX_BYTES // 1024 // 1024} MiB"
        limit = f"{MAX_BYTES // 1024 // 1024} MiB"
        return Source(path, ""), [Finding(path, 1, 1, "BC007", params={"size": size, "limit": limit})]
    text, finding = _decode(raw, path)
    source = Source(path, text)
    if finding:
        return source, [finding]
    findings = _check_characters(source)
    if findings:
        return source, findings
    return source, _compose(source)


def _decode(raw: bytes, path: str) -> tuple[str, Finding | None]:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(raw, "utf-16", path)
    elif len(raw) >= 2 and raw[0] and not raw[1]:
        return _utf16(raw, "utf-16-le", path)
    elif len(raw) >= 2 and raw[1] and not raw[0]:
        return _utf16(raw, "utf-16-be", path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - raw.rfind(b"\n", 0, exc.start)
        return "", Finding(path, line, col, "BC001")
    return unicodedata.normalize("NFC", text), None


def _utf16(raw: bytes, codec: str, path: str) -> tuple[str, Finding | None]:
    try:
        return unicodedata.normalize("NFC", raw.decode(codec)), None
    except UnicodeDecodeError:
        return "", Finding(path, 1, 1, "BC001")


def _check_characters(source: Source) -> list[Finding]:
    findings = []
    for match in FORBIDDEN.finditer(source.text):
        char, offset = match.group(), match.start()
        line = source.text.count("\n", 0, offset) + 1
        col = offset - source.text.rfind("\n", 0, offset)
        params = {} if char == "\t" else {"char": f"U+{ord(char):04X}"}
        findings.append(Finding(source.path, line, col, "BC009" if char == "\t" else "BC008", params=params))
        if len(findings) == 50:
            break
    return findings


@dataclass
class _Frame:
    """An open mapping or sequence while the event stream is walked."""

    container: dict[str, Any] | list[Any]
    loc: Loc
    key: str | None = None
    key_lines: dict[str, int] = field(default_factory=dict)


def _compose(source: Source, parser: Any = None) -> list[Finding]:
    loader = (parser or Parser)(source.text)
    try:
        return _walk(loader, source)
    except yaml.MarkedYAMLError as exc:
        if LIBYAML_DEPTH_PROBLEM in (exc.problem or "") and parser is None and Parser is not yaml.SafeLoader:
            source.data, source.marks, source.key_marks = None, {}, {}
            return _compose(source, yaml.SafeLoader)
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (exc.problem or exc.context or "").strip()
        return [Finding(source.path, line, col, "BC002", params={"problem": problem})]
    except yaml.YAMLError as exc:
        return [Finding(source.path, 1, 1, "BC002", params={"problem": str(exc).strip()})]
    finally:
        loader.dispose()


def _walk(loader: Any, source: Source) -> list[Finding]:
    stack: list[_Frame] = []
    documents = 0
    path = source.path
    while True:
        event = loader.get_event()
        where = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.StreamEndEvent):
            break
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                return [Finding(path, *where, "BC011")]
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return [Finding(path, *where, "BC004")]
        if getattr(event, "tag", None) and not isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            return [Finding(path, *where, "BC005", params={"tag": event.tag})]
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
        if isinstance(event, yaml.ScalarEvent):
            value: Any = None if _plain(event) and event.value in NULLS else event.value
        elif len(stack) >= MAX_DEPTH:
            return [Finding(path, *where, "BC006", params={"limit": MAX_DEPTH})]
        else:
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        problem = _place(stack, source, value, where, event)
        if problem:
            return [problem]
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            parent_loc = stack[-1].loc if stack else ()
            loc = (*parent_loc, _last_key(stack)) if stack else ()
            stack.append(_Frame(value, loc))
    return [] if isinstance(source.data, dict) else [Finding(path, 1, 1, "BC010")]


def _plain(event: Any) -> bool:
    """True for an unquoted scalar (the C and Python parsers mark it differently)."""
    return not event.style


def _last_key(stack: list[_Frame]) -> str | int:
    """The key or index under which the value just placed in the top frame sits."""
    frame = stack[-1]
    if isinstance(frame.container, list):
        return len(frame.container) - 1
    return next(reversed(frame.container))


def _place(stack: list[_Frame], source: Source, value: Any, where: tuple[int, int], event: Any) -> Finding | None:
    """Put ``value`` where the stream says; None, or the finding that stops the walk."""
    if not stack:
        source.data = value
        source.marks[()] = where
        return None
    frame = stack[-1]
    if isinstance(frame.container, list):
        frame.container.append(value)
        source.marks[(*frame.loc, len(frame.container) - 1)] = where
        return None
    if frame.key is None:
        if not isinstance(event, yaml.ScalarEvent):
            return Finding(source.path, *where, "BC002", params={"problem": "a key must be plain text"})
        key = event.value
        if key == "<<" and _plain(event):
            return Finding(source.path, *where, "BC004")
        if key in frame.key_lines:
            return Finding(source.path, *where, "BC003", params={"key": key, "first_line": frame.key_lines[key]})
        frame.key = key
        frame.key_lines[key] = where[0]
        source.key_marks[(*frame.loc, key)] = where
        return None
    frame.container[frame.key] = value
    source.marks[(*frame.loc, frame.key)] = where
    frame.key = None
    return None
