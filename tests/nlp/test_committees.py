"""Special committees of the legislature and of the CPPCC (rules/central_bodies.tsv,
kg/nlp/components/committees.py): bare names read as the central committee
only where the text names its parent; names joining two fields kept whole;
the posts of appointment and removal sentences given to them."""

from kg import extract

CP = "中国人民政治协商会议全国委员会"


def run(text, date="2021-03-03"):
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    ents = {(e["type"], e["name"]) for e in out["entities"]}
    rels = {(name[r["head"]], r["type"], name[r["tail"]]): r["attrs"] for r in out["relations"]}
    return ents, rels


def test_bare_committees_of_a_cppcc_meeting_are_the_national_committees_with_their_posts():
    ents, rels = run("全国政协常委会会议在京闭幕。会议通过决定：增补王明为提案委员会驻会副主任，"
                     "李强、赵刚为经济委员会副主任，孙立为社会和法制委员会副主任；"
                     "周平不再担任港澳台侨委员会驻会副主任。")
    for c in ("提案委员会", "经济委员会", "社会和法制委员会", "港澳台侨委员会"):
        assert ("AGENCY", CP + c) in ents
        assert (CP + c, "part_of", CP) in rels
    assert rels[("王明", "member_of", CP + "提案委员会")]["title"] == "驻会副主任"
    assert rels[("李强", "member_of", CP + "经济委员会")]["title"] == "副主任"
    assert ("赵刚", "member_of", CP + "经济委员会") in rels
    assert ("孙立", "member_of", CP + "社会和法制委员会") in rels
    removed = rels[("周平", "member_of", CP + "港澳台侨委员会")]
    assert removed["title"] == "驻会副主任" and removed["status"] == "former"
    # no body named by the verb before it (不再担任某某委员会)
    assert not [n for t, n in ents if n.startswith("不再担任")]


def test_a_name_joining_two_fields_is_not_cut_at_the_conjunction():
    ents, _ = run("全国政协召开会议。增补王明为农业和农村委员会副主任，李强为文化文史和学习委员会副主任。")
    assert ("AGENCY", CP + "农业和农村委员会") in ents
    assert ("AGENCY", CP + "文化文史和学习委员会") in ents
    assert not {("AGENCY", "农村委员会"), ("AGENCY", "学习委员会")} & ents
    # with no parent named, the bare reading still keeps the name whole
    ents, _ = run("某某协会农业和农村委员会召开会议。")
    assert not [n for t, n in ents if n == "农村委员会"]


def test_a_bare_committee_name_with_no_parent_named_is_no_central_body():
    ents, _ = run("某公司经济委员会召开会议，研究下一步工作。")
    assert not [n for t, n in ents if n.startswith(CP) or n.startswith("全国人民代表大会")]


def test_a_bare_committee_after_a_local_cppcc_is_not_the_national_one():
    ents, _ = run("全国政协委员张某出席。河北省政协常委会会议增补王明为提案委员会副主任。")
    assert ("AGENCY", CP + "提案委员会") not in ents


def test_npc_committees_by_short_form_and_the_standing_committees_credentials_committee():
    ents, rels = run("十三届全国人大常委会会议听取了代表资格审查委员会关于个别代表的代表资格的报告，"
                     "全国人大农委主任委员王明作了说明。", date="2022-12-09")
    assert ("全国人民代表大会常务委员会代表资格审查委员会", "part_of", "全国人民代表大会常务委员会") in rels
    assert ("全国人民代表大会农业与农村委员会", "part_of", "全国人民代表大会") in rels
    assert not [n for t, n in ents if n.startswith("听取") or n.startswith("审议")]


def test_a_committee_written_with_its_parent_names_the_parent_too():
    ents, rels = run("全国人大财政经济委员会副主任委员张某某作报告。")
    assert ("AGENCY", "全国人民代表大会") in ents
    assert ("全国人民代表大会财政经济委员会", "part_of", "全国人民代表大会") in rels
