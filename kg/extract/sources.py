"""Who the weapons of a supply come from or go to, told around the weapons themselves: their owner after them
("drone Iran"), their maker ("buatan Rusia"), a source before a passive verb, the party that depends on or uses
them. Read by the supply rule (kg.extract.rules.supplies) and the rules that complete its events."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE
from kg.extract.clause import actor_keys, left_subject, predicate_end, prep_actor
from kg.extract.context import State
from kg.extract.described import past_group_noun
from kg.extract.lists import counted_source, filler, model_name
from kg.units import STOP_PUNCT, Unit, word_before


def possessor(units: list[Unit], w_last: int, state: State) -> tuple[str, ...]:
    j = w_last + 1 + (w_last + 2 < len(units) and units[w_last + 1].has("WeaponAdjective"))
    if j < len(units) and units[j].is_actor and units[j].possessor_of is not None and not model_name(units[j]):
        return actor_keys(units, j, state)
    return ()


def list_possessor(units: list[Unit], widx: list[int], wlast: int, state: State) -> tuple[str, ...]:
    """The owner after a list's last weapon, else after its first ("persenjataan Rusia, mulai dari …")."""
    return possessor(units, wlast, state) or (possessor(units, widx[0], state) if widx and widx[0] != wlast else ())


def head_source(units: list[Unit], widx: list[int], wlast: int, hi: int, state: State) -> tuple[str, ...]:
    """"dari X" right after a list's first weapon when a list introducer follows it ("senjata dari China,
    termasuk jet tempur …"): the source of the whole list; else "dari X" right after the recipient the weapons go
    to ("pengiriman senjata ke Kamboja dari Bulgaria, Ceko dan Serbia")."""
    if not widx or widx[0] == wlast:
        return _after_recipient(units, wlast, hi, state)
    return prep_actor(units, widx[0], hi, ("SourcePrep",), state, reach=3)[0]


def _after_recipient(units: list[Unit], wlast: int, hi: int, state: State) -> tuple[str, ...]:
    """The actor named by "dari" right after "ke/untuk X" that follows the weapons at ``wlast``, else none."""
    k = wlast + 1
    if k + 3 >= hi or units[k].etype or not units[k].has("RecipientPrep") or not units[k + 1].is_actor or \
            units[k + 1].paren:
        return ()
    end = units[k + 1].group[-1] if units[k + 1].group else k + 1
    if end + 2 < hi and not units[end + 1].etype and units[end + 1].has("SourcePrep") and units[end + 2].is_actor \
            and not units[end + 2].paren:
        return actor_keys(units, end + 2, state)
    return ()


def made_by(units: list[Unit], w_last: int, hi: int, state: State) -> tuple[str, ...]:
    """"helikopter serang dan angkut buatan Rusia": the maker named after the weapons (past the words
    of the list), who sold them to whoever receives them."""
    for j in range(w_last + 1, min(hi - 1, w_last + 8)):  # (past a range and a model: "jarak jauh SAMP/T buatan …")
        if units[j].has("OriginNoun") and units[j + 1].is_actor and not units[j + 1].paren:
            return actor_keys(units, j + 1, state)
        if not filler(units[j]) and not units[j].has("Conjunction"):
            return ()
    return ()


def source_before(units: list[Unit], w_last: int, i: int, state: State) -> tuple[str, ...]:
    """"Dua helikopter dari Italia didatangkan Nigeria", "rudal dari Iran diselundupkan ke Yaman": the source
    named with the weapons before a passive verb of buying, receiving or sending is who sold or sent them."""
    for j in range(w_last + 1, i - 1):
        if units[j].has("SourcePrep") and not units[j].etype and units[j + 1].is_actor and not units[j + 1].paren:
            return actor_keys(units, j + 1, state)
    return ()


def unnamed_source(units: list[Unit], w_last: int, hi: int) -> bool:
    """"memperoleh tank buatan Rusia dari rampasan perang", "mendapat rudal buatan Korut dari sitaan": the arms
    came from a source the clause names only by a common noun (spoils, seizures, smugglers), so whoever made
    them did not sell them."""
    for j in range(w_last + 1, min(hi - 1, w_last + 8)):
        u = units[j]
        if u.has("SourcePrep") and not u.etype:
            v = units[j + 1]
            named = any(x.is_actor for x in units[j + 1:min(hi, j + 4)])
            return v.is_noun() and not v.has("CalendarWord", "PartitiveNoun") and not named
        if u.text in STOP_PUNCT or u.is_verb():
            return False
    return False


