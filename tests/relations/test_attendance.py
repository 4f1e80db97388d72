"""kg.relations.frames attends / attendance and the governing frame in the
paragraph's actor: who issues what a meeting passes when the sentences
around it name its attendees, or name a leader inside 以某某为核心的党中央.
Driven through kg.extract."""

from linked_text import introduced_pairs as introduced

MEETING = ("中共中央总书记、中央全面深化改革委员会主任赵国强主持召开中央全面深化改革委员会第九次会议并发表重要讲话。\n\n"
           "中共中央政治局常委、中央全面深化改革委员会副主任钱立军、孙志远出席会议。\n\n"
           "会议审议通过了《关于健全基层医疗卫生服务体系的意见》《关于加强农村饮水安全保障的意见》。")


def test_attendees_paragraph_keeps_the_convened_meetings_body_as_issuer():
    got = introduced(MEETING)
    assert ("中央全面深化改革委员会", "《关于健全基层医疗卫生服务体系的意见》") in got
    assert ("中央全面深化改革委员会", "《关于加强农村饮水安全保障的意见》") in got
    assert not any(h in ("钱立军", "孙志远", "中共中央政治局") for h, _t in got)


def test_an_attendee_in_an_earlier_clause_does_not_issue_what_the_meeting_passed():
    got = introduced("国务院总理赵国强主持召开国务院常务会议。钱立军、孙志远等出席会议，"
                     "会议审议通过了《关于加强城市燃气安全管理的意见》。")
    assert not any(h == "钱立军" for h, _t in got)
    assert ("国务院", "《关于加强城市燃气安全管理的意见》") in got


def test_a_person_who_attends_and_launches_in_one_clause_still_acts():
    got = introduced("省委书记钱立军出席开幕式并启动“数字乡村”行动。")
    assert any(t == "“数字乡村”行动" for _h, t in got)


def test_the_leader_inside_a_core_frame_is_not_the_paragraphs_actor():
    got = introduced("今年以来，以赵国强同志为核心的党中央准确把握发展大势，作出一系列战略部署、出台一系列重大政策。"
                     "不久前出台的《关于加快建设数字乡村的意见》，为农村数字化指明了方向。")
    assert not any(h == "赵国强" for h, _t in got)
    assert ("中共中央", "《关于加快建设数字乡村的意见》") in got
