"""Writing outputs safely: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from baocao.errors import UserError
from baocao.messages import os_reason


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then move it into place.

    A failure at any point leaves an earlier ``target`` untouched and no
    temporary file behind.
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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


def output_path(source: str, output: str | None) -> Path:
    """Where a report built from ``source`` goes: ``output``, or the same name with .docx."""
    if output:
        target = Path(output)
        if target.is_dir() or output.endswith(os.sep):
            target = target / (Path(source).stem + ".docx")
    elif source == "-":
        raise UserError("stdin_needs_output")
    else:
        target = Path(source).with_suffix(".docx")
    if source != "-" and target.resolve() == Path(source).resolve():
        raise UserError("output_is_input", path=target)
    return target
