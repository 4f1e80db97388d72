"""Where the project's files live: rules/ (data kept with the code) and the
data directory that `kg setup` fills with the assets fetched from PyPI."""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """The rules/ folder: $KG_RULES_DIR, else the one beside the package."""
    env = os.environ.get("KG_RULES_DIR")
    return Path(env) if env else PACKAGE_DIR.parent / "rules"


def data_dir() -> Path:
    """Assets fetched at set-up: $KG_DATA_DIR, else ~/.cache/govkg."""
    env = os.environ.get("KG_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "govkg"
