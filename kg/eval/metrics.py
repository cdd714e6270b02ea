"""Precision, recall and F1 from counts: the one metrics class of ``kg eval`` and ``kg eval-ner``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class Counts:
    """True positives, false positives and false negatives, with precision, recall and F1 over them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @classmethod
    def total(cls, parts: Iterable[Counts]) -> Counts:
        """The micro-average: all counts summed."""
        out = cls()
        for c in parts:
            out.add(c)
        return out
