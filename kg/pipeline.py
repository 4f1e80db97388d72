"""Build the spaCy `zh` pipeline once per process.

Segmentation is spaCy's Chinese tokenizer with the pkuseg segmenter and the
real `default` model fetched at set-up (loading it costs ~4 s and ~800 MB, so
the pipeline is cached). Entity and relation components are registered spaCy
factories (kg.components) configured from rules/; `COMPONENTS` lists them in
the order they run.
"""

import contextlib
import io
from functools import lru_cache

import spacy

from .assets import pkuseg_model_path

# Factories added after the tokenizer, in order. Each is registered in
# kg.components and reads its data from rules/.
COMPONENTS: list[str] = ["kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_programs", "kg_resolve"]
# The trained NER (kg/models/ner) is opt-in: on news texts with gold it adds
# more false entities than it finds (see README), so it runs only when asked.
STATISTICAL = "kg_stat_ner"


class TextKeepingTokenizer:
    """spaCy's Chinese tokenizer, also keeping the input string on the Doc
    (`doc.user_data["kg_text"]`, read by kg.mentions.doc_text): every entity
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
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    # spacy_pkuseg warns that features.msgpack is missing, then reads the pickle.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        nlp.tokenizer.initialize(pkuseg_model=str(pkuseg_model_path()))
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    return nlp


@lru_cache(maxsize=2)
def get_nlp(statistical: bool = False):
    """The shared pipeline: segmenter plus every component in COMPONENTS
    (and the statistical NER before the resolver when asked for)."""
    from . import components  # noqa: F401  (registers the factories)

    nlp = _blank_zh()
    names = list(COMPONENTS)
    if statistical:
        names.insert(names.index("kg_resolve"), STATISTICAL)
    for name in names:
        nlp.add_pipe(name)
    return nlp
