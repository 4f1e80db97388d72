"""One node per person across a corpus (kg.corpus.resolve): same name and
compatible posts merge, posts in places apart stay apart, the reason is on
the node, and a rebuild gives what a build from nothing gives."""

import json
import shutil

import pytest

from conftest import outputs


def _ext(source, people, bodies=(), places=(), date=None):
    """A one-article extraction: `people` [(name, body key or None, title)],
    `bodies` [(key, name)] and `places` [code] named in it too."""
    ents, rels = [], []

    def ent(etype, key, name, **extra):
        for e in ents:
            if e["key"] == key:
                return e["id"]
        ents.append({"id": f"e{len(ents) + 1}", "type": etype, "name": name, "key": key, "aliases": [],
                     "mentions": [{"article": "a1", "start": len(ents), "end": len(ents) + 1}], **extra})
        return ents[-1]["id"]

    for key, name in bodies:
        ent("AGENCY", key, name)
    for code in places:
        ent("PLACE", f"place:{code}", code, code=code)
    for name, body, title in people:
        p = ent("PERSON", f"person:{name}", name)
        if body:
            b = ent("AGENCY", body, body.rsplit(":", 1)[1])
            attrs = {"title": title.removeprefix("时任"), **({"status": "former"} if title.startswith("时任") else {})}
            rels.append({"head": p, "type": "leads", "tail": b, "attrs": attrs,
                         "evidence": {"article": "a1", "text": "…", "start": 0, "end": 1}})
    return {"source": source, "fingerprint": source + "-text", "date": None, "editors": [],
            "articles": [{"id": "a1", "title": None, "date": date, "place": None, "creators": [],
                          "start": 0, "end": 9}],
            "entities": ents, "relations": rels}


def _resolve(exts):
    from kg import ruleset
    from kg.corpus.resolve import resolve_persons
    from kg.corpus.resolve_bodies import resolve_bodies
    from kg.corpus.resolved import resolved_graph
    from kg.graph import build_graph, footprint
    g = build_graph(exts)
    prints = {x["source"]: footprint(x)[0] for x in exts}
    days = {x["source"]: {x["articles"][0]["date"]} - {None} for x in exts}
    rules = ruleset.current()
    persons = resolve_persons(g, rules,
                              lambda n: set().union(*(prints[s] for s in g.nodes[n]["sources"])),
                              lambda n: set().union(*(days[s] for s in g.nodes[n]["sources"])))
    persons.update(resolve_bodies(g, rules))
    return resolved_graph(g, persons)


def _people(g, name):
    return sorted(n for n in g if n.split("@")[0] == f"person:{name}")


def test_one_person_with_and_without_posts_in_several_documents_is_one_node():
    g = _resolve([_ext("a.txt", [("周文彬", "central:国务院", "总理")]),
                  _ext("b.txt", [("周文彬", "central:中共中央政治局", "常委")]),
                  _ext("c.txt", [("周文彬", None, None)]),
                  _ext("d.txt", [("周文彬", None, None)], places=["110000"])])
    assert _people(g, "周文彬") == ["person:周文彬"]
    d = g.nodes["person:周文彬"]
    assert sorted(d["sources"]) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert len(d["mentions"]) == 4
    assert d["attrs"]["basis"] == "same name; no two of its posts in places apart at one time"
    assert g.has_edge("person:周文彬", "central:国务院", "leads")
    assert g.has_edge("person:周文彬", "central:中共中央政治局", "leads")


def test_two_people_of_one_name_heading_bodies_in_two_provinces_stay_two():
    fj, zj = "local:350000:人民政府", "local:330000:人民政府"
    g = _resolve([_ext("a.txt", [("陈立新", fj, "省长")]),
                  _ext("b.txt", [("陈立新", zj, "省长")]),
                  _ext("c.txt", [("陈立新", fj, "省长")], bodies=[("central:国务院", "国务院")]),
                  # no post, but the document names a city of one of the two provinces
                  _ext("d.txt", [("陈立新", None, None)], places=["350100"]),
                  # no post, nothing to tell which: its document's own
                  _ext("e.txt", [("陈立新", None, None)])])
    people = _people(g, "陈立新")
    assert f"person:陈立新@{fj}" in people and f"person:陈立新@{zj}" in people
    assert sorted(g.nodes[f"person:陈立新@{fj}"]["sources"]) == ["a.txt", "c.txt", "d.txt"]
    assert sorted(g.nodes[f"person:陈立新@{zj}"]["sources"]) == ["b.txt"]
    assert people == sorted([f"person:陈立新@{fj}", f"person:陈立新@{zj}", "person:陈立新@e.txt-text"])
    assert "apart" in g.nodes[f"person:陈立新@{zj}"]["attrs"]["basis"]


