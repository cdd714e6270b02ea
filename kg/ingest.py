"""Files → ``Article``: decode, normalise, drop site furniture, hash, and read light metadata.

The normalised text is what every offset in the graph points into, and its sha256 is the
article's identity, so the same story saved twice (CRLF vs LF, NBSP vs space) is one article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.types import Article

#: Lines that are site navigation, not article content (see shared gold GUIDELINES).
FURNITURE = re.compile(
    r"^(baca juga|pilihan editor|lihat juga|simak juga|artikel terkait|berita terkait)\s*:"
    r"|^(tags|terkini|terpopuler|rekomendasi|populer|advertisement|scroll to continue)$",
    re.IGNORECASE,
)
_MONTHS = {
    m: i + 1 for i, m in enumerate(
        ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
         "november", "desember"]
    )
}
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?:(?P<city>[A-Z][\w .]+?)\s*\((?P<agency>[A-Z][A-Za-z]+)\)\s*[-–—]"  # Washington (ANTARA) -
    r"|(?P<outlet>[A-Z][A-Za-z.]*\.(?:CO|COM|ID)(?:\.ID)?),\s*(?P<city2>[A-Z][\w ]+?)\s*[-–—]"  # TEMPO.CO, Jakarta -
    r"|(?P<outlet2>[A-Z][A-Z ]{1,30}[A-Z])\s*[-–—]\s)"  # PR TASIKMALAYA –
)


def normalise_text(raw: str) -> str:
    """NFC, unified newlines and spaces, furniture lines dropped, one paragraph per line.

    Paragraphs are separated by a blank line so that Stanza never joins two of them into one
    sentence (several outlets put one paragraph per line with no blank line between).
    """
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t\f\v]+", " ", line).strip()
        if line and not FURNITURE.match(line):
            lines.append(line)
    return "\n\n".join(lines)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_from_text(raw: str, name: str = "text") -> Article:
    """Build an ``Article`` from a string (already decoded)."""
    text = normalise_text(raw)
    paragraphs = text.split("\n\n") if text else []
    title = None
    if paragraphs and len(paragraphs[0]) < 160 and not re.search(r"[.!?\"”]$", paragraphs[0]):
        title = paragraphs[0]
    outlet = source_line = None
    for para in paragraphs[:4]:
        m = _DATELINE.match(para)
        if m:
            outlet = m.group("agency") or m.group("outlet") or m.group("outlet2")
            source_line = para[: m.end()].rstrip(" -–—")
            break
    date = None
    m = _DATE.search(text[:600])
    if m:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
        date = f"{year:04d}-{month:02d}-{day:02d}"
    return Article(content_hash(text), name, text, title, outlet, date, source_line)


def read_article(path: Path) -> Article:
    """Read one file as UTF-8 (undecodable bytes are replaced; see ``kg.build`` for warnings)."""
    raw = Path(path).read_bytes().decode("utf-8", errors="replace")
    return article_from_text(raw, name=Path(path).name)


def iter_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Expand folders (recursively, ``*.txt``, ``*.html``, ``*.htm``) and keep files, sorted, once."""
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in {".txt", ".html", ".htm"}) \
            if p.is_dir() else [p]
        for q in found:
            r = q.resolve()
            if r not in seen:
                seen.add(r)
                yield q
