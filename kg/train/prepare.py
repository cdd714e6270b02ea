"""Turn the staged corpora in ``shared/data`` into Stanza's training formats.

Every NER corpus is mapped to one PER/ORG/LOC scheme.  NERP is lower-cased; feeding it raw to a
cased model teaches the character model that names are lower-case, so it is *re-cased* first
(sentence-initial token, entity tokens and calendar words capitalised, short organisation tokens
upper-cased).  Whether that mix helps is measured on idner-news-2k dev by ``kg train ner``.
``idner-news-2k/test.txt`` is never read here except to build the held-out evaluation file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.eval.conll import Sentence, fix_iob, map_tag, read_columns

# Tokens kept lower-case inside names when re-casing NERP ("Bank of Indonesia", "Universitas di …").
_FUNCTION_WORDS = {"dan", "di", "ke", "dari", "untuk", "of", "the", "de", "van", "bin", "binti", "and", "la", "el", "yang"}
_CALENDAR = {
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember",
}
_VOWELS = re.compile(r"[aiueo]")


def recase(sent: Sentence) -> Sentence:
    """Give a lower-cased NERP sentence plausible Indonesian casing."""
    out: Sentence = []
    for i, (tok, tag) in enumerate(sent):
        new = tok
        if tag != "O" and tok not in _FUNCTION_WORDS:
            if tag.endswith("ORG") and tok.isalpha() and (len(tok) <= 3 or not _VOWELS.search(tok)):
                new = tok.upper()
            else:
                new = tok[:1].upper() + tok[1:]
        elif tok in _CALENDAR or i == 0:
            new = tok[:1].upper() + tok[1:]
        out.append((new, tag))
    return out


def normalise(sents: Iterable[Sentence], *, recased: bool = False) -> list[Sentence]:
    """Map tags and (optionally) re-case; drops empty sentences."""
    result = []
    for sent in sents:
        mapped = fix_iob([(tok, map_tag(tag)) for tok, tag in sent])
        if recased:
            mapped = recase(mapped)
        if mapped:
            result.append(mapped)
    return result


def write_stanza_json(sents: list[Sentence], path: Path) -> None:
    """Write the JSON list-of-sentences format that ``stanza.models.ner_tagger`` reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = [[{"text": tok, "ner": tag} for tok, tag in sent] for sent in sents]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def write_conll(sents: list[Sentence], path: Path) -> None:
    """Write `token<TAB>tag` columns (the format ``kg eval-ner`` reads)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for sent in sents:
            fh.writelines(f"{tok}\t{tag}\n" for tok, tag in sent)
            fh.write("\n")


def ner_corpora(data: Path) -> dict[str, list[Sentence]]:
    """All NER splits, mapped. Keys: ``<corpus>-<split>``."""
    return {
        "idner-train": normalise(read_columns(data / "idner-news-2k/train.txt")),
        "idner-dev": normalise(read_columns(data / "idner-news-2k/dev.txt")),
        "idner-test": normalise(read_columns(data / "idner-news-2k/test.txt")),
        "nergrit-train": normalise(read_columns(data / "nergrit/train_preprocess.txt")),
        "nergrit-dev": normalise(read_columns(data / "nergrit/valid_preprocess.txt")),
        "nergrit-test": normalise(read_columns(data / "nergrit/test_preprocess.txt")),
        "nerp-train": normalise(read_columns(data / "nerp/train_preprocess.txt"), recased=True),
        "nerp-dev": normalise(read_columns(data / "nerp/valid_preprocess.txt"), recased=True),
    }


# Training mixes compared on idner dev. Test files never enter a mix.
MIXES = {
    "cased": ["idner-train", "nergrit-train", "nergrit-dev", "nergrit-test"],
    "cased+nerp": ["idner-train", "nergrit-train", "nergrit-dev", "nergrit-test", "nerp-train", "nerp-dev"],
}


def prepare_ner(data: Path, out: Path) -> dict[str, Path]:
    """Write every mix's train file plus the idner dev/test evaluation files; return their paths."""
    corpora = ner_corpora(data)
    paths: dict[str, Path] = {}
    for name, parts in MIXES.items():
        sents = [s for part in parts for s in corpora[part]]
        paths[f"train-{name}"] = out / f"train-{name}.json"
        write_stanza_json(sents, paths[f"train-{name}"])
    for split in ("dev", "test"):
        paths[f"{split}-json"] = out / f"idner-{split}.json"
        write_stanza_json(corpora[f"idner-{split}"], paths[f"{split}-json"])
        paths[f"{split}-conll"] = out / f"idner-{split}.conll"
        write_conll(corpora[f"idner-{split}"], paths[f"{split}-conll"])
    return paths


def raw_sentences(data: Path) -> Iterator[list[str]]:
    """Token lists for word-vector training: NER corpora (never idner test) and UD sentences."""
    skip = {"test.txt"}
    for corpus in ("idner-news-2k", "nergrit", "nerp"):
        for path in sorted((data / corpus).glob("*.txt")):
            if corpus == "idner-news-2k" and path.name in skip:
                continue
            for sent in read_columns(path):
                yield [tok for tok, _ in sent]
    for path in sorted((data / "ud-id").glob("*.conllu")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("# text ="):
                    yield re.findall(r"\w+|[^\w\s]", line.split("=", 1)[1].strip())


def prepare_ud(data: Path, out: Path) -> Path:
    """Lay out a UD_Indonesian-GSD-shaped folder: train = CSUI train + GSD dev, dev = CSUI test,
    test = GSD test.

    GSD's own train file is not staged; its dev file is the closest thing to the GSD test style,
    so it is trained on, CSUI test picks the checkpoint, and the GSD test file stays held out.
    """
    tb = out / "UD_Indonesian-GSD"
    tb.mkdir(parents=True, exist_ok=True)
    ud = data / "ud-id"

    def cat(*names: str) -> str:
        return "".join((ud / f).read_text(encoding="utf-8").rstrip("\n") + "\n\n" for f in names)

    (tb / "id_gsd-ud-train.conllu").write_text(cat("id_csui-ud-train.conllu", "id_gsd-ud-dev.conllu"), encoding="utf-8")
    (tb / "id_gsd-ud-dev.conllu").write_text(cat("id_csui-ud-test.conllu"), encoding="utf-8")
    (tb / "id_gsd-ud-test.conllu").write_text(cat("id_gsd-ud-test.conllu"), encoding="utf-8")
    return out
