"""What the schema bars (kg.schema ``barred``), applied to extracted relations by kg.extract.post."""

from __future__ import annotations

import pytest

from kg.extract.post import complete_entities
from kg.types import Entity, Relation

ENTITIES = {
    "asia": Entity("asia", "Asia", "LOC", None),
    "rosneft": Entity("rosneft", "Rosneft", "ORG", None),
    "japan": Entity("japan", "Japan", "GPE", None),
}


@pytest.mark.parametrize(("rtype", "args"), [
    ("sanctions", {"sanctioner": "asia", "target": "rosneft"}),  # a region imposes nothing
    ("warns", {"warner": "asia", "warned": "japan"}),  # nor warns
    ("accuses", {"accuser": "asia", "accused": "japan"}),
])
def test_a_region_does_not_act(rtype: str, args: dict[str, str]) -> None:
    assert complete_entities([Relation(rtype, args, "asserted", 0, 0, 10)], dict(ENTITIES)) == []


def test_a_state_does() -> None:
    r = Relation("sanctions", {"sanctioner": "japan", "target": "rosneft"}, "asserted", 0, 0, 10)
    assert complete_entities([r], dict(ENTITIES)) == [r]
