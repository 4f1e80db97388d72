"""One node per person across a corpus: the fold's per-document person nodes, clustered by name and posts.

The fold (kg.graph) keeps a person's node per document context: the name and
the bodies the person holds posts in there (`person:NAME@<body keys>`), or
the document's fingerprint when it gives no post. Here the whole folded
graph's person nodes of one name are put together, and a graph with one
node per cluster is made for the outputs; the fold state keeps the
per-document nodes, so a rebuild takes one file's part out as before.

The rule (rules/relations.toml [resolution]): the nodes of one name are one
person unless two hold posts in bodies that cannot be one person's at once,
decided by the bodies' keys alone: two bodies seated in places apart
(local:350000:… and local:330000:…, neither code inside the other), or a
body at home and one abroad (local:world-某国:…). Nodes with posts that
conflict make several clusters; one whose posts give no seat (central:…,
org:…) joins the one cluster it shares a post body with. A node with no post
joins its name's cluster when there is one, or the one cluster that an
entity it is related to in its document ties it to (a post body or a place
of that cluster); else it stays its document's own. The reason is the
resolved node's `attrs.basis`.

A resolved node's id: `person:NAME` when the name has one cluster; with
several, `person:NAME@<the smallest body key of the cluster no other cluster
of the name has>`; a node left alone keeps its per-document id. None depends
on file names or their order.
"""

from functools import lru_cache

import networkx as nx

from kg.corpus.state.packed import combined
from kg.graph import merged_edge, merged_node, person_parts

POST_RELATIONS = ("leads", "member_of")
FORMER = "former"   # a post's attrs.status when the text says it was held before (时任, 原)


@lru_cache(maxsize=8)
def _seat_rules(rules) -> tuple:
    r = rules.relations.resolution
    return frozenset(r.seated_kinds), frozenset(r.national_kinds), r.foreign_seat, r.division_filler


def _seat(body: str, rules) -> str | None:
    """The place a post body seats its holder in: a division code, a foreign
    country (`world-…`), "" for the state's national bodies, None for no place."""
    seated, national, _foreign, _filler = _seat_rules(rules)
    parts = body.split(":")
    if parts[0] in seated and len(parts) > 1:
        return parts[1]
    return "" if parts[0] in national else None


def _within(a: str, b: str, rules) -> bool:
    """Place `a` and place `b` can hold one person at once: the same, one
    inside the other (division codes: 350000 holds 350100), or one of them
    the state's national level and the other at home."""
    _seated, _national, foreign, filler = _seat_rules(rules)
    if a == b:
        return True
    if a.startswith(foreign) or b.startswith(foreign):
        return False
    if a == "" or b == "":
        return True
    ta, tb = _trim(a, filler), _trim(b, filler)
    return ta.startswith(tb) or tb.startswith(ta)


def _trim(code: str, filler: str) -> str:
    while code.endswith(filler) and len(code) > len(filler):
        code = code[: -len(filler)]
    return code


class _Cluster:
    """The per-document nodes taken as one person, with their post bodies and seats."""

    def __init__(self):
        self.members, self.bodies, self.seats, self.basis = [], set(), set(), []

    def fits(self, seats, rules) -> bool:
        return all(_within(a, b, rules) for a in seats for b in self.seats)

    def add(self, node, bodies, seats) -> None:
        self.members.append(node)
        self.bodies.update(bodies)
        self.seats.update(seats)


def resolve_persons(g: nx.MultiDiGraph, rules, cooccurring) -> dict:
    """{per-document person node: (resolved id, basis)} for every person node
    of `g`; `cooccurring(node)`: the node ids of the documents that gave that node."""
    by_name = {}
    for n in g.nodes:
        if n.startswith("person:"):
            name, posts = person_parts(n)
            by_name.setdefault(name, []).append((n, posts))
    out = {}
    for name in sorted(by_name):
        out.update(_resolve_name(name, sorted(by_name[name]), rules, cooccurring, lambda n: _former(g, n)))
    return out


def _former(g, n) -> set:
    """The keys of the bodies node `n` held a post in only before (every
    post edge to them `former`): they seat no one now (时任浙江省委书记 does
    not keep its holder from a post elsewhere today)."""
    former, current = set(), set()
    for _h, t, k, d in g.out_edges(n, keys=True, data=True):
        if k in POST_RELATIONS:
            (former if d["attrs"].get("status") == FORMER else current).add(t.split("@", 1)[0])
    return former - current


def _resolve_name(name: str, nodes: list, rules, cooccurring, former) -> dict:
    """The (resolved id, basis) of each of the nodes of one name (`nodes`:
    [(node, its post bodies)]); `former(node)`: the bodies it held a post in only before."""
    clusters = []
    seated = []
    for n, b in nodes:
        if b:
            gone = former(n)
            seated.append((n, b, {s for x in b if x not in gone and (s := _seat(x, rules)) is not None}))
    for n, bodies, seats in sorted(seated, key=lambda x: (not x[2] - {""}, x[0])):   # placed nodes first
        fit = [c for c in clusters if c.fits(seats, rules)]
        sharing = [c for c in fit if c.bodies & set(bodies)]
        if len(sharing) == 1:
            sharing[0].add(n, bodies, seats)
        elif len(fit) == 1 and (seats - {""} or len(clusters) == 1):
            fit[0].add(n, bodies, seats)
        else:   # apart from every cluster, or between several: a person of its own
            c = _Cluster()
            c.add(n, bodies, seats)
            clusters.append(c)
    alone = []
    for n, bodies in nodes:
        if bodies:
            continue
        if len(clusters) <= 1:
            if not clusters:
                clusters.append(_Cluster())
            clusters[0].add(n, (), ())
            continue
        tied = _tied(n, clusters, rules, cooccurring(n))
        if tied is not None:
            tied.add(n, (), ())
            tied.basis.append("a document without a post names a body or place of this person's posts")
        else:
            alone.append(n)
    return _named(name, clusters, alone, len(nodes))


