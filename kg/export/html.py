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
All drawing choices (colours, shapes, labels, vis options) live in
rules/html.toml.
"""

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import jinja2
import pyvis

from ..atomic import write_text
from ..rules import load_toml
from .layout import positions

VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
CSP_PLACEHOLDER = "__GOVKG_SCRIPT_HASHES__"
_SCRIPT_RE = re.compile(r"<script>(.*?)</script>", re.S)


def style() -> dict:
    return load_toml("html.toml")


def _merge(base: dict, over: dict) -> dict:
    """Deep-merge `over` into a copy of `base` (for the large-graph options)."""
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _evidence(ev: dict) -> dict:
    return {"text": ev.get("text", ""), "article_title": ev.get("article_title") or "",
            "article_date": ev.get("article_date") or "", "source": ev.get("source") or ""}


def page_data(g, st: dict | None = None, reuse=None) -> dict:
    """Everything the page script needs, as plain JSON-able data. `reuse`
    (kg.export.reuse): a rebuild may copy the last build's core layout."""
    st = st or style()
    types, rels, page = st["types"], st["relations"], st["page"]
    large = g.number_of_nodes() > st["large"]["threshold"]
    order = sorted(g.nodes)
    ids = {n: i for i, n in enumerate(order)}
    degree = dict.fromkeys(order, 0)   # networkx's degree view costs ~10 us a node
    for h, t in g.edges():
        degree[h] += 1
        degree[t] += 1
    nodes = []
    for n in order:
        d = g.nodes[n]
        node = {"id": ids[n], "label": d["name"], "type": d["type"], "degree": degree[n],
                "names": sorted(set(d.get("aliases", ())) | {d["name"]})}
        if d.get("code"):
            node["code"] = d["code"]
        nodes.append(node)
    if large:
        for i, (x, y) in positions(g, ids, st["large"]["edge_length"], reuse).items():
            nodes[i]["x"], nodes[i]["y"] = x, y
    edges = []
    for i, (h, t, k, d) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))):
        evs = d.get("evidence", [])
        edges.append({"id": i, "from": ids[h], "to": ids[t], "relation": k,
                      "attrs": {a: str(v) for a, v in sorted(d.get("attrs", {}).items()) if v},
                      "evidence": [_evidence(ev) for ev in evs[:page["max_evidence"]]],
                      "evidence_total": len(evs)})
    present_types = {n["type"] for n in nodes}
    type_list = [{"type": k, **v} for k, v in types.items()]
    type_list += [{"type": k, "label": k, **st["default_type"]} for k in sorted(present_types - set(types))]
    present_rels = {e["relation"] for e in edges}
    rel_list = [{"relation": k, **v} for k, v in rels.items()]
    rel_list += [{"relation": k, "label": k, **st["default_relation"]} for k in sorted(present_rels - set(rels))]
    return {
        "nodes": nodes, "edges": edges, "types": type_list, "relations": rel_list,
        "articles": len(g.graph.get("articles", [])),
        "large": large, "page": page,
        "options": _merge(st["options"], st["large"]["options"]) if large else st["options"],
    }


def safe_json(obj) -> str:
    """JSON that cannot end or re-open the HTML element it sits in."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") \
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _script_hashes(html: str) -> str:
    return " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(m.encode("utf-8")).digest()).decode()
                    for m in _SCRIPT_RE.findall(html))


def render(g, title: str = "govkg", reuse=None) -> str:
    """The page as a string. `title` is escaped like everything else."""
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    tpl = env.from_string(resources.files("kg.export").joinpath("templates/graph.html").read_text("utf-8"))
    data = page_data(g, reuse=reuse)
    html = tpl.render(
        title=title, n_nodes=len(data["nodes"]), n_edges=len(data["edges"]), n_articles=data["articles"],
        vis_js=(VIS_DIR / "vis-network.min.js").read_text("utf-8").replace("</script", "<\\/script"),
        vis_css=(VIS_DIR / "vis-network.css").read_text("utf-8").replace("</style", "<\\/style"),
        data=safe_json(data), csp_hashes=CSP_PLACEHOLDER)
    return html.replace(CSP_PLACEHOLDER, _script_hashes(html), 1)


def write_html(g, path, title: str = "govkg", reuse=None) -> None:
    write_text(path, render(g, title, reuse))
