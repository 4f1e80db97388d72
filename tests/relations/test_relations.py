"""Every relation type on real sentences, dates, and subjects stated earlier."""

import pytest

from kg import extract


def rels(text, date="2021-09-15"):
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], r["type"], name[r["tail"]]): r for r in out["relations"]}, out


def test_introduced_with_relative_date():
    r, _ = rels("据了解，今年5月，公安部印发《关于深入推进公安执法监督管理机制改革的意见》，对构建公安执法权力运行全流程作出全面规定。")
    rel = r[("公安部", "introduced", "《关于深入推进公安执法监督管理机制改革的意见》")]
    assert rel["attrs"]["date"] == "2021-05"


def test_introduced_subject_stated_before_the_date():
    r, _ = rels("公安部法制局二级巡视员曾斌介绍，公安部于2015年11月出台了《关于改革完善受案立案制度的意见》，目前全国各省级公安机关均制定了配套实施意见。")
    assert r[("公安部", "introduced", "《关于改革完善受案立案制度的意见》")]["attrs"]["date"] == "2015-11"


def test_vague_date_gives_no_date_and_partners_cooperate():
    r, _ = rels("西藏森林消防总队日前与山南隆子县玉麦乡应急管理站签署《森林消防站共建协议》，并举行挂牌仪式。")
    a = r[("西藏森林消防总队", "introduced", "《森林消防站共建协议》")]
    assert "date" not in a["attrs"]
    assert ("玉麦乡应急管理站", "introduced", "《森林消防站共建协议》") in r
    assert ("西藏森林消防总队", "cooperates_with", "玉麦乡应急管理站") in r


def test_introduced_by_a_place_and_coordinated_objects():
    r, _ = rels("结合“我为群众办实事”实践活动，河北推行“家访下访督访”行动疏民困、解民忧。")
    assert ("河北省", "introduced", "“家访下访督访”行动") in r
    r, _ = rels("各地公安机关实行办案质量终身负责制和错案责任倒查问责制，构建执法责任体系。")
    assert ("公安机关", "introduced", "办案质量终身负责制") in r
    assert ("公安机关", "introduced", "错案责任倒查问责制") in r


def test_lead_agency_and_partners_after_lianhe():
    r, _ = rels("由县市场监管局牵头，联合县公安局、县交通运输局等部门开展冷链物流专项督查，共组织检查45次。",
                "2021-01-27")
    assert ("县市场监管局", "introduced", "冷链物流专项督查") in r
    assert ("县市场监管局", "cooperates_with", "县公安局") in r
    assert ("县市场监管局", "cooperates_with", "县交通运输局") in r


def test_leads_and_member_of_with_titles():
    r, _ = rels("“注重系统观念。”公安部法制局局长孙茂利说。公安部法制局二级巡视员曾斌介绍，公安部将持续组织开展督察。")
    assert r[("孙茂利", "leads", "公安部法制局")]["attrs"]["title"] == "局长"
    assert r[("曾斌", "member_of", "公安部法制局")]["attrs"]["title"] == "二级巡视员"
    assert ("公安部法制局", "part_of", "公安部") in r


def test_deputy_is_a_member_and_implied_government():
    r, _ = rels("北京市委书记刘淇，北京市委副书记、市长郭金龙，河南省委副书记、省长郭庚茂出席。", "2011-09-23")
    assert ("刘淇", "leads", "北京市委") in r
    assert r[("郭金龙", "member_of", "北京市委")]["attrs"]["title"] == "副书记"
    assert ("郭金龙", "leads", "北京市人民政府") in r
    assert ("郭庚茂", "leads", "河南省人民政府") in r


def test_located_in_from_prefix_and_division_tree():
    r, out = rels("本报昆明9月14日电 今年以来，云南省临沧市沧源佤族自治县纪委监委聚焦涉农补贴，进行靶向监督。")
    assert ("沧源佤族自治县纪委监委", "located_in", "沧源佤族自治县") in r
    assert ("沧源佤族自治县", "located_in", "临沧市") in r
    assert ("临沧市", "located_in", "云南省") in r
    assert ("昆明市", "located_in", "云南省") in r
    # direct parent edges only: the county is not also tied to the province
    assert ("沧源佤族自治县", "located_in", "云南省") not in r


