"""Central bodies' names inside a foreign or another party's body's name.

Many states and parties name their organs as the PRC's are named: 欧洲央行
is not 中国人民银行, 美国财政部 not the State Council's 财政部, 越共中央政治局
not 中共中央政治局, 农工党中央 (a democratic party's central committee) not
中共中央 (spec §7). A central name read there is the other body's, an entity
of its own:
- right after a foreign place (a country, a continent: 欧洲|央行), or after
  it and a word a ministry's name opens with (某国|公共|卫生部): that place's
  body, seated there, like any place + body (美国|劳工部);
- right after, or cut from inside, a word that ends a party's short name
  (越共|中央政治局, 农工|党中央; rules/agencies.toml party_name_ends), other
  than the PRC's ruling party (home_parties): that party's body, named as
  written; after a foreign place and a party's name (某国人民革命|党中央):
  that party's, seated in the place;
- cut from inside any other word (俄|央行 in 俄央行): no PRC body.
A foreign state's armed forces named by the country alone (某国|军方,
某国|空军: rules/agencies.toml foreign_organs) are its organ too, seated there;
so is a government named after its leader (某某某政府: the administration).
"""

import re

from kg.nlp.gazetteer import WORLD_LEVELS
from kg.nlp.lexical import Tagged
from kg.nlp.mentions import Mention


