"""Many documents' extractions -> one networkx MultiDiGraph.

Nodes are entities keyed across documents: a place by its division code, a
body by its place and name, a central body by its name. Keys that only mean
something inside their document (a bare 法制局, an unresolved 县纪委) are
qualified by the source file, so two counties' 县纪委 never merge. A person
is one node per name and the set of bodies the person holds posts in, so
two people of one name in different bodies stay apart.
Every edge keeps the list of its evidence: source, article, sentence, offsets.
"""

import networkx as nx

LOCAL_KINDS = ("level", "bare", "person")


def node_id(entity: dict, source: str, posts: dict) -> str:
    key = entity["key"]
    kind = key.split(":", 1)[0]
    if kind == "person":
        bodies = sorted(posts.get(entity["id"], ()))
        return f"{key}@{'+'.join(bodies)}" if bodies else f"{key}@{source}"
    if kind in LOCAL_KINDS:
        return f"{key}@{source}"
    return key


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
    return {eid: node_id(e, ext["source"], posts) for eid, e in ents.items()}


def footprint(ext: dict) -> tuple[set, set]:
    """(node ids, edge keys (head, tail, relation)) that one extraction adds
    to or changes in the graph: what an incremental export must render again
    when this document appears, changes or goes (kg.export.reuse)."""
    ents = {e["id"]: e for e in ext["entities"]}
    ids = _node_ids(ext, ents)
    return set(ids.values()), {(ids[r["head"]], ids[r["tail"]], r["type"]) for r in ext["relations"]}


def add_extraction(g: nx.MultiDiGraph, ext: dict) -> None:
    source = ext["source"]
    ents = {e["id"]: e for e in ext["entities"]}
    ids = _node_ids(ext, ents)
    arts = {a["id"]: a for a in ext["articles"]}
    for eid, e in ents.items():
        n = ids[eid]
        if n not in g:
            g.add_node(n, type=e["type"], name=e["name"], aliases=set(), mentions=[])
        data = g.nodes[n]
        data["aliases"].update(e["aliases"])
        data["aliases"].add(e["name"])
        for k in ("code", "parent", "level"):
            if e.get(k):
                data[k] = e[k]
        data["mentions"].extend({"source": source, **m} for m in e["mentions"])
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
            for a, v in r["attrs"].items():
                edata["attrs"].setdefault(a, v)
        else:
            g.add_edge(h, t, key=key, relation=key, attrs=dict(r["attrs"]), evidence=[ev])
    g.graph.setdefault("articles", []).extend({"source": source, **a} for a in ext["articles"])


def build_graph(extractions) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for ext in sorted(extractions, key=lambda x: x["source"]):
        add_extraction(g, ext)
    return g
