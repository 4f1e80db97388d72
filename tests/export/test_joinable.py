"""The outputs join on one id per node and per edge: GraphML ids, IRIs in graph.json and GraphML, the CSV tables."""

import csv
import io
import json

import networkx as nx
import rdflib
from sample_graph import small_graph

from kg.export.csv import csv_tables
from kg.export.graphml import write_graphml
from kg.export.json import write_json
from kg.export.turtle import turtle

BASE = "https://example.org/kg/"


def _many_introductions() -> nx.MultiDiGraph:
    """Two bodies that each introduced two documents: four `introduced` edges."""
    g = nx.MultiDiGraph()
    m = [{"source": "p.txt", "article": "a1", "start": 0, "end": 2}]
    for key, type_, name in (("central:教育部", "AGENCY", "教育部"), ("central:水利部", "AGENCY", "水利部"),
                             ("document:甲", "DOCUMENT", "《甲办法》"), ("document:乙", "DOCUMENT", "《乙规划》")):
        g.add_node(key, type=type_, name=name, aliases={name}, mentions=list(m))
    for body in ("central:教育部", "central:水利部"):
        for doc in ("document:甲", "document:乙"):
            g.add_edge(body, doc, key="introduced", relation="introduced", attrs={"date": "2021-05"},
                       evidence=[{"source": "p.txt", "article": "a1", "text": "某部印发某文件。", "start": 0, "end": 8}])
    return g


def test_graphml_edge_ids_are_unique_and_networkx_reads_every_edge(tmp_path):
    g = _many_introductions()
    write_graphml(g, tmp_path / "g.graphml")
    text = (tmp_path / "g.graphml").read_text(encoding="utf-8")
    ids = [line.split('id="')[1].split('"')[0] for line in text.splitlines() if "<edge " in line]
    assert len(ids) == len(set(ids)) == 4 and all(i.startswith("introduced-") for i in ids)
    h = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert h.number_of_edges() == 4
    assert {d["relation"] for _u, _v, d in h.edges(data=True)} == {"introduced"}


def test_every_node_carries_its_turtle_subject_in_graph_json_and_graphml(tmp_path):
    g = small_graph()
    write_json(g, tmp_path / "graph.json", base=BASE)
    write_graphml(g, tmp_path / "g.graphml", base=BASE)
    entities = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))["entities"]
    subjects = {str(s) for s in rdflib.Graph().parse(data=turtle(g, BASE), format="turtle").subjects()}
    assert entities and all(e["iri"] in subjects for e in entities)
    h = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert {n: d["iri"] for n, d in h.nodes(data=True)} == {e["key"]: e["iri"] for e in entities}
    assert all(d["iri"] in subjects for _u, _v, d in h.edges(data=True))   # the fact nodes


def _read(data: bytes) -> list:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_csv_tables_follow_neo4j_import_headers_and_join_the_other_outputs():
    g = small_graph()
    tables = csv_tables(g, BASE)
    nodes, edges, evidence = (_read(tables[f]) for f in ("nodes.csv", "edges.csv", "evidence.csv"))
    assert nodes[0][:2] == ["iri:ID", ":LABEL"] and edges[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(nodes) - 1 == g.number_of_nodes() and len(edges) - 1 == g.number_of_edges()
    ids = {row[0] for row in nodes[1:]}
    assert len(ids) == len(nodes) - 1
    assert all(row[0] in ids and row[1] in ids for row in edges[1:])   # every edge's ends are nodes
    by_name = {row[2]: row for row in nodes[1:]}
    assert by_name["公安部"][1] == "AGENCY"
    edge_ids = {row[3] for row in edges[1:]}
    assert {row[0] for row in evidence[1:]} <= edge_ids
    assert len(evidence) - 1 == sum(len(d["evidence"]) for _u, _v, d in g.edges(data=True))
    assert b"\r\n" in tables["nodes.csv"]


def test_the_explorers_panel_gets_an_articles_url_only_when_it_has_one():
    from kg.export.html import page_data
    g = _many_introductions()
    (first, second, *_rest) = sorted(g.edges(keys=True))
    g.edges[first]["evidence"][0]["url"] = "https://example.gov.cn/c_1.htm"
    g.edges[second]["evidence"][0]["source"] = "q.txt"    # another article, with no URL
    data = page_data(g)   # evidence names its article; the article table holds its URL
    assert {(a[0], a[1]): a[4] for a in data["article_table"]} == {("p.txt", "a1"): "https://example.gov.cn/c_1.htm",
                                                                    ("q.txt", "a1"): ""}
    assert sum(len(e["evidence"]) for e in data["edges"]) == 4
