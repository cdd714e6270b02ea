"""A sentence as a list of units: word tokens tagged with cue classes, and resolved mentions.

Relation rules in ``kg.extract`` read these instead of raw text. A unit is either a word or one
whole mention (``Korea Utara``, ``amunisi artileri``); words carry their cue classes from
``ontology/cues.ttl`` (a multi-word cue is tagged on its first word with its length). Actor units also record how
they sit in the clause: inside a role title, after a preposition, as the modifier of a common noun ("kereta Rusia"),
or as the possessor of a weapon ("amunisi Korut"), plus the coordination they belong to ("AS, Korea Selatan (Korsel),
dan Jepang").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.cues import NOUN, VERB_VOICES

ACTORS = frozenset({"PER", "ORG", "GPE"})
_VERBISH = re.compile(r"^(?:me|mem|men|meng|meny|di|ber|ter|memper|diper)[a-z]{3,}$")
#: a reduplicated meN-/di- verb ("menunda-nunda", "dipukul-pukul"): the base repeats after the hyphen
_REDUPLICATED = re.compile(r"^(?:me|mem|men|meng|meny|di)([a-z]{3,})-([a-z]{3,})$")
OPEN_QUOTES = {"“", '"', "«", "‘"}
CLOSE_QUOTES = {"”", '"', "»", "’"}
STOP_PUNCT = {".", ";", ":", "?", "!"}
#: the classes of words with a verb's shape that are no verb (Unit.is_verb)
_NO_VERB = frozenset({"RoleTitle", "FunctionWord", "GovernmentNoun", "ClauseBoundary", "Conjunction", "Preposition",
                      "Adjective", "ComponentNoun", "NotVerb", "PersonNoun", "SourceNoun"})
#: word as written → whether it has a verb's shape: the rules ask it of the same words again and again
_VERBISH_WORDS: dict[str, bool] = {}
#: the cue classes (and multi-word spans) of a unit that has none, shared by all such units: never written to
#: (a plain dict, not a read-only proxy, which is slower to ask)
_NONE: dict[str, Any] = {}
#: the classes of words that are no common noun (Unit.is_noun)
_NO_NOUN = frozenset({"FunctionWord", "Preposition", "Conjunction", "Complementizer", "ClauseBoundary", "NegationCue",
                      "PotentialCue", "PlannedCue", "Pronoun1", "Pronoun3", "PronounPlural"})


@dataclass(slots=True)
class Unit:
    i: int
    text: str
    start: int
    end: int
    etype: str | None = None  # entity type for a mention unit
    key: str | None = None  # entity key (after pronoun resolution for pronouns)
    keys: tuple[str, ...] = ()  # the actor(s) this unit stands for (a group anaphor has several)
    #: cue class → voice. Read-only: a word's is the cue lexicon's own mapping (``Cues.classes``), shared
    cls: Mapping[str, str] = field(default_factory=dict)
    #: cue class → number of units (multi-word cues). Read-only: most units share one empty mapping
    span: Mapping[str, int] = field(default_factory=dict)
    pron: str | None = None  # "1", "3", "pl", "many" (a group anaphor), "statement" for pronoun-like units
    group: tuple[int, ...] = ()  # unit indices of the coordination this actor belongs to
    title: bool = False  # an actor inside a role title ("Menteri Pertahanan [Rusia] Sergei Shoigu")
    paren: bool = False  # an actor in brackets right after another ("Korea Utara [(Korut)]")
    prep: str | None = None  # the preposition right before it ("ke", "oleh", "antara" …)
    modifier: bool = False  # follows a common noun: "gerbong kereta [Rusia]"
    possessor_of: int | None = None  # index of the weapon unit it follows: "amunisi [Korut]"
    speaker: tuple[str, ...] = ()  # inside a quotation: who is quoted
    quote: int | None = None  # index of the quotation (within the paragraph) holding this unit
    role: tuple[str, int] | None = None  # on a person: (title as written, index of the org unit)
    title_at: int | None = None  # on a person with a role: where the title opens, if before the name
    also: tuple[str, int] | None = None  # a second title set off after a titled name, naming its own body
    led: tuple[int, int] | None = None  # on an agent of "…, yang dipimpin X": (index of the body, of the verb)
    head_word: bool = False  # a word of "juru bicara", "menteri luar negeri", "kantor kepresidenan"

    def __init__(self, i: int, text: str, start: int, end: int, etype: str | None = None, key: str | None = None,
                 keys: tuple[str, ...] = (), cls: Mapping[str, str] = _NONE, span: Mapping[str, int] = _NONE) -> None:
        # written out rather than generated: a sentence makes a unit per word, and the generated one
        # calls a factory for each mapping left out (a fifth of the cost of making a unit)
        self.i, self.text, self.start, self.end, self.etype, self.key, self.keys = i, text, start, end, etype, key, keys
        self.cls, self.span = cls, span
        self.pron = self.prep = self.possessor_of = self.quote = self.role = self.led = self.title_at = self.also = None
        self.group = self.speaker = ()
        self.title = self.paren = self.modifier = self.head_word = False

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_actor(self) -> bool:
        return bool(self.keys) and (self.etype in ACTORS or self.pron is not None)

    @property
    def is_weapon(self) -> bool:
        return self.etype == "WEAPON"

    def has(self, *classes: str) -> bool:
        # the rules ask this about every word, most of which carry no cue class: that answer comes first
        cls = self.cls
        if not cls:
            return False
        for c in classes:  # noqa: SIM110 - a loop: any() over a generator costs more than the test
            if c in cls:
                return True
        return False

    def voice(self, cls: str) -> str | None:
        return self.cls.get(cls)

    def is_verb(self) -> bool:
        """A verb by its cue voice or by its meN-/di-/ber-/ter- shape."""
        if self.etype:
            return False
        cls = self.cls
        if cls:
            if not VERB_VOICES.isdisjoint(cls.values()):
                return True
            if not _NO_VERB.isdisjoint(cls):
                return False  # not "meski", "menurut", "melalui": conjunctions and prepositions with a verb's shape
        verbish = _VERBISH_WORDS.get(self.text)
        if verbish is None:
            if len(_VERBISH_WORDS) >= 100_000:  # bounded: a long build sees many one-off words
                _VERBISH_WORDS.clear()
            low = self.text.lower()
            redup = _REDUPLICATED.match(low) if "-" in low else None
            verbish = _VERBISH_WORDS[self.text] = bool(_VERBISH.match(low)) or \
                (redup is not None and redup.group(1).endswith(redup.group(2)))
        return verbish

    def is_noun(self) -> bool:
        """A common noun: a lower-case content word that is neither a verb nor a function word."""
        if self.etype or not self.text[:1].islower():
            return False
        if not self.text.isalpha():  # a reduplicated plural ("negara-negara", "pihak-pihak") is a noun too
            head, dash, rest = self.text.partition("-")
            if not (dash and head == rest and head.isalpha()):
                return False
        if self.cls and not _NO_NOUN.isdisjoint(self.cls):
            return False
        return not self.is_verb() or NOUN in self.cls.values()


def skip_span(units: list[Unit], i: int, cls: str) -> int:
    """Index after the (possibly multi-word) cue of class ``cls`` at ``i``, with the full stop of an
    abbreviated rank ("Jend. Sjafrie", "Prof. Haluk Gorgun")."""
    k = i + units[i].span.get(cls, 1)
    if cls == "Rank" and k < len(units) and units[k].text == "." and units[k].start == units[k - 1].end:
        k += 1
    return k


def word_before(units: list[Unit], i: int, *glue: str) -> int:
    """The unit before ``i`` past words of the cue classes ``glue`` ("melaporkan [adanya] pelanggaran", "dengan
    [terus] mengirimkan"): its index, -1 where it is a mention or there is none."""
    k = i - 1
    while k > 0 and not units[k].etype and units[k].has(*glue):
        k -= 1
    return k if k >= 0 and not units[k].etype else -1


def abbrev_dot(units: list[Unit], j: int) -> bool:
    """Whether unit ``j`` is the full stop of an abbreviated rank or honorific written before a name ("H.E. Do
    Hung Viet", "Dr. Zambry", "Jend. (Purn) X"): part of the title, no end of the clause."""
    if units[j].text != "." or j == 0 or j + 1 >= len(units) or units[j - 1].end != units[j].start:
        return False
    nxt = units[j + 1].text
    if not (nxt[:1].isupper() or nxt == "("):
        return False
    return any("Rank" in units[k].cls and k + units[k].span.get("Rank", 1) >= j for k in range(max(0, j - 4), j))
