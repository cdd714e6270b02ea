"""Python calls made by resolution + relation extraction over a folder of articles: a measure of work that does
not move with the machine's load (timings on a busy machine swing by 3x), for comparing two revisions.

    python -m bench.calls tests/data/dev/dev            # in each tree; compare the two "calls" figures

Analysis (Stanza or the rule tokenizer) runs first and is not counted; five articles warm the caches.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats

from kg.extract import extract
from kg.ingest import load_all
from kg.nlp import analyse
from kg.resolve import resolve


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", help="folders or files of articles")
    args = ap.parse_args(argv)
    docs = analyse([r.article for r in load_all(args.dirs) if r.article is not None])
    for d in docs[:5]:
        extract(d, *reversed(resolve(d)))
    whole, res = cProfile.Profile(), cProfile.Profile()
    for d in docs:
        res.enable()
        entities, links = resolve(d)
        res.disable()
        whole.enable()
        extract(d, links, entities)
        whole.disable()
    resolve_calls, extract_calls = pstats.Stats(res).total_calls, pstats.Stats(whole).total_calls
    print(json.dumps({"articles": len(docs), "calls": resolve_calls + extract_calls,
                      "resolve_calls": resolve_calls, "extract_calls": extract_calls}))


if __name__ == "__main__":
    main()
