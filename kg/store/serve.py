"""`kg serve STORE`: a read-only SPARQL endpoint over HTTP on the store `kg load` writes.

Oxigraph's own server first: the `oxigraph` package (a dependency, on PyPI)
ships the `oxigraph` command, whose `serve-read-only` answers the SPARQL 1.1
protocol at /query on the same RocksDB store pyoxigraph writes (the two
packages are released together; pyproject pins both to one minor version).
Where that command is not installed, the same endpoint is served by
pyoxigraph behind the standard library's HTTP server: GET or POST /query,
results as SPARQL JSON (or CSV/TSV, N-Triples or Turtle by the Accept
header), nothing that writes. Either way it binds 127.0.0.1 unless told
otherwise: a store is served to this machine only by default.
"""

import os
import shutil
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
ENGINES = ("auto", "oxigraph", "python")
ENDPOINT = "/query"


def oxigraph_command() -> str | None:
    """The `oxigraph` command of the running environment (beside its
    Python, then on PATH), or None."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file():
        return str(here)
    return shutil.which("oxigraph")


def oxigraph_argv(store_dir, host: str, port: int) -> list:
    return [oxigraph_command(), "serve-read-only", "--location", str(store_dir), "--bind", f"{host}:{port}"]


def serve(store_dir, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, engine: str = "auto", ready=None) -> int:
    """Serve the store until interrupted; the exit status. `ready(url)` is
    called once the endpoint listens (the Python engine only)."""
    import subprocess

    from kg.store import is_store
    if not is_store(Path(store_dir)):
        raise FileNotFoundError(f"no store at {store_dir} (run `kg load GRAPH.ttl --store {store_dir}`)")
    if engine in ("auto", "oxigraph") and oxigraph_command():
        print(f"kg serve: oxigraph serve-read-only on http://{host}:{port}{ENDPOINT}", file=sys.stderr)
        argv = oxigraph_argv(store_dir, host, port)
        if hasattr(os, "execv"):   # the server is this process: a signal to it reaches the server
            sys.stderr.flush()
            os.execv(argv[0], argv)
        try:
            return subprocess.call(argv)
        except KeyboardInterrupt:
            return 0
    if engine == "oxigraph":
        raise FileNotFoundError("the `oxigraph` command is not installed (pip install oxigraph)")
    server = endpoint(store_dir, host, port)
    url = f"http://{host}:{server.server_address[1]}{ENDPOINT}"
    print(f"kg serve: read-only SPARQL endpoint (pyoxigraph) on {url}", file=sys.stderr)
    if ready is not None:
        ready(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def endpoint(store_dir, host: str, port: int) -> ThreadingHTTPServer:
    """The stdlib HTTP server answering SPARQL queries on the store, read-only."""
    from kg.store import open_store
    store = open_store(store_dir)

    class Handler(_Sparql):
        pass

    Handler.store = store
    return ThreadingHTTPServer((host, port), Handler)


class _Sparql(BaseHTTPRequestHandler):
    """The query operation of the SPARQL 1.1 protocol (no update)."""

    store = None

    def log_message(self, fmt, *args):   # quiet: one line per request is noise for a local tool
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path != ENDPOINT:
            return self._fail(404, f"the endpoint is {ENDPOINT}")
        self._answer(parse_qs(url.query).get("query", [None])[0])

    def do_POST(self):
        if urlsplit(self.path).path != ENDPOINT:
            return self._fail(404, f"the endpoint is {ENDPOINT}")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if kind == "application/sparql-query":
            return self._answer(body)
        if kind == "application/x-www-form-urlencoded":
            return self._answer(parse_qs(body).get("query", [None])[0])
        self._fail(415, "send application/sparql-query or a form with `query`")

    def _answer(self, query):
        if not query:
            return self._fail(400, "no query")
        try:
            res = self.store.query(query)
            kind, data = _serialized(res, self.headers.get("Accept") or "")
        except (SyntaxError, ValueError, OSError) as e:
            return self._fail(400, " ".join(str(e).split()))
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _fail(self, code: int, why: str):
        data = (why + "\n").encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _serialized(res, accept: str) -> tuple[str, bytes]:
    """(media type, bytes) of a query result, as the Accept header asks."""
    import pyoxigraph as ox
    if isinstance(res, ox.QueryTriples):
        fmt = ox.RdfFormat.TURTLE if "text/turtle" in accept else ox.RdfFormat.N_TRIPLES
        return fmt.media_type, res.serialize(format=fmt)
    for fmt in (ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV, ox.QueryResultsFormat.XML):
        if fmt.media_type.split(";")[0] in accept:
            return fmt.media_type, res.serialize(format=fmt)
    fmt = ox.QueryResultsFormat.JSON
    return fmt.media_type, res.serialize(format=fmt)
