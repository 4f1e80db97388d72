"""Posts given and taken away by appointment and removal sentences.

Three frames, each read rightwards (the words are rules/relations.toml
[post_events]):
- NAME (同志) + a verb of taking or leaving + POSTS: 某某同志任某省委委员、
  常委、书记; 某某同志不再担任某省委书记、常委、委员职务; 某某当选某会主席.
- an appointing verb + NAMES + 为 + POSTS, and more NAMES 为 POSTS after a
  comma: 任命甲为某部部长，乙为某委员会副主任.
- a removing verb + NAMES (的) + POSTS (职务): 免去甲的某部部长职务.
A clause that opens with a verb of taking or leaving and names nobody has
the previous frame's person: 某某同志任甲省委书记，不再担任乙省委书记职务.
POSTS are read by kg.relations.post_bodies.RightwardPosts; a post only
sought (…候选人) is none. A leaving or removing verb, or a post held
"during" (任…期间), makes the post `former` (spec §7), dated by the date
written before the verb in the sentence, else (a removal only) by the
article's date to the month. A post dated by a stretch of time
(2002年10月至2007年3月任…) is held from its first date `until` its second:
one that ended before the article is `former`.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from kg.nlp.textscan import alternation
from kg.text.dates import find_dates


class Held(NamedTuple):
    """A post a frame read: the person's linked mention, the body's key,
    the title, and the attrs the event gives (event, status, date)."""
    person: object
    body: tuple
    title: str
    attrs: dict
    rule: str


def post_events(reader, persons, pub_date) -> list[Held]:
    """The posts the frames of one sentence give its `persons` (linked
    PERSON mentions in text order); `reader` is the sentence's
    RightwardPosts."""
    return _Frames(reader, persons, pub_date).run()


class _Frames:
    def __init__(self, reader, persons, pub_date):
        self.r, self.text = reader, reader.text
        self.ev = reader.rules.relations.post_events
        self.pub_date = pub_date
        self.by_start = {p.mention.start: p for p in persons}
        self.by_end = {p.mention.end: p for p in persons}
        self.inside = [(p.mention.start, p.mention.end) for p in persons] + \
            [(b.mention.start, b.mention.end) for b in reader.body_at.values()] + \
            [(t.start + reader.s, t.end + reader.s) for t in reader.title_at.values()]
        self.dates = None
        self.out: list[Held] = []
        # the persons of the last frame: a clause naming nobody has them; at
        # first the sentence's topic, a name opening it before a comma
        # (某某，男，汉族，现任某县县长)
        first = self.by_start.get(reader.s)
        topic = first is not None and first.mention.end < reader.e and \
            self.text[first.mention.end] in self.ev.clause_marks
        self.last = [first] if topic else []

    def run(self) -> list[Held]:
        s, e = self.r.s, self.r.e
        for m in _verb_re(self.r.rules).finditer(self.text, s, e):
            v, vs, ve = m.group(), m.start(), m.end()
            if any(a <= vs < b for a, b in self.inside):
                continue    # 主任, 任务: inside a title, a body or a name
            if v in self.ev.taking or v in self.ev.leaving:
                self._subject_verb(v, vs, ve)
            elif v in self.ev.appointing:
                self._verb_names(v, vs, ve, self.ev.appointing[v], removal=False)
            else:
                self._verb_names(v, vs, ve, self.ev.removing[v], removal=True)
        return self.out

    def _subject_verb(self, v, vs, ve):
        """NAME (同志) VERB POSTS, or VERB POSTS at a clause's start."""
        left, former = vs, False
        moved = True
        while moved:
            moved = False
            for w in self.ev.adverbs:
                if left - len(w) >= self.r.s and self.text.startswith(w, left - len(w)):
                    left -= len(w)
                    former = former or w in self.ev.former_adverbs
                    moved = True
                    break
        p = self.by_end.get(left)
        if p is not None:
            subjects = self._listed_before(p)
        elif v not in self.ev.named_only and (left == self.r.s or self.text[left - 1] in self.ev.clause_marks):
            subjects = self.last
        else:
            return
        removal = v in self.ev.leaving
        event = self.ev.leaving[v] if removal else self.ev.taking[v]
        if subjects and self._posts(subjects, ve, event, vs, removal=removal, former=former) is not None:
            self.last = subjects

    def _verb_names(self, v, vs, ve, event, *, removal):
        """任命 NAMES 为 POSTS (，NAMES 为 POSTS)…; 免去 NAMES (的) POSTS."""
        q = ve
        while True:
            names, q = self._names_at(q)
            if not names and self.last and (pro := next(
                    (w for w in self.ev.pronouns if self.text.startswith(w, q)), None)):
                names, q = self.last, q + len(pro)    # …，免去其…职务: the last frame's person
            if not names:
                return
            if removal:
                q += len(next((w for w in self.ev.removed_of if self.text.startswith(w, q)), ""))
            elif self.text.startswith(self.ev.appointed_as, q):
                q += len(self.ev.appointed_as)
            else:
                return
            end = self._posts(names, q, event, vs, removal=removal, former=False)
            if end is None:
                return
            self.last = names
            if end >= self.r.e or self.text[end] not in self.ev.clause_marks:
                return
            q = end + 1

    def _names_at(self, q):
        """The persons listed from q on (甲、乙同志), and where they end."""
        names = []
        while (p := self.by_start.get(q)) is not None:
            names.append(p)
            q = p.mention.end
            if self.text.startswith(self.ev.person_word, q):
                q += len(self.ev.person_word)
            if q < self.r.e and self.text[q] in self.ev.name_joiners and (q + 1) in self.by_start:
                q += 1
            else:
                break
        return names, q

    def _listed_before(self, p):
        """甲、乙同志任…: the names listed before p with it."""
        names = [p]
        while (k := names[0].mention.start) > self.r.s and self.text[k - 1] in self.ev.name_joiners \
                and (prev := self.by_end.get(k - 1)) is not None:
            names.insert(0, prev)
        return names

    def _posts(self, persons, pos, event, verb_at, *, removal, former):
        """Read the posts at pos for `persons` (`removal`: the verb takes
        them away; `former`: an adverb says they were held before, 曾任);
        where they end, or None when there are none."""
        posts, end = self.r.read(pos)
        if not posts or self.text.startswith(self.ev.sought_after, end):
            return None
        # 曾任…, 任…期间: narration of a post held before, no event of the day
        narrated = former or self.text.startswith(self.ev.former_after, end)
        former = removal or narrated
        attrs = {"event": event} if event and not narrated else {}
        date = self._date_before(verb_at) if attrs or former else None   # 现任: no date
        until = self.dates.until(verb_at - self.r.s) if date is not None else None
        if until is not None and attrs.get("event") and self.pub_date and until < self.pub_date[:len(until)]:
            attrs["until"] = until          # 2002年10月至2007年3月任…: held then, ended since
            former = True
        if former:
            attrs["status"] = "former"
            if date is None and removal and self.pub_date:
                date = self.pub_date[:self.ev.undated_removal_chars]
        if date is not None:
            attrs["date"] = date
        for p in persons:
            for body, title in posts:
                if removal:
                    self.out.append(Held(p, body, title, attrs, rule="posts.removal"))
                else:
                    self.out.append(Held(p, body, title, attrs, rule="posts.appointment"))
        return end

    def _date_before(self, pos):
        if self.dates is None:
            self.dates = PostDates(self.text, self.r.s, self.r.e, self.pub_date, self.r.rules)
        return self.dates.at(pos - self.r.s)


