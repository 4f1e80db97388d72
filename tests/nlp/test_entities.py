"""The entity layer on real sentences: bodies, programs, documents, organisations."""

import pytest

from kg import extract


def ents(text, date="2021-09-15"):
    return {(e["type"], e["name"]): e for e in extract(text, date)["entities"]}


def test_a_department_whose_name_holds_a_conjunction():
    """Ministries name departments with 与/和 inside (固体废物与化学品司): the
    whole name is the body, part of its ministry; no cut-off 化学品司."""
    out = extract("生态环境部固体废物与化学品司司长邱启文介绍，将开展危险废物专项整治行动。", "2023-11-08")
    name = {e["id"]: e["name"] for e in out["entities"]}
    bodies = {e["name"] for e in out["entities"] if e["type"] == "AGENCY"}
    assert "生态环境部固体废物与化学品司" in bodies and "化学品司" not in bodies
    rels = {(name[r["head"]], r["type"], name[r["tail"]]) for r in out["relations"]}
    assert ("生态环境部固体废物与化学品司", "part_of", "生态环境部") in rels
    assert ("邱启文", "leads", "生态环境部固体废物与化学品司") in rels
    # a conjunction right after a body still joins two bodies
    assert {"生态环境部", "公安部"} <= {e["name"] for e in extract("生态环境部与公安部联合开展专项行动。")["entities"]}


def test_nested_body_and_its_host():
    e = ents("公安部法制局局长孙茂利说。")
    assert ("AGENCY", "公安部法制局") in e and ("AGENCY", "公安部") in e


def _rels(text, date="2024-11-01"):
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], r["type"], name[r["tail"]]) for r in out["relations"]}, set(name.values())


def test_an_office_named_by_a_bodys_word_alone_is_nested_in_its_body():
    rels, names = _rels("大方县人民政府办公室主任李明说，将牵头落实。国务院研究室发布报告。")
    assert {("大方县人民政府办公室", "part_of", "大方县人民政府"), ("李明", "leads", "大方县人民政府办公室"),
            ("国务院研究室", "part_of", "国务院")} <= rels
    # 县委办 is the county committee's office; 县委办理 is the committee and a verb
    _, names = _rels("大方县委办发布通知。")
    assert "大方县委办" in names
    _, names = _rels("大方县委办理了此事。")
    assert "大方县委办" not in names and "大方县委" in names
    # a party group is the party's organ in its body, not a part of it
    rels, _ = _rels("日前，中央纪委国家监委对北京市委常委，市政府党组成员、副市长靳伟进行了立案审查调查。")
    assert not any(h.endswith("党组") and t == "part_of" for h, t, _o in rels)


def test_inspection_teams_are_bodies():
    _, names = _rels("中央第三巡视组向湖南省委反馈巡视情况。县委巡察组发现问题。")
    assert {"中央第三巡视组", "县委巡察组"} <= names
    _, names = _rels("他参加了巡视组的工作。")
    assert not names
    # a team a body sends is not named by the verb: 市纪委监委 派出 督导组
    _, names = _rels("沧源县纪委监委聚焦群众身边问题，市纪委监委派出督导组。")
    assert not any(n.endswith("督导组") for n in names)


def test_a_body_named_with_its_term_is_the_body():
    e = ents("经省十四届人大常委会第十次会议决定，任命张建为四川省人民政府副省长。", "2024-06-01")
    body = e[("AGENCY", "四川省人大常委会")]
    assert "省十四届人大常委会" in body["aliases"]


@pytest.mark.parametrize("text, program", [
    ("今年以来，广州市天河区推行‘一窗通办’改革，群众办事只跑一次。", "‘一窗通办’改革"),
    ("杭州市上城区实施「小区微改造」工程，惠及居民2万户。", "「小区微改造」工程"),
    ("深圳市福田区率先建立『秒批』服务平台。", "『秒批』服务平台"),
])
def test_a_program_name_in_any_kind_of_quotation_marks(text, program):
    assert ("PROGRAM", program) in ents(text, "2024-11-01")


