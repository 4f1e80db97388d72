"""leads / member_of: a person's posts, read leftwards from the name.

北京市委常委，市政府党组成员、副市长靳伟: walking left from the name, each
segment (separated by 、 or ，) must end in a title (kg.nlp.titles); the body the
title belongs to is the AGENCY or ORG right before it (or overlapping its
start: 市政府党组|成员). A post with no body in front that names its level
(市长, 副省长) belongs to that level's 人民政府 of the place in context
(kg.relations.post_bodies). A chain after 时任 / 原 (时任某省委书记的某某)
was held before: `former`. A body named bare in a chain of posts right
after another body's post belongs to that body (北京市委常委、组织部部长:
组织部 part_of 北京市委). Two more ways to a post: a name listed after a
titled one shares its posts (副部长辛国斌、单忠德); body, name, then title
(长沙市公安局王强局长). Appointment and removal sentences are read
rightwards by kg.relations.post_events.
Titles of one person in one body read in one sentence are one relation
with the titles combined (委员、常委、书记: `leads` when any of them heads
the body; spec §7 "one relation per (head, type, tail)").
"""

from bisect import bisect_left, bisect_right
from typing import NamedTuple

from kg.link.keys import key_string
from kg.nlp.titles import base_title, find_titles, is_head
from kg.relations.post_bodies import RightwardPosts, body_before, central_body, implied_body
from kg.relations.post_events import PostDates, post_events


class Post(NamedTuple):
    """A post read for a person: the relation, the body's key, the title."""
    rtype: str
    body: tuple
    title: str


def post_relations(rels, linker, keyed, sents, article, text, stand_ins, rules):
    """The posts of the persons of one article's sentences `sents`; `keyed`
    are its linked mentions, `stand_ins` its anaphors by sentence
    (kg.relations.anaphora.by_sentence)."""
    listed = [lm for lm in keyed if lm.mention.type in ("AGENCY", "ORG")]
    named = _Near(listed)
    # a place inside a company's or a university's name (某某大学深圳研究院)
    # is no context for a level's body (市委常委 of which city)
    inside_org = _Covered([lm.mention for lm in listed if lm.mention.type == "ORG"])
    places = [lm.mention for lm in keyed if lm.mention.type == "PLACE" and lm.mention.attrs.get("code")
              and not inside_org(lm.mention.start, lm.mention.end)]
    persons = sorted((lm for lm in keyed if lm.mention.type == "PERSON"), key=lambda lm: lm.mention.start)
    person_starts = [lm.mention.start for lm in persons]
    for s, e in sents:
        # 该院副院长X: the body 该院 stands for holds the post
        bodies = named.touching(s, e) + [a for a in stand_ins[(s, e)] if a.mention.type == "AGENCY"]
        reader = _SentencePosts(rels, linker, rules, text, s, e, article, bodies, places)
        in_sentence = persons[bisect_left(person_starts, s):bisect_left(person_starts, e)]
        for p in in_sentence:
            reader.read(p)
        reader.events(in_sentence)
        reader.flush()


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


