"""kg_stat_ner: entity proposals from the project's own small statistical NER.

Rules cannot reach names with no cue (马跃南 in a list of award winners) or
places no division gazetteer has (countries, regions, rivers, mountains). A
spaCy `ner` trained by `make train` (scripts/train_ner.py, configs/ner.cfg)
on the public NER data in ../shared/ner and shipped in kg/models/ner tags the
pipeline's own pkuseg tokens; each entity becomes a Mention with a priority
below every rule component (rules/priorities.toml `statistical`), so
kg_resolve keeps a rule's reading wherever one overlaps and takes the
model's only where the rules are silent.

Every reading passes a second, learned check: the shape odds of its kind
(kg.nlp.components.shape_odds, fitted by the same `make train`) must reach
their threshold, which drops common words read as names (陈规, 苏铁 with a
surname-like first character), places (旱情) or bodies. Where a kept PERSON
overlaps a rule's person with another span and looks at least as much like
a name (斯捷帕申 over a title rule's 斯捷帕, 克林顿 over 克林顿派), the rule's
mention takes the model's span; an anonymised person (李先生) keeps its own.

The model is loaded once per process (it never tokenizes: the component runs
its `ner` on the docs it is given, in batches under `nlp.pipe`). `doc.ents`
is left as it was: the model's entities are read off it and then restored.
Add it after the rule components and before kg_resolve.
"""

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from kg import ruleset
from kg.nlp.components.shape_odds import KINDS, load as load_odds
from kg.nlp.mentions import ENTITY_TYPES, Mention, mentions_of
from kg.nlp.textscan import WordList
from kg.paths import PACKAGE_DIR

MODEL_DIR = PACKAGE_DIR / "models" / "ner"
SOURCE = "kg_stat_ner"


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_DIR)):
    """The shipped model (a spaCy pipeline with one `ner`), loaded once."""
    import spacy

    p = Path(path)
    if not (p / "config.cfg").exists():
        raise FileNotFoundError(f"no statistical NER model in {p}: run `make train`")
    return spacy.load(p)


class StatNer:
    """`priority`: None for rules/priorities.toml `statistical`; `rules`: a
    rules folder (None: the rule set in force)."""

    def __init__(self, nlp: Language, name: str = SOURCE, model_path: str | None = None,
                 priority: int | None = None, rules: str | None = None):
        self.name = name
        self.rules = ruleset.load(rules)
        self.priority = self.rules.priorities["statistical"] if priority is None else priority
        model = load_model(str(model_path or MODEL_DIR))
        self.odds = load_odds()
        persons = self.rules.persons
        self.not_name_ends = frozenset(ch for ch in persons.stat_not_last if not ch.isspace())
        self.not_name_before = WordList(persons.uncued_not_before)
        self.ner = model.get_pipe("ner")
        self.labels = tuple(lab for lab in self.ner.labels if lab in ENTITY_TYPES)
        for lab in self.ner.labels:  # the docs' vocab must know the label strings
            nlp.vocab.strings.add(lab)

    def __call__(self, doc: Doc) -> Doc:
        self._tag([doc])
        return doc

    def pipe(self, docs, batch_size: int = 256):
        for batch in minibatch(docs, size=batch_size):
            self._tag(batch)
            yield from batch

    def _tag(self, docs) -> None:
        docs = list(docs)
        todo = [d for d in docs if len(d)]
        if not todo:
            return
        for vocab in {id(d.vocab): d.vocab for d in todo}.values():
            for lab in self.ner.labels:  # idempotent; docs may come from another vocab
                vocab.strings.add(lab)
        saved = [d.ents for d in todo]
        self.ner.set_annotations(todo, self.ner.predict(todo))
        for doc, ents in zip(todo, saved):
            out = mentions_of(doc)
            text = doc.text
            rule_persons = [m for m in out if m.type == "PERSON" and not m.attrs.get("anonymised")]
            for ent in doc.ents:
                s, e = ent.start_char, ent.end_char
                if ent.label_ not in self.labels or not self._kept(ent.label_, text, s, e):
                    continue
                out.append(Mention(s, e, ent.label_, text[s:e], source=self.name,
                                   priority=self.priority, rule=f"statistical.{ent.label_}"))
                if ent.label_ == "PERSON":
                    self._respan(rule_persons, text, s, e)
            doc.ents = ents

    def _kept(self, label: str, text: str, s: int, e: int) -> bool:
        """Whether the model's reading text[s:e] of type `label` is kept."""
        if label == "PERSON" and (text[e - 1] in self.not_name_ends or self.not_name_before.starts(text, e)):
            return False   # a street, a lake, a team, a bank's name: rules/persons.toml
        return label not in KINDS or self.odds[KINDS[label]].passes(text, s, e)

    def _respan(self, persons: list, text: str, s: int, e: int) -> None:
        """The rules' persons overlapping the kept reading text[s:e] with
        another span take it where it scores at least as high a name odds."""
        odds, score = self.odds["PERSON"], None
        for m in persons:
            if m.start < e and s < m.end and (m.start, m.end) != (s, e):
                score = odds.score(text, s, e) if score is None else score
                if score >= odds.score(text, m.start, m.end):
                    m.attrs["stat_ner"] = "respanned"
                    m.start, m.end, m.text = s, e, text[s:e]


@Language.factory("kg_stat_ner", default_config={"model_path": None, "priority": None, "rules": None},
                  assigns=["doc._.kg_mentions"], requires=[])
def make_stat_ner(nlp: Language, name: str, model_path: str | None, priority: int | None,
                  rules: str | None) -> StatNer:
    return StatNer(nlp, name, model_path, priority, rules)
