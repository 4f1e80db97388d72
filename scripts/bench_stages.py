#!/usr/bin/env python3
"""Where the pipeline's time goes: CPU and wall time of each stage of
`kg extract` / `kg build` on the same texts, in one process.

The stages are the pipeline's own: normalising and cutting into articles
(kg.text.document), segmentation (the spaCy tokenizer: pkuseg's words and
the Doc), each spaCy component in the order it runs (places, persons,
agencies with bodies and orgs' gates, orgs, programs with documents, the
LAC gate, the resolver), linking (kg.link plus the JSON of each
extraction), relations (kg.relations), then for the whole set the graph
(kg.graph.build_graph) and each exporter (graph.json, graph.ttl,
graph.html, graph.graphml, the CSV tables). Each doc goes through
`nlp.make_doc` and then each component in turn (what `nlp(text)` does), so
the outputs are the pipeline's. CPU time is the honest figure on a shared
machine (wall time counts the others' work too).

Input: a JSONL or JSON Lines gzip file of records (the first --items), or
text files (each one document).

    python scripts/bench_stages.py FILE.jsonl.gz [--items 1000]
    python scripts/bench_stages.py page.txt [more.txt ...] [--no-graph]
"""

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WARM_UP = "国务院办公厅印发《关于加强数字政府建设的指导意见》。北京市市长张某某来到红旗村调研。"
EXPORTERS = ("graph.json", "graph.ttl", "graph.html", "graph.graphml", "csv tables")


class Clock:
    """Accumulated (CPU seconds, wall seconds) per stage name, in first-seen order."""

    def __init__(self):
        self.cpu, self.wall = defaultdict(float), defaultdict(float)

    def timed(self, name, fn, *args, **kw):
        c, w = time.process_time(), time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            self.cpu[name] += time.process_time() - c
            self.wall[name] += time.perf_counter() - w


def documents(paths, items: int, clock: Clock) -> list:
    """kg.text Documents of the inputs (records of a JSONL file, else text files), normalised under `clock`."""
    from kg.corpus.records import item_name, read_items
    from kg.text.document import load_document, text_document
    docs = []
    for path in paths:
        if path.name.endswith((".jsonl", ".jsonl.gz")):
            for it in read_items(path.read_bytes(), path.name, str(path))[0][:items]:
                docs.append(clock.timed("normalise", text_document, it.body(), it.date, item_name(it.id)))
        else:
            docs.append(clock.timed("normalise", load_document, path))
    return docs


def extract_all(docs: list, clock: Clock) -> list:
    """The §5 JSON of each document, the pipeline's stages timed one by one."""
    import kg.extraction as extraction
    import kg.relations.structural as structural
    from kg.nlp.pipeline import get_nlp
    nlp = get_nlp()

    def article_docs(document):     # kg.extraction.article_docs, one stage at a time
        out = []
        for art in document.page.articles:
            doc = clock.timed("segmentation", nlp.make_doc, document.norm.text[art.start:art.end])
            for name, proc in nlp.pipeline:
                doc = clock.timed(name, proc, doc)
            out.append((art, doc))
        return out

    relations = structural.extract_relations
    saved = extraction.article_docs, structural.extract_relations
    extraction.article_docs = article_docs
    structural.extract_relations = lambda *a: clock.timed("relations", relations, *a)
    try:
        return [clock.timed("extract", extraction.extract_document, d) for d in docs]
    finally:
        extraction.article_docs, structural.extract_relations = saved


def graph_and_exports(exts: list, clock: Clock) -> None:
    from kg.corpus.assemble import write_graphml, write_html, write_json, write_turtle
    from kg.export.csv import write_csv
    from kg.graph import build_graph
    g = clock.timed("graph", build_graph, exts)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for name, fn in zip(EXPORTERS, (write_json, write_turtle, write_html, write_graphml)):
            clock.timed(name, fn, g, out / name)
        clock.timed("csv tables", write_csv, g, out)


def stage_times(paths, items: int = 1000, graph: bool = True) -> dict:
    """{"chars", "docs", "load_seconds", "stages": [(name, cpu, wall)]}: the
    pipeline loaded and warmed up first (timed apart), then every stage over all inputs."""
    from kg.nlp.pipeline import get_nlp
    t = time.perf_counter()
    # the first doc loads what the components load lazily (the gazetteer's
    # automata, LAC): part of the load, not of the first stage that asks
    get_nlp()(WARM_UP)
    load = time.perf_counter() - t
    clock = Clock()
    docs = documents([Path(p) for p in paths], items, clock)
    exts = extract_all(docs, clock)
    inner = [k for k in clock.cpu if k not in ("normalise", "extract")]
    # linking: what extract_document spends outside the segmenter, components and relations
    clock.cpu["linking"] = clock.cpu.pop("extract") - sum(clock.cpu[k] for k in inner)
    clock.wall["linking"] = clock.wall.pop("extract") - sum(clock.wall[k] for k in inner)
    if graph:
        graph_and_exports(exts, clock)
    return {"chars": sum(len(d.norm.text) for d in docs), "docs": len(docs), "load_seconds": load,
            "stages": [(k, clock.cpu[k], clock.wall[k]) for k in clock.cpu]}


def extraction_stages(res: dict) -> list:
    """The stages of extracting the documents (all but the graph and the exporters)."""
    return [s for s in res["stages"] if s[0] not in ("graph", *EXPORTERS)]


def report(res: dict, say=print) -> None:
    chars = res["chars"]
    extraction = extraction_stages(res)
    cpu_x = sum(s[1] for s in extraction)
    say(f"{res['docs']:,} documents, {chars:,} characters; pipeline load {res['load_seconds']:.1f} s wall")
    say(f"{'stage':<16}{'CPU s':>8}{'wall s':>8}{'µs/char':>9}{'% of extraction':>17}")
    for name, cpu, wall in res["stages"]:
        share = f"{100 * cpu / cpu_x:16.1f}%" if name not in ("graph", *EXPORTERS) else ""
        say(f"{name:<16}{cpu:8.2f}{wall:8.2f}{1e6 * cpu / max(chars, 1):9.2f}{share}")
    say(f"{'extraction':<16}{cpu_x:8.2f}{sum(s[2] for s in extraction):8.2f}{1e6 * cpu_x / max(chars, 1):9.2f}"
        f"   = {chars / cpu_x:,.0f} chars/s CPU")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--items", type=int, default=1000, help="records read from a JSONL file")
    ap.add_argument("--no-graph", action="store_true", help="extraction stages only")
    a = ap.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")
    report(stage_times(a.inputs, a.items, not a.no_graph))


if __name__ == "__main__":
    main()
