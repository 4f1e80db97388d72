"""graph.ttl: the graph on standard vocabularies (kg.export.rdf_mapping), written as Turtle text.

Why we write Turtle ourselves instead of calling rdflib's serializer: a
corpus graph of 10^5 nodes is millions of triples, and rdflib needs minutes
for that; here it is one pass of string building. The mapping works in
Turtle tokens from the start (kg.export.rdf_terms); this module puts the
@prefix lines in front (the vocabularies, and each instance kind under the
base IRI) and the subject blocks after them, sorted, so the same graph
always gives the same bytes. tests/export/test_turtle.py checks the output
in four parsers.
"""

import gc
from contextlib import contextmanager

from kg.atomic import write_chunks
from kg.export.rdf_mapping import graph_subjects
from kg.export.rdf_terms import check_base, slug  # noqa: F401  (the writer's options; names in tests)
from kg.export.vocab import DEFAULT_BASE, KINDS, PREFIXES


def head(base: str = DEFAULT_BASE) -> str:
    """The @prefix lines; ValueError for an unusable base IRI."""
    base = check_base(base)
    prefixes = {**{p: str(ns) for p, ns in PREFIXES.items()}, **{k: f"{base}{k}/" for k in KINDS}}
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items())


def block(s: str, body: str) -> bytes:
    """One subject's block as it sits in the file."""
    return f"\n{s}\n{body} .\n".encode()


@contextmanager
def gc_paused():
    """Millions of small, acyclic sets and strings would otherwise trigger
    full cyclic collections over and over (a third of the time at 10^5 nodes)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def turtle_chunks(g, base: str = DEFAULT_BASE) -> list:
    """graph.ttl as UTF-8 pieces."""
    with gc_paused():
        first = head(base).encode()
        blocks = graph_subjects(g)[0].blocks()
        return [first, *(block(s, blocks[s]) for s in sorted(blocks))]


def turtle(g, base: str = DEFAULT_BASE) -> str:
    return b"".join(turtle_chunks(g, base)).decode()


def write_turtle(g, path, base: str | None = None) -> None:
    write_chunks(path, turtle_chunks(g, base or DEFAULT_BASE))
