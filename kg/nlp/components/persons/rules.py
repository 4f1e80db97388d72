"""The person rules: rules/persons.toml and rules/surnames.txt as the sets,
word lists and patterns the finder consults at every character."""

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import ruleset
from kg.nlp.textscan import CJK, WordList


@dataclass(frozen=True)
class PersonRules:
    single: frozenset             # one-character surnames
    double: frozenset             # two-character surnames (欧阳)
    weak: frozenset               # surnames that are common words: a strong cue needed
    nonname: frozenset            # characters no given name holds
    body_end: frozenset           # characters that end bodies (局, 委)
    speech: WordList
    end_words: WordList
    person_suffixes: WordList
    post_frame: WordList          # 某某同志任…: a name whatever it looks like
    anonymised: WordList
    groups: WordList
    separators: tuple
    place_list_ends: WordList     # 某某、某某等地: the enumeration lists places
    place_suffixes: WordList      # 某尔松州: a place's suffix after the surface
    count_numerals: frozenset     # 某某、某某8个保护区: a count of things closes it
    count_measures: WordList
    people_measures: WordList     # 四位选手: a count of people after a numeral
    count_lead: str               # 等 before the count
    count_not_before: str         # 两个人: a count of people after all
    max_list_item: int
    majority_min_names: int       # a 、-list with this many names read vouches for the rest
    majority_share: float         # ... when they are this share of its items
    majority_max_item: int        # the longest item of such a list (a dotted transliteration)
    majority_joiners: tuple       # 和 joining two names inside one item
    kanji_name_countries: tuple   # countries whose names are 3-4 Han characters with no Chinese surname
    kanji_title_prefixes: tuple   # 前 between the country and its title (日本前首相)
    headline_marks: str           # a line with none of these is a headline
    headline_pair_marks: str      # ... where a name beside one of these is still one
    majority_other_share: float   # ... and vouches for an item of no Han shape at this share
    majority_other_lengths: tuple # the shortest and longest such item
    repeat_min_mentions: int      # a name shape written this often is proposed for LAC
    name_dots: str                # the dots of a transliteration (某某义·某某瓦尔地)
    not_names: frozenset
    creators: WordList
    given: frozenset              # characters common in given names
    not_after: frozenset          # numerals and demonstratives: no surname after them
    function: frozenset           # surnames that are above all function words (但, 向)
    translit: frozenset           # characters of transliterated names
    joiners: frozenset            # the joiners inside them (·, —)
    side_words: frozenset         # 吉方, 哈方: a country's character and "side"
    foreign_titles_after: WordList  # 某哈尼总统: a title after a transliteration
    foreign_glued_after: frozenset  # 同|某哈尼总统: prepositions pkuseg glues to one
    dotted: re.Pattern            # CJK runs joined by a name dot (阿不都热依木·买买提)
    start_chars: re.Pattern       # a character that can begin a name
    appointment: WordList         # 任命 NAME 为 ...
    uncued_not_before: WordList   # 韩亚|银行: an uncued candidate before these is none
    uncued_not_last: frozenset
    stat_not_last: frozenset      # kg_stat_ner: a model name ending in one of these is none
    given_lengths: tuple          # the given-name lengths to try, longest first
    min_given: int
    appointment_as: str           # 任命李明为…: "as", never a name's last character
    min_dotted_part: int
    max_dotted_last_part: int
    max_foreign_run: int
    max_foreign_part: int
    max_foreign_join: int
    min_foreign_over_title: int   # a foreign reading this long wins over a shorter title-cued one
    ruleset: object               # the RuleSet these come from (its titles are the title cues)


# the fields rules/persons.toml gives as they are (numbers, strings)
_AS_WRITTEN = ("max_list_item", "majority_min_names", "majority_share", "majority_max_item",
               "majority_other_share", "headline_marks", "headline_pair_marks", "name_dots",
               "repeat_min_mentions", "min_given", "appointment_as", "min_dotted_part",
               "max_dotted_last_part", "max_foreign_run", "max_foreign_part", "max_foreign_join",
               "min_foreign_over_title")


def load_person_rules(rules: ruleset.RuleSet | None = None) -> PersonRules:
    """The person rules of `rules` (else the rule set in force)."""
    return _person_rules(rules or ruleset.current())


@lru_cache(maxsize=8)
def _person_rules(rules: ruleset.RuleSet) -> PersonRules:
    cfg = rules.persons
    names = rules.surnames
    part = rf"[{CJK}]{{{cfg.min_dotted_part},{cfg.max_dotted_part}}}"
    return PersonRules(
        single=frozenset(n for n in names if len(n) == 1),
        double=frozenset(n for n in names if len(n) == 2),
        weak=_chars(cfg.weak_surnames),
        nonname=_chars(cfg.nonname_chars),
        body_end=_chars(cfg.body_end_chars),
        speech=WordList(cfg.speech_verbs),
        end_words=WordList(cfg.end_words),
        person_suffixes=WordList(cfg.person_suffixes),
        post_frame=WordList(cfg.post_frame_after),
        anonymised=WordList(cfg.anonymised_suffixes),
        groups=WordList(cfg.group_suffixes),
        separators=tuple(cfg.list_separators),
        place_list_ends=WordList(cfg.place_list_ends),
        place_suffixes=WordList(cfg.place_suffixes),
        count_numerals=_chars(cfg.list_count_numerals),
        count_measures=WordList(cfg.list_count_measures),
        people_measures=WordList(cfg.people_count_measures),
        count_lead=cfg.list_count_lead,
        count_not_before=cfg.list_count_not_before,
        majority_joiners=tuple(cfg.majority_joiners),
        kanji_name_countries=tuple(cfg.kanji_name_countries),
        kanji_title_prefixes=tuple(cfg.kanji_title_prefixes),
        majority_other_lengths=tuple(cfg.majority_other_lengths),
        not_names=frozenset(cfg.not_names),
        creators=WordList(cfg.creator_cues),
        given=_chars(cfg.given_name_chars),
        not_after=_chars(cfg.not_after),
        function=_chars(cfg.function_surnames),
        translit=_chars(cfg.translit_chars),
        joiners=_chars(cfg.translit_joiners),
        side_words=_chars(cfg.country_side_words),
        foreign_titles_after=WordList(cfg.foreign_titles_after),
        foreign_glued_after=_chars(cfg.foreign_glued_after),
        dotted=re.compile(rf"{part}(?:[{re.escape(cfg.name_dots)}]{part})+"),
        appointment=WordList(cfg.appointment_verbs),
        uncued_not_before=WordList(cfg.uncued_not_before),
        uncued_not_last=_chars(cfg.uncued_not_last),
        stat_not_last=_chars(cfg.stat_not_last),
        start_chars=_char_class({n[0] for n in names if n} | _chars(cfg.translit_chars)),
        given_lengths=tuple(range(cfg.max_given, cfg.min_given - 1, -1)),
        ruleset=rules,
        **{f: getattr(cfg, f) for f in _AS_WRITTEN},
    )


@lru_cache(maxsize=8)
def country_initials(rules: ruleset.RuleSet) -> frozenset:
    """The first character of every country's short name in the world table
    (吉 of 吉尔吉斯斯坦, 哈 of 哈萨克斯坦): what a country is written by in
    中吉, 吉方. Read only when a candidate of that shape turns up."""
    from kg.nlp.gazetteer import load_gazetteer
    return frozenset((p.shorts[0] if p.shorts else p.name)[0]
                     for p in load_gazetteer(rules) if p.level == "country")


def _chars(s: str) -> frozenset:
    return frozenset(ch for ch in s if not ch.isspace())


def _char_class(chars) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
