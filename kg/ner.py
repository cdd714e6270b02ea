"""Stanza's NER model driven directly on pre-tokenized sentences: the same model, tensors and decoding
as ``stanza.Pipeline(tokenize_pretokenized=True)``, without the Document objects around them.

On real articles with one torch thread, half of a pre-tokenized pipeline call went to Stanza's
bookkeeping rather than to the network: building a ``Document`` of ``Token`` and ``Word`` objects
for every word (a fifth of the time), reading it back into the data loader, mapping tags onto tokens
and rebuilding entity spans, and a Viterbi decode in numpy, one time step at a time per sentence.
Here the sentences go straight into the model's own data loader (a stand-in document that only
answers ``get``), sorted by length so that each mini-batch pads little, characters are mapped to ids
once per distinct word, the character model runs once per distinct word of a mini-batch, the CRF's
training loss (a forward algorithm per mini-batch) is not computed, the CRF is decoded for the whole
mini-batch at once in torch, and the spans come from Stanza's own BIOES decoder. The entities are Stanza's, exactly
(tests/test_ner.py; also checked on the 1,507 sentences of the real articles and idner-news-2k test).

``tag(sentences)`` returns, for each sentence (a list of token strings), its entities as
``(first token, last token + 1, type)``; ``kg.nlp`` turns them into character offsets.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

Entity = tuple[int, int, str]


class _Sentences:
    """What ``stanza.models.ner.data.DataLoader`` reads from a Document: text and (no) tags per token."""

    def __init__(self, sentences: Sequence[Sequence[str]]) -> None:
        self.sentences = sentences

    def get(self, fields, as_sentences=False, from_token=False):  # noqa: ANN001, ANN201 - Stanza's signature
        return [[[word, None, None] for word in sent] for sent in self.sentences]


class UniqueWords(torch.nn.Module):
    """Stanza's character model over each distinct word of a batch once.

    A word's character representation depends on its characters alone, and half the words of a batch
    of news sentences are repeats ("yang", "di", "Rusia"): the LSTM runs on the distinct words, and
    each occurrence takes its word's row. Same weights, same steps as ``CharacterModel.forward``."""

    def __init__(self, inner: torch.nn.Module) -> None:
        super().__init__()
        self.inner = inner

    def forward(self, chars, chars_mask, word_orig_idx, sentlens, wordlens):  # noqa: ANN001, ANN201 - Stanza's
        from stanza.models.common.utils import tensor_unsort
        from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pack_sequence, pad_packed_sequence

        m = self.inner
        uniq, inverse = torch.unique(chars, dim=0, return_inverse=True)
        lens = (uniq != 0).sum(1)  # rows are padded with PAD_ID 0, which no character has
        order = torch.argsort(lens, descending=True, stable=True)
        uniq, lens = uniq[order], lens[order].tolist()
        rank = torch.empty_like(order)
        rank[order] = torch.arange(len(order))
        n = uniq.size(0)
        embs = pack_padded_sequence(m.dropout(m.char_emb(uniq)), lens, batch_first=True)
        shape = (m.num_dir * m.args["char_num_layers"], n, m.args["char_hidden_dim"])
        output = m.charlstm(embs, lens, hx=(m.charlstm_h_init.expand(*shape).contiguous(),
                                            m.charlstm_c_init.expand(*shape).contiguous()))
        if m.attn:
            reps = output[0]
            weights = torch.sigmoid(m.char_attn(m.dropout(reps.data)))
            res, _ = pad_packed_sequence(PackedSequence(reps.data * weights, reps.batch_sizes), batch_first=True)
            res = res.sum(1)
        else:
            h, _ = output[1]
            res = h[-2:].transpose(0, 1).contiguous().view(n, -1)
        res = tensor_unsort(res[rank[inverse]], word_orig_idx)
        res = pack_sequence(res.split(sentlens))
        return pad_packed_sequence(res, batch_first=True)[0] if m.pad else res


class _Transitions(torch.nn.Module):
    """A CRF layer at inference: its transition matrix, without the training loss Stanza's model computes
    on every call (the CRF forward algorithm over each mini-batch, whose result tagging throws away)."""

    def __init__(self, crit: torch.nn.Module) -> None:
        super().__init__()
        self.crit = crit

    def forward(self, inputs, masks, tag_indices):  # noqa: ANN001, ANN201 - CRFLoss's signature
        return 0, self.crit._transitions


def _loader_class():
    """Stanza's NER data loader, minus what tagging with a character model (no character LM) never reads.

    Characters are mapped to ids once per distinct word and kept (``memo``); the sentence-level
    character sequences for a character language model are not built; padding is done in numpy.
    Every tensor the model reads is the one Stanza's loader builds."""
    import numpy as np
    from stanza.models.common.data import get_long_tensor, sort_all
    from stanza.models.ner.data import DataLoader

    def pad(rows: list[list[int]]) -> torch.Tensor:
        out = np.zeros((len(rows), max(map(len, rows))), dtype=np.int64)  # PAD_ID is 0
        for i, r in enumerate(rows):
            out[i, :len(r)] = r
        return torch.from_numpy(out)

    class Loader(DataLoader):
        memo: dict[str, list[int]] = {}

        def preprocess(self, data, vocab, args):  # noqa: ANN001, ANN201 - Stanza's signature
            if args.get("char_lowercase", False):
                return super().preprocess(data, vocab, args)
            chars, memo = vocab["char"], self.memo
            if len(memo) > 200_000:
                memo.clear()
            out = []
            for sent in data:
                words = [w[0] for w in sent]
                ids = []
                for w in words:
                    if (m := memo.get(w)) is None:
                        m = memo[w] = chars.map(list(w))
                    ids.append(m)
                out.append([words, ids, vocab["tag"].map([w[1] for w in sent])])
            return out

        def __getitem__(self, key):  # noqa: ANN001, ANN201
            batch = list(zip(*self.data[key], strict=True))
            batch, orig_idx = sort_all(batch, [len(x) for x in batch[0]])
            sentlens = [len(x) for x in batch[0]]
            batch_words = [w for sent in batch[1] for w in sent]
            sorted_words, word_orig_idx = sort_all([batch_words], [len(x) for x in batch_words])
            batch_words = sorted_words[0]
            wordlens = [len(x) for x in batch_words]
            wordchars = pad(batch_words)
            tags = get_long_tensor(batch[2], len(batch[0]))
            return (batch[0], wordchars, torch.eq(wordchars, 0), None, tags, orig_idx, word_orig_idx, None, sentlens,
                    wordlens, None, None)

    return Loader


