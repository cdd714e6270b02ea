"""Building a sentence's units (:class:`kg.units.Unit`): mentions as single units, words with their cue classes,
and how actors sit in the clause (brackets, prepositions, noun modifiers, weapon possessors, coordination
groups, relatives named after a kin noun). Apart from ``kg.units`` so the unit type and the small helpers every
rule reads stay in a short module of their own.
"""

from __future__ import annotations

import re

from kg import listed
from kg.cues import ANY, NOUN, POSSESSIVE, VERB_VOICES, cues
from kg.types import Entity, Mention, Sentence
from kg.units import ACTORS, STOP_PUNCT, Unit, abbrev_dot

#: (possessive: nothing follows a repeat that could take it back, so the first match is the match; the engine,
#: spared the backtracking state, finds the same tokens in about half the time of plain repeats)
_TOKEN = re.compile(r"\d++(?:[.,]\d++)++|\w++(?:[-'’]\w++)*+|[^\w\s]")
_JOINT_WORD = {"FunctionWord": ANY}  # a "with" word read as "joint" (shared: never written to)


def build_units(sentence: Sentence, text: str, links: list[tuple[Mention, str]],
                entities: dict[str, Entity], skip: set[int] | frozenset[int] = frozenset()) -> list[Unit]:
    """Units of one sentence: mentions (from ``links``) as single units, other tokens as words; none for a mark at an
    offset in ``skip`` (of a quotation inside a clause: kg.extract.inner_quotes)."""
    c = cues()
    mentions = [(m, k) for m, k in links if sentence.start <= m.start < sentence.end]
    units: list[Unit] = []
    lowers: list[str] = []
    openers: list[Unit] = []  # words a multi-word cue starts with
    named: list[Unit] = []  # the mention units and the words of a head's class: all the passes below look at
    headed: list[Unit] = []
    adverbs: list[Unit] = []  # words the pass below revises by their neighbours (adverb, companion, repeat link)
    lookup, known_words = c.lookup, c.lookups()  # (the memo of lookup, read first: one call less a word)
    pos, stop = sentence.start, sentence.end
    mi, nm = 0, len(mentions)
    n = 0  # len(units)
    while pos < stop:
        while mi < nm and mentions[mi][0].start < pos:
            mi += 1
        nxt = mentions[mi][0].start if mi < nm else stop
        if nxt == pos:
            m, k = mentions[mi]
            etype = entities[k].type if k in entities else m.type
            u = Unit(n, text[m.start:m.end], m.start, m.end, etype, k, (k,))
            n += 1
            units.append(u)
            if etype:
                named.append(u)
            lowers.append(u.text.lower())
            pos = m.end
            mi += 1
            continue
        # the words up to the next mention in one scan (a word running into it is cut there), looked up in the cue lexicon
        for tm in _TOKEN.finditer(text, pos, stop):
            a, b = tm.span()
            if a >= nxt:
                break
            if b > nxt:
                b = nxt
            if skip and a in skip:
                if b == nxt:
                    break
                continue
            word = text[a:b]
            info = known_words.get(word)
            known, low, opener = info if info is not None else lookup(word)
            u = Unit(n, word, a, b, None, None, (), known)  # (the lexicon's mapping: not copied, never written)
            n += 1
            units.append(u)
            lowers.append(low)
            if known and not _HEAD_CLASSES.isdisjoint(known):
                headed.append(u)
            if opener:  # a multi-word cue may start here: matched once all words are in
                openers.append(u)
            if known and ("VerbAdverb" in known or "CompanionPrep" in known or "RepeatLink" in known):
                adverbs.append(u)
            if b == nxt:
                break
        else:
            break  # no word left in the sentence
        pos = nxt
    for u in openers:
        for w, cls, voice in c.match_phrase(lowers, u.i):
            if w > u.span.get(cls, 1):
                # the word's own mappings, copied from the shared ones before the phrase is added
                u.cls = {**u.cls, cls: voice}
                u.span = {**u.span, cls: w}
                if cls in _HEAD_CLASSES:  # (listed twice at most: the passes mark indices)
                    headed.append(u)
                elif cls == "SameAdjective":  # "Dalam kesempatan yang sama Lavrov menuding …": no relative clause
                    u.cls = {k: v for k, v in u.cls.items() if k != "Relativizer"}
    for u in adverbs:
        if "CompanionPrep" in u.cls:  # "kecaman bersama atas …", "pernyataan bersama yang …": joint, no companion
            nxt = units[u.i + 1] if u.i + 1 < n else None
            if nxt is not None and u.i and NOUN in units[u.i - 1].cls.values() and not units[u.i - 1].etype and \
                    (nxt.text in STOP_PUNCT or "Preposition" in nxt.cls or "Relativizer" in nxt.cls):
                u.cls = _JOINT_WORD
        elif "RepeatLink" in u.cls and 0 < u.i < n - 1 and lowers[u.i - 1] == lowers[u.i + 1] and \
                not units[u.i - 1].etype or "VerbAdverb" in u.cls and u.i and units[u.i - 1].is_verb():
            # no clause opens at a verb's adverb ("menghentikan sementara pengiriman …") nor at the link of one word
            # said twice ("mengirim gelombang demi gelombang senjata")
            u.cls = {k: v for k, v in u.cls.items() if k != "ClauseBoundary"}
    _mark_structure(units, named, headed)
    _mark_relatives(units, named)
    return units


