"""One node per body across a corpus (kg.corpus.resolve_bodies): a bare name
the corpus shows to be no generic one is one body over its documents, a
generic one stays each document's own, and a body keyed as host and unit is
the body of its whole name."""

import pytest

from test_resolve_persons import _ext, _resolve


def _bodies(g, name):
    return sorted(n for n in g if n.partition("@")[0].rsplit(":", 1)[-1] == name)


def test_a_bare_body_name_in_several_documents_is_one_node_with_its_reason():
    exts = [_ext(f"{i}.txt", [], bodies=[("bare:AGENCY:某盟委员会", "某盟委员会")]) for i in "abc"]
    g = _resolve(exts)
    assert _bodies(g, "某盟委员会") == ["bare:AGENCY:某盟委员会"]
    d = g.nodes["bare:AGENCY:某盟委员会"]
    assert sorted(d["sources"]) == ["a.txt", "b.txt", "c.txt"]
    assert "same name in 3 documents" in d["attrs"]["basis"]


def test_a_bare_name_bodies_of_places_have_stays_each_documents_own():
    exts = [_ext(f"{i}.txt", [], bodies=[("bare:AGENCY:法制工作局", "法制工作局")]) for i in "ab"]
    exts.append(_ext("c.txt", [], bodies=[("local:350000:法制工作局", "法制工作局")]))
    assert len(_bodies(_resolve(exts), "法制工作局")) == 3
    # a unit of a body named by a generic word: whose, the name does not say
    exts = [_ext(f"{i}.txt", [], bodies=[("bare:AGENCY:领导小组办公室", "领导小组办公室")]) for i in "ab"]
    assert len(_bodies(_resolve(exts), "领导小组办公室")) == 2


def test_a_bare_name_that_ends_the_names_of_several_bodies_stays_apart():
    exts = [_ext(f"{i}.txt", [], bodies=[("bare:AGENCY:党总支部", "党总支部")]) for i in "ab"]
    exts.append(_ext("c.txt", [], bodies=[("local:350100:某某村党总支部", "某某村党总支部")]))
    exts.append(_ext("d.txt", [], bodies=[("bare:AGENCY:临时党总支部", "临时党总支部")]))
    assert len(_bodies(_resolve(exts), "党总支部")) == 2
    # one longer name after a joiner is a list, not a body the short name is a form of
    exts = [_ext(f"{i}.txt", [], bodies=[("bare:AGENCY:某盟委员会", "某盟委员会")]) for i in "ab"]
    exts.append(_ext("c.txt", [], bodies=[("bare:AGENCY:理事会和某盟委员会", "理事会和某盟委员会")]))
    assert _bodies(_resolve(exts), "某盟委员会") == ["bare:AGENCY:某盟委员会"]


def test_a_bare_name_a_keyed_body_has_stays_apart_an_other_name_of_a_national_body_is_it():
    far = "local:world-某国:安全委员会"   # a country's, and a bare one of any other country
    g = _resolve([_ext(f"{i}.txt", [], bodies=[("bare:AGENCY:安全委员会", "安全委员会")]) for i in "ab"]
                 + [_ext("c.txt", [], bodies=[(far, "安全委员会")])])
    assert len(_bodies(g, "安全委员会")) == 3
    exts = [_ext(f"{i}.txt", [], bodies=[("bare:AGENCY:国家某某委", "国家某某委")]) for i in "ab"]
    whole = _ext("c.txt", [], bodies=[("central:国家某某委员会", "国家某某委员会")])
    whole["entities"][0]["aliases"] = ["国家某某委"]
    g = _resolve(exts + [whole])
    assert "bare:AGENCY:国家某某委" not in g and not _bodies(g, "国家某某委")
    assert sorted(g.nodes["central:国家某某委员会"]["sources"]) == ["a.txt", "b.txt", "c.txt"]


def test_a_body_keyed_as_host_and_unit_is_the_body_of_its_whole_name():
    g = _resolve([_ext("a.txt", [], bodies=[("central:中共中央:政治局", "政治局")]),
                  _ext("b.txt", [], bodies=[("central:中共中央政治局", "中共中央政治局")])])
    assert "central:中共中央:政治局" not in g
    assert sorted(g.nodes["central:中共中央政治局"]["sources"]) == ["a.txt", "b.txt"]


@pytest.mark.slow
def test_a_rebuild_that_unmerges_a_body_equals_a_full_build(tmp_path):
    """A file that goes takes a bare body's merge with it: the other file's
    articles, which named the merged node, name the document's own again."""
    from conftest import outputs
    from kg.corpus.driver import build
    work = tmp_path / "src"
    work.mkdir()
    (work / "2021-09-20_f.txt").write_text("欧亚经济委员会发表声明，欢迎各方达成停火协议。\n", encoding="utf-8")
    (work / "2021-09-21_g.txt").write_text("欧亚经济委员会当天表示，将继续支持地区和平进程。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build([work], out, workers=1) == 0
    assert '"bare:AGENCY:欧亚经济委员会"' in (out / "graph.json").read_text(encoding="utf-8")
    (work / "2021-09-21_g.txt").unlink()
    assert build([work], out, workers=1) == 0
    assert build([work], tmp_path / "full", workers=1, cache=False) == 0
    assert outputs(out) == outputs(tmp_path / "full")
