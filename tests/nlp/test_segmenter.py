"""kg.nlp.segmenter must give pkuseg's own words: it is pkuseg with the feature
look-ups vectorised, and every rule downstream was written against pkuseg's
segmentation. The reference is spacy_pkuseg.pkuseg on the same model."""

import contextlib
import io
import json

import pytest

from conftest import CORPUS, FIXTURES


@pytest.fixture(scope="module")
def fast():
    """kg.nlp.segmenter.Segmenter on the pkuseg model (or a skip without it)."""
    from kg.errors import AssetMissing
    from kg.nlp.assets import pkuseg_model_path
    from kg.nlp.segmenter import Segmenter
    try:
        path = pkuseg_model_path()
    except AssetMissing as exc:  # pragma: no cover
        pytest.skip(str(exc))
    return Segmenter(path)


@pytest.fixture(scope="module")
def segmenters(fast):
    """(ours, spacy_pkuseg's own): loading the reference takes seconds, so
    the tests that compare with it are marked slow."""
    import spacy_pkuseg
    from kg.nlp.assets import pkuseg_model_path
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        ref = spacy_pkuseg.pkuseg(str(pkuseg_model_path()))
    return fast, ref


def _texts():
    pages = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")) if p.name != "SOURCES.md"]
    lines = [json.loads(line)["text"]
             for line in (FIXTURES / "ner_sample.jsonl").read_text(encoding="utf-8").splitlines()]
    return pages, lines


@pytest.mark.slow
def test_same_words_as_pkuseg_on_the_corpus_pages(segmenters):
    fast, ref = segmenters
    pages, _ = _texts()
    assert len(pages) == 5
    for page in pages:
        assert fast.cut(page) == ref.cut(page)


@pytest.mark.slow
def test_same_words_on_inputs_longer_than_one_vectorised_pass(segmenters, monkeypatch):
    """Texts are tagged in runs of at most _BATCH_CHARS characters: the cuts
    must not show (made small here, so the test texts cross them many times)."""
    from kg.nlp import segmenter
    monkeypatch.setattr(segmenter, "_BATCH_CHARS", 1000)
    fast, ref = segmenters
    pages, _ = _texts()
    many = "\n".join(pages * 2)
    assert len(many) > 10 * segmenter._BATCH_CHARS
    assert fast.cut(many) == ref.cut(many)
    one_piece = "".join(pages[0].split())          # no whitespace: one fragment
    assert len(one_piece) > 3 * segmenter._BATCH_CHARS
    assert fast.cut(one_piece) == ref.cut(one_piece)


@pytest.mark.slow
def test_same_words_as_pkuseg_on_news_sentences(segmenters):
    fast, ref = segmenters
    _, lines = _texts()
    assert len(lines) > 100
    differ = [t for t in lines if fast.cut(t) != ref.cut(t)]
    assert differ == []


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # digits and letters (pkuseg reads them as **Num / **Letter), its keyword
    # characters (-._,|/*: read as &), full-width forms, whitespace inside
    "2021年9月15日，ＧＤＰ增长８．１％，5G基站达到115万个。",
    "国务院办公厅印发《关于加快推进政务服务标准化、规范化、便利化的指导意见》（国办发〔2022〕5号）",
    "网址：www.gov.cn/zhengce/2021-09/15 ，电话：010-12345678 ; a*b|c/d:e_f",
    "  市委书记  李明   主持会议\n\n\t区长王芳出席  ",
    "甲",
    "😀国务院𠀀办公厅\udc80通知",      # outside the BMP, and a lone surrogate
    "",
    "   ",
])
def test_same_words_on_awkward_input(segmenters, text):
    fast, ref = segmenters
    assert fast.cut(text) == ref.cut(text)


def test_a_name_the_segmenter_splits_stays_split(fast):
    """The behaviour the person rules rely on (they scan text, not tokens)."""
    words = fast.cut("二级巡视员曾斌说，工作人员倪莎到场。")
    assert "".join(words) == "二级巡视员曾斌说，工作人员倪莎到场。"
    assert words[2:4] == ["曾", "斌"] and "倪莎" in words


@pytest.mark.slow
def test_tables_are_built_once_and_reused(segmenters):
    from kg.nlp.assets import pkuseg_model_path
    from kg.nlp.segmenter import Segmenter, ensure_tables, tables_dir
    d = tables_dir(pkuseg_model_path())
    assert ensure_tables(pkuseg_model_path()) == d
    before = (d / "meta.json").stat().st_mtime_ns
    Segmenter(pkuseg_model_path())
    assert (d / "meta.json").stat().st_mtime_ns == before
    # the word list the person rules consult is the model's
    fast, ref = segmenters
    assert set(fast.words()) == set(ref.feature_extractor.unigram) - {""}


def test_the_pipeline_segments_with_it():
    from kg.nlp.pipeline import get_nlp
    from kg.nlp.segmenter import Segmenter
    nlp = get_nlp()
    assert isinstance(nlp.tokenizer.pkuseg_seg, Segmenter)
    doc = nlp("国家发展改革委印发《“十四五”现代综合交通运输体系发展规划》")
    assert [t.text for t in doc][:2] == nlp.tokenizer.pkuseg_seg.cut(doc.text)[:2]


def test_one_long_fragment_is_tagged_in_stretches_with_the_same_words(fast, monkeypatch):
    """A fragment longer than _BATCH_CHARS (a line with no white space) has
    its feature weights computed a stretch at a time with a margin: the
    words are those of one pass over it."""
    from kg.nlp import segmenter
    pages, _ = _texts()
    one_piece = "".join("".join(pages).split())[:6000]
    runs = [one_piece, "的" * 3000, "2021年" * 500]
    whole = [fast.cut(t) for t in runs]
    monkeypatch.setattr(segmenter, "_BATCH_CHARS", 397)
    assert [fast.cut(t) for t in runs] == whole


def _pkuseg_post(fast, words):
    """pkuseg's own post-processing (spacy_pkuseg.Postprocesser) of `words`."""
    return fast.postprocesser(list(words))


def test_post_processing_gives_pkuseg_joins_on_real_text(fast):
    """kg.nlp.segmenter.post_processed joins the same runs of words as
    pkuseg's Postprocesser, on every fragment of the fixture pages and on
    one long fragment with no spaces (the pages' characters run together),
    where pkuseg's in-place deletes were quadratic."""
    from kg.nlp.segmenter import post_processed
    pages, lines = _texts()
    fragments = [w for text in pages + lines for w in text.split()]
    fragments.append("".join("".join(pages).split())[:30000])
    joined = 0
    for frag in fragments:
        raw = fast._cut(frag)
        ours = post_processed(list(raw), fast.postprocesser)
        assert ours == _pkuseg_post(fast, raw)
        joined += len(raw) - len(ours)
    assert joined > 50      # the texts do exercise the joins


def test_post_processing_of_short_word_lists(fast):
    """Lists shorter than a run, runs at the very end, and a run whose
    words are dictionary words themselves: the same as pkuseg's."""
    from kg.nlp.segmenter import post_processed
    post = fast.postprocesser
    for raw in ([], ["会"], ["国务院", "召开", "常务", "会议"], ["全", "国", "人", "大", "代表"],
                ["推动", "高", "质量", "发展"], ["中华", "人民", "共和", "国"]):
        assert post_processed(list(raw), post) == _pkuseg_post(fast, raw)
