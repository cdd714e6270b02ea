"""Text → sentences, tokens and typed mentions, with the shipped Indonesian Stanza models.

Sentences and tokens come from the rule tokenizer (:mod:`kg.tokenize`), whose sentences Stanza's NER
model tags directly (:mod:`kg.ner`); ``KG_TOKENIZER=stanza`` selects the shipped neural tokenizer and
Stanza's own pipeline call instead (the path before issue 16, kept for comparison: ``bench/speed.py``). The
pipeline is built once per process, lazily, from files in ``kg/models/id`` with
``download_method=None``: it never touches the network. Articles are processed in batches because
Stanza is several times faster on one call over many documents than on one call per document; with
the rule tokenizer the sentences of a batch go to the tagger sorted by length, so its mini-batches
hold sentences of similar length and little padding.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import logging
import os
import pickle
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg import MODELS_DIR
from kg.cache import collector_paused
from kg.cues import cues
from kg.types import Article, Doc, Mention, Sentence, Token
from kg.weapons import lexicon

if TYPE_CHECKING:  # stanza is heavy: imported only when a pipeline is built
    import stanza

    from kg.ner import Tagger

_lock = threading.Lock()
_pipelines: dict[str, stanza.Pipeline] = {}
_tagger: Tagger | None = None
_PARA = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
#: ``KG_TOKENIZER``: "rules" (kg.tokenize + kg.ner) or "stanza" (the shipped neural tokenizer and Stanza's
#: pipeline call). Rules are the default: relations F1 unchanged on the seeds (0.986) and 0.608 -> 0.610 on the
#: 42 development articles (dev half 0.662 -> 0.667, check half 0.551 -> 0.550); UD GSD test F1 above.
TOKENIZERS = ("rules", "stanza")
DEFAULT_TOKENIZER = "rules"
#: ``KG_NER_PRECISION``: the arithmetic of kg.ner's tagger (the rule tokenizer's path). "fp32" (default) or "bf16":
#: its LSTMs and linear layers in bfloat16 (torch's CPU autocast), NER 1.56x as fast where the CPU computes
#: bfloat16 itself (``avx512_bf16``, ``amx_bf16``; emulated, and slower, elsewhere), idner-news-2k test F1 unchanged
#: (0.915), 99.7% of the spans of the real articles float32's. Not the default: 0.08% of those sentences got
#: other tags in mini-batches of another size (float32: none), so an article's graph would depend on the articles
#: built beside it, and a killed build, rerun, could end with another graph than an uninterrupted one. int8
#: (dynamic quantization, 1.73x) quantizes each mini-batch with its own scale: 2.5% of the sentences; not offered.
#: Figures: ``python -m bench.ner``.
NER_PRECISIONS = ("fp32", "bf16")
#: Sentences per NER mini-batch (sorted by length first; see bench/ner.py for the measurement).
NER_BATCH_SIZE = 64
#: Frequent words whose character representations the warm-up computes (kg.ner.Tagger.prefill).
PREFILL_WORDS = 1000


class ModelsMissing(RuntimeError):
    """The shipped model files are absent (e.g. a checkout without ``kg/models/id``)."""


class BadSetting(RuntimeError):
    """An environment setting of this module has a value it does not know (bad usage: exit code 2)."""

    exit_code = 2


def tokenizer_name() -> str:
    """The tokenizer ``KG_TOKENIZER`` selects: "rules" (default) or "stanza"."""
    name = os.environ.get("KG_TOKENIZER", "").strip().lower() or DEFAULT_TOKENIZER
    if name not in TOKENIZERS:
        raise BadSetting(f"KG_TOKENIZER={name!r}: expected one of {', '.join(TOKENIZERS)}")
    return name


def ner_precision() -> str:
    """The tagger's arithmetic ``KG_NER_PRECISION`` selects: "fp32" (default) or "bf16"."""
    name = os.environ.get("KG_NER_PRECISION", "").strip().lower() or "fp32"
    if name not in NER_PRECISIONS:
        raise BadSetting(f"KG_NER_PRECISION={name!r}: expected one of {', '.join(NER_PRECISIONS)}")
    return name


def settings() -> str:
    """The settings that change what this module outputs, for the build fingerprint (kg.fingerprint)."""
    name = tokenizer_name()
    return f"tokenizer={name}" + (f" ner={ner_precision()}" if name == "rules" else "")


def model_config(models_dir: Path = MODELS_DIR) -> dict:
    """``config.json`` beside the models names the files and whether NER needs the pretrain."""
    cfg_path = models_dir / "config.json"
    if not cfg_path.exists():
        raise ModelsMissing(f"no models in {models_dir}: run `kg train all --out {models_dir}`")
    return json.loads(cfg_path.read_text(encoding="utf-8"))


