"""kg.nlp.components.programs (kg_programs): DOCUMENT and PROGRAM mentions,
proposed by the component alone (rules/programs.toml)."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_programs")


def found(nlp, text):
    return [(m.type, m.text) for m in nlp(text)._.kg_mentions]


@pytest.mark.parametrize("text, expected", [
    # every 《…》 title, and the unquoted names listed after it
    ("国务院印发《关于加快推进政务服务标准化的指导意见》、政务服务规定。",
     [("DOCUMENT", "《关于加快推进政务服务标准化的指导意见》"), ("DOCUMENT", "政务服务规定")]),
    # an unquoted regulation right after a trigger verb
    ("公安部制定出台公安机关执法公开规定。", [("DOCUMENT", "公安机关执法公开规定")]),
    # two laws after one verb, cut at 和
    ("会议审议通过了安全生产法修正案和数据安全法。",
     [("DOCUMENT", "安全生产法修正案"), ("DOCUMENT", "数据安全法")]),
    # a notice issuing a plan names the plan
    ("县政府印发大方县农村人居环境整治实施方案的通知。", [("DOCUMENT", "大方县农村人居环境整治实施方案")]),
])
def test_documents(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text", ["双方签订收购协议。", "出台和完善了一批管理办法。"])
def test_a_kind_of_document_or_a_verb_phrase_is_no_document(nlp, text):
    assert found(nlp, text) == []


def test_quoted_programs_with_a_head_noun_after_or_inside_the_quotes(nlp):
    got = nlp("推行“三个当场”制度和“春雷行动2021”，开展“我为群众办实事”实践活动。")._.kg_mentions
    assert [(m.text, m.attrs["quoted"]) for m in sorted(got, key=lambda m: m.start)] == [
        ("“三个当场”制度", "三个当场"), ("“春雷行动2021”", "春雷行动2021"),
        ("“我为群众办实事”实践活动", "我为群众办实事")]
    assert found(nlp, "推出“接诉即办”。") == []          # no head noun: a slogan, no program


def test_an_unquoted_program_starts_after_the_verb_before_it(nlp):
    assert found(nlp, "在全国范围内建立运行12389投诉平台。") == [("PROGRAM", "12389投诉平台")]


def test_a_campaign_runs_back_to_its_launching_verb_over_an_enumeration(nlp):
    text = "省公安厅会同省人民银行开展预防、打击利用空壳公司和地下钱庄转移资金专项行动。"
    assert found(nlp, text) == [("PROGRAM", "预防、打击利用空壳公司和地下钱庄转移资金专项行动")]


def test_a_launched_campaign_wins_over_an_organisation_read_inside_it():
    from kg.nlp.components.resolve import resolve
    nlp = make_nlp("kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_programs")
    text = "市法院会同市检察院开展犯罪嫌疑人、被告人逃匿、死亡案件追缴专项行动。"
    kept = [(m.type, m.text) for m in resolve(list(nlp(text)._.kg_mentions))]
    assert ("PROGRAM", "犯罪嫌疑人、被告人逃匿、死亡案件追缴专项行动") in kept


@pytest.mark.parametrize("text", [
    "我们要保持战略定力，增进战略互信。",     # a head qualifying the noun after it
    "今年规划102项重大工程，打造一批产业融合发展平台。",   # a count before the head: a kind, no name
    "他呼吁各方采取切实行动。",              # the verb governs the object: 切实行动 is no name
    "多年来制约改革的难题得到破解。",          # a frame word of running text
])
def test_running_text_is_no_program(nlp, text):
    assert [t for typ, t in found(nlp, text) if typ == "PROGRAM"] == []


def test_a_core_holding_a_person_is_no_program():
    nlp = make_nlp("kg_persons", "kg_programs")
    got = nlp("王建国同志视察工程。")._.kg_mentions
    assert [m.text for m in got if m.type == "PERSON"] == ["王建国"]
    assert [m.text for m in got if m.type == "PROGRAM"] == []


def test_an_action_plan_is_one_name(nlp):
    assert found(nlp, "省政府实施乡村文化振兴三年行动计划。") == [("PROGRAM", "乡村文化振兴三年行动计划")]


def test_a_quoted_number_formula_put_in_force_is_a_program(nlp):
    got = found(nlp, "村里实行“三议一公开”，推行“一窗一办”。")
    assert got == [("PROGRAM", "“三议一公开”"), ("PROGRAM", "“一窗一办”")]


@pytest.mark.parametrize("text", [
    "坚决做到“两个维护”。",          # a count of things: a slogan
    "干部开展“一对一”帮扶。",          # the formula qualifies the noun after it
    "大家坚持“三严三实”。",            # no verb that puts it in force
    "当地推行“一园一策”。",            # a measure tailored to each unit: a way of working
])
def test_a_slogan_or_a_qualifying_formula_is_no_program(nlp, text):
    assert found(nlp, text) == []


def test_a_named_lecture_series_in_quotes_is_a_program(nlp):
    assert found(nlp, "她在村里开设“田间讲堂”。") == [("PROGRAM", "“田间讲堂”")]


def test_a_name_starts_after_an_ordinal(nlp):
    assert found(nlp, "该地区将开展第五个百万亩生态治理工程。") == [("PROGRAM", "百万亩生态治理工程")]


@pytest.mark.parametrize("text", [
    "推动高水平对外开放平台建设取得成效。",        # 对 opens no name inside 对外
    "各方应致力于和平、增长、改革。",              # a one-character list item is a word cut
    "香港特区完善其选举制度。",                    # a pronoun opens no name
    "坚持“开放性战略自主”。",                      # the quote does not end with a head
    "提出“建立健全种业政策支持体系”。",            # a quoted policy phrase, no name
    "“扫黄打非”办会同中央网信办部署工作。",        # 网 of 网信办 is no head
])
def test_word_cuts_pronouns_and_quoted_phrases_are_no_program(nlp, text):
    assert [t for typ, t in found(nlp, text) if typ == "PROGRAM"] == []


def test_no_unquoted_name_is_read_inside_a_quoted_slogan(nlp):
    assert found(nlp, "大家牢记“推进新时代党的建设伟大工程”的要求。") == []


@pytest.mark.parametrize("text, name", [
    ("会议强调，紧紧扭住供给侧结构性改革这条主线。", "供给侧结构性改革"),   # an adverb + verb before the name
    ("新规发布施行，标志着国有企业薪酬制度改革取得突破。", "国有企业薪酬制度改革"),
])
def test_a_predicate_before_an_unquoted_program_is_cut(nlp, text, name):
    got = [t for typ, t in found(nlp, text) if typ == "PROGRAM"]
    assert name in got and not any(t.startswith(("紧紧", "扭住", "标志")) for t in got)


@pytest.mark.parametrize("text", [
    "海关采用轨迹追溯等方式进行动态监控。",        # 行动 cut from 进行|动态
    "他请飞机工程师讲解发动机原理。",              # 工程 cut from 工程师
])
def test_a_head_cut_from_a_longer_word_is_no_program(nlp, text):
    assert [t for typ, t in found(nlp, text) if typ == "PROGRAM"] == []


@pytest.mark.parametrize("text, name", [
    ("各地建立维护消费者权益快速联动处置机制。", "维护消费者权益快速联动处置机制"),  # a name opening with its verb
    ("武汉推行不见面审批改革。", "不见面审批改革"),                              # a negation that coins the name
    ("全面推行证明事项一次性告知制度。", "证明事项一次性告知制度"),
])
def test_a_verb_or_adverb_inside_a_program_name_stays(nlp, text, name):
    assert name in [t for typ, t in found(nlp, text) if typ == "PROGRAM"]


@pytest.mark.parametrize("text, name", [
    ("会议要求，要加快科技体制机制改革。", "科技体制机制改革"),          # a modal and its verb
    ("今年，实施退耕还林工程。", "退耕还林工程"),                        # a core of verbs only stays
])
def test_a_modal_and_its_verb_are_no_part_of_a_program_name(nlp, text, name):
    got = [t for typ, t in found(nlp, text) if typ == "PROGRAM"]
    assert name in got and not any(t.startswith(("加快", "要")) for t in got)



@pytest.mark.parametrize("text", [
    "这是又一个落地西部的国家重大战略。",
    "各地深入实施区域重大战略。",
    "更多内容请关注各新媒体平台。",
    "双方将搭建开放高端合作平台。",
    "要健全部门之间的分工协作机制。",
    "深入领会其中的重要论述、重大战略和重大举措。",
])
def test_a_core_of_generic_modifiers_alone_names_no_program(nlp, text):
    assert [t for t, _ in found(nlp, text) if t == "PROGRAM"] == []


def test_a_core_with_a_content_word_of_its_own_is_still_a_name(nlp):
    assert ("PROGRAM", "区域协调发展战略") in found(nlp, "我国深入实施区域协调发展战略。")


def test_a_launched_campaign_goes_on_over_its_duration_and_head(nlp):
    assert set(found(nlp, "全省开展道路交通专项整治三年行动。")) == {("PROGRAM", "道路交通专项整治三年行动")}


@pytest.mark.parametrize("text", ["双方共同维护国际战略安全稳定。", "在两国领导人战略引领下，合作不断深化。",
                                  "加快科研管理体制机制改革创新。"])
def test_a_head_qualifying_a_state_after_it_is_no_head(nlp, text):
    assert found(nlp, text) == []


def programs(nlp, text):
    return [m.text for m in nlp(text)._.kg_mentions if m.type == "PROGRAM"]


@pytest.mark.parametrize("text", [
    "会议强调，要加快建设国家战略人才力量。",            # a head qualifying the noun after it
    "必要时可再进一步增加再贷款额度。",                  # a modal opening the phrase
    "白皮书说，两国有着广泛战略共识和共同利益。",
    "全面推进农业农村改革发展取得新成效。",
])
def test_a_head_qualifying_a_noun_or_a_modal_phrase_is_no_program(nlp, text):
    assert programs(nlp, text) == []


def test_a_leading_verb_over_a_plain_noun_phrase_is_cut_but_not_one_followed_by_acts(nlp):
    assert "收入分配制度改革" in programs(nlp, "当地探索收入分配制度改革，推动共同富裕。")
    assert programs(nlp, "各级法院严格执行法律制度，加强监督。") == []
    assert programs(nlp, "公安机关建立维护律师执业权利快速联动处置机制。") == ["维护律师执业权利快速联动处置机制"]
    assert programs(nlp, "我国进一步推进扶残助残文明实践活动。") == ["扶残助残文明实践活动"]


def test_a_possessor_of_a_role_or_the_name_before_its_plan_stays(nlp):
    assert programs(nlp, "双方要充分发挥边境口岸联防联控机制作用。") == ["边境口岸联防联控机制"]
    assert "科技体制改革三年行动" in programs(nlp, "各地实施科技体制改革三年行动方案。")


@pytest.mark.parametrize("text", [
    "中老两国“一带一路”的标志性工程开通运营。",     # after 的, a generic core: a description
    "银行要做好对3亿多“新市民”的金融服务。",
    "据“今日俄罗斯”网站报道，当地启动调查。",          # the head is cut from a longer word
    "当地将加快构建生产体系、产业体系和经营体系“三大体系”。",   # a count + 大: a kind
    "民航将实施绿色低碳等六大重点工程。",
])
def test_quoted_descriptions_cut_heads_and_counted_kinds_are_no_programs(nlp, text):
    assert programs(nlp, text) == []


def test_a_quoted_name_joined_by_de_to_a_core_of_its_own_is_one(nlp):
    assert programs(nlp, "某局构建“三位一体”的冷链物流疫情防控体系。") == ["“三位一体”的冷链物流疫情防控体系"]
    assert programs(nlp, "深化“放管服”的改革。") == ["“放管服”的改革"]


@pytest.mark.parametrize("text", [
    "某自治区政府与11家中央企业签订项目合作协议。",     # an agreement naming no party: a kind
    "某部组织沿线公安机关签署区域警务合作协议。",
    "银保监会发布最新通知，鼓励银行提高容忍度。",        # a core too short to name one
    "专家组为患者制定了专门方案。",
])
def test_a_kind_of_agreement_or_document_is_no_document(nlp, text):
    assert [m for m in nlp(text)._.kg_mentions if m.type == "DOCUMENT"] == []


def test_an_agreement_naming_its_parties_and_a_short_law_are_documents(nlp):
    from kg import extract
    out = extract("湖北省人民政府与上海市人民政府签署湖北省人民政府上海市人民政府战略合作框架协议。")
    docs = [e["name"] for e in out["entities"] if e["type"] == "DOCUMENT"]
    assert docs == ["湖北省人民政府上海市人民政府战略合作框架协议"]
    assert [m.text for m in nlp("会议表决通过了国歌法。")._.kg_mentions if m.type == "DOCUMENT"] == ["国歌法"]


def test_a_named_zone_or_meeting_after_a_program_keeps_it_and_a_counting_clause_is_none(nlp):
    assert programs(nlp, "当地发展边境旅游，着力创建国家固边兴边富民行动示范区。") == ["国家固边兴边富民行动"]
    assert programs(nlp, "党中央对台工作提出一系列新理念新思想新战略。") == []


def test_a_noun_before_the_first_verb_makes_it_the_names_own_act(nlp):
    assert programs(nlp, "中央层面建立为基层减负专项工作机制。") == ["基层减负专项工作机制"]
    assert programs(nlp, "四川实施“四大片区扶贫攻坚行动”。") == ["“四大片区扶贫攻坚行动”"]


@pytest.mark.parametrize("text", [
    "要坚持好、完善好根本政治制度。",                    # a rank and a field: a kind of system
    "该装置将为基础研究提供重要支撑平台。",
    "要完善领导班子成员的民主监督制度。",
    "东部战区在台岛周边组织的联合军事行动成功完成。",    # an army's operations
    "俄方表示，地面军事行动仍在继续。",
    "新区还要创建青年创业就业合作平台。",                # a subject and its modal: a clause
    "某部队迅即听令行动，连夜展开演练。",
    "报告还警告全球气候行动的机会窗口正在关闭。",
    "通过连续实施三轮污水治理三年行动，该市显著提升污水治理能力。",   # a count of rounds
    "某型核电机组海外首个工程全面建成投产。",            # the first of a kind
    "要在思想上政治上行动上同党中央保持高度一致。",
    "要深化金融领域改革。",                              # reforms in a field
    "两国要共同办好新一轮战略对话。",
    "建设一批“一带一路”标志性工程。",                  # a quoted name + a generic kind
    "要构建推动“双碳”的市场化机制。",
    "中国航天“追星逐月”的重大航天工程加速推进。",
    "对“十四五”时期做好退役军人工作作出部署。",       # a verb between quote and head
])
def test_generic_cores_clauses_counts_and_operations_are_no_programs(nlp, text):
    assert programs(nlp, text) == []


def test_a_named_mechanism_or_campaign_stays(nlp):
    assert programs(nlp, "三省区建立森林草原防火联防联控机制。") == ["森林草原防火联防联控机制"]
    assert programs(nlp, "公安部部署开展打击拐卖妇女儿童犯罪专项行动。") == ["打击拐卖妇女儿童犯罪专项行动"]
    assert programs(nlp, "今年将投资用于城市社区体育设施补短板工程。") == ["城市社区体育设施补短板工程"]


@pytest.mark.parametrize("text, names", [
    ("今年，江苏将围绕“数字江苏”“海洋江苏”、生态省建设等战略，培育新增长点。", ["“数字江苏”", "“海洋江苏”"]),
    ("该省将深入实施“丝路驿站”“丝路云桥”等项目，拓展经贸往来。", ["“丝路驿站”", "“丝路云桥”"]),
    ("以科学城为核心的“江南科技创新走廊”等一大批重大科技项目已启动建设。", ["“江南科技创新走廊”"]),
])
def test_quoted_names_listed_before_a_kind_are_programs(nlp, text, names):
    assert programs(nlp, text) == names


@pytest.mark.parametrize("text", [
    "游客参加“闹元宵”“猜灯谜”等传统活动。",            # 活动 is no kind named here
    "推出“帮代办”服务、上门培训等项目。",              # a head of its own after the quote
    "当地把“一老一小”问题，以及养老等工程列入计划。",   # a clause stop between
])
def test_a_quote_not_listed_before_a_kind_is_none(nlp, text):
    assert not any(t.startswith("“") and t.endswith("”") for t in programs(nlp, text))


def test_a_quote_joined_by_tong_to_a_strategy_is_no_name_of_it(nlp):
    assert programs(nlp, "推动“一带一路”同国家区域重大战略深度融合。") == []
    assert "“数字农业”协同应用平台" in programs(nlp, "该省将建成“数字农业”协同应用平台。")
    assert programs(nlp, "规划提出“十四五”时期退役军人工作的六项目标。") == []


def test_a_count_of_parts_after_deng_and_a_kind_of_region_name_no_program(nlp):
    assert programs(nlp, "活动内容包括“人民至上”“奋斗十年”等五个篇章120个项目。") == []
    assert programs(nlp, "重载无人机首次用于高海拔地区工程建设。") == []
    assert programs(nlp, "用好科技创新再贷款和交通物流领域再贷款。") == ["科技创新再贷款", "交通物流领域再贷款"]
