"""Foreign places no table holds, for kg_places: rules/places.toml [foreign_runs].

The world table has countries, capitals and major cities; the towns and
regions of a war or a disaster abroad (某某茨克, 某里乌波尔) are written in
transliteration characters (rules/persons.toml translit_chars) that spell
foreign persons' names just as well. A run of them is a PLACE when the words
around it say "where" (在某某, 重镇某某, 某某等地, 某某市) and Baidu LAC
(kg.nlp.lexical), reading the clause, tags every word over it as a location:
the cue finds the candidates cheaply, LAC tells a town from a person (在某某
斯基的邀请下 is a person's). A name may hold one character no list of
transliteration characters has (某某昌斯克, 敖某某): a run with one other
character inside or first is a candidate too, LAC's location word deciding;
so is a run LAC reads on from one of name_openers before it (北|某某茨克:
a direction or 新 that opens the town's name). Right after a home place
(北京|天安门) a run with another character is the rest of a home name.
"""

import re

from kg.nlp.lexical import Tagged
from kg.nlp.textscan import alternation


class ForeignRuns:
    def __init__(self, rules):
        cfg = self.cfg = rules.places.foreign_runs
        self.division_chars = rules.places.world.division_suffixes
        chars = re.escape("".join(sorted(set("".join(rules.persons.translit_chars.split())))))
        run = rf"[{chars}]{{{cfg.min_run},{cfg.max_run}}}"
        # one other character inside the run or first (某某昌斯克, 敖某某)
        odd = rf"(?:[{chars}]+[\u4e00-\u9fff][{chars}]+|[\u4e00-\u9fff][{chars}]{{2,}})"
        before = alternation(sorted(cfg.before_cues, key=len, reverse=True))
        after = alternation(sorted(cfg.after_cues, key=len, reverse=True))
        # plain and odd runs in turn (an odd one at an odd index)
        self.patterns = [re.compile(rf"(?:{before})({r})(?![{chars}])") for r in (run, odd)] + \
            [re.compile(rf"(?<![{chars}])({r})(?={after})") for r in (run, odd)]
        self.item = re.compile(rf"{run}|{odd}")

    def find(self, text: str, taken, home_ends=frozenset()) -> list:
        """(start, end) of the foreign places; `taken`: spans of the names
        already read, which a run may not touch; `home_ends`: where the
        home country's places read end."""
        cfg = self.cfg
        ends = home_ends
        # a run with another character right after a home place (北京|天安门):
        # the rest of a home name, not a foreign one
        spans = {m.span(1) for k, p in enumerate(self.patterns) for m in p.finditer(text)
                 if cfg.min_run <= m.end(1) - m.start(1) <= cfg.max_run
                 and not (k % 2 and m.start(1) in ends)}
        cands = sorted((s, e) for s, e in spans if not any(a < e and s < b for a, b in taken))
        if not cands:
            return []
        tagged = Tagged(cands, text, cfg)
        out = []
        for s, e in cands:
            over = tagged.inside(s, e)
            if over and any(t.tag not in cfg.place_tags for t in over):
                sure = self._sure(text, s, e, over, taken, ends)
                if sure:
                    out.append(sure)
                continue
            if not over:
                continue
            # 北|某某茨克: LAC's place opens with a character that opens names
            if over[0].start == s - 1 and text[s - 1] in cfg.name_openers:
                s -= 1
            # LAC's place may run on over a cue (重镇|某某, 某某|州), not over more of
            # the name (得|克萨斯: the run is the tail of a longer one)
            # or over a foreign place read and a region of it (某国|东北部|某某州)
            if text.endswith(tuple(cfg.before_cues), over[0].start, s) or over[0].start == s \
                    or self._after_region(text, over[0].start, s, taken, ends):
                if text.startswith(tuple(cfg.after_cues), e, over[-1].end) or over[-1].end == e:
                    # a division character LAC reads with the name is the name's (某某兰|州)
                    grown = e < over[-1].end and text[e] in self.division_chars
                    out.append((s, e + 1 if grown else e))
        return self._listed(text, out, tagged, taken)

    def _sure(self, text, s, e, over, taken, home_ends):
        """The span of a run LAC reads as no location (one word of word_tags
        over it exactly) where the words around say "place" all the same:
        before a cue of sure_after_cues (某某穆特|等地), or after a foreign
        place read and a region word before a division character
        (某国|中部|某某斯|省: the division's whole name); else None."""
        cfg = self.cfg
        if len(over) != 1 or over[0].start != s or over[0].tag not in cfg.word_tags:
            return None
        if over[0].end == e and text.startswith(tuple(cfg.sure_after_cues), e):
            return (s, e)
        if e < len(text) and text[e] in self.division_chars and over[0].end > e and any(
                b == s and b not in home_ends or self._region_of(text, b, s, home_ends) for _, b in taken):
            return (s, e + 1)
        return None

    def _listed(self, text, found, tagged, taken) -> list:
        """`found` and the items listed with them (某某克、某某扬斯克、某某曼等方向):
        a neighbour item across a list mark that is one LAC word of
        word_tags, a run of transliteration, and bounded on its other side
        by a list mark, a cue or the text's end, is a foreign place too."""
        out, todo = set(found), list(found)
        while todo:
            s, e = todo.pop()
            for item in (self._next_item(text, e, tagged), self._prev_item(text, s, tagged)):
                if item and item not in out and not any(a < item[1] and item[0] < b for a, b in taken):
                    out.add(item)
                    todo.append(item)
        return sorted(out)

    def _next_item(self, text, e, tagged):
        cfg = self.cfg
        if e + 1 >= len(text) or text[e] not in cfg.list_marks:
            return None
        tok = next((t for t in tagged.inside(e + 1, e + 2) if t.start == e + 1), None)
        if tok is None or not (tok.end == len(text) or text[tok.end] in cfg.list_marks
                               or text.startswith(tuple(cfg.after_cues), tok.end)):
            return None
        return self._item(text, tok)

    def _prev_item(self, text, s, tagged):
        cfg = self.cfg
        if s < 2 or text[s - 1] not in cfg.list_marks:
            return None
        tok = tagged.ending_at(s - 1)
        if tok is None or not (tok.start == 0 or text[tok.start - 1] in cfg.list_marks
                               or text.endswith(tuple(cfg.before_cues), 0, tok.start)):
            return None
        return self._item(text, tok)

    def _item(self, text, tok):
        cfg = self.cfg
        ok = tok.tag in cfg.word_tags and cfg.min_run <= tok.end - tok.start <= cfg.max_run \
            and self.item.fullmatch(text, tok.start, tok.end)
        return (tok.start, tok.end) if ok else None

    def _after_region(self, text, start, s, taken, home_ends) -> bool:
        """Whether text[start:s] is a place read (not a home one) and a
        word of within_gaps naming a region of it (某国|东北部)."""
        return any(a == start and self._region_of(text, b, s, home_ends) for a, b in taken)

    def _region_of(self, text, b, s, home_ends) -> bool:
        """Whether text[b:s], after a place read that ends at b (not a home
        one), is a word of within_gaps naming a region of it (东北部), not 的."""
        return b not in home_ends and text[b:s] in self.cfg.within_gaps and text[b:s] != "的"
