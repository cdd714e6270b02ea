"""Issue 16: the new analysis path (rule tokenizer + kg.ner) against the current one
(``KG_TOKENIZER=stanza``: Stanza's neural tokenizer and pipeline call), in one invocation.

    python -m bench.run --only speed [--quick]

- tokenizer scores on UD Indonesian-GSD test (token and sentence F1) of both tokenizers;
- NLP and NLP + resolution + extraction tokens/s of both on the real articles of this repository
  (seeds/, tests/data/dev/, tests/data/heldout/), one torch thread, in CPU seconds (``bench.nlp``,
  each run its own process, the two alternating), with the extraction share and the first batch;
- end to end: ``kg build`` of the same generated corpus with each, with 1 worker (1 torch thread) and
  with 2 worker processes, wall time from start to finish (models, store and all), and in the steady
  state (each configuration's fixed cost timed on a one-batch corpus and taken out). Tokens are the
  rule tokenizer's count of the corpus for both, so tokens/s compare the same text. Also tokens per CPU
  second of each build's whole process tree (workers and fork server too): on cores shared with other
  work the wall-clock figures vary with the load, these much less.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from bench.measure import python, run_measured
from kg import ROOT

REAL = [ROOT / "seeds", ROOT / "tests/data/dev/dev", ROOT / "tests/data/dev/check", ROOT / "tests/data/heldout"]
GSD_TEST = ROOT.parent / "shared" / "data" / "ud-id" / "id_gsd-ud-test.conllu"
IDNER_TEST = ROOT.parent / "shared" / "data" / "idner-news-2k" / "test.txt"
NEW, OLD = "rules", "stanza"


def tokenizer_scores() -> dict:
    if not GSD_TEST.exists():
        return {"skipped": f"{GSD_TEST} not found"}
    from kg.eval.ner import eval_tokenizer

    return {name: eval_tokenizer(GSD_TEST, tokenizer=name) for name in (NEW, OLD)}


def nlp_compare(out: Path, *, rounds: int = 2, echo=print) -> dict:
    runs: dict[str, list[dict]] = {NEW: [], OLD: []}
    for r in range(rounds):
        for name in (OLD, NEW):
            path = out / f"speed-nlp-{name}-{r}.json"
            m = run_measured(python("-m", "bench.nlp", *map(str, REAL), "--threads", "1", "--tokenizer", name,
                                    "--json", str(path)))
            if m.returncode != 0:
                raise RuntimeError(f"bench.nlp failed:\n{m.output[-3000:]}")
            runs[name].append(json.loads(path.read_text()))
            path.unlink()

    def med(name: str, key: str) -> float:
        return statistics.median(x[key] for x in runs[name])

    res = {"runs": runs}
    for key in ("cpu_nlp_tokens_per_s", "cpu_pipeline_tokens_per_s", "cpu_extract_share", "first_batch_vs_rest"):
        res[key] = {name: med(name, key) for name in (NEW, OLD)}
    res["nlp_speedup"] = res["cpu_nlp_tokens_per_s"][NEW] / res["cpu_nlp_tokens_per_s"][OLD]
    res["pipeline_speedup"] = res["cpu_pipeline_tokens_per_s"][NEW] / res["cpu_pipeline_tokens_per_s"][OLD]
    echo(f"  real articles, 1 thread (CPU time): NLP {res['cpu_nlp_tokens_per_s'][OLD]:,.0f} -> "
         f"{res['cpu_nlp_tokens_per_s'][NEW]:,.0f} tokens/s ({res['nlp_speedup']:.2f}x); with resolution + "
         f"extraction {res['cpu_pipeline_tokens_per_s'][OLD]:,.0f} -> {res['cpu_pipeline_tokens_per_s'][NEW]:,.0f} "
         f"({res['pipeline_speedup']:.2f}x); extraction share {100 * res['cpu_extract_share'][NEW]:.0f}%")
    return res


def corpus_tokens(corpus: Path) -> int:
    from kg.ingest import read_article
    from kg.tokenize import tokenizer

    return sum(len(s) for p in sorted(corpus.glob("*.txt")) for s in tokenizer().tokenize(read_article(p).text))


def _build(corpus: Path, store: Path, workers: int, name: str, batch_size: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the whole process tree) of one ``kg build``."""
    env = {"KG_TOKENIZER": name, "OMP_NUM_THREADS": "1"}
    cmd = python("-m", "kg.cli", "build", str(corpus), "--store", str(store), "--workers", str(workers),
                 "--batch-size", str(batch_size), "--no-progress", "-q")
    m = run_measured(cmd, env=env)
    if m.returncode != 0:
        raise RuntimeError(f"kg build failed ({m.returncode}):\n{m.output[-3000:]}")
    return m.seconds, m.cpu_seconds


