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
