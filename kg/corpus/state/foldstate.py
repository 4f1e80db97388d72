"""The folded graph, kept between builds, so a rebuild folds only what changed.

A full build reads and folds every cached extraction, a cost per page that
comes before any output can start. The graph it folds
is kept in OUT/.reuse/graph.*.pickle (kg.corpus.state.saved: a base and a delta), with
each file's footprint (the nodes and edges it gave, kg.graph.footprint) and
the reasons files failed. A rebuild loads it, takes out the part of every
changed or removed file (kg.graph.remove_source), folds in their new
extractions, and settles the attributes that depend on file order
(kg.graph.settle): the same graph as a fold from nothing, which
tests/corpus/test_build_scale.py checks on the outputs, byte for byte.
"""

import pickle
from pathlib import Path

import networkx as nx

from kg.corpus.state.packed import Mentions
from kg.corpus.state.saved import Saved

NAME = "graph"


_OWN = ("mentions", "sources")        # node fields kept per source file
_EDGE_OWN = ("evidence", "sources")


def _pack(obj) -> bytes:
    return pickle.dumps(obj, protocol=5)


class FoldState:
    """`g`: the graph; `failed`: {file name: reason}; each file's footprint
    through pop_doc() and set_doc().

    What a node or edge has from one file is a part: its `sources` entry,
    the number of its mentions or evidence, and those pickled on their own.
    A node's or edge's parts are saved together as one blob ("node_parts",
    "edge_parts"); a file's footprint is a blob too. A loaded graph keeps
    them packed until something asks for them (materialize(), pop_doc()): a
    rebuild needs those of the few nodes, edges and files it touches, and
    a blob per node or edge loads several times faster than an entry per
    (node or edge, file) (docs/SCALE.md). Even a touched node keeps its
    mentions packed by file (kg.corpus.state.packed.Mentions).

    A rebuild does not write a touched node's blob again (国务院's holds its
    10^4 mentions): it saves the changed files' parts of it as patches
    ("node_patches", "edge_patches": {(node or edge, file): part, or None
    for a part taken out}), which go into the blobs when the tables are
    next saved whole (kg.corpus.state.saved writes a delta until it has grown past a
    fifth of the base)."""

    def __init__(self, dir: Path):
        self.store = Saved(dir, NAME)
        self.g = nx.MultiDiGraph()
        self.docs, self.failed = {}, {}   # docs: {file name: footprint, or its blob}
        self.loaded = False
        self.packed = {}    # node or edge key -> its blob, until materialized
        self.patches = {}   # node or edge key -> {file: part or None}, until materialized
        self.patched = {}   # node or edge key -> the files it has patches for, as saved
        self.had = {}       # node or edge key -> the files it had, once materialized
        # {per-document person node: its node in the outputs} (kg.corpus.resolve), as
        # saved (`resolved_before`) and as this build resolves it (`resolution`)
        self.resolution, self.resolved_before = {}, {}

    def load(self, tag: str) -> bool:
        """The state of build `tag`, if that is what is saved."""
        t = self.store.load(tag)
        if t is None or "resolution" not in t:   # none, or saved before persons were resolved
            return False
        g = nx.MultiDiGraph()
        g.add_nodes_from(t["nodes"].items())
        g.add_edges_from((h, o, k, d) for (h, o, k), d in t["edges"].items())
        g.graph["articles"] = [a for src in sorted(t["articles"]) for a in t["articles"][src]]
        self.packed = {**t["node_parts"], **t["edge_parts"]}   # the loaded tables stay whole (kg.corpus.state.saved)
        self.patches, self.patched = {}, {}
        for table in ("node_patches", "edge_patches"):
            for (key, src), blob in t.get(table, {}).items():
                self.patches.setdefault(key, {})[src] = blob
                self.patched.setdefault(key, set()).add(src)
        self.g, self.docs, self.failed = g, dict(t["docs"]), t["failed"]
        self.resolved_before = dict(t["resolution"])
        self.resolution = dict(self.resolved_before)
        self.loaded = True
        return True

    def pop_doc(self, src: str):
        """(node ids, edge keys) file `src` gave the graph, or None; forgotten."""
        fp = self.docs.pop(src, None)
        return pickle.loads(fp) if isinstance(fp, bytes) else fp

    def footprint(self, src: str):
        """(node ids, edge keys) file `src` gave the graph, kept."""
        fp = self.docs[src]
        return pickle.loads(fp) if isinstance(fp, bytes) else fp

    def set_doc(self, src: str, footprint) -> None:
        self.docs[src] = footprint

    def materialize(self, keys=None) -> None:
        """Unpack the sources and mentions (nodes: by file, see Mentions) or
        evidence (edges, in file order) of these node ids and edge keys, or of all."""
        g = self.g
        for key in list(self.packed.keys() | self.patches.keys()) if keys is None else keys:
            blob, patch = self.packed.pop(key, None), self.patches.pop(key, None)
            if blob is None and patch is None:
                continue
            edge = isinstance(key, tuple)
            if edge and g.has_edge(*key):
                d = g.edges[key]
            elif not edge and key in g:
                d = g.nodes[key]
            else:
                continue
            parts = pickle.loads(blob) if blob is not None else {}
            for src, part in (patch or {}).items():
                if part is None:
                    parts.pop(src, None)
                else:
                    parts[src] = part
            self.had[key] = set(parts)
            d["sources"] = {src: parts[src][0] for src in sorted(parts)}
            if edge:
                d["evidence"] = [x for src in sorted(parts) for x in pickle.loads(parts[src][2])]
            else:
                d["mentions"] = Mentions({src: (n, items) for src, (_own, n, items) in parts.items()})

    @staticmethod
    def _parts(d, items: str, sources=None) -> dict:
        """{file: (what the file gave, how many mentions or evidence, them
        pickled)} of a node or edge (items: "mentions" or "evidence"), for
        these files or all. A node's mentions still packed stay so."""
        wanted = [src for src in sorted(d["sources"]) if sources is None or src in sources]
        got = d[items]
        if isinstance(got, Mentions):
            out = {}
            for src in wanted:
                packed = got.packed(src)
                if packed is None:
                    mine = got.of(src)
                    packed = (len(mine), _pack(mine))
                out[src] = (d["sources"][src], *packed)
            return out
        by = {src: [] for src in wanted}
        for x in got:
            if x["source"] in by:
                by[x["source"]].append(x)
        return {src: (d["sources"][src], len(by[src]), _pack(by[src])) for src in wanted}

    def _docs_packed(self) -> dict:
        return {src: fp if isinstance(fp, bytes) else _pack(fp) for src, fp in self.docs.items()}

    def tables(self) -> dict:
        self.materialize()
        g = self.g
        t = {"nodes": {}, "node_parts": {}, "edges": {}, "edge_parts": {}, "articles": {},
             "docs": self._docs_packed(), "failed": self.failed, "node_patches": {}, "edge_patches": {},
             "resolution": dict(self.resolution)}
        for n, d in g.nodes(data=True):
            t["nodes"][n] = {k: v for k, v in d.items() if k not in _OWN}
            t["node_parts"][n] = _pack(self._parts(d, "mentions"))
        for h, o, k, d in g.edges(keys=True, data=True):
            t["edges"][h, o, k] = {a: v for a, v in d.items() if a not in _EDGE_OWN}
            t["edge_parts"][h, o, k] = _pack(self._parts(d, "evidence"))
        for a in g.graph.get("articles", []):
            t["articles"].setdefault(a["source"], []).append(a)
        return t

    def save(self, tag: str, nodes=None, edges=None, sources=None) -> None:
        """Save the graph under `tag`; after a patch (self.loaded), name what
        it touched (nodes, edges, file names): only those entries are written."""
        if not self.loaded or nodes is None:
            self.store.save(tag, self.tables())
            return
        g, sources = self.g, set(sources)
        self.materialize(set(nodes) | set(edges))
        names = ("nodes", "node_parts", "node_patches", "edges", "edge_parts", "edge_patches",
                 "articles", "docs", "failed", "resolution")
        up = {name: {} for name in names}
        gone = {name: set() for name in names}
        for kind, keys, there, view, field in (("node", nodes, g.__contains__, g.nodes, "mentions"),
                                               ("edge", edges, lambda e: g.has_edge(*e), g.edges, "evidence")):
            fields = _OWN if kind == "node" else _EDGE_OWN
            for key in keys:
                if there(key):
                    d = view[key]
                    up[kind + "s"][key] = {k: v for k, v in d.items() if k not in fields}
                    parts = self._parts(d, field, sources)
                    for src in sources:   # the changed files' parts, or that they are gone
                        if src in parts or src in self.had.get(key, ()):
                            up[kind + "_patches"][key, src] = parts.get(src)
                else:
                    gone[kind + "s"].add(key)
                    gone[kind + "_parts"].add(key)
                    gone[kind + "_patches"].update((key, src) for src in self.patched.get(key, ()))
                    gone[kind + "_patches"].update((key, src) for src in sources)
        arts = {}
        for a in g.graph.get("articles", []):
            if a["source"] in sources:
                arts.setdefault(a["source"], []).append(a)
        docs = {src: self.docs[src] for src in sources if src in self.docs}
        for src in sources:
            for name, table in (("articles", arts), ("docs", docs), ("failed", self.failed)):
                if src not in table:
                    gone[name].add(src)
                elif name == "docs":
                    up[name][src] = table[src] if isinstance(table[src], bytes) else _pack(table[src])
                else:
                    up[name][src] = table[src]
        before, now = self.resolved_before, self.resolution
        up["resolution"] = {n: r for n, r in now.items() if before.get(n) != r}
        gone["resolution"] = before.keys() - now.keys()
        self.store.save_changes(tag, up, gone, compact=_compact)


def _compact(t: dict) -> dict:
    """The tables with their patches put into the blobs they patch, for a
    new base: no mention or evidence is unpickled, the parts are copied."""
    for parts, patches in (("node_parts", "node_patches"), ("edge_parts", "edge_patches")):
        by = {}
        for (key, src), part in t.get(patches, {}).items():
            by.setdefault(key, {})[src] = part
        table = t[parts]
        for key, patch in by.items():
            have = pickle.loads(table[key]) if key in table else {}
            for src, part in patch.items():
                if part is None:
                    have.pop(src, None)
                else:
                    have[src] = part
            table[key] = _pack(dict(sorted(have.items())))
        t[patches] = {}
    return t
