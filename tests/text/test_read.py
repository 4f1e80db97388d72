"""kg.text.read.read_text: encodings in, exact text out, clear errors for non-text."""

import gzip
import json
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.text.read import read_text, unlikely_share

CORPUS = Path(__file__).parent.parent / "fixtures" / "corpus"
SEED = CORPUS / "000_ba7bb21c1752cf58.txt"


def _seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")


def _write(tmp_path, name, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_utf8_is_returned_unchanged():
    assert read_text(SEED) == _seed_text()


def test_utf8_bom_is_dropped(tmp_path):
    p = _write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + _seed_text().encode("utf-8"))
    assert read_text(p) == _seed_text()


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_chinese_national_encodings_decode_right(tmp_path, encoding):
    text = _seed_text()
    p = _write(tmp_path, f"{encoding}.txt", text.encode(encoding))
    assert read_text(p) == text


def test_gbk_of_a_short_text_is_not_mojibake(tmp_path):
    text = "本版责编：苏显龙\n公安部召开新闻发布会。"
    p = _write(tmp_path, "short.txt", text.encode("gbk"))
    assert read_text(p) == text


def test_line_endings_are_kept_exactly(tmp_path):
    text = _seed_text().replace("\n", "\r\n")
    p = _write(tmp_path, "crlf.txt", text.encode("utf-8"))
    assert read_text(p) == text
    p = _write(tmp_path, "cr.txt", "甲\r乙\r\n丙\n".encode("utf-8"))
    assert read_text(p) == "甲\r乙\r\n丙\n"


def test_empty_file_gives_empty_string(tmp_path):
    assert read_text(_write(tmp_path, "empty.txt", b"")) == ""


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    b"abc\x00def\x00" * 20,
    bytes(range(1, 32)) * 10,
])
def test_binary_is_refused(tmp_path, data):
    p = _write(tmp_path, "blob.bin", data)
    with pytest.raises(InputError) as err:
        read_text(p)
    assert err.value.reason.startswith("not a text file (")
    assert err.value.path == str(p)


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as err:
        read_text(tmp_path / "nope.txt")
    assert err.value.reason == "no such file"


def test_directory(tmp_path):
    with pytest.raises(InputError) as err:
        read_text(tmp_path)
    assert err.value.reason == "is a directory"


def test_every_corpus_text_reads(tmp_path):
    for path in CORPUS.glob("*.txt"):
        assert read_text(path) == path.read_bytes().decode("utf-8").lstrip("\ufeff")


# --- Big5 and Traditional text --------------------------------------------------------------------

# Traditional text as a Taiwan or Hong Kong page would print it: the seed text's
# opening, written in Traditional characters by hand, and some single lines.
TRADITIONAL = (
    "9 月 14 日，公安部召開新聞發布會，介紹全國公安機關深入推進執法規範化建設最新進展。"
    "據了解，今年 5 月，公安部印發《關於深入推進公安執法監督管理機制改革的意見》，"
    "對構建公安執法權力運行全流程、全要素管理體系作出全面規定，"
    "為深化執法規範化建設提供了重要切入點和有力抓手。\n"
    "「注重系統觀念、法治思維、強基導向，公安機關將執法規範化建設作為一項全局性、"
    "基礎性工作常抓不懈，推動執法規範化建設不斷向縱深發展。」公安部法制局局長孫茂利說。\r\n"
    "「改革受案立案制度，是中央全面深化公安改革、公安執法規範化建設的重要舉措。」"
    "公安部法制局二級巡視員曾斌介紹，公安部於 2015 年 11 月出台了《關於改革完善受案立案制度的意見》，"
    "目前全國各省級公安機關均制定了配套實施意見，18 個省級公安機關增設了案件管理機構。\n"
)
TRADITIONAL_LINES = [
    "公安部法制局局長孫茂利說。",
    "臺北市政府",
    "行政院長今日在立法院答詢時表示，政府將持續推動數位轉型。",
    "香港特別行政區政府今天宣布，新一輪防疫措施將於下週一起實施。",
]