def test_part_of_for_a_unit_stationed_in_another_body():
    r, _ = rels("中央纪委国家监委驻应急管理部纪检监察组依规依纪依法追责问责。", "2023-10-25")
    assert ("中央纪委国家监委驻应急管理部纪检监察组", "part_of", "中央纪委国家监委") in r


@pytest.mark.parametrize("sentence", [
    "2018年6月，公安部出台《关于建立健全公安机关执法全流程记录机制的意见》。",
    "江夏区还推出“帮代办”服务，工作人员上门办。",
])
def test_every_relation_has_sentence_evidence(sentence):
    r, out = rels(sentence)
    assert r
    for rel in r.values():
        ev = rel["evidence"]
        assert ev["text"] and ev["text"] in sentence
        assert ev["article"] == out["articles"][0]["id"]


def test_bodies_listed_together_introduce_together():
    r, _ = rels("中共中央办公厅、国务院办公厅近日印发《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》。")
    doc = "《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》"
    assert ("中共中央办公厅", "introduced", doc) in r and ("国务院办公厅", "introduced", doc) in r
    assert not [k for k in r if k[1] == "cooperates_with"]


def test_the_object_of_one_verb_is_not_the_subject_of_the_next():
    r, _ = rels("据介绍，海淀区已设立12345市民服务热线分中心，推行“接诉即办”改革。")
    assert ("海淀区", "introduced", "“接诉即办”改革") in r
    assert not [k for k in r if k[1] == "introduced" and k[0] != "海淀区"]


def test_a_bare_body_in_a_chain_of_posts_belongs_to_the_body_before():
    r, out = rels("北京市委常委、组织部部长吕锡文出席。", "2011-09-23")
    assert r[("吕锡文", "leads", "北京市委组织部")]["attrs"]["title"] == "部长"
    assert r[("吕锡文", "member_of", "北京市委")]["attrs"]["title"] == "常委"
    assert ("北京市委组织部", "part_of", "北京市委") in r
    # named with its body, the bare name an alias
    dept = next(e for e in out["entities"] if e["name"] == "北京市委组织部")
    assert "组织部" in dept["aliases"]


def test_a_chain_of_posts_reads_on_past_a_body_the_rules_do_not_know():
    r, _ = rels("全国政协副主席、民进中央常务副主席朱永新在京出席会议。", "2024-11-01")
    assert r[("朱永新", "member_of", "中国人民政治协商会议全国委员会")]["attrs"]["title"] == "副主席"
    assert [t for h, t, _o in r if h == "朱永新"] == ["member_of"]


def test_a_notice_issuing_a_plan_names_the_plan():
    r, _ = rels("大方县人民政府办公室关于印发大方县农村人居环境整治实施方案的通知\n各乡镇人民政府：现印发给你们，请认真贯彻执行。")
    assert ("大方县人民政府办公室", "introduced", "大方县农村人居环境整治实施方案") in r


def test_a_secretary_general_is_a_member_not_the_head():
    r, _ = rels("3月5日，市政府召开常务会议，市长王伟主持会议。副市长张红，市政府秘书长赵刚出席会议。", "2024-03-06")
    assert r[("赵刚", "member_of", "市政府")]["attrs"]["title"] == "秘书长"
    assert [h for h, t, _o in r if t == "leads"] == ["王伟"]


def test_an_acting_head_of_a_district_leads_its_government():
    r, _ = rels("11月20日，湖南省长沙市望城区召开优化营商环境推进会。区委常委、宣传部部长刘芳主持会议，"
                "区委副书记、代区长周健讲话。区人社局副局长王丽表示，将建立“就业驿站”服务网络。", "2024-11-21")
    assert r[("周健", "leads", "望城区人民政府")]["attrs"]["title"] == "代区长"
    assert ("周健", "member_of", "望城区委") in r
    assert ("刘芳", "leads", "望城区委宣传部") in r
    assert ("望城区人社局", "introduced", "“就业驿站”服务网络") in r


