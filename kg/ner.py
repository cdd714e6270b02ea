"""Stanza's NER model driven directly on pre-tokenized sentences: the same model, tensors and decoding
as ``stanza.Pipeline(tokenize_pretokenized=True)``, without the Document objects around them.

On real articles with one torch thread, half of a pre-tokenized pipeline call went to Stanza's
bookkeeping rather than to the network: building a ``Document`` of ``Token`` and ``Word`` objects
for every word (a fifth of the time), reading it back into the data loader, mapping tags onto tokens
and rebuilding entity spans, and a Viterbi decode in numpy, one time step at a time per sentence.
Here the sentences are sorted by length so that each mini-batch pads little and go to the model as
lists of words, words are mapped to vocabulary ids once per distinct word and process, the character
model runs once per distinct word and process (its output for a word is kept), the CRF's
training loss (a forward algorithm per mini-batch) is not computed, the CRF is decoded for the whole
mini-batch at once in torch, and the spans come from Stanza's own BIOES decoder. The entities are Stanza's, exactly
(tests/test_ner.py; also checked on the 1,507 sentences of the real articles and idner-news-2k test).

``tag(sentences)`` returns, for each sentence (a list of token strings), its entities as
``(first token, last token + 1, type)``; ``kg.nlp`` turns them into character offsets.
"""

from __future__ import annotations

import contextlib
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
    """Stanza's character model over each distinct word once per process, not once per occurrence.

    A word's character representation depends on its characters alone, and most words of news
    sentences are repeats ("yang", "di", "Rusia"), within a batch and across batches: the LSTM runs on
    the words it has not seen yet, and each occurrence takes its word's row from a cache kept by this
    module. Same weights, same steps as ``CharacterModel.forward``. It is called with the words
    themselves (``Tagger`` builds the batch) instead of a padded tensor of character ids."""

    #: Words whose representation is kept; past it the cache starts again (about 0.8 kB a word).
    LIMIT = 100_000

    def __init__(self, inner: torch.nn.Module, chars) -> None:  # noqa: ANN001 - Stanza's char vocab
        super().__init__()
        self.inner = inner
        self.chars = chars
        self.cache: dict[str, torch.Tensor] = {}

    def forward(self, words, chars_mask, word_orig_idx, sentlens, wordlens):  # noqa: ANN001, ANN201 - Stanza's
        from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

        m, cache = self.inner, self.cache
        missing = [w for w in dict.fromkeys(words) if w not in cache]
        if missing:
            if len(cache) + len(missing) > self.LIMIT:
                cache.clear()
                missing = list(dict.fromkeys(words))
            cache.update(zip(missing, self._represent(missing), strict=True))
        res = torch.stack([cache[w] for w in words])
        res = pack_sequence(res.split(sentlens))
        return pad_packed_sequence(res, batch_first=True)[0] if m.pad else res

    def _represent(self, words: list[str]) -> torch.Tensor:
        """One row per word, in the order given: ``CharacterModel.forward`` on words sorted by length."""
        from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

        m = self.inner
        order = sorted(range(len(words)), key=lambda i: -len(words[i]))
        ids = [self.chars.map(list(words[i])) for i in order]
        lens = [len(x) for x in ids]
        padded = _pad(ids)
        n = len(ids)
        embs = pack_padded_sequence(m.dropout(m.char_emb(padded)), lens, batch_first=True)
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
        rows = torch.empty_like(res)
        rows[torch.tensor(order)] = res
        return rows.unbind(0)


class _Transitions(torch.nn.Module):
    """A CRF layer at inference: its transition matrix, without the training loss Stanza's model computes
    on every call (the CRF forward algorithm over each mini-batch, whose result tagging throws away)."""

    def __init__(self, crit: torch.nn.Module) -> None:
        super().__init__()
        self.crit = crit

    def forward(self, inputs, masks, tag_indices):  # noqa: ANN001, ANN201 - CRFLoss's signature
        return 0, self.crit._transitions


def _pad(rows: list[list[int]]) -> torch.Tensor:
    """Rows of ids as one tensor padded with PAD_ID (0), as Stanza's ``get_long_tensor``."""
    import numpy as np

    out = np.zeros((len(rows), max(map(len, rows))), dtype=np.int64)
    for i, r in enumerate(rows):
        out[i, :len(r)] = r
    return torch.from_numpy(out)


