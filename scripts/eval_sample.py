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
    python scripts/eval_sample.py texts CORPUS.jsonl[.gz] --seed 29 [-n 16] [--prefix k]
        [--skip 1001-6000 ...] [--exclude SET/picks.txt ...] -o docs/grading/fresh/seed29

`texts` draws whole items for fresh gold (docs/grading/fresh/): a seeded
choice among items of 250-1,400 characters whose line numbers are in no
--skip range (lines already read while the rules were written) nor in an
earlier set's picks.txt; it writes SET/texts/PREFIXnn_ID.txt (title, then
text) and SET/picks.txt (line, name, length, title) for annotators to read
before anyone runs the tool on them.

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


def draw_texts(corpus: Path, n: int, seed: int, prefix: str, skip, exclude, out: Path) -> list[str]:
    """The picks.txt lines of `n` items drawn as the module docstring says."""
    import gzip
    import json

    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    used = {int(line.split()[0]) for p in exclude for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    ranges = [tuple(int(x) for x in r.split("-")) for r in skip]
    ok = [i for i in range(len(rows)) if not any(a - 1 <= i < b for a, b in ranges)
          and 250 <= len(rows[i]["text"]) <= 1400 and i + 1 not in used]
    random.seed(seed)
    picks = []
    (out / "texts").mkdir(parents=True, exist_ok=True)
    for k, i in enumerate(sorted(random.sample(ok, n))):
        r = rows[i]
        name = f"{prefix}{k + 1:02d}_{r['id']}"
        (out / "texts" / f"{name}.txt").write_text(r["title"] + "\n" + r["text"] + "\n", encoding="utf-8")
        picks.append(f"{i + 1} {name} {len(r['text'])} {r['title']}")
    (out / "picks.txt").write_text("\n".join(picks) + "\n", encoding="utf-8")
    return picks


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
    t = sub.add_parser("texts", help="draw whole items to annotate as fresh gold")
    t.add_argument("corpus", type=Path)
    t.add_argument("--seed", type=int, required=True)
    t.add_argument("-n", type=int, default=16)
    t.add_argument("--prefix", default="k")
    t.add_argument("--skip", action="append", default=[], help="a range of line numbers, e.g. 1001-6000")
    t.add_argument("--exclude", action="append", default=[], type=Path, help="an earlier set's picks.txt")
    t.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args(argv)
    if args.cmd == "texts":
        picks = draw_texts(args.corpus, args.n, args.seed, args.prefix, args.skip, args.exclude, args.out)
        print(f"{len(picks)} texts in {args.out / 'texts'}; picks in {args.out / 'picks.txt'}")
        return 0
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
