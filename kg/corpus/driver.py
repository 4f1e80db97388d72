"""The corpus driver: many files -> one graph -> graph.{json,ttl,html,graphml}.

Built for corpora of a million pages:

- streaming: files are read one at a time (to hash them), extracted by an
  engine (kg.corpus.engines: this process, a process pool, or Dask) that keeps a
  few documents in flight, and folded into the graph one by one in a fixed
  order (file name, then path) — the output does not depend on the number of
  workers or the order the files were given in;
- incremental: each file's extraction is cached under a key of its content,
  name, date and the pipeline version (kg.corpus.cache); a rebuild extracts only
  new or changed files, and a build killed halfway resumes where it stopped;
- failures: a bad file is reported (stderr and OUT/errors.tsv) and skipped,
  the others still make the graph (`keep_going=False` stops at the first);
- every output is written atomically, so a build that dies halfway leaves
  the previous graph readable;
- a build whose inputs, code, rules and options are those of the last one
  (`OUT/.manifest.json`), with its outputs still in place, writes nothing.
"""

import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import NamedTuple

from kg.atomic import write_text

TEXT_SUFFIXES = {".txt"}
OUTPUTS = ("graph.json", "graph.ttl", "graph.html", "graph.graphml", "errors.tsv")
MANIFEST = ".manifest.json"


def collect(inputs) -> list[Path]:
    """The input files: each file given, and every .txt file under each
    directory given (os.walk: a million pages are listed in seconds)."""
    files = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = []
            for root, _dirs, names in os.walk(p):
                found.extend(os.path.join(root, n) for n in names if os.path.splitext(n)[1] in TEXT_SUFFIXES)
            files.extend(Path(f) for f in sorted(found) if os.path.isfile(f))
        else:
            files.append(p)
    return files


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _plan(files, date, cache, version):
    """[(path, key or None, chars, cached?)] in build order. Reads each file
    once, to hash it; holds no text. key None: unreadable here (the engine
    reports why)."""
    from kg.corpus.cache import file_key
    plan = []
    for _name, _path, f in sorted({(f.name, str(f), f) for f in files}):
        try:
            with open(f, "rb") as fh:
                data = fh.read()
        except OSError:
            plan.append((f, None, 0, False))
            continue
        key = file_key(data, f.name, date, version)
        hit = cache.has(key)
        chars = 0 if hit else len(data.decode("utf-8", "ignore"))   # for the rates of extraction only
        plan.append((f, key, chars, hit))
    return plan


# The graphs and states of builds whose caller exits right after (build(exiting=True)).
_PARKED: list = []


def build(inputs, out: Path, date=None, base_iri=None, *, exiting: bool = False, **options) -> int:
    """Build the graph files in `out`; returns the number of files that failed.

    Python's cyclic garbage collector is off meanwhile: with it on, parsing
    2,000 cache entries and folding them into the graph took twice as long
    (every few thousand new dicts it walked all the ones made before). The
    extraction itself runs with it on (engines.process_document).

    `exiting`: the caller ends its process right after (the `kg` command,
    kg.cli.run; the bench's children). The build's graph, fold state and
    saved records, ~10^6 objects, are then parked in _PARKED and frozen out
    of the collector's sight instead of being freed: freeing them, and the
    collection that the first allocations after the build set off (the
    graph is a reference cycle through networkx's cached views), took ~0.6 s
    of a 4 s rebuild, for a process about to end. Options: see _build."""
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
           progress: bool | None = None, stats: dict | None = None, keep: list | None = None) -> int:
    """Build the graph files in `out`; returns the number of files that failed.

    `base_iri`: the base of the instance IRIs in graph.ttl (None: the default).
    `workers`: processes (default: the machine's cores). `engine`: "serial",
    "process", "dask" (`scheduler`: a dask.distributed address; None: a
    LocalCluster), or an engine object from kg.corpus.engines. `cache`: a directory
    (None: OUT/.cache; False: no cache). `progress`: None draws the bar when
    stderr is a terminal. `stats`, when a dict, receives counts and timings.
    `keep`, when a list, receives the big objects the build made (see build).
    """
    t_start = time.perf_counter()
    out = Path(out)
    warm = _warm_worker(out, engine, cache)   # first: before this process imports much
    try:
        return _build_with(inputs, out, date, base_iri, warm, workers=workers, engine=engine,
                           scheduler=scheduler, cache=cache, keep_going=keep_going, progress=progress,
                           stats=stats, t_start=t_start, keep=[] if keep is None else keep)
    finally:
        if warm is not None and warm.proc.is_alive():
            warm.kill()


SPECULATE_UP_TO = 4   # changed documents a rebuild's warm worker takes alone


