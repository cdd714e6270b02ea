"""supplies told as a signed contract: "Mesir menandatangani kontrak dengan Dassault Aviation untuk 30 jet
Rafale", "Indonesia meneken MoU dengan Boeing untuk F-15EX", "kontrak pengadaan 42 Rafale yang diteken
Kemhan dengan Dassault Aviation".

Arms deals are reported as signatures more often than as sales: the party signed "with" sells the weapons
the contract names to the signer. A memorandum only states an intent (its kg:defaultModality)."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE, cues
from kg.extract.clause import actor_keys, clause_left, clause_right, left_subject, prep_actor
from kg.extract.context import SentenceContext
from kg.extract.inference import main_recipient
from kg.extract.lists import weapons_after
from kg.extract.modality import event_modality
from kg.extract.parties import as_state, body_state, side, topic_state
from kg.extract.registry import rule
from kg.resolve import gazetteer
from kg.types import Relation
from kg.units import Unit
from kg.weapons import lexicon


@rule("supplies", reads=("role_org",), triggers=("SignVerb", "AnnounceVerb"))
def contracts(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or "SignVerb" not in u.cls and "AnnounceVerb" not in u.cls:
            continue  # "mengumumkan kontrak … dengan X untuk Y": announced by the buyer, as if signed
        hi = clause_right(units, u.i)
        passive = u.voice("SignVerb") == PASSIVE
        if passive:  # "kontrak … yang diteken Kemhan dengan Dassault": the contract and its weapons come first
            noun = next((v.i for v in reversed(units[:u.i]) if v.has("ContractNoun") and not v.etype), None)
            if noun is None or u.i - noun > 14:
                continue
            weapons = _weapons(units, noun, u.i) or _covered(units, u.i, hi)
            agent = u.i + 1 if u.i + 1 < hi and units[u.i + 1].is_actor else None
            buyer = actor_keys(units, agent, state) if agent is not None else ()
            subj = None
        else:  # "Mesir meneken kontrak dengan Dassault untuk 30 Rafale"
            noun = next((v.i for v in units[u.i + 1:min(hi, u.i + 4)] if v.has("ContractNoun") and not v.etype), None)
            if noun is None:
                continue
            weapons = _weapons(units, noun, hi)
            subj = _past_seat(units, left_subject(units, u.i))
            buyer = actor_keys(units, subj, state) if subj is not None else ()
        seller, _ = prep_actor(units, noun if not passive else u.i, hi, ("ComitativePrep",), state, reach=12)
        if not seller and weapons and not passive:
            seller = _maker(units, noun, hi, state)  # "meneken kontrak untuk 12 drone buatan Baykar"
        if not seller and weapons and not passive and len(buyer) > 1:
            buyer, seller = _split_signers(buyer, weapons, units, noun, hi, state)  # "A dan B meneken kontrak …"
        if not buyer and subj is None and (not passive or agent is None) and seller and \
                (home := main_recipient(state, seller[0]) or topic_state(state)):
            # "DND menandatangani kontrak dengan KAI …": a signer no name resolves buys for the state the
            # article's arms go to
            buyer = (home,)
        if buyer and seller and (_state_side(seller, state) and not _state_side(buyer, state) or
                                 subj is not None and (_firm_named(units, subj) or _sells(units, noun, hi))):
            # "Baykar meneken kontrak dengan Kementerian Pertahanan Indonesia": a state or its ministry signed
            # with buys from the firm that signs; so does one an "eksportir Ceko" signs with, and one a signer
            # signs with "untuk memasok senjata" ("Rusia meneken perjanjian dengan Indonesia untuk memasok …").
            # Each of these says the signer sells: one swap, however many of them hold ("Dua perusahaan Korea
            # Selatan meneken kontrak dengan Polandia untuk mengekspor tank")
            buyer, seller = seller, buyer
        buyer, seller = as_state(buyer, state), tuple(s for s in seller if s not in buyer)
        if _made_by(weapons, buyer) and not _made_by(weapons, as_state(seller, state)):
            # "Prancis meneken kontrak dengan Indonesia untuk 42 Rafale": the signer the weapons are made in sells
            buyer, seller = as_state(seller, state), buyer
        if not (weapons and buyer and seller) or any(s in side(b, state) for s in seller for b in buyer):
            continue
        told = " ".join(v.low for v in units[noun:noun + units[noun].span.get("ContractNoun", 1)])
        modality = cues().default_modality.get(told) or event_modality(units, u.i, subj)
        out += [ctx.relation("supplies", {"supplier": s, "weapon": w, "recipient": b}, modality, 0.7)
                for w in weapons for s in seller for b in buyer]
    return out


def _covered(units: list[Unit], i: int, hi: int) -> list[str]:
    """The weapons a contract signed at ``i`` is said to cover after the verb: "Kesepakatan itu ditandatangani
    dengan Rheinmetall dan mencakup 300 kendaraan tempur" (a list introducer or a kg:ContractScope verb)."""
    k = next((v.i for v in units[i + 1:hi] if v.has("ListIntro", "ContractScope") and not v.etype), None)
    if k is None:
        return []
    widx, _ = weapons_after(units, k, hi, reach=4)
    return list(dict.fromkeys(units[j].key for j in widx if units[j].key))


