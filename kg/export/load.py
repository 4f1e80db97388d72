"""Read a built graph.json back into a graph, and cut it down for viewing.

`kg html` draws a page from an existing build without re-running the
extraction (which needs the segmentation model and minutes on a corpus), so
graph.json must round-trip into the same MultiDiGraph that kg.graph builds.
A whole corpus can be too big to look at; the selections here (one article,
a minimum degree, the N best-connected nodes) make a readable slice.
"""

import json
from pathlib import Path

import networkx as nx

from kg.errors import InputError


def graph_from_dict(data: dict) -> nx.MultiDiGraph:
    """The inverse of kg.export.json.graph_to_dict (node ids are the `key`s)."""
    g = nx.MultiDiGraph()
    keys = {}
    for e in data.get("entities", []):
        key = e.get("key") or e["id"]
        keys[e["id"]] = key
        attrs = {"type": e["type"], "name": e["name"],
                 "aliases": set(e.get("aliases", ())) | {e["name"]},
                 "mentions": list(e.get("mentions", ()))}
        for k in ("code", "parent", "level"):
            if e.get(k):
                attrs[k] = e[k]
        g.add_node(key, **attrs)
    for r in data.get("relations", []):
        evs = r.get("evidences") or ([r["evidence"]] if r.get("evidence") else [])
        h, t = keys[r["head"]], keys[r["tail"]]
        g.add_edge(h, t, key=r["type"], relation=r["type"], attrs=dict(r.get("attrs", {})), evidence=list(evs))
    g.graph["articles"] = list(data.get("articles", []))
    return g


def graph_from_json(path) -> nx.MultiDiGraph:
    """Load OUT/graph.json; a missing or foreign file is an InputError."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError, IsADirectoryError) as e:
        raise InputError(path, f"not a graph.json ({type(e).__name__})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise InputError(path, "not a graph.json (no `entities` list)")
    try:
        return graph_from_dict(data)
    except (KeyError, TypeError) as e:
        raise InputError(path, f"not a graph.json (bad entity or relation: {e})") from None


def _article_matches(article_id: str, source: str, article: str) -> bool:
    """`a3` matches article a3 of any source; `SOURCE:a3` or `SOURCE#a3` only that one."""
    for sep in ("#", ":"):
        if sep in article_id:
            src, _, art = article_id.rpartition(sep)
            if src and (src == source or Path(source).stem == src):
                return art == article
    return article_id == article


def article_subgraph(g: nx.MultiDiGraph, article_id: str) -> nx.MultiDiGraph:
    """The nodes mentioned in one article and the edges it gives evidence for.

    Edges keep only that article's evidence, so the page shows what this
    article says. Unknown article -> ValueError naming what there is.
    """
    arts = [a for a in g.graph.get("articles", []) if _article_matches(article_id, a.get("source", ""), a["id"])]
    if not arts:
        all_ = g.graph.get("articles", [])
        known = ", ".join(f"{a.get('source', '')}#{a['id']}" for a in all_[:10]) + (", …" if len(all_) > 10 else "")
        raise ValueError(f"no article {article_id!r} (articles: {known or 'none'})")
    wanted = {(a.get("source", ""), a["id"]) for a in arts}
    sub = nx.MultiDiGraph()
    sub.graph["articles"] = arts
    for n, d in g.nodes(data=True):
        if any((m.get("source", ""), m.get("article")) in wanted for m in d.get("mentions", ())):
            sub.add_node(n, **d)
    for h, t, k, d in g.edges(keys=True, data=True):
        evs = [ev for ev in d["evidence"] if (ev.get("source", ""), ev.get("article")) in wanted]
        if evs:
            for n in (h, t):
                if n not in sub:
                    sub.add_node(n, **g.nodes[n])
            sub.add_edge(h, t, key=k, **{**d, "evidence": evs})
    return sub


def select(g: nx.MultiDiGraph, max_nodes=None, min_degree=None, article=None) -> nx.MultiDiGraph:
    """Apply `kg html`'s cuts in a fixed order: article, then min degree, then max nodes.

    Max nodes keeps the best-connected nodes (ties broken by key, so the same
    graph gives the same page).
    """
    if article:
        g = article_subgraph(g, article)
    if min_degree:
        g = g.subgraph([n for n in g if g.degree(n) >= min_degree]).copy()
    if max_nodes is not None and g.number_of_nodes() > max_nodes:
        keep = sorted(g, key=lambda n: (-g.degree(n), n))[:max(max_nodes, 0)]
        g = g.subgraph(keep).copy()
    return g
