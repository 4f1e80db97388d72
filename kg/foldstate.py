"""The folded graph, kept between builds, so a rebuild folds only what changed.

A full build reads and folds every cached extraction (~1 ms a page: two
seconds for 2,000 pages, before its outputs can start). The graph it folds
is kept in OUT/.reuse/graph.*.pickle (kg.saved: a base and a delta), with
each file's footprint (the nodes and edges it gave, kg.graph.footprint) and
the reasons files failed. A rebuild loads it, takes out the part of every
changed or removed file (kg.graph.remove_source), folds in their new
extractions, and settles the attributes that depend on file order
(kg.graph.settle): the same graph as a fold from nothing, which
tests/test_build_scale.py checks on the outputs, byte for byte.
"""

import pickle
from pathlib import Path

import networkx as nx

from .saved import Saved

NAME = "graph"


_OWN = ("mentions", "sources")        # node fields kept per source file
_EDGE_OWN = ("evidence", "sources")


def _pack(items: list) -> bytes:
    return pickle.dumps(items, protocol=5)


class FoldState:
    """`g`: the graph; `docs`: {file name: (node ids, edge keys)};
    `failed`: {file name: reason}.

    Saved as tables in which what a node or edge has from each file (its
    `sources` entry, and its mentions or evidence, pickled on their own) is
    an entry of its own, keyed (node or edge, file): a rebuild that touches
    国务院 writes the changed file's part of it, not its 10^4 mentions. A
    loaded graph's mentions and evidence stay packed until something asks
    for them (materialize()): a rebuild needs those of the nodes and edges
    it touches, and unpacking all 270k mentions of a 2,000-page graph cost
    the driver ~0.5 s while the worker was loading its pipeline."""

    def __init__(self, dir: Path):
        self.store = Saved(dir, NAME)
        self.g = nx.MultiDiGraph()
        self.docs, self.failed = {}, {}
        self.loaded = False
        self.packed = {}    # node or edge key -> [(file, packed items)], until materialized

    def load(self, tag: str) -> bool:
        """The state of build `tag`, if that is what is saved."""
        t = self.store.load(tag)
        if t is None:
            return False
        g = nx.MultiDiGraph()
        nodes = {n: {**d, "sources": {}} for n, d in t["nodes"].items()}
        edges = {e: {**d, "sources": {}} for e, d in t["edges"].items()}
        packed = {}
        for (key, src), (own, items) in t["node_parts"].items():
            nodes[key]["sources"][src] = own
            packed.setdefault(key, []).append((src, items))
        for (key, src), (own, items) in t["edge_parts"].items():
            edges[key]["sources"][src] = own
            packed.setdefault(key, []).append((src, items))
        g.add_nodes_from(nodes.items())
        g.add_edges_from((h, o, k, d) for (h, o, k), d in edges.items())
        g.graph["articles"] = [a for src in sorted(t["articles"]) for a in t["articles"][src]]
        self.g, self.docs, self.failed, self.packed = g, t["docs"], t["failed"], packed
        self.loaded = True
        return True

    def materialize(self, keys=None) -> None:
        """Unpack the mentions (nodes) or evidence (edges, in file order) of
        these node ids and edge keys, or of all."""
        g = self.g
        for key in list(self.packed) if keys is None else keys:
            parts = self.packed.pop(key, None)
            if parts is None:
                continue
            items = [x for _src, blob in sorted(parts) for x in pickle.loads(blob)]
            if isinstance(key, tuple):
                if g.has_edge(*key):
                    g.edges[key]["evidence"] = items
            elif key in g:
                g.nodes[key]["mentions"] = items

    @staticmethod
    def _parts(key, d, items: str, sources=None) -> dict:
        """{(key, file): (what the file gave, its mentions or evidence packed)}
        of a node or edge (items: "mentions" or "evidence"), for these files or all."""
        by = {}
        for x in d[items]:
            if sources is None or x["source"] in sources:
                by.setdefault(x["source"], []).append(x)
        return {(key, src): (own, _pack(by.get(src, []))) for src, own in d["sources"].items()
                if sources is None or src in sources}

    def tables(self) -> dict:
        self.materialize()
        g = self.g
        t = {"nodes": {}, "node_parts": {}, "edges": {}, "edge_parts": {}, "articles": {},
             "docs": self.docs, "failed": self.failed}
        for n, d in g.nodes(data=True):
            t["nodes"][n] = {k: v for k, v in d.items() if k not in _OWN}
            t["node_parts"].update(self._parts(n, d, "mentions"))
        for h, o, k, d in g.edges(keys=True, data=True):
            t["edges"][h, o, k] = {a: v for a, v in d.items() if a not in _EDGE_OWN}
            t["edge_parts"].update(self._parts((h, o, k), d, "evidence"))
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
        up = {name: {} for name in ("nodes", "node_parts", "edges", "edge_parts", "articles", "docs", "failed")}
        gone = {name: set() for name in up}
        for n in nodes:
            gone["node_parts"].update((n, src) for src in sources)
            if n in g:
                d = g.nodes[n]
                up["nodes"][n] = {k: v for k, v in d.items() if k not in _OWN}
                up["node_parts"].update(self._parts(n, d, "mentions", sources))
            else:
                gone["nodes"].add(n)
        for e in edges:
            gone["edge_parts"].update((e, src) for src in sources)
            if g.has_edge(*e):
                d = g.edges[e]
                up["edges"][e] = {a: v for a, v in d.items() if a not in _EDGE_OWN}
                up["edge_parts"].update(self._parts(e, d, "evidence", sources))
            else:
                gone["edges"].add(e)
        arts = {}
        for a in g.graph.get("articles", []):
            if a["source"] in sources:
                arts.setdefault(a["source"], []).append(a)
        for src in sources:
            for name, table in (("articles", arts), ("docs", self.docs), ("failed", self.failed)):
                if src in table:
                    up[name][src] = table[src]
                else:
                    gone[name].add(src)
        for name, entries in up.items():
            gone[name] -= entries.keys()
        self.store.save_changes(tag, up, gone)
