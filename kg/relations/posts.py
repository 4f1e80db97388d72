"""leads / member_of: a person's posts, read leftwards from the name.

北京市委常委，市政府党组成员、副市长靳伟: walking left from the name, each
segment (separated by 、 or ，) must end in a title (kg.nlp.titles); the body the
title belongs to is the AGENCY or ORG right before it (or overlapping its
start: 市政府党组|成员). A post with no body in front that names its level
(市长, 副省长) belongs to that level's 人民政府 of the place in context.
A head title (局长) gives `leads`, any other (副局长, 二级巡视员) `member_of`.
A body named bare in a chain of posts right after another body's post
belongs to that body (北京市委常委、组织部部长: 组织部 part_of 北京市委).
Three more ways to a post: a name listed after a titled one shares its posts
(副部长辛国斌、单忠德); body, name, then title (长沙市公安局王强局长); and an
appointment, read rightwards (任命李明为云南省交通运输厅厅长: NAME, a link
word from rules/relations.toml, BODY, TITLE).
"""

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from kg.nlp.names import canonical_tail, variants
from kg.nlp.titles import base_title, find_titles, is_head


class Post(NamedTuple):
    """A post read for a person: the relation, the body's key, the title."""
    rtype: str
    body: tuple
    title: str


def post_relations(rels, linker, keyed, sents, article, text, stand_ins, rules):
    """The posts of the persons of one article's sentences `sents`; `keyed`
    are its linked mentions, `stand_ins` its anaphors by sentence
    (kg.relations.anaphora.by_sentence)."""
    named = _Near([lm for lm in keyed if lm.mention.type in ("AGENCY", "ORG")])
    places = [lm.mention for lm in keyed if lm.mention.type == "PLACE" and lm.mention.attrs.get("code")]
    persons = sorted((lm for lm in keyed if lm.mention.type == "PERSON"), key=lambda lm: lm.mention.start)
    person_starts = [lm.mention.start for lm in persons]
    for s, e in sents:
        # 该院副院长X: the body 该院 stands for holds the post
        bodies = named.touching(s, e) + [a for a in stand_ins[(s, e)] if a.mention.type == "AGENCY"]
        reader = _SentencePosts(rels, linker, rules, text, s, e, article, bodies, places)
        for p in persons[bisect_left(person_starts, s):bisect_left(person_starts, e)]:
            reader.read(p)


class _Near:
    """The article's bodies, found for a sentence by bisection over their
    starts: a post's body ends at or after the sentence start and starts by
    its end (right before a title, a name or an appointment's link word in
    it), so the others need not be looked at, sentence after sentence."""

    def __init__(self, bodies):
        self.bodies = bodies
        self.by_start = sorted(range(len(bodies)), key=lambda i: bodies[i].mention.start)
        self.starts = [bodies[i].mention.start for i in self.by_start]
        self.longest = max((b.mention.end - b.mention.start for b in bodies), default=0)

    def touching(self, s: int, e: int) -> list:
        """The bodies with end >= s and start <= e, in the article's order."""
        near = self.by_start[bisect_left(self.starts, s - self.longest):bisect_right(self.starts, e)]
        return [self.bodies[i] for i in sorted(near) if self.bodies[i].mention.end >= s]