def _mark_relatives(units: list[Unit], named: list[Unit]) -> None:
    """"Putra Presiden Venezuela Nicolas Maduro", "adik pemimpin Korut Kim Jong Un, Kim Yo Jong": a person
    named after a kinship noun (across his title) only says whose relative is meant, so he stands for no
    actor; the relative, where a name follows, is the one the rules find. A spouse noun right before a
    bare name is apposition ("didampingi istri Iriana"), and so is one with "-nya" ("putranya, X")."""
    c = cues()
    for u in named:  # (the mention units: a person is one)
        if u.etype != "PER" or u.pron or not u.i:
            continue
        titled = owned = comma = False
        for j in range(u.i - 1, max(-1, u.i - 9), -1):
            p = units[j]
            if p.text == "," and not comma and j == u.i - 1 and j and (units[j - 1].etype in ("GPE", "ORG", "LOC")
                                                                    or _bare_name(units[j - 1])):
                comma = True  # "kerabat pemimpin Chechnya, X": a circle's leader in apposition to his title
                continue
            if comma and _bare_name(p):
                titled = True  # a place the tagger missed in the title ("pemimpin Chechnya")
                continue
            # (a kinship noun opening a sentence may come tagged as a person: "Adik perempuan …")
            cls = c.classes(p.low) if p.etype == "PER" and " " not in p.text else p.cls
            if comma and cls and "KinNoun" in cls and "CircleNoun" not in cls:
                break  # "putra Presiden Belarus, X": the son himself may be named
            if cls and "KinNoun" in cls and "RoleTitle" not in cls:  # not "putra mahkota"
                # "putranya, X" and "putra sulungnya X": the relative's own name in apposition
                if not (owned or p.low.endswith(POSSESSIVE)) and (titled or "SpouseNoun" not in cls):
                    u.keys = ()
                    if p.etype:
                        p.keys = ()
                break
            if p.etype in ("GPE", "ORG") or p.head_word or (p.cls and ("RoleTitle" in p.cls or "Rank" in p.cls)):
                titled = True
            elif not p.etype and "SourcePrep" in p.cls and j and "KinNoun" in units[j - 1].cls:
                continue  # "anak dari Jenderal X": the relative of X, "of" spelt out
            elif not (p.cls and ("PersonNoun" in p.cls or "TitleQualifier" in p.cls)) and \
                    not (p.text.replace("-", "").isalpha() and p.text.islower() and not p.cls and not p.is_verb()):
                break
            else:
                owned = owned or p.low.endswith(POSSESSIVE)


def _bare_name(u: Unit) -> bool:
    """A capitalised word that no tagger or cue class claims (a place's name the tagger missed)."""
    return not u.etype and not u.cls and u.text.isalpha() and u.text[:1].isupper() and not u.text.isupper()


def _kind(u: Unit) -> str:
    return "WEAPON" if u.is_weapon else "PER" if u.etype == "PER" else "OTHER"


_JOINS = ("Conjunction", "Preposition", "ClauseBoundary", "Relativizer")  # words that join, inside no title


