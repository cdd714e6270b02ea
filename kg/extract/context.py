"""What every rule reads: the sentence's units and frames, and the discourse so far.

Rules do not change this context; they return relations and may *provide* named products (the
supply events of the sentence, a person's organisation, the accusations made so far) that the
driver folds into :class:`State` for the rules that declare they *require* them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.types import Entity, Relation, Sentence
from kg.units import Unit


@dataclass
class Frame:
    """Reported speech or a quotation: ``speaker`` is the source of units ``lo``..``hi``."""

    speaker: tuple[str, ...]
    lo: int
    hi: int
    verb: int | None = None

    def __contains__(self, i: int) -> bool:
        return self.lo <= i < self.hi


@dataclass
class Event:
    """A supply before it becomes relations (one per weapon)."""

    supplier: tuple[str, ...]
    weapons: list[str]
    recipient: tuple[str, ...]
    modality: str
    unit: int
    inferred: bool = False  # supplier to be inferred from the article (requests, purchases)
    persuader: tuple[str, ...] = ()
    received: bool = False  # told from the recipient's side ("X menerima kiriman … dari Y")
    anyone: bool = False  # told as going to anyone at all ("kepada pihak mana pun"): no recipient to infer
    others: tuple[str, ...] = ()  # states and firms its sentence names as a source or maker (a seller may be one)
    claimed_by: tuple[str, ...] = ()  # who tells it as a claim (a speaker's frame): whom an inferred seller is charged by


@dataclass
class State:
    """What the discourse so far makes available to pronouns and anaphors."""

    entities: dict[str, Entity]
    last_speaker: tuple[str, ...] = ()
    last_speaker_at: int = -1  # offset where the last speaker was named
    person_speaker: tuple[str, int] | None = None  # the last person who spoke, and where (whom "-nya" of "ujarnya" is)
    speaker_personal: bool = False  # the last speaker is a person, named or told by a person noun
    last_per: str | None = None
    last_subject: tuple[str, int] | None = None  # last person in subject position, and where
    topic: str | None = None  # the first such person of the last sentence that had one: whom "ia" continues
    groups: list[tuple[str, ...]] = field(default_factory=list)
    group_fresh: bool = False  # whether the last sentence named a group of its own
    lead_group: tuple[str, ...] = ()  # the group the last sentence opened with as its subject, before its first verb
    crowd: bool = False  # the last sentence's subject is a crowd no name stands for ("Ribuan warga berunjuk rasa")
    # a group named after a preposition -> the subject group of its sentence: "A bersama B bertemu dengan C dan D"
    object_groups: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    recent: list[str] = field(default_factory=list)
    accusation_groups: list[list[tuple[str, str]]] = field(default_factory=list)  # one per sentence
    prev_events: list[Event] = field(default_factory=list)
    role_org: dict[str, str] = field(default_factory=dict)
    #: (title as written, key of the state or body it names, person) of every title the article marks, read
    #: before any rule: whom a bare title before the person is named means (kg.extract.discourse.title_holder)
    titled: list[tuple[str, str, str]] = field(default_factory=list)
    #: (first word of a title as written, in lower case; person) of every title the article marks, with or without
    #: a state or body: whom "kedua senator" means (kg.extract.titlewords.titled_as)
    title_words: set[tuple[str, str]] = field(default_factory=set)
    #: how often the article names each state (itself, its capital or a city of it): where a bare title points when
    #: nothing nearer does (kg.extract.bare_titles)
    state_counts: dict[str, int] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    requests: list[tuple[Event, Sentence]] = field(default_factory=list)
    sanctioners: list[str] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)  # named after an outlet noun in this article
    quoted_subject: tuple[str, ...] = ()  # the first actor of the last sentence, when it was quoted
    target_list: bool = False  # the last sentence opened a list of sanction targets without naming them
    last_weapons: list[str] = field(default_factory=list)  # of the last supply the article reported
    named_weapons: list[str] = field(default_factory=list)  # weapons the last sentence named as a cargo
    last_supply: Event | None = None  # the last supply with a supplier, for packages told of later
    last_supply_at: int = -1  # the sentence that told it (a sale said "tersebut" much later is another one)
    #: the last such supply not told as a charge ("Media X menuding A mempersenjatai B"): a deal that a package referred
    #: back means ("Laporan lain menyebut paket yang dipertimbangkan mencakup …"), a charge being no package
    last_deal: Event | None = None
    last_states: list[str] = field(default_factory=list)  # the states the last sentence named, in order
    counted: int = 0  # how many things the last sentence counted without naming them ("dua kilang … serta satu …")
    #: those of them named as a subject or object (no preposition, no noun before them): what "negara itu" means
    core_states: list[str] = field(default_factory=list)
    last_body: str | None = None  # the last body or state a sentence opened with as its subject ("-nya" of a title)
    last_government: str | None = None  # last_body where it is a body or a state told by its government
    #: the state of the last summit told with its place ("KTT BRICS di Rio de Janeiro"), and in which sentence
    event_place: tuple[str | None, int] = (None, -1)
    #: where an unnamed group last went, in which sentence, with what modality ("Lebih dari 20 pemimpin dunia
    #: berdatangan ke Mesir"): whom "Di antara mereka ada A, B" in the next sentence sends there
    group_visit: tuple[str | None, int, str] = (None, -1, "asserted")
    unnamed_sanction: tuple[tuple[str, ...], int] = ((), -1)  # who last sanctioned targets not yet named, where
    sanction_group: tuple[str, ...] = ()  # those who imposed the last sanction together ("A dan B menjatuhkan …")
    claimants: tuple[tuple[str, ...], int] = ((), -1)  # who made the last claim, in which sentence
    reported: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)  # (sentence,
    # speakers, whom they said did something): "Israel mengatakan Hamas menggunakan …" before "Hamas menolak tuduhan itu"
    envoys: set[str] = field(default_factory=set)  # persons titled as another state's envoy here
    attackers: tuple[str, ...] = ()  # who made the last attack told ("Israel menggempur Doha")
    acts: list[Any] = field(default_factory=list)  # kg.extract.acts.Act: who did the acts told so far, in order
    to_anyone: set[tuple[int, str, str]] = field(default_factory=set)  # (sentence, supplier, weapon) told to anyone
    report_author: tuple[str, ...] = ()  # who wrote the last report named with its author: whom "laporan itu" means
    sides: tuple[str, ...] = ()  # the last actors named together as sides ("antara A dan B"): whom "semua pihak" means
    pair: tuple[str, ...] = ()  # the two persons the last sentence told met: whom a later "keduanya" means
    pair_fresh: bool = False  # whether the sentence just read told that pair met
    regime: str | None = None  # the state last named after a regime noun ("junta Myanmar"): whom a bare "junta" means
    remote_talk: tuple[str, ...] = ()  # the persons of the last sentence, when it told a talk by phone or video
    charged: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)  # (sentence, who
    # charged, whom its sentence named after): "New Delhi menuding … Pakistan" before "Islamabad menolak semua tudingan"
    denied_by: tuple[tuple[str, ...], int] = ((), -1)  # who last denied with a verb, in which sentence
    plaintiffs: tuple[str, ...] = ()  # who last sued ("gugatan Meksiko"): whom a later list of the sued is charged by
    outlet_report: tuple[tuple[str, ...], int] = ((), -1)  # the outlets that last reported ("Reuters melaporkan …")
    unanswered: list[tuple[Relation, tuple[str, ...]]] = field(default_factory=list)  # bare denials, accuser open,
    # and the last claimants then (kg.extract.inference)

    def spoke(self, speaker: tuple[str, ...], at: int, personal: bool = False) -> None:
        """Record the last speaker, and the last person among speakers: a body or state that reports in between
        ("militer X melaporkan bahwa …") is no antecedent of a later "ujarnya", which is a person's; one told by
        a person noun ("seorang pejabat kantor X menjawab", ``personal``) is."""
        self.last_speaker, self.last_speaker_at = speaker, at
        person = next((k for k in speaker if k in self.entities and self.entities[k].type == "PER"), None)
        self.speaker_personal = personal or person is not None
        if person is not None:
            self.person_speaker = (person, at)

    @property
    def accusations(self) -> list[tuple[str, str]]:
        """Every (accuser, accused) made so far, in order (the groups, flattened)."""
        return [pair for group in self.accusation_groups for pair in group]

    def absorb(self, product: str, value: Any) -> None:
        """Fold a rule's product into the article's discourse state."""
        if product == "role_org":
            for person, org in value:
                self.role_org.setdefault(person, org)
        elif product == "accusations":
            if value:
                self.accusation_groups.append(list(value))
        elif product == "requests":
            self.requests.extend(value)
        elif product == "sanctioners":
            self.sanctioners.extend(value)
        elif product == "target_list":
            self.target_list = value
        elif product == "unnamed_sanction" and value:
            self.unnamed_sanction = value
        elif product == "sanction_group" and value:
            self.sanction_group = tuple(value)
        elif product == "claimants" and value:
            self.claimants = value
        elif product == "reported" and value:
            self.reported = (self.reported + [value])[-3:]
        elif product == "envoys":
            self.envoys.update(value)
        elif product == "plaintiffs" and value:
            self.plaintiffs = tuple(value)
        elif product == "to_anyone":
            self.to_anyone.update(value)
        elif product == "group_visit" and value:
            self.group_visit = value
        elif product == "acts":
            self.acts.extend(value)
        elif product in ("announced_package", "delivered") and value:
            # an arms package announced without its weapons, a carrier's cargo unloaded: its contents come later
            self.last_supply = self.last_deal = value
        elif product == "charged" and value:
            self.charged = (self.charged + value)[-6:]
        elif product == "denied_by" and value:
            self.denied_by = value
        elif product == "outlet_report" and value:
            self.outlet_report = value
        elif product in ("unanswered", "headline_denials"):
            self.unanswered.extend(value)
        elif product == "attackers" and value:
            self.attackers = tuple(value)


#: the products whose empty value (:func:`nothing`) still changes the state when absorbed: absorbing any other
#: empty product leaves the state as it was, so the driver skips that call for a rule it skips (a third of
#: the rules of every sentence)
WRITES_NOTHING = frozenset({"target_list"})


def nothing(product: str) -> Any:
    """What a rule provides when it finds nothing: the driver provides it for a rule it skips
    (a sentence with no list of targets ends the one the last sentence opened)."""
    return False if product == "target_list" else []


@dataclass
class SentenceContext:
    """One sentence as the rules see it. ``products`` holds what earlier rules provided for it."""

    sentence: Sentence
    units: list[Unit]
    frames: list[Frame]
    state: State
    products: dict[str, Any] = field(default_factory=dict)

    def relation(self, rtype: str, args: dict[str, str | None], modality: str = "asserted",
                 confidence: float = 0.8) -> Relation:
        """A relation whose evidence is this sentence."""
        s = self.sentence
        return Relation(rtype, args, modality, s.index, s.start, s.end, confidence, s.text)
