"""An article's title, outlet and publication date: from its text, a sidecar file, or ``kg build --year``.

* **title**: a short first paragraph that does not end like a sentence (a headline); else the
  sidecar's; else unknown.
* **outlet**: the agency of a dateline (``Washington (ANTARA) -``), a site name (``TEMPO.CO, Jakarta -``),
  an all-capital name before a dash only when ``ontology/entities.ttl`` knows it as a news outlet
  (``PR TASIKMALAYA –``; ``RUSIA –`` and ``JAKARTA –`` are dateline places, never outlets), else the
  holder of a closing copyright line (``Copyright © ANTARA 2023``); a sidecar's outlet wins.
* **date**: the sidecar's, else the first date in the head of the text (:mod:`kg.dates`), a date
  without a year read in a year the text names or the build's ``year``; else unknown.

A sidecar is ``ARTICLE.meta.json`` beside the article (``a.txt`` → ``a.meta.json`` or ``a.txt.meta.json``):
a JSON object with any of ``title``, ``outlet`` (or ``publisher``), ``date`` (or ``published``), ``year``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import ONTOLOGY_DIR
from kg.dates import parse_date, publication_date
from kg.vocab import KG, RDF, SKOS

_DATELINE = re.compile(
    # Washington (ANTARA) - / KYIV, 12 Maret (ANTARA) - (a date between the place and the agency)
    r"^(?:(?P<city>[A-Z][\w .]+?)(?:,\s*\d{1,2}\s+[A-Za-z]+(?:\s+\d{4})?)?\s*\((?P<agency>[A-Z][A-Za-z]+)\)\s*[-–—]"
    r"|(?P<outlet>[A-Z][\w.]*\.(?i:co|com|id|net)(?i:\.id)?),\s*(?P<city2>[A-Z][\w ,.]+?)\s*[-–—]"  # TEMPO.CO, Jakarta -
    # GENEWA, KOMPAS.com - / Jakarta, CNN Indonesia -- : the place, then an outlet (checked in describe)
    # (an outlet may open in lower case: "NEW DELHI, detikNews --", "JAKARTA, kumparan -")
    r"|(?P<city3>[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,2}),\s*(?P<outlet3>[A-Za-z][\w.]*(?: [A-Z][\w.]*){0,2})\s*[-–—]+\s"
    # PR TASIKMALAYA – (or a place: RUSIA –; WASHINGTON---Pemerintah …, the dashes typed without spaces)
    r"|(?P<outlet2>[A-Z][A-Z ]{1,30}[A-Z])\s*(?:[-–—]\s|[-–—]{2,3}\s*)"
    # Suara.com - (no date); INDOSatu.co – JAKARTA – (a place in capitals after it, dashed too); Moslemtoday.com :;
    # InfoMigas.id – Beijing | (a place barred off)
    r"|(?P<outlet4>[A-Z][\w.]*\.(?i:co|com|id|net)(?i:\.id)?)\s*[-–—:]\s"
    r"(?:[A-Z][A-Z ]{1,30}[A-Z]\s*[-–—]\s|[A-Z][\w ]{1,30}?\s\|\s)?(?!\d)"
    # Jakarta - (a place alone before the dash, as Detik writes it; not in a headline: "Iran - AS Sepakat …")
    r"|(?P<city5>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) [-–—] (?=[A-Z]))"
)
_COPYRIGHT = re.compile(r"(?:copyright\s*)?©\s*(?P<name>[^\n©]{2,60}?)\s*(?:\b(?:19|20)\d\d\b)?\s*$",
                        re.IGNORECASE | re.MULTILINE)
SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class Sidecar:
    """What a sidecar file says about its article (every field optional)."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None  # YYYY-MM-DD
    year: int | None = None


def sidecar_paths(path: Path) -> list[Path]:
    """Where the sidecar of ``path`` may lie: ``a.meta.json`` and ``a.txt.meta.json``."""
    return [path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)]


