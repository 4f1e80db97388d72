"""Where the per-document work runs: in this process, in a process pool, or on Dask.

Every engine runs the same function, `process_document(path, date)`, which
wraps `kg.extract.extract_file` and returns a small tuple instead of raising:

    ("ok", json_text)        the extraction, serialised once
    ("bad", reason)          a file that could not be used (InputError: not
                             text, unreadable...)
    ("error", reason)        a crash of the pipeline on it (its type and message)

An engine's `map(items)` takes an iterable of (path, date) and yields the
results *in input order*, keeping at most `window` documents in flight, so
the driver can fold them into the graph one by one (deterministic, bounded
memory) whatever the number of workers.
"""

import json
import os
import sys
import threading
import time
from collections import deque

_nlp_lock = threading.Lock()


def warm() -> float:
    """Load the spaCy pipeline (once per process); returns the seconds it took."""
    from .pipeline import get_nlp
    t = time.perf_counter()
    with _nlp_lock:   # Dask thread workers share one process: load it once
        get_nlp()
    return time.perf_counter() - t


def process_document(path, date=None):
    """The per-document function every engine runs."""
    from .errors import InputError
    from .extract import extract_file
    warm()
    try:
        ext = extract_file(path, date)
    except InputError as e:
        return ("bad", e.reason)
    except Exception as e:  # noqa: BLE001 - one bad page must not stop a corpus
        return ("error", f"extraction failed ({type(e).__name__}: {e})")
    return ("ok", json.dumps(ext, ensure_ascii=False, separators=(",", ":")))


def _ordered(submit, items, window):
    """Yield result() of submit(item) for each item, in order, `window` at a time."""
    pending = deque()
    it = iter(items)
    for item in it:
        pending.append(submit(item))
        if len(pending) >= window:
            break
    while pending:
        fut = pending.popleft()
        res = fut.result()
        for item in it:
            pending.append(submit(item))
            break
        yield res


class SerialEngine:
    """In this process, one document after another."""

    name = "serial"
    workers = 1

    def __enter__(self):
        self.ready_seconds = warm()
        return self

    def __exit__(self, *exc):
        return False

    def map(self, items):
        for path, date in items:
            yield process_document(path, date)


def _die_with_parent():
    """Linux: a worker gets SIGKILL when the build that forked it dies (kill -9)."""
    try:
        import ctypes
        import signal
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:
            os._exit(1)
    except (OSError, AttributeError):
        pass


def _init_worker(preloaded: bool):
    _die_with_parent()
    if not preloaded:
        warm()


class ProcessEngine:
    """A pool of worker processes, each with its own pipeline.

    On Linux the pipeline is loaded in this process and the workers are
    forked from it; elsewhere each worker loads its own (spawn)."""

    name = "process"

    def __init__(self, workers: int, window: int | None = None):
        self.workers = workers
        self.window = window or workers * 4

    def __enter__(self):
        import gc
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        t = time.perf_counter()
        fork = sys.platform.startswith("linux")
        if fork:
            # Load the pipeline here once, then fork: the workers start with it
            # (copy-on-write) instead of each reading the 180 MB model again,
            # and later builds in this process (tests, notebooks) fork at once.
            warm()
            gc.freeze()
        ctx = mp.get_context("fork" if fork else "spawn")
        self.pool = ProcessPoolExecutor(self.workers, mp_context=ctx,
                                        initializer=_init_worker, initargs=(fork,))
        self.pool.submit(int).result()  # forks the workers now
        if fork:
            gc.unfreeze()
        self.ready_seconds = time.perf_counter() - t
        return self

    def __exit__(self, *exc):
        self.pool.shutdown(wait=True, cancel_futures=True)
        return False

    def map(self, items):
        return _ordered(lambda it: self.pool.submit(process_document, *it), items, self.window)


class DaskEngine:
    """`dask.distributed`: a scheduler at `address`, or a LocalCluster of `workers`.

    The workers must be able to import `kg` (the same version: the cache key
    does not know which worker extracted a file) and read the input paths
    (a shared file system). `processes=False` runs the local cluster's
    workers as threads of this process (tests)."""

    name = "dask"

    def __init__(self, address: str | None = None, workers: int = 2,
                 processes: bool = True, window: int | None = None):
        self.address = address
        self.workers = workers
        self.processes = processes
        self.window = window
        self.cluster = None

    def __enter__(self):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("the dask engine needs dask.distributed: "
                               "pip install 'govkg[dask]'") from None
        t = time.perf_counter()
        if self.address:
            self.client = Client(self.address)
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                        processes=self.processes, dashboard_address=None)
            self.client = Client(self.cluster)
            self.client.wait_for_workers(self.workers)
        n = len(self.client.scheduler_info().get("workers", {})) or self.workers
        self.workers = n
        self.window = self.window or n * 4
        self.client.run(warm)           # every worker loads its pipeline now
        self.ready_seconds = time.perf_counter() - t
        return self

    def __exit__(self, *exc):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False

    def map(self, items):
        return _ordered(lambda it: self.client.submit(process_document, str(it[0]), it[1], pure=False),
                        items, self.window)


def make_engine(kind: str, workers: int, scheduler: str | None = None, n_jobs: int | None = None):
    """The engine for `--engine KIND --workers N` and `n_jobs` documents to process."""
    if kind == "dask":
        return DaskEngine(scheduler, workers)
    if kind == "serial" or workers <= 1 or (n_jobs is not None and n_jobs <= 1):
        return SerialEngine()
    if n_jobs is not None:
        workers = min(workers, n_jobs)
    return ProcessEngine(workers)