def test_a_speaker_heading_a_body_stands_for_it_in_the_next_sentences():
    text = ("中国人民银行行长潘功胜介绍，近期将下调存款准备金率0.5个百分点。首次创设两项新的货币政策工具支持股票市场稳定发展，"
            "分别为5000亿元证券、基金、保险公司互换便利和3000亿元股票回购、增持再贷款，可视情扩大规模。")
    r, _ = rels(text, "2024-09-24")
    assert ("中国人民银行", "introduced", "证券、基金、保险公司互换便利") in r
    assert ("中国人民银行", "introduced", "股票回购、增持再贷款") in r


def test_object_several_clauses_after_the_verb():
    r, _ = rels("苍溪县市场监管局以“春雷行动2021”为抓手,积极构建立体宣传浓氛围,严督实查压责任,快处重罚强威慑“三位一体”的冷链物流疫情防控体系,切实保障人民群众身体健康。", "2021-01-27")
    assert ("苍溪县市场监管局", "introduced", "“三位一体”的冷链物流疫情防控体系") in r


def test_a_department_of_a_ministry_and_its_head():
    r, _ = rels("3月24日，生态环境部召开例行新闻发布会。生态环境部宣传教育司司长刘友宾主持发布会。", "2022-03-24")
    assert r[("刘友宾", "leads", "生态环境部宣传教育司")]["attrs"]["title"] == "司长"
    assert ("生态环境部宣传教育司", "part_of", "生态环境部") in r


def test_a_local_body_named_with_its_system_is_that_local_body():
    r, out = rels("据悉，国家税务总局厦门市税务局推行“非接触式”办税缴费服务，纳税人足不出户即可办理。"
                  "厦门市税务局有关负责人表示，将持续优化服务。", "2024-11-01")
    bodies = [e for e in out["entities"] if e["type"] == "AGENCY"]
    assert [e["name"] for e in bodies] == ["国家税务总局", "国家税务总局厦门市税务局"]
    assert "厦门市税务局" in bodies[1]["aliases"]
    assert {("国家税务总局厦门市税务局", "part_of", "国家税务总局"),
            ("国家税务总局厦门市税务局", "located_in", "厦门市")} <= set(r)
    # a unit of a body is part of it and no more (its seat is its body's)
    r, _ = rels("云南省临沧市公安局禁毒支队破获一起案件。")
    assert ("临沧市公安局禁毒支队", "part_of", "临沧市公安局") in r
    assert not any(h == "临沧市公安局禁毒支队" and t == "located_in" for h, t, _o in r)
    # a central body's name opening a local office's holds no country: no 中国 here
    _, out = rels("中国证监会广东监管局对该公司采取出具警示函措施。")
    assert [e["name"] for e in out["entities"] if e["type"] == "PLACE"] == ["广东省"]


def test_a_mayor_of_the_papers_own_city():
    r, _ = rels("我市召开推进会\n发布时间：2023-05-12 来源：市政府办公室\n5月11日，推进会召开。市委副书记、市长陈华出席会议并讲话，副市长刘伟主持会议。")
    assert r[("陈华", "leads", "市政府")]["attrs"]["title"] == "市长"
    assert ("刘伟", "member_of", "市政府") in r


def test_place_forms_give_aliases_only_where_the_body_name_allows():
    """浙江省委 is not also 浙江委, nor 杭州市人民政府 杭州人民政府; 北仑区税务局 is
    also 北仑税务局 (a body name that stands after a bare place name)."""
    from kg.extraction import extract_text
    ext = extract_text("浙江省委召开会议。杭州市人民政府作交流发言。宁波市北仑区税务局推出“一窗通办”服务。")
    aliases = {e["name"]: set(e["aliases"]) for e in ext["entities"] if e["type"] == "AGENCY"}
    assert "浙江委" not in aliases["浙江省委"]
    assert "杭州人民政府" not in aliases["杭州市人民政府"] and "杭州市政府" in aliases["杭州市人民政府"]
    assert "北仑税务局" in aliases["北仑区税务局"]


