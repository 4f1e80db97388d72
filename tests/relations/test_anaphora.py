"""该县, 该局, 全县: one finding of the stand-ins per sentence, for every reader."""

from kg import ruleset
from kg.relations import anaphora
from kg.relations.structural import extract_relations
from kg.text.sentences import sentence_spans
from linked_text import document_of, edited_rules, link, linked

ANJI = ("6月19日，浙江省湖州市安吉县召开乡村振兴工作推进会。"
        "今年以来，该县联合浙江大学共同打造“数字乡村”服务平台。全县推行“两山”合作社模式。")
COURT = "6月12日，四川省巴中市恩阳区人民法院召开新闻发布会。该院副院长王明介绍，该院印发《审判工作规则》。"


def stand_ins(text, rules=None):
    """{anaphor text: the key it stands for} over the whole text."""
    linker = link(text, rules)
    every = sorted(linker.linked, key=lambda lm: lm.mention.start)
    found = anaphora.by_sentence(text, sentence_spans(text), every, linker.rules)
    return {a.mention.text: a.key for sent in found.values() for a in sent}, found


def test_the_said_county_and_the_whole_county_stand_for_the_county_named_before():
    found, by_sent = stand_ins(ANJI)
    assert found == {"该县": ("place", "330523"), "全县": ("place", "330523")}
    assert len(by_sent) == len(sentence_spans(ANJI))   # every sentence has its (maybe empty) list
    assert all(a.mention.source == "anaphora" and a.mention.type == "PLACE"
               for sent in by_sent.values() for a in sent)


def test_a_word_that_only_looks_like_an_anaphor_stands_for_nothing():
    found, _ = stand_ins("北京市近日召开优化营商环境大会。该市场监管部门印发《关于优化营商环境的若干措施》。")
    assert found == {}


def test_the_post_reader_and_the_verb_reader_share_one_stand_in():
    """该院副院长王明 (a post) and 该院印发 (an act) in one sentence: both are
    the court's, from the one list of stand-ins of that sentence."""
    found, _ = stand_ins(COURT)
    assert set(found) == {"该院"}
    linker, per_article = linked(COURT, date="2024-06-13")
    rels = extract_relations(document_of(COURT, "2024-06-13"), per_article, linker)
    court = next(k for k in linker.entities if linker.entities[k].name == "恩阳区人民法院")
    assert (("person", "王明"), "member_of", court) in rels.rels
    assert (court, "introduced", ("document", "审判工作规则")) in rels.rels


def test_the_anaphor_marker_is_data(tmp_path):
    """With 本 as the marker, 本县 is the anaphor and 该县 is not."""
    other = edited_rules(tmp_path, "relations.toml", 'anaphor_marker = "该"', 'anaphor_marker = "本"')
    text = "浙江省湖州市安吉县召开推进会。本县联合浙江大学打造平台。该县推行新模式。"
    found, _ = stand_ins(text, other)
    assert set(found) == {"本县"}
    assert set(stand_ins(text, ruleset.current())[0]) == {"该县"}
