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


def test_a_body_that_is_a_verbs_object_in_an_earlier_clause_does_not_act():
    """召开会议，学习贯彻中央纪委全会精神，…并启动: the office that met acts, not
    the commission whose plenum it studied."""
    got = introduced("市纪委监委办公室今天召开会议，学习贯彻十九届中央纪委五次全会精神，"
                     "研究部署全年工作，并启动“清风2021”行动。")
    assert set(got) == {("市纪委监委办公室", "“清风2021”行动")}


def test_the_verbs_own_clause_names_its_subject_before_an_earlier_clauses_place():
    got = introduced("作为浙江省非物质文化遗产代表性传承人，村民李秀英创办“田间讲堂”，传授制茶技艺。")
    assert got == {("李秀英", "“田间讲堂”"): None}


def test_the_noun_jue_ce_bu_shu_launches_nothing():
    got = introduced("我们要把思想和行动统一到党中央决策部署上来，坚持第三版防控方案，落实各项措施。")
    assert got == {}


def test_a_person_named_after_his_posts_signs_himself_not_the_bodies_of_his_titles():
    got = introduced("1月4日，中共中央总书记、国家主席、中央军委主席习近平签署中央军委2021年1号命令，"
                     "向全军发布开训动员令。", "2021-01-05")
    assert got == {("习近平", "中央军委2021年1号命令"): "2021-01-04"}


def test_a_body_before_a_post_holder_still_acts_when_the_clause_is_more_than_his_posts():
    got = introduced("国务院办公厅日前印发《关于加强基层医疗卫生服务的意见》。")
    assert ("国务院办公厅", "《关于加强基层医疗卫生服务的意见》") in got
