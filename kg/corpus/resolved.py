"""The outputs' graph of a resolution: the fold's per-document nodes merged as kg.corpus.resolve decided.

A resolution is {per-document node: (resolved id, basis)} for the people
(kg.corpus.resolve) and the bodies (kg.corpus.resolve_bodies) named in
several documents; a node not in it is its own. A rebuild renders again
every node of a group (a person's name, a bare body's name) that its changed
files touch, as it was resolved before and as now.
"""

import networkx as nx

from kg.corpus.state.packed import combined
from kg.graph import merged_edge, merged_node


def group(node: str) -> str | None:
    """What a node is resolved together with: the nodes of its name (a
    person's, a bare body's: the id before its `@`), None for one never merged."""
    head, at, _rest = node.partition("@")
    return head if at and (head.startswith("person:") or head.startswith("bare:")) else None


def resolved_graph(g: nx.MultiDiGraph, persons: dict) -> nx.MultiDiGraph:
    """The graph with each cluster's nodes merged into one (kg.graph.merged_node),
    their edges with them (kg.graph.merged_edge); the others' data shared with `g`."""
    members = {}
    for n, (rid, _basis) in persons.items():
        members.setdefault(rid, []).append(n)
    out = nx.MultiDiGraph()
    out.graph = g.graph
    for n, d in g.nodes(data=True):
        if n not in persons and n not in members:
            out.add_node(n)
            out._node[n] = d
    for rid in sorted(members):
        parts = [g.nodes[n] for n in sorted(members[rid])]
        basis = persons[min(members[rid])][1]
        out.add_node(rid)
        out._node[rid] = merged_node(parts, {"basis": basis}, combined([p["mentions"] for p in parts]))
    edges = {}
    for h, t, k, d in g.edges(keys=True, data=True):
        edges.setdefault((persons.get(h, (h,))[0], persons.get(t, (t,))[0], k), []).append(d)
    for (h, t, k), ds in sorted(edges.items()):
        out.add_edge(h, t, key=k)
        out._adj[h][t][k] = out._pred[t][h][k] = merged_edge(ds) if len(ds) > 1 else ds[0]
    return out


def touched(g, nodes, edges, before: dict, now: dict) -> tuple[set, set, set]:
    """(resolved node ids, resolved edge keys, new resolved ids) a rebuild
    renders again, of the per-document `nodes` and `edges` the changed files
    touched: every node of a group one of them has (its clusters may have
    changed), as it was resolved before and as now, and every edge of those
    nodes; the third set is those of them no node had before (the articles
    that mention them must be rendered again too)."""
    groups = {x for n in nodes if (x := group(n))}
    raw = set(nodes) | {n for table in (before, now) for n in table if group(n) in groups}
    raw |= {n for table in (before, now) for n, r in table.items() if r in raw}
    raw_edges = set(edges)
    for n in raw:
        if n in g:
            raw_edges.update(g.in_edges(n, keys=True))
            raw_edges.update(g.out_edges(n, keys=True))
    out_nodes, out_edges = set(), set()
    for table in (before, now):
        out_nodes.update(table.get(n, n) for n in raw)
        out_edges.update((table.get(h, h), table.get(t, t), k) for h, t, k in raw_edges)
    # a node not in a table is its own (a body merged with none): its id then is new too
    new = {now.get(n, n) for n in raw if n in g} - {before.get(n, n) for n in raw}
    return out_nodes, out_edges, new


def image(footprint, persons: dict) -> tuple[set, set]:
    """A file's footprint (kg.graph.footprint) in the resolved graph."""
    nodes, edges = footprint
    rid = {n: persons[n][0] for n in nodes if n in persons}
    return ({rid.get(n, n) for n in nodes},
            {(rid.get(h, h), rid.get(t, t), k) for h, t, k in edges})
