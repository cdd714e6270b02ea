"""Generated inputs for the text → relations path, and the properties every one must keep.

Shared by ``tests/test_fuzz.py`` (a modest number of examples, shrunk on failure) and
``bench/fuzz_many.py`` (≥ 10,000 examples in batches). The generator mixes news-like Indonesian
(names the gazetteer and NER know, cue verbs the extractor reacts to) with hostile material:
arbitrary Unicode, very long tokens, odd quotes and brackets, right-to-left text and direction
overrides, emoji sequences, control and format characters, markup and query-language syntax.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Sequence

from hypothesis import strategies as st

from kg.ingest import article_from_text
from kg.rdf import KG, article_quads, nquads, parse_nquads, validate
from kg.types import RELATION_ARGS, Article, Doc, Extraction

NAMES = ["John Kirby", "Kirby", "Korea Utara", "Korut", "Rusia", "Moskow", "Sergei Shoigu", "Kim Jong Un",
         "Gedung Putih", "Amerika Serikat", "AS", "Ukraina", "Kyiv", "Joe Biden", "Vladimir Putin", "Wagner Group",
         "NATO", "Iran", "Pyongyang", "Retno Marsudi", "Indonesia", "China", "Antony Blinken", "Dewan Keamanan PBB"]
WEAPONS = ["amunisi artileri", "rudal balistik", "drone", "peluru kendali", "tank", "roket", "senjata",
           "amunisi", "drone Shahed", "rudal hipersonik"]
CUES = ["menuduh", "memasok", "mengirimkan", "mengirim", "menyediakan", "memperingatkan", "bertemu dengan",
        "bertemu", "mengunjungi", "berkunjung ke", "menjatuhkan sanksi terhadap", "membantah", "mengatakan bahwa",
        "kata", "ujar", "dipasok oleh", "pasokan", "menerima", "membeli", "dari", "ke", "kepada", "agar",
        "tidak", "akan", "diduga", "dilaporkan", "menegaskan", "juru bicara", "Menteri Pertahanan", "Presiden"]
GLUE = ["yang", "dan", "di", "pada", "telah", "itu", "ini", "untuk", "dalam", "Jumat", "(10/2)", "10 Februari 2023",
        ",", ".", ";", ":", "-", "–", "—", "?", "!", "...", "dia", "mereka", "pihak", "organisasi", "paramiliter"]
QUOTES_BRACKETS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a",
                   "(", ")", "[", "]", "{", "}", "<", ">", "((", "))", "\u300c", "\u300d", "\uff08", "\uff09", "`", "\\",
                   '"""', "''", "«", "»"]
RTL = ["\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645", "\u05e9\u05dc\u05d5\u05dd",
       "\u202eRusia\u202c", "\u200f", "\u061c", "\u202bKorea Utara\u202c", "\u2067Kirby\u2069",
       "\u0627\u0644\u0648\u0644\u0627\u064a\u0627\u062a \u0627\u0644\u0645\u062a\u062d\u062f\u0629"]
EMOJI = ["\U0001f642", "\U0001f1f7\U0001f1fa", "\U0001f469\u200d\U0001f469\u200d\U0001f467",
         "\U0001f3f3\ufe0f\u200d\U0001f308", "\U0001f525\U0001f525", "\U0001f642\u200d\u2195\ufe0f", "\u2764\ufe0f",
         "\U0001f44d\U0001f3fd", "#\ufe0f\u20e3"]
INJECTION = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</script><script>x=1</script>",
             "'; DROP GRAPH <urn:x> ; --", '""" . } INSERT DATA { <urn:a> <urn:b> <urn:c> } #', "@prefix x: <y> .",
             "\\u0022", "^^xsd:string", "<http://evil.example/>", "_:b0", "%00", "?x", "$this", "\\", "\\\\",
             "&amp;", "&lt;b&gt;", "{{7*7}}", "${jndi:ldap://x}", "javascript:alert(1)", "../../etc/passwd", "@en",
             '"@id', "\\n", "\u0000", "GRAPH ?g { ?s ?p ?o }"]

