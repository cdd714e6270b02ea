"""A/B of the analysis path against an earlier revision, in one invocation (so the ratio is fair on a
busy machine): NLP, then resolution + relation extraction, over the same articles.

    python -m bench.ab --rev 5393000 tests/data/dev/dev tests/data/dev/check seeds --rounds 3

The earlier revision is checked out into a temporary git worktree and run with this venv; the two
alternate, each round in a fresh process (models and gazetteer warmed first, not timed). Prints one
JSON line per run and the median ratios new/old of end-to-end tokens/s and of extraction time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Run in the child: times ``analyse`` and ``resolve`` + ``extract`` for the kg on its sys.path.
CHILD = r"""
import json, sys, time
from pathlib import Path
from kg.ingest import load
from kg.nlp import analyse
from kg.extract import extract
paths = [p for d in sys.argv[1:] for p in sorted(Path(d).iterdir()) if p.suffix in (".txt", ".html")]
arts = [r.article for r in (load(p) for p in paths) if r.article is not None]
extract(analyse(arts[:1])[0])
t0 = time.perf_counter(); docs = analyse(arts); t1 = time.perf_counter()
for d in docs:
    extract(d)
t2 = time.perf_counter()
tokens = sum(len(s.tokens) for d in docs for s in d.sentences)
print(json.dumps({"articles": len(arts), "tokens": tokens, "nlp_s": t1 - t0, "extract_s": t2 - t1}))
"""


def run(tree: Path, dirs: list[str]) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run([sys.executable, "-c", CHILD, *dirs], cwd=tree, env=env, capture_output=True,
                         text=True, check=True)
    rec = json.loads(out.stdout.strip().splitlines()[-1])
    rec["tokens_per_s"] = rec["tokens"] / (rec["nlp_s"] + rec["extract_s"])
    return rec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", help="folders of articles (absolute or relative to the repository)")
    ap.add_argument("--rev", required=True, help="the earlier revision to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    dirs = [str((ROOT / d).resolve()) for d in args.dirs]
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old), args.rev], cwd=ROOT, check=True)
        try:
            ratios_tp, ratios_ex = [], []
            for r in range(args.rounds):
                a, b = run(old, dirs), run(ROOT, dirs)
                print(json.dumps({"round": r, "old": a, "new": b}))
                ratios_tp.append(b["tokens_per_s"] / a["tokens_per_s"])
                ratios_ex.append(b["extract_s"] / a["extract_s"])
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=False)
    print(json.dumps({"median_tokens_per_s_new_over_old": statistics.median(ratios_tp),
                      "median_extract_time_new_over_old": statistics.median(ratios_ex)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
