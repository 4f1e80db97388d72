"""graph.ttl: the graph on standard vocabularies, for any triple store.

Mapping (vocabularies in kg/export/vocab.py, project terms in ontology/govkg.ttl):
bodies are `org:Organization` + `schema:GovernmentOrganization`, places
`schema:AdministrativeArea` (`skos:notation` = division code), documents
`schema:Legislation`, programs `kg:Program`; names are `skos:prefLabel` /
`skos:altLabel` in `@zh`. Every edge is a plain triple (`kg:introduced`,
`org:headOf`, `schema:containedInPlace`, ...) *and* a fact node (an
`rdf:Statement`; also `kg:Introduction` with its `dcterms:date`, or
`org:Membership` with its `org:role`) that `prov:wasDerivedFrom` one evidence
node per sentence: an `oa:SpecificResource` on the source file with a text
quote and a position selector, `dcterms:isPartOf` its article. Articles are
`schema:NewsArticle` nodes (dcterms:title/date/creator/source) that
`schema:mentions` the entities they name.

Why we write Turtle ourselves instead of calling rdflib's serializer: a
corpus graph of 10^5 nodes is millions of triples, and rdflib needs minutes
for that; here it is one pass of string building. We work in Turtle tokens
(`org:headOf`, `place:530927`, `"公安部"@zh`) from the start: every instance
IRI is minted by us, ASCII, from a hash of the node key or the division code
(never from run order, so stable across runs and corpora), and always a safe
prefixed name. Literals get the Turtle grammar's escapes. Subjects are
sorted, so the same graph always gives the same bytes. tests/test_turtle.py
checks the output in four parsers.
"""

import gc
import hashlib
import re
from contextlib import contextmanager
from functools import lru_cache
from datetime import date

from kg.atomic import write_chunks
from kg.export.vocab import DEFAULT_BASE, KINDS, PREFIXES, TYPE_KINDS


class _Tokens:
    """`ORG.headOf` -> "org:headOf": a vocabulary as prefixed-name tokens."""

    def __init__(self, prefix: str):
        self._p = prefix

    def __getattr__(self, name):
        value = f"{self._p}:{name}"
        setattr(self, name, value)
        return value


DCTERMS, KG, OA, ORG, PROV, RDF, SDO, SKOS, XSD = map(
    _Tokens, ("dcterms", "kg", "oa", "org", "prov", "rdf", "schema", "skos", "xsd"))
A = "a"  # rdf:type

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
WORLD_CLASSES = {"continent": SDO.Continent, "country": SDO.Country, "city": SDO.City}
RELATIONS = {  # edge key -> the plain triple's predicate
    "introduced": KG.introduced,
    "leads": ORG.headOf,
    "member_of": ORG.memberOf,
    "part_of": ORG.subOrganizationOf,
    "cooperates_with": KG.cooperatesWith,
    "located_in": SDO.containedInPlace,  # schema:location when the head is not a place
}

_SAFE = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")  # a PN_LOCAL every parser takes
_BASE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[!#-;=?-\[\]_a-z~]*")  # ASCII, no <>"{}|\^` or space
_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f\ud800-\udfff]')
_ESCAPES = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r",
                 ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"})
_ESCAPES.update({i: "\\uFFFD" for i in range(0xD800, 0xE000)})  # lone surrogates are not text
_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def _h(text: str, n: int = 16) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


@lru_cache(maxsize=1 << 16)  # source names and article ids repeat on every mention
def slug(text) -> str:
    """An ASCII local name for `text`: itself when already safe, else its safe
    characters plus a hash of the whole, so distinct texts stay distinct."""
    text = str(text)
    if _SAFE.fullmatch(text):
        return text
    keep = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40]
    return f"{keep}-{_h(text, 10)}" if keep else _h(text, 10)


def check_base(base: str) -> str:
    """The base IRI for instance data, ending in / or #; ValueError if unusable."""
    if not _BASE.fullmatch(base or ""):
        raise ValueError(f"base IRI must be an absolute ASCII IRI without <>\"{{}}|\\^` or spaces: {base!r}")
    return base if base.endswith(("/", "#")) else base + "/"


def escape(text: str) -> str:
    """A Turtle STRING_LITERAL_QUOTE body: ECHAR/UCHAR for quote, backslash and
    controls; lone surrogates (unencodable) become U+FFFD."""
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def zh(text) -> str:
    return f'"{escape(str(text))}"@zh'


def plain(text) -> str:
    return f'"{escape(str(text))}"'


def nonneg(n) -> str:
    return f'"{int(n)}"^^{XSD.nonNegativeInteger}'


