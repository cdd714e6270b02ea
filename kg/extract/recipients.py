"""Where a list of recipients after "ke/kepada" goes on or stops: past "di PLACE" it goes on ("kepada Hizbullah
di Lebanon, Hamas di Palestina dan Houthi di Yaman"), and at a member that opens a clause of its own it stops
("… ke Israel, dan Jerman mengirim tank": Germany sends, it receives nothing)."""

from __future__ import annotations

from kg.extract.clause import actor_keys, prep_actor
from kg.extract.context import State
from kg.extract.described import past_group_noun
from kg.extract.lists import owner_end
from kg.extract.used import helped
from kg.resolve import gazetteer
from kg.units import Unit


def located_more(units: list[Unit], end: int, hi: int, state: State) -> tuple[str, ...]:
    """"kepada Hizbullah di Lebanon, Hamas di Palestina dan milisi Houthi di Yaman": a party told with where it
    is goes on with more such, each a recipient (the places are not)."""
    more: list[str] = []
    k = end + 1
    while k + 1 < hi and units[k].has("LocativePrep") and not units[k].etype and units[k + 1].etype in ("GPE", "LOC"):
        place = units[k + 1]
        if rest := [g for g in place.group if g > place.i]:  # "di Palestina dan Houthi": one coordination
            more += [key for g in rest for key in units[g].keys]
            k = rest[-1] + 1
            continue
        k += 2  # past "di Lebanon"
        if k < hi and units[k].text == "," and k + 1 < hi and units[k + 1].has("Conjunction"):
            k += 1  # ", dan"
        if k + 1 >= hi or not (units[k].text == "," or units[k].has("Conjunction")):
            break
        n = past_group_noun(units, k + 1, hi)  # ", milisi Houthi di Yaman"
        if not units[n].is_actor or units[n].paren:
            break
        more += actor_keys(units, n, state)
        k = (units[n].group[-1] if units[n].group else n) + 1
    return tuple(dict.fromkeys(more))


def clause_cut(units: list[Unit], keys: tuple[str, ...], end: int) -> tuple[str, ...]:
    """The recipients ``keys`` of a coordination ending at ``end`` up to a member a verb follows: that member is
    the subject of the next clause ("mengirim rudal ke Israel, dan Jerman mengirim tank ke Ukraina"); or up to one
    joined by "bersama", who gives along with the subject."""
    members = units[end].group if end < len(units) and units[end].group else ()
    for n, m in enumerate(members[1:], 1):
        if any(v.has("CompanionPrep") and not v.etype for v in units[members[n - 1] + 1:m]):
            # "menyerahkan F-16 kepada Ukraina bersama Belanda": who gives with the subject, not a recipient
            dropped = {key for g in members[n:] for key in units[g].keys}
            return tuple(key for key in keys if key not in dropped)
        nxt = units[m + 1] if m + 1 < len(units) else None
        if nxt is not None and nxt.is_verb() and nxt.cls and not nxt.etype and not nxt.has("FunctionWord"):
            # "Pasok Drone ke Sudan, Iran dan UEA Dituding …": the subject is the conjuncts after the last comma
            while n > 1 and not any(v.text == "," for v in units[members[n - 1] + 1:members[n]]) and \
                    any(v.text == "," for v in units[members[0] + 1:members[n - 1]]):
                n -= 1
            dropped = {key for g in members[n:] for key in units[g].keys}
            return tuple(key for key in keys if key not in dropped)
    return keys


def deployed_to(units: list[Unit], wlast: int, hi: int) -> bool:
    """"mengirim kapal induk ke Laut Tengah", "… pengebom B-52 ke Semenanjung Korea": weapons sent to a place (a
    sea, a region) and to no party are a deployment of one's own forces, not a supply to guess a recipient for."""
    return _destination(units, wlast, hi) is not None


def land_of(units: list[Unit], wlast: int, hi: int, suppliers: tuple[str, ...], state: State) -> tuple[str, ...]:
    """The state a region the weapons are sent to lies in ("mengirim dua unit howitzer ke Siberia": Russia), where
    that is no supplier's own (not "Rusia mengirim rudal ke Siberia", a deployment)."""
    k = _destination(units, wlast, hi)
    if k is None or not units[k].keys:
        return ()
    gaz = gazetteer()
    lands = tuple(dict.fromkeys(st for key in units[k].keys if (st := gaz.state_of(key)) is not None))
    own = {gaz.state_of(s) or s for s in suppliers}
    return lands if lands and not set(lands) & own else ()


