"""Files → ``Article``: refuse what is not an article, decode, strip HTML, normalise, hash.

The normalised text is what every offset in the graph points into, and its sha256 is the
article's identity, so the same story saved twice (CRLF vs LF, NBSP vs space) is one article.

Real news dumps hold empty files, binaries, legacy encodings, HTML pages, other languages and
copies; :func:`load` turns each file into a :class:`LoadResult` (an article or ``None``, a status
and a one-line message naming the file) and never raises for bad input, so a build can report one
row per file and go on. Limits (``MAX_BYTES``) are checked before reading, so a 50 MB file costs a
``stat``, not 50 MB of memory.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import logging
import math
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from kg import budget
from kg.htmltext import html_to_text, word_set
from kg.meta import Sidecar, describe, read_sidecar
from kg.types import Article
from kg.walk import iter_paths  # noqa: F401 - part of this module's API

log = logging.getLogger(__name__)

#: Most text one article may have (UTF-8 bytes of the decoded text); the file itself may be up to
#: ``HTML_FACTOR`` times larger when it is HTML (markup is stripped). Override per call or with the
#: environment variable ``KG_MAX_ARTICLE_MB``.
MAX_BYTES = 5 * 1024 * 1024
HTML_FACTOR = 4
#: Outcomes of :func:`load`. ``ok`` and ``decoded-with-warning`` carry an article.
STATUSES = ("ok", "empty", "binary", "not-indonesian", "too-large", "duplicate", "decoded-with-warning", "error")
USABLE = frozenset({"ok", "decoded-with-warning"})
SUFFIXES = frozenset({".txt", ".html", ".htm"})

#: Lines that are site navigation, not article content (see shared gold GUIDELINES).
FURNITURE = re.compile(
    r"^(baca juga|baca|pilihan editor|lihat juga|simak juga|artikel terkait|berita terkait)\s*:"
    r"|^next article\b"  # (the headline of the outlet's next article: "Next Article Panas! AS Hingga Jerman Kecam …")
    r"|^(tags|terkini|terpopuler|rekomendasi|populer|advertisement|scroll to continue)$",
    re.IGNORECASE,
)
#: Headers of a list of other stories' headlines, one per line right under it with no blank line between.
LIST_HEADER = re.compile(r"^(terkini|terpopuler|rekomendasi|populer|berita terkait|artikel terkait|berita lainnya)$",
                         re.IGNORECASE)
#: A headline in such a list: short, no sentence's closing stop.
_HEADLINE = re.compile(r"^.{3,140}(?<![.!?\"”])$")


class IngestError(ValueError):
    """A file that cannot be read as an article (binary, too large, unreadable): one line."""


@dataclass(frozen=True)
class LoadResult:
    """What :func:`load` made of one file: the article (when usable), a status and why."""

    path: Path
    status: str  # one of STATUSES
    article: Article | None = None
    message: str = ""  # one line for the user; names the file when something is off
    encoding: str | None = None  # how the bytes were decoded
    html: bool = False  # markup was stripped

    @property
    def usable(self) -> bool:
        return self.article is not None


# -- text -----------------------------------------------------------------------------------------


def normalise_text(raw: str) -> str:
    """NFC, unified newlines and spaces, furniture lines dropped, one paragraph per line.

    Paragraphs are separated by a blank line so that Stanza never joins two of them into one
    sentence (several outlets put one paragraph per line with no blank line between). Control
    characters other than newlines become spaces: they carry no meaning in news and confuse
    tokenizers and serialisers alike.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    text = _CONTROLS.sub(" ", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)  # last, so that a second pass changes nothing
    lines = []
    listed = False  # inside a list of other stories' headlines ("Terkini", "Berita Terkait" and the lines under it)
    for line in text.split("\n"):
        line = re.sub(r"[ \t\f\v]+", " ", line).strip()
        listed = listed and bool(line) and _HEADLINE.match(line) is not None
        if listed:
            continue  # "Berita Terkait\nChina Tuding Filipina Ingkar Janji …": no sentence of this article
        if line and LIST_HEADER.match(line):
            listed = True
            continue
        if line and not FURNITURE.match(line):
            lines.extend(budget.apply(line))  # no 50 KB "word" or 1 MB line reaches Stanza (kg.budget)
    return "\n\n".join(lines)


