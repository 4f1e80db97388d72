"""graph.graphml for Gephi and other graph tools (list attributes as JSON text).

Written as text, record by record, in the layout networkx's `write_graphml`
gives (keys d0-d3, d8 and d10 (a resolved node's basis) for nodes, d4-d7 and d9 for edges, two-space indent): an
ElementTree of the whole graph first is several times slower on a corpus
(docs/SCALE.md), and records let a rebuild copy the untouched ones.
tests/graph/test_graph_build.py reads the file back with networkx.

Joinable with the other outputs: a node's `iri` and an edge's `iri` are
their subjects in graph.ttl (the node, and the edge's fact node), and an
edge's id is its relation and the hash of that fact IRI, unique in the file
(Gephi and networkx key edges by id; the relation alone repeats).
"""

import json

from kg.atomic import write_chunks
from kg.export.records import FRESH
from kg.export.rdf_terms import Minter, iri, node_iri
from kg.export.vocab import DEFAULT_BASE

_NODE_KEYS = (("d0", "type"), ("d1", "label"), ("d2", "aliases"), ("d3", "code"), ("d8", "iri"), ("d10", "basis"))
_EDGE_KEYS = (("d4", "relation"), ("d5", "title"), ("d6", "date"), ("d7", "evidence"), ("d9", "iri"))

_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    + "".join(f'  <key id="{k}" for="edge" attr.name="{n}" attr.type="string" />\n'
              for k, n in reversed(_EDGE_KEYS))
    + "".join(f'  <key id="{k}" for="node" attr.name="{n}" attr.type="string" />\n'
              for k, n in reversed(_NODE_KEYS))
    + '  <graph edgedefault="directed">\n'
)
_TAIL = "  </graph>\n</graphml>\n"


def _text(s: str) -> str:
    """XML character data, escaped as ElementTree does."""
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


def _attr(s: str) -> str:
    """An XML attribute value, escaped as ElementTree does."""
    s = _text(s)
    if '"' in s:
        s = s.replace('"', "&quot;")
    for raw, ent in (("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if raw in s:
            s = s.replace(raw, ent)
    return s


def _data(out: list, keys, values) -> None:
    for (k, _name), v in zip(keys, values):
        out.append(f'      <data key="{k}">{_text(v)}</data>\n' if v else f'      <data key="{k}" />\n')


def _node(n, d, base: str) -> str:
    out = [f'    <node id="{_attr(n)}">\n']
    _data(out, _NODE_KEYS, (d["type"], d["name"], "|".join(sorted(d["aliases"])), d.get("code", "") or "",
                            node_iri(n, d, base), (d.get("attrs") or {}).get("basis", "")))
    out.append("    </node>\n")
    return "".join(out)


def edge_id(u, v, k) -> str:
    """An edge's id: its relation and the local name of its fact node."""
    return f"{k}-{Minter().fact(u, k, v).partition(':')[2]}"


def _edge(u, v, k, d, base: str) -> str:
    out = [f'    <edge source="{_attr(u)}" target="{_attr(v)}" id="{_attr(edge_id(u, v, k))}">\n']
    attrs = d["attrs"]
    _data(out, _EDGE_KEYS, (k, attrs.get("title", "") or "", attrs.get("date", "") or "",
                            json.dumps([ev["text"] for ev in d["evidence"]], ensure_ascii=False),
                            iri(Minter().fact(u, k, v), base)))
    out.append("    </edge>\n")
    return "".join(out)


def node_record(g, n, base: str = DEFAULT_BASE) -> bytes:
    return _node(n, g.nodes[n], base).encode()


def edge_record(g, e, base: str = DEFAULT_BASE) -> bytes:
    return _edge(*e, g.edges[e], base).encode()


def graphml_chunks(g, records=FRESH, base: str | None = None) -> list:
    """The file as UTF-8 pieces: the records of tables "nodes" and "edges"
    (kg.export.records) between the head and the tail. `base`: the base
    IRI of graph.ttl's instances, which the `iri` data are under."""
    base = base or DEFAULT_BASE
    out = [_HEAD.encode()]
    out += [records.get("nodes", n, node_record, g, n, base) for n in sorted(g.nodes)]
    out += [records.get("edges", e, edge_record, g, e, base) for e in sorted(g.edges(keys=True))]
    out.append(_TAIL.encode())
    return out


def write_graphml(g, path, records=FRESH, base: str | None = None) -> None:
    write_chunks(path, graphml_chunks(g, records, base))
