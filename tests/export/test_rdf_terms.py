"""Turtle terms: vocabulary tokens exist only for a vocabulary's own terms, so a misspelt one cannot be written."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, namespace

import kg.corpus.turtle_patch
import kg.export.rdf_mapping
import kg.export.rdf_terms as terms
from kg.export import vocab

ROOT = Path(__file__).resolve().parents[2]


def test_a_term_is_its_prefixed_name_and_a_misspelt_one_raises():
    assert (terms.ORG.headOf, terms.SDO.GovernmentOrganization, terms.XSD.gYearMonth, terms.KG.Program) == \
           ("org:headOf", "schema:GovernmentOrganization", "xsd:gYearMonth", "kg:Program")
    for tokens, name in ((terms.ORG, "hedOf"), (terms.SDO, "GovernmentOrganisation"), (terms.XSD, "gYearMonh"),
                         (terms.KG, "program"), (terms.OA, "hasTarget")):
        with pytest.raises(AttributeError):
            getattr(tokens, name)


def test_a_misspelt_term_in_a_mapping_table_fails_the_import(tmp_path):
    (tmp_path / "bad_mapping.py").write_text(
        "from kg.export.rdf_terms import ORG\nRELATIONS = {'leads': ORG.hedOf}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "import bad_mapping"], cwd=tmp_path, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"})
    assert done.returncode != 0 and "org:hedOf is not a term" in done.stderr


def test_every_term_the_mapping_names_is_a_term_of_its_vocabulary():
    """Terms named inside functions are resolved only when called: resolve
    every one the mapping modules name, whether a test reaches it or not."""
    tokens = {n for n, v in vars(terms).items() if isinstance(v, terms.Terms)}
    named = 0
    for mod in (kg.export.rdf_mapping, terms, kg.corpus.turtle_patch):
        for node in ast.walk(ast.parse(Path(mod.__file__).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in tokens:
                getattr(getattr(terms, node.value.id), node.attr)
                named += 1
    assert named > 40


def test_the_project_namespace_holds_the_ontology_terms():
    g = Graph().parse(ROOT / "ontology" / "govkg.ttl")
    ns = str(vocab.KG)
    defined = {str(s)[len(ns):] for s in g.subjects() if str(s).startswith(ns)} - {""}
    assert issubclass(vocab.KG, namespace.DefinedNamespace) and defined == set(vocab.KG.__annotations__)
