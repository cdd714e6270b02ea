"""Article-level completion once every sentence is read: for supplies, a recipient the sentence or the
article implies, a seller for requests and purchases that name none; for a bare denial, the last claimant."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from kg.extract.context import State
from kg.extract.parties import side, side_accusers, topic_state
from kg.resolve import gazetteer
from kg.types import Relation
from kg.weapons import lexicon


def infer_recipients(state: State) -> None:
    """A supply with no recipient named goes to the one recipient of the other supplies of its
    sentence, else where the article has that supplier sending arms, when it sends them to one party
    only ("Moskow juga mengapalkan kendaraan lapis baja …" after "Rusia mengirim helikopter ke Mali")."""
    to: dict[str, set[str]] = {}
    in_sentence: dict[int, set[str]] = {}
    for r in state.relations:
        if r.type == "supplies" and r.args.get("recipient"):
            to.setdefault(r.args["supplier"], set()).add(r.args["recipient"])
            in_sentence.setdefault(r.sentence, set()).add(r.args["recipient"])
    together: dict[tuple[int, str], set[str]] = {}  # who supplies each weapon in each sentence
    for r in state.relations:
        if r.type == "supplies":
            together.setdefault((r.sentence, r.args["weapon"]), set()).add(r.args["supplier"])
    for n, r in enumerate(state.relations):
        if r.type != "supplies" or r.args.get("recipient") or \
                (r.sentence, r.args["supplier"], r.args["weapon"]) in state.to_anyone:
            continue  # (not one told as going to anyone at all: "kepada pihak mana pun")
        # "Iran dan UEA dituding memasok drone …": a co-supplier of the same weapons is never their recipient
        fellows = together.get((r.sentence, r.args["weapon"]), set())
        # "Washington mengirimi Kyiv ATACMS, sementara Storm Shadow dipasok London": the sentence's
        # only recipient, else the supplier's only recipient in the article
        cands = in_sentence.get(r.sentence, set()) - {r.args["supplier"]}
        if len(cands) != 1:
            cands = to.get(r.args["supplier"], set())
        if len(cands) != 1:  # "Rusia menjual helikopter kepada militer Sudan. Turki juga memasok drone": the last one's
            cands = in_sentence.get(r.sentence - 1, set()) - {r.args["supplier"]}
        if len(cands) == 1:
            if not cands & fellows:
                (rec,) = cands
                state.relations[n] = replace(r, args={**r.args, "recipient": rec}, confidence=0.6)
        elif (rec := main_recipient(state, r.args["supplier"])) is not None and rec not in fellows and \
                not _accuses(state, rec, r.args["supplier"]):
            # a supply the article tells without a recipient goes where its arms mostly go
            state.relations[n] = replace(r, args={**r.args, "recipient": rec}, confidence=0.5)
        elif (rec := _topic_recipient(state, r.args["supplier"])) is not None and rec not in fellows and \
                not _accuses(state, rec, r.args["supplier"]):
            # no supply of the article names a recipient: the state the article is about gets them ("Amerika
            # siap untuk mengirimkan rudal …" in a report on Ukraine), never the supplier's own
            state.relations[n] = replace(r, args={**r.args, "recipient": rec}, confidence=0.4)


def _accuses(state: State, party: str, supplier: str) -> bool:
    """Whether ``party`` (or its side) accuses ``supplier`` in the article: who charges a supplier is no guess for
    where its arms go ("Israel menuduh Hizbullah … menyelundupkan roket": not to Israel)."""
    return any(b == supplier and (a == party or party in side(a, state)) for a, b in state.accusations)


def _topic_recipient(state: State, supplier: str) -> str | None:
    """The state the article is about; where that is the supplier's own ("Iran mengaku hanya mengirim sedikit
    drone" in a report on Iran's drones for Russia), the state it names clearly most after it (twice as often
    as any other: not in a survey of many exporters and buyers)."""
    homes = _homes(supplier)
    top = topic_state(state)
    return top if top is None or top not in homes else topic_state(state, homes, lead=2)


def _homes(key: str) -> set[str]:
    """A party and the state it belongs to (a firm's, a ministry's)."""
    gaz = gazetteer()
    g = gaz.entries.get(key)
    return {key, gaz.state_of(key) or key} | ({gaz.state_of(g.affiliation) or g.affiliation}
                                              if g is not None and g.affiliation else set())


def main_recipient(state: State, supplier: str) -> str | None:
    """The recipient most of the article's supplies go to, when one clearly leads (not the supplier)."""
    counts = Counter(r.args["recipient"] for r in state.relations
                     if r.type == "supplies" and r.args.get("recipient") and r.args["recipient"] != supplier)
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return top[0][0]


