"""What an article's graph was built with, so an incremental build can tell stale graphs from current ones.

A graph depends on the article's text (its content hash names the graph) and on the pipeline: the
Stanza models, the user-extensible data in ``ontology/`` (aliases, weapon names, cue verbs) and the
code that turns tagged text into triples. :func:`fingerprint` hashes all three. Every article graph
records it (``kg:builtWith``), and ``kg build`` re-extracts an article whose recorded fingerprint is
not the current one, so editing ``entities.ttl`` or retraining a model never leaves a store that
mixes old and new readings of unchanged articles.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from kg import MODELS_DIR, ONTOLOGY_DIR, __version__

#: Ontology files the extractor reads (kg.ttl and shapes.ttl describe the output, they do not shape it).
DATA_FILES = ("entities.ttl", "places.ttl", "cues.ttl", "weapons.ttl", "abbreviations.ttl", "time.ttl", "names.ttl",
              "accents.ttl")
#: Modules whose code decides what is extracted and how it is written.
MODULES = ("nlp", "tokenize", "ner", "patterns", "weapons", "resolve", "units", "unitize", "listed", "quotes", "cues",
           "typos", "extract", "rdf", "types", "schema", "vocab", "meta", "dates", "ingest",
           "htmltext")


def _model_files(models_dir: Path) -> list[Path]:
    files = [models_dir / "config.json"]
    try:
        cfg = json.loads(files[0].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return files
    return files + [models_dir / str(cfg[k]) for k in ("tokenizer", "ner", "pretrain") if cfg.get(k)]


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    except OSError:
        return "missing"
    return h.hexdigest()


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """16 hex digits over kg's version, the model files, the ontology data and the extractor code.

    Computed once per process (about 50 ms, mostly the 20 MB of models)."""
    package = Path(__file__).resolve().parent
    from kg.nlp import settings

    parts = [f"kg {__version__}", f"nlp {settings()}"]  # the settings chosen (the naming of persons is the gold
    # records' alone: the graph names each entity by its canonical name whatever KG_PERSON_NAMES says)
    parts += [f"model {p.name} {_digest(p)}" for p in _model_files(MODELS_DIR)]
    parts += [f"data {name} {_digest(ONTOLOGY_DIR / name)}" for name in DATA_FILES]
    for name in MODULES:  # a module or a package (every .py file under it)
        files = sorted((package / name).rglob("*.py")) if (package / name).is_dir() else [package / f"{name}.py"]
        parts += [f"code {f.relative_to(package).as_posix()} {_digest(f)}" for f in files]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
