"""Read a unit's YAML safely: bytes -> text -> plain data with positions.

Every scalar stays the text the user wrote (no implicit typing: ``No`` stays
"No", ``0255`` stays "0255", ``1.000`` stays "1.000"); the schema types it
later. The data is built from the parser's event stream with an explicit
stack, so depth is checked before anything recurses, and aliases, anchors,
tags and duplicate keys are refused where they stand.
"""

from __future__ import annotations

import codecs
import dataclasses
import errno
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from baocao.core.findings import Finding, Loc
from baocao.load import syntax

MAX_BYTES = 32 * 1024 * 1024  # a rolled-up province of 3,321 communes is about 5 MiB
MAX_DEPTH = 40
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
FORBIDDEN = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")  # control characters and tabs
# In a value (written as a YAML escape such as "\x01"): what a DOCX cannot hold; a tab can.
FORBIDDEN_IN_VALUE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
COMMENT_IN_TEXT = re.compile("[ ]#|[ ]+#[^\\s#!]")  # right after a plain value: ` #`, `   #x`
SWALLOWED_KEY = re.compile(r"\s[a-z_]+: ")  # "… Tịnh Hà date: 05/01/2024": keys inside a quoted value
BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a line break
ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
SIMPLE_ESCAPES = {"0": "\x00", "a": "\x07", "b": "\x08", "v": "\x0b", "f": "\x0c", "e": "\x1b"}
# Letters of the TCVN3 (ABC) and VNI fonts that Vietnamese text never has: "Thùc hiÖn", "Thöïc hieän".
LEGACY_FONT = re.compile(
    "[A-Za-z][A-Za-z\u00c0-\u00ff]*[\u00a8-\u00ae\u00b5-\u00be\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe][A-Za-z\u00a8-\u00ff]*"
)
FOOTNOTE = "\u00b9"
""""¹" at the end of a word is a footnote mark ("sửa đổi¹"), not the "ạ" TCVN3 writes inside one ("h¹n")."""


LEGACY_LETTER = re.compile(
    "[\u00a8-\u00ae\u00b5-\u00be\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe]"
)  # the letters LEGACY_FONT needs one of: a value without any is not looked at further
WORD = re.compile("[A-Za-z\u00a8-\u00ff]+")  # the runs LEGACY_FONT can match within, found in one pass
LONGEST_WORD = 40  # a word of a legacy font is short; a longer run is looked at no further (linear time)
SHORT_VALUE = 256  # a value this short is searched whole: its time is bounded by its length squared


def legacy_word(value: str) -> str | None:
    """The first word of ``value`` typed in a TCVN3 or VNI font, in time linear in its length.

    LEGACY_FONT backtracks on a long run of letters (quadratic time: 40 s for 100 KB of
    "a"); in a long value it is run on each run of letters it could match, those of a
    word's length. A footnote mark at a word's end ("sửa đổi¹") is not a letter of those fonts.
    """
    if not LEGACY_LETTER.search(value):
        return None
    if len(value) <= SHORT_VALUE:
        found = (match.group() for match in LEGACY_FONT.finditer(value))
    else:
        runs = (word.group() for word in WORD.finditer(value) if len(word.group()) <= LONGEST_WORD)
        found = (match.group() for run in runs for match in LEGACY_FONT.finditer(run))
    for word in found:
        if not word.endswith(FOOTNOTE) or LEGACY_FONT.search(word.rstrip(FOOTNOTE)):
            return word
    return None


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
    long_quote: tuple[int, int, int] | None = None  # a quoted value over several lines that holds "key: " text
    cells: list[tuple[str, str]] | None = None
    """For a workbook: the cell each line stands for, (name, text shown), line n being ``cells[n - 1]``."""
    made_from: str | None = None
    """For a workbook: the digest of the đề cương its form was made from (a form of another version is refused)."""

    def locate(self, loc: Loc, key: bool = False) -> tuple[int, int]:
        """Line and column of ``loc``, or of its nearest located parent."""
        table = self.key_marks if key else self.marks
        for size in range(len(loc), -1, -1):
            where = table.get(loc[:size]) or self.marks.get(loc[:size])
            if where:
                return where
        return (1, 1)


