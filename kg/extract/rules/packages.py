"""supplies named after the supply: "Paket itu juga mencakup mesin cadangan, radar dan rudal" lists
what the arms package or shipment just reported holds, so each weapon goes with that supply's
supplier, recipient and modality; "Bantuan militer Jerman kepada Ukraina berupa tank Leopard …" names
its own giver and receiver before the list."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN
from kg.extract.clause import actor_keys, clause_left, clause_right, prep_actor, prev_unit
from kg.extract.context import Event, SentenceContext, State
from kg.extract.lists import next_platform
from kg.extract.missile_heads import missile_named
from kg.extract.modality import supply_modality
from kg.extract.parties import as_state
from kg.extract.parts import component
from kg.extract.registry import rule
from kg.extract.rules.supplies import event_relations
from kg.extract.titlewords import money_state
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit


@rule("supplies", requires=("supply_events",), reads=("announced_package",),
      triggers=("ListIntro", "PackageFill", "InventoryNoun", "ContentsNoun"))
def package_contents(ctx: SentenceContext) -> list[Relation]:
    """A list introducer ("mencakup", "terdiri dari") whose subject is a package noun referred back to
    ("Paket tersebut", "paket dari Berlin itu", "Pengiriman terbaru"), or a colon after a list of goods
    ("Daftar belanjanya panjang: …"), in a sentence that reports no supply of its own: its weapons belong
    to the article's last supply. So do those after a contents noun opening the sentence right after a
    supply ("Isinya antara lain …", "Rinciannya: …"): its "-nya" is the supply just told."""
    if ctx.products.get("supply_events"):
        return []
    if (signed := _signed_deal(ctx.units, ctx.state)) is not None:
        return event_relations(ctx, signed[0], signed[1], 0.6)
    last = ctx.state.last_deal or ctx.state.last_supply
    if last is None:
        return []
    units = ctx.units
    contents = bool(units) and units[0].has("ContentsNoun") and not units[0].etype and _follows_supply(ctx, last)
    for u in units:
        colon = u.text == ":"
        if u.etype or not (colon or u.has("ListIntro", "PackageFill")):
            continue
        if contents and u.i <= 2:  # ("Isinya antara lain …", "Isinya, antara lain, …", "Rinciannya: …")
            weapons = _listed(units, u.i, ctx.state)
            return event_relations(ctx, last, weapons, 0.6) if weapons else []
        lo = clause_left(units, u.i)
        # (not "selain bantuan pertahanan, paket bantuan itu dilengkapi dengan …": the package referred back)
        pkg = next((v for v in units[lo:u.i] if v.has("InventoryNoun" if colon else "PackageNoun") and not v.etype
                    and _referred_back(units, v, u.i, lo)), None)
        if pkg is None:
            continue
        weapons = _listed(units, u.i, ctx.state)
        if not weapons:
            continue
        return event_relations(ctx, last, weapons, 0.6)
    return []


@rule("supplies", requires=("supply_events",), reads=("announced_package",), triggers=("ListIntro",))
def described_contents(ctx: SentenceContext) -> list[Relation]:
    """A weapon noun opening the clause with a relative supply or purchase verb, then a list introducer:
    "Senjata yang akan disalurkan meliputi bom, amunisi serta rudal", "Persenjataan yang dibeli antara lain
    tank …", or the relative alone ("Yang dikirim mencakup …"). It
    names no party of its own, so the weapons listed go with the article's last supply. So does a weapon noun
    with a demonstrative ("Senjata tersebut meliputi …"): the weapons of the supply just reported."""
    last = ctx.state.last_supply
    if last is None or any(ev.supplier for ev in ctx.products.get("supply_events", [])):
        return []
    units = ctx.units
    for u in units:
        if u.etype or not u.has("ListIntro"):
            continue
        lo = _after_opener(units, clause_left(units, u.i), u.i, sourced=True)
        # "Senjata-senjata itu termasuk peluncur roket, …": the weapons just told of, referred back
        referred = lo + 2 <= u.i and units[lo].is_weapon and units[lo + 1].has("Demonstrative") and \
            not any(v.is_actor or v.is_verb() and not v.has("FunctionWord") for v in units[lo + 2:u.i])
        # "Yang dikirim mencakup …": a headless relative, the goods just told of
        head = lo + 1 < u.i and units[lo].has("Relativizer") and not units[lo].etype
        if not referred and not head and (lo + 2 >= u.i or not units[lo].is_weapon
                                          or not units[lo + 1].has("Relativizer")):
            continue
        # ("Senjata yang dibeli antara lain …": a relative of buying, as of sending, tells the deal's goods)
        if not referred and (not any(v.has("SupplyCue", "ReceiveCue") and not v.etype for v in units[lo + 1:u.i]) or
                             any(v.is_actor for v in units[lo + 1:u.i])):
            continue
        weapons = [w for w in _listed(units, u.i, ctx.state) if head or w != units[lo].key]
        if weapons:
            return event_relations(ctx, last, weapons, 0.6)
    return []


@rule("supplies", requires=("supply_events",), triggers=("ListIntro", "AlsoThereOpener"))
def fragment_contents(ctx: SentenceContext) -> list[Relation]:
    """A sentence that opens with a list introducer ("Termasuk 200 rudal antitank, 50 tank dan amunisi
    lainnya.") or with "there is also" ("Ada pula drone Altius dan suku cadang.") goes on with the sentence
    before it: where that one reported a supply, the weapons listed are that supply's."""
    last, units = ctx.state.last_supply, ctx.units
    if last is None or ctx.products.get("supply_events") or not units or units[0].etype:
        return []
    cls = "ListIntro" if units[0].has("ListIntro") else "AlsoThereOpener" if units[0].has("AlsoThereOpener") else None
    if cls is None or not _follows_supply(ctx, last):
        return []
    weapons = _listed(units, units[0].span.get(cls, 1) - 1, ctx.state)
    return event_relations(ctx, last, weapons, 0.6) if weapons else []


@rule("supplies", requires=("supply_events",), triggers=("ListIntro",))
def package_parties(ctx: SentenceContext) -> list[Relation]:
    """A package or aid noun opening the clause with its giver and, after a recipient preposition, its
    receiver, then a list introducer: "Paket bantuan terbaru Washington untuk Kyiv mencakup rudal ATACMS
    …". The supply rule finds no weapons there (the list lies too far from the noun)."""
    if ctx.products.get("supply_events"):
        return []
    units, state = ctx.units, ctx.state
    for u in units:
        if u.etype or not u.has("ListIntro"):
            continue
        lo = clause_left(units, u.i)
        pkg = next((v for v in units[lo:min(u.i, lo + 3)] if not v.etype and
                    (v.has("PackageNoun") or v.cls.get("SupplyCue") == NOUN)), None)
        if pkg is None:
            continue
        giver: tuple[str, ...] = ()
        receiver: tuple[str, ...] = ()
        for k in range(pkg.i + 1, u.i):
            v = units[k]
            if not v.is_actor or v.paren or v.title or v.is_weapon:
                continue
            p = prev_unit(units, k)
            if p is not None and p.has("RecipientPrep"):
                receiver = receiver or actor_keys(units, k, state)
            elif not giver and not receiver:
                giver = actor_keys(units, k, state)
        weapons = _listed(units, u.i, ctx.state)
        modality = supply_modality(units, pkg.i, None, ctx.frames, state)
        if not giver or not receiver or not weapons or modality is None:
            continue
        ev = Event(as_state(giver, state), weapons, as_state(receiver, state), modality, pkg.i)
        return event_relations(ctx, ev, weapons, 0.6)
    return []


@rule("supplies", requires=("supply_events",), triggers=("PackageNoun",))
def shipment_of_named(ctx: SentenceContext) -> list[Relation]:
    """"(Kapal itu menurunkan muatan persenjataan.) Ini merupakan kiriman kedua dari Kairo untuk Somalia": a
    shipment with a sender and a receiver but no weapons of its own carries those the sentence before named."""
    units, state = ctx.units, ctx.state
    if ctx.products.get("supply_events") or not state.named_weapons or any(u.is_weapon for u in units):
        return []
    for u in units:
        if u.etype or "PackageNoun" not in u.cls or \
                not any(v.has("Demonstrative") for v in units[max(0, u.i - 3):u.i]):
            continue  # "Ini merupakan kiriman …", "Itu adalah pengiriman …": the cargo just told of
        hi = clause_right(units, u.i)
        source, _ = prep_actor(units, u.i, hi, ("SourcePrep",), state, reach=4)
        target, _ = prep_actor(units, u.i, hi, ("RecipientPrep",), state, reach=7)
        modality = supply_modality(units, u.i, None, ctx.frames, state)
        if not source or not target or modality is None:
            continue
        ev = Event(as_state(source, state), list(state.named_weapons), as_state(target, state), modality, u.i)
        return event_relations(ctx, ev, ev.weapons, 0.5)
    return []


def _follows_supply(ctx: SentenceContext, last: Event) -> bool:
    """The sentence just before reported the supply ``last`` (a relation of its supplier)."""
    before = ctx.sentence.index - 1
    return any(r.type == "supplies" and r.sentence == before and r.args.get("supplier") in last.supplier
               for r in ctx.state.relations)


def _referred_back(units: list[Unit], pkg: Unit, intro: int, lo: int) -> bool:
    """The package is one already told of: a demonstrative follows it, or it opens the clause with
    nothing but modifiers up to the list ("Pengiriman terbaru yang tiba Kamis terdiri dari …")."""
    if any(v.has("Demonstrative") for v in units[pkg.i + 1:min(intro, pkg.i + 5)]):
        return True
    # "Paket senjata yang memicu kemarahan Beijing itu mencakup …": a relative clause the demonstrative closes
    if intro - pkg.i > 2 and units[intro - 1].has("Demonstrative") and \
            any(v.has("Relativizer") for v in units[pkg.i + 1:pkg.i + 3]):
        return True
    # "Laporan lain menyebut paket yang dipertimbangkan mencakup …", "… mengatakan bahwa paketnya terdiri atas …":
    # the package opens the clause a report or belief verb (or "bahwa") takes, as it would open a sentence
    p = prev_unit(units, pkg.i)
    opens = pkg.i == _after_opener(units, lo, pkg.i) or p is not None and not p.etype and (
        p.has("Complementizer") or ACTIVE in (p.voice("ReportCue"), p.voice("BeliefCue")))
    return opens and not any(v.is_actor for v in units[pkg.i + 1:intro])


def _after_opener(units: list[Unit], lo: int, i: int, sourced: bool = False) -> int:
    """Where the clause's subject starts once a sentence adverbial closed by a comma and naming no one
    is passed ("Selain itu, penjualan juga mencakup …", "Di samping itu, kiriman itu berisi …"); with
    ``sourced`` it may name the source ("Menurut DSCA, senjata yang dikirim meliputi …")."""
    for k in range(i - 1, lo - 1, -1):
        if units[k].text == ",":
            return lo if not sourced and any(v.is_actor for v in units[lo:k]) else k + 1
    return lo


def _listed(units: list[Unit], intro: int, state: State) -> list[str]:
    """Weapon keys after the introducer, up to the end of the sentence or a relative clause."""
    out: list[str] = []
    # "amunisi untuk HIMARS", "bom berpemandu untuk jet tempur": what an item serves, up to the next item
    item = platform = False
    # "tidak hanya berisi tank, tapi juga … amunisi": the list goes on past the contrast that a negated "only"
    # announced (a bare "hanya berisi …" announces none; any other boundary still ends the list)
    only = any(units[m].has("OnlyCue") and m and units[m - 1].has("NegationCue") for m in range(max(1, intro - 2), intro))
    skip = intro
    for k in range(intro + 1, len(units)):
        if k <= skip:
            continue
        v = units[k]
        if only and v.has("ContrastConj"):
            only = False
            continue
        if v.has("Relativizer"):
            # "420 rudal ATACMS yang mampu menjangkau 300 km, 60 howitzer …": a relative clause describes one
            # item; the list goes on after its comma when another weapon item follows
            skip = _past_relative(units, k)
            item = platform = False
            if skip < 0:
                break
            continue
        if v.text in STOP_PUNCT or v.has("ClauseBoundary", "Complementizer"):
            break
        if v.text == "," or v.has("Conjunction") and not (platform and next_platform(units, k, len(units)) is not None):
            item = platform = False
        elif v.has("RecipientPrep") and item:
            platform = True
        item = item or bool(v.etype)
        if not v.is_weapon or not v.key or platform or component(units, k):
            continue
        key = missile_named(units, k, state) or v.key  # "rudal Patriot": the system's missiles
        if key not in out:
            out.append(key)
    return out


def _past_relative(units: list[Unit], rel: int) -> int:
    """The comma that closes the relative clause opened at ``rel`` inside a list of goods, when a weapon
    item follows it (within three words, before any verb): -1 where the list ends with the relative."""
    for j in range(rel + 1, len(units)):
        u = units[j]
        if u.text in STOP_PUNCT or u.has("Relativizer", "ClauseBoundary", "Complementizer"):
            return -1
        if u.text != ",":
            continue
        for v in units[j + 1:j + 4]:
            if v.is_weapon:
                return j
            if v.is_actor or v.text in STOP_PUNCT or v.is_verb() and not v.has("FunctionWord"):
                return -1
        return -1
    return -1


def _signed_deal(units: list[Unit], state: State) -> tuple[Event, list[str]] | None:
    """"Kontrak pertama diteken Warsawa pada 2022 …, mencakup tank K2 …": a contract noun opening the sentence, told
    as signed by one party, whose list follows after a comma, holds the arms of the last supply the article told
    with that party (as buyer or seller): the event and the weapons listed."""
    intro = next((v.i for v in units if v.has("ListIntro") and not v.etype), None)
    if intro is None or intro < 3 or units[intro - 1].text != "," or not units[0].has("PackageNoun") or units[0].etype:
        return None
    if any(v.text in STOP_PUNCT or v.cls and v.is_verb() and not v.has("SignVerb", "FunctionWord")
           for v in units[1:intro] if not v.etype):
        return None
    named = {k for v in units[1:intro] if v.is_actor and not money_state(units, v.i) for k in actor_keys(units, v.i, state)}
    signer = set(as_state(tuple(named), state))
    if not signer or not any(v.voice("SignVerb") for v in units[1:intro]):
        return None
    deal = next((r for r in reversed(state.relations) if r.type == "supplies" and r.args.get("supplier") and
                 r.args.get("recipient") and signer & {str(r.args["supplier"]), str(r.args["recipient"])}), None)
    weapons = _listed(units, intro, state)
    if deal is None or not weapons:
        return None
    return Event((str(deal.args["supplier"]),), weapons, (str(deal.args["recipient"]),), deal.modality, intro), weapons
