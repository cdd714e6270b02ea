"""docs/extending.md is a worked example: its Python blocks run, in order, against the real
pipeline (real Stanza models, real cue lexicon), and the new relation type is found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract.registry import active_rules
from kg.schema import RELATIONS

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

DOC = Path(__file__).resolve().parents[2] / "docs" / "extending.md"


def test_the_worked_example_in_docs_extending_runs():
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 5, "the page lost its Python blocks"
    before = ({r.name for r in active_rules()}, set(RELATIONS))
    namespace: dict = {}
    for block in blocks[:-1]:
        exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    assert "trains" in RELATIONS and any(r.relation == "trains" for r in active_rules())
    exec(compile(blocks[-1], str(DOC), "exec"), namespace)  # noqa: S102 - the page's undo block
    assert ({r.name for r in active_rules()}, set(RELATIONS)) == before
