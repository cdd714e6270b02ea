"""NLP throughput: tokenize + NER tokens/s with N torch threads, and the share of pipeline time that
resolution + relation extraction take after NER.

Runs as its own process (``python -m bench.nlp CORPUS --threads 2 --json OUT``) so the torch thread
setting and the memory figures belong to this measurement only.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def measure(corpus: Path, *, threads: int = 2, batch_size: int = 8, limit: int | None = None) -> dict:
    import torch

    torch.set_num_threads(threads)
    from kg import extract as extraction
    from kg import nlp
    from kg.ingest import iter_paths, read_article

    t0 = time.perf_counter()
    nlp.pipeline()
    load = time.perf_counter() - t0

    t0 = time.perf_counter()
    articles = [read_article(p) for p in iter_paths([corpus])][:limit]
    ingest = time.perf_counter() - t0

    analyse_s = extract_s = 0.0
    tokens = sentences = mentions = relations = 0
    for i in range(0, len(articles), batch_size):
        batch = articles[i:i + batch_size]
        t0 = time.perf_counter()
        docs = nlp.analyse(batch)
        analyse_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        exs = [extraction.extract(d) for d in docs]
        extract_s += time.perf_counter() - t0
        for d, ex in zip(docs, exs, strict=True):
            tokens += sum(len(s.tokens) for s in d.sentences)
            sentences += len(d.sentences)
            mentions += len(d.mentions)
            relations += len(ex.relations)
    pipeline_s = ingest + analyse_s + extract_s
    return {
        "threads": threads, "batch_size": batch_size, "articles": len(articles), "tokens": tokens,
        "sentences": sentences, "mentions": mentions, "relations": relations,
        "model_load_seconds": load, "ingest_seconds": ingest, "nlp_seconds": analyse_s,
        "extract_seconds": extract_s,
        "nlp_tokens_per_s": tokens / analyse_s if analyse_s else None,
        "pipeline_tokens_per_s": tokens / pipeline_s if pipeline_s else None,
        "extract_share": extract_s / pipeline_s if pipeline_s else None,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    result = measure(args.corpus, threads=args.threads, batch_size=args.batch_size, limit=args.limit)
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
