"""Writing outputs safely: whole or not at all, never over an input or a device.

Temporary names carry the writing process's id (``.report.docx.<pid>.<random>.tmp``,
``.baocao-<pid>-<random>.tmp/`` for a --pdf run), so a later run removes those left by
a process that was killed, and never those of a run still going.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from baocao.core.errors import UserError
from baocao.core.messages import os_reason
from baocao.write import guard

STAGE_PREFIX = ".baocao-"
STALE_AFTER = 24 * 3600  # a temporary file whose process cannot be told is removed after a day


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then move it into place.

    A failure at any point leaves an earlier ``target`` untouched and no
    temporary file behind.
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale(folder, target.name)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError("cannot_write_in", path=folder, reason=os_reason(exc)) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temp_name).chmod(0o644)
        Path(temp_name).replace(target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise UserError("cannot_write", path=target, reason=os_reason(exc)) from exc
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def clean_stale(folder: Path, name: str | None = None) -> None:
    """Remove temporary files (of ``name``, or all) and --pdf staging folders left in ``folder`` by dead runs."""
    patterns = [re.compile(re.escape(f".{name}.") + r"(\d+)\.[^.]+\.tmp$")] if name else []
    patterns.append(re.compile(re.escape(STAGE_PREFIX) + r"(\d+)-[^.]+\.tmp$"))
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = next((m for p in patterns if (m := p.match(entry.name))), None)
        if match is None or not _abandoned(int(match.group(1)), entry):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                Path(entry.path).unlink()


def _abandoned(pid: int, entry: os.DirEntry[str]) -> bool:
    """True when the process that made ``entry`` is gone (or the entry is a day old)."""
    try:
        if time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
            return True
    except OSError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def new_stage() -> str:
    """The name of this run's staging folders: ``.baocao-<pid>-<random>.tmp``."""
    return f"{STAGE_PREFIX}{os.getpid()}-{os.urandom(4).hex()}.tmp"


def staged(target: Path, stage: str) -> Path:
    """Where ``target`` is written first in a --pdf run, until its PDF is checked."""
    return target.parent / stage / target.name


def output_path(source: str, output: str | None) -> Path:
    """Where a report built from ``source`` goes: ``output`` (a file, or a folder), or the same name with .docx."""
    if not output and source == "-":
        raise UserError("stdin_needs_output")
    return guard.target(output, Path(source if source != "-" else "report").with_suffix(".docx"))


def same_file(path: str, other: str) -> bool:
    """True when two names are one file: the same path, or the same device and inode (a hard link)."""
    if path == "-" or other == "-":
        return False
    return guard.Reads([path]).holds(Path(other))


def check_target(target: Path, inputs: Iterable[str]) -> None:
    """Refuse a target that is one of the inputs (by path or by device and inode), not a regular file, or a backup."""
    guard.check(target, inputs, force=True)
