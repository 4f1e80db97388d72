"""The extraction scored against the gold we can see, with the project's scorer.

Each text's result is pinned by its exact misses (gold items not found) and
false finds (predicted items not in gold), as tests/fixtures/score.py
--verbose words them; those two lists determine the text's entity and
relation F1. A change in either direction fails here: a rule that loses an
entity or edge adds a miss, one that over-fires adds a false find, and a fix
removes one. When a change is an improvement, update the lists (and say why
in the commit).
"""

import importlib.util
from collections import Counter

import pytest

from conftest import FIXTURES

SEED = "000_ba7bb21c1752cf58"

# What the extraction gets wrong today, per text.
EXPECTED = {
    SEED: {
        "misses": [],
        # 依托信息系统管理平台: an IT platform the 平台 suffix makes a PROGRAM;
        # gold leaves it out (only 执法办案管理平台 is listed, as optional).
        "false_finds": ["entity PROGRAM 信息系统管理平台"],
    },
    "01_henan-beijing-strategic-agreement": {"misses": [], "false_finds": []},
    "06_cangxi-cold-chain-three-in-one": {"misses": [], "false_finds": []},
    "09_scio-finance-regulators-briefing": {"misses": [], "false_finds": []},
    "11_changfeng-hospital-fire-accountability": {"misses": [], "false_finds": []},
}


def _scorer():
    spec = importlib.util.spec_from_file_location("score", FIXTURES / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def scored(extractions, names):
    """(entity F1, relation F1, misses, false finds) of texts scored together."""
    score = _scorer()
    tp, fp, fn = Counter(), Counter(), Counter()
    misses, false_finds = [], []
    for n in names:
        gold, pred = extractions[n]
        a, b, c, m, f = score.score_doc(gold, pred)
        tp.update(a), fp.update(b), fn.update(c)
        misses += m
        false_finds += f
    rows = score.summarize(tp, fp, fn)
    return score.prf(*rows["ent:ALL"])[2], score.prf(*rows["rel:ALL"])[2], misses, false_finds


def test_every_fixture_text_is_pinned(extractions):
    assert sorted(extractions) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_misses_and_false_finds(extractions, name):
    _, _, misses, false_finds = scored(extractions, [name])
    assert sorted(misses) == sorted(EXPECTED[name]["misses"])
    assert sorted(false_finds) == sorted(EXPECTED[name]["false_finds"])


def test_f1_today(extractions):
    """The numbers the project is judged by, as the pinned lists give them:
    the seed page's 48 gold entities all found plus one false find (F1 96/97)
    and its 30 relations, none extra; the four others all found, nothing
    extra."""
    ent, rel, *_ = scored(extractions, [SEED])
    assert ent == pytest.approx(96 / 97) and rel == 1.0
    ent, rel, *_ = scored(extractions, [n for n in extractions if n != SEED])
    assert (ent, rel) == (1.0, 1.0)


def test_reporters_and_editors_are_metadata_not_people(extractions):
    gold, pred = extractions[SEED]
    people = {e["name"] for e in pred["entities"] if e["type"] == "PERSON"}
    creators = {c for a in gold["articles"] for c in a["creators"]}
    assert creators and not people & creators
    assert {"孙茂利", "曾斌", "倪莎", "习近平", "卓嘎", "央宗"} <= people


def test_ids_are_stable_and_output_deterministic(extractions):
    from kg.extraction import extract_file
    from conftest import CORPUS
    gold, first = extractions[SEED]
    again = extract_file(CORPUS / f"{SEED}.txt", gold["date"])
    assert again == first


@pytest.mark.parametrize("name", ["01_henan-beijing-strategic-agreement", "11_changfeng-hospital-fire-accountability"])
def test_every_article_date_is_the_publication_date(extractions, name):
    gold, pred = extractions[name]
    assert [a["date"] for a in pred["articles"]] == [gold["date"]]
