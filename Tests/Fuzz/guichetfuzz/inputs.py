"""Fuzz inputs: input number K of a seed is a sample with one to three stacked mutations.

Each input has its own random generator, seeded with `SEED/K`, so that input K is the same bytes
whatever `--jobs`, `--count` or the order in which the workers finish: a finding is replayed with
`--seed SEED --only K`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .corpus import Corpus, Sample
from .mutations import pick_mutator
from .yamltext import MutationContext


@dataclass
class FuzzInput:
    """One mutated file: the sample it comes from and the mutations applied, in order."""

    index: int
    sample: Sample
    data: bytes
    mutations: list[str]

    @property
    def name(self) -> str:
        """The file name in a batch folder: unique per input, and sorted in input order."""
        if self.sample.kind == "scheme":
            return self.sample.path.name  # it replaces the scheme file of the same name
        return f"{self.index:05d}-{self.sample.path.stem}.yaml"

    def describe(self) -> str:
        return f"input {self.index} ({self.sample.relative}; {', '.join(self.mutations)})"


def input_kind(seed: int, index: int, scheme_share: float) -> str:
    """Whether input `index` mutates an application or a scheme, known without building it."""
    return "scheme" if random.Random(f"{seed}/{index}/kind").random() < scheme_share else "application"


def make_input(seed: int, index: int, kind: str, corpus: Corpus) -> FuzzInput:
    """Builds input `index` of `seed`: one to three stacked mutations of a random sample."""
    rng = random.Random(f"{seed}/{index}")
    sample = rng.choice(corpus.samples(kind))
    data = sample.data
    applied: list[str] = []
    wanted = 1 + (rng.random() < 0.4) + (rng.random() < 0.15)
    attempts = 0
    while (len(applied) < wanted or data == sample.data) and attempts < 12:
        attempts += 1
        mutator = pick_mutator(rng, kind)
        mutated = mutator.function(rng, data, MutationContext(kind, corpus))
        if mutated != data:
            data = mutated
            applied.append(mutator.name)
    return FuzzInput(index, sample, data, applied)
