"""graph.html: one self-contained page to explore the graph offline.

Why it is built this way:
- Offline from `file://`: vis-network's JavaScript and CSS (the copy shipped
  inside the pyvis package, so no extra download) are inlined, and a
  Content-Security-Policy forbids every network fetch.
- Safe with hostile text: names and sentences come from scraped pages. They
  reach the page only as JSON inside a non-executed
  `<script type="application/json">` block with `<`, `>`, `&` escaped, and
  the page script shows them with textContent only. As a second wall, the
  CSP allows only the page's own two scripts, by hash, so even an injected
  `<script>` or `onerror=` attribute could not run.
- Fast on big graphs: the node and edge lists are built here directly
  (pyvis's add_node/add_edge check duplicates by list scans, quadratic for
  thousands of edges), and graphs above [large] threshold in rules/html.toml
  get positions computed here once (kg.export.layout) and physics off.
- Articles once: every article is one row of a table sorted by date; nodes
  (by their mentions) and edges (by their evidence) list row numbers, so the
  panel lists a node's articles and the date filter is a range of rows.
- Posts in time: a post edge carries its tenure (`post`: from, to, status
  and their bases), which a person's panel lists in time order and the date
  filter reads (a post is shown when its interval overlaps the range).
All drawing choices (colours, shapes, labels, vis options) live in
rules/html.toml; what the page does with them is in templates/graph.html.
"""

import base64
import dataclasses
import hashlib
import importlib.util
import json
import re
from importlib import resources
from pathlib import Path

import jinja2

from kg.atomic import write_text
from kg import ruleset
from kg.ruleset.schema import HtmlRules
from kg.export.layout import positions
from kg.export.records import FRESH

# pyvis ships the vis-network files; found without importing pyvis (which
# imports IPython, only to read two files)
VIS_DIR = Path(importlib.util.find_spec("pyvis").origin).parent / "lib" / "vis-9.1.2"
CSP_PLACEHOLDER = "__GOVKG_SCRIPT_HASHES__"
_SCRIPT_RE = re.compile(r"<script>(.*?)</script>", re.S)


def style() -> HtmlRules:
    """The explorer's style (rules/html.toml) of the rules in force."""
    return ruleset.current().html


def _merge(base: dict, over: dict) -> dict:
    """Deep-merge `over` into a copy of `base` (for the large-graph options)."""
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _evidence(ev: dict) -> dict:
    """A piece of evidence as the panel shows it: its sentence, and the
    (source, article) that names its row in the page's article table, where
    its title, date and URL are (once per article, not once per sentence)."""
    return {"text": ev.get("text", ""), "source": ev.get("source") or "", "article": ev.get("article") or ""}


def page_data(g, st: HtmlRules | None = None) -> dict:
    """Everything the page script needs, as plain data: what graph.html
    carries (page_json), parsed."""
    return json.loads(page_json(g, st))