def _next_member(units: list[Unit], k: int, kind: str) -> int:
    """Where the next member of a coordination starts, past what may stand before it: a person's
    title and the state or body it belongs to ("… dan [Kanselir Jerman] Olaf Scholz"), a weapon's
    quantity ("… dan [jutaan butir] amunisi"), an organisation's kind ("… maupun [kelompok] Houthi").
    ``k`` itself when nothing of the kind follows."""
    inside = k  # units before this one belong to a multi-word rank or title ("Marsekal Madya")
    for j in range(k, min(len(units), k + 8)):
        u = units[j]
        if j < inside:
            continue
        if kind == "PER" and u.span and not u.etype:
            inside = j + max(u.span.get("Rank", 1), u.span.get("RoleTitle", 1))
        if u.etype:
            if kind == "PER" and not u.paren and (u.etype in ("GPE", "ORG") or u.etype == "LOC" and j > k and
                                                  units[j - 1].has("PurposeConj", "LocativePrep")):
                continue  # the state or body in the title, or the region of an envoy's; a person must follow
            return j if _kind(u) == kind else k
        if kind == "PER" and (u.head_word or u.has("RoleTitle", "TitleQualifier", "Rank", "PersonHonorific")
                              or u.text in ("(", ")") or abbrev_dot(units, j)):
            continue  # "… dan Perdana Menteri (PM) Armenia Nikol Pashinyan", "… dan Ibu Iriana"
        titled = kind == "PER" and j > k and any(units[m].head_word or units[m].has("RoleTitle") for m in range(k, j))
        if titled and u.has("PurposeConj", "LocativePrep") and j + 1 < len(units) and \
                units[j + 1].etype in ("GPE", "ORG", "LOC") and not units[j + 1].paren:
            continue  # "… serta Duta Besar China untuk Indonesia Wang Lutong", "Atase Pertahanan RI di Beijing X"
        if titled and u.text.isalpha() and u.text.istitle() and not u.is_verb() and not u.has(*_JOINS) and \
                (not u.cls or any(units[m].etype in ("ORG", "GPE") for m in range(j + 1, min(len(units), j + 3)))):
            continue  # a title's own capitalised words ("… dan Kepala Protokol Negara Sri Lanka X", "Ketua Komite Tetap
            # Kongres Rakyat Nasional Y": words of a cue class only where they qualify the body named next)
        if kind == "PER" and j == k and u.has("SpouseNoun") and j + 1 < len(units) and \
                (units[j + 1].etype == "PER" or units[j + 1].text == "," and j + 2 < len(units) and
                 units[j + 2].etype == "PER"):
            inside = j + (2 if units[j + 1].text == "," else 1)  # "… dan istrinya(,) Akie Abe" (not "istri Presiden X")
            continue
        if kind == "PER" and j == k and u.has("KinNoun") and not u.has("RoleTitle", "SpouseNoun"):
            # "… dan menantu Presiden Donald Trump, Jared Kushner": the relative named after the comma
            return next((m + 1 for m in range(j + 2, min(len(units) - 1, j + 9)) if units[m].text == "," and
                         units[m + 1].etype == "PER" and units[m - 1].etype == "PER"), k)
        if kind == "PER" and j == k and u.has("CounterpartNoun"):
            # "Orban dan rekannya (dari Slovakia), Robert Fico,": the counterpart is the person named after
            inside = j + 1 + (j + 2 < len(units) and units[j + 1].has("SourcePrep", "OriginNoun")
                              and units[j + 2].etype in ("GPE", "ORG"))
            continue
        if kind == "PER" and u.text == "," and j > k and units[j - 1].etype in ("GPE", "ORG"):
            continue  # "… dan bos Dassault Aviation, Eric Trappier": a title's body set off before the name
        if kind == "PER" and not u.cls and u.text.isalpha() and u.text.islower() and \
                any(units[m].head_word or units[m].has("RoleTitle") for m in range(k, j)):
            continue  # "Joly bersama Sekretaris Negara bidang Pertahanan Stephen Fuhr": a title's own words
        if kind == "WEAPON" and (u.has("FunctionWord") or u.text[:1].isdigit()):
            continue
        if kind == "OTHER" and j == k and "FirmDescriptor" in u.cls and "GroupNoun" not in u.cls:
            # "produsen Smith & Wesson dan [distributor] Interstate Arms": a firm's trade before its name
            return j + 1 if j + 1 < len(units) and units[j + 1].etype == "ORG" and not units[j + 1].paren else k
        if kind == "OTHER" and j == k and "GroupNoun" in u.cls:
            # "… ke Iran maupun [kelompok] Houthi", "Amerika, Inggris, dan [entitas] Zionis": a body's kind, an epithet
            nxt = j + max(u.span.get("GroupNoun", 1), 1)
            return nxt if nxt < len(units) and units[nxt].etype in ("ORG", "GPE") and not units[nxt].paren else k
        if kind == "OTHER" and j == k and "PluralMarker" in u.cls and j + 2 < len(units) and not units[j + 1].etype \
                and units[j + 1].has("RoleTitle", "SourceNoun") and units[j + 2].etype == "ORG" and not units[j + 2].paren:
            return j + 2  # "Kinshasa dan para pakar PBB menuduh …": the body whose experts or officials speak
        if kind == "OTHER" and j == k and "GovernmentNoun" in u.cls:
            # "… kepada Hizbullah dan [pemerintah] Lebanon": the state named by its government
            nxt = j + max(u.span.get("GovernmentNoun", 1), 1)
            return nxt if nxt < len(units) and units[nxt].etype == "GPE" and not units[nxt].paren else k
        return k
    return k


