"""supplies(supplier, weapon, recipient): active, passive and nominal supplies; receiving and buying with a source;
requests; weapons "made by" a state and used by another. People supply through their state or body."""

from __future__ import annotations

from dataclasses import replace

from kg.cues import ACTIVE, NOUN, PASSIVE, POSSESSIVE
from kg.extract.agents import (
    allies_of,
    approver,
    by_means,
    charged,
    charged_unnamed,
    controller,
    hoped_by,
    host_doer,
    punished,
    urged_doer,
    urged_only,
)
from kg.extract.anyone import to_anyone
from kg.extract.clause import (
    actor_keys,
    clause_right,
    frame_of,
    left_subject,
    prep_actor,
    prep_is,
    prev_unit,
    purpose_host,
)
from kg.extract.context import Event, Frame, SentenceContext, State
from kg.extract.described import agent_noun, named_as, named_as_relative, past_group_noun
from kg.extract.elided import missing_subject
from kg.extract.lists import (
    count_only,
    first_object,
    item_sources,
    listed_later,
    listed_past_recipient,
    weapons_after,
    weapons_before,
)
from kg.extract.modality import supply_modality
from kg.extract.onward import handed_on
from kg.extract.parties import as_state, deal_buyers, named_sources, topic_state
from kg.extract.parts import weapon_keys
from kg.extract.rank import co_suppliers, ranked_after
from kg.extract.recipients import clause_cut, deployed_to, land_of, located_more, recipient_after
from kg.extract.registry import rule
from kg.extract.rules.accusal import place_only
from kg.extract.sources import (
    dependent,
    head_source,
    involved_in,
    list_possessor,
    made_by,
    possessor,
    source_before,
    sources_after,
    stepped_up_by,
    unnamed_source,
    used_by,
)
from kg.extract.supply_checks import (
    announcer_state,
    announcing_subject,
    armed_purpose,
    arms_key,
    copula_named,
    items_before,
    means_supply,
    noun_purpose,
    origin_of_prior,
    own_arms_kept,
    own_denial,
    own_unit,
    past_means,
    persuader,
    purpose_recipient,
    relative_head,
    rival_offer,
    said_of,
    signed_by,
    thwarted,
    unnamed_doer,
)
from kg.extract.used import (
    former_owner,
    invaded,
    list_end,
    per_item,
    sent_for,
    supported_by_means,
    used_foreign_weapons,
    used_listed_weapons,
)
from kg.types import Relation
from kg.units import Unit


@rule("supplies", reads=("role_org",), provides=("supply_events", "requests", "to_anyone"),
      triggers=("SupplyCue", "ReceiveCue", "RequestCue", "TransportVerb", "DependVerb", "OriginNoun", "UseVerb", "HoldVerb"))
def supply_rule(ctx: SentenceContext) -> list[Relation]:
    """One relation per weapon × supplier × recipient of each supply event in the sentence."""
    units, frames, state = ctx.units, ctx.frames, ctx.state
    recent = ctx.sentence.index - state.last_supply_at <= 1  # (the last supply told in this sentence or the one before)
    events = [ev for ev in supplies(units, frames, state, recent) + used_foreign_weapons(units, frames, state) +
              used_listed_weapons(units, frames, state) + sent_for(units, frames, state)
              if not rival_offer(units, ev) and not _relocated(ev, state)]  # (a losing bid: none)
    out = [r for ev in events if not ev.inferred for r in event_relations(ctx, ev, ev.weapons)]
    ctx.products["supply_events"] = events
    ctx.products["requests"] = [(replace(ev, others=named_sources(units, ev.recipient, state),
                                         claimed_by=_claimant(ctx, ev)), ctx.sentence) for ev in events if ev.inferred]
    ctx.products["to_anyone"] = [(ctx.sentence.index, sup, w) for ev in events if ev.anyone
                                 for sup in ev.supplier for w in ev.weapons]
    return out


def _relocated(ev: Event, state: State) -> bool:
    """Weapons moved from one place to another ("dipindahkan dari Maafaru ke Hanimaadhoo"): no party gives them."""
    return bool(ev.supplier and ev.recipient) and all(place_only(k, state) for k in (*ev.supplier, *ev.recipient))


