"""Where the project's files live: rules/ (data kept with the code) and the
data directory that `kg setup` fills with the assets fetched from PyPI.

rules/ sits at the top of the checkout, beside kg/, so that a rule change is
a change to a data file anyone can find; the wheel carries the same files as
package data in kg/rules/ (pyproject.toml maps the folder there), so an
installed `kg` needs no checkout.
"""

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def checkout_root() -> Path | None:
    """The source checkout this kg/ was imported from, or None for an
    installed copy (whose parent is site-packages, with no pyproject.toml)."""
    root = PACKAGE_DIR.parent
    if (root / "pyproject.toml").is_file() and (root / "rules").is_dir():
        return root
    return None


def rules_dir() -> Path:
    """The rules/ folder in force: $KG_RULES_DIR, else the checkout's
    rules/ when running from a checkout, else the copy the wheel installed."""
    env = os.environ.get("KG_RULES_DIR")
    if env:
        return Path(env)
    root = checkout_root()
    if root is not None:
        return root / "rules"
    # an installed wheel is unpacked into site-packages, so this is a real folder
    return Path(str(resources.files("kg").joinpath("rules")))


def data_dir() -> Path:
    """Assets fetched at set-up: $KG_DATA_DIR, else ~/.cache/govkg."""
    env = os.environ.get("KG_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "govkg"
