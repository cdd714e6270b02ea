"""NLP throughput: tokenize + NER tokens/s with N torch threads, the share of pipeline time that
resolution + relation extraction take after NER, and the first batch against the rest.

Runs as its own process (``python -m bench.nlp CORPUS... --threads 2 --tokenizer rules --json OUT``) so
the torch thread and tokenizer settings and the memory figures belong to this measurement only.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.measure import report


def measure(corpus: Path | list[Path], *, threads: int = 2, batch_size: int = 8, limit: int | None = None,
            tokenizer: str | None = None, warm: bool = True) -> dict:
    """``tokenizer``: "rules" or "stanza" (default: KG_TOKENIZER). ``warm``: load every model and run one
    short text first, as a worker does before its first batch (kg.parallel.warm_up)."""
    import torch

    torch.set_num_threads(threads)
    from kg import extract as extraction
    from kg import nlp
    from kg.ingest import iter_paths, read_article
    from kg.parallel import warm_up

    name = tokenizer or nlp.tokenizer_name()
    t0 = time.perf_counter()
    nlp.pipeline(name)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    if warm:
        import os

        os.environ["KG_TOKENIZER"] = name
        warm_up()
    warm_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    corpora = corpus if isinstance(corpus, list) else [corpus]
    articles = [read_article(p) for p in iter_paths(corpora)][:limit]
    ingest = time.perf_counter() - t0

    analyse_s = extract_s = analyse_cpu = extract_cpu = 0.0
    tokens = sentences = mentions = relations = 0
    per_batch: list[tuple[int, float]] = []  # (tokens, seconds of NLP + extraction)
    for i in range(0, len(articles), batch_size):
        batch = articles[i:i + batch_size]
        t0, c0 = time.perf_counter(), time.process_time()
        docs = nlp.analyse(batch, name)
        t1, c1 = time.perf_counter(), time.process_time()
        exs = [extraction.extract(d) for d in docs]
        t2, c2 = time.perf_counter(), time.process_time()
        analyse_s += t1 - t0
        extract_s += t2 - t1
        analyse_cpu += c1 - c0
        extract_cpu += c2 - c1
        n = sum(len(s.tokens) for d in docs for s in d.sentences)
        per_batch.append((n, c2 - c0))
        for d, ex in zip(docs, exs, strict=True):
            tokens += sum(len(s.tokens) for s in d.sentences)
            sentences += len(d.sentences)
            mentions += len(d.mentions)
            relations += len(ex.relations)
    again = None
    if articles:  # the first batch once more, now that everything has run: what being first cost it
        c0 = time.process_time()
        [extraction.extract(d) for d in nlp.analyse(articles[:batch_size], name)]
        again = time.process_time() - c0
    pipeline_s = ingest + analyse_s + extract_s
    rest = per_batch[1:]
    first_rate = per_batch[0][0] / per_batch[0][1] if per_batch and per_batch[0][1] else None
    rest_rate = sum(n for n, _ in rest) / sum(t for _, t in rest) if rest and sum(t for _, t in rest) else None
    return {
        "tokenizer": name, "threads": threads, "batch_size": batch_size, "articles": len(articles), "tokens": tokens,
        "sentences": sentences, "mentions": mentions, "relations": relations,
        "model_load_seconds": load, "warm_up_seconds": warm_s, "ingest_seconds": ingest, "nlp_seconds": analyse_s,
        "extract_seconds": extract_s,
        "nlp_tokens_per_s": tokens / analyse_s if analyse_s else None,
        "pipeline_tokens_per_s": tokens / pipeline_s if pipeline_s else None,
        "extract_share": extract_s / pipeline_s if pipeline_s else None,
        # CPU seconds of this process: steadier than wall time on a machine shared with other work
        # (with one torch thread they are the time the work itself took)
        "nlp_cpu_seconds": analyse_cpu, "extract_cpu_seconds": extract_cpu,
        "cpu_nlp_tokens_per_s": tokens / analyse_cpu if analyse_cpu else None,
        "cpu_pipeline_tokens_per_s": tokens / (analyse_cpu + extract_cpu) if analyse_cpu + extract_cpu else None,
        "cpu_extract_share": extract_cpu / (analyse_cpu + extract_cpu) if analyse_cpu + extract_cpu else None,
        "first_batch_tokens_per_s": first_rate, "rest_tokens_per_s": rest_rate,  # CPU time
        "first_batch_vs_rest": first_rate / rest_rate if first_rate and rest_rate else None,
        "first_batch_seconds": per_batch[0][1] if per_batch else None, "first_batch_again_seconds": again,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, nargs="+")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--tokenizer", choices=["rules", "stanza"], help="default: KG_TOKENIZER")
    ap.add_argument("--cold", action="store_true", help="no warm-up before the first batch")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    result = measure(list(args.corpus), threads=args.threads, batch_size=args.batch_size, limit=args.limit,
                     tokenizer=args.tokenizer, warm=not args.cold)
    report(result, args.json)


if __name__ == "__main__":
    main()
