"""kg.text.read.read_text: encodings in, exact text out, clear errors for non-text."""

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.text.read import read_text

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
