"""``kg train``: reproducible training of the shipped Stanza models (:mod:`kg.train`)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.train.prepare import MIXES
from kg.train.run import TrainConfig

TRAIN_DEFAULTS = TrainConfig()

@click.group()
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
