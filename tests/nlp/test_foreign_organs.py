"""kg.nlp.components.foreign (through kg_agencies): a foreign state's armed
forces named by the country alone (某国军方, 某国空军, 某军方 with the
country's character) and a government named after its leader (某某某政府).
Run on the real segmenter with kg_places, kg_agencies and kg_resolve."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_agencies", "kg_resolve")


def agencies(nlp, text):
    return {m.text: m.attrs for m in nlp(text)._.kg_resolved if m.type == "AGENCY"}


@pytest.mark.parametrize("text, name, code", [
    ("据阿根廷军方消息，一架运输机当地时间5日在南部坠毁。", "阿根廷军方", "world-阿根廷"),
    ("智利海军随后派出两艘舰艇参与搜救。", "智利海军", "world-智利"),
    ("俄罗斯国防部表示，俄空天军摧毁了一处弹药库。", "俄空天军", "world-俄罗斯"),
])
def test_a_foreign_states_armed_forces_named_by_the_country_are_its_organ(nlp, text, name, code):
    got = agencies(nlp, text)
    assert name in got and got[name]["place_code"] == code


def test_the_home_countrys_armed_forces_are_no_foreign_organ(nlp):
    assert "中国军方" not in agencies(nlp, "中国军方表示坚决反对。")


def test_a_government_named_after_its_leader_is_a_body_of_its_own(nlp):
    got = agencies(nlp, "美国媒体报道说，拜登政府计划下月公布新的关税措施。")
    assert "拜登政府" in got and not got["拜登政府"].get("place_code")


def test_a_leaders_government_written_after_its_country_is_seated_there(nlp):
    got = agencies(nlp, "分析人士指出，美国拜登政府的对华政策仍在调整。")
    assert got["美国拜登政府"]["place_code"] == "world-美国"


@pytest.mark.parametrize("text", ["地方政府要切实履行职责。", "叙利亚政府发表声明。", "巴黎市政府宣布新措施。"])
def test_no_leader_before_a_government_names_no_administration(nlp, text):
    assert not [m for m in nlp(text)._.kg_resolved if m.rule == "agencies.foreign_administration"]


def test_states_listed_before_one_organ_word_each_name_their_own(nlp):
    doc = nlp("据报道，秘鲁、智利和阿根廷政府当天发表联合声明。")
    got = {m.text: m for m in doc._.kg_resolved if m.type == "AGENCY"}
    assert got["阿根廷政府"].attrs["place_code"] == "world-阿根廷"
    assert got["秘鲁"].attrs["shared_tail"] == "政府" and got["秘鲁"].attrs["place_code"] == "world-秘鲁"
    assert got["智利"].attrs["shared_tail"] == "政府"


def test_a_home_place_before_a_foreign_states_organ_names_no_organ(nlp):
    doc = nlp("中国和巴西政府签署合作协议。")
    assert [m.text for m in doc._.kg_resolved if m.type == "AGENCY"] == ["巴西政府"]


def test_a_countrys_service_is_its_organ_with_the_person_reader_on():
    """The full rule pipeline: the person reader takes no 空天军 from 俄空天军."""
    nlp = make_nlp("kg_places", "kg_persons", "kg_agencies", "kg_resolve")
    got = agencies(nlp, "俄罗斯国防部表示，俄空天军打击了尼古拉耶夫州的外国雇佣兵驻地。")
    assert got.get("俄空天军", {}).get("place_code") == "world-俄罗斯"


def test_a_legislature_named_with_the_states_form_is_seated_in_the_country(nlp):
    """某国|伊斯兰|议会: 伊斯兰 goes on in transliteration characters, yet is
    the state's form, not more of a foreign name."""
    got = agencies(nlp, "伊朗伊斯兰议会愿深化同中国全国人大的交流互鉴。")
    assert got.get("伊朗伊斯兰议会", {}).get("place_code") == "world-伊朗"
