"""Where templates come from: their folders, read safely, and the cache of compiled templates.

A name is looked up in the user's folder, then the built-in one; it must stay inside
the folder it is found in (no absolute names, no ``..``, no link that leads out) and be
a regular file of at most 1 MiB, so a pipe or a device never blocks a build. Compiled
templates are cached by their text, baocao's version and the sandbox policy; an entry
whose digest fails is compiled again.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

import jinja2
import jinja2.bccache

from baocao import __version__
from baocao.render.sandbox import POLICY_VERSION

MAX_TEMPLATE_BYTES = 1024 * 1024


class ConfinedLoader(jinja2.BaseLoader):
    """Templates from folders, never from outside them: no '..', no absolute names, no links out, no devices."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = [folder.resolve() for folder in folders]

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        """The text of ``template`` from the first folder that has it, read only inside that folder."""
        parts = template.replace("\\", "/").split("/")
        if template.startswith(("/", "\\")) or Path(template).is_absolute() or any(p in ("", ".", "..") for p in parts):
            raise jinja2.TemplateNotFound(f"{template} (only names inside the templates folder)")
        for folder in self.folders:
            path = folder.joinpath(*parts)
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError):
                continue
            if not real.is_relative_to(folder):
                raise jinja2.TemplateNotFound(f"{template} (a link to outside the templates folder)")
            source = _read_template(real, template)
            mtime = real.stat().st_mtime
            return source, str(path), lambda real=real, mtime=mtime: _unchanged(real, mtime)
        raise jinja2.TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        """Names of the templates in the folders."""
        return sorted({p.name for folder in self.folders for p in folder.glob("*.xml.j2")})


def _read_template(real: Path, name: str) -> str:
    fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a fifo must not block the build
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise jinja2.TemplateNotFound(f"{name} (not a regular file)")
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise jinja2.TemplateNotFound(f"{name} (larger than {MAX_TEMPLATE_BYTES // 1024} KiB)")
        data = handle.read(MAX_TEMPLATE_BYTES + 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise jinja2.TemplateNotFound(f"{name} (not UTF-8)") from exc


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False


class ContentCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs, keyed by the template's text and this policy.

    An entry carries a digest of its code: a truncated or damaged file is ignored
    and rebuilt; a cache that cannot be written is skipped.
    """

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """The entry's name: the template's name and path, baocao's version and the policy."""
        return hashlib.sha256(f"{name}\0{filename}\0{_salt()}".encode()).hexdigest()

    def get_source_checksum(self, source: str) -> str:
        """The template's text and the policy: a change of either compiles again."""
        return hashlib.sha256(f"{_salt()}\0{source}".encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """The cached code, when its digest holds; else nothing, so the template is compiled again."""
        path = Path(self._get_cache_filename(bucket))
        try:
            data = path.read_bytes()
        except OSError:
            return
        digest, payload = data[:32], data[32:]
        if hashlib.sha256(payload).digest() != digest:
            bucket.reset()
            return
        try:
            bucket.bytecode_from_string(payload)
        except Exception:  # a damaged entry is rebuilt, never trusted
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Write the entry with its digest, atomically; a cache that cannot be written is skipped."""
        payload = bucket.bytecode_to_string()
        path = Path(self._get_cache_filename(bucket))
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temp.write_bytes(hashlib.sha256(payload).digest() + payload)
            temp.replace(path)
        except OSError:
            temp.unlink(missing_ok=True)


@functools.cache
def _salt() -> str:
    return f"baocao {__version__} policy {POLICY_VERSION} jinja {jinja2.__version__}"


def cache_folder() -> Path:
    """Where compiled templates are kept: $XDG_CACHE_HOME/baocao or ~/.cache/baocao."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "baocao" / "templates"


def bytecode_cache() -> jinja2.BytecodeCache | None:
    """The template cache, or None when its folder cannot be made."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return ContentCache(str(folder))
