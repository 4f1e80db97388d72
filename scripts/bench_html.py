#!/usr/bin/env python3
"""Benchmark: does a 5,000-node graph page become interactive within 10 s?

`make bench-html` builds a synthetic graph shaped like a corpus graph
(a place tree, bodies located in places and under other bodies, people
leading bodies, programmes and documents introduced by bodies, one evidence
sentence per edge), writes it with kg.export.html, opens it from file:// in
headless Chromium and reports:
- ready: navigation start -> layout done, physics off, first frame drawn;
- click: a node click -> neighbourhood highlighted and redrawn;
- search: a search -> node selected and focused;
- redraw: one full redraw of the canvas.
A benchmark, not a test: it prints numbers and exits non-zero only when
`ready` exceeds --budget.
"""

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import launch, open_graph  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def synthetic_graph(n: int = 5000, seed: int = 1) -> nx.MultiDiGraph:
    """A reproducible corpus-like graph with `n` nodes and about 1.3 n edges."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    g.graph["articles"] = [{"source": f"s{i}.txt", "id": "a1", "title": f"新闻标题{i}", "date": "2021-09-15"}
                           for i in range(50)]
    mix = [("PLACE", 0.2), ("AGENCY", 0.3), ("PERSON", 0.25), ("PROGRAM", 0.15), ("DOCUMENT", 0.07), ("ORG", 0.03)]
    by_type = {t: [] for t, _ in mix}

    def ev(h, t, verb):
        i = rnd.randrange(50)
        text = f"据报道，{g.nodes[h]['name']}{verb}{g.nodes[t]['name']}，有关工作取得积极进展。"
        return {"source": f"s{i}.txt", "article": "a1", "text": text, "start": 0, "end": len(text),
                "raw_start": 0, "raw_end": len(text), "article_title": f"新闻标题{i}", "article_date": "2021-09-15"}

    def edge(h, t, rel, verb, **attrs):
        g.add_edge(h, t, key=rel, relation=rel, attrs=attrs, evidence=[ev(h, t, verb)])

    for i in range(n):
        t = rnd.choices([m[0] for m in mix], [m[1] for m in mix])[0]
        key = f"{t.lower()}:{i}"
        name = {"PLACE": f"第{i}县", "AGENCY": f"第{i}局", "PERSON": f"张{i}", "PROGRAM": f"第{i}号行动",
                "DOCUMENT": f"《第{i}号意见》", "ORG": f"第{i}公司"}[t]
        g.add_node(key, type=t, name=name, aliases={name, f"{name}别名"}, mentions=[])
        pool = by_type
        if t == "PLACE" and pool["PLACE"]:
            edge(key, rnd.choice(pool["PLACE"][:max(1, len(pool["PLACE"]) // 3)]), "located_in", "位于")
        elif t == "AGENCY":
            if pool["PLACE"]:
                edge(key, rnd.choice(pool["PLACE"]), "located_in", "位于")
            if pool["AGENCY"] and rnd.random() < 0.4:
                edge(key, rnd.choice(pool["AGENCY"]), "part_of", "隶属")
        elif t == "PERSON" and pool["AGENCY"]:
            rel = rnd.choice(["leads", "member_of"])
            edge(key, rnd.choice(pool["AGENCY"]), rel, "任", title="局长" if rel == "leads" else "副局长")
        elif t in ("PROGRAM", "DOCUMENT") and pool["AGENCY"]:
            edge(rnd.choice(pool["AGENCY"]), key, "introduced", "出台", date="2021-05")
        elif t == "ORG" and pool["AGENCY"]:
            edge(key, rnd.choice(pool["AGENCY"]), "cooperates_with", "与")
        by_type[t].append(key)
    return g


def measure(html: Path, budget: float) -> dict:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = launch(pw)
        page, ready = open_graph(browser, html, timeout_s=max(60, budget * 3))
        res = {"ready_s": ready}
        res["drawn_nodes"] = page.evaluate("() => govkg.network.body.nodeIndices.length")
        res["physics_on"] = page.evaluate("() => govkg.network.physics.physicsEnabled")
        t = page.evaluate("""() => { const id = govkg.data.nodes[0].id, t0 = performance.now();
            govkg.network.selectNodes([id]); govkg.focus(id); govkg.network.redraw();
            return performance.now() - t0; }""")
        res["focus_ms"] = t
        res["search_ms"] = page.evaluate("""() => { const t0 = performance.now();
            govkg.search(govkg.data.nodes[govkg.data.nodes.length - 1].names[1]); govkg.network.redraw();
            return performance.now() - t0; }""")
        res["redraw_ms"] = page.evaluate("""() => { const t0 = performance.now();
            for (let i = 0; i < 5; i++) govkg.network.redraw(); return (performance.now() - t0) / 5; }""")
        # a real mouse click on a node, through vis-network's own event handling
        pos = page.evaluate("""() => { const n = govkg.data.nodes[10].id, net = govkg.network;
            net.unselectAll(); net.moveTo({position: net.getPositions([n])[n], scale: 1.5, animation: false});
            const p = net.getPositions([n])[n]; const d = net.canvasToDOM(p);
            const r = document.getElementById('net').getBoundingClientRect();
            return {x: d.x + r.left, y: d.y + r.top, id: net.getNodeAt(d)}; }""")
        t0 = time.monotonic()
        page.mouse.click(pos["x"], pos["y"])
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        res["click_ms"] = (time.monotonic() - t0) * 1000
        res["click_hit"] = page.evaluate("() => govkg.highlighted") == pos["id"]
        browser.close()
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--budget", type=float, default=10.0, help="seconds allowed for `ready`")
    ap.add_argument("-o", "--output", help="keep the page here (default: a temporary file)")
    args = ap.parse_args(argv)
    from kg.export.html import write_html

    t0 = time.monotonic()
    g = synthetic_graph(args.nodes)
    out = Path(args.output) if args.output else Path(tempfile.mkdtemp(prefix="govkg-bench-")) / "graph.html"
    write_html(g, out, title=f"synthetic {args.nodes}")
    gen = time.monotonic() - t0
    res = measure(out, args.budget)
    print(f"bench-html: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
          f"page {out.stat().st_size / 1e6:.1f} MB written in {gen:.1f} s ({out})")
    print(f"  ready (load -> layout done, physics off, drawn): {res['ready_s']:.2f} s  (budget {args.budget:.0f} s)")
    print(f"  drawn nodes {res['drawn_nodes']}, physics on after layout: {res['physics_on']}")
    print(f"  redraw {res['redraw_ms']:.0f} ms · focus {res['focus_ms']:.0f} ms · search {res['search_ms']:.0f} ms"
          f" · mouse click -> highlight drawn {res['click_ms']:.0f} ms (hit: {res['click_hit']})")
    ok = res["ready_s"] <= args.budget and res["drawn_nodes"] == g.number_of_nodes() and not res["physics_on"]
    print("  " + ("OK" if ok else "TOO SLOW or incomplete"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
