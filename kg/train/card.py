"""MODEL_CARD.md for the shipped models: data and licences, command, scores per class, sizes, sha256."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from kg.eval.ner import eval_ner, eval_tokenizer

DATA_ROWS = [
    ("idner-news-2k", "github.com/khairunnisaor/idner-news-2k (Khairunnisa et al. 2020)", "MIT",
     "train → NER training; dev → model selection; test → held-out score only"),
    ("NERGRIT", "IndoNLU, dataset/nergrit_ner-grit", "Apache-2.0", "all splits → NER training"),
    ("NERP", "IndoNLU, dataset/nerp_ner-prosa (Prosa.ai)", "Apache-2.0",
     "train+valid, re-cased → NER training (mix `cased+nerp`)"),
    ("UD Indonesian-CSUI", "UniversalDependencies/UD_Indonesian-CSUI", "CC BY-SA 4.0",
     "train → tokenizer training; test → tokenizer model selection"),
    ("UD Indonesian-GSD", "UniversalDependencies/UD_Indonesian-GSD", "CC BY-SA 4.0",
     "dev → tokenizer training; test → held-out tokenizer score"),
]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_model_card(out: Path, data: Path, work: Path, *, train_seconds: float, command: str,
                     extra: dict | None = None) -> dict:
    """Score the packaged models and write ``out/MODEL_CARD.md`` and ``out/scores.json``."""
    work_ner = work / "ner"
    dev = eval_ner(work_ner / "idner-dev.conll", out, precision="fp32")
    test = eval_ner(data / "idner-news-2k" / "test.txt", out, precision="fp32")
    test_bf16 = eval_ner(data / "idner-news-2k" / "test.txt", out, precision="bf16")
    tok = eval_tokenizer(data / "ud-id" / "id_gsd-ud-test.conllu", out)
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    files = sorted(p for p in out.iterdir() if p.is_file() and p.suffix in {".pt", ".json"} and p.name != "scores.json")
    scores = {
        "ner_dev": {c: round(s.f1, 4) for c, s in dev.by_class.items()} | {"micro": round(dev.micro.f1, 4)},
        "ner_test": {c: round(s.f1, 4) for c, s in test.by_class.items()} | {"micro": round(test.micro.f1, 4)},
        "ner_test_bf16_micro": round(test_bf16.micro.f1, 4),
        "tokenizer_gsd_test": {k: round(v, 4) if isinstance(v, float) else v for k, v in tok.items()},
        "train_seconds": round(train_seconds),
        **(extra or {}),
    }
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")

    def table(report) -> str:
        rows = ["| class | P | R | F1 | gold spans |", "|---|---|---|---|---|"]
        for c, s in sorted(report.by_class.items()):
            rows.append(f"| {c} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp + s.fn} |")
        m = report.micro
        rows.append(f"| **micro** | {m.precision:.3f} | {m.recall:.3f} | **{m.f1:.3f}** | {m.tp + m.fn} |")
        return "\n".join(rows)

    size = sum(p.stat().st_size for p in files)
    lines = [
        "# Indonesian Stanza models shipped with kg",
        "",
        "Stanza 1.15 tokenizer (with sentence splitting) and NER tagger (PER / ORG / LOC) for Indonesian,",
        "trained here with Stanza's own training code, because Stanza publishes no Indonesian NER model and",
        "no machine of ours reaches a model hub. Loaded offline by `kg.nlp` (`download_method=None`).",
        "",
        f"Reproduce: `{command}` (fixed seed {config.get('seed')}, CPU; took {train_seconds / 60:.0f} min on 2 cores).",
        "",
        "## Training data and licences",
        "| corpus | origin | licence | used for |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in DATA_ROWS],
        "",
        "Labels mapped to one scheme: PER = PER/PERSON/PPL, ORG = ORG/ORGANISATION/IND, LOC = LOC/PLACE/PLC;",
        "NERP's EVT and FNB become O. NERP is lower-cased: it is re-cased before mixing (sentence-initial",
        "token, entity tokens and day/month names capitalised; short organisation acronyms upper-cased).",
        f"NER training mix: `{config.get('ner_mix')}`; word vectors: "
        + ("our own word2vec (100-d, lower-cased, skip-gram) on all staged raw text except the held-out test "
           "file, as a Stanza Pretrain (`pretrain.pt`, which the NER model must be loaded with)."
           if config.get("pretrain") else "none (`--no_pretrain`)."),
        "",
        "## Scores",
        "NER on idner-news-2k **test** (held out, never trained or tuned on; exact span + type):",
        "",
        table(test),
        "",
        f"The same in bfloat16 (`KG_NER_PRECISION=bf16`, opt-in): micro-F1 {test_bf16.micro.f1:.3f} "
        "(`python -m bench.ner` for speed and span agreement).",
        "",
        "NER on idner-news-2k dev (model selection):",
        "",
        table(dev),
        "",
        f"Tokenizer on UD Indonesian-GSD test (held out): token F1 **{tok['token_f1']:.3f}**, sentence F1 "
        f"**{tok['sentence_f1']:.3f}** ({tok['pred_sentences']} predicted vs {tok['gold_sentences']} gold sentences; "
        "about 8% of GSD's gold sentences hold two orthographic sentences, which caps sentence F1).",
        "",
        *[f"- {k}: {v}" for k, v in (extra or {}).items()],
        "",
        "## Files",
        "| file | bytes | sha256 |",
        "|---|---|---|",
        *[f"| {p.name} | {p.stat().st_size} | `{sha256(p)}` |" for p in files],
        f"| **total** | {size} ({size / 1e6:.1f} MB) | |",
        "",
        "## Limits",
        "- Trained on ~11k sentences of general Indonesian news and wiki text; foreign names in",
        "  international news are its weak spot, which `kg.resolve` backs with the gazetteer",
        "  `ontology/entities.ttl`. Weapons are not an NER class: `ontology/weapons.ttl` supplies them.",
        f"- Card written {time.strftime('%Y-%m-%d')}.",
        "",
    ]
    (out / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
    return scores
