"""kg.text.sentences reads where a sentence ends from the RuleSet it is
given (rules/articles.toml [sentences]), not from a copy kept in code."""

import shutil

from kg import ruleset
from kg.paths import rules_dir
from kg.text.sentences import sentence_spans


def _sentences(text, rules=None):
    return [text[s:e] for s, e in sentence_spans(text, rules=rules)]


def test_a_semicolon_ends_an_evidence_sentence_but_an_ellipsis_does_not():
    text = "建立长效机制；完善考核制度……取得明显成效。"
    assert _sentences(text) == ["建立长效机制；", "完善考核制度……取得明显成效。"]


def test_sentence_ends_are_read_from_the_rule_set_given(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    toml = copy / "articles.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('ends = "。！？!?；;"', 'ends = "。！？!?"'),
                    encoding="utf-8")
    text = "建立长效机制；完善考核制度。"
    assert _sentences(text) == ["建立长效机制；", "完善考核制度。"]
    assert _sentences(text, ruleset.load(copy)) == [text]
