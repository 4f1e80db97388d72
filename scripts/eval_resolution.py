#!/usr/bin/env python3
"""How well a build's graph.json resolves people and bodies across documents (kg.corpus.resolve).

`names`: of the N most-mentioned person names (mentions summed over every
node of the name), how many are one node, and for each exception its nodes
with their keys, mentions and `attrs.basis`; the same for a few names asked
for by `--check`. `bodies` lists the body names that are still several nodes.
`explain` shows every node of a name: its key, IRI, basis, and per document
one sentence (the build's view of why those documents are one entity and
the others of the name apart, as `kg extract --explain` is a text's).
`merges` draws a seeded sample of merged nodes (a node with a resolution
basis whose mentions come from two or more documents) for a person to grade: per row the node, its
basis, and one sentence from each of two of its documents, the name marked
【】, read back from the corpus the build was made of (a JSONL file).

    python scripts/eval_resolution.py names out/graph.json [--top 100] [--check 习近平 李强 王毅]
    python scripts/eval_resolution.py bodies out/graph.json
    python scripts/eval_resolution.py explain out/graph.json NAME [--corpus CORPUS.jsonl.gz]
    python scripts/eval_resolution.py merges out/graph.json CORPUS.jsonl[.gz] [--seed 19] [-n 100] [-o FILE.tsv]
    python scripts/eval_resolution.py score FILE.tsv

Graded files: the `grade` column y (one person or body), n (two or more), x (one
referent, but no person or body: a word read as a name; counted apart), anything else not counted.
"""

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXPLAIN_DOCS = 8   # documents shown per node by `explain`
WINDOW = 90   # characters of a sentence kept either side of the name
COLUMNS = ("n", "key", "type", "name", "documents", "basis", "source_a", "sentence_a", "source_b", "sentence_b", "grade")


def _by_name(entities, types) -> dict:
    out = defaultdict(list)
    for e in entities:
        if e["type"] in types:
            out[e["name"]].append(e)
    return out


def _mentions(nodes) -> int:
    return sum(len(e["mentions"]) for e in nodes)


def _show(name, nodes) -> None:
    print(f"  {name}: {len(nodes)} nodes, {_mentions(nodes)} mentions")
    for e in sorted(nodes, key=lambda e: -len(e["mentions"])):
        docs = len({m["source"] for m in e["mentions"]})
        print(f"    {e['key']}  mentions={len(e['mentions'])} documents={docs}  basis={e.get('attrs', {}).get('basis')}")


def names(graph, top: int, check) -> None:
    by = _by_name(graph["entities"], ("PERSON",))
    ranked = sorted(by, key=lambda n: (-_mentions(by[n]), n))[:top]
    split = [n for n in ranked if len(by[n]) > 1]
    persons = sum(len(v) for v in by.values())
    print(f"person nodes: {persons}, names: {len(by)}")
    print(f"of the {len(ranked)} most-mentioned person names, {len(ranked) - len(split)} are one node each")
    for n in split:
        _show(n, by[n])
    for n in check:
        print(f"{n}: {len(by.get(n, []))} node(s)")


def bodies(graph) -> None:
    by = _by_name(graph["entities"], ("AGENCY", "ORG"))
    split = sorted((n for n in by if len(by[n]) > 1), key=lambda n: (-len(by[n]), n))
    print(f"body names: {len(by)}, of them several nodes: {len(split)}")
    for n in split:
        keys = sorted({e["key"].split("@", 1)[0] for e in by[n]})
        print(f"  {n}: {len(by[n])} nodes, {_mentions(by[n])} mentions  {' '.join(keys[:4])}")


def _texts(corpus: str) -> dict:
    """{document name: its normalized text} of a records file, as kg build reads it."""
    from kg.corpus.records import item_name, read_items
    from kg.text.document import text_document
    items, _bad = read_items(Path(corpus).read_bytes(), corpus, corpus)
    prefix = Path(corpus).name + "#"
    return {prefix + it.id: (it, text_document, item_name) for it in items}


def _sentence(texts, m) -> str:
    from kg.text.sentences import sentence_at, sentence_spans
    it, text_document, item_name = texts[m["source"]]
    text = text_document(it.body(), it.date, item_name(it.id)).norm.text
    s, e = sentence_at(sentence_spans(text), m["start"]) or (m["start"], m["end"])
    s, e = max(s, m["start"] - WINDOW), min(max(e, m["end"]), m["end"] + WINDOW)   # a long list: round the name
    return f"{it.date} {text[s:m['start']]}【{text[m['start']:m['end']]}】{text[m['end']:e]}".strip()


