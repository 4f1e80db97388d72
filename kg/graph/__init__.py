"""Many documents' extractions -> one networkx MultiDiGraph.

Nodes are entities keyed across documents: a place by its division code, a
body by its place and name, a central body by its name. Keys that only mean
something inside their document (a bare 法制局, an unresolved 县纪委) are
qualified by the document's fingerprint (a hash of its text, never its file
name), so two counties' 县纪委 never merge and renaming or moving a file
changes no node id. A person is one node per name and the set of bodies the
person holds posts in, so two people of one name in different bodies stay
apart; one with no post is the document's own.
A node's name is the best by kg.link.naming.preference of the names its
documents gave it, whatever the files are called or the order they come in.
Every edge keeps the list of its evidence: source, article, sentence, offsets.
"""

import networkx as nx

from kg.link.naming import UNRANKED, preference

LOCAL_KINDS = ("level", "bare", "person")


def node_id(entity: dict, document: str, posts: dict) -> str:
    """The node of `entity` of the document with fingerprint `document`."""
    key = entity["key"]
    kind = key.split(":", 1)[0]
    if kind == "person":
        bodies = sorted(posts.get(entity["id"], ()))
        return f"{key}@{'+'.join(bodies)}" if bodies else f"{key}@{document}"
    if kind in LOCAL_KINDS:
        return f"{key}@{document}"
    return key


def person_parts(node: str) -> tuple[str, tuple]:
    """(`person:NAME`, the post bodies' keys) of a person's node id (node_id):
    no bodies when its document gave no post (a fingerprint has no colon)."""
    key, _at, rest = node.partition("@")
    return key, tuple(rest.split("+")) if ":" in rest else ()


def _seen(evidence: list, ev: dict) -> bool:
    """ev is already in the list. An evidence names its source and documents
    are added one at a time, so only the tail from this source can hold it
    (a scan of the whole list made assembly quadratic in a fact's mentions)."""
    for x in reversed(evidence):
        if x["source"] != ev["source"]:
            return False
        if x == ev:
            return True
    return False


def _node_ids(ext: dict, ents: dict) -> dict:
    """{entity id in the extraction: node id in the graph}."""
    posts = {}
    for r in ext["relations"]:
        if r["type"] in ("leads", "member_of") and r["tail"] in ents:
            posts.setdefault(r["head"], set()).add(ents[r["tail"]]["key"])
    return {eid: node_id(e, ext["fingerprint"], posts) for eid, e in ents.items()}


def footprint(ext: dict) -> tuple[set, set]:
    """(node ids, edge keys (head, tail, relation)) that one extraction adds
    to or changes in the graph: what an incremental build must fold and
    render again when this document appears, changes or goes."""
    ents = {e["id"]: e for e in ext["entities"]}
    ids = _node_ids(ext, ents)
    return set(ids.values()), {(ids[r["head"]], ids[r["tail"]], r["type"]) for r in ext["relations"]}


PLACE_KEYS = ("code", "parent", "level")


def _tally(names: dict, etype: str, name: str, rank: int, mentions: int) -> None:
    """Count what one document called a node into `names`, {(type, name):
    [best rank, mentions]}, the node's names over all its documents."""
    got = names.setdefault((etype, name), [rank, 0])
    got[0] = min(got[0], rank)
    got[1] += mentions


def _best(names: dict) -> tuple:
    """(type, name) of the node: the preferred of its names (kg.link.naming.preference)."""
    return min(names, key=lambda tn: (preference(tn[1], *names[tn]), tn[0]))


def _attr_order(value) -> tuple:
    """The order in which an edge's attribute values compete when files
    disagree (局长 or 副局长): the least wins, whichever file gave it."""
    return (type(value).__name__, str(value))


def _add_entity(g: nx.MultiDiGraph, n: str, e: dict, source: str) -> None:
    """Fold entity `e` of file `source` into node `n`, keeping what the file gave it."""
    if n not in g:
        g.add_node(n, type=e["type"], name=e["name"], aliases=set(), mentions=[], sources={}, names={})
    data = g.nodes[n]
    data["aliases"].update(e["aliases"])
    data["aliases"].add(e["name"])
    own = data["sources"].get(source)
    if own is None:
        own = data["sources"][source] = {"type": e["type"], "name": e["name"], "aliases": set(),
                                         "rank": UNRANKED, "mentions": 0}
    rank = e.get("name_rank", UNRANKED)
    own["aliases"].update(e["aliases"])
    own["aliases"].add(e["name"])
    own["rank"] = min(own["rank"], rank)
    own["mentions"] += len(e["mentions"])
    _tally(data["names"], e["type"], e["name"], rank, len(e["mentions"]))
    data["type"], data["name"] = _best(data["names"])
    for k in PLACE_KEYS:
        if e.get(k):
            own[k] = e[k]
            data[k] = min(data.get(k) or e[k], e[k])
    data["mentions"].extend({"source": source, **m} for m in e["mentions"])


