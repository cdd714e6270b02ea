"""Where a meeting was held when the sentence names it before its subject, and whose a stay told in a relative
clause is: what the visit rules read besides the place after the verb."""

from __future__ import annotations

from kg.cues import NOUN, POSSESSIVE
from kg.extract.clause import actor_keys, after_titles, clause_left, group_prep, title_word
from kg.extract.context import SentenceContext
from kg.extract.modality import event_modality
from kg.extract.parties import home_state
from kg.extract.titlewords import before_titles
from kg.resolve import gazetteer
from kg.types import Relation
from kg.units import Unit


def fronted_venue(units: list[Unit], j: int | None) -> list[int]:
    """Places in a locative phrase that opens the sentence and ends at the comma before the subject at ``j``: "Di
    Kyiv, Healey bertemu Zelensky", "Di ajang pameran dirgantara di Le Bourget, Prancis, Juni 2023, Prabowo
    bertemu …". The meeting of the clause after the comma was held there. A phrase holding a verb is a clause of
    its own, not a place ("Di Israel, kabar itu disambut dingin" names no subject before the verb)."""
    if j is None:
        return []
    h = before_titles(units, j)  # "Di Kyiv, Menteri Pertahanan Inggris John Healey …": past the title and its state
    if h < 3 or units[h - 1].text != "," or units[0].etype or not units[0].has("LocativePrep"):
        return []
    phrase = units[1:h - 1]
    if any(not v.etype and v.is_verb() or v.quote is not None for v in phrase):
        return []
    return [v.i for v in phrase if v.etype in ("GPE", "LOC", "ORG") and not v.title and not v.paren]


def possessed_stay(units: list[Unit], j: int, i: int) -> bool:
    """Whether the person at ``j`` owns the noun before him, which a relative clause up to the verb at ``i``
    tells of: "aset keduanya yang berada di bawah yurisdiksi AS", "properti kedua orang tersebut yang berada di
    AS" (the assets are there, not the persons). Not a title ("Presiden X yang berada di Moskow") nor a party
    of persons ("rombongan X yang tiba di …")."""
    h = units[j].group[0] if units[j].group else j
    between = units[j + 1:i]
    if h == 0 or not any(v.has("Relativizer") and not v.etype for v in between):
        return False
    if any(v.etype or v.text == "," or v.is_verb() and not v.has("FunctionWord") for v in between):
        return False
    prev = units[h - 1]
    return prev.is_noun() and not title_word(prev) and not prev.has("PersonNoun", "DelegationNoun", "GuestNoun")


def next_legs(units: list[Unit], i: int) -> list[int]:
    """The places of a journey's next stops told after the one of the verb or noun at ``i`` with no verb of their
    own: "… memulai lawatannya di Panama, lalu ke El Salvador, Kosta Rika dan Guatemala" (a comma, a word of going
    on, "ke", then the places listed). A person or a verb between ends the journey's sentence part."""
    out: list[int] = []
    for k in range(i + 1, len(units)):
        v = units[k]
        if v.text in (".", ";", "?", "!") or v.etype == "PER" or not v.etype and v.is_verb() and \
                not v.has("FunctionWord", "NextLegAdverb"):
            break
        bare = v.etype in ("GPE", "LOC") and k > 1 and units[k - 1].has("NextLegAdverb") and not units[k - 1].etype \
            and units[k - 2].text == ","  # "mengunjungi Lituania, lalu Estonia": the next place with no "ke"
        if not bare and not (v.has("GoalPrep") and not v.etype and k > 1 and units[k - 1].has("NextLegAdverb")
                             and units[k - 2].text == ","):
            continue
        legs: list[int] = []
        m = k if bare else k + 1
        while m < len(units):
            w = units[m]
            if w.etype in ("GPE", "LOC") and not w.paren:
                legs.append(m)
            elif w.text != "," and not (w.has("Conjunction") and not w.etype):
                break
            m += 1
        if bare and m < len(units) and not units[m].etype and units[m].is_verb() and \
                not units[m].has("FunctionWord"):
            break  # "…, kemudian Argentina mengumumkan …": the place is the subject of a clause of its own
        out += legs
    return out


