"""kg.nlp.components.orgs (kg_orgs): companies, hospitals, banks, teams,
read leftwards from an ORG suffix; state bodies win an overlap."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_resolve")


def orgs(nlp, text):
    return [m.text for m in nlp(text)._.kg_resolved if m.type == "ORG"]


@pytest.mark.parametrize("text, org", [
    ("中源信诚（北京）建筑装饰有限公司中标。", "中源信诚（北京）建筑装饰有限公司"),   # a bracketed place stays inside
    ("副市长靳伟因北京长峰医院火灾被问责。", "北京长峰医院"),                      # starts at the place, after the person
    ("中国工商银行北京分行开展活动。", "中国工商银行北京分行"),                    # a branch named after its bank
    ("联合贵州银行雷山支行开展宣传。", "贵州银行雷山支行"),                        # after the verb
    ("四川队战胜上海女排。", "四川队"),                                            # a place + 队
])
def test_org_names(nlp, text, org):
    assert orgs(nlp, text) == [org]


def test_a_place_inside_an_org_name_is_nested_in_it(nlp):
    doc = nlp("副市长靳伟因北京长峰医院火灾被问责。")
    [place] = [m for m in doc._.kg_resolved if m.type == "PLACE"]
    assert place.text == "北京" and place.attrs["nested"]


def test_a_central_body_ending_like_a_bank_is_an_agency(nlp):
    doc = nlp("中国人民银行发布数据。")
    assert ("ORG", "中国人民银行") in [(m.type, m.text) for m in doc._.kg_mentions]     # proposed…
    assert [(m.type, m.text) for m in doc._.kg_resolved] == [("AGENCY", "中国人民银行")]  # …and outranked


def test_a_count_of_firms_is_no_firm(nlp):
    assert orgs(nlp, "三家公司参加。") == []
