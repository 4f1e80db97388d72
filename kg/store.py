"""A persistent SPARQL store for graph.ttl (pyoxigraph), and query output.

Why pyoxigraph: an on-disk store that loads millions of triples in seconds
and answers SPARQL 1.1 (property paths, aggregates) without a server, so
`kg load` once and `kg query` many times works on a laptop. `kg load`
replaces the store's content: a store always holds exactly one build.

Results print as an aligned table (IRIs shortened with the graph's prefixes,
Chinese counted as two columns), as SPARQL CSV or as SPARQL JSON.
"""

import io
import json
import unicodedata
from pathlib import Path

from kg.export.vocab import DEFAULT_BASE, KINDS, PREFIXES

FORMATS = ("table", "csv", "json")


def _ox():
    import pyoxigraph
    return pyoxigraph


def open_store(store_dir, read_only: bool = False):
    ox = _ox()
    path = str(store_dir)
    if read_only:
        if not Path(path).is_dir():
            raise FileNotFoundError(f"no store at {path} (run `kg load GRAPH.ttl --store {path}`)")
        return ox.Store.read_only(path)
    Path(path).mkdir(parents=True, exist_ok=True)
    return ox.Store(path)


def load(ttl_path, store_dir) -> int:
    """Replace the store's content with the Turtle file; returns the triple count."""
    ox = _ox()
    store = open_store(store_dir)
    store.clear()
    store.bulk_load(path=str(ttl_path), format=ox.RdfFormat.TURTLE)
    store.flush()
    store.optimize()
    return len(store)


def run(query: str, store=None, store_dir=None):
    """Run a SELECT/ASK/CONSTRUCT query on a store object or a store directory."""
    if store is None:
        store = open_store(store_dir, read_only=True)
    return store.query(query)


def rows(query: str, store=None, store_dir=None) -> list[dict]:
    """SELECT results as dicts of plain Python values (IRI strings, literal
    lexical forms, None when unbound): what tests and notebooks want."""
    res = run(query, store, store_dir)
    names = [v.value for v in res.variables]
    return [{n: _value(sol[n]) for n in names} for sol in res]


def _value(term):
    if term is None:
        return None
    return term.value


def shorten(iri: str, base: str = DEFAULT_BASE) -> str:
    prefixes = {**{str(ns): p for p, ns in PREFIXES.items()}, **{f"{base}{k}/": k for k in KINDS}}
    for ns in sorted(prefixes, key=len, reverse=True):
        if iri.startswith(ns):
            return f"{prefixes[ns]}:{iri[len(ns):]}"
    return f"<{iri}>"


def _cell(term) -> str:
    ox = _ox()
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    return term.value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(variables, data) -> str:
    """An aligned text table; wide (CJK) characters take two columns."""
    header = list(variables)
    widths = [max([_width(h), *(_width(r[i]) for r in data)]) for i, h in enumerate(header)]

    def line(cells):
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), line(["-" * w for w in widths]), *(line(r) for r in data)]
    out.append(f"({len(data)} row{'s' if len(data) != 1 else ''})")
    return "\n".join(out) + "\n"


def format_results(res, fmt: str = "table") -> str:
    """Text of a query result: SELECT as table/csv/json, ASK as true/false,
    CONSTRUCT/DESCRIBE as N-Triples."""
    ox = _ox()
    if isinstance(res, ox.QueryBoolean):
        return json.dumps({"head": {}, "boolean": bool(res)}) + "\n" if fmt == "json" else f"{bool(res)}\n".lower()
    if isinstance(res, ox.QueryTriples):
        buf = io.BytesIO()
        ox.serialize(res, buf, ox.RdfFormat.N_TRIPLES)
        return buf.getvalue().decode("utf-8")
    if fmt == "table":
        names = [v.value for v in res.variables]
        return table(names, [[_cell(sol[n]) for n in names] for sol in res])
    kind = {"csv": ox.QueryResultsFormat.CSV, "json": ox.QueryResultsFormat.JSON}[fmt]
    return res.serialize(format=kind).decode("utf-8")
