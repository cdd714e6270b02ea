"""Build benchmarks: ``kg build`` throughput on 1 and 2 workers, and builds over 1,000/10,000 articles.

Every build is the real command (``python -m kg.cli build``) in a child process, timed end to end
(model loading included) with the peak RSS of its whole process tree (workers included). The 1- and
2-worker builds must produce the same graph; the benchmark checks that their N-Quads are identical.

``python -m bench.pipeline storewrite --n 10000 --store DIR`` writes synthetic extractions (no NER)
through the same store API, to measure the writer alone at scale.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from bench.measure import mib, python, run_measured


def _build_cmd(corpus: Path, store: Path, workers: int, batch_size: int) -> list[str]:
    return python("-m", "kg.cli", "build", str(corpus), "--store", str(store), "--workers", str(workers),
                  "--batch-size", str(batch_size), "--no-progress", "-q")


def _nquads(store: Path) -> bytes:
    from kg.store import open_store

    with open_store(store, read_only=True) as s:
        return s.nquads().encode("utf-8")


def build_once(corpus: Path, workers: int, *, batch_size: int = 8, keep: Path | None = None,
               timeout: float | None = None, torch_threads: int | None = None) -> dict:
    """One measured ``kg build`` into a fresh store; returns seconds, peak RSS and counts.
    ``torch_threads``: pin torch's intra-op threads in the build process (OMP_NUM_THREADS)."""
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
    store = keep or tmp / "store"
    env = {"OMP_NUM_THREADS": str(torch_threads)} if torch_threads else None
    try:
        m = run_measured(_build_cmd(corpus, store, workers, batch_size), timeout=timeout, env=env)
        if m.returncode != 0:
            raise RuntimeError(f"kg build failed ({m.returncode}):\n{m.output[-3000:]}")
        n_files = sum(1 for p in corpus.iterdir() if p.suffix == ".txt")
        from kg.store import open_store

        with open_store(store, read_only=True) as s:
            quads = len(s)
        return {
            "workers": workers, "torch_threads": torch_threads, "articles": n_files, "seconds": m.seconds,
            "quads": quads,
            "articles_per_s": n_files / m.seconds, "peak_rss_mib": mib(m.peak_rss),
            "peak_rss_main_mib": mib(m.peak_rss_main), "store": str(store),
        }
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


#: (label, workers, torch threads in the build process): kg build's default (1 process, torch's
#: default threads), the same pinned to 1 torch thread, and 2 worker processes (1 thread each).
THROUGHPUT_CONFIGS = (("1 worker", 1, None), ("1 worker, 1 torch thread", 1, 1), ("2 workers", 2, None))


def throughput(corpus: Path, *, batch_size: int = 8, tokens: int | None = None, echo=print) -> dict:
    """Build the same corpus in each configuration; ratios against 1 worker, graphs compared.

    Each configuration is also timed on a one-batch corpus (the first ``batch_size`` files): that
    is its fixed cost (interpreter, models, store), so ``(N - batch) / (T_N - T_batch)`` is its
    steady-state rate, which no longer depends on how large the benchmark corpus is.
    """
    runs = []
    graphs: list[bytes] = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-tp-") as tmp:
        small = Path(tmp) / "one-batch"
        small.mkdir()
        for p in sorted(q for q in corpus.iterdir() if q.suffix == ".txt")[:batch_size]:
            shutil.copy(p, small / p.name)
        for i, (label, w, threads) in enumerate(THROUGHPUT_CONFIGS):
            store = Path(tmp) / f"store-{i}"
            fixed = build_once(small, w, batch_size=batch_size, torch_threads=threads)
            r = build_once(corpus, w, batch_size=batch_size, keep=store, torch_threads=threads)
            r["label"] = label
            r["fixed_seconds"] = fixed["seconds"]
            r["steady_articles_per_s"] = ((r["articles"] - fixed["articles"]) / (r["seconds"] - fixed["seconds"])
                                          if r["seconds"] > fixed["seconds"] else None)
            graphs.append(_nquads(store))
            if tokens:
                r["tokens_per_s"] = tokens / r["seconds"]
            runs.append(r)
            steady = r["steady_articles_per_s"]
            echo(f"  {label}: {r['articles_per_s']:.2f} articles/s"
                 + (f", {r['tokens_per_s']:,.0f} tokens/s" if tokens else "")
                 + f", peak RSS {r['peak_rss_mib']:,.0f} MiB; fixed cost {r['fixed_seconds']:.1f}s, "
                 + (f"steady state {steady:.2f} articles/s" if steady else "no steady-state figure"))
    for r, g in zip(runs, graphs, strict=True):
        r["speedup_vs_1_worker"] = runs[0]["seconds"] / r["seconds"]
        r["speedup_vs_1_worker_1_thread"] = runs[1]["seconds"] / r["seconds"]
        if r["steady_articles_per_s"] and runs[0]["steady_articles_per_s"] and runs[1]["steady_articles_per_s"]:
            r["steady_speedup_vs_1_worker"] = r["steady_articles_per_s"] / runs[0]["steady_articles_per_s"]
            r["steady_speedup_vs_1_worker_1_thread"] = r["steady_articles_per_s"] / runs[1]["steady_articles_per_s"]
        r["same_graph_as_1_worker"] = g == graphs[0]
        r.pop("store", None)
    return {"corpus": str(corpus), "tokens": tokens, "runs": runs}


