"""Rule tokenizer and sentence splitter for Indonesian news: one regular expression and a few rules.

Indonesian separates words by spaces, so a tokenizer needs no model: what takes care is the
punctuation that is part of a word. One compiled expression finds, in this order of preference,
URLs and e-mail addresses, web names (``KOMPAS.com``, ``REPUBLIKA.CO.ID``), a currency symbol
written against its amount (``Rp2.353`` → ``Rp`` ``2.353``, ``US$142``), listed abbreviations
(``Jl.``, ``No.``, ``Tbk.``), dotted acronyms (``A.S.``, ``S.A.``), words with their inner hyphens,
slashes and apostrophes (``rudal-rudal``, ``Su-30``, ``ke-5``, ``1960-an``, ``Jum'at``, ``rds/bac``),
numbers with their inner separators (``31/8``, ``2,5``, ``10.000``, ``07:22``), runs of dots or
dashes (``...``, ``--``) and any other single symbol (quotes, brackets, ``$``, ``%``). Tokens are
surface tokens as in UD Indonesian (clitics such as ``-nya`` stay on their word).

A sentence ends at a line break, and after ``.``, ``!``, ``?`` or an ellipsis (with the quotes and
brackets that close on it) when the next word starts with a capital letter or an opening quote
— but not after a title (``Dr.``, ``Jl.``), an initial (``Andrew E. Rubin``) or a period that
belongs to a number. A suffix abbreviation (``Corp.``, ``dll.``) or a dotted acronym ends the
sentence only when a capitalised word follows; its period then becomes a token of its own, as in
UD. Dotted capitals before a word are initials, not an end (``Brigjen U.G. Ogeleka``, ``U.S. Code``).
A period typed with a space before it (``kata dia . Dia``) is an ordinary full stop; a period
with no space after it ends a sentence only between a lower-case word and a capitalised one
(``dekat.Amerika``) or a quotation opened against a capital (``rudal."Kami``), never inside a web name
or an abbreviation. Datelines (``JAKARTA -``,
``TEMPO.CO, Jakarta -``, ``Washington (ANTARA) -``) hold no sentence end, so they stay with the
article's first sentence, as with the neural tokenizer.

The abbreviations are data: ``ontology/abbreviations.ttl`` (SKOS), loaded once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import ONTOLOGY_DIR
from kg.cache import cached
from kg.types import Token

#: Top-level domains that make ``WORD.TLD`` one token (web names of outlets: ``TEMPO.CO``, ``Gazeta.Ru``).
_TLDS = ("com", "co", "id", "net", "org", "tv", "ru", "go", "ac", "or", "info", "news", "gov", "edu", "int", "io",
         "biz", "uk", "us", "my", "sg", "jp", "cn", "au", "de", "fr", "eu", "me", "asia", "in", "ph", "tw", "kr")
_TERMINAL = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "}", "»"})
_OPENERS = frozenset({'"', "“", "‘", "'", "«", "(", "["})
_QUOTE_OPENERS = frozenset({'"', "“", "‘", "«"})

# token kinds
URL, WEB, CURRENCY, TITLE, SUFFIX, DOTTED, WORD, PUNCT = range(8)


@dataclass(frozen=True)
class Abbreviations:
    titles: frozenset[str]
    suffixes: frozenset[str]
    currencies: frozenset[str]


def load_abbreviations(path: Path | None = None) -> Abbreviations:
    """Forms by class from the SKOS scheme in ``ontology/abbreviations.ttl``."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import SKOS

    kg = Namespace("https://w3id.org/kg-news/ontology#")
    g = Graph().parse(path or ONTOLOGY_DIR / "abbreviations.ttl")
    by_class: dict[str, set[str]] = {"TitleAbbreviation": set(), "SuffixAbbreviation": set(), "CurrencySymbol": set()}
    for concept, cls in g.subject_objects(kg.abbreviationClass):
        name = str(cls).rpartition("#")[2]
        if name not in by_class:
            raise ValueError(f"{path or 'abbreviations.ttl'}: unknown abbreviation class {name} on {concept}")
        by_class[name].update(str(form) for form in g.objects(concept, SKOS.altLabel))
    return Abbreviations(frozenset(by_class["TitleAbbreviation"]), frozenset(by_class["SuffixAbbreviation"]),
                         frozenset(by_class["CurrencySymbol"]))


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))


