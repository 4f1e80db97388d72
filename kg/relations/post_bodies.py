"""Which body a title in a sentence belongs to, read in either direction.

Leftwards (a chain of posts before a name: 北京市委常委，市政府副市长靳伟)
the body is the one ending where the title starts or running into it
(市政府党组|党组成员). Rightwards (the posts after an appointment verb:
任某某为某省委委员、常委、书记) `read_posts` walks [BODY] TITLE segments
joined by 、: a bare title is the previous segment's body's, unless it is a
level title (副省长) that implies its level's 人民政府. A title with no body
either way gives no post: the body must be written or implied (spec §7).
"""

import re
from functools import lru_cache

from kg.nlp.names import canonical_tail, variants
from kg.nlp.titles import base_title


def body_before(bodies, ts, te):
    """The body ending where the title starts, or running into the title."""
    best = None
    for b in bodies:
        m = b.mention
        if m.end == ts or (m.start < ts < m.end <= te):
            if best is None or (m.end - m.start) > (best.mention.end - best.mention.start):
                best = b
    return best


def implied_body(linker, implied, title, pos, places):
    """The body a level's post implies (代区长: the district's 人民政府),
    created by the linker when the text names it no other way; None for a
    title that implies none, or a level with no place in context and no
    body of the page's own (我市…市长: the page's 市政府)."""
    core = base_title(title)
    tail = implied.get(core)
    if not tail:
        return None
    # the place written right before the title (某兰|市长, 某约市|市长) is the
    # post's place: one that is no place of the level (a foreign city) implies
    # no body, not the article's other city
    adjacent = [pm for pm in places if pos - len(core[0]) <= pm.end <= pos]
    if adjacent and linker.place_in_context(core[0], pos, adjacent) is None:
        return None
    place = linker.place_in_context(core[0], pos, places)
    if place is None:
        named = [("level", core[0] + t) for t in sorted(variants(tail))]
        return next((k for k in named if k in linker.entities), None)
    key = ("local", place.code, canonical_tail(tail))
    return key if key in linker.entities else linker.local_body(place.code, tail)


def central_body(linker, central, title):
    """The central body a bodiless title is a post of (国务委员: 国务院,
    rules/relations.toml central_title_bodies), else None."""
    name = central.get(base_title(title))
    if not name:
        return None
    return linker.implied(("central", name), "AGENCY", name, attrs={"central": True})


class RightwardPosts:
    """The posts written from a position on in one sentence text[s:e]:
    `bodies` are linked AGENCY/ORG mentions, `title_at` the sentence's
    titles by text offset."""

    def __init__(self, text, s, e, bodies, title_at, linker, places, rules):
        self.text, self.s, self.e = text, s, e
        self.title_at, self.linker, self.places, self.rules = title_at, linker, places, rules
        self.body_at = {}
        for b in bodies:
            m = b.mention
            if s <= m.start < e and (m.start not in self.body_at or
                                     m.end > self.body_at[m.start].mention.end):
                self.body_at[m.start] = b
        self.ordinal = _ordinal_re(rules)

    def read(self, pos: int) -> tuple[list, int]:
        """([(body key, title)], where the posts end) of the posts at pos."""
        text, joiners = self.text, self.rules.relations.post_events.title_joiners
        out, body, q = [], None, pos
        while q < self.e:
            q = self._skip_ordinal(q)
            b = self.body_at.get(q)
            if b is not None:
                t = self._title_after(b)
                if t is None:
                    break
                body = b.key
            else:
                t = self.title_at.get(q)
                if t is None:
                    break
                implied = implied_body(self.linker, self.rules.relations.implied_bodies,
                                       t.text, q, self.places)
                implied = implied or central_body(self.linker, self.rules.relations.central_title_bodies, t.text)
                if implied is not None:
                    body = implied
                elif body is None:
                    break
            out.append((body, t.text))
            q = t.end + self.s
            j = next((w for w in joiners if text.startswith(w, q)), None)
            if j is None or not (self.body_at.get(q + len(j)) or self.title_at.get(self._skip_ordinal(q + len(j)))):
                break
            q += len(j)
        return out, q

    def _skip_ordinal(self, q: int) -> int:
        m = self.ordinal.match(self.text, q, self.e)
        return m.end() if m else q

    def _title_after(self, b):
        """The title right after body b (past an ordinal: 第六任), or one
        that starts inside it and runs past its end (市政府党组|党组成员)."""
        end = b.mention.end
        t = self.title_at.get(self._skip_ordinal(end))
        if t is not None:
            return t
        for k in range(b.mention.start + 1, end):
            t = self.title_at.get(k)
            if t is not None and t.end + self.s > end:
                return t
        return None


@lru_cache(maxsize=8)
def _ordinal_re(rules) -> re.Pattern:
    return re.compile(rules.relations.post_events.ordinal)
