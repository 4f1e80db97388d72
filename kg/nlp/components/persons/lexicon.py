"""pkuseg's own word list: the person rules refuse candidates that are
ordinary words (高度, 方面) by it."""

from spacy.language import Language


def pkuseg_lexicon(nlp: Language) -> frozenset:
    """The 2-4 character words of the pipeline's pkuseg model, or empty for
    other tokenizers."""
    seg = getattr(nlp.tokenizer, "pkuseg_seg", None)
    if hasattr(seg, "words"):             # kg.nlp.segmenter.Segmenter
        words = seg.words()
    else:                                 # spacy_pkuseg.pkuseg
        words = getattr(getattr(seg, "feature_extractor", None), "unigram", None)
    return frozenset(w for w in (words or ()) if 2 <= len(w) <= 4)
