"""Weapons told in use by one party and made or bought elsewhere ("Rusia menggunakan drone buatan Iran",
"Qatar mengoperasikan 36 Rafale buatan Prancis, 48 F-15QA dari AS"): the maker or source supplied the user."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE
from kg.extract.clause import actor_keys, clause_right, left_subject, prep_actor, prev_unit
from kg.extract.context import Event, Frame, State
from kg.extract.lists import filler, item_sources, weapons_after
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.parts import weapon_key
from kg.resolve import gazetteer
from kg.units import CLOSE_QUOTES, OPEN_QUOTES, Unit, word_before


def helped(units: list[Unit], w_last: int, hi: int, state: State) -> tuple[str, ...]:
    """"AS mengirim rudal Stinger untuk membantu Ukraina …": with no recipient named after a preposition, the party
    a purpose clause after the weapons says the supply helps gets it."""
    for j in range(w_last + 1, min(hi - 2, w_last + 6)):
        u = units[j]
        if u.has("PurposeConj") and not u.etype:
            v, k = units[j + 1], j + 2
            # "untuk membantu pasukan Vladimir Putin", "… membantu militer Rusia": the force's state or leader
            while k < hi - 1 and k <= j + 3 and not units[k].etype and units[k].has("GovernmentNoun"):
                k += 1
            if v.etype or v.voice("SupportVerb") != ACTIVE or not units[k].is_actor or units[k].modifier:
                return ()
            return actor_keys(units, k, state)
        if u.etype or u.is_verb():
            return ()
    return ()


def supported_by_means(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """"Rwanda mendukung M23 dengan mengirimkan senjata": a supply told as the means of supporting a party (the
    verb at ``i`` right after "dengan"/"lewat") goes to that party."""
    m = word_before(units, i, "FunctionWord")
    k = m - 1
    if m < 2 or not units[m].has("MeansPrep") or not units[k].is_actor or units[k].modifier:
        return ()
    v = units[k - 1]
    return actor_keys(units, k, state) if not v.etype and v.voice("SupportVerb") == ACTIVE else ()


def former_owner(units: list[Unit], w_last: int, hi: int, state: State) -> tuple[str, ...]:
    """"membeli 12 jet Mirage bekas Angkatan Udara Qatar", "… jet yang sebelumnya digunakan oleh AU Qatar": with no
    seller named, the force that owned the weapons before sold them (not the state that made them)."""
    for j in range(w_last + 1, min(hi - 1, w_last + 8)):
        u = units[j]
        if not u.etype and (u.has("FormerOwner") or u.voice("UseVerb") == PASSIVE and units[j - 1].has("FormerlyCue")):
            k = j + 1  # (past "dari", "oleh", "milik" or a bare word: "bekas pakai AU Qatar")
            while k < min(hi, j + 3) and not units[k].etype and (not units[k].cls or units[k].has(
                    "SourcePrep", "AgentPrep", "OriginNoun")):
                k += 1
            return as_state(actor_keys(units, k, state), state) if k < hi and units[k].is_actor else ()
        if not (filler(u) or u.has("Relativizer", "FunctionWord")):
            return ()
    return ()


def list_end(units: list[Unit], widx: list[int], hi: int) -> int:
    """Where the items of a weapon list may name their sources: past the clause when the list ran on
    after a colon ("mengoperasikan tiga jenis jet: A buatan Prancis, B dari AS")."""
    return min(len(units), max(hi, widx[-1] + 4)) if widx else hi


def per_item(units: list[Unit], widx: list[int], paired: dict[int, int], supplier: tuple[str, ...],
              recipient: tuple[str, ...], modality: str, i: int, state: State) -> list[Event]:
    """"membeli drone dari BlueBird, radar dari Elbit dan rudal buatan Israel": one event per source,
    each with its own items (an item naming none keeps the clause's supplier)."""
    by_source: dict[tuple[str, ...], list[str]] = {}
    for k in widx:
        sup = as_state(actor_keys(units, paired[k], state), state) if k in paired else supplier
        if sup and units[k].key and (w := weapon_key(units, k, state)) and w not in by_source.setdefault(sup, []):
            by_source[sup].append(w)
    return [Event(sup, ws, recipient, modality, i, received=True) for sup, ws in by_source.items() if ws]


def _phrase_tail(units: list[Unit], k: int) -> bool:
    """``k`` ends a function phrase that began before it ("lebih dari", "tidak kurang dari" 5.000 drone): not
    a source or a negation of its own."""
    return any(units[m].span.get("FunctionWord", 1) > k - m for m in range(max(0, k - 3), k))


def used_foreign_weapons(units: list[Unit], frames: list[Frame], state: State) -> list[Event]:
    """"Rusia menggunakan drone buatan Iran", "rudal buatan Korea Utara yang digunakan Rusia": the
    maker supplied the user."""
    events = []
    n = len(units)
    for u in units:
        if u.etype or "OriginNoun" not in u.cls or u.i == 0 or u.i + 1 >= n:
            continue
        w, maker = prev_unit(units, u.i), units[u.i + 1]
        if w is None or not w.is_weapon or not maker.is_actor or maker.etype == "PER":
            continue
        widx = list(w.group) if w.group else [w.i]
        user: tuple[str, ...] = ()
        k, plain = widx[0] - 1, 0
        while k > 0 and not units[k].etype and (units[k].has("FunctionWord", "NumberWord") or units[k].text[:1].isdigit()
                                                or plain < 2 and _plain_noun(units[k]) or _phrase_tail(units, k)):
            plain += _plain_noun(units[k])
            k -= 1  # "menggunakan lebih dari 4.000 drone …", "mengoperasikan 36 jet Rafale buatan Prancis"
        v = _phrase_at(units, k) if k >= 0 else None
        if v is not None and _used(v) == ACTIVE:  # "Rusia menggunakan drone buatan Iran"
            j = left_subject(units, v.i)
            user = actor_keys(units, j, state)
            anchor = v.i
        else:  # "drone buatan Iran yang digunakan (oleh) Rusia"
            k = u.i + 2
            while k < n and units[k].has("Relativizer", "FunctionWord", "NowAdverb"):
                k += 1  # ("drone buatan Turki kini dipakai …")
            if not (k < n and _used(units[k]) == PASSIVE):
                continue
            anchor = k
            if k + 2 < n and units[k + 1].has("GovernmentNoun") and units[k + 2].is_actor:
                k += 1  # "dipakai militer Chad": the state whose forces use it
            if k + 1 < n and units[k + 1].is_actor:
                user = actor_keys(units, k + 1, state)
            else:
                user, _ = prep_actor(units, k, n, ("AgentPrep",), state, reach=2)
        if not user:
            continue
        modality = supply_modality(units, anchor, None, frames, state)
        if modality is None:
            continue
        weapons = [units[k].key for k in widx if units[k].key]
        events.append(Event(_maker_state(as_state(actor_keys(units, maker.i, state), state)), weapons, as_state(user, state),
                            modality, anchor))
    return events


def used_listed_weapons(units: list[Unit], frames: list[Frame], state: State) -> list[Event]:
    """"Qatar mengoperasikan 36 Rafale buatan Prancis, 48 F-15QA dari AS serta …": each item of a list
    the user's verb takes was supplied by the source the item names."""
    events: list[Event] = []
    if not any("SourcePrep" in v.cls or "OriginNoun" in v.cls for v in units):
        return events  # no item can name a source (most sentences): the lists are not read
    for u in units:
        if u.etype or _used(u) != ACTIVE:
            continue
        hi = clause_right(units, u.i)
        widx, _ = weapons_after(units, u.i, hi)
        paired = item_sources(units, widx, list_end(units, widx, hi)) if len(widx) > 1 else {}
        if not paired:
            continue
        user = actor_keys(units, left_subject(units, u.i), state)
        modality = supply_modality(units, u.i, None, frames, state)
        if user and modality is not None:
            events += per_item(units, [k for k in widx if k in paired], paired, (), as_state(user, state),
                                modality, u.i, state)
    return events


def _plain_noun(u: Unit) -> bool:
    """A lowercase word with no cue class that is no verb: a classifier before a model name ("jet Rafale")."""
    return not u.cls and u.text.isalpha() and u.text.islower() and not u.is_verb()


def _used(u: Unit) -> str | None:
    """The voice of a verb of using, having or fielding ("menggunakan", "memiliki", "mengerahkan"): the weapons it
    takes, made or bought elsewhere, were supplied to its subject."""
    return u.voice("UseVerb") or u.voice("HoldVerb")


def _phrase_at(units: list[Unit], k: int) -> Unit:
    """The word at ``k``, or the first word of a multi-word verb of holding that ends there ("terdiri dari")."""
    for j in range(max(0, k - 2), k):
        if units[j].span.get("HoldVerb", 1) == k - j + 1:
            return units[j]
    return units[k]


def _maker_state(keys: tuple[str, ...]) -> tuple[str, ...]:
    """"drone buatan Baykar" in the hands of another state: the firm's home state supplied it (a firm the
    gazetteer gives no state stays itself)."""
    gaz = gazetteer()
    out: list[str] = []
    for k in keys:
        g = gaz.entries.get(k)
        home = gaz.state_of(g.affiliation) if g is not None and g.type == "ORG" and g.affiliation else None
        if home and gaz.entries.get(home) is not None and gaz.entries[home].type == "GPE":
            k = home
        if k not in out:
            out.append(k)
    return tuple(out)


def invaded(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """"Sejak invasi Rusia ke Ukraina pada 2022, AS telah mengirim rudal Javelin": with no recipient named, the
    party a fronted attack (before a comma) was made on gets the arms, never its attacker."""
    comma = next((k for k in range(i - 1, -1, -1) if units[k].text == ","), None)
    a = next((k for k in range(comma or 0) if (units[k].voice("AttackCue") == NOUN or units[k].has("WrongdoingCue")
                                                and not units[k].is_verb()) and not units[k].etype), None)
    if comma is None or a is None or a > 3:
        return ()
    for k in range(a + 1, min(comma, a + 5)):
        if units[k].has("RecipientPrep", "TargetPrep") and not units[k].etype and units[k + 1].is_actor and k + 1 < comma:
            return actor_keys(units, k + 1, state)
    return ()


def sent_for(units: list[Unit], frames: list[Frame], state: State) -> list[Event]:
    """"kapal itu membawa senjata kiriman Iran untuk Houthi": a weapon, a noun of sending after it with its sender,
    then a party after a preposition of recipients: the sender supplied that party, whatever verb carries the phrase."""
    events = []
    n = len(units)
    for u in units:
        if u.etype or "OriginNoun" not in u.cls or u.voice("SupplyCue") != NOUN or u.i == 0 or u.i + 2 >= n:
            continue
        w, sender = prev_unit(units, u.i), units[u.i + 1]
        if w is not None and w.text in CLOSE_QUOTES:  # a quoted description: "senjata … yang mematikan" kiriman Iran
            w = next((v for v in reversed(units[max(0, w.i - 8):w.i]) if v.is_weapon or v.text in OPEN_QUOTES), None)
        if w is None or not w.is_weapon or not sender.is_actor or sender.paren:
            continue
        end = sender.group[-1] if sender.group else sender.i
        recipient, _ = prep_actor(units, end, clause_right(units, u.i), ("RecipientPrep",), state, reach=2)
        modality = supply_modality(units, u.i, None, frames, state) if recipient else None
        weapons = [units[k].key for k in (w.group or [w.i]) if units[k].key]
        if modality is not None and weapons:
            events.append(Event(as_state(actor_keys(units, sender.i, state), state), weapons, as_state(recipient, state),
                                modality, u.i))
    return events
