# Over 300 lines: the build-at-scale tests share one reference build (a module fixture) and its helpers.
"""Corpus builds at scale: workers, file order, the cache, bad files, kill -9, Dask.

Small corpora (a few pages) so the tests stay fast; the throughput numbers
come from `make bench`.
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, SEED, dated_corpus, outputs
from kg.corpus.outputs import OUTPUTS

SHORT = ("01_henan-beijing-strategic-agreement", "06_cangxi-cold-chain-three-in-one",
         "09_scio-finance-regulators-briefing", "11_changfeng-hospital-fire-accountability")


def small_corpus(root: Path) -> Path:
    """Four short pages with dated names (plus nothing else)."""
    return dated_corpus(root / "src", SHORT)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The four pages built in this process, one document after another, no cache."""
    from kg.corpus.driver import build
    root = tmp_path_factory.mktemp("scale")
    src = small_corpus(root)
    assert build([src], root / "ref", workers=1, cache=False) == 0
    return src, outputs(root / "ref")


@pytest.mark.slow
def test_two_workers_and_shuffled_order_give_the_same_bytes(reference, tmp_path):
    from kg.corpus.driver import build
    src, ref = reference
    files = sorted(src.iterdir())
    random.Random(3).shuffle(files)
    stats = {}
    assert build(files, tmp_path / "two", workers=2, cache=False, stats=stats) == 0
    assert stats["extracted"] == 4 and stats["cached"] == 0
    assert outputs(tmp_path / "two") == ref
    files.reverse()
    assert build(files, tmp_path / "one", workers=1, cache=False) == 0
    assert outputs(tmp_path / "one") == ref


