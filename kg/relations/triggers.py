"""`introduced` and `cooperates_with` from trigger verbs within a clause.

For each trigger verb (rules/relations.toml) in a sentence:
- objects: the PROGRAM and DOCUMENT mentions after it, up to the clause end
  (coordinated objects 《A》和《B》 all count);
- subject: the nearest AGENCY / PLACE / ORG (else PERSON) before it in the
  sentence — so a subject stated earlier (公安部于2015年11月出台…) is found;
  partners named after 与 / 会同 / 联合 between subject and verb act too, and
  cooperate with the subject;
- date: the date expression nearest before the verb in the sentence.
A dateline's place (新华社北京3月11日电) is no actor: the story was filed there.
该县, 该局, 县里, 全县 … act for the nearest earlier county, bureau … of the article.
`cooperates_with` also comes from "A 与 B … 合作/共建/签署" without an object.
"""

import re
from functools import lru_cache

from kg.text.dates import date_near
from kg.nlp.mentions import Mention
from kg import ruleset
from kg.text.articles import dateline_match
from kg.ruleset import load_toml
from kg.text.sentences import sentence_at
from kg.nlp.textscan import Automaton, alternation

TOP = lambda lm: not lm.mention.attrs.get("nested")  # noqa: E731


def _cfg():
    return load_toml("relations.toml")


def trigger_relations(rels, keyed, sents, article, text, pub_date):
    cfg = _cfg()
    top = sorted((lm for lm in keyed if TOP(lm)), key=lambda lm: lm.mention.start)
    every = sorted(keyed, key=lambda lm: lm.mention.start)   # antecedents may be nested (上海市|民政局 … 全市)
    context = None          # the actor a paragraph is about, for sentences that name none
    prev_end = None
    for s, e in sents:
        if prev_end is not None and "\n" in text[prev_end:s] and \
                not text.startswith(tuple(cfg.get("topic_openers", ())), s):
            context = None
        prev_end = e
        # a dateline's place (新华社北京3月11日电) says where the story was
        # filed: it neither acts nor is what the paragraph is about
        dl = dateline_match(ruleset.current(), text[s:s + 80])
        body_start = s + dl.end() if dl else s
        in_sent = [lm for lm in top if body_start <= lm.mention.start < e]
        in_sent = sorted(in_sent + anaphors(text, body_start, e, every, cfg), key=lambda lm: lm.mention.start)
        found = _find_triggers(text, s, e)
        last_subject = _context_actor(rels, context)
        for n, (t, word) in enumerate(found):
            next_t = found[n + 1][0] if n + 1 < len(found) else e
            objs = _objects(text, in_sent, t + len(word), e, cfg, next_t)
            if not objs:
                # 由A牵头，会同B、C共同实施 (the object named before): A still works with B, C
                subj, partners = _subject(text, in_sent, s, t, cfg)
                _partners_cooperate(rels, subj, partners, article, s, e)
                continue
            # what an earlier verb took as its object cannot act for a later one
            # (海淀区已设立12345…分中心，推行“接诉即办”改革: 海淀区 acts twice)
            taken = [lm for lm in in_sent if any(
                pt + len(pw) <= lm.mention.start < _clause_end(text, pt, e, cfg) for pt, pw in found[:n])]
            cands = [lm for lm in in_sent if lm not in taken]
            subj, partners = _subject(text, cands, s, t, cfg)
            if subj is None:
                subj, partners = last_subject, []
            if subj is None:
                continue
            last_subject = subj
            co_subjects = _coordinated(text, cands, subj, cfg)
            date = date_near(text[body_start:t], t - body_start, pub_date) if t > body_start else None
            attrs = {"date": date} if date else {}
            # a subject from an earlier sentence: the evidence runs from there
            ev = ((sentence_at(sents, subj.mention.start) or (s, e))[0], e) if subj.mention.start < s else (s, e)
            for actor in [subj, *partners, *co_subjects]:
                for o in objs:
                    rels.add(actor.key, "introduced", o.key, article, ev, attrs)
            _partners_cooperate(rels, subj, partners, article, s, e)
        actors = [lm for lm in in_sent if lm.mention.type in cfg["subject_types"]]
        if actors:
            first = actors[0]
            # a person heading no body (赵乐际委员长主持会议) does not displace
            # the body the paragraph is about
            if not (first.mention.type == "PERSON" and context is not None
                    and context.mention.type != "PERSON" and _context_actor(rels, first) is first):
                context = first
        _cooperation(rels, text, in_sent, s, e, article, cfg)


