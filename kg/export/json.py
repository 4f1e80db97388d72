"""graph.json: the whole graph, in the shape of the spec §5 JSON.

Entities carry their node id as `key`; relations carry every piece of
evidence (`evidence` is the first, `evidences` all). Sorted, so the same
input gives the same bytes.
"""

import json

from ..atomic import write_text


def graph_to_dict(g) -> dict:
    nodes = sorted(g.nodes)
    ids = {n: f"e{i}" for i, n in enumerate(nodes, 1)}
    entities = []
    for n in nodes:
        d = g.nodes[n]
        e = {"id": ids[n], "key": n, "type": d["type"], "name": d["name"],
             "aliases": sorted(a for a in d["aliases"] if a != d["name"]),
             "mentions": sorted(d["mentions"], key=lambda m: (m["source"], m["start"], m["end"]))}
        for k in ("code", "parent", "level"):
            if d.get(k):
                e[k] = d[k]
        entities.append(e)
    relations = []
    for h, t, k, d in g.edges(keys=True, data=True):
        evs = sorted(d["evidence"], key=lambda ev: (ev["source"], ev["start"]))
        relations.append({"head": ids[h], "type": k, "tail": ids[t], "attrs": dict(sorted(d["attrs"].items())),
                          "evidence": evs[0], "evidences": evs})
    relations.sort(key=lambda r: (int(r["head"][1:]), r["type"], int(r["tail"][1:])))
    articles = sorted(g.graph.get("articles", []), key=lambda a: (a["source"], a["start"]))
    return {"articles": articles, "entities": entities, "relations": relations}


def write_json(g, path) -> None:
    write_text(path, json.dumps(graph_to_dict(g), ensure_ascii=False, indent=1) + "\n")
