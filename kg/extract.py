"""Relations from an analysed article: roles, supplies, accusations, warnings, meetings, visits,
sanctions and denials, each with a modality; quotes attributed to their speakers.

The rules read a sentence as units (``kg.units``): words tagged with cue classes from
``ontology/cues.ttl`` and resolved mentions. They are written for Indonesian clause structure, not
for particular sentences:

* the subject of a verb is the nearest actor on its left in the same clause that is not inside a
  role title, not the object of a preposition and not the object of another verb, except that the
  object of a verb of saying, warning, urging or persuading controls the clause that follows it
  ("memperingatkan Korea Utara agar tidak menjual", "menuduh Korea Utara mengirimkan");
* active (memasok, mengirimkan), passive (dipasok oleh, yang disediakan oleh) and nominal
  (pasokan, pengiriman, penjualan) supplies; receiving and buying with ``dari``; requests;
* modality from negation, modal and hearsay cues in the clause, and from the frame a claim sits in
  (a quote or reported speech makes it ``alleged``; "agar", "dapat" make it ``potential``);
* the speaker of a quote or of reported speech accuses whoever the claim says did wrong.

Everything runs in one left-to-right pass per sentence: extraction is linear in the text.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.cues import ACTIVE, NOUN, PASSIVE, cues
from kg.quotes import Quote, find_quotes
from kg.resolve import gazetteer, resolve
from kg.types import RELATION_ARGS, Doc, Entity, Extraction, Relation, Sentence
from kg.units import ACTORS, CLOSE_QUOTES, OPEN_QUOTES, STOP_PUNCT, Unit, build_units, skip_span

#: Object-control verbs: their object is the subject of the clause that follows.
CONTROL = ("DemandCue", "WarnCue", "PersuadeCue", "AccuseCue", "ReportCue", "BeliefCue")
#: Verbs whose subject talks about an event rather than takes part in it.
SPEECH = ("ReportCue", "BeliefCue", "AccuseCue", "WarnCue", "DemandCue", "DenyCue", "RejectCue", "QuoteVerb")
#: Prepositions that may introduce the party a warning is about (not "ke", "dari", "di"…).
WARNED_PREPS = frozenset({"kepada", "terhadap", "tentang", "mengenai", "soal", "oleh", "antara", "atas", "bagi"})
RECIPIENT_SKIP = 3  # common nouns allowed between "ke" and the recipient ("ke organisasi paramiliter Rusia")


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


@dataclass
class State:
    """What the discourse so far makes available to pronouns and anaphors."""

    entities: dict[str, Entity]
    last_speaker: tuple[str, ...] = ()
    last_speaker_at: int = -1  # offset where the last speaker was named
    last_per: str | None = None
    last_subject: tuple[str, int] | None = None  # last person in subject position, and where
    groups: list[tuple[str, ...]] = field(default_factory=list)
    recent: list[str] = field(default_factory=list)
    accusations: list[tuple[str, str]] = field(default_factory=list)
    prev_events: list[Event] = field(default_factory=list)
    role_org: dict[str, str] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    requests: list[tuple[Event, Sentence]] = field(default_factory=list)


# ---- public API --------------------------------------------------------------------------------

def extract(doc: Doc) -> Extraction:
    """Resolve the article's mentions, then extract its relations."""
    entities, links = resolve(doc)
    state = State(entities)
    text = doc.article.text
    by_para: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        by_para.setdefault(s.paragraph, []).append(s)
    para_starts = _paragraph_spans(text)
    starts = [m.start for m, _ in links]  # links are in text order: sentences slice them by bisection
    for p, sentences in sorted(by_para.items()):
        start, end = para_starts[p] if p < len(para_starts) else (sentences[0].start, sentences[-1].end)
        quotes = find_quotes(text[start:end], start)
        _paragraph(sentences, quotes, text, links, starts, state)
    _infer_request_suppliers(state)
    relations = _complete_entities(_dedupe(state.relations), entities)
    return Extraction(doc, entities, links, relations)


def extract_docs(docs: Iterable[Doc]) -> Iterator[Extraction]:
    for doc in docs:
        yield extract(doc)


def to_record(ex: Extraction) -> dict:
    """One line of the gold JSONL format: entities per distinct surface form, relations with
    canonical names, the evidence paragraph and the modality."""
    ents = ex.entities
    seen: set[tuple[str, str]] = set()
    entities = []
    for m, key in ex.links:
        surface = " ".join(m.text.split())
        if (surface, key) in seen or key not in ents:
            continue
        seen.add((surface, key))
        e = ents[key]
        entities.append({"text": surface, "type": e.type, "canonical": e.canonical, "wikidata": e.wikidata})
    text = ex.doc.article.text
    spans = _paragraph_spans(text)
    relations = []
    for r in ex.relations:
        args = {}
        for name in RELATION_ARGS[r.type]:
            v = r.args.get(name)
            if r.type == "role" and name == "title":
                args[name] = v
            else:
                args[name] = ents[v].canonical if v in ents else None
        para = ex.doc.sentences[r.sentence].paragraph
        a, b = spans[para] if para < len(spans) else (r.start, r.end)
        relations.append({"type": r.type, "args": args, "sentence": text[a:b], "modality": r.modality})
    return {"doc": ex.doc.article.name, "entities": entities, "relations": relations}


def write_jsonl(extractions: Iterable[Extraction], out: Path | str) -> int:
    """Write one gold-format line per article; returns the number of lines."""
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for ex in extractions:
            f.write(json.dumps(to_record(ex), ensure_ascii=False) + "\n")
            n += 1
    return n


# ---- per paragraph -------------------------------------------------------------------------------

def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for para in text.split("\n\n"):
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return spans


def _paragraph(sentences: list[Sentence], quotes: list[Quote], text: str, links, starts: list[int],
               state: State) -> None:
    units_of = [build_units(s, text, links[bisect_left(starts, s.start):bisect_left(starts, s.end)], state.entities)
                for s in sentences]
    for units in units_of:
        for u in units:
            for qi, q in enumerate(quotes):
                if u.start in q and u.text not in OPEN_QUOTES | CLOSE_QUOTES:
                    u.quote = qi
        _mark_roles(units, text)
    speakers: dict[int, tuple[str, ...]] = {}
    state.prev_events = []
    for s, units in zip(sentences, units_of, strict=True):
        for qi in sorted({u.quote for u in units if u.quote is not None}):
            if qi not in speakers:
                speakers[qi] = _quote_speaker(quotes[qi], units_of, state)
        for u in units:
            if u.quote is not None:
                u.speaker = speakers.get(u.quote, ())
        _sentence(s, units, state)
        for qi, q in enumerate(quotes):
            if qi in speakers and speakers[qi] and s.start <= q.end <= s.end + 1:
                state.last_speaker, state.last_speaker_at = speakers[qi], q.end


def _quote_speaker(q: Quote, units_of: list[list[Unit]], state: State) -> tuple[str, ...]:
    if q.kind == "pronoun":
        # "katanya": whoever spoke last, or the person the text has just been about
        if state.last_subject and state.last_subject[1] > state.last_speaker_at:
            return (state.last_subject[0],)
        return state.last_speaker
    if q.kind == "none":
        return ()
    for units in units_of:
        for u in units:
            if q.kind == "pre" and u.start == q.site:
                j = _left_subject(units, u.i)
                return _keys(units, j, state) if j is not None else ()
            if q.kind == "name" and u.start >= q.site:
                return _speaker_phrase(units, u.i, state)
    return ()


