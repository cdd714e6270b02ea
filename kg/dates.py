"""Dates in news text: an article's publication date, read from its head.

Forms understood (month and day names come from ``ontology/time.ttl``, any case, any language):

* absolute: ``1 September 2023``, ``Kamis, 31 Agustus 2023 14:09 WIB``, ``(14/9/2023)``, ``14/09/2023``;
* relative (no year): ``Jumat (10/2)``, ``Senin, 30 Desember``. The year is one the text names
  (``Copyright © ANTARA 2023``, ``pada 2022``) whose calendar puts that day on that weekday, else the
  year given by the caller (a sidecar's date or ``kg build --year``); when several years fit, or none
  is known, the date stays unknown.

The head is the first paragraphs (:data:`HEAD_CHARS`): a date further down is an event in the story.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import ONTOLOGY_DIR
from kg.patterns import alternation
from kg.vocab import KG, SKOS

#: Where a publication date may stand: the headline, the dateline and the lead.
HEAD_CHARS = 800
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class Calendar:
    """Month and weekday names (folded) → number, with the expressions built from them."""

    months: dict[str, int]
    weekdays: dict[str, int]
    absolute: re.Pattern
    numeric: re.Pattern
    relative: re.Pattern
    day_month: re.Pattern  # "pada 30 Desember": a day and a month, no weekday, no year
    year_offsets: dict[str, int]  # "tahun lalu" → -1
    relative_year: re.Pattern


@lru_cache(maxsize=4)
def calendar(path: Path | None = None) -> Calendar:
    """The calendar words of ``ontology/time.ttl`` (read once per process with pyoxigraph)."""
    import pyoxigraph as ox

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    offsets: dict[str, int] = {}
    labels: dict[str, list[str]] = {}
    numbers: dict[str, tuple[str, int]] = {}
    for t in ox.parse(path=str(path or ONTOLOGY_DIR / "time.ttl"), format=ox.RdfFormat.TURTLE):
        p = t.predicate.value
        if p in (SKOS + "prefLabel", SKOS + "altLabel"):
            labels.setdefault(t.subject.value, []).append(t.object.value)
        elif p in (KG + "month", KG + "isoWeekday", KG + "yearOffset"):
            numbers[t.subject.value] = (p, int(t.object.value))
    for subject, (p, n) in numbers.items():
        target = months if p == KG + "month" else weekdays if p == KG + "isoWeekday" else offsets
        for label in labels.get(subject, ()):
            target[" ".join(label.split()).casefold()] = n
    month = alternation(months)
    day = alternation(weekdays)
    return Calendar(
        months, weekdays,
        absolute=re.compile(rf"(?:\b(?P<wd>{day}),?\s+)?\b(?P<d>\d{{1,2}})\s+(?P<m>{month})\.?,?\s+(?P<y>\d{{4}})\b",
                            re.IGNORECASE),
        numeric=re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
        relative=re.compile(rf"\b(?P<wd>{day})\s*(?:\(\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\s*\)"
                            rf"|,?\s+(?P<d2>\d{{1,2}})\s+(?P<m2>{month})\b(?!\.?,?\s+\d{{4}}))", re.IGNORECASE),
        day_month=re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{month})\b(?!\.?,?\s+\d{{4}})", re.IGNORECASE),
        year_offsets=offsets,
        relative_year=re.compile(rf"\b(?:{alternation(offsets)})\b", re.IGNORECASE),
    )


def _date(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None  # "31 Februari" is no date


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def publication_date(text: str, *, year: int | None = None, cal: Calendar | None = None) -> str | None:
    """The first date in the head of ``text`` as ``YYYY-MM-DD``, or ``None`` when none can be told.

    ``year`` is the year to read a date without one in, when the text names none that fits.
    """
    cal = cal or calendar()
    head = text[:HEAD_CHARS]
    found: list[tuple[int, datetime.date | None]] = []
    for m in cal.absolute.finditer(head):
        found.append((m.start(), _date(int(m["y"]), cal.months[_fold(m["m"])], int(m["d"]))))
    for m in cal.numeric.finditer(head):
        found.append((m.start(), _date(int(m["y"]), int(m["m"]), int(m["d"]))))
    for m in cal.relative.finditer(head):
        if m["d"] is not None:
            day, month = int(m["d"]), int(m["m"])
        else:
            day, month = int(m["d2"]), cal.months[_fold(m["m2"])]
        found.append((m.start(), resolve_year(text, day, month, cal.weekdays[_fold(m["wd"])], year)))
    dates = [d for _, d in sorted(found, key=lambda x: x[0]) if d is not None]
    return dates[0].isoformat() if dates else None


def resolve_year(text: str, day: int, month: int, weekday: int | None, year: int | None = None
                 ) -> datetime.date | None:
    """The date of ``day``/``month`` (and ``weekday``, ISO) in a year the text names, else ``year``.

    Of the years the text names, those whose calendar agrees with the weekday are kept; exactly one
    must remain (with no weekday, exactly one year must be named). ``year`` is used when the text
    settles nothing and the weekday (if any) agrees with it."""
    named = sorted({int(y) for y in _YEAR.findall(text)})
    fits = [d for y in named if (d := _date(y, month, day)) is not None
            and (weekday is None or d.isoweekday() == weekday)]
    if len(fits) == 1:
        return fits[0]
    if year is not None and (d := _date(year, month, day)) is not None \
            and (weekday is None or d.isoweekday() == weekday):
        return d
    return None


def parse_date(value: str, *, year: int | None = None) -> str | None:
    """A date as a person writes it (``2023-09-01``, ``1 September 2023``, ``14/9/2023``) as
    ``YYYY-MM-DD``; ``None`` when it is not one. For sidecars and ``--since``/``--until``."""
    v = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", v)
    if m:
        d = _date(int(m[1]), int(m[2]), int(m[3]))
        return d.isoformat() if d else None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", v)
    if m:
        d = _date(int(m[1]), int(m[2]), 1)
        return d.isoformat() if d else None
    if re.fullmatch(r"\d{4}", v):
        return f"{v}-01-01"
    return publication_date(v, year=year)


def bound(value: str, *, end: bool = False) -> str:
    """``--since``/``--until`` as ``YYYY-MM-DD``: a year or a month is its first day, or its last with
    ``end`` (``--until 2023-09`` keeps September); ``ValueError`` names a value that is no date."""
    v = value.strip()
    if end:
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", v)
        if m:
            y, mo = int(m[1]), int(m[2] or 12)
            nxt = _date(y + (mo == 12), mo % 12 + 1, 1)
            if nxt is not None:
                return (nxt - datetime.timedelta(days=1)).isoformat()
    d = parse_date(v)
    if d is None:
        raise ValueError(f"{value!r} is not a date (2023-09-14, 2023-09, 2023 or 14 September 2023)")
    return d


def event_date(sentence: str, article_date: str | None, article_text: str = "") -> tuple[str | None, str | None]:
    """(date, year) of the event a sentence tells, where it names one; either may be ``None``.

    A full date counts as written; a day and month (with or without weekday) is read in the article's
    year, or the year before when that would put it after the article's date; "tahun lalu" and the
    other relative years of ``ontology/time.ttl`` give a year from the article's; so does a year
    written out (``pada 2022``) up to the article's year. Without an article date, a day and month is
    read in a year the article's text names (:func:`resolve_year`)."""
    cal = calendar()
    pub = datetime.date.fromisoformat(article_date) if article_date else None
    for m in cal.absolute.finditer(sentence):
        if d := _date(int(m["y"]), cal.months[_fold(m["m"])], int(m["d"])):
            return d.isoformat(), None
    for m in cal.numeric.finditer(sentence):
        if d := _date(int(m["y"]), int(m["m"]), int(m["d"])):
            return d.isoformat(), None
    found = [(int(m["d"]), int(m["m"]), cal.weekdays[_fold(m["wd"])]) if m["d"] is not None
             else (int(m["d2"]), cal.months[_fold(m["m2"])], cal.weekdays[_fold(m["wd"])])
             for m in cal.relative.finditer(sentence)]
    found += [(int(m["d"]), cal.months[_fold(m["m"])], None) for m in cal.day_month.finditer(sentence)]
    for day, month, weekday in found:
        if pub is None:
            d = resolve_year(article_text, day, month, weekday)
        else:
            fits = [d for y in (pub.year, pub.year - 1) if (d := _date(y, month, day)) is not None and d <= pub
                    and (weekday is None or d.isoweekday() == weekday)]
            d = fits[0] if fits else None
        if d is not None:
            return d.isoformat(), None
    if pub is not None:
        if m := cal.relative_year.search(sentence):
            return None, str(pub.year + cal.year_offsets[_fold(m.group(0))])
        years = [int(y) for y in _YEAR.findall(sentence) if int(y) <= pub.year]
        if len(set(years)) == 1:
            return None, str(years[0])
    return None, None
