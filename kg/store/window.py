"""A store narrowed to the articles published in a period (``--since``/``--until`` of ``kg render`` and
``kg export``): an in-memory, read-only copy of the article graphs whose ``dcterms:date`` lies in it,
with their merged graph. Articles without a date are left out, since nothing says they belong."""

from __future__ import annotations

import pyoxigraph as ox

from kg.store.base import KGStore
from kg.store.local import Store
from kg.vocab import DCTERMS, XSD


def date_filter(var: str, since: str | None, until: str | None) -> str:
    """SPARQL that keeps ``?var`` (an article) when its ``dcterms:date`` lies in [since, until]; to be
    put inside the article's own graph, where its date is."""
    tests = []
    if since:
        tests.append(f'?{var}__date >= "{since}"^^<{XSD}date>')
    if until:
        tests.append(f'?{var}__date <= "{until}"^^<{XSD}date>')
    if not tests:
        return ""
    return f"?{var} <{DCTERMS}date> ?{var}__date FILTER ({' && '.join(tests)})"


def articles_between(store: KGStore, since: str | None, until: str | None) -> set[str]:
    """IRIs of the articles dated within [since, until]."""
    rows = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ {date_filter('g', since, until)} }} }}")
    return {str(r["g"]) for r in rows if "g" in r}


def window(store: KGStore, since: str | None, until: str | None) -> Store:
    """A read-only in-memory :class:`~kg.store.local.Store` holding the article graphs dated within
    [since, until] and their merged graph."""
    keep = articles_between(store, since, until)
    mem = Store.memory()
    mem.ox.extend(q for q in store.iter_quads() if isinstance(q.graph_name, ox.NamedNode)
                  and q.graph_name.value in keep)
    mem.ox.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    mem.read_only = True
    return mem
