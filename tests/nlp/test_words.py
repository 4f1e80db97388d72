"""kg.nlp.words reads a doc's word boundaries from spaCy's arrays; they
must be what iterating the tokens gives, on real segmented text."""

from kg.nlp.words import char_words, word_bounds

TEXT = ("新华社北京3月11日电 国务院总理在人民大会堂出席记者会并回答中外记者提问。"
        "  会议强调，要深入实施乡村振兴战略，推动高质量发展。\n某省人民政府办公厅印发通知。")


def test_word_bounds_are_the_tokens_offsets(nlp):
    doc = nlp.make_doc(TEXT)
    starts, ends = word_bounds(doc)
    assert starts == [t.idx for t in doc]
    assert ends == [t.idx + len(t.text) for t in doc]
    assert word_bounds(nlp.make_doc("")) == ([], [])


def test_char_words_give_each_characters_word(nlp):
    doc = nlp.make_doc(TEXT)
    n = len(TEXT)
    start_of, end_of = char_words(doc, n)
    want_s, want_e = list(range(n)), list(range(1, n + 1))
    for t in doc:
        for k in range(t.idx, min(t.idx + len(t.text), n)):
            want_s[k], want_e[k] = t.idx, t.idx + len(t.text)
    assert (start_of, end_of) == (want_s, want_e)
    # 国务院 is one word: each of its characters knows where it starts and ends
    k = TEXT.index("国务院")
    assert start_of[k + 2] == start_of[k] and end_of[k] == end_of[k + 2]
