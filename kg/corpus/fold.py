"""The fold step of a build: the plan's extractions, cached or fresh, folded into one graph.

A rebuild starts from the last build's graph (kg.corpus.state.foldstate)
with the changed and removed files' part taken out, and folds only those
files again; a full build folds every file into an empty graph. Files are
folded in the plan's order (base name, then source key), whatever order an engine
returns them in, so the graph does not depend on the number of workers.
"""

import json
from dataclasses import dataclass, field

from kg.corpus.report import failure, say
from kg.corpus.pool import KILLED
from kg.corpus.state.foldstate import FoldState
from kg.corpus.state.packed import without_source
from kg.corpus.state.reuse import REUSE_DIR, preload
from kg.graph import add_extraction, footprint, remove_articles, remove_source, settle


@dataclass
class Fold:
    """The graph being folded and what a build learns while folding it."""

    state: FoldState
    patching: bool                     # the last build's graph was loaded, and is being patched
    changed: frozenset = frozenset()   # names of the files added, changed or removed (patching only)
    stores: dict | None = None         # the exporters' saved records, read ahead (patching only)
    nodes: set = field(default_factory=set)   # touched node ids and edge keys (patching only)
    edges: set = field(default_factory=set)
    graph: object = None               # the graph of the outputs: persons and bodies resolved (kg.corpus.resolved)
    out_nodes: set = field(default_factory=set)   # its touched node ids and edge keys (patching only)
    out_edges: set = field(default_factory=set)
    out_sources: frozenset = frozenset()   # the files whose part of the outputs is rendered again
    errors: list = field(default_factory=list)
    n_ok: int = 0
    n_cached: int = 0
    aborted: bool = False

    @property
    def g(self):
        return self.state.g


def start(out, changes, keep: list) -> Fold:
    """The fold state to fold into: the last build's graph without the
    changed files' part when `changes` names them and it is saved, else empty."""
    state = FoldState(out / REUSE_DIR)
    keep.append(state)
    incremental = changes is not None and changes.sources is not None
    if not (incremental and state.load(changes.last["build"])):
        return Fold(state, False)
    fold = Fold(state, True, frozenset(changes.sources))
    for src in sorted(fold.changed):   # take the changed and removed files' part out
        fp = state.pop_doc(src)
        if fp is not None:
            nodes, edges = fp
            state.materialize(nodes | edges)
            remove_source(state.g, src, nodes, edges, drop_mentions=without_source)
            fold.nodes |= nodes
            fold.edges |= edges
        state.failed.pop(src, None)
    remove_articles(state.g, fold.changed)
    # while the worker loads the pipeline: what the exporters will need
    fold.stores = preload(out / REUSE_DIR, changes.last["build"])
    keep.append(fold.stores)
    if any(tables is None for name, (_store, tables) in fold.stores.items() if name != "layout"):
        state.materialize()   # an exporter renders everything: it needs every mention
    from kg.corpus import assemble  # noqa: F401  (imported now, not in the forked lanes)
    return fold


def fold_all(fold: Fold, plan, results, store, date, bar, keep_going: bool, require_date: bool = False) -> None:
    """Fold every source of the plan: `results` yields the engine's (status,
    payload) for the ones that were not cached, in plan order.
    `require_date`: a source with an article of no date fails (kind no-date)."""
    from kg.corpus.engines import process_document
    for e in plan:
        if fold.patching and e.source not in fold.changed:   # its part of the graph is there
            reason = fold.state.failed.get(e.source)
            _count(fold, bar, e.where, e.chars, cached=True, reason=reason)
        else:
            text = store.get(e.key) if e.hit else None
            if text is not None:
                res = ("ok", text)
            elif e.hit:   # an entry that went missing since planning
                res = process_document(e.path, date, e.item)
            else:
                res = next(results)
            reason = _fold_one(fold, e, res, store, date, require_date)
            _count(fold, bar, e.where, e.chars, cached=bool(e.hit and text is not None), reason=reason)
        if reason is not None and not keep_going:
            fold.aborted = True
            return
    if fold.patching:
        settle(fold.g, fold.nodes, fold.edges)
    resolve(fold)


