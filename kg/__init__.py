"""kg: knowledge graphs from Indonesian news."""

from pathlib import Path

__version__ = "0.1.0"

#: Repository root (the package is installed editable by ``make setup``).
ROOT = Path(__file__).resolve().parent.parent
#: User-extensible data: ontology, gazetteers, cue lexicons, SHACL shapes.
ONTOLOGY_DIR = ROOT / "ontology"
#: Ready-made SPARQL queries, runnable by name.
QUERIES_DIR = ROOT / "queries"
#: Shipped Stanza models.
MODELS_DIR = Path(__file__).resolve().parent / "models" / "id"
