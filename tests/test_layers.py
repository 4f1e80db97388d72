"""The package's layers import one way only.

kg/ is a stack of folders, each a layer that may import the layers below it
and never one above: the text layer knows nothing of spaCy, the pipeline
nothing of linking, the exporters nothing of how a corpus is rebuilt. This
test walks every module's imports (including the ones inside functions) and
fails on any that points upward, naming the module and the import.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"

# Lowest first. A module may import its own layer and any layer before it.
LAYERS = [
    {"kg.errors", "kg.paths", "kg.atomic"},
    {"kg.ruleset"},
    {"kg.text"},
    {"kg.nlp"},
    {"kg.link"},
    {"kg.relations"},
    {"kg.extraction", "kg.explain"},
    {"kg.ner", "kg.graph"},
    {"kg.export"},
    {"kg.corpus"},
    {"kg.store"},
    {"kg", "kg.cli", "kg.__main__"},
]
# The exporters are pure functions of the graph: they may read the graph
# model, the rules and each other, and nothing of extraction or the corpus.
NARROW = {"kg.export": {"kg.errors", "kg.paths", "kg.atomic", "kg.ruleset", "kg.graph", "kg.export"}}


def layer_of(module: str) -> str:
    """The layer a dotted module name belongs to (its longest listed prefix)."""
    best = None
    for layer in set().union(*LAYERS):
        if module == layer or module.startswith(layer + "."):
            if best is None or len(layer) > len(best):
                best = layer
    if best is None:
        raise AssertionError(f"{module} belongs to no layer of tests/test_layers.py")
    return best


def rank(layer: str) -> int:
    return next(i for i, group in enumerate(LAYERS) if layer in group)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path):
    """(line, imported kg module) for every import in the file."""
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "kg" or alias.name.startswith("kg."):
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "kg" or target.startswith("kg."):
                if target == "kg":   # `from kg import x`: x is the module
                    for alias in node.names:
                        yield node.lineno, f"kg.{alias.name}"
                else:
                    yield node.lineno, target


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer():
    for path in MODULES:
        layer_of(module_name(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_imports_a_layer_above_its_own(path):
    me = layer_of(module_name(path))
    bad = []
    for line, target in imports(path):
        if target in ("kg.__version__",):
            continue
        there = layer_of(target)
        allowed = NARROW.get(me)
        if allowed is not None:
            ok = there in allowed
        else:
            ok = rank(there) <= rank(me)
        if not ok:
            bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target} ({there} is above {me})")
    assert not bad, "\n".join(bad)


def test_the_walk_sees_an_upward_import(tmp_path):
    """The check itself: an import of the corpus layer from the text layer is caught."""
    assert rank(layer_of("kg.corpus.driver")) > rank(layer_of("kg.text.read"))
    assert layer_of("kg.export.json") == "kg.export"
    assert "kg.corpus" not in NARROW["kg.export"]
