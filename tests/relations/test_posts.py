"""kg.relations.posts: leads / member_of read leftwards from a person's name
through a chain of posts, plus the rightward forms (body, name, title;
任命 NAME 为 BODY TITLE). Driven through kg.extract; each test names the
rule of post_relations it pins."""

from kg import extract


def posts(text, date="2021-09-15"):
    """{(person, relation, body): title} of the leads / member_of edges."""
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], r["type"], name[r["tail"]]): r["attrs"].get("title")
            for r in out["relations"] if r["type"] in ("leads", "member_of")}


def test_a_chain_of_posts_across_commas_gives_each_body_its_post():
    """Segments separated by ，/、 each end in a title; the body is the one
    right before its title (北京市委|常委, 市政府|党组成员、副市长); one body's
    titles are one relation, combined in text order (spec §7)."""
    got = posts("北京市委常委，市政府党组成员、副市长靳伟出席会议。")
    assert got == {("靳伟", "member_of", "北京市委"): "常委",
                   ("靳伟", "member_of", "北京市政府"): "党组成员、副市长"}


def test_a_bare_body_in_a_chain_belongs_to_the_body_before_and_is_named_with_it():
    """_name_by_host: 北京市委常委、组织部部长: 组织部 is 北京市委组织部."""
    out = extract("北京市委常委、组织部部长魏小东出席。", "2021-09-15")
    name = {e["id"]: e["name"] for e in out["entities"]}
    edges = {(name[r["head"]], r["type"], name[r["tail"]]) for r in out["relations"]}
    assert {("魏小东", "leads", "北京市委组织部"), ("魏小东", "member_of", "北京市委"),
            ("北京市委组织部", "part_of", "北京市委")} <= edges
    [dept] = [e for e in out["entities"] if e["name"] == "北京市委组织部"]
    assert "组织部" in dept["aliases"]


def test_a_deputy_in_a_series_and_a_name_listed_after_share_the_body():
    """工信部部长X，副部长Y、Z: 副部长 alone after a comma is the series'
    body's; Z listed after Y holds Y's posts."""
    got = posts("工业和信息化部部长金壮龙，副部长辛国斌、单忠德出席会议。")
    assert got == {("金壮龙", "leads", "工业和信息化部"): "部长",
                   ("辛国斌", "member_of", "工业和信息化部"): "副部长",
                   ("单忠德", "member_of", "工业和信息化部"): "副部长"}


def test_a_foreign_ministers_title_starts_no_series():
    """法国外贸部长: a title with its own body in front is no series head for
    a later bare 副部长 (and 外贸部长 of a foreign body gives no edge here)."""
    got = posts("法国外贸部长里斯特出席，副部长张三陪同。")
    assert not [k for k in got if k[0] == "张三"]


def test_body_name_then_title():
    """长沙市公安局王强局长: the title after the name, the body before it."""
    assert posts("长沙市公安局王强局长介绍了案件情况。") == {("王强", "leads", "长沙市公安局"): "局长"}


def test_an_appointment_reads_rightwards():
    """任命 NAME 为 BODY TITLE (kg.relations.post_events)."""
    got = posts("省人民政府任命李明为云南省交通运输厅厅长。")
    assert got == {("李明", "leads", "云南省交通运输厅"): "厅长"}


def test_the_said_court_holds_the_post():
    """该院副院长: the 院 named before in the article (triggers.anaphors)."""
    got = posts("北京市高级人民法院召开会议，该院副院长张军介绍了情况。")
    assert got == {("张军", "member_of", "北京市高级人民法院"): "副院长"}


def test_a_level_post_with_no_body_in_front_is_the_places_government():
    """implied_body: 县长 after 苍溪县 leads 苍溪县人民政府, even in the next sentence."""
    got = posts("会议由苍溪县人民政府主办。县长王明讲话。")
    assert got == {("王明", "leads", "苍溪县人民政府"): "县长"}



