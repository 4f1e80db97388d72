"""part_of and located_in from the entities themselves and the rules' tables."""

from kg import extract, ruleset
from kg.relations.structural import central_parents, extract_relations
from linked_text import document_of, edited_rules, linked


def rels(text, date="2021-09-15"):
    out = extract(text, date)
    name = {e["id"]: e["name"] for e in out["entities"]}
    return {(name[r["head"]], r["type"], name[r["tail"]]) for r in out["relations"]}


def test_a_central_body_is_part_of_its_parent_in_the_central_bodies_table():
    assert central_parents(ruleset.current())["中共中央组织部"] == "中共中央"
    assert "中共中央" not in central_parents(ruleset.current())   # top level
    r = rels("中共中央印发《关于加强党的政治建设的意见》。中共中央组织部负责同志就此答记者问。")
    assert ("中共中央组织部", "part_of", "中共中央") in r


def test_the_parents_come_from_the_rule_set_in_force(tmp_path):
    text = "中共中央印发《关于加强党的政治建设的意见》。中共中央组织部负责同志就此答记者问。"
    other = edited_rules(tmp_path, "central_bodies.tsv", "中共中央组织部\t中央组织部|中组部\t中共中央",
                         "中共中央组织部\t中央组织部|中组部\t")
    assert "中共中央组织部" not in central_parents(other)
    linker, per_article = linked(text, other)
    got = extract_relations(document_of(text), per_article, linker).rels
    assert not any(t == "part_of" for (_h, t, _o) in got)


def test_a_dateline_within_the_window_is_no_actor(tmp_path):
    """新华社北京3月11日电 … 印发: 北京 is where the story was filed; with a
    window too short to hold the dateline it is read as the actor."""
    text = "新华社北京3月11日电 日前印发了《关于优化营商环境的若干措施》。"
    linker, per_article = linked(text)
    got = {(h, t) for (h, t, _o) in extract_relations(document_of(text), per_article, linker).rels}
    assert not any(t == "introduced" for _h, t in got)
    other = edited_rules(tmp_path, "relations.toml", "dateline_window = 80", "dateline_window = 4")
    linker, per_article = linked(text, other)
    got = {(h, t) for (h, t, _o) in extract_relations(document_of(text), per_article, linker).rels}
    assert (("place", "110000"), "introduced") in got
