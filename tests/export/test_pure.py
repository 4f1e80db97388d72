"""The exporters are functions of the graph: nothing of how a rebuild stores or copies records."""

import ast
from pathlib import Path

import kg.export

EXPORT = Path(kg.export.__file__).parent
STORAGE = {"Mentions", "Reuse", "FoldState", "Saved", "reuse"}


def test_no_exporter_imports_or_names_the_rebuild_storage():
    for path in sorted(EXPORT.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert not any(n.startswith("kg.corpus") for n in names), f"{path.name}:{node.lineno}"
            if isinstance(node, ast.Name | ast.arg | ast.Attribute):
                name = getattr(node, "id", None) or getattr(node, "arg", None) or getattr(node, "attr", None)
                assert name not in STORAGE, f"{path.name}:{node.lineno} names {name}"
