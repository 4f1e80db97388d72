"""graph.json: the whole graph, in the shape of the spec §5 JSON.

Entities carry their node id as `key`; relations carry every piece of
evidence (`evidence` is the first, `evidences` all). Sorted, so the same
input gives the same bytes.
"""

import json
from operator import itemgetter

from kg.atomic import write_chunks
from kg.graph import Mentions

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


def _grouped(items, order) -> dict:
    """{source: [item]} in source order, each list sorted by `order`: the
    file's order of `items` (sorted by source first), cut at each source."""
    groups = {}
    for x in sorted(items, key=order):
        groups.setdefault(x["source"], []).append(x)
    return groups


def _encode_groups(key, items, order, old: dict, touched, new: dict) -> tuple:
    """The sources of `items` in order. Each source's items (sorted by
    `order`, as JSON joined by ", ") go to new[(key, source)], unless the
    source is not `touched` and old[(key, source)] has them already."""
    if isinstance(items, Mentions):   # a loaded node's mentions, by file
        srcs = items.sources()
        redo = [src for src in srcs if src in touched or (key, src) not in old]
        for src in redo:
            new[key, src] = _dump(sorted(items.of(src), key=order))[1:-1].encode()
        return tuple(srcs)
    srcs = sorted({x["source"] for x in items})
    redo = {src for src in srcs if src in touched or (key, src) not in old}
    for src, group in _grouped([x for x in items if x["source"] in redo], order).items():
        new[key, src] = _dump(group)[1:-1].encode()
    return tuple(srcs)


def _parts(key, before: bytes, srcs: tuple, rest: bytes, new: dict, old: dict):
    """A record's saved form: its bytes when its items come from one source
    (most records: cheap to store, cheap to make again), else (before,
    sources, rest) with the sources' parts in the groups table, so that a
    rebuild encodes again, and saves, only the changed sources' part of a
    record like 国务院's, with its 10^4 mentions."""
    if len(srcs) <= 1:   # the group lives on in the record only
        return before + b"".join(new.pop((key, src), None) or old[key, src] for src in srcs) + rest
    return before, srcs, rest


def _entity_parts(n, d, old_groups, touched, groups):
    """An entity record: the fields before the mentions, the mentions by
    source, the fields after."""
    e = _entity_fields(n, d)
    after = {k: e.pop(k) for k in ("code", "parent", "level") if k in e}
    before = _dump(e)[1:-1].encode() + b', "mentions": ['
    rest = b"]" + b"".join(f", {_dump(k)}: {_dump(v)}".encode() for k, v in after.items()) + b"}"
    srcs = _encode_groups(n, d["mentions"], _MENTION_ORDER, old_groups, touched, groups)
    return _parts(n, before, srcs, rest, groups, old_groups)


def _relation_parts(e, d, old_groups, touched, groups):
    r = relation_record(d)
    evs = r.pop("evidences")
    before = _dump(r)[1:-1].encode() + b', "evidences": ['
    srcs = _encode_groups(e, evs, _EVIDENCE_ORDER, old_groups, touched, groups)
    return _parts(e, before, srcs, b"]}", groups, old_groups)


def _record(key, parts, new: dict, old: dict) -> bytes:
    if isinstance(parts, bytes):
        return parts
    before, srcs, rest = parts
    got = new.get
    return before + b", ".join([x if (x := got((key, src))) is not None else old[key, src]
                                for src in srcs]) + rest


def _saved_record(key, parts, old: dict) -> bytes:
    """_record of a record the last build saved and this one did not touch:
    all of its groups are in `old` (a hub's 10^3 of them, for every rebuild)."""
    if isinstance(parts, bytes):
        return parts
    before, srcs, rest = parts
    return before + b", ".join([old[key, src] for src in srcs]) + rest


def _gone_groups(keys, old: dict, new: dict) -> set:
    """The groups of these records that the old ones had and the new do not."""
    gone = set()
    for key in keys:
        before, after = old.get(key), new.get(key)
        kept = set(after[1]) if isinstance(after, tuple) else set()
        if isinstance(before, tuple):
            gone.update((key, src) for src in before[1] if src not in kept)
    return gone


