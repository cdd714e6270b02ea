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

# Torch's OpenMP threads sleep between parallel regions instead of spinning for them (unless the user chose
# otherwise), set here because it must be in the environment before torch is first loaded. A spinning thread
# holds its core; on cores shared with other processes, it waits for a sibling that is not running, and the
# NER of a serial `kg extract` (2 threads on 2 cores) ran 4 to 12 times slower in wall time at a load average
# of 7, 1.3 to 14 s for the first prefill (kg.ner.Tagger.prefill) instead of 0.1 s. Sleeping changes how
# threads wait, not how work is split: the tensors are bit for bit those of spinning threads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
