"""Where a command may write: never over a file it reads, a device, a backup, or a file it did not write.

Every command that writes asks here first, once, before anything is written:

- :func:`target` reads ``-o``: a trailing ``/`` (or an existing folder) is a folder, the
  default name goes into it;
- :class:`Reads` holds every file the command reads (main input, ``--compare``, the
  đề cương, ``--expect``, templates), by path and by device and inode, and
  :meth:`Reads.check` refuses an output that is one of them, that exists and is not a
  regular file, that is a backup (``*.bak``), or that exists and was not written by
  baocao (its ``ours`` test) unless ``force``;
- :func:`plan` refuses a batch where two inputs would write one output, naming both,
  before the first is written.

The bytes themselves go through :func:`baocao.write.output.write_atomic`.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from baocao.core.errors import UserError
from baocao.core.messages import os_reason

Ours = Callable[[Path], bool]
"""Whether an existing file at the target was written by baocao (so it is replaced without --force)."""

BACKUP_SUFFIX = ".bak"
PEEK = 64 * 1024  # bytes read of an existing output to tell whether baocao wrote it
DOCX_TIME = (1980, 1, 1, 0, 0, 0)  # every member of a DOCX baocao writes is stamped so (write.docx.repack)


def target(output: str | None, default: Path) -> Path:
    """The file ``-o`` names: ``output`` itself, or ``default``'s name in it when it ends in ``/`` or is a folder."""
    if not output:
        return default
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return Path(output) / default.name
    return Path(output)


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = Path(path).stat()
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _resolved(path: str | Path) -> Path | None:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError, ValueError):
        return None


class Reads:
    """The files a command reads, by path and by device and inode; built once, asked for each output.

    ``add`` returns the files read with some more (a unit's own đề cương in a batch)
    without copying those of the batch.
    """

    def __init__(self, paths: Iterable[str | Path | None], parent: Reads | None = None, main: bool = True) -> None:
        self.parent = parent
        named = [str(p) for p in paths if p is not None and str(p) not in ("", "-")]
        self.main: str | None = parent.main if parent is not None else next(iter(named), None) if main else None
        """The command's input, the first file read (unless ``main`` is false): an output that is it is said so."""
        self.paths = set(named)
        self.resolved = {r for p in self.paths if (r := _resolved(p)) is not None}
        self.identities = {i for p in self.paths if (i := _identity(p)) is not None}
        self.count: int = len(named) + (parent.count if parent else 0)

    def add(self, paths: Iterable[str | Path | None]) -> Reads:
        """These files read too, and those already held."""
        return Reads(paths, self)

    def holds(self, path: Path) -> bool:
        """True when ``path`` is one of the files read: the same name, or the same device and inode."""
        resolved, identity = _resolved(path), _identity(path)
        reads: Reads | None = self
        while reads is not None:
            if resolved in reads.resolved or (identity is not None and identity in reads.identities):
                return True
            reads = reads.parent
        return False

    def check(self, path: Path, force: bool = False, ours: Ours | None = None) -> None:
        """Refuse to write ``path`` over a file read, a non-regular file, a backup, or (without ``force``) another file.

        ``ours`` tells a file baocao wrote (replaced without ``force``); without it, any
        existing file needs ``force``.
        """
        if self.holds(path):
            alone = self.count == 1 or (self.main is not None and Reads([self.main]).holds(path))
            raise UserError("output_is_input" if alone else "output_among_inputs", path=path)
        try:
            info = path.stat()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise UserError("output_unusable", path=path, reason=os_reason(exc)) from exc
        if stat.S_ISDIR(info.st_mode):
            raise UserError("output_is_folder", path=path)
        if not stat.S_ISREG(info.st_mode):
            raise UserError("output_not_regular", path=path)
        if path.name.lower().endswith(BACKUP_SUFFIX):
            raise UserError("output_is_backup", path=path)
        if not force and (ours is None or not ours(path)):
            raise UserError("output_not_ours", path=path)


def check(path: Path, reads: Iterable[str | Path | None], force: bool = False, ours: Ours | None = None) -> None:
    """:meth:`Reads.check` for one output and the files read."""
    Reads(reads).check(path, force, ours)


def plan(pairs: Iterable[tuple[str, Path]], reads: Reads | None = None) -> None:
    """Refuse a batch in which two inputs would write one output, or one would replace a file read.

    Said naming both files, before anything is written.
    """
    seen: dict[Path, str] = {}
    for source, path in pairs:
        if reads is not None and reads.holds(path):
            raise UserError("output_among_inputs", path=path)
        key = _resolved(path) or path
        if key in seen:
            raise UserError("outputs_collide", first=seen[key], second=source, path=path)
        seen[key] = source


def backup_free(path: Path) -> None:
    """Refuse to make a backup where one already is: an earlier backup is never overwritten."""
    if path.exists() or path.is_symlink():
        raise UserError("backup_exists", path=path)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(PEEK)
    except OSError:
        return b""


def docx_by_baocao(path: Path) -> bool:
    """A DOCX as baocao writes it: a zip with word/document.xml, every member stamped at one fixed time.

    Word or LibreOffice saving the file stamps the time of saving: an edited report is not replaced without --force.
    """
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
    names = {m.filename for m in members}
    return "word/document.xml" in names and all(m.date_time == DOCX_TIME for m in members)


def xlsx_by_baocao(path: Path) -> bool:
    """A workbook baocao wrote and nobody saved since: created and last saved by "baocao".

    Excel or Calc saving a filled form puts the clerk's name there: a filled form is not replaced without --force.
    """
    try:
        with zipfile.ZipFile(path) as package:
            if package.getinfo("docProps/core.xml").file_size > PEEK:
                return False
            core = package.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    return "<dc:creator>baocao</dc:creator>" in core and "<cp:lastModifiedBy>baocao</cp:lastModifiedBy>" in core


def pdf_file(path: Path) -> bool:
    """A PDF (as LibreOffice writes beside a report): replaced by the next --pdf run."""
    return _head(path).startswith(b"%PDF")


def yaml_by(*first_lines: str) -> Ours:
    """A YAML file baocao wrote, told by the first line it writes (rollup's "# Tệp do `baocao rollup` tổng hợp")."""

    def ours(path: Path) -> bool:
        return _head(path).lstrip(b"\xef\xbb\xbf").startswith(tuple(line.encode("utf-8") for line in first_lines))

    return ours


def schema_by_baocao(path: Path) -> bool:
    """A JSON Schema ``baocao schema`` wrote: a JSON object whose title ends in "(baocao)"."""
    try:
        if path.stat().st_size > 16 * 1024 * 1024:
            return False
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and str(data.get("title", "")).endswith("(baocao)")
