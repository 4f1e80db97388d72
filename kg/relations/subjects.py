"""Who acts for a trigger verb: the subject, its partners, the bodies listed with it.

The subject is the nearest AGENCY / PLACE / ORG (else PERSON) before the
verb in the sentence, in the clause nearest the verb (in an earlier clause,
not the object of a verb of that clause, nor a place after 在: where it
happened); partners named after
与 / 会同 / 联合 between subject and verb act too; a sentence that names
no subject takes the paragraph's actor (`context_actor`); a body written
right before a 《…》 document issued it (`title_issuers`), and the issuer of
《关于建立某某机制的意见》 introduced the 某某机制 named in the article
(`title_programs`). Words:
rules/relations.toml (subject_types, host_words, consent_words,
consent_markers, partner_words, partner_not_in, subject_joiners, clause_ends,
object_verbs, locative_markers).
"""

import re
from bisect import bisect_left
from functools import lru_cache

from kg.relations.anaphora import StandIn
from kg.relations.cooperation import BODY_TYPES
from kg.relations.frames import meeting_body, place_in_name
from kg.nlp.titles import find_titles

# The rule id of a province written by its abbreviation in a run (kg_places).
PROVINCE_RUN_RULE = "places.province_character"


def subject(text, in_sent, s, t, rules, clauses):
    """(subject, partners) of the verb at `t` among the sentence's mentions
    `in_sent` (sentence start `s`, clause ends `clauses`: a
    kg.relations.clauses.ClauseEnds); (None, []) when none is before it."""
    r = rules.relations
    starts = [lm.mention.start for lm in in_sent]
    before = [lm for lm in in_sent if lm.mention.end <= t and lm.mention.type in r.subject_types
              and not text.startswith(r.host_words, lm.mention.end)
              and not (text.startswith(r.consent_words, lm.mention.end)
                       and text.endswith(r.consent_markers, 0, lm.mention.start))
              and not place_in_name(text, lm, t, starts, rules)]
    own_clause = _clause_start(clauses, s, t)
    # an earlier verb's object does not act (会议贯彻落实某委部署，研究部署…:
    # the meeting acts, not 某委); a place where it happened does not either,
    # unless the sentence names no one else (then the earlier reading stands)
    before = [lm for lm in before if lm.mention.start >= own_clause
              or not _verbs_object(text, lm, _clause_start(clauses, s, lm.mention.start), r)]
    before = [lm for lm in before
              if not (lm.mention.type == "PLACE" and text.endswith(r.locative_markers, 0, lm.mention.start))] or before
    if not before:
        return None, []
    split = _partner_split(text, before, s, t, r)
    if split is not None:
        partners = [lm for lm in before if lm.mention.start > split and lm.mention.type in BODY_TYPES]
        heads = [lm for lm in before if lm.mention.end <= split]
        same_clause = clauses.after(split) >= t
        if partners and heads:
            # A与B签署: both act. A会同B建立…，推行…: only A acts in the later clause.
            return _best(heads, r, text, clauses), (partners if same_clause else [])
    # the verb's own clause names its subject when it names anyone (作为某省…传承人，
    # 某某创办…: the person, not the province of the earlier clause)
    own = [lm for lm in before if lm.mention.start >= own_clause]
    signer = _titled_person(text, own, t, rules)
    if signer is not None:
        return signer, []
    # a clause naming no one after a convened meeting: the meeting's body acts
    # (某某主持召开某委员会第三次会议，审议通过了《…》)
    meeting = None if own else meeting_body(text, before, rules)
    return (meeting or _best(own or before, r, text, clauses)), []


def _titled_person(text, own, t, rules):
    """The person right before the verb whose clause names nothing but his
    posts before him, each ending in a title (某某总书记、国家主席、某某委员会主席|
    某某|签署): he acts, not the bodies of his titles. None otherwise."""
    person = next((lm for lm in own if lm.mention.type == "PERSON" and lm.mention.end == t), None)
    if person is None or len(own) < 2:
        return None
    first = min(lm.mention.start for lm in own)
    posts = re.split(f"[{re.escape(''.join(rules.persons.list_separators))}]", text[first:person.mention.start])
    if all(p and any(ti.end == len(p) for ti in find_titles(p, rules)) for p in posts):
        return person
    return None


def verbs_object(text, lm, s, clauses, rules) -> bool:
    """`lm` is the object of one of relations.object_verbs in its clause
    (学习贯彻…精神, 决定免去某某的某部部长职务): no actor, nor the topic."""
    return _verbs_object(text, lm, _clause_start(clauses, s, lm.mention.start), rules.relations)


def _clause_start(clauses, s, pos) -> int:
    """Where the clause holding `pos` starts (after the clause end before it)."""
    i = bisect_left(clauses.stops, pos)
    return clauses.stops[i - 1] + 1 if i else s


def _verbs_object(text, lm, clause_start, r) -> bool:
    """A body after one of r.object_verbs in its clause is that verb's object
    (学习贯彻…中央纪委…精神, 按照省委部署): it does not act for a verb of a
    later clause."""
    return any(v in text[clause_start:lm.mention.start] for v in r.object_verbs)