def test_place_prefix_goes_to_aliases_not_the_canonical_name():
    e = ents("今年以来，云南省临沧市沧源佤族自治县纪委监委聚焦涉农补贴。沧源县纪委监委整合县、乡两级监督力量。")
    body = e[("AGENCY", "沧源佤族自治县纪委监委")]
    assert {"云南省临沧市沧源佤族自治县纪委监委", "沧源县纪委监委"} <= set(body["aliases"])
    assert e[("PLACE", "沧源佤族自治县")]["code"] == "530927"


def test_level_prefixed_bodies_resolve_to_the_place_in_context():
    e = ents("苍溪县市场监管局以“春雷行动2021”为抓手。由县市场监管局牵头，联合县公安局开展冷链物流专项督查。", "2021-01-27")
    assert "县市场监管局" in e[("AGENCY", "苍溪县市场监管局")]["aliases"]
    assert "县公安局" in e[("AGENCY", "苍溪县公安局")]["aliases"]


def test_central_bodies_by_short_form():
    e = ents("中国人民银行、金融监管总局、证监会主要负责人介绍了有关情况。国家发展改革委副主任表示。", "2024-09-24")
    assert {("AGENCY", "中国人民银行"), ("AGENCY", "国家金融监督管理总局"), ("AGENCY", "中国证券监督管理委员会"),
            ("AGENCY", "国家发展和改革委员会")} <= set(e)
    assert "金融监管总局" in e[("AGENCY", "国家金融监督管理总局")]["aliases"]


@pytest.mark.parametrize("text, name", [
    ("此次活动由省文化和旅游厅主办。", "省文化和旅游厅"),
    ("杭州市西湖区人民法院近日审结一起案件。", "西湖区人民法院"),
    ("中央纪委国家监委驻应急管理部纪检监察组依规依纪依法追责问责。", "中央纪委国家监委驻应急管理部纪检监察组"),
])
def test_body_names(text, name):
    assert ("AGENCY", name) in ents(text)


def test_ordinary_words_ending_like_bodies_are_not_bodies():
    e = ents("玉麦乡位于隆子县东北部，是隆子县境域面积最大的乡。各地公安机关作为一项全局性工作。配合各进驻部门窗口开展服务。")
    assert not [n for t, n in e if t == "AGENCY" and n != "公安机关"]


@pytest.mark.parametrize("text, program", [
    ("公安机关推行“三个当场”制度，对于群众上门报案当场登记。", "“三个当场”制度"),
    ("在推动“零跑腿不见面”审批改革过程中，江夏区打通了全环节。", "“零跑腿不见面”审批改革"),
    ("在全国范围内建立运行12389投诉平台。", "12389投诉平台"),
    ("把专项工作列入“我为群众办实事”工作清单，进一步疏通乡村发展。", "“我为群众办实事”工作清单"),
    ("河北推行省市县三级领导干部集中包联化解信访积案机制，省级领导带头。", "省市县三级领导干部集中包联化解信访积案机制"),
])
def test_programs(text, program):
    assert ("PROGRAM", program) in ents(text)


def test_a_shorter_mention_of_a_program_is_the_same_program():
    e = ents("在全国范围内建立运行12389投诉平台。强化受案立案监管，全国范围内建立投诉平台。")
    assert [n for t, n in e if t == "PROGRAM"] == ["12389投诉平台"]


def test_documents_with_and_without_title_marks():
    e = ents("公安机关制定出台公安机关执法公开规定。依据《中华人民共和国监察法》《中华人民共和国公职人员政务处分法》等有关规定。")
    assert {("DOCUMENT", "公安机关执法公开规定"), ("DOCUMENT", "《中华人民共和国监察法》"),
            ("DOCUMENT", "《中华人民共和国公职人员政务处分法》")} <= set(e)


def test_organisations_and_a_place_inside_their_name():
    e = ents("北京市公安机关对北京长峰医院股份有限公司法定代表人汪文杰、中源信诚（北京）建筑装饰有限公司法定代表人王伟峰立案侦查。北京丰台长峰医院院长王晓玲。", "2023-10-25")
    assert {("ORG", "北京长峰医院股份有限公司"), ("ORG", "中源信诚（北京）建筑装饰有限公司")} <= set(e)
    hospital = [v for (t, n), v in e.items() if t == "ORG" and "长峰医院" in n and "公司" not in n]
    assert len(hospital) == 1


