"""Where a đề cương comes from: a path, a folder the province shares, or the ones baocao ships.

A unit names its outline in ``document.outline``: a file name ending in ``.yaml``
(read beside the unit's file, or as written when absolute), or an outline's ``id``,
looked for as ``ID.yaml`` in the ``--outlines`` folders and those of ``BAOCAO_OUTLINES``
(separated as PATH is), then among the outlines baocao ships.
An outline is read once per process, however many units follow it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from baocao.core.findings import Finding, has_errors
from baocao.load import source as loader
from baocao.load.source import Source
from baocao.load.typed import type_as
from baocao.outline import ENVIRONMENT, SUFFIXES, is_path
from baocao.outline.model import Outline

BUILT_IN = Path(__file__).resolve().parents[1] / "data" / "outlines"


@dataclass(frozen=True)
class Found:
    """An outline file read: the outline when it is valid, and every finding in that file."""

    path: str
    outline: Outline | None
    findings: list[Finding] = field(default_factory=list)
    is_outline: bool = True
    """False for a file that is no đề cương: nothing of it is said (it may be anything a path can name)."""


def folders() -> list[Path]:
    """The folders searched for an outline named by id, in order: those shared (--outlines), then baocao's."""
    shared = [Path(p) for p in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if p.strip()]
    return [*shared, BUILT_IN]


def locate(name: str, near: str | None) -> Path | None:
    """The file of the outline ``name``, or None when no folder has it.

    A path must name a ``.yaml``/``.yml`` regular file; an id is looked for in each folder,
    and a link there that leads out of its folder is not followed.
    """
    if is_path(name):
        path = Path(name.replace("\\", "/"))
        if not path.is_absolute() and near not in (None, "-"):
            path = Path(str(near)).parent / path
        return path if path.suffix.lower() in SUFFIXES and path.is_file() else None
    if "\0" in name or name in (".", ".."):
        return None
    for folder in folders():
        for suffix in SUFFIXES:
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file() and _inside(candidate, folder):
                return candidate
    return None


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def available() -> list[str]:
    """The ids that can be named, for messages: every outline file of every folder."""
    names: list[str] = []
    for folder in folders():
        if folder.is_dir():
            names += sorted(p.stem for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.stem not in names)
    return names


def read(path: Path) -> Found:
    """Read and type one outline file (cached by its path, size and time of change)."""
    stat = path.stat()
    return _read(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=32)
def _read(path: str, _size: int, _mtime: int) -> Found:
    source, findings = loader.read(path)
    if not looks_like_outline(source):
        return Found(path, None, [], is_outline=False)
    if has_errors(findings):
        return Found(path, None, loader.quote(source, findings))
    found = read_source(source)
    return Found(path, found.outline, loader.quote(source, sorted(findings + found.findings)))


OUTLINE_KEY = re.compile(r"^outline[ \t]*:", re.MULTILINE)


def looks_like_outline(source: Source) -> bool:
    """True for a file read as a đề cương: a mapping with the key ``outline`` (or, unparsed, a line starting so)."""
    if isinstance(source.data, dict):
        return "outline" in source.data and "document" not in source.data
    return source.data is None and OUTLINE_KEY.search(source.text) is not None


def read_source(source: Source) -> Found:
    """Type a file already read as a đề cương."""
    outline, typed = type_as(Outline, source)
    return Found(source.path, outline, typed)
