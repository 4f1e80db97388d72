"""Build the spaCy `zh` pipeline once per process.

Segmentation is spaCy's Chinese tokenizer with the pkuseg segmenter and the
real `default` model fetched at set-up, run by kg.nlp.segmenter (pkuseg's model
and Viterbi, its feature look-ups vectorised: same words, ~3x faster, the
model memory-mapped instead of unpickled). The pipeline is cached per process. Entity and relation components are registered spaCy
factories (kg.nlp.components) configured from rules/; `COMPONENTS` lists them in
the order they run.
"""

from functools import lru_cache

import spacy

from kg.nlp.assets import pkuseg_model_path

# Factories added after the tokenizer, in order. Each is registered in
# kg.nlp.components and reads its data from rules/.
COMPONENTS: list[str] = ["kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_programs", "kg_resolve"]
# The trained NER (kg/models/ner) is opt-in: on news texts with gold it adds
# more false entities than it finds (see README), so it runs only when asked.
STATISTICAL = "kg_stat_ner"


class TextKeepingTokenizer:
    """spaCy's Chinese tokenizer, also keeping the input string on the Doc
    (`doc.user_data["kg_text"]`, read by kg.nlp.mentions.doc_text): every entity
    component works on the text, and spaCy's `doc.text` rebuilds it from
    Token objects, which cost a tenth of the entity layer's time. Anything
    else is the wrapped tokenizer's (`pkuseg_seg`, `pipe`, ...)."""

    def __init__(self, inner):
        self.inner = inner

    def __call__(self, text: str):
        doc = self.inner(text)
        doc.user_data["kg_text"] = text
        return doc

    def __getattr__(self, name):
        return getattr(self.inner, name)


def _blank_zh():
    from kg.nlp.segmenter import Segmenter
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    # what tokenizer.initialize(pkuseg_model=...) sets, without unpickling
    # pkuseg's 2.6-million-entry feature dict
    nlp.tokenizer.pkuseg_seg = Segmenter(pkuseg_model_path())
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    return nlp


@lru_cache(maxsize=2)
def get_nlp(statistical: bool = False):
    """The shared pipeline: segmenter plus every component in COMPONENTS
    (and the statistical NER before the resolver when asked for)."""
    from kg.nlp import components  # noqa: F401  (registers the factories)

    nlp = _blank_zh()
    names = list(COMPONENTS)
    if statistical:
        names.insert(names.index("kg_resolve"), STATISTICAL)
    for name in names:
        nlp.add_pipe(name)
    return nlp
