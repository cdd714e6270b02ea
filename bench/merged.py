"""What the merged graph costs a store writer: article graphs loaded and replaced with and without
their merged-graph copy, alternating, on fresh on-disk Oxigraph stores, same data, same run.

Data: the article graphs of an existing store (e.g. the seeds), each copied N times under its own
article and statement IRIs (entities stay shared, as across real articles). Reported: seconds to
load N graphs and to replace a tenth of them, quads and bytes on disk, and the with/without ratio.

    python -m bench.merged build/store 1000
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.store import open_store
from kg.store.base import merged_nquads, replace_update


def _bodies(store_path: str) -> list[tuple[str, bytes]]:
    with open_store(store_path, read_only=True) as src:
        graphs: dict[str, list[ox.Triple]] = {}
        for q in src.iter_quads():
            graphs.setdefault(q.graph_name.value, []).append(q.triple)
    return [(g, ox.serialize(t, format=ox.RdfFormat.N_TRIPLES)) for g, t in sorted(graphs.items())]


def _copy(bodies: list[tuple[str, bytes]], i: int, k: int) -> tuple[str, bytes]:
    orig, body = bodies[k % len(bodies)]
    g = f"https://w3id.org/kg-news/resource/article/{i:016x}"
    return g, body.replace(orig.encode(), g.encode()).replace(b"/resource/statement/",
                                                             f"/resource/statement/{i:x}-".encode())


def run(bodies: list[tuple[str, bytes]], n: int, merged: bool) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-merged-"))
    try:
        s = ox.Store(str(folder / "s"))
        t0 = time.perf_counter()
        for i in range(n):
            g, body = _copy(bodies, i, i)
            if merged:
                s.load(merged_nquads(g, body), format=ox.RdfFormat.N_QUADS)
            else:
                s.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(g))
        t1 = time.perf_counter()
        for i in range(0, n, 10):
            g, body = _copy(bodies, i, i + 1)
            s.update(replace_update(g, body, [], bytes_given=False) if merged else
                     f"DROP SILENT GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{\n{body.decode()}}} }}")
        s.flush()
        t2 = time.perf_counter()
        quads = len(s)
        del s
        size = sum(p.stat().st_size for p in (folder / "s").rglob("*") if p.is_file())
        return {"load_s": t1 - t0, "replace_s": t2 - t1, "total_s": t2 - t0, "quads": quads, "bytes": size}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> None:
    store, n = argv[0], int(argv[1]) if len(argv) > 1 else 1000
    bodies = _bodies(store)
    runs: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    for _ in range(3):
        for merged in (False, True):
            runs[merged].append(run(bodies, n, merged))
    best = {m: min(runs[m], key=lambda r: r["total_s"]) for m in runs}
    for m, label in ((False, "article graphs only"), (True, "with merged graph")):
        r = best[m]
        print(f"{label:20s} load {r['load_s']:.2f} s, replace {r['replace_s']:.2f} s, total {r['total_s']:.2f} s, "
              f"{r['quads']:,} quads, {r['bytes'] / 1e6:.0f} MB")
    print(f"{n} graphs + {n // 10} replacements, best of 3 alternating: with/without = "
          f"{best[True]['total_s'] / best[False]['total_s']:.2f}x time, "
          f"{best[True]['bytes'] / best[False]['bytes']:.2f}x disk")


if __name__ == "__main__":
    main(sys.argv[1:])
