"""kg_places on the segmenter's words: a short form is a place only as a
whole word at its start, and not when the word runs on into a natural
feature's head or on in transliteration characters (sentences written
for these tests)."""

import pytest
from conftest import make_nlp

from kg.nlp.mentions import mentions_of


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places")


def places(nlp, text):
    return [(m.text, m.attrs["canonical"]) for m in mentions_of(nlp(text)) if m.type == "PLACE"]


@pytest.mark.parametrize("text, word", [
    ("大会将隆重庆祝建党一百周年。", "重庆"),          # 隆重 | 庆祝
    ("会议阐述了一系列重大理论问题。", "大理"),          # 重大 | 理论
    ("其中国有企业占比超过一半。", "中国"),              # 其中 | 国有
    ("这条高速公路跨越南北两岸。", "越南"),              # 跨越 | 南北
    ("这个新乡村建设得很好，村民们都很满意。", "新乡"),   # 新乡村 "a new village"
    ("游客们来到延安宝塔山参观游览。", "宝塔"),          # a hill named like its district
    ("俄军已经包围了马里乌波尔市。", "马里"),            # the start of a longer foreign name
])
def test_short_form_inside_a_word_is_no_place(nlp, text, word):
    assert word not in [t for t, _c in places(nlp, text)]


@pytest.mark.parametrize("text, word", [
    ("重庆今年的经济增长很快。", "重庆"),
    ("中国人民银行发布了新的数据。", "中国"),           # 中国人民银行: a word running on with no feature head
    ("代表团访问了天津港和青岛港。", "天津"),           # a port still speaks of its city
    ("越南总理会见了中国代表团。", "越南"),
    ("双方在沙特阿拉伯举行会谈。", "沙特"),              # more of the country's own name
])
def test_short_form_as_a_word_is_a_place(nlp, text, word):
    assert word in [t for t, _c in places(nlp, text)]


def test_full_names_are_not_judged_by_words(nlp):
    # a full name glued into a longer word by the segmenter is still the place
    assert ("云南省", "云南省") in places(nlp, "云南省委召开会议。")


@pytest.mark.parametrize("text, word", [
    # a foreign state's transliterated name running on into a city's with 州
    ("悉尼和昆士兰州首府布里斯班进入封锁状态。", "兰州"),
    # a country + 化 is a verb or an adjective of it
    ("推进马克思主义中国化时代化。", "中国"),
    # a foreign city's full name running on in transliteration: a village's name
    ("俄军导弹打击了乌克兰亚历山大罗夫卡等地的军事设施。", "亚历山大"),
])
def test_a_place_read_inside_a_foreign_name_or_a_derivation_is_none(nlp, text, word):
    assert word not in [t for t, _c in places(nlp, text)]


def test_a_foreign_city_before_a_word_of_its_own_or_a_non_transliterated_head_stays(nlp):
    assert "亚历山大" in [t for t, _c in places(nlp, "埃及亚历山大港迎来首批游客。")]
    assert "亚历山大" in [t for t, _c in places(nlp, "代表团抵达亚历山大参观。")]


def test_a_city_after_an_ordinary_verb_or_before_a_longer_word_stays(nlp):
    assert "兰州" in [t for t, _c in places(nlp, "代表团抵达兰州考察。")]
    assert "苏州" in [t for t, _c in places(nlp, "项目拉动苏州经济增长。")]


def test_a_bilateral_pair_of_a_named_country_and_china_is_no_city(nlp):
    got = places(nlp, "巴西外长表示，巴中相互尊重，友谊深厚。")
    assert ("巴中", "巴中市") not in got and len([t for t, _c in got if t in "巴中"]) == 2
    kept = places(nlp, "巴西客商到四川巴中考察。")
    assert any(t == "巴中" for t, _c in kept)


def test_a_foreign_place_straddling_a_longer_home_division_yields_to_it(nlp):
    """黄|河内|蒙古段: Hanoi (河内) starts first but straddles 内蒙古, a longer
    home division's name; the division wins and 蒙古 inside it is no country."""
    got = places(nlp, "随着气温持续走低，黄河内蒙古段封河速度加快。")
    assert got == [("内蒙古", "内蒙古自治区")]
    assert ("河内", "河内") in places(nlp, "越南河内市举行活动。")


def test_a_place_before_a_descent_character_is_a_people_not_the_place(nlp):
    """某某裔 (非洲裔, 亚裔): people of that descent, no mention of the place."""
    got = places(nlp, "在加利福尼亚州的一些远郊地区，非洲裔、拉美裔群体也很难获得疫苗。")
    assert ("非洲", "非洲") not in got
    assert ("非洲", "非洲") in places(nlp, "非洲国家代表出席会议。")
