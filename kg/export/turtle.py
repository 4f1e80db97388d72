"""graph.ttl: the graph on standard vocabularies, for any triple store.

W3C ORG for bodies, posts and sub-organisations; schema.org for kinds of
things and places; SKOS for names and division codes; PROV-O and Web
Annotation for evidence; a small project namespace only where no standard
term fits. IRIs are ASCII and stable: derived from the type and the division
code or a hash of the node key, never from run order; Chinese stays in
literals.
"""

import hashlib

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SDO, SKOS

from ..atomic import write_text

OA = Namespace("http://www.w3.org/ns/oa#")
DEFAULT_BASE = "https://w3id.org/govkg/"

TYPE_CLASSES = {
    "AGENCY": [ORG.Organization, SDO.GovernmentOrganization],
    "ORG": [ORG.Organization, SDO.Organization],
    "PERSON": [SDO.Person],
    "PLACE": [SDO.AdministrativeArea],
    "DOCUMENT": [SDO.Legislation],
    "PROGRAM": [],  # the project's own class, below
}


def _h(text: str, n: int = 16) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


class Vocab:
    def __init__(self, base: str):
        base = base if base.endswith(("/", "#")) else base + "/"
        self.base = base
        self.KG = Namespace(base + "ontology#")

    def node(self, node_id: str, data: dict) -> URIRef:
        kind = data["type"].lower()
        if data["type"] == "PLACE" and data.get("code"):
            return URIRef(f"{self.base}place/{_safe(data['code'])}")
        return URIRef(f"{self.base}{kind}/{_h(node_id)}")

    def uri(self, path: str) -> URIRef:
        return URIRef(self.base + path)


def _safe(code: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_") else f"_{ord(c):x}" for c in code)


def graph_to_rdf(g, base: str = DEFAULT_BASE) -> Graph:
    v = Vocab(base)
    KG = v.KG
    r = Graph()
    for prefix, ns in (("org", ORG), ("schema", SDO), ("skos", SKOS), ("dcterms", DCTERMS),
                       ("prov", PROV), ("oa", OA), ("kg", KG)):
        r.bind(prefix, ns)
    iri = {n: v.node(n, g.nodes[n]) for n in g.nodes}
    for n in sorted(g.nodes):
        d, s = g.nodes[n], iri[n]
        for c in TYPE_CLASSES[d["type"]]:
            r.add((s, RDF.type, c))
        if d["type"] == "PROGRAM":
            r.add((s, RDF.type, KG.Program))
        r.add((s, SKOS.prefLabel, Literal(d["name"], lang="zh")))
        for a in sorted(d["aliases"] - {d["name"]}):
            r.add((s, SKOS.altLabel, Literal(a, lang="zh")))
        if d.get("code") and d["type"] == "PLACE":
            r.add((s, SKOS.notation, Literal(d["code"])))
    for h, t, k, d in g.edges(keys=True, data=True):
        _edge(r, v, iri[h], iri[t], k, d, g)
    return r


def _edge(r, v, s, o, rel, d, g):
    KG = v.KG
    if rel == "part_of":
        r.add((s, ORG.subOrganizationOf, o))
    elif rel == "located_in":
        r.add((s, SDO.containedInPlace, o))
    elif rel == "introduced":
        r.add((s, KG.introduced, o))
    elif rel == "cooperates_with":
        r.add((s, KG.cooperatesWith, o))
    elif rel == "leads":
        r.add((s, ORG.headOf, o))
    fact = v.uri(f"fact/{_h(f'{s}|{rel}|{o}')}")
    r.add((fact, RDF.type, RDF.Statement))
    r.add((fact, RDF.subject, s))
    r.add((fact, RDF.predicate, KG[_camel(rel)]))
    r.add((fact, RDF.object, o))
    if d["attrs"].get("date"):
        r.add((fact, DCTERMS.date, Literal(d["attrs"]["date"])))
    if rel in ("leads", "member_of"):
        ms = v.uri(f"membership/{_h(f'{s}|{rel}|{o}')}")
        r.add((ms, RDF.type, ORG.Membership))
        r.add((ms, ORG.member, s))
        r.add((ms, ORG.organization, o))
        if d["attrs"].get("title"):
            role = v.uri(f"role/{_h(d['attrs']['title'])}")
            r.add((role, RDF.type, ORG.Role))
            r.add((role, SKOS.prefLabel, Literal(d["attrs"]["title"], lang="zh")))
            r.add((ms, ORG.role, role))
        r.add((fact, PROV.wasDerivedFrom, ms))
    for ev in d["evidence"]:
        e = v.uri(f"evidence/{_h(ev['source'] + '|' + str(ev['raw_start']) + '|' + str(ev['raw_end']))}")
        r.add((e, RDF.type, PROV.Entity))
        r.add((e, RDF.type, OA.TextQuoteSelector))
        r.add((e, OA.exact, Literal(ev["text"], lang="zh")))
        r.add((e, OA.start, Literal(ev["raw_start"], datatype=XSD.nonNegativeInteger)))
        r.add((e, OA.end, Literal(ev["raw_end"], datatype=XSD.nonNegativeInteger)))
        r.add((e, DCTERMS.source, Literal(ev["source"])))
        if ev.get("article_title"):
            r.add((e, DCTERMS.title, Literal(ev["article_title"], lang="zh")))
        r.add((fact, PROV.wasDerivedFrom, e))
    r.add((KG[_camel(rel)], RDFS.label, Literal(rel)))


def _camel(rel: str) -> str:
    a, *rest = rel.split("_")
    return a + "".join(w.title() for w in rest)


def write_turtle(g, path, base: str = DEFAULT_BASE) -> None:
    data = graph_to_rdf(g, base).serialize(format="turtle")
    write_text(path, data)