def scale(sizes: tuple[int, ...], *, workers: int = 2, batch_size: int = 8, out: Path,
          echo=print) -> dict:
    """Generate the synthetic corpora and build each with ``workers`` processes."""
    from bench.corpus import generate

    rows = []
    for n in sizes:
        corpus = out / f"corpus-{n}"
        t0 = time.perf_counter()
        generate(n, corpus)
        gen = time.perf_counter() - t0
        echo(f"  corpus of {n:,} articles ready in {gen:.1f}s; building with {workers} worker(s)...")
        r = build_once(corpus, workers, batch_size=batch_size)
        r.pop("store", None)
        r["generate_seconds"] = gen
        rows.append(r)
        echo(f"  {n:,} articles: {r['seconds']:.0f}s, {r['articles_per_s']:.2f} articles/s, "
             f"{r['quads']:,} quads, peak RSS {r['peak_rss_mib']:,.0f} MiB")
    return {"workers": workers, "builds": rows}


def store_write(sizes: tuple[int, ...], *, echo=print) -> dict:
    """The store writer alone (synthetic extractions, no NER) at each size, in child processes: one
    transaction per article (``replace_article``) against the build's chunked bulk ingestion
    (:class:`kg.store.batch.ArticleWriter`), alternately, with the CPU time of each."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-sw-") as tmp:
        for n in sizes:
            for how in ("transaction", "chunked"):
                out = Path(tmp) / f"r{n}-{how}.json"
                m = run_measured(python("-m", "bench.pipeline", "storewrite", "--n", str(n), "--store",
                                        str(Path(tmp) / f"store-{n}-{how}"), "--json", str(out),
                                        *(["--chunked"] if how == "chunked" else [])))
                if m.returncode != 0:
                    raise RuntimeError(f"storewrite failed:\n{m.output[-3000:]}")
                r = json.loads(out.read_text()) | {"peak_rss_mib": mib(m.peak_rss)}
                rows.append(r)
                echo(f"  store writer ({how}), {n:,} articles: {r['quads']:,} quads, {r['articles_per_s']:.0f} "
                     f"articles/s, {r['cpu_seconds']:.2f} s CPU, peak RSS {r['peak_rss_mib']:,.0f} MiB")
            old, new = rows[-2], rows[-1]
            echo(f"  chunked vs transaction, {n:,} articles: {new['articles_per_s'] / old['articles_per_s']:.2f}x "
                 f"articles/s, CPU {new['cpu_seconds'] / old['cpu_seconds']:.2f}x")
    return {"runs": rows}


def _storewrite(n: int, store: Path, json_out: Path | None, *, chunked: bool = False) -> dict:
    import pyoxigraph as ox

    from bench.synth import synthetic_extractions
    from kg.rdf import article_iri, article_quads
    from kg.store import open_store
    from kg.store.batch import ArticleWriter

    def graphs():  # what the workers send: N-Triples, made one at a time (memory is the writer's)
        for ex in synthetic_extractions(n):
            yield (article_iri(ex.doc.article.doc_id).value,
                   ox.serialize([q.triple for q in article_quads(ex)], format=ox.RdfFormat.N_TRIPLES))

    quads = 0
    seconds = cpu = 0.0  # in the writer's calls only, not in making the synthetic graphs

    def timed(fn, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        nonlocal seconds, cpu
        t0, c0 = time.perf_counter(), time.process_time()
        fn(*args, **kw)
        seconds += time.perf_counter() - t0
        cpu += time.process_time() - c0

    with open_store(store) as s:
        writer = ArticleWriter(s) if chunked else None
        for iri, body in graphs():
            quads += body.count(b"\n")
            if writer is not None:
                timed(writer.write, iri, body, done=lambda: None, failed=_raise)
            else:
                timed(s.replace_article, iri, body)
        if writer is not None:
            timed(writer.flush)
        total = len(s)
    result = {"articles": n, "quads": total, "quads_written": quads, "seconds": seconds, "cpu_seconds": cpu,
              "chunked": chunked, "articles_per_s": n / seconds, "quads_per_s": quads / seconds}
    if json_out:
        json_out.write_text(json.dumps(result))
    return result


def _raise(exc: Exception) -> None:
    raise exc


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="store-writer benchmark driver (used by bench.run)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sw = sub.add_parser("storewrite")
    sw.add_argument("--n", type=int, required=True)
    sw.add_argument("--store", type=Path, required=True)
    sw.add_argument("--json", type=Path)
    sw.add_argument("--chunked", action="store_true", help="write as kg build does (kg.store.batch)")
    args = ap.parse_args(argv)
    print(json.dumps(_storewrite(args.n, args.store, args.json, chunked=args.chunked)))


if __name__ == "__main__":
    main()
