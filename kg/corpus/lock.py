"""One build at a time per output directory: an exclusive lock on OUT/.lock.

Two builds into one OUT would read each other's half-written state (one
finds the other's manifest and says OUT is current while the other is still
replacing it). So a build holds fcntl.flock on OUT/.lock from before it
reads anything in OUT until it has published its outputs. The kernel drops
the lock when the last process holding it ends, the build and the children
it forked (which die with it, kg.corpus.outputs), so a kill -9 never leaves a
stale lock: the file stays, unlocked. The holder writes its pid into the
file, for the line of the build that finds the lock taken, and empties it
when it is done: a pid found there by the next holder is a build that was
killed, and may have left temp files where no lock covers them (the cache).

Where fcntl does not exist (Windows) builds are not locked.
"""

import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

LOCK = ".lock"
_PID_TRIES = 50   # a holder writes its pid just after it takes the lock: look a few times


class OutputBusy(RuntimeError):
    """Another build holds OUT, and the caller would not wait for it."""


@contextmanager
def locked(out: Path, wait: bool = True):
    """Hold OUT's lock for the body, which gets whether the last holder was
    killed; when another build holds it, say so once on stderr and wait
    (`wait`), or raise OutputBusy."""
    try:
        import fcntl
    except ImportError:
        yield False
        return
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            line = f"{out}/ is being built by another kg (pid {_holder(fd)})"
            if not wait:
                raise OutputBusy(f"{line}; not waiting (--no-wait)") from None
            print(f"kg: {line}; waiting", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        killed = bool(os.pread(fd, 32, 0).strip())
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield killed
        finally:
            os.ftruncate(fd, 0)   # ended, not killed
    finally:
        os.close(fd)   # releases the lock (forked children that hold it die with this process)


def _holder(fd: int) -> str:
    """The pid the lock's holder wrote, or "?"."""
    for _ in range(_PID_TRIES):
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if text.isdigit():
            return text
        time.sleep(0.01)
    return "?"
