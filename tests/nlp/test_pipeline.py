"""kg.nlp.pipeline: a spaCy pipeline built from config, saved, loaded, and
cached per rules folder; on real text."""

import shutil

import pytest
import spacy
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language

from conftest import SEED
from kg.paths import rules_dir

# a sentence whose only entity needs the title 首席数据官, absent from rules/titles.toml
TITLED = "该局首席数据官张伟说。"
NEW_TITLE = "首席数据官"



def resolved(doc):
    return [(m.start, m.end, m.type, m.text, m.source, m.priority, sorted(m.attrs.items(), key=str))
            for m in doc._.kg_resolved]


def ents(doc):
    return [(e.start_char, e.end_char, e.label_, e.id_) for e in doc.ents]


@pytest.fixture(scope="module")
def seed_text():
    return SEED.read_text(encoding="utf-8")[:4000]


def test_the_tokenizer_is_spacys_chinese_one_set_up_by_initialize(nlp):
    from kg.nlp.segmenter import Segmenter
    assert isinstance(nlp.tokenizer, ChineseTokenizer) and nlp.tokenizer.segmenter == "pkuseg"
    assert isinstance(nlp.tokenizer.pkuseg_seg, Segmenter)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "kg.ChineseTokenizer.v1"
    assert nlp.config["initialize"]["tokenizer"]["pkuseg_model"] is None   # the model `kg setup` fetched
    doc = nlp.make_doc("公安部法制局局长孙茂利说")
    assert doc.text == "公安部法制局局长孙茂利说" and doc.user_data["kg_text"] == doc.text


@pytest.mark.slow  # a subprocess, or a pipeline saved and loaded
def test_to_disk_and_spacy_load_give_the_same_entities(nlp, seed_text, tmp_path):
    from kg.nlp.pipeline import save_pipeline
    path = save_pipeline(nlp, tmp_path / "pipe")
    assert (path / "tokenizer" / "pkuseg_tables" / "meta.json").exists()
    assert sorted(p.name for p in (path / "rules").iterdir()) == \
        sorted(p.name for p in rules_dir().iterdir())
    loaded = spacy.load(path)
    assert loaded.pipe_names == nlp.pipe_names
    for text in (seed_text, "公安部法制局局长孙茂利说。北京市委书记蔡奇主持会议。"):
        a, b = nlp(text), loaded(text)
        assert [t.text for t in a] == [t.text for t in b]
        assert ents(a) == ents(b) and len(a.ents) > 3
        assert resolved(a) == resolved(b)


@pytest.mark.slow  # a subprocess, or a pipeline saved and loaded
def test_a_saved_pipeline_moved_elsewhere_reads_its_own_rules(nlp, tmp_path):
    from kg.nlp.pipeline import load_pipeline, save_pipeline
    save_pipeline(nlp, tmp_path / "a")
    shutil.move(tmp_path / "a", tmp_path / "b")
    moved = load_pipeline(tmp_path / "b")
    assert moved.config["paths"]["rules"] == str((tmp_path / "b" / "rules").resolve())
    text = "公安部法制局局长孙茂利说。"
    assert ents(moved(text)) == ents(nlp(text))


