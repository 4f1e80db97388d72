"""kg.nlp.components.documents_unquoted: unquoted 关于-titles on an agenda, the
laws named bare inside them, and a body's plans for a year (rules/programs.toml
about_*, checked_law_*, year_plan_*)."""

import pytest

from conftest import make_nlp
from kg.nlp.components.resolve import resolve


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_programs")


def documents(nlp, text):
    return [m.text for m in nlp(text)._.kg_mentions if m.type == "DOCUMENT"]


def test_reports_on_an_agenda_are_documents_each(nlp):
    """审议国务院关于A的报告，关于B、C的报告: each title from its 关于 to its head."""
    got = documents(nlp, "委员长会议建议，审议国务院关于就业工作情况的报告，关于深化某某、某某治理情况的报告；"
                         "审议国务院关于某某改革有关情况的中期报告。")
    assert got == ["关于就业工作情况的报告", "关于深化某某、某某治理情况的报告", "关于某某改革有关情况的中期报告"]


def test_a_motion_is_no_document_but_the_draft_it_carries_is(nlp):
    """关于提请审议|关于召开…的决定草案|的议案: the draft decision, not the motion."""
    got = documents(nlp, "审议委员长会议关于提请审议全国人大常委会关于召开某某会议的决定草案的议案。")
    assert got == ["关于召开某某会议的决定草案"]
    assert documents(nlp, "审议国务院关于提请审议某某条约的议案。") == []


def test_a_law_inspected_inside_a_report_is_nested_in_it(nlp):
    """关于检查某某法实施情况的报告: the report, and the law nested in it (both kept)."""
    doc = nlp("审议全国人大常委会执法检查组关于检查长江保护法实施情况的报告。")
    kept = [m.text for m in resolve(doc._.kg_mentions) if m.type == "DOCUMENT"]
    assert kept == ["关于检查长江保护法实施情况的报告", "长江保护法"]


def test_names_inside_a_title_stay_nested(nlp):
    """A quoted reform inside 关于…的中期报告 is kept nested in the title."""
    doc = nlp("审议国务院关于“证照分离”改革涉及暂时调整适用法律有关情况的中期报告。")
    kept = [(m.type, m.text) for m in resolve(doc._.kg_mentions)]
    assert ("PROGRAM", "“证照分离”改革") in kept
    assert ("DOCUMENT", "关于“证照分离”改革涉及暂时调整适用法律有关情况的中期报告") in kept


@pytest.mark.parametrize("text", [
    "他提出关于加强合作的意见。",            # 意见 is no head of a 关于-title here
    "会议听取了关于某某工作的汇报。",        # nor 汇报
    "审议了关于某某的决定草案和办法草案。",  # a name running on is none
])
def test_running_text_with_guan_yu_is_no_title(nlp, text):
    assert documents(nlp, text) == []


def test_a_bodys_plans_for_a_year_are_named_in_full():
    """某某常委会2023年度工作要点和立法、监督工作计划: three plans, each by
    issuer + year + subject + head; the meeting that passes them introduced them."""
    from kg.extraction import extract_text
    out = extract_text("委员长会议审议并原则通过了全国人大常委会2023年度工作要点和立法、监督工作计划等。", "2022-12-09")
    names = {e["id"]: e["name"] for e in out["entities"]}
    docs = [e["name"] for e in out["entities"] if e["type"] == "DOCUMENT"]
    assert docs == ["全国人大常委会2023年度工作要点", "全国人大常委会2023年度立法工作计划", "全国人大常委会2023年度监督工作计划"]
    assert all(e["aliases"] == [] for e in out["entities"] if e["type"] == "DOCUMENT")
    introduced = {names[r["tail"]] for r in out["relations"] if r["type"] == "introduced"}
    assert introduced == set(docs)


def test_names_inside_a_title_are_resolved_among_themselves(nlp):
    """…开展某某法院审级职能定位改革试点工作的决定草案: the reform read inside the
    title wins over the body read inside the reform (no AGENCY 四级法院)."""
    doc = nlp("审议最高人民法院关于提请审议关于授权最高人民法院在该院和部分地区开展四级法院审级职能定位改革试点工作的决定草案的议案。")
    kept = [(m.type, m.text) for m in resolve(doc._.kg_mentions)]
    assert ("AGENCY", "四级法院") not in kept
    assert any(t == "PROGRAM" and "四级法院" in x for t, x in kept)