def infer_request_suppliers(state: State) -> None:
    """A request or purchase with no named seller: the maker of a named model, else the article's
    usual supplier to that recipient."""
    if not state.requests:
        return
    counts: dict[str, Counter] = {}
    for r in state.relations:  # (one that refused or denied supplying is no usual supplier)
        if r.type == "supplies" and r.args.get("recipient") and r.modality != "denied":
            counts.setdefault(r.args["recipient"], Counter())[r.args["supplier"]] += 1
    concepts = lexicon().concepts
    # the buyers each sentence's own supplies name for a weapon (the rules', before any inferred here)
    named_buyers: dict[tuple[int, str | None], set[str | None]] = {}
    for r in state.relations:
        if r.type == "supplies":
            named_buyers.setdefault((r.sentence, r.args.get("weapon")), set()).add(r.args.get("recipient"))
    for ev, s in state.requests:
        for rec in ev.recipient:
            # one list bought from one seller: the others come from where its named models come from
            # ("memperoleh peluncur roket HIMARS beserta rudal ATACMS, howitzer …": all American)
            makers = lexicon().makers(ev.weapons) - {rec}
            made = len(makers) == 1
            usual = makers.pop() if made else _usual(counts.get(rec))
            if not made and usual and (ev.others and usual not in ev.others or
                                         any(_usual(counts.get(r)) != usual for r in ev.recipient)):
                # the usual seller is no guess where the sentence names another source or maker ("… mesin buatan
                # General Electric"), or buyers that seller does not usually serve ("Indonesia dan Pakistan … membeli")
                usual = None
            for w in ev.weapons:
                named = named_buyers.get((s.index, w))
                if named and rec not in named:
                    # the sentence names the deal, buyer and seller, otherwise ("Kemhan Nigeria mencapai kesepakatan
                    # dengan produsen asal Turki, Baykar, untuk pengadaan enam TB2": Nigeria buys, not Baykar)
                    continue
                # a named model comes from the state that makes it ("Rafale yang dibeli India": France)
                maker = concepts[w].maker if w in concepts else None
                supplier = maker if maker and maker != rec else usual
                if supplier:
                    state.relations.append(Relation("supplies", {"supplier": supplier, "weapon": w, "recipient": rec},
                                                    ev.modality, s.index, s.start, s.end, 0.6, s.text))
                    # who claims the receipt charges the seller the article gave before, where that supply was itself
                    # told as a claim ("Iran dilaporkan mengirim rudal …. X mengatakan Rusia sudah menerima kiriman rudal
                    # tersebut": Iran's; not a purchase told as done, "drone-drone tersebut dibeli …")
                    charged = any(r.type == "supplies" and r.modality == "alleged" and r.sentence < s.index and
                                  r.args["supplier"] == supplier and r.args.get("recipient") == rec
                                  for r in state.relations)
                    for a in ev.claimed_by if charged else ():
                        if a not in (supplier, rec) and supplier not in side(a, state) and a not in side(supplier, state) \
                                and rec not in side(a, state) and a not in side(rec, state) and \
                                not any(r.type == "accuses" and r.args == {"accuser": a, "accused": supplier}
                                        for r in state.relations):
                            state.relations.append(Relation("accuses", {"accuser": a, "accused": supplier},
                                                            "asserted", s.index, s.start, s.end, 0.5, s.text))


def _usual(counts: Counter | None) -> str | None:
    """The supplier most of a recipient's supplies come from, when one leads (a tie names none)."""
    top = counts.most_common(2) if counts else []
    if not top or len(top) > 1 and top[1][1] == top[0][1]:
        return None
    return top[0][0]


def infer_accusers(state: State) -> None:
    """A bare denial no rule of its sentence found an accuser for ("Ukraina telah membantah semua klaim
    tersebut.") answers whoever made the last claim before it, when that is not the denier's own side."""
    told = {(r.sentence, r.args["denier"]) for r in state.relations if r.type == "denies"}
    for r, claimants in state.unanswered:
        d = r.args["denier"]
        if (r.sentence, d) in told:
            continue
        own = side(d, state) | _homes(d)
        # (no claimants given: a headline's answer, whose claim the body tells: who first accused the denier's side)
        for c in claimants or first_accusers(d, state):
            # (not a city: a place below a state makes no claim, a dateline read as a subject does)
            e = state.entities.get(c)
            if c not in own and d not in side(c, state) and (e is None or e.type != "GPE" or
                                                             not gazetteer().below_state(c)):
                state.relations.append(replace(r, args={**r.args, "accuser": c}, confidence=0.4))
        told.add((r.sentence, d))


def first_accusers(d: str, state: State) -> list[str]:
    """Who made the article's first accusation against ``d`` or its side: the claim a headline answers is the
    one the lead tells."""
    groups = side_accusers((d,), state)
    return list(dict.fromkeys(groups[0])) if groups else []
