"""Names as text: entity keys, lookup normalisation, token shapes and character-span sets."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from operator import itemgetter

from kg.cues import cues

#: Closed-class words and verbs: never part of a name, whatever their case ("Kami", "Peringati").
NEVER_NAME = ("RoleTitle", "Rank", "GovernmentNoun", "VisitCue", "WarnCue", "MeetCue", "SupplyCue", "QuoteVerb",
               "QuotePronounVerb", "FunctionWord", "Pronoun1", "Pronoun3", "PronounPlural", "Preposition",
               "Conjunction", "Complementizer", "ClauseBoundary", "NegationCue", "PotentialCue", "PlannedCue",
               "ReportCue", "BeliefCue", "AccuseCue", "DenyCue", "DemandCue", "StatementNoun", "BylineLabel")
#: (possessive repeats: nothing follows that could take one back, so the matches are those of plain ones, found
#: without the backtracking state)
TOKEN = re.compile(r"\w++(?:[-'’.]\w++)*+|[^\w\s]")


def slug(name: str) -> str:
    """Entity key for a name: ASCII, lower case, words joined by ``_`` (``Choe Son-hui`` → ``choe_son_hui``)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    key = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    # A name with no ASCII letters keys on a content hash: Python's hash() differs per process,
    # and rebuilds, worker processes and other machines must mint the same IRI.
    return key or "entity_" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def norm(text: str) -> str:
    """Whitespace- and case-insensitive form used for lookups."""
    return " ".join(text.replace("\u00a0", " ").split()).lower()


def is_name_token(tok: str) -> bool:
    """Capitalised, or a short lower-case particle joined to a capitalised name ("al-Sharaa", "el-Sisi")."""
    if tok[:1].isupper() and any(ch.isalpha() for ch in tok):
        return True
    head, dash, rest = tok.partition("-")
    return bool(dash) and 1 <= len(head) <= 3 and head.isalpha() and head.islower() and rest[:1].isupper()


#: A hyphenated given name ("Kwang-ho", "Son-hui"): the word before it is a Korean family name, even one
#: spelled like a polite address ("Pak Kwang-ho")
HYPHENATED = re.compile(r"[A-Z][a-z]*-[a-z]")


#: A run of text without whitespace longer than this is data, not prose (a base64 image, a hash, a
#: URL glued to the text): the tagger reads random capitals in it as names. No word of a name is
#: this long ("Rusia-Korea", "TEMPO.CO", "Choe Son-hui" are far shorter).
MAX_WORD = 40


def in_data_run(text: str, start: int, end: int) -> bool:
    """Whether the span touches a whitespace-free run longer than :data:`MAX_WORD`."""
    a = start
    while a > 0 and not text[a - 1].isspace() and start - a <= MAX_WORD:
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace() and b - end <= MAX_WORD:
        b += 1
    return b - a > MAX_WORD and any(len(run) > MAX_WORD for run in text[a:b].split())


def skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


def initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


def acronyms(name: str) -> set[str]:
    """The acronyms a name may have: its initials, with a legal form in capitals kept whole ("SA"), and with
    the initials of its small joining words too ("Project on Middle East Democracy": POMED as well as PMED)."""
    words = re.findall(r"[A-Za-z][\w'-]*", name)
    whole = "".join(w if w.isupper() and len(w) <= 4 else w[0] for w in words if w[0].isupper())
    every = "".join(w[0] for w in words)
    return {initials(name).upper(), whole.upper(), every.upper()}


class Spans:
    """Character spans with O(log n) overlap tests, so resolution stays linear-ish in article length."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        # the running maximum of the ends (ends are offsets, never below 0), in C: an article builds a dozen
        self.max_end: list[int] = list(accumulate(map(itemgetter(1), ordered), max))

    def overlaps(self, a: int, b: int) -> bool:
        """Does any span overlap [a, b)? (spans starting before b, the furthest-reaching of them)"""
        i = bisect_left(self.starts, b) - 1
        return i >= 0 and self.max_end[i] > a

    def covers(self, a: int, b: int) -> bool:
        """Does one span hold all of [a, b)? (the furthest-reaching of those starting at or before a)"""
        i = bisect_right(self.starts, a) - 1
        return i >= 0 and self.max_end[i] >= b

    def add(self, a: int, b: int) -> None:
        """Insert a span that overlaps none already held (keeps ``max_end`` valid)."""
        i = bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.max_end.insert(i, max(b, self.max_end[i - 1] if i else -1))
        for j in range(i + 1, len(self.max_end)):
            if self.max_end[j] >= self.max_end[i]:
                break
            self.max_end[j] = self.max_end[i]


def whole_word_elsewhere(word: str, text: str, opens: set[int]) -> bool:
    r"""Whether ``word`` stands in ``text`` as a whole word (no word character or hyphen either side) at an offset
    not in ``opens`` (where the sentences open): the matches of ``(?<![\w-])word(?![\w-])`` in order, found with
    ``str.find`` rather than an expression compiled for each word of each article."""
    if not word:
        return any(x.start() not in opens for x in re.finditer(r"(?<![\w-])(?![\w-])", text))
    n, pos = len(word), text.find(word)
    while pos >= 0:
        end = pos + n
        if (pos == 0 or not _word_char(text[pos - 1])) and (end == len(text) or not _word_char(text[end])):
            if pos not in opens:
                return True
            pos = text.find(word, end)  # (the next match starts past this one, as re.finditer's does)
        else:
            pos = text.find(word, pos + 1)
    return False


def _word_char(ch: str) -> bool:
    r"""``[\w-]`` of a str pattern: a Unicode letter or digit, the underscore or the hyphen."""
    return ch.isalnum() or ch in "_-"


def leading_titles(words: list[str], classes: frozenset[str]) -> int:
    """How many of ``words`` open them as titles, words of the cue ``classes`` ("Raja", "Sheikh", "Brigjen"), each
    before a capitalised word: a title word before a lower-case particle is a given name ("Sultan bin Saad …")."""
    lexicon = cues()
    n = 0
    while n + 1 < len(words) and words[n + 1][:1].isupper() and classes & lexicon.classes(words[n].lower()).keys():
        n += 1
    return n