class _SentencePosts:
    """The posts of one sentence's persons, in text order (a later name may
    share an earlier one's posts, a later title an earlier title's body)."""

    def __init__(self, rels, linker, rules, text, s, e, article, bodies, places):
        self.rels, self.linker, self.r = rels, linker, rules.relations
        self.text, self.s, self.e, self.article = text, s, e, article
        self.bodies, self.places = bodies, places
        found = find_titles(text[s:e])
        self.title_by_end = {t.end: t for t in found}        # sentence offsets
        self.title_at = {t.start + s: t for t in found}      # text offsets
        self.series = []        # (title without 副, body key) of the posts read so far
        self.by_end = {}        # person end -> [Post]

    def read(self, p) -> None:
        got = self._chain(p) or self._listed(p) or self._title_after(p)
        self.by_end[p.mention.end] = got
        self._appointed(p)

    def _post(self, p, bkey, title, *, rule: str) -> Post:
        """Person p holds `title` in body bkey: `leads` for a head title, else
        `member_of`; `rule` names the mechanism that read it (for --explain)."""
        rtype = "leads" if is_head(title) else "member_of"
        self.rels.add(p.key, rtype, bkey, self.article, (self.s, self.e), {"title": title}, rule=rule)
        return Post(rtype, bkey, title)

    def _chain(self, p) -> list:
        """The chain of posts written left of the name (北京市委常委，市政府党组成员、副市长靳伟)."""
        text, s, seps = self.text, self.s, self.r.post_separators
        pos = p.mention.start
        bare_right = None   # 北京市委常委、组织部部长: the bare 组织部 is the 市委's
        got = []
        while (t := self.title_by_end.get(pos - s)) is not None:
            ts, te = t.start + s, t.end + s
            title = text[ts:te]
            body = _body_before(self.bodies, ts, te)
            if body is not None:   # may overlap the title: 市政府党组|党组成员
                bkey, seg_start = body.key, body.mention.start
                if bare_right is not None and bkey[0] != "bare":
                    self.rels.add(bare_right, "part_of", bkey, self.article, (s, self.e), rule="posts.bare_body_in_chain")
                    self.linker.name_after_host(bare_right, bkey)
                bare_right = bkey if bkey[0] == "bare" else None
            else:
                bkey, seg_start = self._bodiless(title, ts)
            if bkey is not None:
                got.append(self._post(p, bkey, title, rule="posts.title_chain"))
                self.series.append((base_title(title), bkey))
            if seg_start - 1 < s or text[seg_start - 1] not in seps:
                break
            pos = seg_start - 1
        return got

    def _bodiless(self, title, ts) -> tuple:
        """(body key or None, where the post's segment starts) of a title
        with no known body right before it."""
        text, s, seps = self.text, self.s, self.r.post_separators
        bkey = _implied_body(self.linker, self.r.implied_bodies, title, ts, self.places)
        # 工信部部长金壮龙，副部长辛国斌: the same body's series, when the
        # title stands alone (not 法国外贸部长: that one has its own)
        if bkey is None and (ts == s or text[ts - 1] in seps or text[ts - 1] in self.r.series_openers):
            bkey = next((k for ser, k in reversed(self.series) if ser == base_title(title)), None)
        if bkey is not None:
            return bkey, ts
        # 全国政协副主席、民进中央常务副主席朱永新: a body the rules do not
        # know gives no post, but the chain goes on past it (never across a
        # sentence's or a heading's end)
        stops = self.r.subject_stops + self.r.post_stops
        sep = max(text.rfind(c, s, ts) for c in seps)
        if sep >= s and 0 < ts - sep - 1 <= self.r.unknown_body_max and \
                not any(c in stops for c in text[sep + 1:ts]):
            return None, sep + 1
        return None, ts

    def _listed(self, p) -> list:
        """副部长辛国斌、单忠德: a name listed after a titled one shares its posts."""
        start, text = p.mention.start, self.text
        if self.title_by_end.get(start - self.s) is not None or start <= self.s \
                or text[start - 1] != self.r.name_joiner or not self.by_end.get(start - 1):
            return []
        return [self._post(p, post.body, post.title, rule="posts.listed_name") for post in self.by_end[start - 1]]

    def _title_after(self, p) -> list:
        """长沙市公安局王强局长介绍: body, name, then the title."""
        t = self.title_at.get(p.mention.end)
        body = next((b for b in self.bodies if b.mention.end == p.mention.start), None)
        if t is None or body is None:
            return []
        return [self._post(p, body.key, self.text[t.start + self.s:t.end + self.s], rule="posts.title_after_name")]

    def _appointed(self, p) -> None:
        """任命李明为云南省交通运输厅厅长: NAME, a link word, then BODY + TITLE."""
        pos, text = p.mention.end, self.text
        link = next((w for w in _longest_first(self.r.appointment_links) if text.startswith(w, pos)), None)
        if link is None:
            return
        pos += len(link)
        body = next((b for b in self.bodies if b.mention.start == pos), None)
        if body is None:
            return
        t = self.title_at.get(body.mention.end)
        if t is None:
            return
        self._post(p, body.key, text[t.start + self.s:t.end + self.s], rule="posts.appointment")


@lru_cache(maxsize=8)
def _longest_first(words: tuple) -> tuple:
    """Longer words first, so 同志为 is tried before 为."""
    return tuple(sorted(words, key=len, reverse=True))


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
    """The body a level's post implies (代区长: the district's 人民政府),
    created by the linker when the text names it no other way; None for a
    title that implies none, or a level with no place in context and no
    body of the page's own (我市…市长: the page's 市政府)."""
    core = base_title(title)
    tail = implied.get(core)
    if not tail:
        return None
    place = linker.place_in_context(core[0], pos, places)
    if place is None:
        named = [("level", core[0] + t) for t in sorted(variants(tail))]
        return next((k for k in named if k in linker.entities), None)
    key = ("local", place.code, canonical_tail(tail))
    return key if key in linker.entities else linker.local_body(place.code, tail)