def build_pipeline(models_dir: Path = MODELS_DIR, **overrides) -> stanza.Pipeline:
    """A fresh offline ``stanza.Pipeline(lang="id")`` over the shipped tokenizer and NER model."""
    import stanza

    cfg = model_config(models_dir)
    kwargs = dict(
        lang="id",
        dir=str(models_dir),
        processors="tokenize,ner",
        tokenize_model_path=str(models_dir / cfg["tokenizer"]),
        ner_model_path=str(models_dir / cfg["ner"]),
        download_method=None,
        logging_level="ERROR",
        use_gpu=False,
        tokenize_batch_size=64,
        ner_batch_size=NER_BATCH_SIZE,
    )
    if cfg.get("pretrain"):
        # A NER model trained with a pretrain silently tags garbage without the same file.
        kwargs["ner_pretrain_path"] = str(models_dir / cfg["pretrain"])
    kwargs.update(overrides)
    logging.getLogger("stanza").setLevel(logging.ERROR)
    with _no_optimizers(), _fast_checkpoints():
        return stanza.Pipeline(**kwargs)


@contextlib.contextmanager
def _no_optimizers() -> Iterator[None]:
    """Build the pipeline without the training optimizers Stanza's trainers create on load.

    Stanza's tokenizer trainer makes an Adam optimizer even for tagging, and the first optimizer in
    a process imports ``torch._dynamo``: 1.2 s of a 2.5 s start-up, paid again by every worker
    process. Tagging never touches the optimizer, so while the pipeline is built ``get_optimizer``
    returns None. Training (``kg train``) goes through Stanza's own scripts and is unaffected.
    """
    try:
        from stanza.models.common import utils
    except ImportError:  # pragma: no cover - another Stanza layout: build as usual
        yield
        return
    original = getattr(utils, "get_optimizer", None)
    if original is None:  # pragma: no cover
        yield
        return
    utils.get_optimizer = lambda *args, **kwargs: None
    try:
        yield
    finally:
        utils.get_optimizer = original


#: The globals a Stanza checkpoint names besides tensor storages (which torch maps itself).
_CHECKPOINT_GLOBALS = frozenset({("collections", "OrderedDict"), ("torch._utils", "_rebuild_tensor_v2")})


class _CheckpointUnpickler(pickle.Unpickler):
    """Python's C unpickler, refusing every global but :data:`_CHECKPOINT_GLOBALS`."""

    def find_class(self, module: str, name: str):  # noqa: ANN201 - pickle's signature
        if (module, name) not in _CHECKPOINT_GLOBALS:
            raise pickle.UnpicklingError(f"{module}.{name} is not among a checkpoint's globals")
        return super().find_class(module, name)


class _checkpoint_pickle:  # noqa: N801 - stands for a module: torch.load's ``pickle_module``
    __name__ = "kg.nlp.checkpoint_pickle"
    Unpickler = _CheckpointUnpickler

    @staticmethod
    def load(file, **kwargs):  # noqa: ANN001, ANN205 - pickle.load's signature
        return _CheckpointUnpickler(file, **kwargs).load()


@contextlib.contextmanager
def _fast_checkpoints() -> Iterator[None]:
    """Load the pipeline's checkpoints with the C unpickler, restricted to the globals they name.

    Stanza loads them with ``weights_only=True``, whose unpickler is written in Python: 0.75 s of every
    start-up for the NER model and the pretrain (their vocabularies are long lists of strings), against
    0.03 s. Restricted to two globals that torch's weights-only loader allows too, this one builds nothing
    that loader would not; a file naming any other global is loaded by torch's own loader instead.
    """
    import torch

    original = torch.load

    def load(f, map_location=None, *args, weights_only=None, **kwargs):  # noqa: ANN001, ANN202 - torch.load's
        if weights_only and not args and "pickle_module" not in kwargs and isinstance(f, (str, os.PathLike)):
            with contextlib.suppress(pickle.UnpicklingError):
                return original(f, map_location, weights_only=False, pickle_module=_checkpoint_pickle, **kwargs)
        return original(f, map_location, *args, weights_only=weights_only, **kwargs)

    torch.load = load
    try:
        yield
    finally:
        torch.load = original


def pipeline(tokenizer: str | None = None) -> stanza.Pipeline:
    """The process-wide pipeline for ``tokenizer`` (default: :func:`tokenizer_name`), built on first
    use and reused. With the rule tokenizer it is Stanza's NER on pre-tokenized input (no tokenizer
    model is loaded); the rule tokenizer's abbreviations are loaded with it."""
    name = tokenizer or tokenizer_name()
    with _lock:
        if name not in _pipelines:
            if not _pipelines:
                atexit.register(_freeze_at_exit)
            with collector_paused():  # torch and stanza imported, the model loaded: no garbage to look for
                if name == "rules":
                    from kg.tokenize import tokenizer as rule_tokenizer

                    rule_tokenizer()
                    _pipelines[name] = build_pipeline(tokenize_pretokenized=True)
                else:
                    _pipelines[name] = build_pipeline()
        return _pipelines[name]


