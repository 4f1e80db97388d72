"""The corpus driver: many files -> one graph -> graph.{json,ttl,html,graphml}.

Built for corpora of a million pages:

- streaming: files are read one at a time (to hash them), extracted by an
  engine (kg.corpus.engines: this process, a process pool, or Dask) that keeps a
  few documents in flight, and folded into the graph one by one in a fixed
  order (base name, then path from the corpus root) — the output does not depend on the number of
  workers or the order the files were given in;
- incremental: each file's extraction is cached under a key of its content,
  name, date and the pipeline version (kg.corpus.cache); a rebuild extracts only
  new or changed files, and a build killed halfway resumes where it stopped;
- failures: a bad file is reported (stderr and OUT/errors.tsv) and skipped,
  the others still make the graph (`keep_going=False` stops at the first);
- one build at a time: a build holds OUT's lock (kg.corpus.lock) from start
  to end; another waits for it, or refuses (`wait=False`, `kg build --no-wait`);
- every output is written into a new generation directory, published in one
  rename once all are written (kg.corpus.publish), so a build that dies at any
  moment leaves the previous outputs whole; the next build removes what it left;
- a build whose inputs, code, rules and options are those of the last one
  (`OUT/.manifest.json`), with its outputs still in place, writes nothing.

Size: the build's steps in order (plan, engine, fold, write, report) and
the options each takes, in one place.
"""

import gc
import os
import sys
import time
from pathlib import Path
from kg.corpus.lock import locked
from kg.corpus.outputs import MANIFEST, PUBLISHED, current_outputs, write_errors, write_manifest, write_outputs
from kg.corpus.plan import Planned, build_digest, build_settings, collect, hash_files, what_changed
from kg.corpus.report import Failure, no_usable_input, say, say_undated, undated_sources, unread_sources

def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# The graphs and states of builds whose caller exits right after (build(exiting=True)).
_PARKED: list = []


def build(inputs, out: Path, date=None, base_iri=None, *, exiting: bool = False, **options) -> int:
    """Build the graph files in `out`; returns the number of files that failed.

    Python's cyclic garbage collector is off meanwhile: the fold makes
    millions of long-lived dicts, and every few thousand new ones it would
    walk all those made before. The extraction itself runs with it on
    (engines.process_document).

    `exiting`: the caller ends its process right after (the `kg` command,
    kg.cli.run; the bench's children). The build's graph, fold state and
    saved records, ~10^6 objects, are then parked in _PARKED and frozen out
    of the collector's sight instead of being freed: freeing them, and the
    collection that the first allocations after the build would set off (the
    graph is a reference cycle through networkx's cached views), is work for
    a process about to end (docs/SCALE.md). Options: see _build."""
    was = gc.isenabled()
    gc.disable()
    keep = [] if exiting else None
    try:
        return _build(inputs, out, date, base_iri, keep=keep, **options)
    finally:
        if keep is not None:
            _PARKED.append(keep)
            gc.freeze()
        if was:
            gc.enable()


def _build(inputs, out: Path, date=None, base_iri=None, *, workers: int | None = None,
           engine="process", scheduler: str | None = None, cache=None, keep_going: bool = True,
           progress: bool | None = None, stats: dict | None = None, keep: list | None = None,
           wait: bool = True, limits=None, retry_failed: bool = False, require_date: bool = False) -> int:
    """Build the graph files in `out`; returns the number of files that failed.

    `base_iri`: the base of the instance IRIs in graph.ttl (None: the default).
    `workers`: processes (default: the machine's cores). `engine`: "serial",
    "process", "dask" (`scheduler`: a dask.distributed address; None: a
    LocalCluster), or an engine object from kg.corpus.engines. `cache`: a directory
    (None: OUT/.cache; False: no cache). `progress`: None draws the bar when
    stderr is a terminal. `stats`, when a dict, receives counts and timings.
    `keep`, when a list, receives the big objects the build made (see build).
    `wait`: when another build holds OUT, wait for it (else kg.corpus.lock.OutputBusy).
    `limits`: the time and memory limits per document in worker processes
    (kg.corpus.pool.Limits; None: its defaults). `retry_failed`: extract
    again the files that failed before (cached failures are otherwise kept).
    `require_date`: a source with an article of no date fails (else it is
    counted, and listed in errors.tsv as kind no-date).
    """
    from kg.corpus.publish import remove_leftovers
    t_start = time.perf_counter()
    out = Path(out)
    with locked(out, wait) as after_kill:
        remove_leftovers(out)   # a killed build's
        if after_kill and cache is not False:
            from kg.corpus.cache import Cache
            Cache(Path(cache) if cache else out / ".cache").remove_leftovers()
        warm = _warm_worker(out, engine, cache, limits)   # first: before this process imports much
        try:
            return _build_with(inputs, out, date, base_iri, warm, workers=workers, engine=engine,
                               scheduler=scheduler, cache=cache, keep_going=keep_going, progress=progress,
                               stats=stats, t_start=t_start, keep=[] if keep is None else keep,
                               limits=limits, retry_failed=retry_failed, require_date=require_date)
        finally:
            if warm is not None:
                warm.kill()


