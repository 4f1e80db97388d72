"""kg.link.linker.DocumentLinker: mentions -> one entity per thing, within a
document. Driven through kg.extraction.extract_text (the linker's input is
the pipeline's resolved mentions); each test names the linker rule it pins."""

from kg.extraction import extract_text


def extract(text):
    out = extract_text(text, "2021-09-15")
    names = {e["id"]: e["name"] for e in out["entities"]}
    edges = {(names[r["head"]], r["type"], names[r["tail"]]) for r in out["relations"]}
    return out, edges


def entity(out, name):
    [e] = [e for e in out["entities"] if e["name"] == name]
    return e


def spans(e):
    return [(m["start"], m["end"]) for m in e["mentions"]]


def test_finish_folds_a_bare_name_into_the_one_body_it_names():
    """DocumentLinker.finish: a bare 法制局 after 公安部法制局 is that body:
    no entity of its own, its mention and its edges are the host's."""
    text = "公安部法制局局长孙茂利介绍，法制局出台了《关于规范执法的意见》。"
    out, edges = extract(text)
    assert [e["name"] for e in out["entities"] if e["type"] == "AGENCY"] == ["公安部", "公安部法制局"]
    assert not [e for e in out["entities"] if e["key"].startswith("bare:")]
    bureau = entity(out, "公安部法制局")
    bare = text.index("法制局", 6)
    assert spans(bureau) == [(0, 6), (bare, bare + 3)]
    assert ("公安部法制局", "introduced", "《关于规范执法的意见》") in edges
    assert ("孙茂利", "leads", "公安部法制局") in edges


def test_finish_leaves_a_bare_name_alone_when_two_bodies_have_it():
    """Two 法制局 named before: the bare one could be either, so it stays bare."""
    out, _ = extract("公安部法制局和司法部法制局负责人出席会议。法制局将开展执法监督工作。")
    agencies = {e["name"]: e["key"] for e in out["entities"] if e["type"] == "AGENCY"}
    assert agencies["法制局"] == "bare:AGENCY:法制局"
    assert {"公安部法制局", "司法部法制局"} <= set(agencies)
    assert len(entity(out, "公安部法制局")["mentions"]) == 1


def test_a_level_prefixed_body_is_the_body_of_the_place_named_before_it():
    """_place_in_context: 县公安局 after 苍溪县 is 苍溪县公安局, keyed by the
    county's code (not the dateline's 成都)."""
    out, edges = extract("本报成都9月15日电 苍溪县召开会议，县公安局局长王明出席。")
    bureau = entity(out, "苍溪县公安局")
    assert bureau["key"] == "local:510824:公安局"
    assert "县公安局" in bureau["aliases"]
    assert ("王明", "leads", "苍溪县公安局") in edges


def test_a_short_title_after_a_long_one_is_the_same_document():
    """SHORT_TITLE: 《指导意见》 after 《关于…的指导意见》 is its short title."""
    out, edges = extract("国务院办公厅印发《关于加快推进政务服务标准化的指导意见》。《指导意见》提出，到2022年底前全面建立。")
    [doc] = [e for e in out["entities"] if e["type"] == "DOCUMENT"]
    assert doc["name"] == "《关于加快推进政务服务标准化的指导意见》"
    assert doc["aliases"] == ["《指导意见》"] and len(doc["mentions"]) == 2


def test_a_headline_shortening_of_a_program_is_that_program():
    """_merge_program_suffixes: the same head, every character in order."""
    out, _ = extract("河北推行省市县三级领导干部集中包联化解信访积案机制。领导干部包联化解信访积案机制取得成效。")
    [prog] = [e for e in out["entities"] if e["type"] == "PROGRAM"]
    assert prog["name"] == "省市县三级领导干部集中包联化解信访积案机制"
    assert prog["aliases"] == ["领导干部包联化解信访积案机制"] and len(prog["mentions"]) == 2


def test_an_org_named_with_and_without_its_district_is_one_org():
    """The ORG key drops a place inside the name within the place before it:
    北京丰台长峰医院 = 北京长峰医院."""
    out, edges = extract("北京丰台长峰医院发生火灾。北京长峰医院院长王某被免职。")
    [org] = [e for e in out["entities"] if e["type"] == "ORG"]
    assert org["key"] == "org:北京长峰医院" and len(org["mentions"]) == 2
    assert ("王某", "leads", org["name"]) in edges


def test_orgs_named_after_two_places_are_two_orgs():
    """The ORG key keeps the first place of the name: the universities, the
    hospitals and the teams of two cities are not one."""
    out, _ = extract("代表团走访了杭州大学和宁波大学。南昌市人民医院和九江市人民医院开展合作。广东队战胜北京队。")
    names = sorted(e["name"] for e in out["entities"] if e["type"] == "ORG")
    assert names == ["九江市人民医院", "北京队", "南昌市人民医院", "宁波大学", "广东队", "杭州大学"]


def test_an_org_opened_by_a_foreign_country_is_located_in_it():
    """Spec §7: an ORG is in the place its name is prefixed with, a foreign
    country too (a table's outlet as well as one the suffix rules read);
    the home country and a continent name no seat."""
    _, edges = extract("美国有线电视新闻网报道，美国哥伦比亚广播公司也报道了此事。"
                       "韩国三星电子公司、中国石油天然气集团有限公司和亚洲开发银行出席。")
    located = {(h, t) for h, r, t in edges if r == "located_in"}
    assert ("美国有线电视新闻网", "美利坚合众国") in located
    assert ("美国哥伦比亚广播公司", "美利坚合众国") in located
    assert ("韩国三星电子公司", "大韩民国") in located
    assert not {h for h, _ in located} & {"中国石油天然气集团有限公司", "亚洲开发银行"}
    assert ("美国哥伦比亚广播公司", "哥伦比亚共和国") not in located


def test_entities_come_in_order_of_first_mention():
    """DocumentLinker.ordered: ids e1, e2 … by first mention."""
    out, _ = extract("苍溪县公安局局长王明说，公安部法制局和苍溪县人民政府将开展执法监督工作。")
    firsts = [min(m["start"] for m in e["mentions"]) for e in out["entities"]]
    assert firsts == sorted(firsts)
    assert [e["id"] for e in out["entities"]] == [f"e{i}" for i in range(1, len(firsts) + 1)]