def _warm_worker(out: Path, engine, cache):
    """A kg.corpus.engines.WarmWorker when this looks like a rebuild (a previous
    build's manifest, a cache, the process engine, Linux, no pipeline in
    this process), else None."""
    from kg.corpus.engines import WarmWorker, pipeline_loaded
    if engine != "process" or cache is False or not sys.platform.startswith("linux") or pipeline_loaded():
        return None
    if not (out / MANIFEST).exists():
        return None
    return WarmWorker()


def _build_with(inputs, out: Path, date, base_iri, warm, *, workers, engine, scheduler, cache,
                keep_going, progress, stats, t_start, keep: list) -> int:
    from kg.corpus.cache import Cache, NoCache, pipeline_version
    from kg.corpus.engines import make_engine, process_document
    from kg.corpus.state.reuse import REUSE_DIR, preload
    from kg.corpus.state.foldstate import FoldState
    from kg.corpus.state.packed import without_source
    from kg.graph import add_extraction, footprint, remove_articles, remove_source, settle
    from kg.corpus.progress import Progress

    workers = workers or default_workers()
    store = NoCache() if cache is False else Cache(Path(cache) if cache else out / ".cache")
    version = pipeline_version()
    plan = _plan(collect(inputs), date, store, version)
    todo = [(f, date) for f, key, _c, hit in plan if not hit]
    t_planned = time.perf_counter()
    if warm is not None:
        if todo and len(todo) <= SPECULATE_UP_TO:
            warm.submit(todo)   # extracted while this process loads the last build
        else:
            warm.kill()   # nothing to extract, or work for a pool: its core is the driver's

    digest = _digest(plan, date, base_iri, version) if isinstance(store, Cache) else None
    if not todo and digest is not None:
        current = _current_outputs(out, digest, keep_going)
        if current is not None:
            for f, reason in current["failed"]:
                print(f"kg: {f}: {reason}", file=sys.stderr)
            errors = [tuple(e) for e in current["failed"]]
            print(f"kg build: {len(plan)} file(s), nothing changed since the last build: "
                  f"{out}/ is current ({current['nodes']} nodes, {current['edges']} edges, "
                  f"{len(errors)} failed)", file=sys.stderr)
            _fill(stats, plan, len(plan) - len(errors), len(plan), errors, 0.0, 0.0, 0.0, t_start)
            return len(errors)

    settings = _settings(date, base_iri, version)
    changes = _changes(out, plan, digest, settings)
    incremental = changes is not None and changes.sources is not None
    changed_sources = changes.sources if incremental else ()
    touched_nodes, touched_edges = set(), set()
    bar = Progress(len(plan), enabled=progress)
    state = FoldState(out / REUSE_DIR)
    keep.append(state)
    patching = incremental and state.load(changes.last["build"])
    if patching:   # take the changed and removed files' part out of the last build's graph
        for src in sorted(changed_sources):
            fp = state.pop_doc(src)
            if fp is not None:
                nodes, edges = fp
                state.materialize(nodes | edges)
                remove_source(state.g, src, nodes, edges, drop_mentions=without_source)
                touched_nodes |= nodes
                touched_edges |= edges
            state.failed.pop(src, None)
        remove_articles(state.g, changed_sources)
    g = state.g
    stores = None
    if patching:   # while the worker loads the pipeline: what the exporters will need
        stores = preload(out / REUSE_DIR, changes.last["build"])
        keep.append(stores)
        if any(tables is None for name, (_store, tables) in stores.items() if name != "layout"):
            state.materialize()   # an exporter renders everything: it needs every mention
        _import_exporters()
    errors, n_ok, n_cached, ready = [], 0, 0, 0.0
    aborted = False

    def fail(f, reason):
        errors.append((str(f), reason))
        if bar.enabled:
            bar.message("")
        print(f"kg: {f}: {reason}", file=sys.stderr)

    if warm is not None and todo and len(todo) <= SPECULATE_UP_TO:
        eng = warm
    elif isinstance(engine, str):
        eng = make_engine(engine, workers, scheduler, n_jobs=len(todo),
                          incremental=len(todo) < len(plan) // 2) if todo else None
    else:
        eng = engine if todo else None
    if eng is not None:
        bar.message(f"starting {len(todo)} document(s) on the {eng.name} engine ...")
        eng.__enter__()
        ready = eng.ready_seconds
    try:
        bar.restart_clock()
        results = eng.map(todo) if eng is not None else iter(())
        for f, key, chars, hit in plan:
            if patching and f.name not in changed_sources:   # its part of the graph is there
                reason = state.failed.get(f.name)
                if reason is None:
                    n_ok += 1
                else:
                    fail(f, reason)
                n_cached += 1
                bar.update(chars, cached=True, failed=reason is not None)
                if reason is not None and not keep_going:
                    aborted = True
                    break
                continue
            text = store.get(key) if hit else None
            if text is not None:
                res = ("ok", text)
            elif hit:   # an entry that went missing since planning
                res = process_document(f, date)
            else:
                res = next(results)
            status, payload = res
            if status == "bad" and key is not None:   # the content itself is unusable
                store.put(key, json.dumps({"__error__": payload}, ensure_ascii=False))
            ext = None
            if status == "ok":
                try:
                    ext = json.loads(payload)
                except ValueError:
                    ext = None
                if isinstance(ext, dict) and "__error__" in ext:
                    status, payload, ext = "bad", ext["__error__"], None
                elif ext is None:   # a damaged cache entry: extract again
                    status, payload = process_document(f, date)
                    ext = json.loads(payload) if status == "ok" else None
                if ext is not None and not hit and key is not None:
                    store.put(key, payload)
            if ext is not None:
                if patching:   # only changed files get here: their nodes' mentions are needed
                    state.materialize(set.union(*footprint(ext)))
                nodes, edges = add_extraction(g, ext)
                state.set_doc(f.name, (nodes, edges))
                if patching:
                    touched_nodes |= nodes
                    touched_edges |= edges
                n_ok += 1
            else:
                state.failed[f.name] = payload
                fail(f, payload)
            n_cached += bool(hit and text is not None)
            bar.update(chars, cached=bool(hit and text is not None), failed=ext is None)
            if ext is None and not keep_going:
                aborted = True
                break
        if patching:
            settle(g, touched_nodes, touched_edges)
        t_extracted = time.perf_counter()
        extract_seconds, _dps, _cps = bar.rates()
    finally:
        if eng is not None:
            eng.__exit__(None, None, None)
        bar.close()

    if aborted:
        print(f"kg build: stopped at the first failure; {out}/ is unchanged", file=sys.stderr)
        _fill(stats, plan, n_ok, n_cached, errors, ready, extract_seconds, 0.0, t_start)
        return len(errors)

    from kg.corpus.assemble import write_graphml, write_html, write_json, write_turtle
    from kg.corpus.state.reuse import write_plan

    out.mkdir(parents=True, exist_ok=True)
    t_write = time.perf_counter()
    (out / MANIFEST).unlink(missing_ok=True)   # the outputs are about to change
    reuse = _reuse(out, digest, changes, touched_nodes, touched_edges, patching, stores)
    keep.append(reuse)
    # weights: seconds on a 2,000-page graph, full or patched, each alone in
    # its lane (measured: a patched FoldState.save pickles the touched parts,
    # but doubles in a forked lane, where every page it touches is copied)
    jobs = [(0.6 if patching else 2.5, write_json, (g, out / "graph.json"), {"reuse": reuse}),
            (0.45 if patching else 2.0, write_turtle, (g, out / "graph.ttl"), {"base": base_iri, "reuse": reuse}),
            (0.35 if patching else 2.6, write_html, (g, out / "graph.html"), {"reuse": reuse}),
            (0.17 if patching else 0.4, write_graphml, (g, out / "graph.graphml"), {"reuse": reuse})]
    if reuse is not None:   # the graph itself, for the next build to patch
        jobs.append((0.15 if patching else 1.0, state.save, (digest,),
                     {"nodes": touched_nodes, "edges": touched_edges, "sources": changed_sources}
                     if patching else {}))
    _write_all(g, jobs, lanes=default_workers())
    write_text(out / "errors.tsv", "file\treason\n" + "".join(f"{f}\t{r}\n" for f, r in errors))
    if changes is not None:
        write_plan(out, digest, settings, changes.keys)
    if digest is not None:
        _write_manifest(out, digest, errors, g)
    write_seconds = time.perf_counter() - t_write
    extracted = n_ok + len(errors) - n_cached
    print(f"kg build: {n_ok} file(s), {g.number_of_nodes()} nodes, "
          f"{len(g.edges)} edges -> {out}/ ({n_cached} from cache, {extracted} extracted"
          f"{f' on {eng.workers} worker(s)' if eng is not None else ''}, {len(errors)} failed; "
          f"{t_extracted - t_planned:.1f} s extracting, {write_seconds:.1f} s writing)", file=sys.stderr)
    _fill(stats, plan, n_ok, n_cached, errors, ready, extract_seconds, write_seconds, t_start)
    return len(errors)


def _import_exporters() -> None:
    from kg.corpus import assemble  # noqa: F401


class Changes(NamedTuple):
    """What changed since the last build: `keys`, this build's {file name:
    cache key}; `last`, the last build's record (kg.corpus.state.reuse.read_plan);
    `sources`, the names whose key differs from that build's, or None when
    that build is unknown, ran other code or options, or most of the corpus
    changed (everything is then folded and rendered again)."""
    keys: dict
    last: dict | None
    sources: set | None


def _changes(out: Path, plan, digest, settings: str) -> Changes | None:
    """None without a cache, or with two inputs of one name (nothing is then
    kept for the next build either)."""
    from kg.corpus.state.reuse import read_plan
    if digest is None:
        return None
    keys = {f.name: key for f, key, _c, _hit in plan}
    if len(keys) != len(plan):
        return None
    last = read_plan(out)
    if last is None or last.get("settings") != settings:   # other code or options: render all
        return Changes(keys, None, None)
    old = last["keys"]
    changed = {s for s in keys.keys() | old.keys() if keys.get(s) != old.get(s)}
    return Changes(keys, last, changed if len(changed) <= len(plan) // 2 else None)


def _reuse(out: Path, digest, changes, nodes: set, edges: set, patched: bool, stores):
    """The kg.corpus.state.reuse.Reuse for this build's exporters, or None. Records
    are copied only when the last build's graph was patched: the changed
    files' footprints, old (from the graph state) and new, are then known;
    otherwise every record is rendered, and saved for the next build."""
    from kg.corpus.state.reuse import REUSE_DIR, Reuse
    if changes is None:
        return None
    if not patched:
        return Reuse(out / REUSE_DIR, None, digest)
    return Reuse(out / REUSE_DIR, changes.last["build"], digest, frozenset(nodes), frozenset(edges),
                 frozenset(changes.sources), stores)


def _settings(date, base_iri, version) -> str:
    """The part of _digest that is not the inputs: options and all code."""
    from kg.corpus.cache import package_fingerprint
    return f"{version}\0{package_fingerprint()}\0{date or ''}\0{base_iri or ''}\n"


def _digest(plan, date, base_iri, version) -> str:
    """What the outputs are a function of: every input (path and cache key,
    which covers its bytes, name, date and the extraction code and rules),
    the options, and all of the package's code (the exporters included)."""
    import hashlib
    h = hashlib.sha256(_settings(date, base_iri, version).encode())
    for f, key, _chars, _hit in plan:
        h.update(f"{f}\0{key}\n".encode())
    return h.hexdigest()


def _current_outputs(out: Path, digest: str, keep_going: bool):
    """The last build's manifest when it was made from the same digest and its
    outputs are still there with the sizes it wrote; else None."""
    try:
        m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if m.get("digest") != digest or (m["failed"] and not keep_going):
            return None
        if any((out / name).stat().st_size != size for name, size in m["outputs"].items()):
            return None
        return m
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_manifest(out: Path, digest: str, errors, g) -> None:
    m = {"digest": digest, "nodes": g.number_of_nodes(), "edges": len(g.edges),
         "failed": [list(e) for e in errors],
         "outputs": {name: (out / name).stat().st_size for name in OUTPUTS}}
    write_text(out / MANIFEST, json.dumps(m, ensure_ascii=False, indent=1) + "\n")


def _write_all(g, jobs, lanes: int) -> None:
    """Run the exporters: jobs are (weight, function, args, kwargs), dealt to
    `lanes` lanes by weight (heaviest first, each to the lightest lane); on
    Linux the first lane runs in this process and each other lane in one
    forked child, in parallel (each write is atomic anyway). Children see
    the graph copy-on-write; a child per job instead of per core copied
    more pages than it saved. A child that fails fails the build."""
    def run(lane):
        for _w, fn, args, kw in lane:
            fn(*args, **kw)

    if not sys.platform.startswith("linux") or g.number_of_nodes() < 2000 or lanes < 2 or len(jobs) < 2:
        run(jobs)
        return
    import multiprocessing as mp
    dealt = [[] for _ in range(min(lanes, len(jobs)))]
    load = [0.0] * len(dealt)
    for job in sorted(jobs, key=lambda j: -j[0]):
        i = load.index(min(load))
        dealt[i].append(job)
        load[i] += job[0]

    ctx = mp.get_context("fork")
    procs = [ctx.Process(target=run, args=(lane,), daemon=True) for lane in dealt[1:]]
    for p in procs:
        p.start()
    try:
        run(dealt[0])
    finally:
        for p in procs:
            p.join()
    bad = [p for p in procs if p.exitcode != 0]
    if bad:
        raise RuntimeError(f"writing an output failed (exit code {bad[0].exitcode})")


def _fill(stats, plan, n_ok, n_cached, errors, ready, extract_seconds, write_seconds, t_start):
    if stats is None:
        return
    extracted = n_ok + len(errors) - n_cached
    stats.update(files=len(plan), ok=n_ok, cached=n_cached, extracted=extracted,
                 failed=len(errors), errors=list(errors),
                 chars=sum(c for _f, _k, c, hit in plan if not hit),
                 ready_seconds=ready, extract_seconds=extract_seconds,
                 write_seconds=write_seconds, total_seconds=time.perf_counter() - t_start)
