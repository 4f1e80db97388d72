"""kg.nlp.components.program_regions and the heads of wave 13 in
kg.nlp.components.programs: a region's programme named by its place
(某某某|协同发展, 某河|文化带, 某江|大保护), a state fair named by its country
(中国国际某某|博览会), a quoted policy line's layout (“某某”总体布局), an
unquoted route or initiative (某某陆海新通道, 某某海峡和平倡议), a quoted
festival (“某某年货节”) and a quoted vehicle listed before 等载体
(rules/programs.toml)."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_programs", "kg_resolve")


def programs(nlp, text):
    return [m.text for m in nlp(text)._.kg_mentions if m.type == "PROGRAM"]


@pytest.mark.parametrize("text, name", [
    ("会议研究了深入推进京津冀协同发展的具体举措。", "京津冀协同发展"),
    ("该市主动融入长三角一体化发展，打造开放新高地。", "长三角一体化发展"),
    ("今年以来，大运河文化带建设稳步推进。", "大运河文化带"),
    ("沿江各地共抓长江大保护，生态环境明显改善。", "长江大保护"),
    ("新时代推进西部大开发形成新格局。", "西部大开发"),
    ("到2025年，上海国际科技创新中心建设取得新进展。", "上海国际科技创新中心"),
])
def test_a_place_stem_before_a_region_head_names_the_regions_programme(nlp, text, name):
    assert name in programs(nlp, text)


@pytest.mark.parametrize("text", [
    "要推动产业协同发展，促进城乡一体化发展。",        # kinds of development, no place
    "两地共建长三角生态绿色一体化发展示范区。",        # a zone's name
    "湖北省是长江经济带的重要组成部分。",              # a region, not its programme
])
def test_no_place_stem_or_a_zone_after_the_head_names_no_region_programme(nlp, text):
    assert not any(p.endswith(("协同发展", "一体化发展", "经济带")) for p in programs(nlp, text))


def test_a_region_name_inside_a_longer_programme_is_that_ones(nlp):
    names = programs(nlp, "各地认真落实长江经济带发展战略，开展长江大保护专项整治行动。")
    assert "长江大保护" not in names


@pytest.mark.parametrize("text, name", [
    ("欢迎该国企业参加中国国际消费品博览会。", "中国国际消费品博览会"),
    ("第五届中国—某某国家博览会今天开幕。", "中国—某某国家博览会"),
    ("2021年中国国际服务贸易交易会在北京举办。", "中国国际服务贸易交易会"),
])
def test_a_fair_named_by_the_country_is_a_program(nlp, text, name):
    assert name in programs(nlp, text)


@pytest.mark.parametrize("text, names", [
    ("全会强调，坚持统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。",
     ["“五位一体”总体布局", "“四个全面”战略布局"]),
])
def test_a_quoted_line_before_a_layout_head_is_a_program(nlp, text, names):
    assert all(n in programs(nlp, text) for n in names)


def test_a_layout_head_unquoted_names_nothing(nlp):
    assert programs(nlp, "要优化区域发展总体布局。") == []


@pytest.mark.parametrize("text, name", [
    ("该国表示将继续推进马六甲海峡和平倡议。", "马六甲海峡和平倡议"),
    ("沿线省份合力推进西部陆海新通道建设。", "西部陆海新通道"),
])
def test_an_unquoted_initiative_or_route_is_a_program(nlp, text, name):
    assert name in programs(nlp, text)


@pytest.mark.parametrize("text", [
    "中方提出四点倡议。",                          # a count of proposals
    "峰会发表共同倡议。",                          # a call published
    "构建了一条绿色低碳的陆上运输新通道。",        # a route described after 的
])
def test_a_counted_published_or_described_head_names_none(nlp, text):
    assert programs(nlp, text) == []


def test_a_quoted_campaign_before_a_published_call_keeps_its_own_name(nlp):
    assert programs(nlp, "某某协会发布“某某创新争先”行动倡议。") == ["“某某创新争先”行动"]


@pytest.mark.parametrize("text, name", [
    ("“2022全国网上年货节”期间，各地网络零售额稳步增长。", "“2022全国网上年货节”"),
    ("该市通过“红色宣讲车”等载体组织基层宣讲。", "“红色宣讲车”"),
])
def test_a_quoted_festival_or_a_listed_vehicle_is_a_program(nlp, text, name):
    assert programs(nlp, text) == [name]


def test_a_holidays_short_quoted_name_is_none(nlp):
    assert programs(nlp, "大家欢度“春节”。") == []


@pytest.mark.parametrize("text, name", [
    ("近几年，该省实施珠江水域禁捕退捕，构建生态廊道。", "珠江水域禁捕退捕"),
    ("我国正式实施公海自主休渔。", "公海自主休渔"),
])
def test_a_fishing_ban_put_in_force_is_a_program(nlp, text, name):
    assert name in programs(nlp, text)


@pytest.mark.parametrize("text", [
    "该县实施禁渔。",                              # no waters named
    "该部启动长江退捕渔民安置。",                  # the fishermen's, a noun after the head
])
def test_a_bare_ban_or_a_noun_after_it_names_no_ban(nlp, text):
    assert not any(p.endswith(("禁渔", "退捕")) for p in programs(nlp, text))
