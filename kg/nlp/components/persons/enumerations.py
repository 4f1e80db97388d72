"""Enumerations of name shapes: 某明华、某小军、某建国等出席.

A 、-list whose every item is a surname and one or two given-name
characters may be a list of people though no item has a cue of its own
(famous names are words of pkuseg's lexicon; the first item has no list
before it; a function-word surname needs a title). Each item not read yet
is proposed with the rule persons.enumeration_item, which kg_stat_gate
keeps only where LAC reads a name over it: the shape alone does not tell
a list of people from one of trees or metals (某松、某桃; 黄金、白银).
"""

from kg.nlp.components.persons.hits import PersonHit
from kg.nlp.components.persons.text import PersonText
from kg.nlp.textscan import PUNCT, is_cjk

RULE = "persons.enumeration_item"


def enumeration_hits(pt: PersonText, hits: list[PersonHit], taken: set) -> list[PersonHit]:
    """The items of every enumeration of name shapes that overlap no span of
    `taken` (which this extends)."""
    out = []
    for seps in separator_runs(pt, pt.rules.max_list_item):
        items = _items(pt, seps, hits)
        if items is None or pt.in_place_list(items[-1][1]) or pt.thing_count_at(items[-1][1]):
            continue
        chain = pt.chain_end.get(items[0][0])
        for s, e in items:
            if not any(k in taken for k in range(s, e)):
                out.append(PersonHit(s, e, "enumeration", chain=chain, rule=RULE))
                taken.update(range(s, e))
    return out


def separator_runs(pt: PersonText, longest: int, also: str = "") -> list[list[int]]:
    """The positions of the separators of each enumeration: consecutive
    separators with an item of at most `longest` CJK characters (or
    characters of `also`: name dots) between each two."""
    rules, text = pt.rules, pt.text
    runs, run = [], []
    for k, ch in enumerate(text):
        if ch not in rules.separators:
            continue
        if run and 0 < k - run[-1] - 1 <= longest and all(is_cjk(c) or c in also for c in text[run[-1] + 1:k]):
            run.append(k)
            continue
        if run:
            runs.append(run)
        run = [k]
    if run:
        runs.append(run)
    return runs


def _items(pt: PersonText, seps: list[int], hits: list[PersonHit]) -> list[tuple[int, int]] | None:
    """The (start, end) of every item when each is a name shape, else None."""
    first = _first_item(pt, seps[0], hits)
    last = last_item(pt, seps[-1] + 1, hits)
    if first is None or last is None:
        return None
    inner = [(a + 1, b) for a, b in zip(seps, seps[1:])]
    items = [first, *inner, last]
    # an item between two separators has its edges given: any character may
    # stand in its given name (某又侠), LAC judges the name
    return items if all(name_shape(pt, s, e, exact=True) for s, e in inner) else None


def _first_item(pt: PersonText, end: int, hits: list[PersonHit]) -> tuple[int, int] | None:
    """The name shape ending at the first separator, starting where a word
    may start (the text's edge, punctuation, a title's end, a token start)."""
    hit = next((h for h in hits if h.end == end), None)
    if hit is not None:
        return hit.start, hit.end
    starts = [s for s in range(max(0, end - _longest(pt)), end - 1)
              if name_shape(pt, s, end) and (s in pt.chain_end or _opens(pt, s))]
    if not starts:
        return None
    # after a title; else not a function word taken for a surname (和某强);
    # else the longest
    best = max(starts, key=lambda s: (s in pt.chain_end, pt.text[s] not in pt.rules.function, -s))
    return best, end


def _opens(pt: PersonText, start: int) -> bool:
    text = pt.text
    if start == 0 or text[start - 1] in PUNCT or not is_cjk(text[start - 1]):
        return True
    return pt.bounds is not None and start in pt.bounds


def last_item(pt: PersonText, start: int, hits: list[PersonHit]) -> tuple[int, int] | None:
    """The name shape after the last separator, ending where a name ends
    (punctuation, an end word such as 等, a speech verb, a title)."""
    hit = next((h for h in hits if h.start == start), None)
    if hit is not None:
        return hit.start, hit.end
    rules = pt.rules
    for end in range(start + 2, min(pt.length, start + _longest(pt)) + 1):
        if name_shape(pt, start, end) and pt.people_count_at(end):
            return start, end       # 某梦四位选手: the list's count follows
        if not name_shape(pt, start, end) or not pt.boundary(end):
            continue
        if end == pt.length or pt.text[end] in PUNCT or not is_cjk(pt.text[end]) \
                or pt.starts(end, rules.end_words) or pt.starts(end, rules.groups) \
                or pt.starts(end, rules.speech) or end in pt.title_at:
            return start, end
    return None


def _longest(pt: PersonText) -> int:
    return 2 + pt.rules.given_lengths[0]


def name_shape(pt: PersonText, start: int, end: int, exact: bool = False) -> bool:
    """A surname (one or two characters) and one or two given-name
    characters, none of them a character no name holds unless the span's
    edges are `exact`ly known."""
    text, rules = pt.text, pt.rules
    surname = 2 if text[start:start + 2] in rules.double else 1 if text[start] in rules.single else 0
    given = end - start - surname
    if not surname or not rules.min_given <= given <= rules.given_lengths[0]:
        return False
    if text[start:end] in rules.not_names or any(k in pt.in_title for k in range(start, end)):
        return False
    return all(is_cjk(ch) and (exact or ch not in rules.nonname) for ch in text[start + surname:end])