def _semicolon_member(units: list[Unit], k: int) -> bool:
    """Whether the ";" at ``k`` goes on a list of titled persons ("Wakil Presiden China, A; Wakil Presiden
    Vietnam, B; …"): a title, not a bare name, follows (a bare name after ";" opens a new clause)."""
    if k + 1 >= len(units) or units[k].text != ";":
        return False
    j = k + 1 + ("Conjunction" in units[k + 1].cls)  # "…; serta D": the last member, also with a bare name
    nxt = _next_member(units, j, "PER")
    return (nxt > j or j > k + 1) and nxt < len(units) and units[nxt].etype == "PER"


def join_companion(units: list[Unit], i: int) -> None:
    """"Ia bersama Menhan Sjafrie …", "Dia dan pemimpin Korut Kim Jong Un …": a pronoun resolved to a person
    after the coordination pass joins the companion or the person coordinated after it (and that one's own list)
    in one group."""
    k = i + 1
    if k >= len(units) or units[i].group or units[k].etype:
        return
    cls = "CompanionPrep" if "CompanionPrep" in units[k].cls else "Conjunction" if "Conjunction" in units[k].cls \
        else None
    if cls is None:
        return
    m = _next_member(units, k + units[k].span.get(cls, 1), "PER")
    if m < len(units) and units[m].etype == "PER" and not units[m].paren:
        members = (i,) + (units[m].group or (m,))
        for j in members:
            units[j].group = members


def _fronted(units: list[Unit], i: int) -> bool:
    """"Menurut data SIPRI, China dan Rusia …", "Berbeda dengan Berlin, Inggris dan Prancis …": the comma
    after the actor at ``i`` closes a fronted source or adverbial, it lists nothing (asked only where a
    comma follows: most actors have none)."""
    # (not a passive's agent: "senjata yang dijanjikan oleh A, B dan C" lists its givers)
    # (nor the first of examples: "Sekutu AS, seperti Jepang, Australia dan Korsel, …" lists them)
    # (not a list after the subject's verb: "Trump berkunjung ke Qatar, Mesir, dan Yordania" names three places)
    # (nor the first of a list after a fronted phrase its comma closed: "Di luar Timur Tengah, India, Yunani dan …")
    p = next((x for x in range(i) if units[x].has("Preposition")), None) if i <= 4 else None
    return any(units[x].has("AccordingTo") for x in range(max(0, i - 3), i)) or \
        (p is not None and not units[i - 1].has("AgentPrep", "ListIntro") and not any(
            units[x].is_actor for x in range(p)) and not any(units[x].text == "," for x in range(p, i)))


def _membership(units: list[Unit], i: int) -> bool:
    """"anggota NATO, Polandia dan Slovakia, …", "anggota tetap DK PBB, Rusia dan China, …": the actor at ``i``
    names the body the ones after the comma are members of; it heads them, it is none of them."""
    return any(units[x].has("MemberNoun") and not units[x].etype for x in range(max(0, i - 2), i))