def read(path: str) -> tuple[Source, list[Finding]]:
    """Read and parse ``path`` ("-" is standard input). OSError propagates.

    The size is checked before reading, and only regular files are read: a
    device (``/dev/zero``) or a pipe is refused rather than read without end.
    """
    if path == "-":
        return parse(sys.stdin.buffer.read(MAX_BYTES + 1), "<stdin>")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file: a device, pipe or socket", path)
        if info.st_size > MAX_BYTES:
            return Source(path, ""), [_too_large(path, f"{info.st_size / 1024 / 1024:.1f} MiB")]
        raw = handle.read(MAX_BYTES + 1)
    return parse(raw, path)


def _too_large(path: str, size: str) -> Finding:
    return Finding(path, 1, 1, "BC007", params={"size": size, "limit": f"{MAX_BYTES // 1024 // 1024} MiB"})


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based) of ``offset``, counting line breaks as YAML does."""
    line, start = 1, 0
    for match in BREAKS.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


def quote(source: Source, findings: list[Finding]) -> list[Finding]:
    """The findings of ``source`` with the text of the line each names, from the text as read.

    A workbook's findings name their cell instead, with the text it shows; where reading the
    cell found an error, what the schema and checks say of that same cell is left out (a fix
    computed from a value that is already wrong would mislead).
    """
    if source.cells is not None:
        return _in_cells(source, findings)
    wanted = {f.line for f in findings if f.path == source.path and f.quote is None}
    if not wanted or not source.text:
        return findings
    texts: dict[int, str] = {}
    last, line, start = max(wanted), 1, 0
    for match in BREAKS.finditer(source.text):
        if line in wanted:
            texts[line] = source.text[start : match.start()]
        line, start = line + 1, match.end()
        if line > last:
            break
    else:
        if line in wanted:
            texts[line] = source.text[start:]
    return [
        dataclasses.replace(f, quote=texts[f.line]) if f.path == source.path and f.line in texts else f
        for f in findings
    ]


def _in_cells(source: Source, findings: list[Finding]) -> list[Finding]:
    cells = source.cells or []
    placed = [
        dataclasses.replace(f, cell=cells[f.line - 1][0], quote=cells[f.line - 1][1], params=_in_cell(f))
        if f.path == source.path and f.cell is None and 0 < f.line <= len(cells)
        else f
        for f in findings
    ]
    wrong = {f.cell for f in placed if f.cell and f.code.startswith("BC7") and f.severity.name == "ERROR"}
    return [f for f in placed if f.code.startswith("BC7") or f.cell not in wrong or f.cell is None]


IN_CELLS = {"BC101": "cell", "BC604": "cell"}
"""Codes whose words name YAML keys to add, said instead of a workbook's cell to fill."""


def _in_cell(finding: Finding) -> dict[str, Any]:
    variant = IN_CELLS.get(finding.code)
    if variant is None or finding.params.get("variant"):
        return finding.params
    return {**finding.params, "variant": variant}