def test_partners_after_hui_tong_act_even_when_lianhe_precedes_the_verb():
    """A会同B、C等部门联合印发: A is the subject, B and C its partners; the 联合
    right before the verb is an adverb, not a partner word."""
    from kg.extraction import extract_text
    ext = extract_text("生态环境部会同国家发展改革委、工业和信息化部等部门联合印发了"
                       "《关于推进实施水泥行业超低排放的意见》。")
    names = {e["id"]: e["name"] for e in ext["entities"]}
    rels = {(names[r["head"]], r["type"], names[r["tail"]]) for r in ext["relations"]}
    doc = "《关于推进实施水泥行业超低排放的意见》"
    assert ("生态环境部", "introduced", doc) in rels
    assert ("生态环境部", "cooperates_with", "国家发展和改革委员会") in rels
    assert ("生态环境部", "cooperates_with", "工业和信息化部") in rels
    assert ("工业和信息化部", "introduced", doc) in rels


def test_an_appointment_gives_the_post_and_plural_addressees_are_no_bodies():
    """任命李明为云南省交通运输厅厅长: 李明 (not 李明为) leads the department; a
    deputy post gives member_of. 各州、市人民政府 and 省直各委 name every such
    body, not one."""
    from kg.extraction import extract_text
    ext = extract_text("各州、市人民政府，省直各委、办、厅、局：经省人民政府研究决定：任命李明为云南省交通运输厅厅长；"
                       "任命陈红为云南省教育厅副厅长。")
    names = {e["id"]: e["name"] for e in ext["entities"]}
    rels = {(names[r["head"]], r["type"], names[r["tail"]], r["attrs"].get("title")) for r in ext["relations"]}
    assert ("李明", "leads", "云南省交通运输厅", "厅长") in rels
    assert ("陈红", "member_of", "云南省教育厅", "副厅长") in rels
    assert "李明为" not in names.values()
    assert not {"市人民政府", "云南省直各委"} & set(names.values())


def test_deputies_after_a_titled_head_share_the_body():
    """工业和信息化部部长金壮龙，副部长辛国斌、单忠德: the deputies' post names no
    body but continues the head's series (部长 → 副部长), and a name listed
    after a titled one shares its post."""
    from kg.extraction import extract_text
    ext = extract_text("工业和信息化部部长金壮龙，副部长辛国斌、单忠德介绍有关情况。")
    names = {e["id"]: e["name"] for e in ext["entities"]}
    rels = {(names[r["head"]], r["type"], names[r["tail"]], r["attrs"].get("title")) for r in ext["relations"]}
    assert rels >= {("金壮龙", "leads", "工业和信息化部", "部长"),
                    ("辛国斌", "member_of", "工业和信息化部", "副部长"),
                    ("单忠德", "member_of", "工业和信息化部", "副部长")}
    # a listed name with a title of its own (群众) does not take the post before it
    ext = extract_text("公安局局长张三、群众李四参加活动。")
    names = {e["id"]: e["name"] for e in ext["entities"]}
    assert not [r for r in ext["relations"] if names[r["head"]] == "李四"]


STATE_COUNCIL = (
    "国务院常务会议部署推进大规模设备更新\n"
    "新华社北京3月11日电 国务院总理李强3月11日主持召开国务院常务会议，研究部署推动大规模设备更新和消费品以旧换新工作。"
    "会议审议通过《推动大规模设备更新和消费品以旧换新行动方案》。\n"
    "会议指出，国家发展改革委、工业和信息化部、财政部等部门要加强协同，抓紧制定配套政策。\n"
    "同日，国家发展改革委副主任赵辰昕在国务院新闻办公室举行的新闻发布会上介绍，今年将实施“以旧换新”惠民工程。\n")


def test_a_meeting_adopts_for_the_body_its_chair_leads_not_for_the_dateline_city():
    """会议审议通过 names no subject: the paragraph is about 国务院 (its premier
    chairs), not about 北京, which is only where the dispatch was filed."""
    r, out = rels(STATE_COUNCIL, "2024-03-12")
    assert ("国务院", "introduced", "《推动大规模设备更新和消费品以旧换新行动方案》") in r
    assert not any(h == "北京市" and t == "introduced" for h, t, _o in r)
    # 部署 ("deploys") is a verb, not a body ending in 署
    assert not any(e["type"] == "AGENCY" and e["name"].endswith("部署") for e in out["entities"])


