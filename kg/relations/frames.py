"""Sentence frames around a trigger verb that decide who, if anyone, introduces.

A trigger verb introduces its object only when a named actor launches it.
These frames say otherwise:
- an exhortation (某会议强调，要深入实施某战略; 必须建立…机制) urges the
  programme, it launches nothing: `urged`;
- a collective subject right before the verb (当前，各地区各部门正在开展…)
  is the one doing it, not the body named earlier: `collective`;
- another party (某方: 支持某方实施…战略) before the verb is its subject,
  and a party written right before an object (某方“…”计划) owns it: neither
  is the PRC subject's; `foreign_party`, `owned_by_party`;
- an initiative joined by the word that makes its quotes one (共建“某某”)
  is someone else's: `joined_initiative`;
- a copula right before the verb (…是实施某战略的重点任务) makes the verb
  phrase a description: `copular`;
- a verb running into an object verb (研究部署落实某《意见》) relays what
  someone else issued: `relayed`;
- a person whose clause ends in a reporting verb (某某指出，实施…行动事关…)
  only speaks of what follows: `reported`;
- a body named right before a meeting word (主持召开某委员会第三次会议，审议
  通过了《…》) is the meeting's: the meeting's body acts: `meeting_body`;
- a verb phrase that modifies a noun (去年出台的《某某条例》, 实行某某制度的地区)
  has its subject, if any, in its own clause: `relative_clause`;
- an object followed by 确定的 / 提出的 + a noun (某《纲要》确定的重大工程) is
  that relative clause's subject, not what the verb introduces: `object_is_subject`;
- a clause whose subject no mention stands for (我们深入实施…, 中央公布实施…)
  takes no actor from before: `unnamed_subject`; nor does one that opens
  with a noun or pronoun outside the mentions (各方还签署了…, by LAC's
  tags): `named_subject`; either is `own_subject`;
- an actor inside a governing frame (在某某的关怀下, 在某委指导下, 以某某为核心的)
  frames the act, it is not its subject: `governed_spans`;
- a person who only attends (某某、某某出席会议) does not act for a later
  clause, and a sentence of attendees keeps the paragraph's actor: `attends`,
  `acting`, `attendance`.
Words: rules/relations.toml (exhortation_words, exhortation_not_in,
collective_subjects, locative_markers, copula_before, relative_marker, object_verbs, foreign_party, reporting_verbs,
meeting_after, governing_frame, own_subject_tags, subject_skip_tags,
meeting_nouns, list_item_ends, name_word_tags, attendance_verbs, chair_verbs).
"""

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

from kg.nlp.lexical import tag_window


class Covered:
    """Which characters lie inside one of a sentence's linked mentions
    (sorted by start), answered by bisection: a verb asks for each
    exhortation word before it, and a long sentence has many of both."""

    def __init__(self, mentions):
        self.starts = [lm.mention.start for lm in mentions]
        self.reach = list(accumulate((lm.mention.end for lm in mentions), max))  # furthest end so far

    def at(self, p: int) -> bool:
        k = bisect_right(self.starts, p)
        return bool(k) and self.reach[k - 1] > p


def urged(text, start, t, covered: Covered, rules) -> bool:
    """An exhortation word (not inside a mention nor a word that holds one:
    重要, 要求) between `start` (the sentence body) and the verb at `t`, in
    the stretch after the last semicolon. `covered`: the sentence's mentions."""
    r = rules.relations
    start = max(start, max(text.rfind(c, start, t) for c in "；;") + 1)
    for m in _exhortation_re(rules).finditer(text, start, t):
        p, w = m.start(), m.group()
        if covered.at(p):
            continue
        if any(text.startswith(nw, p - k) for nw in r.exhortation_not_in if (k := nw.find(w)) >= 0):
            continue
        return True
    return False


def collective(text, after, t, rules) -> bool:
    """A collective subject (各地区, 各部门) between `after` (the subject's
    end) and the verb at `t`, not after a locative marker (在全国各地启动:
    where, not who)."""
    r = rules.relations
    for w in r.collective_subjects:
        p = text.find(w, after, t)
        if p >= 0 and not any(m in text[max(after, p - 3):p] for m in r.locative_markers):
            return True
    return False


def foreign_party(text, after, t, rules) -> bool:
    """Another party (某方) is the subject of the verb at `t`: it stands
    between `after` (the subject's end) and the verb, with at most a few
    adverbs before the verb (支持某方实施…, 某方继续推行…)."""
    return _party_before_verb_re(rules).search(text, after, t) is not None


def copular(text, t, clauses, rules) -> bool:
    """The verb at `t` follows a copula and its clause goes on to a relative
    marker (…是实施某战略的重点任务): the verb phrase describes a noun, no act."""
    r = rules.relations
    return _compiled(rules.relations.copula_before).search(text, max(0, t - 1), t) is not None \
        and r.relative_marker in text[t:clauses.after(t)]


