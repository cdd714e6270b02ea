"""Resolution of an article: every mention linked to an entity (gazetteer entry, in-document alias,
or a new entity named as written), metonyms to their states outside the dateline."""

from __future__ import annotations

import re
from dataclasses import fields
from functools import cache

from kg.cues import cues
from kg.resolve.accents import plain
from kg.resolve.bare import (
    owner_after,
    owner_state,
    possessed_template,
    qualified_bodies,
    sentence_state,
    speaker_state,
    state_after,
    state_key,
    state_named_body,
    styled_state,
    title_template,
)
from kg.resolve.bodies import body_canonical, body_template, default_body, fill, home_country, rendered, state_bodies
from kg.resolve.brackets import ACRONYM_IN_BRACKETS, alias_parentheticals, spelled_out, typed
from kg.resolve.described import described_mentions
from kg.resolve.english import place_name
from kg.resolve.headline import without_headline_words
from kg.resolve.joined import joined, list_mates
from kg.resolve.lookup import GazEntry, article_forms, gazetteer
from kg.resolve.mentions import (
    appositive_firms,
    appositive_persons,
    body_mentions,
    byline_mentions,
    dateline_mentions,
    dateline_span,
    firm_mentions,
    gazetteer_mentions,
    sentence_tokens,
    titled_person_mentions,
)
from kg.resolve.mistyped import no_word_persons, persons_mistyped
from kg.resolve.names import Spans, norm, slug, whole_word_elsewhere
from kg.resolve.orgshort import alias_first_words
from kg.resolve.panels import panel_mentions
from kg.resolve.repair import repair
from kg.resolve.spelling import corrected
from kg.resolve.surnames import described_in, relative_named, surname_mentions, without_family_tails
from kg.types import Doc, Entity, Mention
from kg.typos import one_edit
from kg.weapons import lexicon

#: sentences after which a body's or its head's state no longer tells whose a bare body of that kind is: a story
#: may list a foreign minister in its opening and speak of its own state's ministry near its end
TITLE_REACH = 12


