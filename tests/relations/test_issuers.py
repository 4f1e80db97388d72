"""kg.relations.triggers / frames: who issues what a trigger verb
introduces when the sentence names no mention before it — a clause that
names its own subject borrows no earlier actor, a place opening a list
item's name does not act, a body named in a titled person's membership is
not the paragraph's actor. Driven through kg.extract."""

from linked_text import introduced_pairs as introduced


def test_a_clause_opening_with_its_own_noun_subject_borrows_no_earlier_place():
    got = introduced("浙江省近日印发《关于加强农村养老服务的实施意见》。各高校还推出“暖心助学”计划，帮助困难学生。")
    assert ("浙江省", "《关于加强农村养老服务的实施意见》") in got
    assert not any(t == "“暖心助学”计划" for _h, t in got)


def test_a_clause_with_no_subject_still_takes_the_paragraphs_actor():
    got = introduced("浙江省近日印发《关于加强农村养老服务的实施意见》。同时，开展“银龄关爱”行动，上门走访独居老人。")
    assert ("浙江省", "“银龄关爱”行动") in got


def test_a_place_opening_a_listed_name_is_no_issuer():
    got = introduced("近日，教育部、中国科学院、中国工程院等部门联合印发《关于加强青少年科普工作的通知》。")
    assert ("教育部", "《关于加强青少年科普工作的通知》") in got
    assert not any(h == "中华人民共和国" for h, _t in got)


def test_a_place_followed_by_a_verb_before_a_list_word_still_acts():
    got = introduced("中国将积极参与贸易和投资领域合作，全面实施《外商投资法》。")
    assert ("中华人民共和国", "《外商投资法》") in got


def test_a_body_only_in_an_attending_persons_membership_does_not_issue_the_meetings_decision():
    got = introduced("全国人大常委会第三十次会议在京开幕。中共中央政治局委员、全国人大常委会副委员长王建国出席会议。"
                     "会议审议通过了《关于修改某某法的决定》。")
    assert not any(h == "中共中央政治局" for h, _t in got)



def test_a_meeting_word_opening_the_clause_stands_for_the_meeting_before():
    got = introduced("中共江西省委第十五届委员会第二次全体会议在南昌召开。全会审议通过了《关于加快推进乡村振兴的决定》。")
    assert any(h.startswith("江西省委") and t == "《关于加快推进乡村振兴的决定》" for h, t in got)


def test_a_conference_opening_the_clause_is_its_own_subject_not_the_host_city():
    got = introduced("2022全球数字贸易大会今天在江苏南京开幕。大会发布了《全球数字贸易发展报告》。")
    assert not any(h in ("江苏省", "南京市") for h, _t in got)
