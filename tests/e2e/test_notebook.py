"""notebooks/explore.ipynb runs top to bottom (nbclient) on a graph the test writes."""

from pathlib import Path

import nbformat
import pytest

from kg.export.turtle import write_turtle
from posts_corpus import built
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


def test_explore_notebook_shows_a_career_and_the_secretaries_on_a_graph_with_posts_over_time(
        tmp_path, monkeypatch, tmp_path_factory):
    text, _, work = _execute(tmp_path, monkeypatch, built(tmp_path_factory) / "graph.ttl")
    # the person most appointments and removals tell of, the post most people held, the busiest month
    assert "'PERSON': '郑思远'" in text and "'POST': '水利部部长'" in text and "'MONTH': '2021-03'" in text
    # the timeline uses the tenure's interval and says how each end is known
    assert "2020-11-05 (observed) – 2021-03-10 (event)  former" in text
    assert "2021-03-26 (event) – 2022-02-10 (observed)  current  部长 · 水利部" in text
    assert "2021-03-26  removed    韩立平" in text        # the month's appointments and removals
    # provincial party secretaries, found by the body's name and seat, a year-only tenure among them
    assert "2 provincial party secretary posts, 1 changes of holder" in text
    assert "青海省: 郑思远 (2020-11-05–2021-03-10) → 赵文博 (2021-03-10–)" in text
    assert "山西省: 陈国强 (2003–2022-01-05)" in text
    assert (work / "career.png").stat().st_size > 1000 and (work / "secretaries.png").stat().st_size > 1000
