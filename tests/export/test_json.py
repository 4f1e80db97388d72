"""graph.json: the writer against a dict-built oracle, and the reader beside it (a round trip)."""

import json

import pytest
from json_oracle import graph_to_dict
from sample_graph import small_graph

from kg.errors import InputError
from kg.export.json import read_json, write_json


def _same_graph(a, b) -> None:
    assert sorted(a.nodes) == sorted(b.nodes)
    for n, d in a.nodes(data=True):
        e = b.nodes[n]
        assert {k: d.get(k) for k in ("type", "name", "aliases", "code", "parent", "level")} == \
               {k: e.get(k) for k in ("type", "name", "aliases", "code", "parent", "level")}, n
        assert sorted(map(json.dumps, d["mentions"])) == sorted(map(json.dumps, e["mentions"])), n
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    for h, t, k, d in a.edges(keys=True, data=True):
        e = b.edges[h, t, k]
        assert d["attrs"] == e["attrs"] and d["relation"] == e["relation"]
        assert sorted(map(json.dumps, d["evidence"])) == sorted(map(json.dumps, e["evidence"]))
    assert sorted(map(json.dumps, a.graph["articles"])) == sorted(map(json.dumps, b.graph["articles"]))


def test_the_writer_gives_the_oracle_one_record_a_line(tmp_path):
    g = small_graph()
    write_json(g, tmp_path / "graph.json")
    text = (tmp_path / "graph.json").read_text(encoding="utf-8")
    assert json.loads(text) == json.loads(json.dumps(graph_to_dict(g), ensure_ascii=False))
    n = g.number_of_nodes() + g.number_of_edges() + len(g.graph["articles"])
    assert sum(line.startswith('{"') for line in text.splitlines()) == n + 1   # and the opening line


def test_write_then_read_gives_the_same_graph_and_the_same_bytes_again(tmp_path):
    g = small_graph()
    write_json(g, tmp_path / "a.json")
    h = read_json(tmp_path / "a.json")
    _same_graph(g, h)
    write_json(h, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_an_empty_graph_round_trips(tmp_path):
    import networkx as nx
    write_json(nx.MultiDiGraph(), tmp_path / "graph.json")
    h = read_json(tmp_path / "graph.json")
    assert h.number_of_nodes() == 0 and h.graph["articles"] == []


@pytest.mark.parametrize("content", [None, b"\xff\xfe", b"[]", b'{"entities": [{"id": "e1"}]}'])
def test_a_missing_or_foreign_file_is_an_input_error(tmp_path, content):
    path = tmp_path / "graph.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError):
        read_json(path)


def test_a_record_cut_round_its_list_is_the_record():
    """What a rebuild keeps by source file (kg.corpus.assemble) puts back
    together into the record the writer makes whole."""
    from kg.export.json import (EVIDENCE_ORDER, MENTION_ORDER, entity_frame, entity_tail, items_text,
                                relation_frame, relation_tail)
    g = small_graph()
    g.nodes["central:公安部"]["mentions"].append({"source": "b.txt", "article": "a1", "start": 5, "end": 8})
    for n, d in g.nodes(data=True):
        before, after = entity_frame(n, d)
        assert before + items_text(sorted(d["mentions"], key=MENTION_ORDER)) + after == entity_tail(g, n)
    for e in g.edges(keys=True):
        before, after = relation_frame(g.edges[e])
        assert before + items_text(sorted(g.edges[e]["evidence"], key=EVIDENCE_ORDER)) + after == \
               relation_tail(g, e)
