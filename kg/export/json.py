"""graph.json: the whole graph, in the shape of the spec §5 JSON.

Entities carry their node id as `key`; relations carry every piece of
evidence (`evidence` is the first, `evidences` all). Sorted, so the same
input gives the same bytes.
"""

import json
from operator import itemgetter

from ..atomic import write_chunks

_MENTION_ORDER = itemgetter("source", "start", "end")
_EVIDENCE_ORDER = itemgetter("source", "start")
_ARTICLE_ORDER = itemgetter("source", "start")


def _entity_fields(n, d) -> dict:
    """An entity's record without its positional `id` and its mentions."""
    e = {"key": n, "type": d["type"], "name": d["name"],
         "aliases": sorted(a for a in d["aliases"] if a != d["name"])}
    for k in ("code", "parent", "level"):
        if d.get(k):
            e[k] = d[k]
    return e


def entity_record(n, d) -> dict:
    """An entity's record without its positional `id`."""
    e = _entity_fields(n, d)
    after = {k: e.pop(k) for k in ("code", "parent", "level") if k in e}
    return {**e, "mentions": sorted(d["mentions"], key=_MENTION_ORDER), **after}


def relation_record(d) -> dict:
    """A relation's record without its positional `head`, `type` and `tail`."""
    evs = sorted(d["evidence"], key=_EVIDENCE_ORDER)
    return {"attrs": dict(sorted(d["attrs"].items())), "evidence": evs[0], "evidences": evs}


def _relation_order(g, ids) -> list:
    """[(head index, relation, tail index, head, tail)] in the file's order."""
    return sorted((ids[h], k, ids[t], h, t) for h, t, k in g.edges(keys=True))


def _articles(g) -> list:
    return sorted(g.graph.get("articles", []), key=_ARTICLE_ORDER)


def graph_to_dict(g) -> dict:
    nodes = sorted(g.nodes)
    ids = {n: i for i, n in enumerate(nodes, 1)}
    entities = [{"id": f"e{ids[n]}", **entity_record(n, g.nodes[n])} for n in nodes]
    relations = [{"head": f"e{hi}", "type": k, "tail": f"e{ti}", **relation_record(g.edges[h, t, k])}
                 for hi, k, ti, h, t in _relation_order(g, ids)]
    return {"articles": _articles(g), "entities": entities, "relations": relations}


_dump = json.JSONEncoder(ensure_ascii=False).encode


def _section(key: str, records: list) -> str:
    if not records:
        return f"{_dump(key)}: []"
    return f"{_dump(key)}: [\n" + ",\n".join(records) + "\n]"


def dumps_records(data: dict) -> str:
    """JSON with one record per line: `{"articles": [\n{…},\n{…}\n], …}`.

    Still one JSON document, but greppable and diffable line by line, and
    written by json's C encoder (an `indent` makes json fall back to its
    pure-Python encoder, which took 5 s on a 2,000-page graph)."""
    parts = [_section(key, [_dump(v) for v in value]) if isinstance(value, list)
             else f"{_dump(key)}: {_dump(value)}" for key, value in data.items()]
    return "{" + ",\n".join(parts) + "}\n"


def _grouped(items, order) -> dict:
    """{source: [item]} in source order, each list sorted by `order`: the
    file's order of `items` (sorted by source first), cut at each source."""
    groups = {}
    for x in sorted(items, key=order):
        groups.setdefault(x["source"], []).append(x)
    return groups


def _encode_groups(items, order, saved: dict | None, touched) -> dict:
    """{source: the items of that source, sorted by `order`, as JSON joined
    by ", "} in source order; groups of sources not `touched` are copied
    from `saved` (the record's groups in the last build) when it has them."""
    if not saved:
        return {src: _dump(group)[1:-1].encode() for src, group in _grouped(items, order).items()}
    srcs = sorted({x["source"] for x in items})
    redo = {src for src in srcs if src in touched or src not in saved}
    fresh = _grouped([x for x in items if x["source"] in redo], order)
    return {src: _dump(fresh[src])[1:-1].encode() if src in redo else saved[src] for src in srcs}


def _parts(before: bytes, groups: dict, rest: bytes):
    """A record's saved form: its bytes when its items come from one source
    (most records: cheap to store, cheap to make again), else the three
    parts, so that a rebuild encodes again only the changed sources' items."""
    if len(groups) <= 1:
        return before + b"".join(groups.values()) + rest
    return before, groups, rest


