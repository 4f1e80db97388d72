"""kg.nlp.packed_index: a packed table answers every look-up as the dict it was packed from."""

import pickle

import pytest

from kg.nlp.packed_index import PackedIndex

TABLE = {
    "红星村": "110101-东华门街道",
    "新华社区": ("110101-东华门街道", "120102-新华街道"),
    "东风村": ("330102-清波街道",),          # a tuple of one stays a tuple
    "幸福里社区": "440103-幸福街道",
    "a": "1",
}


@pytest.mark.parametrize("index", [PackedIndex(TABLE), pickle.loads(pickle.dumps(PackedIndex(TABLE)))],
                         ids=["built", "unpickled"])
def test_a_packed_index_gives_the_dicts_values_and_misses(index):
    assert len(index) == len(TABLE)
    for name, value in TABLE.items():
        got = index.get(name)
        assert got == value and type(got) is type(value)
    for miss in ("", "红星", "红星村委会", "东", "幸福里社区二", "\uffff", "0"):
        assert index.get(miss, ()) == ()
    assert index.get("不在表里的村") is None


def test_a_value_the_packing_cannot_hold_is_refused():
    with pytest.raises(ValueError):
        PackedIndex({"某村": "110101\t110102"})
    with pytest.raises(ValueError):
        PackedIndex({"某村": ()})


@pytest.mark.slow
def test_the_village_index_answers_every_name_of_the_table_as_its_parse_does():
    from kg import ruleset
    from kg.errors import AssetMissing
    from kg.nlp.gazetteer import _village_index, parse_divisions
    try:
        from kg.nlp.assets import divisions_path
        table = divisions_path()
    except AssetMissing:
        pytest.skip("division table not set up (run `kg setup`)")
    rules = ruleset.current()
    villages = {}
    with open(table, encoding="utf-8") as fh:
        parse_divisions(fh, rules.places.gazetteer, villages)
    index = _village_index(rules)
    assert len(index) == len(villages) > 100_000
    for name, codes in villages.items():
        want = codes[0] if len(codes) == 1 else tuple(dict.fromkeys(codes))
        got = index.get(name)
        assert got == want and type(got) is type(want), name
