"""kg.relations.triggers: `introduced` and `cooperates_with` from trigger
verbs in a clause (rules/relations.toml). Driven through kg.extract; each
test names the rule of trigger_relations it pins."""

from kg import extract


def rels(text, date="2021-09-15"):
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], r["type"], name[r["tail"]]): r for r in out["relations"]}


def introduced(text, date="2021-09-15"):
    return {(h, t): r["attrs"].get("date") for (h, ty, t), r in rels(text, date).items() if ty == "introduced"}


def test_each_verb_takes_the_date_nearest_before_it_and_all_its_coordinated_objects():
    """date_near per verb; 《A》和《B》 after one verb are both its objects; the
    subject of the first verb acts for the second (no actor in between)."""
    got = introduced("公安部2015年11月出台《关于改革完善受案立案制度的意见》，2018年6月又印发"
                     "《关于建立健全公安机关执法全流程记录机制的意见》和《公安机关执法公开规定》。")
    assert got == {("公安部", "《关于改革完善受案立案制度的意见》"): "2015-11",
                   ("公安部", "《关于建立健全公安机关执法全流程记录机制的意见》"): "2018-06",
                   ("公安部", "《公安机关执法公开规定》"): "2018-06"}


def test_partners_after_hui_tong_act_with_the_subject_and_cooperate_with_it():
    r = rels("国家发展改革委会同财政部、商务部印发《关于促进消费的若干措施》。")
    lead, doc = "国家发展和改革委员会", "《关于促进消费的若干措施》"
    for body in (lead, "财政部", "商务部"):
        assert (body, "introduced", doc) in r
    assert {(lead, "cooperates_with", "财政部"), (lead, "cooperates_with", "商务部")} <= set(r)
    assert ("财政部", "cooperates_with", "商务部") not in r


def test_two_bodies_joined_before_a_cooperation_word_cooperate_without_an_object():
    """_cooperation: A 与 B … 合作/签约 in one clause, nothing introduced."""
    r = rels("河南省人民政府与北京市人民政府在郑州举行战略合作签约仪式，双方将深化合作。")
    assert ("河南省人民政府", "cooperates_with", "北京市人民政府") in r
    assert not [k for k in r if k[1] == "introduced"]


def test_a_trigger_inside_a_word_that_is_no_verb_does_not_fire():
    """trigger_not_in: 发布 in 发布会 is no act of issuing; 发布 alone is."""
    assert introduced("国务院新闻办公室在发布会上解读《政府工作报告》。") == {}
    assert introduced("国务院新闻办公室发布《新时代的中国网络法治建设》白皮书。") == {
        ("国务院新闻办公室", "《新时代的中国网络法治建设》"): None}


def test_the_dateline_place_is_no_actor_and_a_session_acts_for_its_congress():
    got = introduced("新华社北京3月11日电 十四届全国人大二次会议表决通过《中华人民共和国国务院组织法》。", "2024-03-11")
    assert set(got) == {("全国人民代表大会", "《中华人民共和国国务院组织法》")}


def test_the_said_county_in_a_later_sentence_acts_for_the_county():
    """anaphors: 该县 stands for the nearest earlier county of the article."""
    got = introduced("苍溪县在全县推行“三位一体”冷链监管模式。该县还建立了冷链食品追溯机制。")
    assert set(got) == {("苍溪县", "“三位一体”冷链监管模式"), ("苍溪县", "冷链食品追溯机制")}


def test_the_evidence_is_the_verbs_sentence():
    text = "公安部法制局局长孙茂利介绍情况。公安部出台《关于规范执法的意见》。"
    r = rels(text)
    ev = r[("公安部", "introduced", "《关于规范执法的意见》")]["evidence"]
    assert ev["text"] == "公安部出台《关于规范执法的意见》。" == text[ev["start"]:ev["end"]]


def test_a_body_quoted_after_a_speaker_acts_itself():
    """clause_ends has ：, so the quote after 说： is a clause of its own and
    the speaker's body (first in the sentence) does not act in it."""
    got = introduced("公安部法制局局长孙茂利说：“公安部出台《关于规范执法的意见》。”")
    assert set(got) == {("公安部", "《关于规范执法的意见》")}


def test_objects_listed_after_a_colon_are_still_the_verbs():
    """A colon that opens a list of what the verb made: the list closes the
    next clause, so its objects are the verb's."""
    got = introduced("公安部印发了两个文件：《关于规范执法的意见》和《关于加强监督的通知》。")
    assert set(got) == {("公安部", "《关于规范执法的意见》"), ("公安部", "《关于加强监督的通知》")}


def test_the_issuer_of_opinions_on_establishing_a_mechanism_introduced_the_mechanism_named():
    """subjects.title_programs: 《关于建立X的意见》 issued by A, X named in the article."""
    got = introduced("2019年3月，水利部印发《关于建立健全河湖管护长效责任机制的意见》。"
                     "专家介绍，河湖管护长效责任机制的建立，为规范管护发挥了作用。")
    assert got == {("水利部", "《关于建立健全河湖管护长效责任机制的意见》"): "2019-03",
                   ("水利部", "河湖管护长效责任机制"): "2019-03"}
    got = introduced("2019年3月，水利部印发《关于加强河湖管护工作的意见》。河湖管护长效责任机制不断完善。")
    assert not any(tail == "河湖管护长效责任机制" for _, tail in got)


def test_a_body_naming_itself_in_the_first_person_acts():
    got = introduced("长沙市岳麓区人民检察院不断创新监督方式。我院联合区人大常委会出台了《人大代表联络站工作方案(试行)》。")
    assert ("岳麓区人民检察院", "《人大代表联络站工作方案(试行)》") in got
