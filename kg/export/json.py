"""graph.json: the whole graph, in the shape of the spec §5 JSON.

Entities carry their node id as `key`; relations carry every piece of
evidence (`evidence` is the first, `evidences` all). Sorted, so the same
input gives the same bytes.
"""

import json
from operator import itemgetter

from ..atomic import write_text

_MENTION_ORDER = itemgetter("source", "start", "end")
_EVIDENCE_ORDER = itemgetter("source", "start")


def graph_to_dict(g) -> dict:
    nodes = sorted(g.nodes)
    ids = {n: f"e{i}" for i, n in enumerate(nodes, 1)}
    entities = []
    for n in nodes:
        d = g.nodes[n]
        e = {"id": ids[n], "key": n, "type": d["type"], "name": d["name"],
             "aliases": sorted(a for a in d["aliases"] if a != d["name"]),
             "mentions": sorted(d["mentions"], key=_MENTION_ORDER)}
        for k in ("code", "parent", "level"):
            if d.get(k):
                e[k] = d[k]
        entities.append(e)
    relations = []
    for h, t, k, d in g.edges(keys=True, data=True):
        evs = sorted(d["evidence"], key=_EVIDENCE_ORDER)
        relations.append({"head": ids[h], "type": k, "tail": ids[t], "attrs": dict(sorted(d["attrs"].items())),
                          "evidence": evs[0], "evidences": evs})
    relations.sort(key=lambda r: (int(r["head"][1:]), r["type"], int(r["tail"][1:])))
    articles = sorted(g.graph.get("articles", []), key=lambda a: (a["source"], a["start"]))
    return {"articles": articles, "entities": entities, "relations": relations}


def dumps_records(data: dict) -> str:
    """JSON with one record per line: `{"articles": [\n{…},\n{…}\n], …}`.

    Still one JSON document, but greppable and diffable line by line, and
    written by json's C encoder (an `indent` makes json fall back to its
    pure-Python encoder, which took 5 s on a 2,000-page graph)."""
    dump = json.JSONEncoder(ensure_ascii=False).encode
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            body = ",\n".join(dump(v) for v in value)
            parts.append(f"{dump(key)}: [\n{body}\n]")
        else:
            parts.append(f"{dump(key)}: {dump(value)}")
    return "{" + ",\n".join(parts) + "}\n"


def write_json(g, path) -> None:
    write_text(path, dumps_records(graph_to_dict(g)))
