"""kg_stat_ner: the shipped statistical NER on real sentences.

The pipeline is the real one (pkuseg segmenter, every rule component, the
model, kg_resolve), built here so the test does not depend on how
kg.nlp.pipeline.COMPONENTS is wired. The model is the one shipped in the package
(kg/models/ner), trained by `make train`.
"""

import pytest

from conftest import make_nlp
from kg.nlp.mentions import mentions_of


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp.pipeline import COMPONENTS
    rules = [c for c in COMPONENTS if c not in ("kg_stat_ner", "kg_resolve")]
    return make_nlp(*rules, "kg_stat_ner", "kg_resolve")


def resolved(nlp, text):
    doc = nlp(text)
    return {(m.text, m.type) for m in doc._.kg_resolved if not m.attrs.get("nested")}, doc


def test_model_ships_in_the_package():
    from kg.nlp.components.statistical import MODEL_DIR, load_model
    from kg.paths import PACKAGE_DIR

    assert MODEL_DIR == PACKAGE_DIR / "models" / "ner"
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 20_000_000
    model = load_model()
    assert model is load_model()  # loaded once
    assert {"PERSON", "PLACE", "AGENCY", "ORG"} <= set(model.get_pipe("ner").labels)


def test_names_without_a_title_cue(nlp):
    found, doc = resolved(nlp, "会上，约翰松和里瓦尔多分别介绍了各自的经验。")
    assert ("约翰松", "PERSON") in found
    assert ("里瓦尔多", "PERSON") in found
    assert any(m.source == "kg_stat_ner" and m.text == "约翰松" for m in mentions_of(doc))


def test_countries_and_regions_are_places(nlp):
    found, _ = resolved(nlp, "代表团随后访问了巴基斯坦和纳米比亚。")
    assert ("巴基斯坦", "PLACE") in found
    assert ("纳米比亚", "PLACE") in found
    found, _ = resolved(nlp, "非洲各国政治形势相对稳定。")
    assert ("非洲", "PLACE") in found
    found, _ = resolved(nlp, "东南亚金融危机对我国经济发展产生了影响。")
    assert ("东南亚", "PLACE") in found


def test_rules_keep_priority(nlp):
    from kg import ruleset
    PRIORITY = ruleset.current().priorities["statistical"]

    _, doc = resolved(nlp, "云南省临沧市沧源佤族自治县纪委监委近日印发通知。")
    ms = mentions_of(doc)
    stat = [m for m in ms if m.source == "kg_stat_ner"]
    rules = [m for m in ms if m.source != "kg_stat_ner"]
    assert stat and rules
    assert all(m.priority == PRIORITY for m in stat)
    assert PRIORITY < min(m.priority for m in rules)
    # the rule reading of the place survives whatever the model proposed
    assert any(m.text == "云南省" and m.type == "PLACE" and m.source == "kg_places"
               for m in doc._.kg_resolved)
    # the component leaves doc.ents alone: they are kg_resolve's choice, not the model's
    assert [(e.text, e.label_) for e in doc.ents] == [
        (m.text, m.type) for m in doc._.kg_resolved if not m.attrs.get("nested")]


def test_empty_and_batched(nlp):
    docs = list(nlp.pipe(["", "随后，巴基斯坦也进行了试验。", "。"]))
    assert docs[0]._.kg_resolved == []
    assert ("巴基斯坦", "PLACE") in {(m.text, m.type) for m in docs[1]._.kg_resolved}


def test_a_model_name_ending_like_a_place_or_a_body_is_no_person(nlp):
    """The model reads 巴杜尔湖 (a lake) and 彭博新闻社 (a news agency) as
    people; names ending in a lake's, a village's or a body's character
    (rules/persons.toml stat_not_last) are not taken from it."""
    from dataclasses import replace

    stat = nlp.get_pipe("kg_stat_ner")
    odds = stat.odds   # this filter alone, not the shape odds
    stat.odds = {kind: replace(m, threshold=float("-inf")) for kind, m in odds.items()}
    texts = ["火山附近的巴杜尔湖，是一个火山口湖。", "据彭博新闻社统计，2010年的销量有所上升。"]
    for text, name in zip(texts, ["巴杜尔湖", "彭博新闻社"]):
        assert (name, "PERSON") not in resolved(nlp, text)[0]
        saved = stat.not_name_ends
        stat.not_name_ends = frozenset()   # the model alone does propose it
        try:
            assert any(m.source == "kg_stat_ner" and m.text == name and m.type == "PERSON"
                       for m in mentions_of(nlp(text)))
        finally:
            stat.not_name_ends = saved
    stat.odds = odds