def dependent(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """"Ukraina mengandalkan pasokan rudal Patriot dari Jerman": who depends on the supply gets it."""
    k = i - 1
    while k >= 0 and not units[k].etype and units[k].has("FunctionWord") and not units[k].has("DependVerb"):
        k -= 1
    if k < 0 or not units[k].has("DependVerb"):
        return ()
    j = left_subject(units, k)
    return actor_keys(units, j, state) if j is not None else ()


def used_by(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """"… untuk digunakan (di Ukraina) oleh X", "ditembakkan pasukan X", "helikopter yang dibeli
    Bamako", "rudal Tomahawk yang diminta Kyiv": X ends up with the weapons."""
    for j in range(i + 1, len(units)):
        u = units[j]
        if u.text in STOP_PUNCT:
            return ()
        # (a demand only as a relative clause on the weapons: "X diminta menghentikan …" asks nothing of them)
        asked = u.voice("DemandCue") == PASSIVE and j > 1 and units[j - 1].has("Relativizer") and units[j - 2].is_weapon
        if u.has("UseVerb") or u.voice("ReceiveCue") == PASSIVE or u.voice("RequestCue") == PASSIVE or asked:
            k = j + 1  # "ditembakkan pasukan Rusia": a passive's agent may follow with no "oleh"
            if k + 1 < len(units) and units[k].is_noun() and units[k + 1].etype == "GPE":
                k += 1
            k = past_group_noun(units, k, len(units))  # "… yang digunakan junta Myanmar", "… dipakai milisi Houthi"
            passive = asked or PASSIVE in (u.voice("UseVerb"), u.voice("ReceiveCue"), u.voice("RequestCue"))
            if passive and k < len(units) and units[k].is_actor and not units[k].paren:
                return actor_keys(units, k, state)
            for k in range(j + 1, min(len(units), j + 8)):
                if units[k].has("AgentPrep"):
                    actors, _ = prep_actor(units, k - 1, len(units), ("AgentPrep",), state)
                    return actors
                if units[k].text in STOP_PUNCT:
                    return ()
            return ()
    return ()


def sources_after(units: list[Unit], w_last: int, hi: int, state: State) -> tuple[str, ...]:
    """Whom weapons bought or received at ``w_last`` come from ("membeli 12 Eurofighter dari Qatar"), with the
    sources of the counts listed after it, the weapons left out ("…, 12 dari Oman dan 20 dari Inggris")."""
    hi = predicate_end(units, w_last, hi)  # (not "… sembari meminta alih teknologi dari Amerika": another act's)
    found, at = prep_actor(units, w_last, hi, ("SourcePrep", "AddresseePrep"), state, reach=10)
    if not found:
        return found
    k = at + 1  # (past the clause's end: a comma closes it, the pattern is the list's own)
    while counted_source(units, k):
        found = found + tuple(x for x in actor_keys(units, k + 3, state) if x not in found)
        k += 4
    return found


def stepped_up_by(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The subject of a verb that raises or goes on with the supply noun at ``i`` ("UEA menambah pasokan drone
    China untuk RSF": the UAE supplies, China made the drones), else nothing."""
    k = word_before(units, i, "FunctionWord")
    return _subject_keys(units, k, state) if k > 0 and units[k].cls.get("SupplyControlVerb") == ACTIVE else ()


def involved_in(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The subject of a verb of taking part whose phrase holds the supply noun at ``i`` ("LNA terlibat dalam
    pengiriman amunisi kepada RSF": the LNA sends it), else nothing."""
    k = word_before(units, i, "FunctionWord", "Preposition")
    return _subject_keys(units, k, state) if 0 < k < i - 1 and units[k].has("InvolvedVerb") else ()


def _subject_keys(units: list[Unit], k: int, state: State) -> tuple[str, ...]:
    """The actors the subject of the verb at ``k`` stands for (none in brackets)."""
    subj = left_subject(units, k)
    return actor_keys(units, subj, state) if subj is not None and not units[subj].paren else ()
