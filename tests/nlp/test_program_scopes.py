"""kg.nlp.components.program_scopes and the heads kg.nlp.components.programs
takes only in one frame: a campaign named by its nationwide scope (全民…,
首都…), a quoted name right before 方针 / 政策, a pilot named right after
the verb launching it (开展|…试点), a name whose last act (提升, 保障) is a
left boundary elsewhere (rules/programs.toml)."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_programs", "kg_resolve")


def programs(nlp, text):
    return [m.text for m in nlp(text)._.kg_mentions if m.type == "PROGRAM"]


@pytest.mark.parametrize("text, name", [
    ("市领导今天上午在参加首都全民植绿活动时强调，要爱护每一棵树。", "首都全民植绿活动"),
    ("各地要继续推进全民节约用水工作，创新宣传方式。", "全民节约用水工作"),
    ("我省深入实施全民体质提升计划，新建一批健身步道。", "全民体质提升计划"),
])
def test_a_scope_word_names_the_campaign_whose_head_alone_names_none(nlp, text, name):
    assert name in programs(nlp, text)


@pytest.mark.parametrize("text", [
    "全民反诈在行动，各地警方走进社区。",            # a clause: 在 is its verb
    "要把全民守法作为基础工程来抓。",                # a clause: 作为
    "各地群众来到首都参加植绿护绿活动。",            # a clause: the capital is where
    "首都巴黎爆发大规模抗议活动。",                  # another country's capital, a place inside
    "该区开展了丰富多彩的文化活动。",                # no scope word: a kind of activity
])
def test_a_clause_or_a_place_after_the_scope_word_names_no_campaign(nlp, text):
    assert programs(nlp, text) == []


@pytest.mark.parametrize("text, name", [
    ("该市坚持“精准防控”总方针不动摇，经济稳步恢复。", "“精准防控”总方针"),
    ("学校全面落实“双减”政策，减轻学生负担。", "“双减”政策"),
    ("我们始终坚持“一国两治”方针。", "“一国两治”方针"),
])
def test_a_quoted_name_right_before_a_policy_head_is_a_program(nlp, text, name):
    assert programs(nlp, text) == [name]


@pytest.mark.parametrize("text", [
    "各地出台“稳就业”相关政策，帮助企业渡过难关。",    # words between: a kind of policy
    "专家认为，“更加积极的财政政策”要提质增效。",      # a phrase quoted, ending with 政策
    "国务院部署实施“一揽子”政策，稳住经济大盘。",      # a count of policies, quoted
])
def test_a_policy_head_after_other_words_or_inside_quotes_names_none(nlp, text):
    assert programs(nlp, text) == []


@pytest.mark.parametrize("text, name", [
    ("今年，该省启动婚丧习俗改革试点，倡导移风易俗。", "婚丧习俗改革试点"),
    ("市里持续开展家庭农场培育试点，带动农户增收。", "家庭农场培育试点"),
])
def test_a_pilot_right_after_its_launching_verb_is_a_program(nlp, text, name):
    assert name in programs(nlp, text)


@pytest.mark.parametrize("text", [
    "该县开展综合改革试点，探索新路子。",        # only generic words and a head before 试点
    "这家企业成为家庭农场培育试点的合作单位。",   # no launch verb before it
    "区里今年扩大试点，覆盖更多街道。",          # no name
])
def test_a_pilot_without_its_launching_verb_or_a_name_is_none(nlp, text):
    assert not any(p.endswith("试点") for p in programs(nlp, text))


@pytest.mark.parametrize("text, name", [
    ("全县实施农村道路安全巩固提升工程，惠及十万群众。", "农村道路安全巩固提升工程"),
    ("省里建立乡镇财力长效保障机制，缓解基层困难。", "乡镇财力长效保障机制"),
])
def test_a_name_ending_with_the_act_it_is_named_for_runs_on_leftwards(nlp, text, name):
    assert name in programs(nlp, text)


@pytest.mark.parametrize("text", [
    "各地要解放思想深化改革，激发市场活力。",     # 深化 is the predicate over 改革
    "双方同意审慎地采取行动，维护地区稳定。",
])
def test_a_verb_right_before_a_bare_head_is_still_its_predicate(nlp, text):
    assert programs(nlp, text) == []


@pytest.mark.parametrize("text, names", [
    ("全市已培育120家“科技之星”中小企业、35家“隐形冠军”企业。", ["“科技之星”中小企业", "“隐形冠军”企业"]),
    ("今年该省新认定一批“绿色工厂”企业。", ["“绿色工厂”企业"]),
])
def test_a_quoted_title_of_companies_the_state_designates_is_a_programme(nlp, text, names):
    assert [m for m in programs(nlp, text) if m.endswith("企业")] == names


@pytest.mark.parametrize("text", [
    "当地依法整治“散乱污”企业200多家。",       # a kind no one designates
    "他们走进几家“双创”企业调研。",
    "培育工作中，“科技之星”企业家代表发言。",   # the head cut from a longer word
])
def test_a_quoted_kind_of_company_is_no_programme(nlp, text):
    assert not [m for m in programs(nlp, text) if "企业" in m]


@pytest.mark.parametrize("text, name", [
    ("今年首趟中亚班列从某某站发车，满载建材驶向境外。", "中亚班列"),
    ("截至目前，渝新欧班列累计开行超过一万列。", "渝新欧班列"),
])
def test_a_service_named_by_the_abbreviations_of_the_places_it_links_is_a_programme(nlp, text, name):
    assert name in programs(nlp, text)


def test_a_route_head_after_other_words_names_no_service(nlp):
    assert not [m for m in programs(nlp, "货物搭乘国际货运班列出境。") if m.endswith("班列")]