def test_a_city_post_and_its_provinces_post_are_one_person_a_post_abroad_is_not():
    g = _resolve([_ext("a.txt", [("李云峰", "local:350000:委员会", "书记")]),
                  _ext("b.txt", [("李云峰", "local:350100:委员会", "书记")])])
    assert _people(g, "李云峰") == ["person:李云峰"]
    g = _resolve([_ext("a.txt", [("李云峰", "central:外交部", "部长")]),
                  _ext("b.txt", [("李云峰", "local:world-某国:外交部", "部长")])])
    assert len(_people(g, "李云峰")) == 2


def test_a_post_held_before_keeps_no_one_from_a_post_elsewhere_now():
    g = _resolve([_ext("a.txt", [("陈立新", "local:330000:委", "时任书记")]),
                  _ext("b.txt", [("陈立新", "local:350000:人民政府", "省长")]),
                  _ext("c.txt", [("陈立新", None, None)])])
    assert _people(g, "陈立新") == ["person:陈立新"]


def test_the_resolved_ids_do_not_follow_file_names_or_their_order():
    fj, zj = "local:350000:人民政府", "local:330000:人民政府"
    one = [_ext("a.txt", [("陈立新", fj, "省长")]), _ext("b.txt", [("陈立新", zj, "省长")]),
           _ext("c.txt", [("陈立新", None, None)])]
    other = [_ext("z.txt", [("陈立新", zj, "省长")]), _ext("y.txt", [("陈立新", fj, "省长")]),
             _ext("x.txt", [("陈立新", None, None)])]
    for x in other:   # the same texts under other names
        x["fingerprint"] = {"z.txt": "b.txt", "y.txt": "a.txt", "x.txt": "c.txt"}[x["source"]] + "-text"
    assert _people(_resolve(one), "陈立新") == _people(_resolve(other), "陈立新")


def test_a_person_who_moved_from_one_province_to_another_is_one_node():
    fj, zj = "local:350000:委", "local:330000:委"
    moved = _ext("b.txt", [("陈立新", zj, "书记"), ("陈立新", fj, "时任书记")], date="2022-12-08")
    g = _resolve([_ext("a.txt", [("陈立新", fj, "书记")], date="2021-03-06"), moved,
                  _ext("c.txt", [("陈立新", None, None)], date="2022-12-20")])
    assert _people(g, "陈立新") == ["person:陈立新"]
    assert "moved" in g.nodes["person:陈立新"]["attrs"]["basis"]


def test_the_same_name_in_bodies_of_two_provinces_at_one_time_is_two_people():
    fj, zj = "local:350000:委", "local:330000:委"
    # still in 福建 after the other took 浙江: not the one who left 福建
    g = _resolve([_ext("a.txt", [("陈立新", fj, "书记")], date="2021-03-06"),
                  _ext("b.txt", [("陈立新", zj, "书记"), ("陈立新", fj, "时任书记")], date="2022-12-08"),
                  _ext("d.txt", [("陈立新", fj, "书记")], date="2023-01-10")])
    assert len(_people(g, "陈立新")) == 2
    # at different times but nothing ties the two: two people of one name
    g = _resolve([_ext("a.txt", [("陈立新", fj, "书记")], date="2021-03-06"),
                  _ext("b.txt", [("陈立新", zj, "书记")], date="2022-12-08")])
    assert len(_people(g, "陈立新")) == 2


def test_a_leading_group_held_besides_a_post_seats_no_one():
    g = _resolve([_ext("a.txt", [("周文彬", "central:中共中央政治局", "常委")]),
                  _ext("b.txt", [("周文彬", "local:540000:工作协调小组", "组长")]),
                  _ext("c.txt", [("周文彬", "local:650000:工作协调小组", "组长")]),
                  _ext("d.txt", [("周文彬", None, None)])])
    assert _people(g, "周文彬") == ["person:周文彬"]


def test_a_body_keyed_abroad_under_the_state_itself_is_at_home():
    g = _resolve([_ext("a.txt", [("周文彬", "central:国务院", "副总理")]),
                  _ext("b.txt", [("周文彬", "local:world-中国:环境合作委员会", "主席")]),
                  _ext("c.txt", [("周文彬", None, None)])])
    assert _people(g, "周文彬") == ["person:周文彬"]


def test_a_national_body_named_like_the_foreign_one_most_documents_give_is_that_one():
    far = "local:world-某国:外交部"
    exts = [_ext(f"f{i}.txt", [("科瓦列娃", far, "发言人")]) for i in range(5)]
    exts.append(_ext("h.txt", [("科瓦列娃", "central:外交部", "发言人")]))
    g = _resolve(exts)
    assert _people(g, "科瓦列娃") == ["person:科瓦列娃"]
    assert "read as local:world-某国:外交部" in g.nodes["person:科瓦列娃"]["attrs"]["basis"]


