"""Provinces written by their one-character abbreviation in a run of them
(“某某某”建立…机制, 某某某签署…协议: a joint act of the provinces), for kg_places:
rules/places.toml [province_abbreviations].

The 34 provincial-level divisions each have an official one-character
abbreviation (京, 沪, 粤 …); the table maps it to the division's full name,
which the gazetteer turns into the place. A run alone names nothing (沪宁 is
a given name, 青藏 a plateau, 新台阶 a word): only a whole run in quotes,
or one standing after no other name character and before a verb of a joint
act or a count of the parties (某某两地, 某某三省), is read. One alone is read
after a verb of being in or going to a place (在京会见, 来沪考察: the capital, the
city) where the segmenter ends a word right after it.
"""

import re

from kg.nlp.textscan import alternation, is_cjk


class ProvinceRuns:
    def __init__(self, gaz, cfg):
        by_name = {p.name: p for p in gaz if p.level == "province"}
        self.places = {ch: by_name[name] for ch, name in cfg.chars.items() if name in by_name}
        c = re.escape("".join(self.places))
        n = f"{{{cfg.min_run},{cfg.max_run}}}"
        opening, closing = re.escape(cfg.quotes[0]), re.escape(cfg.quotes[1])
        cue = (f"(?:{alternation(sorted(cfg.joint_verbs, key=len, reverse=True))}"
               f"|[{re.escape(cfg.party_count_chars)}](?:{alternation(cfg.party_words)}))")
        self.quoted_re = re.compile(rf"(?<=[{opening}])[{c}]{n}(?=[{closing}])")
        self.cued_re = re.compile(rf"(?<![{c}])[{c}]{n}(?={cue})")
        self.stay_re = re.compile(rf"(?<=[{re.escape(cfg.stay_cues)}])[{re.escape(cfg.stay_chars)}](?![{c}])")

    def find(self, text: str, taken) -> list:
        """[(start, place)] of the run characters; `taken`: spans of the
        names already read, which a run may not touch."""
        out = []
        runs = [(m, True) for m in self.quoted_re.finditer(text)] + \
               [(m, False) for m in self.cued_re.finditer(text)]
        for m, quoted in runs:
            i, j = m.span()
            if not quoted and i > 0 and (is_cjk(text[i - 1]) or text[i - 1].isalnum()):
                continue   # 王某宁签署: the run ends another word
            if any(s < j and i < e for s, e in taken) or len(set(m.group())) < j - i:
                continue   # inside a name read, or a character twice: no run of provinces
            out += [(k, self.places[text[k]]) for k in range(i, j)]
        return sorted(set(out), key=lambda x: x[0])

    def stays(self, text: str, taken, words: dict) -> list:
        """[(start, place)] of one abbreviation after a verb of being in or
        going to a place (在某|会见); `words` maps the end of each of the
        segmenter's words to its start: the abbreviation must end one and
        its verb must start it or the word before (在某 or 在|某)."""
        out = []
        for m in self.stay_re.finditer(text):
            k = m.start()
            if words.get(k + 1) not in (k, k - 1) or any(s <= k < e or s < k < e for s, e in taken):
                continue
            out.append((k, self.places[text[k]]))
        return out
