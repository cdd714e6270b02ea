"""Infinitive complements: "AS siap untuk memulai kembali pengiriman bom ke Israel", "Jerman berencana untuk
melanjutkan pengiriman tank": the purpose word right before a verb opens the subject's own act."""

from __future__ import annotations

from kg.units import Unit


def infinitival(units: list[Unit], v: Unit) -> bool:
    """``v`` is a purpose word ("untuk") followed at once by a verb: the subject's infinitive, not a phrase about
    someone else's act ("sanksi untuk pengiriman …")."""
    return v.has("PurposeConj") and not v.etype and v.i + 1 < len(units) and units[v.i + 1].is_verb()
