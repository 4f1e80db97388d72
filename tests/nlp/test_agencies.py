"""kg.nlp.components.agencies (kg_agencies): AGENCY mentions from central
names, place chains + a body word, level characters (县公安局), collective
and standalone bodies, and units of a named host. Run on the real segmenter
with only kg_places (its anchors), kg_agencies and kg_resolve."""

import pytest

from conftest import make_nlp

from kg import extract


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_agencies", "kg_resolve")


def agencies(nlp, text):
    return {m.text: m.attrs for m in nlp(text)._.kg_resolved if m.type == "AGENCY"}


def test_central_bodies_by_any_of_their_names(nlp):
    got = agencies(nlp, "国家发展改革委会同财政部印发通知。")
    assert got["国家发展改革委"]["canonical"] == "国家发展和改革委员会" and got["国家发展改革委"]["central"]
    assert got["国家发展改革委"]["host_name"] == "国务院"
    assert got["财政部"]["canonical"] == "财政部"


def test_the_standing_committees_council_of_chairmen_is_a_central_body(nlp):
    got = agencies(nlp, "委员长会议建议，常委会会议审议有关议案。")
    assert got["委员长会议"]["canonical"] == "全国人民代表大会常务委员会委员长会议"


def test_a_central_name_after_a_foreign_country_or_before_a_word_is_not_the_ministry(nlp):
    got = agencies(nlp, "美国财政部宣布制裁。各地财政部门要落实。")
    assert list(got) == ["美国财政部"]
    assert not got["美国财政部"].get("central") and got["美国财政部"]["place_code"] == "world-美国"


def test_a_chain_of_places_and_a_body_word_is_the_last_places_body(nlp):
    doc = nlp("云南省临沧市沧源佤族自治县纪委监委通报。")
    [body] = [m for m in doc._.kg_resolved if m.type == "AGENCY"]
    assert body.text == "云南省临沧市沧源佤族自治县纪委监委"
    assert body.attrs["place_code"] == "530927" and body.attrs["place_span"] == (6, 13)
    assert [(m.text, m.attrs.get("nested")) for m in doc._.kg_resolved if m.type == "PLACE"] == [
        ("云南省", True), ("临沧市", True), ("沧源佤族自治县", True)]


def test_level_prefixed_collective_and_standalone_bodies(nlp):
    got = agencies(nlp, "苍溪县召开会议，县公安局出席，各级公安机关和村委会参加。")
    assert got == {"县公安局": {"level_prefix": "县"}, "公安机关": {"collective": True},
                   "村委会": {"standalone": True}}


def test_a_unit_of_a_central_body_with_its_numeral(nlp):
    got = agencies(nlp, "国务院办公厅秘书二局负责同志出席。")
    assert got["国务院办公厅秘书二局"]["host_span"] == (0, 6)
    assert got["国务院办公厅"]["nested"]


@pytest.mark.parametrize("text", ["他主持完成课题，发表专著三部。", "两队踢出4场平局。", "顾客去售楼部咨询。",
                                  "各地财政部门要落实。", "十年前，北非国家利比亚爆发反政府示威抗议。"])
def test_words_ending_like_a_body_are_none(nlp, text):
    assert agencies(nlp, text) == {}


@pytest.mark.parametrize("text, bodies", [
    # three central bodies in a row, none holding the next
    ("中共中央政治局中央军事委员会中央全面深化改革委员会召开会议。",
     {"中共中央政治局", "中央军事委员会", "中央全面深化改革委员会"}),
    # a verb between two central bodies: the second is no unit of the first
    ("中共中央委托中央统战部召开座谈会。", {"中共中央", "中央统战部"}),
])
def test_central_bodies_in_a_row_are_not_one_body(nlp, text, bodies):
    assert set(agencies(nlp, text)) == bodies


def test_a_unit_after_a_central_body_is_still_nested(nlp):
    got = agencies(nlp, "外交部新闻司发布消息。")
    assert "外交部新闻司" in got


def test_the_party_its_term_and_a_central_body_are_one_formal_name(nlp):
    got = agencies(nlp, "中国共产党第十八届中央纪律检查委员会举行全体会议。")
    assert "中国共产党第十八届中央纪律检查委员会" in got


def test_a_secretariat_under_another_partys_short_name_is_that_partys():
    """古|共|中央书记处: a party's short name cut in two by the words is still
    that party's; its Secretariat is no body of the CPC Central Committee."""
    from kg.extraction import extract_text
    out = extract_text("古共中央书记处书记某某某会见代表团。中央书记处书记李某出席会议。", "2021-09-15")
    names = [e["name"] for e in out["entities"] if e["type"] == "AGENCY"]
    assert "古共中央书记处" in names and "中共中央书记处" in names


