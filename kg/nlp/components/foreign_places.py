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
            if not over or any(t.tag not in cfg.place_tags for t in over):
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
        return sorted(set(out))

    def _after_region(self, text, start, s, taken, home_ends) -> bool:
        """Whether text[start:s] is a place read (not a home one) and a
        word of within_gaps naming a region of it (某国|东北部)."""
        return any(a == start and b not in home_ends and text[b:s] in self.cfg.within_gaps
                   and text[b:s] != "的" for a, b in taken)