def _escaped(s: str) -> str:
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") \
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _dumps(obj) -> str:
    return _escaped(json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _node_pieces(g, n, degree) -> tuple:
    """A node's JSON around its positional id (and position): keys sorted,
    code and degree before the id, label, mention count, names and type after."""
    d = g.nodes[n]
    head = {"code": d["code"], "degree": degree} if d.get("code") else {"degree": degree}
    tail = {"label": d["name"], "mentions": len(d.get("mentions", ())), "names": sorted(set(d.get("aliases", ())) | {d["name"]}), "type": d["type"]}
    return _dumps(head)[:-1] + ',"id":', "," + _dumps(tail)[1:-1]


def _post(tenure: dict | None) -> dict | None:
    """A post edge's time as the panel shows it and the date filter reads it (kg.graph.tenure):
    from / to with their bases (to only when it ended), status, articles, first and last seen,
    the titles seen. Its interval is from (or first seen) to to (or last seen)."""
    if not tenure:
        return None
    start, end = tenure.get("start") or {}, tenure.get("end") or {}
    return {"from": start.get("date"), "from_basis": start.get("basis"), "to": end.get("date"),
            "to_basis": end.get("basis"), "status": tenure.get("status"), "articles": tenure.get("articles"),
            "first_seen": tenure.get("first_seen"), "last_seen": tenure.get("last_seen"),
            "titles": "、".join(tenure.get("titles") or ())}


def _edge_pieces(g, e, max_evidence) -> tuple:
    """An edge's JSON around its from, id and to: a post edge's tenure as `post`, not in its attrs."""
    k, d = e[2], g.edges[e]
    evs, attrs = d.get("evidence", []), d.get("attrs", {})
    head = {"attrs": {a: str(v) for a, v in sorted(attrs.items()) if v and a != "tenure"},
            "evidence": [_evidence(ev) for ev in evs[:max_evidence]], "evidence_total": len(evs)}
    post = _post(attrs.get("tenure"))
    if post is not None:
        head["post"] = post
    return _dumps(head)[:-1] + ',"from":', ',"relation":' + _dumps(k) + ',"to":'


def _spans(g, edges: list, max_evidence: int) -> dict:
    """{(source, article): [(start, end, edge id, evidence index)]} of the evidence the page carries."""
    spans = {}
    for i, e in enumerate(edges):
        for k, ev in enumerate(g.edges[e].get("evidence", ())[:max_evidence]):
            if "start" in ev and "end" in ev:
                spans.setdefault((ev.get("source") or "", ev.get("article") or ""), []).append(
                    (ev["start"], ev["end"], i, k))
    return spans


def _node_articles(g, order: list, spans: dict) -> tuple[list, list]:
    """Per node (in page id order): the (source, article)s of its mentions, and
    the sentences of the page that hold one of them as a flat list [edge id,
    evidence index, …] (any relation's evidence whose span in that article
    covers the mention's), so its panel can show the sentence an article
    names it in even where it has no relation of its own there (graph.json
    keeps no other text)."""
    where, said = [], []
    for n in order:
        keys, found = set(), set()
        for m in g.nodes[n].get("mentions", ()):
            key = (m.get("source") or "", m.get("article") or "")
            keys.add(key)
            for s, t, i, k in spans.get(key, ()):
                if s <= m.get("start", -1) and m.get("end", t + 1) <= t:
                    found.add((i, k))
                    break
        where.append(keys)
        said.append([x for pair in sorted(found) for x in pair])
    return where, said


def _article_table(g, order: list, edges: list, max_evidence: int) -> tuple[list, list, list, list]:
    """(articles, node_articles, edge_articles, node_sentences): every article
    as a row [source, id, title, date, url] sorted by (date, source, id), so
    that a date range is a range of row numbers; per node (in page id order)
    the sorted rows of the articles that mention it, per edge those of its
    evidence; per node its sentences (_node_articles). Made fresh on every
    render: row numbers and edge ids shift whenever an article or an edge
    comes or goes, so they cannot sit in a node's cached piece."""
    rows = {}
    for a in g.graph.get("articles", []):
        rows[(a.get("source") or "", a["id"])] = [a.get("title") or "", a.get("date") or "", a.get("url") or ""]
    edge_where = []
    for e in edges:
        keys = set()
        for ev in g.edges[e].get("evidence", ()):
            key = (ev.get("source") or "", ev.get("article") or "")
            keys.add(key)
            row = rows.setdefault(key, [ev.get("article_title") or "", ev.get("article_date") or "", ""])
            row[2] = row[2] or ev.get("url") or ""
        edge_where.append(keys)
    node_where, said = _node_articles(g, order, _spans(g, edges, max_evidence))
    for keys in node_where:
        for key in keys:
            if key not in rows:
                rows[key] = ["", "", ""]
    keys = sorted(rows, key=lambda k: (rows[k][1], k))
    at = {k: i for i, k in enumerate(keys)}
    return ([[k[0], k[1], *rows[k]] for k in keys], [sorted(at[k] for k in ks) for ks in node_where],
            [sorted(at[k] for k in ks) for ks in edge_where], said)


def page_json(g, st: HtmlRules | None = None, records=FRESH, layout=FRESH) -> str:
    """The page's data as JSON that cannot end or re-open the HTML element
    it sits in: sorted keys, no spaces, <, > and & escaped (what safe_json
    gives for page_data), assembled from per-node and per-edge pieces
    (kg.export.records: tables "nodes" and "edges"; a node's degree changes
    only with its edges, which touch it) that leave out the positional ids
    and positions. `layout`: where positions() gets the core's layout."""
    st = st or style()
    page = dataclasses.asdict(st.page)
    large = g.number_of_nodes() > st.large.threshold
    order = sorted(g.nodes)
    ids = {n: i for i, n in enumerate(order)}
    degree = dict.fromkeys(order, 0)
    for h, t in g.edges():
        degree[h] += 1
        degree[t] += 1
    pos = positions(g, ids, st.large.edge_length, layout) if large else None
    nodes = []
    for n in order:
        pieces = records.get("nodes", n, _node_pieces, g, n, degree[n])
        i = ids[n]
        if pos is None:
            nodes.append(f"{pieces[0]}{i}{pieces[1]}}}")
        else:
            x, y = pos[i]
            nodes.append(f'{pieces[0]}{i}{pieces[1]},"x":{x!r},"y":{y!r}}}')
    edges, edge_keys = [], sorted(g.edges(keys=True))
    for i, e in enumerate(edge_keys):
        pieces = records.get("edges", e, _edge_pieces, g, e, st.page.max_evidence)
        edges.append(f"{pieces[0]}{ids[e[0]]},\"id\":{i}{pieces[1]}{ids[e[1]]}}}")
    type_list, rel_list = _legend(st, {d["type"] for _n, d in g.nodes(data=True)},
                                  {k for _h, _t, k in g.edges(keys=True)})
    options = _merge(st.options.to_dict(), st.large.options.to_dict()) if large else st.options.to_dict()
    table, node_arts, edge_arts, said = _article_table(g, order, edge_keys, st.page.max_evidence)
    return (f'{{"article_table":{_dumps(table)},"articles":{len(g.graph.get("articles", []))},'
            f'"edge_articles":{_dumps(edge_arts)},"edges":[{",".join(edges)}],'
            f'"large":{_dumps(large)},"node_articles":{_dumps(node_arts)},'
            f'"node_sentences":{_dumps(said)},'
            f'"nodes":[{",".join(nodes)}],'
            f'"options":{_dumps(options)},"page":{_dumps(page)},"relations":{_dumps(rel_list)},'
            f'"types":{_dumps(type_list)}}}')


def _legend(st, present_types, present_rels):
    types, rels = st.types, st.relations
    asdict = dataclasses.asdict
    type_list = [{"type": k, **asdict(v)} for k, v in types.items()]
    type_list += [{"type": k, "label": k, **asdict(st.default_type)} for k in sorted(present_types - set(types))]
    rel_list = [{"relation": k, **asdict(v)} for k, v in rels.items()]
    rel_list += [{"relation": k, "label": k, **asdict(st.default_relation)}
                 for k in sorted(present_rels - set(rels))]
    return type_list, rel_list


def safe_json(obj) -> str:
    """JSON that cannot end or re-open the HTML element it sits in."""
    return _dumps(obj)


def _script_hashes(html: str) -> str:
    return " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(m.encode("utf-8")).digest()).decode()
                    for m in _SCRIPT_RE.findall(html))


def render(g, title: str = "govkg", records=FRESH, layout=FRESH) -> str:
    """The page as a string. `title` is escaped like everything else."""
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    tpl = env.from_string(resources.files("kg.export").joinpath("templates/graph.html").read_text("utf-8"))
    data = page_json(g, records=records, layout=layout)
    html = tpl.render(
        title=title, n_nodes=g.number_of_nodes(), n_edges=len(g.edges),
        n_articles=len(g.graph.get("articles", [])),
        vis_js=(VIS_DIR / "vis-network.min.js").read_text("utf-8").replace("</script", "<\\/script"),
        vis_css=(VIS_DIR / "vis-network.css").read_text("utf-8").replace("</style", "<\\/style"),
        data=data, csp_hashes=CSP_PLACEHOLDER)
    return html.replace(CSP_PLACEHOLDER, _script_hashes(html), 1)


def write_html(g, path, title: str = "govkg", records=FRESH, layout=FRESH) -> None:
    write_text(path, render(g, title, records, layout))
