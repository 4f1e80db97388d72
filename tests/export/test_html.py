# Over 300 lines: escaping, page data, the layout and `kg html` all check the one payload graph defined here.
"""graph.html without a browser: escaping, page data, options, `kg html` and its cuts."""

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from kg.cli import main
from kg.export.html import page_data, render, style
from kg.export.json import graph_from_dict, read_json
from kg.export.layout import force_layout
from kg.export.select import select
from json_oracle import graph_to_dict

PAYLOADS = ["<script>window.__xss=1;alert(1)</script>", '<img src=x onerror="window.__xss=2;alert(2)">',
            "\"'><svg onload=alert(3)>", "</script><script>alert(4)</script>", "<!--", "\u2028&amp;\u2029"]


def _ev(text, art="a1", src="p.txt", title="标题", date="2021-09-15"):
    return {"source": src, "article": art, "text": text, "start": 0, "end": len(text), "raw_start": 0,
            "raw_end": len(text), "article_title": title, "article_date": date}


def small_graph():
    """Two bodies, a person, a document; every text field of one edge carries a payload."""
    g = nx.MultiDiGraph()
    g.graph["articles"] = [{"source": "p.txt", "id": "a1", "title": "标题", "date": "2021-09-15", "start": 0},
                           {"source": "q.txt", "id": "a1", "title": "另一篇", "date": "2021-09-16", "start": 0}]
    m = lambda src="p.txt", art="a1": [{"source": src, "article": art, "start": 0, "end": 2}]  # noqa: E731
    g.add_node("agency:公安部", type="AGENCY", name="公安部", aliases={"公安部"}, mentions=m())
    g.add_node("person:孙茂利", type="PERSON", name="孙茂利", aliases={"孙茂利", "孙局长"}, mentions=m())
    g.add_node("doc:x", type="DOCUMENT", name=PAYLOADS[0], aliases={PAYLOADS[0], PAYLOADS[1]}, mentions=m())
    g.add_node("place:1", type="PLACE", name="河北省", aliases={"河北省", "冀"}, code="130000", mentions=m("q.txt"))
    g.add_node("weird:1", type="SECT", name="某某", aliases={"某某"}, mentions=m("q.txt"))
    g.add_edge("person:孙茂利", "agency:公安部", key="leads", relation="leads",
               attrs={"title": "法制局局长"}, evidence=[_ev("公安部法制局局长孙茂利介绍。")])
    g.add_edge("agency:公安部", "doc:x", key="introduced", relation="introduced",
               attrs={"date": PAYLOADS[2], "title": PAYLOADS[3]},
               evidence=[_ev("公安部出台" + p, title=PAYLOADS[4], date=PAYLOADS[5]) for p in PAYLOADS])
    g.add_edge("place:1", "weird:1", key="frobs", relation="frobs", attrs={}, evidence=[_ev("x", "a1", "q.txt")])
    return g


