"""Relations from a resolved article: roles, supplies, accusations, warnings, meetings, visits,
sanctions and denials, each with a modality; quotes attributed to their speakers.

The article is read paragraph by paragraph. For each sentence the discourse layer
(:mod:`kg.extract.discourse`) resolves pronouns and finds who speaks where; then every registered
rule (:mod:`kg.extract.registry`, one file per relation type in ``kg/extract/rules/``) reads the
same :class:`~kg.extract.context.SentenceContext` and returns relations. Rules are written for
Indonesian clause structure (:mod:`kg.extract.clause`), never for particular sentences; their
words are cue classes from ``ontology/cues.ttl``.

Everything runs in one left-to-right pass per sentence: extraction is linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

import kg.extract.rules  # noqa: F401  (registers the built-in rules)
from kg.extract.antecedents import are_sides, clitic_keeps_topic, opens_clause, personal
from kg.extract.apposition import mark_named_apposition
from kg.extract.clause import actor_keys, group_prep
from kg.extract.context import WRITES_NOTHING, Frame, SentenceContext, State, nothing
from kg.extract.discourse import paragraph_spans, resolve_pronouns
from kg.extract.frames import find_frames, quote_speaker
from kg.extract.heads import spouse_before
from kg.extract.inference import infer_accusers, infer_recipients, infer_request_suppliers
from kg.extract.inner_quotes import inner_marks
from kg.extract.lists import counted_unnamed
from kg.extract.memo import close_memo, open_memo
from kg.extract.nicknames import nickname_spans
from kg.extract.post import complete_entities, dedupe, own_bodies, state_sides
from kg.extract.rank import compared
from kg.extract.registry import Rule, RuleError, RuleFn, active_rules
from kg.extract.reports import report_author
from kg.extract.titles import mark_leaders, mark_ranked, mark_roles
from kg.extract.titlewords import titled_prep
from kg.extract.venue import event_place, past_function_words
from kg.quotes import Quote, find_quotes
from kg.resolve import gazetteer
from kg.resolve.accents import accent_persons, titled_states
from kg.resolve.mentions import dateline_span
from kg.resolve.written import WRITTEN, as_written, person_names, weapons_as_written
from kg.schema import RELATIONS
from kg.types import Doc, Entity, Extraction, Mention, Sentence, Token
from kg.unitize import build_units
from kg.units import ACTORS, CLOSE_QUOTES, OPEN_QUOTES, Unit

__all__ = ["extract", "to_record"]

_QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES


def extract(doc: Doc, links: list[tuple[Mention, str]] | None = None, entities: dict[str, Entity] | None = None
            ) -> Extraction:
    """Extract the relations of an article resolved by ``kg.resolve.resolve`` (run here when the
    caller passes no ``links`` and ``entities``)."""
    if links is None or entities is None:
        from kg.resolve import resolve

        entities, links = resolve(doc)
    state = State(entities)
    text = doc.article.text
    para_starts = paragraph_spans(text)
    # the dateline's place ("Seoul (ANTARA) - …") is where the news was filed, no party to what it tells
    d_start, d_end = dateline_span(doc)
    by_para: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        by_para.setdefault(s.paragraph, []).append(_past_dateline(s, text, d_end) if s.start < d_end < s.end else s)
    told = [(m, k) for m, k in links if not d_start <= m.start < d_end] if d_end else links
    # a nickname after a name ("X alias "Mike Bravo", kepala …") is read past: no mention, no word, no quotation
    nicks = {o for a, b in nickname_spans(text, told, {k: e.type for k, e in entities.items()}) for o in range(a, b)}
    if nicks:
        told = [(m, k) for m, k in told if m.start not in nicks]
    starts = [m.start for m, _ in told]  # links are in text order: sentences slice them by bisection
    groups: list[tuple[list[Sentence], list[Quote]]] = []
    pending: list[Quote] = []  # quotations left open at their paragraph's end, speaker not yet named
    inner: set[int] = set(nicks)  # the marks of quotations inside a clause, not read (kg.extract.inner_quotes)
    ends = {m.end for m, _ in told}
    for p, sentences in sorted(by_para.items()):
        start, end = para_starts[p] if p < len(para_starts) else (sentences[0].start, sentences[-1].end)
        found: dict[int, int] = {}
        quotes = find_quotes(text[start:end], start, found)
        if nicks:
            quotes = [q for q in quotes if q.start - 1 not in nicks]
        if pending and (text[start:start + 1].islower() and text[:max(0, start)].rstrip()[-1:] == "," or
                        _closes_first(text, start, end)) and (not quotes or quotes[0].start - start > 2):
            # a page that broke a sentence over two paragraphs ('"… tak bisa diverifikasi,' / 'lalu dipakai …,"
            # ujar Zakharova'), or a quotation whose next paragraph does not reopen it ('"Kalau itu terjadi, …' /
            # 'Jepang harus siap …," kata Zakharova'): the quotation goes on with no mark reopening it
            found = {}
            quotes = find_quotes('"' + text[start:end], start - 1, found)
        if found and (marks := inner_marks(found, text, ends)):
            quotes = [q for q in quotes if q.start - 1 not in marks]
            inner |= marks
        if pending and quotes and quotes[0].start - start <= 2:
            # a quotation running over paragraphs reopens each one and names its speaker once, at the
            # end: the earlier paragraphs are read with the one that names it
            for q in pending:
                q.kind, q.site = quotes[0].kind, quotes[0].site
            groups[-1][0].extend(sentences)
            groups[-1][1].extend(quotes)
        else:
            groups.append((list(sentences), list(quotes)))
        last = quotes[-1] if quotes else None
        open_at_end = last is not None and last.kind == "none" and end - last.end <= 1 and \
            text[last.end:last.end + 1] not in _QUOTE_MARKS  # no closing mark: the quote goes on
        if not open_at_end:
            pending = []
        elif not (pending and quotes[0] is last):  # (a paragraph that is all one open quote waits on)
            pending = [last]
        else:
            pending.append(last)
    built = [_units(sentences, quotes, text, told, starts, state, inner) for sentences, quotes in groups]
    state.state_counts = _state_counts(told, entities)
    state.titled = [(u.role[0], units[u.role[1]].key, u.key) for units_of in built for units in units_of
                    for u in units if u.role and u.key and u.role[1] is not None and units[u.role[1]].key]
    state.title_words = {(u.role[0].lower().split()[0], u.key) for units_of in built for units in units_of
                         for u in units if u.role and u.key and u.role[0].strip()}
    for (sentences, quotes), units_of in zip(groups, built, strict=True):
        _paragraph(sentences, quotes, units_of, state)
    infer_request_suppliers(state)
    infer_recipients(state)
    infer_accusers(state)
    relations = complete_entities(dedupe(own_bodies(state_sides(state.relations)), state.to_anyone), entities)
    # unlisted persons spelled as their own language does ("Yilmaz" → "Yılmaz"), by the states they serve
    accent_persons(entities, [(r.args["person"], r.args.get("org_or_state")) for r in relations if r.type == "role"],
                   titled_states(links, text))
    names = as_written(entities, links) if person_names() == WRITTEN else {}  # persons as the article spells them
    names |= weapons_as_written(entities, links)  # models as the article writes them
    return Extraction(doc, entities, links, relations, names)


def _closes_first(text: str, start: int, end: int) -> bool:
    """Whether the first quotation mark of the paragraph from ``start`` to ``end`` closes a quotation: it follows a
    word or a stop, and a space or the paragraph's end follows it."""
    k = next((k for k in range(start, end) if text[k] in _QUOTE_MARKS), None)
    return k is not None and k > start and not text[k - 1].isspace() and (k + 1 >= end or text[k + 1].isspace())