class Tagger:
    """The NER model of a ``stanza.Pipeline`` (its first and only NER model), run batch by batch.

    The tagger runs its own copy of the model whose character model sees each distinct word once
    (:class:`UniqueWords`); the pipeline's model is left as it is."""

    def __init__(self, pipeline, batch_size: int = 64, sort: bool = True) -> None:  # noqa: ANN001 - stanza.Pipeline
        import copy

        processor = pipeline.processors["ner"]
        if len(processor.trainers) != 1:
            raise ValueError("kg.ner drives exactly one NER model")
        self.trainer = copy.copy(processor.trainers[0])
        model = copy.copy(self.trainer.model)  # shares the weights; only the character model is wrapped
        model._modules = dict(model._modules)
        self.lean = getattr(model, "charmodel", None) is not None and not model.args.get("charlm")
        if self.lean:
            model._modules["charmodel"] = UniqueWords(model.charmodel)
        model._modules["crits"] = torch.nn.ModuleList(_Transitions(c) for c in model.crits)
        self.trainer.model = model
        self.config = processor.configs[0]
        self.batch_size = batch_size
        self.sort = sort  # all sentences sorted by length before batching (Stanza sorts only within a batch)
        self.tags = self.trainer.vocab["tag"]
        self.column = self.trainer.args.get("predict_tagset") or 0

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[Entity]]:
        """Entities of each sentence, in the order given (sentences may be of any length, none empty)."""
        from stanza.models.ner.data import DataLoader
        from stanza.models.ner.utils import decode_from_bioes

        order = list(range(len(sentences)))
        if self.sort:
            order.sort(key=lambda i: -len(sentences[i]))
        out: list[list[Entity]] = [[] for _ in sentences]
        if not order:
            return out
        loader = (_loader_class() if self.lean else DataLoader)(
            _Sentences([sentences[i] for i in order]), self.batch_size, self.config, vocab=self.trainer.vocab,
            evaluation=True, preprocess_tags=False)
        k = 0
        with torch.no_grad():
            for batch in loader:
                for tags in self._predict(batch):
                    out[order[k]] = [(e["start"], e["end"] + 1, e["type"]) for e in decode_from_bioes(tags)]
                    k += 1
        return out

    def _predict(self, batch) -> list[list[str]]:  # noqa: ANN001 - a DataLoader batch
        """``stanza.models.ner.trainer.Trainer.predict`` with the CRF decoded for the whole batch at once."""
        from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
        from stanza.models.ner.trainer import fix_singleton_tags, unpack_batch

        trainer = self.trainer
        device = next(trainer.model.parameters()).device
        inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = \
            unpack_batch(batch, device)
        word, wordchars, wordchars_mask, chars, tags = inputs
        trainer.model.eval()
        _, logits, trans = trainer.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens,
                                         chars, charoffsets, charlens, char_orig_idx)
        paths = viterbi(logits[0], trans[0], sentlens)
        seqs = []
        for path in paths:
            ids = [(max(x, VOCAB_PREFIX_SIZE),) for x in path]  # as Stanza: never a padding/unknown tag
            seqs.append(fix_singleton_tags([t[self.column] if isinstance(t, list) else t for t in self.tags.unmap(ids)]))
        # back to the order the loader received them in
        return [seqs[i] for i in sorted(range(len(seqs)), key=lambda i: orig_idx[i])]


def viterbi(scores: torch.Tensor, transitions: torch.Tensor, lengths: Sequence[int]) -> list[list[int]]:
    """Best tag path of each sentence of a batch (``scores``: batch × time × tags, sentences sorted by
    length, longest first, as Stanza's loader sorts them): Stanza's ``viterbi_decode``, step by step over
    the batch instead of sentence by sentence. Ties go to the lower tag index, as with numpy's argmax."""
    batch, steps, _ = scores.shape
    trellis = scores[:, 0].clone()
    pointers = []
    for t in range(1, steps):
        active = sum(1 for n in lengths if n > t)  # lengths are sorted: the first `active` rows go on
        v = trellis[:active].unsqueeze(2) + transitions  # previous tag × next tag
        best, arg = v.max(1)
        trellis = torch.cat([scores[:active, t] + best, trellis[active:]]) if active < batch else scores[:, t] + best
        pointers.append(arg)
    last = trellis.argmax(1).tolist()
    paths = []
    for i, n in enumerate(lengths):
        path = [last[i]]
        for t in range(n - 1, 0, -1):
            path.append(int(pointers[t - 1][i, path[-1]]))
        path.reverse()
        paths.append(path)
    return paths


__all__ = ["Tagger", "viterbi"]
