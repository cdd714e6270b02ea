"""``--param`` values in the analyst's words: any label or alias of an entity, Indonesian or English,
any case (``-p object="Korea Utara"``, ``-p subject=kirby``), becomes the English label the named
queries compare with; an unknown name is an error that suggests the closest names.

Names are looked up in the store (``rdfs:label`` and ``skos:altLabel`` of the merged graph: every
surface form an article used) and then in the gazetteer (``kg.resolve``: every alias it knows, such
as "Amerika Serikat" for United States, even when no article wrote that form).
"""

from __future__ import annotations

import difflib
from typing import Any

from kg.schema import RELATIONS
from kg.types import MODALITIES
from kg.vocab import RDFS, SKOS

#: Variables of the named queries (queries/*.rq) that hold an entity's English label: a value bound
#: to them must name an entity.
NAME_VARIABLES = frozenset({
    "subject", "object", "recipient", "accuser", "accused", "supplier", "weapon", "person", "organization",
    "name", "actor", "denier", "asserter", "target", "entity_name", "class",
})
#: Values that are not names whatever the variable (relation types, modalities, entity classes).
_WORDS = frozenset(RELATIONS) | frozenset(MODALITIES) | {"Person", "Organization", "State", "Location",
                                                         "WeaponType"}


class UnknownName(ValueError):
    """A parameter names no entity of the store or the gazetteer (the message lists the closest)."""


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def store_names(store: Any) -> tuple[dict[str, str], list[str]]:
    """(folded label or alias → English label, every label and alias as written) from the merged graph."""
    rows = store.select(f"SELECT ?l ?a WHERE {{ ?e <{RDFS}label> ?l . OPTIONAL {{ ?e <{SKOS}altLabel> ?a }} "
                        "FILTER (LANG(?l) = 'en') }")
    names: dict[str, str] = {}
    written: set[str] = set()
    for r in sorted(rows, key=lambda r: (str(r.get("l")), str(r.get("a", "")))):
        label = str(r["l"])
        names.setdefault(_fold(label), label)  # a label wins over another entity's alias
        written.add(label)
    for r in rows:
        if "a" in r:
            names.setdefault(_fold(str(r["a"])), str(r["l"]))
            written.add(str(r["a"]))
    return names, sorted(written)


def _gazetteer_label(value: str, names: dict[str, str]) -> str | None:
    """The store's label of the entity the gazetteer knows ``value`` as (any alias, any case)."""
    from kg.resolve.lookup import gazetteer

    gaz = gazetteer()
    key = gaz.lookup(value) or gaz.lookup(value.title())
    if key is None or key not in gaz.entries:
        return None
    return names.get(_fold(gaz.entries[key].canonical))


def resolve_params(store: Any, params: dict[str, str]) -> dict[str, str]:
    """``params`` with every plain-text value that names an entity replaced by its English label.

    Values written as IRIs, ``prefix:name``, numbers or quoted literals are left as they are, and so
    are relation types, modalities and class names. A value bound to one of :data:`NAME_VARIABLES`
    that names nothing raises :class:`UnknownName`; elsewhere an unknown value is left as written.
    """
    if not params:
        return params
    names: dict[str, str] | None = None
    written: list[str] = []
    out = {}
    for var, value in params.items():
        v = value.strip()
        if not v or v in _WORDS or v.startswith(("<", '"', "'")) or _prefixed(v) or _number(v):
            out[var] = value
            continue
        if names is None:
            names, written = store_names(store)
        label = names.get(_fold(v)) or _gazetteer_label(v, names)
        if label is not None:
            out[var] = label
        elif var in NAME_VARIABLES:
            folded = {w.casefold(): w for w in written}
            close = [folded[c] for c in difflib.get_close_matches(v.casefold(), list(folded), n=5, cutoff=0.6)]
            hint = f"; closest: {', '.join(close)}" if close else ""
            raise UnknownName(f"--param {var}={value!r}: no entity of this store is called that{hint}")
        else:
            out[var] = value
    return out


def _prefixed(v: str) -> bool:
    from kg.vocab import QUERY_PREFIXES

    head, sep, rest = v.partition(":")
    return bool(sep) and (head in QUERY_PREFIXES or head in ("http", "https")) and " " not in rest


def _number(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True
