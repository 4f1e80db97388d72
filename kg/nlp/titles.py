"""Titles (posts) found in text, and whether a post leads its body.

Titles are not entities (spec §2): they become the `title` attribute of a
`leads` relation (head posts: 局长, 市长) or a `member_of` relation (anything
else: 副局长, 二级巡视员). kg_persons uses them as the strongest cue for a name
(局长孙茂利, 习近平总书记). All tables are data in rules/titles.toml; this
module only expands the variants (副X, 代X) and matches them on characters,
because pkuseg glues bodies to posts (法制局局长 may be one token).
"""

from dataclasses import dataclass
from functools import lru_cache

from kg import ruleset
from kg.nlp.textscan import PUNCT, Automaton, longest_first

KINDS = ("head", "member", "role")


@dataclass(frozen=True)
class Title:
    start: int
    end: int
    text: str
    kind: str           # head | member | role


@dataclass(frozen=True)
class TitleChain:
    """The posts of one person written together: 市委副书记、市长 / 党组成员、副市长.

    `titles` run left to right; the last one is adjacent to the name (after
    it: 市长郭金龙) and is the person's title for the nearest body.
    """
    titles: tuple[Title, ...]

    @property
    def start(self) -> int:
        return self.titles[0].start

    @property
    def end(self) -> int:
        return self.titles[-1].end

    @property
    def last(self) -> Title:
        return self.titles[-1]


def load_titles(rules: ruleset.RuleSet | None = None) -> dict[str, str]:
    """Every title string -> its kind, variants included (of `rules`, else
    the rule set in force)."""
    return _title_table(rules or ruleset.current())


@lru_cache(maxsize=8)
def _title_table(rules: ruleset.RuleSet) -> dict[str, str]:
    """Explicit entries win over generated ones, so a listed 副书记 stays a
    member and a listed 主任委员 a head, whatever the prefixes would make of them."""
    titles = rules.titles
    table: dict[str, str] = {}
    for head in titles.head.titles:
        for pre in titles.variants.member_prefixes:
            table.setdefault(pre + head, "member")
        for pre in titles.variants.head_prefixes:
            table.setdefault(pre + head, "head")
    # explicit entries last, so they override generated ones
    for kind, listed in (("role", titles.role), ("member", titles.member), ("head", titles.head)):
        for t in listed.titles:
            table[t] = kind
    return table


@lru_cache(maxsize=8)
def _prefixes(rules: ruleset.RuleSet) -> tuple:
    v = rules.titles.variants
    return longest_first((*v.member_prefixes, *v.head_prefixes))


def base_title(title: str, rules: ruleset.RuleSet | None = None) -> str:
    """The head title a variant is made from (副市长, 常务副市长, 代市长: 市长)."""
    for pre in _prefixes(rules or ruleset.current()):
        if title.startswith(pre) and len(title) > len(pre):
            return title[len(pre):]
    return title


def title_kind(title: str, rules: ruleset.RuleSet | None = None) -> str | None:
    """head / member / role for a known title, None for anything else."""
    return load_titles(rules).get(title)


def is_head(title: str, rules: ruleset.RuleSet | None = None, body: str = "") -> bool:
    """True when the post leads its body (局长), False for 副局长, 二级巡视员,
    roles and any string that is no known title, and for a head title held
    in a body of several holders of it (`body`'s name or key ending as
    rules/titles.toml [member_in] says: 书记处 + 书记). A member title of
    [international_heads] (秘书长) is a head in an international organisation
    (`body` the key or name of one of rules/international_orgs.tsv)."""
    rules = rules or ruleset.current()
    if body and any(body.endswith(b) for b in rules.titles.member_in.get(base_title(title, rules), ())):
        return False
    if body and title in _international_heads(rules) and body.split(":")[-1] in _international_orgs(rules):
        return True
    return title_kind(title, rules) == "head"


@lru_cache(maxsize=8)
def _international_heads(rules: ruleset.RuleSet) -> frozenset:
    """The titles that head an international organisation (rules/titles.toml
    [international_heads]: 秘书长) and their acting forms (代秘书长), not
    their deputies' (副秘书长)."""
    heads = rules.titles.international_heads.titles
    return frozenset((*heads, *(p + h for h in heads for p in rules.titles.variants.head_prefixes)))


@lru_cache(maxsize=8)
def _international_orgs(rules: ruleset.RuleSet) -> frozenset:
    """The canonical names of rules/international_orgs.tsv (an ORG's key ends
    with its canonical name: org:联合国)."""
    return frozenset(row[0] for row in rules.international_orgs)


@lru_cache(maxsize=8)
def _automaton(rules: ruleset.RuleSet) -> Automaton:
    return Automaton(_title_table(rules))


def find_titles(text: str, rules: ruleset.RuleSet | None = None) -> list[Title]:
    """Non-overlapping titles, leftmost-longest, skipping words they start (委员会)."""
    rules = rules or ruleset.current()
    blockers = rules.titles.not_followed_by
    hits = sorted(_automaton(rules).iter(text), key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[Title] = []
    last = 0
    for s, e, kind in hits:
        if s < last:
            continue
        word = text[s:e]
        if e < len(text) and text[e] in blockers.get(word, ()):
            continue
        out.append(Title(s, e, word, kind))
        last = e
    return out


def find_title_chains(text: str, titles: list[Title] | None = None,
                      rules: ruleset.RuleSet | None = None) -> list[TitleChain]:
    """Group titles of one person: joined by 、/兼, optionally across a short body.

    市委副书记、市长 -> (副书记, 市长); 市委常委、市政府党组成员、副市长 -> three.
    A comma ends a chain: in 市长郭金龙，省委副书记、省长郭庚茂 the second
    chain belongs to the second person.
    """
    rules = rules or ruleset.current()
    joiners, max_gap = rules.titles.compound.joiners, rules.titles.compound.max_gap
    titles = find_titles(text, rules) if titles is None else titles
    chains: list[list[Title]] = []
    for t in titles:
        if chains and _joined(text[chains[-1][-1].end:t.start], joiners, max_gap):
            chains[-1].append(t)
        else:
            chains.append([t])
    return [TitleChain(tuple(c)) for c in chains]


def _joined(between: str, joiners: tuple[str, ...], max_gap: int) -> bool:
    if between == "":
        return True
    for j in joiners:
        if between.startswith(j):
            rest = between[len(j):]
            return len(rest) <= max_gap and not any(ch in PUNCT for ch in rest)
    return False
