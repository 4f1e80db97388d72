"""A persistent SPARQL store for graph.ttl (pyoxigraph), and query output.

Why pyoxigraph: an on-disk store that loads millions of triples in seconds
and answers SPARQL 1.1 (property paths, aggregates) without a server, so
`kg load` once and `kg query` many times works on a laptop. `kg load`
replaces the store's content: a store always holds exactly one build.

A load never loses the store it replaces: the Turtle is parsed into a new
store beside it, which is swapped in only once complete; on any failure
the old store is untouched and answers as before. A store path must be a
store or absent, so a load never scatters database files into a folder of
something else.

Results print as an aligned table (IRIs shortened with the graph's prefixes,
Chinese counted as two columns), as SPARQL CSV or as SPARQL JSON.
"""

import io
import json
import os
import secrets
import shutil
import unicodedata
from pathlib import Path

from kg.errors import InputError
from kg.export.vocab import DEFAULT_BASE, KINDS, PREFIXES

FORMATS = ("table", "csv", "json")

# Written into a store once a load has filled it: what makes a folder a store.
MARKER = "kg-store.txt"
# The files pyoxigraph (RocksDB) keeps in every store, for stores loaded
# before the marker existed.
_OXIGRAPH_FILES = ("CURRENT", "IDENTITY")


def _ox():
    import pyoxigraph
    return pyoxigraph


def open_store(store_dir):
    """The store at `store_dir`, read-only: queries never write, and may run
    while a load fills the store that will replace it."""
    path = str(store_dir)
    if not Path(path).is_dir():
        raise FileNotFoundError(f"no store at {path} (run `kg load GRAPH.ttl --store {path}`)")
    return _ox().Store.read_only(path)


def load(ttl_path, store_dir) -> int:
    """Replace the store's content with the Turtle file; returns the triple
    count. InputError, with the store as it was, if the file is not Turtle
    or cannot be read, or if `store_dir` holds something other than a store."""
    target = Path(store_dir)
    _check_store_path(target)
    _check_turtle_path(ttl_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = _beside(target, "loading")
    fresh.mkdir()
    try:
        count = _fill(fresh, ttl_path)
        (fresh / MARKER).write_text(f"a kg store: {count} triples from {ttl_path}\n", encoding="utf-8")
        _swap_in(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return count


def is_store(path: Path) -> bool:
    """True for a folder `kg load` filled (or pyoxigraph made)."""
    return (path / MARKER).is_file() or all((path / f).is_file() for f in _OXIGRAPH_FILES)


def _check_store_path(target: Path) -> None:
    """InputError unless `target` is absent, an empty folder or a store."""
    if not target.exists():
        return
    if not target.is_dir():
        raise InputError(target, "not a store (a file; a store is a folder made by `kg load`)")
    if any(target.iterdir()) and not is_store(target):
        raise InputError(target, "not a store (a folder with other files in it; "
                                 "give a new path or a folder made by `kg load`)")


def _check_turtle_path(ttl_path) -> None:
    p = Path(ttl_path)
    if not p.exists():
        raise InputError(ttl_path, "no such file")
    if p.is_dir():
        raise InputError(ttl_path, "is a directory")


def _fill(store_dir: Path, ttl_path) -> int:
    """Bulk-load the Turtle file into the new store at `store_dir` and close
    it; the triple count. The parser's complaint becomes an InputError on
    the user's file."""
    ox = _ox()
    store = ox.Store(str(store_dir))
    try:
        store.bulk_load(path=str(ttl_path), format=ox.RdfFormat.TURTLE)
        store.flush()
        store.optimize()
        return len(store)
    except SyntaxError as exc:
        raise InputError(ttl_path, f"not Turtle: {_one_line(exc)}") from None
    except OSError as exc:
        raise InputError(ttl_path, f"cannot be read ({exc.strerror or _one_line(exc)})") from None
    finally:
        del store  # pyoxigraph closes the database when the object goes


def _swap_in(fresh: Path, target: Path) -> None:
    """Put the store `fresh` at `target`: the old store is renamed away,
    the new one renamed in, then the old one removed; if the second rename
    fails the old store is put back."""
    old = None
    if target.exists():
        old = _beside(target, "old")
        os.rename(target, old)
    try:
        os.rename(fresh, target)
    except BaseException:
        if old is not None:
            os.rename(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _beside(target: Path, role: str) -> Path:
    """A new hidden name in `target`'s folder, so renames stay on one file
    system and never meet a folder of the same name."""
    return target.parent / f".{target.name}.{role}-{secrets.token_hex(6)}"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def run(query: str, store=None, store_dir=None):
    """Run a SELECT/ASK/CONSTRUCT query on a store object or a store directory."""
    if store is None:
        store = open_store(store_dir)
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
