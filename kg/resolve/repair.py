"""NER span repair: keep the parts of a tagger's span that the gazetteer does not explain, without
titles, ranks and labels ("Menteri Pertahanan Rusia Sergei Shoigu" → "Sergei Shoigu")."""

from __future__ import annotations

import re

from kg.cues import POSSESSIVE, cues
from kg.resolve.names import HYPHENATED, NEVER_NAME, TOKEN, Spans, in_data_run, is_name_token, skip_space
from kg.types import Mention

_LAST_WORD_REVERSED = re.compile(r"\W*(\w+)")
#: a web address's host name ("Merdeka.com", "Kompas.co.id"): a news site, whatever the tagger typed it
_DOMAIN = re.compile(r"[\w-]+(?:\.[a-z]{2,6}){1,2}")
_INITIAL_TAIL = re.compile(r"\. ([A-Z][\w'’-]+)")  # a middle initial's full stop and the surname after it
_INITIALS_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z]\.){1,3}|[A-Z]\.?) $")
_NEVER_NAME = frozenset(NEVER_NAME)
_REDUPLICATED = re.compile(r"(\w+)-(\w+)")
_ROMAN = re.compile(r"[IVX]{1,4}")  # a lone Roman numeral
_TITLE_WORDS = frozenset({"RoleTitle", "TitleQualifier"})  # a title's words: what follows is no name
_TITLE_AND_BODY = _TITLE_WORDS | {"GovernmentNoun"}


