"""kg.corpus.state.saved: a build's state between builds, as a base and a delta."""

import pickle

from kg.corpus.state.saved import Saved


def _tables(n=100):
    return {"rows": {i: f"row {i}".encode() for i in range(n)}, "names": {"a": 1}}


def test_a_delta_carries_only_the_changes_and_loads_onto_its_base(tmp_path):
    s = Saved(tmp_path, "t")
    s.save("b1", _tables())
    assert Saved(tmp_path, "t").load("other") is None           # another build's tag
    s = Saved(tmp_path, "t")
    t = s.load("b1")
    assert t == _tables()
    s.save_changes("b2", {"rows": {3: b"three", 1000: b"new"}}, {"rows": {5}, "names": {"a"}})
    delta = pickle.loads((tmp_path / "t.delta.pickle").read_bytes())
    assert delta["tables"]["rows"] == {3: b"three", 1000: b"new"} and delta["gone"]["rows"] == {5}
    assert pickle.loads((tmp_path / "t.base.pickle").read_bytes())["tag"] == "b1"   # untouched
    assert Saved(tmp_path, "t").load("b1") is None               # the set now stands for b2
    got = Saved(tmp_path, "t").load("b2")
    want = _tables()
    want["rows"].update({3: b"three", 1000: b"new"})
    del want["rows"][5]
    want["names"] = {}
    assert got == want

    # a second delta keeps the first one's changes (it replaces the delta file)
    s = Saved(tmp_path, "t")
    s.load("b2")
    s.save_changes("b3", {"rows": {5: b"back"}}, {"rows": {1000}})
    want["rows"][5] = b"back"
    del want["rows"][1000]
    assert Saved(tmp_path, "t").load("b3") == want


def test_a_delta_past_a_fifth_of_the_base_becomes_a_new_base(tmp_path):
    s = Saved(tmp_path, "t")
    s.save("b1", _tables())
    s = Saved(tmp_path, "t")
    s.load("b1")
    s.save_changes("b2", {"rows": {i: b"x" for i in range(30)}}, {})
    assert not (tmp_path / "t.delta.pickle").exists()
    assert pickle.loads((tmp_path / "t.base.pickle").read_bytes())["tag"] == "b2"
    assert Saved(tmp_path, "t").load("b2")["rows"][7] == b"x"


def test_a_set_left_half_written_loads_as_nothing_or_as_the_old_build(tmp_path):
    s = Saved(tmp_path, "t")
    s.save("b1", _tables())
    s = Saved(tmp_path, "t")
    s.load("b1")
    s.save_changes("b2", {"rows": {1: b"one"}}, {})
    delta = (tmp_path / "t.delta.pickle").read_bytes()
    # killed after a new base was written but before the old delta went
    Saved(tmp_path, "t").save("b3", _tables(50))
    (tmp_path / "t.delta.pickle").write_bytes(delta)
    assert Saved(tmp_path, "t").load("b2") is None               # that delta is of another base
    assert len(Saved(tmp_path, "t").load("b3")["rows"]) == 50
    (tmp_path / "t.base.pickle").write_bytes(b"not a pickle")
    assert Saved(tmp_path, "t").load("b3") is None

def test_a_short_delta_heavier_than_a_fifth_of_the_base_becomes_a_new_base_and_is_compacted(tmp_path):
    """Two entries of 100 are few, but a few kilobytes each outweigh the base:
    a new base is written, through `compact` when one is given."""
    s = Saved(tmp_path, "t")
    s.save("b1", {"rows": {i: f"row {i:046d}".encode() for i in range(100)}, "names": {"a": 1}})   # ~6 kB
    s = Saved(tmp_path, "t")
    s.load("b1")
    s.save_changes("b2", {"rows": {1: b"y" * 400}}, {})           # light: a delta
    assert (tmp_path / "t.delta.pickle").exists()
    s = Saved(tmp_path, "t")
    s.load("b2")
    s.save_changes("b3", {"rows": {2: b"z" * 4000}}, {}, compact=lambda t: {**t, "names": {"compacted": 1}})
    assert not (tmp_path / "t.delta.pickle").exists()
    base = pickle.loads((tmp_path / "t.base.pickle").read_bytes())
    assert base["tag"] == "b3" and base["tables"]["names"] == {"compacted": 1}
    assert base["tables"]["rows"][1] == b"y" * 400 and base["tables"]["rows"][2] == b"z" * 4000
