"""nodes.csv, edges.csv, evidence.csv: the graph as tables, for a spreadsheet and for Neo4j's bulk importer.

The headers follow `neo4j-admin database import`: nodes.csv has `iri:ID`
(the node's subject in graph.ttl, so the tables join with the RDF) and
`:LABEL` (its type), edges.csv `:START_ID`, `:END_ID` and `:TYPE`, typed
columns `name:type` (`aliases:string[]`, `;`-separated as the importer
reads arrays by default); `neo4j-admin database import full
--nodes=nodes.csv --relationships=edges.csv` loads them as they are.
evidence.csv is one row per sentence that gives an edge, joined to it by
`edge` (edges.csv's `id`, which is also the edge's id in graph.graphml).

Encoding: UTF-8 with a byte-order mark and CRLF line ends (RFC 4180),
because a spreadsheet opened on a double-click reads a CSV without one in
the locale's code page and shows Chinese as mojibake; Neo4j's CSV reader,
Python's `utf-8-sig` and pandas skip the mark. Every field that holds a
comma, quote or line end is quoted, quotes doubled.
"""

import csv
import io
import json
from pathlib import Path

from kg.atomic import write_bytes
from kg.export.graphml import edge_id
from kg.export.rdf_terms import fact_iri, node_iri
from kg.export.vocab import DEFAULT_BASE

FILES = ("nodes.csv", "edges.csv", "evidence.csv")
NODE_HEADER = ("iri:ID", ":LABEL", "name", "key", "aliases:string[]", "code", "level", "parent",
               "mentions:int")
EDGE_HEADER = (":START_ID", ":END_ID", ":TYPE", "id", "iri", "title", "date", "status", "attrs",
               "evidence:int")
EVIDENCE_HEADER = ("edge", "relation", "head", "tail", "source", "article", "article_title",
                   "article_date", "url", "text", "start:int", "end:int", "raw_start:int", "raw_end:int")
BOM = "\ufeff"


def _table(header, rows) -> bytes:
    buf = io.StringIO()
    buf.write(BOM)
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8", "surrogatepass")


def _text(v) -> str:
    return "" if v is None else str(v)


def node_rows(g, base: str):
    for n in sorted(g.nodes):
        d = g.nodes[n]
        aliases = ";".join(sorted(a for a in d.get("aliases") or () if a != d["name"]))
        yield (node_iri(n, d, base), d["type"], d["name"], n, aliases, _text(d.get("code")),
               _text(d.get("level")), _text(d.get("parent")), len(d.get("mentions") or ()))


def edge_rows(g, base: str):
    for u, v, k in sorted(g.edges(keys=True)):
        d = g.edges[u, v, k]
        attrs = d.get("attrs") or {}
        yield (node_iri(u, g.nodes[u], base), node_iri(v, g.nodes[v], base), k, edge_id(u, v, k),
               fact_iri(u, k, v, base), _text(attrs.get("title")), _text(attrs.get("date")),
               _text(attrs.get("status")),
               json.dumps(dict(sorted(attrs.items())), ensure_ascii=False) if attrs else "",
               len(d.get("evidence") or ()))


def evidence_rows(g, base: str):
    for u, v, k in sorted(g.edges(keys=True)):
        d = g.edges[u, v, k]
        head, tail, eid = node_iri(u, g.nodes[u], base), node_iri(v, g.nodes[v], base), edge_id(u, v, k)
        for ev in sorted(d.get("evidence") or (), key=lambda e: (e.get("source") or "", e.get("start") or 0)):
            yield (eid, k, head, tail, _text(ev.get("source")), _text(ev.get("article")),
                   _text(ev.get("article_title")), _text(ev.get("article_date")), _text(ev.get("url")),
                   _text(ev.get("text")), _text(ev.get("start")), _text(ev.get("end")),
                   _text(ev.get("raw_start")), _text(ev.get("raw_end")))


def csv_tables(g, base: str | None = None) -> dict:
    """{file name: its bytes} for the three tables; `base`: the base IRI of
    graph.ttl's instances (None: the default)."""
    base = base or DEFAULT_BASE
    return {"nodes.csv": _table(NODE_HEADER, node_rows(g, base)),
            "edges.csv": _table(EDGE_HEADER, edge_rows(g, base)),
            "evidence.csv": _table(EVIDENCE_HEADER, evidence_rows(g, base))}


def write_csv(g, out_dir, base: str | None = None) -> None:
    """The three tables into directory `out_dir`."""
    for name, data in csv_tables(g, base).items():
        write_bytes(Path(out_dir) / name, data)
