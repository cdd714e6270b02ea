"""The ``kg`` command line: parses options, calls the library, prints. Nothing else lives here.

One module per command family, each a plain click command added to the group below:
:mod:`kg.cli.build` (build), :mod:`kg.cli.store` (query, export, validate, serve),
:mod:`kg.cli.render` (render), :mod:`kg.cli.extract` (extract, eval, eval-ner, eval-tok),
:mod:`kg.cli.train` (train); shared options and the error → exit code mapping are in
:mod:`kg.cli.options`.

Exit codes: 0 success; 1 nothing could be built / runtime failure; 2 bad usage or bad query;
3 store locked by another process; 4 `kg build --strict` skipped or lost a file.
"""

from __future__ import annotations

import click

from kg import __version__
from kg.cli.build import build
from kg.cli.extract import eval_cmd, eval_ner_cmd, eval_tok_cmd, extract_cmd
from kg.cli.render import render
from kg.cli.store import export, query, serve, stats, validate
from kg.cli.train import train


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


for _command in (build, query, stats, export, validate, serve, render, extract_cmd, eval_cmd, train, eval_ner_cmd,
                 eval_tok_cmd):
    cli.add_command(_command)

