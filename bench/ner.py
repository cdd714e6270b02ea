"""NER cost on real articles: sentence order and batch size, bfloat16 and int8, first batch vs rest.

    python -m bench.ner [DIRS ...] [--threads 1] [--rounds 3] [--json OUT]

The sentences are the rule tokenizer's over real articles (default: seeds/, tests/data/dev/,
tests/data/heldout/). Every configuration runs in this one process, alternating round by round, and
is timed in CPU seconds of this process (one torch thread), so the ratios hold on a busy machine.
Reported:

- tokens/s of the tagger (kg.ner) with the sentences in document order vs sorted by length, at
  several mini-batch sizes, and of Stanza's own pre-tokenized pipeline call (the path kg.ner replaces);
- bfloat16 (``KG_NER_PRECISION``, torch's CPU autocast) and int8 dynamic quantization of the LSTMs and linear
  layers: speed, the share of entity spans that stay the same on these articles, NER F1 on idner-news-2k test
  (gold tokens; must stay >= 0.91), and the share of sentences tagged the same in mini-batches of 64 and of 17
  (int8 quantizes each mini-batch with its own scale, so a sentence's tags depend on its neighbours);
- the first call after the models load vs the calls after it (a worker's start-up).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bench.measure import report
from kg import ROOT

DIRS = [ROOT / "seeds", ROOT / "tests/data/dev/dev", ROOT / "tests/data/dev/check", ROOT / "tests/data/heldout"]
IDNER_TEST = ROOT.parent / "shared" / "data" / "idner-news-2k" / "test.txt"


def sentences(dirs: list[Path]) -> list[list[str]]:
    from kg.ingest import load
    from kg.tokenize import tokenizer

    out = []
    for d in dirs:
        for p in sorted(d.iterdir()):
            if p.suffix in (".txt", ".html") and (a := load(p).article) is not None:
                out += [[a.text[s:e] for s, e in sent] for sent in tokenizer().tokenize(a.text)]
    return out


def quantized(tagger):  # noqa: ANN001, ANN201 - kg.ner.Tagger
    """A copy of ``tagger`` whose model has int8 dynamic quantization of its LSTMs and linear layers."""
    import copy

    import torch

    q = copy.copy(tagger)
    q.trainer = copy.copy(tagger.trainer)
    q.trainer.model = torch.ao.quantization.quantize_dynamic(copy.deepcopy(tagger.trainer.model),
                                                             {torch.nn.LSTM, torch.nn.Linear}, dtype=torch.qint8)
    return q


def ner_f1(tagger, path: Path) -> float | None:  # noqa: ANN001
    """Micro F1 (exact span and type) of ``tagger`` on a CoNLL file's gold tokens."""
    if not path.exists():
        return None
    from kg.eval.conll import fix_iob, map_tag, read_columns
    from kg.eval.ner import spans

    gold = [fix_iob([(tok, map_tag(tag)) for tok, tag in sent]) for sent in read_columns(path)]
    pred = tagger.tag([[tok for tok, _ in sent] for sent in gold])
    tp = fp = fn = 0
    for gsent, ents in zip(gold, pred, strict=True):
        g = {s for s in spans(tag for _, tag in gsent) if s[2] in ("PER", "ORG", "LOC")}
        p = {e for e in ents if e[2] in ("PER", "ORG", "LOC")}
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def measure(dirs: list[Path], *, threads: int = 1, rounds: int = 3, sizes=(16, 32, 64, 128)) -> dict:
    import torch

    torch.set_num_threads(threads)
    from kg import nlp
    from kg.ner import Tagger

    t0 = time.process_time()
    pipe = nlp.pipeline("rules")
    load_s = time.process_time() - t0
    sents = sentences(dirs)
    tokens = sum(len(s) for s in sents)
    base = Tagger(pipe, batch_size=64)
    # first call after loading vs the same call again (a worker's first batch)
    first_batch = sents[:200]
    t0 = time.process_time()
    base.tag(first_batch)
    first_s = time.process_time() - t0
    t0 = time.process_time()
    base.tag(first_batch)
    second_s = time.process_time() - t0

    q = quantized(base)
    configs = {}
    for n in sizes:
        configs[f"sorted, batch {n}"] = lambda n=n: Tagger(pipe, batch_size=n, sort=True).tag(sents)
        configs[f"document order, batch {n}"] = lambda n=n: Tagger(pipe, batch_size=n, sort=False).tag(sents)
    configs["stanza pipeline call, batch 64"] = lambda: pipe(sents)
    configs["int8, sorted, batch 64"] = lambda: q.tag(sents)
    bf = Tagger(pipe, batch_size=64, precision="bf16")
    configs["bf16, sorted, batch 64"] = lambda: bf.tag(sents)
    times: dict[str, list[float]] = {k: [] for k in configs}
    for _ in range(rounds):
        for name, run in configs.items():
            t0 = time.process_time()
            run()
            times[name].append(time.process_time() - t0)
    rate = {k: tokens / statistics.median(v) for k, v in times.items()}

    plain, int8, bf16 = base.tag(sents), q.tag(sents), bf.tag(sents)
    same = sum(len(set(a) & set(b)) for a, b in zip(plain, int8, strict=True))
    total = sum(len(set(a) | set(b)) for a, b in zip(plain, int8, strict=True))
    same_bf = sum(len(set(a) & set(b)) for a, b in zip(plain, bf16, strict=True))
    total_bf = sum(len(set(a) | set(b)) for a, b in zip(plain, bf16, strict=True))

    def batch_invariance(tagger) -> float:  # noqa: ANN001
        """Share of sentences tagged alike in mini-batches of 64 and of 17."""
        a = tagger.tag(sents)
        tagger.batch_size = 17
        b = tagger.tag(sents)
        tagger.batch_size = 64
        return sum(x == y for x, y in zip(a, b, strict=True)) / len(sents)

    return {
        "threads": threads, "sentences": len(sents), "tokens": tokens, "rounds": rounds,
        "model_load_seconds": load_s,
        "first_call_seconds": first_s, "second_call_seconds": second_s,
        "tokens_per_s": rate,
        "speedup_sorted_vs_document_order_batch_64": rate["sorted, batch 64"] / rate["document order, batch 64"],
        "speedup_kg_ner_vs_stanza_call": rate["sorted, batch 64"] / rate["stanza pipeline call, batch 64"],
        "speedup_int8": rate["int8, sorted, batch 64"] / rate["sorted, batch 64"],
        "speedup_bf16": rate["bf16, sorted, batch 64"] / rate["sorted, batch 64"],
        "int8_spans_same": same, "int8_spans_union": total,
        "bf16_spans_same": same_bf, "bf16_spans_union": total_bf,
        "batch_invariance": {"fp32": batch_invariance(base), "bf16": batch_invariance(bf), "int8": batch_invariance(q)},
        "ner_f1_idner_test": ner_f1(base, IDNER_TEST), "ner_f1_idner_test_int8": ner_f1(q, IDNER_TEST),
        "ner_f1_idner_test_bf16": ner_f1(bf, IDNER_TEST),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=DIRS)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    result = measure(args.dirs, threads=args.threads, rounds=args.rounds)
    report(result, args.json)


if __name__ == "__main__":
    main()
