"""Node ids, IRIs and canonical names depend on what the documents say, never
on what their files are called, where they lie or the order they come in."""

import json
import re
import shutil

import pytest

from conftest import CORPUS, GOLD, gold_of

# graph.ttl subjects that name the files themselves (their names are the point)
_FILE_KINDS = ("source:", "article:", "evidence:")
_SUBJECT = re.compile(r"^([a-z]+:\S+)", re.M)


def _graph(out):
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    keys = {e["id"]: e["key"] for e in graph["entities"]}
    nodes = {e["key"]: (e["type"], e["name"], tuple(e["aliases"])) for e in graph["entities"]}
    edges = sorted((keys[r["head"]], r["type"], keys[r["tail"]], json.dumps(r["attrs"], sort_keys=True))
                   for r in graph["relations"])
    return nodes, edges


def _subjects(out):
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    return {s for s in _SUBJECT.findall(ttl) if not s.startswith(_FILE_KINDS)}


@pytest.mark.slow
def test_renaming_and_moving_the_files_changes_no_key_iri_or_name(corpus_build, tmp_path):
    from kg.corpus.driver import build
    src, out = corpus_build
    moved = tmp_path / "moved"
    pages = sorted(GOLD.glob("*.gold.json"))
    for i, g in enumerate(pages):
        name = g.name[: -len(".gold.json")]
        # the other name order, folders of their own; the date stays in the name
        folder = moved / f"batch{i % 2}" / "pages"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / f"{name}.txt", folder / f"{len(pages) - i:02d}_{gold_of(name)['date']}_copy.txt")
    assert build([moved], tmp_path / "out") == 0
    nodes, edges = _graph(out)
    assert any(k.startswith("person:") for k in nodes)   # people resolved across the files are there
    assert _graph(tmp_path / "out") == (nodes, edges)
    assert _subjects(tmp_path / "out") == _subjects(out)


def _ext(text, name):
    from kg.extraction import extract_text
    return extract_text(text, "2021-09-15", name)


FULL = "北京市人民政府召开常务会议，研究部署冬季供暖工作。"
SHORT = "北京市政府召开会议。北京市政府要求各区做好保障。"
BARE = "会上，孙茂利介绍了有关情况。"


def _named(g, key):
    return g.nodes[key]["name"]


@pytest.mark.parametrize("full_name, short_name", [("a.txt", "b.txt"), ("b.txt", "a.txt")])
def test_the_official_name_wins_whichever_file_sorts_first(full_name, short_name):
    from kg.graph import build_graph
    full, short = _ext(FULL, full_name), _ext(SHORT, short_name)
    assert {e["name"] for e in full["entities"] if e["key"] == "local:110000:人民政府"} == {"北京市人民政府"}
    assert {e["name"] for e in short["entities"] if e["key"] == "local:110000:人民政府"} == {"北京市政府"}
    for order in ([full, short], [short, full]):
        g = build_graph(order)
        assert _named(g, "local:110000:人民政府") == "北京市人民政府"
        assert "北京市政府" in g.nodes["local:110000:人民政府"]["aliases"]


def test_a_rebuild_names_a_node_as_a_build_from_nothing():
    """Taking out the file that gave the official name leaves the other's,
    as a build of that file alone does; folding it in again restores it."""
    from kg.graph import add_extraction, build_graph, footprint, remove_articles, remove_source, settle
    full, short = _ext(FULL, "a.txt"), _ext(SHORT, "b.txt")
    g = build_graph([full, short])
    nodes, edges = footprint(full)
    remove_source(g, "a.txt", nodes, edges)
    remove_articles(g, {"a.txt"})
    settle(g, nodes, edges)
    assert _named(g, "local:110000:人民政府") == _named(build_graph([short]), "local:110000:人民政府") == "北京市政府"
    nodes, edges = add_extraction(g, _ext(FULL, "renamed.txt"))
    settle(g, nodes, edges)
    assert _named(g, "local:110000:人民政府") == "北京市人民政府"


