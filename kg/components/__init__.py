"""spaCy factories, one module per concern; importing this registers them."""

import importlib

for _name in ("places", "persons", "agencies", "orgs", "programs", "statistical", "resolve"):
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _e:  # a component still being written
        if _e.name != f"{__name__}.{_name}":
            raise
