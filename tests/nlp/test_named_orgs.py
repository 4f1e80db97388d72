"""kg_orgs: organisations known by a fixed name no suffix reads
(rules/international_orgs.tsv), linked under one name with their short one."""

from kg import extract


def orgs(text):
    out = extract(text)
    return {e["name"]: sorted(e.get("aliases", [])) for e in out["entities"] if e["type"] == "ORG"}


def test_an_international_organisation_and_its_short_name_are_one_org():
    got = orgs("世卫组织总干事表示，世界卫生组织将向该国派出专家组。")
    assert list(got) == ["世界卫生组织"]
    assert "世卫组织" in got["世界卫生组织"]


def test_organisations_listed_in_running_text_are_orgs():
    got = orgs("国际货币基金组织预测今年增速放缓，某国总统再次批评北约东扩。")
    assert set(got) == {"国际货币基金组织", "北大西洋公约组织"}


def test_a_body_named_inside_an_organisations_name_is_that_organisation_whole():
    types = {e["name"]: e["type"] for e in extract("欧盟委员会主席表示，欧盟将与东盟加强合作。")["entities"]}
    assert types["欧盟委员会"] == "ORG"
    assert types["欧洲联盟"] == "ORG" and types["东南亚国家联盟"] == "ORG"


def test_a_central_media_outlet_is_an_org_by_its_short_name_too():
    assert "中央广播电视总台" in orgs("中央广播电视总台今天推出系列特别节目。")
    assert "中央广播电视总台" in orgs("总台今天发布年度节目单。")


def test_a_central_enterprise_by_its_short_name_is_one_org_under_its_registered_name():
    got = orgs("中国石化今天发布消息，中国石油化工集团有限公司所属油田日产原油创新高。")
    assert list(got) == ["中国石油化工集团有限公司"]
    assert "中国石化" in got["中国石油化工集团有限公司"]
