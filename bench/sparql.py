"""SPARQL at scale: Oxigraph (our on-disk store, and the same engine in memory) against rdflib's
in-memory Dataset, same data, same run.

Data: synthetic articles (``bench.synth``) minted by the real ``kg.rdf`` until there are at least
``target`` quads, written once as N-Quads. Load: both engines parse that same file (Oxigraph
``bulk_load`` into an on-disk store, rdflib ``Dataset.parse``). Queries: every ``queries/*.rq`` plus
a few aggregates typical of analysis (support counts, degrees, suppliers), both with the default
graph as the union of the article graphs, as ``kg query`` does. Each query's rows are compared
between the engines, so a ratio is only reported for answers that agree.
"""

from __future__ import annotations

import json
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg import QUERIES_DIR

PREFIXES = """PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX kgr: <https://w3id.org/kg-news/resource/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
"""
#: Aggregates an analyst runs on a large graph (the issue's target is about these).
BENCH_QUERIES: dict[str, str] = {
    "bench:relations_by_type": PREFIXES + """
SELECT ?type (COUNT(*) AS ?n) WHERE { ?st kg:relationType ?type } GROUP BY ?type ORDER BY ?type""",
    "bench:claim_support": PREFIXES + """
SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?support) WHERE {
  GRAPH ?g { ?s ?p ?o }
  VALUES ?p { kg:accuses kg:supplies kg:warns kg:meets kg:visits kg:sanctions kg:denies kg:holdsRole }
} GROUP BY ?s ?p ?o ORDER BY DESC(?support) ?s ?p ?o LIMIT 25""",
    "bench:entity_degree": PREFIXES + """
SELECT ?e (COUNT(?st) AS ?degree) WHERE { { ?st kg:subject ?e } UNION { ?st kg:object ?e } }
GROUP BY ?e ORDER BY DESC(?degree) ?e LIMIT 25""",
    "bench:top_suppliers": PREFIXES + """
SELECT ?supplier ?weapon (COUNT(DISTINCT ?a) AS ?articles) WHERE {
  ?st a kg:Supply ; kg:subject ?supplier ; kg:weapon ?weapon ; prov:wasDerivedFrom ?a .
} GROUP BY ?supplier ?weapon ORDER BY DESC(?articles) ?supplier ?weapon LIMIT 25""",
    "bench:articles_per_publisher": PREFIXES + """
SELECT ?publisher (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:NewsArticle ; schema:publisher ?publisher }
GROUP BY ?publisher ORDER BY DESC(?n) ?publisher""",
    "bench:evidence_lookup": PREFIXES + """
SELECT ?st ?evidence WHERE {
  ?st kg:subject <https://w3id.org/kg-news/resource/entity/rusia> ; kg:evidenceText ?evidence
}
ORDER BY ?st LIMIT 100""",
}


def query_set() -> dict[str, str]:
    """``queries/*.rq`` (by file stem) followed by the bench aggregates."""
    found = {f"queries/{p.stem}": p.read_text(encoding="utf-8") for p in sorted(QUERIES_DIR.glob("*.rq"))}
    return found | BENCH_QUERIES


def is_aggregate(sparql: str) -> bool:
    upper = sparql.upper()
    return "GROUP BY" in upper or any(f"{fn}(" in upper for fn in ("COUNT", "SUM", "AVG", "MAX", "MIN"))


def write_dataset(target: int, path: Path, seed: int = 7) -> tuple[int, int]:
    """Mint synthetic articles until ``target`` quads; write N-Quads. Returns (quads, articles)."""
    from pyoxigraph import RdfFormat, serialize

    from bench.synth import synthetic_extractions
    from kg.rdf import article_quads

    total = articles = 0
    with open(path, "wb") as out:
        for ex in synthetic_extractions(10**9, seed):
            quads = article_quads(ex)
            serialize(quads, out, RdfFormat.N_QUADS)
            total += len(quads)
            articles += 1
            if total >= target:
                break
    return total, articles


def _canon(value: object) -> str:
    """Engine-neutral text of one result cell (numbers compared by value)."""
    if value is None:
        return ""
    text = str(getattr(value, "value", value))
    try:
        return repr(float(text))
    except ValueError:
        return text


def _ox_rows(result) -> list[tuple[str, ...]]:
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return [(str(bool(result)).lower(),)]
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return [tuple(_canon(sol[n]) for n in names) for sol in result]
    return [tuple(_canon(t) for t in (tr.subject, tr.predicate, tr.object)) for tr in result]


