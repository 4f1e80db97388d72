"""Posts in RDF: a post edge as an org:Membership in time, and the org:Post that successive people hold.

A post edge (leads / member_of) is the plain triple (org:headOf or
org:memberOf, which tells head from member) and an org:Membership, not an
rdf:Statement: `org:member`, `org:organization`, `org:role` (each title),
its evidence (`prov:wasDerivedFrom`), and from the edge's tenure
(kg.graph.tenure) `kg:status`, `kg:firstSeen`, `kg:lastSeen`,
`kg:articleCount`, `org:memberDuring` a time:Interval whose beginning and
end are time:Instants with `kg:dateBasis` (stated, event, observed: the
first / last article seen, before: ended on or before), and one
`kg:postEvent` per appointment, election, removal … with its date and
evidence. The interval, its instants and the events are blank nodes inside
the membership's block, so the block is written whole by its one edge.

An org:Post is a body and a title without its acting prefix (代省长 holds
the post 省长): `post:<hash of body key and title>`, `org:postIn` the body,
`org:role`, `skos:prefLabel` the body's name and the title (青海省委书记),
`org:heldBy` each holder, who `org:holds` it. Posts and roles are shared by
many edges: a rebuild recounts them (kg.corpus.turtle_patch).

Instants: a full date is `time:inXSDDate` (xsd:date); a month or a year
only (a removal dated by its report's month, 2021年10月) is
`time:inXSDgYearMonth` / `time:inXSDgYear`.
"""

from functools import lru_cache

from kg import ruleset
from kg.export.rdf_terms import A, DCTERMS, KG, ORG, PROV, SKOS, TIME, Minter, date_lit, digest, nonneg, plain, zh
from kg.graph.tenure import acting_prefixes, plain_title, titles_of

POST_RELATIONS = ("leads", "member_of")
MEMBERSHIP = f"    a {ORG.Membership}"
_INSTANT_DATE = {10: TIME.inXSDDate, 7: TIME.inXSDgYearMonth, 4: TIME.inXSDgYear}


@lru_cache(maxsize=1)
def _rules():
    return ruleset.current()


def add_role(doc, title) -> str:
    role = f"role:{digest(title)}"
    doc.add(role, A, ORG.Role)
    doc.add(role, SKOS.prefLabel, zh(title))
    return role


def titles(d: dict) -> list:
    """The titles of a post edge: every one its tenure saw, else its attrs' title's."""
    attrs = d.get("attrs") or {}
    tenure = attrs.get("tenure")
    if tenure and tenure.get("titles"):
        return list(tenure["titles"])
    return titles_of(attrs.get("title") or "", _rules()) if attrs.get("title") else []


def post_titles(d: dict) -> list:
    """The posts' titles of an edge: its titles without acting prefixes, sorted."""
    prefixes = acting_prefixes(_rules())
    return sorted({plain_title(t, prefixes) for t in titles(d)})


def posts_of(body: str, d: dict) -> list:
    m = Minter()
    return [m.post(body, t) for t in post_titles(d)]


def add_shared(doc, g, h, o, key, d, tok) -> None:
    """The subjects many edges add to: the edge's roles and its posts."""
    for t in titles(d):
        add_role(doc, t)
    if g.nodes[h].get("type") != "PERSON":
        return
    m, name = Minter(), g.nodes[o]["name"]
    for t in post_titles(d):
        post = m.post(o, t)
        doc.add(post, A, ORG.Post)
        doc.add(post, ORG.postIn, tok[o])
        doc.add(post, ORG.role, add_role(doc, t))
        doc.add(post, SKOS.prefLabel, zh(name + t))
        doc.add(post, ORG.heldBy, tok[h])


def _instant(date, basis) -> tuple:
    """(the blank node text of a time:Instant, its triples), or (None, 0) for no usable date."""
    lit = date_lit(date) if date else None
    pred = _INSTANT_DATE.get(len(str(date))) if date else None
    if lit is None or pred is None or not lit.endswith(("date", "gYearMonth", "gYear")):
        return None, 0
    return f"[ a {TIME.Instant} ; {pred} {lit} ; {KG.dateBasis} {plain(basis)} ]", 3


def _interval(t: dict) -> tuple:
    start = t.get("start") or {}
    end = t.get("end") or ({"date": t.get("last_seen"), "basis": "observed"} if t.get("last_seen") else {})
    if end.get("event") == "former":
        end = {**end, "basis": "before"}
    parts, n = [], 1
    for pred, point in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
        inst, k = _instant(point.get("date"), point.get("basis"))
        if inst is not None:
            parts.append(f" ;\n        {pred} {inst}")
            n += 1 + k
    if not parts:
        return None, 0
    return f"[ a {TIME.Interval}{''.join(parts)} ]", n


def _evidence_tokens(m, d: dict) -> dict:
    """{(article date, sentence): the least token of the edge's evidence
    that says it}: how a tenure's evidence (which names no file) is found."""
    tokens = {}
    for ev in d.get("evidence") or ():
        k, tok = (ev.get("article_date") or "", ev.get("text", "")), m.evidence(ev)
        if k not in tokens or tok < tokens[k]:
            tokens[k] = tok
    return tokens


def _event(e: dict, evidence: dict) -> tuple:
    parts, n = [f"a {KG.PostEvent}", f"{KG.eventType} {plain(e['event'])}"], 2
    if e.get("date") and date_lit(e["date"]).endswith(("date", "gYearMonth", "gYear")):
        parts.append(f"{DCTERMS.date} {date_lit(e['date'])}")
        n += 1
    said = e.get("evidence") or {}
    ev = evidence.get((said.get("article_date") or "", said.get("text", "")))
    if ev is not None:
        parts.append(f"{PROV.wasDerivedFrom} {ev}")
        n += 1
    return "[ " + " ; ".join(parts) + " ]", n


def membership(m, s, obj, d) -> tuple:
    """(the type line, the predicate-object lines, their triple count) of a
    post edge's org:Membership, without its evidence (the caller's)."""
    lines = [f"    {ORG.member} {s} ;\n    {ORG.organization} {obj}"]
    n = 3
    roles = [f"role:{digest(t)}" for t in titles(d)]
    if roles:
        lines.append(f"    {ORG.role} {', '.join(sorted(roles))}")
        n += len(roles)
    t = (d.get("attrs") or {}).get("tenure")
    if not t:
        return MEMBERSHIP, lines, n
    lines.append(f"    {KG.status} {plain(t['status'])} ;\n    {KG.articleCount} {nonneg(t['articles'])}")
    n += 2
    for pred, key in ((KG.firstSeen, "first_seen"), (KG.lastSeen, "last_seen")):
        if t.get(key):
            lines.append(f"    {pred} {date_lit(t[key])}")
            n += 1
    if t.get("conflict"):
        lines.append(f"    {KG.conflicts} {nonneg(t['conflict'])}")
        n += 1
    iv, k = _interval(t)
    if iv is not None:
        lines.append(f"    {ORG.memberDuring} {iv}")
        n += 1 + k
    evidence = _evidence_tokens(m, d)
    events = [_event(e, evidence) for e in t.get("events") or ()]
    if events:
        lines.append(f"    {KG.postEvent} " + ",\n        ".join(x for x, _ in events))
        n += sum(1 + k for _, k in events)
    return MEMBERSHIP, lines, n
