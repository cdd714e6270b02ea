"""kg: knowledge graphs from Indonesian news."""

import os
from pathlib import Path

__version__ = "0.1.0"

#: Repository root (the package is installed editable by ``make setup``).
ROOT = Path(__file__).resolve().parent.parent
#: User-extensible data: ontology, gazetteers, cue lexicons, SHACL shapes. ``$KG_ONTOLOGY`` names a folder
#: holding the same files to use instead (a team's own lists; ``bench.ablate``'s copies with entries removed).
ONTOLOGY_DIR = Path(os.environ["KG_ONTOLOGY"]).resolve() if os.environ.get("KG_ONTOLOGY") else ROOT / "ontology"
#: Ready-made SPARQL queries, runnable by name.
QUERIES_DIR = ROOT / "queries"
#: Shipped Stanza models.
MODELS_DIR = Path(__file__).resolve().parent / "models" / "id"
