"""Copy-or-render: a rebuild's outputs from the last build's records where nothing changed them.

The exporters (kg.export) are functions of the graph that ask for every
record they write through kg.export.records. Here the build answers: a
record of a node or edge the changed documents did not touch is the last
build's bytes (kg.corpus.state.reuse keeps them), a touched one is rendered
and kept for the next build. A record is a function of its own node's or
edge's data alone, and that data changes only within the changed
documents' footprints (kg.graph.footprint), so the files come out
byte-identical to a full export (tests/corpus/test_build_scale.py builds
both ways and compares).
"""

from kg.corpus import turtle_patch
from kg.corpus.state.packed import by_source
from kg.export import graphml, html, json as json_out, turtle

__all__ = ["Assembly", "JsonAssembly", "Memo", "graph_records", "write_graphml", "write_html", "write_json", "write_turtle"]


class Assembly:
    """Exporter `name`'s records: `touched` is {table: the keys a rebuild
    renders again}; every other key's record is copied when the last build
    (reuse.old) has it. What is rendered is saved (save()) for the next build."""

    def __init__(self, reuse, name: str, touched: dict):
        self.reuse, self.name, self.touched = reuse, name, touched
        self.saved = reuse.load(name)
        self.new = {table: {} for table in touched}
        # per table: (the saved records or None, the touched keys, the new records)
        self.tables = {t: (None if self.saved is None else self.saved[t], keys, self.new[t])
                       for t, keys in touched.items()}

    def get(self, table: str, key, render, *args):
        saved, touched, new = self.tables[table]
        if saved is not None and key not in touched:
            rec = saved.get(key)
            if rec is not None:
                return rec
        rec = new[key] = render(*args)
        return rec

    def gone(self) -> dict:
        """{table: the touched keys that have no record any more}."""
        return {t: {k for k in keys if k not in self.new[t]} for t, keys in self.touched.items()}

    def save(self) -> None:
        if self.saved is None:
            self.reuse.save(self.name, self.new)
        else:
            self.reuse.save_changes(self.name, self.new, self.gone())


def graph_records(reuse, name: str) -> Assembly:
    """Records keyed by node ("nodes") and by edge ("edges")."""
    return Assembly(reuse, name, {"nodes": reuse.nodes, "edges": reuse.edges})


class Memo:
    """Records keyed by what they are made of (a layout by the hash of its
    graph): copied whenever the last build made one, never stale; the ones
    asked for are saved."""

    def __init__(self, reuse, name: str):
        self.reuse, self.name = reuse, name
        self.saved = reuse.load(name) or {}
        self.kept = {}

    def get(self, table: str, key, render, *args):
        rec = self.saved.get(table, {}).get(key)
        if rec is None:
            rec = render(*args)
        self.kept.setdefault(table, {})[key] = rec
        return rec

    def save(self) -> None:
        if self.kept:
            self.reuse.save(self.name, self.kept)


class JsonAssembly(Assembly):
    """graph.json's records. An entity's mentions and a relation's evidence
    are kept by source file ("groups", "evgroups": {(key, source): bytes}),
    and a record with more than one source is saved as (before, sources,
    after), so that a rebuild encodes again, and saves, only the changed
    files' part of a record like 国务院's, with its 10^4 mentions."""

    GROUPS = {"entities": ("groups", json_out.MENTION_ORDER), "relations": ("evgroups", json_out.EVIDENCE_ORDER)}

    def __init__(self, reuse):
        super().__init__(reuse, "json", {"entities": reuse.nodes, "relations": reuse.edges,
                                         "articles": reuse.sources})
        self.new.update(groups={}, evgroups={})
        self.old = self.saved or {"groups": {}, "evgroups": {}}

    def get(self, table: str, key, render, *args):
        saved, touched, records = self.tables[table]
        if saved is not None and key not in touched:
            parts = saved.get(key)
            if parts is not None:   # untouched: every group is the last build's
                if isinstance(parts, bytes):
                    return parts
                return _joined(key, parts, self.old[self.GROUPS[table][0]].__getitem__)
        if table not in self.GROUPS:
            rec = records[key] = render(*args)
            return rec
        groups, order = self.GROUPS[table]
        old, new = self.old[groups], self.new[groups]
        g = args[0]
        if table == "entities":
            d = g.nodes[key]
            (before, after), items = json_out.entity_frame(key, d, args[2]), d["mentions"]
        else:
            d = g.edges[key]
            (before, after), items = json_out.relation_frame(d), d["evidence"]
        srcs, of = by_source(items)
        for src in srcs:
            if src in self.reuse.sources or (key, src) not in old:
                new[key, src] = json_out.items_text(sorted(of(src), key=order))
        if len(srcs) <= 1:   # the group lives on in the record only
            parts = before + b"".join(new.pop((key, src), None) or old[key, src] for src in srcs) + after
            self.new[table][key] = parts
            return parts
        parts = self.new[table][key] = (before, tuple(srcs), after)
        return _joined(key, parts, lambda k: x if (x := new.get(k)) is not None else old[k])

    def gone(self) -> dict:
        gone = super().gone()
        gone["groups"] = _gone_groups(self.reuse.nodes, self.old.get("entities", {}), self.new["entities"])
        gone["evgroups"] = _gone_groups(self.reuse.edges, self.old.get("relations", {}), self.new["relations"])
        for name in ("groups", "evgroups"):
            gone[name] -= self.new[name].keys()
        return gone


def _joined(key, parts: tuple, group) -> bytes:
    before, srcs, after = parts
    return before + b", ".join([group((key, src)) for src in srcs]) + after


def _gone_groups(keys, old: dict, new: dict) -> set:
    """The groups of these records that the old ones had and the new do not."""
    gone = set()
    for key in keys:
        before, after = old.get(key), new.get(key)
        kept = set(after[1]) if isinstance(after, tuple) else set()
        if isinstance(before, tuple):
            gone.update((key, src) for src in before[1] if src not in kept)
    return gone


def write_json(g, path, base=None, reuse=None) -> None:
    """Each output, written by its exporter with the records this build may
    copy (`reuse`, kg.corpus.state.reuse.Reuse; None: render everything, keep
    nothing). `base`: the base IRI of the instances (a build's options are in
    its digest, so a saved record is never of another base)."""
    if reuse is None:
        return json_out.write_json(g, path, base=base)
    records = JsonAssembly(reuse)
    json_out.write_json(g, path, records, base)
    records.save()


def write_graphml(g, path, base=None, reuse=None) -> None:
    if reuse is None:
        return graphml.write_graphml(g, path, base=base)
    records = graph_records(reuse, "graphml")
    graphml.write_graphml(g, path, records, base)
    records.save()


def write_html(g, path, reuse=None) -> None:
    if reuse is None:
        return html.write_html(g, path)
    records, layout = graph_records(reuse, "html"), Memo(reuse, "layout")
    html.write_html(g, path, records=records, layout=layout)
    records.save()
    layout.save()


def write_turtle(g, path, base=None, reuse=None) -> None:
    """graph.ttl's blocks are copied by kg.corpus.turtle_patch (see there why not here)."""
    if reuse is None:
        return turtle.write_turtle(g, path, base)
    turtle_patch.write_turtle(g, path, base, reuse)
