"""kg.text.fold: a raw line's characters -> clean tokens mapped to raw indexes."""

from kg import ruleset
from kg.text.fold import collapse, headline_segments, spaced_out, tokens, width


def _text(toks):
    return "".join(c for c, _ in toks)


def _segments(line):
    layout = ruleset.current().articles.layout
    return [_text(seg) for seg, _ in headline_segments(tokens(line, 0), layout)]


def test_tokens_fold_digits_and_letters_and_keep_raw_indexes():
    toks = tokens("\u3000共１２３件ＡＢＣ。", 10)
    assert _text(toks) == "共123件ABC。"
    assert toks[0] == ("共", 11) and toks[-1] == ("。", 19)


def test_collapse_drops_spaces_next_to_cjk_and_keeps_them_between_words():
    assert _text(collapse(tokens("9 月 14 日，他说 Hello  World", 0))) == "9月14日，他说Hello World"


def test_a_spaced_out_line_is_one_headline():
    layout = ruleset.current().articles.layout
    assert spaced_out(tokens("知 情 权 等 执 业 权 利", 0), layout)
    assert not spaced_out(tokens("选聘信息员 织密监督网", 0), layout)
    assert _segments("知 情 权 等 执 业 权 利") == ["知情权等执业权利"]


def test_a_space_between_phrases_of_a_headline_cuts_it():
    assert _segments("选聘信息员 织密监督网") == ["选聘信息员", "织密监督网"]
    assert _segments("已建成 2500 余个服务站") == ["已建成2500余个服务站"]
    assert _segments("图 公安部召开发布会") == ["图公安部召开发布会"]


def test_width_counts_half_width_characters_as_half_a_cell():
    assert width("公安部") == 3.0 and width("CD 2021") == 3.5