class _Covered:
    """Whether a span lies inside one of some spans, by bisection: the spans
    sorted by start with the furthest end reached so far, so a span is
    covered when a span starting at or before it reaches its end."""

    def __init__(self, spans):
        spans = sorted((m.start, m.end) for m in spans)
        self.starts = [a for a, _ in spans]
        self.reach, furthest = [], -1
        for _, b in spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def __call__(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


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
        self.rightward = RightwardPosts(text, s, e, bodies, self.title_at, linker, places, rules)
        self.series = []        # (title without 副, body key) of the posts read so far
        self.by_end = {}        # person end -> [Post]
        self.held = {}          # (person key, body key, status) -> [titles, attrs, rule]
        self.dates = None

    def read(self, p) -> None:
        got = self._chain(p, p.mention.start) or self._listed(p) or self._title_after(p)
        if not got and self.text[p.mention.start - 1:p.mention.start] == self.r.post_events.former_joiner:
            got = self._chain(p, p.mention.start - 1, former_only=True)   # 时任某省委书记的某某
        self.by_end[p.mention.end] = got

    def events(self, persons) -> None:
        """The posts the appointment and removal frames give (post_events)."""
        for h in post_events(self.rightward, persons, self.rels.document.date):
            self._post(h.person, h.body, h.title, h.attrs, rule=h.rule)

    def _post(self, p, bkey, title, attrs=None, *, rule: str) -> Post:
        """Person p holds `title` in body bkey: `leads` for a head title, else
        `member_of`; `rule` names the mechanism that read it (for --explain).
        Kept until the sentence is read, so one body's titles combine."""
        attrs = attrs or {}
        entry = self.held.setdefault((p.key, bkey, attrs.get("status")), [[], dict(attrs), rule])
        if title not in entry[0]:
            entry[0].append(title)
        return Post("leads" if is_head(title, body=key_string(bkey)) else "member_of", bkey, title)

    def flush(self) -> None:
        """One relation per person and body: the titles combined, `leads`
        when any of them heads the body."""
        for (pkey, bkey, _status), (titles, attrs, rule) in self.held.items():
            bkey = self._party_group(bkey, titles)
            rtype = "leads" if any(is_head(t, body=key_string(bkey)) for t in titles) else "member_of"
            self.rels.add(pkey, rtype, bkey, self.article, (self.s, self.e),
                          {"title": "、".join(titles), **attrs}, rule=rule)

    def _party_group(self, bkey, titles) -> tuple:
        """The body that holds `titles` written after body bkey: its party
        group (某部党组书记某某: 某部党组, part of 某部) when they are all
        party-group titles (relations.party_group_titles), else bkey."""
        tail = self.r.party_group_tail
        if not all(t in self.r.party_group_titles for t in titles) or key_string(bkey).endswith(tail) \
                or bkey not in self.linker.entities:
            return bkey
        group = self.linker.unit_of(bkey, tail, "AGENCY")     # a party body (spec §7: 北京大学党委)
        self.rels.add(group, "part_of", bkey, self.article, (self.s, self.e), rule="posts.party_group")
        return group

    def _chain(self, p, pos, *, former_only=False) -> list:
        """The chain of posts written left of pos, the name's start
        (北京市委常委，市政府党组成员、副市长靳伟); with `former_only`, only a
        chain after a former marker (时任…的 NAME)."""
        text, s, seps = self.text, self.s, self.r.post_separators
        bare_right = None   # 北京市委常委、组织部部长: the bare 组织部 is the 市委's
        found, hosts = [], []
        seg_start = pos
        former_upto = 0     # the posts found so far a former marker inside the chain covers
        pending = []        # 党组书记、检察长: a bare title right of a post in a body is that body's
        while (t := self.title_by_end.get(pos - s)) is not None:
            ts, te = t.start + s, t.end + s
            title = text[ts:te]
            body = body_before(self.bodies, ts, te)
            marker = self._marker_before(ts, body)
            if marker:     # 某市人大常委会原副主任, 某公司原党委书记: former, the body before 原
                body = body or body_before(self.bodies, ts - len(marker), te)
            if body is not None:   # may overlap the title: 市政府党组|党组成员
                bkey, seg_start = body.key, body.mention.start
                if bare_right is not None and bkey[0] != "bare":
                    hosts.append((bare_right, bkey))
                bare_right = bkey if bkey[0] == "bare" else None
            else:   # 党委书记、行长: a title right after another's is no series' (that body's, below)
                chained = ts > s and text[ts - 1] in seps and self.title_by_end.get(ts - 1 - s) is not None
                bkey, seg_start = self._bodiless(title, ts, series=not chained)
            if bkey is not None:
                if body is not None:
                    found.extend((bkey, p_title) for p_title in pending)
                found.append((bkey, title))
                pending = []
            elif seg_start == ts:
                pending.append(title)
            else:
                pending = []
            if marker:
                former_upto = len(found)
            if seg_start - 1 < s or text[seg_start - 1] not in seps:
                break
            pos = seg_start - 1
        attrs = self._former(seg_start)
        if former_only and attrs is None:
            return []
        for bare, host in hosts:
            self.rels.add(bare, "part_of", host, self.article, (s, self.e), rule="posts.bare_body_in_chain")
            self.linker.name_after_host(bare, host)
        attrs = attrs or {}
        inner = [{"status": "former"} if i < former_upto else attrs for i in range(len(found))]
        found.reverse()     # read leftwards: combined titles go in text order
        inner.reverse()
        self.series.extend((base_title(title), bkey) for bkey, title in found)
        return [self._post(p, bkey, title, a, rule="posts.title_chain") for (bkey, title), a in zip(found, inner)]

    def _marker_before(self, ts, body) -> str | None:
        """The former marker (原, 前) right before the title at ts with a body
        before it: none where a body ends at ts, unless the marker is inside
        that body's mention (某公司原党委|党委书记: 原 glued into the body)."""
        ev = self.r.post_events
        marker = next((m for m in (*ev.former_markers, *ev.former_after_body) if self.text.endswith(m, self.s, ts)), None)
        if marker is None:
            return None
        if body is None:
            found = body_before(self.bodies, ts - len(marker), ts - len(marker))
            return marker if found is not None and found.mention.end == ts - len(marker) else None
        return marker if body.mention.start < ts - len(marker) and body.mention.end > ts else None

    def _former(self, seg_start) -> dict | None:
        """The attrs of a chain starting at seg_start after a former marker
        (时任, 原), else None."""
        ev = self.r.post_events
        # 时任福建省省长: the place a level title is read against stands between
        lead = next((pl.start for pl in self.places if pl.end == seg_start and pl.start >= self.s), seg_start)
        marker = next((m for m in ev.former_markers if self.text.endswith(m, self.s, lead)), None)
        if marker is None:
            return None
        attrs = {"status": "former"}
        # 2003年，时任…: held in 2003 (原…: former now, the date says nothing of the post)
        if marker in ev.held_then_markers and (date := self._date_before(seg_start)) is not None:
            attrs["date"] = date
        return attrs

    def _date_before(self, pos):
        if self.dates is None:
            self.dates = PostDates(self.text, self.s, self.e, self.rels.document.date, self.linker.rules)
        return self.dates.at(pos - self.s)

    def _bodiless(self, title, ts, series=True) -> tuple:
        """(body key or None, where the post's segment starts) of a title
        with no known body right before it; `series`: it may be the same
        body's as a series' earlier title."""
        text, s, seps = self.text, self.s, self.r.post_separators
        bkey = implied_body(self.linker, self.r.implied_bodies, title, ts, self.places) \
            or central_body(self.linker, self.r.central_title_bodies, title)
        # 工信部部长金壮龙，副部长辛国斌: the same body's series, when the
        # title stands alone (not 法国外贸部长: that one has its own)
        if bkey is None and series and (ts == s or text[ts - 1] in seps or text[ts - 1] in self.r.series_openers):
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
        """长沙市公安局王强局长介绍: body, name, then the title; with no body
        right before the name, the central body the title heads when the
        sentence names it earlier (…全国人大常委会…，某某委员长主持)."""
        t = self.title_at.get(p.mention.end)
        body = next((b for b in self.bodies if b.mention.end == p.mention.start), None)
        if t is not None and body is None:
            name = self.r.title_after_name_bodies.get(self.text[t.start + self.s:t.end + self.s])
            body = next((b for b in self.bodies if name and b.key == ("central", name)
                         and self.s <= b.mention.start and b.mention.end <= p.mention.start), None)
        if t is None or body is None:
            return []
        return [self._post(p, body.key, self.text[t.start + self.s:t.end + self.s], rule="posts.title_after_name")]
