"""CoNLL-style NER files: read token-first, tag-last columns, map every corpus's labels to PER/ORG/LOC
in IOB, and repair the I- tags left behind by dropped classes. Read by ``kg eval-ner`` and by the
training data preparation (:mod:`kg.train.prepare`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

Sentence = list[tuple[str, str]]

LABEL_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANISATION": "ORG", "IND": "ORG",
    "LOC": "LOC", "PLACE": "LOC", "PLC": "LOC",
}
def read_columns(path: Path) -> Iterator[Sentence]:
    """Yield sentences of (token, raw tag) from a CoNLL-like file: token first, tag last."""
    sent: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            cols = line.split()
            if len(cols) < 2:
                continue
            sent.append((cols[0], cols[-1]))
    if sent:
        yield sent


def map_tag(tag: str) -> str:
    """Map a corpus tag (B-PERSON, I-PLC, …) to our IOB PER/ORG/LOC scheme; unknown types → O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = LABEL_MAP.get(label.upper())
    if mapped is None or prefix.upper() not in ("B", "I"):
        return "O"
    return f"{prefix.upper()}-{mapped}"


def fix_iob(sent: Sentence) -> Sentence:
    """Repair I- tags that follow O or another type (left behind by dropped classes)."""
    out: Sentence = []
    prev = "O"
    for tok, tag in sent:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append((tok, tag))
        prev = tag
    return out


__all__ = ["LABEL_MAP", "Sentence", "fix_iob", "map_tag", "read_columns"]
