"""The ``kg`` command line. Only parses options and delegates to library functions.

Exit codes: 0 success; 1 nothing could be built / runtime failure; 2 bad usage or bad query;
3 store locked by another process.
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

@cli.command()
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default="build/store",
              show_default=True, help="Store folder to serve (written by `kg build`).")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the store to the network.")
@click.option("--writable", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes (default: read-only).")
@click.option("--cors", is_flag=True, help="Allow browser pages from other origins to query it.")
def serve(store_dir: Path, port: int, host: str, writable: bool, cors: bool) -> None:
    """Serve a store over HTTP with the Oxigraph SPARQL server (Ctrl-C stops it).

    \b
    Endpoints: /query (SPARQL 1.1 Query), /update and /store (Update, Graph Store Protocol; only
    with --writable), and a query editor at /. Article graphs are queried as one default graph.
    A writable server needs the store to itself; a read-only one must not run while `kg build`
    writes the same folder (build into a --writable server by URL instead).

    \b
    Examples:
      kg serve                                        # build/store on http://127.0.0.1:7878/
      kg query --store http://127.0.0.1:7878/ --named accusations
      kg serve --store build/team --writable --port 8000
      kg build articles/ --store http://127.0.0.1:8000/
    """
    from kg.server import ServerError
    from kg.server import serve as run_server
    from kg.store import StoreLocked

    try:
        code = run_server(store_dir, host=host, port=port, writable=writable, cors=cors,
                          echo=lambda line: click.echo(line, err=line.startswith("warning")))
    except (ServerError, StoreLocked) as exc:
        if isinstance(exc, StoreLocked) or "open in another process" in str(exc):
            click.echo(f"Error: {exc}", err=True)
            raise SystemExit(3) from exc
        raise click.ClickException(str(exc)) from exc
    raise SystemExit(code if code and code > 0 else 0)


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
    from kg.render import render_html

    if "://" not in store_location and not Path(store_location).is_dir():
        raise click.ClickException(
            f"no store at {store_location}: build one first, e.g. `kg build seeds/ --store {store_location}`"
        )
    try:
        graph = to_networkx(store_location)
    except Exception as exc:  # the store's own error types live in kg.store / kg.remote
        if "lock" in f"{type(exc).__name__} {exc}".lower():
            click.echo(f"Error: store {store_location} is locked by another process: {exc}", err=True)
            raise SystemExit(3) from exc
        raise click.ClickException(f"cannot read store {store_location}: {exc}") from exc
    if graph.number_of_nodes() == 0:
        click.echo(f"warning: store {store_location} holds no entities; the page will be empty", err=True)
    try:
        out = render_html(graph, out_path, focus=focus, max_nodes=max_nodes, radius=radius, title=title)
    except EntityNotFound as exc:
        raise click.BadParameter(str(exc), param_hint="--focus") from exc
    click.echo(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): open it in a browser, no network needed")

# --- extract / eval (kg.extract, kg.evaluate) ---------------------------------------------

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
    from kg.nlp_eval import eval_ner

    try:
        report = eval_ner(conll_file, models)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(report.format())


if __name__ == "__main__":  # pragma: no cover
    cli()