def _state_counts(links: list[tuple[Mention, str]], entities: dict[str, Entity]) -> dict[str, int]:
    """How often the article names each state, by itself, its capital or a place in it (the dateline's left out)."""
    gaz = gazetteer()
    counts: dict[str, int] = {}
    for _, k in links:
        e = entities.get(k)
        if e is not None and e.type == "GPE" and (st := gaz.state_of(k)) is not None:
            counts[st] = counts.get(st, 0) + 1
    return counts


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
        entities.append({"text": surface, "type": e.type, "canonical": ex.names.get(key, e.canonical),
                         "wikidata": e.wikidata})
    text = ex.doc.article.text
    spans = paragraph_spans(text)
    relations = []
    for r in ex.relations:
        spec = RELATIONS[r.type]
        args = {}
        for name in spec.args:
            v = r.args.get(name)
            args[name] = v if name in spec.literal else (ex.names.get(v, ents[v].canonical) if v in ents else None)
        para = ex.doc.sentences[r.sentence].paragraph
        a, b = spans[para] if para < len(spans) else (r.start, r.end)
        relations.append({"type": r.type, "args": args, "sentence": text[a:b], "modality": r.modality})
    return {"doc": ex.doc.article.name, "entities": entities, "relations": relations}


def _past_dateline(s: Sentence, text: str, d_end: int) -> Sentence:
    """"Kabar24.com, JAKARTA -- Setelah bertemu X, Y …": the sentence the dateline runs into is read from
    past it (and its dashes), so what opens the news opens the sentence."""
    a = d_end
    while a < s.end and (text[a].isspace() or text[a] in "-–—"):
        a += 1
    toks = tuple(t if t.start >= a else Token(text[a:t.end], a, t.end) for t in s.tokens if t.end > a)
    if not toks:
        return s
    return replace(s, text=text[a:s.end], start=a, tokens=toks)