def test_the_host_of_an_event_is_not_the_subject_of_what_is_said_there():
    r, _ = rels(STATE_COUNCIL, "2024-03-12")
    assert ("国家发展和改革委员会", "introduced", "“以旧换新”惠民工程") in r
    assert ("国务院新闻办公室", "introduced", "“以旧换新”惠民工程") not in r


def test_bodies_told_to_work_together_cooperate():
    r, _ = rels(STATE_COUNCIL, "2024-03-12")
    assert ("国家发展和改革委员会", "cooperates_with", "工业和信息化部") in r


def test_bodies_after_hui_tong_cooperate_whatever_the_verb():
    r, out = rels("本报北京11月3日电 记者从水利部获悉：今年以来，水利部会同国家发展改革委、财政部推进重大水利工程建设，"
                  "全国完成水利建设投资1万亿元。", "2024-11-04")
    assert {("水利部", "cooperates_with", "国家发展和改革委员会"), ("水利部", "cooperates_with", "财政部")} <= set(r)
    assert not any(a == "国家发展和改革委员会" and t == "cooperates_with" for a, t, _b in r)
    # 重大水利工程 rates the works, it names no program
    assert not [e for e in out["entities"] if e["type"] == "PROGRAM"]


def test_a_post_in_the_said_body_is_a_post_in_the_body_named_before():
    r, _ = rels("6月12日，四川省巴中市恩阳区人民法院召开新闻发布会。该院副院长王明介绍，今年以来共审结案件120件。"
                "北京市市场监督管理局近日召开会议，该局局长李强出席。", "2024-06-13")
    assert r[("王明", "member_of", "恩阳区人民法院")]["attrs"]["title"] == "副院长"
    assert r[("李强", "leads", "北京市市场监督管理局")]["attrs"]["title"] == "局长"


def test_same_named_districts_of_two_cities_are_two_bodies_and_a_kind_of_agreement_is_no_document():
    r, out = rels("南京市鼓楼区人民政府与福州市鼓楼区人民政府签署友好合作协议。", "2024-11-01")
    govs = [e for e in out["entities"] if e["type"] == "AGENCY"]
    assert len(govs) == 2 and len({e["key"] for e in govs}) == 2
    assert [t for _h, t, _o in r if t == "cooperates_with"] == ["cooperates_with"]
    assert not [e for e in out["entities"] if e["type"] == "DOCUMENT"]


def test_a_conjunction_before_a_place_joins_two_names():
    r, out = rels("中国工商银行北京分行与北京市朝阳区人民政府签署战略合作协议。", "2024-11-01")
    assert {(e["type"], e["name"]) for e in out["entities"] if e["type"] in ("ORG", "AGENCY")} == {
        ("ORG", "中国工商银行北京分行"), ("AGENCY", "朝阳区人民政府")}
    assert ("中国工商银行北京分行", "cooperates_with", "朝阳区人民政府") in r


def test_a_central_body_named_with_its_term():
    r, out = rels("中国共产党第二十届中央委员会第三次全体会议审议通过了《中共中央关于进一步全面深化改革、推进中国式现代化的决定》。",
                  "2024-07-18")
    assert [h for h, t, _o in r if t == "introduced"] == ["中共中央"]
    assert not [e for e in out["entities"] if e["type"] == "PLACE"]   # 中国 of 中国共产党 is the party's name
    _, out = rels("第十四届全国人民代表大会常务委员会第七次会议在北京闭幕。", "2023-12-29")
    assert "全国人民代表大会常务委员会" in {e["name"] for e in out["entities"]}


def test_the_party_and_the_army_are_bodies_and_the_party_name_is_a_prefix_of_its_committees():
    _, out = rels("庆祝中国共产党成立103周年大会隆重举行。中国人民解放军南部战区组织演练。", "2024-07-01")
    assert {(e["type"], e["name"]) for e in out["entities"]} == {("AGENCY", "中国共产党"), ("AGENCY", "南部战区")}
    r, out = rels("中国共产党北京市委员会召开全会。", "2024-07-01")
    assert {e["name"] for e in out["entities"] if e["type"] == "AGENCY"} == {"北京市委员会"}
    body = next(e for e in out["entities"] if e["name"] == "北京市委员会")
    assert "中国共产党北京市委员会" in body["aliases"]
    assert not any(t == "part_of" for _h, t, _o in r)


