"""Names a descriptor noun introduces: "perusahaan minyak Surgutneftegaz", "bank komersial Rusia
Transkapitalbank", "miliarder Viktor Vekselberg". The tagger often leaves out an unfamiliar name of one
or two words that no legal form marks; the noun before it (``kg:FirmDescriptor``, ``kg:PersonDescriptor``)
says what it names."""

from __future__ import annotations

from kg.cues import cues
from kg.resolve.lookup import gazetteer
from kg.resolve.mentions import Tokens, firm_word, sentence_tokens
from kg.resolve.names import Spans
from kg.types import Doc, Mention

#: descriptor class -> entity type, and how many name words it takes
_KINDS = {"FirmDescriptor": ("ORG", 1, 4), "PersonDescriptor": ("PER", 2, 3)}
_DESCRIPTORS = frozenset(_KINDS)


def described_mentions(doc: Doc, known: list[tuple[Mention, str]], tokens: Tokens | None = None) -> list[Mention]:
    """After a lower-case descriptor noun (not a title's: "manajer perusahaan X"), a lower-case word no cue
    claims ("minyak", "komersial") or a known state ("perusahaan Iran …"), a run of capitalised words no cue claims that
    ends before a lower-case word, a mark or a known state is the name the noun describes; not a legal word
    alone ("maskapai Vietnam Airlines": the state opens that name) nor a two-letter abbreviation
    ("perusahaan IT"). A known name where the run starts means the name is already found."""
    c = cues()
    text = doc.article.text
    gaz = gazetteer()
    places = {m.start: m.end for m, k in known if gaz.entries[k].type == "GPE"}
    taken = Spans((m.start, m.end) for m, _ in known)
    out: list[Mention] = []
    for s, (toks, words) in zip(doc.sentences, tokens or sentence_tokens(doc), strict=True):
        if not c.carries_any(words, _DESCRIPTORS):
            continue  # no descriptor noun (most sentences): nothing to test word by word
        for i, w in enumerate(words):
            if not w.islower() or i and "RoleTitle" in c.classes(words[i - 1]):
                continue  # "manajer perusahaan Kim Sang-man": the holder of a title of the firm comes next
            kind = next((_KINDS[k] for k in c.classes(w) if k in _KINDS), None)
            if kind is None:
                continue
            etype, least, most = kind
            j = i + 2 if i + 2 < len(words) and words[i + 1].isalpha() and words[i + 1].islower() and \
                not c.classes(words[i + 1]) else i + 1  # "perusahaan minyak X": one qualifier word
            if j < len(words) and toks[j].start() in places:  # "perusahaan Iran Safiran Airport Services"
                end = places[toks[j].start()]
                while j < len(words) and toks[j].start() < end:
                    j += 1
            k = j
            # (no compass word: "produsen Barat" is the West's makers; a legal word may end the name)
            while k < len(words) and k < j + most and firm_word(words[k], c) and toks[k].start() not in places and \
                    "LocationHead" not in c.classes(words[k]):
                k += 1
            if not least <= k - j or "FirmSuffix" in c.classes(words[j]) or words[j].isupper() and len(words[j]) < 3:
                continue  # no name, a legal word alone, or an abbreviated common noun ("perusahaan IT")
            if k < len(words) and (words[k][:1].isupper() or words[k][:1].isdigit()) and toks[k].start() not in places:
                continue  # a longer name this noun does not bound
            start, end = toks[j].start(), toks[k - 1].end()
            if not taken.overlaps(start, end):
                out.append(Mention(text[start:end], etype, start, end, s.index, "pattern"))
    return out
