"""Render benchmark: ``kg render`` over stores of synthetic extractions (no NER), 1,000 and 10,000
articles by default, whole graph and ``--max-nodes``.

Each render is the real command in a child process, timed end to end with its peak RSS; the store
is written once per size with ``bench.pipeline storewrite``. Reports entities and relations in the
store, seconds, peak RSS, HTML size and whether the page used the precomputed layout.

    python -m bench.render                       # 1000 and 10000 articles
    python -m bench.render --n 2000 --max-nodes 500 --json build/bench-render.json
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import tempfile
from pathlib import Path

from bench.measure import mib, python, run_measured


def _counts(store: Path) -> tuple[int, int]:
    from kg.graph import to_networkx

    g = to_networkx(store)
    return g.number_of_nodes(), g.number_of_edges()


def render_once(store: Path, out: Path, max_nodes: int | None) -> dict:
    cmd = python("-m", "kg.cli", "render", "--store", str(store), "--out", str(out))
    if max_nodes:
        cmd += ["--max-nodes", str(max_nodes)]
    m = run_measured(cmd)
    if m.returncode != 0:
        raise SystemExit(f"kg render failed ({m.returncode}): {m.output[-2000:]}")
    text = out.read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    payload = json.loads(data.group(1)) if data else {"nodes": [], "edges": [], "options": {}}
    return {
        "max_nodes": max_nodes, "seconds": round(m.seconds, 2), "peak_rss_mib": round(mib(m.peak_rss), 1),
        "html_mb": round(out.stat().st_size / 1e6, 2), "nodes_drawn": len(payload["nodes"]),
        "edges_drawn": len(payload["edges"]),
        "precomputed_layout": not payload["options"].get("physics", {}).get("enabled", True),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="articles per synthetic store")
    ap.add_argument("--max-nodes", type=int, default=500, help="second render of each store with --max-nodes")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-render-"))
    rows = []
    try:
        for n in args.n:
            store = tmp / f"store-{n}"
            w = run_measured(python("-m", "bench.pipeline", "storewrite", "--n", str(n), "--store", str(store)))
            if w.returncode != 0:
                raise SystemExit(f"storewrite failed: {w.output[-2000:]}")
            entities, relations = _counts(store)
            for max_nodes in (None, args.max_nodes):
                r = {"articles": n, "entities": entities, "relations": relations,
                     **render_once(store, tmp / f"graph-{n}-{max_nodes}.html", max_nodes)}
                rows.append(r)
                print(f"{n:>6,} articles  {entities:>6,} entities  {relations:>6,} relations  "
                      f"max_nodes={str(max_nodes):>5}  drawn {r['nodes_drawn']:>6,}  {r['seconds']:>6.1f} s  "
                      f"{r['peak_rss_mib']:>6.0f} MiB  {r['html_mb']:>5.1f} MB  "
                      f"layout={'python' if r['precomputed_layout'] else 'physics'}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"runs": rows}, indent=2))


if __name__ == "__main__":
    main()