def _partner_split(text, before, s, t, r):
    """The last partner word between the sentence start and the verb that
    has a body after it: it splits subject (before it) from partners (after
    it). 联合 right before the verb (A会同B、C等部门联合印发) is an adverb,
    no split (no body after it). None when there is none."""
    partner_words = sorted(r.partner_words, key=len, reverse=True)
    last_body = max((lm.mention.start for lm in before if lm.mention.type in BODY_TYPES), default=s)
    for i in range(min(t, last_body) - 1, s - 1, -1):   # a body must start after i
        if any(text.startswith(w, i) for w in partner_words) and not text.startswith(r.partner_not_in, i):
            return i
    return None


def _best(cands, r, text, clauses):
    """The subject among the candidates before a verb: in the nearest clause
    (by clause_ends) that has a body or place, the first one, or the last of
    a run written together or listed (河北省石家庄市井陉县推行… -> 井陉县;
    the others of a list act with it, see `coordinated`); so a place
    inside the object of another verb (全市将推广徐汇经验，制定… -> 全市) or
    a body after the subject (北京市网信办在中央网信办指导下印发 -> 北京市网信办)
    does not act. A PERSON only when no body or place is in the sentence."""
    nonperson = [lm for lm in cands if lm.mention.type != "PERSON"]
    pool = sorted(nonperson or cands, key=lambda lm: lm.mention.start)
    last = pool[-1]
    clause = [lm for lm in pool if clauses.after(lm.mention.end) >= last.mention.start]
    pick = clause[0]
    for lm in clause[1:]:   # a run written together or listed (A、B印发: coordinated adds A)
        if text[pick.mention.end:lm.mention.start] in ("", *r.subject_joiners):
            pick = lm
        else:
            break
    return pick


def coordinated(text, cands, subj, rules) -> list:
    """Bodies listed with the subject right before it: 中共中央办公厅、国务院办公厅印发;
    and the provinces of a run of their abbreviations (某某某签署: kg.nlp.components.
    province_abbreviations), written together."""
    joiners = rules.relations.subject_joiners
    run = subj.mention.rule == PROVINCE_RUN_RULE
    if run:
        joiners = ("", *joiners)
    out, cur = [], subj
    bodies = sorted((lm for lm in cands if lm.mention.type in BODY_TYPES
                     or run and lm.mention.rule == PROVINCE_RUN_RULE), key=lambda lm: lm.mention.start)
    while True:
        prev = [lm for lm in bodies if lm.mention.end <= cur.mention.start
                and text[lm.mention.end:cur.mention.start] in joiners]
        if not prev:
            return out
        cur = prev[-1]
        out.append(cur)


def context_actor(rels, actor):
    """The paragraph's actor standing in for a sentence with no subject; a
    speaker who heads a body stands for the body (中国人民银行行长潘功胜介绍，
    …。首次创设… -> 中国人民银行)."""
    if actor is None or actor.mention.type != "PERSON":
        return actor
    bodies = [t for (h, r, t) in rels.rels if h == actor.key and r == "leads"]
    if len(bodies) != 1:
        return actor
    return StandIn(bodies[0], actor.mention)


def title_issuers(rels, in_sent, article, s, e, rules) -> None:
    """`introduced` from a body written right before a 《…》 document title:
    the body issued it (县财政局党组《关于…的请示》, 国务院《…条例》), whatever
    verb the sentence has for the reading of it (会议审议了…)."""
    opening = rules.relations.linking.title_marks[0]
    bodies = {lm.mention.end: lm for lm in in_sent if lm.mention.type == "AGENCY"}
    for lm in in_sent:
        body = bodies.get(lm.mention.start)
        if lm.mention.type == "DOCUMENT" and lm.mention.text.startswith(opening) and body is not None:
            rels.add(body.key, "introduced", lm.key, article, (s, e), {}, rule="subjects.title_issuer")


def title_programs(rels, keyed, article, rules) -> None:
    """`introduced` of a PROGRAM named in the article from the title of a
    document its issuer introduced: 《关于建立某某机制的意见》 issued by a body
    establishes the 某某机制 it is about (the object of a trigger verb right
    after the title's opener), with that document's date and evidence."""
    programs = {}
    for lm in keyed:
        if lm.mention.type == "PROGRAM":
            programs.setdefault(_folded(lm.mention.text), lm.key)
    if not programs:
        return
    pattern = _title_verb_re(rules)
    for (head, rtype, tail), rel in list(rels.rels.items()):
        if rtype != "introduced" or tail[0] != "document" or rel["evidence"]["article"] != article:
            continue
        m = pattern.match(tail[1])
        if m is None:
            continue
        about = tail[1][m.end():tail[1].rfind(rules.relations.relative_marker)]
        for name, key in programs.items():
            if len(name) >= rules.relations.title_program_min and about.endswith(name):
                ev = rel["evidence"]
                rels.add(head, "introduced", key, article, (ev["start"], ev["end"]), rel["attrs"],
                         rule="subjects.title_program")


def _folded(name: str) -> str:
    return "".join(ch for ch in name if ch not in "“”\"‘’「」『』")


@lru_cache(maxsize=8)
def _title_verb_re(rules) -> re.Pattern:
    """A title's opener (关于), a few adverbs' worth of characters, a trigger verb."""
    openers = "|".join(map(re.escape, rules.programs.title_openers))
    verbs = "|".join(map(re.escape, sorted(rules.relations.introduced_triggers, key=len, reverse=True)))
    return re.compile(f"(?:{openers})[\u4e00-\u9fff]{{0,{rules.relations.title_verb_reach}}}?(?:{verbs})")
