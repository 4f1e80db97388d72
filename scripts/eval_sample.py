#!/usr/bin/env python3
"""`make eval`'s graded sample: facts drawn at random from real news, for a
person to grade against the spec, and the precision of a graded sample.

Gold texts are few and the rules were read against them; the honest check of
precision on text nobody tuned for is a random sample of what the extraction
says about real news, each fact read with its sentence and marked right or
wrong by the spec (../shared/spec/EXTRACTION.md). `draw` extracts a seeded
random choice of items of a JSONL corpus (one article per line: id, date,
title, text) and writes two TSV files, one entity and one relation per row,
with an empty `grade` column; `score` reads graded files (y = right, n = wrong,
anything else = not counted) and prints precision per type.

    python scripts/eval_sample.py draw CORPUS.jsonl[.gz] [--items 300] [--facts 150] [--seed 18] [-o DIR]
    python scripts/eval_sample.py score DIR/entities.tsv DIR/relations.tsv

The same corpus, seed and code give the same rows, so two versions of the
code can be graded on the same articles.
"""

import argparse
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.corpus.records import Item, item_name, read_items  # noqa: E402
from kg.extraction import extract_document  # noqa: E402
from kg.text.document import text_document  # noqa: E402
from kg.text.sentences import sentence_at, sentence_spans  # noqa: E402

COLUMNS = ("n", "item", "type", "fact", "context", "grade")


def marked(text: str, spans, start: int, end: int) -> str:
    """The sentence holding text[start:end] (kg.text.sentences), the span
    marked 【】."""
    s, e = sentence_at(spans, start) or (start, end)
    return f"{text[s:start]}【{text[start:end]}】{text[end:max(e, end)]}".strip()


def item_facts(item: Item) -> tuple[list, list]:
    """(entity rows, relation rows) of one article, read as `kg build` reads
    a record (kg.corpus.records): each entity once, with the sentence of its
    first mention; each relation with its evidence."""
    document = text_document(item.body(), item.date, item_name(item.id))
    out = extract_document(document)
    text = document.norm.text
    spans = sentence_spans(text)
    names = {e["id"]: e["name"] for e in out["entities"]}
    # an entity the linker implied (代省长: the province's 人民政府) has no
    # mention of its own; it is shown with the sentence of its first relation
    said_in = {}
    for r in out["relations"]:
        for end in (r["head"], r["tail"]):
            said_in.setdefault(end, "(implied) " + (r.get("evidence") or {}).get("text", ""))
    ents = []
    for e in out["entities"]:
        if e["mentions"]:
            m = e["mentions"][0]
            context = marked(text, spans, m["start"], m["end"])
        else:
            context = said_in.get(e["id"], "(implied)")
        ents.append((item.id, e["type"], e["name"], context))
    rels = []
    for r in out["relations"]:
        attrs = ",".join(f"{k}={v}" for k, v in sorted((r.get("attrs") or {}).items()))
        fact = f"{names[r['head']]} -{r['type']}-> {names[r['tail']]}" + (f" [{attrs}]" if attrs else "")
        rels.append((item.id, r["type"], fact, (r.get("evidence") or {}).get("text", "")))
    return ents, rels


def clean(cell) -> str:
    return str(cell).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_tsv(path: Path, rows) -> None:
    """Rows with a number and an empty grade, written atomically."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for n, row in enumerate(rows, 1):
            fh.write("\t".join(clean(c) for c in (n, *row, "")) + "\n")
    os.replace(tmp, path)


def draw(corpus: Path, items: int, facts: int, seed: int, out: Path) -> tuple[int, int]:
    """Extract `items` random articles of `corpus` and write `facts` random
    entities and relations of them to OUT/entities.tsv and relations.tsv."""
    try:
        pool, _bad = read_items(corpus.read_bytes(), corpus.name, str(corpus))
    except (OSError, ValueError) as e:
        raise SystemExit(f"eval_sample: {corpus}: {e}")
    if not pool:
        raise SystemExit(f"eval_sample: {corpus}: no article with an id and a text")
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(len(pool)), min(items, len(pool))))
    ents, rels = [], []
    for i in chosen:
        e, r = item_facts(pool[i])
        ents += e
        rels += r
    out.mkdir(parents=True, exist_ok=True)
    picked = []
    for rows, name in ((ents, "entities.tsv"), (rels, "relations.tsv")):
        sample = sorted(rng.sample(rows, min(facts, len(rows))))
        write_tsv(out / name, sample)
        picked.append(len(sample))
    return picked[0], picked[1]


def precision(paths) -> dict:
    """{type: (right, wrong)} over graded rows, and 'ALL'."""
    right, wrong = Counter(), Counter()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n").split("\t")
            if "grade" not in header or "type" not in header:
                raise SystemExit(f"eval_sample: {path}: not a sample file (no type/grade column)")
            ti, gi = header.index("type"), header.index("grade")
            for line in fh:
                cells = line.rstrip("\n").split("\t")
                grade = cells[gi].strip().lower() if gi < len(cells) else ""
                if grade in ("y", "n"):
                    (right if grade == "y" else wrong)[cells[ti]] += 1
                    (right if grade == "y" else wrong)["ALL"] += 1
    return {t: (right[t], wrong[t]) for t in sorted(set(right) | set(wrong))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="extract random articles and write facts to grade")
    d.add_argument("corpus", type=Path)
    d.add_argument("--items", type=int, default=300, help="articles to extract (default 300)")
    d.add_argument("--facts", type=int, default=150, help="entities and relations to draw (default 150 each)")
    d.add_argument("--seed", type=int, default=18)
    d.add_argument("-o", "--out", type=Path, default=Path("build/eval-sample"))
    s = sub.add_parser("score", help="precision of graded sample files")
    s.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "draw":
        n_e, n_r = draw(args.corpus, args.items, args.facts, args.seed, args.out)
        print(f"{n_e} entities and {n_r} relations to grade (y/n in the grade column): "
              f"{args.out / 'entities.tsv'}, {args.out / 'relations.tsv'}")
        return 0
    for t, (r, w) in precision(args.files).items():
        print(f"{t:<18}{r:>5} right{w:>5} wrong   precision {r / (r + w):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
