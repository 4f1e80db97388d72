"""kg.nlp.components.resolve: overlapping proposals -> the doc's mentions.
resolve() is a function of Mentions; the last test runs it in the pipeline."""

from conftest import make_nlp
from kg.nlp.components.resolve import resolve
from kg.nlp.mentions import Mention

TEXT = "云南省临沧市沧源佤族自治县纪委监委通报。"


def m(text, sub, type_, priority=30, start=None, **attrs):
    s = text.index(sub) if start is None else start
    return Mention(s, s + len(sub), type_, sub, "test", priority, dict(attrs))


def spans(ms):
    return [(x.text, x.type, bool(x.attrs.get("nested"))) for x in ms]


def test_priority_then_length_then_the_earlier_start_wins_an_overlap():
    t = "河北省信访局推行领导干部包联机制"
    got = resolve([m(t, "河北省", "PLACE", 30), m(t, "省信访局", "AGENCY", 35), m(t, "信访局", "AGENCY", 20)])
    # 省信访局 outranks the longer-reaching place it overlaps; 信访局 wholly inside it is nested
    assert spans(got) == [("省信访局", "AGENCY", False), ("信访局", "AGENCY", True)]
    got = resolve([m(t, "河北省", "PLACE", 30), m(t, "河北省信访局", "AGENCY", 30)])
    assert spans(got) == [("河北省", "PLACE", True), ("河北省信访局", "AGENCY", False)]   # same priority: longer
    t = "甲乙丙"
    got = resolve([m(t, "甲乙", "ORG", 10), m(t, "乙丙", "ORG", 10)])
    assert spans(got) == [("甲乙", "ORG", False)]


def test_places_and_bodies_inside_a_body_are_kept_nested_a_person_is_not():
    whole = m(TEXT, "云南省临沧市沧源佤族自治县纪委监委", "AGENCY", 35)
    inner = [m(TEXT, "云南省", "PLACE"), m(TEXT, "临沧市", "PLACE"), m(TEXT, "沧源佤族自治县", "PLACE"),
             m(TEXT, "纪委", "AGENCY", 20), m(TEXT, "沧源", "PERSON", 50)]
    got = resolve([whole, *inner])
    # the person outranks the body, so the body goes, and the places around the person stay
    assert ("沧源", "PERSON", False) in spans(got) and whole not in got
    got = resolve([whole, *inner[:4]])
    assert spans(got) == [("云南省", "PLACE", True), ("云南省临沧市沧源佤族自治县纪委监委", "AGENCY", False),
                          ("临沧市", "PLACE", True), ("沧源佤族自治县", "PLACE", True), ("纪委", "AGENCY", True)]


def test_a_country_inside_a_body_name_is_no_seat_except_before_a_state_body_made_from_it():
    t = "中国人民银行和德国政府"
    china = m(t, "中国", "PLACE", level="country")
    bank = m(t, "中国人民银行", "AGENCY", 40, central=True)
    germany = m(t, "德国", "PLACE", level="country")
    government = m(t, "德国政府", "AGENCY", 35, place_code="world-德国")
    got = resolve([china, bank, germany, government])
    assert spans(got) == [("中国人民银行", "AGENCY", False), ("德国", "PLACE", True), ("德国政府", "AGENCY", False)]


def test_one_span_of_one_type_is_one_mention_and_output_is_by_position():
    t = "公安部和司法部"
    got = resolve([m(t, "司法部", "AGENCY", 40), m(t, "公安部", "AGENCY", 40), m(t, "公安部", "AGENCY", 40)])
    assert [(x.start, x.text) for x in got] == [(0, "公安部"), (4, "司法部")]


def test_in_the_pipeline_the_resolved_mentions_are_the_docs():
    nlp = make_nlp("kg_places", "kg_agencies", "kg_resolve")
    doc = nlp(TEXT)
    assert spans(doc._.kg_resolved) == [
        ("云南省", "PLACE", True), ("云南省临沧市沧源佤族自治县纪委监委", "AGENCY", False),
        ("临沧市", "PLACE", True), ("沧源佤族自治县", "PLACE", True)]
