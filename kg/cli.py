"""The ``kg`` command line. Only parses options and delegates to library functions.

Exit codes: 0 success; 1 nothing could be built / runtime failure; 2 bad usage or bad query;
3 store locked by another process.
"""

from __future__ import annotations

import click

from kg import __version__


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

# --- render (kg.render, kg.graph) ----------------------------------------------------------

# --- extract / eval (kg.extract, kg.evaluate) ---------------------------------------------

# --- train / eval-ner (kg.train, kg.evaluate) ---------------------------------------------


if __name__ == "__main__":  # pragma: no cover
    cli()
