"""graph.html: one self-contained page to explore the graph offline.

pyvis assembles the nodes and edges; the page is rendered from our own
template (kg/export/templates/graph.html) because pyvis's own links
Bootstrap from a CDN. vis-network's JavaScript and CSS, shipped inside the
pyvis package, are inlined. Text from the sources reaches the page only as
JSON data (with `<`, `>` and `&` escaped) and is shown with textContent or
vis-network's plain-text tooltips, so a page's `<script>` is shown, not run.
"""

import json
from importlib import resources
from pathlib import Path

import jinja2
import pyvis
from pyvis.network import Network

from ..atomic import write_text
from ..rules import load_toml

VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"


def _style():
    return load_toml("html.toml")


def _node_title(d):
    lines = [d["name"], f"[{d['type']}]"]
    others = sorted(d["aliases"] - {d["name"]})
    if others:
        lines.append("别名: " + "、".join(others))
    if d.get("code"):
        lines.append("代码: " + d["code"])
    return "\n".join(lines)


def _edge_title(rel, d, label):
    lines = [label]
    for k in ("title", "date"):
        if d["attrs"].get(k):
            lines.append(f"{k}: {d['attrs'][k]}")
    for ev in d["evidence"]:
        lines.append(f"— {ev['text']}  ({ev.get('article_title') or ''} {ev.get('article_date') or ''}, {ev['source']})")
    return "\n".join(lines)


def page_data(g) -> dict:
    style = _style()
    types, rels = style["types"], style["relations"]
    net = Network(directed=True)
    ids = {n: i for i, n in enumerate(sorted(g.nodes))}
    for n in sorted(g.nodes):
        d = g.nodes[n]
        t = types[d["type"]]
        net.add_node(ids[n], label=d["name"], title=_node_title(d), color=t["color"], shape=t["shape"],
                     group=d["type"], value=1 + g.degree(n))
    for i, (h, t_, k, d) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))):
        label = rels[k]
        net.add_edge(ids[h], ids[t_], label=label, title=_edge_title(k, d, label), id=i, relation=k)
    nodes, edges, *_ = net.get_network_data()
    for n in nodes:
        d = g.nodes[sorted(g.nodes)[n["id"]]]
        n["names"] = sorted(d["aliases"] | {d["name"]})
    return {
        "nodes": nodes, "edges": edges,
        "legend": [{"type": k, "label": v["label"], "color": v["color"]} for k, v in types.items()],
        "relations": [{"relation": k, "label": v} for k, v in rels.items()],
        "options": style["options"],
    }


def _safe_json(obj) -> str:
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") \
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render(g, title="govkg") -> str:
    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True)
    tpl = env.from_string(resources.files("kg.export").joinpath("templates/graph.html").read_text("utf-8"))
    return tpl.render(title=jinja2.escape(title) if hasattr(jinja2, "escape") else title,
                      vis_js=(VIS_DIR / "vis-network.min.js").read_text("utf-8").replace("</script", "<\\/script"),
                      vis_css=(VIS_DIR / "vis-network.css").read_text("utf-8"),
                      data=_safe_json(page_data(g)))


def write_html(g, path, title="govkg") -> None:
    write_text(path, render(g, title))
