"""graph.json as a dict, built by a path of its own: the oracle the writer's bytes are checked against.

kg.export.json writes graph.json from record texts it assembles by hand (so
that a rebuild can copy them); this builds the same document as one dict
for json.dumps, from the same per-record functions.
"""

from kg.export.json import ARTICLE_ORDER, entity_record, relation_record


def graph_to_dict(g) -> dict:
    nodes = sorted(g.nodes)
    ids = {n: i for i, n in enumerate(nodes, 1)}
    entities = [{"id": f"e{ids[n]}", **entity_record(n, g.nodes[n])} for n in nodes]
    relations = [{"head": f"e{ids[h]}", "type": k, "tail": f"e{ids[t]}", **relation_record(g.edges[h, t, k])}
                 for _hi, k, _ti, h, t in sorted((ids[h], k, ids[t], h, t) for h, t, k in g.edges(keys=True))]
    return {"articles": sorted(g.graph.get("articles", []), key=ARTICLE_ORDER), "entities": entities,
            "relations": relations}
