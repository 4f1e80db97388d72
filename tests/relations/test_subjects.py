"""kg.relations.subjects: who acts for a trigger verb, and the issuer written
right before a document's title. Driven through kg.extract."""

from kg import extract


def introduced(text, date="2021-09-15"):
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], name[r["tail"]]): r["attrs"].get("date")
            for r in out["relations"] if r["type"] == "introduced"}


def test_the_body_before_a_title_issued_it_and_a_verb_inside_a_title_acts_for_no_one():
    """会议审议了A《…请示》和B《…请示》: each body issued its own request; the
    推行 inside A's title is no verb of the sentence, so A issues nothing of B's."""
    got = introduced("会议审议了县财政局《关于推行农村低保动态管理制度的请示》"
                     "和县民政局《关于调整城乡特困人员供养标准的请示》。")
    assert got == {("县财政局", "《关于推行农村低保动态管理制度的请示》"): None,
                   ("县民政局", "《关于调整城乡特困人员供养标准的请示》"): None}


def test_a_year_after_dao_is_a_target_not_the_date_of_the_act():
    got = introduced("省政府出台《某某省碳达峰实施方案》，到2030年全省非化石能源占比达到25%。"
                     "省政府到2035年印发《某某省美丽乡村建设规划》。")
    assert got == {("省政府", "《某某省碳达峰实施方案》"): None, ("省政府", "《某某省美丽乡村建设规划》"): None}
    assert introduced("省政府于2021年3月印发《某某省美丽乡村建设规划》。") == {
        ("省政府", "《某某省美丽乡村建设规划》"): "2021-03"}
