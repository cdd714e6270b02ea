"""All benchmarks in one command; prints a table and writes JSON to build/bench/.

    python -m bench.run            # full: 1M-quad SPARQL, builds of 1,000 and 10,000 articles (long)
    python -m bench.run --quick    # minutes: smaller sizes, same measurements
    python -m bench.run --only sparql,throughput

Every figure that has a target is reported as a ratio against a baseline measured in the same
invocation (1 worker vs 2, rdflib vs Oxigraph, 1 thread vs 2, 1,000 vs 10,000 articles), so runs on
different or busy machines remain comparable. Parts:

- speed:      issue 16, the rule tokenizer + kg.ner against the current path (KG_TOKENIZER=stanza):
              tokenizer scores on UD GSD test, NLP tokens/s on real articles, and ``kg build`` tokens/s
              end to end with 1 and 2 workers on one generated corpus, as ratios (bench/speed.py).
- nlp:        tokenize+NER tokens/s on 2 torch threads (vs 1), and the time share of resolution +
              relation extraction after NER (target <= 10%).
- throughput: ``kg build`` articles/s and tokens/s with 1 worker (torch's default threads), 1 worker
              pinned to 1 torch thread, and 2 worker processes; peak RSS; a check that all give
              the same graph (target >= 1.8x on 2 idle cores: on cores shared with other work,
              extra processes or threads only contend). End to end, and in the steady state:
              each configuration's fixed cost (start-up, models) is timed on a one-batch corpus
              and taken out.
- scale:      builds over generated corpora of 1,000 and 10,000 articles: time and peak RSS
              (target <= 3 GB at 10,000; flat in corpus size).
- store:      the store writer alone at the same sizes (synthetic extractions, no NER).
- sparql:     >= 1M quads: load quads/s and latency of queries/*.rq plus aggregates, Oxigraph vs
              rdflib in-memory (target: aggregates >= 20x).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench.measure import python, run_measured

PARTS = ("speed", "nlp", "throughput", "scale", "store", "sparql")
FULL = {"tp_articles": 1000, "speed_articles": 400, "scale": (1000, 10000), "store": (1000, 10000), "sparql": 1_000_000}
QUICK = {"tp_articles": 16, "speed_articles": 120, "scale": (100,), "store": (1000,), "sparql": 100_000}
#: An rdflib query still running after this many seconds is stopped (speedup then a lower bound).
RDFLIB_TIMEOUT = {"full": 120.0, "quick": 60.0}


def environment() -> dict:
    import psutil

    from kg import MODELS_DIR

    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             check=False).stdout.strip()
    except OSError:
        rev = ""
    cfg = MODELS_DIR / "config.json"
    return {
        "python": platform.python_version(), "machine": platform.machine(),
        "cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "git": rev, "models": json.loads(cfg.read_text()) if cfg.exists() else None,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def run_nlp(corpus: Path, out: Path, echo) -> dict:
    res = {}
    for threads in (1, 2):
        path = out / f"nlp-{threads}.json"
        m = run_measured(python("-m", "bench.nlp", str(corpus), "--threads", str(threads), "--json", str(path)))
        if m.returncode != 0:
            raise RuntimeError(f"bench.nlp failed:\n{m.output[-3000:]}")
        res[threads] = json.loads(path.read_text())
        path.unlink()
        r = res[threads]
        echo(f"  {threads} thread(s): {r['nlp_tokens_per_s']:,.0f} tokens/s tokenize+NER, "
             f"extraction share {100 * r['extract_share']:.1f}%")
    two, one = res[2], res[1]
    return {"one_thread": one, "two_threads": two,
            "thread_speedup": two["nlp_tokens_per_s"] / one["nlp_tokens_per_s"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--quick", action="store_true", help="small sizes (minutes instead of hours)")
    ap.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts: {','.join(PARTS)}")
    ap.add_argument("--out", type=Path, default=Path("build/bench"), help="JSON and corpora go here")
    ap.add_argument("--sparql-quads", type=int, help="override the SPARQL dataset size")
    ap.add_argument("--scale", help="override the scale sizes, e.g. 1000,10000")
    ap.add_argument("--workers", type=int, default=2, help="workers for the scale builds (default 2)")
    ap.add_argument("--tp-articles", type=int, help="override the nlp/throughput corpus size")
    args = ap.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        ap.error(f"unknown part(s): {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    cfg = dict(QUICK if args.quick else FULL)
    if args.sparql_quads:
        cfg["sparql"] = args.sparql_quads
    if args.tp_articles:
        cfg["tp_articles"] = args.tp_articles
    if args.scale:
        cfg["scale"] = cfg["store"] = tuple(int(x) for x in args.scale.split(","))
    args.out.mkdir(parents=True, exist_ok=True)

    def echo(line: str) -> None:
        print(line, flush=True)

    results: dict = {"mode": "quick" if args.quick else "full", "environment": environment()}
    echo(f"kg benchmarks ({results['mode']}) on {results['environment']['cpus']} CPUs; "
         f"load average {results['environment']['load_average_at_start']}")

    tp_corpus = args.out / f"corpus-tp-{cfg['tp_articles']}"
    if {"nlp", "throughput"} & set(parts):
        from bench.corpus import generate

        generate(cfg["tp_articles"], tp_corpus, seed=11)

    if "speed" in parts:
        from bench.corpus import generate
        from bench.speed import run as run_speed

        corpus = generate(cfg["speed_articles"], args.out / f"corpus-speed-{cfg['speed_articles']}", seed=16)
        echo(f"[speed] new pipeline vs KG_TOKENIZER=stanza; builds of {cfg['speed_articles']} generated articles")
        results["speed"] = run_speed(corpus, args.out, echo=echo)
        _save(args.out, "speed", results["speed"])

    tokens = None
    if "nlp" in parts:
        echo(f"[nlp] {cfg['tp_articles']} generated articles")
        results["nlp"] = run_nlp(tp_corpus, args.out, echo)
        tokens = results["nlp"]["two_threads"]["tokens"]
        _save(args.out, "nlp", results["nlp"])
    if "throughput" in parts:
        from bench.pipeline import throughput

        echo(f"[throughput] kg build of {cfg['tp_articles']} generated articles, 1 vs 2 workers")
        results["throughput"] = throughput(tp_corpus, tokens=tokens, echo=echo)
        _save(args.out, "throughput", results["throughput"])
    if "scale" in parts:
        from bench.pipeline import scale

        echo(f"[scale] kg build --workers {args.workers} over {', '.join(f'{n:,}' for n in cfg['scale'])} articles")
        results["scale"] = scale(cfg["scale"], workers=args.workers, out=args.out, echo=echo)
        _save(args.out, "scale", results["scale"])
    if "store" in parts:
        from bench.pipeline import store_write

        echo(f"[store] writer alone over {', '.join(f'{n:,}' for n in cfg['store'])} synthetic articles")
        results["store"] = store_write(cfg["store"], echo=echo)
        _save(args.out, "store", results["store"])
    if "sparql" in parts:
        from bench.sparql import run as run_sparql

        echo(f"[sparql] {cfg['sparql']:,} quads, Oxigraph vs rdflib")
        results["sparql"] = run_sparql(cfg["sparql"], rdflib_timeout=RDFLIB_TIMEOUT[results["mode"]], echo=echo)
        _save(args.out, "sparql", results["sparql"])

    rows = summary_rows(results)
    results["summary"] = [dict(zip(("benchmark", "figure", "value", "target", "met"), r, strict=True))
                          for r in rows]
    _save(args.out, "summary", results)
    echo("")
    echo(format_table(["benchmark", "figure", "value", "target", "met"], rows))
    echo(f"\nJSON: {args.out}/summary.json (and one file per part)")
    return 0


def summary_rows(res: dict) -> list[list[str]]:
    rows: list[list[str]] = []

    def add(bench: str, figure: str, value: str, target: str = "", met: bool | None = None) -> None:
        rows.append([bench, figure, value, target, "" if met is None else ("yes" if met else "NO")])

    if "speed" in res:
        from bench.speed import summary_rows as speed_rows

        speed_rows(res["speed"], add)
    if "nlp" in res:
        n = res["nlp"]
        add("nlp", "tokenize+NER tokens/s, 1 thread", f"{n['one_thread']['nlp_tokens_per_s']:,.0f}")
        add("nlp", "tokenize+NER tokens/s, 2 threads", f"{n['two_threads']['nlp_tokens_per_s']:,.0f}")
        add("nlp", "2 threads / 1 thread", f"{n['thread_speedup']:.2f}x")
        share = n["one_thread"]["extract_share"]  # NER time is least inflated there
        add("nlp", "extraction share of pipeline time", f"{100 * share:.1f}%", "<= 10%", share <= 0.10)
    if "throughput" in res:
        runs = res["throughput"]["runs"]
        for r in runs:
            tok = f", {r['tokens_per_s']:,.0f} tok/s" if r.get("tokens_per_s") else ""
            add("throughput", r["label"], f"{r['articles_per_s']:.2f} art/s{tok}, {r['peak_rss_mib']:,.0f} MiB peak")
        two = runs[-1]
        add("throughput", "2 workers / 1 worker", f"{two['speedup_vs_1_worker']:.2f}x", ">= 1.8x",
            two["speedup_vs_1_worker"] >= 1.8)
        add("throughput", "2 workers / 1 worker pinned to 1 thread", f"{two['speedup_vs_1_worker_1_thread']:.2f}x",
            ">= 1.8x", two["speedup_vs_1_worker_1_thread"] >= 1.8)
        if "steady_speedup_vs_1_worker" in two:
            add("throughput", "steady state (fixed cost excluded): 2 workers / 1 worker",
                f"{two['steady_speedup_vs_1_worker']:.2f}x", ">= 1.8x", two["steady_speedup_vs_1_worker"] >= 1.8)
            add("throughput", "steady state: 2 workers / 1 worker pinned to 1 thread",
                f"{two['steady_speedup_vs_1_worker_1_thread']:.2f}x", ">= 1.8x",
                two["steady_speedup_vs_1_worker_1_thread"] >= 1.8)
        same = all(r["same_graph_as_1_worker"] for r in runs)
        add("throughput", "same graph in every configuration", str(same), "True", same)
    if "scale" in res:
        builds = res["scale"]["builds"]
        for b in builds:
            ok = b["peak_rss_mib"] <= 3072 if b["articles"] >= 10000 else None
            add("scale", f"build {b['articles']:,} articles",
                f"{b['seconds']:.0f}s, {b['articles_per_s']:.2f} art/s, {b['peak_rss_mib']:,.0f} MiB peak",
                "<= 3 GB" if ok is not None else "", ok)
        if len(builds) >= 2:
            ratio = builds[-1]["peak_rss_mib"] / builds[0]["peak_rss_mib"]
            add("scale", f"peak RSS {builds[-1]['articles']:,} / {builds[0]['articles']:,}", f"{ratio:.2f}x",
                "flat (~1x)", ratio <= 1.25)
    if "store" in res:
        runs = res["store"]["runs"]
        for r in runs:
            how = "chunked (kg build)" if r.get("chunked") else "a transaction per article"
            add("store", f"writer {r['articles']:,} articles, {how}",
                f"{r['articles_per_s']:.0f} art/s, {r['cpu_seconds']:.1f} s CPU, {r['quads']:,} quads, "
                f"{r['peak_rss_mib']:,.0f} MiB peak")
        by = {(r["articles"], bool(r.get("chunked"))): r for r in runs}
        for n in sorted({r["articles"] for r in runs}):
            if (n, True) in by and (n, False) in by:
                add("store", f"writer CPU, chunked / transaction, {n:,} articles",
                    f"{by[(n, True)]['cpu_seconds'] / by[(n, False)]['cpu_seconds']:.2f}x")
        sizes = sorted({r["articles"] for r in runs})
        if len(sizes) >= 2 and (sizes[0], True) in by and (sizes[-1], True) in by:
            ratio = by[(sizes[-1], True)]["peak_rss_mib"] / by[(sizes[0], True)]["peak_rss_mib"]
            add("store", f"peak RSS {sizes[-1]:,} / {sizes[0]:,} (chunked)", f"{ratio:.2f}x", "flat (~1x)",
                ratio <= 1.25)
    if "sparql" in res:
        s = res["sparql"]
        add("sparql", "quads", f"{s['quads']:,}", ">= 1M", s["quads"] >= 1_000_000)
        ld = s["load"]
        add("sparql", "load quads/s Oxigraph vs rdflib",
            f"{ld['oxigraph_quads_per_s']:,.0f} vs {ld['rdflib_quads_per_s']:,.0f} ({ld['speedup']:.1f}x)")
        add("sparql", "load quads/s Oxigraph in memory", f"{ld['oxigraph_memory_quads_per_s']:,.0f} "
            f"({ld['speedup_memory']:.1f}x rdflib)")
        add("sparql", "memory: rdflib RSS vs Oxigraph on disk",
            f"{ld['rdflib_rss_mib']:,.0f} MiB vs {ld['oxigraph_disk_mib']:,.0f} MiB")
        for q in s["queries"]:
            if "error" in q:
                add("sparql", q["query"], q["error"][:60])
                continue
            # latencies: Oxigraph on disk | in memory vs rdflib; ratios likewise
            target = ">= 20x" if q["aggregate"] else ""
            ox_ms = f"{_ms(q['oxigraph_ms'])} | {_ms(q['oxigraph_memory_ms'])} ms"
            if q.get("rdflib_timed_out"):
                add("sparql", q["query"], f"{ox_ms} vs rdflib stopped at {q['rdflib_stopped_after_s']:.0f} s "
                    f"(>= {q['speedup_at_least']:.0f}x | >= {q['speedup_memory_at_least']:.0f}x)", target,
                    q["speedup_at_least"] >= 20 if q["aggregate"] else None)
                continue
            add("sparql", q["query"], f"{ox_ms} vs {_ms(q['rdflib_ms'])} ms "
                f"({q['speedup']:.1f}x | {q['speedup_memory']:.1f}x){'' if q['rows_agree'] else ' rows differ'}",
                target, q["speedup"] >= 20 if q["aggregate"] else None)
        for scope, label in (("named_aggregate", "queries/*.rq aggregates"), ("aggregate", "all aggregates")):
            lo, gm = s.get(f"{scope}_speedup_min"), s.get(f"{scope}_speedup_geomean")
            lo_m, gm_m = s.get(f"{scope}_speedup_memory_min"), s.get(f"{scope}_speedup_memory_geomean")
            if lo:
                add("sparql", f"{label}: min / geomean", f"{lo:.1f}x / {gm:.1f}x on disk | "
                    f"{lo_m:.1f}x / {gm_m:.1f}x in memory", ">= 20x", lo >= 20)
    return rows


def _ms(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}" if x >= 1 else f"{x:.2f}"


def format_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)), line]
    out += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def _save(out: Path, name: str, data: dict) -> None:
    (out / f"{name}.json").write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
