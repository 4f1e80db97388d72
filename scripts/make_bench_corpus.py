#!/usr/bin/env python3
"""A synthetic corpus for `make bench`: pages recombined from real paragraphs.

The texts in tests/fixtures/corpus (a People's Daily page and four news
items) are cut into paragraphs (blocks between blank lines, or lines where a
text has no blank lines); each page is a run of consecutive paragraphs
from one text (its "lead"), then more runs drawn from all texts, until a
length drawn around --chars. A seeded RNG makes the corpus the same on every
machine. Files are named YYYY-MM-DD_bench-NNNNNN.txt so each has a date.

    python scripts/make_bench_corpus.py OUT_DIR --pages 2000 --seed 1
"""

import argparse
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "fixtures" / "corpus"


def paragraphs(text: str) -> list[str]:
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text)]
    blocks = [b for b in blocks if b.strip()]
    if len(blocks) < 5:   # a text without blank lines: one paragraph a line
        blocks = [ln for ln in text.splitlines() if ln.strip()]
    return blocks


def load_sources(src: Path = SOURCES) -> list[list[str]]:
    out = []
    for p in sorted(src.glob("*.txt")):
        paras = paragraphs(p.read_text(encoding="utf-8"))
        if paras:
            out.append(paras)
    if not out:
        sys.exit(f"make_bench_corpus: no .txt texts in {src}")
    return out


def make_page(rng: random.Random, sources, target: int) -> str:
    parts, size = [], 0
    while size < target:
        paras = rng.choice(sources)
        i = rng.randrange(len(paras))
        run = paras[i:i + rng.randint(3, 12)]
        parts.extend(run)
        size += sum(len(p) for p in run)
    return "\n\n".join(parts) + "\n"


def make_corpus(out: Path, pages: int = 2000, seed: int = 1, chars: int = 2500,
                src: Path = SOURCES) -> list[Path]:
    """Write `pages` pages into `out` (created); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sources = load_sources(src)
    start = date(2021, 1, 1)
    files = []
    for n in range(pages):
        target = max(300, int(rng.gauss(chars, chars / 3)))
        day = start + timedelta(days=n % 730)
        p = out / f"{day.isoformat()}_bench-{n:06d}.txt"
        p.write_text(make_page(rng, sources, target), encoding="utf-8")
        files.append(p)
    return files


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chars", type=int, default=2500, help="mean characters per page")
    a = ap.parse_args(argv)
    files = make_corpus(a.out, a.pages, a.seed, a.chars)
    total = sum(len(f.read_text(encoding="utf-8")) for f in files)
    print(f"make_bench_corpus: {len(files)} pages, {total:,} characters -> {a.out}/", file=sys.stderr)


if __name__ == "__main__":
    main()
