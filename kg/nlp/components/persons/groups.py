"""Names vouched for by a group word after their enumeration (卓嘎、央宗姐妹;
肖乾、冯骥才、余华等人), whatever their surnames."""

from kg.nlp.components.persons.hits import PersonHit
from kg.nlp.components.persons.text import PersonText
from kg.nlp.textscan import PUNCT, is_cjk


def group_hits(pt: PersonText, taken: set) -> list[PersonHit]:
    """The items of every enumeration of two or more that ends at a group
    word, those that overlap no span in `taken` (which this extends)."""
    out = []
    for word in pt.rules.groups:
        start = 0
        while (word_at := pt.text.find(word, start)) >= 0:
            start = word_at + len(word)
            if not pt.boundary(start):
                continue    # 退役军人、农民工等人群: 人群 is the word, 等人 no group word
            items = items_before(pt, word_at)
            if len(items) < 2:
                continue
            chain = pt.chain_end.get(items[0][0])
            for s, e in items:
                if not any(k in taken for k in range(s, e)):
                    out.append(PersonHit(s, e, "group", chain=chain, rule="persons.group_item"))
                    taken.update(range(s, e))
    return out


def items_before(pt: PersonText, word_at: int) -> list[tuple[int, int]]:
    """The 、-separated 2-3 character items that end at word_at, left to right."""
    items, end = [], word_at
    while True:
        start = _item_start(pt, end)
        if start is None:
            break
        items.append((start, end))
        if start >= 1 and pt.text[start - 1] in pt.rules.separators:
            end = start - 1
        else:
            break
    return items[::-1]


def _item_start(pt: PersonText, end: int) -> int | None:
    text, rules = pt.text, pt.rules
    for length in (2, 3):
        start = end - length
        if start < 0:
            break
        if not all(is_cjk(ch) and ch not in rules.nonname for ch in text[start:end]):
            return None
        if start == 0 or text[start - 1] in rules.separators or text[start - 1] in PUNCT:
            return start
        if pt.boundary(start) and pt.bounds is not None and length == 2:
            # 群众卓嘎: a token boundary at 2 chars is enough when a
            # 3-char item would not itself start at a boundary
            if not pt.boundary(end - 3):
                return start
    return None
