"""kg_stat_gate: Baidu LAC's PER as a gate on the rules' PERSON readings.

`judge` is checked on made-up LAC tokens (what the gate does with each shape
of agreement); the component on real sentences with the real LAC model and
the real segmenter and rule components, each test asserting first that the
rules alone read the span the gate is there to fix.
"""

import pytest

from conftest import make_nlp
from kg import ruleset
from kg.nlp.components.persons.gate import GateRules, judge
from kg.nlp.lexical import LacToken, merged_windows, tag_window

RULES = GateRules.of(ruleset.current())


def toks(text, words):
    """LacTokens of `text` cut as `words` [(word, tag)], which must spell it."""
    out, pos = [], 0
    for w, tag in words:
        assert text[pos:pos + len(w)] == w
        out.append(LacToken(pos, pos + len(w), tag))
        pos += len(w)
    return out


def test_a_candidate_lac_reads_as_no_name_is_dropped():
    t = "要精准施策"
    assert judge(3, 5, "persons.lone_token", toks(t, [("要", "v"), ("精准", "ad"), ("施策", "v")]),
                 RULES, t) is None


def test_an_exempt_rule_or_a_listed_candidate_is_kept_without_lac():
    t = "总理塔尼亚某出席"
    words = toks(t, [("总理", "n"), ("塔尼亚某", "LOC"), ("出席", "v")])
    assert judge(2, 6, "persons.foreign_after_title", words, RULES, t) == (2, 6)
    assert judge(2, 6, "persons.title_before", words, RULES, t) is None
    assert judge(2, 6, "persons.title_before", words, RULES, t, listed=True) == (2, 6)


def test_a_verb_glued_to_the_name_is_cut_off():
    t = "市长王海率队检查"
    words = toks(t, [("市长", "n"), ("王海", "PER"), ("率队", "v"), ("检查", "v")])
    assert judge(2, 5, "persons.title_before", words, RULES, t) == (2, 4)


def test_an_adverb_after_the_name_is_not_cut_off():
    t = "张允连对企业"
    words = toks(t, [("张允", "PER"), ("连", "d"), ("对", "p"), ("企业", "n")])
    assert judge(0, 3, "persons.lone_token", words, RULES, t) == (0, 3)


def test_a_cut_short_transliteration_grows_to_lac_name_but_not_over_a_title():
    t = "主席费尔南德斯议长"
    words = toks(t, [("主席", "n"), ("费尔南德斯", "PER"), ("议长", "n")])
    assert judge(2, 5, "persons.title_before", words, RULES, t) == (2, 7)
    over = toks(t, [("主席", "n"), ("费尔南德斯议长", "PER")])
    assert judge(2, 7, "persons.title_before", over, RULES, t) == (2, 7)


def test_a_conjunction_read_as_a_surname_is_left_out():
    t = "主席和谢尔达尔会谈"
    words = toks(t, [("主席", "n"), ("和", "c"), ("谢尔达尔", "PER"), ("会谈", "v")])
    assert judge(2, 5, "persons.title_before", words, RULES, t) == (3, 7)


def test_a_name_grows_to_a_dotted_full_name():
    t = "总统纳比某·鲁代某会见"
    words = toks(t, [("总统", "n"), ("纳比某·鲁代某", "PER"), ("会见", "v")])
    assert judge(2, 5, "persons.foreign_after_title", words, RULES, t) == (2, 9)
    plain = toks(t, [("总统", "n"), ("纳比某", "PER"), ("·", "w"), ("鲁代某", "PER"), ("会见", "v")])
    assert judge(2, 5, "persons.foreign_after_title", plain, RULES, t) == (2, 5)


def test_windows_stop_at_sentence_ends_and_merge():
    t = "甲乙丙。丁戊己庚辛。壬"
    assert merged_windows([(4, 5), (6, 7)], t, 24, "。") == [(4, 9)]
    assert merged_windows([(1, 2), (5, 6)], t, 1, "。") == [(0, 3), (4, 7)]


def test_lac_tokens_carry_offsets_and_no_line_breaks():
    t = "记者 王小明\n北京报道"
    names = [t[x.start:x.end] for x in tag_window(t, 3, len(t)) if x.tag == "PER"]
    assert names == ["王小明"]


