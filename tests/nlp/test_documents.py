"""kg.nlp.components.documents (run by kg_programs): which 《…》 titles and
quoted or unquoted names are DOCUMENTs (rules/programs.toml title_*, doc_*,
measure_* keys)."""

import pytest

from conftest import make_nlp
from kg.nlp.components.resolve import resolve


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_programs")


def documents(nlp, text):
    return [m.text for m in nlp(text)._.kg_mentions if m.type == "DOCUMENT"]


@pytest.mark.parametrize("text, expected", [
    # a document's head word ends the title, also before a closing bracket or a year
    ("市人大常委会通过《某某市文明行为促进条例（草案）》。", ["《某某市文明行为促进条例（草案）》"]),
    ("研究院发布《中国数字乡村发展报告2021》。", ["《中国数字乡村发展报告2021》"]),
    ("省委办公厅转发《某某省基层减负工作要点》。", ["《某某省基层减负工作要点》"]),
    # a title that opens with 关于, or is followed by a document's word
    ("县委研究了《关于进一步做好退役军人安置工作的若干安排》。", ["《关于进一步做好退役军人安置工作的若干安排》"]),
    ("国务院新闻办公室发表《新时代的中国绿色发展》白皮书。", ["《新时代的中国绿色发展》"]),
    # a title right after an issuing verb
    ("市政府印发《某某市数字经济三年行动》。", ["《某某市数字经济三年行动》"]),
])
def test_a_title_with_a_documents_words_is_a_document(nlp, text, expected):
    assert documents(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "央视综合频道今晚播出纪录片《山河岁月》。",
    "晚会上，演员们演唱了歌曲《我和我的祖国》。",
    "他在《新闻周刊》栏目中讲述了扶贫故事。",
    "据《华盛顿邮报》报道，美国多地出现疫情反弹。",
    "这本《乡村振兴十年纪实》记录了基层干部的奋斗。",
])
def test_a_title_of_a_film_song_column_or_newspaper_is_no_document(nlp, text):
    assert documents(nlp, text) == []


def test_the_words_of_a_works_title_name_nothing(nlp):
    got = nlp("观众热议电视剧《北京故事》。")._.kg_mentions
    assert [m for m in got if m.start >= 6] == []      # no 北京 inside the drama's title


@pytest.mark.parametrize("text, expected", [
    # a quoted count of measures, with or without a head word after it
    ("开发区先后出台“稳岗十条”和“新20条”措施。", ["“稳岗十条”", "“新20条”措施"]),
    # unquoted: the name runs back to the word before it
    ("新闻发言人介绍，优化调整防控二十条措施发布以来，各地迅速落实。", ["优化调整防控二十条措施"]),
    ("市政府介绍助企纾困30条措施落实情况。", ["助企纾困30条措施"]),
    # a name that opens with a quoted term; 和 + a year goes on with it
    ("按照“十四五”现代能源体系规划的要求推进。", ["“十四五”现代能源体系规划"]),
    ("省发改委编制了“十四五”现代物流发展规划。", ["“十四五”现代物流发展规划"]),
    # an edition of a plan
    ("各地严格执行第三版防控方案。", ["第三版防控方案"]),
])
def test_quoted_measures_quoted_names_and_editions(nlp, text, expected):
    assert documents(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "双方就共建“一带一路”交换意见。",          # a verb between the quote and the head
    "试点城市结合“双减”出台细则。",
    "条例的“第一条”规定了立法目的。",           # an article of a law, no set of measures
    "最高法发布26条举措。",                      # a count with no name
    "要出台造福人民的好法。",                    # a described kind of law
    "会议出台了一系列实施细则。",
])
def test_running_text_is_no_document(nlp, text):
    assert documents(nlp, text) == []


def test_a_document_named_by_its_subject_and_the_of_particle(nlp):
    assert documents(nlp, "证监会印发推动长期资金入市的指导意见。") == ["推动长期资金入市的指导意见"]


def test_a_quoted_document_name_wins_over_the_program_in_its_quotes(nlp):
    kept = resolve(list(nlp("省里印发“放管服”改革实施方案。")._.kg_mentions))
    assert [(m.type, m.text) for m in kept if m.type in ("DOCUMENT", "PROGRAM")] == [
        ("DOCUMENT", "“放管服”改革实施方案")]


