"""PROGRAM names that open with the scope of a nationwide campaign: the
whole people or the capital (全民某某运动, 全民某某计划, 首都某某活动).

Unquoted, the heads of such names (活动, 工作, 计划, 运动) are too common to
name anything (开展宣传活动, 做好某某工作); a scope word at the start makes
the phrase the name of the one campaign run at that scope. What is read
between the scope word and the head must be a name's words, not a clause
(全民某某在行动, 全民守法作为…工程, 首都参加…活动) nor a place (首都某城…活动 is another
country's capital). The words are data: rules/programs.toml (scope_*).

And the designation programmes: a quoted name + a company head after a
verb that designates (培育|一批“某某型”中小企业): the state's title of the
companies it picks is a programme it runs (rules/programs.toml designation_*).
And a scheduled service named by the abbreviations of the places it links
(中亚|班列, 渝新欧|班列: route_*).
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


def scoped_designated_routes(text, rules, word_starts, held=()) -> list:
    """The scope-prefixed, the designation and the route PROGRAM mentions of `text`;
    `word_starts`: where the segmenter's words start; `held`: the (start,
    end) of the places, people and bodies found (every mention so far),
    which no scoped name holds."""
    return _scoped(text, rules, word_starts, held) + _designations(text, rules, word_starts) \
        + _routes(text, rules, word_starts)


def _scoped(text, rules, word_starts, held) -> list:
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


@lru_cache(maxsize=8)
def _designation_pattern(rules):
    cfg = rules.programs
    opening = re.escape("".join(q[0] for q in cfg.quotes))
    closing = re.escape("".join(q[1] for q in cfg.quotes))
    return re.compile(rf"[{opening}][^{opening}{closing}{re.escape(cfg.designation_stops)}、]"
                      rf"{{2,{cfg.max_designation_name}}}[{closing}](?:{alternation(longest_first(cfg.designation_heads))})")


def _designations(text, rules, word_starts) -> list:
    """The designation PROGRAM mentions of `text` (“某某型”中小企业 after
    培育 in its clause); `word_starts`: where the segmenter's words start (the
    head ends a word: “某某”企业家 is none)."""
    cfg, out = rules.programs, []
    for m in _designation_pattern(rules).finditer(text):
        s, e = m.span()
        if e < len(text) and is_cjk(text[e]) and e not in word_starts:
            continue
        lo = s
        while lo > max(0, s - cfg.designation_reach) and text[lo - 1] not in cfg.designation_stops:
            lo -= 1
        if any(v in text[lo:s] for v in cfg.designation_verbs):
            out.append(Mention(s, e, "PROGRAM", text[s:e], "kg_programs", rules.priorities["program_quoted"],
                               rule="programs.designation"))
    return out


@lru_cache(maxsize=8)
def _route_pattern(rules):
    cfg = rules.programs
    chars = re.escape(cfg.route_party_chars + "".join(rules.places.province_abbreviations.chars))
    low, high = cfg.route_run
    return re.compile(rf"[{chars}]{{{low},{high}}}(?:{alternation(longest_first(cfg.route_heads))})")


def _routes(text, rules, word_starts) -> list:
    """The services named by the abbreviations of the places they link (中亚|班列):
    the run starts a word (首趟|中亚班列; 某某亚|班列 is cut from a longer name)."""
    return [Mention(m.start(), m.end(), "PROGRAM", m.group(), "kg_programs", rules.priorities["program_bare"],
                    rule="programs.route_service")
            for m in _route_pattern(rules).finditer(text) if m.start() in word_starts]
