"""Where the per-document work runs: in this process, in a process pool, or on Dask.

Every engine runs the same function, `process_document(path, date)`, which
wraps `kg.extraction.extract_file` and returns a small tuple instead of raising:

    ("ok", json_text)        the extraction, serialised once
    ("bad", reason)          a file that could not be used (InputError: not
                             text, unreadable...)
    ("error", reason)        a crash of the pipeline on it (its type and message)

and the process engine adds, for a document it had to give up on:

    ("killed", reason)       over the time or memory limit per document, or
                             its worker died (kg.corpus.pool)

An engine's `map(items)` takes an iterable of (path, date, item) and yields the
results *in input order*, keeping at most `window` documents in flight, so
the driver can fold them into the graph one by one (deterministic, bounded
memory) whatever the number of workers.

Size: the four engines share one contract (process_document; map() in
input order) and sit together.
"""

import gc
import json
import os
import sys
import threading
import time
from collections import deque

_nlp_lock = threading.Lock()


def warm() -> float:
    """Load the spaCy pipeline (once per process); returns the seconds it took."""
    from kg.nlp.pipeline import get_nlp
    t = time.perf_counter()
    with _nlp_lock:   # Dask thread workers share one process: load it once
        get_nlp()
    return time.perf_counter() - t


# A made-up page a worker extracts once at start: what the pipeline loads on
# first use (LAC, the person lexicon, the village index, the relation and
# linking modules, compiled patterns) is then loaded with the pipeline.
WARM_UP_PAGE = ("国务院办公厅印发《关于加强数字政府建设的指导意见》。\n"
                "北京市市长张某某来到红旗村调研，听取某某县人民政府工作汇报，"
                "考察某某科技有限公司和乡村振兴示范工程。")


def warm_frozen() -> float:
    """warm() in a worker process, which keeps its pipeline for life: loaded
    with the cyclic collector off, WARM_UP_PAGE extracted once, and all of
    it frozen out of the collector's reach (gc.freeze) before the collector
    is turned on for the documents. Importing spaCy and loading the pipeline
    allocate a few hundred thousand objects, and the collections they set
    off would slow a worker's start, which an incremental rebuild waits for;
    what the components load on first use (a few hundred thousand more)
    would otherwise be made during the first documents, with the collector
    on, and stay in its sight for the worker's life."""
    gc.disable()
    try:
        took = warm()
        t = time.perf_counter()
        from kg.extraction import extract_document
        from kg.text.document import text_document
        try:
            json.dumps(extract_document(text_document(WARM_UP_PAGE, "2021-01-01")), ensure_ascii=False)
        except Exception:  # noqa: BLE001 - a warm-up only: the documents report what fails
            pass
        return took + time.perf_counter() - t
    finally:
        gc.freeze()
        gc.enable()


def process_document(path, date=None, item=None):
    """The per-document function every engine runs (with the cyclic garbage
    collector on, whatever the caller did: spaCy objects may form cycles).
    `item`: None for a .txt page, else what kg.corpus.records.extract_item
    reads (an article of a records file, or "html" / "markdown")."""
    from kg.errors import InputError
    from kg.extraction import extract_file
    was = gc.isenabled()
    gc.enable()
    try:
        warm()
        try:
            if item is None:
                ext = extract_file(path, date)
            else:
                from kg.corpus.records import extract_item
                ext = extract_item(path, date, item)
        except InputError as e:
            return ("bad", e.reason)
        except Exception as e:  # noqa: BLE001 - one bad page must not stop a corpus
            return ("error", f"extraction failed ({type(e).__name__}: {e})")
        return ("ok", json.dumps(ext, ensure_ascii=False, separators=(",", ":")))
    finally:
        if not was:
            gc.disable()


def _ordered(submit, items, window):
    """result() of submit(item) for each item, in order, `window` in flight.
    The first window is submitted now (not at the first next()), so the
    workers start while the caller is busy with something else."""
    pending = deque()
    it = iter(items)
    for item in it:
        pending.append(submit(item))
        if len(pending) >= window:
            break

    def results():
        while pending:
            fut = pending.popleft()
            res = fut.result()
            for item in it:
                pending.append(submit(item))
                break
            yield res
    return results()


