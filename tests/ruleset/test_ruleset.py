"""The rule set: one typed, frozen reading of rules/, strict about its keys."""

import ast
import dataclasses
import os
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest

import kg.ruleset as ruleset
from kg.errors import InputError
from kg.paths import rules_dir
from kg.ruleset import RuleError, schema

PACKAGE = Path(ruleset.__file__).resolve().parent.parent


@pytest.fixture
def copy(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(rules_dir(), target)
    return target


def test_the_shipped_rules_load_and_are_frozen():
    rules = ruleset.current()
    assert "纪委" in rules.agencies.suffixes
    assert isinstance(rules.agencies.suffixes, tuple)
    assert rules.titles.head.titles[0] == "总书记"
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.agencies.max_core = 3
    with pytest.raises(TypeError):
        rules.relations.anaphora["该局"] = "局"


def test_a_misspelt_key_is_an_error_naming_the_file_and_the_key(copy):
    toml = copy / "agencies.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("empty_core_suffixes =", "empty_core_sufixes ="),
                    encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        ruleset.load(copy)
    assert exc.value.path == str(toml)
    assert "unknown key 'empty_core_sufixes'" in exc.value.reason
    assert isinstance(exc.value, InputError)      # the CLI's one-line error


def test_a_missing_key_and_a_wrong_type_are_errors(copy):
    toml = copy / "titles.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("max_gap =", "# max_gap ="), encoding="utf-8")
    with pytest.raises(RuleError, match="missing key 'compound.max_gap'"):
        ruleset.load(copy)
    toml.write_text(text.replace("max_gap = ", "max_gap = 'x' #"), encoding="utf-8")
    with pytest.raises(RuleError, match="compound.max_gap should be an integer"):
        ruleset.load(copy)


def test_rule_sets_are_cached_by_folder_not_by_file_name(copy):
    toml = copy / "titles.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"总书记", ', '"总书记", "总督学", ', 1), encoding="utf-8")
    other = ruleset.load(copy)
    assert "总督学" in other.titles.head.titles
    assert "总督学" not in ruleset.current().titles.head.titles
    assert other.fingerprint != ruleset.current().fingerprint
    assert ruleset.load(copy) is other


def _declared(cls, prefix=""):
    """(dotted key, field name) for every key of a table and its sub-tables."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        yield prefix + f.name, f.name
        hint = hints[f.name]
        inner = typing.get_args(hint)[-1] if typing.get_origin(hint) else hint
        if dataclasses.is_dataclass(inner):
            yield from _declared(inner, f"{prefix}{f.name}.")


def _attributes_read():
    names = set()
    for path in PACKAGE.rglob("*.py"):
        if "ruleset" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
    return names


# Tables the explorer hands whole to its page (dataclasses.asdict): the
# page's script reads their keys, so they must appear in its template.
READ_BY_THE_PAGE = (schema.HtmlPage, schema.HtmlDefaultType, schema.HtmlDefaultRelation,
                    schema.TypeStyle, schema.RelationStyle)


def test_every_declared_key_is_read_by_some_module():
    read = _attributes_read()
    tables = [getattr(schema, n) for n in dir(schema) if n.endswith("Rules")] + [schema.AssetSpec]
    by_page = {f.name for cls in READ_BY_THE_PAGE for f in dataclasses.fields(cls)}
    unread = sorted({key for cls in tables for key, name in _declared(cls)
                     if name not in read and name not in by_page})
    assert not unread, f"keys in rules/ that no module reads: {unread}"


def test_the_keys_the_page_reads_are_in_its_template():
    template = (PACKAGE / "export" / "templates" / "graph.html").read_text(encoding="utf-8")
    for cls in READ_BY_THE_PAGE:
        for f in dataclasses.fields(cls):
            assert f.name in template, f"{cls.__name__}.{f.name} is read by nothing"


@pytest.mark.slow  # a subprocess, or a pipeline saved and loaded
def test_the_cli_says_a_misspelt_key_in_one_line(copy):
    toml = copy / "agencies.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("empty_core_suffixes =", "empty_core_sufixes ="),
                    encoding="utf-8")
    seed = PACKAGE.parent / "seeds" / "2021-09-15_peoples-daily.txt"
    p = subprocess.run([sys.executable, "-m", "kg", "extract", str(seed)], capture_output=True, text=True,
                       env={**os.environ, "KG_RULES_DIR": str(copy)})
    assert p.returncode != 0 and p.stdout == ""
    assert p.stderr == (f"kg: {toml}: unknown key 'empty_core_sufixes' "
                        "(did you mean 'empty_core_suffixes'?)\n")
