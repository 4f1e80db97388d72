"""kg.nlp.components.orgs (kg_orgs): companies, hospitals, banks, teams,
read leftwards from an ORG suffix; state bodies win an overlap."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_resolve")


def orgs(nlp, text):
    return [m.text for m in nlp(text)._.kg_resolved if m.type == "ORG"]


@pytest.mark.parametrize("text, org", [
    ("中源信诚（北京）建筑装饰有限公司中标。", "中源信诚（北京）建筑装饰有限公司"),   # a bracketed place stays inside
    ("副市长靳伟因北京长峰医院火灾被问责。", "北京长峰医院"),                      # starts at the place, after the person
    ("中国工商银行北京分行开展活动。", "中国工商银行北京分行"),                    # a branch named after its bank
    ("联合贵州银行雷山支行开展宣传。", "贵州银行雷山支行"),                        # after the verb
    ("四川队战胜上海女排。", "四川队"),                                            # a place + 队
    ("中华明德和平教育基金会董事长出席论坛。", "中华明德和平教育基金会"),          # 和 inside 和平
    ("中国人民对外友好协会会长会见代表团。", "中国人民对外友好协会"),              # 对 inside 对外
    ("加州大学圣迭戈分校近日发布研究报告。", "加州大学圣迭戈分校"),                # a university's campus
    ("北京和天津银行开展合作。", "天津银行"),                                      # 和 as a word still stops
])
def test_org_names(nlp, text, org):
    assert orgs(nlp, text) == [org]


def test_a_place_inside_an_org_name_is_nested_in_it(nlp):
    doc = nlp("副市长靳伟因北京长峰医院火灾被问责。")
    [place] = [m for m in doc._.kg_resolved if m.type == "PLACE"]
    assert place.text == "北京" and place.attrs["nested"]


def test_a_central_body_ending_like_a_bank_is_an_agency(nlp):
    doc = nlp("中国人民银行发布数据。")
    assert ("ORG", "中国人民银行") in [(m.type, m.text) for m in doc._.kg_mentions]     # proposed…
    assert [(m.type, m.text) for m in doc._.kg_resolved] == [("AGENCY", "中国人民银行")]  # …and outranked


def test_a_count_of_firms_is_no_firm(nlp):
    assert orgs(nlp, "三家公司参加。") == []


@pytest.mark.parametrize("text", [
    "各地要有序引导大学毕业生到基层就业。",          # a verb phrase before 大学
    "要缓解医院人手不足造成的压力。",                # a verb before 医院
    "民警还送孕妇上医院，护送群众回家。",            # a clause ending in 医院
    "专家们探讨跨国公司在产业链中的作用。",          # a verb + a kind of firm
    "全省启用了12家定点救治医院。",                  # a count before a kind of hospital
])
def test_a_clause_or_a_kind_before_an_org_suffix_is_no_org(nlp, text):
    assert orgs(nlp, text) == []


@pytest.mark.parametrize("text, org", [
    ("他们致信祝贺中国水利学会成立九十周年。", "中国水利学会"),        # the words before the name are cut
    ("英国媒体援引汇丰集团的预测报告说。", "汇丰集团"),              # after 援引, not from 英国媒体
    ("各方表示支持国际开发协会增资。", "国际开发协会"),
])
def test_an_org_name_starts_after_the_verbs_before_it(nlp, text, org):
    assert orgs(nlp, text) == [org]


def test_a_party_committee_after_an_organisation_is_an_agency(nlp):
    doc = nlp("南方理工大学党委书记张明远主持会议。")
    assert [(m.type, m.text) for m in doc._.kg_resolved if m.type in ("ORG", "AGENCY")] \
        == [("AGENCY", "南方理工大学党委")]


@pytest.mark.parametrize("text, names", [
    ("市长先后考察了天宏铝业、海通快递两家知名企业。", ["天宏铝业", "海通快递"]),
    ("工行、农行、建行等多家大型银行加大信贷投放。", ["工行", "农行", "建行"]),
    ("来自华为、腾讯、网易等重点企业的代表参加座谈。", ["华为", "腾讯", "网易"]),   # 等 with no count
    # the last brand LAC cuts in two (好|市|多), after two it reads as ORG
    ("近年来，像宜家、沃尔玛、好市多等一批外资企业纷纷扩大在华投资。", ["宜家", "沃尔玛", "好市多"]),
])
def test_names_listed_before_a_count_of_firms_are_orgs(nlp, text, names):
    """rules/orgs.toml [listed]: LAC's ORG words listed before 两家…企业 or
    等多家银行 are firms, though no suffix says so."""
    assert orgs(nlp, text) == names


@pytest.mark.parametrize("text", [
    "三亚、洋浦又有两家方舱医院投入使用。",
    "督促化工、冶金、建材等生产企业落实安全责任。",     # sectors, no firms
    "南京、无锡、常州等地的供热企业加紧检修。",         # places before 等地的
])
def test_places_or_sectors_listed_before_firms_are_no_orgs(nlp, text):
    assert orgs(nlp, text) == []


@pytest.mark.parametrize("text, org", [
    ("企业与中科院武汉病毒所成立联合实验室。", "中科院武汉病毒所"),
    ("中国科学院自动化研究所研究员介绍了成果。", "中国科学院自动化研究所"),
])
def test_an_academys_institute_is_one_org_named_after_the_academy(nlp, text, org):
    """rules/orgs.toml [academy_units]: no AGENCY read from the place inside
    (武汉|病毒所)."""
    doc = nlp(text)
    assert [m.text for m in doc._.kg_resolved if m.type == "ORG"] == [org]
    assert not [m for m in doc._.kg_resolved if m.type == "AGENCY"]


@pytest.mark.parametrize("text", ["中科院院士王建华所带领的研究团队取得成果。", "中科院所在的园区开展合作。"])
def test_a_unit_suffix_opening_another_word_names_no_institute(nlp, text):
    assert not [m for m in nlp(text)._.kg_resolved if m.type == "ORG" and m.text.startswith("中科院")]



def test_a_name_followed_by_a_count_closing_the_phrase_is_a_kind_counted(nlp):
    assert orgs(nlp, "全省公安机关先后打掉涉黑组织12个、恶势力犯罪集团86个，破获案件1000余起。") == []


def test_a_firm_followed_by_a_count_of_its_own_things_stays(nlp):
    assert "中国石油天然气集团有限公司" in orgs(nlp, "中国石油天然气集团有限公司3个项目同时开工。")


def test_a_person_no_cue_vouched_for_inside_the_core_is_part_of_the_name(nlp):
    # the segmenter's lone token 翁丁 / 沃旭 is read as a name with no cue
    assert "翁丁幸福佤寨乡村旅游专业合作社" in orgs(nlp, "2021年5月，翁丁幸福佤寨乡村旅游专业合作社成立。")
    assert "芬兰沃旭能源公司" in orgs(nlp, "芬兰沃旭能源公司表示将扩大投资。")


def test_a_cued_person_before_the_name_is_no_part_of_it(nlp):
    got = orgs(nlp, "副县长王建华因东湖人民医院火灾被问责。")
    assert not any(o.startswith("王建华") for o in got)


def test_a_think_tank_kind_word_before_a_name_is_no_part_of_it(nlp):
    assert "伊弗经济研究所" in orgs(nlp, "据德国智库伊弗经济研究所调查，企业信心有所下降。")


def test_a_university_right_after_a_date_is_read_from_after_the_date():
    from kg import extract
    got = {e["name"] for e in extract("他从2009年南京医科大学临床专业毕业后一直在基层工作。")["entities"]
           if e["type"] == "ORG"}
    assert "南京医科大学" in got


def test_an_academys_garden_or_observatory_is_its_unit():
    from kg import extract
    got = {e["name"] for e in extract("中科院武汉植物园与中国科学院紫金山天文台联合开展科普活动。")["entities"]
           if e["type"] == "ORG"}
    assert {"中科院武汉植物园", "中国科学院紫金山天文台"} <= got


def test_an_engineering_centre_named_by_its_field_is_an_org(nlp):
    # 国家某某工程技术研究中心: no place opens it, the field names it
    assert orgs(nlp, "新年上班第一天，他就到位于杭州的国家数码喷印工程技术研究中心调研。") == \
        ["国家数码喷印工程技术研究中心"]


@pytest.mark.parametrize("text", [
    "宣讲团成员分别在新疆、供销合作社系统、湖南等地宣讲。",
    "全国供销合作社系统干部职工7000多人通过网络视频方式收看。",
    "贵州省已具有国家重点实验室、国家工程技术研究中心等创新平台。",   # the national kind
])
def test_a_kind_of_cooperative_is_no_org(nlp, text):
    assert orgs(nlp, text) == []


def test_a_places_cooperative_of_that_kind_is_an_org(nlp):
    assert orgs(nlp, "安吉县供销合作社开展助农服务。") == ["安吉县供销合作社"]


def test_a_research_centre_opening_with_a_region_lac_reads_as_a_place_is_an_org(nlp):
    # 东南亚 is in no division table; LAC reads it as a place
    assert orgs(nlp, "2015年，版纳植物园设立东南亚生物多样性研究中心，建成五个境外实验室。") == \
        ["东南亚生物多样性研究中心"]


def test_a_firm_named_bare_and_introduced_as_one_is_an_org(nlp):
    # 某国某某是一家…供应商: the name is the word before the cue, not its country
    assert orgs(nlp, "德国舍弗勒是一家全球知名的汽车和工业产品供应商，企业位于苏州太仓的新基地项目正在推进。") == ["舍弗勒"]


@pytest.mark.parametrize("text", ["两岸同胞是一家人。", "大成名店是一家经营了18年的商业综合体。"])
def test_no_firm_is_introduced_without_a_firms_kind(nlp, text):
    assert not [m for m in nlp(text)._.kg_resolved if m.rule == "orgs.introduced"]


@pytest.mark.parametrize("text, org", [
    ("中国人民财产保险股份有限公司开展理赔。", "中国人民财产保险股份有限公司"),
    ("中国人民大学重阳金融研究院发布报告。", "中国人民大学重阳金融研究院"),
])
def test_a_name_lac_reads_whole_is_no_kind_for_its_generic_word(nlp, text, org):
    assert orgs(nlp, text) == [org]


@pytest.mark.parametrize("text", ["大型商业银行加大信贷投放。", "该保险公司负责人表示。",
                                  "中国铁路成都局集团有限公司开通新线。"])   # 集团|有限公司 cut from its name
def test_a_generic_core_still_names_a_kind(nlp, text):
    assert orgs(nlp, text) == []

