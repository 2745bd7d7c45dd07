"""Standard output and error that a full disk, a closed descriptor or a reader gone cannot stop.

A command writes what it has to say; when the stream cannot take it, the first error is
kept, the rest is dropped, and the command finishes its work (a DOCX built is built). The
program then says once, on standard error, that its output was lost, and exits with the
command's code (2 when that was 0: a caller must not take lost output for success).
"""

from __future__ import annotations

import errno
import io
import os
from typing import IO


class Guarded(io.TextIOBase):
    """A text stream that never raises on write: its first OSError is kept in :attr:`error`."""

    def __init__(self, stream: IO[str] | None) -> None:
        super().__init__()
        self.stream = stream
        self.error: OSError | None = None if stream is not None else OSError(errno.EBADF, os.strerror(errno.EBADF))

    def write(self, text: str) -> int:
        """Write ``text``, or keep why it could not be written."""
        if self.stream is not None and self.error is None:
            try:
                self.stream.write(text)
            except OSError as exc:
                self.error = exc
        return len(text)

    def flush(self) -> None:
        """Flush, or keep why it could not be done."""
        if self.stream is not None and self.error is None:
            try:
                self.stream.flush()
            except OSError as exc:
                self.error = exc

    def isatty(self) -> bool:
        """A terminal only while the stream is there and has not failed."""
        return self.stream is not None and self.error is None and self.stream.isatty()

    def fileno(self) -> int:
        """The descriptor of the stream beneath."""
        if self.stream is None:
            raise io.UnsupportedOperation("fileno")
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The encoding of the stream beneath (UTF-8 when there is none)."""
        return getattr(self.stream, "encoding", None) or "utf-8"

    def writable(self) -> bool:
        """Always: writing never fails, though it may be lost."""
        return True