def resolve(doc: Doc) -> tuple[dict[str, Entity], list[tuple[Mention, str]]]:
    """Entities of an article and the (mention, entity key) links, in text order.

    Mention types in the links are the resolved ones (GPE for states and metonyms).
    """
    gaz = gazetteer()
    lex = lexicon()
    c = cues()
    text = doc.article.text
    date_start, date_end = dateline_span(doc)

    known: list[tuple[Mention, str]] = gazetteer_mentions(doc)
    known += [(m, k) for m, k in dateline_mentions(doc) if not any(o.start == m.start and o.end == m.end for o, _ in known)]
    tokens = sentence_tokens(doc)  # the finders below read the same tokens
    known += panel_mentions(doc, known, tokens)
    weapons: list[tuple[Mention, str]] = []
    # models this article introduced with a type's words (WeaponLexicon.named: "rudal Zephyr-9"), by the names
    # they take alone later: read here first, so that a model another article gave the same name does not win
    made: dict[str, str] = {}
    for m in doc.mentions:
        if m.type == "WEAPON":
            form = " ".join(m.text.lower().split())
            key = made.get(form) or lex.forms.get(form)
            if key:
                weapons.append((m, key))
                if form not in lex.listed:
                    words = form.split()
                    for k in range(1, len(words)):
                        made.setdefault(" ".join(words[k:]), key)
    # the gazetteer and the weapon lexicon explain these spans; NER keeps only what is left
    taken = Spans([(m.start, m.end) for m, _ in known] + [(m.start, m.end) for m, _ in weapons])
    unknown: list[Mention] = []
    acronyms = frozenset(ACRONYM_IN_BRACKETS.findall(text))
    for m in doc.mentions:
        if m.type != "WEAPON":
            unknown += repair(m, taken, text, acronyms)
    unknown += byline_mentions(doc)
    unknown += body_mentions(doc, known, tokens)
    unknown += titled_person_mentions(doc, known, tokens)
    unknown += appositive_persons(doc, known, tokens) + described_mentions(doc, known, tokens)
    firms = firm_mentions(doc, known, tokens) + appositive_firms(doc, known, tokens) + spelled_out(doc, known)
    for n, u in enumerate(unknown):  # "[PT PAL] Kaharuddin Djenod": the tagger's span runs on past the firm
        # (or starts inside it: "[Toyota Motor] [Corp Akio Toyoda]", the firm's legal word in the person's span)
        f = next((f for f in firms if f.start <= u.start < f.end), None) if u.source == "ner" else None
        if f is not None and u.end > f.end and (rest := text[f.end:u.end]).strip():
            a = f.end + len(rest) - len(rest.lstrip())
            unknown[n] = Mention(text[a:u.end], "PER" if " " in text[a:u.end].strip() else u.type, a, u.end,
                                 u.sentence, u.source)
    unknown += firms
    # a weapon word inside a firm's name ("Xiamen Limbach [Aircraft] Engine Co Ltd") or inside a known organisation's,
    # ending it too ("Interstate [Arms]"; a name no longer than the weapon's stays the weapon's)
    orgs = [m for m, k in known if gaz.entries[k].type == "ORG"]
    weapons = [(w, k) for w, k in weapons if not any(f.start <= w.start and w.end < f.end for f in firms) and not any(
        m.start <= w.start and w.end <= m.end and (m.start, m.end) != (w.start, w.end) for m in orgs)]
    unknown = joined(unknown, text)
    unknown += list_mates(unknown + [m for m, _ in known], [(w.start, w.end) for w, _ in weapons], text)
    unknown = without_headline_words(_without_sentence_openers(unknown, doc), doc)
    unknown = _firms_of_titles(unknown, text)
    # longest span wins; on equal length gazetteer > byline > ner; weapons are already clean
    pool: list[tuple[Mention, str | None]] = [(m, k) for m, k in known] + [(m, None) for m in unknown]
    rank = {"gazetteer": 0, "pattern": 1, "byline": 1, "ner": 2}
    pool.sort(key=lambda p: (-(p[0].end - p[0].start), rank.get(p[0].source, 3), p[0].start))
    kept: list[tuple[Mention, str | None]] = []
    weapon_spans = Spans((w.start, w.end) for w, _ in weapons)
    kept_spans = Spans()
    for m, k in pool:
        if _designation(m, weapons, text):
            continue
        if not weapon_spans.overlaps(m.start, m.end) and not kept_spans.overlaps(m.start, m.end):
            kept.append((m, k))
            kept_spans.add(m.start, m.end)
    kept.sort(key=lambda p: p[0].start)
    kept = no_word_persons(persons_mistyped(without_family_tails(kept, text)))

    entities: dict[str, Entity] = {}
    links: list[tuple[Mention, str]] = []

    def add(m: Mention, key: str, canonical: str, etype: str, qid: str | None) -> None:
        if key not in entities or (entities[key].type != etype and m.source == "gazetteer"):
            entities[key] = Entity(key, canonical, etype, qid)
        links.append((typed(m, entities[key].type), key))

    # full person names of this article, for "Kirby" → "John Kirby", "Kim" → "Kim Jong Un"
    persons: dict[str, list[tuple[int, str, str]]] = {}  # name part → [(offset, key, full name)]
    for m, k in kept:
        if (k and gaz.entries[k].type == "PER") or (not k and m.type == "PER" and " " in m.text.strip()):
            key = k or gaz.lookup(m.text) or gaz.spelled_person(m.text) or slug(m.text)
            full = gaz.entries[key].canonical if key in gaz.entries else " ".join(m.text.split())
            for tok in re.split(r"[\s]+", m.text.strip()):
                if len(tok) > 1:
                    # ("Burhan" after "Abdel Fattah al-Burhan", "Al-Sharaa" after "Ahmed al-Sharaa")
                    for part in {tok, tok.split("-")[0], *article_forms(tok)}:
                        persons.setdefault(part, []).append((m.start, key, full))
            for words in {tuple(m.text.split()), tuple(full.split())}:
                for i in range(1, len(words) - 1):  # "Al Hameli" after "Afra Al Hameli": the name's last words
                    # ("Marcos Jr" after "Ferdinand Marcos Jr.": the suffix's period is often left off)
                    # ("De Zela" after "Hugo de Zela": a particle that opens the name is capitalised)
                    rest = " ".join(words[i:])
                    opened = rest[:1].upper() + rest[1:]
                    for tail in {rest, rest.rstrip("."), opened, opened.rstrip(".")}:
                        persons.setdefault(tail, []).append((m.start, key, full))
                for i in range(2, len(words)):  # "Mirghani Idris" after "Mirghani Idris Suleiman": its first words
                    persons.setdefault(" ".join(words[:i]), []).append((m.start, key, full))

    folded = cache(lambda: _folded(persons))  # the name parts without their marks, for the few names that need them
    # where each person's name ends: a name inside an appositive on one of them describes that one
    ends = [m.end for m, k in kept if m.type == "PER" or (k and gaz.entries[k].type == "PER")]
    kept += surname_mentions(doc, persons, kept, weapons)
    kept.sort(key=lambda p: p[0].start)
    stated: dict[str, str] = {}  # body template → the last body named with its state
    made: dict[str, tuple[str, str, str, str | None]] = {}  # body template → another state's body its bare form named
    # body template → (state, sentence) of the last such body or its head ("Menhan Malaysia")
    titled: dict[str, tuple[str, int]] = {}
    # the state the story is about, read only for a bare body no earlier name has tied to a state
    home = cache(lambda: _home_state(kept, text, date_start, date_end))
    filed = cache(lambda: _filed_state(kept, date_start, date_end))
    # the state the story is set in: its dateline's, unless that is the home desk's, else the one it is about
    setting = cache(lambda: there if (there := filed()) is not None and there != home_country() else
                    (about[0] if (about := home()) else None))
    qualified = qualified_bodies(kept)
    for m, k in kept:
        if k is not None and (q := qualified.get(norm(m.text))) and q != k and gaz.entries[k].type == "ORG" and \
                state_key(k) is not None:
            k = q  # "anggota DPR …" after "anggota DPR AS …": the House the article named
        template, bare = body_template(m.text) if (k and gaz.entries[k].type == "ORG") else (None, True)
        if template is not None and not bare:
            stated[template] = k
            titled.pop(template, None)
            made.pop(template, None)  # ("… Kongres Peru … Kongres AS … Kongres": the US Congress again)
        if k is not None and template is not None and bare:
            if (own := state_after(m, k, kept, text)) is not None:
                # "Kongres Peru": the form the gazetteer gives one state's body ("Kongres": the US Congress) with
                # another state right after it names that state's; a bare form later in the story means it again
                made[template] = _state_body(m, template, own)[1:]
            if template in made:
                add(typed(m, "ORG"), *made[template])
                continue
        if k is not None and (head := title_template(text, m.start)) is not None and (official := state_key(k)) is not None:
            titled[head] = (official, m.sentence)  # "Menhan Malaysia …": a bare ministry after it is Malaysia's
            stated.pop(head, None)
        if k is not None and (own := _named_namesake(m, k, persons)) is not None:
            add(typed(m, "PER"), own[1], own[2], "PER", e.wikidata if (e := gaz.entries.get(own[1])) else None)
            # ("Francesca Albanese … Albanese": she, not the Australian PM)
            continue
        if k is not None:
            e = gaz.entries[k]
            in_dateline = date_start <= m.start < date_end
            if e.metonym_for and not in_dateline and not _seat_as_place(gaz.entries[e.metonym_for], m, text) \
                    and not _local_office(m, text):
                target = gaz.entries[e.metonym_for]
                add(typed(m, target.type), target.key, target.canonical, target.type, target.wikidata)
            else:
                add(m, e.key, e.canonical, e.type, e.wikidata)
            continue
        surface = " ".join(m.text.split())
        if m.start == date_start < date_end and surface.isupper() and len(surface) > 3:
            # "GENEWA, KOMPAS.com -": the dateline's place in capitals is that city, whatever the tagger said
            city = surface.title()
            key = gaz.lookup(city)
            e = gaz.entries.get(key) if key else None
            add(typed(m, "GPE"), e.key if e else slug(city), e.canonical if e else city, "GPE",
                e.wikidata if e else None)
            continue
        if m.type == "ORG":
            surface = corrected(surface)  # "Departmen Keuangan AS": the Treasury despite the typo
        if m.type == "ORG" and (template := possessed_template(surface)) is not None and \
                (owner := owner_state(m, kept)) is not None:
            add(*_state_body(m, template, owner))  # "Iran … Kementerian Luar Negerinya": Iran's foreign ministry
            continue
        key = gaz.lookup(surface) or (gaz.spelled_person(surface) if m.type == "PER" else None)
        template, bare = body_template(surface) if m.type == "ORG" else (None, False)
        if key is None and template is None and m.type == "ORG" and (about := home()):
            key = state_named_body(surface, about[1])  # "Partai Buruh" in a story on North Korea: its party
        if key is None and bare and (there := _seated_in(m, kept, text)) is not None:
            # "Kementerian Luar Negeri di Addis Ababa menyatakan …": the body of the state it sits in
            canonical = fill(template, gaz.entries[there].canonical)
            add(typed(m, "ORG"), slug(canonical), canonical, "ORG", None)
            continue
        if key is None and bare and (owner := owner_after(m, kept, text)) is not None:
            add(*_state_body(m, template, owner))  # "Kementerian Luar Negeri Taliban": Afghanistan's
            continue
        if key is None and bare:  # "Departemen Keuangan" after "Departemen Keuangan AS": the same body
            key = stated.get(template) or default_body(template)
            # "Juru Bicara Kementerian Luar Negeri Yvonne Mewengkang": the body of the official named after it
            state = speaker_state(m, kept, text)
            if state is None and m.sentence - titled.get(template, ("", -TITLE_REACH))[1] < TITLE_REACH:
                state = titled[template][0]  # "Menhan Malaysia X … Kementerian Pertahanan": Malaysia's
            if state is None and template not in stated and key is not None and (about := home()) and \
                    gaz.state_of(key) not in about[1]:
                # a story that never names the home state tells of the bodies of the state it was filed in, where
                # that is abroad ("WASHINGTON - … Departemen Keuangan mengumumkan sanksi terhadap perusahaan Iran":
                # the Treasury), else of the state it is about (a story about Denmark: its "Kementerian Pertahanan")
                state = styled_state(norm(corrected(surface)), about[1]) or \
                    (there if (there := filed()) is not None and there != gaz.state_of(key) else about[0])
            if state is None and key is None:  # a kind of body the home state does not have
                state = sentence_state(m, kept) or (about[0] if (about := home()) else None)
            if state is not None and not (key is not None and gaz.state_of(key) == state):
                add(*_state_body(m, template, state))
                continue
        full = surface
        cands = [c for c in persons.get(surface, ()) if len(c[2]) > len(surface)] if key is None else []
        if not cands and key is None and m.type == "PER":  # "Levy" after "Bernard-Henri Lévy": marks left off
            cands = [c for c in folded().get(plain(surface), ()) if len(c[2]) > len(surface)]
        if cands:
            # a short name of someone named in full in this article: the closest one named before
            # it ("Yusuf Haddad … Layla Haddad … kata Haddad"), else the first named after it
            before = [c for c in cands if c[0] < m.start]
            principal = [c for c in before if not relative_named(text, c[0]) and not described_in(text, c[0], ends)]
            if principal and len({c[1] for c in before}) > 1:
                before = principal  # "PM X beserta istri, Mariko X … X disambut …": the short name is the leader's
            _, key, full = before[-1] if before else min(cands)
        if key is None and m.type == "PER" and surface.split()[-1] in gaz.short and " " not in surface:
            key = gaz.short[surface]
        if key is not None and key in gaz.entries:
            e = gaz.entries[key]
            target = gaz.entries[e.metonym_for] if e.metonym_for and not date_start <= m.start < date_end else e
            add(typed(m, target.type), target.key, target.canonical, target.type, target.wikidata)
            continue
        if key is not None:  # an in-document person without a gazetteer entry
            add(typed(m, "PER"), key, full, "PER", None)
            continue
        etype = m.type
        if etype == "LOC":
            first = surface.split()[0].lower()
            etype = "LOC" if "LocationHead" in c.classes(first) else "GPE"
        canonical = surface
        if m.source == "pattern" and etype == "ORG":  # a body of a state: an English name where one is known
            tail = gaz.find(surface)
            canonical = body_canonical(surface, tail[-1][2] if tail else None, text[m.end:m.end + 60], setting())
            if tail and (of := state_key(tail[-1][2])) is not None and (kind := body_template(surface)[0]):
                titled[kind] = (of, m.sentence)  # "Mahkamah Agung Belanda … Mahkamah Agung": the Netherlands' again
                stated.pop(kind, None)
            if (known := gaz.lookup(canonical)) is not None and gaz.entries[known].type == "ORG":
                e = gaz.entries[known]  # "Kemenkeu AS": the Treasury, under its own key
                add(typed(m, "ORG"), e.key, e.canonical, "ORG", e.wikidata)
                continue
        elif etype == "ORG" and (english := rendered(surface)) is not None:
            # "Front Pembebasan Rakyat Tigray": named in English, as others name it
            if (known := gaz.lookup(english)) is not None and gaz.entries[known].type == "ORG":
                e = gaz.entries[known]
                add(typed(m, "ORG"), e.key, e.canonical, "ORG", e.wikidata)
                continue
            canonical = english
        elif etype in ("LOC", "GPE") and (english := place_name(surface)) is not None:
            # "Pangkalan Udara Nevatim": Nevatim Air Base, as English names it
            if (known := gaz.lookup(english)) is not None and gaz.entries[known].type in ("LOC", "GPE"):
                e = gaz.entries[known]
                add(typed(m, e.type), e.key, e.canonical, e.type, e.wikidata)
                continue
            canonical = english
        add(typed(m, etype), slug(canonical), canonical, etype, None)

    for m, key in weapons:
        concept = lex.concepts[key]
        add(m, key, concept.canonical, "WEAPON", None)
    links.sort(key=lambda p: p[0].start)
    alias_parentheticals(text, links, entities)
    links.sort(key=lambda p: p[0].start)
    alias_first_words(links, entities)  # "Gasabo Gold Refinery … kilang Gasabo"
    return entities, links


