"""Natural places no table holds, for kg_places: deserts, basins, islands,
archipelagos, straits, bays, seas and streams (rules/places.toml [natural]).

A name of this kind is a proper stem and a feature word (某某沙漠, 某某盆地,
某某群岛, 某某岛); the feature word alone ends many common words as well
(海岛, 全岛, 该岛). The ending finds the candidates cheaply and
Baidu LAC (kg.nlp.lexical), reading the clause, tells a name from a common
word: the name is the LOC word LAC reads ending with the feature word, or a
LOC word right before the feature word written as a word of its own
(某某|沙漠). LAC reads a few characters past the feature word too, so a
word going on past it (海|外) ends no name. A feature word right after a
basin's or an archipelago's name (某某盆地|沙漠) is a common noun of that
place: the name is the inner one. Spec §7: named natural places are PLACEs.
"""

import re
from functools import lru_cache

from kg.nlp.lexical import Tagged
from kg.nlp.textscan import alternation, is_cjk


@lru_cache(maxsize=8)
def _endings(rules) -> re.Pattern:
    """Every feature word, longest first."""
    return re.compile(alternation(sorted(rules.places.natural.endings, key=len, reverse=True)))


def natural_places(text: str, taken, rules) -> list[tuple[int, int]]:
    """(start, end) of the natural places of `text`; `taken`: spans of the
    names already read, which a natural name may hold whole only when its
    feature word is a large one named after a region (某省|盆地, 某市|半岛),
    not an island named like its county (某县|岛 stays the county)."""
    cfg = rules.places.natural
    # a feature word's last character inside a name already read (上海) ends none
    ends = sorted({m.end() for m in _endings(rules).finditer(text)
                   if not any(a < m.end() <= b for a, b in taken)})
    if not ends:
        return []
    n = len(text)
    spans = [(max(0, e - cfg.max_stem - 2), min(n, e + cfg.after)) for e in ends]
    tokens = Tagged(spans, text, cfg).tokens
    by_end = {t.end: t for t in tokens}
    by_start = {t.start: t for t in tokens}
    out = []
    for e in ends:
        tok = by_end.get(e)
        if tok is None:
            continue
        start = tok.start
        if tok.tag not in cfg.place_tags:
            before = by_end.get(tok.start)
            if before is None or before.tag not in cfg.place_tags or text[tok.start:e] not in cfg.endings:
                continue
            start = before.start
        stem_end = text[start:e]
        ending = max((x for x in cfg.endings if stem_end.endswith(x)), key=len)
        stem = stem_end[:len(stem_end) - len(ending)]
        inner = next((x for x in cfg.inner_name_endings if stem.endswith(x) and len(stem) > len(x)), None)
        if inner is not None:     # 某某盆地|沙漠: the basin's desert, the basin named
            e -= len(ending)
            stem_end, ending = stem, inner
            stem = stem_end[:len(stem_end) - len(inner)]
        short = ending in cfg.short_stem_endings and len(stem) == 1 and stem in cfg.short_stems
        if not (short or cfg.min_stem <= len(stem) <= cfg.max_stem) or stem[0] in cfg.bad_stem_chars:
            continue
        nxt = by_start.get(e)
        if short and nxt is not None and nxt.end - nxt.start == 1 and is_cjk(text[e]):
            continue    # 某海|固: a one-character word after it, a longer name cut
        if (ending in cfg.short_stem_endings and stem[-1] in cfg.bad_stem_ends) or (start > 0 and text[start - 1] in cfg.bad_before):
            continue    # 东南沿|海, 通江达|海: a word; 某某·某某海: a person's name
        inside = [(a, b) for a, b in taken if a < e and start < b]
        if any(not (start <= a and b <= e) or (a, b) == (start, e) for a, b in inside):
            continue    # crosses a name already read, or is one (某某岛 a city's name)
        if inside and not stem_end.endswith(tuple(cfg.endings_over_places)):
            continue    # 某县|岛: an island named like its county is the county's
        left = by_end.get(start)
        if left is not None and left.tag in cfg.place_tags and (left.start, start) not in taken:
            continue    # 某某|某某沙漠: LAC cut the name, its start untold
        out.append((start, e))
    return out
