"""The pipeline's results in spaCy's own places: doc.ents, span groups, Span._.

Real sentences through the real pipeline (kg.nlp.pipeline.get_nlp).
"""

import warnings

import pytest
from spacy import displacy
from spacy.tokens import DocBin

from conftest import SEED


def test_resolved_mentions_are_the_docs_entities(nlp):
    doc = nlp("公安部法制局局长孙茂利说。")
    assert [(e.text, e.label_) for e in doc.ents] == [("公安部法制局", "AGENCY"), ("孙茂利", "PERSON")]
    # the host body named inside the department's name is nested, not an entity
    assert [(s.text, s.label_, s._.host) for s in doc.spans["kg_nested"]] == [("公安部", "AGENCY", (0, 6))]
    assert all(e._.source for e in doc.ents)
    assert doc.ents[1]._.source == "kg_persons" and doc.ents[1]._.title == "局长"
    # every proposal is a candidate, overlaps allowed
    cands = {(s.text, s.label_) for s in doc.spans["kg_candidates"]}
    assert {("公安部", "AGENCY"), ("公安部法制局", "AGENCY"), ("孙茂利", "PERSON")} <= cands


def test_spans_agree_with_kg_resolved(nlp):
    doc = nlp(SEED.read_text(encoding="utf-8")[:3000])
    top = [(m.start, m.end, m.type) for m in doc._.kg_resolved if not m.attrs.get("nested")]
    nested = [(m.start, m.end, m.type) for m in doc._.kg_resolved if m.attrs.get("nested")]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == top
    assert [(s.start_char, s.end_char, s.label_) for s in doc.spans["kg_nested"]] == nested
    assert len(doc.spans["kg_candidates"]) == len(doc._.kg_mentions)


def test_glued_tokens_are_split_so_a_span_covers_the_mention_exactly(nlp):
    """pkuseg glues 北京市委 into 北京|市委: the mention 北京市 ends inside a token."""
    text = "北京市委书记蔡奇主持会议。"
    assert "市委" in [t.text for t in nlp.make_doc(text)]
    doc = nlp(text)
    assert doc.text == text
    assert ("北京市委", "AGENCY") in [(e.text, e.label_) for e in doc.ents]
    place = [s for s in doc.spans["kg_nested"] if s.label_ == "PLACE"]
    assert [(s.text, s._.code, s._.level) for s in place] == [("北京市", "110000", "province")]


def test_places_carry_their_division_as_typed_extensions(nlp):
    doc = nlp("云南省临沧市沧源佤族自治县纪委监委召开会议。")
    by_text = {s.text: s for s in doc.spans["kg_nested"]}
    assert by_text["沧源佤族自治县"]._.code == "530927"
    assert by_text["沧源佤族自治县"]._.parent == "530900"
    assert by_text["沧源佤族自治县"]._.level == "county"
    assert by_text["临沧市"]._.host == (doc.ents[0].start_char, doc.ents[0].end_char)


def test_displacy_shows_the_seed_pages_entities(nlp):
    """The seed page's articles as kg extract reads them (normalised, one doc each)."""
    from kg.extraction import article_docs
    from kg.text.document import load_document
    docs = [doc for _art, doc in article_docs(load_document(SEED, "2021-09-15"))]
    with warnings.catch_warnings():
        warnings.simplefilter("error")     # W006 "No entities to visualize" would raise
        html = displacy.render(docs, style="ent")
    assert "公安部" in html and "AGENCY" in html and "PERSON" in html
    assert html.count("<mark") == sum(len(d.ents) for d in docs) > 20


def test_docbin_round_trips_ents_span_groups_and_mentions(nlp):
    doc = nlp("公安部法制局局长孙茂利说。云南省临沧市沧源佤族自治县纪委监委召开会议。")
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))[0]

    def view(d):
        return ([(e.start_char, e.end_char, e.label_, e.id_, e._.source, e._.rivals) for e in d.ents],
                {k: [(s.start_char, s.end_char, s.label_, s._.code, s._.host) for s in g]
                 for k, g in d.spans.items()})
    assert view(back) == view(doc)
    assert set(back.spans) == {"kg_candidates", "kg_nested"}
    assert [(m.start, m.end, m.type, m.attrs.get("code")) for m in back._.kg_resolved] == \
        [(m.start, m.end, m.type, m.attrs.get("code")) for m in doc._.kg_resolved]


def test_the_resolver_declares_what_it_assigns(nlp):
    summary = nlp.analyze_pipes()["summary"]["kg_resolve"]
    assert {"doc.ents", "doc.spans", "span._.rule", "span._.code", "span._.host"} <= set(summary["assigns"])
    assert summary["requires"] == ["doc._.kg_mentions"] and summary["retokenizes"] is True