#: ``_typed`` builds a Mention from these fields: a new one must be added there too.
assert tuple(f.name for f in fields(Mention)) == ("text", "type", "start", "end", "sentence", "source")


def _folded(persons: dict[str, list[tuple[int, str, str]]]) -> dict[str, list[tuple[int, str, str]]]:
    """``persons`` keyed by each name part without its marks ("Lévy" and "Levy" both under "Levy")."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    for part, found in persons.items():
        out.setdefault(plain(part), []).extend(found)
    return out


def _home_state(kept: list[tuple[Mention, str | None]], text: str, date_start: int, date_end: int
                ) -> tuple[str, dict[str, int]] | None:
    """The state an article is about: the one its known places and states name most often, at least twice (the
    dateline and a maker's origin, "buatan Prancis", aside), the first named on a tie; with every state its text names,
    through places, bodies and officials (not the dateline's). None for an article about no state."""
    gaz = gazetteer()
    counts: dict[str, int] = {}
    named: set[str] = set()
    # a dateline names no state: "Jakarta -" heads foreign news of a home desk as well; a story about the home
    # state names its officials, bodies or places in its text
    c = cues()
    for m, k in kept:
        if k is not None and not date_start <= m.start < date_end and (of := state_key(k)) is not None:
            named.add(of)  # the home state's officials, places and bodies name it too ("Menhan Sjafrie")
        if k is None or gaz.entries[k].type != "GPE" or date_start <= m.start < date_end:
            continue
        state = gaz.state_of(k)
        if state is None or gaz.entries[state].type != "GPE":
            continue
        named.add(state)
        before = text[max(0, m.start - 20):m.start].split()
        if not (before and "OriginNoun" in c.classes(before[-1].lower())):  # not "Naval Group asal Prancis"
            counts[state] = counts.get(state, 0) + 1
    if not counts:
        return None
    top = max(counts, key=counts.__getitem__)
    # a state named once is no story's subject; each state named comes with how often its places and name occur
    return (top, {k: counts.get(k, 0) for k in named}) if counts[top] >= 2 else None


def _filed_state(kept: list[tuple[Mention, str | None]], date_start: int, date_end: int) -> str | None:
    """The state of the city an article's dateline names ("WASHINGTON -"), None without a dateline."""
    for m, k in kept:
        if date_start <= m.start < date_end and k is not None:
            return state_key(k)
        if m.start >= date_end:
            break
    return None


def _state_body(m: Mention, template: str, state: str) -> tuple[Mention, str, str, str, str | None]:
    """What ``add`` takes for a state's body a template names: the gazetteer's own body where it has one."""
    gaz = gazetteer()
    if (own := state_bodies().get((template, state))) is not None:
        e = gaz.entries[own]
        return typed(m, "ORG"), e.key, e.canonical, "ORG", e.wikidata
    canonical = fill(template, gaz.entries[state].canonical)
    return typed(m, "ORG"), slug(canonical), canonical, "ORG", None


def _seated_in(m: Mention, kept: list[tuple[Mention, str | None]], text: str) -> str | None:
    """The state a body named without one sits in, told right after it ("Kementerian Luar Negeri di Addis
    Ababa"): a locative preposition, then a known place."""
    nxt = next(((n, k) for n, k in kept if n.start > m.end), None)
    if nxt is None or nxt[1] is None:
        return None
    between = text[m.end:nxt[0].start].split()
    if len(between) != 1 or "LocativePrep" not in cues().classes(between[0]):
        return None
    return gazetteer().state_of(nxt[1])


_OPENER = re.compile(r"[\"'“‘(\[\s-]*")


def _without_sentence_openers(found: list[Mention], doc: Doc) -> list[Mention]:
    """"Wartawan sempat bertanya …", "Penyelidik belakangan …": a lone capitalised word the tagger calls a
    person, which the article writes only where a sentence opens, is a common word in its capital; a name
    comes back mid-sentence ("kata Muhaimin") or in a longer name."""
    words = {m.text.strip() for m in found if m.type == "PER" and " " not in m.text.strip()}
    if not words:
        return found
    text = doc.article.text
    named = {w for m in found if " " in m.text.strip() for w in m.text.split()}
    opens = {s.start + len(_OPENER.match(s.text).group(0)) for s in doc.sentences}
    mid = {w for w in words if w in named or whole_word_elsewhere(w, text, opens)}
    return [m for m in found if not (m.type == "PER" and m.source == "ner" and m.text.strip() in words - mid)]


def _firms_of_titles(found: list[Mention], text: str) -> list[Mention]:
    """"CEO Vantor, Dan Smoot", "pendiri Palantir, Peter Thiel": one word the tagger calls a person, after a
    title that is not a state's and before a full name set off by a comma, is the body the title is of."""
    c = cues()
    starts = {m.start for m in found if m.type == "PER" and len(m.text.split()) >= 2}  # full names
    out = []
    for m in found:
        before = text[max(0, m.start - 40):m.start].split()
        after = text[m.end:m.end + 3]
        if m.type == "PER" and m.source == "ner" and " " not in m.text.strip() and before and after.startswith(", ") \
                and "RoleTitle" in (cls := c.classes(before[-1])) \
                and not any(k in cls for k in ("HeadOfStateTitle", "GovernmentTitle", "Rank")) \
                and m.end + 2 in starts:
            m = Mention(m.text, "ORG", m.start, m.end, m.sentence, m.source)
        out.append(m)
    return out


def _designation(m: Mention, weapons: list[tuple[Mention, str]], text: str) -> bool:
    """"kapal selam kelas Virginia", "fregat tipe Istif": a name after a designation noun that follows a
    weapon names the weapon's class, not a state or a person."""
    if not weapons:
        return False  # (most articles: asked of every candidate mention)
    before = text[max(0, m.start - 40):m.start].split()
    if not before or "DesignationNoun" not in cues().classes(before[-1].lower()):
        return False
    noun_at = len(text[:m.start].rstrip()) - len(before[-1])  # where the designation noun starts
    return any(0 <= noun_at - w.end <= 2 for w, _ in weapons)


def _seat_as_place(target: GazEntry, m: Mention, text: str) -> bool:
    """A body's seat after a place preposition is the city ("bertemu di Brussel"); acting, it is the
    body ("Brussel menilai …"). A capital stands for its state either way (visiting Moscow visits Russia)."""
    if target.type == "GPE":
        return False
    prev = text[max(0, m.start - 12):m.start].split()
    return bool(prev) and not cues().classes(prev[-1].lower()).keys().isdisjoint(("LocativePrep", "GoalPrep"))


def _local_office(m: Mention, text: str) -> bool:
    """A city right after the title of its own office ("Wali Kota Tbilisi X", "Gubernur Jakarta"): the city
    itself, whose mayor or governor the person is, not the state its name stands for elsewhere."""
    prev = text[max(0, m.start - 24):m.start].lower().split()
    c = cues()
    return any("LocalTitle" in c.classes(prev[-1]) if n == 1 else
               any(k == n and cls == "LocalTitle" for k, cls, _ in c.match_phrase(prev, len(prev) - n))
               for n in (1, 2, 3) if len(prev) >= n)


def _named_namesake(m: Mention, k: str, persons: dict[str, list[tuple[int, str, str]]]) -> tuple[int, str, str] | None:
    """The person named in full earlier in the article whom a lone surname the gazetteer knows as someone else's short
    name stands for ("Francesca Albanese … Albanese menanggapi …": she, not Anthony Albanese), or None; only where the
    article names the gazetteer's person nowhere in full, nor writes his own name otherwise (another first name)."""
    surface = " ".join(m.text.split())
    gaz = gazetteer()
    if " " in surface or gaz.short.get(surface) != k or norm(surface) in gaz.forms:
        return None
    cands = [c for c in persons.get(surface, ()) if len(c[2]) > len(surface) and c[0] < m.start]
    if not cands or any(c[1] == k and c[0] != m.start for c in persons.get(surface, ())):
        return None
    mine, known = cands[-1][2].split()[0].lower(), gaz.entries[k].canonical.split()[0].lower()
    # (not the known one written otherwise: "Gilberto Teodoro" is "Gilberto C. Teodoro Jr.", "Esmail" "Esmaeil")
    return None if mine == known or len(mine) >= 5 and one_edit(mine, known) else cands[-1]