def test_a_department_of_a_ministry_is_part_of_the_ministry_only():
    """The ministry itself is no part_of 国务院: its name does not say so."""
    r, _ = rels("为贯彻落实党中央、国务院决策部署，交通运输部近日印发《关于加快推进农村客货邮融合发展的指导意见》。"
                "交通运输部运输服务司司长蔡团结介绍，下一步将开展创建工作。", "2024-11-01")
    assert ("交通运输部", "part_of", "国务院") not in r
    assert [o for h, t, o in r if h == "交通运输部运输服务司" and t == "part_of"] == ["交通运输部"]


def test_a_press_conference_issues_nothing():
    r, _ = rels("司法部副部长胡卫列在发布会上介绍了《中华人民共和国行政复议法》修订情况。", "2023-09-02")
    assert not any(t == "introduced" for _h, t, _o in r)
    r, _ = rels("司法部近日发布《中华人民共和国行政复议法》释义。", "2023-09-02")
    assert ("司法部", "introduced", "《中华人民共和国行政复议法》") in r


def test_a_body_that_consents_does_not_act():
    r, _ = rels("经省政府同意，浙江省交通运输厅、浙江省财政厅联合出台《浙江省农村公路养护管理办法》。", "2024-11-01")
    assert sorted(h for h, t, _o in r if t == "introduced") == ["浙江省交通运输厅", "浙江省财政厅"]
    assert ("浙江省交通运输厅", "cooperates_with", "浙江省财政厅") in r


def test_a_verb_does_not_take_the_object_of_a_later_actors_verb():
    r, _ = rels("按照省委、省政府部署，福建省自然资源厅牵头开展耕地保护专项整治行动。", "2024-11-01")
    assert [h for h, t, o in r if t == "introduced"] == ["福建省自然资源厅"]


def test_bodies_building_something_together_introduce_it_and_cooperate():
    r, _ = rels("近年来，浙江省检察院探索建立“检察+行政”协作机制，与省生态环境厅共建生态环境保护联动平台。", "2024-11-01")
    assert {("浙江省检察院", "introduced", "生态环境保护联动平台"),
            ("浙江省生态环境厅", "introduced", "生态环境保护联动平台"),
            ("浙江省检察院", "cooperates_with", "浙江省生态环境厅")} <= set(r)


def test_the_said_county_acts_for_the_county_named_before():
    text = ("6月19日，浙江省湖州市安吉县召开乡村振兴工作推进会。"
            "今年以来，该县联合浙江大学、中国农业银行安吉支行共同打造“数字乡村”服务平台，为农户提供一站式服务。")
    r, _ = rels(text, "2023-06-20")
    assert ("安吉县", "introduced", "“数字乡村”服务平台") in r
    assert ("浙江大学", "introduced", "“数字乡村”服务平台") in r
    # the partners after 联合 are not taken for the subject
    assert r[("安吉县", "introduced", "“数字乡村”服务平台")]["evidence"]["text"].startswith("今年以来，该县")


def test_the_said_bureau_and_a_word_that_only_looks_like_one():
    r, _ = rels("北京市市场监督管理局近日召开会议。会上，该局印发《关于优化营商环境的若干措施》。")
    assert ("北京市市场监督管理局", "introduced", "《关于优化营商环境的若干措施》") in r
    # 该市场: "this market", no anaphor for 北京市 (a new paragraph: no topic either)
    r, _ = rels("北京市近日召开优化营商环境大会。\n该市场监管部门印发《关于优化营商环境的若干措施》。")
    assert not any(h == "北京市" and t == "introduced" for h, t, _o in r)


def test_a_foreign_ministers_title_does_not_continue_a_series():
    """部长X，副部长Y continues X's body; 法国外贸部长里斯特 has its own (foreign) one."""
    r, out = rels("商务部部长王文涛与法国外贸部长里斯特会谈，双方签署《关于加强经贸合作的谅解备忘录》。", "2023-04-07")
    assert ("王文涛", "leads", "商务部") in r
    assert not any(h == "里斯特" for h, _t, _o in r)
    r, _ = rels("工业和信息化部部长金壮龙，副部长辛国斌出席会议。", "2023-04-07")
    assert ("辛国斌", "member_of", "工业和信息化部") in r


