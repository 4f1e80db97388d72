"""`kg extract --explain`: why each entity and relation of a file is there.

Per entity mention: the component and rule of the proposal kg_resolve kept,
and the rival proposals it beat (read off the doc's spans, kg.nlp.spans).
Per relation: which mechanism of the relation layer made it (structural
containment, the division tree, a post chain, an appointment, a trigger
verb, cooperation). The relation dicts do not say it, so the extraction is
run with `RelationSet.add` wrapped to note the function that first added
each relation; the JSON made alongside is the same as `kg extract`'s.
"""

import sys
from contextlib import contextmanager

from kg.extraction import extract_document
from kg.nlp.spans import NESTED
from kg.text.document import load_document

# (module, function that calls RelationSet.add) -> the mechanism it stands for
MECHANISMS = {
    ("kg.relations.structural", "_structural"): "structural containment (a body in its host, or at its place)",
    ("kg.relations.structural", "_place_tree"): "division tree (a place and its parent division)",
    ("kg.relations.posts", "post_relations"): "post chain (a bare body in a chain of posts)",
    ("kg.relations.posts", "_post"): "post chain (a title read leftwards from the name)",
    ("kg.relations.posts", "_appointed"): "appointment (任命…为…)",
    ("kg.relations.triggers", "trigger_relations"): "trigger verb (actor, verb, object in a clause)",
    ("kg.relations.triggers", "_partners_cooperate"): "cooperation (partners of a trigger verb's actor)",
    ("kg.relations.triggers", "_cooperation"): "cooperation (a cooperation verb between actors)",
}


@contextmanager
def recording_mechanisms():
    """Within the block, note for each relation (head key, type, tail key)
    the module and function that first added it: yields that dict."""
    from kg.relations.structural import RelationSet

    made_by = {}
    original = RelationSet.add

    def add(self, head_key, rtype, tail_key, *args, **kwargs):
        key = (head_key, rtype, tail_key)
        fresh = key not in self.rels
        original(self, head_key, rtype, tail_key, *args, **kwargs)
        if fresh and key in self.rels:
            caller = sys._getframe(1)
            made_by[key] = (caller.f_globals.get("__name__", "?"), caller.f_code.co_name)

    RelationSet.add = add
    try:
        yield made_by
    finally:
        RelationSet.add = original


def explain_file(path, date=None) -> tuple[dict, str]:
    """(the file's extraction JSON, the explanation report)."""
    document = load_document(path, date)
    trace = {}
    with recording_mechanisms() as made_by:
        out = extract_document(document, trace=trace)
    return out, report(out, trace, made_by)


def report(out: dict, trace: dict, made_by: dict) -> str:
    """The text report of an extraction `out` and its trace (see
    kg.extraction.extract_document)."""
    lines = [f"{out['source']}: {len(out['entities'])} entities, {len(out['relations'])} relations", "",
             "Entities"]
    spans = _spans_by_offsets(trace["per_article"])
    text = trace["document"].norm.text
    for ent in out["entities"]:
        lines.append(f"{ent['id']} {ent['type']} {ent['name']}  [{ent['key']}]")
        if not ent["mentions"]:
            lines.append("    no mention: implied by the relation layer (市长 -> its 人民政府)")
        for m in ent["mentions"]:
            lines.extend(_mention_lines(m, ent["type"], text, spans))
    lines += ["", "Relations"]
    names = {e["id"]: e["name"] for e in out["entities"]}
    keys = {eid: key for key, eid in trace["ids"].items()}
    for r in out["relations"]:
        lines.extend(_relation_lines(r, names, made_by.get((keys[r["head"]], r["type"], keys[r["tail"]]))))
    return "\n".join(lines) + "\n"


def _spans_by_offsets(per_article) -> dict:
    """(page start, page end, label) -> (article, resolved Span, top-level?)."""
    out = {}
    for art, doc, _mentions in per_article:
        for group, top in ((doc.ents, True), (doc.spans.get(NESTED, ()), False)):
            for span in group:
                out[(span.start_char + art.start, span.end_char + art.start, span.label_)] = (art, span, top)
    return out


def _proposal(component, rule, priority=None) -> str:
    pri = "" if priority is None else f", priority {priority}"
    return f"{component}, rule {rule or '(not recorded)'}{pri}"


def _mention_lines(m, etype, text, spans) -> list[str]:
    s, e = m["start"], m["end"]
    head = f"  {m['article']} {s}-{e} 「{text[s:e]}」"
    found = spans.get((s, e, etype))
    if found is None:
        return [head + ": linked, no resolved span of this type"]
    art, span, top = found
    where = "entity" if top else "nested in 「{}」".format(
        text[span._.host[0] + art.start:span._.host[1] + art.start] if span._.host else "?")
    lines = [f"{head}: {where}; proposed by {_proposal(span._.source, span._.rule, span._.priority)}"]
    if span.kb_id_:
        lines[-1] += f"; linked to {span.kb_id_}"
    for rs, re_, label, component, rule in span._.rivals or ():
        if (rs, re_, label) == (span.start_char, span.end_char, span.label_):
            lines.append(f"      also proposed by {_proposal(component, rule)}")
            continue
        a, b = rs + art.start, re_ + art.start
        lines.append(f"      beat {label} 「{text[a:b]}」 {a}-{b} ({_proposal(component, rule)})")
    return lines


def _relation_lines(r, names, made) -> list[str]:
    how = "mechanism not recorded"
    if made is not None:
        how = MECHANISMS.get(made, "another mechanism") + f"  [{made[0]}.{made[1]}]"
    attrs = "".join(f" {k}={v}" for k, v in sorted(r["attrs"].items()))
    ev = r["evidence"]
    return [f"{r['head']} {names[r['head']]} -{r['type']}-> {r['tail']} {names[r['tail']]}{attrs}",
            f"    by {how}",
            f"    evidence {ev['article']} {ev['start']}-{ev['end']}: 「{ev['text']}」"]

