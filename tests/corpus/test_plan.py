"""Input collection: every path a build passes over is reported, each file read once, sources keyed by their path."""

import os
import socket
from pathlib import Path

import pytest

from kg.corpus.cache import NoCache
from kg.corpus.plan import collect, hash_files
from kg.corpus.report import errors_tsv, escaped, failure

FIXTURES = Path(__file__).parents[1] / "fixtures" / "corpus"
GOOD = sorted(FIXTURES.glob("*.txt"))


def _copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(src.read_bytes())
    return dst


def _kinds(collected) -> dict:
    return {Path(f.path).name: f.kind for f in collected.skipped}


def test_links_loops_and_special_files_are_reported_and_a_fifo_is_never_opened(tmp_path):
    good = _copy(GOOD[0], tmp_path / "good.txt")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "dangling.txt").symlink_to("gone.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")           # a directory link back to the root
    os.mkfifo(tmp_path / "pipe.txt")                     # opening it would block forever
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    try:
        c = collect([tmp_path])
    finally:
        sock.close()
    assert [i.path for i in c.files] == [good]
    assert _kinds(c) == {"loop.txt": "symlink loop", "dangling.txt": "dangling link", "up": "symlink loop",
                         "pipe.txt": "special", "sock.txt": "special"}
    reasons = {Path(f.path).name: f.reason for f in c.skipped}
    assert "FIFO" in reasons["pipe.txt"] and "gone.txt" in reasons["dangling.txt"]


def test_a_fifo_or_a_missing_path_given_by_name_is_reported(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    c = collect([tmp_path / "pipe", tmp_path / "nowhere.txt", tmp_path / "nodir"])
    assert c.files == [] and _kinds(c) == {"pipe": "special", "nowhere.txt": "missing", "nodir": "missing"}


def test_an_unreadable_directory_is_reported(tmp_path, monkeypatch):
    _copy(GOOD[0], tmp_path / "a.txt")
    locked = tmp_path / "locked"
    _copy(GOOD[1], locked / "b.txt")
    if os.geteuid() == 0:   # root reads through chmod 000: make the listing fail as it would for a user
        real = os.scandir

        def scandir(path):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)
        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        c = collect([tmp_path])
    finally:
        locked.chmod(0o755)
    assert [i.source for i in c.files] == ["a.txt"]
    assert [(f.path, f.kind) for f in c.skipped] == [(str(locked), "unreadable")]
    assert "Permission denied" in c.skipped[0].reason


def test_upper_case_suffixes_are_inputs_and_other_files_are_not(tmp_path):
    _copy(GOOD[0], tmp_path / "A.TXT")
    _copy(GOOD[1], tmp_path / "b.Txt")
    (tmp_path / "notes.doc").write_text("# 说明\n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "page.HTM").write_text("<p>正文</p>", encoding="utf-8")
    (tmp_path / "news.JSONL.GZ").write_bytes(b"")
    c = collect([tmp_path])
    assert [i.source for i in c.files] == ["A.TXT", "b.Txt", "news.JSONL.GZ", "page.HTM"] and c.skipped == []


def test_one_file_reached_three_ways_is_read_once(tmp_path, monkeypatch):
    f = _copy(GOOD[0], tmp_path / "corpus" / "a.txt")
    (tmp_path / "corpus" / "alias.txt").symlink_to("a.txt")
    monkeypatch.chdir(tmp_path)
    c = collect(["corpus/a.txt", f, tmp_path / "corpus"])
    assert [i.source for i in c.files] == ["a.txt"] and c.skipped == []


def test_same_base_name_in_two_folders_is_two_sources_keyed_by_their_path(tmp_path):
    _copy(GOOD[0], tmp_path / "c" / "henan" / "x.txt")
    _copy(GOOD[1], tmp_path / "c" / "sichuan" / "x.txt")
    c = collect([tmp_path / "c"])
    assert [i.source for i in c.files] == ["henan/x.txt", "sichuan/x.txt"]
    # several inputs: keyed from the directory holding them all, whatever their order
    both = [tmp_path / "c" / "sichuan", tmp_path / "c" / "henan"]
    assert [i.source for i in collect(both).files] == ["henan/x.txt", "sichuan/x.txt"]
    assert collect(both) == collect(both[::-1])


def test_a_flat_directory_keeps_its_file_names_as_sources(tmp_path):
    for g in GOOD:
        _copy(g, tmp_path / g.name)
    assert [i.source for i in collect([tmp_path]).files] == [g.name for g in GOOD]
    assert [i.source for i in collect([tmp_path / GOOD[2].name]).files] == [GOOD[2].name]


def test_empty_and_whitespace_only_files_are_failures_not_successes(tmp_path):
    _copy(GOOD[0], tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n")
    (tmp_path / "ideographic.txt").write_text("\u3000\u3000\n", encoding="utf-8")
    plan, failed = hash_files(collect([tmp_path]).files, None, NoCache(), "v")
    assert [e.source for e in plan] == ["good.txt"]
    assert {Path(f.path).name: (f.kind, f.reason) for f in failed} == {
        "empty.txt": ("empty", "empty file"), "blank.txt": ("empty", "only whitespace"),
        "ideographic.txt": ("empty", "only whitespace")}


def test_a_gb18030_page_is_not_taken_for_blank(tmp_path):
    f = tmp_path / "gb.txt"
    f.write_bytes("国务院办公厅印发通知。\n".encode("gb18030"))
    plan, failed = hash_files(collect([f]).files, None, NoCache(), "v")
    assert [e.source for e in plan] == ["gb.txt"] and failed == []


@pytest.mark.parametrize("name, shown", [("a\nb.txt", "a\\nb.txt"), ("a\tb.txt", "a\\tb.txt"),
                                         ("\x1b[31mred.txt", "\\x1b[31mred.txt"),
                                         ("back\\slash.txt", "back\\\\slash.txt"),
                                         ("bytes\udcff.txt", "bytes\\xff.txt"), ("北京.txt", "北京.txt")])
def test_names_are_escaped_in_reports(name, shown):
    assert escaped(name) == shown
    tsv = errors_tsv([failure(name, "empty file", "empty")])
    assert tsv.splitlines() == ["file\tkind\treason", f"{shown}\tempty\tempty file"]


def test_a_control_character_in_a_name_forges_no_row(tmp_path):
    (tmp_path / "x\nforged\tmissing\tgone.txt").write_bytes(b"")
    c = collect([tmp_path])
    plan, failed = hash_files(c.files, None, NoCache(), "v")
    rows = errors_tsv(failed).splitlines()
    assert len(rows) == 2 and rows[1].count("\t") == 2
    assert rows[1].endswith("x\\nforged\\tmissing\\tgone.txt\tempty\tempty file")
