"""Foreign places no table holds, for kg_places: rules/places.toml [foreign_runs].

The world table has countries, capitals and major cities; the towns and
regions of a war or a disaster abroad (某某茨克, 某里乌波尔) are written in
transliteration characters (rules/persons.toml translit_chars) that spell
foreign persons' names just as well. A run of them is a PLACE when the words
around it say "where" (在某某, 重镇某某, 某某等地, 某某市) and Baidu LAC
(kg.nlp.lexical), reading the clause, tags every word over it as a location:
the cue finds the candidates cheaply, LAC tells a town from a person (在某某
斯基的邀请下 is a person's).
"""

import re

from kg.nlp.lexical import merged_windows, tag_window
from kg.nlp.textscan import alternation


class ForeignRuns:
    def __init__(self, rules):
        cfg = self.cfg = rules.places.foreign_runs
        self.division_chars = rules.places.world.division_suffixes
        chars = re.escape("".join(sorted(set("".join(rules.persons.translit_chars.split())))))
        run = rf"[{chars}]{{{cfg.min_run},{cfg.max_run}}}"
        before = alternation(sorted(cfg.before_cues, key=len, reverse=True))
        after = alternation(sorted(cfg.after_cues, key=len, reverse=True))
        self.after_cue_re = re.compile(rf"(?:{before})({run})(?![{chars}])")
        self.before_cue_re = re.compile(rf"(?<![{chars}])({run})(?={after})")

    def find(self, text: str, taken) -> list:
        """(start, end) of the foreign places; `taken`: spans of the names
        already read, which a run may not touch."""
        spans = {m.span(1) for p in (self.after_cue_re, self.before_cue_re) for m in p.finditer(text)}
        cands = sorted((s, e) for s, e in spans if not any(a < e and s < b for a, b in taken))
        if not cands:
            return []
        windows = merged_windows(cands, text, self.cfg.reach, self.cfg.stops)
        tokens = [t for lo, hi in windows for t in tag_window(text, lo, hi)]
        cfg, out = self.cfg, []
        for s, e in cands:
            over = [t for t in tokens if t.start < e and s < t.end]
            if not over or any(t.tag not in cfg.place_tags for t in over):
                continue
            # LAC's place may run on over a cue (重镇|某某, 某某|州), not over more of
            # the name (得|克萨斯: the run is the tail of a longer one)
            if text.endswith(tuple(cfg.before_cues), over[0].start, s) or over[0].start == s:
                if text.startswith(tuple(cfg.after_cues), e, over[-1].end) or over[-1].end == e:
                    # a division character LAC reads with the name is the name's (某某兰|州)
                    grown = e < over[-1].end and text[e] in self.division_chars
                    out.append((s, e + 1 if grown else e))
        return out
