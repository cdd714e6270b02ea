"""``kg render``: the store → one self-contained HTML page (:mod:`kg.graph`, :mod:`kg.render`)."""

from __future__ import annotations

import click

from kg.cli.options import EXIT_CODES, handle_errors, since_option, store_option, until_option


@click.command(epilog=EXIT_CODES)
@store_option
@click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True), default="build/graph.html",
              show_default=True, help="HTML file to write (one self-contained file, works offline).")
@click.option("--focus", metavar="ENTITY",
              help="Only this entity and its neighbours: an English or Indonesian name, a key or an IRI.")
@click.option("--radius", type=click.IntRange(1, 6), default=1, show_default=True,
              help="With --focus: how many hops of neighbours to keep.")
@click.option("--max-nodes", type=click.IntRange(min=1), metavar="N",
              help="Keep only the N best connected entities (by number of supporting articles).")
@click.option("--title", help="Page title (default: 'Knowledge graph of N news articles').")
@since_option
@until_option
@handle_errors
def render(store_location: str, out_path: str, focus: str | None, radius: int, max_nodes: int | None,
           title: str | None, since: str | None, until: str | None) -> None:
    """Write the graph as an interactive HTML page.

    \b
    Colour and shape by entity type, size by degree, edge width = number of articles, relation
    labels on zoom or hover; hover or click a node or edge for the evidence sentences, a source
    opens its article in the page with the sentence marked; filters by entity type, relation and
    date (entities left without relations hide); double-click a node to collapse or expand its
    neighbours; path from A to B; search; PNG download. From 1,000 nodes on, the layout is
    computed here and physics is off.

    \b
    Examples:
      kg render                                    # build/store -> build/graph.html
      kg render --focus "Korea Utara" --radius 2 --out build/nk.html
      kg render --max-nodes 300 --out build/top.html
    """
    from kg.graph import EntityNotFound, to_networkx
    from kg.render import LAYOUT_THRESHOLD, render_html

    if since or until:  # the articles published in the period only (kg.store.window)
        from kg.store import open_store
        from kg.store.window import window

        with open_store(store_location, read_only=True) as whole:
            graph = to_networkx(window(whole, since, until), evidence=True)
    else:
        graph = to_networkx(store_location, evidence=True)  # a missing store: StoreMissing, exit 2 (handle_errors)
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
