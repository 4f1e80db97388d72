"""kg_places: provinces written by their one-character abbreviations in a
run (rules/places.toml [province_abbreviations]), and the act they do
together (kg.relations.subjects.coordinated)."""

import pytest

from conftest import make_nlp
from linked_text import introduced_pairs as introduced


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places")


def places(nlp, text):
    return [m.attrs["canonical"] for m in nlp(text)._.kg_mentions if m.type == "PLACE"]


@pytest.mark.parametrize("text, names", [
    ("记者获悉，“湘鄂赣”三省应急部门加强会商。", ["湖南省", "湖北省", "江西省"]),
    ("苏浙沪签署生态环境联合执法合作协议。", ["江苏省", "浙江省", "上海市"]),
    ("川渝两地共享预警信息。", ["四川省", "重庆市"]),
])
def test_a_run_in_quotes_or_before_a_joint_act_names_the_provinces(nlp, text, names):
    assert places(nlp, text) == names


@pytest.mark.parametrize("text", [
    "青藏高原生态保护取得新进展。",            # a plateau: no cue
    "两国关系迈上新台阶。",                    # a word
    "代表们来自粤港澳大湾区。",                # a zone's name: no cue
    "李沪宁签署了文件。",                      # the end of a given name
])
def test_other_runs_of_abbreviation_characters_name_no_province(nlp, text):
    assert [p for p in places(nlp, text) if p.endswith(("省", "市", "区"))] == []


def test_the_provinces_of_a_run_introduce_together_and_the_quote_is_no_program_name():
    got = introduced("记者获悉，“湘鄂赣”建立防汛抗旱联防联控机制。")
    assert got == {(p, "防汛抗旱联防联控机制") for p in ("湖南省", "湖北省", "江西省")}


@pytest.mark.parametrize("text, names", [
    ("国家主席25日在京会见来访的外国客人。", ["北京市"]),
    ("调研组一行日前赴沪考察，月底离京回国。", ["上海市", "北京市"]),
])
def test_one_abbreviation_after_a_verb_of_being_or_going_is_that_province(nlp, text, names):
    assert places(nlp, text) == names


@pytest.mark.parametrize("text", [
    "剧团在京剧院连演三场。",                  # the character starts a longer word
    "专家在京津冀地区开展调研。",              # a run naming a region, no cue
    "现在京城的天气很好。",                    # 现在 + a word of its own
])
def test_an_abbreviation_starting_a_longer_word_is_no_province(nlp, text):
    assert [p for p in places(nlp, text) if p.endswith(("省", "市"))] == []
