"""``kg build``: article files → the store (:func:`kg.pipeline.build`)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import BUILD_EXIT_CODES, Workers, fail, handle_errors, progress_option, show_progress, store_option


@click.command(epilog=BUILD_EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@store_option
@click.option("--batch-size", type=click.IntRange(min=1), default=8, show_default=True,
              help="Articles per Stanza call (bigger is faster, uses more memory).")
@click.option("--force", is_flag=True, help="Re-extract articles that are already in the store.")
@click.option("--any-language", is_flag=True,
              help="Build text that does not look Indonesian (skipped otherwise; the models are Indonesian).")
@click.option("--strict", is_flag=True, help="Exit with code 4 when any file was skipped or failed.")
@click.option("--prune", is_flag=True,
              help="Afterwards drop the articles whose every file under PATHS was deleted (listed as "
                   "`pruned`); what cannot be read is never dropped.")
@click.option("--workers", type=Workers(), default="auto", show_default=True,
              help="Extraction processes on this machine (writing stays in this one). auto: one per "
                   "core when there are enough articles to repay starting them (64 each), else 1 (this "
                   "process).")
@click.option("--dask", metavar="ADDR", help="Extract on a Dask cluster, e.g. tcp://10.0.0.5:8786.")
@click.option("--year", type=click.IntRange(1900, 2100), default=None,
              help="Year of dates an article gives without one ('Jumat (10/2)') when its text names none "
                   "that fits; a sidecar ARTICLE.meta.json may give title, outlet and date.")
@progress_option
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary, not one line per file.")
@handle_errors
def build(paths: tuple[Path, ...], store_location: str, batch_size: int, force: bool, any_language: bool,
          strict: bool, prune: bool, workers: int | str, dask: str | None, year: int | None, progress: bool | None,
          quiet: bool) -> None:
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
    if dask is None and workers != "auto" and workers > 1:
        from kg.parallel import start_server

        start_server()  # first: the workers' models load while this process imports the pipeline (0.2 s)
    from kg.pipeline import build as run_build

    report = run_build(list(paths), store_location, workers=None if workers == "auto" else workers,
                       dask=dask, force=force, any_language=any_language, progress=show_progress(progress),
                       batch_size=batch_size, prune=prune, year=year)
    if lines := report.status_table() + "\n" if not quiet else report.problem_lines():
        click.echo(lines, err=quiet)
    click.echo(report.summary())
    if report.failed:
        fail("no article could be built; see the status and detail columns above")
    if strict and report.problems:
        fail(f"--strict: {len(report.problems)} of {len(report.files)} files skipped or failed", 4)
