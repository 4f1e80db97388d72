"""Worker processes the driver watches: each document's time and memory, and the worker's death.

A worker is a process with a pipe that works on one document at a time
(the next waits in its pipe), so the driver always knows which file each
worker is on. A thread of the driver
(the dispatcher) hands the documents out, keeps at most `window` of them in
flight or waiting to be folded, and kills a worker whose document runs over
the time limit or whose resident memory (Linux: /proc/PID/statm) goes over
the memory limit. That file's result is then ("killed", reason), a new
worker takes the dead one's place and the build goes on; a worker that dies
by itself (a signal, the kernel's OOM killer, a crash in C code) is the
same, with its signal named. A process, not a thread or an alarm, is the
unit here because only a process can be stopped anywhere (in a regex, in
C code) and gives all its memory back.

Size: the worker's loop, the test hook it reads, and the dispatcher that
watches it share one protocol and sit together.
"""

import gc
import os
import sys
import threading
import time
from collections import deque
from multiprocessing.connection import wait
from typing import NamedTuple

KILLED = "killed"      # the status of a document whose worker was killed or died
POLL_SECONDS = 0.1     # how often the dispatcher looks at the clock and the workers' memory
DEPTH = 2              # documents a worker holds: the one it is on and the next
TEST_HOOK = "KG_TEST_DOC_HOOK"


class Limits(NamedTuple):
    """The per-document limits of a worker: seconds and megabytes of resident
    memory (0: none)."""

    seconds: float = 600.0
    megabytes: int = 4096

    def over(self, elapsed: float, rss_mb: float) -> str | None:
        """Why a document that has run `elapsed` s in a worker of `rss_mb` MB must stop, or None."""
        if self.seconds and elapsed > self.seconds:
            return f"over the {self.seconds:g} s limit per document"
        if self.megabytes and rss_mb > self.megabytes:
            return f"over the {self.megabytes} MB limit per document"
        return None


class WorkersFailed(RuntimeError):
    """The workers could not start (a worker could not load the pipeline),
    or the pool itself failed; the message says why."""


def _test_hook(path) -> None:
    """Test hook, read only in a worker process: KG_TEST_DOC_HOOK=NAME:ACTION
    makes the worker misbehave on a file whose name contains NAME, to test
    the limits without a pathological page. ACTION is `sleep:SECONDS`,
    `alloc:MB` (holds that much memory, then goes on), or `kill` (the worker
    kills itself with SIGKILL)."""
    spec = os.environ.get(TEST_HOOK)
    if not spec:
        return
    name, _, action = spec.partition(":")
    if name not in os.path.basename(str(path)):
        return
    what, _, arg = action.partition(":")
    if what == "sleep":
        time.sleep(float(arg))
    elif what == "alloc":
        hold = bytearray(int(arg) << 20)
        hold[::4096] = b"x" * len(hold[::4096])   # touch every page: resident, not just reserved
        time.sleep(5)
    elif what == "kill":
        import signal
        os.kill(os.getpid(), signal.SIGKILL)


def _serve(conn, load: bool) -> None:
    """A worker's process: load the pipeline (unless forked with it), say
    ("ready", None) or ("failed", reason), then extract what comes."""
    from kg.corpus.engines import die_with_parent, process_document, warm_frozen
    die_with_parent()
    if load:
        try:
            warm_frozen()
        except Exception as e:  # noqa: BLE001 - the driver reports it, in one line
            from kg.errors import AssetMissing
            conn.send(("failed", str(e) if isinstance(e, AssetMissing) else f"{type(e).__name__}: {e}"))
            conn.close()
            os._exit(1)
    gc.enable()      # a forked worker inherits the build's "off"
    conn.send(("ready", None))
    while True:
        item = conn.recv()
        if item is None:   # done: out without tearing the pipeline's heap down
            conn.close()
            os._exit(0)
        _test_hook(item[0])
        conn.send(process_document(*item))


_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20 if hasattr(os, "sysconf") else 0.0


class Worker:
    """One worker process, and the documents it holds: the first is the one
    it works on, the next waits in its pipe (so it never waits for the
    dispatcher between two documents)."""

    def __init__(self, ctx, load: bool):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, load), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.jobs = deque()  # the indices of the documents it holds, the one it works on first
        self.since = 0.0     # when it started on jobs[0] (time.monotonic)

    def give(self, index: int, item) -> None:
        self.conn.send(item)
        if not self.jobs:
            self.since = time.monotonic()
        self.jobs.append(index)

    def done(self) -> int:
        """The index of the document whose result just came; it starts on the next."""
        self.since = time.monotonic()
        return self.jobs.popleft()

    def rss_mb(self) -> float:
        """Its resident memory (0 where /proc is not there)."""
        try:
            with open(f"/proc/{self.proc.pid}/statm", "rb") as fh:
                return int(fh.read().split()[1]) * _PAGE_MB
        except (OSError, IndexError, ValueError):
            return 0.0

    def death(self) -> str:
        """How it ended (after it did)."""
        self.proc.join()
        code = self.proc.exitcode
        return f"the worker died (signal {-code})" if code is not None and code < 0 else \
            f"the worker died (exit code {code})"

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()
        self.conn.close()

    def stop(self) -> None:
        """Let it go (it exits without freeing its heap); killed if it does not."""
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(timeout=10)
        self.kill()


