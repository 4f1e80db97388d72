"""kg.text.sentences: the sentence spans that are every relation's evidence."""

from kg.text.sentences import sentence_at, sentence_spans


def pieces(text, *bounds):
    return [text[s:e] for s, e in sentence_spans(text, *bounds)]


def test_a_sentence_ends_after_its_mark_and_a_closing_quote_stays_with_it():
    text = "孙茂利说：“公安部出台《意见》。”曾斌介绍，效果明显！第三句？第四句；第五句"
    assert pieces(text) == ["孙茂利说：“公安部出台《意见》。”", "曾斌介绍，效果明显！", "第三句？", "第四句；", "第五句"]
    assert pieces("他说：“好！”……然后!?再见") == ["他说：“好！”", "……然后!?", "再见"]


def test_a_line_break_ends_a_sentence_belongs_to_none_and_blank_lines_make_none():
    text = "公安部召开会议\n\n  \n会议强调。\n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["公安部召开会议", "会议强调。"]
    assert sentence_at(spans, text.index("\n")) is None
    assert sentence_spans("") == [] and sentence_spans(" \n\u3000\n ") == []


def test_spans_of_a_slice_are_offsets_into_the_whole_text():
    """An article's sentences: text[start:end] cut, offsets kept global."""
    text = "前文。公安部召开会议！会议强调落实。后文"
    start, end = text.index("公"), text.index("后")
    spans = sentence_spans(text, start, end)
    assert [text[s:e] for s, e in spans] == ["公安部召开会议！", "会议强调落实。"]
    assert spans[0][0] == start and spans[-1][1] == end
    # an end inside a sentence cuts it there
    assert pieces(text, start, text.index("落")) == ["公安部召开会议！", "会议强调"]


def test_sentence_at_finds_the_span_holding_a_position():
    text = "公安部召开会议。会议强调落实。"
    spans = sentence_spans(text)
    assert sentence_at(spans, 0) == sentence_at(spans, 7) == (0, 8)
    assert sentence_at(spans, 8) == (8, 15)
    assert sentence_at(spans, 15) is None


def test_a_run_longer_than_the_longest_sentence_is_read_in_pieces_that_long():
    """A line with no sentence end is no sentence of a million characters:
    pieces of articles.sentences.max_chars, end to end, each found again."""
    from kg import ruleset
    longest = ruleset.current().articles.sentences.max_chars
    run = "县市场监管局开展食品安全专项检查" * (2 * longest // 16 + 5)
    text = "前文。" + run + "。后文"
    spans = sentence_spans(text)
    assert spans[0] == (0, 3) and text[slice(*spans[-1])] == "后文"
    middle = spans[1:-1]
    assert [e - s for s, e in middle[:-1]] == [longest] * (len(middle) - 1)
    assert 0 < middle[-1][1] - middle[-1][0] <= longest and middle[-1][1] == text.index("后")
    assert all(a[1] == b[0] for a, b in zip(middle, middle[1:]))
    assert [sentence_at(spans, s) for s, _ in middle] == middle


def test_sentence_at_is_the_span_a_scan_finds():
    text = "公安部召开会议。\n\n会议强调落实！  第三句？末句"
    spans = sentence_spans(text)
    for pos in range(-1, len(text) + 2):
        assert sentence_at(spans, pos) == next(((s, e) for s, e in spans if s <= pos < e), None), pos


def test_unread_runs_are_what_lies_past_the_bound_of_a_run_with_no_sentence_end():
    from kg import ruleset
    from kg.text.sentences import blanked, unread_runs
    longest = ruleset.current().articles.sentences.max_chars
    run = "国务院召开常务会议部署推进乡村振兴" * (longest // 10)
    text = "会议强调，要加强统筹。" + run + "。\n水利部印发通知。" + run
    runs = unread_runs(text)
    first = text.index(run)
    second = text.rindex(run)
    assert runs == [(first + longest, first + len(run)), (second + longest, len(text))]
    out = blanked(text, runs)
    assert len(out) == len(text) and out[:first + longest] == text[:first + longest]
    assert out[first + longest:first + len(run)].strip() == "" and "水利部印发通知。" in out
    # ordinary text, however long, has none
    assert unread_runs("会议强调，要加强统筹。" * 5000) == [] and blanked("某某", []) == "某某"
