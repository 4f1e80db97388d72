"""kg.nlp.titles: the post tables of rules/titles.toml with their generated
variants (副X, 常务副X, 执行副X …, 代X), and titles found on characters."""

import pytest

from kg.extraction import extract_text
from kg.nlp.titles import base_title, find_title_chains, find_titles, is_head, title_kind

# rules/titles.toml [variants]; listed here, not read from there, so that a
# prefix dropped from the file fails the tests.
MEMBER_PREFIXES = ["副", "常务副", "第一副", "专职副", "执行副"]
HEAD_PREFIXES = ["代", "代理"]


@pytest.mark.parametrize("pre", MEMBER_PREFIXES)
@pytest.mark.parametrize("head", ["院长", "主席", "市长", "局长"])
def test_every_member_prefix_makes_a_member_title_of_every_head(pre, head):
    assert is_head(head)
    assert title_kind(pre + head) == "member" and not is_head(pre + head)
    assert base_title(pre + head) == head


@pytest.mark.parametrize("pre", HEAD_PREFIXES)
def test_an_acting_head_is_a_head(pre):
    assert title_kind(pre + "市长") == "head" and base_title(pre + "市长") == "市长"


def test_explicit_entries_win_over_generated_ones():
    assert title_kind("副书记") == "member" and title_kind("主任委员") == "head"
    assert title_kind("专家") == "role" and not is_head("专家")
    assert title_kind("副总经理") == "member"         # generated from 总经理
    assert title_kind("副董事") is None and not is_head("副董事")   # 董事 is no head


def test_the_longest_title_wins_and_words_that_start_with_one_are_skipped():
    text = "县人大常委会副主任、常务副县长王某和执行副院长李某"
    assert [t.text for t in find_titles(text)] == ["副主任", "常务副县长", "执行副院长"]
    assert [t.kind for t in find_titles("区委书记处")] == []                # 书记处 is no 书记
    assert [t.text for t in find_titles("市委书记兼市长")] == ["书记", "市长"]


def test_chains_join_titles_of_one_person_and_a_comma_ends_them():
    chains = find_title_chains("市长郭金龙，省委副书记、省长郭庚茂")
    assert [[t.text for t in c.titles] for c in chains] == [["市长"], ["副书记", "省长"]]
    [chain] = find_title_chains("市委常委、市政府党组成员、副市长")
    assert [t.text for t in chain.titles] == ["常委", "党组成员", "副市长"] and chain.last.text == "副市长"


@pytest.mark.parametrize("text, person, body, title", [
    ("中国科学院执行副院长李树深出席会议。", "李树深", "中国科学院", "执行副院长"),
    ("北京大学执行副校长王博介绍了有关情况。", "王博", "北京大学", "执行副校长"),
    ("中国社会科学院常务副院长高翔主持会议。", "高翔", "中国社会科学院", "常务副院长"),
    ("苍溪县第一副县长张伟出席。", "张伟", "苍溪县人民政府", "第一副县长"),
])
def test_a_generated_member_title_gives_member_of_with_that_title(text, person, body, title):
    out = extract_text(text, "2021-09-15")
    names = {e["id"]: e["name"] for e in out["entities"]}
    got = {(names[r["head"]], r["type"], names[r["tail"]]): r["attrs"].get("title") for r in out["relations"]}
    assert got[(person, "member_of", body)] == title
    assert (person, "leads", body) not in got


def test_a_secretary_general_heads_only_an_international_organisation():
    """rules/titles.toml [international_heads]: 秘书长 heads a body of
    rules/international_orgs.tsv, is a member elsewhere; 副秘书长 never heads."""
    assert is_head("秘书长", body="org:联合国") and is_head("秘书长", body="org:北大西洋公约组织")
    assert not is_head("秘书长") and not is_head("秘书长", body="central:全国人民代表大会常务委员会")
    assert not is_head("副秘书长", body="org:联合国")
