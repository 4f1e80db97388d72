"""kg.nlp.components.programs with program_edges.described and the quoted
field and manner heads: a kind, a description or a field of work is no
PROGRAM, a named initiative beside it still is (rules/programs.toml)."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_programs")


def programs(nlp, text):
    return [m.text for m in nlp(text)._.kg_mentions if m.type == "PROGRAM"]


@pytest.mark.parametrize("text, kind", [
    # the kind of the items listed before 等
    ("两年来，该市通过“清河回流”等河道治理工程，消除了黑臭水体。", "河道治理工程"),
    # a quality word + 的
    ("要加快建立有效的风险补偿机制，稳定企业预期。", "风险补偿机制"),
    # a predicate after a copula of its clause, over a 、 list
    ("城市群建设是省委亲自谋划、亲自推动的全省重大发展战略。", "全省重大发展战略"),
    ("该论坛已成为最具影响力的两地科技交流合作平台。", "两地科技交流合作平台"),
    # a field of work, a way of serving after a quoted term
    ("省委对“三保”工作作出全面部署。", "“三保”工作"),
    ("街道深入开展“点对点”精准服务，帮助企业复工。", "“点对点”精准服务"),
    ("政务大厅提供“一窗式”服务。", "“一窗式”服务"),
    # a longer name's purpose clause, cut at 为
    ("省里建立整治文山会海为企业减负专项工作机制，督促各地落实。", "企业减负专项工作机制"),
    # a weapon or a machine
    ("该国宣布向邻国提供“雷霆”防空导弹系统和弹药。", "“雷霆”防空导弹系统"),
    # a name opening with a head word refers back to one named before
    ("省里发布首批下乡活动名录，并启动活动信息发布平台。", "活动信息发布平台"),
])
def test_a_kind_or_a_description_is_no_program(nlp, text, kind):
    assert kind not in programs(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("区政府推出“帮您办”服务，为老人上门办理。", "“帮您办”服务"),
    ("市里建立河湖长巡查制度，每月通报。", "河湖长巡查制度"),
    ("今年，该省启动实施“万亩良田”工程。", "“万亩良田”工程"),
    ("推进工程建设项目审批制度改革。", "工程建设项目审批制度改革"),
])
def test_a_named_initiative_beside_them_stays(nlp, text, name):
    assert name in programs(nlp, text)
