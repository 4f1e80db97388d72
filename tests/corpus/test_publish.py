"""OUT's lock, its generations and the switch that publishes them, and what a killed build leaves.

Fast tests on the pieces themselves (kg.corpus.lock, kg.corpus.publish);
whole builds, concurrent and killed, are in test_concurrent_builds.py.
"""

import os
import re
import threading
from pathlib import Path

import pytest

from kg.corpus.lock import LOCK, OutputBusy, locked
from kg.corpus.outputs import PUBLISHED
from kg.corpus.publish import CURRENT, new_generation, publish, remove_leftovers


def generation(out: Path, tag: str) -> Path:
    """A generation holding every published name, each file saying `tag`."""
    gen = new_generation(out)
    for name in PUBLISHED:
        (gen / name).write_text(f"{tag} {name}\n", encoding="utf-8")
    return gen


def read_all(out: Path) -> dict:
    return {name: (out / name).read_text(encoding="utf-8") for name in PUBLISHED}


def whole(tag: str) -> dict:
    return {name: f"{tag} {name}\n" for name in PUBLISHED}


def test_a_generation_is_published_at_the_documented_paths_in_one_switch(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    publish(out, generation(out, "first"), PUBLISHED)
    assert read_all(out) == whole("first")
    assert all((out / name).is_symlink() for name in PUBLISHED)
    # the next build's generation, written but not yet published (the build killed here):
    second = generation(out, "second")
    assert read_all(out) == whole("first")
    publish(out, second, PUBLISHED)
    assert read_all(out) == whole("second")
    # the previous generation is gone; only the current one is left
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".gen-")) == [second.name]
    assert os.readlink(out / CURRENT) == second.name


def test_an_out_of_plain_files_gets_links_and_loses_nothing(tmp_path):
    """An OUT written before generations: its files become links on the first publish."""
    out = tmp_path / "out"
    out.mkdir()
    for name in PUBLISHED:
        (out / name).write_text("old\n", encoding="utf-8")
    publish(out, generation(out, "new"), PUBLISHED)
    assert read_all(out) == whole("new")


def test_a_killed_builds_generation_and_temp_files_are_removed_and_the_current_one_kept(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    publish(out, generation(out, "kept"), PUBLISHED)
    unfinished = generation(out, "killed")
    (out / ".reuse").mkdir()
    (out / ".reuse" / "json.base.pickle").write_bytes(b"state")
    leftovers = [out / ".graph.json.k2j_4a9z", out / ".reuse" / ".json.base.pickle.abcd1234",
                 out / ".errors.tsv.0a1b2c3d"]
    for p in leftovers:
        p.write_bytes(b"half a file")
    os.symlink(".gen-1", out / "..current.a1b2c3d4")   # a switch's temp link
    remove_leftovers(out)
    assert not unfinished.exists()
    assert not any(p.exists() for p in leftovers) and not os.path.lexists(out / "..current.a1b2c3d4")
    assert read_all(out) == whole("kept")
    assert (out / ".reuse" / "json.base.pickle").read_bytes() == b"state"


def test_a_build_refuses_at_once_with_no_wait_while_another_holds_out(tmp_path):
    from kg.corpus.driver import build
    out = tmp_path / "out"
    with locked(out):
        assert (out / LOCK).read_text().strip() == str(os.getpid())
        line = f"{out}/ is being built by another kg (pid {os.getpid()}); not waiting (--no-wait)"
        with pytest.raises(OutputBusy, match=re.escape(line)):
            build([tmp_path / "no-such-dir"], out, wait=False)
    assert not (out / "graph.json").exists()


def test_a_second_holder_waits_and_says_so_once(tmp_path, capsys):
    out = tmp_path / "out"
    order = []
    holding = threading.Event()

    def first():
        with locked(out):
            holding.set()
            order.append("first in")
            release.wait(5)
            order.append("first out")

    release = threading.Event()
    t = threading.Thread(target=first)
    t.start()
    holding.wait(5)
    threading.Timer(0.3, release.set).start()
    with locked(out):
        order.append("second in")
    t.join()
    assert order == ["first in", "first out", "second in"]
    err = capsys.readouterr().err
    assert err.count(f"kg: {out}/ is being built by another kg (pid {os.getpid()}); waiting\n") == 1


def test_the_lock_tells_a_build_that_the_last_one_was_killed(tmp_path):
    out = tmp_path / "out"
    with locked(out) as after_kill:
        assert after_kill is False   # the first build
    with locked(out) as after_kill:
        assert after_kill is False   # the last one ended
    (out / LOCK).write_text("4242\n")   # a holder killed before it could empty the file
    with locked(out) as after_kill:
        assert after_kill is True
    assert (out / LOCK).read_text() == ""
