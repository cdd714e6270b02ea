"""Cue lexicon for relation extraction, loaded from ``ontology/cues.ttl`` once per process.

The Turtle file holds the Indonesian words; this module only knows Indonesian morphology well enough
to expand a root into its affixed forms (meN- / peN- nasal assimilation, di-, -kan, -i, -an), and how
to look a token up with its enclitics (-nya, -lah, -kah, -pun) stripped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg import ONTOLOGY_DIR, vocab
from kg.cache import cached
from kg.typos import near, one_edit, shortening_index
from kg.vocab import local_name as _local

ACTIVE, PASSIVE, NOUN, ANY = "active", "passive", "noun", "any"
#: the voices of a verb form of a cue (a noun form has neither)
VERB_VOICES = frozenset({ACTIVE, PASSIVE})
_AFFIX_VOICE = {
    "0": ACTIVE, "-kan": ACTIVE, "meN-": ACTIVE, "meN--kan": ACTIVE, "meN--i": ACTIVE, "ber-": ACTIVE, "memper-": ACTIVE,
    "memper--kan": ACTIVE, "di-": PASSIVE, "di--kan": PASSIVE, "di--i": PASSIVE, "diper-": PASSIVE,
    "diper--kan": PASSIVE, "ter-": PASSIVE, "-an": NOUN, "peN--an": NOUN, "peN-": NOUN, "per--an": NOUN,
    "ke--an": NOUN,
}
ENCLITICS = ("nya", "lah", "kah", "pun")
#: the enclitic of a possessed or definite noun and of a verb's object ("kunjungannya", "menuduhnya"): its
#: owner or object is someone named before
POSSESSIVE = ENCLITICS[0]
#: cue words this long are read through one typo ("memperingtakan"); shorter ones are too close to
#: other words ("menuding" / "menunding")
TYPO_MIN = 9


def nasal(prefix: str, root: str) -> list[str]:
    """meN-/peN- + root with the standard assimilation; loanwords that keep their initial consonant
    (mengkritik, mentransfer) are generated too, since a form that never occurs costs nothing."""
    base = prefix[:2]  # "me" / "pe"
    r = root.lower()
    c = r[0]
    if len(re.findall(r"ai|au|oi|[aiueo]", r)) == 1:  # monosyllabic: mengebom, pengecat
        return [base + "nge" + r, base + "ng" + r]
    if c == "k":
        return [base + "ng" + r[1:], base + "ng" + r]
    if c == "p":
        return [base + "m" + r[1:], base + "m" + r]
    if c == "t":
        return [base + "n" + r[1:], base + "n" + r]
    if c == "s":
        return [base + "ny" + r[1:], base + "n" + r]
    if c in "bfv":
        return [base + "m" + r]
    if c in "cdjz":
        return [base + "n" + r]
    if c in "aiueogh":
        return [base + "ng" + r]
    return [base + r]  # l m n r w y


def passive_prefixed(word: str) -> bool:
    """A di- form ("dijatuhi", "dikenai"): the verb is passive whatever its root."""
    return word.lower().startswith("di")


def stative_prefixed(word: str) -> bool:
    """A ber- form ("bersenjata", "berpenduduk", "berbasis"): a state or property, no act of the clause."""
    return word.lower().startswith("ber")


def expand(root: str, affix: str) -> list[str]:
    """All spellings of ``root`` with one affix pattern from cues.ttl."""
    r = root.lower()
    if affix == "0":
        return [r]
    if affix.startswith(("meN-", "peN-")):
        rest = affix[4:]
        suffix = rest[1:] if rest.startswith("-") else ""
        return [f + suffix for f in nasal(affix[:4], r)]
    if "-" in affix:
        pre, _, suf = affix.partition("-")
        suf = suf.lstrip("-")
        return [pre + r + suf]
    return [r]


#: noun classes that refer back to one state: their reduplicated plural names many, so none of them
_ONE_STATE = frozenset({"StateNoun", "GovernmentNoun"})


@dataclass
class Cues:
    """Single-token and multi-token cue lookup.

    ``classes(word)`` gives the cue classes of a (lower-case) word as {class name: voice}; phrases are
    matched on token sequences by ``match_phrase``.
    """

    words: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=lambda: defaultdict(list))
    group_size: dict[str, int] = field(default_factory=dict)
    cardinals: dict[str, int] = field(default_factory=dict)  # "dua" → 2 (kg:Cardinal): things counted, not named
    default_modality: dict[str, str] = field(default_factory=dict)
    byline_labels: dict[str, str] = field(default_factory=dict)
    byline_patterns: list[re.Pattern] = field(default_factory=list)
    templates: dict[str, str] = field(default_factory=dict)  # "kementerian luar negeri" → "Ministry … {state}"
    part_templates: dict[str, str] = field(default_factory=dict)  # "komponen" → "{weapon} components"
    modifier_templates: dict[str, str] = field(default_factory=dict)  # "jarak jauh" → "long-range {weapon}"
    #: an official's title → the template of the body that official heads ("menhan" → "Ministry of Defence …")
    title_templates: dict[str, str] = field(default_factory=dict)
    #: a commander's title → the template of the force he heads ("ksal" → "{adjective} Navy"): his role is in it
    chief_templates: dict[str, str] = field(default_factory=dict)
    #: a template → its name for a body sitting in another state, and the prepositions naming that state
    #: ("Embassy of {state}" → ("Embassy of {state} in {host}", {"di"}))
    host_templates: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    #: a template → the body's English name after the state's, for a state English names every body of with its name
    #: first ("Ministry of Foreign Affairs of {state}" → "Department of State": the United States Department of State)
    state_first_names: dict[str, str] = field(default_factory=dict)
    #: a force's acronym as written before a state → the template form it stands for ("AU" → "angkatan udara")
    acronym_heads: dict[str, str] = field(default_factory=dict)
    #: a title's short or long form → one form for them all ("pm" and "perdana menteri" → "perdana menteri")
    title_variants: dict[str, str] = field(default_factory=dict)
    #: word → classes, filled by ``classes``: the rules ask about the same few hundred words again and
    #: again (about 800 lookups per article), and each lookup may try every enclitic
    _memo: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    #: class → word → ``may_start``: a finder asks it of every word of every sentence
    _starts: dict[str, dict[str, bool]] = field(default_factory=dict, repr=False)
    #: classes → word → whether ``classes(word)`` holds one of them (``carries_any``)
    _carriers: dict[frozenset[str], dict[str, bool]] = field(default_factory=dict, repr=False)
    _lookups: dict[str, tuple[dict[str, str], str, bool]] = field(default_factory=dict, repr=False)
    #: (first word, second word) → the multi-word cues of the first whose second word the second starts with
    #: (``match_phrase``: a first word may open dozens of cues, "menteri" a hundred; most fail at the second)
    _seconds: dict[tuple[str, str], list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict, repr=False)
    #: long cue words and their shortenings (kg.typos), built when a word is first read through a slip
    _typos: dict[str, tuple[str, ...]] | None = field(default=None, repr=False)

    def add(self, form: str, cls: str, voice: str) -> None:
        tokens = tuple(form.lower().split())
        if not tokens:
            return
        self._memo.clear()
        self._starts.clear()
        self._carriers.clear()
        self._lookups.clear()
        self._seconds.clear()
        self._typos = None
        if len(tokens) == 1:
            self.words[tokens[0]].setdefault(cls, voice)
        else:
            entry = (tokens, cls, voice)
            if entry not in self.phrases[tokens[0]]:
                self.phrases[tokens[0]].append(entry)
                self.phrases[tokens[0]].sort(key=lambda e: -len(e[0]))

    def classes(self, word: str) -> dict[str, str]:
        """Cue classes of one token, trying it as written and without an enclitic (do not mutate)."""
        try:
            return self._memo[word]
        except KeyError:
            pass
        if len(self._memo) >= 200_000:  # bounded: a long build sees many one-off words
            self._memo.clear()
        found = self._memo[word] = self._classes(word)
        return found

    def lookup(self, word: str) -> tuple[dict[str, str], str, bool]:
        """``classes(word)``, the word in lower case, and whether a multi-word cue may start with it (its
        lower case opens one in ``phrases``): what ``kg.units.build_units`` asks of every word, in one
        lookup."""
        try:
            return self._lookups[word]
        except KeyError:
            pass
        if len(self._lookups) >= 200_000:
            self._lookups.clear()
        low = word.lower()
        found = self._lookups[word] = (self.classes(word), low, low in self.phrases)
        return found

    def lookups(self) -> dict[str, tuple[dict[str, str], str, bool]]:
        """``lookup``'s answers so far, word → answer: a caller that asks about every word looks a word
        up here first and calls ``lookup`` only for a word not there."""
        return self._lookups

    def may_start(self, word: str, cls: str) -> bool:
        """Whether a cue of class ``cls`` can start at ``word``: the word carries the class (``classes``),
        or a multi-word cue of the class starts with it as written in lower case (``match_phrase`` can
        find one there). False means neither can: a cheap test before the costlier ones."""
        memo = self.starters(cls)
        found = memo.get(word)
        if found is None:
            if len(memo) >= 200_000:
                memo.clear()
            found = memo[word] = cls in self.classes(word) or \
                any(e[1] == cls for e in self.phrases.get(word.lower(), ()))
        return found

    def starters(self, cls: str) -> dict[str, bool]:
        """``may_start``'s answers for ``cls`` so far, word → bool: a finder that asks about every word
        looks a word up here first and calls ``may_start`` only for a word not there."""
        memo = self._starts.get(cls)
        if memo is None:
            memo = self._starts[cls] = {}
        return memo

    def carries_any(self, words: list[str], classes: frozenset[str]) -> bool:
        """Whether one of ``words`` (a sentence's) carries one of the cue ``classes`` by ``classes(word)``: asked
        of the whole sentence in set operations, so a finder passes over the many sentences with none
        without a test per word."""
        memo = self._carriers.get(classes)
        if memo is None:
            memo = self._carriers[classes] = {}
        present = set(words)
        new = present.difference(memo)
        if new:
            if len(memo) + len(new) > 200_000:  # bounded: a long build sees many one-off words
                memo.clear()
                new = present
            for w in new:
                memo[w] = not classes.isdisjoint(self.classes(w))
        return True in map(memo.__getitem__, present)

    def _classes(self, word: str) -> dict[str, str]:
        w = word.lower()
        found = self.words.get(w)
        if found:
            return found
        for clitic in ENCLITICS:
            if w.endswith(clitic) and len(w) > len(clitic) + 2:
                found = self.words.get(w[: -len(clitic)])
                if found:
                    return found
        head, dash, rest = w.partition("-")
        if dash and head == rest and head in self.words:
            # a reduplicated plural ("kesepakatan-kesepakatan", "paket-paket") names what its base noun does;
            # not a state or government noun, which stands for the one state told of ("negara itu")
            return {c: v for c, v in self.words[head].items() if c.endswith("Noun") and c not in _ONE_STATE}
        return self._misspelled(w)

    def _misspelled(self, w: str) -> dict[str, str]:
        """The classes of the one long cue word that ``w`` spells with one letter missing, added or swapped
        with its neighbour ("memperingtakan", "memasukan"): news copy is typed fast. Nothing when no cue word
        or more than one is that close, or the first two letters differ."""
        if len(w) < TYPO_MIN or not w.isalpha():
            return {}
        if self._typos is None:
            self._typos = shortening_index(c for c in self.words if len(c) >= TYPO_MIN and c.isalpha())
        # not one letter replaced, which as often spells another word ("pemberian" / "pembelian",
        # "menyatukan" / "menyatakan")
        close = {c for c in near(w, self._typos) if c[:2] == w[:2] and one_edit(w, c, replaced=False)}
        return self.words[close.pop()] if len(close) == 1 else {}

    def match_phrase(self, lowers: list[str], i: int) -> list[tuple[int, str, str]]:
        """(length, class, voice) of every multi-word cue starting at token ``i``."""
        out: list[tuple[int, str, str]] = []
        first = lowers[i]
        if first not in self.phrases or i + 1 >= len(lowers):
            return out  # every phrase has a second word
        second = lowers[i + 1]
        entries = self._seconds.get((first, second))
        if entries is None:
            if len(self._seconds) >= 200_000:  # bounded: a long build sees many one-off pairs
                self._seconds.clear()
            # the second word as written, or (a phrase's last) with an enclitic
            entries = self._seconds[first, second] = [e for e in self.phrases[first] if second.startswith(e[0][1])]
        for tokens, cls, voice in entries:
            n = len(tokens)
            exact = tuple(lowers[i:i + n]) == tokens
            clitic = i + n <= len(lowers) and tuple(lowers[i:i + n - 1]) == tokens[:-1] and \
                _strip(lowers[i + n - 1]) == tokens[-1]
            if exact or clitic:
                out.append((n, cls, voice))
        return out


def _strip(word: str) -> str:
    for clitic in ENCLITICS:
        if word.endswith(clitic) and len(word) > len(clitic) + 2:
            return word[: -len(clitic)]
    return word


def load(path: Path | None = None) -> Cues:
    """Parse a cue file (default ``ontology/cues.ttl``)."""
    from rdflib import Graph, Namespace  # only to parse: read from kg.cache (0.1 s an import)
    from rdflib.namespace import RDF

    KG = Namespace(vocab.KG)
    g = Graph().parse(path or ONTOLOGY_DIR / "cues.ttl")
    cues = Cues()
    numerals, demonstratives = _numeral_parts(g, KG)
    cues.cardinals = {str(f).lower(): int(next(iter(g.objects(n, KG.groupSize))))
                      for n in g.subjects(RDF.type, KG.Cardinal) for f in g.objects(n, KG.form)}
    for cue in sorted(set(g.subjects(RDF.type, KG.Cue))):  # sorted: the first voice of a word must not depend on hashing
        classes = [_local(c) for c in g.objects(cue, KG.cueClass)]
        forms: list[tuple[str, str]] = []
        for prop, voice in ((KG.form, ANY), (KG.activeForm, ACTIVE), (KG.passiveForm, PASSIVE), (KG.nounForm, NOUN)):
            forms += [(str(f), voice) for f in g.objects(cue, prop)]
        for root in g.objects(cue, KG.root):
            for affix in g.objects(cue, KG.affix):
                voice = _AFFIX_VOICE.get(str(affix), ANY)
                forms += [(f, voice) for f in expand(str(root), str(affix))]
        size = next(iter(g.objects(cue, KG.groupSize)), None)
        nouns = [" ".join(str(n).split()) for n in g.objects(cue, KG.groupNoun)]
        composed = _numeral_anaphors(nouns, numerals, demonstratives)
        modality = next(iter(g.objects(cue, KG.defaultModality)), None)
        btype = next(iter(g.objects(cue, KG.bylineType)), None)
        template = next(iter(g.objects(cue, KG.template)), None)
        if template is not None:
            target = cues.part_templates if "PartNoun" in classes else \
                cues.modifier_templates if "WeaponModifier" in classes else cues.templates
            for form, _ in forms:
                target[" ".join(form.lower().split())] = str(template)
            for title in g.objects(cue, KG.titleForm):
                cues.title_templates[" ".join(str(title).lower().split())] = str(template)
            for title in g.objects(cue, KG.chiefForm):
                cues.chief_templates[" ".join(str(title).lower().split())] = str(template)
            _variants(cues, [str(t) for t in g.objects(cue, KG.titleForm)])
            for acronym in g.objects(cue, KG.acronymForm):
                cues.acronym_heads[str(acronym)] = " ".join(forms[0][0].lower().split())
            if (first := next(iter(g.objects(cue, KG.stateFirstName)), None)) is not None:
                cues.state_first_names[str(template)] = str(first)
            if (host := next(iter(g.objects(cue, KG.hostTemplate)), None)) is not None:
                preps = frozenset(str(f).lower() for f in g.objects(cue, KG.hostForm))
                cues.host_templates[str(template)] = (str(host), preps)
        for cls in classes:
            for form, voice in forms:
                cues.add(form, cls, voice)
                if size is not None:
                    cues.group_size[form.lower()] = int(size)
                if modality is not None:
                    cues.default_modality[form.lower()] = _local(modality)
                if btype is not None:
                    cues.byline_labels[form.lower()] = str(btype)
            for form, n in composed:
                cues.add(form, cls, ANY)
                cues.group_size[form] = n
            if cls == "QuoteVerb":  # "katanya", "ujarnya": the speaker is a pronoun
                for form, _ in forms:
                    cues.add(form + POSSESSIVE, "QuotePronounVerb", ANY)
        for pattern in g.objects(cue, KG.pattern):
            cues.byline_patterns.append(re.compile(str(pattern), re.MULTILINE))
    for group in sorted(set(g.subjects(RDF.type, KG.TitleVariants))):  # no cue class: the words keep theirs
        _variants(cues, [str(t) for t in g.objects(group, KG.titleForm)])
    return cues


def _numeral_parts(g: Any, KG: Any) -> tuple[list[tuple[str, int]], list[str]]:
    """The collective numerals ("ketiga": 3) and the demonstratives a numeral anaphor is built from."""
    from rdflib.namespace import RDF

    numerals = sorted((str(f).lower(), int(next(iter(g.objects(n, KG.groupSize)))))
                      for n in g.subjects(RDF.type, KG.CollectiveNumeral) for f in g.objects(n, KG.form))
    demonstratives = sorted(str(f).lower() for c in g.subjects(KG.cueClass, KG.Demonstrative)
                            for f in g.objects(c, KG.form))
    return numerals, demonstratives


def _numeral_anaphors(nouns: list[str], numerals: list[tuple[str, int]],
                      demonstratives: list[str]) -> list[tuple[str, int]]:
    """Every "<numeral> <noun> [<demonstrative>]" with its size: "ketiga maskapai itu" is 3 of the last named,
    whichever noun of the class and numeral the writer chose, so none is listed one by one."""
    out = []
    for noun in nouns:
        for numeral, n in numerals:
            out.append((f"{numeral} {noun.lower()}", n))
            out += [(f"{numeral} {noun.lower()} {d}", n) for d in demonstratives]
    return out


def _variants(cues: Cues, forms: list[str]) -> None:
    """Record ``forms`` as spellings of one title, the longest (then first in order) standing for them all."""
    forms = sorted({" ".join(f.lower().split()) for f in forms}, key=lambda f: (-len(f), f))
    for f in forms:
        cues.title_variants.setdefault(f, forms[0])


def same_title(title: str) -> str:
    """``title`` (lower case) with the short or long form it opens with written as one form for them all
    ("pm kosovo" and "perdana menteri kosovo" alike → "perdana menteri kosovo")."""
    variants = cues().title_variants
    words = title.split()
    for n in range(min(4, len(words)), 0, -1):
        head = " ".join(words[:n])
        if head in variants:
            return " ".join([variants[head], *words[n:]])
    return title


def word_is(word: str | None, *classes: str) -> bool:
    """Whether ``word`` (a preposition kept on a unit, say) belongs to one of the cue ``classes``."""
    return word is not None and any(c in cues().classes(word) for c in classes)


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The shared cue lexicon, parsed once per process and kept between processes (``kg.cache``)."""
    return cached("cues", [ONTOLOGY_DIR / "cues.ttl", Path(__file__)], load)