_controls = st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs", "Mn"]), min_size=1, max_size=4)
#: Very long tokens: Stanza's cost grows with the longest token of a sentence, so they are rare and
#: mostly below 800 characters (one of 5,000 characters takes Stanza ~10 s on a busy 2-core machine).
_long = st.one_of(
    st.integers(60, 800).map(lambda n: "a" * n),
    st.integers(20, 150).map(lambda n: "Korea" * n),
    st.tuples(st.sampled_from(NAMES), st.integers(10, 80)).map(lambda t: t[0].replace(" ", "") * t[1]),
    st.text(st.characters(codec="utf-8"), min_size=60, max_size=400).map(lambda s: "".join(s.split())),
    st.integers(50, 600).map(lambda n: "9" * n),
    st.integers(1500, 3000).map(lambda n: "x" * n),
)
_common = st.sampled_from(NAMES + NAMES + WEAPONS + CUES + CUES + GLUE + GLUE)
_hostile = st.one_of(
    st.sampled_from(QUOTES_BRACKETS), st.sampled_from(RTL), st.sampled_from(EMOJI), st.sampled_from(INJECTION),
    _controls, st.text(max_size=12),  # arbitrary Unicode, any category
)
#: 70% news words, 28% hostile pieces, 2% very long tokens.
token = st.integers(0, 99).flatmap(lambda k: _common if k < 70 else _hostile if k < 98 else _long)
_hostile_or_nothing = st.one_of(st.just(""), st.just(""), st.just(""), _hostile)
#: A name with hostile material glued to it: ``Kirby<script>``, ``“Korea Utara”``, ``(Rusia)``, RTL marks.
_decorated = st.builds(lambda pre, name, post: pre + name + post, _hostile_or_nothing,
                       st.sampled_from(NAMES), _hostile_or_nothing)
_actor = st.one_of(st.sampled_from(NAMES), st.sampled_from(NAMES), _decorated)
#: Claim-shaped sentences (actor, cue, actor or weapon, "ke" actor) so the extractor really fires,
#: with hostile pieces between the parts.
claim = st.builds(
    lambda parts, gaps, end: " ".join(p + (" " + g if g else "") for p, g in zip(parts, gaps, strict=False)) + end,
    st.tuples(st.sampled_from(["", "Juru bicara", "Menteri Luar Negeri", "Presiden", "\u201c"]), _actor,
              st.sampled_from(CUES), st.one_of(_actor, st.sampled_from(WEAPONS)),
              st.sampled_from(["ke", "kepada", "dan", ""]),
              _actor, st.sampled_from(["", "kata", "ujar", "\u201d kata"]), st.one_of(st.just(""), _actor)),
    st.lists(_hostile_or_nothing, min_size=8, max_size=8),
    st.sampled_from([".", ".", ".\u201d", "!", ""]),
)
_end = st.sampled_from([".", ".", "!", "?", "", ".\u201d", '."', ")", "...", " \U0001f642"])
sentence = st.one_of(
    st.builds(lambda words, end: " ".join(words) + end, st.lists(token, min_size=1, max_size=16), _end), claim)
_sep = st.sampled_from(["\n\n", "\n\n", " ", "\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\n \n", "\t", "\x0c"])
news_like = st.builds(
    lambda first, rest: first[0] + "".join(sep + s for sep, s in rest),
    st.tuples(sentence),
    st.lists(st.tuples(_sep, sentence), max_size=5),
)
#: What the fuzzers draw from: mostly news-like text with hostile pieces, some plain arbitrary Unicode.
texts = st.one_of(news_like, news_like, news_like, st.text(max_size=300),
                  st.text(st.characters(codec="utf-8"), max_size=150))


def check_article(article: Article) -> None:
    """The ingest properties: the text is normalised (a second pass is a no-op) and named by its hash."""
    text = article.text
    assert article_from_text(text, name=article.name).text == text
    assert len(article.doc_id) == 64
    for ch in text:
        assert ch == "\n" or not (ch < " " or "\x7f" <= ch <= "\x9f" or "\ud800" <= ch <= "\udfff"), \
            f"control character {ch!r} left in the normalised text"