def _units(sentences: list[Sentence], quotes: list[Quote], text: str, links, starts: list[int],
           state: State, inner: set[int]) -> list[list[Unit]]:
    """The units of a paragraph's sentences with their quotations and titles marked: built for the whole
    article before any rule runs, so a bare title may name the person the article gives it further on."""
    units_of = [build_units(s, text, links[bisect_left(starts, s.start):bisect_left(starts, s.end)], state.entities,
                            inner) for s in sentences]
    spans = [(q.start, q.end) for q in quotes]
    for units in units_of:
        if spans:  # the last quotation holding a unit's start holds the unit, its own marks aside
            for u in units:
                if u.text in _QUOTE_MARKS:
                    continue
                start = u.start
                for qi, (a, b) in enumerate(spans):
                    if a <= start < b:
                        u.quote = qi
        mark_roles(units, text)
        mark_leaders(units, text)
        mark_ranked(units, text)
        mark_named_apposition(units)
    return units_of


def _paragraph(sentences: list[Sentence], quotes: list[Quote], units_of: list[list[Unit]], state: State) -> None:
    speakers: dict[int, tuple[str, ...]] = {}
    state.prev_events = []
    for s, units in zip(sentences, units_of, strict=True):
        if quotes:  # (without a quotation no unit is quoted)
            for qi in sorted({u.quote for u in units if u.quote is not None}):
                if qi not in speakers:
                    speakers[qi] = quote_speaker(quotes[qi], units_of, state)
            for u in units:
                if u.quote is not None:
                    u.speaker = speakers.get(u.quote, ())
        _sentence(s, units, state)
        for qi, q in enumerate(quotes):
            if qi in speakers and speakers[qi] and s.start <= q.end <= s.end + 1:
                site = next((u.i for u in units if u.start >= q.site), None) if q.kind == "name" else None
                state.spoke(speakers[qi], q.end, site is not None and personal(units, site, site + 4))


def _sentence(s: Sentence, units: list[Unit], state: State) -> None:
    """Run every registered rule on one sentence, then carry its discourse forward."""
    resolve_pronouns(units, state)
    open_memo(units)  # (the units are read, no longer written, from here to the sentence's end: kg.extract.memo)
    try:
        _rules(s, units, state)
    finally:
        close_memo()


