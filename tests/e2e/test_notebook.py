"""notebooks/explore.ipynb runs top to bottom (nbclient) on a graph the test writes."""

from pathlib import Path

import nbformat
import pytest

from kg.export.turtle import write_turtle
from sample_graph import small_graph

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow   # starts a Jupyter kernel


def _execute(tmp_path, monkeypatch, ttl: Path):
    """The notebook run on `ttl`: the text of its outputs, its cells and its working folder."""
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("GOVKG_TTL", str(ttl))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    work = tmp_path / "notebooks"  # the notebook writes its plot next to itself
    work.mkdir()
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    # the notebook finds the repository from its working directory's parent
    (tmp_path / "kg").symlink_to(ROOT / "kg")
    (tmp_path / "queries").symlink_to(ROOT / "queries")
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(work)}}).execute()
    text = "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    return text, nb, work


def test_explore_notebook_runs(tmp_path, monkeypatch):
    write_turtle(small_graph(), tmp_path / "graph.ttl")
    text, nb, work = _execute(tmp_path, monkeypatch, tmp_path / "graph.ttl")
    assert "孙茂利" in text and "局长" in text
    assert "'agency': 3" in text
    assert any("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    assert (work / "entities.png").stat().st_size > 1000


def test_explore_notebook_shows_a_career_on_a_graph_with_posts_over_time(tmp_path, monkeypatch):
    text, _, work = _execute(tmp_path, monkeypatch, ROOT / "tests" / "fixtures" / "posts_over_time.ttl")
    assert "'PERSON': '张明华'" in text and "'POST': '青海省委书记'" in text and "'MONTH': '2021-10'" in text
    assert "2021-10-31  acting     陈晓东" in text        # the month's appointments and removals
    assert (work / "career.png").stat().st_size > 1000
