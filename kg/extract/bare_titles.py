"""The state of a person whose government title names none ("Presiden Donald Trump", "Menhan Sjafrie"), where
nothing the rules read says whose office it is: weighed over the states the article ties the person to.

An unseen article's people are mostly unlisted, so the gazetteer cannot say whose president a bare title means.
What the text says instead, in order of weight: the same person titled with a state elsewhere in the article; the
states named in the sentence (before the name more than after it, and less where they belong to another's title);
the states the last sentence named as actors; the state the article names most; the state whose government the
rules last read (``_GOVERNMENT``: the state of the office-holder named last); and among these states, the one the
person's name is shared with (:mod:`kg.resolve.name_states`: "Irakli Kobakhidze" in a story on Georgia and the
United States). A state that the article gives another holder of the same title ("Presiden Prancis Emmanuel Macron
… disambut Presiden Prabowo Subianto") is not the person's: one office, one holder; nor one the person's own verb
of meeting or visiting names.
"""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, cues, same_title
from kg.extract.clause import prep_is
from kg.extract.context import SentenceContext
from kg.extract.parties import body_state
from kg.extract.titles import title_opens_with
from kg.resolve import gazetteer
from kg.resolve.name_states import name_states
from kg.units import Unit

#: weights of the evidence for a state (tuned on the ablated dev half and pages: one office-holder in about three
#: taken for the wrong state, against none found at all)
_IN_SENTENCE = 2.0  # named in the sentence, outside any title
_IN_TITLE = 1.5  # named in another person's title in the sentence
_AFTER = 0.5  # factor for a state named after the person
_LAST_SENTENCE = 1.0  # named as an actor in the last sentence
_ARTICLE = 1.0  # times the state's share of the article's most named state
_GOVERNMENT = 1.0  # the state of the office-holder the article named last
_NAME = 2.0  # times the share of the listed bearers of one of the person's name words who are of the state

#: the words a government title may be made of: "Presiden", "Menteri Luar Negeri", "Wakil Perdana Menteri saat itu"
_GOVERNMENT_WORDS = frozenset({"RoleTitle", "GovernmentTitle", "HeadOfStateTitle", "TitleQualifier", "Rank",
                               "Conjunction"})


def government_title(title: str) -> bool:
    """Whether a title is a government office and nothing else: it opens with kg:GovernmentTitle or
    kg:HeadOfStateTitle ("Raja", "Emir"), a deputy's prefix before it ("Wakil Menhan"), and each word is a title
    word ("Presiden perusahaan industri militer negara" is no government's office), or, after a minister's office
    (kg:MinisterTitle), a capitalised word of its portfolio, which no list holds ("Menteri Penerangan", "Menko
    Perekonomian"; not "Wakil Menteri Keuangan bidang terorisme …", a post described, often another government's)."""
    written = title.replace("(", " ").replace(")", " ").split()
    words = [w.lower() for w in written]
    c = cues()
    k = max([n for n, cls, _ in c.match_phrase(words, 0) if cls == "DeputyPrefix"]
            + [1 if words and "DeputyPrefix" in c.classes(words[0]) else 0])
    office = " ".join(words[k:])
    if not title_opens_with(office, "GovernmentTitle") and not title_opens_with(office, "HeadOfStateTitle"):
        return False
    portfolio = title_opens_with(office, "MinisterTitle")
    while k < len(words):
        n = max([m for m, cls, _ in c.match_phrase(words, k) if cls in _GOVERNMENT_WORDS]
                + [1 if c.classes(words[k]).keys() & _GOVERNMENT_WORDS else 0])
        if not n and not (portfolio and written[k][:1].isupper()):
            return False
        k += max(n, 1)
    return True


#: the classes of a verb whose object is another side than the subject's own
_OTHER_SIDE = ("MeetCue", "VisitCue", "WarnCue", "AccuseCue")