def build_compare(corpus: Path, *, batch_size: int = 8, echo=print) -> dict:
    tokens = corpus_tokens(corpus)
    files = sorted(corpus.glob("*.txt"))
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-speed-") as tmp:
        small = Path(tmp) / "one-batch"
        small.mkdir()
        for p in files[:batch_size]:
            shutil.copy(p, small / p.name)
        small_tokens = corpus_tokens(small)
        for workers in (1, 2):
            for name in (OLD, NEW):
                fixed, _ = _build(small, Path(tmp) / f"s-{workers}-{name}", workers, name, batch_size)
                full, cpu = _build(corpus, Path(tmp) / f"f-{workers}-{name}", workers, name, batch_size)
                steady = (tokens - small_tokens) / (full - fixed) if full > fixed else None
                rows.append({"workers": workers, "tokenizer": name, "seconds": full, "fixed_seconds": fixed,
                             "tokens_per_s": tokens / full, "steady_tokens_per_s": steady, "cpu_seconds": cpu,
                             "tokens_per_cpu_s": tokens / cpu if cpu else None})
                echo(f"  kg build, {workers} worker(s), {name}: {tokens / full:,.0f} tokens/s end to end"
                     + (f", {steady:,.0f} steady state" if steady else "") + f" (fixed cost {fixed:.1f}s)"
                     + (f"; {tokens / cpu:,.0f} tokens per CPU second" if cpu else ""))
    by = {(r["workers"], r["tokenizer"]): r for r in rows}
    res: dict = {"corpus": str(corpus), "articles": len(files), "tokens": tokens, "cpus": os.cpu_count(), "runs": rows}
    for w in (1, 2):
        res[f"speedup_{w}_workers"] = by[(w, NEW)]["tokens_per_s"] / by[(w, OLD)]["tokens_per_s"]
        if by[(w, NEW)]["tokens_per_cpu_s"] and by[(w, OLD)]["tokens_per_cpu_s"]:
            res[f"cpu_speedup_{w}_workers"] = by[(w, NEW)]["tokens_per_cpu_s"] / by[(w, OLD)]["tokens_per_cpu_s"]
        if by[(w, NEW)]["steady_tokens_per_s"] and by[(w, OLD)]["steady_tokens_per_s"]:
            res[f"steady_speedup_{w}_workers"] = by[(w, NEW)]["steady_tokens_per_s"] / by[(w, OLD)]["steady_tokens_per_s"]
    res["new_2_workers_tokens_per_s"] = by[(2, NEW)]["tokens_per_s"]
    res["new_2_workers_steady_tokens_per_s"] = by[(2, NEW)]["steady_tokens_per_s"]
    res["new_2_workers_vs_old_1_worker"] = by[(2, NEW)]["tokens_per_s"] / by[(1, OLD)]["tokens_per_s"]
    return res


def ner_scores() -> dict:
    """NER micro-F1 on idner-news-2k test (gold tokens) in float32 and in the new path's arithmetic."""
    if not IDNER_TEST.exists():
        return {"skipped": f"{IDNER_TEST} not found"}
    from kg.eval.ner import eval_ner
    from kg.nlp import ner_precision

    new = ner_precision()
    return {"precision": new, "fp32": eval_ner(IDNER_TEST, precision="fp32").micro.f1,
            "new": eval_ner(IDNER_TEST, precision=new).micro.f1}