def parse(raw: bytes, path: str) -> tuple[Source, list[Finding]]:
    """Decode, check and compose ``raw``; findings say what stopped it."""
    if len(raw) > MAX_BYTES:
        return Source(path, ""), [_too_large(path, f"> {MAX_BYTES // 1024 // 1024} MiB")]
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
    elif codec := _utf16_without_bom(raw):
        return _utf16(raw, codec, path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, start = 1, 0
        for brk in re.finditer(rb"\r\n|[\r\n]", raw[: exc.start]):
            line, start = line + 1, brk.end()
        return "", Finding(path, line, exc.start - start + 1, "BC001")
    return unicodedata.normalize("NFC", text), None


def _utf16_without_bom(raw: bytes) -> str | None:
    """The codec utf-16-le or utf-16-be when the first characters look like UTF-16 text without a BOM.

    A file starts with a key or a comment in ASCII, so in UTF-16 its first pair, and at
    least half of its first pairs, hold one zero byte on the same side; a NUL or a letter
    elsewhere among them does not change that, and a lone NUL in a UTF-8 file is not that.
    """
    pairs = [(raw[i], raw[i + 1]) for i in range(0, min(len(raw), 64) - 1, 2)]
    if not pairs:
        return None
    for codec, (zero, letter) in (("utf-16-le", (1, 0)), ("utf-16-be", (0, 1))):
        ascii_like = [bool(pair[letter]) and not pair[zero] for pair in pairs]
        if ascii_like[0] and sum(ascii_like) * 2 >= len(pairs):
            return codec
    return None


def _utf16(raw: bytes, codec: str, path: str) -> tuple[str, Finding | None]:
    try:
        return unicodedata.normalize("NFC", raw.decode(codec)), None
    except UnicodeDecodeError:
        return "", Finding(path, 1, 1, "BC001")


def _check_characters(source: Source) -> list[Finding]:
    findings = []
    for match in FORBIDDEN.finditer(source.text):
        char, offset = match.group(), match.start()
        line, col = position(source.text, offset)
        params = _tab_fix(source.text, offset) if char == "\t" else {"char": f"U+{ord(char):04X}"}
        findings.append(Finding(source.path, line, col, "BC009" if char == "\t" else "BC008", params=params))
        if len(findings) == 50:
            break
    return findings


def _tab_fix(text: str, offset: int) -> dict[str, str]:
    """The line of a tab as it should be written: indented with spaces as the line above is, other tabs a space."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].rstrip("\r")
    above = next((x for x in reversed(text[: max(start - 1, 0)].splitlines()) if x.strip()), "")
    indent = len(above) - len(above.lstrip(" ")) + (2 if above.rstrip().endswith(":") else 0)
    body = line.lstrip(" \t")
    fixed = (" " * indent if len(body) < len(line) else "") + body.replace("\t", " ")
    return {"variant": "line", "line": fixed.rstrip()}


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
        return [_syntax(source, exc)]
    except yaml.YAMLError as exc:
        said = syntax.Said(("YAML không đọc được tệp", str(exc).strip()))
        return [Finding(source.path, 1, 1, "BC002", params=said.params())]
    finally:
        loader.dispose()


def _syntax(source: Source, exc: yaml.MarkedYAMLError) -> Finding:
    """BC002 where the parser stopped, or where the quote it ran past opened; said with the line to write."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    word_quotes = "\u201c" in source.text or "\u201d" in source.text
    lines = BREAKS.split(source.text)
    context_line = exc.context_mark.line + 1 if exc.context_mark else line
    if exc.context_mark and "quoted scalar" in (exc.context or ""):  # an unclosed quote: where it opened
        said = syntax.unclosed(None, word_quotes)
        line, col = context_line, exc.context_mark.column + 1
    elif source.long_quote and source.long_quote[2] <= line:  # a later quote closed it: say where it opened
        said = syntax.unclosed(source.long_quote[2], word_quotes)
        line, col = source.long_quote[0], source.long_quote[1]
    else:
        text = lines[line - 1] if line <= len(lines) else ""
        around = lines[context_line - 1] if context_line <= len(lines) else ""
        said = syntax.explain(exc.problem or "", exc.context or "", text, around, col, word_quotes)
        if said.at_context and exc.context_mark:
            line, col = context_line, exc.context_mark.column + 1
    return Finding(source.path, line, col, "BC002", params=said.params())


def _walk(loader: Any, source: Source) -> list[Finding]:
    stack: list[_Frame] = []
    documents = 0
    path = source.path
    scalars = _ScalarChecks(source)
    while True:
        event = loader.get_event()
        where = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.StreamEndEvent):
            break
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                return [*scalars.notes, Finding(path, *where, "BC011")]
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return [*scalars.notes, Finding(path, *where, "BC004")]
        if getattr(event, "tag", None) and not isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            return [*scalars.notes, Finding(path, *where, "BC005", params={"tag": event.tag})]
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
        if isinstance(event, yaml.ScalarEvent):
            value: Any = None if _plain(event) and event.value in NULLS else event.value
            if stack and (isinstance(stack[-1].container, list) or stack[-1].key is not None):
                scalars.check(event)
        elif len(stack) >= MAX_DEPTH:
            return [*scalars.notes, Finding(path, *where, "BC006", params={"limit": MAX_DEPTH})]
        else:
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        problem = _place(stack, source, value, where, event)
        if problem:
            return [*scalars.notes, problem]
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            parent_loc = stack[-1].loc if stack else ()
            loc = (*parent_loc, _last_key(stack)) if stack else ()
            stack.append(_Frame(value, loc))
    return scalars.notes + ([] if isinstance(source.data, dict) else [Finding(path, 1, 1, "BC010")])