def _claimant(ctx: SentenceContext, ev: Event) -> tuple[str, ...]:
    """Who tells a receipt with no named seller as a claim: its frame's speaker, when the receipt is alleged."""
    f = frame_of(ctx.frames, ev.unit) if ev.modality == "alleged" else None
    return tuple(f.speaker) if f is not None and f.speaker else ()


def event_relations(ctx: SentenceContext, ev: Event, weapons: list[str], confidence: float = 0.8) -> list[Relation]:
    """One relation per weapon × supplier × recipient of ``ev`` (no one supplies themselves, and suppliers named
    together are not each other's recipients: "Iran dan UEA memasok drone kepada pihak-pihak yang bertikai", whose
    parties an anaphor took for the very subjects, goes to no one named; "A dan B meneken pengiriman rudal ke B" does
    go to B)."""
    recipients = (ev.recipient if set(ev.recipient) != set(ev.supplier) or len(ev.supplier) < 2 else ()) or (None,)
    return [ctx.relation("supplies", {"supplier": sup, "weapon": w, "recipient": rec}, ev.modality, confidence)
            for w in weapons for sup in ev.supplier for rec in recipients if sup != rec]


def supplies(units: list[Unit], frames: list[Frame], state: State, recent: bool = False) -> list[Event]:
    """The supply events of a sentence. ``recent``: the article's last supply was told just before (a clitic object,
    "menerimanya dari Turki", stands for its weapons)."""
    events: list[Event] = []
    n = len(units)
    for u in units:
        if u.etype or not u.cls:  # (a word without a cue class has none of those asked below)
            continue
        i = u.i
        kind = None
        if "SupplyCue" in u.cls and "GiftIdiom" not in u.cls:  # (not "memberi sinyal …", "memberikan tanggapan …")
            kind = "supply"
        elif "ReceiveCue" in u.cls and not u.span.get("OrderTaken"):
            kind = "receive"  # (not "kebagian order …": a seller's order, rules/orders.py)
        elif "RequestCue" in u.cls:
            kind = "request"
        elif "TransportVerb" in u.cls:
            kind = "supply"  # kept below only when the sentence names whom the weapons are for
        elif "DependVerb" in u.cls and not u.has("FunctionWord"):
            kind = "receive"  # "Azerbaijan mengandalkan persenjataan dari Turki": who relies on it gets it
        if kind is None:
            continue
        hi = clause_right(units, i)
        implicit: list[str] = []  # weapons the verb implies when it names none
        anyone = False  # told as going to anyone at all ("kepada pihak mana pun")
        voice = u.cls.get("SupplyCue") or u.cls.get("ReceiveCue") or u.cls.get("RequestCue") or \
            u.cls.get("TransportVerb") or u.cls.get("DependVerb")
        if voice == PASSIVE and u.has("OrderNoun") and not weapons_before(units, i) and not any(
                units[k].span.get("OrderTaken", 1) > i - k or units[k].voice("ReceiveCue") == ACTIVE
                for k in range(max(0, i - 3), i)):
            voice = NOUN  # "membatalkan pesanan jet F-35 dari AS": the order before what is ordered (not the seller's
            # "menerima pesanan … dari X", "mendapat pesanan drone": who gets an order sells)
        supplier: tuple[str, ...] = ()
        recipient: tuple[str, ...] = ()
        subj = None
        approved = False  # told as an approval: planned, whoever reports it
        unnamed = False  # bought from a source told only by a common noun ("dari rampasan perang")
        paired: dict[int, int] = {}  # weapon → the source its own list item names
        onward: tuple[tuple[str, ...], int, bool] = ((), n, False)  # whom a purchase is for ("… untuk Ukraina")
        if kind in ("receive", "request") and voice == PASSIVE:
            # "helikopter serang Z-10ME yang didatangkan dari China": the seller follows, the buyer is
            # the clause's subject ("Pakistan memperkuat Angkatan Daratnya dengan …") or the agent
            widx = weapons_before(units, i)
            if not widx:
                continue
            k = past_group_noun(units, i + 1, hi)  # "senjata yang diperoleh milisi Houthi dari Iran"
            supplier, _ = prep_actor(units, k - 1, hi, ("SourcePrep",), state, reach=3)
            agent, _ = prep_actor(units, i, hi, ("AgentPrep",), state, reach=2)
            if not agent and k < hi and units[k].is_actor and not units[k].paren and not prep_is(units, k, "SourcePrep"):
                agent = actor_keys(units, k, state)  # "helikopter yang dibeli Bamako"
            if not supplier and agent and not u.has("OrderNoun"):
                supplier = former_owner(units, widx[-1], i, state) or made_by(units, widx[-1], i + 1, state) or \
                    source_before(units, widx[-1], i, state)
            if supplier and not agent and u.has("OrderNoun"):
                # "senapan serbu pesanan dari Mali": the order comes from the buyer
                agent, supplier = supplier, made_by(units, widx[-1], hi, state)
            j = left_subject(units, widx[0])
            recipient = agent or (actor_keys(units, j, state) if j is not None else ())
            if not recipient and supplier and all(s in state.entities and state.entities[s].type == "GPE"
                                                  for s in supplier) and \
                    (buyer := topic_state(state)) and buyer not in supplier:
                recipient = (buyer,)  # "42 Rafale yang dipesan dari Prancis": bought by the article's state
            subj = widx[0] - 1
            if agent and supplier and (earlier := items_before(units, widx[0])):
                paired = dict(earlier)  # "ATACMS dari AS, Storm Shadow dari Inggris dan SCALP … yang diterima Kyiv"
                widx = sorted(earlier) + widx
        elif kind == "supply" and voice == PASSIVE:
            # "senjata yang disediakan oleh Korea Utara", "roket Korea Utara dipasok ke Moskow"
            widx = weapons_before(units, i)
            if not widx:
                continue
            agent, after = prep_actor(units, i, hi, ("AgentPrep", "SourcePrep"), state, reach=2)
            if not agent and (m := past_means(units, i, hi)) != i:
                agent, after = prep_actor(units, m, hi, ("AgentPrep", "SourcePrep"), state, reach=1)
            if not agent and i + 1 < hi and units[i + 1].is_actor and not units[i + 1].paren:
                agent, after = actor_keys(units, i + 1, state), i + 1  # "Storm Shadow dipasok London"
            # (or the announcing side's: "Dubes Turki mengumumkan bahwa drone … dikirim ke Nigeria")
            supplier = agent or possessor(units, widx[-1], state) or source_before(units, widx[-1], i, state) or \
                announcer_state(units, i, state)
            if agent:  # "Persenjataan yang dijanjikan oleh A dan B mencakup rudal dan radar": the kinds listed
                widx = widx + listed_later(units, after + 1, widx)
            recipient, end = purpose_recipient(units, max(i, after), hi, state)
            if recipient:
                recipient = clause_cut(units, recipient, end) + located_more(units, end, hi, state)
            user = prev_unit(units, widx[0])
            while user is not None and user.i > 0 and not user.etype and user.voice("UseVerb") is None and \
                    (user.has("FunctionWord") or user.text[:1].isdigit()):
                user = prev_unit(units, user.i)  # "meluncurkan puluhan drone", "menembakkan 20 rudal"
            if user is not None and user.voice("UseVerb") == ACTIVE:
                # "Rusia menggunakan rudal yang dipasok oleh Korea Utara"; "Rusia menembakkan rudal yang dipasok
                # Korea Utara ke Ukraina": the "ke" phrase is where the user fires them, the user got them
                recipient = actor_keys(units, left_subject(units, user.i), state) or recipient
            subj = widx[0] - 1
        elif kind == "supply" and voice == NOUN and agent_noun(units, i):
            # an agent noun: "Iran menjadi pemasok utama drone bagi Rusia", "Iran, pemasok drone Rusia"
            widx, wlast = weapons_after(units, i, hi, reach=4)
            if not widx:
                continue
            subj = named_as(units, i)
            if subj is None and (j := left_subject(units, i)) is not None and said_of(units, j, i):
                subj = j  # (not "AS menjatuhkan sanksi terhadap jaringan pemasok drone": an object's noun)
            if subj is None and i >= 2 and units[i - 1].text == "," and units[i - 2].is_actor:
                subj = i - 2
            subj = relative_head(units, i) if subj is None else subj  # "UEA, yang menjadi pemasok senjata RSF"
            if subj is None:
                subj = copula_named(units, i, wlast, hi)  # "Pemasok senjata terbesar bagi Israel adalah AS"
            supplier = actor_keys(units, subj, state)
            recipient = recipient_after(units, widx, wlast, hi, state, i)
            if not recipient:
                k = wlast + 1
                while k < hi and k <= wlast + 2 and units[k].is_noun():
                    k += 1  # "drone utama Rusia"
                if k < hi and units[k].is_actor:
                    recipient = actor_keys(units, k, state)
            supplier += tuple(k for k in ranked_after(units, i, state) if k not in supplier + recipient)
        elif voice == NOUN or kind == "request" and voice != ACTIVE:
            if kind == "supply" and not (u.low.endswith("an") or u.has("UnaffixedNoun")):
                continue
            owner = i + 1 if i + 1 < n and units[i + 1].is_actor and not units[i + 1].paren else None
            if owner is not None and origin_of_prior(units, i):
                continue
            start = owner if owner is not None else i
            if kind == "request" and owner is not None:
                for k in range(owner + 1, min(n, owner + 3)):  # "permintaan Rusia terhadap …"
                    if units[k].has("Preposition"):
                        start = k
                        break
            widx, wlast = weapons_after(units, start, hi, reach=5)
            if not widx:
                continue
            by: tuple[str, ...] = ()
            if kind != "supply":  # "pembelian tank K2 oleh Ankara": the agent of a purchase buys
                by, _ = prep_actor(units, wlast, hi, ("AgentPrep",), state, reach=4)
            from_, _ = prep_actor(units, wlast, hi, ("SourcePrep",) if by else ("SourcePrep", "AgentPrep"), state, reach=4)
            from_ = from_ or head_source(units, widx, wlast, hi, state)  # "impor senjata dari China, mulai dari …"
            if kind == "supply":
                supplier = from_ or list_possessor(units, widx, wlast, state) or \
                    (actor_keys(units, owner, state) if owner else ())
                recipient = recipient_after(units, widx, wlast, hi, state, i) or used_by(units, wlast, state) \
                    or dependent(units, i, state)
                if not from_ and recipient and (up := stepped_up_by(units, i, state)) and not set(up) & set(recipient):
                    supplier = up  # ("UEA menambah pasokan drone China untuk RSF": China made them)
                if not supplier and (via := means_supply(units, i, state))[0]:  # "… lewat kiriman senjata"
                    supplier, recipient = via[0], recipient or via[1]
                if not supplier and (supplier := signed_by(units, wlast, hi, state, ("ApproveCue",))):
                    approved = True  # "penjualan senjata untuk Taiwan yang disetujui Departemen Luar Negeri AS"
                if not supplier and recipient:  # "Kami akan mempertimbangkan pengiriman senjata ke Ukraina"
                    subj, approved = announcing_subject(units, i, hi)  # ("LNA terlibat dalam pengiriman …")
                    supplier = involved_in(units, i, state) or (  # (not "Suriah menggagalkan penyelundupan senjata …")
                        actor_keys(units, subj, state) if subj is not None and not thwarted(units, subj, i) else ())
            else:
                poss = list_possessor(units, widx, wlast, state)
                supplier = from_ or poss
                maker = supplier or made_by(units, wlast, hi, state)  # "pembelian kapal selam buatan Prancis"
                if by:
                    recipient = deal_buyers(by, state)
                elif owner is not None:
                    recipient = actor_keys(units, owner, state)
                elif kind == "receive" and poss:  # "impor senjata India": India imports
                    supplier, recipient = from_, poss
                elif kind == "receive" and (signer := signed_by(units, wlast, hi, state)):
                    recipient = signer  # "Kontrak pembelian 42 Rafale dari Prancis diteken Indonesia": the signer buys
                elif kind == "receive" and (subj := left_subject(units, i)) is not None:
                    recipient = actor_keys(units, subj, state)  # "Indonesia meneken kontrak pembelian … dari Turki"
                    supplier = maker if len(recipient) == 1 else supplier  # (not a pair's deal: "A dan B …")
                elif kind == "receive" and (supplier := maker) and (buyer := topic_state(state)) not in (None, *supplier):
                    # "peluang pembelian jet Rafale dari Prancis", "pembelian kapal selam buatan Prancis": nobody named buys
                    recipient = (buyer,)
        else:
            widx, wlast = weapons_after(units, i, hi)
            first_actor = None
            if not widx:
                # "memasok Rusia dengan drone", "mengirimi Kyiv sejumlah rudal", "mempersenjatai kelompok
                # Houthi di Yaman dengan rudal": the first object receives
                k = first_object(units, i, n)
                if k < n and units[k].is_actor and not units[k].paren:
                    end = units[k].group[-1] if units[k].group else k
                    while end + 1 < n and units[end + 1].paren and not units[end + 1].etype:  # "negara [itu]"
                        end += 1
                    with_ = next((m for m in range(end + 1, min(hi, end + 5)) if units[m].has("ComitativePrep")), None)
                    # (after "dengan" the kit may come with its quantifiers: "dengan hampir semua jenis persenjataan")
                    widx, wlast = weapons_after(units, with_ if with_ is not None else end, hi,
                                                reach=5 if with_ is not None else 4)
                    first_actor = k
                if not widx and first_actor is not None and u.has("ArmCue") and not armed_purpose(units, i):
                    implicit = [arms_key()]  # "Iran mempersenjatai Houthi": arms, no type named
                    wlast = first_actor
                elif not widx and u.has("ArmCue") and to_anyone(units, i, hi, prep=False):
                    implicit, wlast, anyone = [arms_key()], i, True  # "tidak mempersenjatai pihak mana pun"
                elif not widx and state.last_weapons and (m := count_only(units, i, hi)) is not None:
                    # "berencana mengirimkan empat unit lagi": the weapons of the last supply reported
                    implicit, wlast = list(state.last_weapons), m
                elif not widx and recent and state.last_weapons and u.low.endswith(POSSESSIVE) and i + 1 < hi and \
                        units[i + 1].has("SourcePrep" if kind == "receive" else "RecipientPrep") and voice == ACTIVE:
                    implicit, wlast = list(state.last_weapons), i  # "Niger dan Togo juga menerimanya dari Turki"
                elif not widx:
                    continue
            if widx and (any(v.has("ClaimTopicPrep") and not v.etype for v in units[i + 1:widx[0]]) or
                         kind == "supply" and own_arms_kept(units, widx, hi)):
                # "belum menerima informasi resmi soal rudal Iran": news about the weapons, not them; "menyerahkan
                # senjatanya": laying them down
                continue
            if kind == "supply" and widx and any((v.cls.get("ReceiveCue") == NOUN or "ServiceNoun" in v.cls and not (
                    units[v.i + 1].has("Conjunction") or units[v.i + 1].text == ",")) and not v.etype
                                                 for v in units[i + 1:widx[0]]):
                # "X menyetujui kesepakatan pembelian senjata …": X buys (the purchase noun tells it); "memberikan
                # nama alutsista …", "memberikan pelatihan senjata": a service for the arms (not "pelatihan dan rudal":
                # a service listed beside them)
                continue
            subj = charged(units, i)  # "sanksi kepada X dengan tuduhan memasok …": X is said to supply
            if subj is None and (p := punished(units, i)) is not None:
                if not units[p].is_actor:
                    continue  # "… memberikan sanksi kepada perusahaan karena mengirim …": someone unnamed
                subj = p
            if subj is None:
                subj = controller(units, i)
            if subj is None:
                subj = by_means(units, i)
            if subj is None and (host := purpose_host(units, i)) is not None and not noun_purpose(units, host, i):
                # "X menuduh Hizbullah memanfaatkan jeda untuk menyelundupkan senjata": the host verb's subject
                subj = host_doer(units, host)
            subj = urged_doer(units, left_subject(units, i), i) if subj is None else subj  # the one urged does it
            if subj is None:
                subj = named_as_relative(units, i)
            if subj is None:
                subj = missing_subject(units, i)
            if kind == "supply" and subj is not None and 0 <= subj < i and (
                    urged_only(units, subj, i) or charged_unnamed(units, subj, i) or allies_of(units, subj)
                    or unnamed_doer(units, subj, i) or thwarted(units, subj, i)):
                continue
            subj_keys = actor_keys(units, subj, state)
            owner = list_possessor(units, widx, wlast, state)
            if kind == "supply":
                supplier = subj_keys
                if owner and (subj is None or units[subj].modifier):
                    supplier = owner
                if first_actor is not None:
                    recipient = actor_keys(units, first_actor, state)
                else:
                    recipient = recipient_after(units, widx, wlast, hi, state, i)
                    if recipient and (to := prep_actor(units, wlast, hi, ("RecipientPrep",), state))[0]:
                        widx = widx + listed_past_recipient(units, to[1], hi)
                anyone = anyone or not recipient and to_anyone(units, wlast, hi)
            else:
                recipient = subj_keys
                if kind == "receive" and "ReceiveCue" in u.cls:
                    onward = handed_on(units, wlast, hi, recipient, state)
                # "mendatangkan dua fregat, empat pesawat patroli serta rudal antikapal dari Jepang"
                supplier = sources_after(units, wlast, min(hi, onward[1]), state)
                # "membeli senjata dari China, termasuk jet tempur …"
                supplier = supplier or head_source(units, widx, wlast, hi, state) or former_owner(units, wlast, hi, state)
                if not supplier and unnamed_source(units, wlast, hi):
                    owner, unnamed = (), True  # "memperoleh tank buatan Rusia dari rampasan perang": not the maker
                if not supplier and len(units) > 3 and units[0].has("SourcePrep") and units[1].is_actor \
                        and units[2].text == "," and not units[1].paren:
                    supplier = actor_keys(units, 1, state)  # "Dari China, Serbia mendatangkan enam drone …"
                if not (supplier or owner) and kind == "receive" and "ReceiveCue" not in u.cls:
                    continue  # relying on weapons is no purchase unless a source is named ("… dari Turki", "drone Israel")
                supplier = supplier or owner or (() if unnamed else made_by(units, wlast, hi, state))
                if not supplier and kind == "receive" and (supplier := approver(units, i, state)):
                    approved = True  # "AS memberi lampu hijau bagi Nigeria untuk membeli amunisi"
                paired = item_sources(units, widx, list_end(units, widx, hi))
        if "TransportVerb" in u.cls and "SupplyCue" not in u.cls:
            if not recipient or recipient == supplier:
                continue  # "pesawat itu mengangkut senjata": carried, for no one named
            # "kapal yang mengangkut senjata dari Iran untuk …": the source, not the ship
            if not supplier or i > 0 and units[i - 1].has("Relativizer"):
                supplier = prep_actor(units, i, hi, ("SourcePrep",), state, reach=8)[0] or supplier
        if not recipient and kind == "supply" and not anyone:
            recipient = used_by(units, i, state) or hoped_by(units, subj, state) or invaded(units, i, state) or \
                supported_by_means(units, i, state)
            if not recipient and voice == ACTIVE:
                recipient = land_of(units, wlast, hi, as_state(supplier, state), state)  # "… ke Siberia": Russia
            if not recipient and voice == ACTIVE and deployed_to(units, wlast, hi):
                continue
        modality = supply_modality(units, i, subj if subj is not None and subj >= 0 else None, frames, state)
        own = as_state(recipient if kind == "receive" else supplier, state)  # "… tidak pernah menerima senjata dari X"
        if modality is None and not own_denial(units, frames, i, own, state):
            continue
        modality = modality or "denied"  # "menegaskan negaranya tidak pernah memasok …": a denial
        modality = "planned" if approved and modality in ("asserted", "alleged") else modality
        if kind == "request":
            modality = "potential" if modality in ("asserted", "alleged") else modality
        weapons = weapon_keys(units, widx, state) or implicit
        if not weapons:
            continue
        supplier, recipient = as_state(supplier, state), as_state(recipient, state)
        if kind == "supply" and own_unit(units, i, hi, supplier, state):
            continue  # "TNI AU memindahkan pesawat Hawk ke Skadron Udara 1": a hand-over within its forces
        if onward[0] and recipient:  # "membeli … untuk diserahkan ke Ukraina": the buyer supplies it on
            events.append(Event(recipient, weapons, as_state(onward[0], state), "planned" if onward[2] and modality in (
                "asserted", "alleged") else modality, i))
        if kind in ("receive", "request"):
            if not recipient or unnamed and not supplier:
                continue  # (arms taken as spoils or seized: no usual supplier of the recipient's to guess)
            if not supplier:
                events.append(Event((), weapons, recipient, modality, i, inferred=True))
                continue
        if paired:
            events += per_item(units, widx, paired, supplier, recipient, modality, i, state)
            continue
        if not supplier:
            continue
        supplier += co_suppliers(units, wlast, supplier, recipient, state) if kind == "supply" and voice == ACTIVE else ()
        events.append(Event(supplier, weapons, recipient, modality, i, persuader=persuader(units, i, subj, state),
                            received=kind == "receive", anyone=anyone))
    return events