class _StaticIds:
    """``Model.extract_static_embeddings`` with each distinct word mapped to its vocabulary id once per
    process instead of once per occurrence (the mapping lower-cases and normalises every word)."""

    def __init__(self) -> None:
        self.memo: dict[int, dict[str, int]] = {}

    def __call__(self, args, sents, vocab):  # noqa: ANN001, ANN204 - Stanza's signature
        lower = args.get("lowercase", True)
        table = self.memo.setdefault(id(vocab), {})
        if len(table) > 200_000:
            table.clear()
        rows = []
        for sent in sents:
            row = []
            for w in sent:
                if (i := table.get(w)) is None:
                    i = table[w] = vocab.unit2id(w.lower() if lower else w)
                row.append(i)
            rows.append(row)
        words = _pad(rows)
        return words, torch.eq(words, 0)


class Tagger:
    """The NER model of a ``stanza.Pipeline`` (its first and only NER model), run batch by batch.

    The tagger runs its own copy of the model whose character model sees each distinct word once
    (:class:`UniqueWords`); the pipeline's model is left as it is."""

    def __init__(self, pipeline, batch_size: int = 64, sort: bool = True,  # noqa: ANN001 - stanza.Pipeline
                 precision: str = "fp32") -> None:
        import copy

        if precision not in ("fp32", "bf16"):
            raise ValueError(f"precision {precision!r}: fp32 or bf16")

        processor = pipeline.processors["ner"]
        if len(processor.trainers) != 1:
            raise ValueError("kg.ner drives exactly one NER model")
        self.trainer = copy.copy(processor.trainers[0])
        model = copy.copy(self.trainer.model)  # shares the weights; only the character model is wrapped
        model._modules = dict(model._modules)
        self.lean = getattr(model, "charmodel", None) is not None and not model.args.get("charlm")
        if self.lean:
            model._modules["charmodel"] = UniqueWords(model.charmodel, self.trainer.vocab["char"])
        model.extract_static_embeddings = _StaticIds()
        model._modules["crits"] = torch.nn.ModuleList(_Transitions(c) for c in model.crits)
        self.trainer.model = model
        self.config = processor.configs[0]
        self.batch_size = batch_size
        self.sort = sort  # all sentences sorted by length before batching (Stanza sorts only within a batch)
        self.tags = self.trainer.vocab["tag"]
        self.column = self.trainer.args.get("predict_tagset") or 0
        self._names: dict[int, str] = {}  # tag id → tag, as Stanza's vocabulary maps it
        self.precision = precision

    def _arithmetic(self) -> contextlib.AbstractContextManager:
        """No gradients, and bfloat16 where asked (the character model's cache is filled the same way)."""
        if self.precision == "bf16":
            return _both(torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16))
        return torch.no_grad()

    def prefill(self, n: int) -> None:
        """Compute now the character representations of the ``n`` most frequent words of the model's
        pretrained vocabulary (lower-cased, as it lists them, and capitalised), so that the first
        batches find them cached like the later ones do (warm-up: once per process, or fork server)."""
        if not self.lean or "word" not in self.trainer.vocab:
            return
        vocab = self.trainer.vocab["word"]
        from stanza.models.common.vocab import VOCAB_PREFIX_SIZE

        top = [w for w in (vocab.id2unit(i) for i in range(VOCAB_PREFIX_SIZE, min(len(vocab), VOCAB_PREFIX_SIZE + n)))
               if w]
        words = list(dict.fromkeys(top + [w[:1].upper() + w[1:] for w in top if w[:1].isalpha()]))
        charmodel = self.trainer.model.charmodel
        self.trainer.model.eval()  # no dropout: before the first batch the model may still be in training mode
        with self._arithmetic():
            for i in range(0, len(words), 512):
                charmodel.cache.update(zip(words[i:i + 512], charmodel._represent(words[i:i + 512]), strict=True))

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
        if self.lean:
            ordered = [sentences[i] for i in order]
            loader = (self._batch(ordered[i:i + self.batch_size]) for i in range(0, len(ordered), self.batch_size))
        else:
            loader = DataLoader(_Sentences([sentences[i] for i in order]), self.batch_size, self.config,
                                vocab=self.trainer.vocab, evaluation=True, preprocess_tags=False)
        k = 0
        with self._arithmetic():
            for batch in loader:
                for tags in self._predict(batch):
                    out[order[k]] = [(e["start"], e["end"] + 1, e["type"]) for e in decode_from_bioes(tags)]
                    k += 1
        return out

    def _batch(self, sentences: Sequence[Sequence[str]]) -> tuple:
        """What Stanza's loader gives the model for a mini-batch, as the lean model reads it: sentences
        sorted by length (as ``sort_all`` sorts them), the words themselves for :class:`UniqueWords`, and
        empty tags (read only by the training loss, which is not computed)."""
        from stanza.models.common.data import sort_all

        (words,), orig_idx = sort_all([list(sentences)], [len(s) for s in sentences])
        sentlens = [len(s) for s in words]
        tags = torch.zeros((len(words), sentlens[0], len(self.trainer.model.crits)), dtype=torch.long)
        return words, [w for s in words for w in s], None, None, tags, orig_idx, None, None, sentlens, None, None, None

    def _predict(self, batch) -> list[list[str]]:  # noqa: ANN001 - a DataLoader batch
        """``stanza.models.ner.trainer.Trainer.predict`` with the CRF decoded for the whole batch at once."""
        from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
        from stanza.models.ner.trainer import fix_singleton_tags, unpack_batch

        trainer = self.trainer
        device = next(trainer.model.parameters()).device
        if self.lean:  # words and tags as _batch made them (no tensors to move: tagging runs on the CPU)
            word, wordchars, wordchars_mask, chars, tags, orig_idx, word_orig_idx, char_orig_idx, sentlens, \
                wordlens, charlens, charoffsets = batch
        else:
            inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = \
                unpack_batch(batch, device)
            word, wordchars, wordchars_mask, chars, tags = inputs
        trainer.model.eval()
        _, logits, trans = trainer.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens,
                                         chars, charoffsets, charlens, char_orig_idx)
        paths = viterbi(logits[0].float(), trans[0].float(), sentlens)  # (bfloat16 scores: summed in float32)
        names = self._names
        seqs = []
        for path in paths:
            for x in path:
                if x not in names:
                    t = self.tags.unmap([(max(x, VOCAB_PREFIX_SIZE),)])[0]  # as Stanza: never a padding/unknown tag
                    names[x] = t[self.column] if isinstance(t, list) else t
            seqs.append(fix_singleton_tags([names[x] for x in path]))
        # back to the order the loader received them in
        return [seqs[i] for i in sorted(range(len(seqs)), key=lambda i: orig_idx[i])]