def test_sports_teams_are_organisations_not_places():
    """Sports pages of People's Daily: a place + team tail is the team (ORG);
    the country inside it is not a place mention of its own."""
    e = ents("在昨天的决赛中，中国女队以3比1战胜韩国队，德国男子网球队则负于捷克队。中国队员表现出色。")
    assert {("ORG", "中国女队"), ("ORG", "韩国队"), ("ORG", "德国男子网球队"), ("ORG", "捷克队")} <= set(e)
    assert ("PLACE", "韩国") not in e and ("PLACE", "捷克") not in e
    assert not any(n.startswith("中国队") for _t, n in e)   # 队员: a player, not a team


def test_a_level_character_needs_a_name_before_most_suffixes():
    e = ents("会议要求，市司法局要牵头建立涉企行政执法监督机制。")
    assert ("AGENCY", "市司法局") in e and ("AGENCY", "市司") not in e


def test_a_unit_stationed_in_another_body():
    e = ents("市纪委监委驻市政府办公室纪检监察组组长王芳参加会议。")
    assert ("AGENCY", "市纪委监委驻市政府办公室纪检监察组") in e
    assert ("PERSON", "王芳") in e


def test_words_after_a_title_are_not_names():
    assert not [n for t, n in ents("局长高度重视此事，要求抓好落实。") if t == "PERSON"]


def test_management_committee_and_a_long_quoted_program():
    """管委会 after a place is the whole body (not 管委); a quoted name may be
    followed by a longer description before its head noun."""
    from kg.extraction import extract_text
    ext = extract_text("江苏省苏州工业园区管委会深入开展“绿盾2024”自然保护地强化监督专项行动。")
    got = {(e["type"], e["name"]) for e in ext["entities"]}
    assert ("AGENCY", "苏州工业园区管委会") in got
    assert ("PROGRAM", "“绿盾2024”自然保护地强化监督专项行动") in got


def test_a_party_committee_department_and_a_bank_branch_after_a_verb():
    """雷山县委组织部 is its own body, part of 雷山县委 (组织 is a verb too, but
    right after a body it names the department); 联合贵州银行雷山支行: the
    bank's name starts after the verb."""
    from kg.extraction import extract_text
    ext = extract_text("雷山县委组织部、县农业农村局负责同志参加调研。西江镇党委联合贵州银行雷山支行创办工坊。")
    names = {e["id"]: e["name"] for e in ext["entities"]}
    got = {(e["type"], e["name"]) for e in ext["entities"]}
    rels = {(names[r["head"]], r["type"], names[r["tail"]]) for r in ext["relations"]}
    assert ("AGENCY", "雷山县委组织部") in got and ("雷山县委组织部", "part_of", "雷山县委") in rels
    assert ("ORG", "贵州银行雷山支行") in got


def test_counts_draws_and_company_departments_are_no_agencies():
    """专著三部 (three books), 4场平局 (draws), 售楼部 (a sales office) end in a
    body suffix but are not bodies; 秘书二局 keeps its numeral."""
    from conftest import make_nlp
    nlp = make_nlp("kg_places", "kg_agencies", "kg_resolve")

    def agencies(text):
        return [m.text for m in nlp(text)._.kg_resolved if m.type == "AGENCY"]

    assert agencies("他主持完成课题，发表专著三部。两队踢出4场平局。顾客去售楼部咨询。") == []
    assert agencies("国务院办公厅秘书二局负责同志出席。") != []


def test_a_unit_of_the_said_bureau_in_a_second_article():
    """该局刑事侦查支队 is the unit of the bureau named before it (an article
    that does not start the page: spans are lifted to page offsets)."""
    text = ("国务院召开常务会议\n国务院总理主持会议。\n"
            "广州警方破获特大电信网络诈骗案\n本报广州5月9日电（记者李华）广州市公安局9日通报，"
            "该局刑事侦查支队联合天河区公安分局，成功破获一起特大电信网络诈骗案。\n")
    out = extract(text, "2022-05-10")
    name = {e["id"]: e["name"] for e in out["entities"]}
    assert "局刑事侦查支队" not in name.values()
    rels = {(name[r["head"]], r["type"], name[r["tail"]]) for r in out["relations"]}
    assert ("广州市公安局刑事侦查支队", "part_of", "广州市公安局") in rels


