"""The vocabularies the RDF output speaks, one rdflib Namespace per vocabulary.

Why a module of its own: the Turtle writer, the SPARQL store, the shapes, the
queries and the notebook must agree on every namespace IRI and prefix; one
table here is the single place they come from. Standard vocabularies come
first (rdflib's own objects where rdflib has them, so prefixes follow rdflib's
conventions: `schema`, `org`, `skos`, `dcterms`, `prov`, `time`); the project
namespace `kg:` holds only the few terms no standard offers (see
ontology/govkg.ttl). The ontology namespace is fixed, whatever base IRI the
instance data uses, so queries work against any build.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace


class OA(DefinedNamespace):
    """W3C Web Annotation (rdflib has no constant): the terms govkg writes and queries."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    end: URIRef
    exact: URIRef
    hasSelector: URIRef
    hasSource: URIRef
    start: URIRef


class KG(DefinedNamespace):
    """The project's own terms: those ontology/govkg.ttl defines (a test checks)."""

    _NS = Namespace("https://w3id.org/govkg/ontology#")
    _fail = True
    Introduction: URIRef
    PostEvent: URIRef
    Program: URIRef
    articleCount: URIRef
    conflicts: URIRef
    cooperatesWith: URIRef
    dateBasis: URIRef
    dateline: URIRef
    divisionLevel: URIRef
    eventType: URIRef
    firstSeen: URIRef
    introduced: URIRef
    lastSeen: URIRef
    postEvent: URIRef
    resolutionBasis: URIRef
    status: URIRef


DEFAULT_BASE = "https://w3id.org/govkg/"  # instance data; `kg build --base-iri` changes it

# prefix -> namespace, in the order the Turtle header lists them.
PREFIXES = {
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "org": ORG,
    "schema": SDO,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "time": TIME,
    "oa": OA,
    "kg": KG,
}

# Instance IRIs are BASE + kind + "/" + local part; each kind gets a prefix
# (ORG-type entities live under `organization/`: `org:` is W3C ORG's prefix).
TYPE_KINDS = {"AGENCY": "agency", "ORG": "organization", "PERSON": "person",
              "PLACE": "place", "PROGRAM": "program", "DOCUMENT": "document"}
KINDS = (*TYPE_KINDS.values(), "fact", "role", "post", "evidence", "article", "source", "agent")

__all__ = ["DCTERMS", "KG", "KINDS", "OA", "ORG", "OWL", "PREFIXES", "PROV", "RDF",
           "RDFS", "SDO", "SKOS", "TIME", "TYPE_KINDS", "XSD", "DEFAULT_BASE", "sparql_prefixes"]


def sparql_prefixes(base: str = DEFAULT_BASE) -> str:
    """PREFIX lines for SPARQL (the vocabularies; instance kinds under `base`)."""
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()]
    lines += [f"PREFIX {k}: <{base}{k}/>" for k in KINDS]
    return "\n".join(lines) + "\n"
