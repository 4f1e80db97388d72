#!/usr/bin/env python3
"""A graded sample of post intervals: a seeded draw of post edges of a built graph, with their evidence, and its precision.

Each row is one post (a person's leads / member_of of one body) as
`kg build` dated it (attrs.tenure, kg.graph.tenure): status, from and to
with their basis, first / last seen, the number of articles, and the
evidence to judge it by: every sentence that gives an event, and the first
and last sentences seen, each with its article's date. A grader marks
`status_ok` and `dates_ok` (y / n) by that evidence alone, strictly: the
status must be what the latest evidence says (former only when a sentence
ends the post or calls it held before; acting only for an acting title),
from / to must be the dates the evidence gives (a stated date, else the
date of the article reporting the event, else the first / last article),
and `post_ok` whether the edge itself (person, body, title) is right, which
is the extraction's and is reported apart.

    python scripts/eval_careers.py draw OUT/graph.json [--rows 100] [--seed 20] [-o FILE.tsv]
    python scripts/eval_careers.py score FILE.tsv
    python scripts/eval_careers.py turnover OUT/graph.json [--title 书记]

`turnover` lists the posts (a body and a head title) that two or more persons
held, their holders in order (kg post's order): where to look for changes.

The same graph and seed give the same rows.
"""

import argparse
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.export.careers import load_graph  # noqa: E402
from kg.graph.tenure import POST_RELATIONS  # noqa: E402

COLUMNS = ("n", "person", "relation", "body", "titles", "status", "from", "from_basis", "to", "to_basis",
           "first_seen", "last_seen", "articles", "conflict", "evidence", "post_ok", "status_ok", "dates_ok", "note")
SHOWN = 3   # sentences shown from each end of a post's evidence, besides the events'


def clean(cell) -> str:
    return str(cell if cell is not None else "").replace("\t", " ").replace("\n", " ")


def evidence_lines(d: dict) -> str:
    """The sentences to grade by, in date order: the events', the first and last few."""
    evs = sorted(d["evidence"], key=lambda ev: (ev.get("article_date") or "", ev["source"], ev.get("start") or 0))
    t = d["attrs"]["tenure"]
    said = {(e["evidence"]["article_date"], e["evidence"]["text"]) for e in t["events"]}
    keep = [ev for i, ev in enumerate(evs) if i < SHOWN or i >= len(evs) - SHOWN
            or (ev.get("article_date"), ev.get("text")) in said]
    return " || ".join(f"[{ev.get('article_date')}] {ev.get('text', '')}" for ev in keep)


def rows_of(g) -> list:
    rows = []
    for h, o, k, d in g.edges(keys=True, data=True):
        t = (d.get("attrs") or {}).get("tenure")
        if k not in POST_RELATIONS or not t:
            continue
        start, end = t.get("start") or {}, t.get("end") or {}
        rows.append({"person": g.nodes[h]["name"], "relation": k, "body": g.nodes[o]["name"],
                     "titles": "、".join(t["titles"]), "status": t["status"],
                     "from": start.get("date"), "from_basis": start.get("basis"),
                     "to": end.get("date"), "to_basis": end.get("basis"),
                     "first_seen": t["first_seen"], "last_seen": t["last_seen"], "articles": t["articles"],
                     "conflict": t["conflict"], "evidence": evidence_lines(d), "key": (h, k, o)})
    rows.sort(key=lambda r: r.pop("key"))
    return rows


def draw(graph: Path, n: int, seed: int, out: Path) -> int:
    rows = rows_of(load_graph(graph))
    chosen = sorted(random.Random(seed).sample(range(len(rows)), min(n, len(rows))))
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for i, j in enumerate(chosen, 1):
            r = {**rows[j], "n": i}
            f.write("\t".join(clean(r.get(c)) for c in COLUMNS) + "\n")
    return len(chosen)


def score(path: Path) -> dict:
    """{column: (right, graded)} of the grade columns, and `interval`: both status and dates right."""
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = {}
    for col in ("post_ok", "status_ok", "dates_ok"):
        marks = [r[col].strip().lower() for r in rows if r[col].strip().lower() in ("y", "n")]
        out[col] = (marks.count("y"), len(marks))
    both = [(r["status_ok"].strip().lower(), r["dates_ok"].strip().lower()) for r in rows]
    both = [s == d == "y" for s, d in both if s in ("y", "n") and d in ("y", "n")]
    out["interval"] = (sum(both), len(both))
    return out


def turnover(graph: Path, title: str) -> list:
    """[(post label, [(holder, from, to, status)])] of the posts with several holders."""
    from kg.export.careers import holders
    g = load_graph(graph)
    labels = {g.nodes[o]["name"] + title for h, o, k, d in g.edges(keys=True, data=True)
              if k == "leads" and title in ((d.get("attrs") or {}).get("tenure") or {}).get("titles", ())}
    out = []
    for label in sorted(labels):
        rows = holders(g, label)
        if len({r["key"] for r in rows}) > 1:
            out.append((label, [(r["person"], r["from"], r["to"], r["status"]) for r in rows]))
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("graph", type=Path)
    d.add_argument("--rows", type=int, default=100)
    d.add_argument("--seed", type=int, default=20)
    d.add_argument("-o", "--output", type=Path, default=Path("careers.tsv"))
    s = sub.add_parser("score")
    s.add_argument("file", type=Path)
    t = sub.add_parser("turnover")
    t.add_argument("graph", type=Path)
    t.add_argument("--title", default="书记")
    args = p.parse_args(argv)
    if args.cmd == "turnover":
        for label, rows in turnover(args.graph, args.title):
            print(label + "\t" + " → ".join(f"{p} ({a or '?'}–{b or ''}, {s})" for p, a, b, s in rows))
        return 0
    if args.cmd == "draw":
        print(f"{draw(args.graph, args.rows, args.seed, args.output)} rows -> {args.output}")
        return 0
    for col, (right, graded) in score(args.file).items():
        print(f"{col}: {right}/{graded} = {right / graded:.3f}" if graded else f"{col}: not graded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
