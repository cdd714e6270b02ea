"""Candidate mentions beside the tagger's: gazetteer names, bylines and credits, bodies of states
("Kementerian Luar Negeri Turki") and titled persons ("Perdana Menteri X Y")."""

from __future__ import annotations

import re

from kg.cues import VERB_VOICES, Cues, cues
from kg.resolve.bodies import body_template
from kg.resolve.lookup import gazetteer
from kg.resolve.middle import initialled_mentions
from kg.resolve.names import HYPHENATED, NEVER_NAME, TOKEN, Spans, is_name_token, leading_titles
from kg.resolve.spelling import org_head
from kg.resolve.titled_bodies import titled_bodies
from kg.types import Doc, Mention

_BYLINE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(?P<value>\S.{0,120})$")
#: a credit's label and name with no colon between, read only in a line of fields ("Penulis Nama | Editor Nama")
_BARE_BYLINE = re.compile(r"^(?P<label>[A-Za-z]+) (?P<value>[A-Z].{0,120})$")
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,5}$")
_SPLIT = re.compile(r"\s*(?:,|/|;|&|\band\b|\bdan\b|\s[-–]\s)\s*")
_SPLIT_ORG = re.compile(r"\s*(?:,|/|;|&|\band\b|\bdan\b|[-–])\s*")


#: Per sentence of an article: its tokens (``names.TOKEN`` matches) and their text.
Tokens = list[tuple[list[re.Match], list[str]]]


def sentence_tokens(doc: Doc) -> Tokens:
    """The tokens of every sentence, for the finders below: each reads every sentence token by
    token, and tokenizing once for all of them saves a third of their time."""
    text = doc.article.text
    out = []
    group = re.Match.group
    for s in doc.sentences:
        toks = list(TOKEN.finditer(text, s.start, s.end))
        out.append((toks, list(map(group, toks))))
    return out


def sentence_at(doc: Doc, offset: int) -> int:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s.index
    return doc.sentences[-1].index if doc.sentences else 0


def dateline_span(doc: Doc) -> tuple[int, int]:
    """Character span of the dateline ("Washington (ANTARA)", "TEMPO.CO, Jakarta"), where there is one."""
    line = doc.article.source_line
    if not line:
        return (0, 0)
    start = doc.article.text.find(line)
    return (start, start + len(line)) if start >= 0 else (0, 0)


#: a place in capitals heading a dateline: words of capitals, dots, hyphens and apostrophes
_CAPS_PLACE = re.compile(r"[A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*)*")


def dateline_mentions(doc: Doc) -> list[tuple[Mention, str]]:
    """The place heading a dateline in capitals ("PORT OF SPAIN -", "SANTO DOMINGO (AP) -") as one mention:
    the gazetteer keeps generated names out of all-capital words, and the tagger cuts such a place at a
    small word ("PORT OF" + "SPAIN") or runs it into the dash."""
    start, end = dateline_span(doc)
    m = _CAPS_PLACE.match(doc.article.text, start, end) if end > start else None
    if m is None or len(m.group()) < 4:
        return []
    gaz = gazetteer()
    key = gaz.lookup(m.group().title())
    if key is None or gaz.entries[key].type != "GPE":
        return []
    return [(Mention(m.group(), "GPE", m.start(), m.end(), sentence_at(doc, m.start()), "gazetteer"), key)]


def gazetteer_mentions(doc: Doc) -> list[tuple[Mention, str]]:
    gaz = gazetteer()
    c = cues()
    out = []
    for s in doc.sentences:
        for start, end, key in gaz.find(s.text):
            if start > 1 and s.text[start - 1] == "-" and \
                    "StancePrefix" in c.classes(s.text[:start - 1].rsplit(None, 1)[-1].lower()):
                continue  # "Demo Pro-Palestina", "separatis pro-Rusia": a stance, not the state acting
            e = gaz.entries[key]
            if e.type == "PER":
                start = _past_titles(s.text, start, end)
            out.append((Mention(s.text[start:end], e.type, s.start + start, s.start + end, s.index, "gazetteer"), key))
    return out + initialled_mentions(doc)  # "Sergei G. Tolchenov", "(Presiden Rusia Vladimir) Putin": a broken name