class Tokenizer:
    """Tokens and sentences of a text, as character spans into it."""

    def __init__(self, abbreviations: Abbreviations | None = None) -> None:
        ab = abbreviations or load_abbreviations()
        self.titles = ab.titles | {f.upper() for f in ab.titles}  # "JL.", "KEL." in capitals too
        self.suffixes = ab.suffixes
        self.currencies = ab.currencies
        word = r"\w+(?:(?:[-/]|['’]|(?<=\d)[.,:](?=\d))\w+)*"
        abbrevs = _alternation(self.titles | ab.suffixes)
        currencies = _alternation(ab.currencies)
        self.pattern = re.compile(
            r"(?P<url>(?:https?://|ftp://|www\.)[^\s<>\"“”‘’]+[^\s<>\"“”‘’.,;:!?)\]}']|[\w.+-]+@\w[\w-]*(?:\.\w[\w-]*)+)"
            rf"|(?P<web>\w+(?:-\w+)*(?:\.\w+(?:-\w+)*)*\.(?i:{'|'.join(_TLDS)})(?![\w-]|\.\w))"
            rf"|(?P<currency>(?<!\w)(?:{currencies})(?= ?\d))"
            rf"|(?P<abbrev>(?<![\w.])(?:{abbrevs})(?!\w))"
            r"|(?P<dotted>(?<![\w.])(?:[^\W\d_]\.){2,}(?!\w))"
            rf"|(?P<word>{word})"
            r"|(?P<punct>-{2,}|`{2}|'{2}|[^\w\s])"
        )

    def tokenize(self, text: str) -> list[list[tuple[int, int]]]:
        """Sentences, each a list of (start, end) token spans (end exclusive)."""
        spans: list[tuple[int, int, int]] = []
        kinds = {"url": URL, "web": WEB, "currency": CURRENCY, "dotted": DOTTED, "word": WORD, "punct": PUNCT}
        titles = self.titles
        for m in self.pattern.finditer(text):
            group = m.lastgroup
            kind = (TITLE if m.group() in titles else SUFFIX) if group == "abbrev" else kinds[group]
            spans.append((m.start(), m.end(), kind))
        sentences: list[list[tuple[int, int]]] = []
        current: list[tuple[int, int]] = []
        n = len(spans)
        i = 0
        while i < n:
            start, end, kind = spans[i]
            if current and "\n" in text[current[-1][1]:start]:
                sentences.append(current)
                current = []
            if kind == WORD:
                if "/" in text[start:end]:
                    pieces = _compound(text, start, end)
                    if len(pieces) > 1:
                        current += pieces
                        i += 1
                        continue
                if end - start == 1 and i + 2 < n and text[start].isupper() and text[end:end + 1] == "." \
                        and spans[i + 1][1] == end + 1:
                    # an initial before a capitalised word: "Andrew E. Rubin", "J. R. R. Tolkien"
                    after = spans[i + 2][0]
                    if after > end + 1 and text[after].isupper() and "\n" not in text[end + 1:after]:
                        current += ((start, end), (end, end + 1))
                        i += 2
                        continue
                current.append((start, end))
                i += 1
                continue
            if kind == TITLE:
                current += _split_period(text, start, end)
                i += 1
                continue
            if kind in (SUFFIX, DOTTED):
                j = self._boundary(text, spans, i)
                if j is None:
                    current += _split_period(text, start, end) if kind == SUFFIX else ((start, end),)
                    i += 1
                    continue
                current += ((start, end - 1), (end - 1, end))  # the period ends the sentence
            else:
                current.append((start, end))
                if kind != PUNCT or text[start] not in _TERMINAL:
                    i += 1
                    continue
                # a run of marks written together ("?!", "....") ends a sentence at its last mark; an
                # ellipsis ("…", "...") marks an omission within a sentence (a paragraph end still ends it)
                first = i
                while i + 1 < n and spans[i + 1][0] == spans[i][1] and spans[i + 1][2] == PUNCT \
                        and text[spans[i + 1][0]] in _TERMINAL:
                    i += 1
                    current.append(spans[i][:2])
                run = text[spans[first][0]:spans[i][1]]
                if run == "…" or run in ("..", "..."):
                    i += 1
                    continue
                j = self._boundary(text, spans, i)
                if j is None:
                    i += 1
                    continue
            current.extend((a, b) for a, b, _ in spans[i + 1:j])
            sentences.append(current)
            current = []
            i = j
        if current:
            sentences.append(current)
        return sentences

    def _boundary(self, text: str, spans: list[tuple[int, int, int]], i: int) -> int | None:
        """Where the next sentence starts when the sentence-final-looking ``spans[i]`` ends one, else None.

        The quotes and brackets written right after the mark (``." ``, ``.) ``) close this sentence."""
        start, end, kind = spans[i]
        n = len(spans)
        j = i + 1
        pos = end
        while j < n and spans[j][0] == pos and spans[j][2] == PUNCT and text[pos] in _CLOSERS:
            if text[pos] in _QUOTE_OPENERS and text[spans[j][1]:spans[j][1] + 1].isupper():
                break  # 'rudal."Kami …': a straight quote glued to a capital opens the next sentence
            pos = spans[j][1]
            j += 1
        if j >= n:
            return j
        nstart, nend, nkind = spans[j]
        if "\n" in text[pos:nstart]:
            return j
        first = text[nstart]
        if kind == DOTTED and text[start:end].isupper() and nkind == WORD and nstart > pos:
            return None  # initials in capitals before a word ("Brigjen U.G. Ogeleka", "kata K.M. Rajan", "U.S. Code")
        if kind in (SUFFIX, DOTTED):
            # an abbreviation's period ends the sentence only before a capitalised word or a quote, and
            # not before another legal form written without its period ("Co. Ltd")
            ok = nstart > pos and (first.isupper() or first in _QUOTE_OPENERS) and nkind not in (SUFFIX, DOTTED, TITLE) \
                and not (kind == SUFFIX and text[nstart:nend] + "." in self.suffixes)
            return j if ok else None
        if nstart == pos:
            # nothing between the mark and the next token: "dekat.Amerika" ends a sentence, "Rusia.Ini"-like
            # typos only between a lower-case word and a capitalised one
            if j != i + 1 or text[start] != "." or i == 0:
                return None
            pstart, pend, pkind = spans[i - 1]
            # (also after a designation ending in a digit: "kepada M23.Kigali membantah …")
            after_word = pend == start and pkind == WORD and pend - pstart > 1 and (text[pend - 1].islower() or (
                text[pend - 1].isdigit() and any(ch.isalpha() for ch in text[pstart:pend])))
            if nkind == PUNCT and first in _QUOTE_OPENERS:  # 'pengembangan rudal."Kami tidak …'
                return j if after_word and text[nend:nend + 1].isupper() else None
            ok = (after_word and nkind == WORD and nend - nstart > 1 and first.isupper() and (
                text[nstart + 1].islower() or text[nstart:nend].isalpha() and text[nstart:nend].isupper()))  # "km.AS,"
            return j if ok else None
        if i > 0 and spans[i - 1][2] == CURRENCY:
            return None
        if first.isupper() or first in _OPENERS:
            return j
        if first.islower() and text[start] == "." and pos == end and i > 0 and nkind == WORD:
            # a full stop after a word, then a sentence begun in lower case ("pertemuan itu. ketiganya");
            # after an unlisted abbreviation or an initial (one letter) the period is not a sentence end
            pstart, pend, pkind = spans[i - 1]
            if pend == start and pkind == WORD and pend - pstart > 1:
                return j
        return None


