"""Names LAC reads that the rules missed, kept only where a name's cue agrees.

The windows kg_stat_gate tags hold more than the candidates they were cut
for: the other names of an appointment sentence (某某某同志任…，某某同志不再
担任…) or of a list. A LAC PER there that no rule read becomes a PERSON
proposal when it has a name's shape (a surname and one or two given-name
characters, or a transliteration) and a cue the rules trust: a title ending
right before it, or a person suffix (同志) or a speech verb right after it.
Its priority is the statistical one (rules/priorities.toml), so any rule's
reading it overlaps wins.
"""

from dataclasses import dataclass

from kg.nlp.lexical import LacToken
from kg.nlp.textscan import WordList
from kg.nlp.titles import find_titles
from kg.ruleset import RuleSet

PER = "PER"


@dataclass(frozen=True)
class NameShape:
    surnames: frozenset
    double: frozenset
    translit: frozenset
    after: WordList          # person suffixes and speech verbs
    max_given: int

    @classmethod
    def of(cls, rules: RuleSet) -> "NameShape":
        p = rules.persons
        return cls(frozenset(s for s in rules.surnames if len(s) == 1),
                   frozenset(s for s in rules.surnames if len(s) == 2),
                   frozenset(p.translit_chars + p.name_dots),
                   WordList(tuple(p.person_suffixes) + tuple(p.speech_verbs)), p.max_given)

    def fits(self, name: str) -> bool:
        """A surname and one or two given-name characters, or a transliteration."""
        if len(name) >= 2 and all(c in self.translit for c in name):
            return True
        sur = 2 if name[:2] in self.double else 1 if name[:1] in self.surnames else 0
        return bool(sur) and 1 <= len(name) - sur <= self.max_given


def missed_names(text: str, window: tuple[int, int], tokens: list[LacToken], taken, shape: NameShape,
                 rules: RuleSet) -> list[tuple[int, int, str]]:
    """(start, end, cue) of LAC names in `window` of `text` that overlap no
    span of `taken` (the PERSONs kept) and have a name's shape and a cue."""
    lo, hi = window
    title_ends = {lo + t.end for t in find_titles(text[lo:hi], rules)}
    out = []
    for t in tokens:
        if t.tag != PER or not lo <= t.start < hi or any(s < t.end and e > t.start for s, e in taken):
            continue
        if not shape.fits(text[t.start:t.end]):
            continue
        if t.start in title_ends:
            out.append((t.start, t.end, "title"))
        elif shape.after.starts(text, t.end):
            out.append((t.start, t.end, "suffix"))
    return out
