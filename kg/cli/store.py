"""``kg query``, ``kg export``, ``kg validate``, ``kg serve``: the store
(:mod:`kg.store`, :mod:`kg.sparql`, :mod:`kg.server`)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import (
    EXIT_CODES,
    fail,
    handle_errors,
    progress_option,
    show_progress,
    since_option,
    store_option,
    until_option,
)


@click.command(epilog=EXIT_CODES)
@click.argument("sparql", required=False, metavar="[SPARQL]")
@store_option
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a file ('-' = stdin).")
@click.option("-n", "--named", metavar="NAME", help="Run queries/NAME.rq (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="VAR=VALUE",
              help="Bind ?VAR (repeatable): any label or alias of an entity (Indonesian or English, any "
                   "case), text, a number, <iri>, or prefix:name (art:…, ent:…).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "tsv"]), default="table",
              show_default=True, help="json = SPARQL 1.1 results JSON; csv/tsv = SPARQL 1.1 CSV/TSV.")
@click.option("--width", type=click.IntRange(min=0), default=80, show_default=True,
              help="Table format: cut cells longer than this (0 = never).")
@click.option("--update", "allow_update", is_flag=True, help="Allow a SPARQL Update (changes the store).")
@click.option("--list", "list_named", is_flag=True, help="List the named queries and exit.")
@click.option("--timeout-s", type=click.FloatRange(min=0), default=None,
              help="Cancel the query after this many seconds (default 30, KG_QUERY_TIMEOUT_S; 0 = never).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated query: fetches the URLs it names).")
@since_option
@until_option
@handle_errors
def query(sparql: str | None, store_location: str, query_file, named: str | None, params: tuple[str, ...],
          fmt: str, width: int, allow_update: bool, list_named: bool, timeout_s: float | None,
          allow_service: bool, since: str | None, until: str | None) -> None:
    """Run a SPARQL query on the store; the default graph is the merged graph.

    \b
    The merged graph holds every distinct triple of all articles once, so COUNT and SUM
    written without GRAPH count right. Use `GRAPH ?article { ... }` to see which article
    says what (support = distinct graphs). Give the query inline, with --file, or by name
    with --named (queries/*.rq).

    \b
    Our prefixes (kg: rdfs: skos: dcterms: schema: prov: owl: xsd: wd: kgr: art: ent:
    st:) are predeclared. -p names an entity by any label or alias; an unknown name is an
    error that lists the closest names.

    \b
    Examples:
      kg query --named accusations
      kg query --named evidence -p subject=kirby -p relation=accuses -p object="Korea Utara"
      kg query 'SELECT ?a ?b WHERE { ?a kg:supplies ?b }' --format csv
      kg query --named timeline --since 2023-01-01       # claims per month per relation
      kg query --file my.rq --format json > results.json
    """
    from kg import sparql as sq

    if list_named:
        named_list = sq.named_queries()
        click.echo(sq.table(["name", "description"], [[k, v] for k, v in named_list.items()]))
        return
    given = [x for x in (sparql, query_file, named) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of SPARQL, --file or --named (see --list)")
    text = sparql if sparql is not None else query_file.read() if query_file is not None \
        else sq.load_named(named)  # type: ignore[arg-type]
    try:
        bound = sq.parse_params(params)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--param") from None
    click.echo(sq.execute(store_location, text, params=bound, fmt=fmt, update=allow_update, max_width=width,
                          timeout_s=timeout_s, allow_service=allow_service, since=since, until=until))


@click.command(epilog=EXIT_CODES)
@store_option
@click.option("--format", "fmt", type=click.Choice(["trig", "nquads", "jsonld", "turtle", "graphml", "gexf", "csv",
                                                    "plover"]), default=None,
              help="Default: from the --out suffix (.trig .nq .jsonld .ttl .graphml .gexf .jsonl), else trig.")
@click.option("-o", "--out", "out_path", type=click.Path(path_type=Path),
              help="File to write (default: stdout); for csv, the folder to write two files into.")
@since_option
@until_option
@handle_errors
def export(store_location: str, fmt: str | None, out_path: Path | None, since: str | None, until: str | None) -> None:
    """Export the whole store, as RDF or for the tools analysts use (kg.export).

    \b
    RDF: TriG/N-Quads/JSON-LD keep one named graph per article; Turtle merges them.
    graphml, gexf: entities and relations for Gephi (GEXF adds dates for its timeline, colours).
    csv: nodes.csv + relationships.csv for `neo4j-admin database import` (prints the command).
    plover: one PLOVER event record per statement, JSON Lines, CAMEO code alongside.
    Output is sorted, so exports of equal stores are byte-identical (diff-able).

    \b
    Examples:
      kg export --format nquads --out build/graph.nq
      kg export --out build/graph.graphml           # open in Gephi
      kg export --format csv --out build/neo4j/
      kg export --format plover --out build/events.jsonl
    """
    import sys

    from kg import export as ex
    from kg.store import SUFFIX_FORMATS, open_store
    from kg.store.window import window

    if fmt is None:
        suffix = out_path.suffix.lower() if out_path else ""
        fmt = SUFFIX_FORMATS.get(suffix) or ex.SUFFIX_FORMATS.get(suffix) or "trig"
    if fmt == "csv" and out_path is None:
        raise click.UsageError("--format csv writes two files: give a folder with --out")
    if out_path is not None and out_path.is_dir() and fmt != "csv":
        raise click.BadParameter(f"{out_path} is a folder", param_hint="--out")
    with open_store(store_location, read_only=True) as whole:
        store = window(whole, since, until) if since or until else whole
        if fmt in ex.FORMATS:
            written = ex.export(store, fmt, out_path)
            if isinstance(written, bytes):
                sys.stdout.buffer.write(written)
                return
            click.echo(written.summary(), err=True)
            if fmt == "csv":
                click.echo(f"load into Neo4j 5 (from its home, database stopped):\n  {ex.neo4j_command(out_path)}",
                           err=True)
            return
        if out_path is None:
            store.export(fmt, sys.stdout.buffer)
            return
        store.export(fmt, out_path)
    click.echo(f"wrote {out_path} ({fmt}, {out_path.stat().st_size:,} bytes)", err=True)


@click.command(epilog=EXIT_CODES)
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many top actors.")
@since_option
@until_option
@handle_errors
def stats(store_location: str, fmt: str, top: int, since: str | None, until: str | None) -> None:
    """What the store holds: articles and their date range, outlets, entities and statements per
    type, the most active actors (people, organisations, states by number of statements).

    \b
    Examples:
      kg stats
      kg stats --format json --top 25
      kg stats --since 2023-09 --until 2023-09
    """
    from kg import stats as st
    from kg.store import open_store
    from kg.store.window import window

    with open_store(store_location, read_only=True) as whole:
        totals = st.stats(window(whole, since, until) if since or until else whole, top=top)
    click.echo(st.as_json(totals) if fmt == "json" else st.as_text(totals))


@click.command(epilog=EXIT_CODES)
@store_option
@progress_option
@handle_errors
def validate(store_location: str, progress: bool | None) -> None:
    """Check every article graph against the SHACL shapes in ontology/shapes.ttl.

    Prints `conforms` or the violations (exit code 1).
    """
    from kg.store import open_store

    with open_store(store_location, read_only=True) as store:
        result = store.validate(progress=show_progress(progress))
    if not result.conforms:
        click.echo(result.report)
        fail(f"{result.violations} SHACL violations")
    click.echo(result.report)


@click.command()
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default="build/store",
              show_default=True, help="Store folder to serve (written by `kg build`).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port to listen on; 0 picks a free one (the first line printed names it).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the store to the network.")
@click.option("--writable", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes (default: read-only).")
@click.option("--cors", is_flag=True, help="Allow browser pages from other origins to query it.")
@click.option("--timeout-s", type=click.FloatRange(min=0), default=30, show_default=True,
              help="Cancel a query that runs longer (0 = never).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (the server then fetches URLs queries name).")
def serve(store_dir: Path, port: int, host: str, writable: bool, cors: bool, timeout_s: float,
          allow_service: bool) -> None:
    """Serve a store over HTTP with the Oxigraph SPARQL server (Ctrl-C stops it).

    \b
    Endpoints: /query (SPARQL 1.1 Query), /update and /store (Update, Graph Store Protocol; only
    with --writable), and a query page at / (our prefixes predeclared, the named queries).
    The default graph is the merged graph (every distinct triple of all articles once); each
    article's named graph keeps its provenance.
    Queries nested over 128 deep, over 1 MB, or with SERVICE are refused (400) before Oxigraph sees
    them. A writable server needs the store to itself; a read-only one must not run while `kg build`
    writes the same folder (build into a --writable server by URL instead). Exit code 1 (with
    Oxigraph's last output, its log kept) when Oxigraph dies under it.

    \b
    Examples:
      kg serve                                        # build/store on http://127.0.0.1:7878/
      kg query --store http://127.0.0.1:7878/ --named accusations
      kg serve --store build/team --writable --port 8000
      kg build articles/ --store http://127.0.0.1:8000/
    """
    from kg.server import serve as run_server

    raise SystemExit(run_server(store_dir, host=host, port=port, writable=writable, cors=cors,
                                timeout_s=timeout_s or None, allow_service=allow_service,
                                echo=lambda line: click.echo(line, err=line.startswith(("warning", "Error")))))
