"""kg_places on foreign divisions and languages: a foreign city right before
a division character names the division (the whole name, no table record);
a country right before a language's or people's character is no place; a
short form the next word goes on from in transliteration is no place
(sentences written for these tests)."""

import pytest
from conftest import make_nlp

from kg.nlp.mentions import mentions_of


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places")


def places(nlp, text):
    return [(m.text, m.attrs.get("code")) for m in mentions_of(nlp(text)) if m.type == "PLACE"]


@pytest.mark.parametrize("text, whole, city", [
    ("当地卫生部门说，洛杉矶县上周新增病例超过两万例。", "洛杉矶县", "洛杉矶"),
    ("纽约州州长宣布全州进入紧急状态。", "纽约州", "纽约"),
    ("大阪府知事当天呼吁民众减少外出。", "大阪府", "大阪"),
    ("基辅州多地昨夜响起防空警报。", "基辅州", "基辅"),
])
def test_a_foreign_city_before_a_division_character_names_the_division(nlp, text, whole, city):
    found = places(nlp, text)
    # the whole name, of no record or of the foreign divisions' table
    assert any(t == whole and (c is None or c.endswith("-" + whole)) for t, c in found)
    assert city not in [t for t, _c in found]


def test_a_foreign_city_alone_or_before_its_own_level_stays_the_city(nlp):
    found = dict(places(nlp, "纽约市长表示，纽约的疫情有所缓和。"))
    assert found.get("纽约", "").startswith("world-")


@pytest.mark.parametrize("text, name", [
    ("该书已出版蒙古文、朝鲜文等多个文版。", "蒙古"),
    ("学校开设了越南语和西班牙语课程。", "越南"),
    ("当地朝鲜族群众载歌载舞欢度节日。", "朝鲜"),
])
def test_a_country_before_a_language_character_is_no_place(nlp, text, name):
    assert name not in [t for t, _c in places(nlp, text)]


@pytest.mark.parametrize("text, name", [
    ("两国将加强中国文化和艺术的交流。", "中国"),     # 中国|文化: a longer word starts at 文
    ("报告谈到了美国族群对立加剧的问题。", "美国"),   # 美国|族群
])
def test_a_country_before_a_word_starting_with_that_character_stays(nlp, text, name):
    assert name in [t for t, _c in places(nlp, text)]


def test_a_short_form_the_next_word_goes_on_from_in_transliteration_is_no_place(nlp):
    assert "马里" not in [t for t, _c in places(nlp, "交战双方正在马里乌波尔附近集结兵力。")]
    assert "马里" in [t for t, _c in places(nlp, "马里总统会见了中国代表团。")]


@pytest.mark.parametrize("text, codes", [
    ("湖北省恩施州和浙江省湖州市德清县都出台了新政策。", {"422800", "330500", "330521"}),
])
def test_home_places_before_level_characters_come_from_the_table(nlp, text, codes):
    assert codes <= {c for _t, c in places(nlp, text)}