def repair(m: Mention, taken: Spans, text: str, acronyms: frozenset[str] = frozenset()) -> list[Mention]:
    """The parts of an NER span not explained by the gazetteer, with titles and labels stripped; ``acronyms``: the
    short names the article sets in brackets ("Penjaga Pantai China (CCG)")."""
    if taken.covers(m.start, m.end) or in_data_run(text, m.start, m.end):
        return []  # (a span the gazetteer explains whole: every token of it is covered, none is kept)
    c = cues()
    toks = list(TOKEN.finditer(text, m.start, m.end))
    lowers = [x.group(0).lower() for x in toks]
    if m.type == "PER" and len(toks) >= 3 and (w := toks[0].group(0)).isupper() and len(w) >= 2 and \
            (w in acronyms or taken.covers(toks[0].start(), toks[0].end())) and \
            all(t.group(0)[:1].isupper() for t in toks[1:]):
        # "juru bicara [CCG Gan Yu]": a body's short name before the person who speaks for it
        rest = skip_space(text, toks[0].end())
        return [Mention(w, "ORG", toks[0].start(), toks[0].end(), m.sentence, m.source),
                *repair(Mention(text[rest:m.end], "PER", rest, m.end, m.sentence, m.source), taken, text)]
    if m.type in ("PER", "GPE", "LOC") and toks and toks[0].group(0)[:1].isupper() and \
            "OrgHead" in c.classes(toks[0].group(0)) and not taken.overlaps(m.start, m.end):
        return [Mention(m.text, "ORG", m.start, m.end, m.sentence, m.source)]  # "Universitas X": no person, no place
    if toks and any(n == len(toks) and cls == "TerrorListLabel" for n, cls, _ in c.match_phrase(lowers, 0)):
        return []  # "sebagai [Organisasi Teroris Asing]": the status a list gives, no body's name
    if m.type == "ORG" and _described(text, m.end, toks, c) and not taken.overlaps(m.start, m.end):
        return []  # "Organisasi HAM itu menuding …": a group noun and its kind before a demonstrative, no name
    if m.type == "PER" and " " not in m.text.strip() and m.text.strip().lower().endswith(POSSESSIVE):
        return []  # "Tujuannya", "Twitter-nya": a word with a possessive clitic is no name
    if m.type == "PER" and any(any(ch.isdigit() for ch in t.group(0)) for t in toks):
        return []  # "Antonov An-124", "Xi'an Y-20": a model's designation, no person's name
    if m.type == "PER" and _DOMAIN.fullmatch(m.text.strip()):
        return [Mention(m.text, "ORG", m.start, m.end, m.sentence, m.source)]  # "Merdeka.com -": a site, no person
    if m.type == "PER" and _after_outlet_noun(text, m.start, c, taken):
        return [Mention(m.text, "ORG", m.start, m.end, m.sentence, m.source)]  # "harian Miami Herald"
    if m.type == "PER" and (_named_by_noun(text, m.start, c, taken, _THINGS) or toks and len(toks) > 1 and
                            "ShipPrefix" in c.classes(toks[0].group(0)) and toks[0].group(0).isupper()):
        return []  # "Operasi [Midnight Hammer]", "penghargaan [Order of Zayed]", "[INS Shakti]": a thing's own name
    if m.type == "PER" and _named_by_noun(text, m.start, c, taken):
        return [Mention(m.text, "ORG", m.start, m.end, m.sentence, m.source)]  # "milisi Wazalendo", "buatan Saab"
    if m.type == "PER" and toks and (_after_outlet_noun(text, m.start, c, taken, "FacilityNoun", 1) or
                                     "FacilityNoun" in c.classes(toks[-1].group(0).lower())):
        return [Mention(m.text, "LOC", m.start, m.end, m.sentence, m.source)]  # "Lanud Halim Perdana Kusuma"
    if m.type == "PER" and len(toks) == 1 and HYPHENATED.match(toks[0].group(0)) and \
            (pre := _word_before(text, m.start)) is not None and pre.group(0)[:1].isupper() and \
            "PersonHonorific" in c.classes(pre.group(0)):
        # "Pak [Kyong-ran]": before a Korean given name, "Pak" is the family name the tagger left out
        return [Mention(text[pre.start():m.end], m.type, pre.start(), m.end, m.sentence, m.source)]
    if m.type == "PER" and toks and "PersonHonorific" in c.classes(toks[0].group(0)) and \
            not HYPHENATED.match(text, skip_space(text, toks[0].end())):
        # "[Pak] Budi Santoso", "[Bu] Sri": a polite address, no part of the name ("Pak Kwang-ho" is a family name)
        if len(toks) == 1:
            return []
        rest = skip_space(text, toks[0].end())
        return repair(Mention(text[rest:m.end], m.type, rest, m.end, m.sentence, m.source), taken, text)
    runs: list[list[re.Match]] = [[]]
    prefixed: list[bool] = []  # per run: a title, rank or known name came before it
    had_prefix = False
    had_title = False
    phrases = c.phrases  # multi-word cues by first word: most words start none
    i = 0
    while i < len(toks):
        t = toks[i]
        s, e = t.start(), t.end()
        covered = taken.overlaps(s, e)  # partly explained: "Rusia-Korut"
        starts_phrase = lowers[i] in phrases
        matched = c.match_phrase(lowers, i) if starts_phrase else []
        phrase = max((n for n, cls, _ in matched if cls in ("RoleTitle", "Rank", "GovernmentNoun", "SourceNoun")),
                     default=0)
        qualifier = max((n for n, cls, _ in matched if cls == "TitleQualifier"), default=0)  # "luar negeri", "dalam negeri"
        classes = c.classes(t.group(0))
        in_body = bool(runs[-1]) and "OrgHead" in c.classes(runs[-1][0].group(0))
        if in_body and ("TitleQualifier" in classes or qualifier):  # ("Kementerian [Dalam Negeri]": one on a preposition)
            runs[-1].extend(toks[i:i + max(qualifier, 1)])  # "Kementerian [Luar Negeri]": a body's name, not a title
            i += max(qualifier, 1)
            continue
        if in_body and not classes and "TitleQualifier" in c.classes(runs[-1][-1].group(0)):
            runs.append([])  # "Kementerian Luar Negeri [Yvonne]": a name after the body's
        elif (before := _last_word(text, s)) and not _TITLE_WORDS.isdisjoint(c.classes(before)):
            # "Menteri [Luar Negeri] Iran …": title words after a title are not a name
            phrase = max(phrase, qualifier, 1 if "TitleQualifier" in classes else 0)
        if m.type == "PER" and runs[-1] and not covered and not runs[-1][-1].group(0).isupper() and \
                (inner := _inner_name_words(toks, lowers, i, c)):
            runs[-1].extend(toks[i:i + inner])  # "Lula [da] Silva", "Hassan [Sheikh] Mohamud": inside the name
            i += inner
            continue
        if i == 0 and not phrase and (before := _last_word(text, s)) and any(
                n == 2 and (cls == "Rank" or cls == "RoleTitle" and m.type == "PER")
                for n, cls, _ in c.match_phrase([before.lower(), lowers[0]], 0)):
            phrase = 1  # "Lieutenant [General Simon Kerr]", "Jaksa [Agung Paulo Gonet]": the last word of a rank
            # or (before a person) a title the mention begins after; not "Kepala [Biro …]", a body's name
        if not phrase and "RankQualifier" in classes and \
                "Rank" in c.classes(toks[i - 1].group(0) if i else _last_word(text, s) or ""):
            phrase = 1  # "Laksamana [Madya] X", "Marsekal [Lapangan] X": a rank's grade, whether or not listed with it
        if not phrase and (dup := _REDUPLICATED.fullmatch(t.group(0))) and dup.group(1).lower() == dup.group(2).lower() \
                and not (m.type == "PER" and runs[-1]):
            phrase = 1  # "Tuan-tuan", "Gara-Gara": a reduplicated word is a plural or an idiom, no name (after a
            # given name it is a surname: "Jacob Oboth-Oboth")
        if covered or phrase or (classes and not is_name_token(t.group(0))) or text[e:e + 1] == "$" or \
                not _NEVER_NAME.isdisjoint(classes) or \
                not (is_name_token(t.group(0)) or (runs[-1] and t.group(0) in "-'’")):
            if covered or phrase or "RoleTitle" in classes or "Rank" in classes:
                had_prefix = True
                had_title = had_title or not covered
            if runs[-1]:
                runs.append([])
            i += max(phrase, 1)
            continue
        if m.type == "PER" and i + 1 == len(toks) and len(runs[-1]) >= 2 and text.startswith(":", skip_space(text, e)):
            break  # "Rep: Nadia Syahputri [Red]: …": the next label ends the name
        if i + 1 < len(toks) and toks[i + 1].group(0) == ":":  # "Sumber: Yonhap": a label, not a name
            if runs[-1]:
                runs[-1] = []
                prefixed.pop()
            i += 2
            continue
        if not runs[-1]:
            prefixed.append(had_prefix)
        runs[-1].append(t)
        i += 1
    out = []
    explained = taken.overlaps(m.start, m.end)
    for run, after_prefix in zip([r for r in runs if r], prefixed, strict=True):
        s, e = run[0].start(), run[-1].end()
        if explained and len(run) == 1 and not had_title:
            continue  # "[Komentar] Kirby", "Iran [Air]": a lone word beside a known name is noise
        prev = _last_word(text, s)
        if m.type == "PER" and len(run) == 1 and (run[0].group(0).lower().endswith(POSSESSIVE)
                                                  or "KinNoun" in c.classes(run[0].group(0))):
            continue  # "[Istri] dan [Putranya] Ikut Diblacklist": a headline's capitalised kin, no names
        if len(run) == 1 and _ROMAN.fullmatch(run[0].group(0)):
            continue  # "Pangkogabwilhan [I] Laksdya X", "Pangdam [IV]": a unit's number, no name
        if len(run) == 1 and "TitleQualifier" in c.classes(run[0].group(0)) and \
                (had_prefix or prev and not _TITLE_AND_BODY.isdisjoint(c.classes(prev))):
            continue  # "Kepala Pasukan [Pertahanan]": a title's own word left alone is no name
        if had_title and prev and "NameLink" in c.classes(prev):
            continue  # "Chairman of [The Joint] Chiefs": an English title's body after its link word, no name
        nxt = skip_space(text, e)
        if prev and "RoleTitle" in c.classes(prev) and taken.overlaps(nxt, nxt + 1):
            continue  # "Menteri [Pertahanan] Rusia": title words before a known name
        # extend over leading initials ("M Razi Rahman", "U.G. Ogeleka", "K.M. Rajan")
        if m.type == "PER" and (ini := _INITIALS_BEFORE.search(text, max(0, s - 8), s)) is not None and \
                "Rank" not in c.classes(ini.group(1).rstrip(".")):  # not an honorific ("H.E. Do Hung Viet")
            s = ini.start(1)
        if m.type == "PER" and _INITIAL_FIRST.match(text, s) and (given := _given_before(text, s, c)) is not None:
            s = given  # "Dinesh [K. Tripathi]": the tagger left the given name before a middle initial out
        if m.type == "PER" and s == m.start and len(run) >= 2 and \
                (given := _given_after_known(text, s, c, taken)) is not None:
            s = given  # a given name the tagger left out after the known state of a title
        if m.type == "PER" and s == m.start and len(run) == 1 and \
                (given := _given_after_title(text, s, c, taken)) is not None:
            s = given  # "Jenderal [Dan] Caine", "Menteri Pertahanan [Pat] Conroy": a given name read as a word
        if m.type == "PER" and e == m.end and (tail := _JOINED_TAIL.match(text, e)) is not None and \
                is_name_token(tail.group(1)):
            e = tail.end(1)  # "Abu Mahdi [al-Muhandis]": the tagger stops before a particle joined to a name
        elif m.type == "PER" and e == m.end and e - s > 2 and text[e - 2] == " " and text[e - 1].isupper() and \
                (tail := _INITIAL_TAIL.match(text, e)) is not None and is_name_token(tail.group(1)) and \
                not taken.overlaps(tail.start(1), tail.end(1)):
            e = tail.end(1)  # "[Bryan P]. Fenton": the tagger stops at a middle initial's full stop
        surface = text[s:e]
        etype = m.type
        if after_prefix and len(run) >= 2 and etype != "PER" and \
                not any("FacilityNoun" in c.classes(x) for x in lowers) and \
                not _after_outlet_noun(text, s, c, taken) and not _named_by_noun(text, s, c, taken):
            # "Menteri Pertahanan Rusia Sergei Shoigu": a title then a name; not "Lanud Halim Perdana Kusuma", not
            # "harian Prancis [La Tribune]", "perusahaan Serbia [Yugo Import]": an outlet's or a firm's name
            etype = "PER"
        if etype == "PER" and len(run) >= 2 and not all(x.group(0).isupper() for x in run) and any(
                len(w := x.group(0)) >= 3 and w.isalpha() and w.isupper() and not _ROMAN.fullmatch(w) and not c.classes(w)
                for x in run):
            etype = "ORG"  # "Jugoimport SDPR", "Hanwha DST": an acronym among name words is a body's, not a person's
        out.append(Mention(surface, etype, s, e, m.sentence, m.source))
    return out