#: C0/C1 controls except \t \n (\r was unified above), and lone surrogates (unencodable in UTF-8).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_from_text(raw: str, name: str = "text", *, year: int | None = None,
                      sidecar: Sidecar | None = None) -> Article:
    """Build an ``Article`` from a string (already decoded, markup already stripped); title, outlet and
    date from the text, ``sidecar`` and ``year`` (:mod:`kg.meta`)."""
    text = normalise_text(raw)
    title, outlet, date, source_line = describe(text, year=year, sidecar=sidecar)
    return Article(content_hash(text), name, text, title, outlet, date, source_line)


# -- bytes → str ----------------------------------------------------------------------------------

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_MAGIC = (  # formats people save by mistake into a news folder
    (b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"), (b"\x1f\x8b", "a gzip file"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"), (b"\x7fELF", "an executable"), (b"BZh", "a bzip2 file"),
    (b"\xfd7zXZ", "an xz file"), (b"7z\xbc\xaf", "a 7-zip archive"), (b"RIFF", "a RIFF (audio/video) file"),
    (b"SQLite format 3", "an SQLite database"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!)")
_HTML_SNIFF = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
#: More than this share of control characters (not tab/newline) in the decoded text: not text.
MAX_CONTROL_RATIO = 0.05


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` is not text (``"a PDF document"``, ``"binary data"``), or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _, _ in _BOMS) or _utf16_without_bom(data):
        return None
    if b"\x00" in data[:65536]:
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes, *, html_charset: bool = False) -> tuple[str, str, str | None]:
    """``(text, encoding, warning)``: a BOM wins, then strict UTF-8, then UTF-8 with each bad byte
    replaced by U+FFFD when the file has at least as many valid multi-byte characters as bad bytes
    (one stray byte must not turn every “ ” – into mojibake), then a charset the HTML declares, then
    cp1252, then latin-1 (which decodes anything). ``warning`` is None only when the result is
    certainly what the author wrote."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), label, None
            except UnicodeDecodeError as e:
                text = data[len(bom):].decode(codec, errors="replace")
                return text, label, f"{label} byte order mark but invalid {label} at byte {e.start + len(bom)}; " \
                                    "bad bytes replaced with U+FFFD"
    codec = _utf16_without_bom(data)
    if codec:
        try:
            return data.decode(codec), "UTF-16", None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "UTF-8", None
    except UnicodeDecodeError as e:
        bad = e.start
    text, n_bad, n_good = _utf8_replacing(data)
    if n_good >= n_bad:  # UTF-8 with a few bad bytes: keep every good character, mark the bad ones
        return text, "UTF-8", f"{n_bad} invalid UTF-8 byte{'s' if n_bad != 1 else ''} (first at byte {bad}) " \
                              "replaced with U+FFFD"
    if html_charset:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            try:
                codec = codecs.lookup(declared).name
            except LookupError:
                codec = None
            if codec and codec not in ("utf-8", "utf-16", "utf-32"):
                with contextlib.suppress(UnicodeDecodeError):  # a wrong declaration: guess below
                    return data.decode(codec), codec, None
    for codec in ("cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return text, codec, f"not valid UTF-8 (byte {bad}); decoded as {codec}, check accented letters"
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _utf8_replacing(data: bytes) -> tuple[str, int, int]:
    """``(text, bad bytes, good non-ASCII characters)``: UTF-8 with each bad byte as U+FFFD. Legacy
    text (cp1252, latin-1) has almost no valid multi-byte sequences; UTF-8 with a stray byte has many."""
    text = data.decode("utf-8", errors="surrogateescape")
    n_bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    n_good = sum(1 for ch in text if ch > "\x7f" and not "\udc80" <= ch <= "\udcff")
    return re.sub("[\udc80-\udcff]", "\ufffd", text), n_bad, n_good


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of the start is NUL (Latin text saved as UTF-16
    by a tool that wrote no byte order mark), else None."""
    head = data[:4096]
    if len(head) < 8 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def control_ratio(text: str) -> float:
    """Share of control characters (other than tab, newline, carriage return, form feed) and
    U+FFFD replacement characters: near 0 in any real text, high in binaries read as text."""
    if not text:
        return 0.0
    sample = text[:200_000]
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f" or ch == "\ufffd")
    return bad / len(sample)


def looks_like_html(path: Path, text: str) -> bool:
    """An .html/.htm file with any tag in it, or any file that starts like an HTML page."""
    if path.suffix.lower() in (".html", ".htm"):
        return bool(_TAG.search(text))
    return bool(_HTML_SNIFF.match(text[:2000]))


# -- language -------------------------------------------------------------------------------------

#: Indonesian function words: frequent in any Indonesian text, rare in other languages written in
#: Latin script (Malay shares most of them and passes, which is what we want).
ID_STOPWORDS = word_set("""
yang dan di ini itu dengan untuk dari ke pada tidak akan adalah dalam juga oleh karena atau bahwa
telah sudah kami kita mereka ia dia saya tersebut para serta namun tetapi lebih masih bisa dapat
harus ada belum hanya seperti sebagai secara antara setelah sebelum saat ketika bagi hingga sampai
tentang terhadap kepada oleh pun lagi yaitu yakni bila jika agar supaya sejak menurut kata ujar
""")
#: Fewer words than this and the detector does not judge (a headline-only file is not English).
MIN_WORDS_TO_JUDGE = 20
#: Indonesian news has about 20-30% function words; English or Vietnamese text about 0-2%.
MIN_ID_RATIO = 0.06
_WORD = re.compile(r"[^\W\d_]+")


def indonesian_ratio(text: str) -> tuple[float, int]:
    """``(share of Indonesian function words, number of words)`` over the first 20,000 characters."""
    words = _WORD.findall(text[:20_000].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in ID_STOPWORDS) / len(words), len(words)


def is_indonesian(text: str) -> bool:
    ratio, n = indonesian_ratio(text)
    return n < MIN_WORDS_TO_JUDGE or ratio >= MIN_ID_RATIO


# -- files → articles -----------------------------------------------------------------------------


def max_bytes_default(*, strict: bool = False) -> int:
    """``KG_MAX_ARTICLE_MB`` in bytes (a positive, finite number of MB), else ``MAX_BYTES``. A bad
    value is a warning and the default, or with ``strict`` an :class:`IngestError` (one line)."""
    env = os.environ.get("KG_MAX_ARTICLE_MB")
    if not env:
        return MAX_BYTES
    try:
        mb = float(env)
    except ValueError:
        mb = math.nan
    if not (math.isfinite(mb) and 0 < mb <= 1024 * 1024):
        why = f"KG_MAX_ARTICLE_MB={env!r} is not a positive number of megabytes (e.g. 5 or 0.5)"
        if strict:
            raise IngestError(why)
        log.warning("ignoring %s", why)
        return MAX_BYTES
    return max(1, int(mb * 1024 * 1024))


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def load(path: Path | str, *, any_language: bool = False, seen: MutableMapping[str, str] | None = None,
         max_bytes: int | None = None, year: int | None = None) -> LoadResult:
    """Read one file as an article, or say in one line why not. Never raises for bad input.

    ``any_language`` keeps text that does not look Indonesian. ``seen`` (content hash → file name) makes
    a second file with the same normalised text a ``duplicate``; it is updated with new articles.
    ``max_bytes`` caps the article's text (default ``MAX_BYTES``, 5 MB, or ``KG_MAX_ARTICLE_MB``).
    ``year``: the year of dates the text gives without one (``kg build --year``); a sidecar
    ``ARTICLE.meta.json`` beside the file gives title, outlet and date (:mod:`kg.meta`).
    """
    path = Path(path)
    name = path.name
    limit = max_bytes_default() if max_bytes is None else max_bytes
    try:
        return _load(path, name, any_language, seen, limit, year)
    except OSError as e:
        return LoadResult(path, "error", message=f"{name}: cannot read: {e.strerror or e}")
    except (RecursionError, MemoryError) as e:  # pathological markup
        return LoadResult(path, "error", message=f"{name}: cannot parse: {type(e).__name__}")
    except Exception as e:  # noqa: BLE001 - a bug here must cost one file, not the build
        log.exception("%s: unexpected error while reading", name)
        return LoadResult(path, "error", message=f"{name}: {type(e).__name__}: {e}"[:300])


def _load(path: Path, name: str, any_language: bool, seen: MutableMapping[str, str] | None, limit: int,
          year: int | None = None) -> LoadResult:
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        return LoadResult(path, "error", message=f"{name}: not a regular file")
    html_name = path.suffix.lower() in (".html", ".htm")
    cap = limit * HTML_FACTOR if html_name else limit
    if st.st_size > cap:
        return LoadResult(path, "too-large", message=f"{name}: {_mb(st.st_size)} is over the limit of {_mb(cap)} "
                                                     "per file (split it, or raise KG_MAX_ARTICLE_MB)")
    with path.open("rb") as f:
        data = f.read(cap + 1)  # bounded even if the size changed since stat()
    if len(data) > cap:
        return LoadResult(path, "too-large", message=f"{name}: over the limit of {_mb(cap)} per file")
    if not data.strip():
        return LoadResult(path, "empty", message=f"{name}: empty file")
    kind = binary_kind(data)
    if kind:
        return LoadResult(path, "binary", message=f"{name}: not text, looks like {kind}; skipped")
    text, encoding, warning = decode(data, html_charset=True)
    del data
    ratio = control_ratio(text)
    if ratio > MAX_CONTROL_RATIO:
        return LoadResult(path, "binary", encoding=encoding,
                          message=f"{name}: not text ({ratio:.0%} control characters); skipped")
    html = looks_like_html(path, text)
    if html:
        text = html_to_text(text)
    trimmed = budget.notes(text)
    sidecar, side_problem = read_sidecar(path)
    article = article_from_text(text, name=name, year=year, sidecar=sidecar)
    if not article.text:
        what = "no visible text in the HTML" if html else "no text after removing whitespace and site furniture"
        return LoadResult(path, "empty", message=f"{name}: {what}", encoding=encoding, html=html)
    size = len(article.text.encode("utf-8"))
    if size > limit:
        return LoadResult(path, "too-large", encoding=encoding, html=html,
                          message=f"{name}: {_mb(size)} of text is over the limit of {_mb(limit)} per article")
    notes = [n for n in (warning, trimmed, side_problem) if n]
    ratio, words = indonesian_ratio(article.text)
    if words >= MIN_WORDS_TO_JUDGE and ratio < MIN_ID_RATIO:
        why = f"does not look Indonesian (Indonesian function words {ratio:.0%} of {words} words, expected ≥ " \
              f"{MIN_ID_RATIO:.0%})"
        if not any_language:
            return LoadResult(path, "not-indonesian", encoding=encoding, html=html,
                              message=f"{name}: {why}; skipped (use --any-language to build it anyway)")
        notes.append(why + "; built because of --any-language")
    if seen is not None:
        first = seen.get(article.doc_id)
        if first is not None and first != str(path):
            return LoadResult(path, "duplicate", encoding=encoding, html=html,
                              message=f"{name}: same text as {first}")
        seen[article.doc_id] = str(path)
    if warning:
        log.warning("%s: %s", name, warning)
        return LoadResult(path, "decoded-with-warning", article, f"{name}: " + "; ".join(notes), encoding, html)
    message = f"{name}: " + "; ".join(notes) if notes else ""
    return LoadResult(path, "ok", article, message, encoding, html)


def load_all(paths: Iterable[Path | str], *, any_language: bool = False,
             max_bytes: int | None = None) -> Iterator[LoadResult]:
    """:func:`load` over every file under ``paths`` (see :func:`iter_paths`), duplicates recognised."""
    seen: dict[str, str] = {}
    for p in iter_paths(paths):
        yield load(p, any_language=any_language, seen=seen, max_bytes=max_bytes)


def read_article(path: Path) -> Article:
    """One file as an ``Article`` (decoded, HTML stripped, no language check); an empty file gives
    an article with empty text. Raises :class:`IngestError` for binaries and oversized files and
    ``OSError`` when the file cannot be read."""
    path = Path(path)
    res = _load(path, path.name, True, None, max_bytes_default())
    if res.article is not None:
        return res.article
    if res.status == "empty":
        return article_from_text("", name=path.name)
    raise IngestError(res.message)
