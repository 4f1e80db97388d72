"""Clause ends: found once per sentence, the same answers as a scan."""

from kg import extract, ruleset
from kg.relations.clauses import ClauseEnds

SENTENCE = "由县市场监管局牵头，联合县公安局、县交通运输局等部门开展冷链物流专项督查；共组织检查45次"


def scan(text, pos, limit, ends):
    while pos < limit and text[pos] not in ends:
        pos += 1
    return pos


def test_the_clause_end_after_every_position_is_the_scanned_one():
    rules = ruleset.current()
    text = "前文。" + SENTENCE + "。后文"
    s, e = 3, 3 + len(SENTENCE)
    clauses = ClauseEnds(text, s, e, rules)
    for pos in range(s, e + 3):
        assert clauses.after(pos) == scan(text, pos, e, rules.relations.clause_ends), pos
    assert text[clauses.after(s)] == "，" and clauses.after(e - 1) == e


def test_a_long_unpunctuated_line_finds_its_clause_ends_once(monkeypatch):
    """Every trigger of a line asks where its clause ends: a line of 1,700
    triggers is one sentence, whose clause ends are found once (not once per
    trigger, which made 20,000 characters take seconds); the facts are the
    same as for the line's unit alone."""
    import kg.relations.clauses as clauses

    built = []
    real_init = clauses.ClauseEnds.__init__

    def counting(self, *args):
        built.append(args[1:3])
        real_init(self, *args)

    monkeypatch.setattr(clauses.ClauseEnds, "__init__", counting)
    unit = "的工作要求开展了调查研究"
    short = extract(unit, "2021-09-15")
    sentences = len(set(built))
    built.clear()
    long = extract(unit * 1700, "2021-09-15")
    pieces = -(-len(unit * 1700) // ruleset.current().articles.sentences.max_chars)
    assert len(built) <= 2 * sentences * pieces     # per sentence, not per trigger
    assert {e["name"] for e in long["entities"]} == {e["name"] for e in short["entities"]}
