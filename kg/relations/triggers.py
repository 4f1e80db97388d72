"""`introduced` (and `cooperates_with`) from trigger verbs within a clause.

For each trigger verb (rules/relations.toml) in a sentence:
- objects: the PROGRAM and DOCUMENT mentions after it, up to the clause end (《A》和《B》 both);
- subject: the nearest AGENCY / PLACE / ORG (else PERSON) before it in the
  sentence, with its partners and the bodies listed with it
  (kg.relations.subjects) — so a subject stated earlier (公安部于2015年11月出台…) is found;
- date: the date expression nearest before the verb in the sentence.
A dateline's place (新华社北京3月11日电) is no actor: the story was filed there. 该县, 该局, 县里, 全县 … act
for the nearest earlier county, bureau … of the article (kg.relations.anaphora). Cooperation without an object: kg.relations.cooperation.
"""

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from kg.nlp.textscan import Automaton
from kg.relations import frames
from kg.relations.clauses import ClauseEnds
from kg.relations.cooperation import cooperation, partners_cooperate
from kg.relations.subjects import context_actor, coordinated, subject, title_issuers, title_programs, verbs_object
from kg.text.articles import dateline_match
from kg.text.dates import DatesBefore
from kg.text.sentences import sentence_at


def _top(lm) -> bool:
    """A top-level mention (not nested in another): the ones that act."""
    return not lm.mention.attrs.get("nested")


def trigger_relations(rels, keyed, sents, article, text, pub_date, stand_ins, rules):
    """The trigger relations of one article's sentences `sents`; `keyed` are
    its linked mentions, `stand_ins` its anaphors by sentence
    (kg.relations.anaphora.by_sentence)."""
    top = sorted((lm for lm in keyed if _top(lm)), key=lambda lm: lm.mention.start)
    top = _ByStart(top, [lm.mention.start for lm in top])
    context = None          # the actor a paragraph is about, for sentences that name none
    prev_end = None
    for s, e in sents:
        # a dateline's place (新华社北京3月11日电) says where the story was
        # filed: it neither acts nor is what the paragraph is about
        body_start = _dateline_end(text, s, rules)
        in_sent = top.starting(body_start, e)
        in_sent = sorted(in_sent + [a for a in stand_ins[(s, e)] if a.mention.start >= body_start],
                         key=lambda lm: lm.mention.start)
        clauses = ClauseEnds(text, s, e, rules)
        attending = frames.attendance(text, s, e, in_sent, clauses, rules)
        if prev_end is not None and "\n" in text[prev_end:s] and not attending and \
                not text.startswith(rules.relations.topic_openers, s):
            context = None
        prev_end = e
        sentence = _Sentence(text, s, e, body_start, in_sent, article, clauses, frames.Covered(in_sent))
        _introduced(rels, sentence, sents, context_actor(rels, context), pub_date, rules)
        title_issuers(rels, in_sent, article, s, e, rules)
        context = context if attending else _next_context(rels, sentence, context, rules)
        cooperation(rels, text, in_sent, s, e, article, rules, clauses)
    title_programs(rels, keyed, article, rules)


class _Sentence(NamedTuple):
    """One sentence as the verb reader sees it: its span, where its body
    starts (after a dateline), and the mentions that may act or be objects."""
    text: str
    s: int
    e: int
    body_start: int
    in_sent: list
    article: str
    clauses: ClauseEnds
    covered: frames.Covered     # the characters inside in_sent's mentions


