#!/usr/bin/env python3
"""Check Turtle files in four independent parsers, and optionally SHACL.

Why four: each parser is strict about different corners of the Turtle
grammar (escapes, local names, IRIs), and a graph is only portable if all of
them read it without a word of complaint. A file passes when rdflib,
pyoxigraph, Raptor's `rapper` and N3.js all parse it with no error and no
warning, and all count the same number of triples. Used by `make validate`
and tests/test_turtle.py.
"""

import argparse
import logging
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N3_SCRIPT = ROOT / "tools" / "n3" / "parse.js"
PARSERS = ("rdflib", "pyoxigraph", "rapper", "n3js")


class ToolMissing(RuntimeError):
    """A parser's program is not installed (scripts/install_rdf_tools.sh)."""


def parse_rdflib(path) -> int:
    import rdflib
    logger = logging.getLogger("rdflib")
    records = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            g = rdflib.Graph().parse(str(path), format="turtle")
    finally:
        logger.removeHandler(handler)
    if records:
        raise ValueError("; ".join(r.getMessage() for r in records[:5]))
    return len(g)


def parse_pyoxigraph(path) -> int:
    import pyoxigraph as ox
    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def parse_rapper(path) -> int:
    if not shutil.which("rapper"):
        raise ToolMissing("rapper (Debian raptor2-utils) is not installed")
    p = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    bad = [ln for ln in p.stderr.splitlines() if "warning" in ln.lower() or "error" in ln.lower()]
    if p.returncode or bad:
        raise ValueError("; ".join(bad[:5]) or p.stderr.strip())
    for ln in p.stderr.splitlines():
        if "returned" in ln:
            return int(ln.split("returned")[1].split()[0])
    raise ValueError(f"rapper printed no triple count: {p.stderr.strip()}")


def parse_n3js(path) -> int:
    if not shutil.which("node") or not (N3_SCRIPT.parent / "node_modules" / "n3").is_dir():
        raise ToolMissing("N3.js is not installed (node + `npm ci` in tools/n3)")
    p = subprocess.run(["node", str(N3_SCRIPT), str(path)], capture_output=True, text=True)
    if p.returncode or p.stderr.strip():
        raise ValueError(p.stderr.strip() or f"exit {p.returncode}")
    return int(p.stdout.rsplit(":", 1)[1].split()[0])


def parse_with(parser: str, path) -> int:
    """The triple count of `path` in one parser; ValueError on any error or
    warning, ToolMissing when the parser is not installed."""
    return globals()[f"parse_{parser}"](path)


def shacl(path, shapes) -> tuple[bool, str]:
    import pyshacl
    # the real path: pyshacl reads a symlink's target relative to the working directory,
    # and a build's OUT/graph.ttl is a relative link into OUT/.current (kg.corpus.publish)
    conforms, _graph, text = pyshacl.validate(os.path.realpath(path), shacl_graph=str(shapes),
                                              data_graph_format="turtle", shacl_graph_format="turtle")
    return conforms, text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--shapes", help="SHACL shapes file to validate against")
    args = ap.parse_args(argv)
    failed = False
    for f in args.files:
        counts = {}
        for parser in PARSERS:
            try:
                counts[parser] = parse_with(parser, f)
                print(f"{f}: {parser}: {counts[parser]} triples, no warning")
            except ToolMissing as e:
                print(f"{f}: {parser}: MISSING: {e}; run scripts/install_rdf_tools.sh", file=sys.stderr)
                failed = True
            except Exception as e:  # any parser complaint fails the file
                print(f"{f}: {parser}: FAILED: {e}", file=sys.stderr)
                failed = True
        if len(set(counts.values())) > 1:
            print(f"{f}: parsers disagree on the triple count: {counts}", file=sys.stderr)
            failed = True
        if args.shapes and not Path(f).is_file():
            failed = True
        elif args.shapes:
            conforms, text = shacl(f, args.shapes)
            print(f"{f}: SHACL {'conforms' if conforms else 'DOES NOT CONFORM'} to {args.shapes}")
            if not conforms:
                print(text, file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
