#!/usr/bin/env python3
"""Benchmark: how soon is a graph page usable, and how fast does it answer?

`make bench-html` builds a synthetic graph shaped like a corpus graph
(a place tree, bodies located in places and under other bodies, people
leading bodies, programmes and documents introduced by bodies, one evidence
sentence per edge); `--graph OUT/graph.json` draws a built graph instead (as
`kg html` does) and `--page FILE` opens a page as it is. It opens the page
from file:// in headless Chromium `--runs` times and reports:
- size: the page's bytes;
- ready: navigation start -> laid out, fitted, first frame drawn (median of
  the runs, each listed);
- search -> panel: a search -> the node's panel filled and the next frame
  painted;
- the filters (isolated on/off, a month's date range, degree >= 2), the ego
  view (2 hops), fit and reset: each change -> the next frame painted;
- click: a mouse click on a node -> neighbourhood highlighted and redrawn.
After each step it checks, on the page's own data, that the view is what the
step asks for (isolated hidden after reset, every drawn node of degree >= 2,
in the date range, in the 2-hop neighbourhood, inside the view after fit; the
panel's links are its articles' URLs), so the explorer's behaviour is checked
on the graph measured. A benchmark, not a test: it prints numbers and exits
non-zero when `ready` exceeds --budget, search -> panel exceeds
--search-budget or a check fails.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import launch, open_graph  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def synthetic_graph(n: int = 5000, seed: int = 1, isolated: float = 0.5) -> nx.MultiDiGraph:
    """A reproducible corpus-like graph with `n` nodes, a share `isolated` of
    them with no edge (as named-once entities are in news), the rest with about
    1.3 edges each; 200 articles a few days apart over two years, every node
    mentioned in one, every edge's sentence from one."""
    import datetime
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    day0 = datetime.date(2021, 1, 1)
    arts = [{"source": f"s{i}.txt", "id": "a1", "title": f"新闻标题{i}",
             "date": (day0 + datetime.timedelta(days=i * 730 // 200)).isoformat(),
             "url": f"https://news.example.cn/{i}.html"} for i in range(200)]
    g.graph["articles"] = arts
    mix = [("PLACE", 0.2), ("AGENCY", 0.3), ("PERSON", 0.25), ("PROGRAM", 0.15), ("DOCUMENT", 0.07), ("ORG", 0.03)]
    by_type = {t: [] for t, _ in mix}

    def ev(h, t, verb):
        a = arts[rnd.randrange(len(arts))]
        text = f"据报道，{g.nodes[h]['name']}{verb}{g.nodes[t]['name']}，有关工作取得积极进展。"
        for k in (h, t):
            g.nodes[k]["mentions"].append({"source": a["source"], "article": "a1", "start": 0, "end": 2})
        return {"source": a["source"], "article": "a1", "text": text, "start": 0, "end": len(text),
                "raw_start": 0, "raw_end": len(text), "article_title": a["title"], "article_date": a["date"],
                "url": a["url"]}

    def edge(h, t, rel, verb, **attrs):
        g.add_edge(h, t, key=rel, relation=rel, attrs=attrs, evidence=[ev(h, t, verb)])

    for i in range(n):
        t = rnd.choices([m[0] for m in mix], [m[1] for m in mix])[0]
        key = f"{t.lower()}:{i}"
        name = {"PLACE": f"第{i}县", "AGENCY": f"第{i}局", "PERSON": f"张{i}", "PROGRAM": f"第{i}号行动",
                "DOCUMENT": f"《第{i}号意见》", "ORG": f"第{i}公司"}[t]
        g.add_node(key, type=t, name=name, aliases={name, f"{name}别名"}, mentions=[])
        if by_type[t] and rnd.random() < isolated:
            a = arts[rnd.randrange(len(arts))]
            g.nodes[key]["mentions"].append({"source": a["source"], "article": "a1", "start": 0, "end": 2})
            continue
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


PAINTED = "() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"
TIMED = """async ([what, arg]) => { const t0 = performance.now();
    if (what === 'search') govkg.search(arg);
    else if (what === 'filters') govkg.setFilters(arg);
    else if (what === 'ego') govkg.ego(govkg.find(arg)[0], 2);
    else if (what === 'exit') govkg.exitEgo();
    else if (what === 'fit') govkg.fit();
    else if (what === 'reset') govkg.reset();
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));   // after the next paint
    return [performance.now() - t0, govkg.shown.nodes.size]; }"""
# What each step must have done, checked on the page's own data (so on any graph, the two-year one too).
CHECKS = {
    "reset": """() => { const d = govkg.data.nodes, linked = d.filter(n => n.degree).length;
        return govkg.network.body.nodeIndices.length === (linked || d.length); }""",
    "isolated_on": "() => govkg.network.body.nodeIndices.length === govkg.data.nodes.length",
    "date_month": """([from, to]) => { const posted = new Set();   // a node also shows by a post whose interval meets the range
        for (const e of govkg.data.edges) if (e.post) {
          const s = e.post.from || e.post.first_seen || "", t = e.post.to || e.post.last_seen || "";
          if ((!s || s <= to) && (!t || t + "~" >= from)) { posted.add(e.from); posted.add(e.to); } }
        return govkg.network.body.nodeIndices.every(id => posted.has(id) || govkg.data.node_articles[id].some(r => {
          const d = govkg.data.article_table[r][3]; return d >= from && d <= to; })); }""",
    "degree_ge2": "() => govkg.network.body.nodeIndices.every(id => govkg.data.nodes[id].degree >= 2)",
    "ego_2hops": """(name) => { const c = govkg.find(name)[0], seen = new Set([c]); let front = [c];
        for (let k = 0; k < 2; k++) { const next = [];
          for (const e of govkg.data.edges) for (const [a, b] of [[e.from, e.to], [e.to, e.from]])
            if (front.includes(a) && !seen.has(b)) { seen.add(b); next.push(b); }
          front = next; }
        const drawn = govkg.network.body.nodeIndices;
        return drawn.length === seen.size && drawn.every(id => seen.has(id)); }""",
    "fit": """() => { const net = govkg.network, box = document.getElementById('net').getBoundingClientRect();
        return Object.values(net.getPositions(net.body.nodeIndices)).every(p => { const d = net.canvasToDOM(p);
          return d.x >= -1 && d.y >= -1 && d.x <= box.width + 1 && d.y <= box.height + 1; }); }""",
    "search": """(name) => { const id = govkg.find(name)[0], P = govkg.data.page.panel_articles;
        const urls = govkg.data.node_articles[id].slice().reverse().slice(0, P)
          .filter(r => /^https?:/.test(govkg.data.article_table[r][4])).length;
        return document.getElementById('info').textContent.includes(name)
          && document.querySelectorAll('#info .art a[href]').length === urls; }""",
}
STEPS = ["isolated_on", "isolated_off", "date_month", "date_off", "degree_ge2", "degree_off",
         "ego_2hops", "ego_exit", "fit", "reset"]


def _actions(page, name: str) -> dict:
    """Each change of view -> (ms until the next frame is painted, nodes shown after it)."""
    res = {}
    dates = page.evaluate("() => govkg.data.article_table.map(a => a[3]).filter(Boolean)")
    mid = dates[len(dates) // 2][:7] if dates else ""
    steps = [("search", "search", name), ("reset", "reset", None),
             ("isolated_on", "filters", {"isolated": True}), ("isolated_off", "filters", {"isolated": False}),
             ("date_month", "filters", {"from": mid + "-01", "to": mid + "-28"}),
             ("date_off", "filters", {"from": None, "to": None}),
             ("degree_ge2", "filters", {"dmin": 2}), ("degree_off", "filters", {"dmin": 0}),
             ("ego_2hops", "ego", name), ("ego_exit", "exit", None), ("fit", "fit", None)]
    res["failed"] = []
    for label, what, arg in steps:
        res[label] = page.evaluate(TIMED, [what, arg])
        if label == "search":
            res["panel_has_name"] = name in page.inner_text("#info")
            res["panel_links"] = page.evaluate("() => document.querySelectorAll('#info a[href]').length")
        check = CHECKS.get(label)
        carg = [arg["from"], arg["to"]] if label == "date_month" else name
        if check and not page.evaluate(check, carg):
            res["failed"].append(label)
    return res


def _click(page) -> tuple:
    """A real mouse click on a node, through vis-network's own event handling: (ms, hit)."""
    pos = page.evaluate("""() => { const net = govkg.network, n = net.body.nodeIndices[10];
        net.unselectAll(); net.moveTo({position: net.getPositions([n])[n], scale: 1.5, animation: false});
        const d = net.canvasToDOM(net.getPositions([n])[n]);
        const r = document.getElementById('net').getBoundingClientRect();
        return {x: d.x + r.left, y: d.y + r.top, id: net.getNodeAt(d)}; }""")
    t0 = time.monotonic()
    page.mouse.click(pos["x"], pos["y"])
    page.evaluate(PAINTED)
    return (time.monotonic() - t0) * 1000, page.evaluate("() => govkg.highlighted") == pos["id"]


def measure(html: Path, budget: float, runs: int = 1, name: str | None = None) -> dict:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = launch(pw)
        readies = []
        for _ in range(max(runs, 1)):
            page, ready = open_graph(browser, html, timeout_s=max(60, budget * 3))
            readies.append(ready)
            if len(readies) < runs:
                page.close()
        res = {"ready_s": statistics.median(readies), "ready_runs": readies}
        res["marks"] = page.evaluate("() => govkg.marks")
        res["drawn_nodes"] = page.evaluate("() => govkg.network.body.nodeIndices.length")
        res["shown_nodes"] = page.evaluate("() => govkg.shown.nodes.size")
        res["physics_on"] = page.evaluate("() => govkg.network.physics.physicsEnabled")
        res["labelled"] = page.evaluate("() => govkg.labelled.length")
        res["redraw_ms"] = page.evaluate("""() => { const t0 = performance.now();
            for (let i = 0; i < 3; i++) govkg.network.redraw(); return (performance.now() - t0) / 3; }""")
        name = name or page.evaluate("""() => govkg.data.nodes.slice().sort((a, b) =>
            b.degree - a.degree || b.mentions - a.mentions)[0].label""")
        res["name"] = name
        res.update(_actions(page, name))
        res["click_ms"], res["click_hit"] = _click(page)
        browser.close()
    return res


def _page(args) -> tuple:
    """(the page, what it shows, seconds taken to write it)."""
    if args.page:
        return Path(args.page), args.page, 0.0
    from kg.export.html import write_html
    out = Path(args.output) if args.output else Path(tempfile.mkdtemp(prefix="govkg-bench-")) / "graph.html"
    t0 = time.monotonic()
    if args.graph:
        from kg.export.json import read_json
        g, what = read_json(args.graph), args.graph
    else:
        g, what = synthetic_graph(args.nodes), f"synthetic {args.nodes}"
    write_html(g, out, title=what)
    return out, f"{what}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", time.monotonic() - t0


def report(res: dict, out: Path, what: str, gen: float, args) -> bool:
    print(f"bench-html: {what}, page {out.stat().st_size / 1e6:.1f} MB"
          + (f" written in {gen:.1f} s" if gen else "") + f" ({out})")
    runs = ", ".join(f"{r:.2f}" for r in res["ready_runs"])
    print(f"  ready (load -> fitted, first frame drawn): {res['ready_s']:.2f} s, median of {len(res['ready_runs'])}"
          f" [{runs}]  (budget {args.budget:g} s)")
    m = res["marks"]
    print(f"  in the page: script starts at {m['start']:.0f} ms, data parsed +{m['parsed'] - m['start']:.0f},"
          f" network made +{m['network'] - m['parsed']:.0f}, first frame +{m['ready'] - m['network']:.0f}")
    print(f"  shown {res['shown_nodes']} nodes (drawn {res['drawn_nodes']}), {res['labelled']} labels,"
          f" physics on after layout: {res['physics_on']}, one redraw {res['redraw_ms']:.0f} ms")
    s_ms = res["search"][0]
    print(f"  search {res['name']!r} -> panel painted: {s_ms:.0f} ms (budget {args.search_budget * 1000:.0f} ms;"
          f" name in panel: {res['panel_has_name']}, {res['panel_links']} links)")
    for k in STEPS:
        ms, shown = res[k]
        print(f"  {k:<12} -> painted {ms:6.0f} ms, {shown} nodes shown")
    print(f"  mouse click -> highlight drawn {res['click_ms']:.0f} ms (hit: {res['click_hit']})")
    print(f"  checks ({', '.join(CHECKS)}): " + (f"FAILED {res['failed']}" if res["failed"] else "all hold"))
    return (res["ready_s"] <= args.budget and s_ms <= args.search_budget * 1000 and res["panel_has_name"]
            and not res["physics_on"] and not res["failed"])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group()
    ap.add_argument("--nodes", type=int, default=5000, help="size of the synthetic graph (without --graph/--page)")
    src.add_argument("--graph", help="draw this graph.json (kg build's) instead of a synthetic graph")
    src.add_argument("--page", help="open this graph.html as it is")
    ap.add_argument("--budget", type=float, default=10.0, help="seconds allowed for `ready`")
    ap.add_argument("--search-budget", type=float, default=1.0, help="seconds allowed for search -> panel")
    ap.add_argument("--runs", type=int, default=3, help="page loads; `ready` is their median")
    ap.add_argument("--search", help="the name to search for (default: the best-connected node's)")
    ap.add_argument("-o", "--output", help="keep the page here (default: a temporary file)")
    args = ap.parse_args(argv)
    out, what, gen = _page(args)
    res = measure(out, args.budget, args.runs, args.search)
    ok = report(res, out, what, gen, args)
    print("  " + ("OK" if ok else "TOO SLOW or incomplete"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