def _rules(s: Sentence, units: list[Unit], state: State) -> None:
    """The frames, the rules and the discourse carried forward of one sentence whose units are read only."""
    frames = find_frames(units, state)
    ctx = SentenceContext(s, units, frames, state)
    products = ctx.products
    # the cue classes of the sentence: a rule with none of its triggers is skipped
    present: set[str] = set().union(*[u.cls for u in units if u.cls])
    told = len(state.relations)  # the relations this sentence adds come after
    supply = state.last_supply
    # (an idle rule, with no product to look at or provide, is not in the plan where its triggers are absent)
    for r, fn, triggers, _idle, requires, provides, written in _plan(present):
        if triggers is not None and triggers.isdisjoint(present):
            # ``r.wanted`` where the triggers are absent, in place (a call for every rule of every sentence):
            # a product the rule requires is not empty
            for product in requires:
                if products.get(product):
                    break
            else:
                for product in provides:  # as if it ran and found nothing
                    products[product] = nothing(product)
                for product in written:
                    state.absorb(product, products[product])
                continue
        before = len(products)
        found = fn(ctx)  # (``r(ctx)`` without the call through Rule.__call__)
        for rel in found:
            if rel.type != r.relation:
                raise RuleError(f"rule {r.name} is declared for {r.relation!r} but returned {rel.type!r}")
        state.relations.extend(found)
        if len(products) != before:
            # a rule adds products and never removes one: what it added comes last (no set of the keys
            # before and after every rule)
            for product in list(products)[before:]:
                if product not in provides:
                    raise RuleError(f"rule {r.name} provides {product!r} without declaring it")
                state.absorb(product, products[product])
    state.prev_events = ctx.products.get("supply_events") or state.prev_events
    real = [ev for ev in ctx.products.get("supply_events", []) if not ev.inferred and ev.weapons]
    if real:
        state.last_weapons = list(real[-1].weapons)
        state.last_supply = next((ev for ev in reversed(real) if ev.supplier), state.last_supply)
        charged = {k for _, _, named in products.get("charged", []) for k in named}
        state.last_deal = next((ev for ev in reversed(real) if ev.supplier and charged.isdisjoint(ev.supplier)),
                               state.last_deal)
    if state.last_supply is not supply:
        state.last_supply_at = s.index
    met = {tuple(sorted((str(r.args.get("a")), str(r.args.get("b"))))) for r in state.relations[told:]
           if r.type == "meets" and r.sentence == s.index}
    state.pair = next(iter(met)) if len(met) == 1 else state.pair if not met else ()
    state.pair_fresh = len(met) == 1
    _carry_discourse(units, state, frames, present)
    state.report_author = report_author(units, state) or state.report_author
    if "SummitNoun" in present and (place := event_place(units)):  # (most sentences name no summit)
        state.event_place = (place, s.index)


