#!/usr/bin/env python3
"""`make bench-length`: extraction time per character and peak memory as one
document grows, and for one long line with no punctuation.

Each measurement is `kg extract` of one generated file in a fresh child
process (peak RSS from wait4), so start-up and the model load are in every
number: the load is measured on its own (a 10-character file) and shown
apart, and the rate per character is of the rest, in CPU time (wall time
too, which on a shared machine counts the others' work). The documents are the
fixture pages of tests/fixtures/corpus repeated up to each size (real text,
so every stage has its usual work); the long line is one fixture sentence's
words with its punctuation removed, repeated to the size asked; and one
character (的) repeated, which pkuseg cuts into one word per character.

A stage that is linear in the text's length gives a flat time per
character from the smallest size to the largest.

    python scripts/bench_length.py [--sizes 10000 100000 1000000] [--line 1000000] [--char 200000]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
KG = [sys.executable, "-m", "kg", "extract"]


def page_text(size: int) -> str:
    """The fixture pages, in name order, repeated up to `size` characters."""
    pages = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    return (pages * (size // len(pages) + 1))[:size]


def line_text(size: int) -> str:
    """One line of `size` characters with no punctuation: the seed page's
    first paragraph with every mark and space taken out, repeated."""
    seed = (CORPUS / "000_ba7bb21c1752cf58.txt").read_text(encoding="utf-8")
    words = re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", seed)[:2000]
    return (words * (size // len(words) + 1))[:size]


def char_text(size: int) -> str:
    """One character repeated `size` times: 的的的…"""
    return "的" * size


def run(text: str) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MiB) of `kg extract` on `text`
    in a child (CPU time says more than wall time on a shared machine)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "2021-09-15_bench.txt"
        path.write_text(text, encoding="utf-8")
        t = time.perf_counter()
        proc = subprocess.Popen([*KG, str(path), "-o", os.devnull], cwd=tmp)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench_length: kg extract failed on {len(text):,} characters")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000],
                    help="document sizes in characters (default 10k 100k 1M; 10M takes minutes)")
    ap.add_argument("--line", type=int, default=1_000_000, help="the unpunctuated line's length (0: none)")
    ap.add_argument("--char", type=int, default=0, help="how many times 的 is repeated on one line (0: none)")
    args = ap.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    load, load_cpu, load_rss = run("公安部印发通知。")
    print(f"start-up and model load: {load:.1f} s ({load_cpu:.1f} s CPU), {load_rss:.0f} MiB")
    rows = [("page text", n, page_text) for n in args.sizes]
    if args.line:
        rows.append(("one line, no punctuation", args.line, line_text))
    if args.char:
        rows.append(("one line of 的", args.char, char_text))
    print(f"{'input':<26}{'characters':>12}{'wall s':>9}{'CPU s':>9}{'CPU µs/char':>12}{'peak MiB':>10}")
    for what, n, make in rows:
        wall, cpu, rss = run(make(n))
        per_char = max(cpu - load_cpu, 0.0) / n * 1e6
        print(f"{what:<26}{n:>12,}{wall:>9.1f}{cpu:>9.1f}{per_char:>12.1f}{rss:>10.0f}", flush=True)


if __name__ == "__main__":
    main()
