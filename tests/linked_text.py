"""Helpers for the link and relation tests: a text through the real
pipeline and linker, optionally under an edited copy of rules/."""

import shutil

from kg import extract, ruleset
from kg.extraction import article_docs, lifted
from kg.link.linker import DocumentLinker
from kg.paths import rules_dir
from kg.text.document import text_document


def document_of(text, date="2021-09-15"):
    return text_document(text, date, "t.txt")


def link(text, rules=None, date="2021-09-15") -> DocumentLinker:
    """The linker of `text` after every article is linked and merged."""
    linker, _ = linked(text, rules, date)
    return linker


def linked(text, rules=None, date="2021-09-15"):
    """(linker, per_article) of `text`, ready for kg.relations.structural.extract_relations."""
    document = document_of(text, date)
    linker = DocumentLinker("t.txt", rules)
    per_article = []
    for art, doc in article_docs(document):
        mentions = lifted(list(doc._.kg_resolved or []), art.start)
        linker.link_article(art.id, mentions)
        per_article.append((art, doc, mentions))
    linker.finish()
    return linker, per_article


def edited_rules(tmp_path, file, old, new) -> ruleset.RuleSet:
    """The rule set of a copy of rules/ with `old` replaced by `new` in `file`."""
    target = tmp_path / "rules"
    if not target.exists():
        shutil.copytree(rules_dir(), target)
    toml = target / file
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")
    return ruleset.load(target)


def introduced_pairs(text, date="2021-09-15") -> set:
    """(head name, tail name) of every `introduced` relation kg.extract gives `text`."""
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], name[r["tail"]]) for r in out["relations"] if r["type"] == "introduced"}
