"""Write plain data (mappings, lists, text, integers, booleans, None) as block-style YAML.

PyYAML's representer walks every value in Python and asks its resolver about
each; a rolled-up province of 3,321 units (half a million values) took
seconds that way. This writer decides once per distinct text how to write it
and joins lines. Text is written plain where YAML reads it back as the same
text, as a literal block when it has several lines that a block keeps,
single-quoted when it is one line of printable characters, and double-quoted
with escapes otherwise, so that any YAML reader gets the same data back.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import yaml

_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
# What a plain scalar in block context may start with and hold (the flow indicators only not first).
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*(?<!\s)|[-?:][^\s,\[\]{}][^\n]*(?<!\s)")
_UNSAFE_PLAIN = re.compile(r": |:$| #")
# Characters a YAML stream may not hold as they are, or that YAML reads as a line break.
_ESCAPE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_MAX_KEY = 1000  # YAML limits an implicit key to 1,024 characters


def dump(data: Any) -> str:
    """``data`` as a YAML document in block style."""
    lines: list[str] = []
    _node(data, 0, lines)
    return "\n".join(lines) + "\n"


def _node(value: Any, indent: int, lines: list[str]) -> None:
    """Lines of a mapping or list at ``indent`` spaces (a scalar as one line)."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            lines.append(pad + "{}")
        for key, item in value.items():
            text = scalar(key)
            if len(text) > _MAX_KEY:  # too long for an implicit key: an explicit one
                lines.append(f"{pad}? {text}")
                text = ""
            _entry(pad + text, item, indent, lines)
    elif isinstance(value, list):
        if not value:
            lines.append(pad + "[]")
        for item in value:
            _item(pad, item, indent, lines)
    else:
        _scalar_lines(pad, value, indent, lines)


def _entry(head: str, item: Any, indent: int, lines: list[str]) -> None:
    """``key: value``, with a mapping (indented) or a list on the lines below."""
    if isinstance(item, (dict, list)) and item:
        lines.append(head + ":")
        _node(item, indent if isinstance(item, list) else indent + 2, lines)  # a list's dashes under the key
    else:
        _scalar_lines(head + ": ", item, indent + 2, lines)


def _item(pad: str, item: Any, indent: int, lines: list[str]) -> None:
    """One ``- `` entry of a list; a mapping starts on the dash's line."""
    if isinstance(item, dict) and item:
        start = len(lines)
        _node(item, indent + 2, lines)
        lines[start] = pad + "- " + lines[start][indent + 2 :]
    elif isinstance(item, list) and item:
        lines.append(pad + "-")
        _node(item, indent + 2, lines)
    else:
        _scalar_lines(pad + "- ", item, indent + 2, lines)


def _scalar_lines(head: str, value: Any, indent: int, lines: list[str]) -> None:
    if isinstance(value, dict):
        lines.append(head + "{}")
    elif isinstance(value, list):
        lines.append(head + "[]")
    elif isinstance(value, str) and "\n" in value and _literal_ok(value):
        chomp = "" if value.endswith("\n") else "-"
        lines.append(f"{head}|{chomp}")
        pad = " " * indent
        lines.extend(pad + line if line else "" for line in value.removesuffix("\n").split("\n"))
    else:
        lines.append(head + scalar(value))


def _literal_ok(value: str) -> bool:
    """True when a literal block keeps ``value`` exactly: no leading blank, no trailing spaces."""
    body = value.removesuffix("\n")
    return (
        bool(body)
        and not body[0].isspace()
        and not body.endswith("\n")
        and "\r" not in value
        and not _ESCAPE.search(value)
        and all(line == line.rstrip() for line in body.split("\n"))
    )


@lru_cache(maxsize=65_536, typed=True)
def scalar(value: Any) -> str:
    """One value written on one line: plain when YAML reads it back as the same text, else quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"cannot write {type(value).__name__} as YAML")
    if (
        _PLAIN.fullmatch(value)
        and not _UNSAFE_PLAIN.search(value)
        and not _ESCAPE.search(value)
        and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR  # type: ignore[no-untyped-call]
    ):
        return value
    if "\n" not in value and not _ESCAPE.search(value):
        return "'" + value.replace("'", "''") + "'"
    quoted = json.dumps(value, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def flow(value: str | list[str]) -> str:
    """Text, or a list of texts written on one line in brackets."""
    if isinstance(value, str):
        return scalar(value)
    return "[" + ", ".join(flow_item(v) for v in value) + "]"


def flow_item(value: str) -> str:
    """A text inside a flow collection: quoted when a comma, bracket or colon could end it."""
    written = scalar(value)
    if not re.search(r"[,\[\]{}:#]", written) or written[0] in "'\"":
        return written
    return "'" + value.replace("'", "''") + "'"


# --- PyYAML's writer, for the files a person reads and edits (upgrade, next) --------------------------


class _Dumper(yaml.SafeDumper):
    """Block style; text of several lines as a literal block."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)
# Every scalar of a unit's file is read as text, so numbers need no quotes: 2022 stays 2022, not '2022'.
_Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag.rsplit(":", 1)[-1] not in ("int", "float", "bool")]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def to_yaml(data: Any, comments: str = "") -> str:
    """Data as a file a person edits (block style, text of several lines as a literal block), after ``comments``."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, indent=2)
    return comments + body


def leading_comments(text: str) -> str:
    """The comment lines (and blank lines) at the top of a file."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "".join(lines)
