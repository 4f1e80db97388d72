"""The PERSON precision gate: a rule's name reading checked against LAC's PER.

The name finder's cues are local (a surname, a title before, a token's
edges), so it reads common words (施策, 富起来), fragments of a phrase
(从中华 after a title), cities and cut-short transliterations as names.
LAC's tagger sees the whole clause; where it reads no name at all over a
candidate the candidate is dropped, unless the rule that read it is one
whose cue LAC is known to overrule wrongly (rules/statistical.toml
`person_gate.exempt_rules`: enumerations of accepted names, a foreign name
right after a head of state's title) or the candidate stands in a list of
candidates (尤某、肖某). Where LAC's name and the rule's share
a start but differ in length, LAC's boundary is taken when it is the
better shape: a longer transliteration (某尔南 → 某尔南德斯), a name with
a verb or function word glued to its end cut off (某某率 from 某某率队), or a
conjunction before it (和某尔达 → 某尔达…).
"""

from dataclasses import dataclass

from kg.nlp.lexical import LacToken
from kg.ruleset import RuleSet

PER = "PER"


@dataclass(frozen=True)
class GateRules:
    """rules/statistical.toml `person_gate`, with the characters a name may
    grow by (rules/persons.toml): a transliteration's, or one given-name
    character to a Chinese name of three; a name with a name dot in it
    (某某尔·某某多夫) may grow by any."""
    table: object
    translit: frozenset
    dots: frozenset
    given: frozenset

    @classmethod
    def of(cls, rules: RuleSet) -> "GateRules":
        p = rules.persons
        return cls(rules.statistical.person_gate, frozenset(p.translit_chars + p.name_dots),
                   frozenset(p.name_dots), frozenset(p.given_name_chars))

    def may_grow(self, added: str, name: str) -> bool:
        """Whether a rule's name may take on `added` to become LAC's `name`."""
        if len(name) > self.table.max_extended:
            return False
        if any(c in self.dots for c in name):
            return True
        return all(c in self.translit for c in added) or (len(name) <= 3 and all(c in self.given for c in added))


def judge(start: int, end: int, rule: str, tokens: list[LacToken], rules: GateRules,
          text: str, listed: bool = False) -> tuple[int, int] | None:
    """The span to keep for a rule's PERSON at (start, end), or None to drop it.

    `tokens`: LAC's tokens of a window of `text` holding the span;
    `listed`: the candidate
    is an item of an enumeration of candidates (kept as the exempt rules are)."""
    gate = rules.table
    names = [t for t in tokens if t.tag == PER and t.start < end and t.end > start]
    if not names:
        return (start, end) if listed or rule in gate.exempt_rules else None
    if rule in gate.fixed_edge_rules or any(t.start == start and t.end == end for t in names):
        return start, end
    for t in names:
        if t.start < start:
            if rule in gate.tail_rules and t.end >= end and (
                    t.end - t.start <= gate.max_tail_grown or any(c in rules.dots for c in text[t.start:t.end])):
                return t.start, t.end   # 某生|田光一: an uncued rule's name is the tail of LAC's
            if rule in gate.tail_rules and t.end < end and t.end - t.start <= gate.max_tail_grown:
                return t.start, t.end   # 谷某凌|继续: its "surname" ends LAC's name, a verb follows
            continue      # LAC's name runs into the words before: the rule's start is kept
        if t.end > end and not rules.may_grow(text[end:t.end], text[t.start:t.end]):
            continue      # a title or a particle after the name (某某尔议长, 某金也)
        # a conjunction before the name (和某尔达); not a title's word that LAC
        # ran on into the first character of a name read after that title
        # (部长图|迈赫: LAC has no word at the rule's start)
        head = (rule not in gate.title_rules or any(w.start == start for w in tokens)) and \
            all(w.tag in gate.lead_tags for w in tokens if start <= w.start < t.start)
        tail = t.end >= end or _cut_word_at(t.end, end, tokens, gate)
        if head and tail:
            return t.start, t.end
    return start, end


def _cut_word_at(at: int, end: int, tokens: list[LacToken], gate) -> bool:
    """Whether LAC's word at `at` is one to cut off the rule's name ending at
    `end`: a function word (某某和, 某金也), or a verb (某某率|队, 某某作|了);
    but a one-character "verb" that ends where the name ends, right before
    a preposition, is the name's last character (某其亮|在)."""
    word = next((t for t in tokens if t.start == at), None)
    if word is None or word.tag not in gate.trim_tags:
        return False
    if word.tag in gate.trim_verb_tags and word.end == end:
        nxt = next((t for t in tokens if t.start == end), None)
        return nxt is None or nxt.tag not in gate.name_end_before_tags
    return True
