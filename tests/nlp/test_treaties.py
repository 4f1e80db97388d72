"""kg.nlp.components.documents: an unquoted treaty, agreement or
declaration named by the parties it binds is a DOCUMENT; a body named
after a treaty, or a head a clause stands before, names none
(rules/programs.toml treaty_*)."""

import pytest

from conftest import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("kg_places", "kg_agencies", "kg_orgs", "kg_programs", "kg_resolve")


def documents(nlp, text):
    return [m.text for m in nlp(text)._.kg_mentions if m.type == "DOCUMENT"]


@pytest.mark.parametrize("text, name", [
    ("双方同意继续维护伊朗核问题全面协议，反对单边制裁。", "伊朗核问题全面协议"),
    ("中国-智利自由贸易协定升级议定书今天正式生效。", "中国-智利自由贸易协定"),
    ("外交部发言人表示，日本和韩国渔业协定已经到期。", "日本和韩国渔业协定"),
])
def test_a_treaty_named_by_its_parties_is_a_document(nlp, text, name):
    assert name in documents(nlp, text)


@pytest.mark.parametrize("text", [
    "有关国家退出多边气候协定引发关注。",      # no party in the name: a kind of agreement
    "北大西洋公约组织秘书长今天表示。",        # a body named after a treaty
    "两国发表联合声明，决定深化合作。",        # no party named
])
def test_no_party_or_a_body_named_after_a_treaty_is_no_document(nlp, text):
    assert documents(nlp, text) == []


@pytest.mark.parametrize("text, party", [
    ("美国退出伊核问题全面协议后，局势紧张。", "美国"),
    ("日本政府决定将大阪府列入紧急状态宣言。", "大阪府"),
])
def test_a_verb_between_the_party_and_the_head_makes_a_clause(nlp, text, party):
    assert not any(name.startswith(party) for name in documents(nlp, text))