def test_a_foreign_surname_without_a_post_in_a_text_of_another_country_is_not_the_one_with_posts():
    far = "local:world-某国:外交部"
    g = _resolve([_ext("a.txt", [("罗德斯", far, "外长"), ("马里奥", None, None)]),
                  # another country named, nothing of the person's: another 罗德斯
                  _ext("b.txt", [("罗德斯", None, None)], places=["world-另国"]),
                  # another country, but a person the 外长's documents name too
                  _ext("c.txt", [("罗德斯", None, None), ("马里奥", None, None)], places=["world-另国"]),
                  _ext("d.txt", [("罗德斯", None, None)])])
    assert sorted(g.nodes["person:罗德斯"]["sources"]) == ["a.txt", "c.txt", "d.txt"]
    assert _people(g, "罗德斯") == ["person:罗德斯", "person:罗德斯@b.txt-text"]
    assert "where its document is not" in g.nodes["person:罗德斯@b.txt-text"]["attrs"]["basis"]
    # a governor, and a text of the same name that names only a place abroad: two
    g = _resolve([_ext("a.txt", [("陈立新", "local:330000:人民政府", "省长")]),
                  _ext("b.txt", [("陈立新", None, None)], places=["world-某国"]),
                  _ext("c.txt", [("陈立新", None, None)], places=["330100"])])
    assert _people(g, "陈立新") == ["person:陈立新", "person:陈立新@b.txt-text"]


TEXTS = {
    "2021-09-15_a.txt": "福建省人民政府省长陈立新主持召开省政府常务会议，研究部署防汛工作。\n",
    "2021-09-16_b.txt": "浙江省人民政府省长陈立新在杭州调研，强调要做好防汛工作。\n",
    "2021-09-17_c.txt": "陈立新在福州会见客人。陈立新表示，福建将继续扩大开放。\n",
    "2021-09-15_d.txt": "国务院总理赵明远主持召开国务院常务会议。\n",
    "2021-09-18_e.txt": "赵明远在北京会见外宾。\n",
}


def _entities(out):
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return {e["key"]: e for e in graph["entities"]}


@pytest.mark.slow
def test_a_corpus_build_resolves_persons_and_a_rebuild_equals_a_full_build(tmp_path):
    from kg.corpus.driver import build
    work = tmp_path / "src"
    work.mkdir()
    for name, text in TEXTS.items():
        if name != "2021-09-16_b.txt":
            (work / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert build([work], out, workers=1) == 0
    ents = _entities(out)
    assert "person:赵明远" in ents and "person:陈立新" in ents   # one each, with and without posts
    assert ents["person:陈立新"]["attrs"]["basis"].startswith("same name")
    # the basis is a property of the node in the Turtle and the GraphML too
    import networkx as nx
    from rdflib import Graph, Literal, URIRef
    from kg.export.vocab import KG
    ttl = Graph().parse(out / "graph.ttl")
    basis = ents["person:陈立新"]["attrs"]["basis"]
    assert (URIRef(ents["person:陈立新"]["iri"]), KG.resolutionBasis, Literal(basis)) in ttl
    assert nx.read_graphml(out / "graph.graphml").nodes["person:陈立新"]["basis"] == basis

    def same_as_full(step):
        build([work], out, workers=1)
        full = tmp_path / f"full-{step}"
        build([work], full, workers=1, cache=False)
        assert outputs(out) == outputs(full), step
        return _entities(out)

    (work / "2021-09-16_b.txt").write_text(TEXTS["2021-09-16_b.txt"], encoding="utf-8")
    ents = same_as_full("add")   # a 陈立新 of another province: two, the one of 福州 with 福建's
    assert "person:陈立新" not in ents
    fj = ents["person:陈立新@local:350000:人民政府"]
    assert {m["source"] for m in fj["mentions"]} == {"2021-09-15_a.txt", "2021-09-17_c.txt"}
    assert "person:陈立新@local:330000:人民政府" in ents
    (work / "2021-09-15_a.txt").unlink()
    ents = same_as_full("remove")   # 浙江's 陈立新, and the one of a text about 福建 alone: two
    people = [k for k in ents if k.startswith("person:陈立新")]
    assert "person:陈立新" in people and len(people) == 2
    assert "where its document is not" in next(ents[k] for k in people if k != "person:陈立新")["attrs"]["basis"]
    shutil.copy(work / "2021-09-18_e.txt", work / "2021-09-19_f.txt")
    same_as_full("copy")