def _rules_with_new_title(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    toml = folder / "titles.toml"
    src = toml.read_text(encoding="utf-8")
    assert '"场长",' in src and NEW_TITLE not in src
    toml.write_text(src.replace('"场长",', f'"场长", "{NEW_TITLE}",', 1), encoding="utf-8")
    return folder


def test_the_pipeline_is_cached_per_rules_folder(nlp, tmp_path, monkeypatch):
    from kg.nlp.pipeline import get_nlp
    folder = _rules_with_new_title(tmp_path)
    monkeypatch.setenv("KG_RULES_DIR", str(folder))
    other = get_nlp()
    assert other is not nlp and other is get_nlp()
    monkeypatch.delenv("KG_RULES_DIR")
    assert get_nlp() is nlp


def test_switching_rules_folders_gives_the_other_rules(nlp, tmp_path, monkeypatch):
    from kg.nlp.pipeline import get_nlp
    assert [e.text for e in nlp(TITLED).ents] == []
    monkeypatch.setenv("KG_RULES_DIR", str(_rules_with_new_title(tmp_path)))
    doc = get_nlp()(TITLED)
    assert [(e.text, e.label_, e._.title) for e in doc.ents] == [("张伟", "PERSON", NEW_TITLE)]


@pytest.mark.slow  # a subprocess, or a pipeline saved and loaded
def test_a_saved_pipeline_keeps_the_rules_it_was_built_with(nlp, tmp_path, monkeypatch):
    from kg.nlp.pipeline import get_nlp, load_pipeline, save_pipeline
    monkeypatch.setenv("KG_RULES_DIR", str(_rules_with_new_title(tmp_path)))
    save_pipeline(get_nlp(), tmp_path / "pipe")
    monkeypatch.delenv("KG_RULES_DIR")
    shutil.rmtree(tmp_path / "rules")
    doc = load_pipeline(tmp_path / "pipe")(TITLED)
    assert [(e.text, e._.title) for e in doc.ents] == [("张伟", NEW_TITLE)]


def _declared_entry_points():
    import tomllib
    from kg.paths import PACKAGE_DIR
    with open(PACKAGE_DIR.parent / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["entry-points"]


def test_every_kg_factory_and_the_tokenizer_are_spacy_entry_points():
    """A saved config names kg_* factories and kg.ChineseTokenizer.v1; spaCy
    finds them through these entry points in an installed package."""
    import importlib

    from spacy.util import registry
    declared = _declared_entry_points()
    factories = declared["spacy_factories"]
    registered = {n for n in registry.factories.get_all() if n.startswith("kg_")}
    assert set(factories) == registered
    assert set(declared["spacy_tokenizers"]) == {"kg.ChineseTokenizer.v1"}
    for group in (factories, declared["spacy_tokenizers"]):
        for name, target in group.items():     # each names the function registered under it
            module, func = target.split(":")
            obj = getattr(importlib.import_module(module), func)
            assert obj is (registry.factories.get(name) if group is factories
                           else registry.tokenizers.get(name))


class _RulesProbe:
    """A component of the shape the rule components take: a `rules` folder setting."""

    def __init__(self, rules):
        self.rules = rules

    def __call__(self, doc):
        return doc


if not Language.has_factory("test_rules_probe"):
    @Language.factory("test_rules_probe", default_config={"rules": None})
    def _make_probe(nlp, name, rules):
        return _RulesProbe(rules)


@pytest.mark.slow  # a subprocess, or a pipeline saved and loaded
def test_a_component_with_a_rules_setting_is_saved_pointing_at_the_copied_rules(tmp_path):
    from kg.nlp.pipeline import _rules_config, blank_zh, load_pipeline, save_pipeline
    folder = _rules_with_new_title(tmp_path)
    nlp = blank_zh()
    assert _rules_config(nlp, "test_rules_probe", str(folder)) == {"rules": str(folder)}
    assert _rules_config(nlp, "kg_resolve", str(folder)) == {}
    nlp.add_pipe("test_rules_probe", config={"rules": str(folder)})
    save_pipeline(nlp, tmp_path / "pipe")
    assert NEW_TITLE in (tmp_path / "pipe" / "rules" / "titles.toml").read_text(encoding="utf-8")
    shutil.rmtree(folder)
    shutil.move(tmp_path / "pipe", tmp_path / "moved")
    probe = load_pipeline(tmp_path / "moved").get_pipe("test_rules_probe")
    assert probe.rules == str((tmp_path / "moved" / "rules").resolve())


@pytest.mark.slow  # a subprocess, or a pipeline saved and loaded
def test_the_tokenizer_round_trips_through_bytes(nlp):
    from kg.nlp.tokenizer import KgChineseTokenizer
    text = "北京市委书记蔡奇主持会议，公安部法制局局长孙茂利说。"
    again = KgChineseTokenizer(nlp.vocab).from_bytes(nlp.tokenizer.to_bytes())
    assert [t.text for t in again(text)] == [t.text for t in nlp.tokenizer(text)]
