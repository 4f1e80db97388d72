"""kg.ner.jsonl: one bad line of a JSON Lines file is reported and the rest kept."""

import json

import pytest

from kg.cli import main
from kg.errors import InputError
from kg.ner.jsonl import read_jsonl

GOOD = {"text": "公安部法制局局长孙茂利说。"}


def write_lines(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_bad_lines_are_reported_by_number_and_skipped(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", [
        json.dumps(GOOD, ensure_ascii=False),
        "not json",
        json.dumps({"id": 3}),
        '{"text": "河北省\\ud800信访局"}',          # a lone surrogate: valid JSON, unwritable text
        "",
        json.dumps({"text": "河北省信访局推行机制。"}, ensure_ascii=False),
    ])
    seen = []
    rows = read_jsonl(src, warn=lambda i, why: seen.append((i, why)))
    assert [r["text"] for r in rows] == [GOOD["text"], "河北省信访局推行机制。"]
    assert [i for i, _ in seen] == [2, 3, 4]
    assert "surrogate" in seen[2][1]


def test_limit_counts_usable_rows(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", ["bad", json.dumps(GOOD, ensure_ascii=False)] * 3)
    assert len(read_jsonl(src, limit=2, warn=lambda *a: None)) == 2


def test_an_unreadable_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_jsonl(tmp_path / "absent.jsonl")
    (tmp_path / "bin.jsonl").write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputError, match="not a text file"):
        read_jsonl(tmp_path / "bin.jsonl")


def test_kg_ner_writes_every_good_line_around_a_surrogate(tmp_path, capsys):
    src = write_lines(tmp_path / "in.jsonl", [
        json.dumps(GOOD, ensure_ascii=False), '{"text": "\\udc00"}', json.dumps(GOOD, ensure_ascii=False)])
    out = tmp_path / "out.jsonl"
    assert main(["ner", str(src), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2 and all(("孙茂利" in r["text"]) for r in rows)
    assert f"{src}:2: skipped" in capsys.readouterr().err


@pytest.mark.slow  # a subprocess, or a pipeline saved and loaded
def test_kg_ner_reads_standard_input(tmp_path):
    import subprocess
    import sys
    lines = json.dumps(GOOD, ensure_ascii=False) + "\nnot json\n"
    out = tmp_path / "out.jsonl"
    p = subprocess.run([sys.executable, "-m", "kg", "ner", "-", "-o", str(out)], input=lines,
                       capture_output=True, text=True)
    assert p.returncode == 0 and p.stderr == "kg: <stdin>:2: skipped (Expecting value: line 1 column 1 (char 0))\n"
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["text"] == GOOD["text"] and row["spans"]
