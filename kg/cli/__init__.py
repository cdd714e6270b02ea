"""The ``kg`` command line. Only parses options and delegates to library functions.

Exit codes: 0 success; 1 nothing could be built / runtime failure; 2 bad usage or bad query;
3 store locked by another process; 4 `kg build --strict` skipped or lost a file.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg import __version__
from kg.train.prepare import MIXES
from kg.train.run import TrainConfig

TRAIN_DEFAULTS = TrainConfig()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph from Indonesian news articles.

    \b
    Typical session:
      kg build seeds/ --store build/store      # articles -> RDF in an on-disk Oxigraph store
      kg query --named accusations             # ready-made SPARQL (queries/*.rq)
      kg render --out build/graph.html         # interactive, self-contained HTML
      kg extract seeds/ --jsonl out.jsonl      # relations in the gold JSONL format
      kg eval --gold tests/data/seeds_gold.jsonl seeds/
    """


# --- build / query / export / serve (kg.pipeline, kg.store) -------------------------------

_EXIT_CODES = """\b
Exit codes: 0 success; 1 runtime failure (nothing built, endpoint unreachable, SHACL violations);
2 bad usage (bad option, missing store, SPARQL syntax error, update without --update);
3 store locked by another process (a running `kg build`, or `kg serve` on the same folder)."""
_BUILD_EXIT_CODES = """\b
Exit codes: 0 built (files that are empty, binary, too large, not Indonesian or broke the pipeline
are listed and skipped, the rest is built); 1 nothing could be built (or a runtime failure);
2 bad usage (bad option, missing path); 3 store locked by another process (another `kg build`, or
`kg serve` on the same folder); 4 with --strict: at least one file was skipped or failed."""


