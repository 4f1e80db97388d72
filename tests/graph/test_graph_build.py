"""The corpus graph: one node per thing across documents, evidence that points
into the raw files, bad files that do not stop a build, deterministic output."""

import json
import re
import unicodedata


from conftest import CORPUS, GOLD, SEED

_DROP = re.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉]")


def fold(name):
    return _DROP.sub("", unicodedata.normalize("NFKC", name or ""))


def names(e):
    return {fold(n) for n in [e["name"], *e.get("aliases", [])] if fold(n)}


def test_one_node_per_gold_entity_across_the_corpus(corpus_build):
    _, out = corpus_build
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    for gf in sorted(GOLD.glob("*.gold.json")):
        for g in json.loads(gf.read_text(encoding="utf-8"))["entities"]:
            if g.get("optional"):
                continue
            hits = [e["key"] for e in graph["entities"] if e["type"] == g["type"] and names(e) & names(g)]
            assert len(hits) <= 1, (g["name"], hits)


def test_places_are_keyed_by_division_code(corpus_build):
    _, out = corpus_build
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    beijing = [e for e in graph["entities"] if e["type"] == "PLACE" and e["name"] == "北京市"]
    assert len(beijing) == 1 and beijing[0]["code"] == "110000"
    # Beijing is named in two documents: one node with mentions from both
    assert len({m["source"] for m in beijing[0]["mentions"]}) >= 2


def test_every_edge_has_evidence_in_the_raw_file(corpus_build):
    src, out = corpus_build
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    ents = {e["id"]: e for e in graph["entities"]}
    raws = {p.name: p.read_text(encoding="utf-8") for p in src.iterdir()}
    assert graph["relations"]
    for r in graph["relations"]:
        assert r["evidences"], r
        for ev in r["evidences"]:
            raw = fold(raws[ev["source"]][ev["raw_start"]:ev["raw_end"]])
            assert raw == fold(ev["text"]), ev
            head, tail = ents[r["head"]], ents[r["tail"]]
            inside = [any(n in raw for n in names(x)) for x in (head, tail)]
            if r["attrs"].get("basis") or r["type"] in ("leads", "member_of"):
                assert any(inside), (r, ev["text"])   # a post's body may be implied (市长)
            else:
                assert all(inside), (head["name"], r["type"], tail["name"], ev["text"])


def test_same_named_county_bodies_stay_apart(tmp_path):
    from kg.corpus.driver import build
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "2021-09-15_a.txt").write_text(
        "苍溪县召开会议。县纪委对3名干部进行了立案审查。\n", encoding="utf-8")
    (tmp_path / "in" / "2021-09-16_b.txt").write_text(
        "井陉县召开会议。县纪委对5名干部进行了立案审查。\n", encoding="utf-8")
    assert build([tmp_path / "in"], tmp_path / "out") == 0
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    bodies = [e for e in graph["entities"] if e["type"] == "AGENCY" and "县纪委" in e["aliases"] + [e["name"]]]
    assert len(bodies) == 2
    assert {b["name"] for b in bodies} == {"苍溪县纪委", "井陉县纪委"}
    places = {e["id"]: e["name"] for e in graph["entities"] if e["type"] == "PLACE"}
    located = {(r["head"], places.get(r["tail"])) for r in graph["relations"] if r["type"] == "located_in"}
    assert {t for h, t in located if h in {b["id"] for b in bodies}} == {"苍溪县", "井陉县"}


def test_same_name_different_bodies_are_two_people(tmp_path):
    from kg.corpus.driver import build
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "2021-09-15_a.txt").write_text("苍溪县公安局局长张伟说，要严格执法。\n", encoding="utf-8")
    (tmp_path / "in" / "2021-09-15_b.txt").write_text("井陉县卫生健康局局长张伟介绍，全县已完成接种。\n", encoding="utf-8")
    assert build([tmp_path / "in"], tmp_path / "out") == 0
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert len([e for e in graph["entities"] if e["type"] == "PERSON" and e["name"] == "张伟"]) == 2


