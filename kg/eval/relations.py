"""Scoring extracted relations and entities against gold JSONL (``kg eval``): one file, or a folder of them.

Rules (shared/gold/GUIDELINES.md, "Scoring"): relations match on type and canonical arguments,
case- and whitespace-insensitive; a meeting has no direction; a role ignores its title; a supply
compares its weapon by head concept (artillery ammunition ~ ammunition, via ``skos:broader`` in
ontology/weapons.ttl). Entities match on (type, canonical). Modality is not part of a match: it is
reported as accuracy over the matched relations. Each article is scored as sets of keys, so a
relation stated twice counts once, as in the gold.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kg.eval.metrics import Counts
from kg.schema import RELATIONS
from kg.types import ENTITY_TYPES, RELATION_TYPES

if TYPE_CHECKING:
    from kg.types import Extraction


@dataclass
class Error:
    doc: str
    kind: str  # "FP" (extracted, not in gold) or "FN" (in gold, missed) or "modality"
    what: str  # "relation" | "entity"
    key: tuple
    detail: str = ""
    evidence: str = ""  # the sentence the gold (a missed relation) or the extraction (a spurious one) gave


@dataclass
class Report:
    """Per-type counts for relations and entities, modality accuracy, and every error."""

    relations: dict[str, Counts] = field(default_factory=dict)
    entities: dict[str, Counts] = field(default_factory=dict)
    modality_correct: int = 0
    modality_total: int = 0
    errors: list[Error] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article, why) whose extraction failed
    docs: int = 0
    missing: list[str] = field(default_factory=list)  # gold articles with no extraction
    #: relation counts per phenomenon tag of the gold articles ("tags": [...], as in the dev corpus)
    kinds: dict[str, Counts] = field(default_factory=dict)

    @property
    def relations_micro(self) -> Counts:
        return Counts.total(self.relations.values())

    @property
    def entities_micro(self) -> Counts:
        return Counts.total(self.entities.values())

    @property
    def modality_accuracy(self) -> float:
        return self.modality_correct / self.modality_total if self.modality_total else 0.0

    def format(self, errors: bool = False, by_kind: bool = False, evidence: bool = False) -> str:
        """The ``kg eval`` report; its last line is ``relations micro-F1 0.xxx``."""
        lines = [f"{self.docs} article(s) scored"]
        if self.missing:
            lines.append(f"no extraction for {len(self.missing)} gold article(s): {', '.join(self.missing)}")
        lines.append("")
        lines += _table("relation", self.relations, self.relations_micro)
        lines.append(f"modality accuracy {self.modality_accuracy:.3f} "
                     f"({self.modality_correct}/{self.modality_total} matched relations)")
        lines.append("")
        lines += _table("entity", self.entities, self.entities_micro)
        if by_kind:
            lines.append("")
            lines += _table("kind", dict(sorted(self.kinds.items())), self.relations_micro) if self.kinds else \
                ["(the gold articles carry no \"tags\": nothing to report by kind)"]
        if errors and self.errors:
            lines.append("")
            lines.append("errors:")
            for e in sorted(self.errors, key=lambda e: (e.doc, e.what, e.kind, e.key)):
                lines.append(f"  {e.doc}  {e.kind:8s} {e.what:8s} {_fmt_key(e.key)}{'  ' + e.detail if e.detail else ''}")
                if evidence and e.evidence:
                    text = " ".join(e.evidence.split())
                    lines.append(f"      | {text[:_EVIDENCE_CHARS]}{'…' if len(text) > _EVIDENCE_CHARS else ''}")
        lines.append("")
        lines.append(f"entities micro-F1 {self.entities_micro.f1:.3f}")
        lines.append(f"relations micro-F1 {self.relations_micro.f1:.3f}")
        return "\n".join(lines)


#: How much of a relation's evidence ``kg eval --evidence`` prints.
_EVIDENCE_CHARS = 240


def _table(what: str, per_type: dict[str, Counts], micro: Counts) -> list[str]:
    w = max([10] + [len(t) + 1 for t in per_type])
    out = [f"{what:<{w}} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for t, c in per_type.items():
        if c.tp + c.fp + c.fn:
            out.append(f"{t:<{w}} {c.tp + c.fn:>5} {c.tp + c.fp:>5} {c.tp:>4} "
                       f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}")
    out.append(f"{'micro':<{w}} {micro.tp + micro.fn:>5} {micro.tp + micro.fp:>5} {micro.tp:>4} "
               f"{micro.precision:>6.3f} {micro.recall:>6.3f} {micro.f1:>6.3f}")
    return out


def _fmt_key(key: tuple) -> str:
    return key[0] + "(" + ", ".join(str(x) for x in key[1:]) + ")"


def _norm(value: object) -> str:
    return " ".join(str(value or "").replace("\u00a0", " ").split()).lower()


@lru_cache(maxsize=1)
def _weapon_heads() -> dict[str, str]:
    """Canonical weapon name (lower case) → canonical name of its head concept."""
    from kg.weapons import lexicon

    lex = lexicon()
    out = {}
    for key, concept in lex.concepts.items():
        out[_norm(concept.canonical)] = _norm(lex.concepts[lex.head(key)].canonical)
    # an annotator may write another English label of the concept ("armoured vehicle", "air defence system")
    for form, key in lex.forms.items():
        out.setdefault(form, _norm(lex.concepts[lex.head(key)].canonical))
    return out


def weapon_head(name: str) -> str:
    """Head concept of a weapon name; unknown names fall back to their longest known suffix
    ("hypersonic intermediate-range ballistic missile" → ballistic missile → missile)."""
    return head_by_suffix(name, _weapon_heads())


def head_by_suffix(name: str, heads: Mapping[str, str]) -> str:
    """The head ``heads`` gives the longest suffix of ``name`` it knows (a plural "s" aside), else the name."""
    words = _norm(name).split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if tail in heads:
            return heads[tail]
        if tail.endswith("s") and tail[:-1] in heads:
            return heads[tail[:-1]]
    return " ".join(words)


def relation_key(rel: dict, head: Callable[[str], str] | None = None) -> tuple:
    """The identity of a gold-format relation under the scoring rules (``head``: how a weapon is compared; by
    default its head concept in this tree's weapon lexicon)."""
    rtype = rel["type"]
    args = rel.get("args") or {}
    spec = RELATIONS.get(rtype)
    if spec is None:
        return (rtype, *(_norm(args.get(name)) for name in sorted(args)))
    # a weapon is compared by its head noun; literals (a role's title) do not count; symmetric types sort
    values = [(head or weapon_head)(args.get(n) or "") if n == "weapon" else _norm(args.get(n)) for n in spec.identity]
    return (rtype, *(sorted(values) if spec.symmetric else values))


def entity_key(ent: dict) -> tuple:
    return (ent.get("type", ""), _norm(ent.get("canonical")))


def load_jsonl(path: str | Path) -> list[dict]:
    """Records of a gold-format JSONL file; a bad line raises ValueError naming it."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if not isinstance(rec, dict) or "doc" not in rec:
                raise ValueError(f"{path}:{n}: expected an object with a 'doc' field")
            out.append(rec)
    return out


def load_gold(path: str | Path) -> list[dict]:
    """Gold records of a JSONL file, or of every ``*.jsonl`` file in a folder (name order), so a large gold set
    can be kept as one file per batch. An article annotated twice raises ValueError naming both places: its
    relations would otherwise be scored against only one of the two."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise ValueError(f"{path}: no *.jsonl gold file in this folder")
    out: list[dict] = []
    where: dict[str, str] = {}
    for f in files:
        for n, rec in enumerate(load_jsonl(f), 1):
            doc = str(rec["doc"])
            if doc in where:
                raise ValueError(f"{doc} is annotated twice: {where[doc]} and {f} (record {n})")
            where[doc] = f"{f} (record {n})"
            out.append(rec)
    return out


def write_jsonl(extractions: Iterable[Extraction], stream: IO[str]) -> tuple[int, int]:
    """Write one gold-format JSON line per extraction (``kg extract --jsonl``); (articles, relations) written."""
    from kg.extract import to_record

    articles = relations = 0
    for ex in extractions:
        rec = to_record(ex)
        stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
        articles += 1
        relations += len(rec["relations"])
    return articles, relations


def score(gold: Iterable[dict], predicted: Iterable[dict], head: Callable[[str], str] | None = None) -> Report:
    """Score predicted records against gold records (both in the gold JSONL shape), per article; ``head`` as for
    :func:`relation_key`."""
    report = Report(relations={t: Counts() for t in RELATION_TYPES}, entities={t: Counts() for t in ENTITY_TYPES})
    pred_by_doc = {p["doc"]: p for p in predicted}
    for g in gold:
        doc = g["doc"]
        p = pred_by_doc.get(doc)
        if p is None:
            report.missing.append(doc)
            p = {"entities": [], "relations": []}
        report.docs += 1
        before = report.relations_micro
        _score_relations(doc, g.get("relations", []), p.get("relations", []), report, head)
        after = report.relations_micro
        for tag in g.get("tags") or ():
            k = report.kinds.setdefault(str(tag), Counts())
            k.tp, k.fp, k.fn = k.tp + after.tp - before.tp, k.fp + after.fp - before.fp, k.fn + after.fn - before.fn
        _score_entities(doc, g.get("entities", []), p.get("entities", []), report)
    return report


def _score_relations(doc: str, gold: list[dict], pred: list[dict], report: Report,
                     head: Callable[[str], str] | None = None) -> None:
    gold_keys: dict[tuple, dict] = {}
    for r in gold:
        gold_keys.setdefault(relation_key(r, head), r)
    pred_keys: dict[tuple, list[dict]] = {}
    for r in pred:
        pred_keys.setdefault(relation_key(r, head), []).append(r)
    for key, g in gold_keys.items():
        counts = report.relations.setdefault(key[0], Counts())
        if key in pred_keys:
            counts.tp += 1
            # the prediction closest to the gold (same weapon wording first) carries the modality
            cands = pred_keys[key]
            best = next((c for c in cands if _norm((c.get("args") or {}).get("weapon")) ==
                         _norm((g.get("args") or {}).get("weapon"))), cands[0])
            report.modality_total += 1
            if best.get("modality") == g.get("modality"):
                report.modality_correct += 1
            else:
                report.errors.append(Error(doc, "modality", "relation", key,
                                           f"gold {g.get('modality')}, got {best.get('modality')}"))
        else:
            counts.fn += 1
            report.errors.append(Error(doc, "FN", "relation", key, evidence=str(g.get("sentence") or "")))
    for key in pred_keys:
        if key not in gold_keys:
            report.relations.setdefault(key[0], Counts()).fp += 1
            report.errors.append(Error(doc, "FP", "relation", key, evidence=str(pred_keys[key][0].get("sentence") or "")))


def _score_entities(doc: str, gold: list[dict], pred: list[dict], report: Report) -> None:
    g = {entity_key(e) for e in gold}
    p = {entity_key(e) for e in pred}
    for key in g | p:
        counts = report.entities.setdefault(key[0], Counts())
        if key in g and key in p:
            counts.tp += 1
        elif key in g:
            counts.fn += 1
            report.errors.append(Error(doc, "FN", "entity", key))
        else:
            counts.fp += 1
            report.errors.append(Error(doc, "FP", "entity", key))


def evaluate(gold_path: str | Path, paths: Iterable[str | Path], *, progress: bool = False) -> Report:
    """Run extraction on ``paths`` (files or folders) and score it against ``gold_path`` (a file or a folder of
    them, as :func:`load_gold` reads)."""
    from kg.extract import to_record
    from kg.pipeline import process

    gold = load_gold(gold_path)
    failed: list[tuple[str, str]] = []
    predicted = [to_record(ex) for ex in process(paths, progress=progress, any_language=True, failed=failed)]
    report = score(gold, predicted)
    report.failed = failed
    return report
