"""The shipped Stanza models, loaded offline, on real seed sentences."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import MODELS_DIR, ROOT
from kg.cli import cli
from kg.ingest import article_from_text, read_article
from kg.nlp import analyse, build_pipeline, merge_mentions, model_config
from kg.types import Mention

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module", params=["rules", "stanza"])
def seed_docs(request):
    """The seeds analysed with each tokenizer (KG_TOKENIZER): every test below holds for both."""
    return analyse([read_article(p) for p in SEEDS], tokenizer=request.param)


def test_pipeline_never_touches_the_network(monkeypatch):
    """Construction and tagging work with every socket connection made to fail."""
    attempts: list = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError(f"network disabled in test: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    nlp = build_pipeline()
    doc = nlp("Juru bicara Gedung Putih John Kirby berbicara di Washington pada Jumat.")
    assert doc.sentences and any(ent.type == "PER" for ent in doc.ents)
    assert attempts == []


def test_shipped_files_are_complete_and_small():
    cfg = model_config()
    files = [MODELS_DIR / cfg["tokenizer"], MODELS_DIR / cfg["ner"], MODELS_DIR / "resources.json"]
    if cfg.get("pretrain"):
        files.append(MODELS_DIR / cfg["pretrain"])
    for f in files:
        assert f.is_file(), f
    assert sum(f.stat().st_size for f in files) <= 40 * 1024 * 1024
    card = (MODELS_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    for f in files:
        if f.suffix == ".pt":
            assert f.name in card


def test_pipeline_is_built_once_and_reused():
    from kg import nlp

    analyse([article_from_text("Presiden Joko Widodo tiba di Jakarta.")])
    first = nlp.pipeline()
    analyse([article_from_text("Menteri Luar Negeri Retno Marsudi bertemu Antony Blinken.")])
    assert nlp.pipeline() is first


@pytest.mark.parametrize("var,getter,given,chosen,fingerprint,bad,default", [
    ("KG_TOKENIZER", "tokenizer_name", "Stanza ", "stanza", "tokenizer=stanza", "neural", "rules"),
    # NER in float32 unless asked: a sentence's tags must not depend on its mini-batch (kg.nlp)
    ("KG_NER_PRECISION", "ner_precision", "BF16", "bf16", "ner=bf16", "int8", "fp32"),
])
def test_analysis_settings_are_chosen_by_the_environment_and_fingerprinted(monkeypatch, var, getter, given, chosen,
                                                                          fingerprint, bad, default):
    from kg import nlp

    monkeypatch.delenv("KG_TOKENIZER", raising=False)
    monkeypatch.setenv(var, given)
    assert getattr(nlp, getter)() == chosen and fingerprint in nlp.settings()
    monkeypatch.setenv(var, bad)
    with pytest.raises(nlp.BadSetting, match=var):
        getattr(nlp, getter)()
    monkeypatch.delenv(var)
    assert getattr(nlp, getter)() == default


def test_the_rule_pipeline_loads_no_tokenizer_model():
    from kg import nlp

    p = nlp.pipeline("rules")
    assert p.processors["tokenize"].config.get("pretokenized") and p.processors["tokenize"]._trainer is None
    assert nlp.pipeline("rules") is p


def test_both_tokenizers_give_the_same_mentions_on_a_plain_sentence():
    text = "Juru bicara Gedung Putih John Kirby menuduh Korea Utara memasok amunisi artileri ke Rusia."
    a, b = (analyse([article_from_text(text)], tokenizer=t)[0] for t in ("rules", "stanza"))
    assert [t.text for s in a.sentences for t in s.tokens] == [t.text for s in b.sentences for t in s.tokens]
    assert a.mentions == b.mentions and any(m.text == "John Kirby" and m.type == "PER" for m in a.mentions)


def test_sentence_splitting_on_seeds(seed_docs):
    doc = seed_docs[0]
    texts = [s.text for s in doc.sentences]
    # dates in brackets and abbreviations stay inside their sentence
    assert any("pada Jumat (10/2), merujuk kepada" in t for t in texts)
    # a quote with two sentences inside is split into two sentences
    assert any(t.startswith('"Itu tidak hanya tidak baik untuk rakyat Ukraina.') and t.endswith("Ukraina.")
               for t in texts)
    # a paragraph never leaks into the next one
    for s in doc.sentences:
        assert "\n" not in s.text
    ryder = [s.text for s in seed_docs[2].sentences if "Patrick Ryder" in s.text]
    assert ryder and "Mayor Jenderal Patrick Ryder" in ryder[0]


def test_offsets_point_into_the_article_text(seed_docs):
    for doc in seed_docs:
        text = doc.article.text
        for s in doc.sentences:
            assert text[s.start:s.end] == s.text
            for t in s.tokens:
                assert text[t.start:t.end] == t.text
        for m in doc.mentions:
            assert text[m.start:m.end] == m.text


def test_ner_finds_people_and_places_in_seeds(seed_docs):
    found = {(m.text, m.type) for d in seed_docs for m in d.mentions}
    assert ("John Kirby", "PER") in found
    assert ("Sergei Shoigu", "PER") in found
    assert any("Putin" in t and ty == "PER" for t, ty in found)
    assert any(t == "Rusia" and ty in ("LOC", "ORG") for t, ty in found)
    assert not any(t == "Gedung Putih" and ty == "PER" for t, ty in found)


def test_weapon_mentions_are_merged_longest_first(seed_docs):
    weapons = {m.text.lower() for d in seed_docs for m in d.mentions if m.type == "WEAPON"}
    assert {"amunisi artileri", "rudal balistik", "roket", "rudal infanteri"} <= weapons
    for d in seed_docs:
        spans = sorted((m.start, m.end) for m in d.mentions)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "mentions overlap"


def test_merge_prefers_longest_then_gazetteer():
    ner = Mention("Shahed", "ORG", 10, 16, 0, "ner")
    gaz = Mention("Shahed", "WEAPON", 10, 16, 0, "gazetteer")
    longer = Mention("drone Shahed", "WEAPON", 4, 16, 0, "gazetteer")
    assert merge_mentions([ner, gaz]) == [gaz]
    assert merge_mentions([ner, gaz, longer]) == [longer]


def test_eval_ner_cli_scores_a_conll_file(tmp_path: Path):
    conll = tmp_path / "mini.conll"
    conll.write_text(
        "Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ntiba\tO\ndi\tO\nJakarta\tB-LOC\n.\tO\n\n"
        "Juru\tO\nbicara\tO\nGedung\tB-ORG\nPutih\tI-ORG\nJohn\tB-PER\nKirby\tI-PER\nberbicara\tO\n.\tO\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["eval-ner", str(conll)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert re.fullmatch(r"ner micro-F1 \d\.\d{3}", last)
    assert float(last.split()[-1]) >= 0.5


def test_eval_ner_rejects_a_file_without_sentences(tmp_path: Path):
    empty = tmp_path / "empty.conll"
    empty.write_text("\n\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval-ner", str(empty)])
    assert result.exit_code == 2
    assert "no sentences" in result.output


def test_checkpoints_load_as_torch_weights_only_loader_loads_them(tmp_path):
    """kg.nlp's C unpickler (restricted to a checkpoint's globals) gives the tensors and vocabularies
    torch's weights-only loader gives; a file naming any other global goes to that loader, which refuses it."""
    import pickle

    import torch

    from kg.nlp import _fast_checkpoints

    def same(a, b) -> bool:
        if isinstance(a, torch.Tensor):
            return a.dtype == b.dtype and torch.equal(a, b)
        if isinstance(a, dict):
            return type(a) is type(b) and list(a) == list(b) and all(same(a[k], b[k]) for k in a)
        if isinstance(a, (list, tuple)):
            return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
        return type(a) is type(b) and a == b

    cfg = model_config()
    for name in [cfg["ner"], cfg.get("pretrain")]:
        if name:
            path = MODELS_DIR / name
            plain = torch.load(path, lambda storage, loc: storage, weights_only=True)
            with _fast_checkpoints():
                assert same(torch.load(path, lambda storage, loc: storage, weights_only=True), plain)
    other = tmp_path / "other.pt"
    torch.save({"path": Path("x")}, other)
    with _fast_checkpoints(), pytest.raises(pickle.UnpicklingError):
        torch.load(other, weights_only=True)
