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