@pytest.fixture(scope="module")
def pipes():
    rules = ["kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_programs"]
    return make_nlp(*rules, "kg_resolve"), make_nlp(*rules, "kg_stat_gate", "kg_resolve")


def persons(nlp, text):
    return [m.text for m in nlp(text)._.kg_resolved if m.type == "PERSON"]


@pytest.mark.parametrize("text, rules_read, gated", [
    ("各地要因地制宜、精准施策，稳住就业。", ["施策"], []),
    ("下午，市长王海率队检查防汛工作。", ["王海率"], ["王海"]),
    ("会见欧洲理事会主席米歇尔和欧盟委员会主席冯德莱恩。", ["米歇尔", "冯德莱"], ["米歇尔", "冯德莱恩"]),
    ("以色列总理内塔尼亚胡11日下令在约旦河西岸", ["内塔尼亚胡"], ["内塔尼亚胡"]),
    # an enumeration of name shapes: LAC keeps its names, the first item and
    # a function-word surname (于) included
    ("周建平、郑海燕、于春蕾等参加座谈。", ["周建平", "郑海燕", "于春蕾"], ["周建平", "郑海燕", "于春蕾"]),
    # an uncued token and the item listed after it vouch for each other no
    # more: LAC reads trees
    ("村民们在河边栽下垂柳、白玉兰、海棠、红叶李等树苗。", ["白玉兰", "海棠"], []),
    ("国家主席同鲁巴尼总统通电话。", ["鲁巴尼", "通电话"], ["鲁巴尼"]),
])
def test_the_gate_on_real_sentences(pipes, text, rules_read, gated):
    plain, gate = pipes
    assert persons(plain, text) == rules_read
    assert persons(gate, text) == gated


def _missed(text, taken=()):
    from kg.nlp.components.persons.lac_names import NameShape, missed_names
    rules = ruleset.current()
    tokens = tag_window(text, 0, len(text))
    return [text[s:e] + ":" + cue for s, e, cue in
            missed_names(text, (0, len(text)), tokens, list(taken), NameShape.of(rules), rules)]


def test_lac_names_the_rules_missed_need_a_cue_and_a_name_shape():
    assert _missed("周培隆同志任湖南省委书记。") == ["周培隆:suffix"]
    assert _missed("副省长孙立正出席开幕式。") == ["孙立正:title"]
    assert _missed("孙立正来到开幕式现场。") == []             # no cue
    assert _missed("周培隆同志任湖南省委书记。", [(0, 3)]) == []  # a rule read it


def test_an_item_lac_reads_as_a_noun_is_kept_beside_names_lac_confirms(pipes):
    """杜鹰 is a noun to LAC here; its neighbours, which LAC reads as names,
    vouch for it along the list."""
    plain, gate = pipes
    t = "会上，张海鹏、杜鹰、刘晓峰先后发言。"
    lac = {t[x.start:x.end]: x.tag for x in tag_window(t, 0, len(t))}
    assert lac["杜鹰"] != "PER" and lac["张海鹏"] == lac["刘晓峰"] == "PER"
    assert persons(plain, t) == persons(gate, t) == ["张海鹏", "杜鹰", "刘晓峰"]


def test_an_uncued_token_whose_surname_ends_lac_name_takes_lac_name():
    t = "的高某凌继续展示"
    words = toks(t, [("的", "u"), ("高某凌", "PER"), ("继续", "vd"), ("展示", "v")])
    assert judge(3, 6, "persons.lone_token", words, RULES, t) == (1, 4)
    assert judge(3, 6, "persons.title_before", words, RULES, t) == (3, 6)


def test_an_item_whose_edges_the_list_gives_is_never_cut_short():
    """某富和 between two 、: LAC reads its last 和 as a conjunction; the
    list's separators give the name's edges, so it is kept whole."""
    t = "陈立、罗志和、赵明"
    words = toks(t, [("陈立", "PER"), ("、", "w"), ("罗志", "PER"), ("和", "c"), ("、", "w"), ("赵明", "PER")])
    assert judge(3, 6, "persons.list_majority", words, RULES, t) == (3, 6)
    assert judge(3, 6, "persons.uncued_list_item", words, RULES, t) == (3, 5)
