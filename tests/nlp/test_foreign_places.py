"""kg_places: foreign places no table holds, read from a transliterated run
where the words around it say "where" and LAC tags it a location
(rules/places.toml [foreign_runs])."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places")


def places(nlp, text):
    return [m.text for m in nlp(text)._.kg_mentions if m.type == "PLACE" and m.rule == "places.foreign_run"]


@pytest.mark.parametrize("text, name", [
    ("俄军已在顿涅茨克击溃武装分子。", "顿涅茨克"),
    ("俄军在亚速海重镇马里乌波尔开放人道主义走廊。", "马里乌波尔"),
    ("中方在哈尔科夫等地组织撤侨。", "哈尔科夫"),
])
def test_a_transliterated_town_where_something_happens_is_a_place(nlp, text, name):
    assert places(nlp, text) == [name]


@pytest.mark.parametrize("text", [
    "在普京的邀请下，代表团抵达会场。",          # a person after 在
])
def test_a_person_or_a_cut_name_is_no_foreign_place(nlp, text):
    assert places(nlp, text) == []


def test_a_run_cut_from_a_longer_name_is_read_with_its_first_character(nlp):
    """得|克萨斯: the transliteration run is the tail of a name whose first
    character no list holds; the whole name is the place, never the tail
    (the foreign divisions' table, kg.nlp.world_divisions, now has this one)."""
    found = [m.text for m in nlp("在受灾最严重的得克萨斯州，电力中断。")._.kg_mentions if m.type == "PLACE"]
    assert found == ["得克萨斯州"]


@pytest.mark.parametrize("text, name", [
    ("当地时间3日，乌克兰军队撤出北卢甘斯克市。", "北卢甘斯克"),     # a direction opens the name
    ("在南萨哈林斯克，当地举行了纪念活动。", "南萨哈林斯克"),
])
def test_a_town_named_from_a_direction_before_its_transliteration_is_whole(nlp, text, name):
    assert places(nlp, text) == [name]


@pytest.mark.parametrize("text, name", [
    ("当地时间5日，武装分子袭击了马昌加里附近的一个村庄。", "马昌加里"),  # 昌: no transliteration character
    ("俄军称已控制奥昌斯克市。", "奥昌斯克"),
])
def test_a_town_with_one_other_character_in_its_transliteration_is_a_place(nlp, text, name):
    assert places(nlp, text) == [name]


def test_a_run_with_another_character_right_after_a_home_place_is_no_foreign_place(nlp):
    assert places(nlp, "北京天安门地区今晚实行交通管制。") == []


def test_a_run_with_another_character_after_a_foreign_country_is_a_place(nlp):
    found = [m.text for m in nlp("美国得克萨斯州遭遇罕见寒潮。")._.kg_mentions if m.type == "PLACE"]
    assert "得克萨斯州" in found and "克萨斯州" not in found   # a foreign run or the divisions' table


def test_a_state_after_its_country_and_a_region_of_it_is_a_place(nlp):
    """某国|东北部|某某州政府: LAC reads the country, the region and the state
    with its government as one location word; the state is still read."""
    assert places(nlp, "巴西东北部伯南布哥州政府1日发布消息说，洪灾已造成多人死亡。") == ["伯南布哥州"]


@pytest.mark.parametrize("text, name", [
    ("乌克兰方面称，乌军在巴赫穆特等地击退俄军进攻。", "巴赫穆特"),          # LAC: PER
    ("据叙利亚军方消息，叙利亚中部霍姆斯省一军用机场遭到导弹袭击。", "霍姆斯省"),  # LAC: 霍姆斯省一 PER
])
def test_a_town_lac_reads_as_a_person_is_a_place_where_the_words_say_place(nlp, text, name):
    assert places(nlp, text) == [name]


def test_the_towns_listed_with_a_foreign_place_are_places_too(nlp):
    """LAC reads the second item a noun, the third a person; the list is of places."""
    text = "俄罗斯国防部称，俄军在顿涅茨克、库皮扬斯克、红利曼等方向打击了乌克兰军事目标。"
    assert places(nlp, text) == ["顿涅茨克", "库皮扬斯克", "红利曼"]


@pytest.mark.parametrize("text", [
    "在普京和马克龙会谈后，双方发表声明。",          # persons after 在, listed
    "记者从叙利亚霍姆斯那里获悉。",                 # no division character after the run
])
def test_persons_listed_or_after_a_country_are_no_foreign_places(nlp, text):
    assert places(nlp, text) == []