class Tags(HTMLParser):
    """Every start tag with its attributes (script bodies are raw text, as in a browser)."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in = None


def _parse(html):
    p = Tags()
    p.feed(html)
    return p


def _data(html):
    m = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_payloads_stay_data_and_never_become_markup():
    html = render(small_graph(), title="<b>t</b>" + PAYLOADS[1])
    tags = _parse(html)
    names = [t for t, _ in tags.tags]
    assert names.count("script") == 3  # data block, vis-network, page script
    assert "img" not in names and "svg" not in names and "b" not in names
    assert not [a for _, attrs in tags.tags for a in attrs if a.startswith("on")]
    assert "&lt;b&gt;t&lt;/b&gt;" in html  # the title is escaped
    data = _data(html)
    got = {a for n in data["nodes"] for a in n["names"]}
    assert {PAYLOADS[0], PAYLOADS[1]} <= got  # round-trips exactly, shown as text
    ev_text = {ev["text"] for e in data["edges"] for ev in e["evidence"]}
    assert {"公安部出台" + p for p in PAYLOADS} <= ev_text
    body = re.search(r'id="govkg-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in body and ">" not in body and "&" not in body and "\u2028" not in body


def test_csp_allows_only_the_pages_own_scripts_and_no_network():
    html = render(small_graph())
    csp = next(a["content"] for t, a in _parse(html).tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp
    script_src = re.search(r"script-src ([^;]+)", csp).group(1)
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", script_src)) == 2
    for tag, attrs in _parse(html).tags:
        for k in ("src", "href"):
            assert not attrs.get(k) or attrs[k].startswith("data:"), (tag, attrs)


def test_page_is_self_contained():
    html = render(small_graph())
    assert "vis.Network" in html and "vis-network" in html  # inlined JS and CSS
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?(https?:)?//", html)


def test_page_data_styles_sizes_and_labels():
    data = page_data(small_graph())
    st = style()
    nodes = {n["label"]: n for n in data["nodes"]}
    assert nodes["公安部"]["degree"] == 2 and nodes["河北省"]["code"] == "130000"
    assert nodes["孙茂利"]["names"] == ["孙局长", "孙茂利"]
    rels = {r["relation"]: r for r in data["relations"]}
    assert rels["leads"]["label"] == st.relations["leads"].label and "leads" in rels["leads"]["label"]
    assert rels["frobs"]["label"] == "frobs"  # unknown relation: drawn with the default style
    types = {t["type"]: t for t in data["types"]}
    assert types["PERSON"]["shape"] == st.types["PERSON"].shape and types["SECT"]["shape"]
    lead = next(e for e in data["edges"] if e["relation"] == "leads")
    assert lead["attrs"] == {"title": "法制局局长"}
    assert lead["evidence"][0] == {"text": "公安部法制局局长孙茂利介绍。", "source": "p.txt", "article": "a1"}
    assert nodes["公安部"]["mentions"] == 1
    assert not data["large"] and data["options"]["physics"]["enabled"]
    assert "x" not in data["nodes"][0]


def test_large_graphs_get_a_precomputed_layout_and_no_physics():
    g = nx.MultiDiGraph()
    for i in range(1200):
        g.add_node(f"n{i:04d}", type="AGENCY", name=f"局{i}", aliases={f"局{i}"}, mentions=[])
        if i:
            g.add_edge(f"n{i:04d}", f"n{(i - 1) // 3:04d}", key="part_of", attrs={}, evidence=[_ev("x")])
    data = page_data(g)
    assert data["large"] and data["options"]["physics"]["enabled"] is False
    xy = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(set(xy)) == 1200
    assert data["options"]["edges"]["smooth"]["enabled"] is False
    assert page_data(g) == data  # seeded: the same graph gives the same page


def _tree(n):
    """A tree of bodies, three children each, plus as many isolated nodes."""
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"n{i:04d}", type="AGENCY", name=f"局{i}", aliases={f"局{i}"}, mentions=[])
        g.add_node(f"z{i:04d}", type="DOCUMENT", name=f"文{i}", aliases={f"文{i}"}, mentions=[])
        if i:
            g.add_edge(f"n{i:04d}", f"n{(i - 1) // 3:04d}", key="part_of", attrs={}, evidence=[_ev("x")])
    return g


def test_layout_peels_trees_off_the_core_and_puts_isolated_nodes_below():
    from kg.export.layout import layout_parts, positions
    g = _tree(400)
    g.add_edge("n0002", "n0003", key="cooperates_with", attrs={}, evidence=[_ev("z")])  # a cycle 0-2-3
    ids = {n: i for i, n in enumerate(sorted(g.nodes))}
    pairs = sorted({(ids[h], ids[t]) for h, t in g.edges()})
    core, roots, children, isolated = layout_parts(sorted(g.nodes), pairs)
    assert len(isolated) == 400 and all(sorted(g.nodes)[i].startswith("z") for i in isolated)
    assert core == [ids["n0000"], ids["n0002"], ids["n0003"]] and roots == []
    assert sum(map(len, children.values())) == 400 - 3           # everything else hangs in trees
    assert ids["n0004"] in children[ids["n0001"]] and ids["n0001"] in children[ids["n0000"]]
    # a component that is all tree keeps one root in the core
    h = _tree(10)
    core, roots, children, _ = layout_parts(sorted(h.nodes), sorted({(sorted(h.nodes).index(a),
                                                                    sorted(h.nodes).index(b)) for a, b in h.edges()}))
    assert core == [] and roots == [0] and sum(map(len, children.values())) == 9
    for a in ("t1", "t2", "t3"):                               # a component that is all tree
        g.add_node(a, type="AGENCY", name=a, aliases={a}, mentions=[])
    g.add_edge("t2", "t1", key="part_of", attrs={}, evidence=[_ev("t")])
    g.add_edge("t3", "t1", key="part_of", attrs={}, evidence=[_ev("t")])
    ids = {n: i for i, n in enumerate(sorted(g.nodes))}
    pos = positions(g, ids, 90.0)
    assert len(set(pos.values())) == len(pos)                  # no two nodes on one spot
    linked_bottom = max(pos[ids[n]][1] for n in g if n.startswith("n"))
    tree = [pos[ids[t]][1] for t in ("t1", "t2", "t3")]
    assert linked_bottom < min(tree) and max(tree) < min(pos[ids[n]][1] for n in g if n.startswith("z"))
    def dist(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5
    near = [dist(p, k) for p, kids in children.items() for k in kids]
    linked = sorted(ids[n] for n in g if n.startswith("n"))
    far = [dist(a, b) for a, b in zip(linked, reversed(linked))]
    assert sum(near) / len(near) < 0.5 * sum(far) / len(far)   # a child sits near its parent


def test_a_rebuild_reuses_the_core_layout_when_only_trees_changed(tmp_path):
    import pickle

    from kg.corpus.assemble import Memo
    from kg.corpus.state.reuse import Reuse
    from kg.export.layout import positions

    def laid_out(g, ids, reuse):
        memo = Memo(reuse, "layout")
        pos = positions(g, ids, 90.0, memo)
        memo.save()
        return pos

    g = _tree(400)
    for a, b in (("n0002", "n0003"), ("n0005", "n0006"), ("n0007", "n0010")):   # cycles: a core
        g.add_edge(a, b, key="cooperates_with", attrs={}, evidence=[_ev("z")])
    ids = {n: i for i, n in enumerate(sorted(g.nodes))}
    first = laid_out(g, ids, Reuse(tmp_path, None, "b1"))
    assert first == positions(g, ids, 90.0)
    # plant: turn the saved core layout round; a rebuild with a new leaf and a
    # new isolated node draws the core turned, so it was copied
    saved = pickle.loads((tmp_path / "layout.base.pickle").read_bytes())
    (digest, core), = saved["tables"]["core"].items()
    saved["tables"]["core"] = {digest: core[::-1].copy()}
    (tmp_path / "layout.base.pickle").write_bytes(pickle.dumps(saved))
    g.add_node("n9999", type="AGENCY", name="新局", aliases={"新局"}, mentions=[])
    g.add_edge("n9999", "n0000", key="part_of", attrs={}, evidence=[_ev("y")])
    g.add_node("z9999", type="DOCUMENT", name="新文", aliases={"新文"}, mentions=[])
    ids = {n: i for i, n in enumerate(sorted(g.nodes))}
    fresh = positions(g, ids, 90.0)
    copied = laid_out(g, ids, Reuse(tmp_path, "b1", "b2", frozenset({"n9999", "z9999"})))
    root = ids["n0002"]   # a core node
    assert copied[root] != fresh[root]
    # without the plant the copy is exact: a new core edge means a new layout
    assert laid_out(g, ids, Reuse(tmp_path / "other", None, "c1")) == fresh


def test_the_page_json_is_assembled_from_pieces_that_a_rebuild_copies(tmp_path):
    """page_json (what graph.html carries) equals the escaped page_data, small
    and large; after a change, a rebuild that copies the untouched pieces
    gives what a fresh render gives."""
    from kg.corpus.assemble import graph_records
    from kg.corpus.state.reuse import Reuse
    from kg.export.html import page_json, safe_json

    def assembled(g, reuse):
        records = graph_records(reuse, "html")
        page = page_json(g, records=records)
        records.save()
        return page

    for g in (small_graph(), _tree(600)):
        assert page_json(g) == safe_json(page_data(g))
    g = _tree(600)
    assembled(g, Reuse(tmp_path, None, "b1"))
    g.nodes["n0005"]["name"] = "改名<局>"                  # touched: a node and its edge
    g.edges["n0005", "n0001", "part_of"]["evidence"].append(_ev("新的句子"))
    g.add_node("z9999", type="DOCUMENT", name="新文", aliases={"新文"}, mentions=[])
    touched = Reuse(tmp_path, "b1", "b2", frozenset({"n0005", "n0001", "z9999"}),
                    frozenset({("n0005", "n0001", "part_of")}))
    fresh = page_json(g)
    assert assembled(g, touched) == fresh and "改名\\u003c局\\u003e" in fresh
    # what it copies is the saved piece: a stale one shows (so untouched ones are not redone)
    stale = Reuse(tmp_path, "b2", "b3", frozenset(), frozenset())
    g.nodes["n0007"]["name"] = "未报的改动"
    assert "未报的改动" not in assembled(g, stale)


def test_articles_are_one_table_by_date_and_nodes_and_edges_name_their_rows():
    """The panel's articles and the date filter read one table sorted by date:
    a node lists the rows of the articles that mention it, an edge those of
    its evidence, and a URL comes from the article's record."""
    g = small_graph()
    g.graph["articles"][1]["url"] = "https://www.example.gov.cn/a/1.html"
    g.graph["articles"].insert(0, {"source": "r.txt", "id": "a2", "title": "更早", "date": "2020-01-02", "start": 0})
    g.add_node("person:无名", type="PERSON", name="某人", aliases={"某人"},
               mentions=[{"source": "r.txt", "article": "a2", "start": 0, "end": 2},
                         {"source": "q.txt", "article": "a1", "start": 5, "end": 7},
                         {"source": "q.txt", "article": "a1", "start": 9, "end": 11}])
    data = page_data(g)
    table = data["article_table"]
    assert [(a[0], a[1], a[3]) for a in table] == [("r.txt", "a2", "2020-01-02"), ("p.txt", "a1", "2021-09-15"),
                                                   ("q.txt", "a1", "2021-09-16")]
    assert table[2][2:] == ["另一篇", "2021-09-16", "https://www.example.gov.cn/a/1.html"] and table[1][4] == ""
    node = next(n for n in data["nodes"] if n["label"] == "某人")
    assert data["node_articles"][node["id"]] == [0, 2] and node["mentions"] == 3
    frobs = next(e for e in data["edges"] if e["relation"] == "frobs")
    assert data["edge_articles"][frobs["id"]] == [2]
    assert len(data["node_articles"]) == len(data["nodes"]) and len(data["edge_articles"]) == len(data["edges"])


