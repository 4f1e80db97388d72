#!/usr/bin/env python3
"""Benchmark: Turtle export of a synthetic graph (default 100,000 nodes, 300,000 edges).

Why: a national corpus gives graphs this size, and the exporter must stay
well under 30 s for it (`make bench-turtle`). A benchmark, not a test: it
prints the timing and exits non-zero only when over the limit.

The graph looks like a real one: all six node types, Chinese names with
aliases, division codes in a province > prefecture > county tree, edges of
every relation with titles and dates, and evidence sentences shared by the
facts of one sentence, each in an article of a source file.
"""

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.export.turtle import write_turtle  # noqa: E402

TYPES = ["AGENCY"] * 35 + ["PERSON"] * 25 + ["PROGRAM"] * 20 + ["DOCUMENT"] * 10 + ["ORG"] * 5 + ["PLACE"] * 5
SUFFIX = {"AGENCY": "局", "PERSON": "", "PROGRAM": "机制", "DOCUMENT": "意见", "ORG": "公司", "PLACE": "县"}
CHARS = "公安部法制局云南省临沧市沧源佤族自治县纪委监委河北信访武汉江夏区行政审批西藏森林消防总队应急管理站改革服务平台"
RELATIONS = {  # relation -> (head types, tail types)
    "introduced": (("AGENCY", "PLACE", "PERSON"), ("PROGRAM", "DOCUMENT")),
    "leads": (("PERSON",), ("AGENCY", "ORG")),
    "member_of": (("PERSON",), ("AGENCY", "ORG")),
    "part_of": (("AGENCY",), ("AGENCY",)),
    "located_in": (("AGENCY", "ORG", "PLACE"), ("PLACE",)),
    "cooperates_with": (("AGENCY", "ORG"), ("AGENCY", "ORG")),
}


def synthetic(n_nodes: int, n_edges: int, seed: int = 7) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    by_type = {t: [] for t in SUFFIX}
    for i in range(n_nodes):
        t = TYPES[i % len(TYPES)]
        name = "".join(rnd.choice(CHARS) for _ in range(rnd.randint(2, 8))) + SUFFIX[t] + str(i)
        key = f"{t.lower()}:{name}"
        data = {"type": t, "name": name, "aliases": {name, name[1:]}, "mentions": [
            {"source": f"src{i % 500:03d}.txt", "article": f"a{i % 7 + 1}", "start": i % 900, "end": i % 900 + 5}]}
        if t == "PLACE":
            data["code"] = f"{110000 + i:06d}"
            data["level"] = "county"
            key = f"place:{data['code']}"
        g.add_node(key, **data)
        by_type[t].append(key)
    g.graph["articles"] = [{"source": f"src{s:03d}.txt", "id": f"a{a}", "title": f"标题{s}-{a}",
                            "date": "2021-09-15", "place": "昆明", "creators": ["张天培"], "start": 0, "end": 1}
                           for s in range(500) for a in range(1, 8)]
    rels = list(RELATIONS)
    made = 0
    while made < n_edges:
        rel = rels[made % len(rels)]
        heads, tails = RELATIONS[rel]
        h = rnd.choice(by_type[rnd.choice(heads)])
        t = rnd.choice(by_type[rnd.choice(tails)])
        if h == t or g.has_edge(h, t, rel):
            continue
        src, sent = f"src{made % 500:03d}.txt", made // 2  # two facts per sentence
        ev = {"source": src, "article": f"a{sent % 7 + 1}", "text": f"第{sent}句：{g.nodes[h]['name']}出台了{g.nodes[t]['name']}。",
              "start": sent * 10, "end": sent * 10 + 9, "raw_start": sent * 11, "raw_end": sent * 11 + 10,
              "article_title": "标题", "article_date": "2021-09-15"}
        attrs = {"title": "局长"} if rel in ("leads", "member_of") else {"date": "2021-05"} if rel == "introduced" else {}
        g.add_edge(h, t, key=rel, relation=rel, attrs=attrs, evidence=[ev])
        made += 1
    return g


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--edges", type=int, default=300_000)
    ap.add_argument("--limit", type=float, default=30.0, help="seconds allowed (exit 1 when over)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    g = synthetic(args.nodes, args.edges)
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.ttl"
        write_turtle(g, out)
        t2 = time.perf_counter()
        size = out.stat().st_size
    print(f"synthetic graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges ({t1 - t0:.1f} s to make)")
    print(f"turtle export: {t2 - t1:.1f} s, {size / 1e6:.0f} MB (limit {args.limit:.0f} s)")
    return 0 if t2 - t1 <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
