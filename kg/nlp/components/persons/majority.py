"""Lists that vouch by majority: 某建华、某正声、某干、某某义·某某瓦尔地等.

An enumeration of people in news names dozens of them, and the cues read
most items (a title before the first, the list after it), but an item the
lexicon holds as a word (a famous name), a two-character name or a dotted
transliteration breaks the chain. Where most items of a 、-list are names
already, every other item between two separators whose edges are given is
a name too when it has a name's shape: a surname and one or two given-name
characters, a dotted transliteration, or two such names joined by 和
(某某丽和某某云); so is the last item, where a name may end there (某某燕等).
Where nearly all items are names, an item with no Han name's shape (the
Tibetan, Mongolian or Uyghur name of a leader: 某地, 某云其木格) is one
too unless the lexicon holds it as a word or the text names it a place;
in a list with fewer names it is proposed for LAC alone to keep.
A hit cut at a name dot, or any shorter hit inside an item, grows to it.
kg_stat_gate still judges each new item; its neighbours LAC keeps rescue it.
"""

from kg.nlp.components.persons.enumerations import last_item, name_shape, separator_runs
from kg.nlp.components.persons.hits import PersonHit
from kg.nlp.components.persons.text import PersonText
from kg.nlp.textscan import is_cjk

RULE = "persons.list_majority"
# an item of no Han shape in a list not quite whole of names: LAC judges it
OTHER_RULE = "persons.list_majority_other"
# the cue of a name read after a joiner inside an item (某某丽和|某某云): it
# outranks a place read across the joiner (和某 may be a place's name)
JOINED = "majority_joined"


def majority_hits(pt: PersonText, hits: list[PersonHit], taken: set) -> list[PersonHit]:
    """The name-shaped items of every 、-list most of whose items are hits
    (extending `taken`); hits cut at a name dot are grown in place."""
    rules = pt.rules
    starts = {h.start: h for h in hits}
    ends = {h.end for h in hits}
    out = []
    for seps in (r for r in separator_runs(pt, rules.majority_max_item, rules.name_dots) if len(r) > 1):
        inner = [(a + 1, b) for a, b in zip(seps, seps[1:])]
        named = sum(1 for s, e in inner if _is_hit(starts, s, e))
        named += (seps[0] in ends) + (seps[-1] + 1 in starts)
        if named < rules.majority_min_names or named < rules.majority_share * (len(inner) + 2):
            continue
        rest = []
        for s, e in inner:
            if not _is_hit(starts, s, e):
                filled = _fill(pt, s, e, hits, starts, taken)
                out.extend(filled)
                named += bool(filled)
                rest += [] if filled else [(s, e)]
        # items of no Han shape: vouched for by a list of names nearly
        # whole, else proposed for LAC alone to keep
        rule = RULE if named >= rules.majority_other_share * (len(inner) + 2) else OTHER_RULE
        for s, e in rest:
            out.extend(_other(pt, s, e, hits, taken, rule))
        last = last_item(pt, seps[-1] + 1, hits)
        if last is not None and last[0] not in starts:
            out.extend(_claim([last], hits, taken))
    return out


def _is_hit(starts: dict, s: int, e: int) -> bool:
    return s in starts and starts[s].end == e


def _fill(pt: PersonText, s: int, e: int, hits: list, starts: dict, taken: set) -> list[PersonHit]:
    """The names the item text[s:e] holds, or []."""
    rules = pt.rules
    if rules.dotted.fullmatch(pt.text, s, e) or name_shape(pt, s, e, exact=True):
        return _claim([(s, e)], hits, taken)
    for joiner in rules.majority_joiners:
        k = pt.text.find(joiner, s + 2, e - 2)
        if k < 0:
            continue
        parts = [(s, k), (k + len(joiner), e)]
        if all(_is_hit(starts, a, b) or name_shape(pt, a, b, exact=True) for a, b in parts):
            return _claim([(a, b) for a, b in parts if not _is_hit(starts, a, b)], hits, taken, JOINED)
    return []


def _other(pt: PersonText, s: int, e: int, hits: list, taken: set, rule: str) -> list[PersonHit]:
    """The item text[s:e] of no Han name's shape as a name (某地, 某巴平措):
    all CJK of the lengths allowed, no word of the lexicon, no place the
    text names, no title."""
    rules = pt.rules
    low, high = rules.majority_other_lengths
    if not (low <= e - s <= high and pt.lexicon_known()) or pt.text[s:e] in pt.lexicon \
            or pt.text[s:e] in rules.not_names or not all(is_cjk(c) for c in pt.text[s:e]) \
            or any(k in pt.in_title for k in range(s, e)) or pt.named_as_place(s, e) \
            or pt.written_in_words(s, e):
        return []
    return _claim([(s, e)], hits, taken, rule=rule)


def _claim(spans: list, hits: list, taken: set, cue: str = "majority", rule: str = RULE) -> list[PersonHit]:
    """New hits of `spans`; a hit lying inside one (某某义 of 某某义·某某瓦尔地,
    某刚 of 某某华和田某刚) grows to it; a span another hit crosses is left."""
    out = []
    for s, e in spans:
        inside = [h for h in hits if s <= h.start and h.end <= e]
        if any(k in taken for k in range(s, e) if not any(h.start <= k < h.end for h in inside)):
            continue
        if inside:
            hit = inside[0]
            hit.start, hit.end, hit.cue, hit.rule = s, e, cue, rule
            for h in inside[1:]:
                hits.remove(h)
        else:
            out.append(PersonHit(s, e, cue, rule=rule))
        taken.update(range(s, e))
    return out
