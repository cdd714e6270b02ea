"""Scoring against gold data: :mod:`kg.eval.relations` (``kg eval``: relations and entities against a
gold JSONL file), :mod:`kg.eval.ner` (``kg eval-ner``: the NER model on a CoNLL file, and the
tokenizer), both counting with :class:`kg.eval.metrics.Counts`; :mod:`kg.eval.conll` reads CoNLL files.

Eval drives the stages (it runs :func:`kg.pipeline.process` or the Stanza pipeline); no stage imports it.
"""
