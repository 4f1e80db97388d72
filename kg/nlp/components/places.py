"""PLACE: administrative divisions found by exact name, over characters.

Every full name and short form in the gazetteer (kg.nlp.gazetteer) goes into one
Aho-Corasick automaton; the segmenter is never consulted. A surface is not
equally trustworthy for every place it may name, so each (surface, place)
pair gets a strength (rules/places.toml says where the lines fall):

- STRONG: full names (云南省, 沧源佤族自治县, 江夏区), province and prefecture
  short forms (云南, 山南, 石家庄), short forms carrying a level character
  (沧源县, 大理州): match anywhere.
- WEAK: county short forms (沧源, 江夏, 隆子) and very short county full names
  (城区, 和县), which are often ordinary words; plus prefecture short forms the
  rules list as ordinary words (来宾, 朝阳). They match only with support: their
  own ancestor written just before (云南沧源, 北京朝阳), the same place named
  by a strong form elsewhere in the document, or (short forms only) a body or
  level word right after (沧源纪委).
- TOWN: township names with their suffix (玉麦乡), 40k of them and many shared
  (城关镇): only when their county or prefecture is in the document or just
  before (隆子县玉麦乡).

Villages, communities, townships the table lacks and development zones are
read from the shape of their names by kg.nlp.components.local_places, after
the table's places, which anchor them.

Strong matches are chosen first (leftmost-longest, no overlaps), then weak
and township matches are admitted against that context until nothing
changes. A surface naming several places is resolved to the outer one when
one contains the other (长沙: 长沙市, not its 长沙县), else by the nearest other
places sharing an ancestor, else the higher level, else the lowest code.

A foreign city right before a division character (某某县, 某某州, 某某府)
names the division: the whole name is a PLACE without a table record. A
country right before a language's or people's character (某某文, 某某语,
某某族) is no place, nor is a short form in transliteration characters that
the next word goes on in (某里|乌波尔).

Size: one matcher over the table's names with its word, date, division and
language tests; the strength grades and the resolution of shared names.
"""

from spacy.language import Language

from kg import ruleset
from kg.nlp.mentions import Mention, doc_text, mentions_of
from kg.nlp.gazetteer import LEVEL_RANK, WORLD_LEVELS, load_gazetteer
from kg.nlp.components.country_abbreviations import CountryAbbreviations
from kg.nlp.components.foreign_places import ForeignRuns
from kg.nlp.components.natural_places import natural_places
from kg.nlp.components.site_names import site_names
from kg.nlp.components.province_abbreviations import ProvinceRuns
from kg.nlp.components.local_places import LocalPlaces
from kg.nlp.textscan import Automaton
from kg.nlp.words import word_bounds

STRONG, WEAK, TOWN, BLOCK = "strong", "weak", "town", "block"
# the rule id of a mention by the strength it was admitted with
RULE_OF_STRENGTH = {WEAK: "places.supported_name", TOWN: "places.township"}


@Language.factory("kg_places", default_config={"rules": None}, assigns=["doc._.kg_mentions"], requires=[])
def make_places(nlp, name, rules: str | None):
    return PlaceFinder(rules)