def relayed(text, t, word, rules) -> bool:
    """The verb `word` at `t` runs straight into an object verb (研究部署落实
    某《意见》, 启动学习贯彻…): what follows is that verb's object, a text
    someone else issued, not what this verb launches."""
    return text.startswith(rules.relations.object_verbs, t + len(word))


def owned_by_party(text, obj, rules) -> bool:
    """The object is another party's: its party is written right before it
    (某方“…”战略)."""
    s = obj.mention.start
    return _compiled(rules.relations.foreign_party).fullmatch(text, max(0, s - 2), s) is not None


def joined_initiative(obj, verb, rules) -> bool:
    """The object is an initiative the verb joins (参与共建“某某”: rules/programs.toml
    initiative_before) or signs documents under (签署“某某”合作文件): no launch of it."""
    return verb in rules.programs.initiative_before and obj.mention.rule == "programs.quoted_initiative" \
        or obj.mention.rule == "programs.quoted_initiative_document"


def reported(text, subj, t, clauses, rules) -> bool:
    """The subject is a person who only speaks of the verb: the person's own
    clause before the verb's ends in a reporting verb (某某指出，实施…), or the
    clause right before the verb's does (总书记多次强调，全面实施…的难度…)."""
    if subj is None or subj.mention.type != "PERSON":
        return False
    verbs = rules.relations.reporting_verbs
    end = clauses.after(subj.mention.end)
    if end < t and text[subj.mention.end:end].endswith(verbs):
        return True
    i = bisect_left(clauses.stops, t)
    return bool(i) and clauses.stops[i - 1] > subj.mention.end and \
        text[max(subj.mention.end, (clauses.stops[i - 2] + 1) if i > 1 else 0):clauses.stops[i - 1]].endswith(verbs)


def relative_clause(text, t, word, objs, clauses, rules) -> bool:
    """The verb at `t` and its objects modify a noun: the verb is followed by
    the relative marker and opens its clause (…介绍，去年出台的《某某条例》…;
    but 某部…，公布新制定的《某某办法》: the 公布 has the subject before), or
    its last object is followed by the marker and a noun (实行某某制度的地区)."""
    r = rules.relations
    marker = r.relative_marker
    if text.startswith(marker, t + len(word)):
        return _compiled(rules.relations.relative_opener).fullmatch(text, clauses.start_of(t), t) is not None
    return _then_noun(text, objs[-1].mention.end, marker)


def object_is_subject(text, objs, rules) -> bool:
    """The last object is followed by a verb of rules' object_relative_verbs,
    the relative marker and a noun (部署推进某《纲要》确定的重大工程): it is
    the relative clause's subject; the trigger acts on the noun."""
    end = objs[-1].mention.end
    marker = rules.relations.relative_marker
    return any(text.startswith(v, end) and _then_noun(text, end + len(v), marker) for v in rules.relations.object_relative_verbs)


def _then_noun(text, p, marker) -> bool:
    """text[p:] opens with the relative marker and a Chinese character after it."""
    return text.startswith(marker, p) and "\u4e00" <= text[p + 1:p + 2] <= "\u9fff"


def own_subject(text, start, t, covered: Covered, rules) -> bool:
    """The clause from `start` to the verb at `t` has a subject of its own
    that no mention stands for, unnamed (`unnamed_subject`) or a noun the
    rules do not read (`named_subject`): no actor from before acts for it."""
    return unnamed_subject(text, start, t, covered, rules) or named_subject(text, start, t, covered, rules)


def unnamed_subject(text, start, t, covered: Covered, rules) -> bool:
    """A subject no mention stands for (我们, 我国, 中央) between `start` (the
    verb's clause start) and the verb at `t`, outside the sentence's mentions:
    the clause has its own subject, so no actor from before acts."""
    for w in rules.relations.unnamed_subjects:
        p = text.find(w, start, t)
        while p >= 0:
            if not covered.at(p):
                return True
            p = text.find(w, p + 1, t)
    return False


def named_subject(text, start, t, covered: Covered, rules) -> bool:
    """The clause from `start` to the verb at `t` opens, after adverbs and
    time words (relations.subject_skip_tags), with a noun or pronoun no
    mention stands for (各方还签署了…, 某某机场建立…; LAC's tags,
    relations.own_subject_tags): the clause names its own subject, so no
    actor from before acts. A place word (当地推出…: LAC's s) or the meeting
    (会议审议通过…, 全会通过…: relations.meeting_nouns) stands for the one before."""
    r = rules.relations
    for tok in tag_window(text, start, t):
        if tok.end > t:
            break
        if covered.at(tok.start) or tok.tag in r.subject_skip_tags:
            continue
        return tok.tag in r.own_subject_tags and not text.startswith(r.meeting_nouns, tok.start)
    return False