def json_chunks(g, reuse=None) -> list:
    """graph.json as a list of UTF-8 pieces: graph_to_dict(g) as one JSON
    document with one record per line (`{"articles": [\n{…},\n{…}\n], …}`:
    greppable and diffable, and written by json's C encoder, which an
    `indent` would turn off), assembled from record texts that leave out
    the positional ids, put in front here.

    With `reuse` (kg.corpus.state.reuse) a rebuild copies the records of the last
    build for every node and edge it did not touch; a touched record is
    made again from its fields and its mentions or evidence grouped by
    source file, and only the groups of the changed files are encoded again."""
    saved = reuse.load("json") if reuse is not None else None
    touched = reuse.sources if reuse is not None else ()
    nodes = sorted(g.nodes)
    ids = {n: i for i, n in enumerate(nodes, 1)}
    t = saved or {"entities": {}, "groups": {}, "relations": {}, "evgroups": {}, "articles": {}}
    # what this build renders: all of it, or (with saved records) the touched part
    new = {"entities": {}, "groups": {}, "relations": {}, "evgroups": {}, "articles": {}}
    arts = []
    for src, group in _grouped(g.graph.get("articles", []), _ARTICLE_ORDER).items():
        rec = t["articles"].get(src) if saved and src not in touched else None
        if rec is None:
            rec = new["articles"][src] = ",\n".join(map(_dump, group)).encode()
        arts.append(rec)
    out = [b'{"articles": [\n' + b",\n".join(arts) + b"\n],\n" if arts else b'{"articles": [],\n']
    sep = b""
    out.append(b'"entities": [\n' if nodes else b'"entities": []')
    for n in nodes:
        if reuse is None:
            tail = _dump(entity_record(n, g.nodes[n]))[1:].encode()
        else:
            parts = t["entities"].get(n) if saved and n not in reuse.nodes else None
            if parts is not None:   # untouched: every group is the last build's
                tail = _saved_record(n, parts, t["groups"])
            else:
                parts = new["entities"][n] = _entity_parts(n, g.nodes[n], t["groups"], touched, new["groups"])
                tail = _record(n, parts, new["groups"], t["groups"])
        out += (sep, b'{"id": "e', str(ids[n]).encode(), b'", ', tail)
        sep = b",\n"
    out.append(b"\n],\n" if nodes else b",\n")
    edges = _relation_order(g, ids)
    out.append(b'"relations": [\n' if edges else b'"relations": []')
    sep = b""
    for hi, k, ti, h, o in edges:
        e = (h, o, k)
        if reuse is None:
            tail = _dump(relation_record(g.edges[e]))[1:].encode()
        else:
            parts = t["relations"].get(e) if saved and e not in reuse.edges else None
            if parts is not None:
                tail = _saved_record(e, parts, t["evgroups"])
            else:
                parts = new["relations"][e] = _relation_parts(e, g.edges[e], t["evgroups"], touched,
                                                              new["evgroups"])
                tail = _record(e, parts, new["evgroups"], t["evgroups"])
        out += (sep, f'{{"head": "e{hi}", "type": {_dump(k)}, "tail": "e{ti}", '.encode(), tail)
        sep = b",\n"
    out.append(b"\n]}\n" if edges else b"}\n")
    if reuse is not None and saved:
        gone = {"entities": {n for n in reuse.nodes if n not in g},
                "relations": {e for e in reuse.edges if not g.has_edge(*e)},
                "articles": {s for s in touched if s not in new["articles"]},
                "groups": _gone_groups(reuse.nodes, t["entities"], new["entities"]),
                "evgroups": _gone_groups(reuse.edges, t["relations"], new["relations"])}
        for name in gone:
            gone[name] -= new[name].keys()
        reuse.save_changes("json", new, gone)
    elif reuse is not None:
        reuse.save("json", new)
    return out


def write_json(g, path, reuse=None) -> None:
    write_chunks(path, json_chunks(g, reuse))
