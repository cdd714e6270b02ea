"""Scoring of the shipped Stanza models: NER span P/R/F1 (``kg eval-ner``) and tokenizer F1.

NER is scored on gold tokens (the pipeline runs pre-tokenized), exact span + type match, the
CoNLL convention. The tokenizer is scored on character spans of tokens and sentences over the raw
text of a CoNLL-U file, the same notion as the UD shared task's Tokens / Sentences F1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.eval.conll import fix_iob, map_tag, read_columns
from kg.eval.metrics import Counts

CLASSES = ("PER", "ORG", "LOC")


@dataclass
class NerReport:
    by_class: dict[str, Counts] = field(default_factory=dict)
    sentences: int = 0
    tokens: int = 0

    @property
    def micro(self) -> Counts:
        return Counts.total(self.by_class.values())

    def format(self) -> str:
        lines = [f"{'class':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
        for c, s in sorted(self.by_class.items()):
            lines.append(f"{c:<6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp + s.fn:6d} {s.tp + s.fp:6d}")
        m = self.micro
        lines.append(f"{'micro':<6} {m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f} {m.tp + m.fn:6d} {m.tp + m.fp:6d}")
        lines.append(f"ner micro-F1 {m.f1:.3f}")
        return "\n".join(lines)


def spans(tags: Iterable[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) spans from IOB or BIOES tags (end exclusive)."""
    out: set[tuple[int, int, str]] = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        begins = prefix in ("B", "S") or (prefix in ("I", "E") and label != kind)
        if start is not None and (tag == "O" or begins):
            out.add((start, i, kind))
            start, kind = None, None
        if tag != "O" and (begins or start is None):
            start, kind = i, label
        if prefix in ("E", "S") and start is not None:
            out.add((start, i + 1, kind))
            start, kind = None, None
    return out


def eval_ner(conll_file: Path, models_dir: Path | None = None, batch_size: int = 256,
             precision: str | None = None) -> NerReport:
    """Tag the file's tokens with the shipped NER model as a build does (kg.ner's tagger, in the arithmetic
    ``precision``: "fp32" or "bf16", default what ``KG_NER_PRECISION`` gives) and score against its tags."""
    from kg import MODELS_DIR
    from kg.ner import Tagger
    from kg.nlp import build_pipeline, ner_precision

    gold = [fix_iob([(tok, map_tag(tag)) for tok, tag in sent]) for sent in read_columns(Path(conll_file))]
    if not gold:
        raise ValueError(f"{conll_file}: no sentences (expected token-first, tag-last columns)")
    tagger = Tagger(build_pipeline(models_dir or MODELS_DIR, tokenize_pretokenized=True), batch_size=batch_size,
                    precision=precision or ner_precision())
    report = NerReport(by_class={c: Counts() for c in CLASSES}, sentences=len(gold))
    found = tagger.tag([[tok for tok, _ in sent] for sent in gold])
    for gsent, p in zip(gold, found, strict=True):
        report.tokens += len(gsent)
        g = spans(tag for _, tag in gsent)
        for c in CLASSES:
            gc = {s for s in g if s[2] == c}
            pc = {s for s in p if s[2] == c}
            report.by_class[c].tp += len(gc & pc)
            report.by_class[c].fp += len(pc - gc)
            report.by_class[c].fn += len(gc - pc)
    return report


def _conllu_units(path: Path) -> tuple[str, list[list[str]]]:
    """Raw text (sentences joined by a space) and each sentence's surface tokens."""
    sents: list[list[str]] = []
    texts: list[str] = []
    cur: list[str] = []
    skip_until = 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# text ="):
            texts.append(line.split("=", 1)[1].strip())
        elif not line.strip():
            if cur:
                sents.append(cur)
            cur, skip_until = [], 0
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                skip_until = int(b)
                cur.append(cols[1])
            elif int(cols[0]) > skip_until:
                cur.append(cols[1])
    if cur:
        sents.append(cur)
    return " ".join(texts), sents


def _char_spans(text: str, sents: list[list[str]]) -> tuple[set, set]:
    tokens, sentences, pos = set(), set(), 0
    for sent in sents:
        first = None
        for tok in sent:
            tok = tok.replace("\u00a0", " ")
            while pos < len(text) and text[pos].isspace():
                pos += 1
            idx = text.find(tok, pos)
            if idx < 0 or idx - pos > 5:  # gold token not in text as written: skip it
                continue
            tokens.add((idx, idx + len(tok)))
            first = idx if first is None else first
            pos = idx + len(tok)
        if first is not None:
            sentences.add((first, pos))
    return tokens, sentences


def eval_tokenizer(conllu_file: Path, models_dir: Path | None = None, tokenizer: str = "stanza") -> dict[str, float]:
    """Token and sentence F1 of a tokenizer on a CoNLL-U file's raw text: the shipped neural one
    (``tokenizer="stanza"``) or the rule tokenizer of :mod:`kg.tokenize` (``"rules"``)."""
    text, gold_sents = _conllu_units(Path(conllu_file))
    if tokenizer == "rules":
        from kg.tokenize import tokenizer as rule_tokenizer

        sents = rule_tokenizer().tokenize(text)
        ptok = {t for s in sents for t in s}
        psent = {(s[0][0], s[-1][1]) for s in sents if s}
    elif tokenizer == "stanza":
        import stanza

        from kg import MODELS_DIR
        from kg.nlp import build_pipeline

        nlp = build_pipeline(models_dir or MODELS_DIR, processors="tokenize")
        doc = nlp(stanza.Document([], text=text))
        ptok = {(t.start_char, t.end_char) for s in doc.sentences for t in s.tokens}
        psent = {(s.tokens[0].start_char, s.tokens[-1].end_char) for s in doc.sentences if s.tokens}
    else:
        raise ValueError(f"unknown tokenizer {tokenizer!r}: expected rules or stanza")
    gtok, gsent = _char_spans(text, gold_sents)

    def f1(g: set, p: set) -> float:
        tp = len(g & p)
        return 2 * tp / (len(g) + len(p)) if g or p else 0.0

    return {"token_f1": f1(gtok, ptok), "sentence_f1": f1(gsent, psent),
            "gold_sentences": len(gsent), "pred_sentences": len(psent)}


__all__ = ["eval_ner", "eval_tokenizer", "NerReport", "spans"]
