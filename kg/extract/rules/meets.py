"""meets(a, b): two persons meet ("bertemu dengan", "pertemuan X dan Y"); symmetric."""

from __future__ import annotations

from kg.cues import ENCLITICS, NOUN, PASSIVE
from kg.extract.clause import (
    actor_keys,
    clause_left,
    clause_right,
    elided_subject,
    fronted_subject,
    left_subject,
    person_next,
    remote,
    right_actor,
    sentence_subject,
    title_word,
    titled_prep,
)
from kg.extract.context import SentenceContext, State
from kg.extract.modality import event_modality
from kg.extract.registry import rule
from kg.types import Entity, Relation
from kg.units import Unit, skip_span


@rule("meets", triggers=("MeetCue",))
def meet_rule(ctx: SentenceContext) -> list[Relation]:
    return [ctx.relation("meets", {"a": a, "b": b}, m) for a, b, m in meetings(ctx.units, ctx.state)]


def meetings(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    out = []
    for u in units:
        if u.etype or "MeetCue" not in u.cls:
            continue
        end = skip_span(units, u.i, "MeetCue") - 1  # the cue's last word
        if u.has("ReceiveCue") and not person_next(units, end) or remote(units, u.i):
            continue  # receiving a call, a letter or arms is no meeting, nor is a talk by phone
        hi = clause_right(units, u.i)
        if u.cls["MeetCue"] == NOUN:
            if u.i + 1 < len(units) and units[u.i + 1].has("Demonstrative"):
                continue
            stop = min(hi, u.i + 12)
            if units[0].has("ClauseBoundary", "Preposition") and not any(v.is_actor for v in units[1:u.i]):
                # "Usai pertemuan 2+2, keduanya …": a fronted phrase ends at its comma; who follows holds it
                stop = next((k for k in range(u.i + 1, stop) if units[k].text == ","), stop)
            people = [j for j in range(u.i + 1, stop) if units[j].etype == "PER" and not units[j].paren]
            keys = list(dict.fromkeys(k for j in people for k in units[j].keys))
            p = titled_prep(units, people[0]) if people else None
            if p is not None and p.has("ComitativePrep", "AddresseePrep"):
                # "A bersama B menghadiri pertemuan dengan C dan D", "keduanya melakukan kunjungan kehormatan kepada
                # C": each of the hosts meets each partner named
                partners = list(dict.fromkeys(k for j in people for k in actor_keys(units, j, state) if _person(k, state)))
                host = _noun_host(units, u, keys, state)
                pairs = [(a, b) for a in host for b in partners if a != b]
                if pairs:
                    out += [(a, b, event_modality(units, u.i, None)) for a, b in pairs]
                    continue
                if p.has("ComitativePrep") and not host:
                    continue  # "Pertemuan kedua dan ketiga adalah dengan A dan B": each met someone unnamed, not each other
            if p is not None and p.has("BetweenPrep") and len(keys) < 2:
                continue  # "mengatur pertemuan antara Prigozhin dan pejabat …": one named side, and not the arranger
            if len(keys) < 2:
                # "Kim dan Putin menggelar pertemuan puncak", "Lee menggelar pertemuan puncak dengan Ishiba",
                # "usai pertemuannya dengan MBS": the subject, or the owner of "-nya", meets whoever follows
                keys = list(dict.fromkeys(_noun_host(units, u, keys, state) + keys))
            if len(keys) >= 2:
                out.append((keys[0], keys[1], event_modality(units, u.i, None)))
            continue
        j = left_subject(units, u.i, per_only=True)
        if j is None:
            j = next((k for k in range(u.i - 1, clause_left(units, u.i) - 1, -1)
                      if units[k].etype == "PER" and not units[k].paren and not units[k].title), None)
        if j is None:  # "Kim dan Putin sepakat … saat bertemu di Vostochny"
            j = elided_subject(units, u.i, per_only=True)
        if j is None:  # "Usai bertemu Erdogan, Prabowo menyatakan …"
            j = fronted_subject(units, u.i, per_only=True)
        if j is None and u.i > 0 and units[u.i - 1].has("PurposeConj"):
            j = sentence_subject(units, u.i)  # "Blinken dan Lammy … melanjutkan perjalanan … untuk bertemu X"
        if j is None and u.cls["MeetCue"] == PASSIVE:
            # "ditandatangani (oleh) A bersama B" (to the sentence's end: a title may hold "saat itu")
            stop = next((k for k in range(u.i + 1, len(units)) if units[k].text in (".", ";", "?", "!")), len(units))
            out += _done_together(units, u.i, stop, state)
            continue
        if j is None:
            continue
        a_keys = [k for k in actor_keys(units, j, state) if state.entities.get(k, Entity(k, k, "PER")).type == "PER"]
        preps = ("ComitativePrep", "AgentPrep") if u.cls["MeetCue"] == PASSIVE else ("ComitativePrep",)
        o = right_actor(units, end, hi, preps, per_only=True)
        if o is not None and u.has("DiscussVerb") and titled_prep(units, o) is None:
            o = None  # "membahas pengamanan koridor X": the topic, not a partner
        modality = event_modality(units, u.i, j)
        # "A dan B meneken kesepakatan … dengan C": signers met each other and whoever is named with them;
        # "A dan B bertemu C" tells only that both met C
        # "A dan B berjabat tangan …, disaksikan C": C, set off by a comma, was there as well
        apart = o is not None and any(units[k].text == "," for k in range(end + 1, o))
        if o is None or u.has("SignVerb") or apart:
            out += [(a, b, modality) for n, a in enumerate(a_keys) for b in a_keys[n + 1:] if a != b]
        if o is not None:
            for a in a_keys:
                for b in actor_keys(units, o, state):
                    if a != b:
                        out.append((a, b, modality))
    return out


def _noun_host(units: list[Unit], u: Unit, keys: list[str], state: State) -> list[str]:
    """Who holds the meeting a noun names: the subject, or the owner of "-nya" ("usai pertemuannya dengan MBS")."""
    j = left_subject(units, u.i, per_only=True)
    first = sentence_subject(units, j) if j is not None else None
    if first is not None and any(v.is_verb() and not v.has("FunctionWord") for v in units[first + 1:j]):
        j = first  # "Ia bertemu X …, kemudian melanjutkan pembicaraan dengan Y": X is an object
    if j is None:
        j = sentence_subject(units, u.i) if u.low.endswith(ENCLITICS[0]) or keys else None
    if j is None and keys:  # "Usai pertemuannya dengan X, Albanese menyatakan …"
        j = fronted_subject(units, u.i, per_only=True)
    return [k for k in actor_keys(units, j, state) if _person(k, state)] if j is not None else []


def _person(key: str, state: State) -> bool:
    return key in state.entities and state.entities[key].type == "PER"


def _done_together(units: list[Unit], i: int, hi: int, state: State) -> list[tuple[str, str, str]]:
    """A passive with its agents after it: "ditandatangani oleh A dan B", "ditandatangani A bersama B",
    "dibahas A dengan B" (they met to do it)."""
    k = i + 1
    while k < hi and (units[k].has("AgentPrep", "FunctionWord") or units[k].text == "," or title_word(units[k])):
        k += 1
    if k >= hi or units[k].etype != "PER" or units[k].paren:
        return []
    people = [k for k in actor_keys(units, k, state) if _person(k, state)]
    o = right_actor(units, units[k].group[-1] if units[k].group else k, hi, ("ComitativePrep",), per_only=True)
    if o is not None:
        people += [p for p in actor_keys(units, o, state) if p not in people]
    modality = event_modality(units, i, None)
    return [(people[0], b, modality) for b in people[1:] if b != people[0]] if len(people) >= 2 else []
