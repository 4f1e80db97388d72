"""`cooperates_with`: bodies that act together.

A 与 B … 合作/共建/签署 in one clause (no object needed); A 会同/联合 B、C
…, whatever verb follows; and a subject with the partners named between it
and a trigger verb (A会同B、C印发…: see kg.relations.subjects). Words:
rules/relations.toml (cooperation_words, cooperation_joiners,
cooperation_partner_words, subject_joiners, clause_ends).
"""

BODY_TYPES = ("AGENCY", "ORG")


def partners_cooperate(rels, subj, partners, article, s, e) -> None:
    """A body acting with partner bodies (A会同B、C…) cooperates with each
    (once per partner entity: a partner named again adds nothing new)."""
    if not partners or subj.mention.type not in BODY_TYPES:
        return
    for key in dict.fromkeys(p.key for p in partners if p.mention.type in BODY_TYPES):
        rels.add(subj.key, "cooperates_with", key, article, (s, e), rule="cooperation.partners_of_actor")


def cooperation(rels, text, in_sent, s, e, article, rules, clauses) -> None:
    """The cooperation a sentence states between the bodies it names in a
    row; `clauses` are its clause ends (kg.relations.clauses.ClauseEnds)."""
    r = rules.relations
    bodies = [lm for lm in in_sent if lm.mention.type in BODY_TYPES]
    for i, (a, b) in enumerate(zip(bodies, bodies[1:])):
        gap = text[a.mention.end:b.mention.start]
        if gap in r.cooperation_partner_words:
            for p in _listed_after(text, b, bodies[i + 2:], r.subject_joiners):
                rels.add(a.key, "cooperates_with", p.key, article, (s, e), rule="cooperation.partner_word")
            continue
        if gap not in r.cooperation_joiners:
            continue
        clause_end = clauses.after(b.mention.end)
        if gap in r.subject_joiners and _partners_listed(text, bodies[:i + 1], r) \
                and not any(w in text[b.mention.end:clause_end] for w in r.joint_action_words):
            continue    # 某省与A、B签署…协议: A and B are the province's partners, not each other's
        if any(w in text[b.mention.end:clause_end] for w in r.cooperation_words):
            rels.add(a.key, "cooperates_with", b.key, article, (s, e), rule="cooperation.verb")


def _partners_listed(text, upto, r) -> bool:
    """Whether the last body of `upto` is in a list (subject_joiners) that
    opens right after a partner word (与, 会同: rules/relations.toml
    partner_words): the list names someone's partners."""
    first = upto[-1]
    for prev in reversed(upto[:-1]):
        if text[prev.mention.end:first.mention.start] not in r.subject_joiners:
            break
        first = prev
    before = text[:first.mention.start]
    return any(before.endswith(w) for w in r.partner_words)


def _listed_after(text, first, rest, joiners) -> list:
    """`first` and the bodies of `rest` listed right after it (水利部会同
    国家发展改革委、财政部推进…: 国家发展改革委, 财政部)."""
    out, last = [first], first
    for c in rest:
        if text[last.mention.end:c.mention.start] not in joiners:
            break
        out.append(c)
        last = c
    return out
