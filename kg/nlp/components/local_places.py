"""PLACE below the division table's tree: villages, communities, townships
the table lacks, and development zones.

No table lists every village of a text with certainty (the division table's
villages are an index of ~300k names, most shared by many townships), and
no table lists zones at all, so these are read from the *shape* of a name
(a short stem + an ending of rules/places.toml [local]) where the text
makes it a place:

- right after a place (某某县|新河镇, 某某镇|新河村, 某某市|高新区, 某某市|
  临江新区): the place before is its parent; a village the table has
  under that parent takes the table's township (佛山|新河村 is the 新河村
  of a township in 佛山市);
- after the list mark that joins it to a district of its city (某某区、
  经开区): in that city;
- before a body every village has (新河村|党支部, 和平社区|居委会), when the
  stem starts a word and the table knows a village of that name;
- alone (新河村 in a text about 某某县), when the table has a village of that
  name under a township or county the document names (or, for a name few
  townships share, its prefecture or province), or after a locative verb
  (来到|新河村) when the table has exactly one.

Common words that end like a place (农村, 美丽乡村, 度假村, 城乡社区, 小镇)
are never one. A name must start and end on the segmenter's word
boundaries, so 村 in 新河村民 or 社区 in 社区工作者 starts no name; one the
table does not confirm must also not end in a word that starts inside its
stem (某某县成立|返乡). Each place
gets a code PARENTCODE-NAME (kg.nlp.gazetteer.Gazetteer.by_code), so it is
keyed, named and placed in the tree like a division; a village whose
township cannot be told gets no code and is a place of its document only.
"""

import re
from functools import lru_cache

from kg.nlp.mentions import Mention
from kg.nlp.textscan import PUNCT, alternation, is_cjk


@lru_cache(maxsize=8)
def _endings(rules) -> re.Pattern:
    """Every ending of a local place, longest first."""
    cfg = rules.places.local
    return re.compile(alternation([*cfg.village_suffixes, *cfg.town_suffixes, *cfg.zone_kinds]))