def test_a_head_noun_that_only_qualifies_the_next_word_makes_no_program():
    _, out = rels("中方愿同法方一道，推动中法全面战略伙伴关系迈上新台阶。", "2023-04-07")
    assert not [e for e in out["entities"] if e["type"] == "PROGRAM"]
    _, out = rels("河南省与北京市签署战略合作框架协议，共同实施“南水北调”生态保护工程。", "2023-04-07")
    assert [e["name"] for e in out["entities"] if e["type"] == "PROGRAM"] == ["“南水北调”生态保护工程"]


CAC = ("多部门联合部署2024年“清朗”系列专项行动\n"
       "本报北京1月19日电（记者王某）记者从国家互联网信息办公室获悉，中央网信办近日印发通知，部署开展2024年“清朗”系列专项行动。\n"
       "据介绍，专项行动由中央网信办牵头，会同工业和信息化部、公安部、国家市场监督管理总局等部门共同实施。\n")


def test_the_dateline_day_is_not_the_day_of_the_act():
    """近日印发 is undated; 1月19日 is when the dispatch was filed."""
    r, _ = rels(CAC, "2024-01-20")
    rel = r[("中央网络安全和信息化委员会办公室", "introduced", "“清朗”系列专项行动")]
    assert "date" not in rel["attrs"]


def test_partners_of_a_verb_whose_object_came_first_still_cooperate():
    r, out = rels(CAC, "2024-01-20")
    for partner in ("工业和信息化部", "公安部", "国家市场监督管理总局"):
        assert ("中央网络安全和信息化委员会办公室", "cooperates_with", partner) in r
    # a central body written in full is named in full
    assert "国家互联网信息办公室" in {e["name"] for e in out["entities"]}


LEISHAN = ("贵州雷山：茶产业带动群众增收\n"
           "9月4日，记者走进贵州省黔东南苗族侗族自治州雷山县丹江镇乌东村，茶农们正在采摘秋茶。\n"
           "乌东村党支部书记、村委会主任杨光华介绍，村里成立了茶叶专业合作社，与贵州雷山银球茶业有限公司签订收购协议。\n"
           "雷山县农业农村局副局长吴敏说，全县推行“茶旅融合”发展模式，建成茶园15.6万亩。"
           "今年，县里出台《雷山县茶产业高质量发展三年行动方案》，设立茶产业发展基金。\n")


def test_a_village_head_holds_both_posts():
    """村委会 written without its village is the committee of the village
    named just before (§7: the village's bodies are located_in it)."""
    r, _ = rels(LEISHAN, "2023-09-05")
    assert ("杨光华", "leads", "乌东村党支部") in r
    assert ("杨光华", "leads", "乌东村村委会") in r
    assert {("乌东村党支部", "located_in", "乌东村"), ("乌东村村委会", "located_in", "乌东村"),
            ("乌东村", "located_in", "丹江镇")} <= set(r)


def test_the_county_and_the_whole_county_act_for_the_county_named_before():
    """县里出台, 全县推行: the county acts, not the bureau whose official speaks."""
    r, _ = rels(LEISHAN, "2023-09-05")
    assert ("雷山县", "introduced", "《雷山县茶产业高质量发展三年行动方案》") in r
    assert ("雷山县", "introduced", "“茶旅融合”发展模式") in r
    assert ("雷山县农业农村局", "introduced", "《雷山县茶产业高质量发展三年行动方案》") not in r


def test_a_kind_of_agreement_is_no_named_document():
    _, out = rels(LEISHAN, "2023-09-05")
    assert [e["name"] for e in out["entities"] if e["type"] == "DOCUMENT"] == [
        "《雷山县茶产业高质量发展三年行动方案》"]