@contextlib.contextmanager
def _both(a: contextlib.AbstractContextManager, b: contextlib.AbstractContextManager):  # noqa: ANN202
    with a, b:
        yield


def viterbi(scores: torch.Tensor, transitions: torch.Tensor, lengths: Sequence[int]) -> list[list[int]]:
    """Best tag path of each sentence of a batch (``scores``: batch × time × tags, sentences sorted by
    length, longest first, as Stanza's loader sorts them): Stanza's ``viterbi_decode``, step by step over
    the batch instead of sentence by sentence. Ties go to the lower tag index, as with numpy's argmax."""
    batch, steps, _ = scores.shape
    trellis = scores[:, 0].clone()
    pointers = []
    going = [0] * (steps + 1)  # going[t]: how many sentences are longer than t
    for n in lengths:
        going[n - 1] += 1
    for t in range(steps - 1, -1, -1):
        going[t] += going[t + 1]
    for t in range(1, steps):
        active = going[t]  # lengths are sorted: the first `active` rows go on
        v = trellis[:active].unsqueeze(2) + transitions  # previous tag × next tag
        best, arg = v.max(1)
        trellis = torch.cat([scores[:active, t] + best, trellis[active:]]) if active < batch else scores[:, t] + best
        pointers.append(arg)
    last = trellis.argmax(1).tolist()
    back = [p.tolist() for p in pointers]  # read one entry at a time below: lists, not tensors
    paths = []
    for i, n in enumerate(lengths):
        path = [last[i]]
        for t in range(n - 1, 0, -1):
            path.append(back[t - 1][i][path[-1]])
        path.reverse()
        paths.append(path)
    return paths


__all__ = ["Tagger", "viterbi"]