def governed_spans(text, s, e, rules) -> list:
    """(start, end) of each governing frame in text[s:e] (在某某的关怀下,
    在某委指导下, 以某某为核心的): an actor inside one is no subject."""
    return [m.span() for m in _compiled(rules.relations.governing_frame).finditer(text, s, e)]


def attends(text, lm, clauses, rules) -> bool:
    """The person `lm` only attends: its clause goes on, with no locative
    marker between (在出席…时 frames a time), to an attendance verb (某某、
    某某出席会议; 某某参加会见): it does not act for a later clause's verb."""
    if lm.mention.type != "PERSON":
        return False
    r = rules.relations
    rest = text[lm.mention.end:clauses.after(lm.mention.end)]
    at = min((p for p in (rest.find(v) for v in r.attendance_verbs) if p >= 0), default=-1)
    return at >= 0 and not any(m in rest[:at] for m in r.locative_markers)


def acting(text, cands, t, clauses, rules) -> list:
    """The candidates for the verb at `t` but the persons who only attend in
    an earlier clause (某某出席会议，会议审议通过…: the meeting acts)."""
    return [lm for lm in cands if not (clauses.after(lm.mention.end) < t and attends(text, lm, clauses, rules))]


def attendance(text, s, e, in_sent, clauses, rules) -> bool:
    """The sentence text[s:e] only says who attended: it names persons, all
    of them attend (`attends`), and no chair (relations.chair_verbs). It
    neither opens a new paragraph's actor nor replaces the one before (the
    meeting's body: …主持召开某委员会会议。¶某某出席会议。¶会议审议通过了…)."""
    persons = [lm for lm in in_sent if lm.mention.type == "PERSON"]
    return bool(persons) and all(attends(text, lm, clauses, rules) for lm in persons) \
        and not any(v in text[s:e] for v in rules.relations.chair_verbs)


def meeting_body(text, cands, rules):
    """The last body among `cands` written right before a meeting word
    (某委员会第三次会议, 某常委会会议), else None."""
    meeting = _compiled(rules.relations.meeting_after)
    found = [lm for lm in cands if lm.mention.type in ("AGENCY", "ORG")
             and meeting.match(text, lm.mention.end)]
    return found[-1] if found else None


@lru_cache(maxsize=8)
def _exhortation_re(rules) -> re.Pattern:
    words = sorted(rules.relations.exhortation_words, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=32)
def _compiled(pattern: str) -> re.Pattern:
    """A pattern of rules/relations.toml written whole as a regular expression
    (copula_before, foreign_party, relative_opener, governing_frame,
    meeting_after), compiled once: the caller reads the key from the rules."""
    return re.compile(pattern)


@lru_cache(maxsize=8)
def _party_before_verb_re(rules) -> re.Pattern:
    return re.compile(f"(?:{rules.relations.foreign_party})[\u4e00-\u9fff]{{0,4}}$")


def place_in_name(text, lm, verb_at, starts, rules) -> bool:
    """A PLACE that runs on into a body's head word (rules/relations.toml
    name_heads), or into more characters of the same list item (某国工程院、
    某部等部门印发: up to relations.list_item_ends) that LAC reads with it as
    one name (relations.name_word_tags), before the verb at `verb_at`, no
    other mention (`starts`: the sentence's mention starts) in between: the
    prefix of a name no rule read (某国某某行业协会发布…), not the actor (but
    该县联合某某大学…; 某省、某市联合印发; 某国将积极参与贸易和…)."""
    if lm.mention.type != "PLACE":
        return False
    head, item = _name_head_re(rules).match(text, lm.mention.end), _list_item_re(rules).match(text, lm.mention.end)
    if head is not None and head.end() <= verb_at and not any(lm.mention.end <= k < head.end() for k in starts):
        return True
    if item is None or item.end() > verb_at or any(lm.mention.end <= k < item.end() for k in starts):
        return False
    # the item is a name when LAC reads the place and what follows as one word (某国工程院)
    first = tag_window(text, lm.mention.start, item.end())[:1]
    return bool(first) and first[0].end > lm.mention.end and first[0].tag in rules.relations.name_word_tags


@lru_cache(maxsize=8)
def _list_item_re(rules) -> re.Pattern:
    """The rest of a list item a place opens (某国科学院、…: 科学院), up to
    the item's end (relations.list_item_ends)."""
    ends = re.escape(rules.relations.list_item_ends)
    return re.compile(f"[\u4e00-\u9fff]{{1,{rules.relations.name_head_reach}}}?(?=[{ends}])")


@lru_cache(maxsize=8)
def _name_head_re(rules) -> re.Pattern:
    r = rules.relations
    heads = "|".join(map(re.escape, sorted(r.name_heads, key=len, reverse=True)))
    return re.compile(f"[\u4e00-\u9fff]{{0,{r.name_head_reach}}}?(?:{heads})")