def _partners_cooperate(rels, subj, partners, article, s, e):
    """A body acting with partner bodies (A会同B、C…) cooperates with each."""
    for p in partners:
        if subj.mention.type in ("AGENCY", "ORG") and p.mention.type in ("AGENCY", "ORG"):
            rels.add(subj.key, "cooperates_with", p.key, article, (s, e))


def _context_actor(rels, actor):
    """The paragraph's actor standing in for a sentence with no subject; a
    speaker who heads a body stands for the body (中国人民银行行长潘功胜介绍，
    …。首次创设… -> 中国人民银行)."""
    if actor is None or actor.mention.type != "PERSON":
        return actor
    bodies = [t for (h, r, t) in rels.rels if h == actor.key and r == "leads"]
    if len(bodies) != 1:
        return actor
    return _Stand(bodies[0], actor.mention)


def anaphors(text, s, e, mentions, cfg):
    """Stand-ins for 该县, 该局 … in text[s:e] (rules/relations.toml [anaphora]):
    each acts for the nearest earlier mention of its type whose name ends
    with what follows 该."""
    out = []
    words = cfg.get("anaphora_words", {})
    for m in _anaphor_re().finditer(text, s, e):
        end = m.end()
        tail = m.group(1) or words[m.group(2)]
        if text[end:end + 1] and text[end] in cfg["anaphora_not_followed_by"].get(tail, ""):
            continue
        want = cfg["anaphora"][tail]
        for lm in reversed(mentions):
            if lm.mention.start >= m.start() or lm.mention.type != want:
                continue
            name = lm.mention.attrs.get("canonical") or lm.mention.text
            if name.endswith(tail):
                out.append(_Stand(lm.key, Mention(m.start(), end, want, m.group(0), "anaphora")))
                break
    return out


@lru_cache(maxsize=1)
def _anaphor_re():
    """该(县|局|…) or one of the anaphora words (县里, 全县 …)."""
    cfg = _cfg()
    words = cfg.get("anaphora_words", {})
    return re.compile(f"该({alternation(cfg['anaphora'])})" + (f"|({alternation(words)})" if words else ""))


class _Stand:
    """An entity standing in as a subject at another mention (a speaker for
    the body they head, 该县 for the county), shaped like a linked mention."""

    def __init__(self, key, mention):
        self.key = key
        self.mention = mention


def _closing_list(text, objs, end, cfg):
    """The object that closes a clause and those listed with it before it
    (…保险公司互换便利和3000亿元股票回购、增持再贷款)."""
    objs = sorted(objs, key=lambda o: o.mention.start)
    if not objs or text[objs[-1].mention.end:end].strip():
        return []
    out = [objs[-1]]
    joiner = re.compile(cfg.get("object_joiner", r"^(和|与|及|以及|、)[\d.]*(万|亿)?元?$"))
    for o in reversed(objs[:-1]):
        if not joiner.match(text[o.mention.end:out[-1].mention.start]):
            break
        out.append(o)
    return out[::-1]


def _clause_end(text, pos, limit, cfg):
    while pos < limit and text[pos] not in cfg["clause_ends"]:
        pos += 1
    return pos


def _coordinated(text, cands, subj, cfg):
    """Bodies listed with the subject right before it: 中共中央办公厅、国务院办公厅印发."""
    out, cur = [], subj
    bodies = sorted((lm for lm in cands if lm.mention.type in ("AGENCY", "ORG")), key=lambda lm: lm.mention.start)
    while True:
        prev = [lm for lm in bodies if lm.mention.end <= cur.mention.start
                and text[lm.mention.end:cur.mention.start] in cfg.get("subject_joiners", ["、"])]
        if not prev:
            return out
        cur = prev[-1]
        out.append(cur)


@lru_cache(maxsize=1)
def _trigger_matcher() -> Automaton:
    return Automaton({w: w for w in _cfg()["introduced_triggers"]})


def _find_triggers(text, s, e):
    """(position, verb) of each trigger verb in text[s:e], leftmost-longest,
    but not inside a word that holds one and is no verb (发布会)."""
    not_verbs = _cfg().get("trigger_not_in", ())
    out = []
    for i, _, w in _trigger_matcher().longest(text[s:e]):
        p = s + i
        if any(text.startswith(nw, p - k) for nw in not_verbs if (k := nw.find(w)) >= 0):
            continue
        out.append((p, w))
    return out


