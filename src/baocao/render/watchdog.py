"""Limits on rendering a template: time, memory growth and output size, set by the user.

A guarded piece of work runs in the calling thread; a watchdog thread checks the
clock and the process's resident memory every few hundredths of a second and, past a
limit, marks the guard. The work stops at its next :func:`checkpoint` (every loop
iteration of a template is one); should it not reach one within a second, the
watchdog raises :class:`RenderTimeout` or :class:`RenderMemory` in that thread (as
Ctrl+C would), so a runaway template stops wherever it is.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jinja2

from baocao.core.errors import UserError

TICK = 0.05
GRACE = 1.0  # seconds a marked guard has to reach a checkpoint before the exception is forced
SECONDS_VARIABLE = "BAOCAO_TEMPLATE_SECONDS"
SIZE_VARIABLE = "BAOCAO_TEMPLATE_MAX_MB"
DEFAULT_SECONDS = 60.0
DEFAULT_MB = 32  # the body of a province of 3,321 communes is about 10 MB


@dataclass(frozen=True)
class Limits:
    """How long a template may run, how much text it may write, how much memory it may take."""

    seconds: float = DEFAULT_SECONDS
    max_output: int = DEFAULT_MB * 1024 * 1024
    max_memory: int = 16 * DEFAULT_MB * 1024 * 1024

    @classmethod
    def from_environment(cls) -> Limits:
        """The defaults, or what BAOCAO_TEMPLATE_SECONDS and BAOCAO_TEMPLATE_MAX_MB say."""
        seconds = _number(SECONDS_VARIABLE, DEFAULT_SECONDS)
        megabytes = _number(SIZE_VARIABLE, DEFAULT_MB)
        size = int(megabytes * 1024 * 1024)
        return cls(seconds, size, max(16 * size, 256 * 1024 * 1024))


def _number(name: str, default: float) -> float:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = -1
    if not value > 0:
        raise UserError("limit_not_positive", name=name, value=text)
    return value


class TemplateLimit(jinja2.TemplateError):
    """A template went past what the policy or a limit allows."""


class RenderTimeout(TemplateLimit):
    """Raised in a rendering thread that ran out of time."""

    def __str__(self) -> str:
        return f"the template ran longer than the limit ({SECONDS_VARIABLE})"


class RenderMemory(TemplateLimit):
    """Raised in a rendering thread whose process grew past the memory limit."""

    def __str__(self) -> str:
        return f"the template took too much memory (limit set by {SIZE_VARIABLE})"


@dataclass
class _Guard:
    deadline: float
    baseline: int
    memory: int
    expired: type[TemplateLimit] | None = None
    since: float = 0.0
    fired: bool = False


class _Watchdog:
    """One thread per process watching every guarded thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.guards: dict[int, _Guard] = {}
        self.owner = 0  # the process that started the thread (a forked child starts its own)

    def add(self, thread: int, guard: _Guard) -> None:
        with self.lock:
            self.guards[thread] = guard
            if self.owner != os.getpid():
                self.owner = os.getpid()
                threading.Thread(target=self._run, name="baocao-watchdog", daemon=True).start()
        self.wake.set()

    def remove(self, thread: int) -> None:
        with self.lock:
            guard = self.guards.pop(thread, None)
            if guard is not None and guard.fired:
                _raise_in(thread, None)  # clear an exception not yet delivered

    def _run(self) -> None:
        while True:
            if not self.guards:
                self.wake.wait()
                self.wake.clear()
                continue
            time.sleep(TICK)
            now, memory = time.monotonic(), resident_bytes()
            with self.lock:
                for thread, guard in self.guards.items():
                    if guard.expired is None:
                        if now > guard.deadline:
                            guard.expired, guard.since = RenderTimeout, now
                        elif memory - guard.baseline > guard.memory:
                            guard.expired, guard.since = RenderMemory, now
                    elif now - guard.since > GRACE:
                        guard.fired = True
                        _raise_in(thread, guard.expired)


WATCHDOG = _Watchdog()


def _after_fork() -> None:
    """A forked child has no watchdog thread and must not inherit a lock it may have held."""
    WATCHDOG.lock = threading.Lock()
    WATCHDOG.wake = threading.Event()
    WATCHDOG.guards = {}
    WATCHDOG.owner = 0


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    import ctypes  # only when a template ran past a limit

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread), ctypes.py_object(exception) if exception else None
    )


def resident_bytes() -> int:
    """Memory the process holds now (Linux), or its peak elsewhere."""
    try:
        with Path("/proc/self/statm").open("rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def checkpoint() -> None:
    """Raise the limit the current thread's guard has run into, if any."""
    guard = WATCHDOG.guards.get(threading.get_ident())
    if guard is not None and guard.expired is not None:
        raise guard.expired()


@contextmanager
def guarded(limits: Limits) -> Iterator[None]:
    """Run the body under ``limits``; past one, RenderTimeout or RenderMemory is raised inside it."""
    thread = threading.get_ident()
    WATCHDOG.add(thread, _Guard(time.monotonic() + limits.seconds, resident_bytes(), limits.max_memory))
    try:
        yield
    finally:
        while True:  # a limit may strike while leaving: the guard is removed whatever happens
            try:
                WATCHDOG.remove(thread)
                break
            except TemplateLimit:
                continue