def test_the_cache_extracts_only_what_changed(reference, tmp_path, monkeypatch):
    import kg.corpus.engines
    import kg.paths
    from kg.corpus.driver import build
    src, ref = reference
    work = tmp_path / "src"
    shutil.copytree(src, work)
    out = tmp_path / "out"
    calls = []
    real = kg.corpus.engines.process_document   # counted in this process: the serial engine

    def counting(path, date=None, item=None):
        calls.append(Path(path).name)
        return real(path, date, item)

    monkeypatch.setattr(kg.corpus.engines, "process_document", counting)
    assert build([work], out, engine="serial") == 0
    assert len(calls) == 4 and outputs(out) == ref
    assert len(list((out / ".cache").rglob("*.json"))) == 4

    # nothing changed: no document is extracted, the graph is the same
    calls.clear()
    stats = {}
    assert build([work], out, engine="serial", stats=stats) == 0
    assert calls == [] and stats["cached"] == 4 and stats["extracted"] == 0
    assert outputs(out) == ref

    # one page edited, one added: exactly those two are extracted
    changed = sorted(work.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n国务院办公厅印发通知。\n", encoding="utf-8")
    shutil.copy(SEED, work / "2021-09-15_seed.txt")
    calls.clear()
    assert build([work], out, engine="serial", stats=stats) == 0
    assert sorted(calls) == sorted([changed.name, "2021-09-15_seed.txt"])
    assert stats["cached"] == 3 and stats["extracted"] == 2

    # a rule file changed (here: a comment appended): every page again
    rules = tmp_path / "rules"
    shutil.copytree(kg.paths.rules_dir(), rules)
    toml = sorted(rules.glob("*.toml"))[0]
    toml.write_text(toml.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setenv("KG_RULES_DIR", str(rules))
    calls.clear()
    assert build([work], out, engine="serial", stats=stats) == 0
    assert len(calls) == 5 and stats["cached"] == 0

    # --no-cache: extracted again, and the cache is not needed
    calls.clear()
    assert build([work], tmp_path / "nocache", engine="serial", cache=False) == 0
    assert len(calls) == 5 and not (tmp_path / "nocache" / ".cache").exists()


@pytest.mark.slow
def test_a_corrupt_file_is_reported_and_the_rest_is_built(reference, tmp_path):
    from kg.corpus.driver import build
    src, ref = reference
    work = tmp_path / "src"
    shutil.copytree(src, work)
    (work / "2021-09-20_corrupt.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
    out = tmp_path / "out"
    stats = {}
    assert build([work], out, workers=2, stats=stats) == 1
    assert stats["ok"] == 4 and stats["failed"] == 1
    rows = (out / "errors.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "file\tkind\treason" and len(rows) == 2
    assert rows[1].startswith(str(work / "2021-09-20_corrupt.txt") + "\tnot text\t")
    assert "not a text file" in rows[1]
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert {a["source"] for a in graph["articles"]} == {f.name for f in src.iterdir()}
    # the good pages make the same graph as without the bad one
    assert (out / "graph.json").read_bytes() == ref["graph.json"]
    # a rebuild reports the bad file again (its verdict is cached with the rest)
    assert build([work], out, workers=2, stats=stats) == 1
    assert stats["extracted"] == 0 and stats["failed"] == 1
    assert (out / "errors.tsv").read_text(encoding="utf-8").splitlines() == rows


def test_the_cli_exits_1_when_a_file_failed_and_can_fail_fast(reference, tmp_path):
    from kg.cli import main
    src, _ = reference
    work = tmp_path / "src"
    shutil.copytree(src, work)
    (work / "2021-09-20_corrupt.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["build", str(work), "-o", str(tmp_path / "out"), "--workers", "1", "--no-progress"]) == 1
    before = (tmp_path / "out" / "graph.json").read_bytes()
    (work / "2021-09-21_other.txt").write_text("国务院召开常务会议。\n", encoding="utf-8")
    assert main(["build", str(work), "-o", str(tmp_path / "out"), "--workers", "1", "--fail-fast"]) == 1
    assert (tmp_path / "out" / "graph.json").read_bytes() == before   # stopped before writing


@pytest.mark.slow
def test_kill_9_mid_build_leaves_the_previous_graph_and_the_next_build_resumes(reference, tmp_path):
    psutil = pytest.importorskip("psutil")
    from kg.corpus.driver import build
    src, ref = reference
    out = tmp_path / "out"
    out.mkdir()
    for f, data in ref.items():
        (out / f).write_bytes(data)
    big = tmp_path / "big"
    big.mkdir()
    for i in range(8):   # ~11k characters each: several seconds of work
        shutil.copy(SEED, big / f"2021-09-{10 + i}_seed{i}.txt")
    kg = [sys.executable, "-m", "kg.cli"]
    proc = subprocess.Popen([*kg, "build", str(big), "-o", str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            cwd=Path(__file__).parents[2], start_new_session=True)
    try:
        deadline = time.time() + 240
        while not list((out / ".cache").rglob("*.json")):   # a first page is done
            assert proc.poll() is None, "the build ended before it could be killed"
            assert time.time() < deadline
            time.sleep(0.05)
        workers = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    # the workers die with their parent (no orphans holding a pipeline each)
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive
    # every output is still the previous one, whole
    for f, data in ref.items():
        assert (out / f).read_bytes() == data, f
    json.loads((out / "graph.json").read_text(encoding="utf-8"))
    # the next build takes up the pages already done from the cache
    done = len(list((out / ".cache").rglob("*.json")))
    assert 1 <= done < 8
    stats = {}
    assert build([big], out, workers=1, stats=stats) == 0
    assert stats["cached"] == done and stats["extracted"] == 8 - done


@pytest.mark.slow
def test_dask_local_cluster_of_two_workers_gives_the_same_bytes(reference, tmp_path):
    pytest.importorskip("dask.distributed")
    from kg.corpus.driver import build
    from kg.corpus.engines import DaskEngine
    src, ref = reference
    # processes=False: the two workers are threads of this process, which has
    # the pipeline loaded already (process workers would load it twice more)
    engine = DaskEngine(workers=2, processes=False)
    stats = {}
    assert build([src], tmp_path / "dask", engine=engine, cache=False, stats=stats) == 0
    assert stats["extracted"] == 4
    assert outputs(tmp_path / "dask") == ref


def test_an_unchanged_rebuild_writes_nothing_and_a_missing_output_is_rewritten(reference, tmp_path, capsys):
    from kg.corpus.driver import build
    src, ref = reference
    out = tmp_path / "out"
    assert build([src], out, workers=1) == 0
    stamps = {f: (out / f).stat().st_mtime_ns for f in OUTPUTS}
    capsys.readouterr()

    stats = {}
    assert build([src], out, workers=1, stats=stats) == 0
    assert "nothing changed since the last build" in capsys.readouterr().err
    assert {f: (out / f).stat().st_mtime_ns for f in OUTPUTS} == stamps
    assert stats["cached"] == 4 and stats["extracted"] == 0 and outputs(out) == ref

    # an output deleted (or changed) by hand: the build writes them again
    (out / "graph.html").unlink()
    assert build([src], out, workers=1) == 0
    assert "nothing changed" not in capsys.readouterr().err
    assert outputs(out) == ref

    # another option, same inputs: written again, with it
    assert build([src], out, workers=1, base_iri="https://example.org/kg/") == 0
    assert "https://example.org/kg/" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert "nothing changed" not in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize("growth", [None, 1e9], ids=["default", "deltas-only"])
def test_an_incremental_rebuild_equals_a_full_build_and_copies_what_it_did_not_touch(reference, tmp_path,
                                                                                   monkeypatch, growth):
    """Edit, add, remove, rename and break pages one after another: after each
    rebuild every output is byte-identical to a build from nothing, and the
    records of untouched nodes are copied from the last build (a marker
    planted in one of them shows up in graph.json). `growth`: kg.corpus.state.saved's
    threshold for a new base; 1e9 keeps every change in the deltas (the
    graph's touched nodes as patches), as on a large corpus, where a page
    is a small part of the whole."""
    import pickle

    import kg.corpus.state.saved
    from kg.corpus.driver import build
    if growth is not None:
        monkeypatch.setattr(kg.corpus.state.saved, "_GROWTH", growth)
    src, _ = reference
    work = tmp_path / "src"
    shutil.copytree(src, work)
    shutil.copy(SEED, work / "2021-09-15_seed.txt")
    out = tmp_path / "out"
    assert build([work], out, workers=1) == 0
    pages = sorted(work.iterdir())

    def same_as_full(step):
        stats = {}
        build([work], out, workers=1, stats=stats)
        full = tmp_path / f"full-{step}"
        build([work], full, workers=1, cache=False)
        assert outputs(out) == outputs(full), step
        return stats

    # the plant: an entity named only by the last page, whose record is copied
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    last = pages[-1].name
    entity = next(e for e in graph["entities"]
                  if e["mentions"] and {m["source"] for m in e["mentions"]} == {last} and "@" not in e["key"])
    saved_path = out / ".reuse" / "json.base.pickle"
    saved = pickle.loads(saved_path.read_bytes())
    record = saved["tables"]["entities"][entity["key"]]
    name = json.dumps(entity["name"], ensure_ascii=False).encode()
    saved["tables"]["entities"][entity["key"]] = record.replace(b'"name": ' + name, b'"name": "PLANTED"')
    saved_path.write_bytes(pickle.dumps(saved))
    edited = pages[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n生态环境部印发《关于加强固体废物管理的意见》。\n",
                      encoding="utf-8")
    stats = {}
    assert build([work], out, workers=1, stats=stats) == 0 and stats["extracted"] == 1
    assert '"name": "PLANTED"' in (out / "graph.json").read_text(encoding="utf-8")
    # the plant is gone once that page changes too
    pages[-1].write_text(pages[-1].read_text(encoding="utf-8") + "\n公安部召开会议。\n", encoding="utf-8")
    same_as_full("edit")
    if growth is not None:   # the graph's nodes were patched by file, not saved whole
        delta = pickle.loads((out / ".reuse" / "graph.delta.pickle").read_bytes())
        assert {src for _n, src in delta["tables"]["node_patches"]} >= {pages[0].name, pages[-1].name}

    shutil.copy(CORPUS / "000_ba7bb21c1752cf58.txt", work / "2021-09-16_added.txt")
    assert same_as_full("add")["extracted"] == 1
    pages[1].unlink()
    assert same_as_full("remove")["extracted"] == 0
    pages[2].rename(work / "2021-09-19_renamed.txt")
    for saved in (out / ".reuse").glob("json.*.pickle"):   # graph.json's records lost: rendered whole
        saved.unlink()
    same_as_full("rename")
    (work / "2021-09-16_added.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
    same_as_full("break")


@pytest.mark.slow
def test_the_warm_worker_extracts_in_order_and_is_killed_unused(reference):
    """A rebuild's warm worker (forked before the driver knows what changed)
    gives what the per-document function gives, in order; one that is not
    needed is killed at once, without waiting for its pipeline."""
    from kg.corpus.engines import WarmWorker, process_document
    src, _ = reference
    files = sorted(src.iterdir())[:2]
    with WarmWorker() as w:
        got = list(w.map([(f, None) for f in files]))
        proc = w.pool.workers[0].proc
    assert got == [process_document(f, None) for f in files]
    assert not proc.is_alive() and proc.exitcode == 0
    # work submitted at once (a rebuild sends it before loading its state) is
    # extracted once, and map() collects it
    with WarmWorker() as w:
        w.submit([(f, None) for f in files])
        dispatcher = w.pool.thread
        assert list(w.map([(f, None) for f in files])) == got
        assert w.pool.thread is dispatcher   # nothing was sent twice
    w = WarmWorker()
    proc = w.pool.workers[0].proc
    w.kill()
    assert not proc.is_alive() and proc.exitcode == -signal.SIGKILL


@pytest.mark.slow
def test_an_exiting_build_parks_its_graph_out_of_the_collector_and_writes_the_same_bytes(reference, tmp_path):
    """`kg` (kg.cli.run) builds with exiting=True: the graph and the fold state
    are kept and frozen instead of freed, the files are the same. Run in a
    child, as the command is: the freeze is process-wide."""
    src, ref = reference
    work = tmp_path / "src"
    shutil.copytree(src, work)
    script = (
        "import gc, sys\n"
        "from pathlib import Path\n"
        "import kg.corpus.driver as B\n"
        "out = Path(sys.argv[2])\n"
        "assert B.build([sys.argv[1]], out, workers=1, progress=False, exiting=True) == 0\n"
        "kept = [x for keep in B._PARKED for x in keep]\n"
        "graphs = [x.g for x in kept if hasattr(x, 'g')]\n"
        "print(len(B._PARKED), len(graphs), graphs[0].number_of_nodes(), gc.get_freeze_count() > 0,"
        " gc.isenabled())\n")
    done = subprocess.run([sys.executable, "-c", script, str(work), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    parked, n_graphs, nodes, frozen, enabled = done.stdout.split()
    assert (parked, n_graphs, frozen, enabled) == ("1", "1", "True", "True")
    assert int(nodes) > 20
    assert outputs(tmp_path / "out") == ref
    # the command itself, through run(): a rebuild after an edit equals a fresh build
    page = sorted(work.iterdir())[1]
    page.write_text(page.read_text(encoding="utf-8") + "\n国务院办公厅印发《关于加快推进政务服务标准化的意见》。\n",
                    encoding="utf-8")
    kg = [sys.executable, "-c", "from kg.cli import run; run()", "build", str(work), "--workers", "1",
          "--no-progress"]
    assert subprocess.run(kg + ["-o", str(tmp_path / "out")], capture_output=True, timeout=300).returncode == 0
    assert subprocess.run(kg + ["-o", str(tmp_path / "fresh"), "--no-cache"], capture_output=True,
                          timeout=300).returncode == 0
    assert outputs(tmp_path / "out") == outputs(tmp_path / "fresh")
    assert b"\xe5\x8a\xa0\xe5\xbf\xab\xe6\x8e\xa8\xe8\xbf\x9b" in (tmp_path / "out" / "graph.json").read_bytes()
