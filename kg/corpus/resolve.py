"""One node per person across a corpus: the fold's per-document person nodes, clustered by name, posts and dates.

The fold (kg.graph) keeps a person's node per document context: the name and
the bodies the person holds posts in there (`person:NAME@<body keys>`), or
the document's fingerprint when it gives no post. Here the whole folded
graph's person nodes of one name are put together; kg.corpus.resolved makes
the outputs' graph of one node per cluster, and the fold state keeps the
per-document nodes, so a rebuild takes one file's part out as before.

The rule (rules/relations.toml [resolution]): the nodes of one name are one
person unless two hold posts at the same time in bodies that cannot be one
person's at once, decided by the bodies' keys alone: two bodies seated in
places apart (local:350000:… and local:330000:…, neither code inside the
other), or a body at home and one abroad (local:world-某国:…). A body held
besides a post (a 领导小组) seats no one, nor does a post held before
(时任, 不再担任). Nodes are taken in the order of their documents' dates:
one whose seat conflicts with a cluster's joins it all the same when it
shares a post body with it (the body it left, the body both name) and the
dates of the two seats do not overlap: a person who moved. Nodes with posts
that conflict make several clusters; one whose posts give no seat joins the
one cluster it shares a post body with. A national body of one name's nodes
named like a foreign body most of its documents give (外交部 beside
某国外交部) is that foreign body. A node with no post joins its name's
cluster when there is one (unless that person holds no national post and
its document names only places apart from that person's seats, and no
body or person of that person's documents), or the one cluster
that an entity it is related to in its document ties it to (a post body or
a place of that cluster); else it stays its document's own. The reason is the resolved node's
`attrs.basis`.

A resolved node's id: `person:NAME` when the name has one cluster; with
several, `person:NAME@<the smallest body key of the cluster no other cluster
of the name has>`; a node left alone keeps its per-document id. None depends
on file names or their order.
"""

import networkx as nx

from kg.corpus.seats import seat as _seat, seat_rules as _seat_rules, within as _within
from kg.graph import person_parts

POST_RELATIONS = ("leads", "member_of")
FORMER = "former"   # a post's attrs.status when the text says it was held before (时任, 原)


class _Node:
    """A per-document person node: its post bodies (held now or before),
    the seats of those held now, the first and last date of its documents."""

    def __init__(self, n, bodies, former, span, docs):
        self.id, self.bodies, self.former, self.span, self.docs = n, set(bodies), set(former), span, docs
        self.seats, self.basis = set(), []

    def seat(self, rules) -> None:
        self.seats = {s for x in self.bodies if x not in self.former and (s := _seat(x, rules)) is not None}


class _Cluster:
    """The per-document nodes taken as one person: post bodies, {seat: [first, last date]}."""

    def __init__(self):
        self.members, self.bodies, self.seats, self.basis = [], set(), {}, []

    def fits(self, node: _Node, rules) -> str | None:
        """"fits", "moved" (its seats conflict with this person's only at
        other dates, and a post body ties it to it), or None."""
        clash = [b for a in node.seats for b in self.seats if not _within(a, b, rules)]
        if not clash:
            return "fits"
        if node.span and node.bodies & self.bodies and all(_apart(node.span, self.seats[b]) for b in clash):
            return "moved"
        return None

    def add(self, node: _Node) -> None:
        self.members.append(node.id)
        self.bodies.update(node.bodies)
        for s in node.seats:
            got = self.seats.setdefault(s, list(node.span) if node.span else [])
            if node.span and got:
                got[:] = [min(got[0], node.span[0]), max(got[1], node.span[1])]
        self.basis += node.basis


def _apart(span, held) -> bool:
    """Two date ranges that do not overlap (a range not known overlaps all)."""
    return bool(held) and (span[1] < held[0] or held[1] < span[0])


def resolve_persons(g: nx.MultiDiGraph, rules, cooccurring, dates=lambda n: ()) -> dict:
    """{per-document person node: (resolved id, basis)} for every person node
    of `g`; `cooccurring(node)`: the node ids of the documents that gave that
    node; `dates(node)`: the dates of those documents' articles."""
    by_name = {}
    for n in g.nodes:
        if n.startswith("person:"):
            name, posts = person_parts(n)
            former = _former(g, n)
            span = sorted(d for d in dates(n) if d)
            node = _Node(n, posts, former, (span[0], span[-1]) if span else None, len(g.nodes[n]["sources"]))
            by_name.setdefault(name, []).append(node)
    out = {}
    for name in sorted(by_name):
        nodes = sorted(by_name[name], key=lambda x: x.id)
        _foreign_read(nodes, rules)
        for x in nodes:
            x.seat(rules)
        out.update(_resolve_name(name, nodes, rules, cooccurring))
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