def _freeze_at_exit() -> None:
    """At the exit of a process that loaded a pipeline, every object frozen: the interpreter's last
    collections then skip what the models, lexicons and modules hold, which they walked to the end only
    to find it alive (0.65 to 0.7 s of the 1.8 s of CPU of a one-article ``kg extract``). Teardown is
    otherwise as before (exit handlers, streams, files closed by their owners); the process's memory
    goes back to the system with it."""
    gc.freeze()


def warm_up(tokenizer: str | None = None) -> None:
    """Load everything the first batch would otherwise load: the pipeline, the rule tokenizer and its
    tagger (:func:`tagger`), the weapon lexicon; then run one short text through them (torch's first
    call allocates)."""
    from kg.ingest import article_from_text

    name = tokenizer or tokenizer_name()
    pipeline(name)
    lexicon()
    if name == "rules":
        tagger()
    analyse([article_from_text("Kim Jong Un. Vladimir Putin.", name="warm-up")], name)


def analyse(articles: Sequence[Article], tokenizer: str | None = None) -> list[Doc]:
    """Tokenize, split sentences and tag mentions for a batch of articles in one Stanza call."""
    if not articles:
        return []
    name = tokenizer or tokenizer_name()
    if name == "rules":
        return _analyse_rules(articles)
    import stanza

    nlp = pipeline(name)
    texts = [a.text for a in articles]
    stanza_docs = nlp.bulk_process([stanza.Document([], text=t) for t in texts])
    return [_to_doc(article, sdoc) for article, sdoc in zip(articles, stanza_docs, strict=True)]


def _analyse_rules(articles: Sequence[Article]) -> list[Doc]:
    """The rule tokenizer's sentences, tagged by the NER model (kg.ner) in one pass over the batch."""
    from kg.tokenize import tokenizer as rule_tokenizer

    split = rule_tokenizer().tokenize
    per_article = [split(a.text) for a in articles]
    words = [[a.text[s:e] for s, e in sent] for a, sents in zip(articles, per_article, strict=True) for sent in sents]
    found = iter(tagger().tag([_ner_case(w) for w in words]))
    return [_rules_doc(article, sents, [next(found) for _ in sents])
            for article, sents in zip(articles, per_article, strict=True)]


_LEAD_CLASSES = frozenset({"OrgHead", "RoleTitle", "StateBody", "Rank"})
#: cue classes of the verbs a headline may write in title case
_VERB_CLASSES = frozenset({"SupplyCue", "ReceiveCue", "RequestCue", "DependVerb", "TransportVerb", "AccuseCue",
                           "DenyCue", "RejectCue", "WarnCue", "MeetCue", "VisitCue", "SanctionCue", "QuoteVerb"})


def _ner_case(words: list[str]) -> list[str]:
    """The words as the tagger should see them, as the training data writes them: in a title-case headline
    its verbs and weapon words in lower case, and a lead written in capitals by house style ("KEMENTERIAN
    Pertahanan", "PRESIDEN Prabowo") in title case. Offsets are unchanged: the tagger returns word indices."""
    out = words
    caps = [w for w in words if len(w) > 3 and w.isalpha()]
    if len(caps) >= 4 and sum(w[:1].isupper() for w in caps) >= 0.8 * len(caps) and words[-1] not in ".!?\"”":
        # a headline in title case ("Mesir Borong J-10C China, Etiopia Andalkan Drone Turki"): its verbs
        # and weapon words as running text writes them, so that they are not read as names
        lex = lexicon()
        out = [w.lower() if i and w[:1].isupper() and not w.isupper() and w.isalpha() and (
            _VERB_CLASSES & cues().classes(w).keys() or w.lower() in lex.listed) else w
            for i, w in enumerate(words)]
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        if len(w) > 3 and w.isalpha() and w.isupper() and nxt[:1].isupper() and not nxt.isupper() \
                and _LEAD_CLASSES & cues().classes(w).keys():
            out = out if out is not words else list(words)
            out[i] = w.capitalize()
    return out


def tagger() -> Tagger:
    """The process-wide NER driver over the rule pipeline's model, with the character representations of
    the most frequent words computed (about 0.2 s once; a fifth less NER time on the first hundred articles)."""
    global _tagger
    p = pipeline("rules")
    with _lock:
        if _tagger is None:
            from kg.ner import Tagger

            with collector_paused():
                _tagger = Tagger(p, batch_size=NER_BATCH_SIZE, precision=ner_precision())
                _tagger.prefill(PREFILL_WORDS)
        return _tagger