def _clean(cell) -> str:
    return str(cell).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def explain(graph, name: str, corpus: str | None) -> None:
    nodes = [e for e in graph["entities"] if e["name"] == name or name in e["aliases"]]
    texts = _texts(corpus) if corpus else None
    print(f"{name}: {len(nodes)} node(s)")
    for e in sorted(nodes, key=lambda e: -len(e["mentions"])):
        docs = sorted({m["source"] for m in e["mentions"]})
        print(f"{e['key']}  {e['type']} {e['name']}  iri={e['iri']}\n  basis: {e.get('attrs', {}).get('basis', '(not resolved: keyed alike in every document)')}"
              f"\n  documents: {len(docs)}")
        for s in docs[:EXPLAIN_DOCS]:
            m = next(m for m in e["mentions"] if m["source"] == s)
            print(f"    {s}" + (f"  {_sentence(texts, m)}" if texts else ""))


def merges(graph, corpus: str, seed: int, n: int, out) -> None:
    merged = []
    for e in graph["entities"]:
        docs = sorted({m["source"] for m in e["mentions"]})
        if len(docs) > 1 and e.get("attrs", {}).get("basis"):   # one the resolution made of several documents
            merged.append((e, docs))
    # each node's place in the draw hangs on the seed and its key alone, so a
    # node drawn stays drawn when the code changes other nodes
    picked = sorted(merged, key=lambda m: hashlib.sha256(f"{seed}:{m[0]['key']}".encode()).digest())[:n]
    rng = random.Random(seed)
    texts = _texts(corpus)
    rows = []
    for i, (e, docs) in enumerate(picked, 1):
        a, b = rng.sample(docs, 2)
        side = {s: next(m for m in e["mentions"] if m["source"] == s) for s in (a, b)}
        rows.append((i, e["key"], e["type"], e["name"], len(docs), e.get("attrs", {}).get("basis", ""),
                     a, _sentence(texts, side[a]), b, _sentence(texts, side[b]), ""))
    lines = ["\t".join(COLUMNS)] + ["\t".join(_clean(c) for c in r) for r in rows]
    text = "\n".join(lines) + "\n"
    if out:
        Path(out).write_text(text, encoding="utf-8")
        print(f"{len(rows)} of {len(merged)} merged nodes -> {out}")
    else:
        sys.stdout.write(text)


def score(path: str) -> None:
    rows = [line.split("\t") for line in Path(path).read_text(encoding="utf-8").splitlines()[1:]]
    grades = [r[COLUMNS.index("grade")].strip() for r in rows if len(r) >= len(COLUMNS)]   # a `note` may follow
    y, no, x = grades.count("y"), grades.count("n"), grades.count("x")
    print(f"{path}: {y} right, {no} wrong of {y + no} merges of persons and bodies: {y / max(1, y + no):.3f}; "
          f"{x} more of one referent that is no person or body (counted wrong: {y / max(1, y + no + x):.3f})")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("names")
    p.add_argument("graph")
    p.add_argument("--top", type=int, default=100)
    p.add_argument("--check", nargs="*", default=["习近平", "李强", "王毅"])
    p = sub.add_parser("bodies")
    p.add_argument("graph")
    p = sub.add_parser("explain")
    p.add_argument("graph")
    p.add_argument("name")
    p.add_argument("--corpus")
    p = sub.add_parser("merges")
    p.add_argument("graph")
    p.add_argument("corpus")
    p.add_argument("--seed", type=int, default=19)
    p.add_argument("-n", type=int, default=100)
    p.add_argument("-o", "--out")
    p = sub.add_parser("score")
    p.add_argument("file")
    a = ap.parse_args(argv)
    if a.cmd == "score":
        return score(a.file)
    graph = json.loads(Path(a.graph).read_text(encoding="utf-8"))
    if a.cmd == "names":
        names(graph, a.top, a.check)
    elif a.cmd == "bodies":
        bodies(graph)
    elif a.cmd == "explain":
        explain(graph, a.name, a.corpus)
    else:
        merges(graph, a.corpus, a.seed, a.n, a.out)


if __name__ == "__main__":
    main()