class ForeignBodies:
    def __init__(self, rules, name_char):
        """`name_char`: whether a character may stand inside a body's name."""
        self.name_char = name_char
        self.home_countries = set(rules.places.world.home)
        self.party_ends = tuple(rules.agencies.party_name_ends)
        self.home_parties = tuple(rules.agencies.home_parties)
        self.max_party_name = rules.agencies.max_party_name
        self.ministry_openers = rules.agencies.foreign_ministry_openers
        self.party_openers = rules.agencies.party_name_openers
        self.organs = sorted(rules.agencies.foreign_organs, key=len, reverse=True)
        chars = re.escape("".join(sorted(set("".join(rules.persons.translit_chars.split())))))
        words = "|".join(map(re.escape, rules.agencies.administration_words))
        self.admin_re = re.compile(
            rf"(?<![{chars}])([{chars}]{{2,{rules.agencies.administration_max_run}}})(?:{words})")
        self.runs = rules.places.foreign_runs
        self.pair_tails = frozenset(rules.agencies.empty_core_suffixes) | frozenset(self.organs)
        self.pair_marks = tuple(rules.agencies.elided_pair_marks)

    def seats(self, places) -> dict:
        """{end: place} of the foreign places among `places` (a body's name
        right after one is that place's body)."""
        return {m.end: m for m in places if m.attrs.get("level") in WORLD_LEVELS
                and m.attrs.get("canonical") not in self.home_countries}

    def ministry_opener(self, text, place) -> int:
        """The length of a word a foreign ministry's name opens with right
        after the foreign `place` (某国|公共|卫生部), else 0."""
        if not self._foreign(place):
            return 0
        return next((len(w) for w in self.ministry_openers if text.startswith(w, place.end)), 0)

    def organ_end(self, text, place) -> int:
        """The end of a foreign state's organ named by the country alone right
        after the foreign `place` (某国|军方, 某国|空军), else 0; not where the
        word runs on (某国|军队建设 is the army's building, still the army)."""
        if not self._foreign(place):
            return 0
        return next((place.end + len(w) for w in self.organs if text.startswith(w, place.end)), 0)

    def administrations(self, text, places, seats, priority) -> list:
        """The AGENCY mentions of governments named after their leader (某某
        政府: rules/agencies.toml administration_words), where LAC reads the
        run before the word as one person's name (or the whole as one name),
        not a place of `places`;
        seated in the foreign place right before it (`seats`: self.seats)."""
        cands = [m for m in self.admin_re.finditer(text)
                 if not any(p.start < m.end(1) and m.start(1) < p.end for p in places)]
        if not cands:
            return []
        tagged = Tagged([m.span(1) for m in cands], text, self.runs)
        out = []
        for m in cands:
            s, e = m.span(1)
            # LAC reads the name alone (PER) or with the word (某某政府: PER or ORG)
            over = [(t.start, t.end, t.tag) for t in tagged.inside(s, e)]
            if not (over == [(s, e, "PER")] or over in ([(s, m.end(), "PER")], [(s, m.end(), "ORG")])):
                continue
            seat = seats.get(s)
            start = seat.start if seat is not None else s
            attrs = {"place_code": seat.attrs.get("code"), "place_span": (seat.start, seat.end),
                     "prefix_end": seat.end} if seat is not None else {}
            out.append(Mention(start, m.end(), "AGENCY", text[start:m.end()], "kg_agencies", priority,
                               attrs, rule="agencies.foreign_administration"))
        return out

    def elided(self, text, body, places) -> list:
        """某国和某国政府, 某国、某国和某国军方: the AGENCY mentions of the organs
        of the foreign places listed before the one `body` (read after a
        place, an organ word with no name between) is named after. Each
        spans its place's name (the shared word is written once, after the
        last) and carries the word as `shared_tail`; seated in the place."""
        span = body.attrs.get("place_span")
        last = next((p for p in places if span and (p.start, p.end) == tuple(span)), None)
        if last is None or not self._foreign(last) or text[last.end:body.end] not in self.pair_tails:
            return []
        tail, out, k = text[last.end:body.end], [], last.start
        while k > 1 and text[k - 1] in self.pair_marks:
            prev = next((p for p in places if p.end == k - 1 and self._foreign(p)), None)
            if prev is None:
                break
            out.append(Mention(prev.start, prev.end, "AGENCY", prev.text, "kg_agencies", body.priority,
                               {"place_code": prev.attrs.get("code"), "place_span": (prev.start, prev.end),
                                "prefix_end": prev.end, "shared_tail": tail}, rule="agencies.foreign_elided"))
            k = prev.start
        return out

    def _foreign(self, place) -> bool:
        return place.attrs.get("level") in WORLD_LEVELS and place.attrs.get("canonical") not in self.home_countries

    def party_opener(self, text, first, last) -> int:
        """The length of the word a party's name opens with before the run of
        places first..last when a party's word follows it (统一|某国|党), else 0."""
        if not (self._foreign(last) and text.startswith(self.party_ends, last.end)):
            return 0
        return next((len(w) for w in self.party_openers if text.endswith(w, 0, first.start)), 0)

    def body(self, text, s, e, seats, words, priority):
        """None when the central name at s..e names the PRC's body; else the
        mentions of the body it is part of (none when that is no name)."""
        seat = seats.get(s) or next((seats[s - len(w)] for w in self.ministry_openers
                                      if text.endswith(w, 0, s) and s - len(w) in seats), None)
        if seat is not None:
            return [Mention(seat.start, e, "AGENCY", text[seat.start:e], "kg_agencies", priority,
                            {"place_code": seat.attrs.get("code"), "place_span": (seat.start, seat.end),
                             "prefix_end": seat.end}, rule="agencies.foreign_seat")]
        if not words.starts_word(s):            # 农工|党中央: cut from inside a word
            ws, we = words.start_of[s], words.end_of[s]
            if self._home_party(text, we):
                return None
            if not self._other_party(text, ws, we) and not self._other_party(text, ws, s):
                return []       # 俄|央行; but 古共|中央书记处 cut from 古共中央 is that party's
        elif s > 0 and self._other_party(text, self._word_before(text, words, s), s):
            ws = self._word_before(text, words, s)          # 越共|中央政治局, 古|共|中央书记处
        else:
            return self._party_of_place(text, s, e, seats, priority)
        # 古巴|共产|党中央: the party named after its country is seated there
        return self._party_of_place(text, ws, e, seats, priority, party_read=True) \
            or [self._party_body(text, ws, e, priority)]

    def _party_of_place(self, text, s, e, seats, priority, party_read=False):
        """某国人民革命|党中央: a party's name read on from a foreign place
        (no more than max_party_name characters of a name between) ends
        where the central name starts: that party's body, seated there.
        `party_read`: s starts a party's short name already read (某国|劳动党|中央)."""
        if not party_read and not text.startswith(self.party_ends, s) and not text.endswith(self.party_ends, 0, s):
            return None
        for k in range(s, max(-1, s - self.max_party_name - 1), -1):
            seat = seats.get(k)
            if seat is not None and all(self.name_char(text[i]) for i in range(k, s)):
                return [Mention(seat.start, e, "AGENCY", text[seat.start:e], "kg_agencies", priority,
                                {"place_code": seat.attrs.get("code"), "place_span": (seat.start, seat.end),
                                 "prefix_end": seat.end}, rule="agencies.foreign_party")]
        return None

    def _word_before(self, text, words, s) -> int:
        """The start of the word before s; of the two words before it where
        that word is one character (古|共: a party's short name cut in two)."""
        ws = words.start_of[s - 1]
        if s - ws == 1 and ws > 0 and self.name_char(text[ws - 1]):
            return words.start_of[ws - 1]
        return ws

    def _other_party(self, text, start, end) -> bool:
        """Whether the word start..end ends a party's short name, not the PRC's."""
        return end - start >= 2 and text.endswith(self.party_ends, start, end) and not self._home_party(text, end)

    def _home_party(self, text, end) -> bool:
        return text.endswith(self.home_parties, 0, end)

    @staticmethod
    def _party_body(text, start, end, priority):
        return Mention(start, end, "AGENCY", text[start:end], "kg_agencies", priority,
                       {"party_body": True}, rule="agencies.other_party")
