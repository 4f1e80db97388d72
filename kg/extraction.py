"""One file -> the spec §5 JSON: articles, entities, relations with evidence.

Each article's span of the normalised text goes through the spaCy pipeline
on its own (so a level prefix such as 县 is read against its own article),
mention offsets are lifted back to page offsets, the document linker turns
mentions into entities, and the relation layer reads edges from the same
sentences. Ids are assigned in order of first mention, so they are stable.
"""

import hashlib
from pathlib import Path

from kg.text.document import Document, load_document
from kg.link.linker import DocumentLinker, key_string
from kg.nlp.pipeline import get_nlp
from kg.nlp.spans import set_kb_ids
from kg.text.sentences import blanked, unread_runs


def unread(document: Document) -> dict:
    """{article id: [(start, end) at page offsets]} of the stretches of each
    article not read as prose (kg.text.sentences.unread_runs: a run of
    thousands of characters with no sentence end), for the articles that
    have any."""
    out = {}
    for a in document.page.articles:
        runs = unread_runs(document.norm.text[a.start:a.end])
        if runs:
            out[a.id] = [(a.start + s, a.start + e) for s, e in runs]
    return out


def article_docs(document: Document):
    """(article, spaCy Doc of its text) for each article, via nlp.pipe; the
    stretches `unread` names are given as blanks."""
    arts = document.page.articles
    skip = unread(document)
    texts = [blanked(document.norm.text[a.start:a.end], [(s - a.start, e - a.start) for s, e in skip.get(a.id, ())])
             for a in arts]
    return list(zip(arts, get_nlp().pipe(texts, batch_size=16)))


def article_json(a, skip: dict) -> dict:
    """An article's §5 JSON; `unread` lists its stretches not read as prose, when it has any."""
    out = a.to_dict()
    if a.id in skip:
        out["unread"] = [list(r) for r in skip[a.id]]
    return out


def lifted(mentions, offset):
    """The article's mentions at page offsets (Mention.shifted)."""
    return [m.shifted(offset) for m in mentions]


def linked_articles(document: Document):
    """The document's articles through the pipeline and the linker:
    (linker, [(article, doc, mentions)]), mentions at page offsets and each
    doc's entities carrying `kb_id_` = the key of the entity they link to
    ('' for a mention the linker leaves out: an editor's credit line)."""
    linker = DocumentLinker(document.path.name)
    per_article = []
    credited = set(document.page.editors)
    for a in document.page.articles:
        credited.update(a.creators)
    for art, doc in article_docs(document):
        mentions = [m for m in lifted(list(doc._.kg_resolved or []), art.start)
                    if not (m.type == "PERSON" and m.text in credited)]
        linker.link_article(art.id, mentions)
        per_article.append((art, doc, mentions))
    linker.finish()
    keys = {(a, s, t, e.type): key_string(e.key)
            for e in linker.entities.values() for (_src, a, s, t) in e.mentions}
    for art, doc, _mentions in per_article:
        set_kb_ids(doc, lambda ent, art=art: keys.get(
            (art.id, ent.start_char + art.start, ent.end_char + art.start, ent.label_)))
    return linker, per_article


def extract_document(document: Document, trace: dict | None = None) -> dict:
    """The spec §5 JSON of `document`. `trace`, when given, receives what
    the JSON was made from (kg.explain reads it): the document, its
    per-article (article, doc, mentions), the entity ids by key and the
    rule that made each relation (by its key)."""
    from kg.relations.structural import extract_relations

    linker, per_article = linked_articles(document)
    rels = extract_relations(document, per_article, linker)
    entities = linker.ordered()
    ids = {e.key: f"e{i}" for i, e in enumerate(entities, 1)}
    if trace is not None:
        trace.update(document=document, per_article=per_article, ids=ids, made_by=rels.made_by)
    relations = rels.as_list(ids)
    skip = unread(document)
    return {
        "source": document.path.name,
        "fingerprint": fingerprint(document),
        "date": document.date,
        "editors": document.page.editors,
        "articles": [article_json(a, skip) for a in document.page.articles],
        "entities": [entity_json(e, ids[e.key]) for e in entities],
        "relations": relations,
    }


def fingerprint(document: Document) -> str:
    """A hash of the normalised text: which document this is whatever its
    file is called, so the graph keeps a document's own entities (a person
    named without a post, an unresolved 县纪委) apart from another's under
    keys that renaming or moving the file does not change."""
    return hashlib.sha1(document.norm.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def entity_json(e, eid):
    out = {"id": eid, "type": e.type, "name": e.name, "key": key_string(e.key),
           "aliases": sorted(a for a in e.aliases if a != e.name),
           "mentions": [{"article": a, "start": s, "end": t}
                        for (_src, a, s, t) in sorted(set(e.mentions), key=lambda m: (m[2], m[3]))]}
    for k in ("code", "parent", "level"):
        if e.attrs.get(k):
            out[k] = e.attrs[k]
    if "name_rank" in e.attrs:   # how official the name is (kg.link.naming): the graph names a node by it
        out["name_rank"] = e.attrs["name_rank"]
    return out


def extract_text(text: str, date=None, name: str = "<text>") -> dict:
    from kg.text.document import text_document
    return extract_document(text_document(text, date, name))


def extract_file(path, date=None) -> dict:
    return extract_document(load_document(Path(path), date))
