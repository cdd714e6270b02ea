"""Reproducible training of the shipped Indonesian Stanza models (tokenizer, NER, word vectors)."""