def _tied(n, clusters, rules, others) -> "_Cluster | None":
    """The one cluster that the other entities of `n`'s documents tie it to
    (a body of its posts, or a place within or round one of its seats), or None."""
    keys = {m.split("@", 1)[0] for m in others if m != n and not m.startswith("person:")}
    seats = {s for k in keys if (s := _seat(k, rules))}
    seats |= {k.split(":", 1)[1] for k in keys if k.startswith("place:")}
    hits = [c for c in clusters
            if c.bodies & keys or any(_within(s, t, rules) for s in seats for t in c.seats if t)]
    return hits[0] if len(hits) == 1 else None


def _named(name: str, clusters: list, alone: list, n_nodes: int) -> dict:
    """Each node's (resolved id, basis)."""
    out = {n: (n, "same name; several persons of that name hold posts apart, and its document ties it to none")
           for n in alone}
    for c in clusters:
        if len(clusters) == 1:
            rid = name
            others = set()
        else:
            others = set().union(*(o.bodies for o in clusters if o is not c))
            own = sorted(c.bodies - others) or sorted(c.bodies)
            rid = f"{name}@{own[0]}"
        basis = _basis(c, len(clusters), n_nodes)
        for n in c.members:
            out[n] = (rid, basis)
    return out


def _basis(c: _Cluster, n_clusters: int, n_nodes: int) -> str:
    if len(c.members) == 1 and n_nodes == 1:
        return "the only node of that name in the corpus"
    parts = ["same name"]
    posted = [m for m in c.members if person_parts(m)[1]]
    if n_clusters == 1:
        if c.bodies:
            parts.append("no two of its posts in places apart" if len(posted) > 1 else
                         "only person of that name in the corpus with posts")
        else:
            parts.append("no document gives a post")
    else:
        parts.append(f"posts in {'+'.join(sorted(c.seats)) or 'bodies'} apart from "
                     f"the other {n_clusters - 1} of that name")
    shared = _shared_post(c, posted)
    if shared:
        parts.append(f"shared post {shared}")
    return "; ".join(parts + sorted(set(c.basis)))


def _shared_post(c: _Cluster, posted: list) -> str | None:
    """The body most of the cluster's nodes with posts hold a post in, if two do."""
    counts = {}
    for m in posted:
        for b in person_parts(m)[1]:
            counts[b] = counts.get(b, 0) + 1
    best = min(counts.items(), key=lambda kv: (-kv[1], kv[0]), default=None)
    return best[0] if best and best[1] > 1 else None


def resolved_graph(g: nx.MultiDiGraph, persons: dict) -> nx.MultiDiGraph:
    """The graph with each cluster's nodes merged into one (kg.graph.merged_node),
    their edges with them (kg.graph.merged_edge); the others' data shared with `g`."""
    members = {}
    for n, (rid, _basis) in persons.items():
        members.setdefault(rid, []).append(n)
    out = nx.MultiDiGraph()
    out.graph = g.graph
    for n, d in g.nodes(data=True):
        if n not in persons:
            out.add_node(n)
            out._node[n] = d
    for rid in sorted(members):
        parts = [g.nodes[n] for n in sorted(members[rid])]
        out.add_node(rid)
        out._node[rid] = merged_node(parts, {"basis": persons[members[rid][0]][1]},
                                     combined([p["mentions"] for p in parts]))
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
    touched: every node of a name one of them has (its clusters may have
    changed), as it was resolved before and as now, and every edge of those
    nodes; the third set is those of them no node had before (the articles
    that mention them must be rendered again too)."""
    names = {person_parts(n)[0] for n in nodes if n.startswith("person:")}
    raw = set(nodes) | {n for table in (before, now) for n in table if person_parts(n)[0] in names}
    raw_edges = set(edges)
    for n in raw:
        if n in g:
            raw_edges.update(g.in_edges(n, keys=True))
            raw_edges.update(g.out_edges(n, keys=True))
    out_nodes, out_edges = set(), set()
    for table in (before, now):
        out_nodes.update(table.get(n, n) for n in raw)
        out_edges.update((table.get(h, h), table.get(t, t), k) for h, t, k in raw_edges)
    new = {now[n] for n in raw if n in now} - {before[n] for n in raw if n in before}
    return out_nodes, out_edges, new


def image(footprint, persons: dict) -> tuple[set, set]:
    """A file's footprint (kg.graph.footprint) in the resolved graph."""
    nodes, edges = footprint
    rid = {n: persons[n][0] for n in nodes if n in persons}
    return ({rid.get(n, n) for n in nodes},
            {(rid.get(h, h), rid.get(t, t), k) for h, t, k in edges})