def _aside(units: list[Unit], k: int) -> int | None:
    """The ")" closing, within eight units, the bracket opened at ``k`` after a list member, where it only says
    something of that member ("Prancis (lewat Menlu Jean-Noël Barrot), Jerman dan Italia"): no sentence end,
    no verb, no other bracket inside. None otherwise."""
    for m in range(k + 1, min(len(units), k + 9)):
        v = units[m]
        if v.text == ")":
            return m if m > k + 1 else None
        # (a word of a verb's shape with only a preposition's classes is none: "melalui")
        verb = v.is_verb() and (not v.cls or not VERB_VOICES.isdisjoint(v.cls.values()))
        if v.text in STOP_PUNCT or v.text == "(" or verb or v.has("Conjunction"):
            return None
    return None


_DASHES = ("—", "–", "--")
DASH_ASIDE = 12  # how many units a dashed aside may hold


def _dash_asides(units: list[Unit]) -> list[tuple[int, int]]:
    """The spans set off by a pair of dashes after a name ("Polandia -- anggota NATO -- telah …", "X — sekutu Y —"):
    a dash is "—", "–" or two hyphens typed together; the pair must close within a few words."""
    marks = []
    k = 0
    while k < len(units):
        t = units[k].text
        if t in _DASHES:
            marks.append((k, k + 1))
        elif t == "-" and k + 1 < len(units) and units[k + 1].text == "-" and units[k].end == units[k + 1].start:
            marks.append((k, k + 2))
            k += 1
        k += 1
    out = []
    for (a, a_end), (b, _) in zip(marks, marks[1:], strict=False):
        if a > 0 and units[a - 1].etype and 0 < b - a_end <= DASH_ASIDE and \
                not any(v.text in (".", "!", "?") for v in units[a_end:b]):
            out.append((a_end, b))
    return out


def _vague_tail(units: list[Unit], k: int) -> bool:
    """A conjunction at ``k`` and then, within a few lower-case words, "lain"/"lainnya" ("dan sejumlah negara lain",
    "serta beberapa sekutu lainnya", "dan negara-negara Eropa lainnya"), or a quantifier before a common noun ("dan
    sejumlah negara Barat"): a list's last member left unnamed."""
    if k + 1 < len(units) and units[k].text == "," and "Conjunction" in units[k + 1].cls:
        k += 1  # ", dan sejumlah negara lain"
    if k >= len(units) or "Conjunction" not in units[k].cls or units[k].etype:
        return False
    k += units[k].span.get("Conjunction", 1)
    for n, v in enumerate(units[k:k + 5]):
        if n and v.etype in ("GPE", "LOC") and not v.paren:
            continue  # a place that says which others ("negara Eropa lainnya")
        head, dash, rest = v.text.partition("-")
        if v.etype or not (v.text.isalpha() or dash and head == rest and head.isalpha()) or not v.text.islower():
            return False
        if "RepeatAdjective" in v.cls or "RestWord" in v.cls:
            return True
        if n == 1 and "Quantifier" in units[k].cls and v.is_noun():
            return True  # "dan sejumlah negara Barat", "serta beberapa sekutu"
    return False


def plural_state_noun(word: str) -> bool:
    """A reduplicated plural of a noun for a state ("negara-negara")."""
    head, dash, rest = word.lower().partition("-")
    return bool(dash) and head == rest and "StateNoun" in cues().classes(head)


_HEAD_CLASSES = frozenset({"RoleTitle", "SourceNoun", "GovernmentNoun"})


def _capital_before(units: list[Unit], j: int) -> int | None:
    """Where "ibu kota" ending at ``j`` starts, when a preposition stands before it ("ke ibu kota Belgia")."""
    c = next((k for k in (j, j - 1) if k >= 1 and "CapitalNoun" in units[k].cls
              and k + units[k].span.get("CapitalNoun", 1) - 1 == j), None)
    return c if c is not None and "Preposition" in units[c - 1].cls else None


