"""kg.relations.structural: located_in and part_of from the document's own
names and the division table, and RelationSet, where every edge is kept
once with the sentence it was read from."""

from kg import extract
from kg.link.linker import DocumentLinker
from kg.relations.structural import RelationSet
from kg.text.document import text_document


def rels(text, date="2021-09-15"):
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], r["type"], name[r["tail"]]): r for r in out["relations"]}, out


def test_a_place_is_located_in_the_nearest_ancestor_the_text_names_only():
    """_place_tree: direct edges only (沧源 -> 临沧 -> 云南, not 沧源 -> 云南)."""
    r, _ = rels("云南省临沧市沧源佤族自治县召开会议。")
    places = {k: v["attrs"] for k, v in r.items() if k[1] == "located_in"}
    assert places == {("临沧市", "located_in", "云南省"): {}, ("沧源佤族自治县", "located_in", "临沧市"): {}}


def test_an_ancestor_named_in_another_sentence_rests_on_the_division_table():
    text = "云南省召开会议。沧源县开展工作。"
    r, _ = rels(text)
    edge = r[("沧源佤族自治县", "located_in", "云南省")]
    assert edge["attrs"] == {"basis": "division table"}
    assert edge["evidence"]["text"] == "沧源县开展工作。"      # the child's own sentence


def test_a_local_body_is_located_in_its_place_named_in_it_or_by_context():
    r, _ = rels("沧源县召开会议，县纪委监委通报案件。")
    assert r[("沧源佤族自治县纪委监委", "located_in", "沧源佤族自治县")]["attrs"] == {"basis": "context"}
    r, _ = rels("沧源佤族自治县纪委监委通报案件。")
    assert r[("沧源佤族自治县纪委监委", "located_in", "沧源佤族自治县")]["attrs"] == {}


def test_a_nested_body_is_part_of_its_host():
    r, _ = rels("公安部法制局局长孙茂利介绍情况。")
    assert ("公安部法制局", "part_of", "公安部") in r


def test_a_central_body_is_part_of_its_table_parent_when_the_text_names_both_and_its_name_says_so():
    r, _ = rels("国务院常务会议召开。国务院办公厅印发通知。")
    edge = r[("国务院办公厅", "part_of", "国务院")]
    assert edge["evidence"]["text"] == "国务院办公厅印发通知。"
    r, out = rels("国务院办公厅印发通知。")
    assert not [k for k in r if k[1] == "part_of"]
    assert [e["name"] for e in out["entities"]] == ["国务院办公厅"]
    # a bureau the table files under 国务院, whose name does not say so
    r, _ = rels("国务院常务会议召开。国家税务总局印发通知。")
    assert not [k for k in r if k[1] == "part_of"]
    # a short form of the parent opening the name says so too
    r, _ = rels("中央纪委召开会议。中央纪委常委会审议了报告。")
    assert ("中央纪委常委会", "part_of", "中央纪律检查委员会") in r


def test_relation_set_keeps_each_edge_once_with_its_first_evidence_and_merges_attrs():
    text = "公安部出台意见。公安部部署工作。"
    doc = text_document(text, "2021-09-15", "t.txt")
    linker = DocumentLinker("t.txt")
    a = linker.implied(("central", "公安部"), "AGENCY", "公安部")
    b = linker.implied(("program", "执法监督"), "PROGRAM", "执法监督")
    rs = RelationSet(doc, linker)
    rs.add(a, "introduced", b, "a1", (0, 8), {"date": "2021-05"}, rule="test")
    rs.add(a, "introduced", b, "a1", (8, 16), {"date": "2021-06", "extra": 1}, rule="test")
    rs.add(a, "introduced", a, "a1", (0, 8), rule="test")                       # no edge to itself
    rs.add(a, "introduced", ("program", "未知"), "a1", (0, 8), rule="test")      # nor to an unknown entity
    rs.add(None, "introduced", b, "a1", (0, 8), rule="test")
    [edge] = rs.as_list({a: "e1", b: "e2"})
    assert edge["head"] == "e1" and edge["tail"] == "e2"
    assert edge["attrs"] == {"date": "2021-05", "extra": 1}
    assert edge["evidence"]["text"] == "公安部出台意见。" and (edge["evidence"]["start"], edge["evidence"]["end"]) == (0, 8)


def test_relation_set_lists_edges_by_head_id_number_then_type_then_tail():
    doc = text_document("公安部和司法部开展执法监督。", None, "t.txt")
    linker = DocumentLinker("t.txt")
    keys = [linker.implied(("central", n), "AGENCY", n) for n in ("公安部", "司法部", "国务院")]
    rs = RelationSet(doc, linker)
    rs.add(keys[0], "part_of", keys[2], "a1", (0, 14), rule="test")
    rs.add(keys[0], "cooperates_with", keys[1], "a1", (0, 14), rule="test")
    rs.add(keys[1], "part_of", keys[2], "a1", (0, 14), rule="test")
    ids = {keys[0]: "e10", keys[1]: "e2", keys[2]: "e3"}
    assert [(r["head"], r["type"], r["tail"]) for r in rs.as_list(ids)] == [
        ("e2", "part_of", "e3"), ("e10", "cooperates_with", "e2"), ("e10", "part_of", "e3")]


def test_a_central_body_is_part_of_its_parent_not_of_a_unit_of_the_parent():
    # a unit of the NPC named first (全国人大 + 某某委员会) is no parent of the NPC's standing committee
    got, _ = rels("全国人大财政经济委员会副主任委员张某某作报告。全国人大常委会秘书长李某某出席。")
    assert ("全国人民代表大会常务委员会", "part_of", "全国人民代表大会") in got
    assert ("全国人民代表大会常务委员会", "part_of", "全国人民代表大会财政经济委员会") not in got


