"""PERSON readings on real-looking sentences, through the whole pipeline
(the rules, pkuseg's tokens and the LAC gate): word shapes that are no names
and names the gate must neither cut nor leave cut."""

import pytest

from kg import extract


def names(text):
    return {e["name"] for e in extract(text, "2022-03-01")["entities"] if e["type"] == "PERSON"}


@pytest.mark.parametrize("text, word", [
    ("东方刚蒙蒙亮，李大海和同事们就出发了。", "蒙蒙亮"),          # a reduplicated adjective
    ("他们来自退役军人、大学生等人群。", "军人"),                   # 等人群 is no group word
    ("土耳其外长恰武什奥卢今天说，会谈将继续。", "卢今天"),          # 今天 begins no given name
])
def test_common_words_are_no_names(text, word):
    assert word not in names(text)


def test_an_enumeration_closed_by_a_count_of_things_lists_no_people():
    found = names("我国陆续设立了太行山、祁连山、南山、武夷山、钱江源8个保护区试点。")
    assert not found & {"祁连山", "南山", "江源"}


def test_a_name_ending_in_a_verb_like_character_before_a_preposition_is_whole():
    assert "许其亮" in names("中央军委副主席许其亮在会上讲话。")


def test_a_verb_glued_to_a_name_is_still_cut():
    found = names("国务委员王大勇率有关部门负责同志赶赴灾区。")
    assert "王大勇" in found and "王大勇率" not in found


def test_a_title_lac_runs_into_the_name_does_not_move_its_start():
    assert "图迈赫" in names("叙利亚石油部长图迈赫日前接受采访时说。")


def test_cabinet_minister_titles_cue_a_name():
    assert "林芳正" in names("他在与日本外务大臣林芳正会谈时说。")


@pytest.mark.parametrize("text, name", [
    ("眼下，果园里的苹果陆续上市。唐春旺一家的30亩果园喜获丰收。", "唐春旺"),
    ("旧房改造完成后，刘长根一家6口搬进了新居。", "刘长根"),
])
def test_a_count_after_one_name_is_no_enumeration_of_things(text, name):
    assert name in names(text)


def test_the_case_word_after_a_name_is_not_part_of_it():
    found = names("本集通过某省委原常委、某市委原书记李强案等典型案件，反映反腐败斗争的复杂性。")
    assert "李强" in found and "李强案" not in found
