"""graph.json: the whole graph, in the shape of the spec §5 JSON; its writer and its reader.

Entities carry their node id as `key` and their subject in graph.ttl as
`iri` (under the build's base IRI); relations carry every piece of
evidence (`evidence` is the first, `evidences` all). Sorted, so the same
input gives the same bytes. `kg html` draws a page from an existing build
without re-running the extraction, so read_json gives back the
MultiDiGraph that kg.graph built (less what only a rebuild needs: `sources`).
"""

import json
from operator import itemgetter
from pathlib import Path

import networkx as nx

from kg.atomic import write_chunks
from kg.errors import InputError
from kg.export.records import FRESH
from kg.export.rdf_terms import node_iri
from kg.export.vocab import DEFAULT_BASE

MENTION_ORDER = itemgetter("source", "start", "end")
EVIDENCE_ORDER = itemgetter("source", "start")
ARTICLE_ORDER = itemgetter("source", "start")


def _entity_fields(n, d, base: str) -> dict:
    """An entity's record without its positional `id` and its mentions."""
    e = {"key": n, "iri": node_iri(n, d, base), "type": d["type"], "name": d["name"],
         "aliases": sorted(a for a in d["aliases"] if a != d["name"])}
    if d.get("attrs"):   # a resolved person's: why its documents' nodes are one (kg.corpus.resolve)
        e["attrs"] = dict(sorted(d["attrs"].items()))
    for k in ("code", "parent", "level"):
        if d.get(k):
            e[k] = d[k]
    return e


def entity_record(n, d, base: str = DEFAULT_BASE) -> dict:
    """An entity's record without its positional `id`."""
    e = _entity_fields(n, d, base)
    after = {k: e.pop(k) for k in ("code", "parent", "level") if k in e}
    return {**e, "mentions": sorted(d["mentions"], key=MENTION_ORDER), **after}


def relation_record(d) -> dict:
    """A relation's record without its positional `head`, `type` and `tail`."""
    evs = sorted(d["evidence"], key=EVIDENCE_ORDER)
    return {"attrs": dict(sorted(d["attrs"].items())), "evidence": evs[0], "evidences": evs}


def _relation_order(g, ids) -> list:
    """[(head index, relation, tail index, head, tail)] in the file's order."""
    return sorted((ids[h], k, ids[t], h, t) for h, t, k in g.edges(keys=True))


dump = json.JSONEncoder(ensure_ascii=False).encode


def grouped(items, order) -> dict:
    """{source: [item]} in source order, each list sorted by `order`: the
    file's order of `items` (sorted by source first), cut at each source."""
    groups = {}
    for x in sorted(items, key=order):
        groups.setdefault(x["source"], []).append(x)
    return groups


def article_lines(group) -> bytes:
    """One source's articles, a line each."""
    return ",\n".join(map(dump, group)).encode()


def entity_tail(g, n, base: str = DEFAULT_BASE) -> bytes:
    """Node n's record after its positional `{"id": "eN", `."""
    return dump(entity_record(n, g.nodes[n], base))[1:].encode()


def relation_tail(g, e) -> bytes:
    """Edge e's record after its positional head, type and tail."""
    return dump(relation_record(g.edges[e]))[1:].encode()


def entity_frame(n, d, base: str = DEFAULT_BASE) -> tuple[bytes, bytes]:
    """entity_tail cut round the items of its mentions list: (before, after)."""
    e = _entity_fields(n, d, base)
    after = {k: e.pop(k) for k in ("code", "parent", "level") if k in e}
    before = dump(e)[1:-1].encode() + b', "mentions": ['
    return before, b"]" + b"".join(f", {dump(k)}: {dump(v)}".encode() for k, v in after.items()) + b"}"


def relation_frame(d) -> tuple[bytes, bytes]:
    """relation_tail cut round the items of its evidences list: (before, after)."""
    r = relation_record(d)
    del r["evidences"]
    return dump(r)[1:-1].encode() + b', "evidences": [', b"]}"


def items_text(items) -> bytes:
    """Mentions or evidence as they sit in a record's list, joined by ", "."""
    return dump(items)[1:-1].encode()


def json_chunks(g, records=FRESH, base: str | None = None) -> list:
    """graph.json as a list of UTF-8 pieces: one JSON document with one
    record per line (`{"articles": [\n{…},\n{…}\n], …}`:
    greppable and diffable, and written by json's C encoder, which an
    `indent` would turn off), assembled from record texts (kg.export.records:
    tables "articles" by source, "entities" by node, "relations" by edge)
    that leave out the positional ids, put in front here. `base`: the
    base IRI of graph.ttl's instances (None: the default)."""
    base = base or DEFAULT_BASE
    nodes = sorted(g.nodes)
    ids = {n: i for i, n in enumerate(nodes, 1)}
    arts = [records.get("articles", src, article_lines, group)
            for src, group in grouped(g.graph.get("articles", []), ARTICLE_ORDER).items()]
    out = [b'{"articles": [\n' + b",\n".join(arts) + b"\n],\n" if arts else b'{"articles": [],\n']
    sep = b""
    out.append(b'"entities": [\n' if nodes else b'"entities": []')
    for n in nodes:
        out += (sep, b'{"id": "e', str(ids[n]).encode(), b'", ', records.get("entities", n, entity_tail, g, n, base))
        sep = b",\n"
    out.append(b"\n],\n" if nodes else b",\n")
    edges = _relation_order(g, ids)
    out.append(b'"relations": [\n' if edges else b'"relations": []')
    sep = b""
    for hi, k, ti, h, o in edges:
        out += (sep, f'{{"head": "e{hi}", "type": {dump(k)}, "tail": "e{ti}", '.encode(),
                records.get("relations", (h, o, k), relation_tail, g, (h, o, k)))
        sep = b",\n"
    out.append(b"\n]}\n" if edges else b"}\n")
    return out


def write_json(g, path, records=FRESH, base: str | None = None) -> None:
    write_chunks(path, json_chunks(g, records, base))


def graph_from_dict(data: dict) -> nx.MultiDiGraph:
    """The graph of a parsed graph.json (node ids are the `key`s)."""
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


def read_json(path) -> nx.MultiDiGraph:
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
