"""Mentions → canonical entities: gazetteer, NER span repair, bylines and in-document aliasing.

The statistical NER is trained on a few thousand sentences, so it misses names, mis-types them
(``Moskow`` as PER) and swallows titles into spans (``Pertahanan Rusia Sergei Shoigu``). Resolution
therefore runs the gazetteer in ``ontology/entities.ttl`` over the text itself, lets it win where it
knows a name, and keeps only the unexplained remainder of each NER span. Unknown names become
entities whose key is the slug of their surface form; a short name (``Kirby``, ``Kim``) joins the full
name it abbreviates in the same article.
"""

from __future__ import annotations

from kg.resolve.bodies import adjective_state, body_canonical, body_template, home_country
from kg.resolve.linking import resolve
from kg.resolve.lookup import ACTOR_TYPES, CLASS_TYPES, GazEntry, Gazetteer, gazetteer, load_gazetteer
from kg.resolve.names import norm, slug

__all__ = ["ACTOR_TYPES", "CLASS_TYPES", "GazEntry", "Gazetteer", "adjective_state", "body_canonical", "body_template",
           "gazetteer", "home_country", "load_gazetteer",
           "norm", "resolve", "slug"]
