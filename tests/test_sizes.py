"""Modules and functions small enough to read whole.

A function longer than MAX_FUNCTION lines, or a module longer than
MAX_MODULE lines, fails here unless the module says at its top why it must
be that long: a line `Size: <reason>` in its docstring. The limits are the
house's (one job per module, a function that fits on a screen).
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
MAX_FUNCTION = 60
MAX_MODULE = 300
MODULES = sorted(PACKAGE.rglob("*.py"))


def _reason(tree) -> str | None:
    doc = ast.get_docstring(tree) or ""
    return next((line for line in doc.splitlines() if line.strip().startswith("Size:")), None)


def long_functions(tree, limit=MAX_FUNCTION):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            if length > limit:
                yield node.name, node.lineno, length


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_function_is_longer_than_a_screen(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if _reason(tree):
        return
    long = [f"{name} (line {line}): {n} lines" for name, line, n in long_functions(tree)]
    assert not long, f"{path.relative_to(PACKAGE.parent)}: " + "; ".join(long)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_long_module_says_why(path):
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n") + 1
    assert lines <= MAX_MODULE or _reason(ast.parse(text)), (
        f"{path.relative_to(PACKAGE.parent)} has {lines} lines and no 'Size:' reason in its docstring")


def test_the_check_sees_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION + 1))
    assert list(long_functions(ast.parse(f"def f():\n{body}\n")))