def _inner_name_words(toks: list[re.Match], lowers: list[str], i: int, c) -> int:  # noqa: ANN001
    """How many words at ``i``, inside a person's name already begun, belong to it though they would end it
    elsewhere: a lower-case name particle ("Luiz Inacio Lula [da] Silva", "Ursula [von der] Leyen") or a single
    honorific between two names ("Hassan [Sheikh] Mohamud": a title stands before a name, never inside one),
    each only where a name word with no cue of its own follows. 0 for any other word."""
    n = max([k for k, cls, _ in c.match_phrase(lowers, i) if cls == "NameParticle"]
            + [1 if "NameParticle" in c.classes(lowers[i]) else 0]) if toks[i].group(0).islower() else 0
    if not n and toks[i].group(0).isalpha() and toks[i].group(0).islower() and len(lowers[i]) <= 4 and \
            not c.classes(lowers[i]):
        n = 1  # "Mohammed [bin] Salman", "Sidi [ould] Tah": a short lower-case word no cue claims, inside the tagger's name
    if not n and toks[i].group(0)[:1].isupper() and "Rank" in c.classes(toks[i].group(0)) and \
            not any(k > 1 for k, cls, _ in c.match_phrase(lowers, i) if cls in ("Rank", "RoleTitle")):
        n = 1
    if not n or i + n >= len(toks):
        return 0
    after = toks[i + n].group(0)
    return n if is_name_token(after) and not c.classes(after) else 0


