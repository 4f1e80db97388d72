"""A document over the time or memory limit, or whose worker dies, fails alone.

The misbehaving page is made by the workers' test hook (KG_TEST_DOC_HOOK,
kg.corpus.pool._test_hook): the pool's workers are forked from this test
process, so they see the variable monkeypatch sets, and this process never
reads it. Each case asserts: the file's row in errors.tsv with its reason,
the other files' graph identical to a build without the bad file, the
rerun skipping it, `retry_failed` extracting it again.
"""

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS

from kg.corpus.driver import build
from kg.corpus.pool import TEST_HOOK, Limits

PAGES = ("01_henan-beijing-strategic-agreement", "06_cangxi-cold-chain-three-in-one",
         "09_scio-finance-regulators-briefing")
BAD = "06_cangxi"
GRAPHS = ("graph.json", "graph.ttl", "graph.graphml")


def _corpus(root: Path, names=PAGES) -> Path:
    src = root / "src"
    src.mkdir()
    for name in names:   # the same file name whichever pages are given
        shutil.copy(CORPUS / f"{name}.txt", src / f"2021-09-1{PAGES.index(name)}_{name}.txt")
    return src


def _errors(out: Path) -> list[list[str]]:
    """errors.tsv's rows as [file, reason]; each row's kind says what befell it."""
    lines = (out / "errors.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "file\tkind\treason"
    rows = [line.split("\t") for line in lines[1:]]
    for file, kind, reason in rows:
        assert kind == ("worker died" if reason.startswith("the worker died") else "over a limit"), reason
    return [[file, reason] for file, _kind, reason in rows]


def _graphs(out: Path) -> dict:
    return {name: (out / name).read_bytes() for name in GRAPHS}


@pytest.fixture(scope="module")
def without_bad(tmp_path_factory):
    """The graph of the good pages alone (the bad one not given at all)."""
    root = tmp_path_factory.mktemp("clean")
    src = _corpus(root, [n for n in PAGES if not n.startswith(BAD)])
    assert build([src], root / "out", workers=2, cache=False) == 0
    return _graphs(root / "out")


@pytest.mark.slow
@pytest.mark.parametrize("hook, limits, reason", [
    ("sleep:60", Limits(4, 0), "over the 4 s limit per document"),
    ("alloc:2500", None, None),   # the limit is set from this process's size, below
    ("kill", Limits(), "the worker died (signal 9)"),
], ids=["time", "memory", "death"])
def test_a_page_over_a_limit_fails_alone_and_is_skipped_until_retried(hook, limits, reason, without_bad,
                                                                      tmp_path, monkeypatch):
    if limits is None:   # forked workers share this process's pages: count from its size
        megabytes = int(_rss_mb()) + 1000
        limits, reason = Limits(0, megabytes), f"over the {megabytes} MB limit per document"
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    bad = next(src.glob(f"*{BAD}*"))
    monkeypatch.setenv(TEST_HOOK, f"{BAD}:{hook}")
    stats = {}
    assert build([src], out, workers=2, limits=limits, stats=stats) == 1
    assert _errors(out) == [[str(bad), reason]]
    assert _graphs(out) == without_bad and stats["ok"] == 2

    # the next build does not meet it again (its bytes are the same) and still reports it
    (src / "2021-09-19_added.txt").write_bytes(next(src.glob("*01_henan*")).read_bytes())
    stats = {}
    assert build([src], out, workers=2, limits=limits, stats=stats) == 1
    assert stats["extracted"] == 1 and _errors(out) == [[str(bad), reason]]
    (src / "2021-09-19_added.txt").unlink()

    # asked to, it tries again: a page that is fine now joins the graph
    monkeypatch.delenv(TEST_HOOK)
    stats = {}
    assert build([src], out, workers=2, limits=limits, retry_failed=True, stats=stats) == 0
    assert stats["extracted"] == 1 and _errors(out) == []
    assert build([src], tmp_path / "full", workers=1, cache=False) == 0
    assert _graphs(out) == _graphs(tmp_path / "full")


@pytest.mark.slow
def test_a_changed_page_that_failed_is_tried_again(tmp_path, monkeypatch):
    src = _corpus(tmp_path)
    monkeypatch.setenv(TEST_HOOK, f"{BAD}:kill")
    assert build([src], tmp_path / "out", workers=1) == 1
    monkeypatch.delenv(TEST_HOOK)
    bad = next(src.glob(f"*{BAD}*"))
    bad.write_bytes(bad.read_bytes() + "\n本报记者 张三\n".encode())
    stats = {}
    assert build([src], tmp_path / "out", workers=1, stats=stats) == 0
    assert stats["extracted"] == 1 and _errors(tmp_path / "out") == []


@pytest.mark.slow
def test_fail_fast_stops_at_a_page_whose_worker_died(tmp_path, monkeypatch):
    src = _corpus(tmp_path)
    monkeypatch.setenv(TEST_HOOK, f"{BAD}:kill")
    assert build([src], tmp_path / "out", workers=2, keep_going=False) == 1
    assert not (tmp_path / "out" / "graph.json").exists()


@pytest.mark.slow
def test_a_worker_that_cannot_load_the_pipeline_fails_at_once_with_the_reason(monkeypatch):
    """The workers' own load failing (the driver's asset check passed, or a
    broken install): the pool says why, instead of waiting for them."""
    from kg.corpus import engines
    from kg.corpus.pool import Pool, WorkersFailed
    from kg.errors import AssetMissing

    def broken():
        raise AssetMissing("the pkuseg_model asset is not set up in /nowhere: run `make` or `kg setup`")
    monkeypatch.setattr(engines, "warm_frozen", broken)
    pool = Pool(2, Limits(), 8, load=True)
    try:
        with pytest.raises(WorkersFailed, match=r"could not start: the pkuseg_model .*kg setup"):
            pool.wait_ready()
    finally:
        pool.close(kill=True)

    # the same when the build goes on while the workers load (a rebuild's): map() says it
    monkeypatch.setattr(engines, "pipeline_loaded", lambda: False)   # each worker loads its own
    with pytest.raises(WorkersFailed, match="kg setup"):
        with engines.ProcessEngine(2, wait_ready=False) as eng:
            list(eng.map([("a.txt", None)]))


def test_limits_name_the_limit_they_stop_at():
    assert Limits(600, 4096).over(601, 100) == "over the 600 s limit per document"
    assert Limits(600, 4096).over(1, 5000) == "over the 4096 MB limit per document"
    assert Limits(0.5, 0).over(0.4, 10**6) is None and Limits(0, 0).over(10**6, 10**6) is None


def _rss_mb() -> float:
    import os
    with open(f"/proc/{os.getpid()}/statm", "rb") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.slow
def test_the_build_command_passes_the_limits_to_the_workers(tmp_path, monkeypatch, capsys):
    from kg.cli import main
    src = _corpus(tmp_path)
    monkeypatch.setenv(TEST_HOOK, f"{BAD}:sleep:60")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-j", "2", "--no-progress", "--doc-timeout", "3",
                 "--doc-memory", "0"]) == 1
    bad = next(src.glob(f"*{BAD}*"))
    assert _errors(out) == [[str(bad), "over the 3 s limit per document"]]
    assert f"kg: {bad}: over the 3 s limit per document" in capsys.readouterr().err
    monkeypatch.delenv(TEST_HOOK)
    assert main(["build", str(src), "-o", str(out), "-j", "2", "--no-progress"]) == 1   # skipped
    assert main(["build", str(src), "-o", str(out), "-j", "2", "--no-progress", "--retry-failed"]) == 0
    assert _errors(out) == []


@pytest.mark.parametrize("flag, value", [("--doc-timeout", "-1"), ("--doc-timeout", "soon"),
                                         ("--doc-timeout", "nan"), ("--doc-memory", "-5")])
def test_a_bad_limit_is_one_line(flag, value, capsys):
    from kg.cli import main
    with pytest.raises(SystemExit) as exit_:
        main(["build", "x", flag, value])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.startswith(f"kg: {flag}: ") and len(err.splitlines()) == 1


@pytest.mark.slow
def test_the_page_waiting_behind_a_dead_worker_s_page_is_extracted_by_the_next(tmp_path, monkeypatch):
    """A worker holds its page and the next; when it dies, only the first fails."""
    from kg.corpus.engines import ProcessEngine, process_document
    from kg.corpus.pool import KILLED
    src = _corpus(tmp_path)
    files = sorted(src.iterdir(), key=lambda f: BAD not in f.name)   # the bad page first
    monkeypatch.setenv(TEST_HOOK, f"{BAD}:kill")
    with ProcessEngine(1) as eng:
        got = list(eng.map([(f, None) for f in files]))
    assert got[0] == (KILLED, "the worker died (signal 9)")
    assert got[1:] == [process_document(f, None) for f in files[1:]]