def date_lit(value) -> str:
    """ISO dates, full or partial (2021, 2021-05, 2021-05-14), get their XSD type."""
    v = str(value)
    try:
        date.fromisoformat({4: v + "-01-01", 7: v + "-01", 10: v}.get(len(v), "x"))
    except ValueError:
        return plain(v)
    return f'"{v}"^^{_DATE_TYPES[len(v)]}'


class Minter:
    """Instance subjects as `kind:local` tokens; the base IRI only enters the
    @prefix lines. Local parts: division code, slug or hash of a stable key."""

    def node(self, key: str, data: dict) -> str:
        kind = TYPE_KINDS[data["type"]]
        if data["type"] == "PLACE" and data.get("code"):
            return f"{kind}:{slug(data['code'])}"
        return f"{kind}:{_h(key)}"

    def source(self, source) -> str:
        return f"source:{slug(source)}"

    def article(self, source, article_id) -> str:
        return f"article:{slug(source)}_{slug(article_id)}"

    def evidence(self, ev: dict) -> str:
        if ev.get("raw_start") is not None:
            span = f"{int(ev['raw_start'])}-{int(ev['raw_end'])}"
        elif ev.get("start") is not None:
            span = f"n{int(ev['start'])}-{int(ev['end'])}"
        else:
            span = "t" + _h(ev.get("text", ""), 12)
        return f"evidence:{slug(ev['source'])}_{span}"


class Doc:
    """The triples, grouped by subject: either open (predicate -> set of
    objects, for subjects that many producers add to) or closed (one
    producer writes the whole block at once: facts, evidence)."""

    def __init__(self, base: str = DEFAULT_BASE):
        self.base = check_base(base)
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

    def head(self) -> str:
        prefixes = {**{p: str(ns) for p, ns in PREFIXES.items()}, **{k: f"{self.base}{k}/" for k in KINDS}}
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items())

    def text(self) -> str:
        blocks = self.blocks()
        return self.head() + "".join([f"\n{s}\n{blocks[s]} .\n" for s in sorted(blocks)])


def graph_doc(g, base: str = DEFAULT_BASE) -> Doc:
    """The RDF of a govkg MultiDiGraph (see the module docstring)."""
    return _full_doc(g, base)[0]


def _full_doc(g, base):
    doc, m = Doc(base), Minter()
    tok = {n: m.node(n, d) for n, d in g.nodes(data=True)}
    articles = set()
    for a in g.graph.get("articles", []):
        articles.add(_article(doc, m, a))
    by_code = _by_code(g)
    for n, d in g.nodes(data=True):
        _node(doc, m, tok[n], d, tok, by_code)
    evidence = {}
    for h, o, key, d in g.edges(keys=True, data=True):
        _edge(doc, m, g, h, o, key, d, tok, evidence, articles)
    return doc, tok


def _by_code(g) -> dict:
    return {d["code"]: n for n, d in g.nodes(data=True) if d["type"] == "PLACE" and d.get("code")}


def _article(doc, m, a):
    s = m.article(a["source"], a["id"])
    doc.owner[s] = a["source"]
    doc.add(s, A, SDO.NewsArticle)
    doc.add(s, DCTERMS.source, _source(doc, m, a["source"]))
    doc.add(s, DCTERMS.identifier, plain(a["id"]))
    if a.get("title"):
        doc.add(s, DCTERMS.title, zh(a["title"]))
    if a.get("date"):
        doc.add(s, DCTERMS.date, date_lit(a["date"]))
    if a.get("place"):
        doc.add(s, KG.dateline, zh(a["place"]))
    for c in a.get("creators") or ():
        doc.add(s, DCTERMS.creator, _agent(doc, c))
    return s


def _agent(doc, c) -> str:
    agent = f"agent:{_h(c)}"
    doc.add(agent, A, DCTERMS.Agent)
    doc.add(agent, SKOS.prefLabel, zh(c))
    return agent


def _role(doc, title) -> str:
    role = f"role:{_h(title)}"
    doc.add(role, A, ORG.Role)
    doc.add(role, SKOS.prefLabel, zh(title))
    return role


def _source(doc, m, source):
    s = m.source(source)
    if s not in doc.open:
        doc.owner[s] = source
        doc.add(s, A, SDO.DigitalDocument)
        doc.add(s, DCTERMS.identifier, plain(source))
    return s


def _node(doc, m, s, d, tok, by_code, mentions=None):
    """`mentions`: the ones whose articles get their schema:mentions here
    (default: all of the node's; a patch gives only the changed files')."""
    for c in TYPE_CLASSES[d["type"]]:
        doc.add(s, A, c)
    doc.add(s, SKOS.prefLabel, zh(d["name"]))
    for a in d.get("aliases") or ():
        if a != d["name"]:
            doc.add(s, SKOS.altLabel, zh(a))
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