def read_sidecar(path: Path) -> tuple[Sidecar | None, str]:
    """The sidecar of the article file ``path`` (or ``None``), and a one-line problem when it is unusable."""
    for side in sidecar_paths(path):
        if not side.is_file():
            continue
        try:
            data = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            return None, f"{side.name} ignored: {type(e).__name__}"
        if not isinstance(data, dict):
            return None, f"{side.name} ignored: not a JSON object"

        year = data.get("year")
        year = int(year) if isinstance(year, int) or (isinstance(year, str) and year.isdigit()) else None
        raw = _field(data, "date", "published", "datePublished")
        date = parse_date(raw, year=year) if raw else None
        problem = f"{side.name}: date {raw!r} not understood" if raw and not date else ""
        return Sidecar(_field(data, "title", "headline"), _field(data, "outlet", "publisher", "source"), date,
                       year), problem
    return None, ""


def _field(data: dict, *keys: str) -> str | None:
    v = next((data[k] for k in keys if isinstance(data.get(k), (str, int))), None)
    return (" ".join(str(v).split()) or None) if v is not None else None


@lru_cache(maxsize=1)
def known_outlets() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """Folded labels and label patterns of every ``kg:NewsOutlet`` in ``ontology/entities.ttl``."""
    import pyoxigraph as ox

    triples = list(ox.parse(path=str(ONTOLOGY_DIR / "entities.ttl"), format=ox.RdfFormat.TURTLE))
    outlets = {t.subject for t in triples if t.predicate.value == RDF + "type" and t.object.value == KG + "NewsOutlet"}
    labels = {_fold(t.object.value) for t in triples if t.subject in outlets
              and t.predicate.value in (SKOS + "prefLabel", SKOS + "altLabel")}
    patterns = tuple(re.compile(t.object.value) for t in triples if t.subject in outlets
                     and t.predicate.value == KG + "labelPattern")
    return frozenset(labels), patterns


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_outlet(name: str) -> bool:
    """Whether ``name`` (any case) is a news outlet the gazetteer knows, by label or label pattern."""
    labels, patterns = known_outlets()
    return _fold(name) in labels or any(p.fullmatch(name) or p.fullmatch(name.title()) for p in patterns)


def _outlet_like(name: str) -> bool:
    """An outlet the gazetteer knows, or a web address ("KOMPAS.com", "Okezone.com")."""
    return is_outlet(name) or re.search(r"\.(?:co|com|id|net)\b", name, re.IGNORECASE) is not None


def describe(text: str, *, year: int | None = None, sidecar: Sidecar | None = None
             ) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, outlet, date, source line) of a normalised article text (paragraphs split by blank lines)."""
    paragraphs = text.split("\n\n") if text else []
    title = None
    if paragraphs and len(paragraphs[0]) < 160 and not re.search(r"[.!?\"”]$", paragraphs[0]):
        title = paragraphs[0]
    outlet = source_line = None
    for para in paragraphs[:4]:
        m = _DATELINE.match(para)
        if m and m.group("city5") and (para == paragraphs[0] and title is not None or not re.search(r"[.!?\"”]$", para)):
            continue  # (a headline or a line that is no sentence: "Iran - AS Sepakat Lanjutkan Perundingan")
        if m:
            if m.group("outlet3") and not _outlet_like(m.group("outlet3")):
                continue  # "Rusia, Korut -": no outlet after the comma, so no dateline
            source_line = para[: m.end()].rstrip(" -–—")
            outlet = m.group("agency") or m.group("outlet") or m.group("outlet3") or m.group("outlet4")
            if m.group("outlet2") and is_outlet(m.group("outlet2").strip()):
                outlet = m.group("outlet2").strip()
            break
    if outlet is None:
        for para in reversed(paragraphs[-6:]):
            c = _COPYRIGHT.fullmatch(para.strip())
            if c and c.group("name").strip(" .,:-"):
                outlet = c.group("name").strip(" .,:-")
                break
    sc = sidecar or Sidecar()
    date = sc.date or publication_date(text, year=year if year is not None else sc.year)
    return sc.title or title, sc.outlet or outlet, date, source_line