@pytest.mark.parametrize("text, name", [
    ("中塔合作委员会第三次会议在京举行。", "中塔合作委员会"),
    ("美中贸易全国委员会发表声明。", "美中贸易全国委员会"),
])
def test_two_countries_short_forms_name_a_joint_body_of_neither(nlp, text, name):
    got = agencies(nlp, text)
    assert name in got and got[name].get("joint") and not got[name].get("place_code")


def test_a_central_bodys_office_in_a_region_is_its_unit_not_the_regions_body(nlp):
    text = "中央人民政府驻香港特别行政区联络办公室负责人表示坚决支持。"
    got = agencies(nlp, text)
    name = "中央人民政府驻香港特别行政区联络办公室"
    assert name in got and got[name]["host_span"] == (0, len("中央人民政府"))


def test_a_foreign_ministry_opening_with_a_modifier_is_named_whole(nlp):
    got = agencies(nlp, "墨西哥公共教育部宣布学校恢复线下教学。")
    assert list(got) == ["墨西哥公共教育部"] and got["墨西哥公共教育部"]["place_code"] == "world-墨西哥"


@pytest.mark.parametrize("text, name, code", [
    ("俄罗斯总统发表讲话。俄外交部发言人表示反对。", "俄外交部", "world-俄罗斯"),
    ("美国务院发言人就此事发表声明。", "美国务院", "world-美国"),
    ("叙利亚局势紧张。叙国防部说，军队击退了武装分子。", "叙国防部", "world-叙利亚"),
])
def test_a_ministry_after_its_countrys_one_character_is_that_countrys(nlp, text, name, code):
    got = agencies(nlp, text)
    assert name in got and got[name]["place_code"] == code and not got[name].get("central")


@pytest.mark.parametrize("text", ["近日外交部发言人表示反对。", "5日外交部发言人表示反对。"])
def test_a_date_before_a_ministry_names_no_country(nlp, text):
    assert agencies(nlp, text)["外交部"]["central"]


def test_a_central_office_of_a_list_is_named_whole(nlp):
    got = agencies(nlp, "中央统战部、国务院侨办联合举行招待会。")
    assert got["国务院侨办"]["canonical"] == "国务院侨务办公室" and "国务院" not in got


def test_a_foreign_partys_body_is_named_from_the_word_its_name_opens_with(nlp):
    got = agencies(nlp, "公正俄罗斯党中央委员会主席表示支持。")
    assert got["公正俄罗斯党中央委员会"]["party_body"] and not got["公正俄罗斯党中央委员会"].get("nested")


@pytest.mark.parametrize("text", ["感谢各界为乡村教育事业所做的贡献。", "要把青海教育办好。"])
def test_a_particle_or_a_verb_after_a_body_character_ends_no_body(nlp, text):
    assert agencies(nlp, text) == {}


@pytest.mark.parametrize("text, name", [
    ("外交部驻港公署发言人表示强烈反对。", "外交部驻港公署"),
    ("外交部驻澳门特派员公署举行招待会。", "外交部驻澳门特派员公署"),
    ("商务部驻广州特派员办事处开展调研。", "商务部驻广州特派员办事处"),
])
def test_a_central_bodys_office_in_a_region_is_named_whole(nlp, text, name):
    got = agencies(nlp, text)
    assert name in got and got[name]["host_span"][0] == 0


def test_a_partys_name_run_into_its_people_names_no_body_and_no_place():
    """中国共产党人 (the party's people): the central name is read, so no
    place inside it, and linked to nothing (rules agencies.party_people)."""
    out = extract("百年来，一代又一代中国共产党人接续奋斗，形成了伟大的精神谱系。", "2021-06-30")
    assert not out["entities"]
    out = extract("中国共产党成立一百年来，团结带领人民接续奋斗。", "2021-06-30")
    assert [e["name"] for e in out["entities"]] == ["中国共产党"]


@pytest.mark.parametrize("text, body", [
    ("陪同来访的有外交与国际合作部部长。", "外交与国际合作部"),
    ("该国农业、畜牧业和渔业部发布公告。", "农业、畜牧业和渔业部"),
    ("随行的有基础设施、通信和运输部部长。", "基础设施、通信和运输部"),    # a field of two words
])
def test_a_ministry_joining_its_fields_is_read_whole(nlp, text, body):
    assert body in agencies(nlp, text)