def check_doc(doc: Doc) -> None:
    """Every sentence, token and mention lies inside the text and quotes it exactly."""
    text = doc.article.text
    n = len(text)
    for i, s in enumerate(doc.sentences):
        assert s.index == i
        assert 0 <= s.start < s.end <= n and s.text == text[s.start:s.end]
        for t in s.tokens:
            assert s.start <= t.start <= t.end <= s.end, (t, s.start, s.end)
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= n and m.text == text[m.start:m.end], m
        assert 0 <= m.sentence < len(doc.sentences)


def check_extraction(ex: Extraction) -> None:
    """Offsets inside the text, arguments that are resolved entities, links that quote the text."""
    text = ex.doc.article.text
    n = len(text)
    for m, key in ex.links:
        assert 0 <= m.start < m.end <= n and m.text == text[m.start:m.end], m
        assert key in ex.entities, key
    for key, ent in ex.entities.items():
        assert key and ent.key == key and ent.canonical.strip(), ent
    for r in ex.relations:
        assert 0 <= r.start < r.end <= n, (r.start, r.end, n)
        assert 0 <= r.sentence < len(ex.doc.sentences)
        assert set(r.args) <= set(RELATION_ARGS[r.type]), r.args
        for name, value in r.args.items():
            if value and (r.type, name) != ("role", "title"):
                assert value in ex.entities, (r.type, name, value)


def check_graph(quads: Sequence, *, shacl: bool = True) -> None:
    """Quads survive N-Quads serialisation exactly, their offsets lie in the text, and SHACL passes."""
    assert set(parse_nquads(nquads(quads))) == set(quads)
    if shacl:
        result = validate(quads)
        assert result.conforms, result.report[:4000]


def offsets_in_graph(quads: Sequence, text: str) -> None:
    n = len(text)
    for q in quads:
        if q.predicate.value in (KG + "startOffset", KG + "endOffset"):
            assert 0 <= int(q.object.value) <= n


def run_one(raw: str, analyse_fn=None, *, shacl: bool = True) -> Extraction | None:
    """The whole path for one input; raises on any broken property. None when the text is empty."""
    from kg.nlp import analyse

    article = article_from_text(raw, name="fuzz.txt")
    check_article(article)
    if not article.text:
        return None  # the pipeline skips empty articles before Stanza
    doc = (analyse_fn or analyse)([article])[0]
    return check_rest(doc, shacl=shacl)


def check_rest(doc: Doc, *, shacl: bool = True) -> Extraction:
    from kg.extract import extract

    check_doc(doc)
    ex = extract(doc)
    check_extraction(ex)
    quads = article_quads(ex)
    offsets_in_graph(quads, doc.article.text)
    check_graph(quads, shacl=shacl)
    return ex


@contextlib.contextmanager
def fast_shacl() -> Iterator[None]:
    """Within the block, pyshacl's SPARQL-based constraints run as prepared queries (parsed once,
    not once per focus node).

    rdflib re-parses a SPARQL string on every ``Graph.query``; pyshacl passes the same few
    constraint queries once per focus node, so parsing is ~90% of validating a small graph (1.5 s
    → 0.15 s here). A prepared query is rdflib's documented way to run one query many times, with
    the same results; ``tests/test_fuzz.py`` checks that violations are still found.
    """
    from rdflib.plugins.sparql import processor

    original = processor.SPARQLProcessor.query

    @functools.lru_cache(maxsize=256)
    def prepared(text: str, base: str | None, ns: tuple) -> object:
        return processor.translateQuery(processor.parseQuery(text), base, dict(ns))

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        if isinstance(strOrQuery, str):
            strOrQuery = prepared(strOrQuery, base, tuple(sorted((initNs or {}).items())))
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    processor.SPARQLProcessor.query = query
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original