#: a word after a name that opens with a two-letter lower-case particle hyphened to a capital ("al-Muhandis";
#: not "pro-Iran")
_JOINED_TAIL = re.compile(r" ([a-z]{1,2}-[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?)(?![\w-])")
_INITIAL_FIRST = re.compile(r"[A-Z]\. ?[A-Z]")  # a name that starts with a middle initial: "K. Tripathi"
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")


def _given_before(text: str, start: int, c) -> int | None:
    """Where a capitalised word right before ``start`` begins, when it can be a given name (no cue word:
    not "Laksamana K. Tripathi")."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None or c.classes(m.group(1)) or not is_name_token(m.group(1)):
        return None
    first = _last_word(text, m.start(1))  # not the last word of a rank or title ("Laksamana Muda R.A. Santoso")
    if first and any(cls in ("Rank", "RoleTitle") for _, cls, _ in c.match_phrase([first.lower(), m.group(1).lower()], 0)):
        return None
    return m.start(1)


_WORD_AFTER_KNOWN = re.compile(r"(?:,\s*|\s+)(\w+) $")
_WORD = re.compile(r"\w+")
_TITLE_OPENS = frozenset({"RoleTitle", "Rank"})


def _given_after_known(text: str, start: int, c, taken: Spans) -> int | None:  # noqa: ANN001
    """Where a capitalised word right before ``start`` begins, when a known name (a state, a body) ends right
    before it, alone or with a comma ("Wakil Presiden Vietnam, [Đặng] Thị Ngọc Thịnh"): a title's state is
    followed by its holder's name, so a word there that no cue and no known name claims is the given name the
    tagger left out. Not an acronym ("Menhan RI [Sugiono]"), not a word of a known name, and only where a title
    or rank opens within the few words before the known name: a headline's capitalised verb there ("Pasukan
    Israel Tangkap Ahmad Mansour") is no given name."""
    m = _WORD_AFTER_KNOWN.search(text, max(0, start - 40), start)
    if m is None:
        return None
    word = m.group(1)
    if not (word[:1].isupper() and word.isalpha() and not word.isupper()) or c.classes(word) or \
            taken.overlaps(m.start(1), m.end(1)) or not taken.overlaps(m.start() - 1, m.start()):
        return None
    before = [w.lower() for w in _WORD.findall(text, max(0, m.start() - 60), m.start())][-6:]
    if not any(_TITLE_OPENS & (c.classes(w).keys() | {cls for _, cls, _ in c.match_phrase(before, i)})
               for i, w in enumerate(before)):
        return None
    return m.start(1)


