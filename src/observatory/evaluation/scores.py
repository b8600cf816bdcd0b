"""Score records shared by every evaluator (claims, context, external data)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldScore:
    """Precision/recall of one field on one gold set; `floor` is the minimum F1 kept in the repo."""

    field: str
    tp: int
    fp: int
    fn: int
    floor: float | None = None

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def passed(self) -> bool:
        return self.floor is None or self.f1 >= self.floor
