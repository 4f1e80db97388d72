"""Builds as `kg build` processes: two into one OUT at once, and one killed while it writes.

Every test here starts `kg build` subprocesses, each loading the pipeline:
all are marked slow.
"""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import dated_corpus, outputs

from kg.atomic import is_temp
from kg.corpus.lock import locked
from kg.corpus.outputs import OUTPUTS, PUBLISHED

ROOT = Path(__file__).parents[2]
PAGES = ("01_henan-beijing-strategic-agreement", "06_cangxi-cold-chain-three-in-one")
ADDED = "09_scio-finance-regulators-briefing"
KG = [sys.executable, "-m", "kg.cli", "build"]
# A build whose writers take a while and run in forked lanes even on this small
# graph, so that a kill lands while they write (test_a_kill_9_while_writing...).
SLOW_WRITER = """
import sys, time
import kg.corpus.assemble as A, kg.corpus.driver as D, kg.corpus.outputs as O
O.PARALLEL_FROM_NODES = 0
D.default_workers = lambda: 3
def slowed(write):
    def slow(*args, **kw):
        time.sleep(0.25)
        write(*args, **kw)
        time.sleep(0.25)
    return slow
for name in ("write_json", "write_turtle", "write_html", "write_graphml"):
    setattr(A, name, slowed(getattr(A, name)))
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""




def leftovers(out: Path) -> list:
    """Generations that are not current, and temp files, in OUT and OUT/.reuse."""
    current = os.readlink(out / ".current")
    found = [p.name for p in out.iterdir() if p.name.startswith(".gen-") and p.name != current]
    for d in (out, out / ".reuse"):
        found += [p.name for p in d.iterdir() if is_temp(p.name)]
    return found


def start(args, err: Path, script=None) -> subprocess.Popen:
    cmd = [sys.executable, "-c", script, "build"] if script else KG
    return subprocess.Popen([*cmd, *map(str, args), "--no-progress"], stdout=subprocess.DEVNULL,
                            stderr=err.open("w"), cwd=ROOT, start_new_session=True)


def until(check, proc=None, timeout=240):
    deadline = time.time() + timeout
    while not check():
        assert proc is None or proc.poll() is None, "the build ended first"
        assert time.time() < deadline, "timed out"
        time.sleep(0.005)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(corpus, its graph built alone in this process)."""
    from kg.corpus.driver import build
    root = tmp_path_factory.mktemp("concurrent")
    src = dated_corpus(root / "src", PAGES)
    assert build([src], root / "ref", workers=1, cache=False) == 0
    return src, outputs(root / "ref")


@pytest.mark.slow
def test_two_builds_into_one_out_wait_for_each_other_and_make_one_builds_graph(built, tmp_path):
    src, ref = built
    out = tmp_path / "out"
    errs = [tmp_path / f"err{i}" for i in range(3)]
    with locked(out):   # held here, so that both builds find OUT taken
        procs = [start([src, "-o", out, "-j", "1"], err) for err in errs[:2]]
        refused = subprocess.run([*KG, str(src), "-o", str(out), "--no-wait"], capture_output=True,
                                 text=True, cwd=ROOT, timeout=240)
        until(lambda: all("; waiting" in e.read_text() for e in errs[:2]))
        assert not (out / "graph.json").exists()
    for p in procs:
        assert p.wait(timeout=300) == 0
    line = f"kg: {out}/ is being built by another kg (pid {os.getpid()})"
    assert refused.returncode == 2 and refused.stderr == f"{line}; not waiting (--no-wait)\n"
    texts = [e.read_text() for e in errs[:2]]
    assert all(t.count(f"{line}; waiting\n") == 1 for t in texts)
    # one built, the other then found OUT current: never both, never a mix
    assert sum("nothing changed since the last build" in t for t in texts) == 1
    assert outputs(out) == ref and leftovers(out) == []


@pytest.mark.slow
def test_two_builds_started_together_both_finish_with_one_builds_graph(built, tmp_path):
    src, ref = built
    out = tmp_path / "out"
    errs = [tmp_path / "err0", tmp_path / "err1"]
    procs = [start([src, "-o", out, "-j", "1"], err) for err in errs]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    texts = [e.read_text() for e in errs]
    assert sum("nothing changed since the last build" in t for t in texts) <= 1
    assert outputs(out) == ref and leftovers(out) == []


@pytest.mark.slow
def test_a_kill_9_while_writing_leaves_one_whole_generation_and_no_writer(built, tmp_path):
    """Over a few rounds, kill -9 a rebuild at a random moment after it began
    writing: OUT holds the previous build's outputs or the new one's, all of
    them; every forked writer died with it and nothing in OUT changes after;
    the next build removes what it left and publishes the new graph."""
    psutil = pytest.importorskip("psutil")
    from kg.corpus.driver import build
    src, before = built
    bigger = dated_corpus(tmp_path / "bigger", (*PAGES, ADDED))
    assert build([bigger], tmp_path / "after", workers=1, cache=False) == 0
    after = outputs(tmp_path / "after")
    first = tmp_path / "first"
    assert build([src], first, workers=1) == 0   # the previous build, with its cache and state
    rounds = random.Random(17)
    outcomes = []   # which build's outputs each kill left
    for i in range(4):
        out = tmp_path / f"out{i}"
        shutil.copytree(first, out, symlinks=True)
        old = os.readlink(out / ".current")
        proc = start([bigger, "-o", out, "-j", "1"], tmp_path / f"err{i}", script=SLOW_WRITER)
        try:
            until(lambda: any(p.name.startswith(".gen-") and p.name != old for p in out.iterdir()), proc)
            children = _watch(psutil.Process(proc.pid), time.time() + rounds.uniform(0.0, 2.0))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        seen = _state(out)
        _gone, alive = psutil.wait_procs(children, timeout=10)
        assert not alive, "a writer outlived its build"
        assert outputs(out) in (before, after), f"round {i}: OUT mixes two builds"
        assert set(os.listdir(out / ".current")) >= set(PUBLISHED)
        outcomes.append("before" if outputs(out) == before else "after")
        time.sleep(0.6)   # what a writer left alive would write by now (SLOW_WRITER)
        assert _state(out) == seen, f"round {i}: OUT changed after the kill"
        cache_temp = next((out / ".cache").iterdir()) / ".tmp.999999999.k2j_4a9z"   # an entry half written
        cache_temp.write_text("{")
        killed = (out / ".lock").read_text().strip() == str(proc.pid)   # not when it had ended
        assert build([bigger], out, workers=1) == 0
        assert outputs(out) == after and leftovers(out) == []
        assert cache_temp.exists() is not killed   # the cache is swept after a kill
    assert "before" in outcomes   # some kill landed before the switch


def _watch(build, until_time: float) -> list:
    """Every child process `build` has had until then (the writers it forked)."""
    seen = {}
    while time.time() < until_time:
        for child in build.children(recursive=True):
            seen.setdefault(child.pid, child)
        time.sleep(0.005)
    seen.update((c.pid, c) for c in build.children(recursive=True))
    return list(seen.values())


def _state(out: Path) -> dict:
    """Every file under OUT with its size and modification time."""
    return {str(p.relative_to(out)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in out.rglob("*")}
