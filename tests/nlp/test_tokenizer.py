"""kg.nlp.tokenizer: the words aligned with the text as spaCy aligns them."""

import random
import re

import pytest
from spacy.util import get_words_and_spaces

from kg.nlp.tokenizer import words_and_spaces


def _cut(rng, text):
    """Words of `text` as a segmenter gives them: runs split at random
    places, some white space dropped."""
    words = []
    for run in re.findall(r"\S+|\s+", text):
        if run.isspace() and rng.random() < 0.5:
            continue
        i = rng.randint(0, len(run))
        words += [w for w in (run[:i], run[i:]) if w]
    return words


def test_words_and_spaces_are_spacys_on_text_with_spaces_and_line_breaks():
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice("公安部 印发\n\t的  ") for _ in range(rng.randint(0, 24)))
        words = _cut(rng, text)
        assert words_and_spaces(words, text) == get_words_and_spaces(words, text), (text, words)


def test_words_that_are_not_the_texts_are_spacys_error():
    with pytest.raises(ValueError):
        words_and_spaces(["公安", "局"], "公安部")
    with pytest.raises(ValueError):
        words_and_spaces(["部", "公安"], "公安部")
