"""kg_stat_ner: entity proposals from the project's own small statistical NER.

Rules cannot reach names with no cue (马跃南 in a list of award winners) or
places no division gazetteer has (countries, regions, rivers, mountains). A
spaCy `ner` trained by `make train` (scripts/train_ner.py, configs/ner.cfg)
on the public NER data in ../shared/ner and shipped in kg/models/ner tags the
pipeline's own pkuseg tokens; each entity becomes a Mention with a priority
below every rule component (rules/priorities.toml `statistical`), so
kg_resolve keeps a rule's reading wherever one overlaps and takes the
model's only where the rules are silent.

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
            for ent in doc.ents:
                if ent.label_ == "PERSON" and (text[ent.end_char - 1] in self.not_name_ends
                                               or self.not_name_before.starts(text, ent.end_char)):
                    continue   # a street, a lake, a team, a bank's name: rules/persons.toml
                if ent.label_ in self.labels:
                    out.append(Mention(ent.start_char, ent.end_char, ent.label_,
                                       text[ent.start_char:ent.end_char], source=self.name,
                                       priority=self.priority, rule=f"statistical.{ent.label_}"))
            doc.ents = ents


@Language.factory("kg_stat_ner", default_config={"model_path": None, "priority": None, "rules": None},
                  assigns=["doc._.kg_mentions"], requires=[])
def make_stat_ner(nlp: Language, name: str, model_path: str | None, priority: int | None,
                  rules: str | None) -> StatNer:
    return StatNer(nlp, name, model_path, priority, rules)
