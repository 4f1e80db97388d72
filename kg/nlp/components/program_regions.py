"""PROGRAM names built on a place: a region's programme named by the region
it covers (某某某|协同发展, 某河|文化带, 某江|大保护), and a fair the state
holds named by its country (中国国际某某|博览会).

Unquoted, these heads are read as running text by the bare-head reader
(kg.nlp.components.programs): its core needs three characters and stops at
the verb before it, and a two-character river (某江|经济带) or a run of
province abbreviations is a place, no name's core of its own. Here the
stem must be a place: the segmenter's one word before the head, which is a
run of province abbreviations, a natural feature's name, a compass region
or delta (region_stems), or a PLACE already found; so 产业|协同发展 and
城乡|一体化发展 (kinds of development) name nothing. A head followed by a
zone word names the zone (某某一体化发展|示范区). Words: rules/programs.toml
(region_*, expo_*).
"""

import re
from bisect import bisect_left
from functools import lru_cache

from kg.nlp.mentions import Mention
from kg.nlp.textscan import alternation, is_cjk, longest_first


@lru_cache(maxsize=8)
def _region_pattern(rules):
    return re.compile(alternation(longest_first(rules.programs.region_heads)))


@lru_cache(maxsize=8)
def _expo_pattern(rules):
    cfg = rules.programs
    return re.compile(rf"(?:{alternation(longest_first(cfg.expo_scopes))})[\u4e00-\u9fff]{{2,{cfg.max_expo_core}}}?"
                      rf"(?:{alternation(longest_first(cfg.expo_heads))})")


def region_expo_programs(text, rules, word_starts, places=()) -> list:
    """The region-named and the fair PROGRAM mentions of `text`;
    `word_starts`: the sorted starts of the segmenter's words; `places`:
    the (start, end) of the PLACE mentions found."""
    return _regions(text, rules, word_starts, places) + _expos(text, rules, word_starts)


def _ends_word(text, e, starts) -> bool:
    return e >= len(text) or not is_cjk(text[e]) or e in starts


def _place_stem(stem, rules) -> bool:
    """Whether a word is a place by its shape alone: a run of province
    abbreviations (某某某), a natural feature (某江, 大某河) or a region word."""
    abbr = rules.places.province_abbreviations
    if abbr.min_run <= len(stem) <= abbr.max_run and all(ch in abbr.chars for ch in stem):
        return True
    return stem in rules.programs.region_stems or len(stem) >= 2 and stem[-1] in rules.places.match.feature_heads


def _regions(text, rules, word_starts, places) -> list:
    cfg, out = rules.programs, []
    starts = set(word_starts)
    place_at = {e: s for s, e in places}
    for m in _region_pattern(rules).finditer(text):
        h, e = m.span()
        if h not in starts or not _ends_word(text, e, starts) or text.startswith(tuple(cfg.region_not_followed_by), e):
            continue
        s = place_at.get(h)
        if s is None:
            i = bisect_left(word_starts, h)
            k = word_starts[i - 1] if i > 0 else None
            if k is None or not _place_stem(text[k:h], rules):
                continue
            s = k
        out.append(Mention(s, e, "PROGRAM", text[s:e], "kg_programs", rules.priorities["program_region"],
                           rule="programs.region_named"))
    return out


def _expos(text, rules, word_starts) -> list:
    starts = set(word_starts)
    return [Mention(m.start(), m.end(), "PROGRAM", m.group(), "kg_programs", rules.priorities["program_region"],
                    rule="programs.state_fair")
            for m in _expo_pattern(rules).finditer(text)
            if m.start() in starts and _ends_word(text, m.end(), starts)]
