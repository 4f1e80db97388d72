"""kg.relations.post_events: posts given and taken away by appointment and
removal sentences (spec §7 "Posts that change"), and the former posts of
a chain after 时任 (kg.relations.posts). Sentences written for these tests,
shaped like the real announcements of news agencies; the names are made up."""

from kg import extract


def posts(text, date="2021-09-15"):
    """{(person, relation, body): attrs} of the leads / member_of edges."""
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], r["type"], name[r["tail"]]): r["attrs"]
            for r in out["relations"] if r["type"] in ("leads", "member_of")}


def test_a_reshuffle_gives_each_clause_its_person_and_each_post_its_body():
    """X同志任A，不再担任B；Y同志不再担任A: the clause with no name is X's;
    one body's titles are one `leads` with the titles combined; the removed
    posts are former, dated by the article's month."""
    got = posts("日前，中共中央决定：赵明远同志任青海省委委员、常委、书记，不再担任贵州省委书记、"
                "常委、委员职务；钱立华同志不再担任青海省委书记、常委、委员职务。", "2021-11-20")
    assert got == {
        ("赵明远", "leads", "青海省委"): {"title": "委员、常委、书记", "event": "appointed"},
        ("赵明远", "leads", "贵州省委"): {"title": "书记、常委、委员", "event": "removed",
                                      "status": "former", "date": "2021-11"},
        ("钱立华", "leads", "青海省委"): {"title": "书记、常委、委员", "event": "removed",
                                      "status": "former", "date": "2021-11"},
    }


def test_an_appointment_names_several_people_and_goes_on_after_a_comma():
    """任命甲、乙为A副主任，丙为B副主任委员: every name listed, and the
    next NAME为POSTS clause is the same verb's."""
    got = posts("会议经表决，任命孙建平、周海涛为国家监察委员会副主任，吴志刚为全国人大外事委员会副主任委员。")
    assert {k: v["title"] for k, v in got.items()} == {
        ("孙建平", "member_of", "国家监察委员会"): "副主任",
        ("周海涛", "member_of", "国家监察委员会"): "副主任",
        ("吴志刚", "member_of", "全国人民代表大会外事委员会"): "副主任委员",
    }
    assert all(v["event"] == "appointed" for v in got.values())


def test_a_removal_is_dated_by_the_decision_written_before_it():
    """免去甲的A部长职务，任命乙为A部长: both lead A, the removed one
    former with the decision's date."""
    got = posts("根据全国人大常委会2021年8月20日的决定：免去郑晓东的教育部部长职务，任命冯立新为教育部部长。")
    assert got[("郑晓东", "leads", "教育部")] == {"title": "部长", "event": "removed",
                                             "status": "former", "date": "2021-08-20"}
    assert got[("冯立新", "leads", "教育部")]["event"] == "appointed"
    assert "status" not in got[("冯立新", "leads", "教育部")]


def test_a_post_held_then_is_former():
    """时任A副书记、代省长的X: the chain before 的 is read after 时任, each
    post former and dated by the year written before it."""
    got = posts("2003年，时任福建省委副书记、代省长的陈卫国来到村里调研。")
    assert got == {("陈卫国", "member_of", "福建省委"): {"title": "副书记", "status": "former", "date": "2003"},
                   ("陈卫国", "leads", "福建省人民政府"): {"title": "代省长", "status": "former", "date": "2003"}}


def test_a_chain_before_the_joiner_without_a_former_marker_gives_nothing():
    """NAME的 after a title is no post without 时任 (负责书记的X is not read)."""
    assert posts("这项工作由分管福建省委书记的陈卫国负责。") == {}


def test_a_post_only_sought_is_none():
    """提名X为A主任候选人: a candidate holds nothing yet."""
    assert posts("会议提名赵明远为国家发展和改革委员会主任候选人。") == {}


def test_narrated_posts_are_former_and_report_no_event():
    """曾任 / 任…期间: held before, no appointment of the day; 现任 after a
    comma is the same person's current post."""
    got = posts("周海涛曾任水利部副部长，现任国家监察委员会委员。")
    assert got == {("周海涛", "member_of", "水利部"): {"title": "副部长", "status": "former"},
                   ("周海涛", "member_of", "国家监察委员会"): {"title": "委员"}}
    assert posts("周海涛任福建省委书记期间，推动了这项改革。") == {
        ("周海涛", "leads", "福建省委"): {"title": "书记", "status": "former"}}


def test_a_resignation_is_a_removal():
    got = posts("会议决定接受孙建平辞去国家监察委员会委员职务的请求。")
    assert got == {("孙建平", "member_of", "国家监察委员会"): {
        "title": "委员", "event": "resigned", "status": "former", "date": "2021-09"}}