_PART = re.compile(r"/")


def _compound(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A word joined by hyphens or slashes, split where a slash joins two words of two letters or more.

    "ANTARA/Xinhua", "REUTERS/Lim", "rds/bac" are three tokens, so the tagger sees each name; "31/8",
    "S/A", "II/2007" stay whole. Hyphens never split a word: "rudal-rudal", "Su-30", "ke-5", and also
    "Amir-Abdollahian", "Jean-Yves" (one name to the tagger) and "Indonesia-Turki" (the gazetteer in
    kg.resolve finds the names on either side of a hyphen in the text itself)."""
    seps = list(_PART.finditer(text, start, end))
    bounds = [start] + [m.end() for m in seps]  # where each piece starts
    ends = [m.start() for m in seps] + [end]  # where each piece ends
    out: list[tuple[int, int]] = []
    a = start
    for k, m in enumerate(seps):
        left, right = text[bounds[k]:ends[k]], text[bounds[k + 1]:ends[k + 1]]
        if m.group() == "/" and len(left) > 1 and len(right) > 1 and left.isalpha() and right.isalpha():
            out += ((a, m.start()), (m.start(), m.end()))
            a = m.end()
    if not out:
        return [(start, end)]
    out.append((a, end))
    return out


def _split_period(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """An abbreviation with one period is two tokens ("Dr" "."), as in UD Indonesian-GSD and the NER
    training data; one with inner periods ("Ph.D.", "a.n.") stays whole."""
    if text.count(".", start, end - 1):
        return ((start, end),)
    return ((start, end - 1), (end - 1, end))


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """The process-wide tokenizer (abbreviations parsed once, and kept between processes by :mod:`kg.cache`:
    their parse, rdflib's import included, cost every process 0.1 s of its start-up)."""
    return Tokenizer(cached("abbreviations", [ONTOLOGY_DIR / "abbreviations.ttl", Path(__file__)], load_abbreviations))


def sentences(text: str) -> list[list[Token]]:
    """Sentences of ``text`` as lists of :class:`~kg.types.Token` (character offsets into ``text``)."""
    return [[Token(text[a:b], a, b) for a, b in sent] for sent in tokenizer().tokenize(text)]


__all__ = ["Abbreviations", "Tokenizer", "load_abbreviations", "sentences", "tokenizer"]
