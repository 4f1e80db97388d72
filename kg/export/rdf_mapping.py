"""The graph on standard vocabularies: a govkg MultiDiGraph -> RDF subject blocks (Turtle text).

Mapping (vocabularies in kg/export/vocab.py, project terms in ontology/govkg.ttl):
bodies are `org:Organization` + `schema:GovernmentOrganization`, places
`schema:AdministrativeArea` (`skos:notation` = division code), documents
`schema:Legislation`, programs `kg:Program`; names are `skos:prefLabel` /
`skos:altLabel` in `@zh`. Every edge is a plain triple (`kg:introduced`,
`org:headOf`, `schema:containedInPlace`, ...) *and* a fact node (an
`rdf:Statement`, also `kg:Introduction` with its `dcterms:date`; a post is
an `org:Membership` only, with its roles and time: kg.export.posts_rdf)
that `prov:wasDerivedFrom` one evidence node per sentence: an `oa:SpecificResource` on the source file with a text
quote and a position selector, `dcterms:isPartOf` its article. Articles are
`schema:NewsArticle` nodes (dcterms:title/date/creator/source) that
`schema:mentions` the entities they name; an article of a corpus record
with a URL has it as `schema:url` and `prov:wasDerivedFrom` that page, and
its record's `source` as `dcterms:publisher`.

Terms are kg.export.rdf_terms tokens, which exist only for a vocabulary's
own terms: the tables and block templates below name theirs at import, so
a misspelt one there fails the import, and tests/export/test_turtle.py
resolves every other term this module names.
"""

from kg.export import posts_rdf
from kg.export.posts_rdf import add_role  # noqa: F401  (kg.corpus.turtle_patch recounts roles)
from kg.export.rdf_terms import (A, DCTERMS, KG, OA, ORG, PROV, RDF, SDO, SKOS, Minter, any_uri, date_lit, digest,
                                 iri_ref, nonneg, plain, slug, zh)

TYPE_CLASSES = {
    "AGENCY": (ORG.Organization, SDO.GovernmentOrganization),
    "ORG": (ORG.Organization, SDO.Organization),
    "PERSON": (SDO.Person,),
    "PLACE": (SDO.AdministrativeArea,),
    "DOCUMENT": (SDO.Legislation,),
    "PROGRAM": (KG.Program,),
}
# Places outside the PRC tree (kg.nlp.gazetteer.WORLD_LEVELS) get schema.org's own
# class too, and no skos:notation: they have no official code.
WORLD_CLASSES = {"continent": SDO.Continent, "country": SDO.Country, "state": SDO.State, "city": SDO.City}
RELATIONS = {  # edge key -> the plain triple's predicate
    "introduced": KG.introduced,
    "leads": ORG.headOf,
    "member_of": ORG.memberOf,
    "part_of": ORG.subOrganizationOf,
    "cooperates_with": KG.cooperatesWith,
    "located_in": SDO.containedInPlace,  # schema:location when the head is not a place
}


# closed blocks (facts, evidence) are written whole, from these pieces
_INTRODUCTION = f"    a {KG.Introduction}, {RDF.Statement}"
_STATEMENT = f"    a {RDF.Statement}"
_QUOTE = f"    a {OA.TextQuoteSelector} ;\n    {OA.exact} "
_POSITION_END = f"    a {OA.TextPositionSelector} ;\n    {OA.end} "
_POSITION_START = f" ;\n    {OA.start} "


class Subjects:
    """The triples, grouped by subject: either open (predicate -> set of
    objects, for subjects that many producers add to) or closed (one
    producer writes the whole block at once: facts, evidence)."""

    def __init__(self):
        self.open, self.closed, self.n_closed = {}, {}, 0
        self.owner = {}   # subject -> the source file it describes (articles, evidence, sources)

    def add(self, s, p, o):
        preds = self.open.get(s)
        if preds is None:
            preds = self.open[s] = {}
        objs = preds.get(p)
        if objs is None:
            preds[p] = {o}
        else:
            objs.add(o)

    def put(self, s, body: str, n: int):
        """A whole subject block, written by its one producer: `body` is the
        predicate-object lines, `n` the number of triples in it."""
        self.closed[s] = body
        self.n_closed += n

    def __len__(self):
        return self.n_closed + sum(len(v) for preds in self.open.values() for v in preds.values())

    def blocks(self) -> dict:
        """{subject: its predicate-object lines}."""
        blocks = dict(self.closed)
        for s, preds in self.open.items():
            if s in blocks:
                raise ValueError(f"subject both open and closed: {s}")
            a = preds.get(A)
            lines = [f"    a {', '.join(sorted(a))}"] if a else []
            lines += [f"    {p} {', '.join(sorted(preds[p]))}" for p in sorted(preds) if p != A]
            blocks[s] = " ;\n".join(lines)
        return blocks