SPECULATE_UP_TO = 4   # changed documents a rebuild's warm worker takes alone


def _warm_worker(out: Path, engine, cache, limits):
    """A kg.corpus.engines.WarmWorker when this looks like a rebuild (a previous
    build's manifest, a cache, the process engine, Linux, no pipeline in
    this process), else None."""
    from kg.corpus.engines import WarmWorker, pipeline_loaded
    if engine != "process" or cache is False or not sys.platform.startswith("linux") or pipeline_loaded():
        return None
    if not (out / MANIFEST).exists():
        return None
    return WarmWorker(limits)


def _build_with(inputs, out: Path, date, base_iri, warm, *, workers, engine, scheduler, cache,
                keep_going, progress, stats, t_start, keep: list, limits, retry_failed, require_date) -> int:
    """Plan, fold, write (see build); the steps are kg.corpus.fold and kg.corpus.outputs."""
    from kg.corpus.fold import start
    from kg.corpus.progress import Progress

    p = _planned(inputs, out, date, base_iri, cache, warm, retry_failed, require_date)
    for f in p.skipped:
        say(f)
    if not p.plan:
        raise no_usable_input(out, p.skipped, (out / "graph.json").exists())
    if p.skipped and not keep_going:
        print(f"kg build: stopped at the first failure; {out}/ is unchanged", file=sys.stderr)
        _fill(stats, p, 0, 0, p.skipped, 0.0, 0.0, 0.0, t_start)
        return len(p.skipped)
    if not p.todo and p.digest is not None:
        current = current_outputs(out, p.digest, keep_going)
        if current is not None:
            return _report_current(out, current, p, stats, t_start)
    settings = build_settings(date, base_iri, p.version, require_date)
    changes = what_changed(out, p.plan, p.digest, settings)
    bar = Progress(len(p.plan), enabled=progress)
    fold = start(out, changes, keep)
    fold.errors.extend(p.skipped)
    eng = _engine(warm, engine, workers or default_workers(), scheduler, p, limits)
    ready, extract_seconds, t_extracted = _extract_and_fold(fold, p, eng, date, bar, keep_going, require_date)
    if fold.aborted:
        print(f"kg build: stopped at the first failure; {out}/ is unchanged", file=sys.stderr)
        _fill(stats, p, fold.n_ok, fold.n_cached, fold.errors, ready, extract_seconds, 0.0, t_start)
        return len(fold.errors)
    if fold.n_ok == 0:   # every input failed: the last build's outputs stay
        raise no_usable_input(out, fold.errors, (out / "graph.json").exists())
    articles = fold.graph.graph.get("articles", [])
    undated = undated_sources(articles) + unread_sources(articles)
    write_seconds = _write(out, fold, p, changes, settings, base_iri, keep, undated)
    g, errors, n_ok, n_cached = fold.graph, fold.errors, fold.n_ok, fold.n_cached
    say_undated(undated)
    extracted = n_ok + len(errors) - len(p.skipped) - n_cached
    print(f"kg build: {n_ok} file(s), {g.number_of_nodes()} nodes, "
          f"{len(g.edges)} edges -> {out}/ ({n_cached} from cache, {extracted} extracted"
          f"{f' on {eng.workers} worker(s)' if eng is not None else ''}, {len(errors)} failed; "
          f"{t_extracted - p.t_planned:.1f} s extracting, {write_seconds:.1f} s writing)", file=sys.stderr)
    _fill(stats, p, n_ok, n_cached, errors, ready, extract_seconds, write_seconds, t_start)
    return len(errors)


def _planned(inputs, out: Path, date, base_iri, cache, warm, retry_failed: bool, require_date: bool) -> Planned:
    """Hash every input, and hand a rebuild's few changed files to the warm
    worker before anything else (the digest covers all the package's code).
    `retry_failed`: a cached failure is not a hit."""
    from kg.corpus.cache import Cache, NoCache, pipeline_version
    store = NoCache() if cache is False else Cache(Path(cache) if cache else out / ".cache")
    version = pipeline_version()
    collected = collect(inputs)
    plan, unusable = hash_files(collected.files, date, store, version)
    if retry_failed:
        plan = [e._replace(hit=e.hit and not store.failed(e.key)) for e in plan]
    skipped = collected.skipped + unusable
    todo = [(e.path, date, e.item) for e in plan if not e.hit]
    t_planned = time.perf_counter()
    _start_warm(warm, todo)
    digest = build_digest(plan, skipped, date, base_iri, version, require_date) if isinstance(store, Cache) else None
    return Planned(store, version, plan, skipped, todo, digest, t_planned)


def _start_warm(warm, todo) -> None:
    """Give a rebuild's warm worker its few files, or let it go."""
    if warm is None:
        return
    if todo and len(todo) <= SPECULATE_UP_TO:
        warm.submit(todo)   # extracted while this process loads the last build
    else:
        warm.kill()   # nothing to extract, or work for a pool: its core is the driver's