def test_a_node_gets_the_sentences_of_other_relations_that_name_it():
    """A mention inside the span of any relation's evidence in its article
    gives the node that sentence (as [edge id, evidence index])."""
    g = small_graph()
    text = "河北省某某局局长某人出席会议。"
    g.add_node("person:无名", type="PERSON", name="某人", aliases={"某人"},
               mentions=[{"source": "q.txt", "article": "a1", "start": 107, "end": 109},    # inside the sentence
                         {"source": "q.txt", "article": "a1", "start": 300, "end": 302},    # outside any
                         {"source": "p.txt", "article": "a1", "start": 107, "end": 109}])   # another article
    g.add_edge("place:1", "agency:公安部", key="located_in", relation="located_in", attrs={},
               evidence=[{**_ev("无关的句子。", "a1", "q.txt"), "start": 0, "end": 6},
                         {**_ev(text, "a1", "q.txt"), "start": 100, "end": 100 + len(text)}])
    data = page_data(g)
    node = next(n for n in data["nodes"] if n["label"] == "某人")
    edge = next(e for e in data["edges"] if e["relation"] == "located_in")
    assert data["node_sentences"][node["id"]] == [edge["id"], 1]
    assert edge["evidence"][1]["text"] == text
    lone = next(n for n in data["nodes"] if n["label"] == "某某")
    assert data["node_sentences"][lone["id"]] == [edge["id"], 0]   # its mention 0-2 is in 0-6, not in "x" (0-1)


