"""Shared fixtures: the corpus copies in tests/fixtures and builds made once a session."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
GOLD = FIXTURES / "gold"
SEED = CORPUS / "000_ba7bb21c1752cf58.txt"
ROOT = Path(__file__).resolve().parent.parent


def run_python(script: str, *args, seed: str = "0", timeout: int = 300) -> str:
    """The standard output of `script` run in a fresh interpreter with this
    checkout first on its path and the hash seed `seed`; a failure shows
    the child's stderr."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def nlp():
    """The whole pipeline as kg uses it, or a skip when the model has not been set up."""
    from kg.errors import AssetMissing
    from kg.nlp.pipeline import get_nlp
    try:
        return get_nlp()
    except AssetMissing as exc:  # pragma: no cover
        pytest.skip(str(exc))


def dated_corpus(root: Path, names) -> Path:
    """The fixture pages `names` copied into `root`, with dated file names."""
    root.mkdir()
    for i, name in enumerate(names):
        shutil.copy(CORPUS / f"{name}.txt", root / f"2021-09-1{i}_{name}.txt")
    return root


def outputs(out: Path) -> dict:
    """A build's outputs, by name, as bytes."""
    from kg.corpus.outputs import OUTPUTS
    return {f: (out / f).read_bytes() for f in OUTPUTS}


def make_nlp(*components):
    """The real pkuseg segmenter with just the named components, or a skip
    when the model has not been set up."""
    from kg.errors import AssetMissing
    from kg.nlp.pipeline import blank_zh
    import kg.nlp.components  # noqa: F401  (registers every factory)
    try:
        nlp = blank_zh()
        for name in components:   # a component's own asset (the division table) may be missing too
            nlp.add_pipe(name)
    except AssetMissing as exc:  # pragma: no cover
        pytest.skip(str(exc))
    return nlp


def gold_of(name: str) -> dict:
    return json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def extractions():
    """{name: (gold, prediction)} for every text with gold, extracted once."""
    from kg.extraction import extract_file

    out = {}
    for g in sorted(GOLD.glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        gold = gold_of(name)
        out[name] = (gold, extract_file(CORPUS / f"{name}.txt", gold.get("date")))
    return out


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """All five texts built together into one graph (dated copies of the files)."""
    from kg.corpus.driver import build

    src = tmp_path_factory.mktemp("corpus")
    for g in sorted(GOLD.glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        shutil.copy(CORPUS / f"{name}.txt", src / f"{gold_of(name)['date']}_{name}.txt")
    out = tmp_path_factory.mktemp("build")
    assert build([src], out) == 0
    return src, out
