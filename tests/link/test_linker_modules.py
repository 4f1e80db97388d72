"""The document linker on real sentences: keys, names, places in context, merges."""

import pytest

from kg.link.keys import key_string
from linked_text import edited_rules, link


def names(linker, etype=None):
    return {e.name: e for e in linker.entities.values() if etype is None or e.type == etype}


@pytest.fixture
def rules_copy(tmp_path):
    return lambda old, new: edited_rules(tmp_path, "relations.toml", old, new)


def test_key_strings_are_node_ids():
    assert key_string(("place", "530927")) == "place:530927"
    assert key_string((("central", "公安部"), "法制局")) == "central:公安部:法制局"


def test_a_short_title_after_the_full_one_is_that_document():
    docs = names(link("国务院办公厅印发《关于加强数字政府建设的指导意见》。《意见》提出，到2025年基本建成数字政府。"),
                 "DOCUMENT")
    assert list(docs) == ["《关于加强数字政府建设的指导意见》"]
    assert "《意见》" in docs["《关于加强数字政府建设的指导意见》"].aliases


def test_the_state_name_in_front_of_a_law_is_left_out_of_its_key(rules_copy):
    text = "全国人大常委会审议通过《中华人民共和国民法典》。《民法典》自2021年1月1日起施行。"
    docs = names(link(text), "DOCUMENT")
    assert list(docs) == ["《中华人民共和国民法典》"]
    assert docs["《中华人民共和国民法典》"].key == ("document", "民法典")
    # the prefix is data
    other = rules_copy('document_name_prefix = "中华人民共和国"', 'document_name_prefix = "无此前缀"')
    assert names(link(text, other), "DOCUMENT")["《中华人民共和国民法典》"].key == ("document", "中华人民共和国民法典")


def test_a_short_title_is_only_as_long_as_the_rules_allow(rules_copy):
    text = "国务院办公厅印发《关于加强数字政府建设的指导意见》。《意见》提出，到2025年基本建成数字政府。"
    other = rules_copy("short_title_max = 6", "short_title_max = 1")
    assert len(names(link(text, other), "DOCUMENT")) == 2


def test_a_level_character_stands_for_the_place_of_its_level_named_before():
    bodies = names(link("四川省苍溪县开展整治。县公安局出动警力200人次。"), "AGENCY")
    assert bodies["苍溪县公安局"].key == ("local", "510824", "公安局")
    # 州: the autonomous prefecture, named by its official name
    assert "大理白族自治州纪委监委" in names(link("大理州开展督查。州纪委监委通报了结果。"), "AGENCY")


def test_a_city_character_stands_for_a_city_of_any_level():
    """市 (rules/places.toml level_chars: "city") asks only for a name ending
    in 市: a county-level city named before (景洪市) is the one."""
    bodies = names(link("西双版纳州景洪市开展禁毒宣传。市公安局破获案件3起。"), "AGENCY")
    assert "景洪市公安局" in bodies and "市公安局" in bodies["景洪市公安局"].aliases


def test_a_place_counts_as_named_where_a_place_inside_it_is():
    """本报昆明电 … 沧源佤族自治县 … 市纪委监委: 临沧市 (the county's city), not the dateline's 昆明."""
    linker = link("本报昆明电 临沧市沧源佤族自治县开展督查。市纪委监委通报了结果。")
    assert "临沧市纪委监委" in names(linker, "AGENCY")
    places = [lm.mention for lm in linker.linked if lm.mention.type == "PLACE"]
    pos = next(lm.mention.start for lm in linker.linked if lm.mention.type == "AGENCY")
    assert linker.place_in_context("县", pos, places).name == "沧源佤族自治县"
    assert linker.place_in_context("省", pos, places).name == "云南省"


def test_a_bare_body_merges_into_the_one_body_whose_name_it_is():
    bodies = names(link("公安部法制局局长孙茂利介绍，法制局将持续开展执法监督。"), "AGENCY")
    assert set(bodies) == {"公安部", "公安部法制局"}
    assert "法制局" in bodies["公安部法制局"].aliases


def test_a_bare_body_is_renamed_by_the_linker_when_told_its_host():
    """北京市委常委、组织部部长: the post reader finds 组织部 is the 市委's and
    tells the linker, which names it after its host."""
    linker = link("北京市委常委、组织部部长魏小东出席。")
    bare, host = ("bare", "AGENCY", "组织部"), ("local", "110000", "委")
    assert linker.entities[bare].name == "组织部"
    linker.name_after_host(bare, host)
    linker.name_after_host(bare, host)   # once is enough
    ent = linker.entities[bare]
    assert ent.name == "北京市委组织部" and {"组织部", "北京市委组织部"} <= ent.aliases | {ent.name}


def test_the_written_form_of_a_place_names_its_body():
    """A local body keeps its place as written, the official full form first."""
    bodies = names(link("沧源县纪委监委通报。沧源佤族自治县纪委监委召开会议。"), "AGENCY")
    assert "沧源佤族自治县纪委监委" in bodies
    assert "沧源县纪委监委" in bodies["沧源佤族自治县纪委监委"].aliases


@pytest.mark.parametrize("text, program, short", [
    ("武汉江夏区推行“零跑腿不见面”审批改革。江夏区推行不见面审批改革以来，已上线事项236个。",
     "“零跑腿不见面”审批改革", "不见面审批改革"),
    ("湖南省推行省市县三级领导干部集中包联化解信访积案机制。领导干部包联化解信访积案机制取得实效。",
     "省市县三级领导干部集中包联化解信访积案机制", "领导干部包联化解信访积案机制"),
])
def test_a_shortened_program_name_is_the_program(text, program, short):
    progs = names(link(text), "PROGRAM")
    assert list(progs) == [program] and short in progs[program].aliases


def test_how_short_a_program_shortening_may_be_is_data(rules_copy):
    text = "湖南省推行省市县三级领导干部集中包联化解信访积案机制。领导干部包联化解信访积案机制取得实效。"
    other = rules_copy("program_shortening_min = 6", "program_shortening_min = 20")
    assert len(names(link(text, other), "PROGRAM")) == 2
