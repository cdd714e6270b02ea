"""The author of a report the article names ("laporan Kelompok Ahli PBB", "Amnesty merilis laporan …"), whom a
later "laporan itu" or "temuan tersebut" means (:func:`kg.extract.discourse.resolve_pronouns`)."""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import State
from kg.extract.parties import outlet
from kg.units import Unit


def report_author(units: list[Unit], state: State) -> tuple[str, ...]:
    """The author of the last report this sentence names: the actor written right after the report noun
    ("Laporan Kelompok Ahli PBB …", "laporan Amnesty"), or the subject of a verb of publishing whose object is
    the report ("Amnesty International merilis laporan …"). A report told only by its anaphor names none."""
    found: tuple[str, ...] = ()
    for u in units:
        if u.etype or not u.cls or "ReportNoun" not in u.cls:
            continue
        a = u.i + 1  # past "baru", "terbaru", "dari": "sebuah laporan baru (dari) Human Rights Watch"
        while a < min(len(units), u.i + 3) and not units[a].etype and units[a].has("RepeatAdjective", "SourcePrep"):
            a += 1
        nxt = units[a] if a < len(units) else None
        if nxt is not None and nxt.is_actor and not nxt.paren and nxt.key:
            # (not a news outlet's report: "menukil laporan KUNA" cites, the outlet accuses no one)
            # nor a state's name opening an unknown body's ("laporan Kuwait News Agency")
            named_on = nxt.etype == "GPE" and nxt.i + 1 < len(units) and units[nxt.i + 1].text[:1].isupper()
            found = () if outlet(nxt.key, state) or named_on else actor_keys(units, nxt.i, state)
            continue
        verb = next((v for v in reversed(units[max(0, u.i - 3):u.i]) if v.voice("PublishVerb") == ACTIVE), None)
        if verb is not None and (j := left_subject(units, verb.i, allow_object=False)) is not None and \
                not units[j].modifier:
            found = actor_keys(units, j, state) or found
    return found
