"""kg_programs: a quoted name with no head noun that the words around it make
a named initiative (rules/programs.toml initiative_after, initiative_before)."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_programs")


def programs(nlp, text):
    return [m.text for m in nlp(text)._.kg_mentions if m.type == "PROGRAM"]


@pytest.mark.parametrize("text, name", [
    ("双方同意在共建“海上驿站”框架内拓展合作。", "“海上驿站”"),
    ("该省对“丝路走廊”沿线国家出口增长两成。", "“丝路走廊”"),
    ("两国元首同意推进“绿色丝带”倡议。", "“绿色丝带”"),
    ("中老两国共建“一带一路”的标志性工程开通运营。", "“一带一路”"),
    # the documents signed under an initiative name it
    ("五年来我国同30多个国家签署“数字丝路”合作文件。", "“数字丝路”"),
    ("两国签署了“冰上丝绸之路”合作谅解备忘录。", "“冰上丝绸之路”"),
])
def test_a_quoted_initiative_is_named_by_its_quotes(nlp, text, name):
    assert programs(nlp, text) == [name]


def test_no_longer_name_runs_on_over_the_initiative_word(nlp):
    assert programs(nlp, "双方推动“绿色丝带”倡议同本国发展战略对接。") == ["“绿色丝带”"]
    assert programs(nlp, "企业扩大对“丝路走廊”沿线国家服务出口。") == ["“丝路走廊”"]


@pytest.mark.parametrize("text", [
    "他说：“我们要守望相助。”倡议随后发布。",     # a quoted sentence
    "当地提出“山水城市”的发展目标。",            # no initiative word around the quote
])
def test_other_quoted_terms_are_no_initiative(nlp, text):
    assert programs(nlp, text) == []
