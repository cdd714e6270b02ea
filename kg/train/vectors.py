"""Our own Indonesian word vectors (gensim word2vec) → a Stanza ``Pretrain`` file.

No pretrained Indonesian vectors can be downloaded here, so they are trained on every staged raw
sentence (NER corpora except the held-out test file, and UD ``# text`` lines). Lower-cased, because
Stanza's NER looks words up lower-cased by default.
"""

from __future__ import annotations

from pathlib import Path

from kg.train.prepare import raw_sentences


def train_vectors(data: Path, out_dir: Path, *, dim: int = 100, seed: int = 1234, epochs: int = 15,
                  min_count: int = 2) -> Path:
    """Train word2vec, write ``vectors.txt`` (word2vec text format) and return its path."""
    from gensim.models import Word2Vec

    sentences = [[w.lower() for w in sent] for sent in raw_sentences(data)]
    model = Word2Vec(sentences, vector_size=dim, window=5, min_count=min_count, sg=1, negative=10,
                     epochs=epochs, seed=seed, workers=1)  # one worker: deterministic for a fixed seed
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "vectors.txt"
    model.wv.save_word2vec_format(str(path), binary=False)
    return path


def to_pretrain(vectors_txt: Path, pretrain_pt: Path) -> Path:
    """Convert word2vec text vectors to Stanza's ``Pretrain`` .pt (what ``--wordvec_pretrain_file`` reads)."""
    from stanza.models.common.pretrain import Pretrain

    if pretrain_pt.exists():
        pretrain_pt.unlink()
    pt = Pretrain(str(pretrain_pt), str(vectors_txt))
    pt.load()  # reads the text vectors and saves the .pt
    return pretrain_pt