class LocalPlaces:
    """Reads local places of a text given its division-table PLACE mentions."""

    def __init__(self, rules, gaz, priority: int):
        self.rules = rules
        self.cfg = rules.places.local
        self.gaz = gaz
        self.priority = priority
        self.zone_kinds = frozenset(self.cfg.zone_kinds)
        self.common = frozenset(self.cfg.common_words)
        self.common_endings = tuple(self.cfg.common_words)
        self.bad = set(self.cfg.bad_stem_chars)
        self.numerals = set(rules.places.match.numerals)

    def find(self, text: str, words: dict, places: list) -> list:
        """Local PLACE mentions of `text`; `words` maps the end of each of the
        segmenter's words to its start, `places` are the table's mentions."""
        # this call's words, read by the readings below
        self.word_starts = words
        self.boundaries = set(words) | set(words.values())
        ends = {m.end: m for m in places}
        taken = [(m.start, m.end) for m in places]
        codes = self._codes(places)
        found, later = [], []
        for hit in _endings(self.rules).finditer(text):
            j, e = hit.span()
            level = self.gaz.local_level(hit.group())
            if (e < len(text) and e not in self.boundaries) or any(s < e and j < t for s, t in taken):
                continue
            m = self._after_place(text, j, e, level, ends, codes)
            if m is None and level == "village":
                m = self._before_body(text, j, e, taken, codes)
            if m is None and level == "zone":
                m = self._listed_zone(text, j, e, ends)
            if m is None:
                if level == "village":
                    later.append((j, e))
                continue
            found.append(m)
            ends[m.end] = m
            taken.append((m.start, m.end))
            codes |= self._codes([m])
        for j, e in later:
            m = self._alone(text, j, e, taken, codes)
            if m is not None:
                found.append(m)
                taken.append((m.start, m.end))
        found += self._repeated(text, found, taken)
        return sorted(found, key=lambda m: m.start)

    def _repeated(self, text, found, taken) -> list:
        """A name placed once (某某省|临江新区) is that place wherever else the
        text writes it as a word (临江新区 alone, later)."""
        out = []
        named = {m.text: m.attrs["code"] for m in found
                 if m.attrs.get("code") and m.text not in self.zone_kinds}
        for name, code in named.items():
            at = text.find(name)
            while at != -1:
                end = at + len(name)
                if (at == 0 or at in self.boundaries) and (end == len(text) or end in self.boundaries) \
                        and not any(s < end and at < t for s, t in taken):
                    out.append(self._mention(text, at, end, code, "places.local_named_before"))
                    taken.append((at, end))
                at = text.find(name, end)
        return out

    # --- readings ----------------------------------------------------------

    def _after_place(self, text, j, e, level, ends, codes):
        """新河村 right after 某某镇 (or a zone after its city)."""
        cfg = self.cfg
        lo, hi = (cfg.zone_min_stem, cfg.zone_max_stem) if level == "zone" else (cfg.min_stem, cfg.max_stem)
        if level == "zone" and text.endswith(cfg.named_zone_kinds, j, e):
            hi = cfg.named_zone_max_stem      # 某某市|海上风电装备|产业园: a zone named after what it holds
        for k in range(j - lo, j - hi - 1, -1):   # the shortest stem first
            p = ends.get(k)
            if p is None:
                continue
            if p.attrs.get("level") not in cfg.chain_parent_levels[level] or not p.attrs.get("code"):
                return None
            name = text[k:e]
            if not self._stem_ok(text[k:j], name, level, e):
                return None
            town = self._township(name, codes, within=p.attrs["code"]) if level == "village" else None
            last = self.word_starts.get(e, k)
            if town is None and k < last < j:
                return None   # 某某县成立|返乡: the name's last word starts inside its stem
            if level != "village":
                return self._mention(text, k, e, self.gaz.local_code(p.attrs["code"], name), "places.local_after_place")
            if town is None and (p.attrs["level"] not in self.cfg.unconfirmed_parent_levels or j - k < 2):
                return None   # 广东|新河村 the table does not know, 某某县|东村: no reading
            code = self.gaz.local_code(town or p.attrs["code"], name)
            return self._mention(text, k, e, code, "places.local_after_place")
        return None

    def _listed_zone(self, text, j, e, ends):
        """A zone listed after its city's districts or zones (某某区、经开区、
        临江新区): in their city. The list mark must join it to a county or
        a zone; a zone with a stem of its own has one of zone_max_stem."""
        cfg = self.cfg
        for k in (j, j - cfg.zone_max_stem):
            p = ends.get(k - len(cfg.list_mark)) if text.startswith(cfg.list_mark, k - len(cfg.list_mark)) else None
            if p is None or p.attrs.get("level") not in cfg.list_sibling_levels or not p.attrs.get("parent"):
                continue
            if k < j and (k not in self.boundaries or not self._stem_ok(text[k:j], text[k:e], "zone", e)):
                continue
            code = self.gaz.local_code(p.attrs["parent"], text[k:e])
            return self._mention(text, k, e, code, "places.local_listed_zone")
        return None

    def _before_body(self, text, j, e, taken, codes):
        """新河村 right before 党支部 (a body every village has)."""
        if not text.startswith(self.cfg.body_followers, e):
            return None
        for k in self._stems(text, j, taken):
            name = text[k:e]
            if not self.gaz.village_parents(name):
                continue   # 带领村|“两委”: a verb, no village the table knows
            if self._stem_ok(text[k:j], name, "village", e) and j - k >= 2:
                town = self._township(name, codes)
                code = self.gaz.local_code(town, name) if town else None
                return self._mention(text, k, e, code, "places.local_before_body")
        return None

    def _alone(self, text, j, e, taken, codes):
        """新河村 alone: a village the table has under a named township or
        county (or after a locative verb, the only one it has)."""
        for k in self._stems(text, j, taken):
            name = text[k:e]
            if j - k < 2 or not self._stem_ok(text[k:j], name, "village", e):
                continue
            town = self._township(name, codes, anchored=True)
            if town is None and text.endswith(self.cfg.locative_cues, 0, k):
                towns = self.gaz.village_parents(name)
                town = towns[0] if len(towns) == 1 else None   # 来到|某某村: the only one there is
            if town is not None:
                return self._mention(text, k, e, self.gaz.local_code(town, name), "places.local_in_table")
        return None

    # --- checks --------------------------------------------------------------

    def _stems(self, text, j, taken) -> list:
        """Starts of the stems before offset j that begin a word, shortest first."""
        out = []
        for k in range(j - 1, max(-1, j - self.cfg.max_stem - 1), -1):
            ch = text[k]
            if ch in PUNCT or not is_cjk(ch) or any(s < j and k < t for s, t in taken):
                break
            if k == 0 or k in self.boundaries:
                out.append(k)
        return out

    def _stem_ok(self, stem: str, name: str, level: str, e: int) -> bool:
        """Whether `name` (ending at offset e) with `stem` may be a place."""
        quotes = self.cfg.named_zone_quotes if level == "zone" else ""
        if not all(is_cjk(c) or c in quotes for c in stem) or any(c in self.bad for c in stem):
            return False
        if stem and all(c in self.numerals for c in stem):
            return False   # 两村, 三镇: a count, not a name
        if stem.startswith(self.cfg.bad_stem_starts):
            return False
        if level == "zone":
            return True
        if name in self.common:
            return False
        # 美丽|乡村 ends in the word 乡村 and is no village; 高山村 ends like 山村
        # and is one (the table has it), 九重镇 like 重镇 but as one word
        ends = [w for w in self.common_endings if name.endswith(w) and (e - len(w)) in self.boundaries]
        return not ends or bool(self.gaz.village_parents(name))

    def _township(self, name, codes, within=None, anchored=False):
        """The table's township of village `name`: among those under `within`
        (a place written just before it) or all, the one whose nearest
        ancestor the document names (its township before its county);
        `anchored`: only one under a township or county the document names;
        else, with none named, the only one there is (or, under `within`,
        the first)."""
        towns = self.gaz.village_parents(name)
        if within is not None:
            towns = [t for t in towns if t == within or within in self.gaz.ancestors(t)]
        if not towns:
            return None
        levels = set(self.cfg.anchor_levels)
        if len(towns) <= self.cfg.rare_name_max:
            levels |= set(self.cfg.rare_anchor_levels)
        scored = []
        for t in towns:
            chain = [t, *self.gaz.ancestors(t)]
            hits = [i for i, c in enumerate(chain) if c in codes
                    and (not anchored or self.gaz.by_code(c).level in levels)]
            if hits:
                scored.append((min(hits), t))
        if scored:
            return min(scored)[1]
        if anchored:
            return None
        return towns[0] if within is not None or len(towns) == 1 else None

    def _codes(self, places) -> set:
        return {m.attrs["code"] for m in places if m.attrs.get("code")}

    def _mention(self, text, s, e, code, rule) -> Mention:
        p = self.gaz.by_code(code) if code else None
        attrs = {"code": p.code, "parent": p.parent, "level": p.level, "canonical": p.name} if p else \
            {"level": self.gaz.local_level(text[s:e])}
        return Mention(s, e, "PLACE", text[s:e], source="kg_places", priority=self.priority,
                       attrs=attrs, rule=rule)