def test_the_subject_is_the_first_actor_of_its_clause_not_the_nearest():
    r, _ = rels("上海市民政局副局长蒋蕊表示，全市将推广徐汇经验，制定《上海市社区养老服务设施建设导则》。", "2023-12-01")
    assert ("上海市", "introduced", "《上海市社区养老服务设施建设导则》") in r
    assert ("徐汇区", "introduced", "《上海市社区养老服务设施建设导则》") not in r
    r, _ = rels("北京市市场监督管理局在国家市场监督管理总局指导下印发《北京市网络直播营销管理办法》。", "2023-12-01")
    assert [h for h, t, o in r if t == "introduced"] == ["北京市市场监督管理局"]
    r, _ = rels("2021年，河北省石家庄市井陉县推行“三个当场”制度。", "2021-09-15")
    assert [h for h, t, o in r if t == "introduced"] == ["井陉县"]


def test_a_paragraph_on_the_meeting_keeps_the_convener_as_its_topic():
    text = ("省政府常务会议研究优化营商环境等工作\n"
            "2月27日，省长王凯主持召开省政府常务会议，研究优化营商环境等工作。\n"
            "会议审议通过了《河南省优化营商环境三年行动方案（2024—2026年）》。\n")
    r, _ = rels(text, "2024-02-28")
    assert ("省政府", "introduced", "《河南省优化营商环境三年行动方案（2024—2026年）》") in r
    # another paragraph that does not go on about the meeting has no topic
    r, _ = rels(text.replace("会议审议通过了", "此外，审议通过了"), "2024-02-28")
    assert not [h for h, t, _o in r if t == "introduced"]


def test_a_law_adopted_by_the_standing_committee_whose_chair_presides():
    """表决通过了…修订草案 (no 《》) is a document; 会议 goes on about the
    committee, and its chair (no post linked) does not displace it."""
    text = ("十四届全国人大常委会第七次会议闭幕\n"
            "新华社北京12月29日电 十四届全国人大常委会第七次会议29日下午在北京人民大会堂闭幕。赵乐际委员长主持会议。\n"
            "会议表决通过了公司法修订草案。\n")
    r, out = rels(text, "2023-12-30")
    assert ("全国人民代表大会常务委员会", "introduced", "公司法修订草案") in r
    assert not any(h == "赵乐际" for h, _t, _o in r)


def test_a_title_after_the_name_of_a_body_s_official():
    r, _ = rels("长沙市公安局王强局长介绍，今年将开展“雷霆”专项行动。", "2023-05-01")
    assert r[("王强", "leads", "长沙市公安局")]["attrs"]["title"] == "局长"
    r, _ = rels("会上，长沙市公安局王强表示将严查。", "2023-05-01")   # no title: no post
    assert not any(t in ("leads", "member_of") for _h, t, _o in r)


def test_a_central_office_written_in_full_is_part_of_its_commission():
    """rules/agencies.toml named_parent_offices: 中央财经委员会|办公室 names
    the commission too; the short form 中央财办 names the office alone."""
    r, out = rels("闭幕会前，中央财经委员会办公室副主任韩文秀作了专题学习讲座。", "2021-03-03")
    assert ("中央财经委员会办公室", "part_of", "中央财经委员会") in r
    assert ("韩文秀", "member_of", "中央财经委员会办公室") in r
    r, out = rels("中央宣讲团成员、中央财办副主任韩文秀作报告。中央改革办常务副主任穆虹出席。", "2022-11-11")
    assert ("韩文秀", "member_of", "中央财经委员会办公室") in r
    assert ("穆虹", "member_of", "中央全面深化改革委员会办公室") in r
    assert "中央财经委员会" not in {e["name"] for e in out["entities"]}


def test_a_places_delegation_to_a_congress_is_a_body_in_that_place():
    """rules/agencies.toml: 某省|代表团 is an AGENCY located_in the place
    (spec §7, a place prefixed to a body's name); 各代表团 is none."""
    r, out = rels("习近平参加他所在的党的二十大广西代表团讨论。北京代表团、内蒙古代表团举行全体会议。"
                  "各代表团认真审议报告。", "2022-10-18")
    assert ("广西代表团", "located_in", "广西壮族自治区") in r
    assert ("北京代表团", "located_in", "北京市") in r
    assert ("内蒙古代表团", "located_in", "内蒙古自治区") in r
    assert sorted(e["name"] for e in out["entities"] if e["type"] == "AGENCY") == ["内蒙古代表团", "北京代表团", "广西代表团"]
