"""How persons are named: by the reference spelling (default) or as the article writes the full name.

Annotators split on it. The seeds' and the construction cases' author, and the session-41 annotators, copy the
article's spelling ("Recep Tayyip Erdogan", "Volodymyr Zelensky"); the dev and check annotators write English
Wikipedia's ("Erdoğan", "Zelenskyy"), which the gazetteer's labels and ``ontology/accents.ttl`` give. So the choice
is a setting, ``KG_PERSON_NAMES``: "reference" (default) or "written".
"""

from __future__ import annotations

import os
from dataclasses import replace

from kg.nlp import BadSetting
from kg.types import Entity, Mention

REFERENCE, WRITTEN = "reference", "written"
PERSON_NAMES = (REFERENCE, WRITTEN)


def person_names() -> str:
    """The naming ``KG_PERSON_NAMES`` selects: "reference" (default) or "written"."""
    name = os.environ.get("KG_PERSON_NAMES", "").strip().lower() or REFERENCE
    if name not in PERSON_NAMES:
        raise BadSetting(f"KG_PERSON_NAMES={name!r}: expected one of {', '.join(PERSON_NAMES)}")
    return name


def as_written(entities: dict[str, Entity], links: list[tuple[Mention, str]]) -> None:
    """Name each person by the fullest form of two or more words the article writes for them (the longest, the
    first on a tie); a person named only by one word, or only in capitals, keeps the reference name."""
    best: dict[str, str] = {}
    for m, key in links:
        e = entities.get(key)
        form = " ".join(m.text.split())
        if e is None or e.type != "PER" or len(form.split()) < 2 or form.isupper():
            continue
        if key not in best or (len(form.split()), len(form)) > (len(best[key].split()), len(best[key])):
            best[key] = form
    for key, form in best.items():
        entities[key] = replace(entities[key], canonical=form)
