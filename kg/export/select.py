"""Cut a graph down for viewing: one article, a minimum degree, the N best-connected nodes.

A whole corpus can be too big to look at; `kg html` draws a readable slice
of a graph read back from graph.json (kg.export.json.read_json).
"""

from pathlib import Path

import networkx as nx


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
