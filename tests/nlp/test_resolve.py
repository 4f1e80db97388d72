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


def _resolve_by_scan(mentions):
    """resolve() as a scan of every kept mention per proposal: the
    reference the per-character index must agree with."""
    from kg.nlp.components.resolve import HOSTS, NESTABLE, _seat_of, is_world_place
    order = sorted(mentions, key=lambda x: (-x.priority, -(x.end - x.start), x.start, x.type))
    taken, nested, spans_ = [], [], {}
    for x in order:
        key = (x.start, x.end, x.type)
        if key in spans_:
            continue
        clash = [t for t in taken if t.start < x.end and x.start < t.end]
        if not clash:
            taken.append(x)
            spans_[key] = x
        elif x.type in NESTABLE and all(
                t.type in HOSTS and t.start <= x.start and x.end <= t.end and
                (t.end - t.start) > (x.end - x.start) and (not is_world_place(x) or _seat_of(x, t))
                for t in clash):
            nested.append(x)
            spans_[key] = x
    return sorted(taken + nested, key=lambda x: (x.start, x.end, x.type))


def test_many_overlapping_proposals_resolve_as_by_a_scan_of_every_kept_one():
    """The clashes of a proposal are found from the kept mentions covering
    its characters: the same choice, and the same rivals, as a scan."""
    import random
    rng = random.Random(7)
    text = "县市场监管局会同县公安局开展食品安全专项检查。" * 40
    types = ["PLACE", "AGENCY", "ORG", "PERSON", "PROGRAM"]

    def proposals():
        out = []
        for _ in range(600):
            s = rng.randrange(len(text) - 12)
            e = s + rng.randint(1, 12)
            out.append(Mention(s, e, rng.choice(types), text[s:e], "test", rng.choice([10, 20, 30])))
        return out

    ours, beaten = proposals(), {}
    rng.seed(7)
    theirs = proposals()
    got = resolve(ours, beaten)
    assert [(x.start, x.end, x.type) for x in got] == \
        [(x.start, x.end, x.type) for x in _resolve_by_scan(theirs)]
    kept = {id(x) for x in got if not x.attrs.get("nested")}
    for winner, rivals in beaten.items():
        assert winner in kept or any(id(x) == winner for x in got)
        win = next(x for x in got if id(x) == winner)
        assert all(r.start < win.end and win.start < r.end for r in rivals)
