"""Zones and sites no table holds and no place is written before, for
kg_places: new areas, demonstration zones, national parks, old towns,
grottoes, ports (rules/places.toml [sites]).

local_places reads a zone right after its city (某某市|高新区); a zone or
site is often written alone under a name of its own (某某新区, 某某国家公园,
某某古镇, 某某港), whose stem is no division. The head word finds the
candidates cheaply, and Baidu LAC (kg.nlp.lexical), reading the clause,
tells a name from a common word: the name is one LOC word of LAC ending
with the head word (not 城市|示范|区, 千年|古城, 各地|港口). A candidate over
a name already read is left to the readers of that name (某市|港 is the
city's). Spec §7: zones are PLACEs.
"""

import re
from functools import lru_cache

from kg.nlp.lexical import Tagged
from kg.nlp.textscan import alternation, is_cjk


@lru_cache(maxsize=8)
def _heads(rules) -> re.Pattern:
    """Every head word, longest first."""
    return re.compile(alternation(sorted(rules.places.sites.heads, key=len, reverse=True)))


def site_names(text: str, taken, rules) -> list[tuple[int, int]]:
    """(start, end) of the zones and sites of `text` read by their head
    word; `taken`: spans of the names already read, which none may cross."""
    cfg = rules.places.sites
    ends = sorted({m.end() for m in _heads(rules).finditer(text)
                   if not any(a < m.end() and m.start() < b for a, b in taken)})
    if not ends:
        return []
    n = len(text)
    spans = [(max(0, e - cfg.max_stem - 4), min(n, e + cfg.after)) for e in ends]
    by_end = {t.end: t for t in Tagged(spans, text, cfg).tokens}
    out = []
    for e in ends:
        tok = by_end.get(e)
        if tok is None or tok.tag not in cfg.place_tags:
            continue
        name = text[tok.start:e]
        head = max((h for h in cfg.heads if name.endswith(h)), key=len)
        stem = name[:-len(head)]
        if not cfg.min_stem <= len(stem) <= cfg.max_stem or not all(is_cjk(c) for c in stem) \
                or stem[0] in cfg.bad_stem_chars:
            continue
        if head in stem or name in rules.places.local.zone_kinds:
            continue    # 某人治|港: a slogan repeating the head; 国家级自然保护区: the kind alone
        if any(a < e and tok.start < b for a, b in taken):
            continue    # 某市|港, 某某市|新区: the city's reading, or local_places'
        out.append((tok.start, e))
    return out
