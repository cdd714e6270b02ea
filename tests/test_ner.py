"""kg.ner drives Stanza's NER model without Stanza's Document objects: it must give exactly the
entities of Stanza's own pre-tokenized pipeline call, and its batched Viterbi Stanza's decode."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from kg import ROOT
from kg.ner import viterbi


def test_batched_viterbi_equals_stanzas_decode():
    from stanza.models.common.crf import viterbi_decode

    gen = torch.Generator().manual_seed(7)
    lengths = [23, 17, 17, 9, 4, 1]
    scores = torch.randn(len(lengths), max(lengths), 17, generator=gen)
    trans = torch.randn(17, 17, generator=gen)
    got = viterbi(scores, trans, lengths)
    for i, n in enumerate(lengths):
        want, _ = viterbi_decode(scores[i, :n].numpy(), trans.numpy())
        assert got[i] == [int(x) for x in want]
    # ties go to the lower tag, as with numpy's argmax
    flat = torch.zeros(1, 5, 4)
    assert viterbi(flat, torch.zeros(4, 4), [5]) == [[int(x) for x in viterbi_decode(np.zeros((5, 4)), np.zeros((4, 4)))[0]]]


def seed_sentences() -> list[list[str]]:
    """The words of every sentence of the seeds, as the rule tokenizer splits them."""
    from kg.ingest import read_article
    from kg.tokenize import tokenizer

    sents = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = read_article(path).text
        sents += [[text[a:b] for a, b in s] for s in tokenizer().tokenize(text)]
    return sents


@pytest.mark.slow
def test_the_tagger_gives_stanzas_own_entities():
    from kg import nlp
    from kg.ner import Tagger

    sents = seed_sentences()
    pipe = nlp.pipeline("rules")
    doc = pipe(sents)
    want = [[(e.tokens[0].id[0] - 1, e.tokens[-1].id[0], e.type) for e in s.ents] for s in doc.sentences]
    for batch_size, sort in ((64, True), (7, False)):
        assert Tagger(pipe, batch_size=batch_size, sort=sort).tag(sents) == want
    again = Tagger(pipe, batch_size=16)
    assert again.tag(sents[::2]) == want[::2]
    assert again.tag(sents) == want  # half the words' character representations now come from its cache
    warm = Tagger(pipe)
    warm.prefill(500)  # before any batch: the model must already tag (no dropout) when it fills the cache
    assert warm.tag(sents) == want
    assert sum(map(len, want)) > 100
    assert Tagger(pipe).tag([]) == []


@pytest.mark.slow
def test_bfloat16_tags_almost_as_float32():
    # bfloat16 (KG_NER_PRECISION=bf16) keeps nearly every entity span of float32; int8 is refused (its tags
    # depend on the other sentences of a mini-batch)
    from kg import nlp
    from kg.ner import Tagger

    sents = seed_sentences()
    pipe = nlp.pipeline("rules")
    bf16 = Tagger(pipe, batch_size=64, precision="bf16").tag(sents)
    fp32 = Tagger(pipe, batch_size=64).tag(sents)
    same = sum(len(set(a) & set(b)) for a, b in zip(fp32, bf16, strict=True))
    assert same >= 0.98 * sum(map(len, fp32)) and sum(map(len, fp32)) > 100
    with pytest.raises(ValueError, match="precision"):
        Tagger(pipe, precision="int8")