_GIVEN_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Z][a-z]+) $")
#: classes a word may have and still be a given name when capitalised inside a sentence ("Dan", "Said")
_GIVEN_ALSO = frozenset({"Conjunction", "FunctionWord", "Preposition"})


def _given_after_title(text: str, start: int, c, taken: Spans) -> int | None:  # noqa: ANN001
    """Where a capitalised word right before a one-word name begins, when it stands between a title, a rank or a
    comma and that name ("Jenderal [Dan] Caine", "Menteri Industri Pertahanan [Pat] Conroy", "CEO X, [Dan]
    Smoot"): a title is followed by its holder's name, so a capitalised word there that is no cue (or only a
    function word, which is never capitalised inside a sentence) is the given name the tagger left out. Not on a
    line whose words are nearly all capitalised: a headline's verb ("Menhan Puji Sjafrie") is no given name."""
    m = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
    if m is None or taken.overlaps(m.start(1), m.end(1)) or not _GIVEN_ALSO.issuperset(c.classes(m.group(1))):
        return None
    head = text[max(0, m.start(1) - 60):m.start(1)].rstrip(" ")
    if not head or head[-1] in ".!?\n\"“":
        return None  # the word opens a sentence
    prev = _last_word(text, m.start(1)) or ""
    if head[-1] != "," and _TITLE_OPENS.isdisjoint(c.classes(prev)) and "TitleQualifier" not in c.classes(prev) \
            and prev != m.group(1).lower():  # ("A dan [Dan] Smoot": the conjunction is not written twice)
        return None
    if any(cls in ("Rank", "RoleTitle") for _, cls, _ in c.match_phrase([prev.lower(), m.group(1).lower()], 0)):
        return None  # the last word of a rank or title ("Laksamana Muda R.A. Santoso")
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = [w for w in text[line_start:line_end if line_end >= 0 else len(text)].split() if w[:1].isalpha()]
    if sum(w[:1].isupper() for w in words) >= 0.7 * len(words):
        return None
    return m.start(1)