def countries(units: list[Unit], cands: list[int]) -> list[str]:
    """The countries of the first candidate place that names one: "di Gedung Pancasila, Jakarta" is
    Indonesia, and so is a state's own building or body ("di Gedung Putih": the United States);
    "menyambangi China dan Jepang" both. An airport, a building or a region the gazetteer cannot place
    is passed over."""
    gaz = gazetteer()
    for c in cands:
        out = []
        for m in units[c].group or (c,):
            for key in units[m].keys:
                place = gaz.state_of(key) if key in gaz.entries else None  # "di Gedung Putih": the United States
                if units[m].etype == "ORG" and (place is None or gaz.entries[place].type != "GPE"):
                    place = None  # "di markas NATO": no country
                if place and place not in out:
                    out.append(place)
        if out:
            return out
    return []


def sequel_modality(units: list[Unit], i: int, j: int | None) -> str | None:
    """The modality of a journey told in a clause that follows its subject's first act in time, where that act
    is only planned or possible: "Blinken dijadwalkan bertemu Raja Abdullah sebelum bertolak ke Ankara" (the
    journey is as planned as the meeting). None where the clause is not such a sequel or the act was done."""
    lo = clause_left(units, i)
    if j is None or lo == 0 or j >= lo - 1 or not units[lo - 1].has("AfterConj", "NextLegAdverb") or units[lo - 1].etype:
        return None
    first = event_modality(units, lo - 1, j)
    return first if first in ("planned", "potential") else None


def clause_person(units: list[Unit], i: int) -> int | None:
    """The nearest person before ``i`` in its clause whom a predicate follows ("X menyampaikan …", "Y tewas …") or a
    speaker after a tag ("…, kata X"): not one met or told ("X bertemu Y dalam perjalanan ke Z": X travels);
    outside titles, brackets, quotes and prepositional phrases."""
    for j in range(i - 1, clause_left(units, i) - 1, -1):
        v = units[j]
        if v.etype != "PER" or v.paren or v.title or v.quote is not None or group_prep(units, j):
            continue
        h, e = (v.group[0], v.group[-1]) if v.group else (j, j)
        nxt = units[e + 1] if e + 1 < len(units) else None
        if nxt is not None and not nxt.etype and nxt.text.isalpha() and \
                not nxt.has("Preposition", "EnRoutePrep", "ClauseBoundary", "Conjunction") or h > 0 and _tagged(units, h):
            return h
    return None


def _tagged(units: list[Unit], h: int) -> bool:
    """Whether the person opening at ``h`` follows a speech tag past his titles ("kata Kanselir Jerman X")."""
    k = h - 1
    while k >= 0 and title_word(units[k]):  # (a state or body inside a title is marked as its word)
        k -= 1
    return k >= 0 and not units[k].etype and units[k].has("QuoteVerb")


def owned_modifier(units: list[Unit], end: int) -> Unit | None:
    """A short modifier ending in "-nya" between a visit noun (ending at ``end``) and "ke": "kunjungan perdananya ke
    Damaskus", "kunjungan tiga harinya ke AS" are the possessor's visits, like "kunjungannya ke …"."""
    for k in range(end + 1, min(len(units), end + 4)):
        v = units[k]
        if v.etype or not (v.text.isalnum() and v.text.islower()):
            return None
        if v.low.endswith(POSSESSIVE):
            return v if k + 1 < len(units) and units[k + 1].has("GoalPrep") else None
    return None


def other_meeting(units: list[Unit], i: int, k: int) -> bool:
    """A meeting of others between the visit noun at ``i`` and the place at ``k`` holds it ("kunjungan X ke Berlin
    menjelang pertemuan Trump dan Putin di Alaska")."""
    return any(v.cls.get("MeetCue") == NOUN and not v.etype and m + 1 < k and units[m + 1].etype == "PER"
               for m, v in enumerate(units[i + 1:k], i + 1))