def test_evidence_is_capped_but_counted():
    g = small_graph()
    d = g.edges["agency:公安部", "doc:x", "introduced"]
    d["evidence"] = [_ev(f"句{i}") for i in range(50)]
    e = next(e for e in page_data(g)["edges"] if e["relation"] == "introduced")
    assert len(e["evidence"]) == style().page.max_evidence and e["evidence_total"] == 50


def test_force_layout_is_finite_deterministic_and_keeps_neighbours_close():
    edges = [(i, i + 1) for i in range(199)]
    a, b = force_layout(200, edges), force_layout(200, edges)
    assert (a == b).all() and abs(a).max() < 1e6
    d = ((a[1:] - a[:-1]) ** 2).sum(axis=1) ** 0.5
    far = ((a[:100] - a[100:]) ** 2).sum(axis=1) ** 0.5
    assert d.mean() < far.mean()
    assert force_layout(0, []).shape == (0, 2) and force_layout(1, []).shape == (1, 2)


# ---- graph.json round trip and `kg html` ----

def test_graph_json_round_trips():
    g = small_graph()
    h = graph_from_dict(json.loads(json.dumps(graph_to_dict(g))))
    assert set(h.nodes) == set(g.nodes) and set(h.edges(keys=True)) == set(g.edges(keys=True))
    assert h.nodes["person:孙茂利"]["aliases"] == {"孙茂利", "孙局长"}
    assert h.nodes["place:1"]["code"] == "130000"
    assert len(h.edges["agency:公安部", "doc:x", "introduced"]["evidence"]) == len(PAYLOADS)
    assert page_data(h) == page_data(g)


