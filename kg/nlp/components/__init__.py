"""spaCy factories, one module per concern; importing this registers them."""

from kg.nlp.components import agencies, orgs, persons, places, programs, resolve, stat_gate, statistical  # noqa: F401