def test_a_document_own_person_is_keyed_by_the_text_not_the_file():
    from kg.graph import build_graph
    one, renamed, other = _ext(BARE, "a.txt"), _ext(BARE, "elsewhere.txt"), _ext("会上，孙茂利作了发言。", "c.txt")
    people = lambda g: sorted(n for n in g if n.startswith("person:孙茂利@"))
    assert people(build_graph([one])) == people(build_graph([renamed]))
    assert "a.txt" not in people(build_graph([one]))[0]
    # two documents naming 孙茂利 with no post: two people until resolved across documents
    assert len(people(build_graph([one, other]))) == 2


def _post(source, title):
    """A one-article extraction where 潘功胜 leads 中国人民银行 with `title`."""
    text = f"中国人民银行{title}潘功胜介绍情况。"
    return {"source": source, "fingerprint": source + "-text", "date": None, "editors": [],
            "articles": [{"id": "a1", "title": None, "date": None, "place": None, "creators": [],
                          "start": 0, "end": len(text)}],
            "entities": [{"id": "e1", "type": "AGENCY", "name": "中国人民银行", "key": "central:中国人民银行",
                          "aliases": [], "mentions": [{"article": "a1", "start": 0, "end": 6}]},
                         {"id": "e2", "type": "PERSON", "name": "潘功胜", "key": "person:潘功胜", "aliases": [],
                          "mentions": [{"article": "a1", "start": 6 + len(title), "end": 9 + len(title)}]}],
            "relations": [{"head": "e2", "type": "leads", "tail": "e1", "attrs": {"title": title},
                           "evidence": {"article": "a1", "text": text, "start": 0, "end": len(text)}}]}


def test_an_edge_attribute_files_disagree_on_does_not_follow_their_names():
    from kg.graph import build_graph, footprint, remove_source, settle
    edge = ("person:潘功胜@central:中国人民银行", "central:中国人民银行", "leads")
    for a, b in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        g = build_graph([_post(a, "行长"), _post(b, "党委书记")])
        assert g.edges[edge]["attrs"] == {"title": "党委书记"}   # the least of the two, whichever file
        nodes, edges = footprint(_post(b, "党委书记"))
        remove_source(g, b, nodes, edges)
        settle(g, nodes, edges)
        assert g.edges[edge]["attrs"] == {"title": "行长"}


@pytest.mark.slow
def test_a_rebuild_after_a_rename_is_a_full_build_of_the_renamed_files(tmp_path, monkeypatch):
    """The renamed file is one file gone and one new: the rebuild patches the
    last graph, whose document-own nodes are the same, and gives what a
    build from nothing gives, with every key and name the same as before."""
    from kg.corpus.driver import build
    from kg.graph import settle
    src = tmp_path / "in"
    src.mkdir()
    (src / "2021-09-15_a.txt").write_text(FULL + BARE + "\n", encoding="utf-8")
    (src / "2021-09-15_b.txt").write_text(SHORT + "县纪委对3名干部进行了立案审查。\n", encoding="utf-8")
    (src / "2021-09-15_c.txt").write_text("苍溪县召开会议。县公安局局长张伟说，要严格执法。\n", encoding="utf-8")
    # a rename changes two of five files: few enough that the rebuild patches (kg.corpus.plan.what_changed)
    (src / "2021-09-15_d.txt").write_text("井陉县卫生健康局局长张伟介绍，全县已完成接种。\n", encoding="utf-8")
    (src / "2021-09-15_e.txt").write_text("公安部召开会议。公安部法制局局长孙茂利介绍有关情况。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build([src], out, workers=1) == 0
    before = _graph(out)
    (src / "2021-09-15_a.txt").rename(src / "2021-09-15_z.txt")
    from kg.corpus import fold
    settled = []
    monkeypatch.setattr(fold, "settle", lambda g, nodes, edges: settled.append(nodes) or settle(g, nodes, edges))
    stats = {}
    assert build([src], out, workers=1, stats=stats) == 0 and stats["extracted"] == 1
    assert settled   # the last graph was patched, not folded again
    monkeypatch.undo()
    assert build([src], tmp_path / "full", workers=1, cache=False) == 0
    for f in ("graph.json", "graph.ttl", "graph.graphml", "graph.html"):
        assert (out / f).read_bytes() == (tmp_path / "full" / f).read_bytes(), f
    assert _graph(out) == before
    assert _subjects(out) == _subjects(tmp_path / "full")