@pytest.mark.parametrize("encoding", ["big5", "cp950", "gb18030", "gbk", "utf-8"])
@pytest.mark.parametrize("text", [TRADITIONAL, *TRADITIONAL_LINES])
def test_traditional_text_decodes_right_in_every_encoding(tmp_path, text, encoding):
    p = _write(tmp_path, f"{encoding}.txt", text.encode(encoding))
    assert read_text(p) == text


def test_big5_read_as_gb18030_is_what_the_detector_rejects():
    """The garbage this guards against: kana, private-use and rare characters."""
    garbage = TRADITIONAL_LINES[0].encode("big5").decode("gb18030")
    assert garbage != TRADITIONAL_LINES[0]
    assert unlikely_share(garbage) > 0.5
    assert unlikely_share(TRADITIONAL_LINES[0]) == 0.0
    assert unlikely_share(_seed_text()) < 0.01


def _big5_part(text: str) -> str:
    """`text` without what Big5 cannot hold, as a Big5 file would carry it
    (cp950 maps a few symbols, e.g. U+2022, to a neighbour)."""
    return "".join(c for c in text if c.encode("cp950", "ignore")).encode("cp950").decode("cp950")


def _misreads(text: str, tmp_path) -> list[str]:
    """The encodings in which `text`'s file does not read back as `text`."""
    cases = {enc: text for enc in ("gb18030", "gbk", "utf-8")}
    cases["big5"] = _big5_part(text)
    wrong = []
    for enc, expected in cases.items():
        try:
            data = expected.encode(enc)
        except UnicodeEncodeError:  # GBK lacks a few characters GB18030 has
            continue
        p = _write(tmp_path, "t.txt", data)
        if read_text(p) != expected:
            wrong.append(enc)
    p = _write(tmp_path, "t.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    if read_text(p) != text:
        wrong.append("utf-8 with BOM")
    return wrong


def test_no_corpus_text_is_misread_in_any_encoding(tmp_path):
    """Every fixture text as GB18030, GBK, UTF-8 (with and without BOM) reads
    back exactly, and its Big5-encodable part written as Big5 reads as Big5."""
    for path in sorted(CORPUS.glob("*.txt")):
        assert _misreads(path.read_text(encoding="utf-8-sig"), tmp_path) == [], path


@pytest.mark.skipif("KG_NEWS_JSONL" not in os.environ,
                    reason="set KG_NEWS_JSONL to a gzip JSON Lines news corpus (title, text per line)")
def test_no_news_item_is_misread_in_any_encoding(tmp_path):
    """The same over a large real corpus, e.g. xwlb-2021-2022.jsonl.gz (10,600 items)."""
    wrong = {}
    with gzip.open(os.environ["KG_NEWS_JSONL"], "rt", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            misread = _misreads(item["title"] + "\n" + item["text"], tmp_path)
            if misread:
                wrong[item.get("id", item["title"])] = misread
    assert wrong == {}


def test_text_in_neither_chinese_encoding_is_refused(tmp_path):
    """Shift-JIS decodes as GB18030 into nonsense and is not Big5: one clear line."""
    p = _write(tmp_path, "sjis.txt", "日本語のテキストです。東京都庁が発表しました。".encode("shift_jis"))
    with pytest.raises(InputError) as err:
        read_text(p)
    assert err.value.path == str(p)
    assert err.value.reason.startswith("encoding not recognised: read as GB18030, ")
    assert "\n" not in err.value.reason


def test_pinyin_and_foreign_names_in_gbk_are_not_taken_for_big5(tmp_path):
    text = "中华人民共和国\n拼音：Zhōnghuá Rénmín Gònghéguó\n法语：République populaire de Chine\n"
    p = _write(tmp_path, "pinyin.txt", text.encode("gbk"))
    assert read_text(p) == text