def bare_state(person: Unit, ctx: SentenceContext, government: str | None, told: bool,
               own_only: bool = False, article_only: bool = False) -> str | None:
    """The state whose office the bare government title of ``person`` is, by the evidence weighed above
    (``government``: the state of the office-holder the article named last; ``told``: whether the person is
    told as an object, after a verb or a preposition), else None. A subject's place named after them with a
    preposition is where they are or go ("ketika PM X sedang berada di Israel"): no evidence of whose office they
    hold; a state named after the verb of a meeting or a visit they make is the other side's, not theirs. An
    object's place is where they were met ("bertemu Presiden X di Ankara"). ``own_only``: only the person's own
    title elsewhere counts; ``article_only``: the sentence's states do not count, only the person's own title
    elsewhere, the article's states and the name (an object of another's act: "… mendesak Perdana Menteri X", the
    sentence's states are the actor's side)."""
    title = person.role[0] if person.role else ""
    if not person.key or not government_title(title):
        return None
    gaz = gazetteer()
    state = ctx.state

    def state_of(key: str | None) -> str | None:
        found = (gaz.state_of(key) or body_state(key, state)) if key else None
        e = gaz.entries.get(found) if found else None
        return found if e is not None and e.type == "GPE" else None

    own = [s for t, o, p in state.titled if p == person.key and (s := state_of(o))]
    if own or own_only:
        return own[0] if own else None  # "Presiden AS Donald Trump" further on
    mine = same_title(title.lower())
    taken = {s for t, o, p in state.titled if p != person.key and (s := state_of(o))
             and (same_title(t.lower()) + " ").startswith(mine + " ")}
    score: dict[str, float] = {}
    # the other side's states ("Menhan X menemui Kepala Staf Angkatan Darat Mesir di Kairo"); a place after a
    # subject, where they are or go
    other = _met_states(person, ctx.units)
    for v in ctx.units:
        if v.etype != "GPE" or not v.key or v.paren or (s := state_of(v.key)) is None:
            continue
        if v.i in other:
            taken.add(s)
            continue
        if article_only:
            continue
        if not told and v.i > person.i and prep_is(ctx.units, v.i, "LocativePrep", "GoalPrep"):
            continue
        w = (_IN_TITLE if v.title else _IN_SENTENCE) * (_AFTER if v.i > person.i else 1.0)
        score[s] = max(score.get(s, 0.0), w)
    for k in state.core_states:
        if (s := state_of(k)) is not None and s == k:
            score[s] = score.get(s, 0.0) + _LAST_SENTENCE
    top = max(state.state_counts.values(), default=0)
    for s, n in state.state_counts.items():
        score[s] = score.get(s, 0.0) + _ARTICLE * n / top
    if government and (s := state_of(government)) is not None:
        score[s] = score.get(s, 0.0) + _GOVERNMENT
    entity = state.entities.get(person.key)
    for s, share in (name_states(entity.canonical) if entity is not None else {}).items():
        if s in score:
            score[s] += _NAME * share
    for s in taken:
        score.pop(s, None)
    return max(score, key=lambda s: score[s]) if score else None


def _met_states(person: Unit, units: list[Unit]) -> set[int]:
    """Where the states are that the person's own predicate, an active verb of meeting, visiting, warning or
    accusing, names in its clause ("X menemui Kepala Staf Angkatan Darat Mesir di Kairo", "Menteri Dalam Negeri X
    memperingatkan Aljir bahwa …"): the other side's, not where an envoy serves ("memanggil Duta Besar Rusia untuk
    Rumania": Romania may be the person's own)."""
    verb = next((v for v in units[person.i + 1:] if v.is_verb()), None)
    starts = [verb.i] if verb is not None and any(verb.voice(c) == ACTIVE for c in _OTHER_SIDE) else []
    if any(v.voice("VisitCue") == NOUN and not v.etype for v in units[max(0, person.i - 5):person.i]):
        starts.append(person.i)  # the trip a visit noun before the person names ("lawatan Menteri X ke Aljazair")
    out: set[int] = set()
    for start in starts:
        for v in units[start + 1:]:
            if v.text == "," or v.is_verb() or v.has("ClauseBoundary", "Complementizer", "PurposeConj"):
                break
            if v.etype == "GPE":
                out.add(v.i)
    return out
