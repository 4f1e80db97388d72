"""The corpus driver: many files -> one graph -> graph.{json,ttl,html,graphml}.

A bad file is reported (stderr and OUT/errors.tsv) and skipped; the others
still make the graph. Every output is written atomically, so a build that
dies halfway leaves the previous graph readable.
"""

import sys
from pathlib import Path

from .atomic import write_text
from .errors import InputError

TEXT_SUFFIXES = {".txt"}


def collect(inputs) -> list[Path]:
    files = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in TEXT_SUFFIXES))
        else:
            files.append(p)
    return files


def extract_all(files, date=None):
    from .extract import extract_file

    extractions, errors = [], []
    for f in files:
        try:
            extractions.append(extract_file(f, date))
        except InputError as e:
            errors.append((str(f), e.reason))
            print(f"kg: {e.path}: {e.reason}", file=sys.stderr)
    return extractions, errors


def build(inputs, out: Path, date=None, base_iri=None) -> int:
    """Build the graph files in `out`; returns the number of files that failed.
    `base_iri` is the base of the instance IRIs in graph.ttl (None: the default)."""
    from .export.graphml import write_graphml
    from .export.html import write_html
    from .export.json import write_json
    from .export.turtle import write_turtle
    from .graph import build_graph

    files = collect(inputs)
    extractions, errors = extract_all(files, date)
    g = build_graph(extractions)
    out.mkdir(parents=True, exist_ok=True)
    write_json(g, out / "graph.json")
    write_turtle(g, out / "graph.ttl", base=base_iri)
    write_html(g, out / "graph.html")
    write_graphml(g, out / "graph.graphml")
    write_text(out / "errors.tsv", "file\treason\n" + "".join(f"{f}\t{r}\n" for f, r in errors))
    print(f"kg build: {len(extractions)} file(s), {g.number_of_nodes()} nodes, "
          f"{g.number_of_edges()} edges -> {out}/", file=sys.stderr)
    return len(errors)