_Step = tuple[Rule, RuleFn, frozenset[str] | None, bool, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
#: the rules, their steps, the classes that wake an idle step, class → bit mask of the idle steps it wakes (bit k:
#: step k), and mask → the steps a sentence with those woken looks at
_PLAN: tuple[list[Rule], list[_Step], frozenset[str], dict[str, int], dict[int, list[_Step]]] = \
    ([], [], frozenset(), {}, {})


def _crowd_subject(units: list[Unit]) -> bool:
    """The sentence opens (past one fronted phrase) with a count or plural marker and a common noun, naming no one up to
    its verb ("Di Panama, sejumlah kelompok masyarakat berunjuk rasa"): a crowd no party stands for, so the next
    sentence's "Mereka" means it (not where it names persons, bodies or a list: "Lima pejabat Korut, A, B dan C, …")."""
    if any(u.etype in ("PER", "ORG") or u.group for u in units):
        return False
    q = next((u.i for u in units[:-1] if u.cls and not u.etype and u.has("Quantifier", "NumberWord", "PluralMarker")
              and (u.i == 0 or units[u.i - 1].text == "," and opens_clause(units, u.i))), None)
    if q is None or not units[q + 1].text.isalpha():
        return False
    for v in units[q + 1:]:
        if v.is_verb():
            return True
        if v.etype or v.has("GovernmentNoun", "SourceNoun"):
            return False  # "sejumlah pejabat Korut", "ribuan tentara Rusia": a state's own people
    return False


def _plan(present: set[str]) -> list[_Step]:
    """The steps to look at, in run order, for a sentence whose units carry the cue classes ``present``: the
    active rules with their functions, triggers, whether they neither require nor provide a product (idle),
    requirements and products (and of those, the ones whose empty value the state absorbs: ``WRITES_NOTHING``),
    read once per rule set. An idle rule none of whose triggers is present is left out: ``_rules`` would skip it,
    and most rules of most sentences are such (a list per set of woken rules, not a test per rule per sentence)."""
    global _PLAN
    rules = active_rules()
    if _PLAN[0] is not rules:
        steps = [(r, r.fn, r.triggers, not r.requires and not r.provides, r.requires, r.provides,
                  tuple(p for p in r.provides if p in WRITES_NOTHING)) for r in rules]
        wake: dict[str, int] = {}
        for k, (_, _, triggers, idle, *_) in enumerate(steps):
            if idle and triggers is not None:
                for cls in triggers:
                    wake[cls] = wake.get(cls, 0) | 1 << k
        _PLAN = (rules, steps, frozenset(wake), wake, {})
    _, steps, classes, wake, chosen = _PLAN
    mask = 0
    for cls in classes.intersection(present):
        mask |= wake[cls]
    found = chosen.get(mask)
    if found is None:
        if len(chosen) >= 10_000:  # bounded: a long build may see many sets of cue classes
            chosen.clear()
        found = chosen[mask] = [st for k, st in enumerate(steps) if not st[3] or st[2] is None or mask >> k & 1]
    return found


def _carry_discourse(units: list[Unit], state: State, frames: list[Frame], present: set[str]) -> None:
    """What later sentences need: the last person, subject and topic, actors and groups, speaker. ``present``:
    the cue classes of the units."""
    topic = None
    fronted_object = False  # the topic so far is the object of a fronted clause's verb
    named_person = False  # a person named by name (no pronoun)
    states: dict[str, None] = {}
    groups_before = len(state.groups)
    core: dict[str, None] = {}
    weapons: dict[str, None] = {}
    first = None
    subject_group: tuple[str, ...] | None = None
    for u in units:  # discourse state for later sentences: every case is about a mention (or a resolved
        etype = u.etype  # pronoun, which has its entity's type), so plain words are passed over
        if not etype:
            continue
        key, pron = u.key, u.pron
        if etype == "PER" and not pron:
            named_person = True
        if etype == "PER" and key and not pron and u.keys:  # (not "adik pemimpin Korut X, Y": X names a relative)
            state.last_per = key
            if not u.title and not u.paren and not group_prep(units, u.i) and u.quote is None:
                state.last_subject = (key, u.start)
                if topic is not None and fronted_object and units[(u.i if u.title_at is None else u.title_at) - 1].text \
                        == "," and (v := past_function_words(units, u.i + 1)) < len(units) and units[v].is_verb():
                    # "Selain bertemu Milei, Kast dijadwalkan …": Kast; "Sebelum lawatan MBS, Menhan Saudi Khalid
                    # bin Salman lebih dulu terbang …": Khalid
                    topic, fronted_object = key, False
                fronted_object = fronted_object or topic is None and 0 < u.i < 4 and u.i + 1 < len(units) and \
                    units[u.i + 1].text == "," and (units[u.i - 1].is_verb() and not units[u.i - 1].has("AccordingTo")
                                                    or units[0].has("ClauseBoundary") and not units[0].etype)
                topic = topic or (state.topic if clitic_keeps_topic(units, u.i, state) else key)
        if etype == "PER" and key and pron == "3" and (u.i < 3 or units[u.i - 1].text == "," and not any(
                v.etype == "PER" for v in units[:u.i])):
            topic = topic or key  # "Ia …", "Di Amman, ia …" keeps the topic
        if etype in ACTORS and key and not pron:
            state.recent.append(key)
        if u.group and u.i == u.group[-1] and etype != "WEAPON" and not any(spouse_before(units, m - 1)
                                                                          for m in u.group[1:]):
            # (a leader with a spouse, "A dan istrinya B", is no pair a later "kedua pemimpin" means)
            g = actor_keys(units, u.i, state)
            if etype == "PER" and titled_prep(units, u.group[0]) is not None and subject_group is not None and \
                    len(subject_group) == len(g):
                state.object_groups[g] = subject_group  # "A bersama B … dengan Menlu C dan Menhan D"
            elif etype == "PER" and subject_group is None and titled_prep(units, u.group[0]) is None:
                subject_group = g
            state.groups.append(g)
            if are_sides(units, u.group):
                state.sides = g
        elif pron == "many" and len(u.keys) > 1:  # "Ketiganya …": a later "ketiganya" means the same three
            state.groups.append(tuple(u.keys))
            state.sides = tuple(u.keys)
        if etype == "GPE" and key and not pron and not u.paren and not u.title:
            states[key] = None
            if not u.modifier and u.possessor_of is None and not group_prep(units, u.i) and not compared(units, u.i):
                core[key] = None
        # weapons named as a cargo ("menurunkan muatan persenjataan"): a shipment the next sentence tells of
        if etype == "WEAPON" and key and u.i > 0 and units[u.i - 1].has("PackageNoun") and not units[u.i - 1].etype:
            weapons[key] = None
        # the first actor of a quoted sentence that is no object: whom a quoted "Mereka …" next continues
        if first is None and u.quote is not None and etype in ACTORS and key and not u.paren and not u.title \
                and not group_prep(units, u.i):
            first = u
    state.topic = topic or state.topic
    # the subject body before the first verb (loops, not generators: they run for every word of every sentence;
    # most words have no class, which is asked first)
    body = government = None
    state.lead_group = ()
    state.crowd = _crowd_subject(units)
    for u in units:
        if u.cls and u.is_verb() and "ListIntro" not in u.cls:  # ("negara-negara X, termasuk A, B dan C, …": A, B, C)
            break
        if not state.lead_group and len(u.group) > 1 and u.i == u.group[0] and u.etype in ACTORS and not u.paren \
                and not group_prep(units, u.i) and u.quote is None:
            state.lead_group = actor_keys(units, u.group[-1], state)  # "A, B dan C mengeluarkan … . Mereka …"
        if body is None and u.etype in ("ORG", "GPE") and u.key and not u.paren and not u.title and \
                not group_prep(units, u.i) and u.quote is None:
            body = u.key
            # ("Pemerintah Den Haag menyatakan …", "Kementerian Luar Negeri X …"; not "Bukan hanya Venezuela.")
            government = body if u.etype == "ORG" or any(v.has("GovernmentNoun") for v in units[max(0, u.i - 2):u.i]) \
                else None
            if not (u.i + 2 < len(units) and units[u.i + 1].text == "," and units[u.i + 2].has("ListIntro")):
                break  # (past "negara-negara peserta MSMT, termasuk A, B dan C": the group the subject lists)
    state.last_body = body  # the last sentence's only: further back, "-nya" is anyone's guess
    state.group_fresh = len(state.groups) > groups_before
    state.last_government = government
    state.last_states = list(states)
    state.counted = counted_unnamed(units)
    state.core_states = list(core)
    state.named_weapons = list(weapons)
    # "X menerima telepon dari Y. Dalam percakapan itu, keduanya membahas …": the next sentence goes on with the call
    # ("Keduanya membahas …. Mereka juga membicarakan …": a sentence that names no one goes on with it too)
    if "RemoteCue" in present:
        state.remote_talk = tuple(dict.fromkeys(k for u in units if u.etype == "PER" for k in u.keys))
    elif named_person:
        state.remote_talk = ()
    state.quoted_subject = actor_keys(units, first.i, state) if first is not None else ()
    if frames:
        explicit = [f for f in frames if f.verb is not None and f.speaker]
        if explicit:
            verb = explicit[-1].verb
            state.spoke(explicit[-1].speaker, units[verb].start, personal(units, 0, verb))
