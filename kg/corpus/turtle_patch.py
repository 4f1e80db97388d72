"""graph.ttl for a rebuild: the last build's subject blocks, with the changed documents' redone.

A subject block is not a function of one node or edge alone (a node's block
holds the plain triple of every fact it heads, an article's the entities
it mentions, a role's every membership with its title), so graph.ttl gets
its own copy-or-render instead of kg.corpus.assemble's per-record one. It
renders again only the subjects the changed documents touch: their nodes'
blocks (with the triple of every fact a node heads), their facts and
evidence, their articles and source nodes, places whose containing place
appeared or went, and the roles, posts and agents (recounted); every other block
is the last build's bytes. The saved tables: "blocks" {subject: bytes},
"owned" {file: the subjects it describes}, "tok" {node: subject},
"by_code" {division code: place node}, "shared" (the role and agent subjects).
"""

from kg.atomic import write_chunks
from kg.corpus.state.packed import among
from kg.export.posts_rdf import POST_RELATIONS, add_shared
from kg.export.rdf_mapping import (Minter, Subjects, add_agent, add_article, add_edge, add_node, add_triple,
                                   fact_subject, graph_subjects, places_by_code)
from kg.export.turtle import DEFAULT_BASE, block, gc_paused, head

NAME = "turtle"
_SHARED = ("role:", "post:", "agent:")   # subjects any fact or article may add to: recounted every time


def turtle_chunks(g, base: str, reuse) -> list:
    """graph.ttl as UTF-8 pieces (kg.export.turtle.turtle_chunks byte for
    byte), its blocks saved in `reuse` (kg.corpus.state.reuse) for the next build."""
    with gc_paused():
        first = head(base)
        saved = reuse.load(NAME)
        patched = _patch(g, reuse, saved) if saved is not None else None
        if patched is None:
            doc, tok = graph_subjects(g)
            blocks = {s: block(s, b) for s, b in doc.blocks().items()}
            owned = {}
            for subj, src in doc.owner.items():
                owned.setdefault(src, []).append(subj)
            shared = dict.fromkeys(s for s in blocks if s.startswith(_SHARED))
            reuse.save(NAME, {"blocks": blocks, "owned": owned, "by_code": places_by_code(g), "tok": tok,
                              "shared": shared})
        else:
            blocks, upserts, deletions = patched
            reuse.save_changes(NAME, upserts, deletions)
        return [first.encode(), *(blocks[s] for s in sorted(blocks))]


def write_turtle(g, path, base: str | None, reuse) -> None:
    write_chunks(path, turtle_chunks(g, base or DEFAULT_BASE, reuse))


def _patch(g, reuse, saved):
    """({subject: block}, the saved tables' upserts and deletions), the
    blocks patched from the saved ones, or None when a node's subject
    changed (render everything)."""
    m = Minter()
    old_tok = saved["tok"]
    tok = {n: old_tok.get(n) if n not in reuse.nodes else m.node(n, d) for n, d in g.nodes(data=True)}
    if any(v is None or v != old_tok.get(n, v) for n, v in tok.items() if n in reuse.nodes or v is None):
        return None
    by_code, old_by_code = places_by_code(g), saved["by_code"]
    codes = {c for c in by_code.keys() | old_by_code.keys() if by_code.get(c) != old_by_code.get(c)}
    dirty = {n for n in reuse.nodes if n in tok}
    if codes:   # places whose schema:containedInPlace appears or goes
        dirty |= {n for n, d in g.nodes(data=True) if d.get("parent") in codes}
    facts = {e for e in reuse.edges if g.has_edge(*e)}
    doc, shared = _render_touched(g, m, reuse.sources, tok, by_code, dirty, facts)
    gone = set()
    for src in reuse.sources:
        gone.update(saved["owned"].get(src, ()))
    gone.update(old_tok[n] for n in reuse.nodes if n in old_tok)
    gone.update(fact_subject(h, key, o) for h, o, key in reuse.edges)
    gone.update(saved["shared"])
    fresh = {tok[n] for n in dirty} | {fact_subject(h, key, o) for h, o, key in facts}
    new_blocks, new_owned = {}, {}
    for subj, body in doc.blocks().items():
        src = doc.owner.get(subj)
        if subj in fresh or src in reuse.sources:
            new_blocks[subj] = block(subj, body)
            if src in reuse.sources:
                new_owned.setdefault(src, []).append(subj)
    for subj, body in shared.items():
        new_blocks[subj] = block(subj, body)
    blocks = saved["blocks"]
    for subj in gone - new_blocks.keys():
        blocks.pop(subj, None)
    blocks.update(new_blocks)
    upserts = {"blocks": new_blocks, "owned": new_owned, "shared": dict.fromkeys(shared),
               "tok": {n: tok[n] for n in reuse.nodes if n in tok},
               "by_code": {c: by_code[c] for c in codes if c in by_code}}
    deletions = {"blocks": gone - new_blocks.keys(), "owned": set(reuse.sources) - new_owned.keys(),
                 "shared": set(saved["shared"]) - shared.keys(),
                 "tok": {n for n in reuse.nodes if n not in tok},
                 "by_code": {c for c in codes if c not in by_code}}
    return blocks, upserts, deletions


def _render_touched(g, m, sources, tok, by_code, dirty, facts) -> tuple:
    """(the subjects the changed files touch, {role or agent subject: its
    block}): the changed files' articles, the dirty nodes, the touched facts
    with the changed files' evidence, the plain triples of every fact a
    dirty node heads; the roles and agents recounted over the whole graph."""
    all_articles = g.graph.get("articles", [])
    doc = Subjects()
    articles = {m.article(a["source"], a["id"]) for a in all_articles}
    for a in all_articles:
        if a["source"] in sources:
            add_article(doc, m, a)
    for n in dirty:
        d = g.nodes[n]
        add_node(doc, m, tok[n], d, tok, by_code, among(d.get("mentions") or (), sources))
    evidence = {}
    for h, o, key in sorted(facts):
        add_edge(doc, m, g, h, o, key, g.edges[h, o, key], tok, evidence, articles, sources)
    for h, o, key in {e for n in dirty for e in g.out_edges(n, keys=True)} - facts:
        add_triple(doc, g, h, o, key, tok)   # a dirty node's block holds the triples of all the facts it heads
    shared = Subjects()
    for u, v, key, d in g.edges(keys=True, data=True):
        if key in POST_RELATIONS:
            add_shared(shared, g, u, v, key, d, tok)
    for a in all_articles:
        for c in a.get("creators") or ():
            add_agent(shared, c)
    return doc, shared.blocks()
