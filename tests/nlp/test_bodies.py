"""kg.nlp.components.bodies.BodyRules: prefix + core + suffix, the reading
AGENCY and ORG finding share, with the real rules of rules/agencies.toml
and rules/orgs.toml."""

import pytest

from kg.nlp.components.bodies import BodyRules
from kg import ruleset


@pytest.fixture(scope="module")
def agency():
    rules = ruleset.current()
    return BodyRules.from_rules(rules.agencies, rules.agencies.suffixes)


@pytest.fixture(scope="module")
def org():
    rules = ruleset.current()
    return BodyRules.from_rules(rules.agencies, rules.orgs.suffixes, rules.orgs.extra_name_chars)


def test_suffixes_are_longest_first(agency):
    assert agency.suffixes == sorted(agency.suffixes, key=len, reverse=True)
    assert agency.suffixes.index("人民政府") < agency.suffixes.index("政府")


@pytest.mark.parametrize("text, pos, body", [
    ("苍溪县市场监管局局长", 3, "市场监管局"),      # the first suffix, not one of 局长
    ("苍溪县公安局局长", 3, "公安局"),
    ("县公安局", 1, "公安局"),
])
def test_body_after_ends_at_the_first_suffix(agency, text, pos, body):
    end = agency.body_after(text, pos)
    assert text[pos:end] == body


@pytest.mark.parametrize("text, pos", [
    ("他发表专著三部", 4),        # 三部: a count (counted_suffixes after a numeral)
    ("9月14日电公安局", 0),       # a dateline's date is no core (not_in_core)
    ("甲，乙局", 0),              # punctuation ends the core
])
def test_body_after_finds_none(agency, text, pos):
    assert agency.body_after(text, pos) is None


def test_a_suffix_that_opens_a_title_is_none(agency):
    assert agency.suffix_at("公安局长", 2) is None            # 局 + 长: the title 局长
    assert agency.suffix_at("公安局局长", 2) == "局"
    assert agency.acceptable("秘书二", "局") and not agency.acceptable("专著三", "部")


def test_body_before_reads_left_to_a_boundary_after_a_former_mark_or_a_verb(agency, org):
    text = "原国家质检总局"
    assert text[agency.body_before(text, text.index("总局"), "总局", 2, 12):] == "国家质检总局"
    text = "联合贵州银行雷山支行"
    s = text.index("支行")
    assert org.body_before(text, s, "支行", 2, 12) is None                         # the run holds 联合
    assert text[org.body_before(text, s, "支行", 2, 12, after_verb=True):] == "贵州银行雷山支行"


def test_brackets_are_name_characters_of_an_org_only(agency, org):
    text = "中源信诚（北京）建筑装饰有限公司"
    s = text.index("有限公司")
    assert org.body_before(text, s, "有限公司", 2, 16) == 0
    assert agency.body_before(text, s, "有限公司", 2, 16, after_verb=True) == text.index("建筑")