class PlaceFinder:
    """`rules`: a rules folder (None: the rule set in force)."""

    def __init__(self, rules: str | None = None, gazetteer=None):
        self.rules = ruleset.load(rules)
        self.gaz = gazetteer or load_gazetteer(self.rules)
        cfg = self.rules.places.match
        self.priority = self.rules.priorities["place"]
        # a county short form with a level character of its own (沧源县, not 玉麦乡)
        self.level_chars = tuple(ch for ch, level in self.rules.places.level_chars.items()
                                 if level != "township")
        self.weak_full_max = cfg.weak_full_max_len
        self.weak_full_names = set(cfg.weak_full_names)
        self.followers = sorted(cfg.county_short_followers, key=len, reverse=True)
        self.level_words = cfg.level_char_words
        self.level_breakers = cfg.level_char_word_breakers
        self.gap = cfg.ancestor_gap
        self.feature_heads = cfg.feature_heads
        self.street_heads = frozenset(cfg.street_heads)
        self.translit = frozenset(self.rules.persons.translit_chars) if cfg.translit_runs_on else frozenset()
        self.place_translit = self.translit | frozenset(cfg.translit_place_chars) if self.translit else frozenset()
        self.state_form_words = frozenset(cfg.state_form_words)
        self.context = cfg.context_mentions
        self.weak_shorts = set(cfg.weak_shorts)
        self.date_chars, self.numerals = set(cfg.date_chars), set(cfg.numerals)
        table = dict(self.gaz.surfaces())   # graded when first met (_graded): most never are
        for word in cfg.ordinary_words:
            table[word] = BLOCK
        self.auto = Automaton(table)
        abbr = self.rules.places.abbreviations
        self.abbrev = CountryAbbreviations(self.gaz, abbr, self.rules.places.world.country_suffix,
                                           self.rules.places.world.home) if abbr.enabled else None
        world = self.rules.places.world
        self.division_suffixes, self.language_chars = world.division_suffixes, world.language_chars
        self.division_levels = frozenset(world.division_levels) & frozenset(WORLD_LEVELS)
        self._grades = {}
        self._chain = {}
        self.local = LocalPlaces(self.rules, self.gaz, self.priority)
        self.provinces = ProvinceRuns(self.gaz, self.rules.places.province_abbreviations)
        self.foreign = ForeignRuns(self.rules)
        self.name_openers = self.rules.places.foreign_runs.name_openers

    def _graded(self, surface: str, places) -> tuple:
        """((place, strength), ...) of a surface."""
        got = self._grades.get(surface)
        if got is None:
            got = self._grades[surface] = tuple((p, self._strength(surface, p, self.weak_shorts))
                                                for p in places)
        return got

    def _strength(self, surface, place, weak_shorts):
        if place.level == "township":
            return TOWN
        if surface == place.name:
            weak = place.level == "county" and (
                len(surface) <= self.weak_full_max or surface in self.weak_full_names)
            return WEAK if weak else STRONG
        if place.level == "county":
            own_level = surface.endswith(self.level_chars) and len(surface) > self.weak_full_max
            return STRONG if own_level else WEAK
        return WEAK if surface in weak_shorts else STRONG

    def _home_ends(self, found) -> set:
        """Where the home country's places among `found` end (division
        codes are digits; the home country itself is named in [world] home)."""
        return {m.end for m in found if str(m.attrs.get("code") or "").isdigit()
                or m.attrs.get("canonical") in self.rules.places.world.home}

    def __call__(self, doc):
        text = doc_text(doc)
        starts, ends = word_bounds(doc)
        words = dict(zip(ends, starts))
        found = self.find(text, words)
        taken = [(m.start, m.end) for m in found]
        found += [self._mention(text, k, k + 1, p, "places.province_character")
                  for k, p in self.provinces.find(text, taken)]
        found += [self._mention(text, k, k + 1, p, "places.province_character")
                  for k, p in self.provinces.stays(text, taken, words)]
        found += [Mention(s, e, "PLACE", text[s:e], source="kg_places", priority=self.priority,
                          attrs={"level": "city", "canonical": text[s:e]}, rule="places.foreign_run")
                  for s, e in self.foreign.find(text, taken, self._home_ends(found))]
        natural = natural_places(text, [(m.start, m.end) for m in found], self.rules)
        found = [m for m in found if not any(s <= m.start and m.end <= e for s, e in natural)]
        found += [Mention(s, e, "PLACE", text[s:e], source="kg_places", priority=self.priority,
                          attrs={"level": "natural", "canonical": text[s:e]}, rule="places.natural")
                  for s, e in natural]
        found += self.local.find(text, words, [m for m in found if m.attrs.get("code")])
        # zones alone under a name of their own, after local_places placed those it could
        found += [Mention(s, e, "PLACE", text[s:e], source="kg_places", priority=self.priority,
                          attrs={"level": "zone", "canonical": text[s:e]}, rule="places.site")
                  for s, e in site_names(text, [(m.start, m.end) for m in found], self.rules)]
        mentions_of(doc).extend(found)
        return doc

    # --- finding -----------------------------------------------------------

    def find(self, text: str, words: dict | None = None) -> list:
        """PLACE mentions of text, left to right. `words` maps the end of each
        of the segmenter's words to its start (None: no word test)."""
        hits = []  # (start, end, entries or BLOCK)
        found = list(self.auto.iter(text))
        if words is not None:
            inside = _word_spans(words, len(text))
            named_at = {s for s, _e, value in found if value is not BLOCK}
            named_end = {e for _s, e, value in found if value is not BLOCK}
            # 隆重|庆祝, 宝塔山, 马里乌波尔: a short form inside another word;
            # 某尔|苏丹: the end of a longer foreign name
            found = [(s, e, value) for s, e, value in found
                     if value is BLOCK or not (self._inside_word(text, s, e, value, inside, named_at)
                                               or self._ends_foreign_name(text, s, e, value, inside, named_end)
                                               or self._names_language(text, e, value, inside))]
        # 西|某某州: a foreign state the table lacks whose name opens with a
        # direction (the table's state is the rest of it): no state, the
        # foreign-run reader takes the whole name
        found = [(s, e, value) for s, e, value in found
                 if value is BLOCK or not (s > 0 and text[s - 1] in self.name_openers
                                           and all(p.level == "state" for p in value))]
        for s, e, value in found:
            if value is not BLOCK and text.startswith(self.level_words, e - 1) \
                    and not text.startswith(self.level_breakers, e):
                continue  # 广州市场: the 市 belongs to 市场 (but 黄岛区|分别)
            if text[s] in self.date_chars and s > 0 and text[s - 1] in self.numerals:
                continue  # 14日本报讯: a date, then 本报
            hits.append((s, e, value if value is BLOCK else self._graded(text[s:e], value)))
        blocks = [(s, e, None) for s, e, v in hits if v is BLOCK]
        accepted = {}  # (s, e) -> [places]
        for s, e, value in hits:
            if value is not BLOCK:
                strong = [p for p, st in value if st == STRONG]
                if strong:
                    accepted[(s, e)] = strong
        kept = self._select(accepted, blocks)
        for _ in range(4):  # admit supported weak/town hits until stable
            resolved = self._resolve(kept)
            codes = {p.code for p in resolved.values()}
            ends = {}
            for (s, e), p in resolved.items():
                ends.setdefault(e, []).append(p)
            changed = False
            for s, e, value in hits:
                if value is BLOCK:
                    continue
                ok = [p for p, st in value
                      if st == STRONG or self._supported(text, s, e, p, st, codes, ends)]
                if ok and accepted.get((s, e)) != ok:
                    accepted[(s, e)] = ok
                    changed = True
            kept = self._select(accepted, blocks)
            if not changed:
                break
        resolved = self._resolve(kept)
        out = [self._division(text, s, e, p) or self._mention(text, s, e, p, self._rule_of(text[s:e], p))
               for (s, e), p in resolved.items()]
        if self.abbrev is not None:
            named = {p.code for p in resolved.values()}
            # 某中|相互尊重: two countries, no city, unless the city's province is named too
            pairs = {(s, e): f for (s, e), p in resolved.items()
                     if (f := self.abbrev.pair(text[s:e], p, named))
                     and not any(named & self._ancestry(p.code) - {p.code, q.code} for _k, q in f)}
            out = [m for m in out if (m.start, m.end) not in pairs]
            out += [self._mention(text, s + k, s + k + 1, p, "places.country_character")
                    for (s, _e), f in pairs.items() for k, p in f]
            taken = [(s, e) for s, e, _v in hits]
            out += [self._mention(text, s, s + 1, p, "places.country_character")
                    for s, p in self.abbrev.find(text, taken, named)]
            out = self._before_bodies(text, hits, out, named, words)
            out.sort(key=lambda m: m.start)
        return out

    def _before_bodies(self, text, hits, out, named, words) -> list:
        """`out` with the country characters right before a foreign organ's
        name (俄|外交部; kg.nlp.components.country_abbreviations), each in
        place of a place read from it into the name (美国|务院)."""
        starts = set(words.values()) if words is not None else None
        taken = [(s, e) for s, e, v in hits if v is BLOCK] + [(m.start, m.end) for m in out]
        found = self.abbrev.before_bodies(text, taken, named, lambda i: starts is None or i in starts)
        at = {s for s, _p in found}
        out = [m for m in out if m.start not in at]
        out += [self._mention(text, s, s + 1, p, "places.country_character") for s, p in found]
        return sorted(out, key=lambda m: m.start)

    def _inside_word(self, text: str, s: int, e: int, places, inside: tuple, named_at: set) -> bool:
        """Whether the short form text[s:e] lies inside another word: it
        starts inside a segmenter word, or a word runs on past it into a
        feature's or village's head or on in transliteration characters
        (unless a place's name starts where it stops, `named_at`, or the
        word is more of the place's own full name).
        A surface that is some place's full name is not judged, nor is the
        end of a short form with its level character (沧源县)."""
        surface = text[s:e]
        start_of, end_of = inside
        if start_of[s] == s and e not in named_at and self._foreign_runs_on(text, s, e, end_of[e - 1], places):
            return True   # 某历山大|罗夫卡 (one word): a longer foreign name, whatever its full name is
        if any(p.name == surface for p in places):
            return False
        if start_of[s] != s:
            return True
        end = end_of[e - 1]
        if e < len(text) and text[e:end if end > e else end_of[e]] in self.street_heads:
            return True   # 某京|路, 某七|纪念馆: a street's or a building's name
        if end == e and e < len(text) and all(c in self.translit for c in surface):
            nxt = text[e:end_of[e]]   # 某里|乌波尔: the next word goes on in transliteration
            if len(nxt) >= 2 and nxt[-1] in self.division_suffixes and all(c in self.translit for c in nxt[:-1]):
                return True   # 某里|兰州: a foreign state's name, whatever place the word is
            if e not in named_at:     # 某国|伊斯兰|议会: a state's form, the country named
                return len(nxt) >= 2 and all(c in self.translit for c in nxt) and nxt not in self.state_form_words
        if end > e + 1 and text[end - 1] in self.division_suffixes and all(c in self.translit for c in text[s:end - 1]):
            return True   # 某里兰州 (one word): a foreign state's name, whatever place starts inside
        if end <= e or surface.endswith(self.level_chars) or e in named_at \
                or any(p.name.startswith(text[s:end]) for p in places):
            return False  # 沙特|利雅得, 沙特阿拉伯 (王国): another place, or more of its own name
        nxt = text[e]
        return nxt in self.feature_heads or (nxt in self.translit and all(c in self.translit for c in surface))

    def _foreign_runs_on(self, text: str, s: int, e: int, end: int, places) -> bool:
        """Whether a foreign city's name text[s:e] runs on, inside the
        segmenter's word (ending at `end`), in two or more transliteration
        characters that are no more of its own name (沙特|阿拉伯): the start
        of a longer foreign name (a village's, a person's), not that city. A
        country so glued (某国|利沃夫) is the country before its city's name."""
        return end >= e + 2 and all(p.level == "city" for p in places) \
            and all(c in self.translit for c in text[e:end]) \
            and not any(p.name.startswith(text[s:end]) for p in places)

    def _ends_foreign_name(self, text: str, s: int, e: int, places, inside: tuple, named_end: set) -> bool:
        """Whether the short form text[s:e], spelt in transliteration
        characters, ends a longer foreign name: the segmenter's word right
        before it is transliteration too and no place ends there (某尔|苏丹,
        not 伊朗|苏丹 nor 访问|苏丹); before a city's name with a division
        character (州) that word may hold translit_place_chars too (某士|兰州:
        a foreign state)."""
        if not self.translit or s == 0 or s in named_end or any(p.name == text[s:e] for p in places):
            return False
        before = text[inside[0][s - 1]:s]
        if len(before) < 2:
            return False
        surface = text[s:e]
        if surface[-1] in self.division_suffixes and all(c in self.translit for c in surface[:-1]) \
                and before[0] in self.translit and all(c in self.place_translit for c in before):
            return True   # 某士|兰州: a foreign state's name (某士兰州) runs on into a city's with 州
        return all(c in self.translit for c in before + surface)

    def _names_language(self, text: str, e: int, places, inside: tuple) -> bool:
        """Whether the country or continent named before e is a language,
        script or people's name (某某裔: of that descent): a language character follows, as a word of its own or
        run into the name's word (某某文|、, 某某族|群众), not starting a longer
        word (某某|文化, 某某|族群)."""
        if e >= len(text) or text[e] not in self.language_chars \
                or not any(p.level in ("country", "continent") for p in places):
            return False
        start_of, end_of = inside
        return start_of[e] < e or end_of[e] == e + 1

    def _division(self, text: str, s: int, e: int, place) -> Mention | None:
        """The whole name of a foreign division named after the city `place`
        (某某县, 某某州), a PLACE without a table record; None when no division
        character follows or a word starts there (某某区域)."""
        if place.level not in self.division_levels or e >= len(text) \
                or text[e] not in self.division_suffixes or text.startswith(self.level_words, e):
            return None
        name = text[s:e + 1]
        return Mention(s, e + 1, "PLACE", name, source="kg_places", priority=self.priority,
                       attrs={"canonical": name, "country": place.parent}, rule="places.world_division")

    def _supported(self, text, s, e, place, strength, codes, ends) -> bool:
        before = [p for k in range(s - self.gap, s + 1) for p in ends.get(k, ())]
        if strength == TOWN:
            up = {place.parent, (self.gaz.by_code(place.parent) or place).parent}
            return bool(up & codes) or any(p.code in up for p in before)
        if place.code in codes and text[s:e] != place.name:
            return True  # the full form (or another strong form) is in the doc
        chain = self._ancestry(place.code)
        if any(p.code in chain and p.code != place.code for p in before):
            return True
        if text[s:e] == place.name:
            return False  # a weak full name (城区) wants its ancestor right before
        if text.startswith(self.level_words, e):
            return False  # 平安市场
        return any(text.startswith(f, e) for f in self.followers)

    @staticmethod
    def _select(accepted: dict, blocks: list) -> dict:
        """Leftmost-longest non-overlapping spans; ordinary words take their span.
        A foreign place that straddles a longer home division's name yields
        to it (黄|河内|蒙古段: 内蒙古, not Hanoi), whichever starts first."""
        home = [(s, e) for (s, e), c in accepted.items() if any(str(p.code).isdigit() for p in c)]
        straddled = {(s, e) for (s, e), c in accepted.items()
                     if all(str(p.code).startswith("world-") for p in c)
                     and any(hs < e and s < he and he - hs > e - s and not (hs <= s and e <= he)
                             for hs, he in home)}
        spans = sorted([(s, e, c) for (s, e), c in accepted.items() if (s, e) not in straddled] + blocks,
                       key=lambda h: (h[0], -(h[1] - h[0])))
        out, last = {}, 0
        for s, e, cands in spans:
            if s >= last:
                if cands is not None:
                    out[(s, e)] = cands
                last = e
        return out

    # --- resolving ---------------------------------------------------------

    def _ancestry(self, code: str) -> frozenset:
        chain = self._chain.get(code)
        if chain is None:
            chain = frozenset([code, *self.gaz.ancestors(code)])
            self._chain[code] = chain
        return chain

    def _resolve(self, kept: dict) -> dict:
        """One place per span: context (nearest related mention), level, code."""
        current = dict(kept)
        for span, cands in sorted(kept.items()):
            if len(cands) == 1:
                continue
            # 长沙 names 长沙市, not its 长沙县 (written in full to be told
            # apart); 吉林 the province, not its 吉林市: a candidate inside
            # another candidate yields to it
            codes = {c.code for c in cands}
            outer = [c for c in cands if not (codes - {c.code}) & self._ancestry(c.code)]
            if len(outer) == 1:
                current[span] = outer
                continue
            cands = outer
            others = sorted((k for k in current if k != span), key=lambda k: abs(k[0] - span[0]))
            for other in others[: self.context]:
                scores = [max(len(self._ancestry(c.code) & self._ancestry(q.code))
                              for q in current[other]) for c in cands]
                best = max(scores)
                if best and scores.count(best) < len(cands):
                    cands = [c for c, sc in zip(cands, scores) if sc == best]
                    if len(cands) == 1:
                        break
            current[span] = [min(cands, key=lambda p: (LEVEL_RANK[p.level], p.code))]
        return {span: c[0] for span, c in sorted(current.items())}

    def _rule_of(self, surface: str, place) -> str:
        """The rule id of a resolved match: by the strength it was admitted with."""
        strength = next(st for p, st in self._grades[surface] if p == place)
        if strength == STRONG:
            return "places.full_name" if surface == place.name else "places.short_name"
        return RULE_OF_STRENGTH[strength]

    def _mention(self, text, s, e, place, rule: str) -> Mention:
        return Mention(s, e, "PLACE", text[s:e], source="kg_places", priority=self.priority,
                       attrs={"code": place.code, "parent": place.parent,
                              "level": place.level, "canonical": place.name}, rule=rule)


def _word_spans(words: dict, size: int) -> tuple[list, list]:
    """(start_of, end_of): per character index of the text, the start and
    the end of the segmenter word holding it (words: end -> start)."""
    start_of, end_of = list(range(size)), list(range(1, size + 1))
    for end, start in words.items():
        for i in range(start, min(end, size)):
            start_of[i], end_of[i] = start, end
    return start_of, end_of