def _introduced(rels, sentence, sents, last_subject, pub_date, rules):
    """`introduced` for each trigger verb of the sentence; a verb with no
    subject of its own takes the last one (or the paragraph's actor)."""
    text, s, e, body_start, in_sent, article, clauses, _covered = sentence
    found = _find_triggers(text, s, e, rules)
    dates = DatesBefore(text[body_start:e], pub_date) if found else None
    starts = [lm.mention.start for lm in in_sent]
    taken = [False] * len(in_sent)
    untaken, by_start = _Untaken(in_sent, starts, taken), _ByStart(in_sent, starts)
    governed = frames.governed_spans(text, body_start, e, rules) if found else []
    for n, (t, word) in enumerate(found):
        if n:
            _mark_taken(taken, starts, found[n - 1], clauses)
        next_t = found[n + 1][0] if n + 1 < len(found) else e
        objs = _objects(text, by_start, t + len(word), clauses, rules, next_t)
        if not objs:
            # 由A牵头，会同B、C共同实施 (the object named before): A still works with B, C
            subj, partners = subject(text, in_sent[:bisect_left(starts, t)], s, t, rules, clauses)
            partners_cooperate(rels, subj, partners, article, s, e)
            continue
        cands = frames.acting(text, untaken.before(t), t, clauses, rules)
        free = [lm for lm in cands if not any(a <= lm.mention.start < b for a, b in governed)]
        subj, partners = subject(text, free, s, t, rules, clauses)
        objs = [o for o in objs if not frames.owned_by_party(text, o, rules)
                and not frames.joined_initiative(o, word, rules)]
        if not objs or frames.relayed(text, t, word, rules) or frames.object_is_subject(text, objs, rules) \
                or _not_launched(text, sentence, subj, t, rules):
            continue
        if subj is None and (len(free) < len(cands) or any(verbs_object(text, lm, s, clauses, rules) for lm in cands)
                             or governed and last_subject is not None and last_subject.mention.type == "PERSON"):
            continue    # 会议贯彻落实某委部署，研究部署…; 在某某关怀下，…推出; 也是某某的牵挂。在总书记关心下，…建立: unnamed
        if frames.relative_clause(text, t, word, objs, clauses, rules) and \
                (subj is None or subj.mention.start < clauses.start_of(t)):
            continue    # 去年出台的《某某条例》, 拟设立某平台的组织: the clause modifies a noun, its own subject
        if subj is None:
            if frames.own_subject(text, clauses.start_of(t), t, sentence.covered, rules):
                continue    # 我们深入实施某战略, 各方签署…: the clause's own subject, unnamed
            subj, partners = last_subject, []
        if subj is None or frames.reported(text, subj, t, clauses, rules):
            continue
        last_subject = subj
        co_subjects = coordinated(text, cands, subj, rules)
        date = dates.at(t - body_start) if t > body_start else None
        attrs = {"date": date} if date else {}
        # a subject from an earlier sentence: the evidence runs from there
        ev = ((sentence_at(sents, subj.mention.start) or (s, e))[0], e) if subj.mention.start < s else (s, e)
        for actor in _distinct_keys([subj, *partners, *co_subjects]):
            for o in objs:
                rels.add(actor.key, "introduced", o.key, article, ev, attrs, rule="triggers.verb")
        partners_cooperate(rels, subj, partners, article, s, e)


def _not_launched(text, sentence, subj, t, rules) -> bool:
    """The verb at `t` launches nothing a named actor introduces: it is urged,
    describes (…是实施…的任务), or is done by a collective or another party (kg.relations.frames)."""
    after = subj.mention.end if subj is not None and subj.mention.start >= sentence.s else sentence.body_start
    return frames.urged(text, sentence.body_start, t, sentence.covered, rules) or frames.copular(text, t, sentence.clauses, rules) \
        or frames.collective(text, after, t, rules) or frames.foreign_party(text, after, t, rules)


def _distinct_keys(actors) -> list:
    """The actors with the first of each key: the others would add the same
    relations with the same evidence again."""
    seen = set()
    return [a for a in actors if not (a.key in seen or seen.add(a.key))]


def _mark_taken(taken, starts, trigger, clauses) -> None:
    """What an earlier verb took as its object cannot act for a later one
    (海淀区已设立12345…分中心，推行“接诉即办”改革: 海淀区 acts twice):
    marks the mentions (by their sorted `starts`) from after the verb
    `trigger` (position, word) to its clause end."""
    pt, pw = trigger
    for i in range(bisect_left(starts, pt + len(pw)), bisect_left(starts, clauses.after(pt))):
        taken[i] = True


def _next_context(rels, sentence, context, rules):
    """The paragraph's actor after this sentence: the body of the meeting it
    convenes (某某主持召开某委员会第三次会议。会议审议通过…), else its first
    actor that is no verb's object (决定免去某某的某部部长职务: not the
    ministry), a person in a governing frame (以某某同志为核心的党中央) nor a
    place where it happened (在某市举行); a person heading no body
    (赵乐际委员长主持会议) does not displace the body the paragraph is about."""
    text, s, clauses = sentence.text, sentence.s, sentence.clauses
    r = rules.relations
    governed = frames.governed_spans(text, sentence.body_start, sentence.e, rules)
    actors = [lm for lm in sentence.in_sent if lm.mention.type in r.subject_types
              and not verbs_object(text, lm, s, clauses, rules)
              and not (lm.mention.type == "PERSON" and any(a <= lm.mention.start < b for a, b in governed))
              and not (lm.mention.type == "PLACE" and text.endswith(r.locative_markers, 0, lm.mention.start))]
    actors = _without_title_bodies(rels, actors)
    if not actors:
        return context
    first = frames.meeting_body(text, actors, rules) or actors[0]
    if first.mention.type == "PERSON" and context is not None \
            and context.mention.type != "PERSON" and context_actor(rels, first) is first:
        return context
    return first