def add_extraction(g: nx.MultiDiGraph, ext: dict) -> tuple[set, set]:
    """Fold one document into the graph; returns its footprint.

    Besides the merged attributes, every node and edge keeps what each
    source file gave it (`sources`), so that a rebuild can take one file's
    part out again and settle the attributes that depend on the order of
    the files (remove_source, settle)."""
    source = ext["source"]
    ents = {e["id"]: e for e in ext["entities"]}
    ids = _node_ids(ext, ents)
    arts = {a["id"]: a for a in ext["articles"]}
    for eid, e in ents.items():
        _add_entity(g, ids[eid], e, source)
    edges = set()
    for r in ext["relations"]:
        h, t = ids[r["head"]], ids[r["tail"]]
        ev = dict(r["evidence"], source=source)
        art = arts.get(ev["article"], {})
        ev["article_title"], ev["article_date"] = art.get("title"), art.get("date")
        key = r["type"]
        if g.has_edge(h, t, key):
            edata = g.edges[h, t, key]
            if not _seen(edata["evidence"], ev):
                edata["evidence"].append(ev)
        else:
            g.add_edge(h, t, key=key, relation=key, attrs={}, evidence=[ev], sources={})
            edata = g.edges[h, t, key]
        own = edata["sources"].setdefault(source, {})
        for a, v in r["attrs"].items():   # a file's first value; the least of the files'
            own.setdefault(a, v)
            edata["attrs"][a] = min(edata["attrs"].get(a, own[a]), own[a], key=_attr_order)
        edges.add((h, t, key))
    g.graph.setdefault("articles", []).extend({"source": source, **a} for a in ext["articles"])
    return set(ids.values()), edges


def without_source(mentions, source: str) -> list:
    """The mentions not from file `source`."""
    return [m for m in mentions if m["source"] != source]


def remove_source(g: nx.MultiDiGraph, source: str, nodes, edges, drop_mentions=without_source) -> None:
    """Take out what file `source` gave the nodes and edges of its footprint;
    those left with no source go. Its articles are taken out by the caller
    (remove_articles: once for all the files that go). settle() must follow.
    `drop_mentions(mentions, source)` gives a node's mentions without the
    file's: a rebuild that keeps them by file passes its own."""
    for e in edges:
        if g.has_edge(*e):
            d = g.edges[e]
            d["sources"].pop(source, None)
            if not d["sources"]:
                g.remove_edge(*e)
            else:
                d["evidence"] = [ev for ev in d["evidence"] if ev["source"] != source]
    for n in nodes:
        if n in g:
            d = g.nodes[n]
            d["sources"].pop(source, None)
            if not d["sources"]:
                g.remove_node(n)
            else:
                d["mentions"] = drop_mentions(d["mentions"], source)


def remove_articles(g: nx.MultiDiGraph, sources) -> None:
    g.graph["articles"] = [a for a in g.graph.get("articles", []) if a["source"] not in sources]


def settle(g: nx.MultiDiGraph, nodes, edges) -> None:
    """Make the attributes of these nodes and edges that several files give
    what a fold of the files in build order gives: the preferred name and
    its type, the least code, parent and level given, for each attribute of
    an edge the least of the files' values (each file's first), the
    evidence in file order."""
    for n in nodes:
        if n not in g:
            continue
        d = g.nodes[n]
        own = [d["sources"][s] for s in sorted(d["sources"])]
        d["names"] = {}
        for o in own:
            _tally(d["names"], o["type"], o["name"], o["rank"], o["mentions"])
        d["type"], d["name"] = _best(d["names"])
        d["aliases"] = set().union(*(o["aliases"] for o in own))
        for k in PLACE_KEYS:
            given = [o[k] for o in own if o.get(k)]
            if given:
                d[k] = min(given)
            else:
                d.pop(k, None)
    for e in edges:
        if not g.has_edge(*e):
            continue
        d = g.edges[e]
        order = {s: i for i, s in enumerate(sorted(d["sources"]))}
        attrs = {}
        for s in sorted(d["sources"]):
            for a, v in d["sources"][s].items():
                attrs[a] = min(attrs.get(a, v), v, key=_attr_order)
        d["attrs"] = attrs
        d["evidence"].sort(key=lambda ev: order[ev["source"]])


def merged_node(parts: list, attrs: dict, mentions) -> dict:
    """One node's data made of several nodes' (`parts`, in id order), the
    way settle() makes a node's of its files': the preferred name, every
    alias, the files' parts together; `attrs` and `mentions` (the parts'
    mentions together) its own."""
    names = {}
    for d in parts:
        for (etype, name), (rank, count) in d["names"].items():
            _tally(names, etype, name, rank, count)
    sources = {}
    for p in parts:   # a file in two parts (a body named in full and bare in one file): one part of it
        for s, o in p["sources"].items():
            sources[s] = o if s not in sources else {
                **sources[s], "aliases": sources[s]["aliases"] | o["aliases"],
                "rank": min(sources[s]["rank"], o["rank"]), "mentions": sources[s]["mentions"] + o["mentions"]}
    d = {k: v for k, v in parts[0].items() if k not in ("mentions", "sources")}
    d.update(names=names, aliases=set().union(*(p["aliases"] for p in parts)), attrs=attrs, mentions=mentions,
             sources=dict(sorted(sources.items())))
    d["type"], d["name"] = _best(names)
    return d


def merged_edge(parts: list) -> dict:
    """One edge's data made of several edges' between nodes that merged: the
    files' values, attributes and evidence together, settled as settle() does."""
    d = {"relation": parts[0]["relation"], "sources": {}, "evidence": []}
    for p in parts:
        d["sources"].update(p["sources"])
        d["evidence"].extend(p["evidence"])
    order = {s: i for i, s in enumerate(sorted(d["sources"]))}
    d["sources"] = {s: d["sources"][s] for s in sorted(d["sources"])}
    attrs = {}
    for own in d["sources"].values():
        for a, v in own.items():
            attrs[a] = min(attrs.get(a, v), v, key=_attr_order)
    d["attrs"] = attrs
    d["evidence"].sort(key=lambda ev: order[ev["source"]])
    return d


def build_graph(extractions) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for ext in sorted(extractions, key=lambda x: x["source"]):
        add_extraction(g, ext)
    return g
