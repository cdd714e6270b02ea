"""A bare organisation noun as a subject points back to the organisation named with it: "Dewan Keamanan PBB
mengesahkan resolusi …. Dalam resolusi tersebut, dewan mengutuk …" (the Security Council), "Mahkamah Internasional
menggelar sidang. Mahkamah memerintahkan …" (the court). The head word must open one of that organisation's own
names in the gazetteer, and a verb must follow it: "anggota dewan", "kepada dewan" name no actor."""

from __future__ import annotations

import re
from functools import cache

from kg.cues import cues
from kg.extract.antecedents import named_before
from kg.extract.context import State
from kg.extract.parties import outlet
from kg.resolve import gazetteer
from kg.units import Unit


@cache
def name_heads() -> dict[str, frozenset[str]]:
    """Organisation key → the first words of its names (lower case)."""
    gaz = gazetteer()
    out: dict[str, set[str]] = {}
    for form, key in gaz.forms.items():
        if " " in form and gaz.entries[key].type == "ORG":
            out.setdefault(key, set()).add(form.split()[0])
    return {k: frozenset(v) for k, v in out.items()}


@cache
def template_heads() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The English names ``kg:OrgTemplate`` gives a state's bodies, as patterns, with the first word of each template's
    Indonesian form: a body the article named by a template ("Kementerian Pertahanan Kamboja") is pointed back to
    by that word too, though the gazetteer lists none of its names."""
    return tuple((re.compile(re.sub(r"\\\{\w+\\\}", ".+", re.escape(tpl)) + "$"), form.split()[0])
                 for form, tpl in cues().templates.items())


def _heads_of(key: str, state: State) -> frozenset[str]:
    """The first words of an organisation's names: the gazetteer's, else its canonical name's as written and its
    template's."""
    heads = name_heads()
    if key in heads:
        return heads[key]
    e = state.entities.get(key)
    return _canonical_heads(e.canonical) if e is not None else frozenset()


@cache
def _canonical_heads(canonical: str) -> frozenset[str]:
    """The first word of a canonical name and of the template forms it was filled from (once per name: the same
    bodies recur across sentences and articles)."""
    return frozenset({canonical.split()[0].lower()} | {w for p, w in template_heads() if p.match(canonical)})


def bare_head_org(units: list[Unit], i: int, state: State) -> str | None:
    """The organisation a bare head noun at ``i`` (kg:OrgHead, no name after it) stands for as a verb's subject."""
    u = units[i]
    if u.etype or u.span.get("OrgHead", 1) > 1 or i + 1 >= len(units):
        return None
    k = i + 1
    while k < len(units) and not units[k].etype and units[k].has("FunctionWord") and not units[k].is_verb() \
            and not units[k].has("Demonstrative"):  # ("kementerian tersebut": a description, read elsewhere)
        k += 1  # "dewan juga mengutuk …"
    if k >= len(units) or units[k].etype or not units[k].is_verb():
        return None
    if i > 0 and not units[i - 1].etype and (units[i - 1].is_noun() or units[i - 1].is_verb() or
                                             units[i - 1].has("Preposition", "RoleTitle")):
        return None  # "anggota dewan menyetujui …", "kepada dewan", "memohon Dewan bersidang": no subject
    for key in named_before(units, i, state, "ORG"):  # the last one named whose name opens with the word (also one
        if u.low in _heads_of(key, state):             # the article made: "Dewan Keamanan dan Pertahanan Sudan")
            return None if outlet(key, state) else key
    return None


def bare_bloc(units: list[Unit], i: int) -> int | None:
    """Where the description ends of a bare alliance noun opening its sentence as a verb's subject ("Aliansi meminta
    China menyetop …", after NATO was named): the noun alone, as "aliansi itu" would be; None for anything else."""
    u = units[i]
    if i != 0 or u.etype or not u.has("AllianceNoun") or not u.text[:1].isupper() or i + 1 >= len(units):
        return None
    return i + 1 if not units[i + 1].etype and units[i + 1].is_verb() else None