def test_a_court_or_procuratorate_named_by_its_level_and_its_department():
    """区检察院 is the district's 人民检察院 (a short form, like 政府), so its
    第二检察部 is part of the body named in full before."""
    out = extract("天河区人民检察院提前介入引导侦查。区检察院第二检察部主任刘丽表示，将依法从严从快办理。", "2022-05-10")
    name = {e["id"]: e["name"] for e in out["entities"]}
    procuratorate = [e for e in out["entities"] if e["name"] == "天河区人民检察院"]
    assert procuratorate and "区检察院" in procuratorate[0]["aliases"]
    rels = {(name[r["head"]], r["type"], name[r["tail"]]) for r in out["relations"]}
    dept = next(n for n in name.values() if n.endswith("第二检察部"))
    assert (dept, "part_of", "天河区人民检察院") in rels and ("刘丽", "leads", dept) in rels


def test_discipline_bodies_a_level_after_jing_and_a_supervision_office():
    """经区纪委监委研究: the district's commission (经 may stand inside names,
    经济, so it is no stop word); 省纪委监委党风政风监督室 is an office of it."""
    text = ("6月17日，湖北省纪委监委通报典型问题。武汉市江夏区交通运输局原局长张某某违规收受礼品礼金。"
            "经区纪委监委研究，给予张某某党内严重警告处分。省纪委监委党风政风监督室负责人表示，将持续整治。")
    out = extract(text, "2024-06-18")
    name = {e["id"]: e["name"] for e in out["entities"]}
    assert "江夏区纪委监委" in name.values()
    rels = {(name[r["head"]], r["type"], name[r["tail"]]) for r in out["relations"]}
    assert ("湖北省纪委监委党风政风监督室", "part_of", "湖北省纪委监委") in rels


def test_a_short_title_names_the_document_named_in_full_before():
    out = extract("近日，中共中央办公厅、国务院办公厅印发了《关于进一步完善医疗卫生服务体系的意见》。"
                  "《意见》提出，到2025年，医疗卫生服务体系进一步健全。", "2023-10-10")
    docs = [e for e in out["entities"] if e["type"] == "DOCUMENT"]
    assert [d["name"] for d in docs] == ["《关于进一步完善医疗卫生服务体系的意见》"]
    assert "《意见》" in docs[0]["aliases"] and len(docs[0]["mentions"]) == 2
    # with no full title before it, a short one stays what it says
    out = extract("《意见》提出，到2025年，医疗卫生服务体系进一步健全。", "2023-10-10")
    assert [e["name"] for e in out["entities"] if e["type"] == "DOCUMENT"] == ["《意见》"]


def test_departments_in_general_venues_exchanges_and_departments_of_firms_are_no_agencies():
    """财政部门 is any finance department, not 财政部; a conference centre, an
    exchange and a law firm are no state organs; a department of an
    association or a bank is part of that organisation (an ORG), a party
    committee of one stays a party body."""
    from conftest import make_nlp
    nlp = make_nlp("kg_places", "kg_agencies", "kg_orgs", "kg_resolve")

    def typed(text):
        return [(m.type, m.text) for m in nlp(text)._.kg_resolved if m.type in ("AGENCY", "ORG")]

    assert typed("各地财政部门和教育部门要加强资金监管。") == []
    assert typed("财政部印发《关于加强资金监管的通知》。") == [("AGENCY", "财政部")]
    assert ("AGENCY", "洛杉矶会议中心") not in typed("展会于6月9日在洛杉矶会议中心举办。")
    assert typed("收盘时，纽约商品交易所原油期货上涨。") == [("ORG", "纽约商品交易所")]
    assert typed("重庆君融律师事务所律师董浩表示。") == [("ORG", "重庆君融律师事务所")]
    assert typed("蔡云：中国房地产业协会企业发展部副主任。") == [("ORG", "中国房地产业协会企业发展部")]
    assert ("AGENCY", "北京大学党委") in typed("北京大学党委召开会议。")


