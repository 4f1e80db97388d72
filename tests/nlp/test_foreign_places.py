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
    "在受灾最严重的得克萨斯州，电力中断。",      # the tail of a longer name (得|克萨斯)
])
def test_a_person_or_a_cut_name_is_no_foreign_place(nlp, text):
    assert places(nlp, text) == []