def _rdflib_rows(result) -> list[tuple[str, ...]]:
    if result.type == "ASK":
        return [(str(bool(result.askAnswer)).lower(),)]
    if result.type == "SELECT":
        names = [str(v) for v in result.vars]
        return [tuple(_canon(row[n] if n in row.labels else None) for n in names) for row in result]
    return [tuple(_canon(t) for t in triple) for triple in result]


def _timed(fn, repeat: int, budget: float) -> tuple[float, list]:
    """Median seconds of up to ``repeat`` runs (fewer if ``budget`` seconds run out) and the rows."""
    times, rows = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = fn()
        times.append(time.perf_counter() - t0)
        if sum(times) > budget:
            break
    return statistics.median(times), rows


class RdflibWorker:
    """rdflib in a child process, so that a query that runs for ages can be stopped (rdflib has no
    timeout) and its memory is measured on its own. Loads the data once per start."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.proc: subprocess.Popen | None = None
        self.load_seconds = 0.0
        self.rss = 0

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.sparql", "rdflib-worker", str(self.data)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        msg = self._read(None)
        self.load_seconds, self.rss = msg["load_seconds"], msg["rss"]

    def _read(self, timeout: float | None) -> dict:
        assert self.proc is not None and self.proc.stdout is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if not sel.select(timeout):
                raise TimeoutError
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"rdflib worker died (exit {self.proc.wait()})")
        return json.loads(line)

    def query(self, sparql: str, repeat: int, budget: float, timeout: float) -> tuple[float, list]:
        if self.proc is None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"sparql": sparql, "repeat": repeat, "budget": budget}) + "\n")
        self.proc.stdin.flush()
        try:
            msg = self._read(timeout)
        except TimeoutError:
            self.stop()  # a fresh worker (and a reload) for the next query
            raise
        if "error" in msg:
            raise RuntimeError(msg["error"])
        return msg["seconds"], [tuple(r) for r in msg["rows"]]

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def _rdflib_worker(data: Path) -> None:
    import psutil
    import rdflib

    ds = rdflib.Dataset(default_union=True)
    t0 = time.perf_counter()
    ds.parse(str(data), format="nquads")
    load = time.perf_counter() - t0
    print(json.dumps({"load_seconds": load, "rss": psutil.Process().memory_info().rss}), flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        try:
            seconds, rows = _timed(lambda r=req: _rdflib_rows(ds.query(r["sparql"])), req["repeat"], req["budget"])
            print(json.dumps({"seconds": seconds, "rows": rows}), flush=True)
        except Exception as e:  # noqa: BLE001 - reported to the parent
            print(json.dumps({"error": f"{type(e).__name__}: {e}"}), flush=True)


def run(target: int = 1_000_000, *, repeat: int = 5, rdflib_budget: float = 30.0,
        rdflib_timeout: float = 300.0, echo=print) -> dict:
    """The SPARQL benchmark; returns a JSON-able dict with per-query latencies and ratios.

    An rdflib query still running after ``rdflib_timeout`` seconds is stopped; its speedup is then
    reported as a lower bound (``speedup_at_least``)."""
    import pyoxigraph as ox

    results: dict = {"target_quads": target, "rdflib_timeout_s": rdflib_timeout}
    with tempfile.TemporaryDirectory(prefix="kg-bench-sparql-") as tmp:
        data = Path(tmp) / "data.nq"
        t0 = time.perf_counter()
        quads, articles = write_dataset(target, data)
        results |= {"quads": quads, "articles": articles, "mint_seconds": time.perf_counter() - t0,
                    "nquads_bytes": data.stat().st_size}
        echo(f"  dataset: {quads:,} quads from {articles:,} synthetic articles")

        store = ox.Store(str(Path(tmp) / "store"))
        t0 = time.perf_counter()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        store.flush()
        ox_load = time.perf_counter() - t0
        echo(f"  oxigraph load: {ox_load:.1f}s ({quads / ox_load:,.0f} quads/s)")
        mem = ox.Store()  # the same engine without RocksDB: engine against engine, both in memory
        t0 = time.perf_counter()
        mem.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        mem_load = time.perf_counter() - t0
        echo(f"  oxigraph in-memory load: {mem_load:.1f}s ({quads / mem_load:,.0f} quads/s)")

        worker = RdflibWorker(data)
        worker.start()
        rdf_load = worker.load_seconds
        echo(f"  rdflib load:   {rdf_load:.1f}s ({quads / rdf_load:,.0f} quads/s), "
             f"{worker.rss / 2**20:,.0f} MiB resident")
        results["load"] = {
            "oxigraph_seconds": ox_load, "rdflib_seconds": rdf_load,
            "oxigraph_quads_per_s": quads / ox_load, "rdflib_quads_per_s": quads / rdf_load,
            "speedup": rdf_load / ox_load, "rdflib_rss_mib": worker.rss / 2**20,
            "oxigraph_memory_seconds": mem_load, "oxigraph_memory_quads_per_s": quads / mem_load,
            "speedup_memory": rdf_load / mem_load,
            "oxigraph_disk_mib": sum(f.stat().st_size for f in (Path(tmp) / "store").iterdir()) / 2**20,
        }

        rows = []
        try:
            for name, sparql in query_set().items():
                rows.append(_compare(name, sparql, store, mem, worker, repeat, rdflib_budget, rdflib_timeout,
                                     echo))
        finally:
            worker.stop()
        results["queries"] = rows
        for suffix in ("", "_memory"):
            for scope, prefix in (("aggregate", ""), ("named_aggregate", "queries/")):
                aggs = [r.get(f"speedup{suffix}") or r.get(f"speedup{suffix}_at_least") for r in rows
                        if r.get("aggregate") and r["query"].startswith(prefix)
                        and (r.get("rows_agree") or r.get("rdflib_timed_out"))]
                aggs = [a for a in aggs if a]
                results[f"{scope}_speedup{suffix}_min"] = min(aggs) if aggs else None
                results[f"{scope}_speedup{suffix}_geomean"] = statistics.geometric_mean(aggs) if aggs else None
        store = mem = None  # release the on-disk store before its folder goes
    return results


def _compare(name, sparql, store, mem, worker, repeat, budget, timeout, echo) -> dict:
    row: dict = {"query": name, "aggregate": is_aggregate(sparql)}
    try:
        ox_s, ox_rows = _timed(lambda: _ox_rows(store.query(sparql, use_default_graph_as_union=True)),
                               repeat, 60)
        mem_s, _ = _timed(lambda: _ox_rows(mem.query(sparql, use_default_graph_as_union=True)), repeat, 60)
    except Exception as e:  # noqa: BLE001 - one bad query must not sink the benchmark
        row["error"] = f"{type(e).__name__}: {e}"
        echo(f"  {name}: error {row['error']}")
        return row
    row |= {"oxigraph_ms": ox_s * 1000, "oxigraph_memory_ms": mem_s * 1000, "rows": len(ox_rows)}
    # Wait long enough that a stopped rdflib query still proves a 25x gap (up to 15 minutes).
    timeout = min(max(timeout, 25 * ox_s), 900.0)
    try:
        rl_s, rl_rows = worker.query(sparql, repeat, budget, timeout)
    except TimeoutError:
        row |= {"rdflib_ms": None, "rdflib_timed_out": True, "rdflib_stopped_after_s": timeout,
                "speedup_at_least": timeout / ox_s,
                "speedup_memory_at_least": timeout / mem_s}
        echo(f"  {name}: oxigraph {ox_s * 1000:.1f} ms (in memory {mem_s * 1000:.1f} ms), rdflib > "
             f"{timeout:.0f} s (stopped), x{row['speedup_at_least']:.0f} or more")
        return row
    except RuntimeError as e:
        row["error"] = f"rdflib: {e}"
        echo(f"  {name}: {row['error']}")
        return row
    row |= {
        "rdflib_ms": rl_s * 1000,
        # SAMPLE() and GROUP_CONCAT order may legitimately differ between engines, so the
        # row count is the check that must hold and exact equality is reported beside it.
        "rows_agree": len(ox_rows) == len(rl_rows), "agree": sorted(ox_rows) == sorted(rl_rows),
        "speedup": rl_s / ox_s if ox_s else None, "speedup_memory": rl_s / mem_s if mem_s else None,
    }
    note = "" if row["agree"] else (" (cells differ)" if row["rows_agree"] else " (ROW COUNTS DIFFER)")
    echo(f"  {name}: oxigraph {ox_s * 1000:.1f} ms (in memory {mem_s * 1000:.1f} ms), rdflib {rl_s * 1000:.1f} ms, "
         f"x{row['speedup']:.1f} (in memory x{row['speedup_memory']:.1f}){note}")
    return row


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "rdflib-worker":
        _rdflib_worker(Path(sys.argv[2]))
    else:
        sys.exit("usage: python -m bench.sparql rdflib-worker DATA.nq (run by bench.run)")