def test_words_holding_the_verbs_start_no_frame():
    """主任, 任务, 任何: the 任 inside a title or a word is no appointment."""
    got = posts("国家监察委员会主任孙建平说，这项任务不容任何拖延。")
    assert got == {("孙建平", "leads", "国家监察委员会"): {"title": "主任"}}


def test_a_name_before_tongzhi_and_a_post_verb_is_a_person_whatever_it_ends_with():
    """某某中同志不再担任…: a given name ending like a body (中) is still a
    name in the frame (rules/persons.toml post_frame_after)."""
    got = posts("日前，中共中央决定：刘建中同志不再担任甘肃省委书记职务。")
    assert ("刘建中", "leads", "甘肃省委") in got


def test_a_place_inside_a_university_is_no_context_for_a_level_title():
    """清华大学深圳研究院 names 深圳 inside an ORG: a later 副市长 is not
    深圳's government's."""
    got = posts("会见了清华大学深圳研究院院长钱立华。副市长孙建平参加。")
    assert not [k for k in got if k[0] == "孙建平" and "深圳" in k[2]]


def test_a_former_mark_before_the_place_of_a_level_title_makes_the_post_former():
    """省原副省长X: former, with no date (the report's year is not the post's)."""
    got = posts("2021年的第一个工作日，中央纪委国家监委通报青海省原副省长赵明远受到处分。", "2021-01-04")
    assert got == {("赵明远", "member_of", "青海省人民政府"): {"title": "副省长", "status": "former"}}


def test_a_name_opening_the_sentence_is_the_subject_of_its_clauses():
    """X，男，汉族，1968年10月生，曾任A，现任B: the topic name holds both
    posts; the birth date dates neither."""
    got = posts("周海涛，男，汉族，1968年10月生，曾任水利部副部长，现任国家监察委员会委员。")
    assert got == {("周海涛", "member_of", "水利部"): {"title": "副部长", "status": "former"},
                   ("周海涛", "member_of", "国家监察委员会"): {"title": "委员"}}


def test_a_pronoun_after_a_removing_verb_is_the_person_just_appointed():
    """任命X为A，免去其B职务: 其 is X."""
    got = posts("会议经表决，任命吴志刚为全国人大外事委员会副主任委员，免去其全国人大常委会副秘书长职务。")
    assert got[("吴志刚", "member_of", "全国人民代表大会常务委员会")]["status"] == "former"
    assert "status" not in got[("吴志刚", "member_of", "全国人民代表大会外事委员会")]


def test_the_frame_vouches_for_a_given_name_with_a_character_names_rarely_hold():
    """某某社同志不再担任…: 社 ends bodies and is refused in names elsewhere
    (rules/persons.toml nonname_chars); before 同志 + a post verb it is a name."""
    got = posts("日前，中共中央决定：陈立社同志不再担任甘肃省委书记、常委、委员职务。")
    assert got[("陈立社", "leads", "甘肃省委")]["status"] == "former"


def test_a_word_before_tongzhi_is_still_no_name():
    """党员同志任劳任怨: a two-character word before 同志任 is no person."""
    out = extract("广大党员同志任劳任怨，扎根基层。", "2021-09-15")
    assert "党员" not in {e["name"] for e in out["entities"] if e["type"] == "PERSON"}


def test_a_stretch_of_time_gives_the_start_and_the_end_of_a_past_post():
    """2002年10月至2007年3月任A: held from the first date until the second,
    former since; 2007年3月至10月: the bare month is the first date's year's,
    not the article's."""
    got = posts("2002年10月至2007年3月，张建国同志先后担任河南省委副书记、代省长。", "2022-06-06")
    assert got == {
        ("张建国", "member_of", "河南省委"): {"title": "副书记", "event": "appointed", "date": "2002-10",
                                         "until": "2007-03", "status": "former"},
        ("张建国", "leads", "河南省人民政府"): {"title": "代省长", "event": "appointed", "date": "2002-10",
                                          "until": "2007-03", "status": "former"}}
    got = posts("2007年3月至10月，李志明担任上海市委书记。", "2022-06-06")
    assert got == {("李志明", "leads", "上海市委"): {"title": "书记", "event": "appointed", "date": "2007-03",
                                                 "until": "2007-10", "status": "former"}}


def test_a_stretch_of_time_up_to_now_or_not_yet_over_leaves_the_post_held():
    """2019年3月至今任A: held since, no end; a stretch ending after the
    article (a term to 2023) does not end the post."""
    assert posts("2019年3月至今，王晓东任山西省委副书记。", "2022-06-06") == {
        ("王晓东", "member_of", "山西省委"): {"title": "副书记", "event": "appointed", "date": "2019-03"}}
    got = posts("2021年1月至2023年1月，王晓东任山西省委副书记。", "2022-06-06")
    assert got[("王晓东", "member_of", "山西省委")] == {"title": "副书记", "event": "appointed", "date": "2021-01"}
