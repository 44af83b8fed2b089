"""One writer at a time: the archive's lock, `content/.machine/lock`.

Every command that writes content (annotate, annotate --refresh, merge, rename, undo) holds
it from before it reads what to do until its last write, so two runs started together can
never both decide that a seed has no article yet. It is an advisory `flock` on the file: the
system releases it when the process ends, however it ends, so a killed run never leaves a
stale lock behind. The file holds the holder's pid, for the message of a run that waits,
and is removed when the run ends (a killed run leaves it, unlocked and harmless).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import errors
from ..errors import NewsroomError
from .store import MACHINE_DIR

try:
    import fcntl
except ImportError:  # Windows: no flock; one writer at a time is then the user's to keep
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "lock"
DISPLAY = f"content/{MACHINE_DIR}/{LOCK_NAME}"
DEFAULT_WAIT = 60.0  # seconds a second run waits before it stops
POLL = 0.2


class LockBusy(NewsroomError):
    """Another run held the lock for longer than this one would wait."""


def lock_path(content_dir: Path) -> Path:
    return content_dir / MACHINE_DIR / LOCK_NAME


def _holder(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def archive_lock(content_dir: Path, wait: float = DEFAULT_WAIT,
                 say: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold the archive's lock for the block. When another run holds it, say so once and
    wait up to `wait` seconds for it; then raise LockBusy with what to do."""
    path = lock_path(content_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = _acquire(path, time.monotonic() + wait, wait, say)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        # Removed while still held, so no run ever locks a file that is about to vanish
        # unnoticed: a waiter that gets the removed file sees it is gone and tries again.
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)  # closing the file releases the lock


def _acquire(path: Path, deadline: float, wait: float, say: Callable[[str], None]) -> int:
    """An open descriptor of the lock file, locked; the file still the one at `path`."""
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            _lock(fd, deadline, wait, told, say)
        except BaseException:
            os.close(fd)
            raise
        told = True
        try:
            if os.path.samestat(os.fstat(fd), os.stat(path)):
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)  # the last holder removed this file as we locked it: lock the new one


def _lock(fd: int, deadline: float, wait: float, told: bool, say: Callable[[str], None]) -> None:
    if fcntl is None:
        return
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if time.monotonic() >= deadline:
            raise LockBusy(errors.message(errors.LOCK_BUSY, pid=_holder(fd), lock=DISPLAY, seconds=wait))
        if not told:
            say(errors.LOCK_WAITING.format(lock=DISPLAY, pid=_holder(fd), seconds=wait))
            told = True
        time.sleep(POLL)
