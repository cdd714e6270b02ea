"""Hand-built ``Extraction`` objects: real inputs for the kg.rdf and kg.store unit tests, built the
way kg.extract builds them (offsets into the normalised text, entities keyed by slug)."""

from __future__ import annotations

import re

from kg.ingest import article_from_text
from kg.types import Doc, Entity, Extraction, Mention, Relation, Sentence, Token

TEXT = "\n\n".join([
    "AS tuduh Korut pasok amunisi artileri ke Rusia",
    "Washington (ANTARA) - Juru bicara Gedung Putih John Kirby mengatakan pada 10 Februari 2023 bahwa "
    "Korea Utara telah mengirim amunisi artileri ke Rusia.",
    "Kirby bertemu Sergei Shoigu di Moskow, kata dia.",
])

ENTITIES = {
    "white_house": Entity("white_house", "White House", "ORG", "Q35525"),
    "john_kirby": Entity("john_kirby", "John Kirby", "PER"),
    "north_korea": Entity("north_korea", "North Korea", "GPE", "Q423"),
    "artillery_ammunition": Entity("artillery_ammunition", "artillery ammunition", "WEAPON"),
    "russia": Entity("russia", "Russia", "GPE", "Q159"),
    "sergei_shoigu": Entity("sergei_shoigu", "Sergei Shoigu", "PER"),
}
#: (surface, type, entity key, occurrence) in text order
MENTIONS = [
    ("Korut", "LOC", "north_korea", 0), ("amunisi artileri", "WEAPON", "artillery_ammunition", 0),
    ("Rusia", "LOC", "russia", 0), ("Gedung Putih", "ORG", "white_house", 0),
    ("John Kirby", "PER", "john_kirby", 0), ("Korea Utara", "LOC", "north_korea", 0),
    ("amunisi artileri", "WEAPON", "artillery_ammunition", 1), ("Rusia", "LOC", "russia", 1),
    ("Kirby", "PER", "john_kirby", 1), ("Sergei Shoigu", "PER", "sergei_shoigu", 0),
    ("Moskow", "LOC", "russia", 0),
]


def _nth(text: str, sub: str, n: int) -> int:
    i = -1
    for _ in range(n + 1):
        i = text.index(sub, i + 1)
    return i


def make_extraction(text: str = TEXT, name: str = "sample.txt", relations: list[Relation] | None = None,
                    entities: dict[str, Entity] | None = None) -> Extraction:
    """One article as the pipeline would see it: paragraphs as sentences, mentions, relations."""
    art = article_from_text(text, name=name)
    t = art.text
    sentences, pos = [], 0
    for i, para in enumerate(t.split("\n\n")):
        s = t.index(para, pos)
        pos = s + len(para)
        tokens = tuple(Token(m.group(0), s + m.start(), s + m.end()) for m in re.finditer(r"\w+|[^\w\s]", para))
        sentences.append(Sentence(i, para, s, s + len(para), tokens, i))

    def sentence_of(offset: int) -> int:
        return next(s.index for s in sentences if s.start <= offset < s.end)

    mentions, links = [], []
    if text == TEXT:
        for surface, typ, key, n in MENTIONS:
            start = _nth(t, surface, n)
            m = Mention(surface, typ, start, start + len(surface), sentence_of(start),
                        "gazetteer" if typ == "WEAPON" else "ner")
            mentions.append(m)
            links.append((m, key))
    doc = Doc(art, tuple(sentences), tuple(sorted(mentions, key=lambda m: m.start)))
    if relations is None:
        s1, s2 = sentences[1], sentences[2]
        relations = [
            Relation("accuses", {"accuser": "john_kirby", "accused": "north_korea"}, "asserted", 1,
                     s1.start, s1.end, 0.9),
            Relation("supplies", {"supplier": "north_korea", "weapon": "artillery_ammunition",
                                  "recipient": "russia"}, "alleged", 1, s1.start, s1.end, 0.8),
            Relation("role", {"person": "john_kirby", "org_or_state": "white_house", "title": "Juru bicara"},
                     "asserted", 1, s1.start, s1.end, 0.7),
            Relation("meets", {"a": "sergei_shoigu", "b": "john_kirby"}, "asserted", 2, s2.start, s2.end),
            Relation("visits", {"visitor": "john_kirby", "place": "russia"}, "potential", 2, s2.start, s2.end,
                     0.55),
        ]
    return Extraction(doc, dict(ENTITIES if entities is None else entities), sorted(links, key=lambda x: x[0].start),
                      relations)
