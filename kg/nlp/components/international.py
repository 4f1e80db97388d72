"""Bodies abroad that no ORG suffix reads: international organisations and
news agencies named by a table, and the parties of foreign countries.

联合国, 北约, 世卫组织, 新华社: names no ORG suffix reads (组织, 社 and 联盟
end far too many ordinary words) and short forms no rule can expand
(北约 is 北大西洋公约组织). rules/international_orgs.tsv lists each body's
canonical name and its other names; a name is read where it stands as
whole words of the segmenter's (西北|约20公里 holds no 北约) and its last
character opens no longer word (联合国|内: 国内). The mention carries the
canonical name, so the short and the full form are one entity (kg.link.keys).

A party is named after its country (某国劳动党, 某国人民革命党, 某国解放阵线):
a foreign place, a few name characters, a party ending (rules/orgs.toml
[international]); an ORG (spec §7: non-state, foreign bodies their own).
"""

from functools import lru_cache

from kg import ruleset
from kg.nlp.components.body_shape import Words
from kg.nlp.lexical import tag_window, window_start
from kg.nlp.mentions import Mention
from kg.nlp.names import table_names
from kg.nlp.textscan import Automaton

RULE = "orgs.international"
PARTY_RULE = "orgs.foreign_party"


@lru_cache(maxsize=8)
def _table(rules: ruleset.RuleSet) -> Automaton:
    """{name or other name: canonical} of rules/international_orgs.tsv and
    rules/central_enterprises.tsv (central enterprises known by a short form
    no suffix reads: 中国石化 is 中国石油化工集团有限公司)."""
    return Automaton(table_names((*rules.international_orgs, *rules.central_enterprises)))


def international_orgs(text: str, words: Words, rules: ruleset.RuleSet, bodies, found) -> list[Mention]:
    """The ORG mentions of the table's names in `text`, but a name inside
    the longer name of a body or an ORG in `found` written as one (某某组织|
    统计局, 中国|某盟|商会: a unit of it or another body): not over a
    character `bodies` (the BodyRules) allows in no name (某理事会主席和|某委员会)
    nor over a word of subordination after the name (某总台|所属|某电视台)."""
    cfg = rules.orgs.international
    priority = rules.priorities["org_international"]
    longer = [m for m in found if m.type in ("AGENCY", "ORG")]
    out = []
    for s, e, canonical in _table(rules).longest(text):
        if not (words.starts_word(s) and words.starts_word(e)) or text[e - 1:e + 1] in cfg.opened_words:
            continue
        if not text.startswith(tuple(cfg.subordinate_words), e) and any(
                m.start <= s and e <= m.end and m.end - m.start > e - s
                and all(bodies.core_char_ok(c) for c in text[m.start:s] + text[e:m.end]) for m in longer):
            continue
        out.append(Mention(s, e, "ORG", text[s:e], "kg_orgs", priority, {"canonical": canonical}, rule=RULE))
    return out


def foreign_parties(text: str, places, bodies, rules: ruleset.RuleSet) -> list[Mention]:
    """The ORG mentions of parties named after a foreign PLACE in `places`;
    `bodies`: the BodyRules whose characters a name may hold."""
    cfg = rules.orgs.international
    res = rules.relations.resolution
    out = []
    for p in places:
        code = str(p.attrs.get("code") or "")
        if not code.startswith(res.foreign_seat) or code == res.home_seat:
            continue    # 中国|某某党: a party at home, named by other rules
        end = None
        for j in range(p.end, min(len(text), p.end + cfg.party_max_core + 1)):
            ending = next((x for x in cfg.party_endings if text.startswith(x, j)), None)
            if ending is not None and text[j + len(ending):j + len(ending) + 1] not in cfg.party_not_before:
                end = j + len(ending)
            if not bodies.core_char_ok(text[j]) or text[j] in rules.agencies.numeral_chars \
                    or text[j] in cfg.party_breaks:
                break   # 某国|两党: a count of parties; 某国北部|某某党: a region's
        if end is not None:
            out.append(Mention(p.start, end, "ORG", text[p.start:end], "kg_orgs", rules.priorities["org"],
                               rule=PARTY_RULE))
    return out


def people_parties(text: str, rules: ruleset.RuleSet, taken) -> list[Mention]:
    """The ORG mentions of parties named by a people, not a country
    (某某工人党): where LAC reads one ORG word ending in a party ending
    (rules/orgs.toml [international] people_party_endings); `taken`: the
    spans already read (a country's party, foreign_parties)."""
    cfg = rules.orgs.international
    stops = rules.orgs.lac_edge.stops + "，,、"
    out, seen = [], set(taken)
    for ending in cfg.people_party_endings:
        for k in _occurrences(text, ending):
            e = k + len(ending)
            for tok in tag_window(text, window_start(text, k, cfg.party_max_core, stops), e):
                if tok.tag != "ORG" or tok.end != e or tok.start > k - cfg.people_party_min_core \
                        or text.startswith(tuple(cfg.people_party_home_openings), tok.start) \
                        or (tok.start, e) in seen:
                    continue
                seen.add((tok.start, e))
                out.append(Mention(tok.start, e, "ORG", text[tok.start:e], "kg_orgs", rules.priorities["org"],
                                   rule=PARTY_RULE))
    return out


def _occurrences(text: str, word: str):
    k = text.find(word)
    while k != -1:
        yield k
        k = text.find(word, k + 1)