#: cue classes of the words a person's label may open with that are the office, not the name
_TITLE_CLASSES = frozenset({"RoleTitle", "HeadOfStateTitle", "GovernmentTitle", "Rank"})


def _past_titles(text: str, start: int, end: int) -> int:
    """Where the name starts in a person's label that opens with titles ("Raja Abdullah II", "Pangeran Faisal bin
    Farhan", "Sheikh Tamim"): the title stays in the text before the name, for the rules to read as the person's
    office (:func:`kg.resolve.names.leading_titles`)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    n = leading_titles([w.group() for w in words], _TITLE_CLASSES)
    return start + words[n].start() if n else start


def byline_mentions(doc: Doc) -> list[Mention]:
    """Names in bylines and credits ("Editor: M Razi Rahman", "/REUTERS/Lim Huey Teng", "(Susi Susanti)")."""
    text = doc.article.text
    c = cues()
    out: list[Mention] = []
    pos = 0
    for para in text.split("\n\n"):
        start = text.find(para, pos)
        pos = start + len(para)
        # "Penulis: A | Editor: B", "Penulis A | Editor B": each field of a line of credits is a byline of its own
        fields = para.split(" | ")
        offset = start
        for field in fields:
            m = _BYLINE.match(field) or (_BARE_BYLINE.match(field) if len(fields) > 1 else None)
            if m and (etype := c.byline_labels.get(m.group("label").strip().lower())):
                value_start = offset + m.start("value")
                for part in (_SPLIT_ORG if etype == "ORG" else _SPLIT).split(m.group("value")):
                    part = part.strip(" .")
                    if part and _NAME.match(part) and not any(c.classes(w) for w in part.split()):
                        s = text.find(part, value_start)
                        out.append(Mention(part, etype, s, s + len(part), sentence_at(doc, s), "byline"))
            offset += len(field) + 3
        for pattern in c.byline_patterns:
            for pm in pattern.finditer(para):
                for etype, value in pm.groupdict().items():
                    if value and etype in ("PER", "ORG"):
                        s = start + pm.start(etype)
                        out.append(Mention(value, etype, s, s + len(value), sentence_at(doc, s), "byline"))
    return out


def body_mentions(doc: Doc, known: list[tuple[Mention, str]], tokens: Tokens | None = None) -> list[Mention]:
    """"Kementerian Luar Negeri Turki", "Dinas Intelijen Inggris": a capitalised body noun, capitalised
    words, then a known state make one organisation (unknown to the gazetteer, named as written)."""
    c = cues()
    text = doc.article.text
    states = {m.start: m for m, k in known if gazetteer().entries[k].type == "GPE"}
    # a known name that is a body template's form alone ("Dewan Keamanan Nasional": the gazetteer's is the
    # American one) does not stop the same form with another state after it from naming that state's body
    others = Spans((m.start, m.end) for m, k in known
                   if gazetteer().entries[k].type != "GPE" and not body_template(m.text)[1])
    tokens = tokens or sentence_tokens(doc)  # (split once: titled_bodies reads the same words)
    out = []
    for s, (toks, words) in zip(doc.sentences, tokens, strict=True):
        for i, t in enumerate(toks):
            # "Kementrian …": one typo allowed; "AU Pakistan": a force's acronym stands for its template's words
            head = (org_head(words[i]) or c.acronym_heads.get(words[i])) if words[i][:1].isupper() else None
            if head is None:
                continue
            if i and any(cls == "RoleTitle" and n == 2 for n, cls, _ in c.match_phrase([words[i - 1].lower(),
                                                                                         words[i].lower()], 0)):
                continue  # "Kepala Staf Umum Rusia": the body noun ends a title, it opens no body
            j = i + 1
            reach = i if words[i] in c.acronym_heads else i + 5  # an acronym names its state right after it
            while j < len(toks) and j <= reach and toks[j].start() not in states and \
                    words[j][:1].isupper() and words[j].isalpha():  # ("AU Pakistan", not "DPR Desak Indonesia")
                j += 1
            # "Kementerian Luar Negeri Turki"; an acronym is the whole body noun ("Kemhan Turki")
            if j < len(toks) and (j > i + 1 or head in c.templates) and toks[j].start() in states:
                m = states[toks[j].start()]
                if others.overlaps(t.end(), m.end):  # the head alone may be known ("Kemhan": Indonesia's)
                    continue
                out.append(Mention(text[t.start():m.end], "ORG", t.start(), m.end, s.index, "pattern"))
    return out + titled_bodies(doc, states, tokens)  # "juru bicara kementerian luar negeri China"


#: the key of the ``Cues.starters`` memo of words a title or a rank may start at (no cue class: filled here)
_TITLE_OR_RANK = "RoleTitle|Rank"


def _opens_title(c: Cues, memo: dict[str, bool], word: str) -> bool:
    """Whether a title or a rank may start at ``word`` (``Cues.may_start`` of either class), kept in ``memo``:
    ``titled_person_mentions`` asks it of every word of every sentence, and one lookup is cheaper than two."""
    if len(memo) >= 200_000:  # bounded: a long build sees many one-off words
        memo.clear()
    found = memo[word] = c.may_start(word, "RoleTitle") or c.may_start(word, "Rank")
    return found


def titled_person_mentions(doc: Doc, known: list[tuple[Mention, str]], tokens: Tokens | None = None
                           ) -> list[Mention]:
    """"Perdana Menteri Arab Saudi Sergei Dubois": after a title (and the state or body it belongs
    to), two to four capitalised words that are no cue and no known name are a person."""
    c = cues()
    text = doc.article.text
    spans = {m.start: m.end for m, _ in known}
    out = []
    title = doc.article.title
    either = c.starters(_TITLE_OR_RANK)
    for s, (toks, words) in zip(doc.sentences, tokens or sentence_tokens(doc), strict=True):
        # the words that can open a title: a sentence with none names no titled person (most
        # sentences), and the tests below are left to those with one, and look at those words only
        # (a rank opens one too: "Mayjen TNI Haryanto", the rank, the force, then the name)
        starts = [k for k, w in enumerate(words) if (v := either.get(w)) or v is None and _opens_title(c, either, w)]
        if not starts:
            continue
        alpha = [w for w in words if w.isalpha()]
        if (title and s.start < len(title) and text.startswith(title)) or \
                (alpha and sum(w[:1].isupper() for w in alpha) > 0.85 * len(alpha)):
            continue  # a headline in title case: every word looks like a name
        lowers = list(map(str.lower, words))
        phrases = c.phrases  # multi-word cues by first word: most words start none
        # "Dewan Perwakilan Rakyat Irak": a title word inside a known name opens no title
        inside = [(a, b) for a, b in spans.items() if s.start <= a < s.end]
        i = 0
        for t in starts:
            if t < i or any(a < toks[t].start() < b for a, b in inside):
                continue  # inside the title or name just read, or inside a known name
            i = t
            classes = c.classes(words[i])
            span = max((n for n, cls, _ in c.match_phrase(lowers, i) if cls in ("RoleTitle", "Rank")), default=0) \
                if lowers[i] in phrases else 0
            if "RoleTitle" not in classes and "Rank" not in classes and not span:  # "presiden", "juru bicara"
                continue
            j = i + max(span, 1)
            # the title names its state or body ("Menteri Luar Negeri RI …", "Mayjen TNI …")
            anchored = any(toks[m].start() in spans for m in range(i + 1, j))
            while j < len(toks):  # the rest of the title and the body or state it belongs to
                if toks[j].start() in spans:
                    anchored = True
                    end = spans[toks[j].start()]
                    while j < len(toks) and toks[j].start() < end:
                        j += 1
                    continue
                if anchored and j + 1 < len(toks) and toks[j + 1].start() in spans and \
                        "RecipientPrep" in c.classes(lowers[j]):
                    j += 1  # "Duta Besar AS [untuk] Kanada Pete Hoekstra": the post's host after the sender
                    continue
                n = max((k for k, cls, _ in c.match_phrase(lowers, j) if cls in ("TitleQualifier", "RoleTitle", "Rank")),
                        default=0)
                if n or c.classes(words[j]).keys() & {"TitleQualifier", "RoleTitle", "Rank"}:
                    j += max(n, 1)
                    continue
                break
            acronyms = []
            while j + 1 < len(toks) and words[j].isupper() and len(words[j]) <= 4 and is_name_token(words[j + 1]) \
                    and not words[j + 1].isupper():
                acronyms.append(j)
                j += 1  # "Menlu RDK Therese …": an acronym before the name is the title's state, no part of the name
            k = j
            while k < len(toks) and k < j + 4 and (is_name_token(words[k]) or _initial_stop(words, toks, k)) and \
                    toks[k].start() not in spans and \
                    (not c.classes(words[k]).keys() - {"FamilyArticle"}
                     or k + 1 < len(toks) and HYPHENATED.match(words[k + 1])
                     and "PersonHonorific" in c.classes(words[k])):  # "Pak Kwang-ho": a family name
                k += 1
            if k - j >= 2 and k < len(toks) and spans.get(toks[k].start()) == toks[k].end() and \
                    is_name_token(words[k]) and (k + 1 == len(toks) or not is_name_token(words[k + 1])):
                k += 1  # "Menlu RDK Therese Kayikwamba Wagner": a surname that a known name is also spelled
            # two to four words; one where the title names its state and the word is plainly a
            # name, not an acronym ("Menteri Luar Negeri RI Sugiono mengatakan …")
            single = k - j == 1 and anchored and len(words[j]) >= 4 and words[j].isalpha() \
                and not words[j].isupper()
            if (k - j >= 2 or single) and (k == len(toks) or not is_name_token(words[k])):
                a, b = toks[j].start(), toks[k - 1].end()
                out.append(Mention(text[a:b], "PER", a, b, s.index, "pattern"))
                # "Dirut PLN Darmawan Prasodjo": an acronym no known name explains, between a title and its
                # holder, is the body the title is of (a known state's is already a known name)
                out += [Mention(words[n], "ORG", toks[n].start(), toks[n].end(), s.index, "pattern")
                        for n in acronyms if len(words[n]) >= 3 and words[n].isalpha()]
            i = max(k, i + 1)
    return out


def _initial_stop(words: list[str], toks: list, k: int) -> bool:
    """The full stop of a middle initial inside a name ("Jenderal Bryan P. Fenton"): right after one capital letter
    that follows a name word, and before another name word."""
    return words[k] == "." and 2 <= k < len(toks) - 1 and len(words[k - 1]) == 1 and words[k - 1].isupper() and \
        toks[k].start() == toks[k - 1].end() and is_name_token(words[k - 2]) and is_name_token(words[k + 1])


def appositive_persons(doc: Doc, known: list[tuple[Mention, str]], tokens: Tokens | None = None) -> list[Mention]:
    """"Bertrand Bisimwa, pemimpin sayap politik M23": two or three capitalised words no cue or known name
    claims, set off by a comma before a title, are the person the title describes (lists of sanctioned
    people and quoted officials are written this way)."""
    c = cues()

    def name_word(w: str) -> bool:
        return is_name_token(w) and w.isalpha() and \
            not (c.classes(w).keys() | c.classes(w.lower()).keys()) - {"FamilyArticle"}  # "Al" in "Adel Al Jubeir"

    def after_title(w: str) -> bool:
        return c.may_start(w.lower(), "RoleTitle")

    def runs_on(w: str) -> bool:  # a capitalised word before: the name starts earlier
        return is_name_token(w) and w not in ("(", ")")

    return _before_comma(doc, known, tokens, after_title, name_word, runs_on, (2, 3), "PER")


def _before_comma(doc: Doc, known: list[tuple[Mention, str]], tokens: Tokens | None, after, word, runs_on,
                  size: tuple[int, int], etype: str) -> list[Mention]:
    """Names of ``size`` words (each passing ``word``, up to three) before a comma whose next word passes
    ``after``, unless the word before them ``runs_on``; none a known name overlaps."""
    text = doc.article.text
    taken = Spans((m.start, m.end) for m, _ in known)
    out = []
    for s, (toks, words) in zip(doc.sentences, tokens or sentence_tokens(doc), strict=True):
        if "," not in words:
            continue
        for i in range(1, len(words) - 1):
            if words[i] != "," or not after(words[i + 1]):
                continue
            a = i
            while a > 0 and a > i - 4 and word(words[a - 1]):
                a -= 1
            if not size[0] <= i - a <= size[1] or a > 0 and runs_on(words[a - 1]):
                continue  # no name, or one that runs on from words before it
            start, end = toks[a].start(), toks[i - 1].end()
            if not taken.overlaps(start, end):
                out.append(Mention(text[start:end], etype, start, end, s.index, "pattern"))
    return out


_LIST_GLUE = frozenset({"Preposition", "Conjunction", "ListIntro", "ComitativePrep", "FunctionWord"})
#: ... or a maker noun: "drone buatan [Israel Aerospace Industries]" (the maker's state opens its name)
_LIST_GLUE_OR_MAKER = _LIST_GLUE | {"MakerNoun"}


def firm_mentions(doc: Doc, known: list[tuple[Mention, str]], tokens: Tokens | None = None) -> list[Mention]:
    """Firms by their legal form or the word that ends their name (``kg:FirmPrefix``, ``kg:FirmSuffix``):
    "PT PAL Indonesia", "Anduril Industries", "Lockheed Martin Corp", "Naval Group". The name runs
    over up to four capitalised words (a known place inside it is part of the name: "Qods Aviation
    Industries"); a known person's name is never part of it."""
    c = cues()
    text = doc.article.text
    persons = Spans((m.start, m.end) for m, k in known if gazetteer().entries[k].type == "PER")
    places = {m.start for m, k in known if gazetteer().entries[k].type == "GPE"}
    named = Spans((m.start, m.end) for m, k in known if gazetteer().entries[k].type == "ORG")
    any_known = Spans((m.start, m.end) for m, _ in known)
    out = []
    for s, (toks, words) in zip(doc.sentences, tokens or sentence_tokens(doc), strict=True):
        for i, w in enumerate(words):
            if w == "&" and 0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper():
                a, b = i - 1, i + 1  # "Smith & Wesson", "Procter & Gamble": a name joined by an ampersand
                while a > 0 and a > i - 3 and firm_word(words[a - 1], c) and toks[a - 1].start() not in places:
                    a -= 1
                while b + 1 < len(words) and b < i + 3 and firm_word(words[b + 1], c):
                    b += 1
                start, end = toks[a].start(), toks[b].end()
                if not persons.overlaps(start, end):
                    out.append(Mention(text[start:end], "ORG", start, end, s.index, "pattern"))
                continue
            cls = c.classes(w) if w[:1].isupper() else {}
            if "FirmPrefix" in cls:
                # one name word, then only capitals, legal words or a state ("PT PAL Indonesia"): a
                # person's name often follows ("Dirut PT Pindad Abraham Mose")
                j = i + 2 if i + 1 < len(words) and firm_word(words[i + 1], c) else i + 1
                while j < len(words) and j <= i + 4 and firm_word(words[j], c) and \
                        (words[j].isupper() or toks[j].start() in places or "FirmSuffix" in c.classes(words[j])):
                    j += 1
                if j == i + 2 and j < len(words) and firm_word(words[j], c) and words[j].isalpha() and \
                        (j + 1 == len(words) or not words[j + 1][:1].isupper()):
                    j += 1  # "CV Surabaya Hobby dan …": a second name word that ends the name
                j = _firm_name_run(words, toks, i, j, c, persons)
                a, b = i, j - 1
            elif "FirmSuffix" in cls:
                titled = _titled_words(words, c)
                # back over name words, not into a known state ("perusahaan Prancis [Naval Group]") nor a title
                j = _name_words_back(words, toks, i - 1, i - 4, c, places, titled)  # ("Vice President [Sharp Corp]")
                j = _across_connector(words, toks, j, i, c, places, titled)
                a, b = j + 1, i
                if 0 <= j < i - 1 and words[j][:1].isupper() and "FamilyArticle" in c.classes(words[j]) and \
                        words[j + 1][:1].isupper():
                    a = j  # "Al Junaid Multi Activity Co.": an Arabic article opens the name it is written into
                elif j >= 0 and words[j][:1].isupper() and "FirmPrefix" in c.classes(words[j]):
                    a = j  # "PT Len Industries": the legal form starts the name
                elif j >= 0 and toks[j].start() in places and firm_word(words[j], c) and \
                        (j == 0 or not words[j - 1].isalpha() or words[j - 1][:1].isupper() and not c.classes(words[j - 1])
                         or c.classes(words[j - 1]).keys() & _LIST_GLUE_OR_MAKER
                         or not VERB_VOICES.isdisjoint(c.classes(words[j - 1]).values())):
                    # "bersama Hongkong Himark Electron Model Limited", "Erbil Bank": a place opens the name, no noun
                    # (a verb may stand) before; "Zain Iraq Islamic Bank": a capitalised word no cue claims before the
                    # place is the name's
                    a = j
                    if j >= 1 and words[j - 1][:1].isupper() and words[j - 1].isalpha() and not c.classes(words[j - 1]) \
                            and toks[j - 1].start() not in places and (j == 1 or not words[j - 2][:1].isupper()):
                        a = j - 1
                # on over more legal words and name words: "Xinhe Aviation Parts", "Sepehr Darya Shipping Co. Ltd";
                # after a title only over legal words: "CEO [Toyota Motor Corp] Akio Toyoda" names its holder next
                after_title = a > 0 and (a - 1 in titled or "RoleTitle" in c.classes(words[a - 1]))
                while b + 1 < len(words) and b + 1 <= i + 3 and firm_word(words[b + 1], c) and \
                        (not after_title or "FirmSuffix" in c.classes(words[b + 1])) and \
                        (toks[b + 1].start() not in places or any(  # "DDC Develop Industry Hong Kong Limited"
                            "FirmSuffix" in c.classes(w) for w in words[b + 2:b + 5] if w[:1].isupper())):
                    b += 1
                # "Federal Reserve Bank of New York", "Bank of China": an English name goes on past its link word
                if b + 2 < len(words) and "NameLink" in c.classes(words[b + 1]) and words[b + 1].islower() and \
                        words[b + 2][:1].isupper() and words[b + 2].isalpha():
                    k = b + 2
                    while k + 1 < len(words) and k + 1 <= b + 4 and words[k + 1][:1].isupper() and words[k + 1].isalpha() \
                            and (firm_word(words[k + 1], c) or toks[k + 1].start() in places):
                        k += 1
                    b = k
            else:
                continue
            # "Redstone Dynamics Inc. dan …": the abbreviation's period belongs to the name, but not the one
            # that ends the sentence ("… Technology Co."): that is the full stop, which the name's writers drop
            if b + 1 < len(words) and words[b + 1] == "." and toks[b + 1].start() == toks[b].end() and \
                    "FirmSuffix" in c.classes(words[b] + "."):
                if b + 2 < len(words) and "FirmSuffix" in c.classes(words[b + 2]) and words[b + 2][:1].isupper():
                    b += 2  # "Sepehr Darya Shipping Co. Ltd": another legal word after the abbreviation
                    if b + 2 < len(words) and words[b + 1] == "." and toks[b + 1].start() == toks[b].end() and \
                            "FirmSuffix" in c.classes(words[b] + ".") and not words[b + 2][:1].isupper():
                        b += 1
                elif b + 2 < len(words) and not words[b + 2][:1].isupper():
                    b += 1
            if b <= a or named.covers(toks[i].start(), toks[i].end()) and \
                    (a == i or any_known.overlaps(toks[a].start(), toks[a].end()) or "FirmSuffix" not in cls):
                # "[Bank Sentral Rusia] Elvira Nabiullina": a known name holds the firm word; no firm runs on. But
                # name words no known name holds before it make a longer firm: "Myanma [Foreign Trade Bank]"
                continue
            start, end = toks[a].start(), toks[b].end()
            if not persons.overlaps(start, end):
                out.append(Mention(text[start:end], "ORG", start, end, s.index, "pattern"))
    return out


def appositive_firms(doc: Doc, known: list[tuple[Mention, str]], tokens: Tokens | None = None) -> list[Mention]:
    """"Granit-Invest, perusahaan logistik milik negara Belarus": up to three capitalised words no cue or
    known name claims, set off by a comma before a noun for a firm (``kg:FirmNoun``), are that firm."""
    c = cues()

    def runs_on(w: str) -> bool:  # not clearly the firm's name: it runs on from words before it
        return w[:1].isupper() or w.isalnum() and not c.classes(w.lower())

    return _before_comma(doc, known, tokens, lambda w: "FirmNoun" in c.classes(w.lower()),
                         lambda w: firm_word(w, c) and not c.classes(w), runs_on, (1, 3), "ORG")


def _across_connector(words: list[str], toks: list, j: int, i: int, c, places: set[int], titled: set[int]) -> int:
    """"Shanxi Eagles Men Aviation Science and Technology Group Co.": an English link word ("and", "for") after
    two name words or more before the legal word joins the name words before it to the firm's name; the walk
    back goes on over up to six of them (not into a known state or a title). ``j`` is where the walk stopped."""
    if not (0 < j <= i - 3 and words[j].islower() and "NameConnector" in c.classes(words[j])):
        return j
    k = _name_words_back(words, toks, j - 1, j - 6, c, places, titled)
    return k if k < j - 1 else j


def _name_words_back(words: list[str], toks: list, j: int, lo: int, c, places: set[int], titled: set[int]) -> int:
    """Where a walk back from ``j`` over a firm's name words stops (not below ``lo``, nor into a known state or a
    title): the index of the first word that is not the name's, -1 at the sentence start."""
    while j >= 0 and j >= lo and firm_word(words[j], c) and toks[j].start() not in places and j not in titled:
        j -= 1
    return j


def _titled_words(words: list[str], c) -> set[int]:
    """Indexes of the words inside a title of more than one word ("Vice President", "Chief Executive Officer"):
    each word alone may be no cue, so it would pass as a firm's name word."""
    lowers = [w.lower() for w in words]
    out: set[int] = set()
    for k, w in enumerate(lowers):
        if w in c.phrases:
            n = max((n for n, cls, _ in c.match_phrase(lowers, k) if cls == "RoleTitle"), default=0)
            out.update(range(k, k + n))
    return out


def firm_word(w: str, c) -> bool:
    """A word that can be part of a firm's name: capitalised or with a digit ("L3Harris"), and no cue
    unless another firm word or a place word ("Qods Aviation Industries", "Naval Group")."""
    if not (w[:1].isupper() or w[:1].isdigit()) or not any(ch.isalpha() for ch in w):
        return False
    cls = c.classes(w).keys()
    return not cls or bool(cls & {"FirmSuffix", "LocationHead"}) and not cls & set(NEVER_NAME)


_TITLE_BEFORE = frozenset({"RoleTitle", "TitleQualifier"})


def _firm_name_run(words: list[str], toks: list, i: int, j: int, c, persons: Spans) -> int:
    """"PT Bumi Pangan Kuali menggugat …", "PT Diamond Cold Storage, produsen …": with no title before the
    legal form (so no person's name is expected after the firm: "Dirut PT Pindad Abraham Mose"), every
    plain capitalised word up to the fourth after it is the firm's name, where the run then ends
    (a lower-case word, a punctuation mark or the sentence's end) and no known person is in it."""
    if j >= len(words) or j > i + 4 or j == i + 1 or i > 0 and c.classes(words[i - 1].lower()).keys() & _TITLE_BEFORE:
        return j
    k = j
    while k < len(words) and k <= i + 4 and words[k].isalpha() and firm_word(words[k], c) and \
            not persons.overlaps(toks[k].start(), toks[k].end()):
        k += 1
    if k == j or k < len(words) and (words[k][:1].isupper() or words[k][:1].isdigit()):
        return j
    return k