class _ScalarChecks:
    r"""What the parser accepts in a value but a report must not take silently.

    A control character written as an escape (``"a\x00b"``) is an error at the
    escape; text in the TCVN3 or VNI fonts is a warning; a comment that cuts a
    plain value short (``Trạm #1``, ``Số 5 # ghi chú``) is a warning.
    """

    def __init__(self, source: Source) -> None:
        self.source = source
        self.notes: list[Finding] = []
        self.legacy_seen = False

    def check(self, event: Any) -> None:
        value: str = event.value
        if event.style in ('"', "'") and event.end_mark.line > event.start_mark.line and SWALLOWED_KEY.search(value):
            start = event.start_mark
            self.source.long_quote = (start.line + 1, start.column + 1, event.end_mark.line + 1)
        if event.style == '"' and FORBIDDEN_IN_VALUE.search(value) and len(self.notes) < 50:
            self.notes.append(self._escape(event))
        if not self.legacy_seen and (found := legacy_word(value)):
            self.legacy_seen = True
            where = self._find(event, found)
            params = {"variant": "legacy_font", "text": found}
            self.notes.append(Finding(self.source.path, *where, "BC001", params=params))
        if not event.style and COMMENT_IN_TEXT.match(self.source.text, event.end_mark.index):
            line, col = event.end_mark.line + 1, event.end_mark.column + 1
            self.notes.append(Finding(self.source.path, line, col, "BC012", params={"value": value[-40:]}))

    def _offset(self, mark: Any) -> int:
        """Offset in the text of a parser's mark (both parsers count characters)."""
        index: int = mark.index
        return index

    def _find(self, event: Any, text: str) -> tuple[int, int]:
        start = self._offset(event.start_mark)
        found = self.source.text.find(text, start, self._offset(event.end_mark))
        return position(self.source.text, found if found >= 0 else start)

    def _escape(self, event: Any) -> Finding:
        """BC008 at the escape that wrote the first forbidden character of a double-quoted value."""
        start, end = self._offset(event.start_mark), self._offset(event.end_mark)
        char = FORBIDDEN_IN_VALUE.search(event.value)
        found = start
        for match in ESCAPE.finditer(self.source.text, start, end):
            code = match.group(1)
            decoded = SIMPLE_ESCAPES.get(code, chr(int(code[1:], 16)) if len(code) > 1 else "")
            if FORBIDDEN_IN_VALUE.match(decoded):
                found = match.start()
                break
        shown = f"U+{ord(char.group()):04X}" if char else ""
        return Finding(self.source.path, *position(self.source.text, found), "BC008", params={"char": shown})


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
            return Finding(source.path, *where, "BC002", params=syntax.KEY_NOT_TEXT.params())
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
