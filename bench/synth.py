"""Synthetic ``Extraction`` objects (no NER) for store and SPARQL benchmarks at million-triple scale.

The texts come from :mod:`bench.corpus`; the entities and relations are the ones the generator
planted, so the quads are minted by the real ``kg.rdf.article_quads`` and have exactly the shape of
a real build (named graph per article, direct triples, statement nodes, provenance) without paying
for Stanza on thousands of articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bench.corpus import ORGS, STATES, ArticleWriter, weapon_labels
from kg.ingest import article_from_text
from kg.types import Doc, Entity, Extraction, Mention, Relation, Sentence, Token

_SENT = re.compile(r"[^\n]+?(?:[.!?](?=\s|$)|$)")
_STATE_ALIASES = {alias: name for name, aliases, _ in STATES for alias in aliases} | {
    capital: name for name, _, capital in STATES
}
_ORG_ALIASES = {alias: name for name, aliases in ORGS for alias in aliases}


def slug(name: str) -> str:
    """The team's entity-key slug when kg.resolve exists, else a lower_snake fallback."""
    try:
        from kg.resolve import slug as team_slug
    except ImportError:
        return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")
    return team_slug(name)


def _type_of(name: str, people: set[str]) -> tuple[str, str]:
    """(entity type, canonical name) for a name the generator used."""
    if name in people:
        return "PER", name
    if name in _STATE_ALIASES or any(name == s[0] for s in STATES):
        return "GPE", _STATE_ALIASES.get(name, name)
    if name in weapon_labels():
        return "WEAPON", name
    return "ORG", _ORG_ALIASES.get(name, name)


def _sentences(text: str) -> list[Sentence]:
    out = []
    for para, block in enumerate(text.split("\n\n")):
        base = text.index(block) if block else 0
        for m in _SENT.finditer(block):
            raw = m.group(0)
            lead = len(raw) - len(raw.lstrip())
            start, end = base + m.start() + lead, base + m.end()
            if start >= end:
                continue
            tokens = tuple(
                Token(t.group(0), start + t.start(), start + t.end())
                for t in re.finditer(r"\w+|[^\w\s]", text[start:end])
            )
            out.append(Sentence(len(out), text[start:end], start, end, tokens, para))
    return out


def synthetic_extraction(seed: int, index: int) -> Extraction:
    """Article ``index`` of the synthetic corpus with its planted entities and relations."""
    writer = ArticleWriter(seed, index)
    name, raw = writer.write()
    article = article_from_text(raw, name=name)
    text = article.text
    sentences = _sentences(text)
    people = {p.name for p in writer.people}
    entities: dict[str, Entity] = {}
    links: list[tuple[Mention, str]] = []
    relations: list[Relation] = []

    def entity(surface: str) -> str:
        etype, canonical = _type_of(surface, people)
        key = slug(canonical)
        entities.setdefault(key, Entity(key, canonical, etype))
        pos = text.find(surface)
        if pos >= 0:
            sent = next((s.index for s in sentences if s.start <= pos < s.end), 0)
            links.append((Mention(surface, etype, pos, pos + len(surface), sent), key))
        return key

    for planted in writer.relations:
        args: dict[str, str | None] = {}
        for arg, value in planted["args"].items():
            if value is None:
                args[arg] = None
            elif planted["type"] == "role" and arg == "title":
                args[arg] = value
            else:
                args[arg] = entity(value)
        first = next(v for v in planted["args"].values() if v)
        pos = max(text.find(first), 0)
        sent = next((s for s in sentences if s.start <= pos < s.end), sentences[0])
        relations.append(Relation(planted["type"], args, planted["modality"], sent.index, sent.start,
                                  sent.end, 0.8, sent.text))
    mentions = tuple(sorted((m for m, _ in links), key=lambda m: m.start))
    links.sort(key=lambda ml: ml[0].start)
    return Extraction(Doc(article, tuple(sentences), mentions), entities, links, relations)


def synthetic_extractions(n: int, seed: int = 7) -> Iterator[Extraction]:
    for i in range(n):
        yield synthetic_extraction(seed, i)
