"""Whose state a possessive government noun means where the nearest person is the wrong antecedent: in the content of
a denied charge ("Tuggar menepis tudingan Trump yang menyebut pemerintahannya membiarkan …", "… menolak tuduhan X
bahwa negaranya …": the charge's author does not accuse his own government, the denier's is meant), and where no
person is named in its sentence ("Polandia … . Negara itu …, dan militernya …": the state the sentences are about,
not the home of a person named paragraphs back)."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import left_subject
from kg.extract.context import State
from kg.units import STOP_PUNCT, Unit

#: how far back from the possessive the charge noun may stand ("tudingan Presiden AS Donald Trump yang menyebut …")
REACH = 12


def denier_of_content(units: list[Unit], i: int) -> int | None:
    """The subject of the denial verb whose charge noun's content ("yang menyebut …", "bahwa …") holds unit ``i``,
    else None."""
    for a in range(i - 1, max(-1, i - REACH), -1):
        v = units[a]
        if v.text in STOP_PUNCT:
            return None
        if v.etype or not v.has("AccusationNoun"):
            continue
        d = next((w.i for w in units[max(0, a - 3):a]
                  if not w.etype and ACTIVE in (w.cls.get("DenyCue"), w.cls.get("RejectCue"))), None)
        if d is None or not any(not w.etype and w.has("Complementizer", "Relativizer") for w in units[a + 1:i]):
            return None
        return left_subject(units, d)
    return None


def told_state(units: list[Unit], i: int, state: State, home: str | None) -> str | None:
    """The state "militernya"/"pemerintahnya" at ``i`` belongs to where no person was named in its sentence: the
    sentence's first party, where it is a state the last sentence named ("Negara itu menjadi pintu masuk …, dan
    militernya …"); opening the sentence, the first state the last sentence named, where the person named last
    before is from none it named ("… CEO KAI Kang Goo-young. Di sisi lain, Polandia terus menjadi penopang utama
    Ukraina. Militernya telah menghibahkan tank …": Poland's); else ``home``."""
    first = next((v for v in units[:i] if v.is_actor), None)
    if first is not None:
        return first.keys[0] if len(first.keys) == 1 and first.keys[0] in state.last_states and \
            first.keys[0] in state.entities and state.entities[first.keys[0]].type == "GPE" else home
    if home is None or not state.last_states or home in state.last_states:
        return home
    return state.last_states[0]