def _speaker_phrase(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """Who a "kata …" names: the first person, else the body or state (an unnamed official)."""
    first_actor = None
    for j in range(i, min(len(units), i + 14)):
        u = units[j]
        if u.text in STOP_PUNCT or (u.text == "," and j > i + 1 and first_actor is not None):
            break
        if j == i and u.has("Pronoun3", "StatementNoun"):
            return state.last_speaker
        if u.etype == "PER" and not u.paren:
            return _keys(units, j, state)
        if u.etype in ACTORS and not u.paren and first_actor is None:
            first_actor = j
    return _keys(units, first_actor, state) if first_actor is not None else ()


# ---- roles ----------------------------------------------------------------------------------------

def _mark_roles(units: list[Unit], text: str) -> None:
    """Find "TITLE [ORG/GPE] … PERSON" and "PERSON, TITLE ORG," phrases; mark actors inside titles."""
    i = 0
    while i < len(units):
        u = units[i]
        if u.etype or not u.has("RoleTitle") or (i > 0 and units[i - 1].has("RoleTitle") and not units[i - 1].etype):
            i += 1
            continue
        j = skip_span(units, i, "RoleTitle")
        at_start = i == 0 or _boundary(units[i - 1]) or units[i - 1].text in OPEN_QUOTES | CLOSE_QUOTES
        org = person = None
        inner: list[int] = []
        while j < len(units) and j < i + 14:
            v = units[j]
            if v.etype == "PER" and not v.paren:
                person = j
                break
            if v.etype in ("ORG", "GPE"):
                if not v.paren:
                    inner.append(j)
                j += 1
                continue
            if v.text in ("(", ")") or v.has("Rank") or v.has("RoleTitle"):
                j = skip_span(units, j, "Rank") if v.has("Rank") else j + 1
                continue
            if v.text == "," and j + 1 < len(units) and units[j + 1].etype == "PER" and at_start:
                j += 1  # "Koordinator NSC untuk komunikasi strategis, John Kirby …"
                continue
            if v.has("Preposition") and v.low != "untuk":
                break  # "perjalanan menlu Korea Utara ke Rusia, Miller …": not a title any more
            if v.etype or v.text in STOP_PUNCT or v.text in (",", "-", "–", "—") or v.text in OPEN_QUOTES \
                    or v.text in CLOSE_QUOTES or v.has("Conjunction", "ClauseBoundary", "Complementizer") \
                    or (v.is_verb() and not v.cls) or v.has("ReportCue", "BeliefCue", "VisitCue", "MeetCue",
                                                             "WarnCue", "DemandCue", "AccuseCue", "DenyCue"):
                break
            j += 1
        if person is not None:
            orgs = [k for k in inner if units[k].etype == "ORG"] or inner
            org = orgs[0] if orgs else None
            for k in inner:
                units[k].title = True
            if org is None and u.low.endswith("nya"):
                org = next((k for k in range(i - 1, -1, -1) if units[k].etype in ("ORG", "GPE")), None)
                org = -1 - org if org is not None else None  # outside the title: not marked
            elif org is None and i > 0 and units[i - 1].etype in ("ORG", "GPE"):
                org = -1 - (i - 1)  # "Korea Utara pimpinan Kim Jong Un"
            units[person].role = _role(units, i, org, person, text)
            i = person + 1
            continue
        # appositive: "Andrii Yusov, perwakilan Intelijen Pertahanan, …"
        if i >= 2 and units[i - 1].text == "," and units[i - 2].etype == "PER" and inner:
            orgs = [k for k in inner if units[k].etype == "ORG"] or inner
            end = units[j - 1].end if j - 1 >= i else u.end
            for k in inner:
                units[k].title = True
            units[i - 2].role = (text[u.start:end].strip(" ,"), orgs[0])
        i += 1


def _role(units: list[Unit], t: int, org: int | None, person: int, text: str) -> tuple[str, int] | None:
    if org is None:
        return None
    start = units[t].start
    real = -1 - org if org < 0 else org
    if org < 0:
        return (text[start:units[t].end], real)
    tail = [v for v in units[org + 1:person] if not v.etype and not v.has("Rank") and v.text not in ("(", ")", ",")
            and not any(v.start >= r.start and v.end <= r.end + 40 and r.has("Rank") for r in units[org + 1:person]
                        if r.has("Rank") and r.start <= v.start and v.start < r.start + 30)]
    if tail:
        end = units[person - 1].end if units[person - 1].text != "," else units[person - 2].end
        return (text[start:end].strip(" ,"), real)
    return (text[start:units[org].start].strip(" ,"), real)


# ---- per sentence ---------------------------------------------------------------------------------

def _sentence(s: Sentence, units: list[Unit], state: State) -> None:
    _resolve_pronouns(units, state)
    rels: list[Relation] = []

    def rel(rtype: str, args: dict[str, str | None], modality: str = "asserted") -> None:
        rels.append(Relation(rtype, args, modality, s.index, s.start, s.end, 0.8, s.text))

    # roles
    for u in units:
        role = u.role
        if role and u.key:
            title, org = role
            org_key = units[org].keys[0] if units[org].keys else None
            if org_key and org_key != u.key:
                rel("role", {"person": u.key, "org_or_state": org_key, "title": title})
                state.role_org.setdefault(u.key, org_key)

    frames = _frames(units, state)
    events = _supplies(units, frames, state) + _used_foreign_weapons(units, frames, state)
    for ev in events:
        for w in ev.weapons:
            for sup in ev.supplier:
                for rec in ev.recipient or (None,):
                    if sup != rec and not ev.inferred:
                        rel("supplies", {"supplier": sup, "weapon": w, "recipient": rec}, ev.modality)
        if ev.inferred:
            state.requests.append((ev, s))

    for accuser, accused in _accusations(units, frames, events, state):
        rel("accuses", {"accuser": accuser, "accused": accused})
        state.accusations.append((accuser, accused))
    for warner, warned in _warnings(units, frames, state):
        rel("warns", {"warner": warner, "warned": warned})
    for a, b, modality in _meetings(units, state):
        rel("meets", {"a": a, "b": b}, modality)
    for visitor, place, modality in _visits(units, state):
        rel("visits", {"visitor": visitor, "place": place}, modality)
    for who, target, modality in _sanctions(units, state):
        rel("sanctions", {"sanctioner": who, "target": target}, modality)
    for denier, accuser in _denials(units, state):
        rel("denies", {"denier": denier, "accuser": accuser})

    state.relations.extend(rels)
    state.prev_events = events or state.prev_events
    for u in units:  # discourse state for later sentences
        if u.etype == "PER" and u.key and not u.pron:
            state.last_per = u.key
            if not u.title and not u.paren and not _group_prep(units, u.i) and u.quote is None:
                state.last_subject = (u.key, u.start)
        if u.etype in ACTORS and u.key and not u.pron:
            state.recent.append(u.key)
        if u.group and u.i == u.group[-1] and not u.is_weapon:
            state.groups.append(_keys(units, u.i, state))
    if frames:
        explicit = [f for f in frames if f.verb is not None and f.speaker]
        if explicit:
            state.last_speaker, state.last_speaker_at = explicit[-1].speaker, units[explicit[-1].verb].start


def _resolve_pronouns(units: list[Unit], state: State) -> None:
    c = cues()
    seen_gpe: list[str] = []
    last_per = state.last_per
    for u in units:
        if u.etype == "PER" and u.key and not u.pron:
            last_per = u.key
        if u.etype == "GPE" and u.key and u.key not in seen_gpe and not u.paren:
            seen_gpe.append(u.key)
        if u.etype:
            continue
        keys: tuple[str, ...] = ()
        if u.has("Pronoun3") and last_per:
            keys, u.pron = (last_per,), "3"
        elif u.has("PronounPlural"):
            nxt = units[u.i + 2] if u.i + 2 < len(units) and units[u.i + 1].text == "(" else None
            if nxt is not None and nxt.etype in ACTORS:
                keys, u.pron = nxt.keys, "pl"
                nxt.paren = True
            elif u.low == "pihaknya" and (speaker := _clause_speaker(units, u.i, state) or state.last_speaker):
                # "Rusia membantah bahwa pihaknya menerima …": the side of whoever speaks or denies
                keys, u.pron = speaker, "pl"
        elif u.has("Pronoun1") and u.speaker:
            keys, u.pron = u.speaker, "1"
        elif u.low.endswith("nya") and u.has("GovernmentNoun") and last_per:
            # "negaranya", "pemerintahnya": the state of the person just mentioned
            home = state.role_org.get(last_per) or (gazetteer().entries[last_per].affiliation
                                                    if last_per in gazetteer().entries else None)
            home = gazetteer().state_of(home) or home if home else None
            if home:
                keys, u.pron = (home,), "3"
        elif u.has("GroupAnaphor"):
            phrase = " ".join(v.low for v in units[u.i:u.i + u.span.get("GroupAnaphor", 1)])
            n = c.group_size.get(phrase) or c.group_size.get(u.low, 2)
            if len(seen_gpe) >= n:
                keys = tuple(seen_gpe[-n:])
            else:
                keys = next((g for g in reversed(state.groups) if len(g) == n), ())
                if not keys:
                    distinct = list(dict.fromkeys(reversed(state.recent)))
                    keys = tuple(distinct[:n]) if len(distinct) >= n else ()
            u.pron = "group"
        elif u.has("StatementNoun") and u.i + 1 < len(units) and units[u.i + 1].low in ("itu", "tersebut", "ini"):
            keys, u.pron = state.last_speaker, "statement"
        if keys:
            u.keys = keys
            u.key = keys[0]
            u.etype = state.entities[keys[0]].type if keys[0] in state.entities else "PER"
        else:
            u.pron = None


# ---- helpers over units -----------------------------------------------------------------------------

def _clause_speaker(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The subject of the nearest speaking or denying verb left of ``i`` in this sentence."""
    for v in reversed(units[:i]):
        if not v.etype and any(v.voice(c) == ACTIVE for c in SPEECH):
            j = _left_subject(units, v.i, allow_object=False)
            return _keys(units, j, state) if j is not None and not units[j].modifier else ()
    return ()


def _boundary(u: Unit) -> bool:
    return u.text in STOP_PUNCT or u.has("ClauseBoundary", "Complementizer")


def _quote_mark(units: list[Unit], j: int) -> bool:
    """A quotation mark that opens or closes a registered quotation (not a scare quote)."""
    if units[j].text not in OPEN_QUOTES and units[j].text not in CLOSE_QUOTES:
        return False
    return any(0 <= k < len(units) and units[k].quote is not None for k in (j - 1, j + 1))


def _clause_left(units: list[Unit], i: int) -> int:
    q = units[i].quote
    j = i - 1
    while j >= 0:
        u = units[j]
        if _boundary(u) or u.quote != q and not _quote_mark(units, j) or _quote_mark(units, j):
            return j + 1
        j -= 1
    return 0


def _clause_right(units: list[Unit], i: int, through_bahwa: bool = False) -> int:
    q = units[i].quote
    j = i + 1
    while j < len(units):
        u = units[j]
        if u.quote != q or _quote_mark(units, j) or u.text in STOP_PUNCT or u.has("ClauseBoundary"):
            return j
        if u.has("Complementizer") and not (through_bahwa and j <= i + 3):
            return j
        j += 1
    return j


def _prev(units: list[Unit], j: int) -> Unit | None:
    """The unit before ``j``, skipping brackets and bracketed aliases."""
    k = j - 1
    while k >= 0 and (units[k].text in ("(", ")") or units[k].paren):
        k -= 1
    return units[k] if k >= 0 else None


def _governor(units: list[Unit], j: int) -> Unit | None:
    """The word that governs the noun phrase ending in unit ``j``: what comes before its titles,
    determiners and brackets ("memanggil [duta besar] Rusia", "menuduh [sejumlah pejabat] Rusia")."""
    k = j - 1
    while k >= 0 and (units[k].text in ("(", ")") or units[k].paren or units[k].head_word
                      or (not units[k].etype and units[k].has("FunctionWord") and units[k].low != "yang")):
        k -= 1
    return units[k] if k >= 0 else None


def _group_prep(units: list[Unit], j: int) -> str | None:
    u = units[j]
    return units[u.group[0]].prep if u.group else u.prep


def _only_glue(units: list[Unit], a: int, b: int) -> bool:
    """Nothing but adverbs, modals, negation and agar/untuk between units a and b."""
    for v in units[a + 1:b]:
        if v.paren or v.text in ("(", ")", ","):
            continue
        if v.has("FunctionWord", "PotentialCue", "PlannedCue", "NegationCue") or v.low in ("untuk", "agar", "supaya"):
            continue
        return False
    return True


def _left_subject(units: list[Unit], i: int, per_only: bool = False, allow_object: bool = True) -> int | None:
    """Nearest actor on the left that can be the subject of the verb at ``i``."""
    lo = _clause_left(units, i)
    k = i - 1
    while k >= lo and not units[k].etype and units[k].has("FunctionWord", "PotentialCue", "PlannedCue",
                                                            "NegationCue", "AllegedCue") and units[k].low != "yang":
        k -= 1
    if k >= lo and units[k].low == "yang":
        # a relative clause: its subject is the noun it hangs on ("laporan yang menyebut …" has no
        # actor subject; "Korea Utara yang dikabarkan menjual …" has)
        h = k - 1
        while h >= lo and (units[h].text in (",", "(", ")") or units[h].paren):
            h -= 1
        u = units[h] if h >= lo else None
        if u is None or not u.is_actor or u.title or (per_only and u.etype != "PER"):
            return None
        return h
    for j in range(i - 1, lo - 1, -1):
        u = units[j]
        if not u.is_actor or u.paren or u.title or u.possessor_of is not None:
            continue
        if per_only and u.etype != "PER":
            continue
        if _group_prep(units, j):
            continue
        p = _governor(units, u.group[0] if u.group else j)
        if p is not None and not p.etype and p.is_verb():
            if allow_object and p.has(*CONTROL) and _only_glue(units, j, i) and \
                    not any(p.voice(c) == PASSIVE for c in CONTROL):
                return j  # object control: "meyakinkan Pyongyang agar menjual"
            continue  # an object, or a passive's agent ("Iran dituduh [AS] memasok"): not the subject
        return _bracket_name(units, j)
    return None


def _bracket_name(units: list[Unit], j: int) -> int:
    """"Badan intelijen Korea Selatan (NIS) mengatakan …": a state that only modifies a common noun,
    then an organisation in brackets. The brackets name the whole phrase, so they are the subject."""
    u = units[j]
    if u.modifier and j + 2 < len(units) and units[j + 1].text == "(":
        b = units[j + 2]
        if b.paren and b.etype == "ORG" and b.key != u.key:
            return j + 2
    return j


def _elided_subject(units: list[Unit], i: int) -> int | None:
    """"… sanksi kepada Korea Utara karena memasok …": a clause opened by a subordinator with no
    subject of its own is about the last actor before it."""
    lo = _clause_left(units, i)
    if lo == 0 or not units[lo - 1].has("ClauseBoundary") or any(v.is_actor for v in units[lo:i]):
        return None
    if any(v.is_verb() and not v.has("FunctionWord", "PotentialCue", "PlannedCue", "NegationCue")
           for v in units[lo:i]):
        return None
    for j in range(lo - 2, -1, -1):
        v = units[j]
        if v.text in STOP_PUNCT:
            return None
        if v.is_actor and not v.paren and not v.title and v.pron != "1":
            return j
    return None


def _keys(units: list[Unit], j: int | None, state: State) -> tuple[str, ...]:
    """The actors unit ``j`` stands for: its coordination, a state for "pemerintahan Biden"."""
    if j is None:
        return ()
    u = units[j]
    members = [units[g] for g in u.group if not units[g].paren] if u.group else [u]
    out: list[str] = []
    gaz = gazetteer()
    for m in members:
        for k in m.keys:
            p = _prev(units, m.i)
            if m.etype == "PER" and p is not None and p.has("GovernmentNoun") and not m.pron:
                k = gaz.state_of(k) or k  # "Pemerintahan Biden yakin …": the United States
            if k not in out:
                out.append(k)
    return tuple(out)


def _right_actor(units: list[Unit], i: int, hi: int, preps: frozenset[str] | None = None,
                 per_only: bool = False) -> int | None:
    for j in range(i + 1, hi):
        u = units[j]
        if not u.is_actor or u.paren or u.title:
            continue
        if per_only and u.etype != "PER":
            continue
        prep = _group_prep(units, j)
        if prep and (preps is None or prep not in preps):
            continue
        return j
    return None


def _frame_of(frames: list[Frame], i: int) -> Frame | None:
    """The outermost frame holding unit ``i``."""
    for f in frames:
        if i in f:
            return f
    return None


# ---- frames: quotes and reported speech --------------------------------------------------------------

def _frames(units: list[Unit], state: State) -> list[Frame]:
    frames: list[Frame] = []
    n = len(units)
    # quotations
    qi = None
    for u in units:
        if u.quote is not None and u.quote != qi and u.speaker:
            hi = u.i
            while hi < n and units[hi].quote == u.quote:
                hi += 1
            frames.append(Frame(u.speaker, u.i, hi))
        qi = u.quote
    # reported speech and belief: "X mengatakan (bahwa) …", "X yakin …", "X meminta Y untuk …"
    for u in units:
        if u.etype or u.quote is not None and u.has("Pronoun1"):
            continue
        if any(u.voice(c) == ACTIVE for c in ("ReportCue", "BeliefCue", "DemandCue", "WarnCue", "AccuseCue")):
            j = _left_subject(units, u.i, allow_object=False)
            if j is None or units[j].modifier:
                continue  # "upaya 13 anggota Dewan Keamanan untuk meminta …": not the body speaking
            speaker = units[j].keys if units[j].pron == "1" else _keys(units, j, state)
            if units[j].pron == "statement" or not speaker:
                speaker = state.last_speaker
            hi = u.i + 1
            while hi < n and units[hi].quote == u.quote and units[hi].text not in STOP_PUNCT:
                hi += 1
            if speaker:
                frames.append(Frame(speaker, u.i + 1, hi, u.i))
        # post-posed attribution without quotation marks: "…, kata Kirby."
        if u.has("QuoteVerb") and u.i > 0 and units[u.i - 1].text == "," and u.quote is None and \
                not any(v.text in CLOSE_QUOTES for v in units[max(0, u.i - 3):u.i]):
            speaker = _speaker_phrase(units, u.i + 1, state)
            if speaker:
                frames.append(Frame(speaker, 0, u.i - 1, u.i))
    # "Menurut X, …": X is the source of the rest of the sentence
    for u in units:
        if u.low == "menurut" and u.quote is None:
            j = next((k for k in range(u.i + 1, min(n, u.i + 10)) if units[k].text == ","), None)
            speaker = _speaker_phrase(units, u.i + 1, state)
            if j is not None and speaker:
                frames.append(Frame(speaker, j + 1, n, u.i))
            elif speaker and u.i > 0:  # "…, menurut laporan X." at the end
                frames.append(Frame(speaker, 0, u.i, u.i))
    # "Pernyataan itu adalah …": the statement speaks for whoever made it
    for u in units:
        if u.pron == "statement" and u.keys:
            frames.append(Frame(u.keys, u.i + 1, n, u.i))
    frames.sort(key=lambda f: (f.lo, -(f.hi - f.lo)))
    return frames


# ---- supplies ---------------------------------------------------------------------------------------

def _weapons_after(units: list[Unit], i: int, hi: int, reach: int = 5) -> tuple[list[int], int]:
    """Weapon units starting within ``reach`` units after ``i`` (a coordination counts as one)."""
    for j in range(i + 1, min(hi, i + 1 + reach)):
        u = units[j]
        if u.is_weapon:
            members = list(u.group) if u.group else [j]
            return members, members[-1]
        if u.is_actor or u.is_verb() and not u.has("FunctionWord") or u.text in STOP_PUNCT:
            break
    return [], i


def _possessor(units: list[Unit], w_last: int, state: State) -> tuple[str, ...]:
    j = w_last + 1
    if j < len(units) and units[j].is_actor and units[j].possessor_of is not None:
        return _keys(units, j, state)
    return ()


def _prep_actor(units: list[Unit], i: int, hi: int, preps: tuple[str, ...] | str, state: State,
                reach: int = 6) -> tuple[tuple[str, ...], int]:
    """Actor introduced by one of ``preps`` within ``reach`` units after ``i`` ("ke Rusia")."""
    c_preps = {"RecipientPrep"} if preps == "recipient" else None
    for j in range(i + 1, min(hi, i + 1 + reach)):
        u = units[j]
        is_prep = (c_preps and u.has("RecipientPrep")) or (not c_preps and u.low in preps)
        if not is_prep:
            if u.is_actor and not u.paren and not u.title and j > i + 1 and _group_prep(units, j) not in ("dari", "oleh"):
                break
            if u.has("Preposition") and u.low not in ("dari", "oleh") or u.text in STOP_PUNCT:
                break  # "… oleh Korea Utara dalam serangan ke Kharkiv": another phrase begins
            continue
        k = j + u.span.get("RecipientPrep", 1)
        skipped = 0
        while k < hi and skipped <= RECIPIENT_SKIP:
            v = units[k]
            if v.is_actor and not v.paren:
                end = v.group[-1] if v.group else k
                # "organisasi paramiliter Rusia, Wagner Group" / "tentara bayaran Rusia Wagner"
                for m in (end + 1, end + 2):
                    if m < hi and units[m].etype == "ORG" and v.etype == "GPE" and \
                            all(x.text == "," for x in units[end + 1:m]):
                        return _keys(units, m, state), m
                return _keys(units, k, state), end
            if v.is_noun() or v.text in ("(", ")"):
                k += 1
                skipped += 1
                continue
            break
        return (), j
    return (), i


def _used_by(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """"… untuk digunakan (di Ukraina) oleh X", "ditembakkan pasukan X": X ends up with the weapons."""
    for j in range(i + 1, len(units)):
        u = units[j]
        if u.text in STOP_PUNCT:
            return ()
        if u.has("UseVerb"):
            k = j + 1  # "ditembakkan pasukan Rusia": a passive's agent may follow with no "oleh"
            if k + 1 < len(units) and units[k].is_noun() and units[k + 1].etype == "GPE":
                k += 1
            if u.voice("UseVerb") == PASSIVE and k < len(units) and units[k].is_actor and not units[k].paren:
                return _keys(units, k, state)
            for k in range(j + 1, min(len(units), j + 8)):
                if units[k].low == "oleh":
                    actors, _ = _prep_actor(units, k - 1, len(units), ("oleh",), state)
                    return actors
                if units[k].text in STOP_PUNCT:
                    return ()
            return ()
    return ()


def _supply_modality(units: list[Unit], i: int, subj: int | None, frames: list[Frame], state: State) -> str | None:
    """Modality of the supply at ``i`` (None: negated by the article itself, no relation)."""
    c = cues()
    lo = _clause_left(units, i)
    start = subj + 1 if subj is not None and subj >= lo else lo
    window = units[start:i]
    near = units[max(lo, i - 3):i]
    if any(v.has("NegationCue") for v in near):
        # "memperingatkan X agar tidak menjual": a warning about a possible supply
        for k in range(i - 1, max(-1, i - 10), -1):
            v = units[k]
            if v.has("WarnCue", "DemandCue"):
                return "potential"
            if v.has("DenyCue"):
                return "denied"
            if v.is_verb() and not v.has("NegationCue", "PotentialCue", "PlannedCue") and k < i - 1:
                break
        return None
    if any(v.has("DenyCue") for v in window):
        return "denied"
    opener = units[lo - 1] if lo > 0 else None  # "jika memasok …": a conditional clause
    if opener is not None and opener.has("Complementizer"):
        gov = _prev(units, opener.i)  # "Rusia membantah bahwa pihaknya menerima …"
        if gov is not None and not gov.etype and gov.voice("DenyCue") == ACTIVE:
            return "denied"
    if subj is not None:
        p = _prev(units, subj)
        if p is not None and p.has("PersuadeCue", "DemandCue", "WarnCue") and _only_glue(units, subj, i):
            return "potential"  # "meyakinkan Pyongyang untuk menjual"
    if any(v.has("PotentialCue") for v in window) or any(v.low == "apakah" for v in units[lo:i]) or \
            (opener is not None and opener.has("PotentialCue")):
        return "potential"  # "akan mempertimbangkan": considering is possible, not yet planned
    if any(v.has("PlannedCue") for v in window):
        return "planned"
    if any(v.has("PotentialCue") for v in units[max(0, i - 3):i] if v.voice("PotentialCue") is not None
           and v.low in ("potensi", "kemungkinan", "potensial", "calon")):
        return "potential"
    default = c.default_modality.get(units[i].low)
    if default:
        return default
    if _frame_of(frames, i) is not None or units[i].quote is not None:
        return "alleged"
    if any(v.has("AllegedCue") or v.has("AccuseCue", "SanctionCue") and not v.etype for v in units[:i]):
        return "alleged"  # hearsay, or the reason given for an accusation or a sanction
    if any((v.etype == "PER" or v.has("SourceNoun")) and not v.title for v in units[lo:i]):
        return "alleged"
    return "asserted"


def _supplies(units: list[Unit], frames: list[Frame], state: State) -> list[Event]:
    events: list[Event] = []
    n = len(units)
    for u in units:
        if u.etype:
            continue
        i = u.i
        kind = None
        if "SupplyCue" in u.cls:
            kind = "supply"
        elif "ReceiveCue" in u.cls:
            kind = "receive"
        elif "RequestCue" in u.cls:
            kind = "request"
        if kind is None:
            continue
        hi = _clause_right(units, i)
        voice = u.cls.get("SupplyCue") or u.cls.get("ReceiveCue") or u.cls.get("RequestCue")
        supplier: tuple[str, ...] = ()
        recipient: tuple[str, ...] = ()
        subj = None
        if kind == "supply" and voice == PASSIVE:
            # "senjata yang disediakan oleh Korea Utara", "roket Korea Utara dipasok ke Moskow"
            widx = []
            for k in range(i - 1, max(-1, i - 6), -1):
                v = units[k]
                if v.is_weapon:
                    widx = list(v.group) if v.group else [k]
                    break
                if not (v.has("FunctionWord", "NegationCue", "PotentialCue", "PlannedCue", "AllegedCue")
                        or v.is_actor and v.possessor_of is not None):
                    break
            if not widx:
                continue
            agent, after = _prep_actor(units, i, hi, ("oleh", "dari"), state, reach=2)
            supplier = agent or _possessor(units, widx[-1], state)
            recipient, _ = _prep_actor(units, max(i, after), hi, "recipient", state)
            user = _prev(units, widx[0])
            if not recipient and user is not None and user.voice("UseVerb") == ACTIVE:
                # "Rusia menggunakan rudal yang dipasok oleh Korea Utara"
                recipient = _keys(units, _left_subject(units, user.i), state)
            subj = widx[0] - 1
        elif kind == "supply" and voice == NOUN and u.low.startswith("pe") and not u.low.endswith("an"):
            # an agent noun: "Iran menjadi pemasok utama drone bagi Rusia", "Iran, pemasok drone Rusia"
            widx, wlast = _weapons_after(units, i, hi, reach=4)
            if not widx:
                continue
            subj = _left_subject(units, i)
            if subj is None and i >= 2 and units[i - 1].text == "," and units[i - 2].is_actor:
                subj = i - 2
            supplier = _keys(units, subj, state)
            recipient, _ = _prep_actor(units, wlast, hi, "recipient", state)
            if not recipient:
                k = wlast + 1
                while k < hi and k <= wlast + 2 and units[k].is_noun():
                    k += 1  # "drone utama Rusia"
                if k < hi and units[k].is_actor:
                    recipient = _keys(units, k, state)
        elif voice == NOUN or kind == "request" and voice != ACTIVE:
            if kind == "supply" and not (u.low.endswith("an") or u.low in ("transfer", "ekspor", "suplai", "hibah")):
                continue
            owner = i + 1 if i + 1 < n and units[i + 1].is_actor and not units[i + 1].paren else None
            start = owner if owner is not None else i
            if kind == "request" and owner is not None:
                for k in range(owner + 1, min(n, owner + 3)):  # "permintaan Rusia terhadap …"
                    if units[k].has("Preposition"):
                        start = k
                        break
            widx, wlast = _weapons_after(units, start, hi, reach=4)
            if not widx:
                continue
            from_, _ = _prep_actor(units, wlast, hi, ("dari", "oleh"), state, reach=4)
            if kind == "supply":
                supplier = from_ or _possessor(units, wlast, state) or (_keys(units, owner, state) if owner else ())
                recipient, _ = _prep_actor(units, wlast, hi, "recipient", state)
                if not supplier and recipient:  # "Kami akan mempertimbangkan pengiriman senjata ke Ukraina"
                    subj = _left_subject(units, i)
                    # not "Miller mencatat transfer senjata antara …" (the reporter supplies nothing), nor
                    # "X memberlakukan sanksi … terkait pengiriman rudal" (the noun is not X's object)
                    between = units[subj + 1:i] if subj is not None else []
                    if subj is not None and not any(v.has(*SPEECH, "SanctionCue", "Preposition") for v in between) \
                            and not any(v.low == "antara" for v in units[i:hi]):
                        supplier = _keys(units, subj, state)
                    else:
                        subj = None
            else:
                supplier = from_ or _possessor(units, wlast, state)
                recipient = _keys(units, owner, state) if owner is not None else ()
        else:
            widx, wlast = _weapons_after(units, i, hi)
            first_actor = None
            if not widx:
                # "memasok Rusia dengan drone"
                k = i + 1
                if k < n and units[k].is_actor and k + 1 < n and units[k + 1].low == "dengan":
                    widx, wlast = _weapons_after(units, k + 1, hi, reach=3)
                    first_actor = k
                if not widx:
                    continue
            subj = _left_subject(units, i)
            if subj is None:
                subj = _elided_subject(units, i)
            subj_keys = _keys(units, subj, state)
            owner = _possessor(units, wlast, state)
            if kind == "supply":
                supplier = subj_keys
                if owner and (subj is None or units[subj].modifier):
                    supplier = owner
                if first_actor is not None:
                    recipient = _keys(units, first_actor, state)
                else:
                    recipient, _ = _prep_actor(units, wlast, hi, "recipient", state)
            else:
                recipient = subj_keys
                supplier, _ = _prep_actor(units, wlast, hi, ("dari", "kepada"), state, reach=5)
                supplier = supplier or owner
        if not recipient and kind == "supply":
            recipient = _used_by(units, i, state)
        modality = _supply_modality(units, i, subj if subj is not None and subj >= 0 else None, frames, state)
        if modality is None:
            continue
        if kind == "request":
            modality = "potential" if modality in ("asserted", "alleged") else modality
        weapons = list(dict.fromkeys(units[k].key for k in widx if units[k].key and not _component(units, k)))
        if not weapons:
            continue
        supplier, recipient = _as_state(supplier, state), _as_state(recipient, state)
        if kind in ("receive", "request"):
            if not recipient:
                continue
            if not supplier:
                events.append(Event((), weapons, recipient, modality, i, inferred=True))
                continue
        if not supplier:
            continue
        events.append(Event(supplier, weapons, recipient, modality, i, persuader=_persuader(units, i, subj, state)))
    return events


def _component(units: list[Unit], k: int) -> bool:
    """"komponen drone", "teknologi rudal": parts and know-how are not the weapon."""
    p = _prev(units, k)
    return p is not None and p.has("ComponentNoun")


def _as_state(keys: tuple[str, ...], state: State) -> tuple[str, ...]:
    """People do not supply or receive arms themselves: their state or body does."""
    gaz = gazetteer()
    out = []
    for k in keys:
        e = state.entities.get(k)
        if e is not None and e.type == "PER":
            k = state.role_org.get(k) or (gaz.entries[k].affiliation if k in gaz.entries else None) or k
        if k not in out:
            out.append(k)
    return tuple(out)


def _used_foreign_weapons(units: list[Unit], frames: list[Frame], state: State) -> list[Event]:
    """"Rusia menggunakan drone buatan Iran", "rudal buatan Korea Utara yang digunakan Rusia": the
    maker supplied the user."""
    events = []
    n = len(units)
    for u in units:
        if u.etype or not u.has("OriginNoun") or u.i == 0 or u.i + 1 >= n:
            continue
        w, maker = _prev(units, u.i), units[u.i + 1]
        if w is None or not w.is_weapon or not maker.is_actor or maker.etype == "PER":
            continue
        widx = list(w.group) if w.group else [w.i]
        user: tuple[str, ...] = ()
        k = widx[0] - 1
        while k > 0 and (units[k].has("FunctionWord") or units[k].text[:1].isdigit()) and not units[k].etype:
            k -= 1  # "menggunakan lebih dari 4.000 drone …"
        v = units[k] if k >= 0 else None
        if v is not None and v.voice("UseVerb") == ACTIVE:  # "Rusia menggunakan drone buatan Iran"
            j = _left_subject(units, v.i)
            user = _keys(units, j, state)
            anchor = v.i
        else:  # "drone buatan Iran yang digunakan (oleh) Rusia"
            k = u.i + 2
            while k < n and (units[k].low == "yang" or units[k].has("FunctionWord")):
                k += 1
            if not (k < n and units[k].voice("UseVerb") == PASSIVE):
                continue
            anchor = k
            if k + 1 < n and units[k + 1].is_actor:
                user = _keys(units, k + 1, state)
            else:
                user, _ = _prep_actor(units, k, n, ("oleh",), state, reach=2)
        if not user:
            continue
        modality = _supply_modality(units, anchor, None, frames, state)
        if modality is None:
            continue
        weapons = [units[k].key for k in widx if units[k].key]
        events.append(Event(_as_state(_keys(units, maker.i, state), state), weapons, _as_state(user, state),
                            modality, anchor))
    return events


def _persuader(units: list[Unit], i: int, subj: int | None, state: State) -> tuple[str, ...]:
    """Who tried to bring the supply about: the subject of "meyakinkan X agar …" before it."""
    lo = _clause_left(units, subj if subj is not None and subj >= 0 else i)
    for k in range(i - 1, lo - 1, -1):
        if units[k].has("PersuadeCue") and not units[k].etype:
            j = _left_subject(units, k, allow_object=False)
            if j is not None and not any(v.has("PotentialCue", "PlannedCue") and not v.has("PersuadeCue")
                                         for v in units[j + 1:k]):
                return _keys(units, j, state)
    return ()


def _infer_request_suppliers(state: State) -> None:
    """A request or purchase with no named seller: the article's usual supplier to that recipient."""
    if not state.requests:
        return
    counts: dict[str, Counter] = {}
    for r in state.relations:
        if r.type == "supplies" and r.args.get("recipient"):
            counts.setdefault(r.args["recipient"], Counter())[r.args["supplier"]] += 1
    for ev, s in state.requests:
        for rec in ev.recipient:
            if rec not in counts:
                continue
            supplier = counts[rec].most_common(1)[0][0]
            for w in ev.weapons:
                state.relations.append(Relation("supplies", {"supplier": supplier, "weapon": w, "recipient": rec},
                                                ev.modality, s.index, s.start, s.end, 0.6, s.text))


# ---- accusations -------------------------------------------------------------------------------------

def _accusations(units: list[Unit], frames: list[Frame], events: list[Event], state: State) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def add(accusers: Iterable[str], accused: Iterable[str]) -> None:
        for a in accusers:
            if _outlet(a):
                continue  # "menurut laporan Reuters": the agency reports the claim, it does not make it
            for b in accused:
                if a != b and (a, b) not in out and b not in _side(a, state):
                    out.append((a, b))

    # the speaker of a claim of wrongdoing accuses whoever the claim is about
    for ev in events:
        f = _frame_of(frames, ev.unit)
        if f is None or ev.inferred:
            continue
        if ev.modality in ("asserted", "alleged"):
            add(f.speaker, ev.supplier)
        elif ev.modality == "potential" and ev.persuader:
            add(f.speaker, ev.persuader)
    for u in units:
        if u.etype:
            continue
        if u.has("WrongdoingCue") and not any(v.has("AccuseCue") for v in units[_clause_left(units, u.i):u.i]) \
                and not any(v.has("NegationCue") for v in units[max(0, u.i - 2):u.i]):  # "tidak melanggar": a defence
            f = _frame_of(frames, u.i)
            j = _nearest_left_actor(units, u.i, f.lo if f else 0)
            if f is not None and j is not None and not any(v.has("PotentialCue", "PlannedCue")
                                                           for v in units[j + 1:u.i]):
                add(f.speaker, [k for k in _keys(units, j, state) if k not in f.speaker])
        voice = u.voice("AccuseCue")
        if voice is None or _governed_by_denial(units, u.i):
            continue
        hi = _clause_right(units, u.i, through_bahwa=True)
        if voice == ACTIVE:  # "AS menuduh Korea Utara …"
            j = _left_subject(units, u.i)
            o = _right_actor(units, u.i, hi, WARNED_PREPS)
            if j is not None and o is not None:
                add(_keys(units, j, state), _keys(units, o, state))
        elif voice == PASSIVE:  # "…, yang dikritik AS sebagai pelanggaran"
            agent = u.i + 1 + (1 if u.i + 1 < len(units) and units[u.i + 1].low == "oleh" else 0)
            if agent < len(units) and units[agent].is_actor:
                j = _nearest_left_actor(units, u.i, _clause_left(units, u.i))
                if j is not None:
                    add(_keys(units, agent, state), _keys(units, j, state))
        elif voice == NOUN:  # "mendapat kecaman dari AS", "kecaman AS terhadap Korut"
            by, _ = _prep_actor(units, u.i, hi, ("dari", "oleh"), state, reach=3)
            if not by and u.i + 1 < len(units) and units[u.i + 1].is_actor:
                by = _keys(units, u.i + 1, state)
            if not by:
                continue
            target, _ = _prep_actor(units, u.i, hi, ("terhadap", "atas", "kepada"), state, reach=6)
            if not target:
                j = _left_subject(units, u.i)
                if j is not None:
                    target = _keys(units, j, state)
                elif u.i < 6:  # "Hal ini pun mendapat kecaman …": what the last sentence reported
                    target = tuple(k for ev in state.prev_events for k in ev.supplier)
            add(by, target)
    return out


def _outlet(key: str) -> bool:
    e = gazetteer().entries.get(key)
    return e is not None and e.outlet


def _side(key: str, state: State) -> set[str]:
    """A speaker's own side: the body or state they speak for (a minister does not accuse his country)."""
    gaz = gazetteer()
    side = {key}
    # the role the article gives comes first; the gazetteer only knows who they usually are
    home = state.role_org.get(key) or (gaz.entries[key].affiliation if key in gaz.entries else None)
    if home:
        side.add(home)
        side.add(gaz.state_of(home) or home)
    return side


def _nearest_left_actor(units: list[Unit], i: int, lo: int) -> int | None:
    """The party a wrongdoing word is about: the nearest actor before it, not a recipient ("kepada
    Rusia") or other oblique, but "antara X dan Y" and "oleh X" count."""
    for j in range(i - 1, max(lo, _clause_left(units, i)) - 1, -1):
        u = units[j]
        if u.is_actor and not u.paren and not u.title and u.pron != "1" and \
                _group_prep(units, j) in (None, "antara", "oleh"):
            return j
    return None


def _governed_by_denial(units: list[Unit], i: int) -> bool:
    return any(v.has("DenyCue", "RejectCue") for v in units[max(0, i - 3):i])


# ---- warnings ------------------------------------------------------------------------------------

def _warnings(units: list[Unit], frames: list[Frame], state: State) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def add(warners: Iterable[str], warned: Iterable[str]) -> None:
        for a in warners:
            if _outlet(a):
                continue
            for b in warned:
                if a != b and (a, b) not in out:
                    out.append((a, b))

    n = len(units)
    for u in units:
        if u.etype:
            continue
        warn, demand = u.voice("WarnCue"), u.voice("DemandCue")
        if warn is None and demand is None:
            if u.has("WrongdoingCue"):  # "… akan melanggar resolusi": a warning by whoever says it
                f = _frame_of(frames, u.i)
                j = _nearest_left_actor(units, u.i, f.lo if f else 0)
                if f is not None and j is not None and any(v.has("PotentialCue", "PlannedCue")
                                                           for v in units[j + 1:u.i]):
                    add(f.speaker, _keys(units, j, state))
            continue
        hi = _clause_right(units, u.i, through_bahwa=True)
        nxt = units[u.i + 1] if u.i + 1 < n else None
        if warn == NOUN:
            if nxt is not None and nxt.low in ("tersebut", "itu", "ini"):
                # "Peringatan tersebut disampaikan …" was counted where it was made, unless it now
                # names its addressee: "menyampaikan peringatan itu … kepada Wang"
                to, _ = _prep_actor(units, u.i + 1, hi, ("kepada", "terhadap"), state, reach=6)
                j = _left_subject(units, u.i)
                if to and j is not None:
                    add(_keys(units, j, state), to)
                continue
            by, _ = _prep_actor(units, u.i, hi, ("dari", "oleh"), state, reach=2)
            if not by and nxt is not None and nxt.is_actor and not nxt.paren:
                by = _keys(units, u.i + 1, state)
            if not by:
                j = _left_subject(units, u.i)
                by = _keys(units, j, state) if j is not None else ()
            o = _right_actor(units, u.i + (1 if by and nxt is not None and nxt.is_actor else 0), hi, WARNED_PREPS)
            if by and o is not None:
                add(by, _keys(units, o, state))
            continue
        voice = warn or demand
        if voice == PASSIVE:
            if warn:  # "X diperingatkan oleh Y"
                agent, _ = _prep_actor(units, u.i, hi, ("oleh",), state, reach=2)
                j = _left_subject(units, u.i)
                if agent and j is not None:
                    add(agent, _keys(units, j, state))
            continue
        if voice != ACTIVE:
            continue
        j = _left_subject(units, u.i)
        warner = _keys(units, j, state) if j is not None else ()
        if not warner:
            continue
        if warn:
            o = _right_actor(units, u.i, hi, WARNED_PREPS - {"oleh"} if _directly_after(units, u.i, "oleh")
                             else WARNED_PREPS)
            if o is not None:
                add(warner, _keys(units, o, state))
        else:  # "mendesak Korea Utara untuk …", "menyerukan kepada DPRK untuk …"
            k = u.i + 1
            if k < n and units[k].low in ("kepada", "agar"):
                k += 1
            if k < n and units[k].is_actor and not units[k].title:
                end = units[k].group[-1] if units[k].group else k
                m = end + 1
                while m < n and (units[m].paren or units[m].text in ("(", ")", "-", "—", "–")
                                 or units[m].text in OPEN_QUOTES | CLOSE_QUOTES or units[m].is_noun()
                                 and m < end + 8):
                    m += 1
                if m < n and (units[m].low in ("untuk", "agar", "supaya") or units[m].has("Complementizer")):
                    add(warner, _keys(units, k, state))
    return out


def _directly_after(units: list[Unit], i: int, word: str) -> bool:
    return i + 1 < len(units) and units[i + 1].low == word


# ---- meetings, visits, sanctions, denials --------------------------------------------------------------

def _event_modality(units: list[Unit], i: int, subj: int | None) -> str:
    lo = _clause_left(units, i)
    window = units[(subj + 1 if subj is not None and subj >= lo else lo):i]
    if any(v.has("NegationCue") for v in units[max(lo, i - 2):i]):
        return "denied"
    if any(v.has("PlannedCue") for v in window):
        return "planned"
    if any(v.has("PotentialCue") and not v.has("PersuadeCue") for v in window):
        return "potential"
    return "asserted"


def _meetings(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    out = []
    for u in units:
        if u.etype or "MeetCue" not in u.cls:
            continue
        hi = _clause_right(units, u.i)
        if u.cls["MeetCue"] == NOUN:
            if u.i + 1 < len(units) and units[u.i + 1].low in ("itu", "tersebut", "ini"):
                continue
            people = [j for j in range(u.i + 1, min(hi, u.i + 12)) if units[j].etype == "PER" and not units[j].paren]
            keys = list(dict.fromkeys(k for j in people for k in units[j].keys))
            if len(keys) < 2:  # "Kim dan Putin menggelar pertemuan puncak"
                j = _left_subject(units, u.i, per_only=True)
                keys = list(dict.fromkeys(_keys(units, j, state))) if j is not None else []
                keys = [k for k in keys if k in state.entities and state.entities[k].type == "PER"]
            if len(keys) >= 2:
                out.append((keys[0], keys[1], _event_modality(units, u.i, None)))
            continue
        j = _left_subject(units, u.i, per_only=True)
        if j is None:
            j = next((k for k in range(u.i - 1, _clause_left(units, u.i) - 1, -1)
                      if units[k].etype == "PER" and not units[k].paren and not units[k].title), None)
        if j is None:  # "Kim dan Putin sepakat … saat bertemu di Vostochny"
            j = _elided_subject(units, u.i)
        if j is None:
            continue
        a_keys = [k for k in _keys(units, j, state) if state.entities.get(k, Entity(k, k, "PER")).type == "PER"]
        preps = frozenset({"dengan", "oleh"}) if u.cls["MeetCue"] == PASSIVE else frozenset({"dengan"})
        o = _right_actor(units, skip_span(units, u.i, "MeetCue") - 1, hi, preps, per_only=True)
        modality = _event_modality(units, u.i, j)
        if o is not None:
            for a in a_keys:
                for b in _keys(units, o, state):
                    if a != b:
                        out.append((a, b, modality))
        elif len(a_keys) >= 2:
            out.append((a_keys[0], a_keys[1], modality))
    return out


def _visits(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    out = []
    gaz = gazetteer()
    for u in units:
        if u.etype or u.voice("VisitCue") not in (ACTIVE, NOUN):
            continue
        hi = _clause_right(units, u.i)
        if u.cls["VisitCue"] == NOUN:
            if u.low.endswith("nya"):
                visitor_idx = None
                visitors = (state.last_per,) if state.last_per else ()
                after = u.i
            else:
                visitor_idx = None
                for j in range(u.i + 1, min(hi, u.i + 10)):
                    if units[j].etype == "PER" and not units[j].paren:
                        visitor_idx = j
                        break
                    if units[j].low in ("ke", "di"):
                        break
                if visitor_idx is None:  # "Lavrov melakukan kunjungan ke Pyongyang"
                    visitor_idx = _left_subject(units, u.i, per_only=True)
                    if visitor_idx is None:
                        continue
                    after = u.i
                else:
                    after = visitor_idx
                visitors = _keys(units, visitor_idx, state)
            place_idx = next((j for j in range(after + 1, hi) if units[j].etype in ("GPE", "LOC", "ORG")
                              and not units[j].title and not units[j].paren
                              and _group_prep(units, j) in ("ke", "di")), None)
            modality = _event_modality(units, u.i, None)
        else:
            j = _left_subject(units, u.i, per_only=True)
            if j is None:
                j = _elided_subject(units, u.i)
                if j is None or units[j].etype != "PER":
                    continue
            visitors = _keys(units, j, state)
            place_idx = next((k for k in range(u.i + 1, min(hi, u.i + 5)) if units[k].etype in ("GPE", "LOC", "ORG")
                              and not units[k].title and not units[k].paren
                              and _group_prep(units, k) in (None, "ke", "di")), None)
            modality = _event_modality(units, u.i, j)
        if place_idx is None:
            continue
        for key in units[place_idx].keys:
            place = gaz.state_of(key) if units[place_idx].etype != "ORG" else None
            place = place or (key if units[place_idx].etype == "GPE" else None)
            if place is None:
                continue  # an airport, a region: not a country the guidelines can name
            for v in visitors:
                home = state.role_org.get(v)
                home_state = gaz.state_of(home) if home else None
                if place not in (home, home_state) and place != (gaz.entries[v].affiliation if v in gaz.entries
                                                                 else None):
                    out.append((v, place, modality))
    return out


def _sanctions(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    out = []
    n = len(units)
    for u in units:
        if u.etype or "SanctionCue" not in u.cls:
            continue
        hi = _clause_right(units, u.i)
        voice = u.cls["SanctionCue"]
        who: tuple[str, ...] = ()
        target: tuple[str, ...] = ()
        subj = None
        if voice == NOUN:
            prev = units[u.i - 1] if u.i > 0 else None
            if prev is not None and prev.is_verb() and not prev.has("WrongdoingCue"):
                if prev.low.startswith("di"):  # "Iran dijatuhi sanksi oleh AS"
                    subj = _left_subject(units, prev.i)
                    target = _keys(units, subj, state) if subj is not None else ()
                    who, _ = _prep_actor(units, u.i, hi, ("oleh",), state, reach=3)
                else:  # "AS menjatuhkan sanksi terhadap …"
                    subj = _left_subject(units, prev.i)
                    who = _keys(units, subj, state) if subj is not None else ()
            if u.i + 1 < n and units[u.i + 1].is_actor and not units[u.i + 1].paren and not who:
                who = _keys(units, u.i + 1, state)  # "sanksi AS terhadap Iran"
            if not target:
                target = _sanction_target(units, u.i, hi, state)
            if target and not who:  # "Uni Eropa menyetujui paket sanksi ke-14 terhadap Rusia"
                subj = _left_subject(units, u.i)
                who = _keys(units, subj, state) if subj is not None else ()
        elif voice == ACTIVE:  # "menyanksi X"
            subj = _left_subject(units, u.i)
            who = _keys(units, subj, state) if subj is not None else ()
            o = _right_actor(units, u.i, min(hi, u.i + 3), frozenset())
            target = _keys(units, o, state) if o is not None else ()
        else:  # "X disanksi (oleh) Y"
            subj = _left_subject(units, u.i)
            target = _keys(units, subj, state) if subj is not None else ()
            agent, _ = _prep_actor(units, u.i, hi, ("oleh",), state, reach=2)
            who = agent or (_keys(units, u.i + 1, state) if u.i + 1 < n and units[u.i + 1].is_actor else ())
        modality = _event_modality(units, u.i if subj is None else u.i, subj)
        for a in who:
            for b in target:
                if a != b:
                    out.append((a, b, modality))
    return out


def _sanction_target(units: list[Unit], i: int, hi: int, state: State) -> tuple[str, ...]:
    """"sanksi (baru) terhadap/atas/kepada X": X must head the phrase right after the preposition."""
    for j in range(i + 1, min(hi, i + 5)):
        u = units[j]
        if u.low in ("terhadap", "atas", "kepada", "pada", "bagi"):
            for k in range(j + 1, min(hi, j + 6)):
                v = units[k]
                if v.is_actor and not v.paren:
                    if not v.modifier:
                        return _keys(units, k, state)
                    # "terhadap maskapai nasional Iran, Iran Air": the name after the comma is the target;
                    # "terhadap tiga jenderal Iran": the generals are, not Iran
                    if k + 2 < len(units) and units[k + 1].text == "," and units[k + 2].etype == "ORG":
                        return _keys(units, k + 2, state)
                    return ()
                if v.low == "yang" or not (v.has("FunctionWord") or v.is_noun()):
                    return ()
            return ()
        if u.is_actor:
            continue
    return ()


def _denials(units: list[Unit], state: State) -> list[tuple[str, str]]:
    out = []
    for u in units:
        if u.etype:
            continue
        deny, reject = u.voice("DenyCue"), u.voice("RejectCue")
        if deny != ACTIVE and reject != ACTIVE and u.voice("ReportCue") != ACTIVE:
            continue  # cheap test first: the clause scan below is the costly part
        hi = _clause_right(units, u.i)
        noun = next((k for k in range(u.i + 1, min(hi, u.i + 4)) if units[k].has("AccusationNoun")), None)
        # "menyebut tuduhan itu tidak berdasar / sebagai propaganda": dismissing is denying
        dismiss = u.voice("ReportCue") == ACTIVE and noun is not None and \
            any(v.has("DismissCue") for v in units[noun + 1:min(hi + 1, noun + 8)])
        if deny != ACTIVE and reject != ACTIVE and not dismiss:
            continue
        if reject and noun is None:
            continue  # "menolak merinci": refusing is not denying
        j = _left_subject(units, u.i)
        if j is None:
            continue
        deniers = _keys(units, j, state)
        accusers: tuple[str, ...] = ()
        if noun is not None:
            k = noun + 1
            if k < hi and units[k].is_actor and not units[k].paren:
                accusers = _keys(units, k, state)
            elif k + 1 < hi and units[k].low == "yang" and units[k + 1].is_verb():
                # "tuduhan yang dilontarkan (oleh) Vietnam"
                a = k + 2 + (1 if k + 2 < hi and units[k + 2].low == "oleh" else 0)
                accusers = _keys(units, a, state) if a < hi and units[a].is_actor else ()
            else:
                accusers, _ = _prep_actor(units, noun, hi, ("dari", "oleh"), state, reach=4)
        if not accusers:
            # "membantah tuduhan tersebut": the accusation against the denier, a state's first
            prior = [a for a, accused in reversed(state.accusations) if accused in deniers]
            states = [a for a in prior if state.entities.get(a) and state.entities[a].type == "GPE"]
            accusers = (states or prior)[:1]
        if not accusers and noun is not None and noun + 1 < hi and units[noun].has("AccuseCue") and \
                units[noun + 1].low in ("tersebut", "itu", "ini") and state.accusations:
            # "menyebut tuduhan tersebut tidak berdasar", said for the accused by someone else (a
            # spokesperson of its ally): "that accusation" is the one just reported. Not for a
            # "laporan itu" (a report), whose author need not be any accuser.
            accusers = (state.accusations[-1][0],)
        for d in deniers:
            for a in accusers:
                if a != d:
                    out.append((d, a))
    return out


# ---- post-processing ------------------------------------------------------------------------------

def _complete_entities(relations: list[Relation], entities: dict[str, Entity]) -> list[Relation]:
    """Arguments the article implies but does not name ("pemerintahan Biden" → United States, a
    minister's state) join the entities from the gazetteer; a relation whose argument is unknown
    anywhere, or that relates something to itself, is dropped."""
    gaz = gazetteer()
    out = []
    for r in relations:
        ok = True
        for name, value in r.args.items():
            if value is None or (r.type, name) == ("role", "title"):
                continue
            if value not in entities:
                e = gaz.entries.get(value)
                if e is None:
                    ok = False
                    break
                entities[value] = Entity(e.key, e.canonical, e.type, e.wikidata)
        keys = [v for n, v in r.args.items() if v and (r.type, n) != ("role", "title")]
        if ok and len(set(keys)) == len(keys):
            out.append(r)
    return out


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """One relation per (type, args); a role per (person, org); a supply without a recipient is
    dropped where the same supplier and weapon have a named recipient in the article."""
    with_recipient = {(r.args["supplier"], r.args["weapon"]) for r in relations
                      if r.type == "supplies" and r.args.get("recipient")}
    seen: dict = {}
    out: list[Relation] = []
    for r in relations:
        if r.type == "supplies" and not r.args.get("recipient") and \
                (r.args["supplier"], r.args["weapon"]) in with_recipient:
            continue
        if r.type == "role":
            key = ("role", r.args["person"], r.args["org_or_state"])
        elif r.type == "meets":
            key = ("meets", *sorted((r.args["a"], r.args["b"])))
        else:
            key = r.key()
        if key in seen:
            # "Teheran awalnya membantah … Namun … mengakui bahwa Iran telah memberikan …": the
            # article ends up reporting the supply, so a realis mention outranks a denial
            i = seen[key]
            if out[i].modality == "denied" and r.modality in ("asserted", "alleged"):
                out[i] = replace(out[i], modality=r.modality)
            continue
        seen[key] = len(out)
        out.append(r)
    return out