def run(corpus: Path, out: Path, *, echo=print) -> dict:
    scores = tokenizer_scores()
    for name, r in scores.items():
        if isinstance(r, dict):
            echo(f"  {name} tokenizer on UD GSD test: token F1 {r['token_f1']:.4f}, sentence F1 {r['sentence_f1']:.4f}")
    ner = ner_scores()
    if "new" in ner:
        echo(f"  NER F1 on idner-news-2k test: {ner['new']:.4f} ({ner['precision']}) vs {ner['fp32']:.4f} (fp32)")
    return {"tokenizer_scores": scores, "ner_scores": ner, "nlp": nlp_compare(out, echo=echo),
            "builds": build_compare(corpus, echo=echo)}


def summary_rows(res: dict, add) -> None:  # noqa: ANN001 - bench.run's row adder
    sc = res.get("tokenizer_scores", {})
    if NEW in sc and OLD in sc:
        add("speed", "tokenizer token F1, UD GSD test: rules vs neural",
            f"{sc[NEW]['token_f1']:.4f} vs {sc[OLD]['token_f1']:.4f}", ">= 0.996", sc[NEW]["token_f1"] >= 0.996)
        add("speed", "tokenizer sentence F1, UD GSD test: rules vs neural",
            f"{sc[NEW]['sentence_f1']:.4f} vs {sc[OLD]['sentence_f1']:.4f}", ">= 0.86", sc[NEW]["sentence_f1"] >= 0.86)
    ner = res.get("ner_scores", {})
    if "new" in ner:
        add("speed", f"NER micro-F1, idner-news-2k test: new ({ner['precision']}) vs fp32",
            f"{ner['new']:.4f} vs {ner['fp32']:.4f}", ">= 0.91", ner["new"] >= 0.91)
    n = res["nlp"]
    add("speed", "real articles, 1 thread: NLP tokens/s new vs current (CPU time)",
        f"{n['cpu_nlp_tokens_per_s'][NEW]:,.0f} vs {n['cpu_nlp_tokens_per_s'][OLD]:,.0f} ({n['nlp_speedup']:.2f}x)")
    add("speed", "real articles, 1 thread: NLP + resolution + extraction, new vs current",
        f"{n['cpu_pipeline_tokens_per_s'][NEW]:,.0f} vs {n['cpu_pipeline_tokens_per_s'][OLD]:,.0f} "
        f"({n['pipeline_speedup']:.2f}x)")
    share = n["cpu_extract_share"][NEW]
    add("speed", "resolution + extraction share of pipeline time (new)", f"{100 * share:.1f}%", "<= 10%", share <= 0.10)
    add("speed", "first batch vs the rest after warm-up (new; tokens/s ratio)", f"{n['first_batch_vs_rest'][NEW]:.2f}",
        ">= ~1", None)
    b = res["builds"]
    for r in b["runs"]:
        add("speed", f"kg build {r['workers']} worker(s), {r['tokenizer']}",
            f"{r['tokens_per_s']:,.0f} tok/s end to end" + (f", {r['steady_tokens_per_s']:,.0f} steady"
                                                            if r["steady_tokens_per_s"] else ""))
    add("speed", "new / current, 1 worker (end to end)", f"{b['speedup_1_workers']:.2f}x")
    add("speed", "new / current, 2 workers (end to end)", f"{b['speedup_2_workers']:.2f}x", ">= 3x",
        b["speedup_2_workers"] >= 3)
    for w in (1, 2):
        if f"cpu_speedup_{w}_workers" in b:
            add("speed", f"new / current, {w} worker(s): tokens per CPU second (whole process tree)",
                f"{b[f'cpu_speedup_{w}_workers']:.2f}x")
    if "steady_speedup_2_workers" in b:
        add("speed", "new / current, 2 workers (steady state)", f"{b['steady_speedup_2_workers']:.2f}x", ">= 3x",
            b["steady_speedup_2_workers"] >= 3)
    add("speed", "new, 2 workers: tokens/s end to end", f"{b['new_2_workers_tokens_per_s']:,.0f}", ">= 15,000",
        b["new_2_workers_tokens_per_s"] >= 15000)