def resolve(fold: Fold) -> None:
    """The outputs' graph: one node per person and per bare body of the
    folded graph's per-document ones (kg.corpus.resolve, kg.corpus.resolve_bodies),
    each post edge with its `tenure` over the corpus (kg.graph.tenure),
    made again over the whole graph every build; a rebuild renders again
    every node of a name its changed files touch, as resolved before and now."""
    from kg import ruleset
    from kg.corpus.resolve import resolve_persons
    from kg.corpus.resolve_bodies import resolve_bodies
    from kg.corpus.resolved import image, resolved_graph, touched
    from kg.graph import tenure
    state = fold.state
    if fold.patching:   # a merged node is made of its parts' mentions and sources
        state.materialize()
    g = state.g
    days = {}
    for a in g.graph.get("articles", []):
        if a.get("date"):
            days.setdefault(a["source"], set()).add(a["date"])
    rules = ruleset.current()
    persons = resolve_persons(g, rules,
                              lambda n: set().union(*(state.footprint(src)[0] for src in g.nodes[n]["sources"])),
                              lambda n: set().union(*(days.get(src, ()) for src in g.nodes[n]["sources"])))
    persons.update(resolve_bodies(g, rules))
    fold.graph = resolved_graph(g, persons)
    tenure.annotate(fold.graph, rules)   # a function of each edge's own data: rebuilds agree
    state.resolution = {n: rid for n, (rid, _basis) in persons.items()}
    if fold.patching:
        fold.out_nodes, fold.out_edges, new = touched(g, fold.nodes, fold.edges,
                                                      state.resolved_before, state.resolution)
        # a file that mentions a node under a new id: its articles name that id
        again = {src for r in new for src in fold.graph.nodes[r]["sources"]} - fold.changed
        for src in sorted(again):
            nodes, edges = image(state.footprint(src), persons)
            fold.out_nodes |= nodes
            fold.out_edges |= edges
        fold.out_sources = fold.changed | again


def _fold_one(fold: Fold, e, res, store, date, require_date: bool):
    """Fold one source's (status, payload) into the graph as `e.source`
    (its path from the corpus root, `#id` for an article of a records file:
    the extraction names only the file), repairing the cache on the way;
    returns None, or why the source failed."""
    from kg.corpus.engines import process_document
    status, payload = res
    key = e.key
    if status in ("bad", KILLED) and key is not None:   # unusable, or over a limit: not again
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
            status, payload = process_document(e.path, date, e.item)
            ext = json.loads(payload) if status == "ok" else None
        if ext is not None and not e.hit and key is not None:
            store.put(key, payload)
    if ext is not None and require_date:
        undated = sum(1 for a in ext["articles"] if not a.get("date"))
        if undated:
            ext, payload = None, f"no date (--require-date): {undated} of its {len(ext['articles'])} article(s)"
    if ext is None:
        fold.state.failed[e.source] = payload
        return payload
    ext["source"] = e.source
    if fold.patching:   # only changed files get here: their nodes' mentions are needed
        fold.state.materialize(set.union(*footprint(ext)))
    nodes, edges = add_extraction(fold.g, ext)
    fold.state.set_doc(e.source, (nodes, edges))
    if fold.patching:
        fold.nodes |= nodes
        fold.edges |= edges
    return None


def _count(fold: Fold, bar, f, chars: int, cached: bool, reason) -> None:
    if reason is None:
        fold.n_ok += 1
    else:
        fold.errors.append(failure(f, reason))
        if bar.enabled:
            bar.message("")
        say(fold.errors[-1])
    fold.n_cached += cached
    bar.update(chars, cached=cached, failed=reason is not None)
