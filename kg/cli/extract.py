"""``kg extract``, ``kg eval``, ``kg eval-ner``, ``kg eval-tok``: relations as gold-format JSONL, and the scores of
relations, the NER model and the tokenizers (:mod:`kg.eval`)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import fail, handle_errors, progress_option, show_progress


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--jsonl", "out", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              metavar="OUT", help="Where to write one JSON line per article ('-' = stdout).")
@click.option("--batch-size", type=click.IntRange(min=1), default=8, show_default=True,
              help="Articles per Stanza call.")
@progress_option
@handle_errors
def extract_cmd(paths: tuple[Path, ...], out: str, batch_size: int, progress: bool | None) -> None:
    """Extract entities and relations, one JSON line per article, in the gold format.

    \b
    Each line: {"doc": file name, "entities": [{text, type, canonical, wikidata}],
    "relations": [{type, args, sentence, modality}]} -- the shape of
    tests/data/seeds_gold.jsonl, so the output can be scored (`kg eval`) or diffed against it.
    Relation types: accuses, supplies, warns, meets, visits, sanctions, denies, role;
    modalities: asserted, alleged, planned, potential, denied. Canonical names are English;
    a person is named as the article writes the full name ("Volodymyr Zelensky"), by the
    reference spelling where the two differ only by accents or periods ("Recep Tayyip
    Erdoğan" for "Erdogan"), or always by the reference spelling ("Volodymyr Zelenskyy") with
    KG_PERSON_NAMES=reference. The graph that `kg build` writes labels each entity by the
    reference name either way.

    \b
    Examples:
      kg extract seeds/ --jsonl build/seeds.jsonl
      kg extract article.txt                       # to stdout
    """
    from kg.eval.relations import write_jsonl
    from kg.pipeline import process

    with click.open_file(out, "w", encoding="utf-8") as stream:
        n_articles, n_relations = write_jsonl(process(paths, batch_size=batch_size, progress=show_progress(progress)),
                                              stream)
    if n_articles == 0:
        fail("no article could be read from the given paths")
    if out != "-":
        click.echo(f"wrote {n_articles} article(s), {n_relations} relation(s) to {out}", err=True)


@click.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, path_type=Path),
              help="Gold JSONL (the format `kg extract` writes), e.g. tests/data/seeds_gold.jsonl, or a folder whose "
                   "*.jsonl files together make the gold (one file per batch), e.g. tests/data/pages/gold/.")
@click.option("--errors", is_flag=True, help="Also list every missed, spurious and wrong-modality item.")
@click.option("--evidence", is_flag=True,
              help="With the errors, the evidence of each missed or spurious relation: the gold's sentence for a "
                   "missed one, the extraction's for a spurious one (implies --errors).")
@click.option("--by-kind", is_flag=True,
              help="Also score the relations of the articles of each phenomenon tag (the gold lines' \"tags\").")
@progress_option
@handle_errors
def eval_cmd(paths: tuple[Path, ...], gold_path: Path, errors: bool, evidence: bool, by_kind: bool,
             progress: bool | None) -> None:
    """Score relation and entity extraction against gold annotations.

    \b
    Runs extraction on PATHS (files or folders; articles are matched to gold lines by file name)
    and prints precision, recall and F1 per relation type and per entity type. Relations match on
    type and canonical arguments (case-insensitive; roles ignore the title; supplies compare the
    weapon by its head concept); modality is reported separately as accuracy over matched
    relations. The last line is `relations micro-F1 0.xxx`. Persons are named as `kg extract`
    names them: set KG_PERSON_NAMES=reference for gold that spells names as English Wikipedia does.

    \b
    Examples:
      kg eval --gold tests/data/seeds_gold.jsonl seeds/ --errors
      kg eval --gold tests/data/dev/dev/gold.jsonl tests/data/dev/dev/ --by-kind
      kg eval --gold tests/data/dev/dev/gold.jsonl tests/data/dev/dev/ --evidence | grep -A1 "FN .*supplies"
      kg eval --gold tests/data/pages/gold/ tests/data/pages/
    """
    from kg.eval.relations import evaluate

    try:
        report = evaluate(gold_path, paths, progress=show_progress(progress))
    except ValueError as exc:  # a malformed gold file
        fail(exc, 2)
    click.echo(report.format(errors=errors or evidence, by_kind=by_kind, evidence=evidence))
    if report.failed:  # scored as if they had no relations: the figures above are not to be trusted
        for name, why in report.failed:
            click.echo(f"error: {name}: extraction failed: {why}", err=True)
        fail(f"{len(report.failed)} article(s) failed to extract; the scores count them as empty", 1)


@click.command("eval-ner")
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


@click.command("eval-tok")
@click.argument("conllu_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--tokenizer", "which", type=click.Choice(["rules", "stanza", "both"]), default="both", show_default=True,
              help="The rule tokenizer (kg.tokenize), the shipped neural one, or both.")
def eval_tok_cmd(conllu_file: Path, which: str) -> None:
    """Score tokenizers on a CoNLL-U file (its `# text =` lines): token and sentence F1 over character spans.

    \b
    Example:
      kg eval-tok ../shared/data/ud-id/id_gsd-ud-test.conllu
    """
    from kg.eval.ner import eval_tokenizer

    for name in (["rules", "stanza"] if which == "both" else [which]):
        r = eval_tokenizer(conllu_file, tokenizer=name)
        click.echo(f"{name:<7} token F1 {r['token_f1']:.4f}  sentence F1 {r['sentence_f1']:.4f}  "
                   f"({r['pred_sentences']} predicted vs {r['gold_sentences']} gold sentences)")
