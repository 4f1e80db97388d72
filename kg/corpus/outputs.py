"""The write step of a build: the exporters in parallel lanes, then errors.tsv, the plan and the manifest.

Everything is written into the build's own generation directory, which
kg.corpus.publish makes current in one rename once all is there, so a
build that dies halfway leaves the previous outputs in place, whole. The
manifest (what the outputs are a function of, and their sizes) is written
last; the next build reads it through OUT/.manifest.json to tell whether
OUT is current.

A forked lane dies with its build (SIGKILL when the parent dies, Linux
prctl), and one whose parent is already gone when it starts leaves at once:
no writer outlives a killed build, and none ever writes a published path.
"""

import json
import os
import signal
import sys
from pathlib import Path

from kg.atomic import write_text

OUTPUTS = ("graph.json", "graph.ttl", "graph.html", "graph.graphml", "nodes.csv", "edges.csv", "evidence.csv",
           "errors.tsv")
MANIFEST = ".manifest.json"
PUBLISHED = (*OUTPUTS, MANIFEST)   # what a generation holds, under OUT/ by the same names
PR_SET_PDEATHSIG = 1   # linux/prctl.h

# Lane weights: the seconds each writer took on the 2,000-page graph of
# scripts/bench.py, alone in its lane, as (full build, patched rebuild).
# A patched FoldState.save pickles only the touched parts, but doubles in a
# forked lane, where every page it touches is copied.
WEIGHT_JSON = (2.5, 0.6)
WEIGHT_TURTLE = (2.0, 0.45)
WEIGHT_HTML = (2.6, 0.35)
WEIGHT_GRAPHML = (0.4, 0.17)
WEIGHT_STATE = (1.0, 0.15)
# Below this many nodes the writers run one after another: forking costs more than it saves.
PARALLEL_FROM_NODES = 2000


def write_outputs(out: Path, fold, reuse, base_iri, digest, lanes: int) -> None:
    """The graph files and tables, and the fold state when `reuse` keeps one for the next build."""
    from kg.corpus.assemble import write_graphml, write_html, write_json, write_turtle
    g, p = fold.graph, int(fold.patching)
    jobs = [(WEIGHT_JSON[p], write_json, (g, out / "graph.json"), {"base": base_iri, "reuse": reuse}),
            (WEIGHT_TURTLE[p], write_turtle, (g, out / "graph.ttl"), {"base": base_iri, "reuse": reuse}),
            (WEIGHT_HTML[p], write_html, (g, out / "graph.html"), {"reuse": reuse}),
            (WEIGHT_GRAPHML[p], write_graphml, (g, out / "graph.graphml"), {"base": base_iri, "reuse": reuse})]
    if reuse is not None:   # the graph itself, for the next build to patch
        jobs.append((WEIGHT_STATE[p], fold.state.save, (digest,),
                     {"nodes": fold.nodes, "edges": fold.edges, "sources": fold.changed}
                     if fold.patching else {}))
    write_all(g, jobs, lanes)
    write_tables(fold, out, base_iri)   # after the fold state is saved: it unpacks a rebuild's graph


def write_tables(fold, out: Path, base_iri) -> None:
    """nodes.csv, edges.csv, evidence.csv (kg.export.csv), rendered whole
    from every node's and edge's data: a patched graph's are unpacked first."""
    from kg.export.csv import write_csv
    if fold.patching:
        fold.state.materialize()
    write_csv(fold.graph, out, base_iri)


def write_all(g, jobs, lanes: int) -> None:
    """Run the exporters: jobs are (weight, function, args, kwargs), dealt to
    `lanes` lanes by weight (heaviest first, each to the lightest lane); on
    Linux the first lane runs in this process and each other lane in one
    forked child, in parallel (each write is atomic anyway). Children see
    the graph copy-on-write; a child per job instead of per core copied
    more pages than it saved. A child that fails fails the build."""
    def run(lane):
        for _w, fn, args, kw in lane:
            fn(*args, **kw)

    def run_forked(lane, parent):
        _die_with(parent)
        run(lane)

    if (not sys.platform.startswith("linux") or g.number_of_nodes() < PARALLEL_FROM_NODES or lanes < 2
            or len(jobs) < 2):
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
    procs = [ctx.Process(target=run_forked, args=(lane, os.getpid()), daemon=True) for lane in dealt[1:]]
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


def _die_with(parent: int) -> None:
    """In a forked lane: be killed when the build dies, and leave now if it
    died before that was asked (the parent is no longer the one that forked
    this lane: the race between fork and prctl)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def write_errors(out: Path, errors) -> None:
    from kg.corpus.report import errors_tsv
    write_text(out / "errors.tsv", errors_tsv(errors))


def current_outputs(out: Path, digest: str, keep_going: bool):
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


def write_manifest(out: Path, digest: str, errors, g, undated=()) -> None:
    """Written last into generation `out`: its outputs are all there.
    `undated`: the no-date rows of errors.tsv (warnings, not failures)."""
    m = {"digest": digest, "nodes": g.number_of_nodes(), "edges": len(g.edges),
         "failed": [list(e) for e in errors], "undated": [list(e) for e in undated],
         "outputs": {name: (out / name).stat().st_size for name in OUTPUTS}}
    write_text(out / MANIFEST, json.dumps(m, ensure_ascii=False, indent=1) + "\n")
