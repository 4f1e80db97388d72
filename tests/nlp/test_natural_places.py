"""kg_places: natural places no table holds, deserts, basins, islands and
archipelagos (rules/places.toml [natural]), and free trade ports as zones."""

import pytest

from kg import extract


def places(text):
    return {e["name"] for e in extract(text)["entities"] if e["type"] == "PLACE"}


@pytest.mark.parametrize("text, name", [
    ("位于准噶尔盆地腹地的一口探井获得高产油气流。", "准噶尔盆地"),
    ("科考队本月穿越库布其沙漠，采集了大量样本。", "库布其沙漠"),
    ("渔政船在舟山群岛附近海域开展巡查。", "舟山群岛"),
    ("崇明岛的生态环境持续改善。", "崇明岛"),
])
def test_a_named_desert_basin_or_island_is_a_place(text, name):
    assert name in places(text)


@pytest.mark.parametrize("text", [
    "该岛居民发展海岛旅游，全岛面积不大。",
    "治沙工人把沙漠变成绿洲，盆地里种满了庄稼。",
])
def test_a_feature_word_in_a_common_word_is_no_place(text):
    assert places(text) == set()


def test_a_free_trade_port_is_a_zone_in_its_province():
    out = extract("海南自由贸易港建设稳步推进，各项政策陆续落地。")
    names = {e["id"]: e["name"] for e in out["entities"]}
    assert "海南自由贸易港" in names.values()
    assert ("海南自由贸易港", "located_in", "海南省") in {
        (names[r["head"]], r["type"], names[r["tail"]]) for r in out["relations"]}


@pytest.mark.parametrize("text, kept", [
    ("葫芦岛港口吞吐量稳步增长。", "葫芦岛市"),          # a city's name, not an island
    ("平潭县平潭岛的游客增多。", "平潭县"),              # an island named like its county
])
def test_an_island_named_like_a_division_stays_the_division(text, kept):
    assert kept in places(text)


def test_a_basin_named_after_its_province_is_the_basin():
    assert "四川盆地" in places("受冷空气影响，四川盆地大部出现降雨。")
