"""kg.nlp.components.international (in kg_orgs): international organisations
and news agencies named by rules/international_orgs.tsv, and parties named
after a foreign country; and the ORG suffixes of media, associations, mines
and plants (rules/orgs.toml suffixes)."""

import pytest

from conftest import make_nlp
from kg.extraction import extract_text


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_resolve")


def orgs(nlp, text):
    return [m.text for m in nlp(text)._.kg_resolved if m.type == "ORG"]


@pytest.mark.parametrize("text, names", [
    ("世卫组织当天发布疫情周报。", ["世卫组织"]),
    ("美国和北约的举动加剧了地区紧张局势。", ["北约"]),
    ("欧盟与东盟代表出席了会议。", ["欧盟", "东盟"]),
    ("联合国安理会就局势举行紧急会议。", ["联合国安理会"]),          # the longest name, not 联合国
    ("上海合作组织成员国元首理事会会议在撒马尔罕举行。", ["上海合作组织"]),  # over the place inside
    ("据新华社报道，双方签署了合作文件。", ["新华社"]),
    ("金砖国家领导人第十四次会晤以视频方式举行。", ["金砖国家"]),       # a forum of states, not a place
    ("中非合作论坛第八届部长级会议在达喀尔开幕。", ["中非合作论坛"]),
    ("博鳌亚洲论坛2021年年会开幕。", ["博鳌亚洲论坛"]),                # 亚洲 inside its name is no place
])
def test_a_tabled_name_is_an_org(nlp, text, names):
    assert orgs(nlp, text) == names


@pytest.mark.parametrize("text, names", [
    ("该村位于县城西北约20公里处。", []),                    # 西北|约: no 北约
    ("总台联合国内十大媒体发起倡议。", ["总台"]),            # 联合|国内: no 联合国
])
def test_a_tabled_name_cut_from_other_words_is_no_org(nlp, text, names):
    assert [m.text for m in nlp(text)._.kg_resolved if m.rule == "orgs.international"] == names


def test_the_short_and_the_full_form_are_one_entity_with_the_canonical_name():
    out = extract_text("北约秘书长表示，北大西洋公约组织将继续东扩。世界卫生组织和世卫组织专家。", "2022-03-01")
    found = {e["name"]: sorted(e["aliases"]) for e in out["entities"] if e["type"] == "ORG"}
    assert found == {"北大西洋公约组织": ["北约"], "世界卫生组织": ["世卫组织"]}


@pytest.mark.parametrize("text, names", [
    ("柬埔寨人民党主席会见了代表团。", ["柬埔寨人民党"]),
    ("莫桑比克解放阵线党举行全国代表大会。", ["莫桑比克解放阵线党"]),   # the longest ending
    ("美国民主党和共和党议员展开辩论。", ["美国民主党"]),               # 和 ends the name
])
def test_a_party_named_after_a_foreign_country_is_an_org(nlp, text, names):
    assert orgs(nlp, text) == names


@pytest.mark.parametrize("text, names", [
    ("土耳其内政部称，初步调查显示库尔德工人党参与制造了这起爆炸事件。", ["库尔德工人党"]),   # a people's, no country's
])
def test_a_party_named_by_a_people_is_an_org(nlp, text, names):
    assert orgs(nlp, text) == names


def test_a_party_at_home_is_no_peoples_party(nlp):
    assert not [m for m in nlp("中国农工民主党和台湾民主自治同盟代表出席。")._.kg_resolved
                if m.rule == "orgs.foreign_party"]


@pytest.mark.parametrize("text", [
    "美国两党议员提出法案。",                    # a count of parties
    "伊拉克北部某武装组织遭到打击。",            # a region of the country, no party
    "日本党员代表团访华。",                      # 党员: no party named
])
def test_no_party_where_the_country_is_followed_by_no_party_name(nlp, text):
    assert not [m for m in nlp(text)._.kg_resolved if m.rule == "orgs.foreign_party"]


@pytest.mark.parametrize("text, org", [
    ("今天出版的人民日报将发表评论员文章。", "人民日报"),
    ("俄罗斯卫星通讯社援引消息人士的话说。", "俄罗斯卫星通讯社"),
    ("中国人权研究会举办研讨会。", "中国人权研究会"),
    ("河北青山沟煤矿发生透水事故。", "河北青山沟煤矿"),
    ("金沙江乌东德水电站全部机组投产发电。", "金沙江乌东德水电站"),
])
def test_media_associations_mines_and_plants_are_orgs(nlp, text, org):
    assert orgs(nlp, text) == [org]


@pytest.mark.parametrize("text", [
    "沿江六座水电站全部建成投产。",              # a count of plants, none named
    "各地实行生活物资日报制度。",                # 日报|制度: a daily report
    "两部门召开联合会议研究部署。",              # 联合|会议
])
def test_a_count_or_a_word_in_a_suffix_is_no_org(nlp, text):
    assert orgs(nlp, text) == []


@pytest.mark.parametrize("text", [
    "本报讯【东海日报记者李明】12月12日，全市召开会议。",   # the reporter's paper
    "2021-12-10 来源:东海日报\n全市召开会议。",              # the page's source line
])
def test_a_paper_crediting_the_page_or_its_reporter_is_no_org(nlp, text):
    assert orgs(nlp, text) == []


@pytest.mark.parametrize("text, org", [
    ("美国某某研究中心发布的民调显示。", None),
    ("英国经济与社会研究中心发布预测报告。", "英国经济与社会研究中心"),     # after a foreign place: no AGENCY
    ("东海大学海洋政策研究中心举办论坛。", "东海大学海洋政策研究中心"),
    ("中华全国手工业合作总社召开理事会。", "中华全国手工业合作总社"),
])
def test_research_centres_and_cooperative_federations_are_orgs(nlp, text, org):
    found = [(m.type, m.text) for m in nlp(text)._.kg_resolved if m.type in ("ORG", "AGENCY")]
    assert found == ([("ORG", org)] if org else found)
    assert not [t for t, _ in found if t == "AGENCY"]


def test_a_central_research_centre_stays_an_agency(nlp):
    assert [(m.type, m.text) for m in nlp("国务院发展研究中心发布报告。")._.kg_resolved] \
        == [("AGENCY", "国务院发展研究中心")]


@pytest.mark.parametrize("text", ["要建设更多的基础学科研究中心。", "培育一批现代物流企业集团。"])
def test_a_quantified_kind_of_body_is_no_org(nlp, text):
    assert orgs(nlp, text) == []


def test_a_research_centre_with_no_proper_name_is_no_org(nlp):
    assert orgs(nlp, "园区陆续完成植物科学研究中心、种质资源保藏中心等项目。") == []


@pytest.mark.parametrize("text, name", [
    ("欧盟统计局13日公布的数据显示。", "欧盟统计局"),                      # a unit of the union
    ("中国欧盟商会发布年度报告。", "中国欧盟商会"),                        # another body named after it
])
def test_a_tabled_name_inside_a_longer_bodys_name_is_that_body(nlp, text, name):
    assert [m.text for m in nlp(text)._.kg_resolved if m.type in ("ORG", "AGENCY")] == [name]


def test_no_party_of_both_sides(nlp):
    assert not [m for m in nlp("中泰双方政党加强交流。")._.kg_resolved if m.rule == "orgs.foreign_party"]


def test_a_tabled_name_before_a_subordination_word_stands_alone(nlp):
    found = [m.text for m in nlp("新华社所属中国新闻网发布消息。")._.kg_resolved if m.type == "ORG"]
    assert found[0] == "新华社"
