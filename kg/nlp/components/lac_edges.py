"""Where a name read back from its suffix or head noun starts, by LAC's words.

The ORG and PROGRAM finders read a name leftwards from a suffix (公司, 协会)
or a head noun (机制, 改革) to the nearest character no name holds. In
running text that run is often a clause: 支持|某某协会, 有序引导|大学,
紧紧扭住|某某改革, 计划给|国际战略. No word list can hold every verb; Baidu
LAC (kg.nlp.lexical), tagging a short window around each candidate, tells a
verb, adverb or preposition from a name's first word, reads many names of
organisations whole, and shows a head noun cut from a longer word
(进|行动|态, 工程|师). The tags each decision asks for are data
(rules/orgs.toml and rules/programs.toml [lac_edge]).
"""

from kg.nlp.lexical import Tagged
from kg.nlp.textscan import is_cjk


def _cut_word(tokens, end: int, keep_tag: str = "") -> bool:
    """Whether a token runs on over `end` (the name's last word is cut from a longer one)."""
    return any(t.start < end < t.end and t.tag != keep_tag for t in tokens)


def _lead_trimmed(tokens, start: int, lead_tags, keeps=None) -> tuple[int, list]:
    """The start after a word cut at the left edge and after the leading
    words with a lead tag, and the tokens left; `keeps(run)`: whether a
    leading run stays in the name after all."""
    rest = [t for t in tokens if t.start >= start]    # a word begun before start is cut: off
    k = 0
    while k < len(rest) and rest[k].tag in lead_tags:
        k += 1
    if k and keeps is not None and keeps(rest[:k]):
        k = 0
    rest = rest[k:]
    return (rest[0].start if rest else None), rest


def org_start(tagged: Tagged, text: str, start: int, suffix_start: int, end: int, cfg, stop_chars,
              former_marks=()) -> int | None:
    """Where the ORG read back to `start` and ending at `end` starts, or None
    when it is no name. LAC's ORG ending at `end` is the name: from after the
    last lead-tagged word before it (援引|某某集团), or back over the stop
    character the reading stopped at (某为|技术有限公司: 为 is a stop
    character in other names); words before it stay only from the last word
    with a prefix tag on (a place: 某国|某某公司; a former mark is none:
    原|某某学院). Else leading lead-tagged words are cut and
    what is left must open with a name tag; a run holding an inner tag or a
    verb after its first word before the suffix (at suffix_start), or after
    a count (287家|某级医院), is a clause or a kind of body."""
    tokens = tagged.inside(start, end)
    if not tokens:
        return start
    org = next((t for t in tokens if t.tag == "ORG" and t.end == end), None)
    if org is not None:
        if org.start < start:
            between = text[org.start:start]
            return org.start if start > 0 and text[start - 1] in stop_chars \
                and all(ch not in cfg.stops and not ch.isspace() for ch in between) else start
        before = [t for t in tokens if t.end <= org.start and text[t.start:t.end] not in former_marks]
        if not any(t.tag in cfg.prefix_tags for t in before):
            return org.start      # 中性财政政策|某某集团, 援引|某某集团: running text before the name
        new = max((t.end for t in before if t.tag in cfg.lead_tags), default=start)
        mark = next((t for t in tokens if t.start == new and text[t.start:t.end] in former_marks), None)
        return new if mark is None else mark.end
    if _cut_word(tokens, end, keep_tag="ORG"):
        return None     # a longer ORG (某大学|某研究所) leaves this one whole
    new, rest = _lead_trimmed(tokens, start, cfg.lead_tags)
    if new is None or (new != start and rest[0].tag not in cfg.name_tags):
        return None
    before = tagged.ending_at(new)
    if before is not None and before.tag in cfg.count_tags:
        return None
    words = [t for t in rest if t.end <= suffix_start]
    if any(t.tag in cfg.inner_tags for t in words) or any(t.tag in cfg.verb_tags for t in words[1:]):
        return None     # 出租|给|某某合作社, 专家们|探讨|跨国公司: a clause
    return new


def program_start(tagged: Tagged, text: str, start: int, head_start: int, end: int, cfg) -> int | None:
    """Where the unquoted PROGRAM read back to `start` with its head at
    head_start..end starts, or None: a name whose first or last word is cut
    from a longer one (8.6万多|人踏上战略, 进|行动|态), or that holds an inner
    tag (a pronoun: running text), is none. A leading predicate is cut
    (紧紧扭住|某某改革, 要主动融入|国家某某战略) where enough of a name is left."""
    tokens = tagged.inside(start, end)
    if not tokens:
        return start
    if _cut_word(tokens, end) or tokens[0].start < start and is_cjk(text[start - 1]):
        return None     # (a word begun at a mark before start is LAC's: 2016—|2020年…)

    def keeps(run):
        """One verb, or a run of adverbs alone, opens a name
        (维护某某权利快速处置机制, 一次性告知制度); two verbs are a modal
        and its verb (要加快|某某机制); so does a word that
        coins names (不|见面审批改革). Else the run is a predicate."""
        return len(run) == 1 and run[0].tag in cfg.verb_tags \
            or all(t.tag in cfg.adverb_tags for t in run) or text[run[0].start:run[0].end] in cfg.name_words
    core = [t for t in tokens if t.start < head_start]
    new, rest = _lead_trimmed(core, start, cfg.lead_tags, keeps)
    if new is None or head_start - new < cfg.min_trimmed_core:
        # too little left (快速|处警|机制, 创新|驱动|发展战略): the verbs and
        # adverbs open the name; a function word (随着, 标志|着) opens running text
        run = [t for t in core if t.start < (head_start if new is None else new)]
        if any(t.tag not in cfg.verb_tags + cfg.adverb_tags for t in run):
            return None
        new, rest = start, core
    if any(t.tag in cfg.inner_tags for t in rest):
        return None
    return new
