"""`kg extract --explain`: why each entity and relation of a file is there.

Per entity mention: the component and rule of the proposal kg_resolve kept,
and the rival proposals it beat (read off the doc's spans, kg.nlp.spans).
Per relation: which mechanism of the relation layer made it (structural
containment, the division tree, a post chain, an appointment, a trigger
verb, cooperation), from the rule id the relation layer gives every
relation it adds (RelationSet.made_by); the JSON made alongside is the same
as `kg extract`'s.
"""

from kg.extraction import extract_document
from kg.nlp.spans import NESTED
from kg.text.document import load_document

# the rule id a relation was read by (RelationSet.add's `rule`) -> what it stands for
MECHANISMS = {
    "structural.unit_of_host": "structural containment (a unit named inside its host body)",
    "structural.seat": "structural containment (a body at the place of its name or context)",
    "structural.central_parent": "central bodies' table (a central body under its parent)",
    "structural.division_tree": "division tree (a place and its nearest named ancestor)",
    "structural.foreign_within": "a foreign place of no table written right after the foreign place it lies in",
    "posts.title_chain": "post chain (a title read leftwards from the name)",
    "posts.party_group": "party-group titles (a post in the party group of the body written before them)",
    "posts.bare_body_in_chain": "post chain (a bare body in a chain of posts is its host's)",
    "posts.listed_name": "post chain (a name listed after another shares its posts)",
    "posts.title_after_name": "post (body, name, then title: 公安部孙茂利局长)",
    "posts.appointment": "appointment (任命…为…, …同志任…, …当选…)",
    "posts.removal": "removal (免去…职务, …不再担任…, …辞去…)",
    "triggers.verb": "trigger verb (actor, verb, object in a clause)",
    "subjects.title_issuer": "issuer (a body written right before a document's title)",
    "subjects.title_program": "issuer of a document titled 关于建立… introduces the program it names",
    "cooperation.partners_of_actor": "cooperation (partners of a trigger verb's actor: A会同B印发)",
    "cooperation.partner_word": "cooperation (A会同B、C…)",
    "cooperation.verb": "cooperation (A与B … a cooperation verb)",
}


def explain_file(path, date=None) -> tuple[dict, str]:
    """(the file's extraction JSON, the explanation report)."""
    document = load_document(path, date)
    trace = {}
    out = extract_document(document, trace=trace)
    return out, report(out, trace)


def report(out: dict, trace: dict) -> str:
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
        lines.extend(_relation_lines(r, names, trace["made_by"].get((keys[r["head"]], r["type"], keys[r["tail"]]))))
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
    how = f"{MECHANISMS[made]}  [rule {made}]"
    attrs = "".join(f" {k}={v}" for k, v in sorted(r["attrs"].items()))
    ev = r["evidence"]
    return [f"{r['head']} {names[r['head']]} -{r['type']}-> {r['tail']} {names[r['tail']]}{attrs}",
            f"    by {how}",
            f"    evidence {ev['article']} {ev['start']}-{ev['end']}: 「{ev['text']}」"]