def _rules_doc(article: Article, spans: list[list[tuple[int, int]]],
               ents: list[list[tuple[int, int, str]]]) -> Doc:
    text = article.text
    para_starts = _paragraph_starts(text)
    sentences: list[Sentence] = []
    para = 0
    tagged: list[tuple[int, int, int, list[Mention]]] = []
    for index, (toks, found_ents) in enumerate(zip(spans, ents, strict=True)):
        tokens = tuple(Token(text[a:b], a, b) for a, b in toks)
        start, end = tokens[0].start, tokens[-1].end
        while para + 1 < len(para_starts) and para_starts[para + 1] <= start:
            para += 1
        sentences.append(Sentence(index, text[start:end], start, end, tokens, para))
        tagged.append((index, start, end, [Mention(text[tokens[a].start:tokens[b - 1].end], etype, tokens[a].start,
                                                   tokens[b - 1].end, index, "ner") for a, b, etype in found_ents]))
    mentions = _with_weapons(text, tagged)
    return Doc(article, tuple(sentences), tuple(mentions))


def _with_weapons(text: str, tagged: list[tuple[int, int, int, list[Mention]]]) -> list[Mention]:
    """Each sentence's tagger mentions (index, start, end, mentions) with its weapon mentions, merged. The
    models an article introduces with their type ("rudal Zephyr-9") are read in a first pass, so that a name
    alone is the model before its introduction too (a headline "Borong 42 Zephyr-9" above "jet tempur Zephyr-9")."""
    seen: dict[str, str] = {}  # model names this article introduced with their type
    for index, start, end, found in tagged:
        _weapon_mentions(text, start, end, index, found, seen)
    mentions: list[Mention] = []
    for index, start, end, found in tagged:
        mentions.extend(merge_mentions(found + _weapon_mentions(text, start, end, index, found, seen)))
    return mentions


def analyse_text(text: str, name: str = "text") -> Doc:
    """Convenience for notebooks and tests: analyse one string."""
    from kg.ingest import article_from_text

    return analyse([article_from_text(text, name=name)])[0]


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _PARA.finditer(text)]


def _to_doc(article: Article, sdoc) -> Doc:
    text = article.text
    para_starts = _paragraph_starts(text)
    sentences: list[Sentence] = []
    para = 0
    tagged: list[tuple[int, int, int, list[Mention]]] = []
    for sent in sdoc.sentences:
        tokens = tuple(Token(t.text, t.start_char, t.end_char) for t in sent.tokens)
        if not tokens:
            continue
        start, end = tokens[0].start, tokens[-1].end
        while para + 1 < len(para_starts) and para_starts[para + 1] <= start:
            para += 1
        index = len(sentences)
        sentences.append(Sentence(index, text[start:end], start, end, tokens, para))
        tagged.append((index, start, end, [Mention(text[e.start_char:e.end_char], e.type, e.start_char, e.end_char,
                                                   index, "ner") for e in sent.ents]))
    mentions = _with_weapons(text, tagged)
    return Doc(article, tuple(sentences), tuple(mentions))


#: tagger types that name no model: a place or state after a weapon word is its owner or maker ("drone Turki")
_NAMED_TYPES = frozenset({"PER", "ORG", "MISC"})


def _weapon_mentions(text: str, start: int, end: int, index: int, found: list[Mention],
                     seen: dict[str, str]) -> list[Mention]:
    """The sentence's weapon mentions: the lexicon's forms, and models nobody listed after a type's words."""
    lex = lexicon()
    sent = text[start:end]
    blocked = [(m.start - start, m.end - start) for m in found if m.type not in _NAMED_TYPES]
    return [Mention(text[start + s:start + e], "WEAPON", start + s, start + e, index, "gazetteer")
            for s, e, _ in lex.named(sent, lex.find(sent), blocked, seen)]


def merge_mentions(found: Iterable[Mention]) -> list[Mention]:
    """Longest span wins, no overlaps; on equal length the gazetteer beats the statistical tagger. A model
    designation the lexicon knows ("Su-57") beats a tagger's name around it ("[Borong Su-57]" as a person
    in a headline in title case)."""
    found = list(found)
    models = [m for m in found if m.source == "gazetteer" and any(ch.isdigit() for ch in m.text)]
    if models:
        found = [m for m in found if m.source == "gazetteer" or m.type == "WEAPON"
                 or not any(w.start < m.end and m.start < w.end for w in models)]
    ranked = sorted(found, key=lambda m: (-(m.end - m.start), m.source != "gazetteer", m.start))
    kept: list[Mention] = []
    for m in ranked:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)