def _objects(text, in_sent, after, sent_end, cfg, next_trigger):
    """PROGRAM/DOCUMENT mentions in the verb's clause; when that clause has
    none, in the first later clause that has one — as long as no other actor
    or verb comes between (积极构建立体宣传浓氛围,…,“三位一体”的…体系)."""
    start = after
    while start < sent_end:
        end = start
        while end < sent_end and text[end] not in cfg["clause_ends"]:
            end += 1
        objs = [lm for lm in in_sent if start <= lm.mention.start < end
                and lm.mention.type in ("PROGRAM", "DOCUMENT")]
        if start > after:   # a later clause: the objects must close it
            objs = _closing_list(text, objs, end, cfg)
            # …and be its first words' own: not those of an actor and a verb of
            # that clause (按照省委、省政府部署，省自然资源厅牵头开展…行动)
            if objs and (next_trigger < objs[0].mention.start or any(
                    start <= lm.mention.start < objs[0].mention.start and lm.mention.type in cfg["subject_types"]
                    for lm in in_sent)):
                return []
        if objs:
            return objs
        actors = [lm for lm in in_sent if after <= lm.mention.start < end
                  and lm.mention.type in cfg["subject_types"]]
        if actors or end >= next_trigger:
            return []
        start = end + 1
    return []


def _subject(text, in_sent, s, t, cfg):
    before = [lm for lm in in_sent if lm.mention.end <= t and lm.mention.type in cfg["subject_types"]
              and not text.startswith(tuple(cfg["host_words"]), lm.mention.end)
              and not (text.startswith(tuple(cfg["consent_words"]), lm.mention.end)
                       and text.endswith(tuple(cfg["consent_markers"]), 0, lm.mention.start))]
    if not before:
        return None, []
    partner_words = sorted(cfg["partner_words"], key=len, reverse=True)
    not_partner = tuple(cfg["partner_not_in"])
    # the last partner word between the first candidate and the verb that has
    # a body after it splits subject (before it) from partners (after it);
    # 联合 right before the verb (A会同B、C等部门联合印发) is an adverb, no split
    split = None
    for i in range(t - 1, s - 1, -1):
        if any(text.startswith(w, i) for w in partner_words) and not text.startswith(not_partner, i) and any(
                lm.mention.start > i and lm.mention.type in ("AGENCY", "ORG") for lm in before):
            split = i
            break
    partners = []
    if split is not None:
        partners = [lm for lm in before if lm.mention.start > split and lm.mention.type in ("AGENCY", "ORG")]
        heads = [lm for lm in before if lm.mention.end <= split]
        same_clause = not any(ch in cfg["clause_ends"] for ch in text[split:t])
        if partners and heads:
            # A与B签署: both act. A会同B建立…，推行…: only A acts in the later clause.
            return _best(heads, cfg, text), (partners if same_clause else [])
    return _best(before, cfg, text), []


def _best(cands, cfg, text):
    """The subject among the candidates before a verb: in the nearest clause
    (by clause_ends) that has a body or place, the first one, or the last of
    a run written together or listed (河北省石家庄市井陉县推行… -> 井陉县;
    the others of a list act with it, see _coordinated); so a place
    inside the object of another verb (全市将推广徐汇经验，制定… -> 全市) or
    a body after the subject (北京市网信办在中央网信办指导下印发 -> 北京市网信办)
    does not act. A PERSON only when no body or place is in the sentence."""
    nonperson = [lm for lm in cands if lm.mention.type != "PERSON"]
    pool = sorted(nonperson or cands, key=lambda lm: lm.mention.start)
    last = pool[-1]
    clause = [lm for lm in pool
              if not any(ch in cfg["clause_ends"] for ch in text[lm.mention.end:last.mention.start])]
    pick = clause[0]
    for lm in clause[1:]:   # a run written together or listed (A、B印发: _coordinated adds A)
        if text[pick.mention.end:lm.mention.start] in ("", *cfg["subject_joiners"]):
            pick = lm
        else:
            break
    return pick


def _cooperation(rels, text, in_sent, s, e, article, cfg):
    bodies = [lm for lm in in_sent if lm.mention.type in ("AGENCY", "ORG")]
    for i, (a, b) in enumerate(zip(bodies, bodies[1:])):
        gap = text[a.mention.end:b.mention.start]
        if gap in cfg["cooperation_partner_words"]:
            partners, last = [b], b
            for c in bodies[i + 2:]:
                if text[last.mention.end:c.mention.start] not in cfg["subject_joiners"]:
                    break
                partners.append(c)
                last = c
            for p in partners:
                rels.add(a.key, "cooperates_with", p.key, article, (s, e))
            continue
        if gap not in cfg["cooperation_joiners"]:
            continue
        clause_end = b.mention.end
        while clause_end < e and text[clause_end] not in cfg["clause_ends"]:
            clause_end += 1
        if any(w in text[b.mention.end:clause_end] for w in cfg["cooperation_words"]):
            rels.add(a.key, "cooperates_with", b.key, article, (s, e))
