"""kg.extraction: the linked documents behind the JSON."""

from kg.extraction import extract_text, linked_articles
from kg.text.document import text_document


def test_entities_carry_the_linkers_key_as_kb_id():
    text = "公安部法制局局长孙茂利说。沧源县纪委监委召开会议。"
    _linker, arts = linked_articles(text_document(text, "2021-09-15", "t"))
    (_art, doc, _mentions), = arts
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("公安部法制局", "AGENCY", "central:公安部:法制局"),
        ("孙茂利", "PERSON", "person:孙茂利"),
        ("沧源县纪委监委", "AGENCY", "local:530927:纪律检查委员会监察委员会")]
    keys = {e["key"] for e in extract_text(text, "2021-09-15")["entities"]}
    assert {e.kb_id_ for e in doc.ents} <= keys


def test_every_rule_a_relation_is_read_by_has_an_explanation():
    """The --explain report names the mechanism of every rule id the relation layer uses."""
    import ast
    from pathlib import Path

    from kg.explain import MECHANISMS
    used = set()
    for path in (Path(__file__).resolve().parents[1] / "kg" / "relations").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "rule" and isinstance(node.value, ast.Constant):
                used.add(node.value.value)
    assert used and used <= set(MECHANISMS), used - set(MECHANISMS)


def test_an_articles_mentions_are_moved_to_page_offsets_with_every_span_they_hold():
    """Every (start, end) a component keeps in a mention's attrs is declared
    (kg.nlp.mentions.SPAN_ATTRS), so lifting an article's mentions to page
    offsets moves it with the mention: on the fixture pages, each such span
    still covers the same text after the move."""
    from conftest import CORPUS
    from kg.nlp.mentions import SPAN_ATTRS
    from kg.text.document import load_document
    from kg.extraction import article_docs, lifted

    seen = set()
    for path in sorted(CORPUS.glob("*.txt")):
        document = load_document(path, "2021-09-15")
        page = document.norm.text
        for art, doc in article_docs(document):
            before = {id(m): {k: doc.text[v[0]:v[1]] for k, v in m.attrs.items()
                              if isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, int) for x in v)}
                      for m in doc._.kg_resolved}
            for m in lifted(list(doc._.kg_resolved), art.start):
                assert page[m.start:m.end] == m.text
                for k, text in before[id(m)].items():
                    assert k in SPAN_ATTRS, f"{k} holds a span but is not declared"
                    assert page[m.attrs[k][0]:m.attrs[k][1]] == text
                    seen.add(k)
    assert {"host_span", "place_span"} <= seen


def test_a_provincial_corps_of_the_armed_police_is_its_part_and_in_its_province():
    r = extract_text("浙江省军区、武警山东总队等单位开训即开考，组织官兵开展实弹射击考核。", "2021-01-05")
    ids = {e["id"]: e["name"] for e in r["entities"]}
    rels = {(ids[x["head"]], x["type"], ids[x["tail"]]) for x in r["relations"]}
    assert ("武警山东总队", "part_of", "中国人民武装警察部队") in rels
    assert ("武警山东总队", "located_in", "山东省") in rels
    assert ("浙江省军区", "located_in", "浙江省") in rels
