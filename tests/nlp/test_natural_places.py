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


@pytest.mark.parametrize("text, name", [
    ("两国海军舰艇近日通过马六甲海峡，前往印度洋。", "马六甲海峡"),
    ("渔船在北部湾海域作业时遇到大风。", "北部湾"),
    ("受冷空气影响，黄海中部海面有大风。", "黄海"),
    ("当地持续推进九龙溪流域综合治理。", "九龙溪"),
])
def test_a_named_strait_bay_sea_or_stream_is_a_place(text, name):
    assert name in places(text)


@pytest.mark.parametrize("text, absent", [
    ("企业积极开拓海外市场。", "海外"),
    ("沿海地区加强防台风准备。", "沿海"),
    ("台湾同胞踊跃参加交流活动。", "台湾"),       # 台湾省, not a bay
    ("上海加快建设国际航运中心。", "上海"),        # 上海市, not a sea
])
def test_a_water_word_in_running_text_is_no_natural_place(text, absent):
    assert absent not in places(text)


def test_a_desert_of_a_basin_names_the_basin():
    found = places("位于准噶尔盆地沙漠地区的一口探井获得高产油气流。")
    assert "准噶尔盆地" in found and "准噶尔盆地沙漠" not in found


@pytest.mark.parametrize("text, absent", [
    ("东南沿海地区迎来强降雨。", "东南沿海"),
    ("这里是一片南国林海。", "南国林海"),
    ("车队沿某海高速一路向西。", "某海"),         # a road's short name, no sea
])
def test_a_sea_word_that_is_no_sea_is_no_place(text, absent):
    assert absent not in places(text)