def _destination(units: list[Unit], wlast: int, hi: int) -> int | None:
    """The region or sea the weapons are sent to ("ke Laut Tengah"), no party: where it is named, else None."""
    for j in range(wlast + 1, min(hi - 1, wlast + 7)):
        u = units[j]
        if u.has("RecipientPrep") and not u.etype:
            k = j + 1  # (past a bare head or two: "ke perairan Laut China Selatan")
            while k < min(hi - 1, j + 3) and not units[k].etype and not units[k].is_verb() and units[k].text.isalpha() \
                    and (not units[k].cls or units[k].has("LocationHead")):
                k += 1  # (not "kepada negara Afrika tengah itu": a state told by its region)
            return k if units[k].etype == "LOC" else None
        if u.etype or u.is_verb() or u.text in (",", ";", ":", "."):
            return None
    return None


def parallel_recipient(units: list[Unit], end: int, found: tuple[str, ...], state: State) -> tuple[str, ...]:
    """"AS mengirim tank ke Ukraina. Jerman juga mengirim rudal ke negara itu": a state noun pointing back from the
    recipient's place means the last supply's one recipient, not its supplier (the subject the anaphor found)."""
    last = state.last_supply
    u = units[end] if 0 <= end < len(units) else None
    if u is None or not u.has("StateNoun") or u.pron is None or last is None or len(last.recipient) != 1 or \
            not found or set(found) - set(last.supplier):
        return found
    return last.recipient


def recipient_after(units: list[Unit], widx: list[int], wlast: int, hi: int, state: State, cue: int) -> tuple[str, ...]:
    """"… ke Rusia" after the weapons (and their owner), or after the first of a list ("14 tank untuk Ukraina,
    berikut artileri"), or before a list the cue introduces ("paket … untuk Ukraina yang berisi granat, …")."""
    ex = _examples_of_recipients(units, wlast, hi)  # "kepada 30 negara, termasuk Polandia dan Maroko"
    found, end = (actor_keys(units, ex, state), ex) if ex is not None else \
        prep_actor(units, owner_end(units, wlast), hi, ("RecipientPrep",), state)
    if found:
        found = parallel_recipient(units, end, clause_cut(units, found, end), state) + located_more(units, end, hi, state)
    if not found and any(units[k].span.get("FunctionWord", 1) > 1 for k in range(wlast + 1, min(hi, wlast + 7))):
        # "… senjata dan bantuan keuangan dalam jumlah besar kepada X": an adverbial phrase takes no reach
        found, _ = prep_actor(units, wlast, hi, ("RecipientPrep",), state, reach=9)
    if not found and widx and widx[0] != wlast:
        found, _ = prep_actor(units, widx[0], hi, ("RecipientPrep",), state)
    if not found and widx and widx[0] > cue + 4:
        found, _ = prep_actor(units, cue, widx[0], ("RecipientPrep",), state, reach=widx[0] - cue)
    if not found and wlast + 2 < hi and units[wlast + 1].has("Relativizer") and not units[wlast + 1].etype:
        # "memasok rudal yang disimpan di Lebanon selatan kepada Hizbullah": past a relative clause on the weapons,
        # the party right after a preposition of recipients, where no verb of the clause governs it
        k = next((m for m in range(wlast + 3, min(hi - 1, wlast + RELATIVE_REACH))
                  if units[m].has("RecipientPrep") and not units[m].etype and not units[m - 1].is_verb()
                  and units[m + 1].is_actor and not units[m + 1].paren), None)
        if k is not None and not any(v.text == "," or v.has("Conjunction") for v in units[wlast + 2:k]):
            found = actor_keys(units, k + 1, state)
    return found or helped(units, wlast, hi, state)


def _examples_of_recipients(units: list[Unit], wlast: int, hi: int) -> int | None:
    """The first party named as an example of the recipients a plain noun after "ke"/"kepada" counts ("… kepada lebih
    dari 30 negara, termasuk Polandia dan Maroko"), the noun's owner aside ("kepada tiga tetangga Malaysia, yaitu
    Indonesia, …": Malaysia's neighbours): where the examples begin, else None."""
    p = next((k for k in range(wlast + 1, min(hi, wlast + 3)) if units[k].has("RecipientPrep") and not units[k].etype),
             None)
    if p is None:
        return None
    for k in range(p + 1, min(hi - 1, p + RELATIVE_REACH)):
        v = units[k]
        if v.etype and (k == p + 1 or units[k - 1].etype or units[k - 1].is_verb() or units[k - 1].cls):
            return None  # (a party right after the preposition, or after a word of the rule's, is the recipient)
        if v.is_verb():
            return None
        if v.has("ExampleIntro"):
            m = k + v.span.get("ExampleIntro", 1)
            return m if m < hi and units[m].is_actor and not units[m].paren else None
    return None


#: how far after the weapons a relative clause on them may run before the recipient is named
RELATIVE_REACH = 10
