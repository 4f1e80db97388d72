"""kg.nlp.components.documents_named: work reports and rules named by their
body, a government's report named bare, treaties named by a stem after a
binding verb (rules/programs.toml [named_docs])."""

import pytest

from conftest import make_nlp
from kg.nlp.components.resolve import resolve


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_programs")


def documents(nlp, text):
    return [m.text for m in resolve(nlp(text)._.kg_mentions) if m.type == "DOCUMENT"]


def test_work_reports_named_by_their_body(nlp):
    """BODY + 工作报告, and the standing committee written after the body."""
    got = documents(nlp, "大会听取全国人大常委会工作报告、最高人民法院工作报告和最高人民检察院工作报告，审议全国政协常委会工作报告。")
    assert got == ["全国人大常委会工作报告", "最高人民法院工作报告", "最高人民检察院工作报告", "全国政协常委会工作报告"]


def test_the_body_stays_nested_in_its_report(nlp):
    kept = [(m.type, m.text) for m in resolve(nlp("代表们审议最高人民法院工作报告。")._.kg_mentions)]
    assert ("AGENCY", "最高人民法院") in kept and ("DOCUMENT", "最高人民法院工作报告") in kept


def test_a_governments_report_named_bare(nlp):
    assert documents(nlp, "某某代表说，今年的政府工作报告提出，要稳定就业。") == ["政府工作报告"]
    assert documents(nlp, "他在工作报告中说。") == []


def test_a_bodys_rules_and_the_proposals_for_a_plan(nlp):
    got = documents(nlp, "会议审议通过了政协全国委员会协商工作规则等。某某和“十四五”规划建议，都提出支持某某。")
    assert got == ["政协全国委员会协商工作规则", "“十四五”规划建议"]
    assert documents(nlp, "全国政协按照办法开展工作。") == []
    assert documents(nlp, "美国现政府同样不惜践踏国际规则。") == []     # a clause, no rules of the body


def test_treaties_named_by_a_stem_after_a_binding_verb(nlp):
    got = documents(nlp, "某国2018年单方面退出伊核协议。某国代表表示，此举违反机构全面保障监督协定、"
                         "违反某国与机构签署的附加议定书。")
    assert got == ["伊核协议", "机构全面保障监督协定", "附加议定书"]


@pytest.mark.parametrize("text", [
    "双方签署的合作协议已经生效。",       # a kind of agreement, no name
    "各方应遵守停火协议。",               # nor a ceasefire
    "某国宣布退出该协议。",               # a pronoun's
    "双方将履行战略合作框架协议。",
])
def test_plain_agreements_are_no_named_treaty(nlp, text):
    assert documents(nlp, text) == []