def test_a_launch_centre_is_not_located_in_the_city_it_is_named_after():
    """rules/relations.toml unseated_heads: 某某卫星发射中心 bears a city's
    name, not its seat."""
    r, _ = rels("我国在西昌卫星发射中心用运载火箭成功将卫星发射升空。")
    assert not [k for k in r if k[0] == "西昌卫星发射中心" and k[1] == "located_in"]
    r, _ = rels("西昌市气象局发布预报。")
    assert ("西昌市气象局", "located_in", "西昌市") in r


def test_an_org_is_located_in_the_place_its_name_opens_with_or_its_branch_names():
    """Spec §7: an ORG is located_in the place prefixed to its name; a
    campus or branch named after its parent, in the place after the parent's
    name; a province inside a city's chamber of its merchants is no seat."""
    r, _ = rels("他拜访了广州湖南商会。南京鼓楼某某医院发生火灾。复旦大学宁波研究院成立。")
    located = {k[0]: k[2] for k in r if k[1] == "located_in"}
    assert located["广州湖南商会"] == "广州市"
    assert located["复旦大学宁波研究院"] == "宁波市"
    r, _ = rels("美国哈佛大学发布报告。")
    assert ("美国哈佛大学", "located_in", "美利坚合众国") in r


def test_a_commissions_office_is_part_of_the_commission_not_its_host():
    """_commission: 国务院某委办 / 某委会办公室 is the office of the host's
    commission 某委会, which is part of the host."""
    r, _ = rels("国务院安委办近日印发通知，部署冬季安全生产工作。")
    assert ("国务院安委办", "part_of", "国务院安委会") in r
    assert ("国务院安委会", "part_of", "国务院") in r
    assert ("国务院安委办", "part_of", "国务院") not in r
    r, _ = rels("水利部党委办公室近日发布通知。")
    assert ("水利部党委办公室", "part_of", "水利部党委") in r


def test_an_office_of_the_host_itself_stays_part_of_the_host():
    r, _ = rels("公安部办公室近日印发通知。")
    assert ("公安部办公室", "part_of", "公安部") in r


def test_a_foreign_place_of_no_table_is_in_the_foreign_place_written_before_it():
    """_foreign_tree: 美国|马萨诸塞州|切尔西市, 某某州|的|某某市: each in the
    next outer one, for the document (美国加利福尼亚州 makes 加利福尼亚州 in
    美国 wherever it is named); a division named after a table city (纽约州)
    is in the city's country when the text names it."""
    r, _ = rels("据美国媒体报道，马萨诸塞州的切尔西市拥有大批拉美裔居民。在加利福尼亚州的一些远郊地区，"
                "情况严重。1日，美国加利福尼亚州负责研究的特别工作组发布报告。暴风雪持续肆虐美国纽约州多地。")
    located = {k for k in r if k[1] == "located_in"}
    assert {("切尔西", "located_in", "马萨诸塞州"), ("加利福尼亚州", "located_in", "美利坚合众国"),
            ("纽约州", "located_in", "美利坚合众国")} <= located
    # a state of the foreign divisions' table (kg.nlp.world_divisions) lies in
    # its country from the table when the text names the country, written
    # right before the state or not; with no country named, no edge
    assert ("马萨诸塞州", "located_in", "美利坚合众国") in located
    r, _ = rels("暴风雪持续肆虐纽约州多地。")
    assert not r


def test_a_foreign_states_government_is_in_the_state_and_the_state_in_its_country():
    """某国东北部某某州政府: the administration is in its own state, the state
    (after its country and a region of it) in the country."""
    r, _ = rels("巴西东北部伯南布哥州政府1日发布消息说，洪灾已造成多人死亡。")
    assert {("伯南布哥州政府", "located_in", "伯南布哥州"), ("伯南布哥州", "located_in", "巴西联邦共和国")} \
        <= {k for k in r if k[1] == "located_in"}
    assert ("伯南布哥州政府", "located_in", "巴西联邦共和国") not in r


def test_a_table_city_after_a_foreign_state_of_no_table_is_in_the_state():
    """美国|宾夕法尼亚州|匹兹堡市: the table's city is in the state written before
    it (and, by the table, in the country); 日本东京 stays as the table says."""
    r, _ = rels("17日，美国宾夕法尼亚州匹兹堡市一场聚会发生枪击事件。美国总统访问日本东京。")
    located = {k for k in r if k[1] == "located_in"}
    assert {("宾夕法尼亚州", "located_in", "美利坚合众国"), ("匹兹堡", "located_in", "宾夕法尼亚州"),
            ("东京", "located_in", "日本")} <= located


def test_a_country_after_a_foreign_place_is_not_in_it():
    """某某省某某|的|加拿大: a table country lies in no place written before it."""
    r, _ = rels("在位于艾伯塔省库茨的加拿大与美国边境口岸，警方14日逮捕了11人。")
    assert not [k for k in r if k[1] == "located_in" and k[0] == "加拿大"]


def test_the_foreign_towns_of_a_sentence_are_in_the_region_it_opens_with():
    """在某某斯克地区，…: a war report sets its scene first; the towns of no
    table named after it in the sentence lie in that region, not those of
    another sentence."""
    r, _ = rels("乌克兰国防部表示，在卢甘斯克地区，俄军试图完全控制北顿涅茨克市，"
                "同时正在包围利西昌斯克附近的乌军部队。乌军在巴赫穆特等地击退俄军进攻。")
    located = {k for k in r if k[1] == "located_in"}
    assert {("北顿涅茨克", "located_in", "卢甘斯克"), ("利西昌斯克", "located_in", "卢甘斯克")} <= located
    assert ("巴赫穆特", "located_in", "卢甘斯克") not in located