def _store_errors(func):
    """Map store and query errors to one-line messages and the documented exit codes."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from kg.sparql import QueryError
        from kg.store import StoreError, StoreLocked, StoreMissing

        try:
            return func(*args, **kwargs)
        except StoreLocked as exc:
            click.echo(f"Error: {exc}", err=True)
            raise SystemExit(3) from None
        except (StoreMissing, QueryError) as exc:
            click.echo(f"Error: {exc}", err=True)
            raise SystemExit(2) from None
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:  # disk full, a read-only folder, a lock file we may not open: one line, exit 1
            from kg.store import os_error_line

            raise click.ClickException(os_error_line(exc)) from None
        except RuntimeError as exc:  # kg.store.remote.RemoteStoreError and friends: one line, exit 1
            if type(exc).__module__.startswith("kg."):
                raise click.ClickException(str(exc)) from None
            raise

    return wrapper


class _Workers(click.ParamType):
    """``--workers``: a positive number, or ``auto``."""

    name = "N|auto"

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201 - click's signature
        if isinstance(value, int) or value == "auto":
            return value
        try:
            n = int(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of workers or 'auto'", param, ctx)
        if n < 1:
            self.fail(f"{n} workers: at least 1 (1 = extract in this process)", param, ctx)
        return n


_WORKERS = _Workers()
_STORE_OPTION = click.option(
    "--store", "store_location", default="build/store", show_default=True, metavar="DIR|URL",
    help="Store folder, or the http(s) URL of a SPARQL 1.1 endpoint (e.g. `kg serve`).")


@cli.command(epilog=_BUILD_EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_STORE_OPTION
@click.option("--batch-size", type=click.IntRange(min=1), default=8, show_default=True,
              help="Articles per Stanza call (bigger is faster, uses more memory).")
@click.option("--force", is_flag=True, help="Re-extract articles that are already in the store.")
@click.option("--any-language", is_flag=True,
              help="Build text that does not look Indonesian (skipped otherwise; the models are Indonesian).")
@click.option("--strict", is_flag=True, help="Exit with code 4 when any file was skipped or failed.")
@click.option("--prune", is_flag=True,
              help="Afterwards drop the articles whose every file under PATHS was deleted (listed as "
                   "`pruned`); what cannot be read is never dropped.")
@click.option("--workers", type=_WORKERS, default="auto", show_default=True,
              help="Extraction processes on this machine (writing stays in this one). auto: one per "
                   "core when there are enough articles to repay starting them (64 each), else 1 (this "
                   "process).")
@click.option("--dask", metavar="ADDR", help="Extract on a Dask cluster, e.g. tcp://10.0.0.5:8786.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary, not one line per file.")
@_store_errors
def build(paths: tuple[Path, ...], store_location: str, batch_size: int, force: bool, any_language: bool,
          strict: bool, prune: bool, workers: int | str, dask: str | None, progress: bool | None, quiet: bool) -> None:
    """Build or update the knowledge graph from article files and folders.

    \b
    PATHS are .txt/.html files or folders (searched recursively). Each article becomes one named
    graph, named by a hash of its text, so a rebuild is incremental: unchanged articles are
    skipped, a changed file replaces its old graph, a second copy of a text is reported as a
    duplicate. Rebuilding the same inputs adds zero triples. Articles built by other models,
    ontology data (aliases, weapons, cues) or extractor code are re-extracted ("outdated").

    \b
    Bad input never stops a build: empty files, binaries, files over 5 MB of text
    (KG_MAX_ARTICLE_MB), and text that does not look Indonesian are skipped with a one-line reason
    in the status table; HTML is stripped to its text; files that are not UTF-8 are decoded
    (UTF-16, cp1252, latin-1) with a warning.

    \b
    Examples:
      kg build seeds/                                # into build/store
      kg build news/2023/ --store build/news --batch-size 32
      kg build news/ --workers 2                     # two extraction processes
      kg build news/ --prune                         # also drop articles whose files were deleted
      kg build news/ --store http://127.0.0.1:8000/  # into a `kg serve --writable` endpoint
    """
    import sys

    from kg.nlp import ModelsMissing
    from kg.pipeline import BuildError
    from kg.pipeline import build as run_build

    show = sys.stderr.isatty() if progress is None else progress
    try:
        report = run_build(list(paths), store_location, workers=None if workers == "auto" else workers,
                           dask=dask, force=force, any_language=any_language, progress=show,
                           batch_size=batch_size, prune=prune)
    except (BuildError, ModelsMissing) as exc:
        raise click.ClickException(str(exc)) from None
    if lines := report.status_table() + "\n" if not quiet else report.problem_lines():
        click.echo(lines, err=quiet)
    click.echo(report.summary())
    if report.failed:
        raise click.ClickException("no article could be built; see the status and detail columns above")
    if strict and report.problems:
        click.echo(f"Error: --strict: {len(report.problems)} of {len(report.files)} files skipped or failed",
                   err=True)
        raise SystemExit(4)


@cli.command(epilog=_EXIT_CODES)
@click.argument("sparql", required=False, metavar="[SPARQL]")
@_STORE_OPTION
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a file ('-' = stdin).")
@click.option("-n", "--named", metavar="NAME", help="Run queries/NAME.rq (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="VAR=VALUE",
              help="Bind ?VAR (repeatable): a name or text, a number, <iri>, or prefix:name.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "tsv"]), default="table",
              show_default=True, help="json = SPARQL 1.1 results JSON; csv/tsv = SPARQL 1.1 CSV/TSV.")
@click.option("--width", type=click.IntRange(min=0), default=80, show_default=True,
              help="Table format: cut cells longer than this (0 = never).")
@click.option("--update", "allow_update", is_flag=True, help="Allow a SPARQL Update (changes the store).")
@click.option("--list", "list_named", is_flag=True, help="List the named queries and exit.")
@click.option("--timeout-s", type=click.FloatRange(min=0), default=None,
              help="Cancel the query after this many seconds (default 30, KG_QUERY_TIMEOUT_S; 0 = never).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated query: fetches the URLs it names).")
@_store_errors
def query(sparql: str | None, store_location: str, query_file, named: str | None, params: tuple[str, ...],
          fmt: str, width: int, allow_update: bool, list_named: bool, timeout_s: float | None,
          allow_service: bool) -> None:
    """Run a SPARQL query on the store; the default graph is the union of all article graphs.

    \b
    Give the query inline, with --file, or by name with --named (queries/*.rq). Use
    `GRAPH ?article { ... }` to see which article says what (support = distinct graphs).

    \b
    Examples:
      kg query --named accusations
      kg query --named evidence -p subject="John Kirby" -p relation=accuses -p object="Korea Utara"
      kg query 'PREFIX kg: <https://w3id.org/kg-news/ontology#>
                SELECT ?a ?b WHERE { ?a kg:supplies ?b }' --format csv
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
                          timeout_s=timeout_s, allow_service=allow_service))


@cli.command(epilog=_EXIT_CODES)
@_STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["trig", "nquads", "jsonld", "turtle"]), default=None,
              help="Default: from the --out suffix (.trig .nq .jsonld .ttl), else trig.")
@click.option("-o", "--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: stdout).")
@_store_errors
def export(store_location: str, fmt: str | None, out_path: Path | None) -> None:
    """Export the whole store: TriG/N-Quads/JSON-LD keep one named graph per article; Turtle merges them.

    \b
    Output is sorted, so exports of equal stores are byte-identical (diff-able).

    \b
    Examples:
      kg export --format nquads --out build/graph.nq
      kg export --out build/graph.trig
      kg export --format turtle | head
    """
    import sys

    from kg.store import SUFFIX_FORMATS, open_store

    if fmt is None:
        fmt = SUFFIX_FORMATS.get(out_path.suffix.lower(), "trig") if out_path else "trig"
    with open_store(store_location, read_only=True) as store:
        if out_path is None:
            store.export(fmt, sys.stdout.buffer)
            return
        store.export(fmt, out_path)
    click.echo(f"wrote {out_path} ({fmt}, {out_path.stat().st_size:,} bytes)", err=True)


@cli.command(epilog=_EXIT_CODES)
@_STORE_OPTION
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr.")
@_store_errors
def validate(store_location: str, progress: bool | None) -> None:
    """Check every article graph against the SHACL shapes in ontology/shapes.ttl.

    Prints `conforms` or the violations (exit code 1).
    """
    import sys

    from kg.store import open_store

    show = sys.stderr.isatty() if progress is None else progress
    with open_store(store_location, read_only=True) as store:
        result = store.validate(progress=show)
    if not result.conforms:
        click.echo(result.report)
        raise click.ClickException(f"{result.violations} SHACL violations")
    click.echo(result.report)


@cli.command()
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default="build/store",
              show_default=True, help="Store folder to serve (written by `kg build`).")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
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
    with --writable), and a query editor at /. Article graphs are queried as one default graph.
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


# --- render (kg.render, kg.graph) ----------------------------------------------------------


@cli.command()
@click.option("--store", "store_location", default="build/store", show_default=True, metavar="DIR|URL",
              help="Store folder, or the URL of a SPARQL 1.1 endpoint.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True), default="build/graph.html",
              show_default=True, help="HTML file to write (one self-contained file, works offline).")
@click.option("--focus", metavar="ENTITY",
              help="Only this entity and its neighbours: an English or Indonesian name, a key or an IRI.")
@click.option("--radius", type=click.IntRange(1, 6), default=1, show_default=True,
              help="With --focus: how many hops of neighbours to keep.")
@click.option("--max-nodes", type=click.IntRange(min=1), metavar="N",
              help="Keep only the N best connected entities (by number of supporting articles).")
@click.option("--title", help="Page title (default: 'Knowledge graph of N news articles').")
def render(store_location: str, out_path: str, focus: str | None, radius: int, max_nodes: int | None,
           title: str | None) -> None:
    """Write the graph as an interactive HTML page.

    \b
    Colour and shape by entity type, edge label = relation, edge width = number of articles;
    hover or click a node or edge for the evidence sentences and source articles; filter by
    entity and relation type; search box to find an entity. From 1,000 nodes on, the layout is
    computed here and physics is off.

    \b
    Examples:
      kg render                                    # build/store -> build/graph.html
      kg render --focus "Korea Utara" --radius 2 --out build/nk.html
      kg render --max-nodes 300 --out build/top.html
    """
    from pathlib import Path

    from kg.graph import EntityNotFound, to_networkx
    from kg.render import LAYOUT_THRESHOLD, render_html
    from kg.store import StoreError, StoreLocked

    if "://" not in store_location and not (Path(store_location) / "CURRENT").exists():
        raise click.ClickException(
            f"no store at {store_location}: build one first, e.g. `kg build seeds/ --store {store_location}`"
        )
    try:
        graph = to_networkx(store_location)
    except StoreLocked as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(3) from exc
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if graph.number_of_nodes() == 0:
        click.echo(f"warning: store {store_location} holds no entities; the page will be empty", err=True)
    elif focus is None and min(graph.number_of_nodes(), max_nodes or graph.number_of_nodes()) >= LAYOUT_THRESHOLD:
        click.echo(f"{min(graph.number_of_nodes(), max_nodes or graph.number_of_nodes()):,} entities: computing "
                   "the layout here (physics off in the page); this can take a minute…", err=True)
    try:
        out = render_html(graph, out_path, focus=focus, max_nodes=max_nodes, radius=radius, title=title)
    except EntityNotFound as exc:
        raise click.BadParameter(str(exc), param_hint="--focus") from exc
    click.echo(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): open it in a browser, no network needed")

# --- extract / eval (kg.extract, kg.evaluate) ---------------------------------------------

def _models_errors(func):
    """Missing models or unreadable gold data: one line and exit 1/2, not a traceback."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from kg.nlp import ModelsMissing

        try:
            return func(*args, **kwargs)
        except ModelsMissing as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--jsonl", "out", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              metavar="OUT", help="Where to write one JSON line per article ('-' = stdout).")
@click.option("--batch-size", type=click.IntRange(min=1), default=8, show_default=True,
              help="Articles per Stanza call.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@_models_errors
def extract_cmd(paths: tuple[Path, ...], out: str, batch_size: int, progress: bool | None) -> None:
    """Extract entities and relations, one JSON line per article, in the gold format.

    \b
    Each line: {"doc": file name, "entities": [{text, type, canonical, wikidata}],
    "relations": [{type, args, sentence, modality}]} -- the shape of
    tests/data/seeds_gold.jsonl, so the output can be scored (`kg eval`) or diffed against it.
    Relation types: accuses, supplies, warns, meets, visits, sanctions, denies, role;
    modalities: asserted, alleged, planned, potential, denied. Canonical names are English.

    \b
    Examples:
      kg extract seeds/ --jsonl build/seeds.jsonl
      kg extract article.txt                       # to stdout
    """
    import json
    import sys

    from kg.extract import to_record
    from kg.pipeline import process

    show = sys.stderr.isatty() if progress is None else progress
    n_articles = n_relations = 0
    stream = click.open_file(out, "w", encoding="utf-8")
    try:
        for ex in process(paths, batch_size=batch_size, progress=show):
            rec = to_record(ex)
            stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n_articles += 1
            n_relations += len(rec["relations"])
    finally:
        if out != "-":
            stream.close()
    if n_articles == 0:
        raise click.ClickException("no article could be read from the given paths")
    if out != "-":
        click.echo(f"wrote {n_articles} article(s), {n_relations} relation(s) to {out}", err=True)


@cli.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold JSONL (the format `kg extract` writes), e.g. tests/data/seeds_gold.jsonl.")
@click.option("--errors", is_flag=True, help="Also list every missed, spurious and wrong-modality item.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@_models_errors
def eval_cmd(paths: tuple[Path, ...], gold_path: Path, errors: bool, progress: bool | None) -> None:
    """Score relation and entity extraction against gold annotations.

    \b
    Runs extraction on PATHS (files or folders; articles are matched to gold lines by file name)
    and prints precision, recall and F1 per relation type and per entity type. Relations match on
    type and canonical arguments (case-insensitive; roles ignore the title; supplies compare the
    weapon by its head concept); modality is reported separately as accuracy over matched
    relations. The last line is `relations micro-F1 0.xxx`.

    \b
    Example:
      kg eval --gold tests/data/seeds_gold.jsonl seeds/ --errors
    """
    import sys

    from kg.eval.relations import evaluate

    show = sys.stderr.isatty() if progress is None else progress
    try:
        report = evaluate(gold_path, paths, progress=show)
    except ValueError as exc:  # a malformed gold file
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(2) from None
    click.echo(report.format(errors=errors))


# --- train / eval-ner (kg.train, kg.evaluate) ---------------------------------------------


@cli.group()
def train() -> None:
    """Train the Indonesian Stanza models shipped in kg/models/id (needs `pip install -e .[train]`).

    \b
    Reads the corpora staged in ../shared/data (see each SOURCE.md). On 2 CPU cores:
      kg train all        about 60-90 min (vectors ~2, tokenizer ~5, NER ~50-80)
    The held-out idner-news-2k test file is never trained or tuned on.
    """


@train.command("all")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("../shared/data"),
              show_default=True, help="Folder of staged corpora.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("kg/models/id"),
              show_default=True, help="Where the packaged model files and MODEL_CARD.md go.")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default=Path("build/train"),
              show_default=True, help="Scratch folder for prepared data, logs and checkpoints.")
@click.option("--ner-steps", type=int, default=TRAIN_DEFAULTS.ner_steps, show_default=True)
@click.option("--tokenizer-steps", type=int, default=TRAIN_DEFAULTS.tokenizer_steps, show_default=True)
@click.option("--mix", type=click.Choice(sorted(MIXES)), default=TRAIN_DEFAULTS.mix, show_default=True,
              help="NER training corpora: cased corpora only, or with re-cased NERP.")
@click.option("--pretrain/--no-pretrain", default=TRAIN_DEFAULTS.pretrain, show_default=True,
              help="Use our own word2vec vectors as a Stanza Pretrain.")
@click.option("--seed", type=int, default=TRAIN_DEFAULTS.seed, show_default=True)
def train_all_cmd(data: Path, out: Path, work: Path, ner_steps: int, tokenizer_steps: int, mix: str,
                  pretrain: bool, seed: int) -> None:
    """Prepare data, train vectors, tokenizer and NER, score them and package them with a model card."""
    from kg.train.run import TrainConfig, train_all

    cfg = TrainConfig(data=data, work=work, out=out, seed=seed, tokenizer_steps=tokenizer_steps,
                      ner_steps=ner_steps, mix=mix, pretrain=pretrain)
    scores = train_all(cfg)
    click.echo(f"models written to {out} (see {out / 'MODEL_CARD.md'})")
    click.echo(f"ner test micro-F1 {scores['ner_test']['micro']:.3f}")


@cli.command("eval-ner")
@click.argument("conll_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--models", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Model folder (default: the shipped kg/models/id).")
def eval_ner_cmd(conll_file: Path, models: Path | None) -> None:
    """Score the NER model on a CoNLL file (token first, tag last; IOB tags in any of the staged label sets).

    Prints per-class precision/recall/F1; the last line is `ner micro-F1 0.xxx`.
    """
    from kg.eval.ner import eval_ner

    try:
        report = eval_ner(conll_file, models)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(report.format())


if __name__ == "__main__":  # pragma: no cover
    cli()
