"""kg_persons: a 、-list most of whose items are names vouches for the rest
(kg.nlp.components.persons.majority), on sentences written for the test."""

import pytest

from conftest import make_nlp
from kg.nlp.mentions import mentions_of

LEADERS = ("春节前夕，有关方面负责同志看望了王建平、李志强、张海涛、刘国华、陈晓东、杨文斌、"
           "赵立新、孙伟、周敏、吴建军和郑丽华、艾力·买买提江、钱学森、黄明远、回春生、林海燕等老同志。")


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_persons")


def _rules_of(nlp, text):
    return {m.text: m.rule for m in mentions_of(nlp(text)) if m.type == "PERSON"}


def test_a_list_of_names_vouches_for_a_dotted_item_and_its_last_item(nlp):
    got = _rules_of(nlp, LEADERS)
    assert got["艾力·买买提江"] == "persons.list_majority"     # not cut at the dot
    assert "艾力" not in got
    assert got["林海燕"] == "persons.list_majority"
    assert {"王建平", "孙伟", "周敏", "回春生", "钱学森"} <= set(got)


def test_two_names_joined_inside_an_item_are_both_read(nlp):
    text = ("会议期间，代表们分别看望了周明华、吴建国、郑海涛、冯立军、陈志远、"
            "褚卫东、卫国强、蒋文华和田志刚、沈立明等同志。")
    got = _rules_of(nlp, text)
    assert "田志刚" in got and "蒋文华" in got
    assert "和田" not in got


def test_a_list_of_things_is_no_list_of_names(nlp):
    assert not _rules_of(nlp, "市场上黄金、白银、铜、铝、锌、铅、镍、锡、钢材、煤炭等价格上涨。")
    # a short list with few names read vouches for nothing
    got = _rules_of(nlp, "王建平、高效、常态、平安等工作稳步推进。")
    assert "persons.list_majority" not in got.values()


def test_a_name_after_the_joiner_outranks_a_place_across_it(nlp):
    """和田 may be a place; in 某某华和田某刚 inside a list of names the name wins."""
    from kg import ruleset
    rules = ruleset.current()
    doc = nlp("会议期间，代表们分别看望了周明华、吴建国、郑海涛、冯立军、陈志远、"
              "褚卫东、卫国强、蒋文华和田志刚、沈立明等同志。")
    joined = next(m for m in mentions_of(doc) if m.text == "田志刚")
    assert joined.priority == rules.priorities["person_list_joined"] > rules.priorities["place"]


def test_an_unknown_token_led_by_a_word_like_surname_is_left_to_lac(nlp):
    """的权某昌正在…: one pkuseg token the lexicon lacks, led by a surname
    that is also a word: proposed under a rule only LAC's name keeps."""
    from kg import ruleset
    got = _rules_of(nlp, "毕业于职业学院的权明轩正在车间调试设备。")
    assert got.get("权明轩") == "persons.unknown_token"
    assert "persons.unknown_token" in ruleset.current().statistical.person_gate.lac_only_rules
    assert "权力" not in _rules_of(nlp, "要把权力关进制度的笼子里。")


def test_a_name_shape_the_story_repeats_is_left_to_lac(nlp):
    """A feature story's subject, named with no title again and again."""
    text = ("【青春奋斗者】栾宇召：扎根荒漠二十年\n今天我们来认识一位年轻人——栾宇召。"
            "作为站里最年轻的工程师，栾宇召也是治沙项目的负责人之一。陪伴栾宇召的是风沙。")
    got = {(m.start, m.text): m.rule for m in mentions_of(nlp(text)) if m.type == "PERSON"}
    repeated = [k for k, r in got.items() if r == "persons.repeated_name"]
    assert len(repeated) >= 3 and {t for _, t in repeated} == {"栾宇召"}
    # a quoted one names a thing (a typhoon): never proposed
    storm = "台风“查塔卡”登陆。受“查塔卡”影响，多地降雨。“查塔卡”移速加快。"
    assert "查塔卡" not in _rules_of(nlp, storm)
    # nor a body or a county the text names thrice
    body = "省安委会召开会议。会议要求安委会各成员单位落实责任。安委会办公室通报情况。"
    assert "安委会" not in _rules_of(nlp, body)
    county = "隆平县地处山区。近年来隆平县大力发展茶产业，隆平县茶农收入提高。"
    assert "隆平县" not in _rules_of(nlp, county)



OTHERS = ("春节前夕，有关方面负责同志看望了王建平、李志强、张海涛、刘国华、陈晓东、杨文斌、"
          "赵立新、孙伟、周敏、扎西顿珠、吴建军、郑丽华、斯琴巴图、黄明远、林海燕等老同志。")


def test_a_list_of_names_vouches_for_items_of_no_han_shape(nlp):
    """Tibetan and Mongolian names in a list of leaders (某西顿珠, 某琴巴图)."""
    got = _rules_of(nlp, OTHERS)
    assert got.get("扎西顿珠") == "persons.list_majority"
    assert got.get("斯琴巴图") == "persons.list_majority"


def test_in_a_list_less_whole_an_item_of_no_han_shape_is_left_to_lac(nlp):
    got = _rules_of(nlp, "会上王建平、李志强、张海涛、刘国华、陈晓东、杨文斌、"
                         "扎西顿珠、斯琴巴图、多吉次仁、营商环境等发言。")
    assert got.get("扎西顿珠") == "persons.list_majority_other"


def test_a_phrase_of_words_in_a_list_of_names_is_no_name(nlp):
    got = _rules_of(nlp, "会上王建平、李志强、张海涛、刘国华、陈晓东、杨文斌、赵立新、孙伟、"
                         "周敏、吴建军、郑丽华、黄明远、乡村振兴、林海燕等发言。")
    assert "乡村振兴" not in got and "黄明远" in got
