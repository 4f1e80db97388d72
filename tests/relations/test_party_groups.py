"""kg.relations.posts _party_group: a post written only with party-group
titles (某部党组书记某某) is held in the body's party group, its own body
part of the one it sits in; with the body's own post (党组书记、部长) the
body's relation keeps the combined title. Driven through kg.extract."""

from kg import extract


def edges(text, date="2022-11-13"):
    """{(head, relation, tail): title} of the relations kg.extract gives."""
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], r["type"], name[r["tail"]]): r["attrs"].get("title") for r in out["relations"]}


def test_a_party_group_secretary_leads_the_party_group_not_the_ministry():
    got = edges("中央宣讲团成员、水利部党组书记王建华在湖南长沙作宣讲报告。")
    assert got.get(("王建华", "leads", "水利部党组")) == "党组书记"
    assert ("水利部党组", "part_of", "水利部") in got
    assert not any(h == "王建华" and t == "水利部" for h, _r, t in got)


def test_a_party_group_member_is_a_member_of_the_party_group():
    got = edges("国家发展改革委党组成员、国家能源局局长陈卫国介绍了有关情况。")
    assert got.get(("陈卫国", "member_of", "国家发展和改革委员会党组")) == "党组成员"
    assert got.get(("陈卫国", "leads", "国家能源局")) == "局长"
    assert ("陈卫国", "member_of", "国家发展和改革委员会") not in got


def test_the_bodys_own_post_keeps_the_combined_title_on_the_body():
    got = edges("财政部党组书记、部长李明亮表示，今年将加大转移支付力度。")
    assert got.get(("李明亮", "leads", "财政部")) == "党组书记、部长"
    assert not any(t.endswith("党组") for _h, _r, t in got)


def test_a_party_group_in_a_mass_organisation_is_an_agency():
    out = extract("本集讲述了中国科协原党组成员孙立新严重违纪违法案。", "2022-01-17")
    groups = [e for e in out["entities"] if e["name"].endswith("党组")]
    assert groups and all(e["type"] == "AGENCY" for e in groups)


def test_the_partys_organisations_of_a_place_are_no_party_group():
    out = extract("1930年，浙江党组织已拥有数千名党员。", "2021-05-08")
    assert not any(e["name"].endswith("党组") for e in out["entities"])