def pipeline_loaded() -> bool:
    """Whether this process has the spaCy pipeline in memory already."""
    mod = sys.modules.get("kg.nlp.pipeline")
    return bool(mod and mod.loaded())


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
        for item in items:
            yield process_document(*item)


def die_with_parent():
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


class ProcessEngine:
    """A pool of worker processes, each with its own pipeline, watched by
    the driver (kg.corpus.pool): a document over `limits` (time, memory), or
    whose worker dies, is ("killed", reason) and a new worker takes over.

    If this process has the pipeline loaded already (a test session, a
    notebook), the workers are forked with it (copy-on-write, no load);
    otherwise each worker loads its own, in parallel, and this process (the
    driver) never holds the model. `wait_ready`: block in __enter__ until
    every worker has its pipeline (clean timings; a worker that cannot
    start is WorkersFailed there, with its reason); without it the
    workers load while the driver goes on (an incremental build reading its
    cache), and such a failure comes out of map()."""

    name = "process"

    def __init__(self, workers: int, window: int | None = None, wait_ready: bool = True,
                 limits=None):
        from kg.corpus.pool import Limits
        self.workers = workers
        self.window = window or workers * 4
        self.wait_ready = wait_ready
        self.limits = Limits() if limits is None else limits
        self.pool = None
        self.submitted = None   # what submit() sent

    def __enter__(self):
        t = time.perf_counter()
        self._start()
        if self.wait_ready:
            self.pool.wait_ready()
        self.ready_seconds = time.perf_counter() - t
        return self

    def _start(self):
        from kg.corpus.pool import Pool
        if self.pool is not None:
            return
        preload = sys.platform.startswith("linux") and pipeline_loaded()
        if preload:
            gc.freeze()   # keep the collector from touching (and copying) shared pages
        try:
            self.pool = Pool(self.workers, self.limits, self.window, load=not preload)
        finally:
            if preload:
                gc.unfreeze()

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.close(kill=bool(exc and exc[0] is not None))
        return False

    def kill(self) -> None:
        """End the workers now, whatever they hold."""
        if self.pool is not None:
            self.pool.close(kill=True)

    def submit(self, items) -> None:
        """Send the work now: the workers start on it the moment their
        pipeline is loaded. map() then only collects."""
        self._start()
        self.submitted = list(items)
        self.pool.submit(self.submitted)

    def map(self, items):
        items = list(items)
        if self.submitted != items:
            self.submit(items)
        return self.pool.results()


class WarmWorker(ProcessEngine):
    """One worker process forked before the driver knows whether anything
    needs extracting: a rebuild hashes its corpus and reads its cache while
    this loads the pipeline, instead of after. `kill()` ends it
    unused when nothing changed; the rebuild pays no wait for it. Linux
    only (fork)."""

    ready_seconds = 0.0

    def __init__(self, limits=None):
        super().__init__(1, wait_ready=False, limits=limits)
        self._start()

    def __enter__(self):
        return self


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
        # absolute paths: a worker's working directory is not the driver's
        return _ordered(lambda it: self.client.submit(process_document, os.path.abspath(it[0]), *it[1:],
                                                      pure=False),
                        items, self.window)


def make_engine(kind: str, workers: int, scheduler: str | None = None, n_jobs: int | None = None,
                incremental: bool = False, limits=None):
    """The engine for `--engine KIND --workers N` and `n_jobs` documents to
    extract; `incremental`: most documents come from the cache. `limits`
    (kg.corpus.pool.Limits) apply in worker processes only: with limits,
    one worker is a watched process too, not this process."""
    from kg.corpus.pool import Limits
    limits = Limits() if limits is None else limits
    if kind == "dask":
        return DaskEngine(scheduler, workers)
    if n_jobs is not None:
        workers = max(1, min(workers, n_jobs))
    unlimited = not (limits.seconds or limits.megabytes)
    if kind == "serial" or (unlimited and workers <= 1 and (not incremental or pipeline_loaded())):
        return SerialEngine()
    # a few changed files: one worker loads the pipeline while the driver reads the cache
    return ProcessEngine(workers, wait_ready=not incremental, limits=limits)