def _described(text: str, end: int, toks: list[re.Match], c) -> bool:  # noqa: ANN001
    """Whether a span of two words opening with a group noun ("Organisasi HAM", "Kelompok Pemberontak") ends
    right before a demonstrative: a description of a group named before, not the group's name."""
    nxt = re.match(r"\s+(\w+)", text[end:end + 20])
    return len(toks) == 2 and "GroupNoun" in c.classes(toks[0].group(0).lower()) and nxt is not None and \
        "Demonstrative" in c.classes(nxt.group(1).lower())


def _last_word(text: str, end: int) -> str | None:
    """The last word within the 40 characters before ``end`` (what ``(\\w+)\\W*$`` finds there), read
    backwards: the search from the left tried every position of the window for every token."""
    m = _LAST_WORD_REVERSED.match(text[max(0, end - 40):end][::-1])
    return m.group(1)[::-1] if m else None


def _after_outlet_noun(text: str, start: int, c, taken: Spans, cls: str = "OutletNoun",  # noqa: ANN001
                      loose: int = 0) -> bool:
    """Whether an outlet noun ("harian", "surat kabar", "kantor berita"), or a noun of ``cls``, ends right
    before ``start``, or before one known name there ("harian Prancis Le Monde"), or before up to ``loose``
    capitalised words ("Lanud Halim Perdana Kusuma": the place's name begun before the tagger's span)."""
    head = text[max(0, start - 80):start]
    words = head.split()
    if words and taken.covers(start - len(head) + head.rstrip().rfind(words[-1]), start - len(head) + len(head.rstrip())):
        words = words[:-1]  # the outlet's state
    for skip in range(loose + 1):
        if skip and not (len(words) > skip and words[-skip].isalpha() and words[-skip].istitle()):
            break
        rest = words[:len(words) - skip]
        if any(len(rest) >= n and cls in c.classes(" ".join(rest[-n:]).lower()) for n in (1, 2)):
            return True
    return False


#: nouns and verbs whose complement is a firm, a group or an outlet, never a person: "perusahaan Israel [Elbit]",
#: "milisi [Wazalendo]", "buatan [Aero Vodochody]", "dikutip [Miami Herald]"
_NAMING = frozenset({"FirmNoun", "GroupNoun", "MakerNoun", "CiteVerb"})
#: nouns whose name follows them and is no party's: operations, exercises, awards, treaties, ships, shows
_THINGS = frozenset({"NamedThingNoun"})
_WORD_OR_MARK = re.compile(r"[\w'’-]+|[^\w\s]")