def test_offices_named_ban_and_no_pronoun_in_a_name():
    """办 ends a body (网信办, 扶贫办, 金融办), not 办事 or 办理; a pronoun is
    never inside a body's or an organisation's name (他去|银行, 我|市公安局)."""
    assert ("AGENCY", "北京市网信办") in ents("北京市网信办、市公安局联合开展专项行动。")
    assert ("AGENCY", "县扶贫办") in ents("县扶贫办主任张三说，今年脱贫任务很重。")
    assert ents("他去银行办事，顺便办理了一张卡。") == {}
    assert ("AGENCY", "市公安局") in ents("我市公安局破获一起电信诈骗案件。")


def test_a_level_body_with_only_a_lower_place_named_and_a_body_right_after_the_dateline():
    """省政府 in a page datelined 郑州 is 河南省's (the province 郑州 lies in,
    when no province is named), 市纪委监委 after 沧源县 is 临沧市's; a body
    that directly follows the dateline does not take the date into its name."""
    agencies = {n for t, n in ents("本报郑州9月14日电 记者从省政府获悉，全省推行“一网通办”改革。") if t == "AGENCY"}
    assert agencies == {"河南省政府"}
    agencies = {n for t, n in ents("本报昆明9月14日电 沧源县纪委监委聚焦群众身边问题。") if t == "AGENCY"}
    assert agencies == {"沧源县纪委监委"}
    # 市 after a county: the city the county lies in, not the dateline's city
    agencies = {n for t, n in ents("本报昆明9月14日电 沧源县纪委监委聚焦群众身边问题，市纪委监委派出督导组。")
                if t == "AGENCY"}
    assert agencies == {"沧源县纪委监委", "临沧市纪委监委"}


def test_a_trigger_introducing_a_list_of_unquoted_documents():
    """One trigger, several documents: cut where a document name ends before
    和, 与, 及 or 、, and followed past a title in 《》; not after a word
    that only ends like a law (执法), and not a verb phrase (出台和完善了)."""
    def docs(text):
        return [n for t, n in ents(text) if t == "DOCUMENT"]

    assert docs("会议审议通过了安全生产法修正案和数据安全法，出台了个人信息保护条例。") == [
        "安全生产法修正案", "数据安全法", "个人信息保护条例"]
    assert docs("省政府印发了河南省政务服务管理办法、河南省数据共享规定和河南省信用条例。") == [
        "河南省政务服务管理办法", "河南省数据共享规定", "河南省信用条例"]
    assert docs("国务院印发了《关于加强数据治理的意见》、数据共享规定和信用管理办法。") == [
        "《关于加强数据治理的意见》", "数据共享规定", "信用管理办法"]
    assert docs("省政府印发了行政执法和监督办法。") == ["行政执法和监督办法"]
    assert docs("各地出台和完善了一批管理办法。") == []


def test_a_place_s_police_and_a_former_body():
    """广州警方 is a body of 广州市 (located in it); 原 or 前 before a body
    marks it former and is no part of its name (原平市 is a city)."""
    found = ents("广州警方通报，犯罪嫌疑人已被抓获。")
    assert ("AGENCY", "广州警方") in found and ("PLACE", "广州市") in found
    assert ents("据警方介绍，嫌疑人已被控制。") == {}
    assert ("AGENCY", "市公安局") in ents("原市公安局局长王某被查处。")
    assert ("AGENCY", "国家质检总局") in ents("原国家质检总局副局长出席会议。")
    assert ("AGENCY", "原平市公安局") in ents("原平市公安局破获一起案件。")


def test_verbs_ending_like_a_body_and_counted_firms():
    """依法查处 (investigate) and 打官司 end in body suffixes but are words; 两家公司
    and 三所大学 count firms and universities without naming one."""
    assert {n for t, n in ents("江苏省南京市鼓楼区市场监督管理局依法查处。") if t == "AGENCY"} == {
        "鼓楼区市场监督管理局"}
    assert ents("两家公司打了一场官司，三所大学和多家银行也参与其中。") == {}
    assert ("ORG", "中国工商银行北京分行") in ents("中国工商银行北京分行推出新服务。")


def test_a_system_whose_name_ends_like_another_head():
    """首问负责制度: the head is 制度, not 负责制 (which would leave 首问 too short
    a name); 问责制 alone still heads a name."""
    assert ("PROGRAM", "首问负责制度") in ents("市政务服务中心建立首问负责制度。")
    assert ("PROGRAM", "党政领导干部问责制") in ents("推行党政领导干部问责制。")
