"""The segmenter's words of a Doc as character offsets, read in one call.

Entity components test word boundaries (does a name start where a word
starts? does a head character sit inside a longer word?). Iterating a Doc
makes a Token object per word, several times per doc; `Doc.to_array` reads
every token's offset and length from spaCy's own arrays at once, so the
bounds cost next to nothing. They are read fresh on each call: a
retokenised doc (kg.nlp.spans.align_tokens) has other words.
"""

import numpy as np
from spacy.attrs import IDX, LENGTH


def word_bounds(doc) -> tuple[list, list]:
    """(starts, ends): each token's first character and the character after
    its last, in token order (what `t.idx`, `t.idx + len(t.text)` give)."""
    if not len(doc):
        return [], []
    arr = doc.to_array([IDX, LENGTH]).astype(np.int64)
    starts = arr[:, 0]
    return starts.tolist(), (starts + arr[:, 1]).tolist()


def char_words(doc, n: int) -> tuple[list, list]:
    """(start_of, end_of), one entry per character of a text of `n`
    characters: where the word holding it starts and ends (a character in
    no token, a space between words, is a word of its own: k, k + 1)."""
    start_of, end_of = np.arange(n, dtype=np.int64), np.arange(1, n + 1, dtype=np.int64)
    if len(doc) and n:
        arr = doc.to_array([IDX, LENGTH]).astype(np.int64)
        starts, lengths = arr[:, 0], arr[:, 1]
        first = np.cumsum(lengths) - lengths
        # each character of each token: its token's start plus its place in the token
        tok_start = np.repeat(starts, lengths)
        at = tok_start + np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(first, lengths)
        inside = at < n
        start_of[at[inside]] = tok_start[inside]
        end_of[at[inside]] = np.repeat(starts + lengths, lengths)[inside]
    return start_of.tolist(), end_of.tolist()
