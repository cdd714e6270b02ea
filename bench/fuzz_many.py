"""Fuzz the text → relations path with ≥ 10,000 generated inputs (tests/test_fuzz.py runs 60).

    python -m bench.fuzz_many                     # 10,000 texts + 10,000 files, SHACL on every graph
    python -m bench.fuzz_many --examples 500 --files 2000 --seed 7

Texts come from the same hypothesis strategies as the tests (tests/fuzzing.py): news-like
Indonesian with arbitrary Unicode, very long tokens, odd quotes and brackets, RTL text, emoji,
control characters and markup/query syntax mixed in. They go through Stanza in batches (the way
``kg build`` runs it) and then, one by one, through extraction, RDF and SHACL validation; the
same properties as the tests are checked (no exception, offsets inside the text, every graph
conforms). Files are random bytes and encoded texts fed to ``kg.ingest.load``.

Writes build/bench/fuzz_many.json (counts, seconds) and build/bench/fuzz_failures.jsonl (each
failing input with its error, to replay with ``tests.fuzzing.run_one``). Exit code 1 when any
input failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
import traceback
from pathlib import Path

from kg import ROOT

sys.path.insert(0, str(ROOT / "tests"))

import fuzzing  # noqa: E402  (tests/fuzzing.py: the strategies and properties)
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

OUT = ROOT / "build" / "bench"


def generate(strategy: st.SearchStrategy, n: int, random_seed: int) -> list:
    """``n`` values drawn by hypothesis (generation phase only: no shrinking, no database)."""
    out: list = []

    @seed(random_seed)
    @settings(max_examples=n, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def draw(value) -> None:
        out.append(value)

    draw()
    return out


def _failure(kind: str, value: object, exc: BaseException) -> dict:
    return {"kind": kind, "input": value if isinstance(value, str) else repr(value),
            "error": f"{type(exc).__name__}: {exc}"[:2000],
            "traceback": "".join(traceback.format_exception(exc))[-4000:]}


def fuzz_texts(texts: list[str], batch_size: int, shacl: bool, failures: list[dict], progress: bool) -> dict:
    from tqdm import tqdm

    from kg.ingest import article_from_text
    from kg.nlp import analyse

    counts = {"inputs": len(texts), "empty": 0, "analysed": 0, "graphs": 0, "relations": 0, "entities": 0,
              "failed": 0}
    articles = []
    for raw in texts:
        try:
            art = article_from_text(raw, name="fuzz.txt")
            fuzzing.check_article(art)
        except Exception as e:  # noqa: BLE001 - every failure is recorded with its input
            failures.append(_failure("ingest", raw, e))
            counts["failed"] += 1
            continue
        if art.text:
            articles.append((raw, art))
        else:
            counts["empty"] += 1
    analyse([article_from_text("Kirby menuduh Korut memasok amunisi ke Rusia.")])  # load the models first
    bar = tqdm(total=len(articles), desc="texts", unit="text", disable=not progress, file=sys.stderr)
    ctx = fuzzing.fast_shacl()
    with ctx:
        for i in range(0, len(articles), batch_size):
            batch = articles[i:i + batch_size]
            try:
                docs = analyse([a for _, a in batch])
            except Exception:  # noqa: BLE001 - find the input that breaks the batch
                docs = []
                for raw, art in batch:
                    try:
                        docs.extend(analyse([art]))
                    except Exception as e:  # noqa: BLE001
                        failures.append(_failure("nlp", raw, e))
                        counts["failed"] += 1
                        docs.append(None)
            for (raw, _), doc in zip(batch, docs, strict=True):
                bar.update(1)
                if doc is None:
                    continue
                counts["analysed"] += 1
                try:
                    ex = fuzzing.check_rest(doc, shacl=shacl)
                except Exception as e:  # noqa: BLE001
                    failures.append(_failure("extract/rdf/shacl", raw, e))
                    counts["failed"] += 1
                    continue
                counts["graphs"] += 1
                counts["relations"] += len(ex.relations)
                counts["entities"] += len(ex.entities)
    bar.close()
    return counts


#: Bytes for kg.ingest.load: random bytes, and generated texts in the encodings people save.
FILE_BYTES = st.one_of(
    st.binary(max_size=2048),
    st.tuples(fuzzing.texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                              "cp1252", "latin-1"]))
    .map(lambda t: t[0].encode(t[1], errors="replace")),
    st.tuples(fuzzing.texts, st.binary(max_size=16)).map(lambda t: t[0].encode("utf-8", "surrogatepass") + t[1]),
    fuzzing.texts.map(lambda t: f"<html><body><p>{t}</p><script>{t}</script></body></html>".encode(
        "utf-8", "surrogatepass")),
)


def fuzz_files(blobs: list[bytes], failures: list[dict], progress: bool) -> dict:
    from tqdm import tqdm

    from kg.ingest import STATUSES, load

    counts: dict[str, int] = {"inputs": len(blobs), "failed": 0}
    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as tmp:
        for i, data in enumerate(tqdm(blobs, desc="files", unit="file", disable=not progress, file=sys.stderr)):
            path = Path(tmp) / ("f.html" if i % 5 == 0 else "f.txt")
            path.write_bytes(data)
            try:
                res = load(path)
                assert res.status in STATUSES, res.status
                assert (res.article is not None) == (res.status in ("ok", "decoded-with-warning"))
                if res.status != "ok":
                    assert res.message.startswith(path.name + ": ") and "\n" not in res.message, res.message
                if res.article is not None:
                    fuzzing.check_article(res.article)
            except Exception as e:  # noqa: BLE001
                failures.append(_failure("load", data, e))
                counts["failed"] += 1
                continue
            counts[res.status] = counts.get(res.status, 0) + 1
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=10_000, help="generated texts (default 10,000)")
    ap.add_argument("--files", type=int, default=10_000, help="generated files for kg.ingest.load")
    ap.add_argument("--batch-size", type=int, default=32, help="texts per Stanza call")
    ap.add_argument("--seed", type=int, default=20230210)
    ap.add_argument("--no-shacl", dest="shacl", action="store_false", help="skip SHACL (much faster)")
    ap.add_argument("--no-progress", dest="progress", action="store_false")
    args = ap.parse_args(argv)
    logging.getLogger("kg.ingest").setLevel(logging.ERROR)  # one decoding warning per file is noise here

    OUT.mkdir(parents=True, exist_ok=True)
    failures: list[dict] = []
    t0 = time.perf_counter()
    blobs = generate(FILE_BYTES, args.files, args.seed) if args.files else []
    files = fuzz_files(blobs, failures, args.progress)
    t1 = time.perf_counter()
    texts = generate(fuzzing.texts, args.examples, args.seed) if args.examples else []
    t2 = time.perf_counter()
    text_counts = fuzz_texts(texts, args.batch_size, args.shacl, failures, args.progress)
    t3 = time.perf_counter()
    summary = {
        "seed": args.seed, "shacl": args.shacl,
        "files": {**files, "seconds": round(t1 - t0, 1)},
        "texts": {**text_counts, "unique": len(set(texts)), "characters": sum(map(len, texts)),
                  "generate_seconds": round(t2 - t1, 1), "seconds": round(t3 - t2, 1)},
        "failures": len(failures),
    }
    (OUT / "fuzz_many.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    with (OUT / "fuzz_failures.jsonl").open("w", encoding="utf-8") as f:
        for item in failures:
            f.write(json.dumps(item, ensure_ascii=True) + "\n")
    print(json.dumps(summary, indent=2))
    for item in failures[:10]:
        print(f"FAILED ({item['kind']}): {item['error']}\n  input: {item['input'][:300]!r}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