def _report_current(out: Path, current: dict, p: Planned, stats, t_start) -> int:
    """Nothing changed since the last build: say so, and what failed then
    (the paths passed over were said already)."""
    errors = [Failure(*e) for e in current["failed"]]
    for f in errors[len(p.skipped):]:
        say(f)
    say_undated([Failure(*w) for w in current.get("undated", [])])
    n_files = len(p.plan) + len(p.skipped)
    print(f"kg build: {n_files} file(s), nothing changed since the last build: "
          f"{out}/ is current ({current['nodes']} nodes, {current['edges']} edges, "
          f"{len(errors)} failed)", file=sys.stderr)
    _fill(stats, p, n_files - len(errors), len(p.plan), errors, 0.0, 0.0, 0.0, t_start)
    return len(errors)


def _engine(warm, engine, workers: int, scheduler, p: Planned, limits):
    """The engine that extracts the files to do, or None when there are none.
    The data assets are checked here, before any worker starts: a missing
    one is AssetMissing ("run `kg setup`") at once, not N workers failing."""
    from kg.corpus.engines import make_engine
    if not p.todo:
        return None
    if engine in ("process", "serial"):
        _check_assets()
    if warm is not None and len(p.todo) <= SPECULATE_UP_TO:
        return warm
    if isinstance(engine, str):
        return make_engine(engine, workers, scheduler, n_jobs=len(p.todo),
                           incremental=len(p.todo) < len(p.plan) // 2, limits=limits)
    return engine


def _check_assets() -> None:
    """AssetMissing unless the segmentation model and division tables are set up."""
    from kg.nlp.assets import divisions_path, pkuseg_model_path, world_places_path
    pkuseg_model_path()
    divisions_path()
    world_places_path()


def _extract_and_fold(fold, p: Planned, eng, date, bar, keep_going: bool, require_date: bool) -> tuple:
    """(seconds the engine took to start, seconds extracting, when it ended)."""
    from kg.corpus.fold import fold_all
    ready = 0.0
    if eng is not None:
        bar.message(f"starting {len(p.todo)} document(s) on the {eng.name} engine ...")
        eng.__enter__()
        ready = eng.ready_seconds
    try:
        bar.restart_clock()
        results = eng.map(p.todo) if eng is not None else iter(())
        fold_all(fold, p.plan, results, p.store, date, bar, keep_going, require_date)
        t_extracted = time.perf_counter()
        extract_seconds, _dps, _cps = bar.rates()
    finally:
        if eng is not None:
            eng.__exit__(None, None, None)
        bar.close()
    return ready, extract_seconds, t_extracted


def _write(out: Path, fold, p: Planned, changes, settings: str, base_iri, keep: list, undated: list) -> float:
    """Write every output into a new generation and publish it; returns the seconds it took."""
    from kg.corpus.publish import new_generation, publish
    from kg.corpus.state.reuse import write_plan
    out.mkdir(parents=True, exist_ok=True)
    t_write = time.perf_counter()
    gen = new_generation(out)
    reuse = _reuse(out, p.digest, changes, fold)
    keep.append(reuse)
    write_outputs(gen, fold, reuse, base_iri, p.digest, lanes=default_workers())
    write_errors(gen, fold.errors + undated)
    if changes is not None:
        write_plan(out, p.digest, settings, changes.keys)
    if p.digest is not None:
        write_manifest(gen, p.digest, fold.errors, fold.graph, undated)
    publish(out, gen, PUBLISHED)   # a build without a cache has no manifest: its link dangles
    return time.perf_counter() - t_write


def _reuse(out: Path, digest, changes, fold):
    """The kg.corpus.state.reuse.Reuse for this build's exporters, or None. Records
    are copied only when the last build's graph was patched: the changed
    files' footprints, old (from the graph state) and new, are then known;
    otherwise every record is rendered, and saved for the next build."""
    from kg.corpus.state.reuse import REUSE_DIR, Reuse
    if changes is None:
        return None
    if not fold.patching:
        return Reuse(out / REUSE_DIR, None, digest)
    return Reuse(out / REUSE_DIR, changes.last["build"], digest, frozenset(fold.out_nodes), frozenset(fold.out_edges),
                 fold.out_sources, fold.stores)


def _fill(stats, p: Planned, n_ok, n_cached, errors, ready, extract_seconds, write_seconds, t_start):
    if stats is None:
        return
    extracted = n_ok + len(errors) - len(p.skipped) - n_cached
    stats.update(files=len(p.plan) + len(p.skipped), ok=n_ok, cached=n_cached, extracted=extracted,
                 failed=len(errors), errors=list(errors),
                 chars=sum(e.chars for e in p.plan if not e.hit),
                 ready_seconds=ready, extract_seconds=extract_seconds,
                 write_seconds=write_seconds, total_seconds=time.perf_counter() - t_start)