class Pool:
    """`n` watched workers; `submit(items)` starts the dispatcher on
    [(path, date)], `results()` yields their results in input order."""

    def __init__(self, n: int, limits: Limits, window: int, load: bool):
        import multiprocessing as mp
        self.ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self.limits, self.window, self.load = limits, window, load or not sys.platform.startswith("linux")
        self.workers = [Worker(self.ctx, self.load) for _ in range(n)]
        self.done = {}                  # index -> result, not yet yielded
        self.cond = threading.Condition()
        self.error = None               # why the workers could not start
        self.finished = False
        self.stopping = False
        self.thread = None
        self.n_items = 0
        self.again = deque()            # indices to give again (their worker died before them)

    def wait_ready(self) -> None:
        """Block until every worker has its pipeline; WorkersFailed at the first that cannot."""
        while not all(w.ready for w in self.workers):
            for conn in wait([w.conn for w in self.workers if not w.ready]):
                self._receive(next(w for w in self.workers if w.conn is conn))
            if self.error:
                raise WorkersFailed(self.error)

    def submit(self, items) -> None:
        items = list(items)
        self.n_items = len(items)
        self.thread = threading.Thread(target=self._dispatch, args=(items,), daemon=True)
        self.thread.start()

    def results(self):
        for index in range(self.n_items):
            with self.cond:
                while index not in self.done and self.error is None and not self.finished:
                    self.cond.wait()
                if self.error is not None:
                    raise WorkersFailed(self.error)
                if index not in self.done:   # closed before the end
                    return
                res = self.done.pop(index)
            yield res

    def close(self, kill: bool = False) -> None:
        """End the workers: let the idle ones go, kill those still on a
        document (a build that stopped early does not wait for them)."""
        self.stopping = True
        if self.thread is not None:
            self.thread.join()
        for w in self.workers:
            w.kill() if kill or w.jobs else w.stop()

    def _dispatch(self, items) -> None:
        """The dispatcher thread; whatever goes wrong in it reaches results()."""
        try:
            self._run(items)
        except BaseException as e:  # noqa: BLE001 - the build waits on this thread
            self._fail(f"the worker pool failed ({type(e).__name__}: {e})")
        with self.cond:
            self.finished = True
            self.cond.notify_all()

    def _run(self, items) -> None:
        """Give, receive, watch, until every item has its result."""
        given = 0
        while not self.stopping and self.error is None:
            for depth, w in ((d, w) for d in range(1, DEPTH + 1) for w in self.workers):   # one each first
                if w.ready and len(w.jobs) < depth and self._room() and (self.again or given < len(items)):
                    index = self.again.popleft() if self.again else given
                    if self._give(w, index, items[index]):
                        given = max(given, index + 1)
                    else:
                        self.again.appendleft(index)
            if given == len(items) and not self.again and not any(w.jobs for w in self.workers):
                break
            busy = [w.conn for w in self.workers if w.jobs or not w.ready]
            for conn in wait(busy, timeout=POLL_SECONDS):
                self._receive(next(w for w in self.workers if w.conn is conn))
            self._watch()

    def _give(self, w: Worker, index: int, item) -> bool:
        """Whether `w` took the item; a worker found dead is replaced (the item is given again)."""
        try:
            w.give(index, item)
            return True
        except OSError:
            self._replace(w, w.death())
            return False

    def _room(self) -> bool:
        return sum(len(w.jobs) for w in self.workers) + len(self.done) < self.window

    def _receive(self, w: Worker) -> None:
        try:
            msg = w.conn.recv()
        except (EOFError, OSError):
            reason = w.death()
            if not w.ready:
                self._fail(f"a worker process could not start ({reason})")
            else:
                self._replace(w, reason)
            return
        if not w.ready:
            if msg[0] == "failed":
                self._fail(f"a worker process could not start: {msg[1]}")
            w.ready = True
            return
        self._put(w.done(), msg)

    def _watch(self) -> None:
        now = time.monotonic()
        for w in self.workers:
            if w.jobs:
                reason = self.limits.over(now - w.since, w.rss_mb() if self.limits.megabytes else 0.0)
                if reason is not None:
                    w.kill()
                    self._replace(w, reason)

    def _replace(self, w: Worker, reason: str) -> None:
        """A worker that was killed or died: the document it was on failed
        with `reason`, the one waiting is given again, a new worker takes its place."""
        if w.jobs:
            self._put(w.jobs.popleft(), (KILLED, reason))
            self.again.extendleft(reversed(w.jobs))
        w.kill()
        self.workers[self.workers.index(w)] = Worker(self.ctx, self.load)

    def _put(self, index: int, res) -> None:
        with self.cond:
            self.done[index] = res
            self.cond.notify_all()

    def _fail(self, reason: str) -> None:
        with self.cond:
            self.error = reason
            self.cond.notify_all()
