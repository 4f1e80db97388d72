"""Who acts for a trigger verb when a place starts a name no rule read."""

from kg import extract


def introduced(text):
    out = extract(text, "2022-09-14")
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], name[r["tail"]]) for r in out["relations"] if r["type"] == "introduced"}


def test_a_place_that_starts_an_association_name_does_not_issue_its_report():
    found = introduced("中国水产行业协会今天发布《中国渔业发展报告（2022）》。")
    assert not any(head == "中华人民共和国" for head, _ in found)


def test_a_place_before_its_own_verb_still_issues():
    found = introduced("浙江省近日印发《关于推动行业协会改革的意见》。")
    assert ("浙江省", "《关于推动行业协会改革的意见》") in found


def relations(text, kind):
    out = extract(text, "2022-02-20")
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], name[r["tail"]]) for r in out["relations"] if r["type"] == kind}


def test_a_foreign_city_mayor_leads_no_city_government_of_the_article():
    found = relations("闭幕式上，北京市市长陈大明将会旗交给国际奥委会主席，主席再将会旗交给意大利米兰市市长萨拉。",
                      "leads")
    assert ("陈大明", "北京市人民政府") in found
    assert not any(head == "萨拉" for head, _ in found)


def test_bodies_listed_as_one_actors_partners_do_not_cooperate_with_each_other():
    found = relations("今天，某某省与中国华能集团、中国长江三峡集团签署战略合作协议。", "cooperates_with")
    assert not found


def test_bodies_listed_as_joint_actors_still_cooperate():
    found = relations("国家发展改革委、商务部联合签署合作备忘录。", "cooperates_with")
    assert found == {("国家发展和改革委员会", "商务部")}


def test_a_former_marker_between_body_and_title_gives_a_former_post():
    out = extract("湖南省某某市人大常委会原副主任王小明接受审查调查。", "2021-11-30")
    name = {e["id"]: e["name"] for e in out["entities"]}
    posts = [(name[r["head"]], r["type"], r["attrs"]) for r in out["relations"]
             if r["type"] in ("leads", "member_of")]
    assert posts and all(a.get("status") == "former" for _h, _t, a in posts)
    assert any(h == "王小明" and a.get("title") == "副主任" for h, _t, a in posts)


def test_state_councillors_in_a_name_list_are_members_of_the_state_council():
    found = relations("国务委员王小明、李大伟出席会议。", "member_of")
    assert {("王小明", "国务院"), ("李大伟", "国务院")} <= found
    assert not relations("国务委员王小明、李大伟出席会议。", "leads")


def test_bodies_listed_after_a_partner_word_that_act_jointly_still_cooperate():
    found = relations("最高人民法院与最高人民检察院、公安部今天联合发布《关于加强案件审理的意见》。", "cooperates_with")
    assert {("最高人民检察院", "公安部")} <= found or {("公安部", "最高人民检察院")} <= found