def _past_seat(units: list[Unit], subj: int | None) -> int | None:
    """A place told in a relative clause on the signer is not the signer: "Rheinmetall yang berbasis di
    Dusseldorf Jerman mengumumkan kontrak …" is signed by the actor the clause hangs on."""
    if subj is None or not any(v.has("LocativePrep") and not v.etype for v in units[max(0, subj - 3):subj]):
        return subj
    rel = next((v.i for v in reversed(units[max(0, subj - 8):subj]) if v.has("Relativizer") and not v.etype), None)
    if rel is None or rel == 0 or not units[rel - 1].is_actor or units[rel - 1].title:
        return subj
    return rel - 1


def _sells(units: list[Unit], noun: int, hi: int) -> bool:
    """The contract is "untuk" an active verb of supplying ("… dengan Indonesia untuk memasok senjata"):
    the party that signs it supplies, the one signed "with" receives, unless the verb names its own
    receiver ("… dengan Raytheon untuk memasok rudal ke Ukraina")."""
    return any(v.voice("SupplyCue") == ACTIVE and units[v.i - 1].has("PurposeConj") and
               not any(w.has("RecipientPrep") for w in units[v.i + 1:hi]) for v in units[noun + 1:hi])


def _state_side(keys: tuple[str, ...], state) -> bool:
    """All of ``keys`` are states or a state's own bodies (ministries, armed forces): buyers, not firms."""
    ents = state.entities
    return all(k in ents and (ents[k].type == "GPE" or body_state(k, state) is not None) for k in keys)


def _firm_named(units: list[Unit], i: int) -> bool:
    """A firm noun heads the actor at ``i`` ("eksportir pertahanan Ceko Omnipol", "pabrikan Prancis Dassault")."""
    return any(v.has("FirmNoun") and not v.etype for v in units[max(0, i - 3):i])


def _weapons(units: list[Unit], a: int, b: int) -> list[str]:
    """Weapon keys named between units ``a`` and ``b`` (a contract's object and what it is "untuk")."""
    lo = clause_left(units, a)
    return list(dict.fromkeys(v.key for v in units[max(a, lo):b] if v.is_weapon and v.key))


def _maker(units: list[Unit], noun: int, hi: int, state) -> tuple[str, ...]:
    """The maker or source told right after the last weapon a contract names ("… 30 jet tempur buatan
    Dassault", "… dua korvet yang dibuat Hyundai", "… 42 Rafale dari Prancis"): with no party signed "with",
    who makes the weapons sells them."""
    wlast = next((v.i for v in reversed(units[noun:hi]) if v.is_weapon), None)
    if wlast is None:
        return ()
    k = wlast + 1
    while k < hi and units[k].is_noun() and not units[k].etype and not units[k].cls and k <= wlast + 2:
        k += 1  # past a model word or two
    if k + 1 < hi and units[k].has("OriginNoun", "SourcePrep", "FormerOwner") and not units[k].etype \
            and units[k + 1].is_actor:  # (a former owner sells: "… 12 Mirage 2000-5 bekas AU Qatar")
        return as_state(actor_keys(units, k + 1, state), state)
    if k + 2 < hi and units[k].has("Relativizer") and units[k + 1].voice("MakeVerb") == PASSIVE:
        m = k + 2 + (units[k + 2].has("AgentPrep") and not units[k + 2].etype)
        if m < hi and units[m].is_actor and not units[m].paren:
            return actor_keys(units, m, state)
    return ()


def _made_by(weapons: list[str], keys: tuple[str, ...]) -> bool:
    """Some weapon of ``weapons`` is a model made in a state of ``keys`` (kg:madeIn)."""
    return bool(lexicon().makers(weapons) & set(keys))


def _split_signers(keys: tuple[str, ...], weapons: list[str], units: list[Unit], noun: int, hi: int,
                   state) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """"A dan B meneken kontrak untuk W" names both sides as signers, in no telling order: the firm, or the
    state the weapons are made in, sells; the other signer buys. Firms signing together sell to the party
    the contract is "bagi/untuk", else to the state the article's arms go to. (buyer, seller)."""
    keys = as_state(keys, state)
    makers = lexicon().makers(weapons)
    ents = state.entities
    seller = tuple(k for k in keys if k in makers or k in ents and ents[k].type == "ORG" and not _state_side((k,), state))
    buyer = tuple(k for k in keys if k not in seller)
    if seller and not buyer:
        buyer = prep_actor(units, noun, hi, ("RecipientPrep",), state, reach=14)[0]
        home = main_recipient(state, seller[0]) or topic_state(state)
        buyer = as_state(buyer, state) or ((home,) if home else ())
    gaz = gazetteer()
    if not buyer or any((gaz.state_of(s) or s) in buyer for s in seller):
        return (), ()  # (a firm of the buyer's own state signs as a partner: "Kemhan dan PT PAL …")
    return buyer, seller