def test_a_secretary_of_the_secretariat_is_its_member_not_its_head():
    """书记 heads a party committee (县委书记), but the Secretariat is a body of
    several secretaries: 书记处书记 is member_of (rules/titles.toml [member_in])."""
    got = posts("中共中央书记处书记、中央统战部部长李明出席会议。县委书记王强主持会议。")
    assert got[("李明", "member_of", "中共中央书记处")] == "书记"
    assert ("李明", "leads", "中共中央书记处") not in got
    assert got[("李明", "leads", "中共中央统一战线工作部")] == "部长"
    assert got[("王强", "leads", "县委")] == "书记"


def test_a_bare_title_after_a_party_group_post_is_the_same_bodys():
    """某委党组书记、主任: the bare head title right of a post in a body is
    that body's; one relation with the titles combined in text order."""
    got = posts("国家发展改革委党组书记、主任李明华主持会议。")
    assert got == {("李明华", "leads", "国家发展和改革委员会"): "党组书记、主任"}
    got = posts("湖南省粮油集团有限公司原党委书记、董事长王建军受贿案。")
    assert got == {("王建军", "leads", "湖南省粮油集团有限公司"): "党委书记、董事长"}


def test_a_chained_bare_title_takes_its_own_chains_body_not_an_earlier_series():
    """某行原党委书记、行长A，另一行原党委书记、行长B: each 行长 is its own
    bank's (the series of an earlier 行长 does not reach into a chain), and
    原 before the title is glued into no body."""
    got = posts("湖南省交通运输事业发展中心原党委书记、主任张立新，中国建设银行长沙分行原党委书记、行长李卫东，"
                "中国农业银行岳阳分行原党委书记、行长王志刚等人受到处分。")
    assert got[("李卫东", "leads", "中国建设银行长沙分行")] == "党委书记、行长"
    assert got[("王志刚", "leads", "中国农业银行岳阳分行")] == "党委书记、行长"
    assert got[("张立新", "leads", "湖南省交通运输事业发展中心")] == "党委书记、主任"
    assert ("王志刚", "leads", "中国建设银行长沙分行") not in got


def test_a_secretary_general_leads_an_international_organisation_not_a_home_body():
    """秘书长 is a member's post at home (全国人大常委会秘书长) but heads an
    international organisation of rules/international_orgs.tsv (rules/titles.toml
    [international_heads]); the deputy (副秘书长) stays a member."""
    got = posts("联合国秘书长古特雷斯1日在斯德哥尔摩表示，各方应保持克制。"
                "北约秘书长斯托尔滕贝格当天出席会议。联合国副秘书长迪卡洛表示关切。"
                "全国人大常委会秘书长杨振武作报告。")
    assert got[("古特雷斯", "leads", "联合国")] == "秘书长"
    assert got[("斯托尔滕贝格", "leads", "北大西洋公约组织")] == "秘书长"
    assert got[("迪卡洛", "member_of", "联合国")] == "副秘书长"
    assert got[("杨振武", "member_of", "全国人民代表大会常务委员会")] == "秘书长"


def test_qian_right_after_a_body_marks_a_former_post_and_a_time_word_does_not():
    """前 between a body's name and a title (某局前局长) is former, like 原;
    after 此 it is "before that" (此前|县委书记): the post is current."""
    out = extract("美国食品和药物管理局前局长戈特利布表示，疫情正在扩散。此前县委书记张建国来到村里。", "2021-08-09")
    name = {e["id"]: e["name"] for e in out["entities"]}
    got = {(name[r["head"]], name[r["tail"]]): r["attrs"].get("status")
           for r in out["relations"] if r["type"] == "leads"}
    assert got == {("戈特利布", "美国食品和药物管理局"): "former", ("张建国", "县委"): None}


def test_a_head_title_after_a_name_is_the_post_of_the_central_body_the_sentence_names():
    """某某委员长主持 after 全国人大常委会 in the same sentence: leads it; with
    no such body written, a foreign head (朝鲜国务委员会委员长) keeps his own."""
    got = posts("十三届全国人大常委会第一百三十次委员长会议9日上午在京举行，栗战书委员长主持。")
    assert got == {("栗战书", "leads", "全国人民代表大会常务委员会"): "委员长"}
    assert ("金正恩", "leads", "全国人民代表大会常务委员会") not in posts("朝鲜国务委员会委员长金正恩致电。")