@pytest.mark.parametrize("text, name", [
    ("今年3月1日，新修订的安全生产法正式实施。", "安全生产法"),
    ("修订后的科学技术进步法明确了企业的创新主体地位。", "科学技术进步法"),
    ("全省干部认真学习党的二十大报告。", "党的二十大报告"),
    ("某区今天出台“统筹防疫和商贸发展八条举措”，助企纾困。", "“统筹防疫和商贸发展八条举措”"),
])
def test_a_revised_law_a_congress_report_and_quoted_measures_are_documents_whole(nlp, text, name):
    assert [m.text for m in nlp(text)._.kg_mentions if m.type == "DOCUMENT"] == [name]


def test_a_revision_word_before_no_law_names_none(nlp):
    assert [m for m in nlp("新修订的方法更加科学。")._.kg_mentions if m.type == "DOCUMENT"] == []


@pytest.mark.parametrize("text, inner", [
    ("大会通过《关于修改〈某某省水资源保护条例〉的决定》。", "〈某某省水资源保护条例〉"),
    ("各国发表《纪念〈某某海域合作宣言〉签署十周年联合声明》。", "〈某某海域合作宣言〉"),
    ("文章回顾了〈某某地区睦邻友好条约〉签署以来的合作。", "〈某某地区睦邻友好条约〉"),
])
def test_a_title_in_single_angle_quotes_is_a_document_too(nlp, text, inner):
    assert inner in documents(nlp, text)


def test_a_work_in_single_angle_quotes_is_no_document(nlp):
    assert documents(nlp, "舞剧《山水长卷——舞绘〈千里春山图〉》上演。") == []


@pytest.mark.parametrize("text, name", [
    ("今年我国出台了首张数据出境安全负面清单。", "数据出境安全负面清单"),
    ("该市将深入实施新版市场准入负面清单。", "市场准入负面清单"),
    ("国家连续三年缩减外资准入负面清单。", "外资准入负面清单"),
    # a partnership's action plan, the parties before it no part of its name
    ("双方同意以实施两国睦邻友好伙伴关系行动计划为契机深化合作。", "睦邻友好伙伴关系行动计划"),
    ("两国外长签署海洋经济合作行动计划。", "海洋经济合作行动计划"),
    ("双方要落实好未来三年数字经济合作行动计划。", "未来三年数字经济合作行动计划"),
])
def test_a_list_in_force_after_its_verb_is_a_document(nlp, text, name):
    assert name in documents(nlp, text)


@pytest.mark.parametrize("text", [
    "对试点企业实施更短的负面清单。",     # a described kind of list
    "各地要推动形成以负面清单为主的管理模式。",   # no verb puts it in force
    "要全面落实市场准入负面清单制度。",          # the list names a system
])
def test_other_negative_lists_are_no_document(nlp, text):
    assert documents(nlp, text) == []


def test_the_title_inside_a_documents_title_is_kept_nested():
    nlp = make_nlp("kg_programs")
    kept = resolve(list(nlp("大会通过《关于修改〈某某省水资源保护条例〉的决定》。")._.kg_mentions))
    assert [m.text for m in kept if m.type == "DOCUMENT"] == [
        "《关于修改〈某某省水资源保护条例〉的决定》", "〈某某省水资源保护条例〉"]


@pytest.mark.parametrize("text, order", [
    ("中央军委主席签署中央军委2021年1号命令，向全军发布开训动员令。", "中央军委2021年1号命令"),
    ("习近平签署中央军委一号命令。", "中央军委一号命令"),
])
def test_a_numbered_order_of_the_military_commission_is_a_document(nlp, text, order):
    assert order in documents(nlp, text)


def test_draft_laws_on_a_legislatures_agenda_are_documents_each(nlp):
    """审议A法修正草案、B法草案; 关于提请审议C法修订草案的议案: each draft is a
    document, cut at the list mark and after 关于提请审议 (公司法 is no 司法)."""
    got = documents(nlp, "会议建议，常委会会议审议某某促进法修正草案、公司法修订草案；审议国务院关于提请审议"
                         "某某税法草案的议案。")
    assert got == ["某某促进法修正草案", "公司法修订草案", "某某税法草案"]


def test_two_drafts_joined_are_not_one_law(nlp):
    assert "决定草案和办法草案" not in documents(nlp, "会议审议了关于某某的决定草案和办法草案。")
