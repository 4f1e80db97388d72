"""Careers and post holders, answered from a built graph.json: `kg career NAME OUT/`, `kg post POST OUT/`.

A row is one post edge (a person's leads / member_of of one body) with its
tenure (kg.graph.tenure, in the edge's attrs): the post (the titles, latest
first), the body, from / to (the tenure's start and end, each with where
its date comes from), the status, the number of articles, and the first
evidence sentence. A person's rows are ordered by time (start, else first
seen); a post's holders likewise, so successive holders read in order.

A person is found by name or alias; a post by its label, a body's name or
alias and a title without its acting prefix (青海省委书记 is 青海省委 + 书记,
and 代省长 holds 省长).
"""

import csv
import io
import json
import unicodedata
from pathlib import Path

from kg import ruleset
from kg.errors import InputError
from kg.export.json import read_json
from kg.graph.tenure import POST_RELATIONS, acting_prefixes, plain_title, titles_of

COLUMNS = ("person", "post", "body", "from", "to", "status", "articles", "evidence")
EXTRA = ("key", "relation", "from_basis", "to_basis", "first_seen", "last_seen", "conflict", "source")


def load_graph(out) -> object:
    """The graph of OUT/graph.json (OUT a build directory, or the file itself)."""
    out = Path(out)
    path = out / "graph.json" if out.is_dir() else out
    if not path.exists():
        raise InputError(out, "no graph.json here (run `kg build ... -o OUT` first)")
    return read_json(path)


def _titles(d: dict) -> list:
    t = d["attrs"].get("tenure") or {}
    return t.get("titles") or titles_of(d["attrs"].get("title") or "", ruleset.current())


def _row(g, h, o, k, d) -> dict:
    t = d["attrs"].get("tenure") or {}
    start, end = t.get("start") or {}, t.get("end") or {}
    first = min(d["evidence"], key=lambda ev: (ev.get("article_date") or "", ev["source"], ev.get("start") or 0),
                default={})
    return {"person": g.nodes[h]["name"], "post": "、".join(_titles(d)), "body": g.nodes[o]["name"],
            "from": start.get("date") or "", "to": end.get("date") or "", "status": t.get("status", ""),
            "articles": t.get("articles", len({(ev["source"], ev.get("article")) for ev in d["evidence"]})),
            "evidence": first.get("text", ""), "key": h, "relation": k,
            "from_basis": start.get("basis") or "", "to_basis": end.get("basis") or "",
            "first_seen": t.get("first_seen") or "", "last_seen": t.get("last_seen") or "",
            "conflict": t.get("conflict", 0), "source": first.get("source", "")}


def _order(row: dict) -> tuple:
    return (row["from"] or row["first_seen"], row["first_seen"], row["to"] or "9999", row["key"], row["body"])


def persons_named(g, name: str) -> list:
    return sorted(n for n, d in g.nodes(data=True)
                  if d.get("type") == "PERSON" and (d["name"] == name or name in (d.get("aliases") or ())))


def career(g, name: str) -> list:
    """The rows of every post of the persons called `name`, in time order; KeyError for an unknown name."""
    people = persons_named(g, name)
    if not people:
        raise KeyError(name)
    rows = [_row(g, h, o, k, d) for h in people for _h, o, k, d in g.out_edges(h, keys=True, data=True)
            if k in POST_RELATIONS]
    return sorted(rows, key=_order)


def post_labels(g, o: str, d: dict) -> set:
    """The labels the posts of edge data `d` into body `o` are known by."""
    prefixes = acting_prefixes(ruleset.current())
    body = g.nodes[o]
    names = {body["name"], *(body.get("aliases") or ())}
    return {n + plain_title(t, prefixes) for t in _titles(d) for n in names}


def holders(g, post: str) -> list:
    """The rows of everyone who held the post labelled `post`, in time order; KeyError when none did."""
    rows = [_row(g, h, o, k, d) for h, o, k, d in g.edges(keys=True, data=True)
            if k in POST_RELATIONS and g.nodes[h].get("type") == "PERSON" and post in post_labels(g, o, d)]
    if not rows:
        raise KeyError(post)
    return sorted(rows, key=_order)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, width: int) -> str:
    out, w = "", 0
    for c in text:
        cw = _width(c)
        if w + cw > width - 1:
            return out + "…"
        out, w = out + c, w + cw
    return out


def table(rows: list, evidence_width: int = 60) -> str:
    """The rows as an aligned text table (dates with their basis: 2021-10-22 (event);
    a post with no end shows when it was last seen)."""
    cells = [list(COLUMNS)]
    for r in rows:
        when = [f"{r[c]} ({r[c + '_basis']})" if r[c] else "" for c in ("from", "to")]
        if not r["to"] and r["last_seen"]:
            when[1] = f"(last seen {r['last_seen']})"
        cells.append([r["person"], r["post"], r["body"], *when, r["status"] + (" !conflict" if r["conflict"] else ""),
                      str(r["articles"]), _cut(r["evidence"], evidence_width)])
    widths = [max(_width(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(c + " " * (widths[i] - _width(c)) for i, c in enumerate(row)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def render(rows: list, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=[*COLUMNS, *EXTRA], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return buf.getvalue()
    return table(rows)
