"""graph.graphml for Gephi and other graph tools (list attributes as JSON text)."""

import io
import json

import networkx as nx

from ..atomic import write_bytes


def write_graphml(g, path) -> None:
    h = nx.MultiDiGraph()
    for n in sorted(g.nodes):
        d = g.nodes[n]
        h.add_node(n, type=d["type"], label=d["name"], aliases="|".join(sorted(d["aliases"])),
                   code=d.get("code", ""))
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        h.add_edge(u, v, key=k, relation=k, title=d["attrs"].get("title", ""),
                   date=d["attrs"].get("date", ""),
                   evidence=json.dumps([ev["text"] for ev in d["evidence"]], ensure_ascii=False))
    buf = io.BytesIO()
    nx.write_graphml(h, buf, encoding="utf-8")
    write_bytes(path, buf.getvalue())
