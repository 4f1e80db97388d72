"""A build's worker loads, with its pipeline, what the components load on first use."""

import subprocess
import sys

import pytest

PROBE = """
import gc
from kg.corpus import engines
from kg.nlp import gazetteer, lexical
engines.warm_frozen()
print(lexical.load_lac.cache_info().currsize, gazetteer._village_index.cache_info().currsize,
      "kg.extraction" in sys.modules, "kg.relations.structural" in sys.modules, gc.isenabled())
"""


@pytest.mark.slow
def test_a_workers_warm_up_loads_lac_the_village_index_and_the_extraction_code():
    out = subprocess.run([sys.executable, "-c", "import sys\n" + PROBE], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["1", "1", "True", "True", "True"]
