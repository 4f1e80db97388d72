"""Names a text repeats: 某原召 named in a headline and five times after.

A feature story names its subject again and again with no title (孟某召：
择一事终一生; 作为研究馆员，某某召也是…); the cues never fire, and a given
name of rare characters is no lone token either. A span of a single surname
and two given-name characters that the text writes at least
rules/persons.toml `repeat_min_mentions` times, each time on pkuseg's token
edges, and that is no word of pkuseg's lexicon nor ends in one (高|质量),
nor led by a word-like surname, nor ends like a body or a place (安委会, 某子县), is
proposed at every mention under persons.repeated_name, which only LAC's
name keeps (rules/statistical.toml `lac_only_rules`) and never cuts short
(`fixed_edge_rules`: the text gives the edges by repeating them). A span
the text ever puts in quotes (“某帕卡”, a typhoon) names a thing.
"""

from collections import defaultdict

from kg.nlp.components.persons.hits import PersonHit
from kg.nlp.components.persons.text import PersonText
from kg.nlp.textscan import is_cjk

RULE = "persons.repeated_name"
QUOTES = "“”\"‘’「」"


def repeated_hits(pt: PersonText, taken: set) -> list[PersonHit]:
    """Every mention of each repeated name shape that overlaps no span of
    `taken` (which this extends)."""
    rules = pt.rules
    if not pt.lexicon_known():
        return []
    seen = defaultdict(list)
    for m in rules.start_chars.finditer(pt.text):
        s, e = m.start(), m.start() + 3
        if e <= pt.length and _shape(pt, s, e) and not any(k in taken for k in range(s, e)):
            seen[pt.text[s:e]].append(s)
    out = []
    for name, starts in seen.items():
        if len(starts) < rules.repeat_min_mentions or any(_quoted(pt, s, s + 3) for s in starts):
            continue
        for s in starts:
            if not any(k in taken for k in range(s, s + 3)):
                out.append(PersonHit(s, s + 3, "repeated", rule=RULE))
                taken.update(range(s, s + 3))
    return out


def _quoted(pt: PersonText, s: int, e: int) -> bool:
    """“某帕卡”: a quoted span names a thing (a typhoon, a brand), not a person."""
    return 0 < s and e < pt.length and pt.text[s - 1] in QUOTES and pt.text[e] in QUOTES


def _shape(pt: PersonText, s: int, e: int) -> bool:
    text, rules = pt.text, pt.rules
    span = text[s:e]
    if span[0] not in rules.single or span[0] in rules.function or span[0] in rules.weak \
            or span[:2] in rules.double:
        return False
    if span[-1] in rules.body_end or span[-1] in rules.uncued_not_last \
            or rules.place_suffixes.starts(span, 2) or pt.named_as_place(s, e):
        return False    # 某灶村, 安委会, 某子县: it ends like a place or a body
    if not all(is_cjk(c) for c in span) or span in rules.not_names or s in pt.in_title:
        return False
    if not (pt.boundary(s) and pt.boundary(e)):
        return False
    if span in pt.lexicon or span[1:] in pt.lexicon or span[:2] in pt.lexicon:
        return False
    return s == 0 or text[s - 1] not in rules.not_after
