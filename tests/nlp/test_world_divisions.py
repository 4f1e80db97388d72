"""Foreign first-level divisions from pycountry's ISO 3166-2 Chinese catalogue
(kg.nlp.world_divisions): which names are kept, and the located_in chains
they give on sentences written the way international news writes them."""

import dataclasses

import pytest

from kg import ruleset
from kg.errors import AssetMissing

try:
    from kg.nlp.gazetteer import load_gazetteer
    GAZ = load_gazetteer()
except AssetMissing:  # the division table is not set up: nothing to test
    pytest.skip("division table not set up (run `kg setup`)", allow_module_level=True)

from kg.extraction import extract_text  # noqa: E402
from kg.nlp import world_divisions  # noqa: E402

CFG = ruleset.current().places.world_divisions
COUNTRIES = [p for p in GAZ if p.level == "country"]


def _kept():
    return dict(world_divisions.divisions(CFG, COUNTRIES))


def test_states_provinces_and_prefectures_lie_in_their_country():
    kept = _kept()
    for name, country in [("马萨诸塞州", "美国"), ("喀拉拉邦", "印度"), ("魁北克省", "加拿大"),
                          ("福岛县", "日本"), ("车臣共和国", "俄罗斯")]:
        assert kept[name] == f"world-{country}", name
        (place,) = GAZ.candidates(name)
        assert (place.level, place.parent) == ("state", f"world-{country}")


def test_names_without_a_division_word_the_home_country_and_contested_ones_stay_out():
    kept = _kept()
    # the catalogue's bare names are other things in Chinese text (a Colombian department)
    assert "大西洋" not in kept and all(n.endswith(tuple(CFG.suffixes)) for n in kept)
    # the home country's divisions are the division table's, not ISO's
    assert "广东省" not in kept and not any(c == "world-中国" for c in kept.values())
    # a division the catalogue marks as not recognised (伪…) is no place of the other country
    assert not any(n.startswith("伪") for n in kept)
    # with the suffix gate off, the bare names would come in: the gate is what keeps them out
    loose = dict(world_divisions.divisions(dataclasses.replace(CFG, suffixes=("",)), COUNTRIES))
    assert "大西洋" in loose


def test_a_name_two_countries_share_names_neither():
    kept = world_divisions.divisions(CFG, COUNTRIES)
    names = [n for n, _ in kept]
    assert len(names) == len(set(names))


def _facts(text, date="2021-02-25"):
    out = extract_text(text, date)
    names = {e["id"]: e["name"] for e in out["entities"]}
    return {(names[r["head"]], r["type"], names[r["tail"]]) for r in out["relations"]}


def test_a_state_named_alone_lies_in_its_country_and_its_town_in_it():
    facts = _facts("美国多地近日发生枪击事件。田纳西州孟菲斯市当天也发生一起枪击，"
                   "马萨诸塞州的切尔西市拥有大批拉美裔居民。")
    assert ("田纳西州", "located_in", "美利坚合众国") in facts
    assert ("马萨诸塞州", "located_in", "美利坚合众国") in facts
    assert any(h.startswith("孟菲斯") and t == "田纳西州" for h, r, t in facts if r == "located_in")


def test_a_japanese_prefecture_lies_in_japan():
    facts = _facts("日本福岛县近海当天发生里氏7.3级地震，东京都多地有明显震感。")
    assert ("福岛县", "located_in", "日本") in facts
    assert ("东京都", "located_in", "日本") in facts


def test_a_state_the_table_lacks_is_not_cut_to_the_one_it_has():
    # the catalogue has 弗吉尼亚州 but not 西弗吉尼亚州: a direction before the
    # table's name opens a longer name, which stays whole and is no Virginia
    assert "西弗吉尼亚州" not in _kept()
    out = extract_text("美国俄亥俄州、阿肯色州和西弗吉尼亚州都推出了疫苗抽奖活动。", "2021-06-10")
    places = {e["name"] for e in out["entities"] if e["type"] == "PLACE"}
    assert "西弗吉尼亚州" in places and "弗吉尼亚州" not in places


def test_a_table_city_after_a_table_state_lies_in_the_state_too():
    facts = _facts("19日，美国宾夕法尼亚州费城的西部地区发生枪击事件。", "2021-06-20")
    assert ("费城", "located_in", "宾夕法尼亚州") in facts
    assert ("宾夕法尼亚州", "located_in", "美利坚合众国") in facts
