"""Turtle terms: vocabulary tokens, minted instance names and literals, all as Turtle text.

graph.ttl is written as text (kg.export.turtle says why), so every term is
a Turtle token from the start: `org:headOf`, `place:530927`, `"公安部"@zh`.
Vocabulary tokens come from kg.export.vocab's prefixes and rdflib's closed
namespaces, so a misspelt term (`ORG.hedOf`) raises AttributeError instead
of writing `org:hedOf`; kg.export.rdf_mapping names its terms at import.
Instance IRIs are minted here, ASCII, from a hash of the node key or the
division code (never from run order, so stable across runs and corpora),
and always a safe prefixed name; literals get the Turtle grammar's escapes.
"""

import hashlib
import re
from datetime import date
from functools import lru_cache

from kg.export import vocab
from kg.export.vocab import PREFIXES, TYPE_KINDS


class Terms:
    """A vocabulary as prefixed-name tokens: `ORG.headOf` -> "org:headOf".
    Only the vocabulary's own terms: any other name raises AttributeError."""

    def __init__(self, ns):
        self._ns = ns
        self._prefix = next(p for p, n in PREFIXES.items() if n is ns)

    def __getattr__(self, name):
        if name.startswith("_") or name not in self._ns:
            raise AttributeError(f"{self._prefix}:{name} is not a term of <{self._ns}>")
        value = f"{self._prefix}:{name}"
        setattr(self, name, value)
        return value


DCTERMS, KG, OA, ORG, PROV, RDF, SDO, SKOS, TIME, XSD = map(
    Terms, (vocab.DCTERMS, vocab.KG, vocab.OA, vocab.ORG, vocab.PROV, vocab.RDF, vocab.SDO, vocab.SKOS, vocab.TIME,
            vocab.XSD))
A = "a"  # rdf:type

_SAFE = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")  # a PN_LOCAL every parser takes
_BASE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[!#-;=?-\[\]_a-z~]*")  # ASCII, no <>"{}|\^` or space
_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f\ud800-\udfff]')
_ESCAPES = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r",
                 ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"})
_ESCAPES.update({i: "\\uFFFD" for i in range(0xD800, 0xE000)})  # lone surrogates are not text
_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def digest(text: str, n: int = 16) -> str:
    """A stable hex local name for `text` (never from run order)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


@lru_cache(maxsize=1 << 16)  # source names and article ids repeat on every mention
def slug(text) -> str:
    """An ASCII local name for `text`: itself when already safe, else its safe
    characters plus a hash of the whole, so distinct texts stay distinct."""
    text = str(text)
    if _SAFE.fullmatch(text):
        return text
    keep = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40]
    return f"{keep}-{digest(text, 10)}" if keep else digest(text, 10)


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


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_NOT_IN_IRIREF = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def iri_ref(url) -> str | None:
    """An article's URL as a Turtle IRIREF (`<https://...>`), the characters an
    IRIREF cannot hold percent-encoded; None for what is no absolute URL."""
    url = str(url).strip()
    if not _URL.fullmatch(url):
        return None
    return "<" + _NOT_IN_IRIREF.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url) + ">"


def any_uri(url) -> str:
    return f'{plain(url)}^^{XSD.anyURI}'


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
        return f"{kind}:{digest(key)}"

    def post(self, body: str, title: str) -> str:
        """A post that successive people hold: a body's node key and a title."""
        return f"post:{digest(f'{body}|{title}')}"

    def source(self, source) -> str:
        return f"source:{slug(source)}"

    def article(self, source, article_id) -> str:
        return f"article:{slug(source)}_{slug(article_id)}"

    def fact(self, head: str, key: str, tail: str) -> str:
        """The fact node of an edge (an rdf:Statement of head, relation, tail)."""
        return f"fact:{digest(f'{head}|{key}|{tail}')}"

    def evidence(self, ev: dict) -> str:
        if ev.get("raw_start") is not None:
            span = f"{int(ev['raw_start'])}-{int(ev['raw_end'])}"
        elif ev.get("start") is not None:
            span = f"n{int(ev['start'])}-{int(ev['end'])}"
        else:
            span = "t" + digest(ev.get("text", ""), 12)
        return f"evidence:{slug(ev['source'])}_{span}"


def iri(token: str, base: str) -> str:
    """The full IRI of an instance token (`person:ab12` under `base`), as
    graph.json, GraphML and the CSV tables give it: the join key with graph.ttl."""
    kind, _, local = token.partition(":")
    return f"{check_base(base)}{kind}/{local}"


def node_iri(key: str, data: dict, base: str) -> str:
    """A node's IRI; a type no mapping knows (a hand-made graph.json's) is its own kind."""
    if data.get("type") not in TYPE_KINDS:
        return iri(f"{slug(str(data.get('type')).lower())}:{digest(key)}", base)
    return iri(Minter().node(key, data), base)


def fact_iri(head: str, key: str, tail: str, base: str) -> str:
    return iri(Minter().fact(head, key, tail), base)
