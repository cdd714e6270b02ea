"""Article-level post-processing: one relation per identity, arguments completed from the gazetteer."""

from __future__ import annotations

from dataclasses import replace

from kg.resolve import gazetteer
from kg.schema import RELATIONS
from kg.types import Entity, Relation
from kg.weapons import lexicon


def complete_entities(relations: list[Relation], entities: dict[str, Entity]) -> list[Relation]:
    """Arguments the article implies but does not name ("pemerintahan Biden" → United States, a
    minister's state) join the entities from the gazetteer; a relation whose argument is unknown
    anywhere, of a type the schema bars for it, or that relates something to itself, is dropped."""
    gaz = gazetteer()
    out = []
    for r in relations:
        ok = True
        for name, value in r.args.items():
            if value is None or (r.type, name) == ("role", "title"):
                continue
            if value not in entities:
                e = gaz.entries.get(value)
                w = lexicon().concepts.get(value) if e is None else None
                if e is None and w is None:
                    ok = False
                    break
                # a weapon type the rule implies ("mempersenjatai X": arms in general)
                entities[value] = Entity(e.key, e.canonical, e.type, e.wikidata) if e else \
                    Entity(w.key, w.canonical, "WEAPON", None)
        keys = [v for n, v in r.args.items() if v and (r.type, n) != ("role", "title")]
        # "Temel Kotil mengumumkan penjualan …" with no body found for him: no person supplies himself
        barred = any(r.args.get(n) in entities and entities[r.args[n]].type == t for n, t in RELATIONS[r.type].barred) \
            or any(_listed_as(r.args.get(n), kind) for n, kind in RELATIONS[r.type].unfit)
        negated = r.modality == "denied" and not RELATIONS[r.type].negated  # "Inggris tidak ikut menyasar UEA"
        if ok and not barred and not negated and len(set(keys)) == len(keys):
            out.append(r)
    return out


def _listed_as(key: str | None, kind: str) -> bool:
    """Whether the gazetteer lists ``key`` as of ``kind``, a flag of its entry (``GazEntry.outlet``: a news outlet or
    data source; ``GazEntry.former``: a state that no longer exists)."""
    e = gazetteer().entries.get(key) if key else None
    return e is not None and getattr(e, kind)


#: arguments that name a state's side rather than its body: "mendesak militer Myanmar untuk menghentikan …"
#: warns and accuses Myanmar (its armed forces still sanction, are sanctioned, hold roles, accuse and are
#: denied, as in the accusation a denial answers)
_STATE_SIDE = {("accuses", "accused"), ("warns", "warned")}


def state_sides(relations: list[Relation]) -> list[Relation]:
    """An armed force accused or warned stands for its state."""
    gaz = gazetteer()
    out = []
    for r in relations:
        args = {n: (gaz.forces_of(v) or v) if v and (r.type, n) in _STATE_SIDE else v for n, v in r.args.items()}
        out.append(replace(r, args=args) if args != r.args else r)
    return out


def own_bodies(relations: list[Relation]) -> list[Relation]:
    """A state's own body is never the target of its sanctions: "…, menurut Departemen Keuangan AS" names
    who reports the measure, "Departemen Keuangan AS menjatuhkan sanksi" who imposes it (fresh news put the
    US Treasury among the targets of US sanctions three times in one sample)."""
    gaz = gazetteer()

    def side(key: str) -> str | None:
        e = gaz.entries.get(key)
        return None if e is None else (key if e.type == "GPE" else gaz.state_of(key))

    out = []
    for r in relations:
        if r.type == "sanctions":
            target = gaz.entries.get(r.args["target"])
            if target is not None and target.type == "ORG" and target.affiliation and \
                    gaz.state_of(target.affiliation) == side(r.args["sanctioner"]):
                continue
        out.append(r)
    return out


def dedupe(relations: list[Relation], to_anyone: set[tuple[int, str, str]] | frozenset = frozenset()
           ) -> list[Relation]:
    """One relation per (type, args); a role per (person, org); a supply without a recipient is
    dropped where the same supplier and weapon have a named recipient in the article, unless it was told
    as going to anyone at all (``to_anyone``: "tidak pernah mengirim senjata kepada pihak mana pun")."""
    with_recipient = {(r.args["supplier"], r.args["weapon"]) for r in relations
                      if r.type == "supplies" and r.args.get("recipient")}
    seen: dict = {}
    out: list[Relation] = []
    for r in relations:
        if r.type == "supplies" and not r.args.get("recipient") and \
                (r.args["supplier"], r.args["weapon"]) in with_recipient and \
                (r.sentence, r.args["supplier"], r.args["weapon"]) not in to_anyone:
            continue
        key = RELATIONS[r.type].key(r.args)
        if key in seen:
            # "Teheran awalnya membantah … Namun … mengakui bahwa Iran telah memberikan …": the
            # article ends up reporting the supply, so a realis mention outranks a denial
            i = seen[key]
            if out[i].modality == "denied" and r.modality in ("asserted", "alleged"):
                out[i] = replace(out[i], modality=r.modality)
            continue
        seen[key] = len(out)
        out.append(r)
    return out