def test_a_title_or_a_pronoun_before_a_joiner_is_no_field(nlp):
    got = agencies(nlp, "随行的有财政部部长、能源和矿产部部长。他与组织部负责同志谈话。")
    assert "能源和矿产部" in got and "组织部" in got
    assert not any(b.startswith(("部长", "他")) for b in got)


@pytest.mark.parametrize("text, body", [
    ("巴基斯坦国民议会愿深化同中方的交流。", "巴基斯坦国民议会"),
    ("埃及众议院议长会见中方代表团。", "埃及众议院"),
    ("美国国会通过一项法案。", "美国国会"),
])
def test_a_states_legislature_under_its_own_name_is_a_body(nlp, text, body):
    assert body in agencies(nlp, text)


def test_a_verb_of_attending_ends_the_core_of_a_body_read_after_a_place(nlp):
    got = agencies(nlp, "李明在北京人民大会堂出席中俄议会合作委员会第六次会议。")
    assert "中俄议会合作委员会" in got and not any("出席" in b for b in got)


def test_a_regions_production_and_construction_corps_is_a_body_in_that_region():
    out = extract("会议以视频形式召开，各地州市和新疆生产建设兵团设分会场。")
    names = {e["id"]: (e["type"], e["name"]) for e in out["entities"]}
    assert ("AGENCY", "新疆生产建设兵团") in names.values()
    assert (("AGENCY", "新疆生产建设兵团"), "located_in", ("PLACE", "新疆维吾尔自治区")) in {
        (names[r["head"]], r["type"], names[r["tail"]]) for r in out["relations"]}


def test_a_central_bodys_party_group_and_its_study_group_are_bodies_in_a_chain():
    out = extract("全国人大常委会党组理论学习中心组日前举行集体学习。会后，全国人大常委会党组召开会议。")
    names = {e["id"]: e["name"] for e in out["entities"]}
    group = "全国人民代表大会常务委员会党组"
    study = next(e for e in out["entities"] if e["name"] == group + "理论学习中心组")
    assert "全国人大常委会党组理论学习中心组" in study["aliases"]
    rels = {(names[r["head"]], r["type"], names[r["tail"]]) for r in out["relations"]}
    assert (study["name"], "part_of", group) in rels
    assert (group, "part_of", "全国人民代表大会常务委员会") in rels


def test_a_party_organisation_after_a_body_is_no_party_group(nlp):
    assert not any(t.endswith("党组") for t in agencies(nlp, "财政部党组织建设取得新成效。"))


def test_a_study_group_named_by_its_kind_alone_is_no_body(nlp):
    got = agencies(nlp, "各单位通过理论学习中心组学习、读书班等形式深化学习。")
    assert not any(t.endswith("中心组") for t in got)


def test_the_armed_forces_central_organs_by_their_short_forms(nlp):
    got = agencies(nlp, "北部战区海军某舰艇训练中心开训，中部战区空军、火箭军某导弹旅和武警部队同步展开训练。")
    assert got["北部战区海军"]["canonical"] == "北部战区海军" and got["北部战区海军"]["host_name"] == "北部战区"
    assert got["中部战区空军"]["canonical"] == "中部战区空军"
    assert got["火箭军"]["canonical"] == "火箭军"
    assert got["武警部队"]["canonical"] == "中国人民武装警察部队"


def test_a_numbered_army_is_a_body_not_a_companys_department(nlp):
    got = agencies(nlp, "东南沿海，第73集团军数十架战鹰开展首场飞行训练。")
    assert "第73集团军" in got


@pytest.mark.parametrize("text, body", [
    ("浙江省军区组织官兵开展实弹射击考核。", "浙江省军区"),
    ("西藏军区部队党委一班人带头开训。", "西藏军区"),
    ("武警山东总队开训即开考。", "武警山东总队"),
])
def test_a_places_military_command_or_armed_police_corps(nlp, text, body):
    assert body in agencies(nlp, text)


def test_a_theatres_service_command_names_its_theatre(nlp):
    got = agencies(nlp, "新年开训第一天，北部战区海军某舰艇训练中心3艘新型舰艇开始海上训练。")
    assert got["北部战区"]["canonical"] == "北部战区"
    assert got["北部战区海军"]["host_name"] == "北部战区"


def test_a_countrys_character_before_a_service_names_that_countrys_force():
    out = extract("乌克兰国家通讯社24日援引乌海军的声明报道说，俄军舰艇被击中。", "2022-03-25")
    names = {e["name"] for e in out["entities"] if e["type"] == "AGENCY"}
    assert "乌克兰海军" in names and "中国人民解放军海军" not in names
