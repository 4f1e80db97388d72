"""`kg serve STORE` answers SPARQL over HTTP on 127.0.0.1 from the store
`kg load` wrote, read-only: with Oxigraph's own server where its command is
installed, and with pyoxigraph behind the standard library's server."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.cli import main
from kg.export.turtle import write_turtle
from kg.store.serve import oxigraph_command
from sample_graph import small_graph

ROOT = Path(__file__).resolve().parents[2]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DEADLINE = 60   # seconds a server may take to start on a busy machine


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    req = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def _serving(store, engine: str):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(store), "--port", str(port),
                             "--engine", engine], env=env, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    start = time.monotonic()
    while time.monotonic() - start < DEADLINE:
        try:
            _get(f"{url}?query={urllib.parse.quote('ASK {}')}")
            return proc, url
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read().decode())
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("the server did not start")


@pytest.fixture
def store(tmp_path):
    write_turtle(small_graph(), tmp_path / "g.ttl")
    s = tmp_path / "S"
    assert main(["load", str(tmp_path / "g.ttl"), "--store", str(s)]) == 0
    return s


def _triples(store) -> int:
    from kg.store import rows
    return int(rows(COUNT, store_dir=store)[0]["n"])


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["python", "oxigraph"])
def test_serve_answers_sparql_over_http_on_localhost(store, engine):
    if engine == "oxigraph" and oxigraph_command() is None:
        pytest.skip("the oxigraph command (pip install oxigraph, a dependency) is not installed here")
    expected = _triples(store)
    proc, url = _serving(store, engine)
    try:
        status, body = _get(f"{url}?query={urllib.parse.quote(COUNT)}")
        assert status == 200
        got = json.loads(body)["results"]["bindings"][0]["n"]["value"]
        assert int(got) == expected > 0
        status, body = _get(f"{url}?query={urllib.parse.quote('SELECT ?s WHERE { ?s ?p ?o } LIMIT 2')}",
                            accept="text/csv")
        assert status == 200 and body.decode().splitlines()[0].strip() == "s"
        req = urllib.request.Request(url.replace("/query", "/update"), method="POST",
                                     data=b"INSERT DATA { <urn:x> <urn:y> <urn:z> }",
                                     headers={"Content-Type": "application/sparql-update"})
        try:
            urllib.request.urlopen(req, timeout=10)
        except urllib.error.HTTPError:
            pass
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert _triples(store) == expected   # read-only: the update changed nothing


def test_serve_refuses_a_folder_that_is_no_store(tmp_path, capsys):
    assert main(["serve", str(tmp_path), "--engine", "python"]) == 2
    assert "no store" in capsys.readouterr().err