def _foreign_read(nodes: list, rules) -> None:
    """A national body of these nodes (central:外交部) named like one
    foreign body of others of them (local:world-某国:外交部) that more than
    `foreign_majority` times as many documents give: the text named the
    foreign body without its country, and the node holds the foreign post."""
    r = rules.relations.resolution
    national = frozenset(r.national_kinds)
    abroad = {}
    for x in nodes:
        for b in x.bodies:
            if (s := _seat(b, rules)) and s.startswith(r.foreign_seat):
                abroad.setdefault(b.rsplit(":", 1)[-1], {}).setdefault(b, 0)
                abroad[b.rsplit(":", 1)[-1]][b] += x.docs
    held = {}
    for x in nodes:
        for b in x.bodies:
            held[b] = held.get(b, 0) + x.docs
    for x in nodes:
        for b in sorted(x.bodies):
            kind, _c, own = b.partition(":")
            there = abroad.get(own) if kind in national else None
            if there and len(there) == 1:
                (far, docs), = there.items()
                if docs > r.foreign_majority * held[b]:
                    x.bodies = (x.bodies - {b}) | {far}
                    x.basis.append(f"its {b} read as {far}, which {docs} of this name's documents "
                                   f"give against {held[b]}")


def _resolve_name(name: str, nodes: list, rules, cooccurring) -> dict:
    """The (resolved id, basis) of each of the nodes of one name, taken
    placed nodes first, each in the order of its documents' first date."""
    clusters = []
    for x in sorted((x for x in nodes if x.bodies),
                    key=lambda x: (not x.seats - {""}, x.span or ("9",), x.id)):
        fit = [(c, how) for c in clusters if (how := c.fits(x, rules))]
        sharing = [(c, how) for c, how in fit if c.bodies & x.bodies]
        if len(sharing) == 1:
            c, how = sharing[0]
            if how == "moved":
                x.basis.append(f"a post in a body it shares with this person's, at dates apart from those of "
                               f"this person's other seats (moved: {'+'.join(sorted(x.seats))})")
            c.add(x)
        elif len(fit) == 1 and fit[0][1] == "fits" and (x.seats - {""} or len(clusters) == 1):
            fit[0][0].add(x)
        else:   # apart from every cluster, or between several: a person of its own
            c = _Cluster()
            c.add(x)
            clusters.append(c)
    alone = []
    for x in nodes:
        if x.bodies:
            continue
        if not clusters:
            clusters.append(_Cluster())
        if len(clusters) == 1 and not _elsewhere(x.id, clusters[0], rules, cooccurring):
            clusters[0].add(x)
            continue
        tied = _tied(x.id, clusters, rules, cooccurring(x.id))
        if tied is not None:
            tied.add(x)
            tied.basis.append("a document without a post names a body or place of this person's posts")
        else:
            alone.append(x.id)
    return _named(name, clusters, alone, len(nodes))


def _elsewhere(n, c: "_Cluster", rules, cooccurring) -> bool:
    """The document of `n` (a node with no post) names places, none of them
    within or round a seat of the person's posts, and neither a body of
    those posts nor a person the person's documents name: a common name is
    many people's (某国外长某某斯 is not 另一国副总统某某斯, an athlete in
    Tokyo not a governor of the same name)."""
    if not c.seats or "" in c.seats:   # a national post: at home everywhere, and dealing abroad
        return False
    keys = {m.split("@", 1)[0] for m in cooccurring(n) if m != n}
    if c.bodies & keys:
        return False
    home = _seat_rules(rules)[4]
    places = {"" if p == home else p for k in keys if k.startswith("place:") and (p := k.split(":", 1)[1])}
    if not places or any(_within(p, s, rules) or p.startswith(s + "-") for p in places for s in c.seats):
        return False
    name = person_parts(n)[0]
    theirs = {m.split("@", 1)[0] for x in c.members for m in cooccurring(x)}
    return not {k for k in keys if k.startswith("person:") and k != name} & theirs


def _tied(n, clusters, rules, others) -> "_Cluster | None":
    """The one cluster that the other entities of `n`'s documents tie it to
    (a body of its posts, or a place within or round one of its seats), or None."""
    keys = {m.split("@", 1)[0] for m in others if m != n and not m.startswith("person:")}
    seats = {s for k in keys if (s := _seat(k, rules))}
    seats |= {k.split(":", 1)[1] for k in keys if k.startswith("place:")}
    hits = [c for c in clusters
            if c.bodies & keys or any(_within(s, t, rules) or s.startswith(t + "-") for s in seats for t in c.seats if t)]
    return hits[0] if len(hits) == 1 else None


def _named(name: str, clusters: list, alone: list, n_nodes: int) -> dict:
    """Each node's (resolved id, basis)."""
    why = ("several persons of that name hold posts apart" if len(clusters) > 1 else
           "the one person of that name with posts holds them where its document is not")
    out = {n: (n, f"same name; {why}, and its document ties it to none") for n in alone}
    for c in clusters:
        if len(clusters) == 1:
            rid = name
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
            parts.append("no two of its posts in places apart at one time" if len(posted) > 1 else
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