def _without_title_bodies(rels, actors) -> list:
    """The actors but a body a person there is only a member of while the
    same title chain names another post of theirs (某某局常委、某会主席某某出席
    开幕会: member_of and leads, read by kg.relations.posts): the membership
    says who the person is, the body of the other post is what the
    paragraph may go on about; a body a person there leads stays."""
    people = [lm.key for lm in actors if lm.mention.type == "PERSON"]
    bodies = [lm.key for lm in actors if lm.mention.type != "PERSON"]
    posts = {(p, b): r for p in people for b in bodies for r in ("leads", "member_of") if (p, r, b) in rels.rels}
    led = {b for (p, b), r in posts.items() if r == "leads"}
    dropped = {b for (p, b), r in posts.items() if r == "member_of" and b not in led
               and any(q == p and c != b for (q, c) in posts)}
    return [lm for lm in actors if lm.key not in dropped]


def _dateline_end(text, s, rules) -> int:
    """Where the sentence at `s` starts after the dateline opening it
    (rules/articles.toml patterns.dateline, looked for within
    relations.dateline_window characters), or `s` when none does."""
    m = dateline_match(rules, text[s:s + rules.relations.dateline_window])
    return s + m.end() if m else s


def _closing_list(text, objs, end, rules):
    """The object that closes a clause and those listed with it before it
    (…保险公司互换便利和3000亿元股票回购、增持再贷款)."""
    objs = sorted(objs, key=lambda o: o.mention.start)
    if not objs or text[objs[-1].mention.end:end].strip():
        return []
    out = [objs[-1]]
    joiner = _object_joiner(rules)
    for o in reversed(objs[:-1]):
        if not joiner.match(text[o.mention.end:out[-1].mention.start]):
            break
        out.append(o)
    return out[::-1]


@lru_cache(maxsize=8)
def _object_joiner(rules) -> re.Pattern:
    return re.compile(rules.relations.object_joiner)


@lru_cache(maxsize=8)
def _trigger_matcher(rules) -> Automaton:
    return Automaton({w: w for w in rules.relations.introduced_triggers})


def _find_triggers(text, s, e, rules):
    """(position, verb) of each trigger verb in text[s:e], leftmost-longest,
    but not inside a word that holds one and is no verb (发布会) nor inside
    a 《…》 title."""
    not_verbs = rules.relations.trigger_not_in
    opening, closing = rules.relations.linking.title_marks
    out = []
    for i, _, w in _trigger_matcher(rules).longest(text[s:e]):
        p = s + i
        if any(text.startswith(nw, p - k) for nw in not_verbs if (k := nw.find(w)) >= 0):
            continue
        if text.rfind(opening, s, p) > text.rfind(closing, s, p):
            continue   # a verb inside a title (《关于推行…的请示》) is the title's words
        out.append((p, w))
    return out


def _objects(text, in_sent, after, clauses, rules, next_trigger):
    """PROGRAM/DOCUMENT mentions in the verb's clause; when that clause has
    none, in the first later clause that has one — as long as no other actor
    or verb comes between (积极构建立体宣传浓氛围,…,“三位一体”的…体系).
    `in_sent`: the sentence's mentions, a _ByStart."""
    r = rules.relations
    start, sent_end = after, clauses.e
    checked = after     # no actor starts in [after, checked)
    while start < sent_end:
        end = clauses.after(start)
        objs = [lm for lm in in_sent.starting(start, end) if lm.mention.type in r.object_types]
        if start > after:   # a later clause: the objects must close it
            objs = _closing_list(text, objs, end, rules)
            # …and be its first words' own: not those of an actor and a verb of
            # that clause (按照省委、省政府部署，省自然资源厅牵头开展…行动)
            if objs and (next_trigger < objs[0].mention.start or any(
                    lm.mention.type in r.subject_types
                    for lm in in_sent.starting(start, objs[0].mention.start))):
                return []
        if objs:
            return objs
        if any(lm.mention.type in r.subject_types for lm in in_sent.starting(checked, end)) \
                or end >= next_trigger:
            return []
        start, checked = end + 1, max(checked, end)
    return []


class _ByStart(NamedTuple):
    """A sentence's mentions sorted by start, with their `starts`: the
    mentions starting in a stretch are found by bisection, not by a scan of
    the whole sentence once per verb."""
    mentions: list
    starts: list

    def starting(self, a: int, b: int) -> list:
        """The mentions that start in [a, b), in order."""
        return self.mentions[bisect_left(self.starts, a):bisect_left(self.starts, b)]


class _Untaken:
    """The mentions of a sentence before a verb that no earlier verb took as
    its object (`taken`, kept by _mark_taken), grown as the verbs are read
    left to right: a mention is taken, if at all, before a verb to its right
    asks, so each is looked at once per sentence, not once per verb."""

    def __init__(self, mentions, starts, taken):
        self.mentions, self.starts, self.taken = mentions, starts, taken
        self.out, self.next = [], 0

    def before(self, t: int) -> list:
        """The untaken mentions that start before `t` (t not decreasing
        between calls), in order; the list is shared: read, don't change."""
        stop = bisect_left(self.starts, t)
        for i in range(self.next, stop):
            if not self.taken[i]:
                self.out.append(self.mentions[i])
        self.next = max(self.next, stop)
        return self.out
