"""Countries written by one character in a run of them (中美两国, 奥中关系),
for kg_places: rules/places.toml [abbreviations]."""

import re


class CountryAbbreviations:
    """Countries written by one character in a run of them (中美两国, 奥中关系):
    rules/places.toml [abbreviations]. The characters come from the world
    table's short names, never from a list: a country's character is the
    first of its short name; of several countries with one character, the
    one named SHORT + 国 (中 -> 中国, not 中非), else the only one, else the
    one the document names elsewhere (`named`); with none of these the
    character is no PLACE. One character alone right before a state organ's
    name a foreign state shares (某|外交部, cfg.body_cues) names its country
    when it is the country's own or the document names that country, and is
    not the home country (`home`)."""

    def __init__(self, gaz, cfg, country_suffix: str, home=()):
        self.by_char: dict[str, list] = {}
        for p in gaz:
            if p.level == "country":
                short = p.shorts[0] if p.shorts else p.name
                self.by_char.setdefault(short[0], []).append((short, p))
        self.sure, self.own = {}, set()
        for ch, cands in self.by_char.items():
            own = [p for short, p in cands if short == ch + country_suffix]
            if own:
                self.own.add(ch)
            if own or len(cands) == 1:
                self.sure[ch] = (own or [cands[0][1]])[0]
        # a whole run of country characters (nothing of the kind on either
        # side), then a cue word
        chars = re.escape("".join(sorted(self.by_char)))
        cues = "|".join(map(re.escape, sorted(cfg.cues, key=len, reverse=True)))
        self.run_re = re.compile(rf"(?<![{chars}])[{chars}]{{{cfg.min_run},{cfg.max_run}}}(?![{chars}])(?={cues})")
        bodies = "|".join(map(re.escape, sorted(cfg.body_cues, key=len, reverse=True)))
        self.body_re = re.compile(rf"(?<![{chars}])[{chars}](?={bodies})") if bodies else None
        self.home = frozenset(home)

    def find(self, text: str, taken, named) -> list:
        """[(start, place)] of the run characters that name a country; `taken`:
        spans of place names and ordinary words the run may not touch."""
        out = []
        for m in self.run_re.finditer(text):
            i, j = m.span()
            if any(s < j and i < e for s, e in taken):
                continue   # 纽约|联合国: inside a place's name
            found = [(k, self._place(text[k], named)) for k in range(i, j)]
            # 所以双方, 不以关系: one character at least must be a country's
            # own (中, 美: SHORT + 国) or name one the document names in full
            if any(p is not None and (text[k] in self.own or p.code in named) for k, p in found):
                out += [(k, p) for k, p in found if p is not None]
        return out

    def before_bodies(self, text: str, taken, named, word_start) -> list:
        """[(start, place)] of one country character right before a state
        organ's name (俄|国防部, 叙|外交部); `word_start(i)`: whether a word
        starts at i (近日|外交部 and 27日 end a word: no 日本)."""
        out = []
        for m in self.body_re.finditer(text) if self.body_re is not None else ():
            k = m.start()
            # 美国|务院 read as 美|国务院: a place starting at k that runs into
            # the organ's name gives way (the caller drops it)
            if any(s <= k < e and s != k for s, e in taken) or not word_start(k):
                continue
            p = self._place(text[k], named)
            if p is not None and p.name not in self.home and (text[k] in self.own or p.code in named):
                out.append((k, p))
        return out

    def pair(self, surface: str, place, named) -> list:
        """[(offset, country)] when the two characters of a place's name
        `surface` (a city's, `place`) are a bilateral pair (某中 in "某中相互
        尊重"): each a country's character, the home country's one and one
        whose country the document names in full (`named`); else []."""
        if len(surface) != 2 or place.level == "country":
            return []
        found = [(k, self._place(ch, named)) for k, ch in enumerate(surface)]
        if any(p is None for _k, p in found) or found[0][1] is found[1][1]:
            return []
        home = [p for _k, p in found if p.name in self.home]
        other = [p for _k, p in found if p.name not in self.home]
        return found if len(home) == 1 and len(other) == 1 and other[0].code in named else []

    def _place(self, ch: str, named):
        sure = self.sure.get(ch)
        if sure is not None:
            return sure
        near = [p for _short, p in self.by_char.get(ch, ()) if p.code in named]
        return near[0] if len(near) == 1 else None