def test_select_article_min_degree_and_max_nodes():
    g = small_graph()
    sub = select(g, article="q.txt#a1")
    assert set(sub) == {"place:1", "weird:1"} and sub.number_of_edges() == 1
    sub = select(g, article="p#a1")  # the source's stem works too
    assert "person:孙茂利" in sub and "place:1" not in sub
    assert set(select(g, min_degree=2)) == {"agency:公安部"}
    assert list(select(g, max_nodes=1)) == ["agency:公安部"]
    assert select(g, article="a1").number_of_nodes() == 5
    with pytest.raises(ValueError):
        select(g, article="a9")


def test_cli_html(tmp_path, capsys):
    src = tmp_path / "graph.json"
    src.write_text(json.dumps(graph_to_dict(small_graph()), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "g.html"
    assert main(["html", str(src), "-o", str(out)]) == 0
    assert len(_data(out.read_text(encoding="utf-8"))["nodes"]) == 5
    assert main(["html", str(src), "-o", str(out), "--max-nodes", "2", "--min-degree", "1"]) == 0
    assert len(_data(out.read_text(encoding="utf-8"))["nodes"]) == 2
    assert main(["html", str(src), "-o", str(out), "--article", "q.txt#a1"]) == 0
    assert {n["label"] for n in _data(out.read_text(encoding="utf-8"))["nodes"]} == {"河北省", "某某"}
    capsys.readouterr()
    assert main(["html", str(src), "-o", str(out), "--article", "nope"]) == 2
    assert capsys.readouterr().err.startswith(f"kg: {src}: no article")
    assert main(["html", str(tmp_path / "missing.json"), "-o", str(out)]) == 2
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    assert main(["html", str(tmp_path / "bad.json"), "-o", str(out)]) == 2
    assert read_json(src).number_of_nodes() == 5
