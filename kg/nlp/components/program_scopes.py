"""PROGRAM names that open with the scope of a nationwide campaign: the
whole people or the capital (全民某某运动, 全民某某计划, 首都某某活动).

Unquoted, the heads of such names (活动, 工作, 计划, 运动) are too common to
name anything (开展宣传活动, 做好某某工作); a scope word at the start makes
the phrase the name of the one campaign run at that scope. What is read
between the scope word and the head must be a name's words, not a clause
(全民某某在行动, 全民守法作为…工程, 首都参加…活动) nor a place (首都某城…活动 is another
country's capital). The words are data: rules/programs.toml (scope_*).
"""

import re
from functools import lru_cache

from kg.nlp.mentions import Mention
from kg.nlp.textscan import alternation, is_cjk, longest_first


@lru_cache(maxsize=8)
def _pattern(rules):
    cfg = rules.programs
    heads = alternation(longest_first(cfg.scope_heads))
    return re.compile(rf"(?:{alternation(cfg.scope_words)})([\u4e00-\u9fff]{{{cfg.min_bare_core - 1},"
                      rf"{cfg.max_scope_core}}}?)(?:{heads})+")


def scoped_names(text, rules, word_starts, held=()) -> list:
    """The scope-prefixed PROGRAM mentions of `text`; `word_starts`: where the
    segmenter's words start; `held`: the (start, end) of the places, people
    and bodies found (every mention so far), which no such name holds."""
    cfg, out = rules.programs, []
    # the function words among the left boundaries (在, 的, 和: one character;
    # the verbs there, 提升, 保障, are a name's words too), copulas, frame words
    clause_words = (*(w for w in cfg.left_boundaries if len(w) == 1), *cfg.copula_words, *cfg.core_not_in,
                    *cfg.scope_clause_verbs, *cfg.launch_verbs)
    for m in _pattern(rules).finditer(text):
        s, e = m.span()
        core_start, core_end = m.span(1)
        if s not in word_starts or e < len(text) and is_cjk(text[e]) and e not in word_starts:
            continue    # a scope word or head cut from a longer word
        if any(text.startswith(w, i) for i in range(core_start, core_end) if i in word_starts for w in clause_words):
            continue    # 全民某某在行动: a clause
        if any(s <= a < e for a, _b in held):
            continue    # 首都某城…活动: a place inside
        out.append(Mention(s, e, "PROGRAM", text[s:e], "kg_programs", rules.priorities["program_bare"],
                           rule="programs.scoped_campaign"))
    return out