def _mark_structure(units: list[Unit], mentions: list[Unit], headed: list[Unit]) -> None:
    """Brackets, prepositions, noun modifiers, weapon possessors, coordination groups. ``mentions``: the mention
    units, ``headed``: the words with a class in ``_HEAD_CLASSES`` (``build_units`` lists both as it makes them:
    most units are plain words)."""
    heads: set[int] = set()  # words inside "menteri luar negeri", "juru bicara", "kantor kepresidenan"
    titled: set[int] = set()  # the qualifiers after a title's head: no noun the next name modifies
    for u in headed:
        for cls in ("RoleTitle", "SourceNoun", "GovernmentNoun"):
            if cls in u.cls:
                end = u.i + u.span.get(cls, 1)
                heads.update(range(u.i, end))
                if cls == "RoleTitle":  # "menteri luar negeri Jepang": the qualifiers written in lower case too
                    while end < len(units) and not units[end].etype and (
                            "TitleQualifier" in units[end].cls or plural_state_noun(units[end].text)):
                        end += 1  # (and "para menteri luar negeri negara-negara G7": the states' ministers)
                        titled.add(end - 1)
    for h in heads:
        units[h].head_word = True
    for a, b in _dash_asides(units):
        for v in units[a:b]:
            if v.etype:
                v.paren = True  # "Polandia -- anggota NATO -- meneken …": an aside, no party to the clause
    for u in mentions:
        j = u.i - 1
        if j >= 0 and units[j].text == "(" and j - 1 >= 0 and (units[j - 1].etype or units[j - 1].pron or any(
                k + units[k].span.get("TerrorListLabel", 1) == j for k in range(max(0, j - 6), j)
                if "TerrorListLabel" in units[k].cls)):  # (or a list's label: "Organisasi Teroris Asing (FTO)")
            u.paren = True
            u.prep = units[j - 1].prep
            continue
        if u.etype == "GPE" and j >= 3 and units[j].text == ")" and units[j - 2].text == "(" and \
                units[j - 3].etype == "ORG" and units[j - 1].paren:
            # "Badan Intelijen Nasional (NIS) Korea Selatan": the state after the acronym says whose body it is
            u.paren = True
            u.prep = units[j - 3].prep
            continue
        while j >= 0 and units[j].text in ("(", ")") or (j >= 0 and units[j].paren):
            j -= 1
        if j < 0:
            continue
        p = units[j]
        # (classes asked in place, not through ``Unit.has``: this runs for every mention of every sentence)
        if "Preposition" in p.cls:
            u.prep = p.low
        elif not p.cls and j and "Preposition" in units[j - 1].cls and units[j - 1].span.get("WitnessPrep") == 2:
            u.prep = f"{units[j - 1].low} {p.low}"  # "Araghchi, di hadapan Dewan Keamanan, menolak …": no subject
        elif (c := _capital_before(units, j)) is not None:
            u.prep = units[c - 1].low  # "ke ibu kota Belgia": the state is where the trip goes
        elif p.is_weapon and u.etype in ACTORS:
            u.possessor_of = j
        elif "WeaponAdjective" in p.cls and j and units[j - 1].is_weapon and u.etype in ACTORS:
            u.possessor_of = j - 1  # "tank baru Amerika": the state owns or makes the weapon
        elif p.is_noun() and p.i not in heads and p.i not in titled and "StatementNoun" not in p.cls and \
                not (j and units[j - 1].span.get("SameAdjective", 0) > 1) and \
                not plural_state_noun(p.text):  # ("kesempatan yang sama Lavrov …"; "negara-negara NATO" act)
            u.modifier = True
        elif p.etype == "GPE" and u.etype == "ORG":
            # "tentara bayaran Rusia Wagner": the organisation is the head, the state describes it
            p.modifier = True
    # coordination: actor (, actor)* (dan|serta|maupun|,) actor, brackets skipped; weapons likewise
    i = 0
    for u in mentions:
        if u.i < i or u.paren:
            continue
        i = u.i
        kind = _kind(units[i])
        members = [i]
        closed = False  # a list is a coordination only once a conjunction joins it: "A, B dan C"
        semis = 0  # titled members after a semicolon: "Wapres X, A; Wapres Y, B; Wapres Z, C" needs no conjunction
        j = i + 1
        while j < len(units):
            k = j
            while k < len(units) and (units[k].paren or units[k].text in ("(", ")")):
                close = _aside(units, k) if units[k].text == "(" else None
                k = k + 1 if close is None else close + 1  # "Prancis (lewat Menlu X), Jerman dan Italia"
            k = listed.past_bare_spouse(units, k) if kind == "PER" else k  # "PM A beserta istri, PM B …"
            k = listed.past_origin(units, k) if kind == "PER" else k  # "Presiden A dari Peru, PM B dari Australia"
            k = listed.past_appositive_title(units, k) if kind == "PER" else k  # "A, Presiden Kolombia, dan B"
            k = listed.past_located(units, k)
            hyphen = k < len(units) and units[k].text == "-" and k + 1 < len(units) and \
                units[k - 1].end == units[k].start and units[k].end == units[k + 1].start  # "Rusia-Korut"
            # "Sjafrie bersama Menlu Sugiono": a companion of a person is coordinated with them
            companion = kind in ("PER", "OTHER") and k < len(units) and "CompanionPrep" in units[k].cls
            if closed and kind == "OTHER" and k + 1 < len(units) and units[k].text == "," and \
                    "CompanionPrep" in units[k + 1].cls:  # "Inggris, Prancis dan Jerman, bersama AS, telah …"
                k, companion = k + 1, True
            # "A, B hingga C": a range's end closes a list of two or more like a conjunction
            ranged = len(members) > 1 and k < len(units) and "RangeEnd" in units[k].cls
            semi = kind == "PER" and _semicolon_member(units, k)
            # "kepada Tiongkok sekaligus Filipina": an addition word right between two parties of a kind joins them
            ranged = ranged or kind != "WEAPON" and k + 1 < len(units) and "ListAddition" in units[k].cls and \
                units[k].span.get("ListAddition", 1) == 1 and units[k + 1].etype and _kind(units[k + 1]) == kind
            semis += semi
            if k < len(units) and (units[k].text == "," or hyphen or "Conjunction" in units[k].cls or companion
                                   or ranged or semi):
                k2 = k + units[k].span.get("CompanionPrep" if companion else "Conjunction", 1)  # "dan juga"
                conj = "Conjunction" in units[k].cls or hyphen or companion or ranged
                if k2 < len(units) and ("Conjunction" in units[k2].cls or  # ", dan"; "A, B, hingga C"
                                        len(members) > 1 and units[k].text == "," and "RangeEnd" in units[k2].cls):
                    k2 += units[k2].span.get("Conjunction", 1)
                    conj = True
                nxt = _next_member(units, k2, kind)
                if conj and kind == "OTHER" and len(members) > 1 and not (nxt < len(units) and units[nxt].etype):
                    # "Mesir, Yordania, Liga Arab hingga PM Inggris X": states and bodies, then a (titled) person
                    nxt = _next_member(units, k2, "PER")
                    kind = _kind(units[nxt]) if nxt < len(units) and units[nxt].etype == "PER" else kind
                k2 = nxt
                if not conj and len(members) == 1 and (_fronted(units, i) or _membership(units, i)):
                    break
                if k2 < len(units) and units[k2].etype and not units[k2].paren and _kind(units[k2]) == kind:
                    members.append(k2)
                    closed = closed or conj
                    j = k2 + 1
                    o = listed.past_origin(units, j) if kind == "PER" else j  # ("A dan B dari X serta C")
                    if conj and not companion and not (o + 1 < len(units) and "Conjunction" in units[o].cls and
                                                       units[o + 1].etype and _kind(units[o + 1]) == kind) \
                            and not (kind == "OTHER" and j + 1 < len(units) and units[j].text == "," and
                                     "CompanionPrep" in units[j + 1].cls):
                        break  # "A beserta B, C serta D": a companion leaves it open (so "A, B dan C serta D")
                    continue
            break
        if not closed and len(members) > 1 and _vague_tail(units, members[-1] + 1):
            closed = True  # "AS, Korea Selatan dan sejumlah negara lain": the list ends in others unnamed
        if not closed and semis < 2:
            members = members[:1]
        if len(members) > 1:
            for m in members:
                units[m].group = tuple(members)
                # "perbatasan Kenya-Somalia": a pair joined by a hyphen describes the noun as a whole
                units[m].modifier = units[m].modifier or m > 0 and units[m - 1].text == "-" and units[members[0]].modifier
        i = members[-1] + 1
