"""kg_stat_gate: Baidu LAC's tagger as a gate on the rules' PERSON readings.

The rules read a name from a surname and a local cue; LAC (kg.nlp.lexical)
reads the whole clause and has seen far more names. This component runs
after the rule components and before kg_resolve: for every PERSON the
person finder proposed it tags a window around the candidate (never the
whole text: LAC is slower than the rest of the pipeline together) and
keeps, re-spans or drops the candidate as kg.nlp.components.persons.gate
decides. The names LAC reads in those windows that no rule read are
proposed where a name's cue agrees (kg.nlp.components.persons.lac_names),
below every rule's priority. Thresholds and the rules exempt from the gate
are data in rules/statistical.toml `person_gate`.
"""

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from kg import ruleset
from kg.nlp.components.persons.gate import GateRules, judge
from kg.nlp.components.persons.lac_names import NameShape, missed_names
from kg.nlp.lexical import merged_windows, tag_window
from kg.nlp.mentions import Mention, doc_text, mentions_of

SOURCE = "kg_stat_gate"
GATED_SOURCE = "kg_persons"
PROPOSAL_RULE = "statistical.lac_person"


class StatGate:
    """`rules`: a rules folder (None: the rule set in force)."""

    def __init__(self, nlp: Language, name: str = SOURCE, rules: str | None = None):
        self.name = name
        self.ruleset = ruleset.load(rules)
        self.rules = GateRules.of(self.ruleset)
        self.gate = self.rules.table
        self.shape = NameShape.of(self.ruleset)
        self.priority = self.ruleset.priorities["statistical"]

    def __call__(self, doc: Doc) -> Doc:
        mentions = mentions_of(doc)
        persons = [m for m in mentions if m.type == "PERSON" and m.source == GATED_SOURCE]
        gated = [m for m in persons if m.rule not in self.gate.ungated_rules]
        if not gated:
            return doc
        text = doc_text(doc)
        listed = _enumerated(persons, text, self.gate)
        # A name is judged in its first context; where LAC agrees there, its
        # later mentions are kept untagged (a leader named thirty times).
        first = {}
        for m in sorted(gated, key=lambda m: m.start):
            first.setdefault(m.text, m)
        windows, tokens = self._tagged(list(first.values()), text)
        verdicts = self._judged(first.values(), tokens, text, listed)
        sure = {m.text for m in first.values() if verdicts[id(m)] == (m.start, m.end)}
        rest = [m for m in gated if id(m) not in verdicts and m.text not in sure]
        more_windows, more_tokens = self._tagged(rest, text)
        verdicts.update(self._judged(rest, more_tokens, text, listed))
        _rescue_listed(persons, verdicts, text, self.gate)
        _apply(mentions, verdicts, text)
        self._propose(mentions, text, windows + more_windows, tokens + more_tokens)
        return doc

    def _tagged(self, cands: list, text: str) -> tuple[list, list]:
        """The windows around `cands` and LAC's tokens of them, in text order."""
        windows = merged_windows([(m.start, m.end) for m in cands], text, self.gate.reach, self.gate.stops)
        return windows, [t for lo, hi in windows for t in tag_window(text, lo, hi)]

    def _judged(self, cands, tokens: list, text: str, listed: set) -> dict:
        """{id(mention): the span to keep, or None to drop it}."""
        starts = [t.start for t in tokens]
        out = {}
        for m in cands:
            near = tokens[max(0, bisect_left(starts, m.start) - 1):bisect_right(starts, m.end + 1)]
            out[id(m)] = judge(m.start, m.end, m.rule, near, self.rules, text, id(m) in listed)
        return out

    def _propose(self, mentions: list, text: str, windows: list, tokens: list) -> None:
        """PERSON proposals of the names LAC read in `windows` that no rule read."""
        taken = [(m.start, m.end) for m in mentions if m.type == "PERSON"]
        seen = set()
        for window in windows:
            for s, e, cue in missed_names(text, window, tokens, taken, self.shape, self.ruleset):
                if (s, e) not in seen:
                    seen.add((s, e))
                    mentions.append(Mention(s, e, "PERSON", text[s:e], source=self.name, priority=self.priority,
                                            attrs={"title": None, "title_span": None, "cue": cue},
                                            rule=PROPOSAL_RULE))


def _apply(mentions: list, verdicts: dict, text: str) -> None:
    """Re-span or drop the judged mentions, in place."""
    dropped = set()
    for m in mentions:
        if id(m) not in verdicts:
            continue
        kept = verdicts[id(m)]
        if kept is None:
            dropped.add(id(m))
        elif kept != (m.start, m.end):
            m.attrs["stat_gate"] = "respanned"
            m.start, m.end = kept
            m.text = text[m.start:m.end]
    if dropped:
        mentions[:] = [m for m in mentions if id(m) not in dropped]


def _rescue_listed(persons, verdicts: dict, text: str, gate) -> None:
    """Keep a dropped candidate next to a kept one across a list separator
    (某毅夫、杜某: LAC reads the one a name, the other a noun): an item whose
    neighbour LAC confirmed vouches as a cued one does, and so on along the
    list; an item of gate.lac_only_rules stays LAC's to keep."""
    separators = gate.list_separators
    while True:
        kept = [m for m in persons if verdicts.get(id(m), (m.start, m.end)) is not None]
        starts, ends = {m.start for m in kept}, {m.end for m in kept}
        rescued = [m for m in persons if id(m) in verdicts and verdicts[id(m)] is None
                   and m.rule not in gate.lac_only_rules
                   and ((m.end < len(text) and text[m.end] in separators and m.end + 1 in starts)
                        or (m.start > 0 and text[m.start - 1] in separators and m.start - 1 in ends))]
        if not rescued:
            return
        for m in rescued:
            verdicts[id(m)] = (m.start, m.end)


def _enumerated(mentions, text: str, gate) -> set[int]:
    """ids of the candidates next to another across a list separator
    (张某某、李某、王某某): one item of an enumeration vouches for the others,
    unless it has no cue of its own (gate.unvouching_rules: 某玉兰、某棠 may
    be trees) or the candidate is one only LAC may keep (gate.lac_only_rules)."""
    separators = gate.list_separators
    vouching = [m for m in mentions if m.rule not in gate.unvouching_rules]
    starts = {m.start for m in vouching}
    ends = {m.end for m in vouching}
    out = set()
    for m in mentions:
        if m.rule in gate.lac_only_rules:
            continue
        after = m.end < len(text) and text[m.end] in separators and m.end + 1 in starts
        before = m.start > 0 and text[m.start - 1] in separators and m.start - 1 in ends
        if after or before:
            out.add(id(m))
    return out


@Language.factory("kg_stat_gate", default_config={"rules": None},
                  assigns=["doc._.kg_mentions"], requires=[])
def make_stat_gate(nlp: Language, name: str, rules: str | None) -> StatGate:
    return StatGate(nlp, name, rules)
