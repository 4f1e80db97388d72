"""The entity components read the rule set they are given: each proposal
carries the id of the rule that made it and the priority of its kind from
rules/priorities.toml, and a rules folder handed to a component's factory
(`rules`) is the one whose words and numbers it uses."""

import shutil

import pytest

from kg import ruleset
from kg.nlp.mentions import mentions_of
from kg.paths import rules_dir

from conftest import make_nlp

SEED = "公安部法制局局长孙茂利说，云南省临沧市沧源县公安局印发《执法公开规定》，建立12389投诉平台。"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_programs")


def _rules_copy(tmp_path, file, old, new):
    """A copy of rules/ with one text replacement in one file."""
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(folder)


def test_every_proposal_names_the_rule_that_made_it(nlp):
    found = {(m.text, m.type): m.rule for m in mentions_of(nlp(SEED))}
    assert found[("孙茂利", "PERSON")] == "persons.title_before"
    assert found[("公安部", "AGENCY")] == "agencies.central_name"
    assert found[("公安部法制局", "AGENCY")] == "agencies.nested"
    assert found[("云南省", "PLACE")] == "places.full_name"
    assert found[("沧源县", "PLACE")] == "places.short_name"
    assert found[("云南省临沧市沧源县公安局", "AGENCY")] == "agencies.place_prefixed"
    assert found[("《执法公开规定》", "DOCUMENT")] == "programs.document_title"
    assert found[("12389投诉平台", "PROGRAM")] == "programs.bare_head"
    assert all(rule and rule.split(".")[0] in {"persons", "agencies", "places", "orgs", "programs"}
               for rule in found.values())


def test_priorities_are_the_table_of_rules_priorities(nlp):
    table = ruleset.current().priorities
    by_rule = {m.rule: m.priority for m in mentions_of(nlp(SEED))}
    assert by_rule["persons.title_before"] == table["person"]
    assert by_rule["places.full_name"] == table["place"]
    assert by_rule["agencies.central_name"] == table["agency_central"]
    assert by_rule["agencies.nested"] == table["agency_central"] + table["agency_nested_step"]
    assert by_rule["programs.document_title"] == table["document_title"]
    assert by_rule["programs.bare_head"] == table["program_bare"]


def test_a_priority_changed_in_the_rules_folder_is_the_one_proposed(tmp_path):
    folder = _rules_copy(tmp_path, "priorities.toml", "place = 30", "place = 7")
    nlp = make_nlp()
    nlp.add_pipe("kg_places", config={"rules": folder})
    assert {m.priority for m in mentions_of(nlp("云南省临沧市"))} == {7}


def test_the_given_name_lengths_are_read_from_persons_toml(tmp_path):
    """局长孙茂利说 is 孙茂利 with given names of up to two characters; with
    max_given = 1 in the rules folder the name can only be 孙茂."""
    text = "公安部法制局局长孙茂利说。"
    assert [m.text for m in mentions_of(make_nlp("kg_persons")(text))] == ["孙茂利"]
    nlp = make_nlp()
    nlp.add_pipe("kg_persons", config={"rules": _rules_copy(tmp_path, "persons.toml",
                                                          "max_given = 2", "max_given = 1")})
    assert [m.text for m in mentions_of(nlp(text))] == ["孙茂"]


def test_the_distributive_word_is_read_from_agencies_toml(tmp_path):
    """各州、市人民政府 names every such government, not one: the level
    characters after 各 anchor no body. With another distributive word in
    the rules folder, 市人民政府 is read."""
    text = "各州、市人民政府要加强监管。"

    def agencies(nlp):
        return {m.text for m in mentions_of(nlp(text)) if m.type == "AGENCY"}

    assert "市人民政府" not in agencies(make_nlp("kg_places", "kg_agencies"))
    nlp = make_nlp("kg_places")
    nlp.add_pipe("kg_agencies", config={"rules": _rules_copy(tmp_path, "agencies.toml",
                                                           'distributive_marker = "各"',
                                                           'distributive_marker = "每"')})
    assert "市人民政府" in agencies(nlp)


def test_kg_agencies_says_it_needs_the_mentions_before_it():
    nlp = make_nlp("kg_places", "kg_agencies")
    meta = nlp.get_pipe_meta("kg_agencies")
    assert meta.requires == ["doc._.kg_mentions"] and meta.assigns == ["doc._.kg_mentions"]
    assert nlp.get_pipe_meta("kg_places").assigns == ["doc._.kg_mentions"]


def test_each_person_rule_names_itself():
    nlp = make_nlp("kg_persons")

    def rules(text):
        return {m.text: m.rule for m in mentions_of(nlp(text))}

    assert rules("经省人民政府研究决定：任命李明为云南省交通运输厅厅长。")["李明"] == "persons.after_appointment_verb"
    assert rules("副县长阿不都热依木·买买提说，要抓好落实。")["阿不都热依木·买买提"] == "persons.dotted_after_title"
    assert rules("据报道，基里延科表示将尽快组阁。")["基里延科"] == "persons.foreign_before_speech"
    assert rules("总统克林顿表示，将访问中国。")["克林顿"] == "persons.foreign_after_title"
    assert rules("刘某因涉嫌诈骗被刑事拘留。")["刘某"] == "persons.anonymised"
    got = rules("玉麦乡群众卓嘎、央宗姐妹的回信精神。")
    # 群众 is a role title before 卓嘎; 央宗 has no surname: only 姐妹 vouches
    assert got["卓嘎"] == "persons.title_before" and got["央宗"] == "persons.group_item"
    assert rules("本报记者张天培报道。")["张天培"] == "persons.creator_before"
    assert rules("孙茂利说，将建立制度。")["孙茂利"] == "persons.speech_after"
