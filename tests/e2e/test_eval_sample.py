"""scripts/eval_sample.py: the seeded sample of real-news facts `make eval`
writes for grading, and the precision of a graded sample. The fixture is three items of
../shared/corpus/xwlb (CCTV 新闻联播 of 2021-22) as they are there."""

import importlib.util
from pathlib import Path

import pytest

from kg.corpus.records import item_of

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "xwlb_sample.jsonl"
_spec = importlib.util.spec_from_file_location("eval_sample", ROOT / "scripts" / "eval_sample.py")
eval_sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_sample)


def rows(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return header, [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


def test_draw_writes_facts_with_their_sentences(tmp_path):
    n_e, n_r = eval_sample.draw(FIXTURE, items=3, facts=500, seed=1, out=tmp_path)
    header, ents = rows(tmp_path / "entities.tsv")
    assert header == list(eval_sample.COLUMNS)
    assert len(ents) == n_e > 10
    # every entity row shows its name marked in a sentence of the article
    for r in ents:
        assert "【" in r["context"] and r["grade"] == ""
    people = {r["fact"] for r in ents if r["type"] == "PERSON"}
    assert "泽连斯基" in people
    _h, rels = rows(tmp_path / "relations.tsv")
    assert len(rels) == n_r > 0
    assert any(r["fact"] == "俄罗斯国防部 -located_in-> 俄罗斯联邦" for r in rels)


def test_same_seed_same_rows_and_fewer_facts_than_found(tmp_path):
    eval_sample.draw(FIXTURE, items=3, facts=5, seed=7, out=tmp_path / "a")
    eval_sample.draw(FIXTURE, items=3, facts=5, seed=7, out=tmp_path / "b")
    a = (tmp_path / "a" / "entities.tsv").read_text(encoding="utf-8")
    assert a == (tmp_path / "b" / "entities.tsv").read_text(encoding="utf-8")
    assert len(a.splitlines()) == 6


def test_precision_of_a_graded_sample(tmp_path):
    graded = tmp_path / "g.tsv"
    graded.write_text("n\titem\ttype\tfact\tcontext\tgrade\tnote\n"
                      "1\ta\tPERSON\t王某\tx\ty\t\n"
                      "2\ta\tPERSON\t富起来\tx\tn\tcommon word\n"
                      "3\ta\tPLACE\t北京市\tx\tY\t\n"
                      "4\ta\tPLACE\t某地\tx\t?\t\n", encoding="utf-8")
    assert eval_sample.precision([graded]) == {"ALL": (2, 1), "PERSON": (1, 1), "PLACE": (1, 0)}


def test_a_file_that_is_not_a_sample_is_refused_by_name(tmp_path):
    bad = tmp_path / "notes.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="notes.tsv: not a sample file"):
        eval_sample.precision([bad])


def test_an_implied_body_is_shown_with_the_sentence_of_its_post():
    # 代省长 implies the province's 人民政府, which the text never names
    item = item_of({"id": "x1", "date": "2021-05-01", "title": "",
                    "text": "时任江西省委副书记、代省长的李建国来到南昌市调研。"}, 1)
    ents, _rels = eval_sample.item_facts(item)
    implied = [r for r in ents if r[3].startswith("(implied)")]
    assert implied and all("代省长" in r[3] for r in implied)
    assert ("x1", "AGENCY", "江西省人民政府") in {r[:3] for r in implied}