def _edge(doc, m, g, h, o, key, d, tok, evidence, articles, sources=None):
    """`sources`: only evidence from these source files gets its nodes made
    (an incremental render: the others are as they were)."""
    s, obj, pred = _triple(doc, g, h, o, key, tok)
    attrs = d.get("attrs") or {}
    lines = [f"    rdf:subject {s} ;\n    rdf:predicate {pred} ;\n    rdf:object {obj}"]
    n = 4
    if key == "introduced":
        types = "    a kg:Introduction, rdf:Statement"
        n += 1
    elif key in ("leads", "member_of"):
        types = "    a org:Membership, rdf:Statement"
        lines.append(f"    org:member {s} ;\n    org:organization {obj}")
        n += 3
        if attrs.get("title"):
            lines.append(f"    org:role {_role(doc, attrs['title'])}")
            n += 1
    else:
        types = "    a rdf:Statement"
    if attrs.get("date"):
        lines.append(f"    dcterms:date {date_lit(attrs['date'])}")
        n += 1
    evs = sorted({_evidence(doc, m, ev, evidence, articles) if sources is None or ev["source"] in sources
                  else m.evidence(ev) for ev in d.get("evidence") or ()})
    if evs:
        lines.append(f"    prov:wasDerivedFrom {', '.join(evs)}")
        n += len(evs)
    doc.put(_fact(h, key, o), f"{types} ;\n" + " ;\n".join(lines), n)


def _triple(doc, g, h, o, key, tok):
    """The plain triple of an edge, on its head's subject."""
    s, obj = tok[h], tok[o]
    pred = RELATIONS.get(key) or f"kg:{_camel(key)}"
    if key == "located_in" and g.nodes[h]["type"] != "PLACE":
        pred = SDO.location
    doc.add(s, pred, obj)
    return s, obj, pred


def _fact(h, key, o) -> str:
    return f"fact:{_h(f'{h}|{key}|{o}')}"


def _evidence(doc, m, ev, seen, articles):
    """One evidence node per sentence (source + offsets), made the first time
    a fact cites it; its blocks are written whole (the hot path at 10^5 facts)."""
    e = m.evidence(ev)
    if e in seen:
        return e
    seen[e] = True
    quote, pos = e + "-text", e + "-pos"
    doc.owner[e] = doc.owner[quote] = ev["source"]
    doc.put(quote, f"    a oa:TextQuoteSelector ;\n    oa:exact {zh(ev.get('text', ''))}", 2)
    selectors = quote
    if ev.get("raw_start") is not None:
        doc.owner[pos] = ev["source"]
        doc.put(pos, f"    a oa:TextPositionSelector ;\n    oa:end {nonneg(ev['raw_end'])} ;\n"
                     f"    oa:start {nonneg(ev['raw_start'])}", 3)
        selectors = f"{pos}, {quote}"
    part, n = "", 3 + (selectors != quote)  # a, hasSource, one or two hasSelector
    if ev.get("article") is not None:
        art = m.article(ev["source"], ev["article"])
        part, n = f"    dcterms:isPartOf {art} ;\n", n + 1
        if art not in articles:  # graphs without an article list: what the evidence knows
            articles.add(_article(doc, m, {"source": ev["source"], "id": ev["article"],
                                           "title": ev.get("article_title"), "date": ev.get("article_date")}))
    doc.put(e, f"    a oa:SpecificResource ;\n{part}    oa:hasSelector {selectors} ;\n"
               f"    oa:hasSource {_source(doc, m, ev['source'])}", n)
    return e


def _camel(rel) -> str:
    a, *rest = str(rel).split("_")
    return slug(a + "".join(w.title() for w in rest))


@contextmanager
def _gc_paused():
    """Millions of small, acyclic sets and strings would otherwise trigger
    full cyclic collections over and over (a third of the time at 10^5 nodes)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def turtle(g, base: str = DEFAULT_BASE) -> str:
    with _gc_paused():
        return graph_doc(g, base).text()


def _block(s: str, body: str) -> bytes:
    return f"\n{s}\n{body} .\n".encode()


def turtle_chunks(g, base: str = DEFAULT_BASE) -> list:
    """graph.ttl as UTF-8 pieces, turtle(g, base) byte for byte."""
    with _gc_paused():
        doc, _tok = _full_doc(g, base)
        blocks = doc.blocks()
        return [doc.head().encode(), *(_block(s, blocks[s]) for s in sorted(blocks))]


def write_turtle(g, path, base: str | None = None) -> None:
    write_chunks(path, turtle_chunks(g, base or DEFAULT_BASE))
