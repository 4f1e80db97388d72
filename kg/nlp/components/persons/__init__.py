"""kg_persons: PERSON mentions from surnames, titles and speech cues.

pkuseg splits some names (孙/茂利) and glues others to the next word, so the
finder works on characters: a candidate is a surname (rules/surnames.txt)
plus one or two given-name characters, and it is kept when a cue vouches for
it. Cues, strongest first:

- a title chain just before it (局长孙茂利, 市委副书记、市长郭金龙);
- a title, 同志/先生, or a speech verb just after it (习近平总书记, 孙茂利说);
- an enumeration with an accepted name (叶冬松、李克、邓凯; 卓嘎、央宗姐妹);
  one led only by an uncued token, and a 、-list of name shapes with no cue
  at all (某明华、某小军等出席), are proposed for kg_stat_gate, where LAC keeps
  their names and drops trees and metals (某玉兰、某棠; 黄金、白银);
- no cue at all, when pkuseg's tokens put boundaries on both ends and the
  span is not a word of pkuseg's own lexicon (marks 马跃南 but not 高度).

The tokens are hints only: with no pkuseg lexicon (a test tokenizer) the
finder still runs on cues. The cue lists are data in rules/persons.toml.

Modules: `rules` (the rules as sets and word lists), `text` (one text's
indexes), `search` (surname-led candidates and their cues), `foreign`
(transliterated names), `groups` (enumerations before a group word),
`enumerations` (lists of name shapes), `majority` (lists most of whose
items are names vouch for the rest), `repeated` (name shapes a text repeats),
`lexicon` (pkuseg's word list), `hits` (what is found); this one is the
spaCy component.
"""

from spacy.language import Language
from spacy.tokens import Doc

from kg import ruleset
from kg.nlp.components.persons.hits import PersonHit
from kg.nlp.components.persons.lexicon import pkuseg_lexicon
from kg.nlp.components.persons.majority import JOINED
from kg.nlp.components.persons.rules import PersonRules, load_person_rules
from kg.nlp.components.persons.search import NameSearch
from kg.nlp.components.persons.text import PersonText
from kg.nlp.mentions import Mention, doc_text, mentions_of

__all__ = ["PersonHit", "PersonRules", "PersonsComponent", "find_persons", "load_person_rules",
           "make_persons"]


def find_persons(text: str, bounds=None, lexicon=frozenset(), rules: PersonRules | None = None) -> list[PersonHit]:
    """PERSON spans in `text`.

    `bounds`: set of token start offsets from the segmenter (a hint; None
    means no segmentation is known). `lexicon`: the segmenter's word list,
    used to refuse candidates that are ordinary words (高度, 方面). `rules`:
    the person rules (None: those of the rule set in force).
    """
    return NameSearch(PersonText(text, bounds, lexicon, rules or load_person_rules())).run()


class PersonsComponent:
    """`rules`: a rules folder (None: the rule set in force)."""

    def __init__(self, nlp: Language, name: str, rules: str | None = None):
        self.name = name
        self.rules = ruleset.load(rules)
        self.person_rules = load_person_rules(self.rules)
        self.priority = self.rules.priorities["person"]
        self.joined_priority = self.rules.priorities["person_list_joined"]
        self._nlp = nlp
        self._lexicon = None

    @property
    def lexicon(self) -> frozenset:
        if self._lexicon is None:
            self._lexicon = pkuseg_lexicon(self._nlp)
        return self._lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        bounds = set(doc.to_array("IDX").tolist())   # token starts, without making Tokens
        bounds.add(len(text))
        out = mentions_of(doc)
        for h in find_persons(text, bounds, self.lexicon, self.person_rules):
            out.append(Mention(h.start, h.end, "PERSON", text[h.start:h.end], source=self.name,
                               priority=self.joined_priority if h.cue == JOINED else self.priority, attrs=h.mention_attrs(), rule=h.rule))
        return doc


@Language.factory("kg_persons", default_config={"rules": None}, assigns=["doc._.kg_mentions"], requires=[])
def make_persons(nlp: Language, name: str, rules: str | None) -> PersonsComponent:
    return PersonsComponent(nlp, name, rules)