def graph_subjects(g) -> tuple["Subjects", dict]:
    """(the RDF of a govkg MultiDiGraph, {node: its subject token})."""
    doc, m = Subjects(), Minter()
    tok = {n: m.node(n, d) for n, d in g.nodes(data=True)}
    articles = set()
    for a in g.graph.get("articles", []):
        articles.add(add_article(doc, m, a))
    by_code = places_by_code(g)
    for n, d in g.nodes(data=True):
        add_node(doc, m, tok[n], d, tok, by_code)
    evidence = {}
    for h, o, key, d in g.edges(keys=True, data=True):
        add_edge(doc, m, g, h, o, key, d, tok, evidence, articles)
    return doc, tok


def places_by_code(g) -> dict:
    return {d["code"]: n for n, d in g.nodes(data=True) if d["type"] == "PLACE" and d.get("code")}


def add_article(doc, m, a):
    s = m.article(a["source"], a["id"])
    doc.owner[s] = a["source"]
    doc.add(s, A, SDO.NewsArticle)
    doc.add(s, DCTERMS.source, add_source(doc, m, a["source"]))
    doc.add(s, DCTERMS.identifier, plain(a["id"]))
    if a.get("title"):
        doc.add(s, DCTERMS.title, zh(a["title"]))
    if a.get("date"):
        doc.add(s, DCTERMS.date, date_lit(a["date"]))
    if a.get("place"):
        doc.add(s, KG.dateline, zh(a["place"]))
    for c in a.get("creators") or ():
        doc.add(s, DCTERMS.creator, add_agent(doc, c))
    if a.get("url"):   # a corpus record's URL: where the article was published
        doc.add(s, SDO.url, any_uri(a["url"]))
        ref = iri_ref(a["url"])
        if ref is not None:
            doc.add(s, PROV.wasDerivedFrom, ref)
    if a.get("publisher"):   # a corpus record's `source`: the outlet that published it
        doc.add(s, DCTERMS.publisher, zh(a["publisher"]))
    return s


def add_agent(doc, c) -> str:
    agent = f"agent:{digest(c)}"
    doc.add(agent, A, DCTERMS.Agent)
    doc.add(agent, SKOS.prefLabel, zh(c))
    return agent


def add_source(doc, m, source):
    s = m.source(source)
    if s not in doc.open:
        doc.owner[s] = source
        doc.add(s, A, SDO.DigitalDocument)
        doc.add(s, DCTERMS.identifier, plain(source))
    return s


def add_node(doc, m, s, d, tok, by_code, mentions=None):
    """`mentions`: the ones whose articles get their schema:mentions here
    (default: all of the node's; a patch gives only the changed files')."""
    for c in TYPE_CLASSES[d["type"]]:
        doc.add(s, A, c)
    doc.add(s, SKOS.prefLabel, zh(d["name"]))
    for a in d.get("aliases") or ():
        if a != d["name"]:
            doc.add(s, SKOS.altLabel, zh(a))
    if (d.get("attrs") or {}).get("basis"):   # why its documents' nodes are one (kg.corpus.resolve)
        doc.add(s, KG.resolutionBasis, plain(d["attrs"]["basis"]))
    if d["type"] == "PLACE":
        world = WORLD_CLASSES.get(d.get("level"))
        if world is not None:
            doc.add(s, A, world)
        elif d.get("code"):
            doc.add(s, SKOS.notation, plain(d["code"]))
        if d.get("level"):
            doc.add(s, KG.divisionLevel, plain(d["level"]))
        if d.get("parent") in by_code:  # gazetteer containment, even when no sentence says it
            doc.add(s, SDO.containedInPlace, tok[by_code[d["parent"]]])
    # an entity is named many times per article: one triple per article
    if mentions is None:
        mentions = d.get("mentions") or ()
    for source, article in {(mn.get("source"), mn.get("article")) for mn in mentions}:
        if source and article is not None:
            doc.add(m.article(source, article), SDO.mentions, s)


