"""Precision gates of AGENCY and ORG readings (kg.nlp.components.body_shape,
kg.nlp.components.foreign): a body's name needs a body's shape, a foreign
or another party's body is its own entity, a ministry is no part_of the
State Council unless its name says so. Sentences written for these tests."""

import pytest

from kg import extract


def entities(text, etype=None):
    out = extract(text, "2022-03-01")
    return {e["name"] for e in out["entities"] if etype is None or e["type"] == etype}


def relations(text):
    out = extract(text, "2022-03-01")
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], r["type"], name[r["tail"]]) for r in out["relations"]}


@pytest.mark.parametrize("text", [
    "在百年变局中开好局、起好步，奋力开新局。",            # 变局, 开好局: nouns and verb phrases in 局
    "江西有120多所学校参加了活动。",                      # a count + 所
    "县委十二届第7次常委会传达学习了会议精神。",          # a sitting of the committee, not a body
])
def test_phrases_ending_in_a_body_character_are_no_agency(text):
    got = entities(text, "AGENCY")
    assert not any(n.endswith(("局", "所")) for n in got)
    assert not any("次" in n for n in got)


def test_a_body_is_read_after_the_verb_that_takes_it():
    got = entities("首长视察武警某机动总队，看望官兵。", "AGENCY")
    # 武警 is the armed police (rules/central_bodies.tsv): its unit is named under the force's full name
    assert "中国人民武装警察部队某机动总队" in got and not any(n.startswith("视察") for n in got)
    got = entities("民警联合城关派出所开展巡逻。", "AGENCY")
    assert "城关派出所" in got and not any(n.startswith("联合") for n in got)
    assert "选举委员会" in entities("法律赋予选举委员会新的职能。", "AGENCY")


def test_two_bodies_of_two_states_are_not_one():
    got = entities("秘鲁政府指责时任哥伦比亚政府破坏协议。", "AGENCY")
    assert not any("指责" in n for n in got)
    assert "哥伦比亚政府" in got


def test_a_title_and_a_foreign_name_are_no_body():
    got = entities("菲律宾新任总统马科斯宣誓就职。俄罗斯联邦委员会主席马特维延科致辞。")
    assert "马科斯" in got and "马特维延科" in got
    assert not any(n.endswith("科") for n in got - {"马特维延科"})


def test_a_county_body_after_a_district_is_no_body_of_the_district():
    assert not any(n.endswith("县政府") for n in entities("雁塔区县政府派员参加。", "AGENCY"))
    # 区县政府: every district's and county's government, no one body
    assert not any(n.endswith("县政府") for n in entities("市长约谈了两个区县政府主要负责人。", "AGENCY"))


def test_foreign_bodies_named_like_central_ones_are_their_own():
    got = entities("欧洲央行行长表示将加息。越共中央政治局召开会议。农工党中央主席出席。")
    assert {"欧洲央行", "越共中央政治局", "农工党中央"} <= got
    assert not {"中国人民银行", "中共中央政治局", "中共中央"} & got


def test_a_foreign_party_named_after_its_country_is_its_own():
    got = entities("习近平致电祝贺他当选老挝人民革命党中央委员会总书记。", "AGENCY")
    assert "老挝人民革命党中央委员会" in got and "中共中央" not in got


def test_the_home_party_is_still_the_central_committee():
    got = entities("代表党中央和中央军委向官兵致以问候。中共中央政治局召开会议。", "AGENCY")
    assert {"中共中央", "中共中央政治局"} <= got


def test_a_ministry_is_no_part_of_the_state_council_unless_its_name_says_so():
    r = relations("国务院常务会议召开。外交部发言人答问。国务院办公厅印发通知。")
    assert ("外交部", "part_of", "国务院") not in r
    assert ("国务院办公厅", "part_of", "国务院") in r


def test_a_coordination_group_and_its_office():
    r = relations("中央反腐败协调小组国际追逃追赃工作办公室部署追逃工作。")
    assert ("中央反腐败协调小组国际追逃追赃工作办公室", "part_of", "中央反腐败协调小组") in r


@pytest.mark.parametrize("text, name", [
    ("他来自红山艺术职业学院。", "红山艺术职业学院"),                  # a verb before the name
    ("一些地方村镇银行风险较高。两家农机合作社获得表彰。", None),  # a count before a kind: no name
    ("某集团军某旅开展演练。", None),                                   # 集团军: no company
    ("中国科学院上海有机化学研究所发布成果。", "中国科学院上海有机化学研究所"),
    ("市残联和北京市妇联联合开展活动。", "北京市妇联"),                   # mass organisations
])
def test_org_names_are_whole_and_start_where_a_name_does(text, name):
    got = entities(text, "ORG")
    assert not any(n.startswith(("来自", "些", "家", "地方")) or n.endswith("集团") for n in got)
    if name is not None:
        assert name in got


def test_a_verb_whose_object_is_a_body_is_no_part_of_its_name():
    got = entities("首长参观支队荣誉室。伤员被送往医院救治。", )
    assert not any(n.startswith(("首长参观", "伤员送往", "送往")) for n in got)


def test_a_party_named_after_its_country_and_the_home_party_in_full():
    got = entities("智利共产党中央委员会发来贺电。中国共产党中央政治局召开会议。", "AGENCY")
    assert "中共中央政治局" in got and not any(n.startswith("共产党") for n in got)
    assert any(n.startswith("智利共产党中央") for n in got) and "中共中央" not in got


def test_the_national_committee_named_with_its_term_is_the_central_body():
    assert "中国人民政治协商会议全国委员会" in entities("政协第十四届全国委员会第二次会议在京开幕。", "AGENCY")


def test_a_kind_word_or_a_count_before_a_company_is_no_part_of_its_name():
    got = entities("行业领先企业红星集团发布新品。这是国内第3家期货交易所。", "ORG")
    assert "红星集团" in got
    assert not any(n.startswith(("行业", "国内第", "第3家")) for n in got)


def test_a_head_word_of_two_characters_is_read_whole():
    """总站 and 当局 are head words of their own, not a glued 站 or 局."""
    r = relations("广西出入境边防检查总站北海边境管理支队开展巡逻。某某当局宣布新规。")
    assert ("广西出入境边防检查总站北海边境管理支队", "part_of", "广西出入境边防检查总站") in r
    assert "印度当局" in entities("印度当局表示将开展调查。", "AGENCY")


def test_a_head_character_that_starts_a_place_is_no_head():
    got = entities("科索沃当局想让科索沃塞族人更换车牌。", "AGENCY")
    assert got == {"科索沃当局"}


def test_the_central_committee_by_its_term_alone_and_another_partys():
    got = entities("会议讨论了十九届中央委员会向大会的报告。越共十三届中央委员会召开会议。", "AGENCY")
    assert "中共中央" in got and not any(n.startswith("越共") and "中共中央" in n for n in got)
    out = extract("越共十三届中央委员会召开会议。", "2022-03-01")
    assert "中共中央" not in {e["name"] for e in out["entities"]}