def title_post(units: list[Unit], k: int) -> bool:
    """"disambut Atase Pertahanan RI di Pretoria(,) Burhanudin": the post a title names before the name, not where
    anyone met."""
    if k < 2 or not units[k - 1].has("LocativePrep") or not (title_word(units[k - 2]) or units[k - 2].etype == "GPE"):
        return False
    if not any(units[m].has("RoleTitle") and not units[m].etype for m in range(max(0, k - 5), k - 1)):
        return False
    n = after_titles(units, k + 2 if k + 1 < len(units) and units[k + 1].text == "," else k + 1)
    return n < len(units) and units[n].etype == "PER"


def verb_between(units: list[Unit], i: int, k: int) -> bool:
    """Whether a verb other than of travel or meeting stands between the verb of travel at ``i`` and the place at
    ``k``: the place is that verb's ("tiba dari Jenewa dan mendesak Israel menghentikan serangan ke Rafah": Israel
    is urged, Rafah attacked, neither visited; "datang untuk bertemu Xi di Beijing" stays a visit)."""
    return any(not v.etype and v.is_verb() and not v.has("VisitCue", "MeetCue") for v in units[i + 1:k])


def own_verb(units: list[Unit], j: int) -> int | None:
    """The verb the person (or persons) at ``j`` is the subject of, right after the name past function words
    ("…, Prabowo juga menyerahkan …"); None where no verb follows."""
    k = past_function_words(units, (units[j].group[-1] if units[j].group else j) + 1)
    return k if k < len(units) and not units[k].etype and units[k].is_verb() else None


def past_function_words(units: list[Unit], k: int) -> int:
    """The first unit from ``k`` on that is no function word ("lebih dulu", "juga"): where a verb would stand."""
    while k < len(units) and not units[k].etype and units[k].has("FunctionWord") and not units[k].is_verb():
        k += 1
    return k


def visits_there(ctx: SentenceContext, j: int, k: int, places: list[str]) -> list[Relation]:
    """visits by the persons at ``j``, who act with the verb at ``k`` in ``places``, each one not their own state."""
    modality = event_modality(ctx.units, k, j)
    return [ctx.relation("visits", {"visitor": p, "place": place}, modality) for p in actor_keys(ctx.units, j, ctx.state)
            for place in places if (h := home_state(p, ctx.state)) and h != place]


#: how many words after "di" the place of a summit may stand, past its venue ("di Museum of Modern Art (MAM), Rio")
_VENUE_REACH = 8


def event_place(units: list[Unit]) -> str | None:
    """The state a summit the sentence names is held in ("KTT BRICS di Rio de Janeiro", "berkumpul di Belém, …, untuk
    KTT Pemimpin"): in a sentence with a summit noun, the first place after "di" (past a venue: "di Museum of Modern
    Art (MAM), Rio de Janeiro") that the gazetteer puts in a state; else None."""
    if not any(u.has("SummitNoun") and not u.etype and not _pointed_back(units, u.i) for u in units):
        return None  # (not "KTT ini", the event already placed: "… menghadiri KTT ini, lebih sedikit dari di Baku")
    for u in units:
        if not u.has("LocativePrep") or u.etype:
            continue
        for w in units[u.i + 1:min(len(units), u.i + 1 + _VENUE_REACH)]:
            if w.is_verb() or w.text in (".", ";") or w.has("Preposition") and not w.etype:
                break  # (not past "bersama delegasi dari Iran": another party's place)
            if w.etype in ("GPE", "LOC") and (found := countries(units, [w.i])):
                return found[0]
    return None


def _pointed_back(units: list[Unit], i: int) -> bool:
    """The summit noun at ``i`` points back with a demonstrative ("KTT ini", "pertemuan tersebut")."""
    return any(v.has("Demonstrative") and not v.etype for v in units[i + 1:min(len(units), i + 3)])