def _entity_parts(n, d, saved, touched):
    """An entity record: the fields before the mentions, the mentions by
    source, the fields after (kept whole when one source names it)."""
    e = _entity_fields(n, d)
    after = {k: e.pop(k) for k in ("code", "parent", "level") if k in e}
    before = _dump(e)[1:-1].encode() + b', "mentions": ['
    rest = b"]" + b"".join(f", {_dump(k)}: {_dump(v)}".encode() for k, v in after.items()) + b"}"
    groups = _encode_groups(d["mentions"], _MENTION_ORDER, saved[1] if isinstance(saved, tuple) else None, touched)
    return _parts(before, groups, rest)


def _relation_parts(d, saved, touched):
    r = relation_record(d)
    evs = r.pop("evidences")
    before = _dump(r)[1:-1].encode() + b', "evidences": ['
    groups = _encode_groups(evs, _EVIDENCE_ORDER, saved[1] if isinstance(saved, tuple) else None, touched)
    return _parts(before, groups, b"]}")


def _joined(parts) -> bytes:
    if isinstance(parts, bytes):
        return parts
    before, groups, rest = parts
    return before + b", ".join(groups.values()) + rest


def json_chunks(g, reuse=None) -> list:
    """graph.json as a list of UTF-8 pieces, dumps_records(graph_to_dict(g))
    byte for byte, assembled from record texts. The record texts leave out
    the positional ids, put in front here.

    With `reuse` (kg.export.reuse) a rebuild copies the records of the last
    build for every node and edge it did not touch; a touched record is
    made again from its fields and its mentions or evidence grouped by
    source file, and only the groups of the changed files are encoded again
    (an edit that names 国务院 once does not re-encode its 10^4 mentions)."""
    saved = reuse.load("json") if reuse is not None else None
    old_ents, old_rels, old_arts = (saved["entities"], saved["relations"], saved["articles"]) \
        if saved else ({}, {}, None)
    touched = reuse.sources if reuse is not None else ()
    nodes = sorted(g.nodes)
    ids = {n: i for i, n in enumerate(nodes, 1)}
    ents, rels, arts = {}, {}, {}
    for src, group in _grouped(g.graph.get("articles", []), _ARTICLE_ORDER).items():
        arts[src] = reuse.source_record(old_arts, src, lambda: ",\n".join(map(_dump, group)).encode()) \
            if reuse is not None else ",\n".join(map(_dump, group)).encode()
    out = [b'{"articles": [\n' + b",\n".join(arts.values()) + b"\n],\n" if arts else b'{"articles": [],\n']
    sep = b""
    out.append(b'"entities": [\n' if nodes else b'"entities": []')
    for n in nodes:
        if reuse is None:
            tail = _dump(entity_record(n, g.nodes[n]))[1:].encode()
        else:
            old = old_ents.get(n)
            parts = ents[n] = old if old is not None and n not in reuse.nodes else \
                _entity_parts(n, g.nodes[n], old, touched)
            tail = _joined(parts)
        out += (sep, b'{"id": "e', str(ids[n]).encode(), b'", ', tail)
        sep = b",\n"
    out.append(b"\n],\n" if nodes else b",\n")
    edges = _relation_order(g, ids)
    out.append(b'"relations": [\n' if edges else b'"relations": []')
    sep = b""
    for hi, k, ti, h, t in edges:
        e = (h, t, k)
        if reuse is None:
            tail = _dump(relation_record(g.edges[e]))[1:].encode()
        else:
            old = old_rels.get(e)
            parts = rels[e] = old if old is not None and e not in reuse.edges else \
                _relation_parts(g.edges[e], old, touched)
            tail = _joined(parts)
        out += (sep, f'{{"head": "e{hi}", "type": {_dump(k)}, "tail": "e{ti}", '.encode(), tail)
        sep = b",\n"
    out.append(b"\n]}\n" if edges else b"}\n")
    if reuse is not None:
        reuse.save("json", {"entities": ents, "relations": rels, "articles": arts})
    return out


def json_text(g, reuse=None) -> str:
    return b"".join(json_chunks(g, reuse)).decode("utf-8")


def write_json(g, path, reuse=None) -> None:
    write_chunks(path, json_chunks(g, reuse))