def _named_by_noun(text: str, start: int, c, taken: Spans, naming: frozenset[str] = _NAMING) -> bool:  # noqa: ANN001
    """Whether a lower-case noun for a firm, a group or a maker, or a verb of citing (``naming``), stands right before
    ``start``, or before one known name there (its state: "perusahaan Turki, [Dal Enerji]"), one lower-case word no
    cue claims ("perusahaan citra [Maxar]") or a word that opens a list ("kelompok seperti [Fano]"): what it
    introduces is no person, whatever the tagger typed it. Not after a title ("manajer perusahaan Kim …": the firm's
    officer comes next). A name that goes on a list of names such a noun opens with a count or a list word ("dua
    perusahaan Turki, A dan [B]", "lima perusahaan yakni A, B, [C]") is one too."""
    head = text[max(0, start - 240):start]
    base = start - len(head)
    words = list(_WORD_OR_MARK.finditer(head))
    found = _naming_noun(words, len(words) - 1, base, c, taken, naming)
    if found is not None:
        return True
    k, items = len(words) - 1, 0
    while k >= 0 and (w := words[k].group(0)) and (w in ",&" or "Conjunction" in c.classes(w) or (
            (is_name_token(w) or w[:1].isdigit()) and _TITLE_OPENS.isdisjoint(c.classes(w))) or
            "NameConnector" in c.classes(w) and k > 0 and is_name_token(words[k - 1].group(0))):
        # ("RM Design and Development, GTME Technologies dan [Cargoline]": a name's own connector between its words)
        items += is_name_token(w) or w[:1].isdigit()
        k -= 1
    if not items or k == len(words) - 1:
        return False
    noun = _naming_noun(words, k, base, c, taken, naming)
    return noun is not None and (_opens_list(words, k, c) > 0 or noun > 0 and _counted(words[noun - 1].group(0), c))


def _opens_list(words: list[re.Match], k: int, c) -> int:  # noqa: ANN001
    """How many words up to ``k`` open a list ("yakni", "antara lain", a colon): 0, 1 or 2."""
    if k >= 1 and any(n == 2 and cls == "ListIntro" for n, cls, _ in
                      c.match_phrase([words[k - 1].group(0).lower(), words[k].group(0).lower()], 0)):
        return 2
    return int(k >= 0 and (words[k].group(0) == ":" or "ListIntro" in c.classes(words[k].group(0))))


def _counted(word: str, c) -> bool:  # noqa: ANN001
    """A count before a noun ("dua", "lima", "3"): the noun opens a list of that many."""
    return word.isdigit() or "NumberWord" in c.classes(word)


def _naming_noun(words: list[re.Match], k: int, base: int, c, taken: Spans,  # noqa: ANN001
                 naming: frozenset[str] = _NAMING) -> int | None:
    """The index of the naming noun (``_NAMING``) the words up to ``k`` end with, over a list word, a known name
    (with its comma) and one plain lower-case word between ("milisi Irak lain, antara lain …"); None where there is
    none or a title stands before it."""
    if (n := _opens_list(words, k, c)) and k - n >= 0 and words[k - n].group(0) == ",":
        n += 1  # "milisi Irak lain, antara lain …": the comma before the list word
    k -= n
    if k >= 1 and words[k].group(0) == "," and taken.covers(base + words[k - 1].start(), base + words[k - 1].end()):
        k -= 1  # "Dua perusahaan Turki, [Dal Enerji] …": the state's comma
    state = plain = 0
    while k >= 0:
        w = words[k].group(0)
        if not w[:1].isalpha():
            return None
        if taken.covers(base + words[k].start(), base + words[k].end()) and not state:
            state = 1
            k -= 1
            continue
        if not (w.islower() or naming is _THINGS and w.istitle()):  # ("Operasi Midnight Hammer": its name's word)
            return None
        cls = c.classes(w)
        if not naming.isdisjoint(cls):
            prev = words[k - 1].group(0) if k else ""
            return None if prev and "RoleTitle" in c.classes(prev) else k
        if cls and "RepeatAdjective" not in cls or plain:  # (not "milisi Irak [lain]": "other" militias)
            return None
        plain = 1
        k -= 1
    return None


def _word_before(text: str, start: int) -> re.Match | None:
    """The word right before ``start``, past one space: None where anything else comes between."""
    k = start - 1
    if k < 0 or text[k] != " ":
        return None
    a = k
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    return TOKEN.match(text, a) if a < k else None