class PostDates:
    """The dates of the sentence text[s:e] a post may be dated by (not a
    birth date: 1968年10月生); `at(pos)` is the last one ending by pos
    (sentence offsets), else None, and `until(pos)` that date's end when it
    opens a range (2002年10月至2007年3月: 2007-03; 2007年3月至10月: the
    second date in the first one's year, 2007-10), else None."""

    def __init__(self, text, s, e, pub_date, rules):
        sentence = text[s:e]
        ev = rules.relations.post_events
        found = sorted((d for d in find_dates(sentence, pub_date, rules)
                        if not sentence.startswith(ev.birth_words, d[1])), key=lambda d: d[1])
        self.dates, self.ends, skip_to = [], {}, -1
        for d in found:
            if d[0] < skip_to:
                continue    # the second date of a range, read there
            end, until = _range_end(sentence, d, pub_date, rules)
            self.dates.append((d[0], end, d[2]))
            if until:
                self.ends[(d[0], end)] = until
            skip_to = end

    def at(self, pos):
        before = [d for d in self.dates if d[1] <= pos]
        return max(before)[2] if before else None

    def until(self, pos):
        before = [d for d in self.dates if d[1] <= pos]
        return self.ends.get(max(before)[:2]) if before else None


def _range_end(sentence, d, pub_date, rules) -> tuple:
    """(where the stretch of time that date `d` opens ends, its end date) for 至 + a
    date (a bare month or day read in d's year), (d's end, None) when d opens none;
    至今 ends at 今 with no end date."""
    ev = rules.relations.post_events
    at = d[1]
    word = next((w for w in ev.range_words if sentence.startswith(w, at)), None)
    if word is None:
        return at, None
    at += len(word)
    if sentence.startswith(ev.range_open, at):
        return at + len(next(w for w in ev.range_open if sentence.startswith(w, at))), None
    second = [x for x in find_dates(sentence[at:], d[2][:4] + (pub_date or "")[4:], rules) if x[0] == 0]
    if not second:
        return d[1], None
    x = max(second, key=lambda x: x[1])
    return at + x[1], x[2]


@lru_cache(maxsize=8)
def _verb_re(rules) -> re.Pattern:
    """Every verb of the frames, longest first (不再担任 before 担任 before 任)."""
    ev = rules.relations.post_events
    words = {*ev.taking, *ev.leaving, *ev.appointing, *ev.removing}
    return re.compile(alternation(words))