def add_edge(doc, m, g, h, o, key, d, tok, evidence, articles, sources=None):
    """`sources`: only evidence from these source files gets its nodes made
    (an incremental render: the others are as they were). A post is an
    org:Membership with its time (kg.export.posts_rdf), no rdf:Statement."""
    s, obj, pred = add_triple(doc, g, h, o, key, tok)
    attrs = d.get("attrs") or {}
    evs = sorted({add_evidence(doc, m, ev, evidence, articles) if sources is None or ev["source"] in sources
                  else m.evidence(ev) for ev in d.get("evidence") or ()})
    if key in posts_rdf.POST_RELATIONS:
        posts_rdf.add_shared(doc, g, h, o, key, d, tok)
        types, lines, n = posts_rdf.membership(m, s, obj, d)
    else:
        types = _INTRODUCTION if key == "introduced" else _STATEMENT
        lines = [f"    {RDF.subject} {s} ;\n    {RDF.predicate} {pred} ;\n    {RDF.object} {obj}"]
        n = 4 + (key == "introduced")
        if attrs.get("date"):
            lines.append(f"    {DCTERMS.date} {date_lit(attrs['date'])}")
            n += 1
    if evs:
        lines.append(f"    {PROV.wasDerivedFrom} {', '.join(evs)}")
        n += len(evs)
    doc.put(fact_subject(h, key, o), f"{types} ;\n" + " ;\n".join(lines), n)


def add_triple(doc, g, h, o, key, tok):
    """The plain triple of an edge, on its head's subject."""
    s, obj = tok[h], tok[o]
    pred = RELATIONS.get(key) or f"kg:{_camel(key)}"   # a relation of no vocabulary: the project's namespace
    if key == "located_in" and g.nodes[h]["type"] != "PLACE":
        pred = SDO.location
    doc.add(s, pred, obj)
    if key in posts_rdf.POST_RELATIONS:
        for post in posts_rdf.posts_of(o, g.edges[h, o, key]):
            doc.add(s, ORG.holds, post)
    return s, obj, pred


def fact_subject(h, key, o) -> str:
    return Minter().fact(h, key, o)


def add_evidence(doc, m, ev, seen, articles):
    """One evidence node per sentence (source + offsets), made the first time
    a fact cites it; its blocks are written whole (the hot path at 10^5 facts)."""
    e = m.evidence(ev)
    if e in seen:
        return e
    seen[e] = True
    quote, pos = e + "-text", e + "-pos"
    doc.owner[e] = doc.owner[quote] = ev["source"]
    doc.put(quote, f"{_QUOTE}{zh(ev.get('text', ''))}", 2)
    selectors = quote
    if ev.get("raw_start") is not None:
        doc.owner[pos] = ev["source"]
        doc.put(pos, f"{_POSITION_END}{nonneg(ev['raw_end'])}{_POSITION_START}{nonneg(ev['raw_start'])}", 3)
        selectors = f"{pos}, {quote}"
    part, n = "", 3 + (selectors != quote)  # a, hasSource, one or two hasSelector
    if ev.get("article") is not None:
        art = m.article(ev["source"], ev["article"])
        part, n = f"    {DCTERMS.isPartOf} {art} ;\n", n + 1
        if art not in articles:  # graphs without an article list: what the evidence knows
            articles.add(add_article(doc, m, {"source": ev["source"], "id": ev["article"],
                                           "title": ev.get("article_title"), "date": ev.get("article_date")}))
    doc.put(e, f"    a {OA.SpecificResource} ;\n{part}    {OA.hasSelector} {selectors} ;\n"
               f"    {OA.hasSource} {add_source(doc, m, ev['source'])}", n)
    return e


def _camel(rel) -> str:
    a, *rest = str(rel).split("_")
    return slug(a + "".join(w.title() for w in rest))
