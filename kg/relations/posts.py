"""leads / member_of: a person's posts, read leftwards from the name.

A body named bare in a chain of posts right after another body's post
belongs to that body (北京市委常委、组织部部长: 组织部 part_of 北京市委).

北京市委常委，市政府党组成员、副市长靳伟: walking left from the name, each
segment (separated by 、 or ，) must end in a title (kg.nlp.titles); the body the
title belongs to is the AGENCY or ORG right before it (or overlapping its
start: 市政府党组|成员). A post with no body in front that names its level
(市长, 副省长) belongs to that level's 人民政府 of the place in context.
A head title (局长) gives `leads`, any other (副局长, 二级巡视员) `member_of`.
An appointment reads rightwards: 任命李明为云南省交通运输厅厅长 (NAME, a link
word from rules/relations.toml, BODY, TITLE).
"""

from kg.nlp.names import canonical_tail, variants
from kg.ruleset import load_toml
from kg.nlp.titles import base_title, find_titles, is_head
from kg.relations.triggers import anaphors


def post_relations(rels, linker, keyed, sents, article, text):
    cfg = load_toml("relations.toml")
    seps = cfg.get("post_separators", "、，")
    unknown_max = cfg.get("unknown_body_max", 0)
    stops = cfg["subject_stops"] + "：:"   # no post runs across a sentence's or a heading's end
    implied = cfg.get("implied_bodies", {})
    links = sorted(cfg.get("appointment_links", ()), key=len, reverse=True)
    every = sorted(keyed, key=lambda lm: lm.mention.start)
    named = [lm for lm in keyed if lm.mention.type in ("AGENCY", "ORG")]
    places = [lm.mention for lm in keyed if lm.mention.type == "PLACE" and lm.mention.attrs.get("code")]
    for s, e in sents:
        # 该院副院长X: the body 该院 stands for holds the post (kg.relations.triggers anaphora)
        bodies = named + [a for a in anaphors(text, s, e, every, cfg) if a.mention.type == "AGENCY"]
        found = find_titles(text[s:e])
        titles = {t.end: t for t in found}
        title_at = {t.start + s: t for t in found}
        persons = [lm for lm in keyed if lm.mention.type == "PERSON" and s <= lm.mention.start < e]
        series = []        # (title without 副, body key) of the posts read so far
        by_end = {}        # person end -> [(rtype, body key, title)]
        for p in sorted(persons, key=lambda lm: lm.mention.start):
            pos = p.mention.start
            bare_right = None   # 北京市委常委、组织部部长: the bare 组织部 is the 市委's
            got = []
            while True:
                t = titles.get(pos - s)
                if t is None:
                    break
                ts, te = t.start + s, t.end + s
                body = _body_before(bodies, ts, te)
                title = text[ts:te]
                if body is not None:   # may overlap the title: 市政府党组|党组成员
                    bkey, seg_start = body.key, body.mention.start
                    if bare_right is not None and bkey[0] != "bare":
                        rels.add(bare_right, "part_of", bkey, article, (s, e))
                        _name_by_host(linker, bare_right, bkey)
                    bare_right = bkey if bkey[0] == "bare" else None
                else:
                    bkey, seg_start = _implied_body(linker, implied, title, ts, places), ts
                    # 工信部部长金壮龙，副部长辛国斌: the same body's series, when the
                    # title stands alone (not 法国外贸部长: that one has its own)
                    if bkey is None and (ts == s or text[ts - 1] in seps or text[ts - 1] in "；;：:"):
                        bkey = next((k for ser, k in reversed(series) if ser == _strip(title)), None)
                if bkey is None and body is None:
                    # 全国政协副主席、民进中央常务副主席朱永新: a body the rules do not
                    # know gives no post, but the chain goes on past it
                    sep = max(text.rfind(c, s, ts) for c in seps)
                    if sep >= s and 0 < ts - sep - 1 <= unknown_max and \
                            not any(c in stops for c in text[sep + 1:ts]):
                        seg_start = sep + 1
                if bkey is not None:
                    got.append(_post(rels, p, bkey, title, article, s, e))
                    series.append((_strip(title), bkey))
                if seg_start - 1 < s or text[seg_start - 1] not in seps:
                    break
                pos = seg_start - 1
            start = p.mention.start
            if not got and titles.get(start - s) is None and start > s and text[start - 1] == "、" \
                    and by_end.get(start - 1):
                # 副部长辛国斌、单忠德: a name listed after a titled one shares its posts
                for _rtype, bkey, title in by_end[start - 1]:
                    got.append(_post(rels, p, bkey, title, article, s, e))
            if not got:
                # 长沙市公安局王强局长介绍: body, name, then the title
                t_after = title_at.get(p.mention.end)
                body = next((b for b in bodies if b.mention.end == p.mention.start), None)
                if t_after is not None and body is not None:
                    title = text[t_after.start + s:t_after.end + s]
                    got.append(_post(rels, p, body.key, title, article, s, e))
            by_end[p.mention.end] = got
            _appointed(rels, p, bodies, title_at, links, text, s, e, article)


def _name_by_host(linker, key, host) -> None:
    linker.name_after_host(key, host)


def _post(rels, p, bkey, title, article, s, e) -> tuple:
    """Person p holds `title` in body bkey: `leads` for a head title, else
    `member_of`; returns (relation, body key, title)."""
    rtype = "leads" if is_head(title) else "member_of"
    rels.add(p.key, rtype, bkey, article, (s, e), {"title": title})
    return rtype, bkey, title


def _strip(title: str) -> str:
    """副局长, 代局长 -> 局长: posts of one series (工信部部长X，副部长Y) and
    the body a level's post implies (代区长: the district's 人民政府)."""
    return base_title(title)


def _appointed(rels, p, bodies, title_at, links, text, s, e, article):
    """任命李明为云南省交通运输厅厅长: NAME, a link word, then BODY + TITLE."""
    pos = p.mention.end
    link = next((w for w in links if text.startswith(w, pos)), None)
    if link is None:
        return
    pos += len(link)
    body = next((b for b in bodies if b.mention.start == pos), None)
    if body is None:
        return
    t = title_at.get(body.mention.end)
    if t is None:
        return
    _post(rels, p, body.key, text[t.start + s:t.end + s], article, s, e)


def _body_before(bodies, ts, te):
    """The body ending where the title starts, or running into the title."""
    best = None
    for b in bodies:
        m = b.mention
        if m.end == ts or (m.start < ts < m.end <= te):
            if best is None or (m.end - m.start) > (best.mention.end - best.mention.start):
                best = b
    return best


def _implied_body(linker, implied, title, pos, places):
    core = _strip(title)
    tail = implied.get(core)
    if not tail:
        return None
    place = linker.place_in_context(core[0], pos, places)
    if place is None:   # 我市…市长: the page's own 市政府, when it names one
        named = [("level", core[0] + t) for t in sorted(variants(tail))]
        return next((k for k in named if k in linker.entities), None)
    key = ("local", place.code, canonical_tail(tail))
    return key if key in linker.entities else linker.local_body(place.code, tail)
