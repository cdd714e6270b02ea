"""One reproducible path from the staged corpora to the shipped model files.

``kg train all --out kg/models/id`` runs: prepare → word vectors → tokenizer → NER → score →
package (config.json, resources.json, MODEL_CARD.md with sha256 of every file). Each Stanza
trainer runs as a subprocess of Stanza's own training code, with a fixed seed; its log goes to
``<work>/logs`` and its progress to a bar.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from kg.train.prepare import MIXES, prepare_ner, prepare_ud

DEFAULT_DATA = Path("../shared/data")
RESOURCES_JSON = {"id": {"lang_name": "Indonesian", "packages": {}, "tokenize": {}, "ner": {},
                         "default_processors": {}}}


@dataclass
class TrainConfig:
    data: Path = DEFAULT_DATA
    work: Path = Path("build/train")
    out: Path = Path("kg/models/id")
    seed: int = 1234
    tokenizer_steps: int = 3000
    ner_steps: int = 6000
    mix: str = "cased"
    pretrain: bool = True  # our own word2vec vectors; False = --no_pretrain
    threads: int = 2
    results: dict = field(default_factory=dict)


def _env(threads: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads), PYTHONHASHSEED="0")
    return env


def _run(cmd: list[str], log: Path, total: int, desc: str, step_re: str, threads: int) -> None:
    """Run a Stanza trainer, teeing output to ``log`` and driving a progress bar from its step lines."""
    log.parent.mkdir(parents=True, exist_ok=True)
    pattern = re.compile(step_re)
    with open(log, "w", encoding="utf-8") as fh, tqdm(total=total, desc=desc, unit="step") as bar:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                env=_env(threads))
        assert proc.stdout is not None
        for line in proc.stdout:
            fh.write(line)
            m = pattern.search(line)
            if m:
                bar.update(int(m.group(1)) - bar.n)
        if proc.wait() != 0:
            raise RuntimeError(f"{desc} failed (exit {proc.returncode}); see {log}")


def prepare(cfg: TrainConfig) -> dict[str, Path]:
    """NER json/conll files and the tokenizer's txt/label files under ``cfg.work``."""
    paths = prepare_ner(cfg.data, cfg.work / "ner")
    ud = prepare_ud(cfg.data, cfg.work / "ud")
    tok = cfg.work / "tokenize"
    tok.mkdir(parents=True, exist_ok=True)
    env = _env(cfg.threads) | {"UDBASE": str(ud), "TOKENIZE_DATA_DIR": str(tok)}
    subprocess.run([sys.executable, "-m", "stanza.utils.datasets.prepare_tokenizer_treebank",
                    "UD_Indonesian-GSD"], check=True, env=env, stdout=subprocess.DEVNULL)
    # UD text files are wrapped at ~80 columns; a newline inside a paragraph is just a space in
    # news text (ingest puts one paragraph per line), so unwrap them or the model learns
    # "newline + capital = sentence end". Same length, so the label files stay aligned.
    for split in ("train", "dev", "test"):
        p = tok / f"id_gsd.{split}.txt"
        text = p.read_text(encoding="utf-8")
        p.write_text(re.sub(r"(?<!\n)\n(?!\n)", " ", text), encoding="utf-8")
    return paths


def train_tokenizer(cfg: TrainConfig) -> Path:
    tok = cfg.work / "tokenize"
    save = cfg.work / "models"
    cmd = [sys.executable, "-m", "stanza.models.tokenizer", "--mode", "train", "--lang", "id",
           "--shorthand", "id_gsd",
           "--txt_file", str(tok / "id_gsd.train.txt"), "--label_file", str(tok / "id_gsd-ud-train.toklabels"),
           "--mwt_json_file", str(tok / "id_gsd-ud-train-mwt.json"),
           "--dev_txt_file", str(tok / "id_gsd.dev.txt"), "--dev_label_file", str(tok / "id_gsd-ud-dev.toklabels"),
           "--dev_conll_gold", str(tok / "id_gsd.dev.gold.conllu"), "--conll_file", str(tok / "dev.pred.conllu"),
           "--steps", str(cfg.tokenizer_steps), "--seed", str(cfg.seed),
           "--save_dir", str(save), "--save_name", "tokenizer.pt"]
    _run(cmd, cfg.work / "logs/tokenizer.log", cfg.tokenizer_steps, "tokenizer", r"Step\s+(\d+)/", cfg.threads)
    return save / "tokenizer.pt"


def train_vectors_step(cfg: TrainConfig) -> Path:
    from kg.train.vectors import to_pretrain, train_vectors

    vec = train_vectors(cfg.data, cfg.work / "vectors", seed=cfg.seed)
    return to_pretrain(vec, cfg.work / "vectors" / "pretrain.pt")


def train_ner(cfg: TrainConfig, *, mix: str | None = None, pretrain: Path | None = None,
              steps: int | None = None, name: str = "ner.pt") -> Path:
    mix = mix or cfg.mix
    steps = steps or cfg.ner_steps
    save = cfg.work / "models"
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
           "--train_file", str(cfg.work / "ner" / f"train-{mix}.json"),
           "--eval_file", str(cfg.work / "ner" / "idner-dev.json"),
           "--shorthand", "id_kg", "--save_dir", str(save), "--save_name", name, "--device", "cpu",
           "--max_steps", str(steps), "--eval_interval", "500", "--log_step", "100", "--seed", str(cfg.seed)]
    cmd += ["--wordvec_pretrain_file", str(pretrain)] if pretrain else ["--no_pretrain"]
    _run(cmd, cfg.work / f"logs/{name}.log", steps, f"ner[{mix}]", r"step (\d+)/", cfg.threads)
    return save / name



def package(cfg: TrainConfig, tokenizer: Path, ner: Path, pretrain: Path | None) -> Path:
    """Copy the trained files into ``cfg.out`` with the config and resources Stanza needs offline."""
    cfg.out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tokenizer, cfg.out / "tokenizer.pt")
    shutil.copyfile(ner, cfg.out / "ner.pt")
    if pretrain:
        shutil.copyfile(pretrain, cfg.out / "pretrain.pt")
    elif (cfg.out / "pretrain.pt").exists():
        (cfg.out / "pretrain.pt").unlink()
    (cfg.out / "resources.json").write_text(json.dumps(RESOURCES_JSON) + "\n", encoding="utf-8")
    config = {"tokenizer": "tokenizer.pt", "ner": "ner.pt", "pretrain": "pretrain.pt" if pretrain else None,
              "ner_mix": cfg.mix, "seed": cfg.seed}
    (cfg.out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return cfg.out


def train_all(cfg: TrainConfig) -> dict:
    """The whole recipe. Returns the scores written into the model card."""
    t0 = time.time()
    prepare(cfg)
    pretrain = train_vectors_step(cfg) if cfg.pretrain else None
    tokenizer = train_tokenizer(cfg)
    ner = train_ner(cfg, pretrain=pretrain)
    out = package(cfg, tokenizer, ner, pretrain)
    from kg.train.card import write_model_card

    scores = write_model_card(out, cfg.data, cfg.work, train_seconds=time.time() - t0,
                              command=f"kg train all --out {cfg.out}")
    return scores


__all__ = ["MIXES", "TrainConfig", "train_all", "prepare", "train_tokenizer", "train_ner", "package"]
