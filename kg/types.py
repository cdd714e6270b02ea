"""Plain data passed between pipeline stages.

Each stage takes one of these and returns the next:
``Article`` (ingest) → ``Doc`` (nlp: sentences, tokens, mentions) → ``Extraction``
(resolve + extract: entities and relations) → quads (rdf).
Offsets are character offsets into ``Article.text``; ``end`` is exclusive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from kg.schema import RELATIONS

#: Entity types. NER yields PER/ORG/LOC, the weapon gazetteer WEAPON; resolution promotes
#: LOC to GPE for states and capitals used as metonyms.
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "WEAPON")
RELATION_TYPES: tuple[str, ...] = tuple(RELATIONS)
MODALITIES = ("asserted", "alleged", "planned", "potential", "denied")
#: Argument names per relation type, in the order of the gold file (declared in kg.schema).
RELATION_ARGS: Mapping[str, tuple[str, ...]] = MappingProxyType({name: spec.args for name, spec in RELATIONS.items()})


@dataclass(frozen=True)
class Article:
    """One input text. ``doc_id`` is the sha256 of the normalised text, so it names content."""

    doc_id: str
    name: str  # file name (the gold file's ``doc``)
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None  # ISO 8601 when the text states it
    source_line: str | None = None


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    paragraph: int = 0  # index of the blank-line separated paragraph holding it


@dataclass(frozen=True)
class Mention:
    """A typed span: from Stanza NER (PER/ORG/LOC) or the weapon gazetteer (WEAPON)."""

    text: str
    type: str
    start: int
    end: int
    sentence: int
    source: str = "ner"  # "ner" | "gazetteer"


@dataclass(frozen=True)
class Doc:
    """An analysed article: the output of ``kg.nlp``."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Entity:
    """A resolved entity. ``key`` is a stable slug of the canonical name (IRI local name)."""

    key: str
    canonical: str
    type: str
    wikidata: str | None = None


@dataclass(frozen=True)
class Relation:
    """One extracted relation. ``args`` maps argument names (see RELATION_ARGS) to entity keys,
    except ``role.title`` which is the title as written; a missing ``recipient`` is None."""

    type: str
    args: dict[str, str | None]
    modality: str
    sentence: int  # index into Doc.sentences of the evidence
    start: int  # evidence span (the sentence) in the article text
    end: int
    confidence: float = 0.8
    evidence: str = ""

    def key(self) -> tuple:
        """Identity within one article: one relation per (type, args)."""
        return (self.type, tuple(sorted((k, v or "") for k, v in self.args.items())))


@dataclass
class Extraction:
    """Everything known about one article: the input to ``kg.rdf``."""

    doc: Doc
    entities: dict[str, Entity] = field(default_factory=dict)  # key → entity
    #: (mention, entity key) for every resolved mention, in text order
    links: list[tuple[Mention, str]] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    #: a gold-format record's name for an entity where it is not ``canonical``: a person as the article writes the
    #: name (``KG_PERSON_NAMES=written``), a weapon model by the code it writes (always); the graph keeps the
    #: canonical name, one label per entity across articles
    names: dict[str, str] = field(default_factory=dict)