def test_build_is_byte_identical_when_repeated(corpus_build, tmp_path):
    from kg.corpus.driver import build
    src, out = corpus_build
    assert build([src], tmp_path) == 0
    for f in ("graph.json", "graph.ttl", "graph.html", "graph.graphml"):
        assert (tmp_path / f).read_bytes() == (out / f).read_bytes(), f


def test_a_bad_file_does_not_stop_the_build(tmp_path):
    from kg.corpus.driver import build
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "2021-09-15_seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "in" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert build([tmp_path / "in"], tmp_path / "out") == 1
    errors = (tmp_path / "out" / "errors.tsv").read_text(encoding="utf-8").splitlines()
    assert len(errors) == 2 and errors[1].startswith(str(tmp_path / "in" / "broken.txt"))
    assert "not a text file" in errors[1]
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert any(e["name"] == "孙茂利" for e in graph["entities"])


def test_graph_json_has_one_record_per_line(tmp_path):
    """graph.json is one JSON document with each article, entity and relation
    on its own line (greppable; written by json's C encoder)."""
    from kg.corpus.driver import build
    build([CORPUS / "01_henan-beijing-strategic-agreement.txt"], tmp_path / "out",
          workers=1, cache=False, progress=False)
    text = (tmp_path / "out" / "graph.json").read_text(encoding="utf-8")
    graph = json.loads(text)
    lines = text.splitlines()
    records = [json.loads(line.rstrip(",")) for line in lines if line.startswith("{\"") and line.endswith(("}", "},"))]
    n = len(graph["articles"]) + len(graph["entities"]) + len(graph["relations"])
    assert n > 10 and len(records) == n
    assert any(r.get("name") == "河南省" for r in records)
    # what the record texts assemble is graph_to_dict of the folded graph
    from json_oracle import graph_to_dict
    from kg.extraction import extract_file
    from kg.graph import build_graph
    from kg import ruleset
    from kg.corpus.resolve import resolve_persons
    from kg.corpus.resolved import resolved_graph
    g = build_graph([extract_file(CORPUS / "01_henan-beijing-strategic-agreement.txt")])
    g = resolved_graph(g, resolve_persons(g, ruleset.current(), lambda n: set(g)))   # the build's persons
    from kg.graph.tenure import annotate
    annotate(g)   # and the posts' tenures
    assert graph == json.loads(json.dumps(graph_to_dict(g), ensure_ascii=False))


def test_graphml_reads_back_with_networkx(corpus_build):
    import networkx as nx
    _src, out = corpus_build
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    h = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert h.number_of_nodes() == len(graph["entities"])
    assert h.number_of_edges() == len(graph["relations"])
    assert h.nodes["central:公安部"]["label"] == "公安部"
    assert h.nodes["central:公安部"]["type"] == "AGENCY"
    introduced = [d for u, v, k, d in h.edges(keys=True, data=True)
                  if u == "central:公安部" and d["relation"] == "introduced"]
    assert introduced and all("公安部" in json.loads(d["evidence"])[0] for d in introduced)


def test_graphml_escapes_markup_in_names_and_evidence(tmp_path):
    import networkx as nx
    from kg.export.graphml import write_graphml
    g = nx.MultiDiGraph()
    g.add_node('org:A&B<"公司">', type="ORG", name='A&B<"公司">', aliases={'A&B<"公司">', "甲\t乙"})
    g.add_node("central:国务院", type="AGENCY", name="国务院", aliases={"国务院"}, code="")
    g.add_edge('org:A&B<"公司">', "central:国务院", key="cooperates_with", attrs={},
               evidence=[{"text": "A&B<公司>与国务院\n合作"}])
    write_graphml(g, tmp_path / "g.graphml")
    h = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert h.nodes['org:A&B<"公司">']["label"] == 'A&B<"公司">'
    assert h.nodes['org:A&B<"公司">']["aliases"] == 'A&B<"公司">|甲\t乙'
    (_u, _v, d), = h.edges(data=True)
    assert json.loads(d["evidence"]) == ["A&B<公司>与国务院\n合作"]
