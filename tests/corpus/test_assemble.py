"""Copy-or-render (kg.corpus.assemble): a rebuild's files equal a fresh render, and copies what it did not touch."""

from sample_graph import SRC, small_graph

from kg.corpus.assemble import JsonAssembly, graph_records
from kg.corpus.state.packed import Mentions
from kg.corpus.state.reuse import Reuse
from kg.export.graphml import graphml_chunks
from kg.export.json import json_chunks

HUB = "central:公安部"


def _assembled(chunks, g, records):
    out = b"".join(chunks(g, records))
    records.save()
    return out


def _grow(g):
    """A hub mentioned by a second file (so its record is kept by source), a new node."""
    g.nodes[HUB]["mentions"].append({"source": "b.txt", "article": "a1", "start": 5, "end": 8})


def test_json_a_touched_record_is_rendered_an_untouched_one_copied(tmp_path):
    g = small_graph()
    _grow(g)
    _assembled(json_chunks, g, JsonAssembly(Reuse(tmp_path, None, "b1")))
    g.nodes[HUB]["mentions"].append({"source": "b.txt", "article": "a1", "start": 20, "end": 23})
    g.add_node("central:新部", type="AGENCY", name="新部", aliases={"新部"},
               mentions=[{"source": "b.txt", "article": "a1", "start": 30, "end": 32}])
    touched = Reuse(tmp_path, "b1", "b2", frozenset({HUB, "central:新部"}), frozenset(), frozenset({"b.txt"}))
    assert _assembled(json_chunks, g, JsonAssembly(touched)) == b"".join(json_chunks(g))
    # an untouched record is the saved bytes: a change nobody reported does not show
    g.nodes["program:12389投诉平台"]["name"] = "未报的改动"
    stale = Reuse(tmp_path, "b2", "b3", frozenset(), frozenset(), frozenset())
    assert "未报的改动".encode() not in _assembled(json_chunks, g, JsonAssembly(stale))


def test_json_a_packed_hub_renders_only_the_changed_files_mentions(tmp_path):
    """A rebuild's hub keeps its mentions packed by file (Mentions): the
    other file's part is copied from the last build, never unpacked."""
    g = small_graph()
    _grow(g)
    _assembled(json_chunks, g, JsonAssembly(Reuse(tmp_path, None, "b1")))
    fresh = b"".join(json_chunks(g))
    mine = [m for m in g.nodes[HUB]["mentions"] if m["source"] == "b.txt"]
    g.nodes[HUB]["mentions"] = Mentions({SRC: (1, b"not a pickle: never opened"), "b.txt": mine})
    touched = Reuse(tmp_path, "b1", "b2", frozenset({HUB}), frozenset(), frozenset({"b.txt"}))
    assert _assembled(json_chunks, g, JsonAssembly(touched)) == fresh


def test_graphml_records_are_copied_or_rendered_by_node_and_edge(tmp_path):
    g = small_graph()
    _assembled(graphml_chunks, g, graph_records(Reuse(tmp_path, None, "b1"), "graphml"))
    g.nodes[HUB]["name"] = "公安部<改>"
    g.remove_node("program:12389投诉平台")
    touched = Reuse(tmp_path, "b1", "b2", frozenset({HUB, "program:12389投诉平台"}),
                    frozenset({(HUB, "program:12389投诉平台", "introduced")}))
    assert _assembled(graphml_chunks, g, graph_records(touched, "graphml")) == b"".join(graphml_chunks(g))
